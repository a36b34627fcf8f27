// Change one field of one phase of a redesign (its owner, its notes). The phase list is read from
// the document when the edit happens, never from a copy taken when the panel was drawn: two fields
// typed one after the other must both stay.

import type { Phase } from "../bindings/Phase";
import type { Editor } from "../editor/editor";
import { editField } from "./editField";

export function editPhase(
  e: Editor,
  redesignId: string,
  index: number,
  patch: Partial<Pick<Phase, "owner" | "notes">>,
  label: string,
): void {
  const current = e.doc.get("redesign", redesignId);
  if (!current?.phases[index]) return;
  const phases = current.phases.map((p, i) => (i === index ? { ...p, ...patch } : p));
  editField(e, "redesign", redesignId, { phases }, label);
}
