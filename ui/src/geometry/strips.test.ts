import { describe, expect, it } from "vitest";
import { clipSegment, type Rect, segmentMeetsRect } from "./rect";
import { SpatialIndex } from "./spatial";
import { exposed, TILE, tilesAhead, tilesUnder, uncovered } from "./strips";

const area = (rs: Rect[]) => rs.reduce((s, r) => s + r.width * r.height, 0);

/** Every pixel of a w×h view: covered by `covered` (moved content) or by one of `strips`. */
function allCovered(w: number, h: number, covered: Rect, strips: Rect[]): boolean {
  const inside = (r: Rect, x: number, y: number) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
  for (let x = 0; x < w; x++) for (let y = 0; y < h; y++) if (!inside(covered, x, y) && !strips.some((s) => inside(s, x, y))) return false;
  return true;
}

describe("what a pan uncovers", () => {
  it("is a strip on the side the content moved away from", () => {
    expect(exposed(12, 0, 100, 80)).toEqual([{ x: 0, y: 0, width: 12, height: 80 }]);
    expect(exposed(-12, 0, 100, 80)).toEqual([{ x: 88, y: 0, width: 12, height: 80 }]);
    expect(exposed(0, -5, 100, 80)).toEqual([{ x: 0, y: 75, width: 100, height: 5 }]);
    expect(exposed(0, 0, 100, 80)).toEqual([]);
  });
  it("covers, with the moved content, every pixel of the view", () => {
    for (const [dx, dy] of [
      [7, 3],
      [-9, 4],
      [5, -6],
      [-3, -8],
    ] as const) {
      const moved = { x: dx, y: dy, width: 40, height: 30 };
      expect(allCovered(40, 30, moved, exposed(dx, dy, 40, 30))).toBe(true);
    }
  });
});

describe("what a zoom leaves bare", () => {
  it("is nothing when the scaled content covers the view", () => {
    expect(uncovered({ x: -10, y: -10, width: 120, height: 100 }, 100, 80)).toEqual([]);
  });
  it("is the border around content zoomed out, including its part-covered edge pixels", () => {
    const covered = { x: 10.5, y: 8.25, width: 70, height: 56 };
    const strips = uncovered(covered, 100, 80);
    expect(strips.length).toBe(4);
    // Whole pixels the content covers only in part are drawn again.
    const inner = { x: 11, y: 9, width: 69, height: 55 };
    expect(allCovered(100, 80, inner, strips)).toBe(true);
    expect(area(strips)).toBe(100 * 80 - 69 * 55);
  });
  it("is the whole view when the content is out of it", () => {
    expect(uncovered({ x: 200, y: 0, width: 50, height: 50 }, 100, 80)).toEqual([{ x: 0, y: 0, width: 100, height: 80 }]);
  });
});

describe("tiles", () => {
  it("lists each tile an area touches once, negative ones included", () => {
    expect(tilesUnder({ x: 0, y: 0, width: TILE, height: TILE })).toEqual([[0, 0]]);
    expect(tilesUnder({ x: -1, y: TILE - 1, width: 2, height: 2 })).toEqual([
      [-1, 0],
      [-1, 1],
      [0, 0],
      [0, 1],
    ]);
  });
});

describe("the tiles a pan needs next", () => {
  const view = { x: 100, y: 50, width: 3 * TILE, height: 2 * TILE };
  const sorted = (ts: Array<[number, number]>) => ts.map(([i, j]) => `${i},${j}`).sort();

  it("are the ones cut by and just past the side the view heads for", () => {
    // Content moving left: the view heads right; its right edge (x = 868) cuts column 3.
    expect(sorted(tilesAhead(view, -12, 0))).toEqual(
      sorted([
        [3, 0],
        [3, 1],
        [3, 2],
        [4, 0],
        [4, 1],
        [4, 2],
      ]),
    );
    // Moving up-left: the bottom band too, with the corner once.
    const both = tilesAhead(view, -12, -4);
    expect(new Set(sorted(both)).size).toBe(both.length);
    expect(sorted(both)).toEqual(expect.arrayContaining(["4,3", "0,2", "3,2"]));
    expect(sorted(both)).not.toContain("-1,0");
    expect(tilesAhead(view, 0, 0)).toEqual([]);
  });

  it("cover every strip the next frames uncover, but none on the side left behind", () => {
    for (const [dx, dy] of [
      [-12, -4],
      [12, 4],
      [-7, 9],
      [0, -30],
    ] as const) {
      const ahead = new Set(sorted(tilesAhead(view, dx, dy)));
      // Up to a tile's depth of travel: the strips a run of frames uncovers (plane coordinates).
      const k = Math.floor(TILE / Math.max(Math.abs(dx), Math.abs(dy)));
      const moved = { x: view.x - dx * k, y: view.y - dy * k, width: view.width, height: view.height };
      for (const strip of exposed(-(moved.x - view.x), -(moved.y - view.y), view.width, view.height)) {
        const onPlane = { ...strip, x: strip.x + moved.x, y: strip.y + moved.y };
        for (const t of sorted(tilesUnder(onPlane))) {
          const [i, j] = t.split(",").map(Number) as [number, number];
          const insideView =
            i * TILE >= view.x && (i + 1) * TILE <= view.x + view.width && j * TILE >= view.y && (j + 1) * TILE <= view.y + view.height;
          if (!insideView) expect(ahead.has(t), `${t} for (${dx}, ${dy})`).toBe(true);
        }
      }
      const behindX = dx > 0 ? view.x + view.width : undefined;
      if (behindX !== undefined) for (const t of ahead) expect(Number(t.split(",")[0]) * TILE).toBeLessThan(behindX);
    }
  });
});

describe("the spatial index", () => {
  it("answers in the order items were given, wherever the view is", () => {
    const items = Array.from({ length: 200 }, (_, i) => ({
      id: `t${i}`,
      x: (i * 397) % 3000,
      y: (i * 211) % 2000,
      width: 180,
      height: 90,
    }));
    const index = new SpatialIndex(items);
    const order = new Map(items.map((t, i) => [t.id, i]));
    for (const view of [
      { x: 0, y: 0, width: 3200, height: 2100 },
      { x: 700, y: 300, width: 900, height: 600 },
      { x: 1900, y: 1500, width: 300, height: 300 },
      // Thin strips reaching far past the map (a zoom's bare border in the overview): more cells
      // than buckets, answered from the buckets in range.
      { x: -10_000, y: 950, width: 20_000, height: 30 },
      { x: 1000, y: -10_000, width: 25, height: 20_000 },
    ]) {
      const found = index.query(view);
      const places = found.map((t) => order.get(t.id)!);
      expect(places).toEqual([...places].sort((a, b) => a - b));
      const expected = items.filter(
        (t) => t.x < view.x + view.width && t.x + t.width > view.x && t.y < view.y + view.height && t.y + t.height > view.y,
      );
      expect(found.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    }
  });
});

describe("a connector's line and a view", () => {
  const view = { x: 100, y: 100, width: 50, height: 50 };
  it("meet when the line crosses the view, even with both ends outside", () => {
    expect(segmentMeetsRect({ x: 0, y: 0 }, { x: 300, y: 300 }, view)).toBe(true);
    expect(segmentMeetsRect({ x: 120, y: 0 }, { x: 120, y: 500 }, view)).toBe(true);
    expect(segmentMeetsRect({ x: 110, y: 110 }, { x: 120, y: 120 }, view)).toBe(true);
  });
  it("do not meet when only the line's box overlaps the view", () => {
    // The diagonal passes the view's corner: its box covers the view, the line does not.
    expect(segmentMeetsRect({ x: 0, y: 160 }, { x: 160, y: 0 }, view)).toBe(false);
    expect(segmentMeetsRect({ x: 0, y: 90 }, { x: 90, y: 0 }, view)).toBe(false);
    expect(segmentMeetsRect({ x: 160, y: 0 }, { x: 160, y: 500 }, view)).toBe(false);
  });
});

describe("a connector cut to the view", () => {
  it("keeps the part inside, on the same line", () => {
    const part = clipSegment({ x: 0, y: 0 }, { x: 300, y: 300 }, { x: 100, y: 100, width: 50, height: 50 })!;
    expect(part[0]).toEqual({ x: 100, y: 100 });
    expect(part[1]).toEqual({ x: 150, y: 150 });
    const inside = clipSegment({ x: 110, y: 120 }, { x: 130, y: 140 }, { x: 100, y: 100, width: 50, height: 50 })!;
    expect(inside).toEqual([
      { x: 110, y: 120 },
      { x: 130, y: 140 },
    ]);
  });
});
