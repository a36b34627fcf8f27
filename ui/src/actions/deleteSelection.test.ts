import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { deleteSelection } from "./deleteSelection";

it("deleting a card takes its connectors, and undo brings both back", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Bag drop queue");
  const id = editor.selectedTouchpoints()[0]!.id;
  const linked = editor.doc.connectorsOf(editor.mapId).filter((c) => c.fromId === id || c.toId === id);
  expect(linked.length).toBeGreaterThan(1);
  deleteSelection.perform(editor);
  expect(editor.doc.get("touchpoint", id)).toBeUndefined();
  expect(linked.every((c) => !editor.doc.get("connector", c.id))).toBe(true);
  expect(editor.selection.size).toBe(0);
  editor.undo();
  expect(editor.doc.get("touchpoint", id)).toBeDefined();
  expect(linked.every((c) => editor.doc.get("connector", c.id))).toBe(true);
});

it("deletes the focused lane when nothing is selected", async () => {
  const { editor } = await sampleEditor();
  const lane = editor.doc.lanesOf(editor.mapId)[3]!;
  editor.setFocus("lane", lane.id);
  deleteSelection.perform(editor);
  expect(editor.doc.get("lane", lane.id)).toBeUndefined();
  expect(editor.doc.touchpointsOf(editor.mapId).some((t) => t.laneId === lane.id)).toBe(false);
});
