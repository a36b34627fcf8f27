import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { toggleMomentOfTruth } from "./toggleMomentOfTruth";

it("marks a mixed selection, then unmarks it", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Online check-in", "Pre-booked parking");
  const [mot, plain] = editor.selectedTouchpoints();
  expect([mot!.momentOfTruth, plain!.momentOfTruth]).toEqual([true, false]);
  toggleMomentOfTruth.perform(editor);
  expect(editor.selectedTouchpoints().map((t) => t.momentOfTruth)).toEqual([true, true]);
  toggleMomentOfTruth.perform(editor);
  expect(editor.selectedTouchpoints().map((t) => t.momentOfTruth)).toEqual([false, false]);
  editor.undo();
  editor.undo();
  expect(editor.selectedTouchpoints().map((t) => t.momentOfTruth)).toEqual([true, false]);
});
