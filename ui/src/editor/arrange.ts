// Change sets that move cards and notes on the grid: re-homing each to the cell under its centre,
// shifting what lies after a column or row that changes size. Pure; they sit above both the
// model and the geometry they combine.

import type { Changes } from "../bindings/Changes";
import type { Note } from "../bindings/Note";
import type { Touchpoint } from "../bindings/Touchpoint";
import { cellAt, type MapGrid } from "../geometry/grid";
import { center } from "../geometry/rect";
import { emptyChanges } from "../model/changes";
import { recordOf, type Doc } from "../model/doc";

/** Which stage and lane a card or note belongs to: the cell under its centre. */
export function cellOf(grid: MapGrid, r: { x: number; y: number; width: number; height: number }) {
  const cell = cellAt(grid, center(r));
  return cell ? { stageId: cell.column.stage.id, laneId: cell.row.lane.id } : undefined;
}

/** Moves touchpoints and notes by (dx, dy), re-homing each to the cell under its centre. */
export function moveBy(doc: Doc, grid: MapGrid, ids: Iterable<string>, dx: number, dy: number): Changes {
  const out = emptyChanges();
  for (const id of ids) {
    const t = doc.get("touchpoint", id);
    if (t) {
      const moved: Touchpoint = { ...t, x: t.x + dx, y: t.y + dy };
      const cell = cellOf(grid, moved);
      out.put.push(recordOf("touchpoint", cell ? { ...moved, ...cell } : moved));
      continue;
    }
    const n = doc.get("note", id);
    if (n) {
      const moved: Note = { ...n, x: n.x + dx, y: n.y + dy };
      const cell = cellOf(grid, moved);
      out.put.push(recordOf("note", cell ? { ...moved, ...cell } : moved));
    }
  }
  return out;
}

/** Shifts every card and note of a map whose centre lies right of `x` (or below `y`). */
export function shiftAfter(doc: Doc, mapId: string, axis: "x" | "y", at: number, by: number): Changes {
  const out = emptyChanges();
  if (by === 0) return out;
  for (const t of doc.touchpointsOf(mapId)) if (center(t)[axis] >= at) out.put.push(recordOf("touchpoint", { ...t, [axis]: t[axis] + by }));
  for (const n of doc.notesOf(mapId)) if (center(n)[axis] >= at) out.put.push(recordOf("note", { ...n, [axis]: n[axis] + by }));
  return out;
}

export const snap = (v: number, step: number) => Math.round(v / step) * step;
