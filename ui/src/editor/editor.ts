// The editor's state: the document, the undo history, the selection, the camera and autosave.
// No DOM: the canvas, tools and panels read it and call it; tests drive it headless.
//
// Every document edit goes through `commit`, which applies the change set, records its inverse
// in the history (unless told not to), and queues the change for autosave. Loading a file is
// never recorded.

import type { Changes } from "../bindings/Changes";
import type { Connector } from "../bindings/Connector";
import type { Note } from "../bindings/Note";
import type { OpenedProject } from "../bindings/OpenedProject";
import type { RecordKind } from "../bindings/RecordKind";
import type { Summary } from "../bindings/Summary";
import type { Touchpoint } from "../bindings/Touchpoint";
import { type Camera, fit, headerBands, keepInSight, MAX_ZOOM, MIN_ZOOM, panBy, sameCamera, TEXT_ZOOM } from "../geometry/camera";
import { mapGrid, type MapGrid } from "../geometry/grid";
import { intersects, union, type Rect } from "../geometry/rect";
import { type PlacedConnector, placedConnector, placedConnectors } from "../geometry/hit";
import { SpatialIndex } from "../geometry/spatial";
import type { Backend } from "../ipc/backend";
import { AppError } from "../ipc/errors";
import type { ProjectRecord } from "../bindings/ProjectRecord";
import type { RecordRef } from "../bindings/RecordRef";
import { emptyChanges, invert, isEmpty, keyOf, squash, wellFormed } from "../model/changes";
import { Doc, namedInfo } from "../model/doc";
import { History } from "../model/history";
import { projectOf } from "../model/rows";

export type SaveState = "saved" | "pending" | "saving" | "error";

const refKey = (d: RecordRef) => `${d.kind}:${d.id}`;

/** The core refused the content (its validation), as opposed to failing to write it. */
function isRefusal(e: AppError): boolean {
  return e.code === "invalid-project" || e.code === "invalid-input";
}

/** Something that can sit on the canvas and be selected. */
export type Shape = { kind: "touchpoint"; item: Touchpoint } | { kind: "note"; item: Note } | { kind: "connector"; item: Connector };

type Placed = (Touchpoint | Note) & { id: string };

/** How long edits wait before autosave writes them (the brief allows one second). */
export const AUTOSAVE_DELAY_MS = 300;
/** Edits that keep coming (typing without a pause) put the write off by the delay above each
 * time, but the oldest of them waits at most this long plus the delay: within the second. */
export const AUTOSAVE_MAX_WAIT_MS = 700;

/** The most records a change may replace and still be patched into the map's lists (each is
 * looked up by a scan): a larger one builds them again. */
const MAX_PATCHED = 200;

/** The bounds of a map's grid and everything placed on it. */
function boundsOf(grid: Rect, placed: readonly Rect[]): Rect {
  return union([grid, ...placed]) ?? grid;
}
/** How long a failed write waits before it is tried again. */
export const RETRY_DELAY_MS = 2000;

/** Where a project was last looked at: the map shown, and where each map's view was. */
export interface SavedView {
  mapId: string;
  cameras: Record<string, Camera>;
  /** The window's view (map, table, redesigns, …) it was left on; the window reads it. */
  page?: string;
}

/** Keeps projects' views from one session to the next (the window's storage; none in tests). */
export interface ViewStore {
  recall(path: string): SavedView | undefined;
  remember(path: string, view: SavedView): void;
}

export class Editor {
  doc: Doc;
  path = "";
  mapId = "";
  /** The map shown before this one, to go back to when this one goes (Undo of "New map"). */
  private mapBefore: string | undefined;
  readonly history = new History();
  selection = new Set<string>();
  camera: Camera = { x: 0, y: 0, zoom: 1 };
  viewport = { width: 1200, height: 800 };
  saveState: SaveState = "saved";
  saveError: AppError | undefined;
  summary: Summary | undefined;
  /** What is selected in another map's table view or the side panel (a stage or lane id). */
  focus: { kind: RecordKind; id: string } | undefined;
  /** The empty cell last clicked: where T and N put a card when nothing is selected. */
  pointedCell: { stageId: string; laneId: string } | undefined;
  /** The card, note, stage or lane whose text is being edited in place. */
  editing: string | undefined;
  /** Touchpoints and notes copied with Copy, with the connectors between them. */
  clipboard: Changes | undefined;

  /** Change sets not yet in the file, in the order they were made (undo and redo included). */
  private queue: Changes[] = [];
  /** For each record the queue touches, what the file holds (null: no such record): where a
   * change the core refuses falls back to. */
  private base = new Map<string, ProjectRecord | null>();
  private inFlight: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Told when the core refused changes and they were undone here (the others were saved). */
  onRefused: ((error: AppError, count: number) => void) | undefined;
  private readonly listeners = new Set<() => void>();
  private cache:
    | {
        doc: Doc;
        mapId: string;
        version: number;
        placed: Placed[];
        links: PlacedConnector[];
        bounds: Rect;
        index: SpatialIndex<Placed> | undefined;
      }
    | undefined;
  private indexSoon: ReturnType<typeof setTimeout> | undefined;
  private gridCache: { key: string; grid: MapGrid } | undefined;
  /** The fetch of the feedback the opened project left out, while it runs. */
  private feedbackLoading: Promise<void> | undefined;
  /** Told when the feedback could not be fetched (what waited for it did not happen). */
  onFeedbackFailed: ((error: AppError) => void) | undefined;
  /** Where projects were last looked at; a project opens on the map and view it was left at. */
  viewStore: ViewStore | undefined;
  /** Each map's view while another map shows: coming back to a map finds it as it was left. */
  private cameras = new Map<string, Camera>();
  /** The window's view (map, table, dashboard, …), set by the window and kept with the rest
   * of the project's view; after `load`, the one the project was left on, if remembered. */
  page: string | undefined;

  constructor(
    readonly backend: Backend,
    private readonly autosaveDelay = AUTOSAVE_DELAY_MS,
  ) {
    this.doc = new Doc(namedInfo("", ""));
  }

  // ---- subscription ---------------------------------------------------------------------------

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const l of this.listeners) l();
  }

  // ---- loading ------------------------------------------------------------------------------

  /** Shows a freshly opened project. Not recorded in history; clears undo. */
  load(opened: OpenedProject): void {
    // The project left behind reopens where it was, too.
    this.rememberView();
    this.doc = Doc.fromProject(projectOf(opened), opened.feedbackLeftOut);
    this.feedbackLoading = undefined;
    this.path = opened.path;
    this.history.clear();
    this.selection.clear();
    this.focus = undefined;
    this.queue = [];
    this.base.clear();
    this.saveState = "saved";
    this.saveError = undefined;
    const saved = this.viewStore?.recall(opened.path);
    this.cameras = new Map(Object.entries(saved?.cameras ?? {}).filter(([id, c]) => this.doc.get("map", id) && isCamera(c)));
    this.mapBefore = undefined;
    this.mapId = saved && this.doc.get("map", saved.mapId) ? saved.mapId : (this.doc.mapsInOrder()[0]?.id ?? "");
    this.page = typeof saved?.page === "string" ? saved.page : undefined;
    this.cache = undefined;
    this.showView();
  }

  /** The view of the map showing as it was left (kept in sight of the map), else the whole map. */
  showView(): void {
    const was = this.cameras.get(this.mapId);
    if (!was) return this.zoomToFit();
    const { width, height } = this.viewport;
    const bounds = this.contentBounds();
    this.camera = keepInSight(fit(bounds, width, height), was, width, height, bounds);
    this.notify();
  }

  /** Where this project is being looked at, for `viewStore` (nothing without a project). */
  savedView(): SavedView | undefined {
    if (!this.path || !this.mapId) return undefined;
    const cameras = Object.fromEntries([...this.cameras].filter(([id]) => this.doc.get("map", id)));
    cameras[this.mapId] = { ...this.camera };
    return { mapId: this.mapId, cameras, ...(this.page ? { page: this.page } : {}) };
  }

  /** Hands the view to `viewStore` (the window calls this once the view rests). */
  rememberView(): void {
    const view = this.savedView();
    if (view) this.viewStore?.remember(this.path, view);
  }

  /** Fetches the feedback the opened project left out (once); resolves when the doc holds it. */
  loadFeedback(): Promise<void> {
    if (this.doc.feedbackLoaded) return Promise.resolve();
    if (this.feedbackLoading) return this.feedbackLoading;
    const doc = this.doc;
    const loading: Promise<void> = this.backend.projectFeedback().then(
      (items) => {
        if (this.feedbackLoading === loading) this.feedbackLoading = undefined;
        // Another project opened meanwhile: this feedback is not its.
        if (this.doc !== doc) return;
        doc.takeFeedback(items);
        this.notify();
      },
      (e: unknown) => {
        if (this.feedbackLoading === loading) this.feedbackLoading = undefined;
        throw AppError.from(e);
      },
    );
    this.feedbackLoading = loading;
    return loading;
  }

  /**
   * Runs `work` once the doc holds the project's feedback: at once when it does, or after
   * fetching it (a deletion reaching feedback must list it, or undo could not put it back).
   * `needed` false runs it at once regardless. A failed fetch runs nothing and is reported.
   */
  withFeedback(work: () => void, needed = true): Promise<void> {
    if (!needed || this.doc.feedbackLoaded) {
      work();
      return Promise.resolve();
    }
    const doc = this.doc;
    return this.loadFeedback().then(
      () => {
        if (this.doc === doc) work();
      },
      (e: unknown) => this.onFeedbackFailed?.(AppError.from(e)),
    );
  }

  // ---- editing --------------------------------------------------------------------------------

  /**
   * Applies a user's change, records it for undo and queues it for autosave. Changes sharing a
   * `mergeKey` with the previous step (one drag, one typing burst) become one undo step.
   */
  commit(changes: Changes, label: string, mergeKey?: string): void {
    if (isEmpty(changes)) return;
    const forward = wellFormed(changes);
    const inverse = invert(forward, this.doc);
    this.doc.apply(forward);
    this.history.record(forward, inverse, label, mergeKey, [...this.selection]);
    this.queueSave(forward, inverse);
    this.pruneSelection();
    this.notify();
  }

  /**
   * A preference kept in the file (the report options last used): saved like any edit, but not
   * an undo step, so Undo still takes back the person's last change to the project.
   */
  keep(changes: Changes): void {
    if (isEmpty(changes)) return;
    const forward = wellFormed(changes);
    const inverse = invert(forward, this.doc);
    this.doc.apply(forward);
    this.queueSave(forward, inverse);
    this.notify();
  }

  /**
   * A change someone else already wrote to the file (a participant of the live room): shown at
   * once and undoable like the facilitator's own edits, but not saved a second time.
   */
  applyRemote(changes: Changes, label: string): void {
    if (isEmpty(changes)) return;
    const forward = wellFormed(changes);
    const inverse = invert(forward, this.doc);
    this.doc.apply(forward);
    this.history.mark();
    this.history.record(forward, inverse, label);
    this.history.mark();
    this.pruneSelection();
    this.notify();
  }

  /** Ends a gesture: the next commit starts a new undo step even with the same merge key. */
  endGesture(): void {
    this.history.mark();
  }

  /** Takes back the gesture still under way (Escape during a drag or resize): the document as
   * before it, and no undo or redo step left of it, so Redo does what it would have before. */
  cancelGesture(mergeKey: string): boolean {
    const entry = this.history.withdraw(mergeKey);
    if (!entry) return false;
    this.doc.apply(entry.inverse);
    this.queueSave(entry.inverse, entry.forward);
    this.pruneSelection();
    this.notify();
    return true;
  }

  undo(): boolean {
    const entry = this.history.undo();
    if (!entry) return false;
    entry.selectedAfter = [...this.selection];
    this.doc.apply(entry.inverse);
    this.queueSave(entry.inverse, entry.forward);
    this.showChangedMap(entry.inverse, entry.forward);
    // What was selected before the step, as in other editors: after undoing a paste the copied
    // cards are selected again, so Ctrl+D or a second paste acts on them.
    this.reselect(entry.selectedBefore);
    this.pruneSelection();
    this.notify();
    return true;
  }

  redo(): boolean {
    const entry = this.history.redo();
    if (!entry) return false;
    this.doc.apply(entry.forward);
    this.queueSave(entry.forward, entry.inverse);
    this.showChangedMap(entry.forward, entry.inverse);
    this.reselect(entry.selectedAfter);
    this.pruneSelection();
    this.notify();
    return true;
  }

  /** An undo or redo shows the map it changes, so the person sees what it did rather than
   * nothing happening: a map it brings back whole (a deleted map, a new one), or else the one map
   * its cards, notes, connectors, stages and lanes are on when that is not the map on screen. */
  private showChangedMap(changes: Changes, other: Changes): void {
    for (const r of changes.put) {
      if (r.kind !== "map" || r.record.id === this.mapId) continue;
      const id = r.record.id;
      if (changes.put.some((s) => s.kind === "stage" && s.record.mapId === id)) return this.setMap(id);
    }
    const maps = new Set<string>();
    for (const r of [...changes.put, ...other.put]) {
      if (r.kind === "touchpoint" || r.kind === "note" || r.kind === "connector" || r.kind === "stage" || r.kind === "lane")
        maps.add(r.record.mapId);
    }
    if (maps.size !== 1 || maps.has(this.mapId)) return;
    const [id] = maps;
    if (id !== undefined && this.doc.get("map", id)) this.setMap(id);
  }

  // ---- autosave -------------------------------------------------------------------------------

  /** Queues `changes` for the file; `undoing` takes them back from the state before them, and so
   * names what the file holds for any record not queued yet. */
  /** When the oldest change still queued was queued (ms since the epoch). */
  private firstQueuedAt = 0;

  private queueSave(changes: Changes, undoing: Changes): void {
    for (const r of undoing.put) if (!this.base.has(keyOf(r))) this.base.set(keyOf(r), r);
    for (const d of undoing.delete) if (!this.base.has(refKey(d))) this.base.set(refKey(d), null);
    if (this.queue.length === 0) this.firstQueuedAt = Date.now();
    this.queue.push(changes);
    const retrying = this.saveState === "error";
    if (this.saveState !== "saving") this.saveState = "pending";
    // A write already due goes ahead rather than waiting for the typing to pause.
    if (this.timer !== undefined && !retrying && Date.now() - this.firstQueuedAt >= AUTOSAVE_MAX_WAIT_MS) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.autosaveDelay);
  }

  /**
   * Writes every queued change now; resolves once the file holds them, or the write failed. The
   * queue goes out as one change set. If the core refuses it (its validation, the last word on
   * what a project may hold), the changes go one by one: each refused one is undone here with the
   * core's reason, and every other one is still written. A write that fails for another reason
   * (a full disk, a lost lock) keeps everything queued and is tried again.
   */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.inFlight) await this.inFlight;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.saveState = "saving";
    this.notify();
    this.inFlight = this.write(batch);
    await this.inFlight;
    this.inFlight = undefined;
    // Edits made meanwhile are queued; a failed write is retried.
    const state = this.saveState as SaveState;
    if (state === "pending") this.timer = setTimeout(() => void this.flush(), this.autosaveDelay);
    if (state === "error") this.timer = setTimeout(() => void this.flush(), RETRY_DELAY_MS);
    this.notify();
  }

  private async write(batch: Changes[]): Promise<void> {
    try {
      this.summary = await this.backend.apply(batch.reduce(squash, emptyChanges()));
      this.written(batch);
      return;
    } catch (e) {
      const error = AppError.from(e);
      if (!isRefusal(error) || batch.length === 0) return this.failed(batch, error);
    }
    // One by one: find what the core refuses, keep everything else.
    let refused: AppError | undefined;
    let count = 0;
    for (let i = 0; i < batch.length; i++) {
      const changes = batch[i]!;
      try {
        this.summary = await this.backend.apply(changes);
        this.record(changes);
      } catch (e) {
        const error = AppError.from(e);
        if (!isRefusal(error)) return this.failed(batch.slice(i), error);
        refused ??= error;
        count++;
      }
    }
    this.showFileState(batch);
    this.written([]);
    if (refused) this.onRefused?.(refused, count);
  }
  /** The file now holds `batch` (and whatever was recorded before it). */
  private written(batch: Changes[]): void {
    for (const c of batch) this.record(c);
    this.saveError = undefined;
    if (this.queue.length === 0) this.base.clear();
    this.saveState = this.queue.length === 0 ? "saved" : "pending";
  }

  private failed(batch: Changes[], error: AppError): void {
    // Ahead of anything newer, so the file receives the changes in the document's order.
    this.queue = [...batch, ...this.queue];
    this.saveError = error;
    this.saveState = "error";
  }

  /** What the file holds after `changes` was written. */
  private record(changes: Changes): void {
    for (const r of changes.put) this.base.set(keyOf(r), r);
    for (const d of changes.delete) this.base.set(refKey(d), null);
  }

  /** After a refusal: every record the batch touched shows what the file holds now (the refused
   * changes undone, the accepted ones kept), except records edited again meanwhile, which are
   * queued and go to the core next. Not an undo step: as far as the file is concerned, the refused
   * changes never happened. */
  private showFileState(batch: Changes[]): void {
    const newer = new Set(this.queue.flatMap((c) => [...c.put.map(keyOf), ...c.delete.map(refKey)]));
    const back = emptyChanges();
    for (const c of batch) {
      for (const key of [...c.put.map(keyOf), ...c.delete.map(refKey)]) {
        if (newer.has(key)) continue;
        newer.add(key);
        const held = this.base.get(key);
        if (held) back.put.push(held);
        else if (held === null) {
          const [kind, id] = key.split(":") as [RecordKind, string];
          if (this.doc.get(kind, id)) back.delete.push({ kind, id });
        }
      }
    }
    this.doc.apply(back);
    this.pruneSelection();
  }

  get hasUnsavedChanges(): boolean {
    return this.saveState !== "saved" || this.queue.length > 0;
  }

  // ---- maps, grid and lookup ----------------------------------------------------------------

  setMap(mapId: string): void {
    if (!this.doc.get("map", mapId)) return;
    if (this.mapId) this.cameras.set(this.mapId, { ...this.camera });
    if (this.mapId && this.mapId !== mapId) this.mapBefore = this.mapId;
    this.mapId = mapId;
    this.selection.clear();
    this.focus = undefined;
    this.pointedCell = undefined;
    this.showView();
    this.rememberView();
  }

  /** The current map's cards, notes and placed connectors (in the document's order), their
   * bounds, and the spatial indexes over them, built when first needed after a change. A change
   * that only replaces records already on the map (a title typed, a card moved) is patched in:
   * building it all again took 14 ms of every edit at 10,000 cards in Chromium, and 15 MB. */
  private lists() {
    const c = this.cache;
    if (c && c.doc === this.doc && c.mapId === this.mapId && c.version !== this.doc.version) {
      const since = this.doc.changesSince(c.version);
      if (since && this.catchUp(c, since)) c.version = this.doc.version;
    }
    if (this.cache?.doc !== this.doc || this.cache.mapId !== this.mapId || this.cache.version !== this.doc.version) {
      const placed: Placed[] = [...this.doc.touchpointsOf(this.mapId), ...this.doc.notesOf(this.mapId)];
      const links = placedConnectors(this.doc, this.mapId);
      this.cache = {
        doc: this.doc,
        mapId: this.mapId,
        version: this.doc.version,
        placed,
        links,
        bounds: boundsOf(this.grid.bounds, placed),
        index: undefined,
      };
    }
    return this.cache;
  }

  /** Brings `c` up to date with `since` in place, if every change in it replaces a card, note
   * or connector the lists already hold, or is on another map, or of a kind they do not show;
   * false (`c` half patched, to be built again) otherwise. */
  private catchUp(c: NonNullable<Editor["cache"]>, since: readonly Changes[]): boolean {
    const mapId = this.mapId;
    let puts = 0;
    let moved = false;
    for (const changes of since) {
      for (const d of changes.delete) {
        if (d.kind === "stage" || d.kind === "lane") return false;
        if ((d.kind === "touchpoint" || d.kind === "note") && c.placed.some((p) => p.id === d.id)) return false;
        if (d.kind === "connector" && c.links.some((l) => l.id === d.id)) return false;
      }
      for (const r of changes.put) {
        if (++puts > MAX_PATCHED) return false;
        if (r.kind === "stage" || r.kind === "lane") moved = true;
        else if (r.kind === "touchpoint" || r.kind === "note") {
          const place = c.placed.findIndex((p) => p.id === r.record.id);
          if (place < 0) {
            if (r.record.mapId === mapId) return false;
            continue;
          }
          if (r.record.mapId !== mapId) return false;
          const old = c.placed[place]!;
          c.placed[place] = r.record;
          c.index?.replace(place, r.record);
          const t = r.record;
          if (old.x === t.x && old.y === t.y && old.width === t.width && old.height === t.height) continue;
          moved = true;
          if (r.kind === "touchpoint") {
            for (let k = 0; k < c.links.length; k++) {
              const l = c.links[k]!;
              if (l.connector.fromId === t.id || l.connector.toId === t.id) {
                const again = placedConnector(this.doc, l.connector);
                if (!again) return false;
                c.links[k] = again;
              }
            }
          }
        } else if (r.kind === "connector") {
          const at = c.links.findIndex((l) => l.id === r.record.id);
          if (at < 0) {
            if (r.record.mapId === mapId) return false;
            continue;
          }
          const old = c.links[at]!.connector;
          if (r.record.mapId !== mapId || r.record.fromId !== old.fromId || r.record.toId !== old.toId) return false;
          const again = placedConnector(this.doc, r.record);
          if (!again) return false;
          c.links[at] = again;
        }
      }
    }
    if (moved) c.bounds = boundsOf(this.grid.bounds, c.placed);
    return true;
  }

  private cached() {
    const c = this.lists();
    c.index ??= new SpatialIndex(c.placed);
    return { index: c.index };
  }

  /** Whether `r` holds the whole map while its indexes are not built (the first frame after
   * opening, drawn at fit): then everything is in it, in order, and building the indexes (60 ms at
   * 10,000 cards) waits until just after that frame. */
  private holdsAllUnindexed(r: Rect): boolean {
    const c = this.lists();
    if (c.index) return false;
    const b = c.bounds;
    if (!(r.x <= b.x && r.y <= b.y && r.x + r.width >= b.x + b.width && r.y + r.height >= b.y + b.height)) return false;
    if (!this.indexSoon)
      this.indexSoon = setTimeout(() => {
        this.indexSoon = undefined;
        this.cached();
      }, 50);
    return true;
  }

  /** The current map's stages and lanes laid out. Fitting the view at start needs only this, not
   * the indexes (building those for 10,000 cards took 60 ms of the first frame). */
  get grid(): MapGrid {
    const key = `${this.mapId}:${this.doc.version}`;
    if (this.gridCache?.key !== key) this.gridCache = { key, grid: mapGrid(this.doc.stagesOf(this.mapId), this.doc.lanesOf(this.mapId)) };
    return this.gridCache.grid;
  }

  /** Touchpoints and notes of the current map overlapping `r`. */
  query(r: Rect): Placed[] {
    if (this.holdsAllUnindexed(r)) return [...this.lists().placed];
    return this.cached().index.query(r);
  }

  /** Connectors of the current map whose box overlaps `r`, in the document's order. They are
   * looked through one by one rather than kept in a grid: a grid over 10,000 connectors held
   * 107,000 places (1.3 MB), and the look takes 30-70 µs, once for each tile a frame draws. */
  queryConnectors(r: Rect): PlacedConnector[] {
    const out: PlacedConnector[] = [];
    for (const l of this.lists().links) if (intersects(l, r)) out.push(l);
    return out;
  }

  shape(id: string): Shape | undefined {
    const t = this.doc.get("touchpoint", id);
    if (t) return { kind: "touchpoint", item: t };
    const n = this.doc.get("note", id);
    if (n) return { kind: "note", item: n };
    const c = this.doc.get("connector", id);
    if (c) return { kind: "connector", item: c };
    return undefined;
  }

  /** Selected touchpoints, in a stable order. */
  selectedTouchpoints(): Touchpoint[] {
    return [...this.selection].map((id) => this.doc.get("touchpoint", id)).filter((t): t is Touchpoint => t !== undefined);
  }

  selectedNotes(): Note[] {
    return [...this.selection].map((id) => this.doc.get("note", id)).filter((n): n is Note => n !== undefined);
  }

  /** The bounds of everything on the current map. */
  contentBounds(): Rect {
    return this.lists().bounds;
  }

  // ---- selection and camera ------------------------------------------------------------------

  select(ids: Iterable<string>, additive = false): void {
    if (!additive) this.selection.clear();
    for (const id of ids) this.selection.add(id);
    this.focus = undefined;
    this.pointedCell = undefined;
    this.notify();
  }

  toggleSelected(id: string): void {
    if (this.selection.has(id)) this.selection.delete(id);
    else this.selection.add(id);
    this.notify();
  }

  clearSelection(): void {
    if (this.selection.size === 0 && !this.focus) return;
    this.selection.clear();
    this.focus = undefined;
    this.notify();
  }

  setFocus(kind: RecordKind, id: string): void {
    this.selection.clear();
    this.focus = { kind, id };
    this.pointedCell = undefined;
    this.notify();
  }

  /** Selects `ids` again after an undo or redo (those still there; `pruneSelection` drops the
   * rest); a step recorded without a selection leaves it as it is. */
  private reselect(ids: readonly string[] | undefined): void {
    if (!ids || (ids.length === 0 && this.focus)) return;
    this.selection.clear();
    for (const id of ids) this.selection.add(id);
  }

  private pruneSelection(): void {
    // The map on screen was deleted (Undo of "New map", a deleted map): show another, so no new
    // stage or card is ever added to a map that is gone.
    // It is the map looked at before, as it was left, when that one is still there.
    if (this.mapId && !this.doc.get("map", this.mapId)) {
      const before = this.mapBefore && this.doc.get("map", this.mapBefore) ? this.mapBefore : undefined;
      this.mapId = before ?? this.doc.mapsInOrder()[0]?.id ?? "";
      this.cache = undefined;
      if (this.mapId) this.showView();
    }
    for (const id of this.selection) if (!this.shape(id)) this.selection.delete(id);
    if (this.focus && !this.doc.get(this.focus.kind, this.focus.id)) this.focus = undefined;
  }

  setCamera(camera: Camera): void {
    this.camera = camera;
    this.notify();
  }

  /** Pans by a distance on screen, as a wheel or a drag does: never the whole map out of sight. */
  pan(dxScreen: number, dyScreen: number): void {
    const { width, height } = this.viewport;
    this.setCamera(keepInSight(this.camera, panBy(this.camera, dxScreen, dyScreen), width, height, this.contentBounds()));
  }

  /** The window's map area changed size. A view fitted to the whole map stays fitted (a window
   * maximised after the project opened shows the map large); any other view keeps its place. */
  setViewport(width: number, height: number): void {
    const was = this.viewport;
    const bounds = this.contentBounds();
    const fitted = sameCamera(this.camera, fit(bounds, was.width, was.height));
    this.viewport = { width, height };
    if (fitted && (width !== was.width || height !== was.height)) {
      this.camera = fit(bounds, width, height);
      this.notify();
    }
  }

  /** Pans the least so `r` is inside the window with a margin, clear of the sticky stage and lane
   * headers (and `top` more screen pixels, for a bar over the map); the zoom stays. New work is
   * never added out of sight. */
  reveal(r: Rect, margin = 48, top = 0): void {
    const c = this.camera;
    const band = headerBands(c);
    const w = this.viewport.width / c.zoom,
      h = this.viewport.height / c.zoom,
      m = margin / c.zoom,
      mLeft = Math.max(margin, band.width + margin / 2) / c.zoom,
      mTop = (Math.max(margin, band.height + margin / 2) + top) / c.zoom;
    let x = c.x,
      y = c.y;
    if (r.x - mLeft < x) x = r.x - mLeft;
    else if (r.x + r.width + m > x + w) x = Math.min(r.x - mLeft, r.x + r.width + m - w);
    if (r.y - mTop < y) y = r.y - mTop;
    else if (r.y + r.height + m > y + h) y = Math.min(r.y - mTop, r.y + r.height + m - h);
    if (x !== c.x || y !== c.y) this.setCamera({ ...c, x, y });
  }

  /** Whether the view is the one Fit gives: the whole map in the window. */
  isFitted(): boolean {
    return sameCamera(this.camera, fit(this.contentBounds(), this.viewport.width, this.viewport.height));
  }

  /** Shows `r`, just added: a view that showed the whole map before the change (`wasFitted`) is
   * fitted again, so it still does (a stage added at the end otherwise pushed the first one under
   * the lane headers), unless that would take the cards' text away; any other view pans the
   * least (`reveal`). */
  showAdded(r: Rect, wasFitted: boolean): void {
    const fitted = fit(this.contentBounds(), this.viewport.width, this.viewport.height);
    if (wasFitted && (fitted.zoom >= TEXT_ZOOM || this.camera.zoom < TEXT_ZOOM)) {
      this.camera = fitted;
      this.notify();
    } else this.reveal(r);
  }

  zoomToFit(): void {
    this.camera = fit(this.contentBounds(), this.viewport.width, this.viewport.height);
    this.notify();
  }
}

/** Whether `c` is a camera the window can show (a stored view may be old or edited by hand). */
function isCamera(c: unknown): c is Camera {
  const { x, y, zoom } = (c ?? {}) as Partial<Camera>;
  return Number.isFinite(x) && Number.isFinite(y) && typeof zoom === "number" && zoom >= MIN_ZOOM && zoom <= MAX_ZOOM;
}
