import { describe, expect, it, vi } from "vitest";
import type { Notice } from "../bindings/Notice";
import { handleNotice, type Heed, heedNotices } from "./notices";

function fakeWindow(ratio = 1) {
  const destroyed = vi.fn(async () => undefined);
  return { win: { destroy: destroyed, devicePixelRatio: () => ratio }, destroyed };
}

describe("a notice from the shell", () => {
  it("runs the menu command it names", async () => {
    const menu = vi.fn();
    await handleNotice({ kind: "menu", id: "open:/a b.journey" }, { menu }, fakeWindow().win);
    expect(menu).toHaveBeenCalledWith("open:/a b.journey");
  });

  it("closes the window only when the window says it may", async () => {
    for (const may of [true, false]) {
      const { win, destroyed } = fakeWindow();
      const close = vi.fn(async () => may);
      await handleNotice({ kind: "closeRequested" }, { close }, win);
      expect(close).toHaveBeenCalledOnce();
      expect(destroyed).toHaveBeenCalledTimes(may ? 1 : 0);
    }
  });

  it("gives the room's changes with their label", async () => {
    const room = vi.fn();
    const changes = { put: [], delete: [{ kind: "note" as const, id: "n1" }] };
    await handleNotice({ kind: "roomChange", changes, label: "Room: note" }, { room }, fakeWindow().win);
    expect(room).toHaveBeenCalledWith(changes, "Room: note");
  });

  it("places dropped files in CSS pixels", async () => {
    const drop = vi.fn();
    await handleNotice({ kind: "fileDrop", paths: ["/p.png"], x: 300, y: 120 }, { drop }, fakeWindow(2).win);
    expect(drop).toHaveBeenCalledWith(["/p.png"], 150, 60);
  });
});

it("notices are handled in order, a failed read is asked again, a failing handler stops nothing", async () => {
  const answers: Array<Notice[] | Error> = [
    [{ kind: "menu", id: "undo" }],
    new Error("the shell went away for a moment"),
    [
      { kind: "menu", id: "boom" },
      { kind: "menu", id: "redo" },
    ],
  ];
  const seen: string[] = [];
  const heed: Heed = {
    menu: (id) => {
      if (id === "boom") throw new Error("a broken command");
      seen.push(id);
    },
  };
  const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    await heedNotices(
      async () => {
        const a = answers.shift()!;
        if (a instanceof Error) throw a;
        return a;
      },
      heed,
      fakeWindow().win,
      () => answers.length > 0,
      1,
    );
    // The last answer was taken as the loop ended: its notices were still handled.
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(["undo", "redo"]);
    expect(errors).toHaveBeenCalledTimes(2);
  } finally {
    errors.mockRestore();
  }
});
