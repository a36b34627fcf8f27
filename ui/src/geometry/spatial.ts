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

  constructor(
    items: Iterable<T>,
    private readonly cell = 512,
  ) {
    this.items = [...items];
    this.met = new Uint32Array(this.items.length);
    for (let place = 0; place < this.items.length; place++) this.add(place);
  }

  /** Files the item at `place` in the buckets of the cells it touches. */
  private add(place: number): void {
    this.cells(this.items[place]!, (i, j) => {
      const key = cellKey(i, j);
      let bucket = this.buckets.get(key);
      if (!bucket) {
        bucket = { i, j, places: [] };
        this.buckets.set(key, bucket);
      }
      bucket.places.push(place);
    });
  }

  /** Puts `item` where the item at `place` was (a record replaced by its next version), filed
   * under the cells it touches now. Queries answer as an index built afresh would. */
  replace(place: number, item: T): void {
    const old = this.items[place];
    if (old === undefined) throw new Error(`no item at ${place}`);
    this.items[place] = item;
    if (old.x === item.x && old.y === item.y && old.width === item.width && old.height === item.height) return;
    this.cells(old, (i, j) => {
      const bucket = this.buckets.get(cellKey(i, j));
      if (!bucket) return;
      const at = bucket.places.indexOf(place);
      if (at >= 0) bucket.places.splice(at, 1);
      if (bucket.places.length === 0) this.buckets.delete(cellKey(i, j));
    });
    this.add(place);
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

  /** Calls `visit` with each grid cell (i, j) `r` touches. */
  private cells(r: Rect, visit: (i: number, j: number) => void): void {
    const { x0, x1, y0, y1 } = this.range(r);
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) visit(i, j);
  }

  /** Items overlapping `r`, each once, in the order they were given. */
  query(r: Rect): T[] {
    const stamp = ++this.stamp;
    const met = this.met;
    const hits: number[] = [];
    const take = (bucket: Bucket) => {
      for (const place of bucket.places) {
        if (met[place] === stamp) continue;
        met[place] = stamp;
        if (intersects(this.items[place]!, r)) hits.push(place);
      }
    };
    // A view covering more cells than there are buckets (the overview, or a thin strip across
    // the whole map while zooming it) visits the buckets in its range rather than each cell.
    const { x0, x1, y0, y1 } = this.range(r);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.buckets.size) {
      for (const bucket of this.buckets.values()) if (bucket.i >= x0 && bucket.i <= x1 && bucket.j >= y0 && bucket.j <= y1) take(bucket);
    } else {
      for (let i = x0; i <= x1; i++)
        for (let j = y0; j <= y1; j++) {
          const bucket = this.buckets.get(cellKey(i, j));
          if (bucket) take(bucket);
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
