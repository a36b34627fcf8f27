// The emotion curve: one point per customer-facing touchpoint (customer actions, touchpoints and
// frontstage lanes), ordered left to right, drawn inside the map's "thoughts & feelings" lane
// from −3 at the bottom to +3 at the top. Pure.

import type { LaneKind } from "../bindings/LaneKind";
import type { Touchpoint } from "../bindings/Touchpoint";
import type { MapGrid, Row } from "./grid";

export const CUSTOMER_FACING: ReadonlySet<LaneKind> = new Set(["customerActions", "touchpoints", "frontstage"]);
const INSET = 14;

export interface EmotionPoint {
  touchpoint: Touchpoint;
  x: number;
  y: number;
}

export function emotionRow(grid: MapGrid): Row | undefined {
  return grid.rows.find((r) => r.lane.kind === "thoughtsAndFeelings");
}

export function emotionY(row: Row, emotion: number): number {
  const mid = row.y + row.height / 2;
  return mid - (emotion / 3) * (row.height / 2 - INSET);
}

/** The score (−3..+3, whole numbers) for a pointer at canvas height `y`. */
export function emotionAt(row: Row, y: number): number {
  const mid = row.y + row.height / 2;
  const raw = ((mid - y) / (row.height / 2 - INSET)) * 3;
  return Math.max(-3, Math.min(3, Math.round(raw)));
}

export function emotionPoints(grid: MapGrid, touchpoints: Touchpoint[]): EmotionPoint[] {
  const row = emotionRow(grid);
  if (!row) return [];
  const facing = new Set(grid.rows.filter((r) => CUSTOMER_FACING.has(r.lane.kind)).map((r) => r.lane.id));
  return touchpoints
    .filter((t) => facing.has(t.laneId))
    .sort((a, b) => a.x + a.width / 2 - (b.x + b.width / 2) || a.y - b.y)
    .map((t) => ({ touchpoint: t, x: t.x + t.width / 2, y: emotionY(row, t.emotion) }));
}

/**
 * Another map's curve (say the to-be map) drawn on this map's grid for comparison: each point
 * keeps its stage by order and its relative place within the stage.
 */
export function comparedPoints(mine: MapGrid, other: MapGrid, touchpoints: Touchpoint[]): { x: number; y: number }[] {
  const row = emotionRow(mine);
  if (!row) return [];
  return emotionPoints(other, touchpoints)
    .flatMap((p) => {
      const i = other.columns.findIndex((c) => c.stage.id === p.touchpoint.stageId);
      const from = other.columns[i], to = mine.columns[i];
      if (!from || !to) return [];
      const frac = (p.x - from.x) / from.width;
      return [{ x: to.x + frac * to.width, y: emotionY(row, p.touchpoint.emotion) }];
    })
    .sort((a, b) => a.x - b.x);
}
