// Change fields of one record from the side panel, the table view or in-place text editing.
// Typing into one field is one undo step until the field loses focus.

import type { ProjectInfo } from "../bindings/ProjectInfo";
import type { RecordKind } from "../bindings/RecordKind";
import type { Editor } from "../editor/editor";
import { recordOf, type RecordOf } from "../model/doc";
import { cellOf } from "../editor/arrange";

export function editField<K extends RecordKind>(e: Editor, kind: K, id: string, patch: Partial<RecordOf[K]>, label = "Edit"): void {
  const current = e.doc.get(kind, id);
  if (!current) return;
  let next = { ...current, ...patch } as RecordOf[K];
  if (kind === "touchpoint" && ("stageId" in patch || "laneId" in patch)) {
    // Moving a card to another stage or lane in the table puts it into that cell on the canvas.
    next = placeInCell(e, next as RecordOf["touchpoint"]) as RecordOf[K];
  }
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  e.commit({ put: [recordOf(kind, next)], delete: [] }, label, `edit:${id}:${Object.keys(patch).join()}`);
}

export function editInfo(e: Editor, patch: Partial<ProjectInfo>): void {
  const next = { ...e.doc.info, ...patch };
  if (JSON.stringify(next) === JSON.stringify(e.doc.info)) return;
  e.commit({ put: [{ kind: "info", record: next }], delete: [] }, "Edit project", `info:${Object.keys(patch).join()}`);
}

function placeInCell(e: Editor, t: RecordOf["touchpoint"]): RecordOf["touchpoint"] {
  const column = e.grid.columns.find((c) => c.stage.id === t.stageId);
  const row = e.grid.rows.find((r) => r.lane.id === t.laneId);
  if (!column || !row) return t;
  const inside = cellOf(e.grid, t);
  if (inside?.stageId === t.stageId && inside.laneId === t.laneId) return t;
  return { ...t, x: column.x + 16, y: row.y + 16 };
}
