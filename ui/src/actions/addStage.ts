// Add a stage column after the focused stage (or at the end), making room for it by moving the
// cards of later stages right.

import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import { deletion, takenAlong } from "../model/ops";
import { shiftAfter } from "../editor/arrange";
import { squash } from "../model/changes";
import { STAGE_WIDTH } from "../geometry/layout";
import type { Editor } from "../editor/editor";
import type { Action } from "./types";

export function addStageAfter(editor: Editor, afterId?: string): string {
  const stages = editor.doc.stagesOf(editor.mapId);
  const index = afterId ? stages.findIndex((s) => s.id === afterId) : stages.length - 1;
  const column = editor.grid.columns[index];
  const at = column ? column.x + column.width : editor.grid.bounds.width;
  const id = newId();
  const stage = { id, mapId: editor.mapId, name: `Stage ${stages.length + 1}`, description: "", position: 0, width: STAGE_WIDTH };
  const ordered = [...stages.slice(0, index + 1), stage, ...stages.slice(index + 1)];
  const put = ordered
    .map((s, position) => ({ ...s, position }))
    .filter((s) => s.id === id || editor.doc.get("stage", s.id)?.position !== s.position)
    .map((s) => recordOf("stage", s));
  const fitted = editor.isFitted();
  editor.commit(squash({ put, delete: [] }, shiftAfter(editor.doc, editor.mapId, "x", at, STAGE_WIDTH)), "Add stage");
  editor.setFocus("stage", id);
  const added = editor.grid.columns.find((c) => c.stage.id === id);
  // Brought into view sideways only: the height given is the middle of the view, clear of the
  // sticky stage headers (the view's top edge is under them, and revealing it moved the map
  // down by a header's height with every stage added).
  const middle = editor.camera.y + editor.viewport.height / editor.camera.zoom / 2;
  if (added) editor.showAdded({ x: added.x, y: middle, width: added.width, height: 1 }, fitted);
  editor.editing = id;
  return id;
}

export const addStage: Action = {
  name: "addStage",
  label: "Add stage",
  keys: ["shift+s"],
  enabled: (e) => e.mapId !== "",
  perform: (e) => void addStageAfter(e, e.focus?.kind === "stage" ? e.focus.id : undefined),
};

/** Deleting a stage closes the gap it leaves. */
export function deleteStage(editor: Editor, stageId: string): Promise<void> {
  return editor.withFeedback(() => {
    const column = editor.grid.columns.find((c) => c.stage.id === stageId);
    if (!column) return;
    const removal = deletion(editor.doc, [{ kind: "stage", id: stageId }]);
    const shift = shiftAfter(editor.doc, editor.mapId, "x", column.x + column.width, -column.width);
    // The removal goes last so that its deletions win over any shift of the same records.
    const along = takenAlong(removal);
    // The undo label (shown in the status bar) says what went with it.
    editor.commit(squash(shift, removal), `Delete stage “${column.stage.name}”${along ? ` with ${along}` : ""}`);
  });
}
