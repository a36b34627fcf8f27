import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { cellOf } from "../editor/arrange";
import { editField, editInfo } from "./editField";

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
