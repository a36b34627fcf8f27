// A stand-in for the core's redesign commands in headless tests only: it plans phases back to
// back on Monday–Friday and follows the same phase-order rules in their simplest form. The real
// rules live in Rust (`src/workflow/`), tested there and through the real app end to end.

import type { AfterRejection } from "../bindings/AfterRejection";
import type { CorporateResponse } from "../bindings/CorporateResponse";
import type { PhaseStatus } from "../bindings/PhaseStatus";
import type { PhaseTemplate } from "../bindings/PhaseTemplate";
import type { Redesign } from "../bindings/Redesign";
import type { RedesignProgress } from "../bindings/RedesignProgress";
import type { WorkCalendar } from "../bindings/WorkCalendar";

const iso = (d: Date) => d.toISOString().slice(0, 10);
function addWorkDays(start: string, n: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  for (let i = 0; i < n; i++) {
    d.setUTCDate(d.getUTCDate() + 1);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  }
  return iso(d);
}

export function fakeNewRedesign(id: string, touchpointId: string, title: string, start: string, template: PhaseTemplate[]): Redesign {
  return {
    id,
    touchpointId,
    title,
    description: "",
    start,
    phases: template.map((t) => ({
      name: t.name,
      days: t.days,
      status: "notStarted",
      actualStart: null,
      actualEnd: null,
      owner: "",
      notes: "",
    })),
    history: [],
    proposal: { problem: "", change: "", steps: "", owner: "", cost: "", employees: "", effect: "", effectKpiId: null, decision: "" },
    responses: [],
    endedOn: null,
  };
}

/** Corporate's answer in its simplest form: the response phase (the fourth) ends on the answer's
 * day; a rejection ends the redesign or reopens the proposal phase (the second). */
export function fakeRespond(r: Redesign, response: CorporateResponse, after: AfterRejection, _calendar: WorkCalendar): Redesign {
  const index = 3;
  if (r.endedOn || r.phases.slice(0, index).some((p) => p.status !== "done"))
    throw { code: "invalid-input", message: "corporate's response is recorded once the proposal has gone out" };
  const next = structuredClone(r);
  const p = next.phases[index]!;
  p.actualStart ??= response.date;
  p.actualEnd = response.date;
  p.status = "done";
  if (response.decision === "rejected" && after === "end") next.endedOn = response.date;
  if (response.decision === "rejected" && after === "revise") {
    for (let i = 1; i <= index; i++) {
      const q = next.phases[i]!;
      q.status = i === 1 ? "inProgress" : "notStarted";
      q.actualStart = i === 1 ? response.date : null;
      q.actualEnd = null;
    }
  }
  next.responses.push(response);
  return next;
}

export function fakeAdvance(r: Redesign, index: number, to: PhaseStatus, date: string, note: string): Redesign {
  const phase = r.phases[index];
  if (!phase) throw { code: "invalid-input", message: `there is no phase ${index}` };
  if (to === "inProgress" && phase.status === "notStarted" && index > 0 && r.phases[index - 1]!.status !== "done")
    throw { code: "invalid-input", message: `phase "${phase.name}" cannot start before "${r.phases[index - 1]!.name}" is done` };
  const next = structuredClone(r);
  const p = next.phases[index]!;
  if (to === "inProgress" && p.status === "notStarted") p.actualStart = date;
  if (to === "done") p.actualEnd = date;
  next.history.push({ date, phase: index, from: p.status, to, note });
  p.status = to;
  return next;
}

export function fakeProgress(_calendar: WorkCalendar, redesigns: Redesign[], today: string): RedesignProgress[] {
  return redesigns.map((r) => {
    let cursor = r.start;
    const baseline = r.phases.map((p, i) => {
      const start = i === 0 ? addWorkDays(cursor, 0) : addWorkDays(cursor, 1);
      const end = addWorkDays(start, p.days - 1);
      cursor = end;
      return { name: p.name, start, end, days: p.days };
    });
    const current = r.phases.findIndex((p) => p.status !== "done");
    const end = baseline[baseline.length - 1]?.end ?? r.start;
    const done = current < 0;
    if (r.endedOn)
      return {
        state: "rejected",
        currentPhase: null,
        baseline: { start: baseline[0]?.start ?? r.start, end, phases: baseline },
        forecast: baseline,
        forecastEnd: r.endedOn,
        workDaysRemaining: 0,
        awaitingResponse: null,
      } as RedesignProgress;
    return {
      state: done ? "done" : today > end ? "late" : "onTrack",
      currentPhase: done ? null : current,
      baseline: { start: baseline[0]?.start ?? r.start, end, phases: baseline },
      forecast: baseline,
      forecastEnd: end,
      workDaysRemaining: done ? 0 : 5,
      awaitingResponse:
        r.phases.length >= 4 && r.phases[3]!.status !== "done" && r.phases.slice(0, 3).every((p) => p.status === "done") ? 3 : null,
    } as RedesignProgress;
  });
}
