// Move the selection with the arrow keys: one grid step, or ten with Shift. Repeated nudges in
// the same direction are one undo step.

import type { Editor } from "../editor/editor";
import { GRID } from "../geometry/layout";
import { center, type Rect, union } from "../geometry/rect";
import { moveBy } from "../editor/arrange";
import type { Action } from "./types";

/** The selected cards and notes (connectors follow their cards and are not moved). */
function placedSelection(e: Editor): Rect[] {
  const out: Rect[] = [];
  for (const id of e.selection) {
    const s = e.shape(id);
    if (s && s.kind !== "connector") out.push(s.item);
  }
  return out;
}

/** The move, shortened so that every centre stays on the grid: a card pushed past its edge
 * would belong to no stage or lane and drift out of sight. */
export function onGrid(e: Editor, dx: number, dy: number): [number, number] {
  const { columns, rows } = e.grid;
  const last = columns[columns.length - 1];
  const bottom = rows[rows.length - 1];
  if (!columns[0] || !last || !rows[0] || !bottom) return [dx, dy];
  const [left, right, top, end] = [columns[0].x + 1, last.x + last.width - 1, rows[0].y + 1, bottom.y + bottom.height - 1];
  for (const r of placedSelection(e)) {
    const c = center(r);
    if (dx < 0) dx = Math.min(0, Math.max(dx, left - c.x));
    if (dx > 0) dx = Math.max(0, Math.min(dx, right - c.x));
    if (dy < 0) dy = Math.min(0, Math.max(dy, top - c.y));
    if (dy > 0) dy = Math.max(0, Math.min(dy, end - c.y));
  }
  return [dx, dy];
}

function nudge(name: string, dx: number, dy: number, key: string): Action[] {
  const make = (factor: number, keys: string[]): Action => ({
    name: factor === 1 ? `nudge.${name}` : `nudge.${name}.far`,
    label: `Move ${name}`,
    keys,
    enabled: (e: Editor) => e.selection.size > 0,
    perform: (e: Editor) => {
      const [x, y] = onGrid(e, dx * GRID * factor, dy * GRID * factor);
      if (x === 0 && y === 0) return;
      e.commit(moveBy(e.doc, e.grid, e.selection, x, y), "Move", `nudge:${[...e.selection].join()}`);
      // The view follows what is being moved.
      const moved = union(placedSelection(e));
      if (moved) e.reveal(moved);
    },
  });
  return [make(1, [key]), make(10, [`shift+${key}`])];
}

export const nudges: Action[] = [
  ...nudge("left", -1, 0, "arrowleft"),
  ...nudge("right", 1, 0, "arrowright"),
  ...nudge("up", 0, -1, "arrowup"),
  ...nudge("down", 0, 1, "arrowdown"),
];
