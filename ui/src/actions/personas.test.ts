import { expect, it } from "vitest";
import { sampleEditor, TINY_PICTURE } from "../editor/testing";
import { emotionCurve, feelingOf } from "../geometry/emotion";
import { initials } from "../ui/personas";
import {
  addPersona,
  addPersonaLine,
  canAddLine,
  deletePersona,
  movePersona,
  personaUsage,
  personasInOrder,
  removePersonaLine,
  setFeeling,
  setPortrait,
} from "./personas";

it("adds, reorders and names personas; says where one is used", async () => {
  const { editor } = await sampleEditor();
  const before = personasInOrder(editor.doc).map((p) => p.name);
  const id = addPersona(editor, "Grace, travelling with a wheelchair");
  expect(personasInOrder(editor.doc).map((p) => p.name)).toEqual([...before, "Grace, travelling with a wheelchair"]);
  movePersona(editor, id, -1);
  expect(
    personasInOrder(editor.doc)
      .map((p) => p.id)
      .indexOf(id),
  ).toBe(before.length - 1);
  editor.undo();
  expect(personasInOrder(editor.doc).at(-1)!.id).toBe(id);
  expect(personaUsage(editor.doc, id)).toEqual([]);
  const family = personasInOrder(editor.doc).find((p) => p.name.includes("Okafor"))!;
  expect(personaUsage(editor.doc, family.id).join()).toContain("an emotion line");
  expect(initials("Grace, travelling with a wheelchair")).toBe("GT");
  expect(initials("  élodie de la Cour")).toBe("ÉD");
  expect(initials("The Okafor family")).toBe("OF");
  expect(initials("An")).toBe("A");
});

it("a new line starts as the map's own and moves where a card is felt differently", async () => {
  const { editor, backend } = await sampleEditor();
  const id = addPersona(editor, "Grace");
  expect(addPersonaLine(editor, id)).toBe(true);
  expect(addPersonaLine(editor, id), "not twice").toBe(false);
  const cards = editor.doc.touchpointsOf(editor.mapId);
  expect(emotionCurve(editor.grid, cards, id)).toEqual(emotionCurve(editor.grid, cards));
  const card = cards.find((t) => t.title === "Terminal signage to the check-in zone")!;
  setFeeling(editor, card.id, id, -3);
  setFeeling(editor, card.id, id, -2);
  const now = editor.doc.get("touchpoint", card.id)!;
  expect(feelingOf(now, id)).toBe(-2);
  expect(now.feelings.filter((f) => f.personaId === id)).toHaveLength(1);
  expect(emotionCurve(editor.grid, editor.doc.touchpointsOf(editor.mapId), id)).not.toEqual(
    emotionCurve(editor.grid, editor.doc.touchpointsOf(editor.mapId)),
  );
  editor.undo();
  expect(feelingOf(editor.doc.get("touchpoint", card.id)!, id), "one slider move is one undo step").toBe(card.emotion);
  editor.redo();
  setFeeling(editor, card.id, id, card.emotion);
  expect(
    editor.doc.get("touchpoint", card.id)!.feelings.some((f) => f.personaId === id),
    "the same as the map's own is no entry",
  ).toBe(false);
  setFeeling(editor, card.id, id, 3);
  // Removing the line takes how the cards felt to Grace with it; undo brings both back.
  removePersonaLine(editor, id);
  expect(editor.doc.get("map", editor.mapId)!.otherPersonas).not.toContain(id);
  expect(editor.doc.get("touchpoint", card.id)!.feelings.some((f) => f.personaId === id)).toBe(false);
  editor.undo();
  expect(feelingOf(editor.doc.get("touchpoint", card.id)!, id)).toBe(3);
  await editor.flush();
  expect(backend.file.get("map", editor.mapId)!.otherPersonas).toContain(id);
});

it("five lines at most; deleting a persona takes its lines and feelings, undo restores them", async () => {
  const { editor } = await sampleEditor();
  const added = [1, 2, 3].map((n) => addPersona(editor, `Extra ${n}`));
  for (const p of added) expect(addPersonaLine(editor, p)).toBe(true);
  expect(canAddLine(editor)).toBe(false);
  expect(addPersonaLine(editor, addPersona(editor, "One too many"))).toBe(false);
  const family = editor.doc.get("map", editor.mapId)!.otherPersonas[0]!;
  const felt = () => [...editor.doc.tables.touchpoint.values()].filter((t) => t.feelings.some((f) => f.personaId === family)).length;
  const before = felt();
  expect(before).toBeGreaterThan(0);
  deletePersona(editor, family);
  expect(editor.doc.get("persona", family)).toBeUndefined();
  expect(editor.doc.get("map", editor.mapId)!.otherPersonas).not.toContain(family);
  expect(felt()).toBe(0);
  editor.undo();
  expect(editor.doc.get("map", editor.mapId)!.otherPersonas[0]).toBe(family);
  expect(felt()).toBe(before);
});

it("puts a portrait on a persona and takes it off, one undo step each, saved", async () => {
  const { editor, backend } = await sampleEditor();
  const id = addPersona(editor, "Grace");
  expect(editor.doc.get("persona", id)!.picture).toBeNull();
  setPortrait(editor, id, TINY_PICTURE);
  expect(editor.doc.get("persona", id)!.picture).toEqual(TINY_PICTURE);
  expect(editor.history.undoLabel).toBe("Add portrait");
  setPortrait(editor, id, null);
  expect(editor.doc.get("persona", id)!.picture).toBeNull();
  expect(editor.history.undoLabel).toBe("Remove portrait");
  setPortrait(editor, id, null);
  expect(editor.history.undoLabel).toBe("Remove portrait");
  editor.undo();
  expect(editor.doc.get("persona", id)!.picture).toEqual(TINY_PICTURE);
  await editor.flush();
  expect(backend.file.get("persona", id)!.picture).toEqual(TINY_PICTURE);
});
