import { expect, it } from "vitest";
import { ACTIONS } from "../actions";
import { chordOf, describeKeys, findAction, isTab } from "./keyboard";

/** The parts of a KeyboardEvent `chordOf` reads (Linux: Ctrl is the command key). */
function key(k: string, code: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}): KeyboardEvent {
  return { key: k, code, ctrlKey: !!mods.ctrl, shiftKey: !!mods.shift, altKey: !!mods.alt, metaKey: false } as KeyboardEvent;
}

it("every way people type 'zoom in' zooms in, and zoom out zooms out", () => {
  const zoomIn = [
    key("=", "Equal", { ctrl: true }),
    key("+", "Equal", { ctrl: true, shift: true }), // Ctrl++ on a US keyboard
    key("+", "NumpadAdd", { ctrl: true }),
    key("=", "Equal"),
    key("+", "NumpadAdd"),
    key("+", "Equal", { shift: true }),
  ];
  for (const e of zoomIn) expect(findAction(ACTIONS, chordOf(e))?.name, chordOf(e)).toBe("zoomIn");
  for (const e of [key("-", "Minus", { ctrl: true }), key("-", "NumpadSubtract")])
    expect(findAction(ACTIONS, chordOf(e))?.name, chordOf(e)).toBe("zoomOut");
});

it("describes chords whose key is + itself", () => {
  expect(describeKeys(["mod++"])).toBe("Ctrl++");
  expect(describeKeys(["shift+mod++"])).toBe("Shift+Ctrl++");
  expect(describeKeys(["+"])).toBe("+");
  expect(describeKeys(["mod+="])).toBe("Ctrl+=");
  expect(describeKeys(["shift+arrowleft"])).toBe("Shift+←");
});

it("Shift+Tab as WebKitGTK reports it (key 'Unidentified', code 'Tab') is Shift+Tab", () => {
  // Measured in the real window: X's ISO_Left_Tab arrives as key "Unidentified", code "Tab".
  const webkit = key("Unidentified", "Tab", { shift: true });
  expect(chordOf(webkit)).toBe("shift+tab");
  expect(isTab(webkit)).toBe(true);
  expect(findAction(ACTIONS, chordOf(webkit))?.name).toBe("selectPrevious");
  expect(chordOf(key("Tab", "Tab"))).toBe("tab");
  expect(isTab(key("Unidentified", "KeyQ"))).toBe(false);
});
