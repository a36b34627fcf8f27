// Copy, cut, paste and duplicate cards and notes, keeping the connectors between copied cards.
// The clipboard holds records; pasting gives them new ids and re-homes them to the cells they
// land in, so a paste into another map works too. Each copy goes to the first free spot of its
// cell (the lane grows when the cell is full), never on top of other work.

import type { Changes } from "../bindings/Changes";
import type { ProjectRecord } from "../bindings/ProjectRecord";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import { cascadesToFeedback, deletion } from "../model/ops";
import { cellAt } from "../geometry/grid";
import { center } from "../geometry/rect";
import { squash } from "../model/changes";
import { placeIn } from "./placement";
import type { Action } from "./types";

/** How far inside a clicked cell a paste starts. */
const CELL_MARGIN = 12;

function copied(e: Editor): Changes {
  const put: ProjectRecord[] = [];
  const ids = new Set(e.selection);
  for (const t of e.selectedTouchpoints()) put.push(recordOf("touchpoint", t));
  for (const n of e.selectedNotes()) put.push(recordOf("note", n));
  for (const c of e.doc.connectorsOf(e.mapId)) if (ids.has(c.fromId) && ids.has(c.toId)) put.push(recordOf("connector", c));
  return { put, delete: [] };
}

/** How far to move the clipboard's cards so that they start in the empty cell the person last
 * clicked (their top-left card a margin inside it), or undefined when no cell was clicked. */
function towardsPointedCell(e: Editor, clip: Changes): { dx: number; dy: number } | undefined {
  const cell = e.pointedCell;
  if (!cell) return undefined;
  const column = e.grid.columns.find((c) => c.stage.id === cell.stageId);
  const row = e.grid.rows.find((r) => r.lane.id === cell.laneId);
  const placed = clip.put.flatMap((r) => (r.kind === "touchpoint" || r.kind === "note" ? [r.record] : []));
  if (!column || !row || placed.length === 0) return undefined;
  const left = Math.min(...placed.map((p) => p.x));
  const top = Math.min(...placed.map((p) => p.y));
  return { dx: column.x + CELL_MARGIN - left, dy: row.y + CELL_MARGIN - top };
}

/**
 * Pastes `clip` into the current map as one undo step named `label`, and selects the copies.
 * Each card and note goes to the first free spot of the cell it lands in (moved by `towards`,
 * the clicked cell's offset, else where it was), its lane growing when the cell is full; the
 * connectors between copied cards come along. The cells are chosen first: a lane grown for one
 * copy moves the cells below it, not the copies' destinations.
 */
function pasteInto(e: Editor, clip: Changes, towards: { dx: number; dy: number } | undefined, label: string): Changes {
  const offset = towards ?? { dx: 0, dy: 0 };
  const grid = e.grid;
  const landing = clip.put.flatMap((r) => {
    if (r.kind !== "touchpoint" && r.kind !== "note") return [];
    const cell = cellAt(grid, center({ ...r.record, x: r.record.x + offset.dx, y: r.record.y + offset.dy }));
    return cell ? [{ r, stageId: cell.column.stage.id, laneId: cell.row.lane.id }] : [];
  });
  if (landing.length === 0) return clip;
  const step = `${label}:${newId()}`;
  e.endGesture();
  const fresh = new Map<string, string>();
  const spots = new Map<string, { x: number; y: number }>();
  // How a card felt to personas this map does not follow stays behind.
  const follows = new Set(e.doc.get("map", e.mapId)?.otherPersonas ?? []);
  for (const { r, stageId, laneId } of landing) {
    const column = e.grid.columns.find((c) => c.stage.id === stageId);
    const row = e.grid.rows.find((w) => w.lane.id === laneId);
    if (!column || !row) continue;
    const { spot, room } = placeIn(e, { column, row }, r.record.width, r.record.height);
    const id = newId();
    fresh.set(r.record.id, id);
    spots.set(r.record.id, spot);
    const at = { id, mapId: e.mapId, stageId, laneId, x: spot.x, y: spot.y };
    const record =
      r.kind === "touchpoint"
        ? recordOf("touchpoint", { ...r.record, ...at, feelings: r.record.feelings.filter((f) => follows.has(f.personaId)) })
        : recordOf("note", { ...r.record, ...at });
    e.commit(squash(room, { put: [record], delete: [] }), label, step);
  }
  const links: ProjectRecord[] = [];
  for (const r of clip.put) {
    if (r.kind !== "connector") continue;
    const fromId = fresh.get(r.record.fromId),
      toId = fresh.get(r.record.toId);
    if (fromId && toId) links.push(recordOf("connector", { ...r.record, id: newId(), mapId: e.mapId, fromId, toId }));
  }
  e.commit({ put: links, delete: [] }, label, step);
  e.endGesture();
  e.select([...fresh.values()]);
  // The clipboard as it was just placed: pasting again starts from there (the same cells).
  return {
    put: clip.put.map((r) => {
      const spot = (r.kind === "touchpoint" || r.kind === "note") && spots.get(r.record.id);
      return spot ? ({ ...r, record: { ...r.record, ...spot } } as ProjectRecord) : r;
    }),
    delete: [],
  };
}

const hasShapes = (e: Editor) => e.selectedTouchpoints().length + e.selectedNotes().length > 0;

export const copy: Action = {
  name: "copy",
  label: "Copy",
  keys: ["mod+c"],
  enabled: hasShapes,
  perform: (e) => {
    e.clipboard = copied(e);
    e.notify();
  },
};

export const cut: Action = {
  name: "cut",
  label: "Cut",
  keys: ["mod+x"],
  enabled: hasShapes,
  perform: (e) => {
    e.clipboard = copied(e);
    const refs = [
      ...e.selectedTouchpoints().map((t) => ({ kind: "touchpoint" as const, id: t.id })),
      ...e.selectedNotes().map((n) => ({ kind: "note" as const, id: n.id })),
    ];
    void e.withFeedback(() => {
      e.commit(deletion(e.doc, refs), "Cut");
      e.clearSelection();
    }, cascadesToFeedback(refs));
  },
};

export const paste: Action = {
  name: "paste",
  label: "Paste",
  keys: ["mod+v"],
  enabled: (e) => e.clipboard !== undefined && e.grid.columns.length > 0,
  perform: (e) => {
    if (e.clipboard) e.clipboard = pasteInto(e, e.clipboard, towardsPointedCell(e, e.clipboard), "Paste");
  },
};

export const duplicate: Action = {
  name: "duplicate",
  label: "Duplicate",
  keys: ["mod+d"],
  enabled: hasShapes,
  perform: (e) => {
    pasteInto(e, copied(e), undefined, "Duplicate");
  },
};
