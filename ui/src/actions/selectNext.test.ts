import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { readingOrder, selectNext, selectPrevious } from "./selectNext";

it("Tab goes from card to card in reading order: stage by stage, lane by lane, and round", async () => {
  const { editor } = await sampleEditor();
  const order = readingOrder(editor);
  expect(order).toHaveLength(editor.doc.touchpointsOf(editor.mapId).length + editor.doc.notesOf(editor.mapId).length);
  // Every item of a stage comes before any item of the next stage.
  const stages = order.map((id) => {
    const item = editor.doc.get("touchpoint", id) ?? editor.doc.get("note", id)!;
    const column = editor.grid.columns.findIndex((c) => item.x + item.width / 2 >= c.x && item.x + item.width / 2 < c.x + c.width);
    return Math.max(column, 0);
  });
  expect(stages).toEqual([...stages].sort((a, b) => a - b));

  // From a card, the next card (never a note between them: a trial pressed Tab then 2 and
  // rated nothing); from a note, the next note.
  const cards = order.filter((id) => editor.doc.get("touchpoint", id));
  const notes = order.filter((id) => editor.doc.get("note", id));
  const start = selectByTitle(editor, "Online check-in");
  const at = cards.indexOf(start.id);
  selectNext.perform(editor);
  expect([...editor.selection]).toEqual([cards[at + 1]]);
  selectPrevious.perform(editor);
  selectPrevious.perform(editor);
  expect([...editor.selection]).toEqual([cards[at - 1]]);
  // Past the last, the first again.
  editor.select([cards.at(-1)!]);
  selectNext.perform(editor);
  expect([...editor.selection]).toEqual([cards[0]]);
  editor.select([notes[0]!]);
  selectNext.perform(editor);
  expect([...editor.selection]).toEqual([notes[1]]);
  // With nothing selected it does not apply (Tab then moves the keyboard on).
  editor.clearSelection();
  expect(selectNext.enabled!(editor)).toBe(false);
});
