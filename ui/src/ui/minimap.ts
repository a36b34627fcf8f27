// The minimap: the whole map in miniature with the visible area outlined; click or drag on it
// to move the view there. The miniature is redrawn only when the document changes.

import type { Editor } from "../editor/editor";
import { GRID_LINE, HEADER_BG, laneBackground, RELIABILITY_COLOR } from "../render/palette";
import { h } from "./dom";
import { centredOn, wholeInView } from "../geometry/camera";

const W = 220,
  H = 130;

/** Where the choice to hide the minimap is kept between sessions. */
const HIDDEN_KEY = "journeymap.minimapHidden";

export class Minimap {
  readonly root: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private cached: { key: string; image: HTMLCanvasElement } | undefined;
  /** Whether the person has hidden the minimap (it covers the view's corner); read once, not
   * on every frame the minimap is drawn. */
  private hiddenByChoice = storedHidden();
  /** Called when the person hides or shows the minimap (the map is drawn again). */
  onToggle: () => void = () => undefined;

  constructor(private readonly editor: Editor) {
    this.canvas = h("canvas", { width: W, height: H, "aria-label": "Minimap", role: "img" });
    const hide = h(
      "button",
      {
        class: "minimap-hide",
        type: "button",
        title: "Hide the minimap (View → Minimap or Shift+M shows it again)",
        "aria-label": "Hide the minimap",
      },
      "×",
    );
    hide.addEventListener("click", () => this.toggle());
    this.root = h("div", { class: "minimap" }, this.canvas, hide);
    const go = (e: PointerEvent) => {
      const r = this.canvas.getBoundingClientRect();
      const { scale, ox, oy, bounds } = this.frame();
      const x = (e.clientX - r.left - ox) / scale + bounds.x,
        y = (e.clientY - r.top - oy) / scale + bounds.y;
      editor.setCamera(centredOn(editor.camera, { x, y }, editor.viewport.width, editor.viewport.height, bounds));
    };
    this.canvas.addEventListener("pointerdown", (e) => {
      this.canvas.setPointerCapture(e.pointerId);
      go(e);
      const move = (m: PointerEvent) => go(m);
      this.canvas.addEventListener("pointermove", move);
      this.canvas.addEventListener("pointerup", () => this.canvas.removeEventListener("pointermove", move), { once: true });
    });
  }

  /** Hides or shows the minimap, remembered for the next session. */
  toggle(): void {
    this.hiddenByChoice = !this.hiddenByChoice;
    try {
      if (this.hiddenByChoice) localStorage.setItem(HIDDEN_KEY, "1");
      else localStorage.removeItem(HIDDEN_KEY);
    } catch {
      // Storage unavailable: the choice lasts this session only.
    }
    this.onToggle();
  }

  private framed: { key: string; bounds: ReturnType<Editor["contentBounds"]> } | undefined;

  private frame() {
    const key = `${this.editor.mapId}:${this.editor.doc.version}`;
    if (this.framed?.key !== key) this.framed = { key, bounds: this.editor.contentBounds() };
    const bounds = this.framed.bounds;
    const scale = Math.min((W - 8) / bounds.width, (H - 8) / bounds.height);
    return { bounds, scale, ox: (W - bounds.width * scale) / 2, oy: (H - bounds.height * scale) / 2 };
  }

  draw(): void {
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    const e = this.editor;
    const { bounds, scale, ox, oy } = this.frame();
    // With the whole map on screen (as after Fit) the minimap would only cover a corner of it.
    const hidden = this.hiddenByChoice || wholeInView(e.camera, e.viewport.width, e.viewport.height, bounds);
    if (this.root.hidden !== hidden) this.root.hidden = hidden;
    if (this.root.hidden) return;
    const key = `${e.mapId}:${e.doc.version}`;
    if (this.cached?.key !== key) {
      const image = document.createElement("canvas");
      image.width = W;
      image.height = H;
      const c = image.getContext("2d")!;
      c.fillStyle = "#f8fafc";
      c.fillRect(0, 0, W, H);
      // The map's frame as on the canvas, so that a map without cards still shows its shape:
      // the headers dark, each lane in its colour, a line after each stage.
      const X = (x: number) => ox + (x - bounds.x) * scale,
        Y = (y: number) => oy + (y - bounds.y) * scale;
      const grid = e.grid;
      const g = grid.bounds;
      c.fillStyle = HEADER_BG;
      c.fillRect(X(g.x), Y(g.y), g.width * scale, g.height * scale);
      const left = grid.columns[0]?.x ?? g.x;
      grid.rows.forEach((row, i) => {
        c.fillStyle = laneBackground(row.lane.kind, i);
        c.fillRect(X(left), Y(row.y), (g.x + g.width - left) * scale, row.height * scale);
      });
      const top = grid.rows[0]?.y ?? g.y;
      c.fillStyle = GRID_LINE;
      for (const column of grid.columns.slice(0, -1))
        c.fillRect(Math.round(X(column.x + column.width)), Y(top), 1, (g.y + g.height - top) * scale);
      for (const n of e.doc.notesOf(e.mapId)) {
        c.fillStyle = n.color;
        c.fillRect(
          ox + (n.x - bounds.x) * scale,
          oy + (n.y - bounds.y) * scale,
          Math.max(1, n.width * scale),
          Math.max(1, n.height * scale),
        );
      }
      for (const t of e.doc.touchpointsOf(e.mapId)) {
        c.fillStyle = RELIABILITY_COLOR[t.reliability];
        c.fillRect(
          ox + (t.x - bounds.x) * scale,
          oy + (t.y - bounds.y) * scale,
          Math.max(1, t.width * scale),
          Math.max(1, t.height * scale),
        );
      }
      this.cached = { key, image };
    }
    ctx.clearRect(0, 0, W, H);
    ctx.drawImage(this.cached.image, 0, 0);
    const cam = e.camera;
    const view = viewFrame(
      ox + (cam.x - bounds.x) * scale,
      oy + (cam.y - bounds.y) * scale,
      (e.viewport.width / cam.zoom) * scale,
      (e.viewport.height / cam.zoom) * scale,
    );
    // Dark under amber: the frame stays visible over cards of any colour.
    ctx.strokeStyle = "#0f172a";
    ctx.lineWidth = 4;
    ctx.strokeRect(...view);
    ctx.strokeStyle = "#f59e0b";
    ctx.lineWidth = 2;
    ctx.strokeRect(...view);
  }
}

function storedHidden(): boolean {
  try {
    return localStorage.getItem(HIDDEN_KEY) === "1";
  } catch {
    return false;
  }
}

/**
 * The view's frame on the minimap (x, y, width, height), cut to the minimap with room for its
 * 4 px stroke: a view reaching past the map drew a frame whose sides fell outside, or a thin bar.
 */
export function viewFrame(x: number, y: number, width: number, height: number): [number, number, number, number] {
  const x0 = Math.min(Math.max(2, x), W - 6),
    y0 = Math.min(Math.max(2, y), H - 6);
  const x1 = Math.max(Math.min(W - 2, x + width), x0 + 4),
    y1 = Math.max(Math.min(H - 2, y + height), y0 + 4);
  return [x0, y0, x1 - x0, y1 - y0];
}
