// Opening a project leaves its feedback in the core until a view needs it. These tests hold the
// editor to what matters then: nothing a deletion takes can be lost to undo, and nothing done
// before the feedback arrives is overwritten by it.

import { expect, it } from "vitest";
import type { Feedback } from "../bindings/Feedback";
import { Editor } from "./editor";
import { MemoryBackend, sampleProject, selectByTitle } from "./testing";
import { deleteSelection } from "../actions/deleteSelection";
import { cut } from "../actions/clipboard";
import { deleteMap, mapContents } from "../actions/maps";
import { importFeedback } from "../actions/measures";
import { addNoteIn } from "../actions/addNote";
import { deletion } from "../model/ops";
import type { Doc } from "../model/doc";
import { openedOf } from "../model/rows";

async function openedEditor(): Promise<{ editor: Editor; backend: MemoryBackend }> {
  const backend = new MemoryBackend(sampleProject());
  const editor = new Editor(backend, 0);
  editor.setViewport(1400, 900);
  editor.load(await backend.openStartup());
  return { editor, backend };
}

const feedbackIds = (doc: Doc) => [...doc.tables.feedback.keys()].sort();

it("opens without the feedback, and fetches it once when asked", async () => {
  const { editor, backend } = await openedEditor();
  const all = backend.file.tables.feedback.size;
  expect(all).toBeGreaterThan(50);
  expect(editor.doc.feedbackLoaded).toBe(false);
  expect(editor.doc.tables.feedback.size).toBe(0);
  await Promise.all([editor.loadFeedback(), editor.loadFeedback()]);
  await editor.loadFeedback();
  expect(backend.feedbackFetches).toBe(1);
  expect(editor.doc.feedbackLoaded).toBe(true);
  expect(feedbackIds(editor.doc)).toEqual(feedbackIds(backend.file));
});

it("a project without feedback never fetches any", async () => {
  const project = sampleProject();
  project.feedback = [];
  const backend = new MemoryBackend(project);
  const editor = new Editor(backend, 0);
  editor.load(await backend.openStartup());
  expect(editor.doc.feedbackLoaded).toBe(true);
  await editor.withFeedback(() => undefined);
  expect(backend.feedbackFetches).toBe(0);
});

it("refuses to build a deletion that reaches feedback it does not hold", async () => {
  const { editor } = await openedEditor();
  const stage = editor.doc.stagesOf(editor.mapId)[0]!;
  expect(() => deletion(editor.doc, [{ kind: "stage", id: stage.id }])).toThrow(/feedback/);
  const note = editor.doc.notesOf(editor.mapId)[0]!;
  expect(deletion(editor.doc, [{ kind: "note", id: note.id }]).delete).toContainEqual({ kind: "note", id: note.id });
});

it("deleting a stage first fetches its feedback, and undo puts every item back in the file", async () => {
  const { editor, backend } = await openedEditor();
  const before = feedbackIds(backend.file);
  const stage = [...editor.doc.stagesOf(editor.mapId)].sort(
    (a, b) =>
      [...backend.file.tables.feedback.values()].filter((f) => f.stageId === b.id).length -
      [...backend.file.tables.feedback.values()].filter((f) => f.stageId === a.id).length,
  )[0]!;
  const onStage = before.filter((id) => backend.file.get("feedback", id)!.stageId === stage.id);
  expect(onStage.length).toBeGreaterThan(5);

  editor.focus = { kind: "stage", id: stage.id };
  deleteSelection.perform(editor);
  // Not yet: the feedback is on its way.
  expect(editor.doc.get("stage", stage.id)).toBeDefined();
  await editor.loadFeedback();
  await editor.flush();
  expect(editor.doc.get("stage", stage.id)).toBeUndefined();
  expect(backend.file.get("stage", stage.id)).toBeUndefined();
  for (const id of onStage) expect(backend.file.get("feedback", id)).toBeUndefined();

  editor.undo();
  await editor.flush();
  expect(feedbackIds(backend.file)).toEqual(before);
  expect(feedbackIds(editor.doc)).toEqual(before);
});

it("deleting a card unlinks its feedback, and undo links it again", async () => {
  const { editor, backend } = await openedEditor();
  const linked = [...backend.file.tables.feedback.values()].find((f) => f.touchpointId)!;
  const card = backend.file.get("touchpoint", linked.touchpointId!)!;
  editor.setMap(card.mapId);
  selectByTitle(editor, card.title);
  cut.perform(editor);
  await editor.loadFeedback();
  await editor.flush();
  expect(backend.file.get("touchpoint", card.id)).toBeUndefined();
  expect(backend.file.get("feedback", linked.id)!.touchpointId).toBeNull();
  editor.undo();
  await editor.flush();
  expect(backend.file.get("feedback", linked.id)!.touchpointId).toBe(card.id);
});

it("deleting a map waits for the feedback, and undo brings all of it back", async () => {
  const { editor, backend } = await openedEditor();
  const before = feedbackIds(backend.file);
  const mapId = editor.mapId;
  const pending = deleteMap(editor, mapId);
  expect(editor.doc.get("map", mapId)).toBeDefined();
  await pending;
  await editor.flush();
  expect(backend.file.get("map", mapId)).toBeUndefined();
  expect([...backend.file.tables.feedback.values()].some((f) => f.mapId === mapId)).toBe(false);
  editor.undo();
  await editor.flush();
  expect(feedbackIds(backend.file)).toEqual(before);
});

it("deleting a note does not wait for the feedback", async () => {
  const { editor, backend } = await openedEditor();
  const id = addNoteIn(editor)!;
  editor.selection = new Set([id]);
  deleteSelection.perform(editor);
  expect(editor.doc.get("note", id)).toBeUndefined();
  expect(backend.feedbackFetches).toBe(0);
});

it("feedback added or taken back before the rest arrives keeps this side's state", async () => {
  const { editor, backend } = await openedEditor();
  const mapId = editor.mapId;
  const stageId = editor.doc.stagesOf(mapId)[0]!.id;
  const item = (id: string, text: string): Feedback => ({
    id,
    mapId,
    stageId,
    touchpointId: null,
    date: "2026-11-30",
    source: "survey",
    text,
    sentiment: 1,
    rating: null,
  });
  const kept = item("00000000-0000-4000-8000-0000000000f1", "Kept");
  const undone = item("00000000-0000-4000-8000-0000000000f2", "Taken back");
  importFeedback(editor, [kept], "a.csv");
  await editor.flush();
  importFeedback(editor, [undone], "b.csv");
  await editor.flush();
  // The second import is undone here, but the file still holds it when the fetch answers.
  editor.undo();
  const fetched = await backend.projectFeedback();
  expect(fetched.some((f) => f.id === undone.id)).toBe(true);
  editor.doc.takeFeedback(fetched);
  expect(editor.doc.get("feedback", kept.id)?.text).toBe("Kept");
  expect(editor.doc.get("feedback", undone.id)).toBeUndefined();
  await editor.flush();
  expect(feedbackIds(editor.doc)).toEqual(feedbackIds(backend.file));
});

it("a fetch that fails deletes nothing and says so", async () => {
  const { editor, backend } = await openedEditor();
  backend.projectFeedback = async () => {
    throw { code: "io", message: "the file could not be read" };
  };
  const failures: string[] = [];
  editor.onFeedbackFailed = (e) => failures.push(e.code);
  const mapId = editor.mapId;
  await deleteMap(editor, mapId);
  expect(editor.doc.get("map", mapId)).toBeDefined();
  expect(failures).toEqual(["io"]);
  expect(editor.history.canUndo).toBe(false);
});

it("feedback fetched for a project that is no longer open is not taken in", async () => {
  const { editor, backend } = await openedEditor();
  const loading = editor.loadFeedback();
  const other = sampleProject();
  other.feedback = [];
  editor.load(openedOf("/tmp/other.journey", other));
  await loading;
  expect(editor.doc.tables.feedback.size).toBe(0);
  expect(backend.feedbackFetches).toBe(1);
});

it("the question before deleting a map names its feedback once it is loaded", async () => {
  const { editor, backend } = await openedEditor();
  const mapId = editor.mapId;
  expect(mapContents(editor)).toMatch(/^\d+ touchpoints and \d+ notes$/);
  await editor.loadFeedback();
  const n = [...backend.file.tables.feedback.values()].filter((f) => f.mapId === mapId).length;
  expect(n).toBeGreaterThan(1);
  expect(mapContents(editor)).toMatch(new RegExp(`^\\d+ touchpoints, \\d+ notes and ${n} feedback items$`));
});
