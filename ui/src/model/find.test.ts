import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { findMatches, fold } from "./find";

it("folds case and accents", () => {
  expect(fold("Café ÉCOLE")).toBe("cafe ecole");
});

it("finds cards and notes holding every word, on the shown map first, in reading order", async () => {
  const { editor } = await sampleEditor();
  const doc = editor.doc;
  const [first, second] = doc.mapsInOrder();
  expect(findMatches(doc, "   ", first!.id)).toEqual([]);

  const kiosk = findMatches(doc, "KIOSK", first!.id);
  expect(kiosk.length).toBeGreaterThan(0);
  for (const m of kiosk) {
    const item = doc.get(m.kind, m.id)!;
    const words = m.kind === "touchpoint" ? JSON.stringify(item) : (item as { text: string }).text;
    expect(fold(words)).toContain("kiosk");
  }
  // Both words must be there: more words, fewer matches.
  expect(findMatches(doc, "kiosk zzzz", first!.id)).toEqual([]);

  // The map on screen comes first, and on it stage by stage.
  const all = findMatches(doc, "e", first!.id);
  const maps = all.map((m) => m.mapId);
  expect(maps.indexOf(second!.id)).toBeGreaterThan(maps.lastIndexOf(first!.id));
  const stageIndex = new Map(doc.stagesOf(first!.id).map((s, i) => [s.id, i]));
  const columns = all
    .filter((m) => m.kind === "touchpoint" && m.mapId === first!.id)
    .map((m) => stageIndex.get(doc.get("touchpoint", m.id)!.stageId)!);
  expect(columns).toEqual([...columns].sort((a, b) => a - b));
  const fromSecond = findMatches(doc, "e", second!.id);
  expect(fromSecond[0]!.mapId).toBe(second!.id);
  expect(fromSecond).toHaveLength(all.length);
});

it("finds a note by its author", async () => {
  const { editor } = await sampleEditor();
  const note = editor.doc.notesOf(editor.mapId).find((n) => n.author);
  expect(note, "the sample has notes from the workshop room").toBeDefined();
  if (!note) return;
  expect(findMatches(editor.doc, note.author, editor.mapId).some((m) => m.id === note.id)).toBe(true);
});
