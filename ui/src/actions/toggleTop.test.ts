import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { moveTop, toggleTop, toggledTop } from "./toggleTop";

it("adds to and removes from the ranked top list, with undo", async () => {
  const { editor, backend } = await sampleEditor();
  const before = [...editor.doc.topTouchpoints];
  expect(before).toHaveLength(12);
  selectByTitle(editor, "Pre-booked parking");
  const [card] = editor.selectedTouchpoints();
  toggleTop.perform(editor);
  expect(editor.doc.topTouchpoints).toEqual([...before, card!.id]);
  moveTop(editor, card!.id, -1);
  expect(editor.doc.topTouchpoints[11]).toBe(card!.id);
  toggleTop.perform(editor);
  expect(editor.doc.topTouchpoints).not.toContain(card!.id);
  editor.undo();
  editor.undo();
  editor.undo();
  expect(editor.doc.topTouchpoints).toEqual(before);
  await editor.flush();
  expect(backend.file.topTouchpoints).toEqual(before);
});

it("refuses to grow past fifteen", () => {
  const ids = Array.from({ length: 15 }, (_, i) => `t${i}`);
  expect(toggledTop(ids, ["x"])).toBeUndefined();
  expect(toggledTop(ids, ["t3"])).toHaveLength(14);
  expect(toggledTop(ids.slice(0, 14), ["x"])).toHaveLength(15);
});

it("deleting a top touchpoint takes it off the list and its KPIs with it, and undo restores both", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Bag drop queue");
  const [card] = editor.selectedTouchpoints();
  const kpis = editor.doc.kpisOf(card!.id).length;
  const linked = [...editor.doc.tables.feedback.values()].filter((f) => f.touchpointId === card!.id).length;
  expect(kpis).toBeGreaterThan(0);
  expect(linked).toBeGreaterThan(0);
  const { deleteSelection } = await import("./deleteSelection");
  deleteSelection.perform(editor);
  expect(editor.doc.topTouchpoints).not.toContain(card!.id);
  expect(editor.doc.kpisOf(card!.id)).toHaveLength(0);
  expect([...editor.doc.tables.feedback.values()].filter((f) => f.touchpointId === card!.id)).toHaveLength(0);
  editor.undo();
  expect(editor.doc.topTouchpoints).toContain(card!.id);
  expect(editor.doc.kpisOf(card!.id)).toHaveLength(kpis);
  expect([...editor.doc.tables.feedback.values()].filter((f) => f.touchpointId === card!.id)).toHaveLength(linked);
});
