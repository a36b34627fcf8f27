// Personas as a facilitator keeps them: add, edit and reorder them; let a map follow up to four
// more of them (each an emotion line of its own, starting as the map's own line); say how a card
// feels to one of them; delete one, after being told where it is used. Each is one undo step.

import type { PictureData } from "../bindings/PictureData";
import type { Persona } from "../bindings/Persona";
import { MAX_PERSONA_LINES } from "../bindings/personaLineValues";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import type { Doc } from "../model/doc";
import { newId } from "../model/ids";
import { deletion } from "../model/ops";

export function personasInOrder(doc: Doc): Persona[] {
  return [...doc.tables.persona.values()].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
}

export function addPersona(e: Editor, name = "New persona"): string {
  const last = personasInOrder(e.doc).at(-1);
  const p: Persona = {
    id: newId(),
    name,
    description: "",
    goals: "",
    position: (last?.position ?? -1) + 1,
    quote: "",
    needs: "",
    pains: "",
    context: "",
    picture: null,
  };
  e.commit({ put: [recordOf("persona", p)], delete: [] }, "Add persona");
  return p.id;
}

/** Puts a portrait on a persona (replacing any it had) or, with null, takes it off: one undo
 * step each. */
export function setPortrait(e: Editor, id: string, picture: PictureData | null): void {
  const p = e.doc.get("persona", id);
  if (!p || (p.picture === null && picture === null)) return;
  const label = picture === null ? "Remove portrait" : p.picture ? "Replace portrait" : "Add portrait";
  e.commit({ put: [recordOf("persona", { ...p, picture })], delete: [] }, label);
}

/** Moves a persona one place up (−1) or down (+1) in the list; positions are renumbered. */
export function movePersona(e: Editor, id: string, by: -1 | 1): void {
  const list = personasInOrder(e.doc);
  const i = list.findIndex((p) => p.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= list.length) return;
  [list[i], list[j]] = [list[j]!, list[i]!];
  const put = list.flatMap((p, k) => (p.position === k ? [] : [recordOf("persona", { ...p, position: k })]));
  e.commit({ put, delete: [] }, "Reorder personas");
}

/** Where a persona is used, in words ("the map “Check-in” (its own line)", …); empty if nowhere. */
export function personaUsage(doc: Doc, id: string): string[] {
  const out: string[] = [];
  for (const m of doc.mapsInOrder()) {
    if (m.personaId === id) out.push(`the map “${m.name}” (whose journey it is)`);
    else if (m.otherPersonas.includes(id)) out.push(`the map “${m.name}” (an emotion line)`);
  }
  const stories = [...doc.tables.story.values()].filter((s) => s.personaId === id).length;
  if (stories) out.push(`${stories} ${stories === 1 ? "user story" : "user stories"} (as its persona)`);
  return out;
}

export function deletePersona(e: Editor, id: string): void {
  if (!e.doc.get("persona", id)) return;
  e.commit(deletion(e.doc, [{ kind: "persona", id }]), "Delete persona");
}

/** Whether the map can take one more persona line (its own and four more at most). */
export function canAddLine(e: Editor, mapId = e.mapId): boolean {
  const m = e.doc.get("map", mapId);
  return !!m && m.otherPersonas.length < MAX_PERSONA_LINES - 1;
}

/** The map follows `personaId` too: a line of its own, which starts as the map's own line (no
 * card says otherwise yet) and moves as cards are told how they feel to this persona. */
export function addPersonaLine(e: Editor, personaId: string, mapId = e.mapId): boolean {
  const m = e.doc.get("map", mapId);
  if (!m || !e.doc.get("persona", personaId) || m.personaId === personaId || m.otherPersonas.includes(personaId) || !canAddLine(e, mapId))
    return false;
  e.commit({ put: [recordOf("map", { ...m, otherPersonas: [...m.otherPersonas, personaId] })], delete: [] }, "Add persona line");
  return true;
}

/** The map stops following `personaId`: its line goes, with how the map's cards felt to it. */
export function removePersonaLine(e: Editor, personaId: string, mapId = e.mapId): void {
  const m = e.doc.get("map", mapId);
  if (!m?.otherPersonas.includes(personaId)) return;
  const put = [recordOf("map", { ...m, otherPersonas: m.otherPersonas.filter((p) => p !== personaId) })];
  for (const t of e.doc.touchpointsOf(mapId))
    if (t.feelings.some((f) => f.personaId === personaId))
      put.push(recordOf("touchpoint", { ...t, feelings: t.feelings.filter((f) => f.personaId !== personaId) }));
  e.commit({ put, delete: [] }, "Remove persona line");
}

/** How a card feels to one of its map's other personas; `null` (or the card's own emotion) means
 * "as the map's own line", and is kept as no entry at all. Successive moves of one slider merge. */
export function setFeeling(e: Editor, touchpointId: string, personaId: string, emotion: number | null): void {
  const t = e.doc.get("touchpoint", touchpointId);
  if (!t || !e.doc.get("map", t.mapId)?.otherPersonas.includes(personaId)) return;
  const rest = t.feelings.filter((f) => f.personaId !== personaId);
  const value = emotion === null ? null : Math.max(-3, Math.min(3, Math.round(emotion)));
  const feelings = value === null || value === t.emotion ? rest : [...rest, { personaId, emotion: value }];
  if (JSON.stringify(feelings) === JSON.stringify(t.feelings)) return;
  e.commit({ put: [recordOf("touchpoint", { ...t, feelings })], delete: [] }, "Change feeling", `feeling:${touchpointId}:${personaId}`);
}
