import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { cellOf } from "../editor/arrange";
import { intersects } from "../geometry/rect";
import { editField, editInfo } from "./editField";
import { freeSpot } from "./placement";

it("typing into one field is one undo step", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Lounge entry");
  const t = editor.selectedTouchpoints()[0]!;
  for (const title of ["L", "Lo", "Lou", "Lounge access"]) editField(editor, "touchpoint", t.id, { title });
  expect(editor.doc.get("touchpoint", t.id)!.title).toBe("Lounge access");
  editor.endGesture();
  editField(editor, "touchpoint", t.id, { title: "Lounge" });
  editor.undo();
  expect(editor.doc.get("touchpoint", t.id)!.title).toBe("Lounge access");
  editor.undo();
  expect(editor.doc.get("touchpoint", t.id)!.title).toBe("Lounge entry");
});

it("moving a card to another stage in the table moves it on the canvas", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Lounge entry");
  const t = editor.selectedTouchpoints()[0]!;
  const stage = editor.doc.stagesOf(editor.mapId)[0]!;
  editField(editor, "touchpoint", t.id, { stageId: stage.id });
  const moved = editor.doc.get("touchpoint", t.id)!;
  expect(cellOf(editor.grid, moved)).toEqual({ stageId: stage.id, laneId: t.laneId });
});

it("project statements are edited like records", async () => {
  const { editor } = await sampleEditor();
  editInfo(editor, { name: "Renamed" });
  expect(editor.doc.info.name).toBe("Renamed");
  editor.undo();
  expect(editor.doc.info.name).not.toBe("Renamed");
});

it("a card moved to another lane from the side panel lands clear of the cards already there", async () => {
  const { editor } = await sampleEditor();
  const agent = selectByTitle(editor, "Check-in agent");
  const other = editor.doc.touchpointsOf(editor.mapId).find((c) => c.stageId === agent.stageId && c.laneId !== agent.laneId)!;
  editField(editor, "touchpoint", agent.id, { laneId: other.laneId }, "Move to lane");
  const moved = editor.doc.get("touchpoint", agent.id)!;
  expect(cellOf(editor.grid, moved)).toEqual({ stageId: agent.stageId, laneId: other.laneId });
  const overlapping = editor.doc.touchpointsOf(editor.mapId).filter((c) => c.id !== moved.id && intersects(c, moved));
  expect(overlapping.map((c) => c.title)).toEqual([]);
  editor.undo();
  expect(editor.doc.get("touchpoint", agent.id)).toEqual(agent);
});

it("a card moved into a full cell makes its lane grow, in the same undo step", async () => {
  const { editor } = await sampleEditor();
  const agent = selectByTitle(editor, "Check-in agent");
  const target = editor.grid.rows.find((r) => r.lane.id !== agent.laneId && r.lane.kind === "supportSystems")!;
  const column = editor.grid.columns.find((c) => c.stage.id === agent.stageId)!;
  // Fill the target cell with cards.
  for (let i = 0; i < 12; i++) {
    const spot = freeSpot(editor, { column, row: editor.grid.rows.find((r) => r.lane.id === target.lane.id)! }, agent.width, agent.height);
    if (!spot) break;
    editor.commit(
      {
        put: [{ kind: "touchpoint", record: { ...agent, id: crypto.randomUUID(), laneId: target.lane.id, title: `Filler ${i}`, ...spot } }],
        delete: [],
      },
      "Add",
    );
  }
  const height = editor.grid.rows.find((r) => r.lane.id === target.lane.id)!.height;
  editField(editor, "touchpoint", agent.id, { laneId: target.lane.id }, "Move to lane");
  const moved = editor.doc.get("touchpoint", agent.id)!;
  expect(editor.grid.rows.find((r) => r.lane.id === target.lane.id)!.height).toBeGreaterThan(height);
  expect(editor.doc.touchpointsOf(editor.mapId).filter((c) => c.id !== moved.id && intersects(c, moved))).toEqual([]);
  editor.undo();
  expect(editor.grid.rows.find((r) => r.lane.id === target.lane.id)!.height).toBe(height);
  expect(editor.doc.get("touchpoint", agent.id)).toEqual(agent);
});
