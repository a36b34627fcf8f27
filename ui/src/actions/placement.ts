// Where a new card or note goes: into a chosen cell, at the first free grid spot, so nothing is
// dropped on top of existing work.

import type { Editor } from "../editor/editor";
import { cellAt, cellRect, type Column, type Row } from "../geometry/grid";
import { intersects, type Rect } from "../geometry/rect";
import { GRID } from "../geometry/layout";

export interface Cell {
  column: Column;
  row: Row;
}

/** The cell new work goes into: beside the selection, else the preferred lane under the view. */
export function targetCell(editor: Editor, preferLane?: string): Cell | undefined {
  const grid = editor.grid;
  const selected = editor.selectedTouchpoints()[0] ?? editor.selectedNotes()[0];
  if (selected) return cellAt(grid, { x: selected.x + selected.width / 2, y: selected.y + selected.height / 2 });
  const focus = editor.focus;
  const view = editor.camera;
  const mid = {
    x: view.x + editor.viewport.width / view.zoom / 2,
    y: view.y + editor.viewport.height / view.zoom / 2,
  };
  const cell = cellAt(grid, mid);
  if (!cell) return undefined;
  const column =
    (focus?.kind === "stage" && grid.columns.find((c) => c.stage.id === focus.id)) || cell.column;
  const row =
    (focus?.kind === "lane" && grid.rows.find((r) => r.lane.id === focus.id)) ||
    grid.rows.find((r) => r.lane.kind === preferLane) ||
    cell.row;
  return { column, row };
}

/** The first spot in `cell` (row by row) where a `width`×`height` item overlaps nothing. */
export function freeSpot(editor: Editor, cell: Cell, width: number, height: number): { x: number; y: number } {
  const area = cellRect(cell.column, cell.row);
  const pad = 2 * GRID;
  const taken: Rect[] = editor.query(area);
  for (let y = area.y + pad; y + height <= area.y + area.height - pad / 2; y += GRID) {
    for (let x = area.x + pad; x + width <= area.x + area.width - pad / 2; x += GRID) {
      if (!taken.some((t) => intersects(t, { x: x - 4, y: y - 4, width: width + 8, height: height + 8 })))
        return { x, y };
    }
  }
  // A full cell still takes the item, offset so it is visibly new rather than hidden.
  return { x: area.x + pad + GRID * (taken.length % 8), y: area.y + pad + GRID * (taken.length % 8) };
}
