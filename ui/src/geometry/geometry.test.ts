import { expect, it } from "vitest";
import {
  CARD_TITLE_UNITS,
  centredOn,
  fit,
  headerBands,
  KEEP_IN_SIGHT,
  keepInSight,
  MAX_HEADER_WIDTH,
  panBy,
  PRESENTATION_ZOOM,
  toCanvas,
  toScreen,
  wholeInView,
  zoomAt,
} from "./camera";
import { cellAt, mapGrid } from "./grid";
import type { Stage } from "../bindings/Stage";
import { curveSegments, emotionCurve, emotionPoints, emotionY, HANDLE_SPACING, roomCurvePoints } from "./emotion";
import { LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT } from "./layout";
import { borderPoint, distanceToSegment } from "./rect";
import { SpatialIndex } from "./spatial";
import { sampleProject } from "../editor/testing";
import emotionSpec from "../../tests/fixtures/emotion-curve.json";

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
  const items = Array.from({ length: 2000 }, (_, i) => ({
    id: String(i),
    x: (i % 50) * 100,
    y: Math.floor(i / 50) * 100,
    width: 80,
    height: 80,
  }));
  const index = new SpatialIndex(items);
  const view = { x: 450, y: 450, width: 300, height: 200 };
  const brute = items
    .filter((r) => r.x < 750 && r.x + 80 > 450 && r.y < 650 && r.y + 80 > 450)
    .map((r) => r.id)
    .sort();
  expect(
    index
      .query(view)
      .map((r) => r.id)
      .sort(),
  ).toEqual(brute);
});

it("segment distance and border points", () => {
  expect(distanceToSegment({ x: 5, y: 5 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
  expect(borderPoint({ x: 0, y: 0, width: 100, height: 50 }, { x: 200, y: 25 })).toEqual({ x: 100, y: 25 });
});

it("headers stop growing with zoom and end where the first stage and lane begin", () => {
  const at4 = headerBands({ x: 0, y: 0, zoom: 4 });
  expect(at4.width).toBeLessThanOrEqual(MAX_HEADER_WIDTH);
  expect(at4.width / 1280).toBeLessThan(0.2);
  expect(at4.left + at4.width).toBeCloseTo(LANE_HEADER_WIDTH * 4);
  expect(at4.top + at4.height).toBeCloseTo(STAGE_HEADER_HEIGHT * 4);
  const scrolled = headerBands({ x: 2000, y: 900, zoom: 4 });
  expect(scrolled.left).toBe(0);
  expect(scrolled.top).toBe(0);
  const small = headerBands({ x: 0, y: 0, zoom: 0.5 });
  expect(small.width).toBeCloseTo(LANE_HEADER_WIDTH * 0.5);
  expect(small.left).toBeCloseTo(0);
});

it("the presentation zoom makes card titles at least 14 px", () => {
  expect(CARD_TITLE_UNITS * PRESENTATION_ZOOM).toBeGreaterThanOrEqual(14);
});

it("the emotion curve never doubles back, and cards stacked in a column each keep a handle", () => {
  const stages = [0, 1].map((i) => ({ id: `s${i}`, mapId: "m", name: `S${i}`, description: "", position: i, width: 420 }));
  const lanes = [
    { id: "tp", mapId: "m", name: "Touchpoints", kind: "touchpoints" as const, position: 0, height: 200 },
    { id: "tf", mapId: "m", name: "Feelings", kind: "thoughtsAndFeelings" as const, position: 1, height: 128 },
  ];
  const grid = mapGrid(stages, lanes);
  const card = (id: string, x: number, y: number, emotion: number) => ({
    id,
    mapId: "m",
    stageId: "s0",
    laneId: "tp",
    title: id,
    description: "",
    channel: "",
    owner: "",
    x,
    y,
    width: 168,
    height: 76,
    emotion,
    expectation: 3,
    performance: 3,
    reliability: "reliable" as const,
    momentOfTruth: false,
    momentOfTruthNote: "",
    votes: 0,
    feelings: [],
  });
  // Two cards nearly above each other, the lower one a little to the left.
  const cards = [card("a", 200, 80, 3), card("b", 196, 170, -3), card("c", 420, 80, 1), card("d", 700, 80, 0)];
  const line = emotionCurve(grid, cards);
  expect(line).toHaveLength(3);
  for (let i = 1; i < line.length; i++) expect(line[i]!.x).toBeGreaterThan(line[i - 1]!.x);
  let x = line[0]!.x;
  for (const s of curveSegments(line)) {
    for (const next of [s.c1.x, s.c2.x, s.to.x]) {
      expect(next).toBeGreaterThanOrEqual(x);
      x = next;
    }
  }
  const handles = emotionPoints(grid, cards);
  expect(handles).toHaveLength(4);
  const [ha, hb] = [handles.find((h) => h.touchpoint.id === "a")!, handles.find((h) => h.touchpoint.id === "b")!];
  expect(Math.abs(ha.x - hb.x)).toBeGreaterThanOrEqual(HANDLE_SPACING);
  // The two share a step of the curve, their mean, which each handle's stem reaches.
  expect(ha.step).toEqual(line[0]);
  expect(hb.step).toEqual(line[0]);
  expect(line[0]!.y).toBeCloseTo((ha.y + hb.y) / 2, 9);
  // A card alone in its column is its own step: no stem.
  const hc = handles.find((h) => h.touchpoint.id === "c")!;
  expect(hc.step).toEqual({ x: hc.x, y: hc.y });
});

it("the room's curve sits at each rated stage's centre, its band from lowest to highest", () => {
  const feelings = { ...lane("f", 0, 120), kind: "thoughtsAndFeelings" as const };
  const rated = (s: Stage, mean: number, low: number, high: number): Stage => ({
    ...s,
    roomRating: { mean, low, high, count: 3 },
  });
  const g = mapGrid([rated(stage("a", 0, 100), 2, 2, 2), stage("b", 1, 200), rated(stage("c", 2, 100), 0, -2, 2)], [feelings]);
  const pts = roomCurvePoints(g);
  expect(pts.map((p) => p.x)).toEqual([LANE_HEADER_WIDTH + 50, LANE_HEADER_WIDTH + 350]);
  const row = g.rows[0]!;
  expect(pts[0]!.y).toBeCloseTo(emotionY(row, 3), 5);
  expect(pts[1]!.y).toBeCloseTo(row.y + row.height / 2, 5);
  expect(pts[1]!.yMin).toBeGreaterThan(pts[1]!.y);
  expect(pts[1]!.yMax).toBeLessThan(pts[1]!.y);
  expect(roomCurvePoints(mapGrid([rated(stage("a", 0, 100), 1, 1, 1)], [lane("x", 0, 50)]))).toEqual([]);
});

it("after Fit the whole map is in view, and not once zoomed in", () => {
  const bounds = { x: 0, y: 0, width: 2600, height: 1200 };
  const cam = fit(bounds, 1000, 600);
  expect(wholeInView(cam, 1000, 600, bounds)).toBe(true);
  expect(wholeInView(zoomAt(cam, { x: 500, y: 300 }, 2), 1000, 600, bounds)).toBe(false);
});

it("Fit shows a 10,000-card map whole in a laptop's window (a 23,000-unit-wide map needs under 5 %)", () => {
  const bounds = { x: 0, y: 0, width: 23_400, height: 6_700 };
  const cam = fit(bounds, 1280, 879);
  expect(cam.zoom).toBeLessThan(0.055);
  expect(wholeInView(cam, 1280, 879, bounds)).toBe(true);
  expect(wholeInView(fit({ ...bounds, width: 50_000 }, 1280, 879), 1280, 879, { ...bounds, width: 50_000 })).toBe(true);
});

it("draws the emotion curve through the same points as the core's exports (shared spec)", () => {
  const project = sampleProject();
  for (const spec of emotionSpec) {
    const stages = project.stages.filter((s) => s.mapId === spec.mapId).sort((a, b) => a.position - b.position);
    const lanes = project.lanes.filter((l) => l.mapId === spec.mapId).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    const cards = project.touchpoints.filter((t) => t.mapId === spec.mapId);
    const line = emotionCurve(mapGrid(stages, lanes), cards);
    expect(line.length).toBe(spec.curve.length);
    line.forEach((p, i) => {
      expect(p.x).toBeCloseTo(spec.curve[i]!.x, 6);
      expect(p.y).toBeCloseTo(spec.curve[i]!.y, 6);
    });
    curveSegments(line).forEach((s, i) => {
      const want = spec.segments[i]!;
      for (const k of ["c1", "c2", "to"] as const) {
        expect(s[k].x).toBeCloseTo(want[k].x, 6);
        expect(s[k].y).toBeCloseTo(want[k].y, 6);
      }
    });
  }
  expect(emotionSpec.some((s) => s.curve.length >= 6)).toBe(true);
});

it("a pan stops with part of the map still in sight, and comes back from further out", () => {
  const bounds = { x: 0, y: 0, width: 2000, height: 1000 };
  const [w, h] = [800, 600];
  const inSight = (c: { x: number; y: number; zoom: number }) => {
    const seen = { x: Math.max(c.x, bounds.x), right: Math.min(c.x + w / c.zoom, bounds.x + bounds.width) };
    const seenY = { y: Math.max(c.y, bounds.y), bottom: Math.min(c.y + h / c.zoom, bounds.y + bounds.height) };
    return [(seen.right - seen.x) * c.zoom, (seenY.bottom - seenY.y) * c.zoom];
  };
  for (const zoom of [0.2, 1, 2.5]) {
    let cam = { x: 100, y: 100, zoom };
    // Far to the left and up, then far to the right and down.
    for (let i = 0; i < 400; i++) cam = keepInSight(cam, panBy(cam, 40, 40), w, h, bounds);
    const [sx, sy] = inSight(cam);
    expect(sx).toBeCloseTo(Math.min(KEEP_IN_SIGHT, bounds.width * zoom));
    expect(sy).toBeCloseTo(Math.min(KEEP_IN_SIGHT, bounds.height * zoom));
    for (let i = 0; i < 800; i++) cam = keepInSight(cam, panBy(cam, -40, -40), w, h, bounds);
    const [ex, ey] = inSight(cam);
    expect(ex).toBeCloseTo(Math.min(KEEP_IN_SIGHT, bounds.width * zoom));
    expect(ey).toBeCloseTo(Math.min(KEEP_IN_SIGHT, bounds.height * zoom));
  }
  // Already far out (a view set elsewhere): it may not go further, but may come back.
  const out = { x: 5000, y: 0, zoom: 1 };
  expect(keepInSight(out, panBy(out, -100, 0), w, h, bounds).x).toBe(5000);
  expect(keepInSight(out, panBy(out, 100, 0), w, h, bounds).x).toBe(4900);
  // Inside, a pan is what was asked.
  const mid = { x: 500, y: 200, zoom: 1 };
  expect(keepInSight(mid, panBy(mid, 30, -20), w, h, bounds)).toEqual(panBy(mid, 30, -20));
});

it("centring on a point past the map's edge (a drag off the minimap) keeps the map in view", () => {
  const bounds = { x: 0, y: 0, width: 4000, height: 2000 };
  const cam = { x: 0, y: 0, zoom: 0.5 };
  // Inside: the point is the middle of the view.
  expect(centredOn(cam, { x: 1000, y: 500 }, 800, 600, bounds)).toEqual({ x: 200, y: -100, zoom: 0.5 });
  // Far outside: held at the map's corner, so the view still shows part of the map.
  const off = centredOn(cam, { x: -9000, y: 9000 }, 800, 600, bounds);
  expect(off).toEqual({ x: -800, y: 1400, zoom: 0.5 });
  const view = { x: off.x, y: off.y, width: 800 / 0.5, height: 600 / 0.5 };
  expect(view.x + view.width > bounds.x && view.y < bounds.y + bounds.height).toBe(true);
});

it("the stage-title band keeps room for a line of title text however far out the view is", () => {
  for (const zoom of [0.02, 0.05, 0.14, 0.3]) expect(headerBands({ x: 0, y: 0, zoom }).height).toBeGreaterThanOrEqual(14);
  expect(headerBands({ x: 0, y: 0, zoom: 1 }).height).toBe(STAGE_HEADER_HEIGHT);
});
