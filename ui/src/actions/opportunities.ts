// Opportunities as the facilitator works them: add one (or turn a sticky note into one, the note
// kept as its evidence), rescore it on the matrix, link touchpoints and evidence, start the
// redesign that carries it, delete it. Each is one undo step.

import type { Evidence } from "../bindings/Evidence";
import type { Opportunity } from "../bindings/Opportunity";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import { localToday } from "./startRedesign";

const clampScore = (n: number) => Math.max(1, Math.min(5, Math.round(n)));

/** A new opportunity on the current map (an idea scored 3/3 until the room scores it). */
export function addOpportunity(e: Editor, patch: Partial<Opportunity> = {}): string | undefined {
  if (!e.mapId) return undefined;
  const o: Opportunity = {
    id: newId(),
    mapId: e.mapId,
    stageId: null,
    title: "New opportunity",
    description: "",
    touchpointIds: [],
    evidence: [],
    value: 3,
    effort: 3,
    status: "idea",
    raisedBy: "",
    redesignId: null,
    ...patch,
  };
  e.commit({ put: [recordOf("opportunity", o)], delete: [] }, "Add opportunity");
  return o.id;
}

/** A sticky note turned into an opportunity: its text the title, its stage, its author as who
 * raised it, and the note itself as the first evidence. The note stays on the map. */
export function opportunityFromNote(e: Editor, noteId: string): string | undefined {
  const n = e.doc.get("note", noteId);
  if (!n) return undefined;
  const firstLine = n.text.split("\n")[0]?.trim() ?? "";
  const existing = [...e.doc.tables.opportunity.values()].find((o) => o.evidence.some((x) => x.kind === "note" && x.id === n.id));
  if (existing) return existing.id;
  const previous = e.mapId;
  e.mapId = n.mapId;
  const id = addOpportunity(e, {
    title: firstLine.slice(0, 200) || "Opportunity from a note",
    description: n.text.includes("\n") ? n.text : "",
    stageId: n.stageId,
    raisedBy: n.author,
    evidence: [{ kind: "note", id: n.id }],
  });
  e.mapId = previous;
  return id;
}

/** New value and effort (each 1–5), as dragging a dot on the matrix sets them. */
export function rescore(e: Editor, id: string, value: number, effort: number): void {
  const o = e.doc.get("opportunity", id);
  if (!o) return;
  const next = { ...o, value: clampScore(value), effort: clampScore(effort) };
  if (next.value === o.value && next.effort === o.effort) return;
  e.commit({ put: [recordOf("opportunity", next)], delete: [] }, "Rescore opportunity");
}

export function linkTouchpoint(e: Editor, id: string, touchpointId: string, linked: boolean): void {
  const o = e.doc.get("opportunity", id);
  const t = e.doc.get("touchpoint", touchpointId);
  if (!o || !t || t.mapId !== o.mapId) return;
  const has = o.touchpointIds.includes(touchpointId);
  if (has === linked) return;
  const touchpointIds = linked ? [...o.touchpointIds, touchpointId] : o.touchpointIds.filter((x) => x !== touchpointId);
  e.commit({ put: [recordOf("opportunity", { ...o, touchpointIds })], delete: [] }, linked ? "Link touchpoint" : "Unlink touchpoint");
}

export function linkEvidence(e: Editor, id: string, evidence: Evidence, linked: boolean): void {
  const o = e.doc.get("opportunity", id);
  if (!o) return;
  const same = (x: Evidence) => x.kind === evidence.kind && x.id === evidence.id;
  if (o.evidence.some(same) === linked) return;
  const list = linked ? [...o.evidence, evidence] : o.evidence.filter((x) => !same(x));
  e.commit({ put: [recordOf("opportunity", { ...o, evidence: list })], delete: [] }, linked ? "Add evidence" : "Remove evidence");
}

export function deleteOpportunity(e: Editor, id: string): void {
  if (!e.doc.get("opportunity", id)) return;
  e.commit({ put: [], delete: [{ kind: "opportunity", id }] }, "Delete opportunity");
}

/** Starts the 20-day redesign on the opportunity's first touchpoint, linked to it, so the
 * opportunity's status follows the redesign; the two are one undo step. */
export async function startRedesignFrom(e: Editor, id: string, start = localToday()): Promise<string | undefined> {
  const o = e.doc.get("opportunity", id);
  const touchpointId = o?.touchpointIds[0];
  if (!o || !touchpointId || !e.doc.get("touchpoint", touchpointId)) return undefined;
  const redesign = await e.backend.newRedesign(newId(), touchpointId, o.title, start, e.doc.template);
  // The opportunity as it is now (the core answered asynchronously).
  const now = e.doc.get("opportunity", id);
  if (!now) return undefined;
  e.commit(
    {
      put: [
        recordOf("redesign", redesign),
        recordOf("opportunity", { ...now, redesignId: redesign.id, status: now.status === "idea" ? "chosen" : now.status }),
      ],
      delete: [],
    },
    "Start redesign",
  );
  return redesign.id;
}
