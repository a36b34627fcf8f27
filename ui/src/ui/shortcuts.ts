// Help → Keyboard Shortcuts (F1): every key the window answers to, in one list a facilitator can
// read off the projector, built from the actions' own keys so it never drifts from what they do.

import type { Action } from "../actions/types";
import { h } from "./dom";
import { describeKeys } from "./keyboard";
import { MENU_KEYS } from "./menuIds.generated";

export interface Shortcut {
  keys: string;
  what: string;
}

/** A menu accelerator as the list writes keys: "CmdOrCtrl+Shift+S" → "Shift+Ctrl+S". */
function menuKeys(accelerator: string): string {
  const parts = accelerator.split("+");
  const key = accelerator.endsWith("++") ? "+" : parts.at(-1)!;
  const shift = parts.includes("Shift") ? "shift+" : "";
  return describeKeys([`${shift}mod+${key.toLowerCase()}`]);
}

/** Keys the window handles itself rather than through an action (see App.listenKeys); the menu
 * bar's accelerators come first, from the menu itself, so the list never leaves one out. */
const WINDOW_KEYS: Array<[string, Shortcut[]]> = [
  [
    "Files and views",
    [
      ...MENU_KEYS.filter(([, keys]) => !/CmdOrCtrl\+[-=01]$/.test(keys)).map(([what, keys]) => ({ keys: menuKeys(keys), what })),
      { keys: "Ctrl+S", what: "Write everything now (it is saved as you go)" },
      { keys: "Ctrl+F", what: "Find cards and notes by their words (Enter or F3: next; Shift: previous)" },
      { keys: "F1", what: "This list" },
    ],
  ],
  [
    "On the map",
    [
      { keys: "Enter or F2", what: "Edit the selected card's, note's, stage's or lane's text" },
      {
        keys: "Tab / Shift+Tab",
        what: "While naming a stage or lane: keep it and name the next (past the last, a new one) / the one before",
      },
      { keys: "R", what: "Start or open the selected card's redesign" },
      { keys: "Arrow keys", what: "Move the selection (with Shift: ten steps)" },
      { keys: "Mouse wheel, Ctrl+wheel, pinch", what: "Zoom about the pointer" },
      { keys: "Space-drag, middle-drag, Shift+wheel, two-finger scroll", what: "Pan" },
      { keys: "Shift+M", what: "Show or hide the minimap" },
      { keys: "Escape", what: "Cancel, leave workshop mode, or clear the selection" },
    ],
  ],
  [
    "Workshop",
    [
      { keys: "F5", what: "Workshop mode (full screen, timer, dot-voting)" },
      { keys: "Shift+F5", what: "Open the live room" },
    ],
  ],
];

/** The shortcuts in groups: the window's own keys, then every action that has keys. */
export function shortcutList(actions: readonly Action[]): Array<[string, Shortcut[]]> {
  const fromActions = actions
    // The arrow keys' eight moves are one line above.
    .filter((a) => a.keys?.length && !a.name.startsWith("nudge."))
    .map((a) => ({
      keys: (a.keys ?? [])
        .slice(0, 2)
        .map((k) => describeKeys([k]))
        .join(" or "),
      what: a.label,
    }));
  return [...WINDOW_KEYS, ["Commands", fromActions]];
}

/** Shows the list in a dialog; Escape, Enter or Close shuts it. */
export function showShortcuts(actions: readonly Action[]): void {
  if (document.querySelector(".shortcuts-dialog")) return;
  const close = h("button", { type: "button", class: "primary" }, "Close");
  const groups = shortcutList(actions).map(([group, list]) =>
    h("section", {}, h("h3", {}, group), ...list.map((s) => h("div", { class: "shortcut" }, h("kbd", {}, s.keys), h("span", {}, s.what)))),
  );
  const backdrop = h(
    "div",
    { class: "backdrop" },
    h(
      "div",
      { class: "dialog shortcuts-dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": "shortcuts-title" },
      h("h2", { id: "shortcuts-title" }, "Keyboard shortcuts"),
      h("div", { class: "shortcut-groups" }, ...groups),
      h("div", { class: "dialog-buttons" }, close),
    ),
  );
  const done = () => backdrop.remove();
  close.addEventListener("click", done);
  backdrop.addEventListener("keydown", (e) => {
    if (e.key === "Escape" || e.key === "Enter") {
      e.preventDefault();
      done();
    }
  });
  document.body.append(backdrop);
  close.focus();
}
