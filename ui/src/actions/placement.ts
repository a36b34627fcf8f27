// Where a new card or note goes: into a chosen cell, at the first free grid spot, so nothing is
// dropped on top of existing work. A full cell makes its lane grow (everything below moves down)
// rather than stacking the new item on the old ones.

import type { Changes } from "../bindings/Changes";
import type { Editor } from "../editor/editor";
import { emptyChanges, squash } from "../model/changes";
import { recordOf } from "../model/doc";
import { shiftAfter } from "../editor/arrange";
import { cellAt, cellRect, type Column, type Row } from "../geometry/grid";
import { intersects, type Rect } from "../geometry/rect";
import { GRID } from "../geometry/layout";

export interface Cell {
  column: Column;
  row: Row;
}

/**
 * The cell new work goes into: with something selected, its stage, and its lane unless
 * `preferLane` names a lane kind the map has (a note added beside a card goes to the pain points
 * of that stage, not under the card); otherwise the focused stage or lane, else the middle of the
 * view, in the preferred lane.
 */
export function targetCell(editor: Editor, preferLane?: string): Cell | undefined {
  const grid = editor.grid;
  const selected = editor.selectedTouchpoints()[0] ?? editor.selectedNotes()[0];
  const preferred = preferLane ? grid.rows.find((r) => r.lane.kind === preferLane) : undefined;
  if (selected) {
    const cell = cellAt(grid, { x: selected.x + selected.width / 2, y: selected.y + selected.height / 2 });
    if (!cell) return undefined;
    const besideNote = editor.doc.get("note", selected.id) !== undefined;
    const keepRow = !preferred || preferLane !== "painPoints" || besideNote;
    return { column: cell.column, row: keepRow || !preferred ? cell.row : preferred };
  }
  const pointed = editor.pointedCell;
  if (pointed) {
    // The person clicked this cell: that is where they mean.
    const column = grid.columns.find((c) => c.stage.id === pointed.stageId);
    const row = grid.rows.find((r) => r.lane.id === pointed.laneId);
    if (column && row) return { column, row };
  }
  const focus = editor.focus;
  const view = editor.camera;
  const mid = {
    x: view.x + editor.viewport.width / view.zoom / 2,
    y: view.y + editor.viewport.height / view.zoom / 2,
  };
  const cell = cellAt(grid, mid);
  if (!cell) return undefined;
  const column = (focus?.kind === "stage" && grid.columns.find((c) => c.stage.id === focus.id)) || cell.column;
  const row = (focus?.kind === "lane" && grid.rows.find((r) => r.lane.id === focus.id)) || preferred || cell.row;
  return { column, row };
}

/** The first spot in `cell` (row by row) where a `width`×`height` item overlaps nothing, if any. */
export function freeSpot(editor: Editor, cell: Cell, width: number, height: number): { x: number; y: number } | undefined {
  const area = cellRect(cell.column, cell.row);
  const pad = 2 * GRID;
  const taken: Rect[] = editor.query(area);
  for (let y = area.y + pad; y + height <= area.y + area.height - pad / 2; y += GRID) {
    for (let x = area.x + pad; x + width <= area.x + area.width - pad / 2; x += GRID) {
      if (!taken.some((t) => intersects(t, { x: x - 4, y: y - 4, width: width + 8, height: height + 8 }))) return { x, y };
    }
  }
  return undefined;
}

/**
 * A free spot for a `width`×`height` item in `cell`, and the changes that make room for it: none
 * when the cell has space, else the lane grows by a row of items and everything below it moves
 * down by as much. Apply `room` in the same step as the new item.
 */
export function placeIn(editor: Editor, cell: Cell, width: number, height: number): { spot: { x: number; y: number }; room: Changes } {
  const free = freeSpot(editor, cell, width, height);
  if (free) return { spot: free, room: emptyChanges() };
  const area = cellRect(cell.column, cell.row);
  const pad = 2 * GRID;
  const below = Math.max(area.y + pad - GRID, ...editor.query(area).map((t) => t.y + t.height));
  const spot = { x: area.x + pad, y: Math.ceil((below + GRID) / GRID) * GRID };
  const needed = spot.y + height + pad - area.y;
  const by = Math.ceil((needed - area.height) / GRID) * GRID;
  if (by <= 0) return { spot, room: emptyChanges() };
  const lane = recordOf("lane", { ...cell.row.lane, height: cell.row.height + by });
  const room = squash({ put: [lane], delete: [] }, shiftAfter(editor.doc, editor.mapId, "y", area.y + area.height, by));
  return { spot, room };
}
