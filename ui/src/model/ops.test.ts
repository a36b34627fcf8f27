import { expect, it } from "vitest";
import { sampleProject } from "../editor/testing";
import { invert } from "./changes";
import { Doc } from "./doc";
import { deletion } from "./ops";

const linked = (doc: Doc) => {
  const o = [...doc.tables.opportunity.values()].find((o) => o.redesignId && o.evidence.length >= 3);
  if (!o) throw new Error("the sample has an opportunity carried by a redesign, with evidence");
  return o;
};

it("deleting what an opportunity links to loosens the link, and undo ties it again", () => {
  const doc = Doc.fromProject(sampleProject());
  const o = linked(doc);
  const note = o.evidence.find((e) => e.kind === "note")!.id;
  const kpi = o.evidence.find((e) => e.kind === "kpi")!.id;
  const card = o.touchpointIds[0]!;
  for (const ref of [
    { kind: "note" as const, id: note },
    { kind: "kpi" as const, id: kpi },
    { kind: "touchpoint" as const, id: card },
    { kind: "stage" as const, id: o.stageId! },
  ]) {
    const before = structuredClone(doc.get("opportunity", o.id));
    const changes = deletion(doc, [ref]);
    const undo = invert(changes, doc);
    doc.apply(changes);
    const now = doc.get("opportunity", o.id)!;
    expect(now, `the opportunity stays after deleting a ${ref.kind}`).toBeDefined();
    expect(JSON.stringify(now)).not.toContain(ref.id);
    doc.apply(undo);
    expect(doc.get("opportunity", o.id)).toEqual(before);
  }
});

it("deleting the touchpoint under its redesign unlinks the redesign; deleting the map takes the opportunity", () => {
  const doc = Doc.fromProject(sampleProject());
  const o = linked(doc);
  const redesign = doc.get("redesign", o.redesignId!)!;
  doc.apply(deletion(doc, [{ kind: "touchpoint", id: redesign.touchpointId }]));
  expect(doc.get("opportunity", o.id)!.redesignId).toBeNull();
  const changes = deletion(doc, [{ kind: "map", id: o.mapId }]);
  expect(changes.delete).toContainEqual({ kind: "opportunity", id: o.id });
  expect(changes.put.some((r) => r.kind === "opportunity" && r.record.id === o.id)).toBe(false);
});
