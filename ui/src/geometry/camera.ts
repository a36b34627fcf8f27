// The viewport: canvas units ↔ screen pixels. Pure functions over a plain value.

import { LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT } from "./layout";
import type { Point, Rect } from "./rect";

export interface Camera {
  /** Canvas point shown at the screen's top-left corner. */
  x: number;
  y: number;
  zoom: number;
}

/** The farthest out a view goes: a 60,000-unit-wide map (some 25,000 cards) still fits 1,280 px. */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;

/** Whether two cameras show exactly the same view. */
export function sameCamera(a: Camera, b: Camera): boolean {
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom;
}

export function toScreen(c: Camera, p: Point): Point {
  return { x: (p.x - c.x) * c.zoom, y: (p.y - c.y) * c.zoom };
}

export function toCanvas(c: Camera, p: Point): Point {
  return { x: p.x / c.zoom + c.x, y: p.y / c.zoom + c.y };
}

export function visibleRect(c: Camera, width: number, height: number): Rect {
  return { x: c.x, y: c.y, width: width / c.zoom, height: height / c.zoom };
}

/** Zooms by `factor` keeping the canvas point under screen point `anchor` in place. */
export function zoomAt(c: Camera, anchor: Point, factor: number): Camera {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, c.zoom * factor));
  const before = toCanvas(c, anchor);
  return { x: before.x - anchor.x / zoom, y: before.y - anchor.y / zoom, zoom };
}

export function panBy(c: Camera, dxScreen: number, dyScreen: number): Camera {
  return { ...c, x: c.x - dxScreen / c.zoom, y: c.y - dyScreen / c.zoom };
}

/** How much of the map (screen px each way) a pan leaves in sight: more than the minimap's
 * 220×130 in the bottom-right corner, where a map pushed down and right ends up. */
export const KEEP_IN_SIGHT = 240;

/**
 * `next`, a pan from `was`, held back where it would take the whole map out of sight: at least
 * `keep` screen pixels of `bounds` stay in a `width`×`height` view (or all of it, if smaller).
 * A view already further out may stay there or come back, never go further.
 */
export function keepInSight(was: Camera, next: Camera, width: number, height: number, bounds: Rect, keep = KEEP_IN_SIGHT): Camera {
  const z = next.zoom;
  const kx = Math.min(keep, bounds.width * z) / z,
    ky = Math.min(keep, bounds.height * z) / z;
  const hold = (v: number, low: number, high: number, from: number) => Math.min(Math.max(v, Math.min(low, from)), Math.max(high, from));
  return {
    ...next,
    x: hold(next.x, bounds.x + kx - width / z, bounds.x + bounds.width - kx, was.x),
    y: hold(next.y, bounds.y + ky - height / z, bounds.y + bounds.height - ky, was.y),
  };
}

/** `cam` moved so that `point` is in the middle of a `width`×`height` viewport, the point held
 * inside `bounds` first: a drag on the minimap past the map's edge keeps the map in view. */
export function centredOn(cam: Camera, point: Point, width: number, height: number, bounds: Rect): Camera {
  const x = Math.min(Math.max(point.x, bounds.x), bounds.x + bounds.width),
    y = Math.min(Math.max(point.y, bounds.y), bounds.y + bounds.height);
  return { ...cam, x: x - width / cam.zoom / 2, y: y - height / cam.zoom / 2 };
}

/** The camera that shows all of `r` inside a `width`×`height` viewport with a margin. */
export function fit(r: Rect, width: number, height: number, margin = 32): Camera {
  const zoom = Math.min(
    MAX_ZOOM,
    Math.max(MIN_ZOOM, Math.min((width - 2 * margin) / Math.max(r.width, 1), (height - 2 * margin) / Math.max(r.height, 1))),
  );
  return {
    x: r.x - (width / zoom - r.width) / 2,
    y: r.y - (height / zoom - r.height) / 2,
    zoom,
  };
}

/** The most screen pixels the lane-title column and the stage-title band take when zoomed in:
 * past this, bigger headers only hide the map. */
export const MAX_HEADER_WIDTH = 220;
export const MAX_HEADER_HEIGHT = 72;
/** The fewest pixels the stage-title band takes when zoomed out: a line of the smallest title
 * text (10 px) fits, rather than the top half of its letters. */
export const MIN_HEADER_HEIGHT = 16;

/**
 * Where the stage-title band and lane-title column sit on screen: ending where the grid's first
 * stage and lane begin, and pinned to the window's top and left once the grid scrolls past them
 * (sticky headers). They grow with zoom only up to a readable size.
 */
export function headerBands(c: Camera): { top: number; height: number; left: number; width: number } {
  const width = Math.min(LANE_HEADER_WIDTH * c.zoom, MAX_HEADER_WIDTH);
  const height = Math.max(MIN_HEADER_HEIGHT, Math.min(STAGE_HEADER_HEIGHT * c.zoom, MAX_HEADER_HEIGHT));
  return {
    top: Math.max(0, (STAGE_HEADER_HEIGHT - c.y) * c.zoom - height),
    height,
    left: Math.max(0, (LANE_HEADER_WIDTH - c.x) * c.zoom - width),
    width,
  };
}

/** Below this zoom cards are drawn as coloured blocks without text. */
export const TEXT_ZOOM = 0.35;

/** The zoom at which card titles (13 canvas units) are at least 14 px: readable on a projector
 * from the back of a room. */
export const CARD_TITLE_UNITS = 13;
export const PRESENTATION_ZOOM = 14 / CARD_TITLE_UNITS;

/** Whether `bounds` is entirely on screen (a minimap adds nothing then). */
export function wholeInView(camera: Camera, viewportWidth: number, viewportHeight: number, bounds: Rect): boolean {
  const right = camera.x + viewportWidth / camera.zoom;
  const bottom = camera.y + viewportHeight / camera.zoom;
  return camera.x <= bounds.x && camera.y <= bounds.y && right >= bounds.x + bounds.width && bottom >= bounds.y + bounds.height;
}
