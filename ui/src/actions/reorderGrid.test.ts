import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { cellOf } from "../editor/arrange";
import { moveStageRight, moveLaneUp } from "./reorderGrid";

it("a stage moved right keeps its cards inside its new column", async () => {
  const { editor } = await sampleEditor();
  const [first, second] = editor.doc.stagesOf(editor.mapId);
  editor.setFocus("stage", first!.id);
  moveStageRight.perform(editor);
  expect(
    editor.doc
      .stagesOf(editor.mapId)
      .slice(0, 2)
      .map((s) => s.id),
  ).toEqual([second!.id, first!.id]);
  for (const t of editor.doc.touchpointsOf(editor.mapId))
    expect(cellOf(editor.grid, t), t.title).toEqual({ stageId: t.stageId, laneId: t.laneId });
});

it("the top lane cannot move up", async () => {
  const { editor } = await sampleEditor();
  editor.setFocus("lane", editor.doc.lanesOf(editor.mapId)[0]!.id);
  expect(moveLaneUp.enabled!(editor)).toBe(false);
});
