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

  constructor(
    items: Iterable<T>,
    private readonly cell = 512,
  ) {
    this.items = [...items];
    this.met = new Uint32Array(this.items.length);
    this.items.forEach((item, place) => {
      for (const key of this.keys(item)) {
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
