// What typing into a card, note, stage or lane in place commits: the text trimmed, never longer
// than the core accepts (a name 1,000 characters, a note's text 100,000), and nothing at all when
// a required name was emptied (the old one stays). One rule for the canvas's text box and for
// tests that type like a person.

import { LIMITS } from "../bindings/limitValues";
import type { Editor } from "../editor/editor";
import { editField } from "./editField";

/** `text` cut to at most `max` characters (code points, as the core counts them). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join("");
}

export function editText(e: Editor, id: string, typed: string): void {
  const value = typed.trim();
  if (!value) return;
  if (e.doc.get("touchpoint", id)) editField(e, "touchpoint", id, { title: clip(value, LIMITS.nameChars) }, "Rename touchpoint");
  else if (e.doc.get("note", id)) editField(e, "note", id, { text: clip(value, LIMITS.textChars) }, "Edit note");
  else if (e.doc.get("stage", id)) editField(e, "stage", id, { name: clip(value, LIMITS.nameChars) }, "Rename stage");
  else if (e.doc.get("lane", id)) editField(e, "lane", id, { name: clip(value, LIMITS.nameChars) }, "Rename lane");
  e.endGesture();
}
