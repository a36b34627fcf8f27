// What typing into a card, note, stage or lane in place commits: the text trimmed, never longer
// than the core accepts (a name 1,000 characters, a note's text 100,000), and nothing at all when
// a required name was emptied (the old one stays). One rule for the canvas's text box and for
// tests that type like a person.

import { LIMITS } from "../bindings/limitValues";
import type { Editor } from "../editor/editor";
import { editField, fieldsKey } from "./editField";

/** `text` cut to at most `max` characters (code points, as the core counts them). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join("");
}

/** The field typing in place edits: a card's title, a note's text, a stage's or lane's name. */
function fieldOf(e: Editor, id: string): { kind: "touchpoint" | "note" | "stage" | "lane"; field: "title" | "text" | "name" } | undefined {
  if (e.doc.get("touchpoint", id)) return { kind: "touchpoint", field: "title" };
  if (e.doc.get("note", id)) return { kind: "note", field: "text" };
  if (e.doc.get("stage", id)) return { kind: "stage", field: "name" };
  if (e.doc.get("lane", id)) return { kind: "lane", field: "name" };
  return undefined;
}

const LABELS = { touchpoint: "Rename touchpoint", note: "Edit note", stage: "Rename stage", lane: "Rename lane" };

/**
 * Commits `typed` as the text of `id`. While the box is open (`ending` false) each call joins
 * the same undo step, so what is typed reaches the file as it is typed; the call that closes the
 * box (`ending`) ends the step.
 */
export function editText(e: Editor, id: string, typed: string, ending = true): void {
  const value = typed.trim();
  const target = fieldOf(e, id);
  if (value && target) {
    const max = target.kind === "note" ? LIMITS.textChars : LIMITS.nameChars;
    editField(e, target.kind, id, { [target.field]: clip(value, max) }, LABELS[target.kind]);
  }
  if (ending) e.endGesture();
}

/** Takes back what typing into `id` committed since its box opened (Escape): no undo step is
 * left of it. */
export function cancelTextEdit(e: Editor, id: string): void {
  const target = fieldOf(e, id);
  if (target) e.cancelGesture(fieldsKey(id, [target.field]));
}
