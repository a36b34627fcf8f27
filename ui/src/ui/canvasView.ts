// The map canvas in the DOM: sizes the canvas to the window, turns pointer and wheel events into
// tool-machine input, redraws at most once a frame, and hosts the one DOM element that is not
// drawn: the text box over the card, note or header being edited.

import type { Editor } from "../editor/editor";
import { headerBands, panBy, toCanvas, toScreen, zoomAt } from "../geometry/camera";
import type { Rect } from "../geometry/rect";
import { drawScene, type Overlay } from "../render/scene";
import { ToolMachine } from "../tools/machine";
import type { Pointer, ToolContext } from "../tools/types";
import { editText } from "../actions/editText";
import { LIMITS } from "../bindings/limitValues";
import { h } from "./dom";
import { Minimap } from "./minimap";

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

  constructor(private readonly editor: Editor) {
    this.canvas = h("canvas", {
      class: "map-canvas",
      tabindex: "0",
      "aria-label": "Journey map canvas. Use the table view for a text version.",
    });
    this.minimap = new Minimap(editor);
    this.root = h("div", { class: "canvas-host" }, this.canvas, this.minimap.root);
    this.ctx = {
      editor,
      overlay: this.overlay,
      spaceHeld: false,
      voting: false,
      setCursor: (c) => (this.canvas.style.cursor = c),
      beginEdit: (id) => this.beginEdit(id),
    };
    this.tools = new ToolMachine(this.ctx);
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
          this.editor.setCamera(panBy(this.editor.camera, -e.deltaX, -e.deltaY));
        }
      },
      { passive: false },
    );
  }

  setSpaceHeld(held: boolean): void {
    this.ctx.spaceHeld = held;
    if (!this.tools.busy) this.canvas.style.cursor = held ? "grab" : "default";
  }

  private resize(): void {
    const r = this.root.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(r.width * dpr));
    this.canvas.height = Math.max(1, Math.round(r.height * dpr));
    this.canvas.style.width = `${r.width}px`;
    this.canvas.style.height = `${r.height}px`;
    (this.canvas as HTMLCanvasElement & { dpr?: number }).dpr = dpr;
    const first = this.editor.viewport.width === 1200 && this.editor.viewport.height === 800;
    this.editor.setViewport(r.width, r.height);
    if (first) this.editor.zoomToFit();
    this.draw();
  }

  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  draw(): void {
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    const t0 = performance.now();
    const { width, height } = this.editor.viewport;
    drawScene(ctx, this.editor, width, height, this.overlay);
    this.minimap.draw();
    this.positionEditorBox();
    this.frameTimes.push(performance.now() - t0);
    // For the cold-start benchmark: when the first frame with a project on it was drawn.
    const marks = window as unknown as { journeymapFirstFrame?: number };
    if (marks.journeymapFirstFrame === undefined && this.editor.path) marks.journeymapFirstFrame = performance.now();
    if (this.frameTimes.length > 600) this.frameTimes.shift();
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
        e.preventDefault();
        this.finishEdit(false);
        this.canvas.focus();
      }
    });
    box.addEventListener("blur", () => this.finishEdit(true));
    this.editorBox = box;
    this.root.append(box);
    this.positionEditorBox();
    box.focus();
    box.select();
    this.editor.notify();
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
    if (keep) editText(e, id, value);
    e.notify();
  }

  get isEditingText(): boolean {
    return this.editorBox !== undefined;
  }
}
