import { expect, it } from "vitest";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { copy, duplicate, paste } from "./clipboard";

it("duplicate copies cards with the connectors between them, under new ids", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Self-service kiosk", "Bag drop queue");
  const originals = editor.selectedTouchpoints();
  const connectors = editor.doc.connectorsOf(editor.mapId).length;
  duplicate.perform(editor);
  const copies = editor.selectedTouchpoints();
  expect(copies.map((t) => t.title)).toEqual(originals.map((t) => t.title));
  expect(copies.every((c) => !originals.some((o) => o.id === c.id))).toBe(true);
  expect(copies[0]!.x).toBe(originals[0]!.x + 24);
  expect(editor.doc.connectorsOf(editor.mapId).length).toBe(connectors + 1);
});

it("pasting twice does not stack the copies", async () => {
  const { editor } = await sampleEditor();
  selectByTitle(editor, "Lounge entry");
  copy.perform(editor);
  paste.perform(editor);
  const first = editor.selectedTouchpoints()[0]!;
  paste.perform(editor);
  const second = editor.selectedTouchpoints()[0]!;
  expect(second.x).toBe(first.x + 24);
});
