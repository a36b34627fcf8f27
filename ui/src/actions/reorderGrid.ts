// Move the focused stage left or right (or lane up or down); its cards travel with it.

import type { Lane } from "../bindings/Lane";
import type { ProjectRecord } from "../bindings/ProjectRecord";
import type { Stage } from "../bindings/Stage";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import type { Action } from "./types";

/** Card and note moves for swapping neighbouring spans `a` (first) and `b` (second). */
function cardMoves(e: Editor, axis: "x" | "y", a: { id: string; size: number }, b: { id: string; size: number }): ProjectRecord[] {
  const key = axis === "x" ? "stageId" : "laneId";
  const put: ProjectRecord[] = [];
  const by = (home: string | null) => (home === a.id ? b.size : home === b.id ? -a.size : 0);
  for (const t of e.doc.touchpointsOf(e.mapId)) {
    const d = by(t[key]);
    if (d) put.push(recordOf("touchpoint", { ...t, [axis]: t[axis] + d }));
  }
  for (const n of e.doc.notesOf(e.mapId)) {
    const d = by(n[key]);
    if (d) put.push(recordOf("note", { ...n, [axis]: n[axis] + d }));
  }
  return put;
}

function move(kind: "stage" | "lane", step: -1 | 1, name: string, label: string, keys: string[]): Action {
  const target = (e: Editor) => {
    if (e.focus?.kind !== kind) return undefined;
    const spans =
      kind === "stage"
        ? e.grid.columns.map((c) => ({ record: c.stage, size: c.width }))
        : e.grid.rows.map((r) => ({ record: r.lane, size: r.height }));
    const i = spans.findIndex((s) => s.record.id === e.focus!.id);
    const j = i + step;
    return i < 0 || j < 0 || j >= spans.length ? undefined : { spans, lo: Math.min(i, j), hi: Math.max(i, j) };
  };
  return {
    name,
    label,
    keys,
    enabled: (e) => target(e) !== undefined,
    perform: (e) => {
      const t = target(e);
      if (!t) return;
      const first = t.spans[t.lo]!,
        second = t.spans[t.hi]!;
      const order = t.spans.map((s) => s.record);
      order[t.lo] = second.record;
      order[t.hi] = first.record;
      // Positions are renumbered 0..n so that imported files with gaps or ties reorder exactly.
      const put: ProjectRecord[] = order.flatMap((r, position) =>
        r.position === position
          ? []
          : [kind === "stage" ? recordOf("stage", { ...(r as Stage), position }) : recordOf("lane", { ...(r as Lane), position })],
      );
      put.push(
        ...cardMoves(
          e,
          kind === "stage" ? "x" : "y",
          { id: first.record.id, size: first.size },
          { id: second.record.id, size: second.size },
        ),
      );
      e.commit({ put, delete: [] }, label);
    },
  };
}

export const moveStageLeft = move("stage", -1, "moveStageLeft", "Move stage left", ["alt+arrowleft"]);
export const moveStageRight = move("stage", 1, "moveStageRight", "Move stage right", ["alt+arrowright"]);
export const moveLaneUp = move("lane", -1, "moveLaneUp", "Move lane up", ["alt+arrowup"]);
export const moveLaneDown = move("lane", 1, "moveLaneDown", "Move lane down", ["alt+arrowdown"]);
