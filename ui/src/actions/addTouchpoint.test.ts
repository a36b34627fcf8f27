import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { intersects } from "../geometry/rect";
import { addTouchpointAt } from "./addTouchpoint";

it("adds a card beside the selected one, in its cell, overlapping nothing", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Self-service kiosk");
  const kiosk = editor.selectedTouchpoints()[0]!;
  const id = addTouchpointAt(editor)!;
  const card = editor.doc.get("touchpoint", id)!;
  expect(card.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect([card.stageId, card.laneId]).toEqual([kiosk.stageId, kiosk.laneId]);
  for (const other of editor.query(card)) if (other.id !== id) expect(intersects(other, card)).toBe(false);
  expect(editor.selection).toEqual(new Set([id]));
  expect(editor.editing).toBe(id);
  // Nobody has judged it yet: it must not count as reliable on the dashboard or in reports.
  expect(card.reliability).toBe("unrated");
});

it("a double-click position puts the card under the pointer", async () => {
  const { editor } = await sampleEditor();
  const column = editor.grid.columns[4]!,
    row = editor.grid.rows[1]!;
  // Where a pointer lands at an odd zoom: fractions of a unit.
  const id = addTouchpointAt(editor, { x: column.x + 100.37, y: row.y + 60.81 })!;
  const card = editor.doc.get("touchpoint", id)!;
  expect(card.stageId).toBe(column.stage.id);
  expect(card.laneId).toBe(row.lane.id);
  expect([card.x, card.y]).toEqual([Math.round(column.x + 100.37 - card.width / 2), Math.round(row.y + 60.81 - card.height / 2)]);
});
