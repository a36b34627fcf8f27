import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import type { Editor } from "../editor/editor";
import { GRID } from "../geometry/layout";
import { intersects } from "../geometry/rect";
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
  expect(copies.map((t) => [t.stageId, t.laneId])).toEqual(originals.map((t) => [t.stageId, t.laneId]));
  expect(editor.doc.connectorsOf(editor.mapId).length).toBe(connectors + 1);
});

/** Cards and notes of the current map that overlap another one. */
function overlapping(editor: Editor): string[] {
  const items = [...editor.doc.touchpointsOf(editor.mapId), ...editor.doc.notesOf(editor.mapId)];
  return items.filter((a) => items.some((b) => b !== a && intersects(a, b))).map((a) => ("title" in a ? a.title : a.text));
}

it("a duplicated or pasted card goes to a free spot of its cell, on top of nothing", async () => {
  const { editor } = await sampleEditor();
  const original = selectByTitle(editor, "Lounge entry");
  const before = overlapping(editor);
  duplicate.perform(editor);
  const twin = editor.selectedTouchpoints()[0]!;
  expect(twin.id).not.toBe(original.id);
  expect([twin.stageId, twin.laneId]).toEqual([original.stageId, original.laneId]);
  copy.perform(editor);
  paste.perform(editor);
  paste.perform(editor);
  expect(overlapping(editor)).toEqual(before);
});

it("pasting into a full cell grows its lane, in the same undo step", async () => {
  const { editor } = await sampleEditor();
  const original = selectByTitle(editor, "Lounge entry");
  const laneHeight = () => editor.doc.get("lane", original.laneId)!.height;
  copy.perform(editor);
  const heights = [laneHeight()];
  for (let i = 0; i < 12; i++) {
    paste.perform(editor);
    heights.push(laneHeight());
  }
  expect(heights.at(-1)).toBeGreaterThan(heights[0]!);
  const copies = editor.doc.touchpointsOf(editor.mapId).filter((t) => t.title === original.title);
  expect(copies).toHaveLength(13);
  expect(copies.every((t) => t.stageId === original.stageId && t.laneId === original.laneId)).toBe(true);
  expect(overlapping(editor)).toEqual([]);
  editor.undo();
  expect(laneHeight()).toBe(heights.at(-2));
});

it("pasting after clicking an empty cell puts the copy in that cell, not on the original", async () => {
  const { editor } = await sampleEditor();
  const original = selectByTitle(editor, "Lounge entry");
  copy.perform(editor);
  // An empty cell, away from the original: no card or note in it.
  const empty = editor.grid.columns
    .filter((c) => c.stage.id !== original.stageId)
    .flatMap((column) => editor.grid.rows.map((row) => ({ column, row })))
    .find(({ column, row }) => editor.query({ x: column.x, y: row.y, width: column.width, height: row.height }).length === 0)!;
  const { column, row } = empty;
  editor.clearSelection();
  editor.pointedCell = { stageId: column.stage.id, laneId: row.lane.id };
  paste.perform(editor);
  const copyOf = editor.selectedTouchpoints()[0]!;
  expect(copyOf.title).toBe(original.title);
  expect([copyOf.stageId, copyOf.laneId]).toEqual([column.stage.id, row.lane.id]);
  expect(copyOf.x).toBe(column.x + 2 * GRID);
  expect(copyOf.y).toBe(row.y + 2 * GRID);
  // The next paste lands in the same cell beside it, not on it.
  paste.perform(editor);
  const next = editor.selectedTouchpoints()[0]!;
  expect([next.stageId, next.laneId]).toEqual([column.stage.id, row.lane.id]);
  expect(intersects(next, copyOf)).toBe(false);
});

it("a group pasted or duplicated lands card by card in free spots, one undo step each", async () => {
  const { editor } = await sampleEditor();
  const originals = [selectByTitle(editor, "Lounge entry"), selectByTitle(editor, "Self-service kiosk")];
  editor.select(originals.map((t) => t.id));
  expect(originals[0]!.stageId).not.toBe(originals[1]!.stageId);
  const before = overlapping(editor);
  const count = () => editor.doc.touchpointsOf(editor.mapId).length;
  const n = count();
  copy.perform(editor);
  paste.perform(editor);
  paste.perform(editor);
  duplicate.perform(editor);
  expect(count()).toBe(n + 6);
  expect(overlapping(editor)).toEqual(before);
  for (const title of ["Lounge entry", "Self-service kiosk"]) {
    const all = editor.doc.touchpointsOf(editor.mapId).filter((t) => t.title === title);
    expect(new Set(all.map((t) => `${t.stageId}/${t.laneId}`)).size).toBe(1);
  }
  editor.undo();
  expect(count()).toBe(n + 4);
  expect(editor.history.undoLabel).toBe("Paste");
});

it("undoing a paste selects the copied cards again, so Ctrl+D acts on them; redo selects the pasted", async () => {
  const { editor } = await sampleEditor();
  const original = selectByTitle(editor, "Lounge entry");
  copy.perform(editor);
  paste.perform(editor);
  const pasted = [...editor.selection];
  expect(pasted).not.toContain(original.id);
  editor.undo();
  expect([...editor.selection]).toEqual([original.id]);
  editor.redo();
  expect([...editor.selection]).toEqual(pasted);
  editor.undo();
  const cards = editor.doc.touchpointsOf(editor.mapId).length;
  duplicate.perform(editor);
  expect(editor.doc.touchpointsOf(editor.mapId).length).toBe(cards + 1);
});
