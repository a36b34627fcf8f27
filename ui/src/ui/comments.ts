// The comments on one item (a card, a sticky note or an opportunity), as the side panel and the
// opportunity editor show them: each thread with its replies, a reply box, Resolve / Reopen, and
// a box for a new thread. Settled threads fold away under a count.

import type { Comment } from "../bindings/Comment";
import type { CommentTarget } from "../bindings/CommentTarget";
import type { Editor } from "../editor/editor";
import { deleteComment, reply, setResolved, startThread, threadsOn } from "../actions/comments";
import { clear, h } from "./dom";
import { signature } from "./preferences";

/** "2026-11-18T10:12:00" → "18 Nov, 10:12" (the year when it is not this one). */
export function when(created: string, now = new Date()): string {
  const d = new Date(created);
  if (Number.isNaN(d.getTime())) return created;
  const month = d.toLocaleString("en-GB", { month: "short" });
  const time = `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  return `${d.getDate()} ${month}${d.getFullYear() === now.getFullYear() ? "" : ` ${d.getFullYear()}`}, ${time}`;
}

/** The block, and `refresh` to call after any change (it never replaces a box being typed in). */
export function commentsBlock(editor: Editor, target: CommentTarget, targetId: string): { root: HTMLElement; refresh: () => void } {
  const threads = h("div", { class: "threads" });
  const fresh = h("textarea", { name: "newComment", rows: 2, placeholder: "Add a comment…", "aria-label": "New comment" });
  const post = h(
    "button",
    {
      type: "button",
      name: "postComment",
      onclick: async () => {
        if (!fresh.value.trim()) return fresh.focus();
        const author = await signature();
        if (author === undefined) return;
        if (startThread(editor, target, targetId, fresh.value, author)) fresh.value = "";
      },
    },
    "Comment",
  );
  fresh.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      post.click();
    }
  });
  const line = (c: Comment) =>
    h(
      "div",
      { class: "comment", "data-comment": c.id },
      h(
        "div",
        { class: "comment-meta" },
        h("strong", {}, c.author || "Someone"),
        h("span", { class: "muted" }, ` · ${when(c.created)}`),
        h(
          "button",
          {
            type: "button",
            class: "chip-remove",
            title: c.parentId ? "Delete this reply" : "Delete this thread",
            "aria-label": c.parentId ? "Delete reply" : "Delete thread",
            onclick: () => deleteComment(editor, c.id),
          },
          "×",
        ),
      ),
      h("p", { class: "comment-text" }, c.text),
    );
  const refresh = () => {
    // A reply being typed keeps its box: the list waits until the focus leaves it.
    const active = document.activeElement;
    if (active instanceof HTMLTextAreaElement && threads.contains(active) && active.value.trim()) return;
    clear(threads);
    const all = threadsOn(editor, targetId);
    const open = all.filter((t) => !t.root.resolved);
    const settled = all.filter((t) => t.root.resolved);
    const thread = ({ root, replies }: { root: Comment; replies: Comment[] }) => {
      const box = h("textarea", { name: "reply", rows: 1, placeholder: "Reply…", "aria-label": "Reply" });
      const send = async () => {
        if (!box.value.trim()) return;
        const author = await signature();
        if (author === undefined) return;
        const text = box.value;
        box.value = "";
        reply(editor, root.id, text, author);
      };
      // One line until it is written in: then room for a paragraph (Ctrl+Enter sends).
      box.addEventListener("focus", () => (box.rows = 3));
      box.addEventListener("blur", () => {
        if (!box.value.trim()) box.rows = 1;
      });
      box.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
          ev.preventDefault();
          void send();
        }
      });
      return h(
        "div",
        { class: `thread${root.resolved ? " resolved" : ""}`, "data-thread": root.id },
        line(root),
        ...replies.map(line),
        h(
          "div",
          { class: "thread-actions" },
          box,
          h("button", { type: "button", name: "sendReply", onclick: () => void send() }, "Reply"),
          h(
            "button",
            {
              type: "button",
              name: root.resolved ? "reopenThread" : "resolveThread",
              onclick: () => setResolved(editor, root.id, !root.resolved),
            },
            root.resolved ? "Reopen" : "Resolve",
          ),
        ),
      );
    };
    threads.append(...open.map(thread));
    if (settled.length)
      threads.append(
        h(
          "details",
          { class: "settled" },
          h("summary", {}, `${settled.length} resolved thread${settled.length === 1 ? "" : "s"}`),
          ...settled.map(thread),
        ),
      );
  };
  refresh();
  const root = h(
    "section",
    { class: "comments", "aria-label": "Comments" },
    h("h3", {}, "Comments"),
    threads,
    h("div", { class: "new-comment" }, fresh, post),
  );
  return { root, refresh };
}
