// A uniform-grid spatial index: which items overlap a rectangle, without scanning all of them.
// Used for culling (only on-screen cards are drawn) and for hit-testing 10,000-card maps.

import { intersects, type Rect } from "./rect";

/** One number for cell (i, j): unique for the cells of any map a window can hold. */
function cellKey(i: number, j: number): number {
  return i * 1_000_003 + j;
}

export class SpatialIndex<T extends Rect & { id: string }> {
  /** Items in the order they were given: queries answer in that order, so what is drawn later
   * (on top) does not depend on where the view is. Buckets hold places in this list. */
  private readonly items: T[];
  private readonly buckets = new Map<number, Bucket>();
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
    const cellsOfItem = cellsOf ? (item: T) => cellsOf(item, cell) : (item: T) => this.cells(item);
    this.items.forEach((item, place) => {
      for (const [i, j] of cellsOfItem(item)) {
        const key = cellKey(i, j);
        let bucket = this.buckets.get(key);
        if (!bucket) {
          bucket = { i, j, places: [] };
          this.buckets.set(key, bucket);
        }
        bucket.places.push(place);
      }
    });
  }

  /** The range of cells `r` touches. */
  private range(r: Rect): { x0: number; x1: number; y0: number; y1: number } {
    return {
      x0: Math.floor(r.x / this.cell),
      x1: Math.floor((r.x + r.width) / this.cell),
      y0: Math.floor(r.y / this.cell),
      y1: Math.floor((r.y + r.height) / this.cell),
    };
  }

  private *cells(r: Rect): Generator<[number, number]> {
    const { x0, x1, y0, y1 } = this.range(r);
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) yield [i, j];
  }

  /** Items overlapping `r`, each once, in the order they were given. */
  query(r: Rect): T[] {
    const stamp = ++this.stamp;
    const met = this.met;
    const hits: number[] = [];
    // A view covering more cells than there are buckets (the overview, or a thin strip across
    // the whole map while zooming it) visits the buckets in its range rather than each cell.
    const { x0, x1, y0, y1 } = this.range(r);
    const buckets =
      (x1 - x0 + 1) * (y1 - y0 + 1) > this.buckets.size
        ? (function* (all) {
            for (const bucket of all) if (bucket.i >= x0 && bucket.i <= x1 && bucket.j >= y0 && bucket.j <= y1) yield bucket;
          })(this.buckets.values())
        : (function* (self) {
            for (const [i, j] of self.cells(r)) {
              const bucket = self.buckets.get(cellKey(i, j));
              if (bucket) yield bucket;
            }
          })(this);
    for (const bucket of buckets) {
      for (const place of bucket.places) {
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

/** The places (in the item list) of the items touching one cell. */
interface Bucket {
  i: number;
  j: number;
  places: number[];
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
