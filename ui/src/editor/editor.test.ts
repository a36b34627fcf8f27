import { expect, it } from "vitest";
import { Editor } from "./editor";
import { MemoryBackend, sampleEditor, sampleProject, selectByTitle } from "./testing";
import { toggleMomentOfTruth } from "../actions/toggleMomentOfTruth";

it("loading a file is not an undo step", async () => {
  const { editor } = await sampleEditor();
  expect(editor.history.canUndo).toBe(false);
  expect(editor.mapId).toBe(editor.doc.mapsInOrder()[0]!.id);
});

it("autosave writes each change once, squashed, within the delay", async () => {
  const backend = new MemoryBackend(sampleProject());
  const editor = new Editor(backend, 20);
  editor.load(await backend.openStartup());
  selectByTitle(editor, "Lounge entry");
  toggleMomentOfTruth.perform(editor);
  toggleMomentOfTruth.perform(editor);
  toggleMomentOfTruth.perform(editor);
  expect(editor.saveState).toBe("pending");
  await new Promise((r) => setTimeout(r, 60));
  expect(editor.saveState).toBe("saved");
  expect(backend.writes.length).toBe(1);
  expect(backend.writes[0]!.put.length).toBe(1);
  expect(backend.file.get("touchpoint", editor.selectedTouchpoints()[0]!.id)!.momentOfTruth).toBe(true);
});

it("a failed save keeps the change and writes it on the next attempt", async () => {
  const { editor, backend } = await sampleEditor();
  selectByTitle(editor, "Lounge entry");
  backend.failNext = true;
  toggleMomentOfTruth.perform(editor);
  await editor.flush();
  expect(editor.saveState).toBe("error");
  expect(editor.saveError?.code).toBe("io");
  expect(editor.hasUnsavedChanges).toBe(true);
  await editor.flush();
  expect(editor.saveState).toBe("saved");
  expect(backend.file.get("touchpoint", editor.selectedTouchpoints()[0]!.id)!.momentOfTruth).toBe(true);
});

it("selection changes do not clear redo", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Lounge entry");
  toggleMomentOfTruth.perform(editor);
  editor.undo();
  editor.clearSelection();
  selectByTitle(editor, "Seat selection");
  expect(editor.history.canRedo).toBe(true);
});
