// What is under the pointer, most specific first: a selected card's resize or connect handle, an
// emotion point, a card or note (topmost first), a connector, a header edge, a header, a cell.
// Pure over the scene it is given (the editor is one); tolerances are in screen pixels, divided by the zoom.

import type { Connector } from "../bindings/Connector";
import type { Doc } from "../model/doc";
import type { Camera } from "./camera";
import type { MapGrid } from "./grid";
import { emotionPoints, emotionRow } from "./emotion";
import { headerBands } from "./camera";
import { borderPoint, center, contains, distanceToSegment, type Point, type Rect } from "./rect";

export type Hit =
  | { kind: "resizeHandle"; id: string }
  | { kind: "connectHandle"; id: string }
  | { kind: "emotionPoint"; id: string; personaId?: string }
  | { kind: "touchpoint"; id: string }
  | { kind: "note"; id: string }
  | { kind: "connector"; id: string }
  | { kind: "stageEdge"; id: string }
  | { kind: "laneEdge"; id: string }
  | { kind: "stageHeader"; id: string }
  | { kind: "laneHeader"; id: string }
  | { kind: "cell"; stageId: string; laneId: string }
  | { kind: "empty" };

/** What hit testing reads: the open map's records, its grid, the camera and the selection. */
export interface HitScene {
  readonly doc: Doc;
  readonly camera: Camera;
  readonly grid: MapGrid;
  readonly mapId: string;
  readonly selection: ReadonlySet<string>;
  query(r: Rect): Array<Rect & { id: string }>;
  /** Connectors of the open map whose straight line's box overlaps `r`. */
  queryConnectors(r: Rect): PlacedConnector[];
}

/** A connector with its drawn ends (from `a` to `b`) and their bounding box. The ends are
 * numbers of their own rather than two points: 10,000 connectors were 20,000 objects more in the
 * window's heap (docs/performance.md, "Thirteenth round"). */
export interface PlacedConnector extends Rect {
  id: string;
  connector: Connector;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/** Where a placed connector's line starts and ends. */
export function endsOf(c: PlacedConnector): [Point, Point] {
  return [
    { x: c.ax, y: c.ay },
    { x: c.bx, y: c.by },
  ];
}

/** Every connector of `mapId` whose two touchpoints exist, placed. */
export function placedConnectors(doc: Doc, mapId: string): PlacedConnector[] {
  const out: PlacedConnector[] = [];
  for (const c of doc.connectorsOf(mapId)) {
    const placed = placedConnector(doc, c);
    if (placed) out.push(placed);
  }
  return out;
}

/** `c` between its two touchpoints, or undefined when one of them is missing. */
export function placedConnector(doc: Doc, c: Connector): PlacedConnector | undefined {
  const ends = connectorEnds({ doc }, c);
  if (!ends) return undefined;
  const [a, b] = ends;
  return {
    id: c.id,
    connector: c,
    ax: a.x,
    ay: a.y,
    bx: b.x,
    by: b.y,
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

export const HANDLE = 10;

export function resizeHandleRect(r: Rect, zoom: number): Rect {
  const s = HANDLE / zoom;
  return { x: r.x + r.width - s / 2, y: r.y + r.height - s / 2, width: s, height: s };
}

export function connectHandleCenter(r: Rect, zoom: number): Point {
  return { x: r.x + r.width + 12 / zoom, y: r.y + r.height / 2 };
}

export function connectorEnds(editor: Pick<HitScene, "doc">, c: Connector): [Point, Point] | undefined {
  const a = editor.doc.get("touchpoint", c.fromId),
    b = editor.doc.get("touchpoint", c.toId);
  if (!a || !b) return undefined;
  return [borderPoint(a, center(b)), borderPoint(b, center(a))];
}

/**
 * `screen` is the pointer in screen pixels (for the sticky headers); `p` the same point on the
 * canvas.
 */
export function hitTest(editor: HitScene, p: Point, screen: Point): Hit {
  const zoom = editor.camera.zoom;
  const tol = 6 / zoom;
  const grid = editor.grid;

  // Headers are drawn in screen space (sticky), so they are tested in screen space.
  const band = headerBands(editor.camera);
  const inStageHeader = screen.y >= band.top && screen.y <= band.top + band.height && screen.x >= band.left;
  const inLaneHeader = screen.x >= band.left && screen.x <= band.left + band.width && screen.y >= band.top;
  if (inStageHeader && !inLaneHeader) {
    for (const c of grid.columns) if (Math.abs(p.x - (c.x + c.width)) <= tol) return { kind: "stageEdge", id: c.stage.id };
    const c = grid.columns.find((c) => p.x >= c.x && p.x < c.x + c.width);
    if (c) return { kind: "stageHeader", id: c.stage.id };
  }
  if (inLaneHeader && !inStageHeader) {
    for (const r of grid.rows) if (Math.abs(p.y - (r.y + r.height)) <= tol) return { kind: "laneEdge", id: r.lane.id };
    const r = grid.rows.find((r) => p.y >= r.y && p.y < r.y + r.height);
    if (r) return { kind: "laneHeader", id: r.lane.id };
  }
  if (inStageHeader || inLaneHeader) return { kind: "empty" };

  if (editor.selection.size === 1) {
    const [id] = editor.selection;
    const t = editor.doc.get("touchpoint", id!) ?? editor.doc.get("note", id!);
    if (t) {
      if (contains(resizeHandleRect(t, zoom), p, 2 / zoom)) return { kind: "resizeHandle", id: t.id };
      const h = connectHandleCenter(t, zoom);
      if (editor.doc.get("touchpoint", t.id) && Math.hypot(p.x - h.x, p.y - h.y) <= 8 / zoom) return { kind: "connectHandle", id: t.id };
    }
  }

  const row = emotionRow(grid);
  if (row && p.y >= row.y && p.y < row.y + row.height) {
    // The nearest handle within reach, so neighbouring handles each get their own card.
    // The map's own line first; another persona's point wins only when strictly nearer (where
    // the lines coincide, the own line is drawn on top and is the one grabbed).
    let best: { id: string; d: number; personaId?: string } | undefined;
    const cards = editor.doc.touchpointsOf(editor.mapId);
    const lines = [null, ...(editor.doc.get("map", editor.mapId)?.otherPersonas ?? [])];
    for (const personaId of lines)
      for (const e of emotionPoints(grid, cards, personaId)) {
        const d = Math.hypot(p.x - e.x, p.y - e.y);
        if (d <= 9 / zoom && (!best || d < best.d)) best = personaId ? { id: e.touchpoint.id, d, personaId } : { id: e.touchpoint.id, d };
      }
    if (best)
      return best.personaId ? { kind: "emotionPoint", id: best.id, personaId: best.personaId } : { kind: "emotionPoint", id: best.id };
  }

  const near = editor.query({ x: p.x - 1, y: p.y - 1, width: 2, height: 2 });
  // Cards draw above notes; among equals the later-drawn wins.
  const cards = near.filter((i) => editor.doc.get("touchpoint", i.id) && contains(i, p));
  if (cards.length) return { kind: "touchpoint", id: cards[cards.length - 1]!.id };
  const notes = near.filter((i) => editor.doc.get("note", i.id) && contains(i, p));
  if (notes.length) return { kind: "note", id: notes[notes.length - 1]!.id };

  for (const c of editor.queryConnectors({ x: p.x - tol, y: p.y - tol, width: 2 * tol, height: 2 * tol }))
    if (distanceToSegment(p, ...endsOf(c)) <= tol) return { kind: "connector", id: c.id };

  const column = grid.columns.find((c) => p.x >= c.x && p.x < c.x + c.width);
  const lane = grid.rows.find((r) => p.y >= r.y && p.y < r.y + r.height);
  if (column && lane) return { kind: "cell", stageId: column.stage.id, laneId: lane.lane.id };
  return { kind: "empty" };
}
