import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { fit, TEXT_ZOOM } from "../geometry/camera";
import { STAGE_WIDTH } from "../geometry/layout";
import { addLaneAfter } from "./addLane";
import { addStageAfter, deleteStage } from "./addStage";

it("inserting a stage makes room by moving later cards right", async () => {
  const { editor } = await sampleEditor();
  const stages = editor.doc.stagesOf(editor.mapId);
  const later = editor.doc.touchpointsOf(editor.mapId).filter((t) => t.stageId === stages[3]!.id);
  const earlier = editor.doc.touchpointsOf(editor.mapId).filter((t) => t.stageId === stages[0]!.id);
  const id = addStageAfter(editor, stages[1]!.id);
  const after = editor.doc.stagesOf(editor.mapId);
  expect(after.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect(after[2]!.id).toBe(id);
  for (const t of later) expect(editor.doc.get("touchpoint", t.id)!.x).toBe(t.x + STAGE_WIDTH);
  for (const t of earlier) expect(editor.doc.get("touchpoint", t.id)!.x).toBe(t.x);
  expect(editor.focus).toEqual({ kind: "stage", id });
});

it("deleting a stage removes its cards and connectors and closes the gap", async () => {
  const { editor } = await sampleEditor();
  const [, second, third] = editor.doc.stagesOf(editor.mapId);
  const cards = editor.doc.touchpointsOf(editor.mapId);
  const doomed = new Set(cards.filter((t) => t.stageId === second!.id).map((t) => t.id));
  const next = cards.find((t) => t.stageId === third!.id)!;
  const notesIn = editor.doc.notesOf(editor.mapId).filter((n) => n.stageId === second!.id).length;
  expect(doomed.size).toBeGreaterThan(1);
  expect(notesIn).toBe(1);
  await deleteStage(editor, second!.id);
  expect(editor.doc.touchpointsOf(editor.mapId).some((t) => doomed.has(t.id))).toBe(false);
  expect(editor.doc.connectorsOf(editor.mapId).some((c) => doomed.has(c.fromId) || doomed.has(c.toId))).toBe(false);
  expect(editor.doc.get("touchpoint", next.id)!.x).toBe(next.x - second!.width);
  // The status bar's "Undo: …" says what went with the stage.
  expect(editor.history.undoLabel).toBe(`Delete stage “${second!.name}” with ${doomed.size} touchpoints and 1 note`);
});

it("deleting a stage takes its sticky notes too, and undo puts them back where they were", async () => {
  const { editor } = await sampleEditor();
  const stage = editor.doc.stagesOf(editor.mapId).find((s) => editor.doc.notesOf(editor.mapId).some((n) => n.stageId === s.id))!;
  const notes = editor.doc.notesOf(editor.mapId).filter((n) => n.stageId === stage.id);
  const elsewhere = editor.doc.notesOf(editor.mapId).filter((n) => n.stageId !== stage.id);
  expect(notes.length).toBeGreaterThan(0);
  await deleteStage(editor, stage.id);
  // Left behind, they would sit in the next stage once the gap closed.
  for (const n of notes) expect(editor.doc.get("note", n.id)).toBeUndefined();
  for (const n of elsewhere) expect(editor.doc.get("note", n.id)).toBeDefined();
  editor.undo();
  for (const n of notes) expect(editor.doc.get("note", n.id)).toEqual(n);
});

it("a view showing the whole map still shows it after a stage is added; a closer view pans to the stage", async () => {
  const { editor } = await sampleEditor();
  editor.setViewport(1600, 1000);
  editor.zoomToFit();
  const before = editor.camera;
  addStageAfter(editor);
  // Fitted again: the new stage and the first one are both in the window.
  expect(editor.isFitted()).toBe(true);
  expect(editor.camera.zoom).toBeLessThan(before.zoom);
  // Zoomed in on the first stage, adding one at the end pans to it and keeps the zoom.
  editor.camera = { x: 0, y: 0, zoom: 1 };
  const id = addStageAfter(editor);
  const added = editor.grid.columns.find((c) => c.stage.id === id)!;
  expect(editor.camera.zoom).toBe(1);
  expect(editor.camera.x + editor.viewport.width / editor.camera.zoom).toBeGreaterThanOrEqual(added.x + added.width);
  expect(editor.isFitted()).toBe(false);
});

it("a fitted view is not fitted again when that would take the cards' text away: it pans instead", async () => {
  const { editor } = await sampleEditor();
  // Just wide enough that the whole map shows its cards' text.
  const b = editor.contentBounds();
  let width = 200;
  while (fit(b, width, 2000).zoom < TEXT_ZOOM * 1.05) width += 10;
  editor.setViewport(width, 2000);
  editor.zoomToFit();
  expect(editor.camera.zoom).toBeGreaterThanOrEqual(TEXT_ZOOM);
  const zoom = editor.camera.zoom;
  const id = addStageAfter(editor);
  expect(editor.camera.zoom).toBe(zoom);
  const added = editor.grid.columns.find((c) => c.stage.id === id)!;
  expect(editor.camera.x + editor.viewport.width / zoom).toBeGreaterThanOrEqual(added.x + added.width);
});

it("adding stages or lanes one after another, zoomed in, never moves the view across", async () => {
  const { editor } = await sampleEditor();
  editor.setViewport(1080, 700);
  editor.camera = { x: 300, y: 200, zoom: 1 };
  for (let i = 0; i < 3; i++) {
    const y = editor.camera.y;
    addStageAfter(editor, editor.doc.stagesOf(editor.mapId)[0]!.id);
    expect(editor.camera.y).toBe(y);
  }
  for (let i = 0; i < 3; i++) {
    const x = editor.camera.x;
    addLaneAfter(editor, editor.doc.lanesOf(editor.mapId)[0]!.id, "frontstage");
    expect(editor.camera.x).toBe(x);
  }
});
