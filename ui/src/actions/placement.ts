// Where a new card or note goes: into a chosen cell, at the first free grid spot, so nothing is
// dropped on top of existing work. A full cell makes its lane grow (everything below moves down)
// rather than stacking the new item on the old ones.

import type { Changes } from "../bindings/Changes";
import type { Editor } from "../editor/editor";
import { emptyChanges, squash } from "../model/changes";
import { recordOf } from "../model/doc";
import { shiftAfter } from "../editor/arrange";
import { cellAt, cellRect, type Column, type Row } from "../geometry/grid";
import { center, contains, intersects, type Rect } from "../geometry/rect";
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
  // Otherwise the first stage in sight, where the journey is read from: on a map seen whole, the
  // first stage (a trial's first card on an empty map landed in the middle one).
  const viewRight = view.x + editor.viewport.width / view.zoom;
  const firstInSight = grid.columns.find((c) => c.x + c.width / 2 >= view.x && c.x + c.width / 2 <= viewRight);
  const column = (focus?.kind === "stage" && grid.columns.find((c) => c.stage.id === focus.id)) || firstInSight || cell.column;
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
  return { spot, room: growLane(editor, cell.row, by) };
}

/**
 * The changes that make `row`'s lane `by` taller and move everything below it down as much,
 * except the item `keep` (one that grew past the lane's bottom stays where it is).
 */
function growLane(editor: Editor, row: Row, by: number, keep?: string): Changes {
  const lane = recordOf("lane", { ...row.lane, height: row.height + by });
  const below = shiftAfter(editor.doc, editor.mapId, "y", row.y + row.height, by);
  const moved =
    keep === undefined ? below.put : below.put.filter((r) => !((r.kind === "touchpoint" || r.kind === "note") && r.record.id === keep));
  return squash({ put: [lane], delete: [] }, { put: moved, delete: [] });
}

/**
 * Items dropped onto work that stayed put move to the nearest free grid spot of the cell they
 * landed in (the lane grows when the cell is full), so a drop never hides a card or a note; so do
 * items dropped off the grid, into the cell nearest to where they were let go. `ids` are the
 * items that moved; each is checked against everything else and against those already settled.
 * Committed under `mergeKey`, so the drag and the settling are one undo step.
 */
export function settleDropped(editor: Editor, ids: readonly string[], label: string, mergeKey: string): void {
  const pending = new Set(ids);
  for (const id of ids) {
    pending.delete(id);
    const item = editor.doc.get("touchpoint", id) ?? editor.doc.get("note", id);
    if (!item) continue;
    const cell = cellAt(editor.grid, center(item));
    if (!cell) continue;
    const offGrid = !contains(cellRect(cell.column, cell.row), center(item));
    if (offGrid || covers(editor, item, (o) => o.id !== id && !pending.has(o.id)))
      moveClear(editor, id, cell, (o) => !pending.has(o.id), label, mergeKey);
  }
}

/**
 * After a card or note was resized: its lane grows when it now reaches past the lane's bottom
 * (everything below moves down), and what it now covers in its cell moves to the nearest free
 * spot. Committed under `mergeKey`, so the resize stays one undo step.
 */
export function settleResized(editor: Editor, id: string, label: string, mergeKey: string): void {
  const item = editor.doc.get("touchpoint", id) ?? editor.doc.get("note", id);
  if (!item) return;
  const column = editor.grid.columns.find((c) => c.stage.id === item.stageId);
  const row = editor.grid.rows.find((r) => r.lane.id === item.laneId);
  if (!column || !row) return;
  const area = cellRect(column, row);
  const past = item.y + item.height + GRID - (area.y + area.height);
  if (past > 0) {
    // The card itself stays where it is, however far down its middle now is.
    editor.commit(growLane(editor, row, Math.ceil(past / GRID) * GRID, id), label, mergeKey);
  }
  const resized = editor.doc.get("touchpoint", id) ?? editor.doc.get("note", id);
  if (!resized) return;
  for (const other of editor.query(resized)) {
    if (other.id === id || !intersects(other, inner(resized))) continue;
    const cell = cellAt(editor.grid, center(other));
    if (cell) moveClear(editor, other.id, cell, () => true, label, mergeKey);
  }
}

/** Whether `item` overlaps an item `counts`. */
function covers(editor: Editor, item: Rect, counts: (other: Rect & { id: string }) => boolean): boolean {
  return editor.query(item).some((o) => counts(o) && intersects(o, inner(item)));
}

/** `r` a unit smaller on every side: cards that only touch count as apart. */
function inner(r: Rect): Rect {
  return { x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2 };
}

/** Moves the card or note `id` into `cell` at the free grid spot nearest to where it is, clear of
 * every item `counts` (the lane grows when the cell has no room), homed to that cell. */
function moveClear(
  editor: Editor,
  id: string,
  cell: Cell,
  counts: (other: Rect & { id: string }) => boolean,
  label: string,
  mergeKey: string,
): void {
  const card = editor.doc.get("touchpoint", id);
  const note = card ? undefined : editor.doc.get("note", id);
  const item = card ?? note;
  if (!item) return;
  const taken = editor.query(cellRect(cell.column, cell.row)).filter((o) => o.id !== id && counts(o));
  const free = nearestFree(cell, item, taken);
  const { spot, room } = free ? { spot: free, room: emptyChanges() } : placeIn(editor, cell, item.width, item.height);
  const homed = { x: spot.x, y: spot.y, stageId: cell.column.stage.id, laneId: cell.row.lane.id };
  const record = card ? recordOf("touchpoint", { ...card, ...homed }) : recordOf("note", { ...note!, ...homed });
  editor.commit(squash(room, { put: [record], delete: [] }), label, mergeKey);
}

/** The free grid spot of `cell` nearest to where `item` is, clear of `taken` by a small margin. */
function nearestFree(cell: Cell, item: Rect, taken: readonly Rect[]): { x: number; y: number } | undefined {
  const area = cellRect(cell.column, cell.row);
  const pad = 2 * GRID;
  let best: { x: number; y: number; d: number } | undefined;
  for (let y = area.y + pad; y + item.height <= area.y + area.height - pad / 2; y += GRID) {
    for (let x = area.x + pad; x + item.width <= area.x + area.width - pad / 2; x += GRID) {
      const d = (x - item.x) ** 2 + (y - item.y) ** 2;
      if (best && d >= best.d) continue;
      if (taken.some((t) => intersects(t, { x: x - 4, y: y - 4, width: item.width + 8, height: item.height + 8 }))) continue;
      best = { x, y, d };
    }
  }
  return best && { x: best.x, y: best.y };
}
