// The value/effort arithmetic of opportunities, as the core has it (src/model/opportunity.rs):
// which quadrant a score falls in, the status shown while a redesign carries one, and the
// ranking. Pure; the tests beside it pin the same cases as the core's.

import type { Opportunity } from "../bindings/Opportunity";
import type { OpportunityStatus } from "../bindings/OpportunityStatus";
import type { Quadrant } from "../bindings/Quadrant";
import type { Redesign } from "../bindings/Redesign";

/** A score of 3 or more counts as high: the matrix's lines run between 2 and 3. */
export const HIGH_SCORE = 3;

export const QUADRANT_LABEL: Record<Quadrant, string> = {
  quickWin: "Quick wins",
  bigBet: "Big bets",
  fillIn: "Fill-ins",
  moneyPit: "Money pits",
};

export const STATUS_LABEL: Record<OpportunityStatus, string> = {
  idea: "Idea",
  chosen: "Chosen",
  inRedesign: "In redesign",
  done: "Done",
  dropped: "Dropped",
};

export function quadrantOf(o: Pick<Opportunity, "value" | "effort">): Quadrant {
  const high = o.value >= HIGH_SCORE;
  const hard = o.effort >= HIGH_SCORE;
  return high ? (hard ? "bigBet" : "quickWin") : hard ? "moneyPit" : "fillIn";
}

/** The status shown: a linked redesign's progress wins over the status chosen by hand. */
export function statusWith(o: Opportunity, redesigns: Iterable<Redesign>): OpportunityStatus {
  if (!o.redesignId) return o.status;
  let r: Redesign | undefined;
  for (const x of redesigns) if (x.id === o.redesignId) r = x;
  if (!r) return o.status;
  if (r.endedOn) return "dropped";
  if (r.phases.length > 0 && r.phases.every((p) => p.status === "done")) return "done";
  return "inRedesign";
}

/** Compares by code point, as the core's `str::cmp` does (not by locale). */
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Most value for the effort first, then most value, then by title; done and dropped ones last. */
export function ranked(items: Iterable<Opportunity>, redesigns: Iterable<Redesign>): Opportunity[] {
  const list = [...redesigns];
  const closed = (o: Opportunity) => {
    const s = statusWith(o, list);
    return s === "done" || s === "dropped" ? 1 : 0;
  };
  return [...items].sort(
    (a, b) =>
      closed(a) - closed(b) ||
      b.value - b.effort - (a.value - a.effort) ||
      b.value - a.value ||
      order(a.title.toLowerCase(), b.title.toLowerCase()) ||
      order(a.id, b.id),
  );
}
