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

it("a card pushed against the map's edge stops on it, in the first stage, and stays in view", async () => {
  const { editor } = await sampleEditor();
  editor.setViewport(800, 600);
  const card = selectByTitle(editor, "Check-in reminder email");
  const farLeft = nudges.find((a) => a.name === "nudge.left.far")!;
  for (let i = 0; i < 20; i++) farLeft.perform(editor);
  const moved = editor.selectedTouchpoints()[0]!;
  const first = editor.grid.columns[0]!;
  expect(moved.x + moved.width / 2).toBeGreaterThanOrEqual(first.x);
  expect(moved.stageId).toBe(first.stage.id);
  expect(moved.stageId).toBe(card.stageId);
  // The view shows it.
  const c = editor.camera;
  expect(moved.x).toBeGreaterThanOrEqual(c.x);
  expect(moved.x + moved.width).toBeLessThanOrEqual(c.x + editor.viewport.width / c.zoom);
  // At the edge, another push changes nothing and adds no undo step.
  const label = editor.history.undoLabel;
  const before = editor.doc.version;
  farLeft.perform(editor);
  expect(editor.doc.version).toBe(before);
  expect(editor.history.undoLabel).toBe(label);
});
