import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { advancePhase, improveReliability } from "./advancePhase";
import { localToday, runningRedesign, startRedesign } from "./startRedesign";

it("starting a redesign plans it from the project's template, and undo removes it", async () => {
  const { editor, backend } = await sampleEditor();
  const t = editor.doc.touchpointsOf(editor.mapId).find((x) => x.title === "Liquids rules information")!;
  const id = (await startRedesign(editor, t.id, "2026-11-23"))!;
  const r = editor.doc.get("redesign", id)!;
  expect(r.phases.map((p) => p.days)).toEqual(editor.doc.template.map((p) => p.days));
  expect(runningRedesign(editor, t.id)?.id).toBe(id);
  await editor.flush();
  expect(backend.file.get("redesign", id)).toBeDefined();
  editor.undo();
  expect(editor.doc.get("redesign", id)).toBeUndefined();
});

it("phases advance in order; the last one finishes the redesign and can improve reliability", async () => {
  const { editor } = await sampleEditor();
  const t = editor.doc.touchpointsOf(editor.mapId).find((x) => x.title === "Liquids rules information")!;
  const id = (await startRedesign(editor, t.id, "2026-11-23"))!;
  await expect(advancePhase(editor, id, 1, "inProgress")).rejects.toMatchObject({ code: "invalid-input" });
  let done = false;
  for (let i = 0; i < 5; i++) {
    await advancePhase(editor, id, i, "inProgress", "2026-11-23");
    done = await advancePhase(editor, id, i, "done", "2026-11-24");
  }
  expect(done).toBe(true);
  expect(runningRedesign(editor, t.id)).toBeUndefined();
  expect(t.reliability).toBe("broken");
  expect(improveReliability(editor, id)).toBe(true);
  expect(editor.doc.get("touchpoint", t.id)!.reliability).toBe("reliable");
  editor.undo();
  expect(editor.doc.get("touchpoint", t.id)!.reliability).toBe("broken");
});

it("deleting a touchpoint deletes its redesigns, and undo restores both", async () => {
  const { editor } = await sampleEditor();
  const r = [...editor.doc.tables.redesign.values()][0]!;
  editor.select([r.touchpointId]);
  const { deleteSelection } = await import("./deleteSelection");
  deleteSelection.perform(editor);
  expect(editor.doc.get("redesign", r.id)).toBeUndefined();
  editor.undo();
  expect(editor.doc.get("redesign", r.id)).toEqual(r);
});

it("today is the local calendar date", () => {
  expect(localToday(new Date(2026, 10, 22, 23, 59))).toBe("2026-11-22");
});

it("a touchpoint is redesigned once at a time: a second start, even a simultaneous one, gives the running redesign", async () => {
  const { editor } = await sampleEditor();
  const t = editor.doc.touchpointsOf(editor.mapId).find((x) => x.title === "Liquids rules information")!;
  const count = () => [...editor.doc.tables.redesign.values()].filter((r) => r.touchpointId === t.id).length;
  const before = count();
  // Two presses before the core has answered the first.
  const [a, b] = await Promise.all([startRedesign(editor, t.id, "2026-11-23"), startRedesign(editor, t.id, "2026-11-23")]);
  expect(a).toBe(b);
  expect(count()).toBe(before + 1);
  // And a press once it runs (a panel that had not caught up).
  expect(await startRedesign(editor, t.id, "2026-11-24")).toBe(a);
  expect(count()).toBe(before + 1);
  expect(editor.history.canUndo).toBe(true);
  editor.undo();
  expect(count()).toBe(before);
});
