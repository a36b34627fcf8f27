import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { addVote, removeVote } from "./vote";

it("dot votes add up and never go below zero", async () => {
  const { editor } = await sampleEditor();
  const note = editor.doc.notesOf(editor.mapId).find((n) => n.votes === 0)!;
  editor.select([note.id]);
  expect(removeVote.enabled!(editor)).toBe(false);
  addVote.perform(editor);
  addVote.perform(editor);
  expect(editor.doc.get("note", note.id)!.votes).toBe(2);
  removeVote.perform(editor);
  expect(editor.doc.get("note", note.id)!.votes).toBe(1);
});
