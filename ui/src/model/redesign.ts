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
