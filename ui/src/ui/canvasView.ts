// The map canvas in the DOM: sizes the canvas to the window, turns pointer and wheel events into
// tool-machine input, redraws at most once a frame, and hosts the one DOM element that is not
// drawn: the text box over the card, note or header being edited.

import { whenPicturesReady } from "../render/pictures";
import type { Editor } from "../editor/editor";
import { headerBands, sameCamera, toCanvas, toScreen, zoomAt } from "../geometry/camera";
import type { Rect } from "../geometry/rect";
import { drawHeaders, drawWorld, type Overlay, TEXT_ZOOM } from "../render/scene";
import { FONT } from "../render/palette";
import type { Camera } from "../geometry/camera";
import { ToolMachine } from "../tools/machine";
import type { Pointer, ToolContext } from "../tools/types";
import { cancelTextEdit, editText } from "../actions/editText";
import { addStageAfter } from "../actions/addStage";
import { addLaneAfter } from "../actions/addLane";
import { LIMITS } from "../bindings/limitValues";
import { h } from "./dom";
import { chordOf, isTab, typingInField } from "./keyboard";
import { Minimap } from "./minimap";
import { Tiles } from "./tiles";
import { exposed, uncovered } from "../geometry/strips";

export class CanvasView {
  readonly root: HTMLDivElement;
  readonly canvas: HTMLCanvasElement;
  readonly overlay: Overlay = {};
  readonly tools: ToolMachine;
  readonly ctx: ToolContext;
  private readonly minimap: Minimap;
  private frame = 0;
  private editorBox: HTMLTextAreaElement | undefined;
  /** Frame times of the last draws, for the benchmark (ms). */
  readonly frameTimes: number[] = [];
  /** The world (everything under the sticky headers) during a gesture, and what it shows. While
   * only the camera changes (a pan or zoom), frames move or scale this bitmap and draw only what
   * it does not cover; once the camera rests they are drawn in full again, straight onto the
   * screen, and the bitmap's memory (4.5 MB for a 1280×879 view) is given back with the tiles'. */
  private readonly layer = document.createElement("canvas");
  private layerScene: LayerScene | undefined;
  /** What the screen shows under its headers when the map was last drawn at rest: a gesture's
   * first frame makes the layer from the screen. */
  private restScene: LayerScene | undefined;
  /** Pieces of the world around the view, drawn ahead while a pan runs. */
  private readonly tiles: Tiles;
  /** Where the layer's corner is on the tile plane (device pixels): moves with each pan frame. */
  private corner = { x: 0, y: 0 };
  private settle: ReturnType<typeof setTimeout> | undefined;
  private release: ReturnType<typeof setTimeout> | undefined;
  /** The tiles to draw ahead of the pan, after the frame. */
  private ahead: ReturnType<typeof setTimeout> | undefined;
  /** Whether the camera has moved in the last `SETTLE_MS` (a gesture is running). */
  private moving = false;
  /** How many frames were drawn from the layer rather than in full (for the tests). */
  movedFrames = 0;
  /** Whether the canvas has been sized to its box yet. */
  private measured = false;

  constructor(private readonly editor: Editor) {
    this.canvas = h("canvas", {
      class: "map-canvas",
      tabindex: "0",
      "aria-label": "Journey map canvas. Use the table view for a text version.",
    });
    this.layer.width = this.layer.height = 0;
    this.minimap = new Minimap(editor);
    this.minimap.onToggle = () => this.schedule();
    // A card's picture decoded after the map was drawn: draw again, tiles too.
    whenPicturesReady(() => {
      this.tiles.release();
      this.redrawInFull();
    });
    this.root = h("div", { class: "canvas-host" }, this.canvas, this.minimap.root);
    this.ctx = {
      editor,
      overlay: this.overlay,
      spaceHeld: false,
      voting: false,
      setCursor: (c) => (this.canvas.style.cursor = c),
      setTitle: (t) => {
        if (this.canvas.title !== t) this.canvas.title = t;
      },
      beginEdit: (id) => this.beginEdit(id),
    };
    this.tools = new ToolMachine(this.ctx);
    this.tiles = new Tiles(editor, this.overlay);
    this.listen();
    new ResizeObserver(() => this.resize()).observe(this.root);
    editor.subscribe(() => this.schedule());
  }

  private pointer(e: PointerEvent | MouseEvent): Pointer {
    const r = this.canvas.getBoundingClientRect();
    const screen = { x: e.clientX - r.left, y: e.clientY - r.top };
    return {
      screen,
      canvas: toCanvas(this.editor.camera, screen),
      button: e.button,
      shift: e.shiftKey,
      mod: e.ctrlKey || e.metaKey,
      alt: e.altKey,
    };
  }

  private listen(): void {
    const c = this.canvas;
    c.addEventListener("pointerdown", (e) => {
      // What was hovered moves or changes now: its tooltip would stay behind.
      this.ctx.setTitle?.("");
      if (this.editorBox) this.finishEdit(true);
      c.focus();
      c.setPointerCapture(e.pointerId);
      this.tools.down(this.pointer(e));
      if (e.button === 1) e.preventDefault();
    });
    c.addEventListener("pointermove", (e) => this.tools.move(this.pointer(e)));
    c.addEventListener("pointerup", (e) => {
      c.releasePointerCapture(e.pointerId);
      this.tools.up(this.pointer(e));
    });
    c.addEventListener("pointercancel", () => this.tools.cancel());
    c.addEventListener("dblclick", (e) => this.tools.doubleClick(this.pointer(e)));
    c.addEventListener("contextmenu", (e) => e.preventDefault());
    c.addEventListener(
      "wheel",
      (e) => {
        e.preventDefault();
        const p = this.pointer(e);
        const mouseWheel = e.deltaMode === 1 || (Math.abs(e.deltaY) >= 50 && e.deltaX === 0 && !e.shiftKey);
        if (e.ctrlKey || e.metaKey || mouseWheel) {
          // Pinch gestures arrive as ctrl+wheel; a mouse wheel zooms around the pointer.
          const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002));
          this.editor.setCamera(zoomAt(this.editor.camera, p.screen, factor));
        } else {
          this.editor.pan(-e.deltaX, -e.deltaY);
        }
      },
      { passive: false },
    );
  }

  /** View → Minimap: hides or shows it (remembered). */
  toggleMinimap(): void {
    this.minimap.toggle();
  }

  setSpaceHeld(held: boolean): void {
    this.ctx.spaceHeld = held;
    if (!this.tools.busy) this.canvas.style.cursor = held ? "grab" : "default";
  }

  /**
   * Readies the window while the project is on its way: its first layout, and the fonts the map
   * is drawn in (measuring text loads them). The first frame paid for both, 50–100 ms in
   * WebKitGTK, while the window sat waiting for the project. The canvas is sized by the first
   * frame as before: the layout moves a little once a project is in it.
   */
  prepare(): void {
    this.root.getBoundingClientRect();
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    for (const style of ["400", "600", "700", "italic 400"]) {
      ctx.font = `${style} 12px ${FONT}`;
      ctx.measureText("Journeymap 0123456789 · …");
    }
  }

  private resize(): void {
    if (!this.measure()) return;
    this.draw();
    // Drawn now at the new size: a frame asked for meanwhile (the fit's notice) would repeat it.
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Sizes the canvas to its box (and fits the map the first time); false when nothing changed.
   * The first frame measures too: at start the size observer reports only after the first frame
   * was drawn, which then had the default size and was drawn twice more. */
  private measure(): boolean {
    const r = this.root.getBoundingClientRect();
    // Not laid out (another view is showing): measured when it is.
    if (r.width === 0 || r.height === 0) return false;
    const dpr = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(r.width * dpr));
    const height = Math.max(1, Math.round(r.height * dpr));
    const sized = this.canvas as HTMLCanvasElement & { dpr?: number };
    if (this.measured && sized.width === width && sized.height === height && sized.dpr === dpr) return false;
    sized.width = width;
    sized.height = height;
    sized.style.width = `${r.width}px`;
    sized.style.height = `${r.height}px`;
    sized.dpr = dpr;
    const first = !this.measured;
    this.measured = true;
    this.editor.setViewport(r.width, r.height);
    if (first) this.editor.showView();
    return true;
  }

  schedule(): void {
    // Another view shows: the map is drawn when it shows again (App.setView asks), not for every
    // key typed into the Redesigns view meanwhile.
    if (this.frame || this.root.hidden) return;
    const drawn = (this.layerScene ?? this.restScene)?.camera;
    const cameraStill = drawn !== undefined && sameCamera(drawn, this.editor.camera);
    if (cameraStill && typingInField(document.activeElement) && !this.root.contains(document.activeElement)) {
      // Typed into the side panel (a card's title, say): each key changes the project, and a
      // map drawn for every key held the keys up behind it in WebKitGTK (a frame of 25 ms
      // a key). The map follows a little behind the typing instead, once per TYPING_FRAME_MS.
      this.typingFrame ??= setTimeout(() => {
        this.typingFrame = undefined;
        this.nextFrame();
      }, TYPING_FRAME_MS);
      return;
    }
    // Anything else (a zoom while the field keeps the keyboard, say) is drawn at once.
    clearTimeout(this.typingFrame);
    this.typingFrame = undefined;
    this.nextFrame();
  }

  private nextFrame(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private typingFrame: ReturnType<typeof setTimeout> | undefined;

  draw(): void {
    if (!this.measured && this.root.isConnected && this.measure() && this.frame) {
      // The fit's notice asked for a frame: this one is it.
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    const t0 = performance.now();
    const { width, height } = this.editor.viewport;
    const scene = this.sceneNow();
    const previous = this.layerScene ?? this.restScene;
    const onlyMoved = previous !== undefined && sameScene(previous, scene) && !sameCamera(previous.camera, scene.camera);
    // A zoom that is not part of a gesture (Fit, the zoom buttons and keys) or a gesture's first
    // frame is drawn in full, so a single step never shows the sketch.
    const inGesture = this.moving;
    if (onlyMoved) this.keepMoving();
    if (!(onlyMoved && this.drawMoved(ctx, previous, inGesture))) {
      const lctx = this.moving ? this.layerContext(scene.dpr) : undefined;
      if (lctx) {
        // A gesture's frame drawn in full (its first zoom frame, a jump, an edit meanwhile): into
        // the layer, which the frames after it move.
        drawWorld(lctx, this.editor, scene.camera, { x: 0, y: 0, width, height }, this.overlay);
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.drawImage(this.layer, 0, 0);
        this.layerScene = scene;
        this.restScene = undefined;
      } else {
        drawWorld(ctx, this.editor, scene.camera, { x: 0, y: 0, width, height }, this.overlay);
        this.restScene = scene;
        this.layerScene = undefined;
      }
      clearTimeout(this.ahead);
      this.tiles.reset({ origin: scene.camera, dpr: scene.dpr });
      this.corner = { x: 0, y: 0 };
    }
    drawHeaders(ctx, this.editor, width, height);
    this.minimap.draw();
    this.positionEditorBox();
    this.frameTimes.push(performance.now() - t0);
    // For the cold-start benchmark: when the first frame with a project on it was drawn.
    const marks = window as unknown as { journeymapFirstFrame?: number; journeymapFirstDrawing?: number };
    if (marks.journeymapFirstFrame === undefined && this.editor.path) {
      marks.journeymapFirstFrame = performance.now();
      marks.journeymapFirstDrawing = marks.journeymapFirstFrame - t0;
      performance.mark("journeymap:first-frame");
    }
    if (this.frameTimes.length > 600) this.frameTimes.shift();
  }

  /** A gesture runs: the map is drawn in full (crisp, and exactly as a full drawing) once the
   * camera has rested for `SETTLE_MS`, and the tiles' memory goes back a while later. */
  private keepMoving(): void {
    this.moving = true;
    clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.moving = false;
      this.layerScene = undefined;
      this.schedule();
    }, SETTLE_MS);
    clearTimeout(this.release);
    this.release = setTimeout(() => {
      this.tiles.release();
      if (this.moving) return;
      this.layerScene = undefined;
      this.layer.width = this.layer.height = 0;
    }, RELEASE_MS);
  }

  /** The layer's context, the layer sized to the screen (its pixels kept when it already is). */
  private layerContext(dpr: number): CanvasRenderingContext2D | undefined {
    const layer = this.layer as HTMLCanvasElement & { dpr?: number };
    if (layer.width !== this.canvas.width || layer.height !== this.canvas.height) {
      layer.width = this.canvas.width;
      layer.height = this.canvas.height;
      this.layerScene = undefined;
    }
    layer.dpr = dpr;
    return layer.getContext("2d") ?? undefined;
  }

  /** Makes the layer from the screen drawn at rest (`rest`): the screen's pixels, and the world
   * under its sticky headers drawn again. Copying costs a blit; drawing the map again, a full
   * frame. */
  private layerFromScreen(rest: LayerScene): CanvasRenderingContext2D | undefined {
    const lctx = this.layerContext(rest.dpr);
    if (!lctx) return undefined;
    lctx.setTransform(1, 0, 0, 1, 0, 0);
    lctx.drawImage(this.canvas, 0, 0);
    const { width, height, dpr, camera } = rest;
    const band = headerBands(camera);
    // Whole device pixels, so the strips meet the copied pixels exactly.
    const top = Math.min(height, Math.ceil((band.top + band.height) * dpr) / dpr);
    const left = Math.min(width, Math.ceil((band.left + band.width) * dpr) / dpr);
    drawWorld(lctx, this.editor, camera, { x: 0, y: 0, width, height: top }, this.overlay);
    drawWorld(lctx, this.editor, camera, { x: 0, y: top, width: left, height: height - top }, this.overlay);
    this.layerScene = rest;
    this.restScene = undefined;
    return lctx;
  }

  /** The bytes the layer holds (for the tests: nothing once the view has rested a while). */
  get layerBytes(): number {
    return this.layer.width * this.layer.height * 4;
  }

  /** Draws the map in full now, as at rest (the tests compare gesture frames with this). */
  redrawInFull(): void {
    this.layerScene = undefined;
    this.restScene = undefined;
    this.draw();
  }

  /** What the world drawing depends on, the camera included. */
  private sceneNow(): LayerScene {
    const e = this.editor;
    return {
      doc: e.doc,
      version: e.doc.version,
      mapId: e.mapId,
      selection: [...e.selection],
      focus: e.focus ? `${e.focus.kind}:${e.focus.id}` : "",
      editing: e.editing ?? "",
      overlay: JSON.stringify(this.overlay),
      width: e.viewport.width,
      height: e.viewport.height,
      dpr: (this.canvas as HTMLCanvasElement & { dpr?: number }).dpr ?? 1,
      camera: { ...e.camera },
    };
  }

  /**
   * A frame of a gesture: the layer moved (pan) or scaled (zoom) to the camera, and only what it
   * does not cover drawn. False when a full drawing is the better answer (a jump of more than a
   * screen, or a zoom so far from the layer's that it would blur or leave most of the view bare).
   */
  private drawMoved(ctx: CanvasRenderingContext2D, was: LayerScene, inGesture: boolean): boolean {
    const cam = this.editor.camera;
    const { width, height, dpr } = was;
    const scale = cam.zoom / was.camera.zoom;
    if (scale > MAX_STRETCH || scale < 1 / MAX_STRETCH) return false;
    if (scale !== 1 && !inGesture) return false;
    // Where the layer's top-left corner lands on screen now (CSS pixels).
    const ox = (was.camera.x - cam.x) * cam.zoom,
      oy = (was.camera.y - cam.y) * cam.zoom;
    if (scale === 1) {
      // A pan: the layer put on screen shifted by whole device pixels, the strips it uncovered
      // copied from tiles, and the result kept as the layer. (Shifting a canvas onto itself
      // costs Chromium a snapshot of it: 7 ms a frame against 0.1 for a copy between two.)
      const dx = Math.round(ox * dpr),
        dy = Math.round(oy * dpr);
      const layer = this.layer;
      if (Math.abs(dx) >= this.canvas.width || Math.abs(dy) >= this.canvas.height) return false;
      const lctx = this.layerScene ? this.layerContext(dpr) : this.layerFromScreen(was);
      if (!lctx) return false;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(layer, dx, dy);
      const corner = { x: this.corner.x - dx, y: this.corner.y - dy };
      const shifted = { x: was.camera.x - dx / dpr / cam.zoom, y: was.camera.y - dy / dpr / cam.zoom, zoom: cam.zoom };
      // Cards with text: copied from tiles, each card drawn once. In the overview (blocks, one
      // fill per colour) a strip costs less to draw than a tile.
      const tiled = cam.zoom >= TEXT_ZOOM;
      for (const strip of exposed(dx, dy, layer.width, layer.height)) {
        if (tiled) this.tiles.copy(ctx, { ...strip, x: corner.x + strip.x, y: corner.y + strip.y }, strip);
        else
          drawWorld(
            ctx,
            this.editor,
            shifted,
            { x: strip.x / dpr, y: strip.y / dpr, width: strip.width / dpr, height: strip.height / dpr },
            this.overlay,
          );
      }
      this.corner = corner;
      this.layerScene = { ...was, camera: shifted };
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      lctx.setTransform(1, 0, 0, 1, 0, 0);
      lctx.drawImage(this.canvas, 0, 0);
      // What the next frames will uncover, drawn after this frame has gone to the screen rather
      // than before: in WebKitGTK the frame's pixels then reach the compositor while the tiles
      // are drawn (10,000 cards at 100 %: 19.5 → 17.4 ms a frame over six runs each).
      if (tiled) {
        const view = { x: corner.x, y: corner.y, width: layer.width, height: layer.height };
        clearTimeout(this.ahead);
        this.ahead = setTimeout(() => this.tiles.prepare(view, dx, dy, performance.now() + PREPARE_MS), 0);
      }
    } else {
      if (!this.layerScene) return false;
      // A zoom: the layer scaled about its new place, and what it leaves bare sketched (blocks,
      // no text: drawing text over most of the view would cost a full frame).
      const covered = { x: ox, y: oy, width: width * scale, height: height * scale };
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(this.layer, covered.x * dpr, covered.y * dpr, covered.width * dpr, covered.height * dpr);
      for (const strip of uncovered(covered, width, height)) drawWorld(ctx, this.editor, cam, strip, this.overlay, true);
    }
    this.movedFrames++;
    return true;
  }

  // ---- in-place text editing ---------------------------------------------------------------

  /** The screen rectangle of the thing whose text is edited. */
  private editRect(id: string): Rect | undefined {
    const e = this.editor;
    const cam = e.camera;
    const item = e.doc.get("touchpoint", id) ?? e.doc.get("note", id);
    if (item) {
      const a = toScreen(cam, item);
      return { x: a.x, y: a.y, width: item.width * cam.zoom, height: item.height * cam.zoom };
    }
    const band = headerBands(cam);
    const col = e.grid.columns.find((c) => c.stage.id === id);
    if (col) {
      const x = Math.max(toScreen(cam, { x: col.x, y: 0 }).x, band.left + band.width);
      return { x, y: band.top, width: Math.max(160, col.width * cam.zoom), height: Math.max(32, band.height) };
    }
    const row = e.grid.rows.find((r) => r.lane.id === id);
    if (row) {
      const y = Math.max(toScreen(cam, { x: 0, y: row.y }).y, band.top + band.height);
      return { x: band.left, y, width: Math.max(160, band.width), height: Math.max(40, row.height * cam.zoom) };
    }
    return undefined;
  }

  private textOf(id: string): string | undefined {
    const d = this.editor.doc;
    return d.get("touchpoint", id)?.title ?? d.get("note", id)?.text ?? d.get("stage", id)?.name ?? d.get("lane", id)?.name;
  }

  beginEdit(id: string): void {
    this.finishEdit(true);
    const text = this.textOf(id);
    if (text === undefined) return;
    this.editor.editing = id;
    // What is typed here is one undo step of its own, not part of whatever came before.
    this.editor.endGesture();
    // A note's text may be long; every other text here is a name.
    const max = this.editor.doc.get("note", id) ? LIMITS.textChars : LIMITS.nameChars;
    const box = h("textarea", { class: "inline-editor", "aria-label": "Edit text", spellcheck: true, maxLength: max });
    box.value = text;
    box.dataset.id = id;
    box.addEventListener("keydown", (e) => {
      e.stopPropagation();
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        this.finishEdit(true);
        this.canvas.focus();
      } else if (e.key === "Escape") {
        // Escape leaves the box and keeps what was typed, as it does from a side-panel field
        // (it is in the file already); Ctrl+Z in the box is the way back to the old text.
        e.preventDefault();
        this.finishEdit(true);
        this.canvas.focus();
      } else if (isTab(e) && !e.ctrlKey && !e.altKey && this.isGridName(id)) {
        // Naming stages (or lanes) one after another: Tab keeps this name and opens the next
        // one's, adding a stage (a lane) after the last; Shift+Tab the one before, and on the
        // first the box stays. The keyboard never drops to the map in the middle of naming, where
        // the next word's letters would run as shortcuts.
        e.preventDefault();
        const next = this.neighbourName(id, e.shiftKey ? -1 : 1);
        if (!next && e.shiftKey) return;
        this.finishEdit(true);
        const stage = !!this.editor.doc.get("stage", id);
        const target = next ?? (stage ? addStageAfter(this.editor, id) : addLaneAfter(this.editor, id));
        this.editor.setFocus(stage ? "stage" : "lane", target);
        this.revealName(target);
        this.beginEdit(target);
      } else if (chordOf(e) === "mod+z" && box.value !== text) {
        // WebKitGTK has no undo of its own in the box: Ctrl+Z takes it back to the text it
        // opened with (and the record too), and typing goes on.
        e.preventDefault();
        clearTimeout(this.typed);
        this.typed = undefined;
        cancelTextEdit(this.editor, id);
        box.value = text;
        box.select();
      }
    });
    // What is typed reaches the record (and so the file) while the box is open, at most every
    // TYPED_MS: a crash or a kill in the middle of a name loses no more than that.
    box.addEventListener("input", () => {
      this.typed ??= setTimeout(() => {
        this.typed = undefined;
        if (this.editorBox === box) editText(this.editor, id, box.value, false);
      }, TYPED_MS);
    });
    box.addEventListener("blur", () => this.finishEdit(true));
    this.editorBox = box;
    this.root.append(box);
    this.positionEditorBox();
    box.focus();
    box.select();
    // A long note opens at its beginning, not scrolled to its last lines by the selection.
    box.scrollTop = 0;
    this.editor.notify();
  }

  private isGridName(id: string): boolean {
    return !!(this.editor.doc.get("stage", id) ?? this.editor.doc.get("lane", id));
  }

  /** The stage (or lane) next to this one in the grid's order, if any. */
  private neighbourName(id: string, step: 1 | -1): string | undefined {
    const { columns, rows } = this.editor.grid;
    const ids = this.editor.doc.get("stage", id) ? columns.map((c) => c.stage.id) : rows.map((r) => r.lane.id);
    const i = ids.indexOf(id);
    return i < 0 ? undefined : ids[i + step];
  }

  /** Pans so a stage's column (or a lane's row) is on screen, the other way unchanged. */
  private revealName(id: string): void {
    const e = this.editor;
    const c = e.camera;
    const middle = { x: c.x + e.viewport.width / c.zoom / 2, y: c.y + e.viewport.height / c.zoom / 2 };
    const col = e.grid.columns.find((x) => x.stage.id === id);
    if (col) e.reveal({ x: col.x, y: middle.y, width: Math.min(col.width, e.viewport.width / c.zoom / 2), height: 1 });
    const row = e.grid.rows.find((x) => x.lane.id === id);
    if (row) e.reveal({ x: middle.x, y: row.y, width: 1, height: Math.min(row.height, e.viewport.height / c.zoom / 2) });
  }

  private positionEditorBox(): void {
    const box = this.editorBox;
    if (!box) return;
    const r = this.editRect(box.dataset.id ?? "");
    if (!r) return this.finishEdit(false);
    const zoom = Math.max(0.6, Math.min(2, this.editor.camera.zoom));
    Object.assign(box.style, {
      left: `${r.x}px`,
      top: `${r.y}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
      fontSize: `${13 * zoom}px`,
    });
  }

  finishEdit(keep: boolean): void {
    const box = this.editorBox;
    if (!box) return;
    this.editorBox = undefined;
    const id = box.dataset.id ?? "";
    const value = box.value.trim();
    box.remove();
    this.editor.editing = undefined;
    const e = this.editor;
    clearTimeout(this.typed);
    this.typed = undefined;
    if (keep) editText(e, id, value);
    else cancelTextEdit(e, id);
    e.notify();
  }

  /** The next commit of what is being typed in place, while one is due. */
  private typed: ReturnType<typeof setTimeout> | undefined;

  get isEditingText(): boolean {
    return this.editorBox !== undefined;
  }
}

/** How often what is typed into a card, note, stage or lane in place is committed. */
const TYPED_MS = 200;
/** How long the camera must rest before the map is drawn in full again (the brief: ≤ 150 ms). */
export const SETTLE_MS = 120;
/** How long after the last gesture the tiles' memory is given back. */
const RELEASE_MS = 3000;
/** After each pan frame, tiles are drawn ahead for this long: WebKitGTK needs the rest of the
 * 16.7 ms to put the next frame on screen (measured: a frame whose script runs past ~8 ms
 * misses the display's tick). */
const PREPARE_MS = 5;
/** How often the map follows what is typed into a field beside it. */
const TYPING_FRAME_MS = 120;

/** How far a gesture may zoom from the layer before the layer is drawn again: further in, the
 * bitmap blurs; further out, the sketched border is most of the view. */
const MAX_STRETCH = 3;

interface LayerScene {
  doc: unknown;
  version: number;
  mapId: string;
  selection: string[];
  focus: string;
  editing: string;
  overlay: string;
  width: number;
  height: number;
  dpr: number;
  camera: Camera;
}

function sameScene(a: LayerScene, b: LayerScene): boolean {
  return (
    a.doc === b.doc &&
    a.version === b.version &&
    a.mapId === b.mapId &&
    a.focus === b.focus &&
    a.editing === b.editing &&
    a.overlay === b.overlay &&
    a.width === b.width &&
    a.height === b.height &&
    a.dpr === b.dpr &&
    a.selection.length === b.selection.length &&
    a.selection.every((id, i) => b.selection[i] === id)
  );
}
