// The emotion curve: the customer's feeling at each customer-facing touchpoint (customer
// actions, touchpoints and frontstage lanes), drawn inside the map's "thoughts & feelings" lane
// from −3 at the bottom to +3 at the top. Cards stacked in the same column form one step of the
// curve (their mean), so the curve always runs left to right and never loops back; each card
// keeps its own handle, spread sideways so no two overlap. Pure.

import type { LaneKind } from "../bindings/LaneKind";
import type { Touchpoint } from "../bindings/Touchpoint";
import type { MapGrid, Row } from "./grid";
import type { Point } from "./rect";

export const CUSTOMER_FACING: ReadonlySet<LaneKind> = new Set(["customerActions", "touchpoints", "frontstage"]);
const INSET = 14;

export interface EmotionPoint {
  touchpoint: Touchpoint;
  x: number;
  y: number;
  /** The point of the curve this card's step runs through (the mean of its column): its own
   * place when it is alone there. A card in a column with others is joined to it by a stem, so
   * a curve between two dots reads as their mean, not as a line that missed them. */
  step: Point;
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

/** Cards whose centres are closer than this (canvas units) share one step of the curve. */
export const SLOT_WIDTH = 84;
/** Handles of the cards of one step sit this far apart, so each can be grabbed. */
export const HANDLE_SPACING = 22;

/** How a card feels to `personaId` (one of its map's other personas): its own emotion unless
 * it says otherwise; `null` is the map's own line. As the core's `Touchpoint::feeling_of`. */
export function feelingOf(t: Touchpoint, personaId: string | null): number {
  if (!personaId) return t.emotion;
  return t.feelings.find((f) => f.personaId === personaId)?.emotion ?? t.emotion;
}

/** One handle per customer-facing card, left to right, spread within a step. */
export function emotionPoints(grid: MapGrid, touchpoints: Touchpoint[], personaId: string | null = null): EmotionPoint[] {
  return slots(grid, touchpoints, personaId).flatMap((slot) => slot.handles);
}

/** The points the curve runs through: one per step, strictly left to right. */
export function emotionCurve(grid: MapGrid, touchpoints: Touchpoint[], personaId: string | null = null): Point[] {
  return slots(grid, touchpoints, personaId).map((slot) => ({ x: slot.x, y: slot.y }));
}

interface Slot {
  x: number;
  y: number;
  handles: EmotionPoint[];
}

function slots(grid: MapGrid, touchpoints: Touchpoint[], personaId: string | null): Slot[] {
  const row = emotionRow(grid);
  if (!row) return [];
  const facing = new Set(grid.rows.filter((r) => CUSTOMER_FACING.has(r.lane.kind)).map((r) => r.lane.id));
  const cards = touchpoints
    .filter((t) => facing.has(t.laneId))
    .sort((a, b) => a.x + a.width / 2 - (b.x + b.width / 2) || a.y - b.y || a.id.localeCompare(b.id));
  const groups: Touchpoint[][] = [];
  for (const t of cards) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (group && first && t.x + t.width / 2 - (first.x + first.width / 2) < SLOT_WIDTH) group.push(t);
    else groups.push([t]);
  }
  return groups.map((group) => {
    const x = group.reduce((sum, t) => sum + t.x + t.width / 2, 0) / group.length;
    const y = group.reduce((sum, t) => sum + emotionY(row, feelingOf(t, personaId)), 0) / group.length;
    const step = { x, y };
    const handles = group.map((t, i) => ({
      touchpoint: t,
      x: x + (i - (group.length - 1) / 2) * HANDLE_SPACING,
      y: emotionY(row, feelingOf(t, personaId)),
      step,
    }));
    return { x, y, handles };
  });
}

/** One cubic Bézier piece of a curve: from the previous end through two controls to `to`. */
export interface Segment {
  c1: Point;
  c2: Point;
  to: Point;
}

/**
 * A smooth curve through points sorted by x that never doubles back and never overshoots: the
 * controls sit at a third of each step in x, and the slopes are limited as in Fritsch and
 * Carlson's monotone cubic interpolation, so between two points the curve stays between them.
 */
export function curveSegments(pts: Point[]): Segment[] {
  const n = pts.length;
  if (n < 2) return [];
  const dx: number[] = [],
    slope: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    dx.push(Math.max(pts[i + 1]!.x - pts[i]!.x, 1e-9));
    slope.push((pts[i + 1]!.y - pts[i]!.y) / dx[i]!);
  }
  const tangent = pts.map((_, i) => {
    if (i === 0) return slope[0]!;
    if (i === n - 1) return slope[n - 2]!;
    const a = slope[i - 1]!,
      b = slope[i]!;
    return a * b <= 0 ? 0 : (2 * a * b) / (a + b);
  });
  return pts.slice(1).map((to, i) => {
    const from = pts[i]!,
      h = dx[i]!;
    return {
      c1: { x: from.x + h / 3, y: from.y + (tangent[i]! * h) / 3 },
      c2: { x: to.x - h / 3, y: to.y - (tangent[i + 1]! * h) / 3 },
      to,
    };
  });
}

/**
 * Another map's curve (say the to-be map) drawn on this map's grid for comparison: each point
 * keeps its stage by order and its relative place within the stage.
 */
export function comparedPoints(mine: MapGrid, other: MapGrid, touchpoints: Touchpoint[]): { x: number; y: number }[] {
  const row = emotionRow(mine);
  const theirs = emotionRow(other);
  if (!row || !theirs) return [];
  return emotionCurve(other, touchpoints)
    .flatMap((p) => {
      const i = other.columns.findIndex((c) => p.x >= c.x && p.x < c.x + c.width);
      const from = other.columns[i],
        to = mine.columns[i];
      if (!from || !to) return [];
      const frac = (p.x - from.x) / from.width;
      // The same score on this map's lane.
      const score = ((theirs.y + theirs.height / 2 - p.y) / (theirs.height / 2 - INSET)) * 3;
      return [{ x: to.x + frac * to.width, y: emotionY(row, score) }];
    })
    .sort((a, b) => a.x - b.x);
}

/** One stage of the room's curve on the map: the mean rating, and the band from lowest to highest. */
export interface RoomCurvePoint {
  x: number;
  y: number;
  yMin: number;
  yMax: number;
}

/**
 * The room's ratings (−2..+2 per stage, kept on the stages) in the emotion lane: at each rated
 * stage's centre, on the lane's scale (±2 reaches as far as the map's own ±3). Stages nobody
 * rated are skipped.
 */
export function roomCurvePoints(grid: MapGrid): RoomCurvePoint[] {
  const row = emotionRow(grid);
  if (!row) return [];
  const scale = 3 / 2;
  const out: RoomCurvePoint[] = [];
  for (const column of grid.columns) {
    const r = column.stage.roomRating;
    if (!r) continue;
    out.push({
      x: column.x + column.width / 2,
      y: emotionY(row, r.mean * scale),
      yMin: emotionY(row, r.low * scale),
      yMax: emotionY(row, r.high * scale),
    });
  }
  return out;
}
