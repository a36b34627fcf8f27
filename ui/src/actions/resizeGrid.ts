// Resize a stage column or lane row by dragging its edge; later columns or rows and their cards
// move with the edge. One drag is one undo step.

import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { shiftAfter } from "../editor/arrange";
import { squash } from "../model/changes";

export const MIN_STAGE_WIDTH = 120;
export const MIN_LANE_HEIGHT = 48;

export function resizeStage(e: Editor, stageId: string, width: number, gesture: string): void {
  const column = e.grid.columns.find((c) => c.stage.id === stageId);
  if (!column) return;
  const next = Math.max(MIN_STAGE_WIDTH, Math.round(width));
  const by = next - column.width;
  if (by === 0) return;
  const shift = shiftAfter(e.doc, e.mapId, "x", column.x + column.width, by);
  e.commit(squash({ put: [recordOf("stage", { ...column.stage, width: next })], delete: [] }, shift), "Resize stage", gesture);
}

export function resizeLane(e: Editor, laneId: string, height: number, gesture: string): void {
  const row = e.grid.rows.find((r) => r.lane.id === laneId);
  if (!row) return;
  const next = Math.max(MIN_LANE_HEIGHT, Math.round(height));
  const by = next - row.height;
  if (by === 0) return;
  const shift = shiftAfter(e.doc, e.mapId, "y", row.y + row.height, by);
  e.commit(squash({ put: [recordOf("lane", { ...row.lane, height: next })], delete: [] }, shift), "Resize lane", gesture);
}
