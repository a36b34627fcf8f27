// Change one field of a redesign's proposal to corporate (the problem, the change, its steps,
// owner, cost, what changes for employees, the effect and its KPI, the decision asked for). The
// proposal is read from the document when the edit happens, so fields typed one after another
// all stay; typing into one field is one undo step.

import type { Proposal } from "../bindings/Proposal";
import type { Editor } from "../editor/editor";
import { editField } from "./editField";

export function editProposal(e: Editor, redesignId: string, patch: Partial<Proposal>, label: string): void {
  const current = e.doc.get("redesign", redesignId);
  if (!current) return;
  editField(e, "redesign", redesignId, { proposal: { ...current.proposal, ...patch } }, label);
}
