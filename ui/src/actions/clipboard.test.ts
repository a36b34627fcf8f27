import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { copy, duplicate, paste } from "./clipboard";

it("duplicate copies cards with the connectors between them, under new ids", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Self-service kiosk", "Bag drop queue");
  const originals = editor.selectedTouchpoints();
  const connectors = editor.doc.connectorsOf(editor.mapId).length;
  duplicate.perform(editor);
  const copies = editor.selectedTouchpoints();
  expect(copies.map((t) => t.title)).toEqual(originals.map((t) => t.title));
  expect(copies.every((c) => !originals.some((o) => o.id === c.id))).toBe(true);
  expect(copies[0]!.x).toBe(originals[0]!.x + 24);
  expect(editor.doc.connectorsOf(editor.mapId).length).toBe(connectors + 1);
});

it("pasting twice does not stack the copies", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Lounge entry");
  copy.perform(editor);
  paste.perform(editor);
  const first = editor.selectedTouchpoints()[0]!;
  paste.perform(editor);
  const second = editor.selectedTouchpoints()[0]!;
  expect(second.x).toBe(first.x + 24);
});

it("pasting after clicking an empty cell puts the copy in that cell, not on the original", async () => {
  const { editor } = await sampleEditor();
  const original = selectByTitle(editor, "Lounge entry");
  copy.perform(editor);
  // An empty cell: the last stage's row of a lane holding none of its cards.
  const column = editor.grid.columns.at(-1)!;
  const row = editor.grid.rows.find(
    (r) => !editor.doc.touchpointsOf(editor.mapId).some((t) => t.stageId === column.stage.id && t.laneId === r.lane.id),
  )!;
  editor.clearSelection();
  editor.pointedCell = { stageId: column.stage.id, laneId: row.lane.id };
  paste.perform(editor);
  const copyOf = editor.selectedTouchpoints()[0]!;
  expect(copyOf.title).toBe(original.title);
  expect([copyOf.stageId, copyOf.laneId]).toEqual([column.stage.id, row.lane.id]);
  expect(copyOf.x).toBe(column.x + 12);
  expect(copyOf.y).toBe(row.y + 12);
  // The next paste lands beside it, not on it.
  paste.perform(editor);
  expect(editor.selectedTouchpoints()[0]!.x).toBe(copyOf.x + 24);
});
