// Move the selection with the arrow keys: one grid step, or ten with Shift. Repeated nudges in
// the same direction are one undo step.

import type { Editor } from "../editor/editor";
import { GRID } from "../geometry/layout";
import { moveBy } from "../editor/arrange";
import type { Action } from "./types";

function nudge(name: string, dx: number, dy: number, key: string): Action[] {
  const make = (factor: number, keys: string[]): Action => ({
    name: factor === 1 ? `nudge.${name}` : `nudge.${name}.far`,
    label: `Move ${name}`,
    keys,
    enabled: (e: Editor) => e.selection.size > 0,
    perform: (e: Editor) =>
      e.commit(moveBy(e.doc, e.grid, e.selection, dx * GRID * factor, dy * GRID * factor), "Move", `nudge:${[...e.selection].join()}`),
  });
  return [make(1, [key]), make(10, [`shift+${key}`])];
}

export const nudges: Action[] = [
  ...nudge("left", -1, 0, "arrowleft"),
  ...nudge("right", 1, 0, "arrowright"),
  ...nudge("up", 0, -1, "arrowup"),
  ...nudge("down", 0, 1, "arrowdown"),
];
