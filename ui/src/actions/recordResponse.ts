// Record corporate's answer to a redesign's proposal. The core applies the rules (the response
// phase completes on the answer's date; a rejection ends the redesign or sends it back to
// "Propose change"); the result is one undo step.

import type { AfterRejection } from "../bindings/AfterRejection";
import type { CorporateResponse } from "../bindings/CorporateResponse";
import type { Decision } from "../bindings/Decision";
import type { Editor } from "../editor/editor";
import { recordOf } from "../model/doc";

export const DECISION_LABEL: Record<Decision, string> = {
  approved: "Approved",
  changes: "Approved with changes",
  rejected: "Rejected",
};

export async function recordResponse(
  e: Editor,
  redesignId: string,
  response: CorporateResponse,
  afterRejection: AfterRejection,
): Promise<void> {
  const current = e.doc.get("redesign", redesignId);
  if (!current) return;
  const next = await e.backend.respondToCorporate(current, response, afterRejection, e.doc.calendar);
  const what =
    response.decision === "rejected" && afterRejection === "revise"
      ? "rejected, back to the proposal"
      : DECISION_LABEL[response.decision].toLowerCase();
  e.commit({ put: [recordOf("redesign", next)], delete: [] }, `Corporate: ${what}`);
}
