// Pure builder of the change set that deletes records with everything that depends on them. The
// core's foreign keys apply the cascades that keep a file whole; here they are explicit so that
// undo can put every record back, and go further where a person expects it (a stage's or lane's
// sticky notes go with it, as its cards do, where the file alone would keep them unplaced).

import type { Changes } from "../bindings/Changes";
import type { Feedback } from "../bindings/Feedback";
import type { Opportunity } from "../bindings/Opportunity";
import type { RecordRef } from "../bindings/RecordRef";
import { emptyChanges } from "./changes";
import { count } from "./words";
import { recordOf, type Doc } from "./doc";

/**
 * What a deletion takes with the thing it names, for its undo label ("1 touchpoint and 2 notes"),
 * or "" when it takes nothing else.
 */
export function takenAlong(changes: Changes): string {
  const n = (kind: RecordRef["kind"]) => changes.delete.filter((d) => d.kind === kind).length;
  const parts = [count(n("touchpoint"), "touchpoint"), count(n("note"), "note")].filter((p) => !p.startsWith("0 "));
  return parts.join(" and ");
}

/** Kinds whose deletion deletes or unlinks feedback (a lane through its cards). */
const FEEDBACK_CASCADE: ReadonlySet<RecordRef["kind"]> = new Set(["map", "stage", "lane", "touchpoint", "feedback"]);

/** Whether deleting `refs` reaches feedback: the editor must hold it first, so undo puts it back. */
export function cascadesToFeedback(refs: readonly RecordRef[]): boolean {
  return refs.some((r) => FEEDBACK_CASCADE.has(r.kind));
}

/**
 * Deletes `refs` and everything that would dangle without them. Throws when that reaches
 * feedback the document has not loaded yet: the core would delete it, and undo could not put it
 * back (callers go through `Editor.withFeedback`).
 */
export function deletion(doc: Doc, refs: RecordRef[]): Changes {
  if (!doc.feedbackLoaded && cascadesToFeedback(refs))
    throw new Error("deleting these needs the project's feedback loaded first (Editor.withFeedback)");
  const out = emptyChanges();
  const gone = new Set<string>();
  const unlinked = new Map<string, Feedback>();
  // Opportunities keep their place but lose their links to what goes (as the file's keys do).
  const loosened = new Map<string, Opportunity>();
  const loosen = (change: (o: Opportunity) => Opportunity | undefined) => {
    for (const o of doc.tables.opportunity.values()) {
      const now = loosened.get(o.id) ?? o;
      const next = change(now);
      if (next) loosened.set(o.id, next);
    }
  };
  const forget = (kind: "feedback" | "note" | "kpi", id: string) =>
    loosen((o) =>
      o.evidence.some((e) => e.kind === kind && e.id === id)
        ? { ...o, evidence: o.evidence.filter((e) => !(e.kind === kind && e.id === id)) }
        : undefined,
    );
  const drop = (ref: RecordRef) => {
    if (gone.has(ref.id) || !doc.get(ref.kind, ref.id)) return;
    gone.add(ref.id);
    out.delete.push(ref);
    // What was said about it goes with it (a thread's first comment takes its replies).
    if (ref.kind === "touchpoint" || ref.kind === "note" || ref.kind === "opportunity" || ref.kind === "comment")
      for (const c of doc.tables.comment.values())
        if ((c.target === ref.kind && c.targetId === ref.id) || (ref.kind === "comment" && c.parentId === ref.id))
          drop({ kind: "comment", id: c.id });
    switch (ref.kind) {
      case "map":
        for (const kind of [
          "picture",
          "comment",
          "opportunity",
          "stage",
          "lane",
          "note",
          "story",
          "connector",
          "touchpoint",
          "feedback",
        ] as const)
          for (const r of doc.tables[kind].values()) if (r.mapId === ref.id) drop({ kind, id: r.id });
        break;
      case "stage":
      case "lane": {
        const key = ref.kind === "stage" ? "stageId" : "laneId";
        for (const t of doc.tables.touchpoint.values()) if (t[key] === ref.id) drop({ kind: "touchpoint", id: t.id });
        if (ref.kind === "stage") {
          for (const s of doc.tables.story.values()) if (s.stageId === ref.id) drop({ kind: "story", id: s.id });
          for (const f of doc.tables.feedback.values()) if (f.stageId === ref.id) drop({ kind: "feedback", id: f.id });
        }
        // Its sticky notes go with it, as its cards do: left behind without it, they would sit in
        // the neighbouring stage or lane once the gap closes.
        for (const n of doc.tables.note.values()) if (n[key] === ref.id) drop({ kind: "note", id: n.id });
        if (ref.kind === "stage") loosen((o) => (o.stageId === ref.id ? { ...o, stageId: null } : undefined));
        break;
      }
      case "touchpoint":
        for (const p of doc.tables.picture.values()) if (p.touchpointId === ref.id) drop({ kind: "picture", id: p.id });
        for (const c of doc.tables.connector.values()) if (c.fromId === ref.id || c.toId === ref.id) drop({ kind: "connector", id: c.id });
        for (const r of doc.tables.redesign.values()) if (r.touchpointId === ref.id) drop({ kind: "redesign", id: r.id });
        for (const k of doc.tables.kpi.values()) if (k.touchpointId === ref.id) drop({ kind: "kpi", id: k.id });
        for (const f of doc.tables.feedback.values())
          if (f.touchpointId === ref.id) unlinked.set(f.id, { ...(unlinked.get(f.id) ?? f), touchpointId: null });
        loosen((o) =>
          o.touchpointIds.includes(ref.id) ? { ...o, touchpointIds: o.touchpointIds.filter((t) => t !== ref.id) } : undefined,
        );
        break;
      case "note":
      case "feedback":
      case "kpi":
        forget(ref.kind, ref.id);
        break;
      case "redesign":
        loosen((o) => (o.redesignId === ref.id ? { ...o, redesignId: null } : undefined));
        break;
      case "persona":
        // Off the maps that follow it, with how their cards felt to it (undo puts both back).
        for (const m of doc.tables.map.values())
          if (m.personaId === ref.id || m.otherPersonas.includes(ref.id))
            out.put.push(
              recordOf("map", {
                ...m,
                personaId: m.personaId === ref.id ? null : m.personaId,
                otherPersonas: m.otherPersonas.filter((p) => p !== ref.id),
              }),
            );
        for (const t of doc.tables.touchpoint.values())
          if (t.feelings.some((f) => f.personaId === ref.id))
            out.put.push(recordOf("touchpoint", { ...t, feelings: t.feelings.filter((f) => f.personaId !== ref.id) }));
        for (const s of doc.tables.story.values()) if (s.personaId === ref.id) out.put.push(recordOf("story", { ...s, personaId: null }));
        break;
      default:
        break;
    }
  };
  refs.forEach(drop);
  for (const f of unlinked.values()) if (!gone.has(f.id)) out.put.push(recordOf("feedback", f));
  for (const o of loosened.values()) if (!gone.has(o.id)) out.put.push(recordOf("opportunity", o));
  const top = doc.topTouchpoints.filter((id) => !gone.has(id));
  if (top.length !== doc.topTouchpoints.length) out.put.push({ kind: "topTouchpoints", record: top });
  return out;
}
