import { expect, it, vi } from "vitest";
import { Editor, type SavedView, type ViewStore } from "./editor";
import { MemoryBackend, sampleEditor, sampleProject, selectByTitle } from "./testing";
import { toggleMomentOfTruth } from "../actions/toggleMomentOfTruth";
import { editField, editInfo } from "../actions/editField";
import { addNoteIn } from "../actions/addNote";
import { deleteSelection } from "../actions/deleteSelection";
import { duplicateAsToBe } from "../actions/maps";
import { headerBands } from "../geometry/camera";

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

it("a change the core refuses is undone with its reason, and the changes after it still save", async () => {
  const { editor, backend } = await sampleEditor();
  backend.refuse = (c) =>
    c.put.some((r) => r.kind === "touchpoint" && r.record.title.length > 1000)
      ? "touchpoint title: longer than 1000 characters"
      : undefined;
  const refusals: Array<[string, number]> = [];
  editor.onRefused = (e, n) => refusals.push([e.message, n]);
  const lounge = selectByTitle(editor, "Lounge entry");
  editField(editor, "touchpoint", lounge.id, { title: "x".repeat(2000) }, "Edit title");
  const seat = selectByTitle(editor, "Seat selection");
  editField(editor, "touchpoint", seat.id, { x: seat.x + 40 }, "Move");
  const note = addNoteIn(editor)!;
  await editor.flush();
  expect(refusals).toHaveLength(1);
  expect(refusals[0]![0]).toContain("longer than 1000");
  expect(refusals[0]![1]).toBe(1);
  expect(editor.saveState).toBe("saved");
  expect(editor.doc.get("touchpoint", lounge.id)!.title).toBe("Lounge entry");
  expect(backend.file.get("touchpoint", lounge.id)!.title).toBe("Lounge entry");
  expect(backend.file.get("touchpoint", seat.id)!.x).toBe(seat.x + 40);
  expect(backend.file.get("note", note)).toBeDefined();
  // Saving goes on: the next edit of the same card is written.
  editField(editor, "touchpoint", lounge.id, { title: "Lounge door" }, "Edit title");
  await editor.flush();
  expect(backend.file.get("touchpoint", lounge.id)!.title).toBe("Lounge door");
  expect(editor.hasUnsavedChanges).toBe(false);
});

it("a refused change that a later accepted change deleted stays deleted", async () => {
  const { editor, backend } = await sampleEditor();
  backend.refuse = (c) => (c.put.some((r) => r.kind === "touchpoint" && r.record.title.length > 1000) ? "too long" : undefined);
  const lounge = selectByTitle(editor, "Lounge entry");
  editField(editor, "touchpoint", lounge.id, { title: "x".repeat(2000) }, "Edit title");
  editor.select([lounge.id]);
  deleteSelection.perform(editor);
  await editor.flush();
  expect(editor.doc.get("touchpoint", lounge.id)).toBeUndefined();
  expect(backend.file.get("touchpoint", lounge.id)).toBeUndefined();
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

it("half an emoji (a lone surrogate left by a length limit) never reaches the core", async () => {
  const { editor, backend } = await sampleEditor();
  const t = selectByTitle(editor, "Lounge entry");
  editField(editor, "touchpoint", t.id, { title: "Lounge 🛫".slice(0, 8) }, "Edit title");
  await editor.flush();
  const title = backend.file.get("touchpoint", t.id)!.title;
  expect(title).toBe("Lounge \uFFFD");
  expect(() => encodeURIComponent(title)).not.toThrow();
});

it("undoing the map on screen shows another map, so nothing is added to a map that is gone", async () => {
  const { editor } = await sampleEditor();
  const to = duplicateAsToBe(editor)!;
  expect(editor.mapId).toBe(to);
  editor.undo();
  expect(editor.doc.get("map", editor.mapId)).toBeDefined();
});

it("a note from the live room shows at once, is one undo step, and is not saved twice", async () => {
  const { editor, backend } = await sampleEditor();
  const stage = editor.grid.columns[1]!.stage;
  const lane = editor.grid.rows.find((r) => r.lane.kind === "painPoints")!.lane;
  const note = {
    id: "5f0c2d1e-8a34-4b6f-9c1d-2e3f4a5b6c7d",
    mapId: editor.mapId,
    stageId: stage.id,
    laneId: lane.id,
    text: "Queue at the kiosk",
    x: 600,
    y: 900,
    width: 168,
    height: 76,
    color: "#fecaca",
    votes: 0,
    feelings: [],
    author: "Ana",
  };
  // The shell wrote it to the file before telling the window.
  await backend.apply({ put: [{ kind: "note", record: note }], delete: [] });
  const writes = backend.writes.length;
  editor.applyRemote({ put: [{ kind: "note", record: note }], delete: [] }, "Note from Ana");
  expect(editor.doc.get("note", note.id)?.text).toBe(note.text);
  expect(editor.history.undoLabel).toBe("Note from Ana");
  await editor.flush();
  expect(backend.writes.length, "not written again").toBe(writes);
  editor.undo();
  expect(editor.doc.get("note", note.id)).toBeUndefined();
  await editor.flush();
  expect(backend.file.get("note", note.id), "the facilitator's undo reaches the file").toBeUndefined();
});

it("a kept preference is saved but is no undo step: Undo takes back the last edit", async () => {
  const { editor, backend } = await sampleEditor();
  editInfo(editor, { organisation: "Contoso" });
  editor.endGesture();
  editor.keep({
    put: [{ kind: "info", record: { ...editor.doc.info, report: { paper: "a3", sections: [], author: "Ana" } } }],
    delete: [],
  });
  expect(editor.history.undoLabel).toBe("Edit project");
  await editor.flush();
  expect(backend.file.info.report.paper).toBe("a3");
  editor.undo();
  expect(editor.doc.info.organisation).not.toBe("Contoso");
});

it("a view holding the whole map answers without the index, in the index's order, and builds it soon after", async () => {
  const { editor } = await sampleEditor();
  vi.useFakeTimers();
  try {
    const everything = { x: -1e6, y: -1e6, width: 2e6, height: 2e6 };
    const fast = editor.query(everything).map((p) => p.id);
    const fastLinks = editor.queryConnectors(everything).map((c) => c.id);
    vi.runAllTimers();
    // Now built: a part of the map is answered by the index; the whole map, in the same order.
    expect(editor.query(everything).map((p) => p.id)).toEqual(fast);
    expect(editor.queryConnectors(everything).map((c) => c.id)).toEqual(fastLinks);
    expect(fast.length).toBe(editor.doc.touchpointsOf(editor.mapId).length + editor.doc.notesOf(editor.mapId).length);
    const b = editor.contentBounds();
    const left = editor.query({ x: b.x, y: b.y, width: b.width / 3, height: b.height });
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(fast.length);
  } finally {
    vi.useRealTimers();
  }
});

it("each map keeps its view while another map shows, and a project reopens where it was left", async () => {
  const backend = new MemoryBackend(sampleProject());
  const stored = new Map<string, SavedView>();
  const store: ViewStore = { recall: (p) => stored.get(p), remember: (p, v) => void stored.set(p, v) };
  const editor = new Editor(backend, 20);
  editor.viewStore = store;
  editor.load(await backend.openStartup());
  const [asIs, toBe] = editor.doc.mapsInOrder();
  const fitted = { ...editor.camera };
  const looked = { x: fitted.x + 300, y: fitted.y + 100, zoom: 1.2 };
  editor.setCamera(looked);
  editor.setMap(toBe!.id);
  expect(editor.camera).not.toEqual(looked);
  editor.setCamera({ ...editor.camera, zoom: 0.8 });
  const toBeView = { ...editor.camera };
  editor.setMap(asIs!.id);
  expect(editor.camera).toEqual(looked);
  editor.setMap(toBe!.id);
  expect(editor.camera).toEqual(toBeView);
  // Closed on the to-be map, in the window's dashboard, then opened again: that map, as it was,
  // and the window is told which view it was left on.
  editor.page = "dashboard";
  editor.rememberView();
  const again = new Editor(backend, 20);
  again.viewStore = store;
  again.load(await backend.openStartup());
  expect(again.page).toBe("dashboard");
  expect(again.mapId).toBe(toBe!.id);
  expect(again.camera).toEqual(toBeView);
  again.setMap(asIs!.id);
  expect(again.camera).toEqual(looked);
});

it("a remembered view far off the map, broken, or of a deleted map is not shown as it was", async () => {
  const backend = new MemoryBackend(sampleProject());
  const path = (await backend.openStartup()).path;
  const maps = sampleProject().maps;
  const stored = new Map<string, SavedView>([
    [
      path,
      { mapId: maps[1]!.id, cameras: { [maps[1]!.id]: { x: 1e6, y: -1e6, zoom: 1 }, [maps[0]!.id]: { x: 0, y: 0, zoom: Number.NaN } } },
    ],
  ]);
  const editor = new Editor(backend, 20);
  editor.viewStore = { recall: (p) => stored.get(p), remember: () => undefined };
  editor.load(await backend.openStartup());
  expect(editor.mapId).toBe(maps[1]!.id);
  // Brought back so part of the map is in sight.
  const b = editor.contentBounds();
  const c = editor.camera;
  expect(c.x).toBeLessThan(b.x + b.width);
  expect(c.y + editor.viewport.height / c.zoom).toBeGreaterThan(b.y);
  // The broken camera is ignored: that map is fitted.
  editor.setMap(maps[0]!.id);
  expect(Number.isFinite(editor.camera.zoom)).toBe(true);
  stored.set(path, { mapId: "no-such-map", cameras: {} });
  editor.load(await backend.openStartup());
  expect(editor.mapId).toBe(maps[0]!.id);
});

it("a view fitted to the map stays fitted when the window is resized; another view keeps its place", async () => {
  const { editor } = await sampleEditor();
  editor.setViewport(1200, 800);
  editor.zoomToFit();
  const small = { ...editor.camera };
  editor.setViewport(1800, 1000);
  expect(editor.camera).not.toEqual(small);
  editor.zoomToFit();
  const large = { ...editor.camera };
  editor.setViewport(1200, 800);
  editor.setViewport(1800, 1000);
  expect(editor.camera).toEqual(large);
  // Zoomed in by hand: a resize leaves the view where it was.
  const mine = { x: large.x + 100, y: large.y + 50, zoom: 1.3 };
  editor.setCamera(mine);
  editor.setViewport(1400, 900);
  expect(editor.camera).toEqual(mine);
});

it("reveal brings a card clear of the sticky stage and lane headers", async () => {
  const { editor } = await sampleEditor();
  editor.setViewport(900, 600);
  const card = selectByTitle(editor, "Check-in reminder email");
  // Zoomed in, with the card far out of view below and to the right.
  editor.setCamera({ x: card.x + 2000, y: card.y + 2000, zoom: 2 });
  editor.reveal(card);
  const c = editor.camera;
  const band = headerBands(c);
  expect((card.x - c.x) * c.zoom).toBeGreaterThanOrEqual(band.left + band.width);
  expect((card.y - c.y) * c.zoom).toBeGreaterThanOrEqual(band.top + band.height);
  // And below a bar 80 pixels tall over the map, when asked.
  editor.setCamera({ x: card.x + 2000, y: card.y + 2000, zoom: 2 });
  editor.reveal(card, 48, 80);
  expect((card.y - editor.camera.y) * editor.camera.zoom).toBeGreaterThanOrEqual(band.height + 80);
});

it("an edit that only replaces cards patches the map's lists instead of building them again", async () => {
  const { editor } = await sampleEditor();
  const everywhere = { x: -1e6, y: -1e6, width: 2e6, height: 2e6 };
  const before = editor.queryConnectors(everywhere);
  const link = before[0]!;
  const end = editor.doc.get("touchpoint", link.connector.fromId)!;
  // A title typed: every placed connector is the one placed before.
  editField(editor, "touchpoint", end.id, { title: "Renamed" }, "Edit");
  const renamed = editor.queryConnectors(everywhere);
  expect(renamed.length).toBe(before.length);
  for (const [i, l] of renamed.entries()) expect(l).toBe(before[i]);
  expect(editor.query(everywhere).find((p) => p.id === end.id)).toMatchObject({ title: "Renamed" });
  // A card moved: its connectors are placed again, the others kept.
  editField(editor, "touchpoint", end.id, { x: end.x + 300 }, "Move");
  const moved = editor.queryConnectors(everywhere);
  for (const [i, l] of moved.entries()) {
    if (l.connector.fromId === end.id || l.connector.toId === end.id) expect(l).not.toBe(before[i]);
    else expect(l).toBe(before[i]);
  }
  expect(moved[0]!.ax).toBeGreaterThan(link.ax);
});

it("undo and redo show the map they change when another map is on screen", async () => {
  const { editor } = await sampleEditor();
  const asIs = editor.mapId;
  const card = editor.doc.touchpointsOf(asIs)[0]!;
  editField(editor, "touchpoint", card.id, { x: card.x + 200 }, "Move");
  editor.endGesture();
  const toBe = duplicateAsToBe(editor)!;
  expect(editor.mapId).toBe(toBe);
  editor.undo(); // the new map goes: the as-is map shows
  expect(editor.mapId).toBe(asIs);
  editor.redo(); // it comes back, and shows
  expect(editor.mapId).toBe(toBe);
  editor.undo();
  editor.undo(); // the move, on the as-is map
  expect(editor.doc.get("touchpoint", card.id)!.x).toBe(card.x);
  editor.redo();
  editor.redo();
  expect(editor.mapId).toBe(toBe);
  // From the to-be map, undoing the new map and then the move shows the as-is map each time.
  editor.setMap(toBe);
  editor.undo();
  expect(editor.mapId).toBe(asIs);
  editor.setMap(editor.doc.mapsInOrder().find((m) => m.id !== asIs)!.id);
  editor.undo();
  expect(editor.mapId).toBe(asIs);
  expect(editor.doc.get("touchpoint", card.id)!.x).toBe(card.x);
  // A change on the map on screen leaves the view where it is.
  editor.redo();
  expect(editor.mapId).toBe(asIs);
});

it("a change the shell cannot even read is refused, not retried for ever, and saving goes on", async () => {
  const { editor, backend } = await sampleEditor();
  // A holiday on 30 February reached the shell once: serde refused the whole change set, and
  // every save after it failed the same way until the session ended.
  backend.unreadable = (c) =>
    c.put.some((r) => r.kind === "calendar" && "2026-02-30" in r.record.holidays) ? "input is out of range at line 1 column 80" : undefined;
  const refusals: Array<[string, string, number]> = [];
  editor.onRefused = (e, n) => refusals.push([e.code, e.message, n]);
  const before = editor.doc.calendar;
  editor.commit(
    { put: [{ kind: "calendar", record: { ...before, holidays: { ...before.holidays, "2026-02-30": "Typo" } } }], delete: [] },
    "Add holiday",
  );
  const lounge = selectByTitle(editor, "Lounge entry");
  editField(editor, "touchpoint", lounge.id, { title: "Lounge door" }, "Edit title");
  await editor.flush();
  expect(refusals).toEqual([["invalid-input", "a value in the changes could not be read (input is out of range at line 1 column 80)", 1]]);
  expect(editor.saveState).toBe("saved");
  expect(editor.doc.calendar).toEqual(before);
  expect(backend.file.get("touchpoint", lounge.id)!.title).toBe("Lounge door");
  editField(editor, "touchpoint", lounge.id, { title: "Lounge gate" }, "Edit title");
  await editor.flush();
  expect(backend.file.get("touchpoint", lounge.id)!.title).toBe("Lounge gate");
});

it("typing without a pause is still written within the second", async () => {
  const backend = new MemoryBackend(sampleProject());
  const editor = new Editor(backend);
  editor.load(await backend.openStartup());
  vi.useFakeTimers();
  try {
    const lounge = selectByTitle(editor, "Lounge entry");
    // A key every 120 ms for three seconds: each edit would put off a plain debounce again.
    let firstWrittenAt: number | undefined;
    for (let t = 0; t < 3000; t += 120) {
      editField(editor, "touchpoint", lounge.id, { title: `Lounge ${t}` }, "Edit title");
      await vi.advanceTimersByTimeAsync(120);
      if (firstWrittenAt === undefined && backend.writes.length > 0) firstWrittenAt = t + 120;
    }
    expect(firstWrittenAt).toBeDefined();
    expect(firstWrittenAt!).toBeLessThanOrEqual(1000 + 120);
    await editor.flush();
    expect(backend.file.get("touchpoint", lounge.id)!.title).toBe("Lounge 2880");
  } finally {
    vi.useRealTimers();
  }
});
