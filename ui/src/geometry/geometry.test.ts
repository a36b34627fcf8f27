import { expect, it } from "vitest";
import { fit, toCanvas, toScreen, zoomAt } from "./camera";
import { cellAt, mapGrid } from "./grid";
import { LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT } from "./layout";
import { borderPoint, distanceToSegment } from "./rect";
import { SpatialIndex } from "./spatial";

const stage = (id: string, position: number, width: number) => ({ id, mapId: "m", name: id, description: "", position, width });
const lane = (id: string, position: number, height: number) => ({ id, mapId: "m", name: id, kind: "custom" as const, position, height });

it("lays out columns and rows after the headers and finds cells", () => {
  const g = mapGrid([stage("a", 0, 100), stage("b", 1, 200)], [lane("x", 0, 50), lane("y", 1, 60)]);
  expect(g.columns.map((c) => c.x)).toEqual([LANE_HEADER_WIDTH, LANE_HEADER_WIDTH + 100]);
  expect(g.rows.map((r) => r.y)).toEqual([STAGE_HEADER_HEIGHT, STAGE_HEADER_HEIGHT + 50]);
  expect(cellAt(g, { x: LANE_HEADER_WIDTH + 150, y: STAGE_HEADER_HEIGHT + 70 })!.column.stage.id).toBe("b");
  expect(cellAt(g, { x: 99999, y: -5 })).toMatchObject({ column: { stage: { id: "b" } }, row: { lane: { id: "x" } } });
  expect(cellAt(mapGrid([], []), { x: 0, y: 0 })).toBeUndefined();
});

it("camera round-trips and zooms around the anchor", () => {
  const c = { x: 10, y: 20, zoom: 2 };
  expect(toCanvas(c, toScreen(c, { x: 5, y: 7 }))).toEqual({ x: 5, y: 7 });
  const z = zoomAt(c, { x: 100, y: 100 }, 1.5);
  expect(toCanvas(z, { x: 100, y: 100 })).toEqual(toCanvas(c, { x: 100, y: 100 }));
  const f = fit({ x: 0, y: 0, width: 1000, height: 500 }, 1064, 564);
  expect(f.zoom).toBeCloseTo(1);
});

it("spatial index returns exactly the overlapping items", () => {
  const items = Array.from({ length: 2000 }, (_, i) => ({ id: String(i), x: (i % 50) * 100, y: Math.floor(i / 50) * 100, width: 80, height: 80 }));
  const index = new SpatialIndex(items);
  const view = { x: 450, y: 450, width: 300, height: 200 };
  const brute = items.filter((r) => r.x < 750 && r.x + 80 > 450 && r.y < 650 && r.y + 80 > 450).map((r) => r.id).sort();
  expect(index.query(view).map((r) => r.id).sort()).toEqual(brute);
});

it("segment distance and border points", () => {
  expect(distanceToSegment({ x: 5, y: 5 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
  expect(borderPoint({ x: 0, y: 0, width: 100, height: 50 }, { x: 200, y: 25 })).toEqual({ x: 100, y: 25 });
});
