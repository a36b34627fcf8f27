// Dot-voting in a workshop: add or take back a vote on the selected sticky notes.

import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import type { Action } from "./types";

function vote(by: 1 | -1): (e: Editor) => void {
  return (e) =>
    e.commit(
      {
        put: e.selectedNotes().map((n) => recordOf("note", { ...n, votes: Math.max(0, n.votes + by) })),
        delete: [],
      },
      by > 0 ? "Vote" : "Remove vote",
    );
}

export const addVote: Action = {
  name: "addVote",
  label: "Add a vote",
  keys: ["v"],
  enabled: (e) => e.selectedNotes().length > 0,
  perform: vote(1),
};

export const removeVote: Action = {
  name: "removeVote",
  label: "Remove a vote",
  keys: ["shift+v"],
  enabled: (e) => e.selectedNotes().some((n) => n.votes > 0),
  perform: vote(-1),
};
