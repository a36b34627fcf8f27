// Comments as people write them: start a thread on a card, note or opportunity, reply to one,
// resolve or reopen it, delete a comment (a thread's first comment takes its replies). Each is
// one undo step; the time is the caller's, to the second.

import type { Comment } from "../bindings/Comment";
import type { CommentTarget } from "../bindings/CommentTarget";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import { deletion } from "../model/ops";

/** Local time as the core keeps it: YYYY-MM-DDTHH:MM:SS. */
export function localNow(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}

/** The map an item is on, if it exists. */
function mapOf(e: Editor, target: CommentTarget, id: string): string | undefined {
  return e.doc.get(target, id)?.mapId;
}

export function startThread(
  e: Editor,
  target: CommentTarget,
  targetId: string,
  text: string,
  author: string,
  created = localNow(),
): string | undefined {
  const mapId = mapOf(e, target, targetId);
  if (!mapId || !text.trim()) return undefined;
  const c: Comment = {
    id: newId(),
    mapId,
    target,
    targetId,
    parentId: null,
    author: author.trim(),
    text: text.trim(),
    created,
    resolved: false,
  };
  e.commit({ put: [recordOf("comment", c)], delete: [] }, "Comment");
  return c.id;
}

export function reply(e: Editor, threadId: string, text: string, author: string, created = localNow()): string | undefined {
  const root = e.doc.get("comment", threadId);
  if (!root || root.parentId || !text.trim()) return undefined;
  const c: Comment = { ...root, id: newId(), parentId: root.id, author: author.trim(), text: text.trim(), created, resolved: false };
  // Replying to a settled thread opens it again: there is something to say after all.
  const put = [recordOf("comment", c)];
  if (root.resolved) put.push(recordOf("comment", { ...root, resolved: false }));
  e.commit({ put, delete: [] }, "Reply");
  return c.id;
}

export function setResolved(e: Editor, threadId: string, resolved: boolean): void {
  const root = e.doc.get("comment", threadId);
  if (!root || root.parentId || root.resolved === resolved) return;
  e.commit({ put: [recordOf("comment", { ...root, resolved })], delete: [] }, resolved ? "Resolve thread" : "Reopen thread");
}

export function deleteComment(e: Editor, id: string): void {
  if (!e.doc.get("comment", id)) return;
  e.commit(deletion(e.doc, [{ kind: "comment", id }]), "Delete comment");
}

/** The threads on an item: first comments oldest first, each with its replies in order. */
export function threadsOn(e: Editor, targetId: string): Array<{ root: Comment; replies: Comment[] }> {
  const all = [...e.doc.tables.comment.values()].filter((c) => c.targetId === targetId);
  const byTime = (a: Comment, b: Comment) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1);
  return all
    .filter((c) => !c.parentId)
    .sort(byTime)
    .map((root) => ({ root, replies: all.filter((c) => c.parentId === root.id).sort(byTime) }));
}

/** Every open thread of a map, oldest first. */
export function openThreads(e: Editor, mapId = e.mapId): Comment[] {
  return [...e.doc.tables.comment.values()]
    .filter((c) => c.mapId === mapId && !c.parentId && !c.resolved)
    .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
}
