// Change fields of one record from the side panel, the table view or in-place text editing.
// Typing into one field is one undo step until the field loses focus.

import type { ProjectInfo } from "../bindings/ProjectInfo";
import type { RecordKind } from "../bindings/RecordKind";
import type { Editor } from "../editor/editor";
import type { Changes } from "../bindings/Changes";
import { emptyChanges, squash } from "../model/changes";
import { recordOf, type RecordOf } from "../model/doc";
import { cellOf } from "../editor/arrange";
import { placeIn } from "./placement";

export function editField<K extends RecordKind>(e: Editor, kind: K, id: string, patch: Partial<RecordOf[K]>, label = "Edit"): void {
  const current = e.doc.get(kind, id);
  if (!current) return;
  let next = { ...current, ...patch } as RecordOf[K];
  let room = emptyChanges();
  if (kind === "touchpoint" && ("stageId" in patch || "laneId" in patch)) {
    // Moving a card to another stage or lane in the table or the side panel puts it into that
    // cell on the canvas, where nothing else is (the lane grows when the cell is full).
    const placed = placeInCell(e, next as RecordOf["touchpoint"]);
    next = placed.card as RecordOf[K];
    room = placed.room;
  }
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  e.commit(squash(room, { put: [recordOf(kind, next)], delete: [] }), label, fieldsKey(id, Object.keys(patch)));
}

/** The undo step typing into `fields` of record `id` builds up until the typing ends. */
export function fieldsKey(id: string, fields: readonly string[]): string {
  return `edit:${id}:${fields.join()}`;
}

export function editInfo(e: Editor, patch: Partial<ProjectInfo>): void {
  const next = { ...e.doc.info, ...patch };
  if (JSON.stringify(next) === JSON.stringify(e.doc.info)) return;
  e.commit({ put: [{ kind: "info", record: next }], delete: [] }, "Edit project", `info:${Object.keys(patch).join()}`);
}

function placeInCell(e: Editor, t: RecordOf["touchpoint"]): { card: RecordOf["touchpoint"]; room: Changes } {
  const column = e.grid.columns.find((c) => c.stage.id === t.stageId);
  const row = e.grid.rows.find((r) => r.lane.id === t.laneId);
  if (!column || !row) return { card: t, room: emptyChanges() };
  const inside = cellOf(e.grid, t);
  if (inside?.stageId === t.stageId && inside.laneId === t.laneId) return { card: t, room: emptyChanges() };
  const { spot, room } = placeIn(e, { column, row }, t.width, t.height);
  return { card: { ...t, ...spot }, room };
}
