import { expect, it } from "vitest";
import { sampleEditor, TINY_PICTURE } from "../editor/testing";
import { pictureOf, removePicture, setPicture } from "./pictures";

it("puts a picture on a card, replaces it, takes it off; one undo step each, saved", async () => {
  const { editor, backend } = await sampleEditor();
  const card = [...editor.doc.tables.touchpoint.values()].find((t) => !pictureOf(editor, t.id))!;
  const first = setPicture(editor, card.id, TINY_PICTURE)!;
  expect(pictureOf(editor, card.id)?.id).toBe(first);
  expect(pictureOf(editor, card.id)?.mapId).toBe(card.mapId);
  const second = setPicture(editor, card.id, { ...TINY_PICTURE, width: 1 })!;
  expect(second).not.toBe(first);
  expect([...editor.doc.tables.picture.values()].filter((p) => p.touchpointId === card.id)).toHaveLength(1);
  removePicture(editor, card.id);
  expect(pictureOf(editor, card.id)).toBeUndefined();
  editor.undo();
  expect(pictureOf(editor, card.id)?.id).toBe(second);
  editor.undo();
  expect(pictureOf(editor, card.id)?.id).toBe(first);
  await editor.flush();
  expect([...backend.file.tables.picture.values()].some((p) => p.id === first)).toBe(true);
  expect(setPicture(editor, "no-such-card", TINY_PICTURE)).toBeUndefined();
});
