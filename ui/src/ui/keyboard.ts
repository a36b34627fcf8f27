// Keyboard shortcuts: a key event becomes a chord like "shift+mod+z", looked up in the actions.

import type { Action } from "../actions/types";

const isMac = typeof navigator !== "undefined" && /Mac/.test(navigator.platform);

export function chordOf(e: KeyboardEvent): string {
  let key = e.key.toLowerCase();
  if (e.code.startsWith("Digit")) key = e.code.slice(5);
  else if (e.code.startsWith("Key")) key = e.code.slice(3).toLowerCase();
  else if (key === " ") key = "space";
  // WebKitGTK names Shift+Tab (X's ISO_Left_Tab) "Unidentified"; its code is still "Tab".
  else if (key === "unidentified" && e.code === "Tab") key = "tab";
  const parts: string[] = [];
  if (e.shiftKey && key !== "shift") parts.push("shift");
  if (e.altKey && key !== "alt") parts.push("alt");
  if ((isMac ? e.metaKey : e.ctrlKey) && key !== "control" && key !== "meta") parts.push("mod");
  parts.push(key);
  return parts.join("+");
}

/** Tab, with or without Shift: WebKitGTK gives Shift+Tab the key "Unidentified" (code "Tab"). */
export function isTab(e: KeyboardEvent): boolean {
  return e.key === "Tab" || (e.key === "Unidentified" && e.code === "Tab");
}

export function findAction(actions: Action[], chord: string): Action | undefined {
  return actions.find((a) => a.keys?.includes(chord));
}

/** "shift+mod+z" → "Shift+Ctrl+Z" for menus and tooltips. */
export function describeKeys(keys: string[] | undefined): string {
  const first = keys?.[0];
  if (!first) return "";
  // The key itself may be "+" ("mod++", "+"): it is what follows the last joining "+".
  const parts = first === "+" ? ["+"] : first.endsWith("++") ? [...first.slice(0, -2).split("+"), "+"] : first.split("+");
  return parts
    .map((p) => (p === "mod" ? (isMac ? "⌘" : "Ctrl") : p.length === 1 ? p.toUpperCase() : p[0]!.toUpperCase() + p.slice(1)))
    .join("+")
    .replace("Arrowleft", "←")
    .replace("Arrowright", "→")
    .replace("Arrowup", "↑")
    .replace("Arrowdown", "↓");
}

/** Whether typing is going into a text field (so single-key shortcuts must not fire). */
export function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT";
}
