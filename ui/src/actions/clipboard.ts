// Copy, cut, paste and duplicate cards and notes, keeping the connectors between copied cards.
// The clipboard holds records; pasting gives them new ids and re-homes them to the cells they
// land in, so a paste into another map works too. A single card or note goes to the first free
// spot of its cell (the lane grows when the cell is full), never on top of other work; a group
// keeps its arrangement and lands a step further along.

import type { Changes } from "../bindings/Changes";
import type { Touchpoint } from "../bindings/Touchpoint";
import type { ProjectRecord } from "../bindings/ProjectRecord";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import { cascadesToFeedback, deletion } from "../model/ops";
import { cellOf } from "../editor/arrange";
import { cellAt } from "../geometry/grid";
import { center } from "../geometry/rect";
import { squash } from "../model/changes";
import { type Cell, placeIn } from "./placement";
import type { Action } from "./types";

const OFFSET = 24;
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

/** A single card or note moved by `offset` lands in a cell: where in it a copy overlaps
 * nothing, as the offset that takes it there, with the room made for it when the cell is full.
 * Undefined for a group, or when the card lands outside every cell. */
function spotFor(e: Editor, clip: Changes, offset: { dx: number; dy: number }) {
  const items = clip.put.flatMap((r) => (r.kind === "touchpoint" || r.kind === "note" ? [r.record] : []));
  const item = items.length === 1 ? items[0]! : undefined;
  if (!item) return undefined;
  const cell = cellAt(e.grid, center({ ...item, x: item.x + offset.dx, y: item.y + offset.dy }));
  if (!cell) return undefined;
  const { spot, room } = placeIn(e, cell, item.width, item.height);
  return { offset: { dx: spot.x - item.x, dy: spot.y - item.y }, room, cell };
}

/** The clipboard pasted into the current map: at a free spot of its cell for a single card or
 * note (from `towards`, the clicked cell's offset, or where it was), else moved by `towards` or
 * a step along. Returns the changes, the new ids, and the offset used. */
function placed(e: Editor, clip: Changes, towards: { dx: number; dy: number } | undefined) {
  const single = spotFor(e, clip, towards ?? { dx: 0, dy: 0 });
  const offset = single?.offset ?? towards ?? { dx: OFFSET, dy: OFFSET };
  const { changes, ids } = pasted(e, clip, offset, single?.cell);
  return { changes: single ? squash(single.room, changes) : changes, ids, offset };
}

/** The clipboard's records with fresh ids, moved by `offset`, in the current map (in `into`
 * when given: a spot made by growing its lane is not in that cell yet). */
function pasted(e: Editor, clip: Changes, offset: { dx: number; dy: number }, into?: Cell): { changes: Changes; ids: string[] } {
  const fresh = new Map<string, string>();
  const idFor = (old: string) => {
    const known = fresh.get(old);
    if (known) return known;
    const id = newId();
    fresh.set(old, id);
    return id;
  };
  const put: ProjectRecord[] = [];
  const ids: string[] = [];
  const grid = e.grid;
  for (const r of clip.put) {
    if (r.kind === "touchpoint" || r.kind === "note") {
      const moved = { ...r.record, id: idFor(r.record.id), mapId: e.mapId, x: r.record.x + offset.dx, y: r.record.y + offset.dy };
      const cell = into ? { stageId: into.column.stage.id, laneId: into.row.lane.id } : cellOf(grid, moved);
      if (!cell) continue;
      ids.push(moved.id);
      // How a card felt to personas this map does not follow stays behind.
      const follows = new Set(e.doc.get("map", e.mapId)?.otherPersonas ?? []);
      put.push(
        r.kind === "touchpoint"
          ? recordOf("touchpoint", {
              ...(moved as typeof r.record),
              ...cell,
              feelings: (r.record as Touchpoint).feelings.filter((f) => follows.has(f.personaId)),
            })
          : recordOf("note", { ...(moved as typeof r.record), ...cell }),
      );
    }
  }
  for (const r of clip.put) {
    if (r.kind === "connector" && fresh.has(r.record.fromId) && fresh.has(r.record.toId)) {
      put.push(
        recordOf("connector", {
          ...r.record,
          id: newId(),
          mapId: e.mapId,
          fromId: fresh.get(r.record.fromId)!,
          toId: fresh.get(r.record.toId)!,
        }),
      );
    }
  }
  return { changes: { put, delete: [] }, ids };
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
    if (!e.clipboard) return;
    const { changes, ids, offset } = placed(e, e.clipboard, towardsPointedCell(e, e.clipboard));
    e.commit(changes, "Paste");
    e.select(ids);
    // Pasting again lands further along rather than on top of the last paste.
    e.clipboard = {
      put: e.clipboard.put.map((r) =>
        r.kind === "touchpoint" || r.kind === "note"
          ? ({ ...r, record: { ...r.record, x: r.record.x + offset.dx, y: r.record.y + offset.dy } } as ProjectRecord)
          : r,
      ),
      delete: [],
    };
  },
};

export const duplicate: Action = {
  name: "duplicate",
  label: "Duplicate",
  keys: ["mod+d"],
  enabled: hasShapes,
  perform: (e) => {
    const { changes, ids } = placed(e, copied(e), undefined);
    e.commit(changes, "Duplicate");
    e.select(ids);
  },
};
