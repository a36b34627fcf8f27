// Move a redesign's phase to a new status (start, wait, done, reopen). The core checks the
// transition; the result is one undo step. Finishing the last phase offers to move the
// touchpoint's reliability up a step, which is a separate, also undoable, step.

import type { PhaseStatus } from "../bindings/PhaseStatus";
import type { Reliability } from "../bindings/Reliability";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";
import { localToday } from "./startRedesign";
import { isFinished } from "../model/redesign";

export const IMPROVED: Record<Reliability, Reliability | undefined> = {
  unrated: "reliable",
  broken: "reliable",
  reliable: "differentiating",
  differentiating: undefined,
};

/** Returns true when this change completed the whole redesign. */
export async function advancePhase(
  e: Editor,
  redesignId: string,
  phase: number,
  status: PhaseStatus,
  date = localToday(),
  note = "",
): Promise<boolean> {
  const current = e.doc.get("redesign", redesignId);
  if (!current) return false;
  const next = await e.backend.advancePhase(current, phase, status, date, note);
  const verb = {
    notStarted: "Reset",
    inProgress: current.phases[phase]?.status === "notStarted" ? "Start" : "Resume",
    waiting: "Wait on",
    done: "Finish",
  }[status];
  e.commit({ put: [recordOf("redesign", next)], delete: [] }, `${verb} “${next.phases[phase]?.name ?? "phase"}”`);
  return isFinished(next);
}

/** Moves the redesigned touchpoint one reliability step up, if it can go higher. */
export function improveReliability(e: Editor, redesignId: string): boolean {
  const r = e.doc.get("redesign", redesignId);
  const t = r && e.doc.get("touchpoint", r.touchpointId);
  const next = t && IMPROVED[t.reliability];
  if (!t || !next) return false;
  e.commit({ put: [recordOf("touchpoint", { ...t, reliability: next })], delete: [] }, `Mark ${next}`);
  return true;
}
