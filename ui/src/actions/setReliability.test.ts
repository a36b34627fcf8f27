import { expect, it } from "vitest";
import { ACTIONS } from ".";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { findAction } from "../ui/keyboard";
import { markBroken, markUnrated } from "./setReliability";

it("0 to 3 rate the selected cards, each as one undo step", async () => {
  const { editor } = await sampleEditor();
  const card = selectByTitle(editor, "Self-service kiosk");
  const before = card.reliability;
  expect(findAction(ACTIONS, "0")).toBe(markUnrated);
  expect(findAction(ACTIONS, "1")).toBe(markBroken);

  markUnrated.perform(editor);
  expect(editor.doc.get("touchpoint", card.id)!.reliability).toBe("unrated");
  // The toolbar shows the selection's rating pressed.
  expect(markUnrated.pressed?.(editor)).toBe(true);
  expect(markBroken.pressed?.(editor)).toBe(false);
  expect(editor.history.undoLabel).toBe("Mark not rated");
  markBroken.perform(editor);
  expect(editor.doc.get("touchpoint", card.id)!.reliability).toBe("broken");

  editor.undo();
  editor.undo();
  expect(editor.doc.get("touchpoint", card.id)!.reliability).toBe(before);
});

it("does nothing without a selected card", async () => {
  const { editor } = await sampleEditor();
  editor.select([]);
  expect(markUnrated.enabled?.(editor)).toBe(false);
  expect(markUnrated.pressed?.(editor)).toBe(false);
});
