import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { nudges } from "./nudge";

it("repeated nudges are one undo step", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Lounge entry");
  const start = editor.selectedTouchpoints()[0]!.x;
  const right = nudges.find((a) => a.name === "nudge.right")!;
  right.perform(editor);
  right.perform(editor);
  right.perform(editor);
  expect(editor.selectedTouchpoints()[0]!.x).toBe(start + 24);
  editor.undo();
  expect(editor.selectedTouchpoints()[0]!.x).toBe(start);
});
