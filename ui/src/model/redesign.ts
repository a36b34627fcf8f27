// What the UI asks of a redesign record, answered in one place (the core's `RedesignState` says
// the same: a redesign is done when every phase is done).

import type { Redesign } from "../bindings/Redesign";

/** Every phase done: the redesign is finished and no longer counts as running. */
export function isFinished(r: Pick<Redesign, "phases">): boolean {
  return r.phases.every((p) => p.status === "done");
}

/** The redesign of a touchpoint still running, if any. */
export function runningRedesignOf(redesigns: Iterable<Redesign>, touchpointId: string): Redesign | undefined {
  for (const r of redesigns) if (r.touchpointId === touchpointId && !isFinished(r)) return r;
  return undefined;
}

/** The phase whose end sends the proposal to corporate: the one before corporate's response
 * (as the core finds it: the phase named "…response…", else the fourth). */
export function sendingPhase(r: Pick<Redesign, "phases">): number | undefined {
  const named = r.phases.findIndex((p) => p.name.toLowerCase().includes("response"));
  const response = named >= 0 ? named : r.phases.length >= 4 ? 3 : -1;
  return response > 0 ? response - 1 : undefined;
}

/** Nothing of the proposal to corporate is written yet. */
export function proposalIsEmpty(r: Pick<Redesign, "proposal">): boolean {
  const q = r.proposal;
  return [q.problem, q.change, q.steps, q.owner, q.cost, q.employees, q.effect, q.decision].every((x) => x.trim() === "");
}
