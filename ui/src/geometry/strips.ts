// What a moved or scaled bitmap of the map leaves bare, and which tiles cover an area: the
// arithmetic of drawing a pan or zoom from pixels already drawn (see ui/canvasView.ts).

import type { Rect } from "./rect";

/** A tile's side in device pixels. */
export const TILE = 256;

/** The strips of a `width`×`height` bitmap left bare when its content moves by (dx, dy). */
export function exposed(dx: number, dy: number, width: number, height: number): Rect[] {
  const out: Rect[] = [];
  if (dx > 0) out.push({ x: 0, y: 0, width: Math.ceil(dx), height });
  if (dx < 0) out.push({ x: width + Math.floor(dx), y: 0, width: Math.ceil(-dx), height });
  if (dy > 0) out.push({ x: 0, y: 0, width, height: Math.ceil(dy) });
  if (dy < 0) out.push({ x: 0, y: height + Math.floor(dy), width, height: Math.ceil(-dy) });
  return out;
}

/** The parts of a `width`×`height` view outside `covered` (at most four strips), including the
 * pixels its edges cover only in part. */
export function uncovered(covered: Rect, width: number, height: number): Rect[] {
  const left = Math.max(0, Math.ceil(covered.x)),
    top = Math.max(0, Math.ceil(covered.y));
  const right = Math.min(width, Math.floor(covered.x + covered.width)),
    bottom = Math.min(height, Math.floor(covered.y + covered.height));
  if (right <= left || bottom <= top) return [{ x: 0, y: 0, width, height }];
  const out: Rect[] = [];
  if (top > 0) out.push({ x: 0, y: 0, width, height: top });
  if (bottom < height) out.push({ x: 0, y: bottom, width, height: height - bottom });
  if (left > 0) out.push({ x: 0, y: top, width: left, height: bottom - top });
  if (right < width) out.push({ x: right, y: top, width: width - right, height: bottom - top });
  return out;
}

/** The tiles (column, row) that `r` (device pixels of the plane) touches. */
export function tilesUnder(r: Rect): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const i0 = Math.floor(r.x / TILE),
    i1 = Math.ceil((r.x + r.width) / TILE) - 1;
  const j0 = Math.floor(r.y / TILE),
    j1 = Math.ceil((r.y + r.height) / TILE) - 1;
  for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) out.push([i, j]);
  return out;
}

/**
 * The tiles a pan moving the content by (`dx`, `dy`) will copy from next: those under the band
 * one tile wide just past each side of `view` it heads for, including the tiles that side cuts
 * through. Tiles wholly inside the view, or on the sides it leaves, are never copied from.
 */
export function tilesAhead(view: Rect, dx: number, dy: number): Array<[number, number]> {
  const left = dx > 0 ? TILE : 0,
    right = dx < 0 ? TILE : 0,
    top = dy > 0 ? TILE : 0,
    bottom = dy < 0 ? TILE : 0;
  const y = view.y - top,
    height = view.height + top + bottom;
  const x = view.x - left,
    width = view.width + left + right;
  const bands: Rect[] = [];
  if (left) bands.push({ x: view.x - TILE, y, width: TILE, height });
  if (right) bands.push({ x: view.x + view.width, y, width: TILE, height });
  if (top) bands.push({ x, y: view.y - TILE, width, height: TILE });
  if (bottom) bands.push({ x, y: view.y + view.height, width, height: TILE });
  const seen = new Set<string>();
  const out: Array<[number, number]> = [];
  for (const band of bands)
    for (const [i, j] of tilesUnder(band)) {
      const key = `${i},${j}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push([i, j]);
    }
  return out;
}
