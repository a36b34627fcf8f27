import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { deleteSelection } from "./deleteSelection";
import { deleteComment, localNow, openThreads, reply, setResolved, startThread, threadsOn } from "./comments";

it("a thread on a card: replies, resolve and reopen, each one undo step, saved", async () => {
  const { editor, backend } = await sampleEditor();
  const card = editor.doc.touchpointsOf(editor.mapId).find((t) => t.title === "Bag drop queue")!;
  const before = openThreads(editor).length;
  const id = startThread(editor, "touchpoint", card.id, "  Who counts the queue?  ", "Ana", "2026-12-01T09:00:00")!;
  expect(editor.doc.get("comment", id)!.text).toBe("Who counts the queue?");
  expect(startThread(editor, "touchpoint", card.id, "   ", "Ana"), "nothing to say, no comment").toBeUndefined();
  reply(editor, id, "The station manager, by hand.", "Jonas", "2026-12-01T09:30:00");
  expect(
    threadsOn(editor, card.id)
      .find((t) => t.root.id === id)!
      .replies.map((r) => r.author),
  ).toEqual(["Jonas"]);
  expect(openThreads(editor)).toHaveLength(before + 1);
  setResolved(editor, id, true);
  expect(openThreads(editor)).toHaveLength(before);
  // A reply to a settled thread opens it again.
  reply(editor, id, "Not on Sundays, though.", "Priya", "2026-12-01T10:00:00");
  expect(editor.doc.get("comment", id)!.resolved).toBe(false);
  editor.undo();
  expect(editor.doc.get("comment", id)!.resolved, "undo: settled again, the reply gone").toBe(true);
  await editor.flush();
  expect(backend.file.get("comment", id)!.resolved).toBe(true);
  expect(localNow(new Date(2026, 0, 2, 3, 4, 5))).toBe("2026-01-02T03:04:05");
});

it("deleting the card takes its threads; deleting a first comment takes its replies; undo restores", async () => {
  const { editor } = await sampleEditor();
  const thread = openThreads(editor).find(
    (c) => c.target === "touchpoint" && threadsOn(editor, c.targetId).some((t) => t.replies.length > 0),
  )!;
  const count = () => [...editor.doc.tables.comment.values()].filter((c) => c.targetId === thread.targetId).length;
  const n = count();
  expect(n).toBeGreaterThanOrEqual(2);
  const inThread = 1 + threadsOn(editor, thread.targetId).find((t) => t.root.id === thread.id)!.replies.length;
  deleteComment(editor, thread.id);
  expect(count(), "the first comment went with its replies").toBe(n - inThread);
  editor.undo();
  expect(count()).toBe(n);
  editor.select([thread.targetId]);
  deleteSelection.perform(editor);
  expect(count()).toBe(0);
  editor.undo();
  expect(count()).toBe(n);
});
