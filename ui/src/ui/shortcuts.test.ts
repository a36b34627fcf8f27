import { expect, it } from "vitest";
import { ACTIONS } from "../actions/index";
import { shortcutList } from "./shortcuts";

it("the shortcut list names every action's keys, and the window's own", () => {
  const groups = shortcutList(ACTIONS);
  const all = groups.flatMap(([, list]) => list);
  const said = (what: string) => all.find((s) => s.what === what)?.keys;
  expect(said("Add touchpoint")).toBe("T");
  expect(said("Undo")).toBe("Ctrl+Z");
  expect(said("Redo")).toBe("Shift+Ctrl+Z or Ctrl+Y");
  expect(said("This list")).toBe("F1");
  // The menu bar's accelerators, from the menu itself (a trial missed Ctrl+T and Ctrl+R here).
  expect(said("Table View")).toBe("Ctrl+T");
  expect(said("Redesigns")).toBe("Ctrl+R");
  expect(said("Save As")).toBe("Shift+Ctrl+S");
  expect(said("New Map")).toBe("Shift+Ctrl+M");
  // Every action with keys is listed (the arrow keys' moves as one line).
  for (const a of ACTIONS.filter((x) => x.keys?.length && !x.name.startsWith("nudge."))) expect(said(a.label)).toBeDefined();
  expect(all.filter((s) => s.what.startsWith("Move left"))).toHaveLength(0);
  expect(said("Move the selection (with Shift: ten steps)")).toBe("Arrow keys");
});
