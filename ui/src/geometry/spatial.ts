// A uniform-grid spatial index: which items overlap a rectangle, without scanning all of them.
// Used for culling (only on-screen cards are drawn) and for hit-testing 10,000-card maps.

import { intersects, type Rect } from "./rect";

export class SpatialIndex<T extends Rect & { id: string }> {
  private readonly buckets = new Map<number, T[]>();

  constructor(
    items: Iterable<T>,
    private readonly cell = 512,
  ) {
    for (const item of items) {
      for (const key of this.keys(item)) {
        let bucket = this.buckets.get(key);
        if (!bucket) {
          bucket = [];
          this.buckets.set(key, bucket);
        }
        bucket.push(item);
      }
    }
  }

  private *keys(r: Rect): Generator<number> {
    const x0 = Math.floor(r.x / this.cell),
      x1 = Math.floor((r.x + r.width) / this.cell);
    const y0 = Math.floor(r.y / this.cell),
      y1 = Math.floor((r.y + r.height) / this.cell);
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) yield i * 1_000_003 + j;
  }

  /** Items overlapping `r`, each once. */
  query(r: Rect): T[] {
    const seen = new Set<string>();
    const out: T[] = [];
    for (const key of this.keys(r)) {
      for (const item of this.buckets.get(key) ?? []) {
        if (!seen.has(item.id) && intersects(item, r)) {
          seen.add(item.id);
          out.push(item);
        }
      }
    }
    return out;
  }
}
