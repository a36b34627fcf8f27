import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { quadrantOf, ranked, statusWith } from "../model/opportunity";
import {
  addOpportunity,
  deleteOpportunity,
  linkEvidence,
  linkTouchpoint,
  opportunityFromNote,
  rescore,
  startRedesignFrom,
} from "./opportunities";

it("a sticky note becomes an opportunity with the note as its evidence; once only", async () => {
  const { editor, backend } = await sampleEditor();
  const note = editor.doc.notesOf(editor.mapId).find((n) => n.text.startsWith("Board carry-on") === false && n.color === "#bbf7d0")!;
  const id = opportunityFromNote(editor, note.id)!;
  const o = editor.doc.get("opportunity", id)!;
  expect(o.title).toBe(note.text.split("\n")[0]);
  expect(o.stageId).toBe(note.stageId);
  expect(o.evidence).toEqual([{ kind: "note", id: note.id }]);
  expect(o.status).toBe("idea");
  expect(editor.doc.get("note", note.id), "the note stays on the map").toBeDefined();
  expect(opportunityFromNote(editor, note.id), "turning it again finds the same one").toBe(id);
  editor.undo();
  expect(editor.doc.get("opportunity", id)).toBeUndefined();
  editor.redo();
  await editor.flush();
  expect(backend.file.get("opportunity", id)?.title).toBe(o.title);
});

it("rescoring moves it between quadrants, clamped to 1–5, one undo step each", async () => {
  const { editor } = await sampleEditor();
  const id = addOpportunity(editor, { title: "Kiosk prints bag tags" })!;
  expect(quadrantOf(editor.doc.get("opportunity", id)!)).toBe("bigBet");
  rescore(editor, id, 5, 1);
  expect(quadrantOf(editor.doc.get("opportunity", id)!)).toBe("quickWin");
  rescore(editor, id, 0, 9);
  const o = editor.doc.get("opportunity", id)!;
  expect([o.value, o.effort]).toEqual([1, 5]);
  expect(quadrantOf(o)).toBe("moneyPit");
  editor.undo();
  expect(quadrantOf(editor.doc.get("opportunity", id)!)).toBe("quickWin");
});

it("links touchpoints of its own map and evidence, and unlinks them", async () => {
  const { editor } = await sampleEditor();
  const id = addOpportunity(editor)!;
  const [card] = editor.doc.touchpointsOf(editor.mapId);
  const other = [...editor.doc.tables.touchpoint.values()].find((t) => t.mapId !== editor.mapId)!;
  linkTouchpoint(editor, id, card!.id, true);
  linkTouchpoint(editor, id, other.id, true);
  expect(editor.doc.get("opportunity", id)!.touchpointIds).toEqual([card!.id]);
  const kpi = [...editor.doc.tables.kpi.values()][0]!;
  linkEvidence(editor, id, { kind: "kpi", id: kpi.id }, true);
  linkEvidence(editor, id, { kind: "kpi", id: kpi.id }, true);
  expect(editor.doc.get("opportunity", id)!.evidence).toHaveLength(1);
  linkEvidence(editor, id, { kind: "kpi", id: kpi.id }, false);
  linkTouchpoint(editor, id, card!.id, false);
  const o = editor.doc.get("opportunity", id)!;
  expect([o.touchpointIds, o.evidence]).toEqual([[], []]);
  deleteOpportunity(editor, id);
  expect(editor.doc.get("opportunity", id)).toBeUndefined();
});

it("starting a redesign from it links the two in one undo step, and its status follows the redesign", async () => {
  const { editor, backend } = await sampleEditor();
  const o = [...editor.doc.tables.opportunity.values()].find((x) => !x.redesignId && x.touchpointIds.length > 0 && x.status === "idea")!;
  const redesigns = editor.doc.tables.redesign.size;
  const redesignId = (await startRedesignFrom(editor, o.id, "2026-12-01"))!;
  const now = editor.doc.get("opportunity", o.id)!;
  expect(now.redesignId).toBe(redesignId);
  expect(now.status, "chosen by starting it").toBe("chosen");
  const r = editor.doc.get("redesign", redesignId)!;
  expect(r.touchpointId).toBe(o.touchpointIds[0]);
  expect(r.title).toBe(o.title);
  expect(statusWith(now, editor.doc.tables.redesign.values())).toBe("inRedesign");
  expect(statusWith(now, [{ ...r, phases: r.phases.map((p) => ({ ...p, status: "done" as const })) }])).toBe("done");
  expect(statusWith(now, [{ ...r, endedOn: "2026-12-20" }])).toBe("dropped");
  editor.undo();
  expect(editor.doc.tables.redesign.size).toBe(redesigns);
  expect(editor.doc.get("opportunity", o.id)).toEqual(o);
  await editor.flush();
  expect(backend.file.get("opportunity", o.id)).toEqual(o);
});

it("ranks as the core does: value for effort, then value, closed ones last", () => {
  const base = { mapId: "m", stageId: null, description: "", touchpointIds: [], evidence: [], raisedBy: "", redesignId: null };
  const o = (title: string, value: number, effort: number, status: "idea" | "dropped" = "idea") => ({
    ...base,
    id: title,
    title,
    value,
    effort,
    status,
  });
  const titles = ranked(
    [o("Big bet", 5, 4), o("Dropped but great", 5, 1, "dropped"), o("Quick win", 4, 1), o("Money pit", 1, 5), o("Also quick", 5, 2)],
    [],
  ).map((x) => x.title);
  expect(titles).toEqual(["Also quick", "Quick win", "Big bet", "Money pit", "Dropped but great"]);
  expect([quadrantOf({ value: 3, effort: 2 }), quadrantOf({ value: 3, effort: 3 }), quadrantOf({ value: 2, effort: 2 })]).toEqual([
    "quickWin",
    "bigBet",
    "fillIn",
  ]);
});
