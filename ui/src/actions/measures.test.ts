import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import {
  addCustomerPeriod,
  addKpi,
  deleteRecord,
  importFeedback,
  monthLabel,
  nextMonth,
  recordMeasurement,
  removeMeasurement,
  scorePillar,
} from "./measures";
import { editField } from "./editField";
import type { Feedback } from "../bindings/Feedback";

it("adds a KPI, records values in date order (one per day), edits and deletes it, all undoable", async () => {
  const { editor, backend } = await sampleEditor();
  const card = [...editor.doc.tables.touchpoint.values()].find((t) => t.title === "Pre-booked parking")!;
  const id = addKpi(editor, card.id, "Spaces free on arrival");
  recordMeasurement(editor, id, "2026-11-02", 40);
  recordMeasurement(editor, id, "2026-10-01", 35);
  recordMeasurement(editor, id, "2026-11-02", 42);
  recordMeasurement(editor, id, "not a date", 1);
  recordMeasurement(editor, id, "2026-11-03", Number.NaN);
  expect(editor.doc.get("kpi", id)!.measurements).toEqual([
    { date: "2026-10-01", value: 35 },
    { date: "2026-11-02", value: 42 },
  ]);
  editField(editor, "kpi", id, { direction: "lowerIsBetter", target: 10 });
  removeMeasurement(editor, id, "2026-10-01");
  expect(editor.doc.get("kpi", id)!.measurements).toHaveLength(1);
  await editor.flush();
  expect(backend.file.get("kpi", id)!.target).toBe(10);
  deleteRecord(editor, "kpi", id);
  expect(editor.doc.get("kpi", id)).toBeUndefined();
  editor.undo();
  expect(editor.doc.get("kpi", id)!.direction).toBe("lowerIsBetter");
  for (let i = 0; i < 6; i++) editor.undo();
  expect(editor.doc.get("kpi", id)).toBeUndefined();
});

it("imports feedback as one undo step", async () => {
  const { editor } = await sampleEditor();
  const before = editor.doc.tables.feedback.size;
  const template = [...editor.doc.tables.feedback.values()][0]!;
  const items: Feedback[] = [1, 2, 3].map((n) => ({ ...template, id: `00000000-0000-4000-8000-00000000000${n}`, text: `Imported ${n}` }));
  importFeedback(editor, items, "survey.csv");
  expect(editor.doc.tables.feedback.size).toBe(before + 3);
  expect(editor.history.undoLabel).toBe("Import 3 feedback items from survey.csv");
  editor.undo();
  expect(editor.doc.tables.feedback.size).toBe(before);
});

it("adds customer periods month after month and scores pillars", async () => {
  const { editor } = await sampleEditor();
  const id = addCustomerPeriod(editor, "2026-11-22");
  const period = editor.doc.get("customerPeriod", id)!;
  expect(period.start).toBe("2026-12-01");
  expect(period.label).toBe("December 2026");
  expect(nextMonth("2026-12-01")).toBe("2027-01-01");
  expect(monthLabel("2027-01-01")).toBe("January 2027");
  scorePillar(editor, "investments", { score: 4, notes: "Budget approved" });
  expect(editor.doc.pillars.find((p) => p.pillar === "investments")).toEqual({ pillar: "investments", score: 4, notes: "Budget approved" });
  editor.undo();
  expect(editor.doc.pillars.find((p) => p.pillar === "investments")!.score).toBe(2);
});
