// Move the selection to the next (or previous) card of the map in reading order (from a note, the
// next note), so a facilitator at the keyboard can go from card to card, rating each in turn:
// stage by stage, and in a stage lane by lane, top to bottom and left to right.

import type { Editor } from "../editor/editor";
import { cellAt } from "../geometry/grid";
import type { Action } from "./types";
import { onMap } from "./zoom";

/** The map's cards and notes in reading order. */
export function readingOrder(e: Editor): string[] {
  const grid = e.grid;
  const column = new Map(grid.columns.map((c, i) => [c.stage.id, i]));
  const row = new Map(grid.rows.map((r, i) => [r.lane.id, i]));
  const items = [...e.doc.touchpointsOf(e.mapId), ...e.doc.notesOf(e.mapId)].map((t) => {
    const cell = cellAt(grid, { x: t.x + t.width / 2, y: t.y + t.height / 2 });
    return {
      id: t.id,
      key: [column.get(cell?.column.stage.id ?? "") ?? 0, row.get(cell?.row.lane.id ?? "") ?? 0, t.y, t.x],
    };
  });
  items.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return a.id.localeCompare(b.id);
  });
  return items.map((i) => i.id);
}

function step(e: Editor, by: 1 | -1): void {
  const all = readingOrder(e);
  // From the last item selected (a click or the previous step), to the next of its kind: card to
  // card (rating them in turn), note to note.
  const from = [...e.selection].reverse().find((id) => all.includes(id));
  const kind = from !== undefined && e.doc.get("note", from) ? "note" : "touchpoint";
  const order = all.filter((id) => (e.doc.get("note", id) ? "note" : "touchpoint") === kind);
  if (order.length === 0) return;
  const at = from === undefined ? (by > 0 ? -1 : order.length) : order.indexOf(from);
  const next = order[(at + by + order.length) % order.length]!;
  e.select([next]);
  const item = e.doc.get("touchpoint", next) ?? e.doc.get("note", next);
  if (item) e.reveal(item);
}

const applies = (e: Editor) => onMap(e) && e.selection.size > 0;

export const selectNext: Action = {
  name: "selectNext",
  label: "Select the next card or note",
  keys: ["tab"],
  enabled: applies,
  perform: (e) => step(e, 1),
};

export const selectPrevious: Action = {
  name: "selectPrevious",
  label: "Select the previous card or note",
  keys: ["shift+tab"],
  enabled: applies,
  perform: (e) => step(e, -1),
};
