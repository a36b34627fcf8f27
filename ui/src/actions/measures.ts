// The dashboard's edits, each one undoable step: KPIs and their measurements, feedback (typed or
// imported), customer periods, and the ten-pillar scores.

import type { CustomerPeriod } from "../bindings/CustomerPeriod";
import type { Feedback } from "../bindings/Feedback";
import type { Kpi } from "../bindings/Kpi";
import type { Pillar } from "../bindings/Pillar";
import type { PillarScore } from "../bindings/PillarScore";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import { count } from "../model/words";

export function addKpi(e: Editor, touchpointId: string, name = "New KPI"): string {
  const kpi: Kpi = { id: newId(), touchpointId, name, unit: "%", direction: "higherIsBetter", target: 80, tolerance: 5, measurements: [] };
  e.commit({ put: [recordOf("kpi", kpi)], delete: [] }, "Add KPI");
  return kpi.id;
}

/** Records `value` on `date`, replacing a value already recorded that day. */
export function recordMeasurement(e: Editor, kpiId: string, date: string, value: number): void {
  const kpi = e.doc.get("kpi", kpiId);
  if (!kpi || !Number.isFinite(value) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
  const measurements = [...kpi.measurements.filter((m) => m.date !== date), { date, value }].sort((a, b) => a.date.localeCompare(b.date));
  e.commit({ put: [recordOf("kpi", { ...kpi, measurements })], delete: [] }, "Record KPI value");
}

export function removeMeasurement(e: Editor, kpiId: string, date: string): void {
  const kpi = e.doc.get("kpi", kpiId);
  if (!kpi) return;
  e.commit(
    { put: [recordOf("kpi", { ...kpi, measurements: kpi.measurements.filter((m) => m.date !== date) })], delete: [] },
    "Remove KPI value",
  );
}

export function deleteRecord(e: Editor, kind: "kpi" | "feedback" | "customerPeriod", id: string): void {
  if (!e.doc.get(kind, id)) return;
  const label = { kpi: "Delete KPI", feedback: "Delete feedback", customerPeriod: "Delete period" }[kind];
  e.commit({ put: [], delete: [{ kind, id }] }, label);
}

export function addFeedback(e: Editor, item: Omit<Feedback, "id">): string {
  const id = newId();
  e.commit({ put: [recordOf("feedback", { ...item, id })], delete: [] }, "Add feedback");
  return id;
}

/** Adds imported feedback as one step, so one Undo takes the whole import back. */
export function importFeedback(e: Editor, items: Feedback[], file: string): void {
  if (items.length === 0) return;
  e.commit({ put: items.map((f) => recordOf("feedback", f)), delete: [] }, `Import ${count(items.length, "feedback item")} from ${file}`);
}

/** A new period after the latest one (a month later), carrying its customers forward. */
export function addCustomerPeriod(e: Editor, today: string): string {
  const periods = [...e.doc.tables.customerPeriod.values()].sort((a, b) => a.start.localeCompare(b.start));
  const last = periods.at(-1);
  const start = last ? nextMonth(last.start) : `${today.slice(0, 7)}-01`;
  const period: CustomerPeriod = { id: newId(), start, label: monthLabel(start), customersAtStart: null, gained: 0, lost: 0, reasons: [] };
  e.commit({ put: [recordOf("customerPeriod", period)], delete: [] }, "Add period");
  return period.id;
}

export function nextMonth(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

export function monthLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return d.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

export function scorePillar(e: Editor, pillar: Pillar, patch: Partial<Omit<PillarScore, "pillar">>): void {
  const next = e.doc.pillars.map((p) => (p.pillar === pillar ? { ...p, ...patch } : p));
  if (JSON.stringify(next) === JSON.stringify(e.doc.pillars)) return;
  e.commit({ put: [{ kind: "pillars", record: next }], delete: [] }, "Score pillar", `pillar:${pillar}:${Object.keys(patch).join()}`);
}
