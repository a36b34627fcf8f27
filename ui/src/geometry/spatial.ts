// A uniform-grid spatial index: which items overlap a rectangle, without scanning all of them.
// Used for culling (only on-screen cards are drawn) and for hit-testing 10,000-card maps.

import { intersects, type Rect } from "./rect";

export class SpatialIndex<T extends Rect & { id: string }> {
  /** Items in the order they were given: queries answer in that order, so what is drawn later
   * (on top) does not depend on where the view is. Buckets hold places in this list. */
  private readonly items: T[];
  private readonly buckets = new Map<number, number[]>();
  /** The query that last met each item, so an item in several buckets is counted once. */
  private readonly met: Uint32Array;
  private stamp = 0;

  /** `cellsOf` lists the cells an item really touches, when fewer than its box's (a long
   * diagonal line crosses a few of the many cells its box covers). */
  constructor(
    items: Iterable<T>,
    private readonly cell = 512,
    cellsOf?: (item: T, cell: number) => Iterable<[number, number]>,
  ) {
    this.items = [...items];
    this.met = new Uint32Array(this.items.length);
    const keysOf = cellsOf ? (item: T) => [...cellsOf(item, cell)].map(([i, j]) => i * 1_000_003 + j) : (item: T) => this.keys(item);
    this.items.forEach((item, place) => {
      for (const key of keysOf(item)) {
        let bucket = this.buckets.get(key);
        if (!bucket) {
          bucket = [];
          this.buckets.set(key, bucket);
        }
        bucket.push(place);
      }
    });
  }

  private *keys(r: Rect): Generator<number> {
    const x0 = Math.floor(r.x / this.cell),
      x1 = Math.floor((r.x + r.width) / this.cell);
    const y0 = Math.floor(r.y / this.cell),
      y1 = Math.floor((r.y + r.height) / this.cell);
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) yield i * 1_000_003 + j;
  }

  /** Items overlapping `r`, each once, in the order they were given. */
  query(r: Rect): T[] {
    const stamp = ++this.stamp;
    const met = this.met;
    const hits: number[] = [];
    // A view wider than the whole index (the overview) visits each bucket once rather than each
    // empty cell of the view.
    const cells =
      (Math.floor((r.x + r.width) / this.cell) - Math.floor(r.x / this.cell) + 1) *
      (Math.floor((r.y + r.height) / this.cell) - Math.floor(r.y / this.cell) + 1);
    const buckets =
      cells > this.buckets.size
        ? this.buckets.values()
        : (function* (self) {
            for (const key of self.keys(r)) {
              const bucket = self.buckets.get(key);
              if (bucket) yield bucket;
            }
          })(this);
    for (const bucket of buckets) {
      for (const place of bucket) {
        if (met[place] === stamp) continue;
        met[place] = stamp;
        if (intersects(this.items[place]!, r)) hits.push(place);
      }
    }
    const ordered = Int32Array.from(hits).sort();
    const out = new Array<T>(ordered.length);
    for (let i = 0; i < ordered.length; i++) out[i] = this.items[ordered[i]!]!;
    return out;
  }
}

/** The grid cells (of side `cell`) the segment from `a` to `b` passes through, in order
 * (Amanatides and Woo's traversal). */
export function* cellsAlong(a: { x: number; y: number }, b: { x: number; y: number }, cell: number): Generator<[number, number]> {
  let i = Math.floor(a.x / cell),
    j = Math.floor(a.y / cell);
  const iEnd = Math.floor(b.x / cell),
    jEnd = Math.floor(b.y / cell);
  const dx = b.x - a.x,
    dy = b.y - a.y;
  const stepI = Math.sign(dx),
    stepJ = Math.sign(dy);
  let nextX = dx !== 0 ? ((stepI > 0 ? (i + 1) * cell : i * cell) - a.x) / dx : Infinity;
  let nextY = dy !== 0 ? ((stepJ > 0 ? (j + 1) * cell : j * cell) - a.y) / dy : Infinity;
  const acrossX = dx !== 0 ? cell / Math.abs(dx) : Infinity,
    acrossY = dy !== 0 ? cell / Math.abs(dy) : Infinity;
  yield [i, j];
  for (let n = Math.abs(iEnd - i) + Math.abs(jEnd - j); n > 0; n--) {
    if (nextX < nextY) {
      i += stepI;
      nextX += acrossX;
    } else {
      j += stepJ;
      nextY += acrossY;
    }
    yield [i, j];
  }
}
