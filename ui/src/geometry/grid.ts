// Where the stage columns and lane rows of a map sit on the canvas, and which cell a point falls
// in. Pure: computed from stages and lanes, cached by the caller per document version.

import type { Lane } from "../bindings/Lane";
import type { Stage } from "../bindings/Stage";
import { LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT } from "./layout";
import type { Point, Rect } from "./rect";

export interface Column {
  stage: Stage;
  x: number;
  width: number;
}

export interface Row {
  lane: Lane;
  y: number;
  height: number;
}

export interface MapGrid {
  columns: Column[];
  rows: Row[];
  /** The whole grid including headers. */
  bounds: Rect;
}

/** Lays out ordered stages and lanes. */
export function mapGrid(stages: Stage[], lanes: Lane[]): MapGrid {
  let x = LANE_HEADER_WIDTH;
  const columns = stages.map((stage) => {
    const c = { stage, x, width: stage.width };
    x += stage.width;
    return c;
  });
  let y = STAGE_HEADER_HEIGHT;
  const rows = lanes.map((lane) => {
    const r = { lane, y, height: lane.height };
    y += lane.height;
    return r;
  });
  return { columns, rows, bounds: { x: 0, y: 0, width: x, height: y } };
}

export function columnAt(grid: MapGrid, x: number): Column | undefined {
  return grid.columns.find((c) => x >= c.x && x < c.x + c.width);
}

export function rowAt(grid: MapGrid, y: number): Row | undefined {
  return grid.rows.find((r) => y >= r.y && y < r.y + r.height);
}

/** The stage and lane under a point, snapping points beyond the edges to the nearest cell. */
export function cellAt(grid: MapGrid, p: Point): { column: Column; row: Row } | undefined {
  const first = grid.columns[0],
    last = grid.columns[grid.columns.length - 1];
  const top = grid.rows[0],
    bottom = grid.rows[grid.rows.length - 1];
  if (!first || !last || !top || !bottom) return undefined;
  const column = columnAt(grid, p.x) ?? (p.x < first.x ? first : last);
  const row = rowAt(grid, p.y) ?? (p.y < top.y ? top : bottom);
  return { column, row };
}

export function cellRect(column: Column, row: Row): Rect {
  return { x: column.x, y: row.y, width: column.width, height: row.height };
}
