import { expect, it } from "vitest";
import { Editor } from "../editor/editor";
import { MemoryBackend, sampleEditor, sampleProject } from "../editor/testing";
import { addTouchpoint } from "./addTouchpoint";
import { addMap, deleteMap, duplicateAsToBe, renameMap, toBeName, uniqueMapName } from "./maps";

it("a new project opens on a map ready to work on: T adds a card at once", async () => {
  const backend = new MemoryBackend(sampleProject());
  const editor = new Editor(backend, 5);
  editor.load(await backend.create("/tmp/Hotel stay.journey", "Hotel stay"));
  expect(editor.mapId).not.toBe("");
  expect(editor.grid.columns.length).toBeGreaterThan(2);
  expect(editor.grid.rows.some((r) => r.lane.kind === "touchpoints")).toBe(true);
  expect(addTouchpoint.enabled!(editor)).toBe(true);
  expect(editor.camera.zoom).toBeLessThan(2);
  addTouchpoint.perform(editor);
  expect(editor.doc.touchpointsOf(editor.mapId)).toHaveLength(1);
  await editor.flush();
  expect(backend.file.tables.touchpoint.size).toBe(1);
});

it("new map, rename, undo", async () => {
  const { editor } = await sampleEditor();
  const before = editor.doc.tables.map.size;
  const id = await addMap(editor, "Hotel stay");
  expect(editor.mapId).toBe(id);
  expect(editor.doc.stagesOf(id!)).toHaveLength(4);
  renameMap(editor, "Hotel stay, business");
  expect(editor.doc.get("map", id!)!.name).toBe("Hotel stay, business");
  editor.undo();
  editor.undo();
  expect(editor.doc.tables.map.size).toBe(before);
});

it("undoing a new map goes back to the map looked at before, as it was left", async () => {
  const { editor } = await sampleEditor();
  const [, second] = editor.doc.mapsInOrder();
  editor.setMap(second!.id);
  editor.setCamera({ x: 120, y: 40, zoom: 0.8 });
  await addMap(editor, "Draft");
  editor.undo();
  expect(editor.mapId).toBe(second!.id);
  expect(editor.camera.zoom).toBe(0.8);
});

it("a new map from a template brings its cards with fresh ids, as one undo step", async () => {
  const { editor } = await sampleEditor();
  const before = editor.doc.toProject();
  const id = await addMap(editor, "Our hotel", "asIs", "hotel-stay");
  expect(editor.mapId).toBe(id);
  const cards = editor.doc.touchpointsOf(id!);
  expect(cards.length).toBeGreaterThan(5);
  expect(editor.doc.get("map", id!)!.name).toBe("Our hotel");
  const old = new Set(before.touchpoints.map((t) => t.id));
  expect(cards.every((t) => !old.has(t.id))).toBe(true);
  expect(editor.history.undoLabel).toBe("New map “Our hotel”");
  editor.undo();
  expect(editor.doc.toProject().touchpoints).toHaveLength(before.touchpoints.length);
  expect(editor.doc.tables.map.size).toBe(before.maps.length);
});

it("duplicate as to-be copies the whole map with new ids, one undo takes it back", async () => {
  const { editor, backend } = await sampleEditor();
  const from = editor.mapId;
  const cards = editor.doc.touchpointsOf(from).length;
  const links = [...editor.doc.tables.connector.values()].filter((c) => c.mapId === from).length;
  const to = duplicateAsToBe(editor)!;
  expect(editor.mapId).toBe(to);
  const map = editor.doc.get("map", to)!;
  expect(map.kind).toBe("toBe");
  expect(map.name).toContain("(to-be)");
  const copies = editor.doc.touchpointsOf(to);
  expect(copies).toHaveLength(cards);
  const stageIds = new Set(editor.doc.stagesOf(to).map((s) => s.id));
  expect(copies.every((t) => stageIds.has(t.stageId))).toBe(true);
  const copiedLinks = [...editor.doc.tables.connector.values()].filter((c) => c.mapId === to);
  expect(copiedLinks).toHaveLength(links);
  const copyIds = new Set(copies.map((t) => t.id));
  expect(copiedLinks.every((c) => copyIds.has(c.fromId) && copyIds.has(c.toId))).toBe(true);
  await editor.flush();
  expect(backend.file.touchpointsOf(to)).toHaveLength(cards);
  editor.undo();
  expect(editor.doc.get("map", to)).toBeUndefined();
});

it("deleting a map deletes what is on it; undo brings all of it back", async () => {
  const { editor, backend } = await sampleEditor();
  const id = editor.mapId;
  const cards = editor.doc.touchpointsOf(id).length;
  deleteMap(editor);
  expect(editor.doc.get("map", id)).toBeUndefined();
  expect(editor.doc.touchpointsOf(id)).toHaveLength(0);
  expect(editor.mapId).not.toBe(id);
  await editor.flush();
  expect(backend.file.get("map", id)).toBeUndefined();
  editor.undo();
  expect(editor.mapId, "undo shows the map it brought back").toBe(id);
  expect(editor.doc.touchpointsOf(id)).toHaveLength(cards);
  await editor.flush();
  expect(backend.file.touchpointsOf(id)).toHaveLength(cards);
});

it("a to-be copy is named for what it is, and never takes a name already used", async () => {
  expect(toBeName("As-is journey")).toBe("To-be journey");
  expect(toBeName("Hotel stay (as-is)")).toBe("Hotel stay (to-be)");
  expect(toBeName("Hotel stay")).toBe("Hotel stay (to-be)");
  const { editor } = await sampleEditor();
  const names = editor.doc.mapsInOrder().map((m) => m.name);
  expect(uniqueMapName(editor, "Somewhere new")).toBe("Somewhere new");
  expect(uniqueMapName(editor, names[0]!)).toBe(`${names[0]} 2`);
  const to = duplicateAsToBe(editor)!;
  const again = duplicateAsToBe(editor, editor.doc.mapsInOrder()[0]!.id)!;
  expect(editor.doc.get("map", again)!.name).not.toBe(editor.doc.get("map", to)!.name);
});
