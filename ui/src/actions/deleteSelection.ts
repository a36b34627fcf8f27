// Delete what is selected: cards (with their connectors), notes, connectors, or the focused stage
// or lane (with its cards, closing the gap).

import type { RecordRef } from "../bindings/RecordRef";
import { cascadesToFeedback, deletion } from "../model/ops";
import type { Editor } from "../editor/editor";
import { deleteStage } from "./addStage";
import { deleteLane } from "./addLane";
import type { Action } from "./types";

export const deleteSelection: Action = {
  name: "deleteSelection",
  label: "Delete",
  keys: ["delete", "backspace"],
  enabled: (e) => e.selection.size > 0 || e.focus?.kind === "stage" || e.focus?.kind === "lane",
  perform: (e: Editor) => {
    if (e.selection.size === 0 && e.focus) {
      if (e.focus.kind === "stage") void deleteStage(e, e.focus.id);
      else if (e.focus.kind === "lane") void deleteLane(e, e.focus.id);
      return;
    }
    const refs: RecordRef[] = [];
    for (const id of e.selection) {
      const shape = e.shape(id);
      if (shape) refs.push({ kind: shape.kind, id });
    }
    void e.withFeedback(() => {
      e.commit(deletion(e.doc, refs), refs.length === 1 ? "Delete item" : `Delete ${refs.length} items`);
      e.clearSelection();
    }, cascadesToFeedback(refs));
  },
};
