import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { importChanges } from "./importChanges";

it("adds a sheet's touchpoints, stages and lanes as one undo step", async () => {
  const { editor, backend } = await sampleEditor();
  const cards = editor.doc.tables.touchpoint.size;
  const stages = editor.doc.tables.stage.size;
  const changes = await backend.readTouchpointsSheet();
  importChanges(editor, changes, "Import touchpoints from workshop.xlsx");
  expect(editor.doc.tables.touchpoint.size).toBe(cards + 4);
  expect(editor.doc.tables.stage.size).toBeGreaterThan(stages);
  await editor.flush();
  expect(backend.file.tables.touchpoint.size).toBe(cards + 4);
  editor.undo();
  expect(editor.doc.tables.touchpoint.size).toBe(cards);
  expect(editor.doc.tables.stage.size).toBe(stages);
  editor.redo();
  expect(editor.doc.tables.touchpoint.size).toBe(cards + 4);
});

it("adds CJML journeys as new maps", async () => {
  const { editor, backend } = await sampleEditor();
  const maps = editor.doc.tables.map.size;
  const read = await backend.readCjml();
  importChanges(editor, read.changes, "Import CJML");
  expect(editor.doc.tables.map.size).toBe(maps + read.maps);
  editor.undo();
  expect(editor.doc.tables.map.size).toBe(maps);
});
