// Pure builders of change sets for edits that touch more than one record: deleting with
// everything that depends on it, moving cards between cells, shifting the grid when a column or
// row changes size or order. The core applies the same cascades through foreign keys; here they
// are explicit so that undo can put every record back.

import type { Changes } from "../bindings/Changes";
import type { Feedback } from "../bindings/Feedback";
import type { Note } from "../bindings/Note";
import type { RecordRef } from "../bindings/RecordRef";
import type { Touchpoint } from "../bindings/Touchpoint";
import { cellAt, type MapGrid } from "../geometry/grid";
import { center } from "../geometry/rect";
import { emptyChanges } from "./changes";
import { recordOf, type Doc } from "./doc";

/** Deletes `refs` and everything that would dangle without them. */
export function deletion(doc: Doc, refs: RecordRef[]): Changes {
  const out = emptyChanges();
  const gone = new Set<string>();
  const touched = new Map<string, Note>();
  const unlinked = new Map<string, Feedback>();
  const drop = (ref: RecordRef) => {
    if (gone.has(ref.id) || !doc.get(ref.kind, ref.id)) return;
    gone.add(ref.id);
    out.delete.push(ref);
    switch (ref.kind) {
      case "map":
        for (const kind of ["stage", "lane", "note", "story", "connector", "touchpoint", "feedback"] as const)
          for (const r of doc.tables[kind].values()) if (r.mapId === ref.id) drop({ kind, id: r.id });
        break;
      case "stage":
      case "lane": {
        const key = ref.kind === "stage" ? "stageId" : "laneId";
        for (const t of doc.tables.touchpoint.values())
          if (t[key] === ref.id) drop({ kind: "touchpoint", id: t.id });
        if (ref.kind === "stage") {
          for (const s of doc.tables.story.values())
            if (s.stageId === ref.id) drop({ kind: "story", id: s.id });
          for (const f of doc.tables.feedback.values())
            if (f.stageId === ref.id) drop({ kind: "feedback", id: f.id });
        }
        for (const n of doc.tables.note.values())
          if (n[key] === ref.id) touched.set(n.id, { ...(touched.get(n.id) ?? n), [key]: null });
        break;
      }
      case "touchpoint":
        for (const c of doc.tables.connector.values())
          if (c.fromId === ref.id || c.toId === ref.id) drop({ kind: "connector", id: c.id });
        for (const r of doc.tables.redesign.values())
          if (r.touchpointId === ref.id) drop({ kind: "redesign", id: r.id });
        for (const k of doc.tables.kpi.values())
          if (k.touchpointId === ref.id) drop({ kind: "kpi", id: k.id });
        for (const f of doc.tables.feedback.values())
          if (f.touchpointId === ref.id) unlinked.set(f.id, { ...(unlinked.get(f.id) ?? f), touchpointId: null });
        break;
      case "persona":
        for (const m of doc.tables.map.values())
          if (m.personaId === ref.id) out.put.push(recordOf("map", { ...m, personaId: null }));
        for (const s of doc.tables.story.values())
          if (s.personaId === ref.id) out.put.push(recordOf("story", { ...s, personaId: null }));
        break;
      default:
        break;
    }
  };
  refs.forEach(drop);
  for (const n of touched.values()) if (!gone.has(n.id)) out.put.push(recordOf("note", n));
  for (const f of unlinked.values()) if (!gone.has(f.id)) out.put.push(recordOf("feedback", f));
  const top = doc.topTouchpoints.filter((id) => !gone.has(id));
  if (top.length !== doc.topTouchpoints.length) out.put.push({ kind: "topTouchpoints", record: top });
  return out;
}

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
  for (const t of doc.touchpointsOf(mapId))
    if (center(t)[axis] >= at) out.put.push(recordOf("touchpoint", { ...t, [axis]: t[axis] + by }));
  for (const n of doc.notesOf(mapId))
    if (center(n)[axis] >= at) out.put.push(recordOf("note", { ...n, [axis]: n[axis] + by }));
  return out;
}

export const snap = (v: number, step: number) => Math.round(v / step) * step;
