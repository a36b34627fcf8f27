import { expect, it } from "vitest";
import { Editor } from "../editor/editor";
import { MemoryBackend, sampleProject } from "../editor/testing";
import { intersects } from "../geometry/rect";
import { addNote } from "./addNote";
import { addTouchpoint } from "./addTouchpoint";
import { addStage } from "./addStage";

async function fresh() {
  const backend = new MemoryBackend(sampleProject());
  const editor = new Editor(backend, 5);
  editor.setViewport(1280, 720);
  editor.load(await backend.create("/tmp/h.journey", "Hotel stay"));
  return { editor, backend };
}

it("cards added with T never cover each other: the lane grows and the view follows", async () => {
  const { editor, backend } = await fresh();
  const lane = editor.grid.rows.find((r) => r.lane.kind === "touchpoints")!;
  const first = editor.grid.columns[0]!;
  editor.setFocus("stage", first.stage.id);
  const below = editor.grid.rows.find((r) => r.y > lane.y)!;
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) {
    addTouchpoint.perform(editor);
    ids.push([...editor.selection][0]!);
    editor.editing = undefined;
  }
  const cards = ids.map((id) => editor.doc.get("touchpoint", id)!);
  for (let i = 0; i < cards.length; i++)
    for (let j = i + 1; j < cards.length; j++) expect(intersects(cards[i]!, cards[j]!), `${i} and ${j} overlap`).toBe(false);
  const grown = editor.grid.rows.find((r) => r.lane.id === lane.lane.id)!;
  expect(grown.height).toBeGreaterThan(lane.height);
  for (const t of cards) {
    expect(t.laneId).toBe(lane.lane.id);
    expect(t.y + t.height).toBeLessThanOrEqual(grown.y + grown.height);
  }
  expect(editor.grid.rows.find((r) => r.lane.id === below.lane.id)!.y).toBe(below.y + grown.height - lane.height);
  const last = cards.at(-1)!;
  const c = editor.camera;
  expect(last.y + last.height).toBeLessThanOrEqual(c.y + editor.viewport.height / c.zoom);
  expect(last.y).toBeGreaterThanOrEqual(c.y);
  // One T is one undo step, the lane's growth included.
  editor.undo();
  expect(editor.doc.get("touchpoint", ids.at(-1)!)).toBeUndefined();
  await editor.flush();
  expect(backend.file.tables.touchpoint.size).toBe(6);
});

it("N with a card selected puts the note in the pain points of that stage", async () => {
  const { editor } = await fresh();
  const stage = editor.grid.columns[1]!;
  editor.setFocus("stage", stage.stage.id);
  addTouchpoint.perform(editor);
  editor.editing = undefined;
  const card = editor.selectedTouchpoints()[0]!;
  addNote.perform(editor);
  const note = editor.selectedNotes()[0]!;
  const pains = editor.grid.rows.find((r) => r.lane.kind === "painPoints")!;
  expect(note.laneId).toBe(pains.lane.id);
  expect(note.stageId).toBe(card.stageId);
  expect(intersects(note, card)).toBe(false);
});

it("a new stage at the end comes into view", async () => {
  const { editor } = await fresh();
  editor.setCamera({ x: 0, y: 0, zoom: 1.5 });
  addStage.perform(editor);
  const column = editor.grid.columns.at(-1)!;
  const c = editor.camera;
  expect(column.x + column.width).toBeLessThanOrEqual(c.x + editor.viewport.width / c.zoom);
});

it("with nothing chosen, T starts in the first stage in sight: the first one on a map seen whole", async () => {
  const { editor } = await fresh();
  editor.zoomToFit();
  addTouchpoint.perform(editor);
  const first = editor.doc.get("touchpoint", [...editor.selection][0]!)!;
  expect(first.stageId).toBe(editor.grid.columns[0]!.stage.id);
  // Zoomed in on the third stage: the first stage in sight is the third.
  editor.clearSelection();
  editor.editing = undefined;
  const third = editor.grid.columns[2]!;
  editor.setCamera({ x: third.x - 10, y: editor.camera.y, zoom: 1.5 });
  addTouchpoint.perform(editor);
  const next = editor.doc.get("touchpoint", [...editor.selection][0]!)!;
  expect(next.stageId).toBe(third.stage.id);
});
