// The maps of a project: add one (standard lanes, stages to rename), duplicate one as the to-be
// map of a redesign, rename and delete one. Each is one undo step; the map picker follows.

import type { Changes } from "../bindings/Changes";
import type { MapKind } from "../bindings/MapKind";
import type { ProjectRecord } from "../bindings/ProjectRecord";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import { LIMITS } from "../bindings/limitValues";
import { deletion } from "../model/ops";
import { editField } from "./editField";

function nextPosition(e: Editor): number {
  return Math.max(-1, ...e.doc.mapsInOrder().map((m) => m.position)) + 1;
}

/** Adds a map with the core's standard lanes and stages and shows it. */
/** The to-be counterpart of a map's name: "as-is" becomes "to-be" (in the same case), or "(to-be)" is added. */
export function toBeName(name: string): string {
  const swapped = name.replace(/\bas-is\b/gi, (m) => (m === m.toUpperCase() ? "TO-BE" : m[0] === "A" ? "To-be" : "to-be"));
  return swapped !== name ? swapped : `${name} (to-be)`;
}

/** `name`, or `name 2`, `name 3`, … when a map of the project already has it. */
export function uniqueMapName(e: Editor, name: string): string {
  const taken = new Set(e.doc.mapsInOrder().map((m) => m.name.trim().toLowerCase()));
  const base = name.slice(0, LIMITS.nameChars - 4);
  if (!taken.has(base.trim().toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}

/** With a template's key, the map is that template's first map, with what is on it. */
export async function addMap(e: Editor, name: string, kind: MapKind = "asIs", template: string | null = null): Promise<string | undefined> {
  const changes = await (template
    ? e.backend.newMapFromTemplate(template, name, nextPosition(e))
    : e.backend.newMap(name, kind, nextPosition(e)));
  const map = changes.put.find((r) => r.kind === "map");
  if (!map) return undefined;
  e.commit(changes, `New map “${name}”`);
  e.setMap(map.record.id);
  return map.record.id;
}

/**
 * Copies the current map (stages, lanes, cards, notes, connectors, stories) as a to-be map: the
 * starting point of a redesigned journey, compared against the as-is map's curve.
 */
export function duplicateAsToBe(e: Editor, mapId = e.mapId): string | undefined {
  const map = e.doc.get("map", mapId);
  if (!map) return undefined;
  const ids = new Map<string, string>();
  const fresh = (id: string) => {
    let n = ids.get(id);
    if (!n) {
      n = newId();
      ids.set(id, n);
    }
    return n;
  };
  const to = fresh(map.id);
  const put: ProjectRecord[] = [
    recordOf("map", {
      ...map,
      id: to,
      kind: "toBe",
      name: uniqueMapName(e, toBeName(map.name)),
      position: nextPosition(e),
    }),
  ];
  const stages = e.doc.stagesOf(mapId);
  const lanes = e.doc.lanesOf(mapId);
  for (const s of stages) put.push(recordOf("stage", { ...s, id: fresh(s.id), mapId: to }));
  for (const l of lanes) put.push(recordOf("lane", { ...l, id: fresh(l.id), mapId: to }));
  for (const t of e.doc.touchpointsOf(mapId))
    put.push(recordOf("touchpoint", { ...t, id: fresh(t.id), mapId: to, stageId: fresh(t.stageId), laneId: fresh(t.laneId) }));
  for (const n of e.doc.notesOf(mapId))
    put.push(
      recordOf("note", { ...n, id: fresh(n.id), mapId: to, stageId: n.stageId && fresh(n.stageId), laneId: n.laneId && fresh(n.laneId) }),
    );
  for (const c of e.doc.tables.connector.values())
    if (c.mapId === mapId)
      put.push(recordOf("connector", { ...c, id: fresh(c.id), mapId: to, fromId: fresh(c.fromId), toId: fresh(c.toId) }));
  for (const s of e.doc.tables.story.values())
    if (s.mapId === mapId) put.push(recordOf("story", { ...s, id: fresh(s.id), mapId: to, stageId: fresh(s.stageId) }));
  e.commit({ put, delete: [] }, `Duplicate “${map.name}” as to-be`);
  e.setMap(to);
  return to;
}

export function renameMap(e: Editor, name: string, mapId = e.mapId): void {
  if (!name.trim()) return;
  editField(e, "map", mapId, { name: name.trim() }, "Rename map");
  e.endGesture();
}

/** Deletes a map and everything on it (one undo brings it all back); shows the next map. */
export function deleteMap(e: Editor, mapId = e.mapId): Promise<void> {
  return e.withFeedback(() => {
    const map = e.doc.get("map", mapId);
    if (!map) return;
    const changes: Changes = deletion(e.doc, [{ kind: "map", id: mapId }]);
    e.commit(changes, `Delete map “${map.name}”`);
    const next = e.doc.mapsInOrder()[0];
    if (next) e.setMap(next.id);
    else {
      e.mapId = "";
      e.notify();
    }
  });
}

/** What a map holds, for the question before deleting it. */
export function mapContents(e: Editor, mapId = e.mapId): string {
  const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const parts = [counted(e.doc.touchpointsOf(mapId).length, "touchpoint"), counted(e.doc.notesOf(mapId).length, "note")];
  // Feedback goes with the map too; named once the editor holds it (the app fetches it first).
  if (e.doc.feedbackLoaded) {
    const feedback = [...e.doc.tables.feedback.values()].filter((f) => f.mapId === mapId).length;
    if (feedback > 0) parts.push(counted(feedback, "feedback item"));
  }
  return parts.length === 2 ? parts.join(" and ") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
