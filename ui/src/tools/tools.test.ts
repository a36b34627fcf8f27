import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import type { Editor } from "../editor/editor";
import { addNote } from "../actions/addNote";
import { addTouchpoint } from "../actions/addTouchpoint";
import { ToolMachine } from "./machine";
import type { Pointer, ToolContext } from "./types";
import { intersects } from "../geometry/rect";

function machine(editor: Editor, voting: boolean) {
  const edits: string[] = [];
  const ctx: ToolContext = { editor, overlay: {}, spaceHeld: false, voting, setCursor: () => undefined, beginEdit: (id) => edits.push(id) };
  return { tools: new ToolMachine(ctx), edits };
}

function at(editor: Editor, x: number, y: number): Pointer {
  const c = editor.camera;
  return { canvas: { x, y }, screen: { x: (x - c.x) * c.zoom, y: (y - c.y) * c.zoom }, button: 0, shift: false, mod: false, alt: false };
}

it("two quick clicks on a note while voting are two dots and no text editor", async () => {
  const { editor } = await sampleEditor();
  const note = editor.doc.notesOf(editor.mapId)[0]!;
  const { tools, edits } = machine(editor, true);
  const p = at(editor, note.x + note.width / 2, note.y + note.height - 8);
  tools.down(p);
  tools.up(p);
  tools.down(p);
  tools.up(p);
  tools.doubleClick(p);
  expect(editor.doc.get("note", note.id)!.votes).toBe(note.votes + 2);
  expect(edits).toEqual([]);
  expect(editor.editing).toBeUndefined();
});

it("outside voting, a double click on a note edits its text", async () => {
  const { editor } = await sampleEditor();
  const note = editor.doc.notesOf(editor.mapId)[0]!;
  const { tools, edits } = machine(editor, false);
  const p = at(editor, note.x + note.width / 2, note.y + note.height - 8);
  tools.doubleClick(p);
  expect(edits).toEqual([note.id]);
});

it("T and N after a click on an empty cell put the card and the note in that cell", async () => {
  const { editor } = await sampleEditor();
  const { tools } = machine(editor, false);
  // An empty cell far from the view's centre: the last stage's opportunities lane.
  const column = editor.grid.columns.at(-1)!;
  const row = editor.grid.rows.find((r) => r.lane.kind === "customerActions")!;
  const empty = { x: column.x + column.width - 12, y: row.y + row.height - 6 };
  const p = at(editor, empty.x, empty.y);
  tools.down(p);
  tools.up(p);
  expect(editor.pointedCell).toEqual({ stageId: column.stage.id, laneId: row.lane.id });
  addTouchpoint.perform(editor);
  const card = editor.selectedTouchpoints()[0]!;
  expect([card.stageId, card.laneId]).toEqual([column.stage.id, row.lane.id]);
  editor.editing = undefined;
  tools.down(p);
  tools.up(p);
  addNote.perform(editor);
  const note = editor.selectedNotes()[0]!;
  expect([note.stageId, note.laneId]).toEqual([column.stage.id, row.lane.id]);
});

it("hovering a card or a header offers its whole text as the tooltip; an empty cell none", async () => {
  const { editor } = await sampleEditor();
  const titles: string[] = [];
  const ctx: ToolContext = {
    editor,
    overlay: {},
    spaceHeld: false,
    voting: false,
    setCursor: () => undefined,
    setTitle: (t) => titles.push(t),
    beginEdit: () => undefined,
  };
  const tools = new ToolMachine(ctx);
  const card = editor.doc.touchpointsOf(editor.mapId)[0]!;
  tools.move(at(editor, card.x + card.width / 2, card.y + card.height / 2));
  const note = editor.doc.notesOf(editor.mapId)[0]!;
  tools.move(at(editor, note.x + note.width / 2, note.y + 6));
  const b = editor.contentBounds();
  tools.move(at(editor, b.x + b.width + 400, b.y + b.height + 400));
  expect(titles).toEqual([card.title, note.text, ""]);
});

it("space held while the pointer moves, then a drag, pans; clicks work after it", async () => {
  const { editor } = await sampleEditor();
  // As in the window: assigning the cursor returns the value assigned.
  let cursor = "";
  const ctx: ToolContext = {
    editor,
    overlay: {},
    spaceHeld: false,
    voting: false,
    setCursor: (c) => (cursor = c),
    beginEdit: () => undefined,
  };
  const tools = new ToolMachine(ctx);
  const card = editor.doc.touchpointsOf(editor.mapId)[0]!;
  const start = at(editor, card.x + 10, card.y + 10);
  ctx.spaceHeld = true;
  tools.move(start);
  expect(tools.busy).toBe(false);
  expect(cursor).toBe("grab");
  const before = { ...editor.camera };
  tools.down(start);
  expect(tools.state.name).toBe("panning");
  tools.move({ ...start, screen: { x: start.screen.x + 40, y: start.screen.y + 20 } });
  tools.up({ ...start, screen: { x: start.screen.x + 40, y: start.screen.y + 20 } });
  expect(editor.camera.x).toBeCloseTo(before.x - 40 / before.zoom);
  expect(tools.busy).toBe(false);
  ctx.spaceHeld = false;
  const p = at(editor, card.x + 10, card.y + 10);
  tools.down(p);
  tools.up(p);
  expect(editor.selection).toEqual(new Set([card.id]));
});

it("Escape during a drag or a resize leaves no step behind: Redo still does what it did before", async () => {
  const { editor } = await sampleEditor();
  const { tools } = machine(editor, false);
  const [a, b] = editor.doc.touchpointsOf(editor.mapId);
  // A step to redo: a move of card a, undone.
  editor.commit({ put: [{ kind: "touchpoint", record: { ...a!, x: a!.x + 40 } }], delete: [] }, "Nudge");
  editor.endGesture();
  editor.undo();
  expect(editor.history.redoLabel).toBe("Nudge");
  // Drag card b, then Escape before letting go.
  const from = at(editor, b!.x + 10, b!.y + 10);
  tools.down(from);
  tools.move(at(editor, b!.x + 210, b!.y + 90));
  expect(editor.doc.get("touchpoint", b!.id)!.x).not.toBe(b!.x);
  tools.cancel();
  tools.up(at(editor, b!.x + 210, b!.y + 90));
  expect(editor.doc.get("touchpoint", b!.id)).toEqual(b);
  expect(editor.history.redoLabel).toBe("Nudge");
  // The same for resizing it by its corner handle.
  editor.select([b!.id]);
  const corner = at(editor, b!.x + b!.width - 1, b!.y + b!.height - 1);
  tools.down(corner);
  tools.move(at(editor, b!.x + b!.width + 120, b!.y + b!.height + 60));
  expect(editor.doc.get("touchpoint", b!.id)!.width).not.toBe(b!.width);
  tools.cancel();
  expect(editor.doc.get("touchpoint", b!.id)).toEqual(b);
  expect(editor.history.redoLabel).toBe("Nudge");
  editor.redo();
  expect(editor.doc.get("touchpoint", a!.id)!.x).toBe(a!.x + 40);
  expect(editor.doc.get("touchpoint", b!.id)).toEqual(b);
});

it("a click on one of several selected cards selects only it; a drag moves them all", async () => {
  const { editor } = await sampleEditor();
  const [a, b] = editor.doc.touchpointsOf(editor.mapId);
  const { tools } = machine(editor, false);
  const on = at(editor, a!.x + a!.width / 2, a!.y + a!.height / 2);
  editor.select([a!.id, b!.id]);
  tools.down(on);
  tools.move(at(editor, a!.x + a!.width / 2 + 40, a!.y + a!.height / 2 + 40));
  tools.up(at(editor, a!.x + a!.width / 2 + 40, a!.y + a!.height / 2 + 40));
  expect([...editor.selection].sort()).toEqual([a!.id, b!.id].sort());
  expect(editor.doc.get("touchpoint", b!.id)!.x).not.toBe(b!.x);
  const moved = editor.doc.get("touchpoint", a!.id)!;
  const click = at(editor, moved.x + moved.width / 2, moved.y + moved.height / 2);
  tools.down(click);
  tools.up(click);
  expect([...editor.selection]).toEqual([a!.id]);
});

it("a card dropped onto another moves to the nearest free spot of that cell, in the same undo step", async () => {
  const { editor } = await sampleEditor();
  const [a, b] = editor.doc.touchpointsOf(editor.mapId);
  const { tools } = machine(editor, false);
  const from = at(editor, a!.x + a!.width / 2, a!.y + a!.height / 2);
  const onto = at(editor, b!.x + b!.width / 2 + 3, b!.y + b!.height / 2 + 3);
  editor.select([a!.id]);
  tools.down(from);
  tools.move(onto);
  tools.up(onto);
  const dropped = editor.doc.get("touchpoint", a!.id)!;
  expect(intersects(dropped, editor.doc.get("touchpoint", b!.id)!)).toBe(false);
  for (const other of editor.doc.touchpointsOf(editor.mapId))
    if (other.id !== a!.id) expect(intersects(dropped, other), other.title).toBe(false);
  // Where it was dropped: b's cell, and near b rather than at the cell's far corner.
  expect([dropped.stageId, dropped.laneId]).toEqual([b!.stageId, b!.laneId]);
  expect(Math.hypot(dropped.x - b!.x, dropped.y - b!.y)).toBeLessThan(2 * Math.max(b!.width, b!.height));
  expect(editor.doc.get("touchpoint", b!.id)).toEqual(b);
  editor.undo();
  expect(editor.doc.get("touchpoint", a!.id)).toEqual(a);
});

it("Alt places a dropped card exactly, even over another", async () => {
  const { editor } = await sampleEditor();
  const [a, b] = editor.doc.touchpointsOf(editor.mapId);
  const { tools } = machine(editor, false);
  const alt = (p: Pointer): Pointer => ({ ...p, alt: true });
  editor.select([a!.id]);
  tools.down(alt(at(editor, a!.x + 10, a!.y + 10)));
  tools.move(alt(at(editor, b!.x + 10, b!.y + 10)));
  tools.up(alt(at(editor, b!.x + 10, b!.y + 10)));
  expect(editor.doc.get("touchpoint", a!.id)).toMatchObject({ x: b!.x, y: b!.y });
});

/** Every card and note of the map, with the lanes: what a gesture and its undo must agree on. */
function snapshot(editor: Editor) {
  return JSON.stringify([editor.doc.touchpointsOf(editor.mapId), editor.doc.notesOf(editor.mapId), editor.grid.rows.map((r) => r.lane)]);
}

it("a card resized over its neighbours and past its lane: the lane grows, the covered move aside, one undo", async () => {
  const { editor } = await sampleEditor();
  const a = editor.doc.touchpointsOf(editor.mapId)[0]!;
  const before = snapshot(editor);
  const lane = editor.grid.rows.find((r) => r.lane.id === a.laneId)!;
  const column = editor.grid.columns.find((c) => c.stage.id === a.stageId)!;
  const lower = editor.grid.rows.find((r) => r.y > lane.y)!;
  const { tools } = machine(editor, false);
  editor.select([a.id]);
  tools.down(at(editor, a.x + a.width, a.y + a.height));
  const far = at(editor, a.x + 2000, lane.y + lane.height + 150);
  tools.move(far);
  tools.up(far);
  const big = editor.doc.get("touchpoint", a.id)!;
  expect(big.height).toBeGreaterThan(a.height);
  // Never across into the next stage.
  expect(big.x + big.width).toBeLessThanOrEqual(column.x + column.width);
  const grown = editor.grid.rows.find((r) => r.lane.id === lane.lane.id)!;
  expect(big.y + big.height).toBeLessThanOrEqual(grown.y + grown.height);
  expect(editor.grid.rows.find((r) => r.lane.id === lower.lane.id)!.y).toBe(lower.y + grown.height - lane.height);
  for (const other of [...editor.doc.touchpointsOf(editor.mapId), ...editor.doc.notesOf(editor.mapId)])
    if (other.id !== a.id) expect(intersects(big, other), "title" in other ? other.title : other.text).toBe(false);
  editor.undo();
  expect(snapshot(editor)).toBe(before);
});

it("a card dropped below the map lands in the nearest cell, not off the grid", async () => {
  const { editor } = await sampleEditor();
  const a = editor.doc.touchpointsOf(editor.mapId)[0]!;
  const bottom = editor.grid.rows.at(-1)!;
  const { tools } = machine(editor, false);
  editor.select([a.id]);
  tools.down(at(editor, a.x + 10, a.y + 10));
  const below = at(editor, a.x + 10, bottom.y + bottom.height + 400);
  tools.move(below);
  tools.up(below);
  const dropped = editor.doc.get("touchpoint", a.id)!;
  const row = editor.grid.rows.find((r) => r.lane.id === dropped.laneId)!;
  expect(row.lane.id).toBe(bottom.lane.id);
  expect(dropped.y).toBeGreaterThanOrEqual(row.y);
  expect(dropped.y + dropped.height).toBeLessThanOrEqual(row.y + row.height);
});
