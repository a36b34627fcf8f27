// Align the selected cards and notes to a common edge or centre line, and distribute them evenly.

import type { Editor } from "../editor/editor";
import { moveBy } from "../editor/arrange";
import { squash, emptyChanges } from "../model/changes";
import type { Action } from "./types";

type Edge = "left" | "centre" | "right" | "top" | "middle" | "bottom";

function items(e: Editor) {
  return [...e.selectedTouchpoints(), ...e.selectedNotes()];
}

function alignTo(edge: Edge): Action {
  return {
    name: `align.${edge}`,
    label: `Align ${edge}`,
    enabled: (e) => items(e).length > 1,
    perform: (e) => {
      const all = items(e);
      const target = {
        left: Math.min(...all.map((i) => i.x)),
        right: Math.max(...all.map((i) => i.x + i.width)),
        centre: (Math.min(...all.map((i) => i.x)) + Math.max(...all.map((i) => i.x + i.width))) / 2,
        top: Math.min(...all.map((i) => i.y)),
        bottom: Math.max(...all.map((i) => i.y + i.height)),
        middle: (Math.min(...all.map((i) => i.y)) + Math.max(...all.map((i) => i.y + i.height))) / 2,
      }[edge];
      let out = emptyChanges();
      for (const i of all) {
        const dx =
          edge === "left" ? target - i.x : edge === "right" ? target - i.x - i.width : edge === "centre" ? target - i.x - i.width / 2 : 0;
        const dy =
          edge === "top" ? target - i.y : edge === "bottom" ? target - i.y - i.height : edge === "middle" ? target - i.y - i.height / 2 : 0;
        out = squash(out, moveBy(e.doc, e.grid, [i.id], dx, dy));
      }
      e.commit(out, `Align ${edge}`);
    },
  };
}

function distribute(axis: "x" | "y"): Action {
  const size = axis === "x" ? "width" : "height";
  return {
    name: `distribute.${axis === "x" ? "horizontally" : "vertically"}`,
    label: `Distribute ${axis === "x" ? "horizontally" : "vertically"}`,
    enabled: (e) => items(e).length > 2,
    perform: (e) => {
      const all = items(e).sort((a, b) => a[axis] - b[axis]);
      const first = all[0]!,
        last = all[all.length - 1]!;
      const span = last[axis] + last[size] - first[axis];
      const gap = (span - all.reduce((s, i) => s + i[size], 0)) / (all.length - 1);
      let at = first[axis];
      let out = emptyChanges();
      for (const i of all) {
        const d = at - i[axis];
        out = squash(out, moveBy(e.doc, e.grid, [i.id], axis === "x" ? d : 0, axis === "y" ? d : 0));
        at += i[size] + gap;
      }
      e.commit(out, "Distribute");
    },
  };
}

export const alignLeft = alignTo("left");
export const alignCentre = alignTo("centre");
export const alignRight = alignTo("right");
export const alignTop = alignTo("top");
export const alignMiddle = alignTo("middle");
export const alignBottom = alignTo("bottom");
export const distributeHorizontally = distribute("x");
export const distributeVertically = distribute("y");
