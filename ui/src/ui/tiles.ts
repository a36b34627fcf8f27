// Square pieces of the map drawn ahead of a pan. Drawing the strip a pan uncovers on every frame
// redraws each card it cuts through again and again (text is the dear part); a tile draws a card
// once, and the frames after copy it. Tiles are aligned with the pixels of the bitmap being
// panned, so copying them is exact, and they live for one gesture: a full drawing drops them.

import type { Editor } from "../editor/editor";
import type { Camera } from "../geometry/camera";
import type { Rect } from "../geometry/rect";
import { drawWorld, type Overlay } from "../render/scene";
import { TILE, tilesAhead, tilesUnder } from "../geometry/strips";

/** At most this many tiles are kept (256 KB each); the farthest from the view go first. A
 * 1280×879 view cuts 30 tiles and a diagonal pan wants 12 more ahead of it: 40 made the pan evict
 * tiles it drew the frame before (190 tiles drawn in 120 frames at 10,000 cards, 76 with 64). */
const MAX_TILES = 64;

type DprCanvas = HTMLCanvasElement & { dpr?: number };

/** The tile plane: device pixels at one zoom, with (0, 0) where `origin` puts the view's corner. */
export interface TilePlane {
  origin: Camera;
  dpr: number;
}

export class Tiles {
  private plane: TilePlane | undefined;
  private readonly tiles = new Map<string, DprCanvas>();
  /** Canvases of dropped tiles, reused: WebKit takes longer to make a canvas than to draw one. */
  private spare: DprCanvas[] = [];
  /** Tiles drawn since the plane was set (for the tests and the benchmark). */
  drawn = 0;

  constructor(
    private readonly editor: Editor,
    private readonly overlay: Overlay,
  ) {}

  /** Starts over on `plane` (after a full drawing), keeping the canvases for the next pan. */
  reset(plane: TilePlane | undefined): void {
    this.spare.push(...this.tiles.values());
    this.tiles.clear();
    this.plane = plane;
    this.drawn = 0;
  }

  /** Gives the memory of every canvas back (when the view has rested a while). */
  release(): void {
    this.reset(this.plane);
    for (const t of this.spare) t.width = t.height = 0;
    this.spare = [];
  }

  /**
   * Copies the part of the plane under `area` (device pixels of the plane, whole numbers) into
   * `ctx` at (`at.x`, `at.y`), drawing the tiles it needs that are not there yet.
   */
  copy(ctx: CanvasRenderingContext2D, area: Rect, at: { x: number; y: number }): void {
    for (const [i, j] of tilesUnder(area)) {
      const tile = this.tile(i, j);
      if (!tile) continue;
      const x0 = Math.max(area.x, i * TILE),
        y0 = Math.max(area.y, j * TILE);
      const x1 = Math.min(area.x + area.width, (i + 1) * TILE),
        y1 = Math.min(area.y + area.height, (j + 1) * TILE);
      if (x1 <= x0 || y1 <= y0) continue;
      ctx.drawImage(tile, x0 - i * TILE, y0 - j * TILE, x1 - x0, y1 - y0, at.x + x0 - area.x, at.y + y0 - area.y, x1 - x0, y1 - y0);
    }
  }

  /**
   * Draws missing tiles beside `view` (device pixels of the plane) on the sides a pan moving the
   * content by (`dx`, `dy`) uncovers, nearest first, until `deadline` (a `performance.now()`
   * time): what the next frames will need.
   */
  prepare(view: Rect, dx: number, dy: number, deadline: number): void {
    const cx = view.x + view.width / 2,
      cy = view.y + view.height / 2;
    const distance = ([i, j]: [number, number]) => Math.hypot((i + 0.5) * TILE - cx, (j + 0.5) * TILE - cy);
    const wanted = tilesAhead(view, dx, dy)
      .filter(([i, j]) => !this.tiles.has(`${i},${j}`))
      .sort((a, b) => distance(a) - distance(b));
    for (const [i, j] of wanted) {
      if (performance.now() >= deadline) break;
      this.tile(i, j);
    }
    // Keep the nearest: a long pan leaves tiles behind.
    if (this.tiles.size > MAX_TILES) {
      const far = [...this.tiles.keys()]
        .map((k) => [k, distance(k.split(",").map(Number) as [number, number])] as const)
        .sort((a, b) => b[1] - a[1]);
      for (const [k] of far.slice(0, this.tiles.size - MAX_TILES)) {
        this.spare.push(this.tiles.get(k)!);
        this.tiles.delete(k);
      }
    }
  }

  private tile(i: number, j: number): DprCanvas | undefined {
    const plane = this.plane;
    if (!plane) return undefined;
    const key = `${i},${j}`;
    const known = this.tiles.get(key);
    if (known) return known;
    const canvas = this.spare.pop() ?? (document.createElement("canvas") as DprCanvas);
    if (canvas.width !== TILE) canvas.width = TILE;
    if (canvas.height !== TILE) canvas.height = TILE;
    canvas.dpr = plane.dpr;
    const ctx = canvas.getContext("2d");
    if (!ctx) return undefined;
    const { origin, dpr } = plane;
    const camera = { x: origin.x + (i * TILE) / dpr / origin.zoom, y: origin.y + (j * TILE) / dpr / origin.zoom, zoom: origin.zoom };
    drawWorld(ctx, this.editor, camera, { x: 0, y: 0, width: TILE / dpr, height: TILE / dpr }, this.overlay);
    this.tiles.set(key, canvas);
    this.drawn++;
    return canvas;
  }
}
