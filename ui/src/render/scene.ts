// Draws a map onto a 2D canvas: lanes and stages, notes, connectors, cards, the emotion curve,
// the selection, and sticky stage and lane headers. Only what intersects the view is drawn, and
// cards lose their text below a legible zoom, so 10,000-card maps pan smoothly.

import type { Note } from "../bindings/Note";
import type { Touchpoint } from "../bindings/Touchpoint";
import type { Editor } from "../editor/editor";
import { PERSONA_LINE_COLOURS } from "../bindings/personaLineValues";
import { pictureImage } from "./pictures";
import { type Camera, headerBands, TEXT_ZOOM, visibleRect } from "../geometry/camera";
import {
  comparedPoints,
  curveSegments,
  emotionCurve,
  emotionPoints,
  emotionRow,
  emotionY,
  type RoomCurvePoint,
  roomCurvePoints,
  type Segment,
} from "../geometry/emotion";
import { mapGrid } from "../geometry/grid";
import { SpatialIndex } from "../geometry/spatial";
import { connectHandleCenter, connectorEnds, endsOf, resizeHandleRect } from "../geometry/hit";
import { LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT } from "../geometry/layout";
import { clipSegment, type Point, type Rect } from "../geometry/rect";
import {
  CONNECTOR,
  EMOTION,
  FONT,
  GRID_LINE,
  HEADER_BG,
  HEADER_INK,
  INK,
  laneBackground,
  MUTED,
  RELIABILITY_COLOR,
  ROOM_BAND,
  ROOM_CURVE,
  SELECTION,
  STAR,
} from "./palette";
import { isFinished } from "../model/redesign";

/** Transient things a tool wants drawn on top. */
export interface Overlay {
  marquee?: Rect | undefined;
  connecting?: { from: string; to: Point } | undefined;
  hover?: string | undefined;
  /** Another map's emotion curve drawn faintly for comparison (as-is vs to-be). */
  compareMapId?: string | undefined;
  workshop?: boolean;
  /** The live room's stage ratings on the map on screen: its curve and spread. */
}

/** A rectangle holding any map. */
const EVERYWHERE = { x: -1e9, y: -1e9, width: 2e9, height: 2e9 };

export { TEXT_ZOOM };

export function drawScene(ctx: CanvasRenderingContext2D, editor: Editor, width: number, height: number, overlay: Overlay = {}): void {
  drawWorld(ctx, editor, editor.camera, { x: 0, y: 0, width, height }, overlay);
  drawHeaders(ctx, editor, width, height);
}

/**
 * Everything that moves with the map (the background, lanes, notes, connectors, cards, the
 * emotion line, selection and tool overlays) as `cam` places it, inside `area` only (screen
 * pixels; the whole view, or a strip a gesture exposed). Sizes that stay constant on screen
 * (line widths, handles) follow the editor's zoom, so a strip drawn for a panned bitmap matches it.
 * A `sketch` draws cards and notes as blocks without text or connectors whatever the zoom: for
 * what a zoom gesture uncovers, drawn in full when the camera rests.
 */
export function drawWorld(
  ctx: CanvasRenderingContext2D,
  editor: Editor,
  cam: Camera,
  area: Rect,
  overlay: Overlay = {},
  sketch = false,
): void {
  const dpr = devicePixelRatioOf(ctx);
  const view = visibleRect(cam, area.width, area.height);
  view.x += area.x / cam.zoom;
  view.y += area.y / cam.zoom;
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const whole =
    area.x <= 0 && area.y <= 0 && area.x + area.width >= ctx.canvas.width / dpr && area.y + area.height >= ctx.canvas.height / dpr;
  if (!whole) {
    ctx.beginPath();
    ctx.rect(area.x, area.y, area.width, area.height);
    ctx.clip();
  }
  ctx.fillStyle = "#e2e8f0";
  ctx.fillRect(area.x, area.y, area.width, area.height);
  ctx.setTransform(cam.zoom * dpr, 0, 0, cam.zoom * dpr, -cam.x * cam.zoom * dpr, -cam.y * cam.zoom * dpr);

  drawGrid(ctx, editor, view);
  // Cards reach past their box (the offset shadow, the selection outline and handles): a strip or
  // tile just beside one draws those edges too.
  const reach = Math.max(4, 24 / editor.camera.zoom);
  const visible = editor.query({ x: view.x - reach, y: view.y - reach, width: view.width + 2 * reach, height: view.height + 2 * reach });
  const notes: Note[] = [],
    cards: Touchpoint[] = [];
  for (const item of visible) {
    const t = editor.doc.get("touchpoint", item.id);
    if (t) cards.push(t);
    else {
      const n = editor.doc.get("note", item.id);
      if (n) notes.push(n);
    }
  }
  const zoom = editor.camera.zoom;
  const detailed = zoom >= TEXT_ZOOM && !sketch;
  if (detailed) {
    const note = (n: Note) =>
      drawNote(ctx, n, detailed, editor.selection.has(n.id), zoom, overlay.workshop === true, openComments(editor, n.id));
    for (const n of notes) if (!editor.selection.has(n.id)) note(n);
    drawConnectors(ctx, editor, view, detailed, overlay.workshop === true);
    // Selected cards and notes last, on top: one being dragged, just dropped or found with Find
    // shows whole over what it crosses.
    for (const selected of [false, true])
      for (const t of cards)
        if (editor.selection.has(t.id) === selected)
          drawCard(ctx, editor, t, detailed, selected || overlay.hover === t.id, zoom, overlay.workshop);
    for (const n of notes) if (editor.selection.has(n.id)) note(n);
    drawConnectorLabels(ctx, editor, view);
  } else {
    // Overview: one path per colour and one for all connectors, so thousands of items cost a
    // handful of fills rather than thousands.
    fillBatched(ctx, notes, (n) => n.color);
    // A sketch leaves out the connectors: thin lines, drawn once the camera rests.
    if (!sketch) drawConnectors(ctx, editor, view, detailed, overlay.workshop === true);
    fillBatched(ctx, cards, (t) => RELIABILITY_COLOR[t.reliability]);
    const stars = cards.filter((t) => t.momentOfTruth);
    fillBatched(
      ctx,
      stars.map((t) => ({ x: t.x + t.width - 28, y: t.y, width: 28, height: 28 })),
      () => STAR,
    );
    for (const item of [...cards, ...notes]) {
      if (!editor.selection.has(item.id)) continue;
      // On top of the cards it crosses, as when the text shows.
      const card = editor.doc.get("touchpoint", item.id);
      if (card) drawCard(ctx, editor, card, false, false, zoom);
      outline(ctx, item, zoom);
    }
  }
  drawEmotion(ctx, editor, overlay.compareMapId, view);
  drawSelectionHandles(ctx, editor);

  if (overlay.connecting) {
    const from = editor.doc.get("touchpoint", overlay.connecting.from);
    if (from) {
      ctx.strokeStyle = SELECTION;
      ctx.lineWidth = 2 / zoom;
      ctx.setLineDash([6 / zoom, 4 / zoom]);
      arrow(ctx, connectHandleCenter(from, zoom), overlay.connecting.to, zoom);
      ctx.setLineDash([]);
    }
  }
  if (overlay.marquee) {
    const m = overlay.marquee;
    ctx.fillStyle = "rgba(245, 158, 11, 0.12)";
    ctx.strokeStyle = SELECTION;
    ctx.lineWidth = 1 / zoom;
    ctx.fillRect(m.x, m.y, m.width, m.height);
    ctx.strokeRect(m.x, m.y, m.width, m.height);
  }
  ctx.restore();
}

/** The sticky stage and lane headers, in screen space over the world, where the editor's camera puts them. */
export function drawHeaders(ctx: CanvasRenderingContext2D, editor: Editor, width: number, height: number): void {
  ctx.save();
  const dpr = devicePixelRatioOf(ctx);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawStickyHeaders(ctx, editor, width, height);
  ctx.restore();
}

function devicePixelRatioOf(ctx: CanvasRenderingContext2D): number {
  return (ctx.canvas as HTMLCanvasElement & { dpr?: number }).dpr ?? 1;
}

function drawGrid(ctx: CanvasRenderingContext2D, editor: Editor, view: Rect): void {
  const grid = editor.grid;
  const right = grid.bounds.width;
  grid.rows.forEach((row, i) => {
    if (row.y > view.y + view.height || row.y + row.height < view.y) return;
    ctx.fillStyle = laneBackground(row.lane.kind, i);
    ctx.fillRect(LANE_HEADER_WIDTH, row.y, right - LANE_HEADER_WIDTH, row.height);
    if (editor.focus?.kind === "lane" && editor.focus.id === row.lane.id) {
      ctx.fillStyle = "rgba(245, 158, 11, 0.10)";
      ctx.fillRect(LANE_HEADER_WIDTH, row.y, right - LANE_HEADER_WIDTH, row.height);
    }
  });
  for (const c of grid.columns) {
    if (editor.focus?.kind === "stage" && editor.focus.id === c.stage.id) {
      ctx.fillStyle = "rgba(245, 158, 11, 0.10)";
      ctx.fillRect(c.x, STAGE_HEADER_HEIGHT, c.width, grid.bounds.height - STAGE_HEADER_HEIGHT);
    }
  }
  ctx.strokeStyle = GRID_LINE;
  ctx.lineWidth = 1 / editor.camera.zoom;
  ctx.beginPath();
  for (const c of grid.columns) {
    ctx.moveTo(c.x + c.width, STAGE_HEADER_HEIGHT);
    ctx.lineTo(c.x + c.width, grid.bounds.height);
  }
  for (const r of grid.rows) {
    ctx.moveTo(LANE_HEADER_WIDTH, r.y + r.height);
    ctx.lineTo(right, r.y + r.height);
  }
  ctx.stroke();
}

function drawStickyHeaders(ctx: CanvasRenderingContext2D, editor: Editor, width: number, height: number): void {
  const cam = editor.camera;
  const grid = editor.grid;
  const band = headerBands(cam);
  const sx = (x: number) => (x - cam.x) * cam.zoom;
  const sy = (y: number) => (y - cam.y) * cam.zoom;
  const right = Math.min(width, sx(grid.bounds.width));
  const bottom = Math.min(height, sy(grid.bounds.height));
  // Whole pixels: while a zoom runs, the names keep their measured widths.
  const fontSize = Math.round(Math.max(10, Math.min(18, 16 * cam.zoom)));
  const headerW = band.width,
    headerH = band.height;

  ctx.save();
  ctx.beginPath();
  ctx.rect(band.left, band.top, right - band.left, headerH);
  ctx.rect(band.left, band.top, headerW, bottom - band.top);
  ctx.clip();
  ctx.fillStyle = HEADER_BG;
  ctx.fillRect(band.left, band.top, right - band.left, headerH);
  ctx.fillRect(band.left, band.top, headerW, bottom - band.top);
  ctx.textBaseline = "middle";
  ctx.font = `600 ${fontSize}px ${FONT}`;
  for (const c of grid.columns) {
    const x0 = Math.max(sx(c.x), band.left + headerW),
      x1 = sx(c.x + c.width);
    if (x1 <= x0 || x0 >= width) continue;
    const focused = editor.focus?.kind === "stage" && editor.focus.id === c.stage.id;
    ctx.fillStyle = focused ? "#b45309" : HEADER_BG;
    ctx.fillRect(x0, band.top, x1 - x0, headerH);
    ctx.fillStyle = HEADER_INK;
    ctx.fillText(ellipsize(ctx, c.stage.name, x1 - x0 - 16), x0 + 8, band.top + headerH / 2);
    ctx.fillStyle = "#475569";
    ctx.fillRect(x1 - 1, band.top + 4, 1, Math.max(0, headerH - 8));
  }
  const laneFont = Math.max(9, fontSize - 2);
  ctx.font = `600 ${laneFont}px ${FONT}`;
  for (const r of grid.rows) {
    const y0 = Math.max(sy(r.y), band.top + headerH),
      y1 = sy(r.y + r.height);
    if (y1 <= y0 || y0 >= height) continue;
    const focused = editor.focus?.kind === "lane" && editor.focus.id === r.lane.id;
    ctx.fillStyle = focused ? "#b45309" : HEADER_BG;
    ctx.fillRect(band.left, y0, headerW, y1 - y0);
    ctx.fillStyle = HEADER_INK;
    const lh = laneFont * 1.2;
    // Centred in the part on screen, as a lane cut off at the top is: a tall lane coming in from
    // the bottom shows its name at once.
    const shown = Math.min(y1, height);
    const legend = r.lane.kind === "thoughtsAndFeelings" ? lineLegend(editor) : [];
    if (legend.length > 0) {
      // Whose line is whose under the lane's name: a swatch of its colour and the persona.
      const small = Math.max(9, laneFont - 2);
      const entry = small * 1.35;
      let y = Math.max(y0 + lh / 2 + 2, (y0 + shown) / 2 - (lh + legend.length * entry) / 2 + lh / 2);
      ctx.fillText(ellipsize(ctx, r.lane.name, headerW - 12), band.left + 6, y);
      ctx.font = `400 ${small}px ${FONT}`;
      for (const { name, colour } of legend) {
        y += entry;
        if (y > shown - small / 2) break;
        ctx.fillStyle = colour;
        ctx.fillRect(band.left + 6, y - 1.5, 14, 3);
        ctx.fillStyle = HEADER_INK;
        ctx.fillText(ellipsize(ctx, name, headerW - 30), band.left + 24, y);
      }
      ctx.font = `600 ${laneFont}px ${FONT}`;
    } else {
      const lines = wrap(ctx, r.lane.name, headerW - 12, Math.max(1, Math.min(3, Math.floor((shown - y0 - 4) / lh))));
      // Kept inside the lane's part on screen: a lane almost scrolled away under the corner
      // pushes its name up with it (as a sticky heading does) rather than letting the corner cut
      // it and its own bottom line cross it; a lane lower than the name clips it.
      const block = lines.length * lh;
      const mid = Math.min(Math.max((y0 + shown) / 2, y0 + block / 2), y1 - block / 2);
      const tight = y1 - y0 < block;
      if (tight) {
        ctx.save();
        ctx.beginPath();
        ctx.rect(band.left, y0, headerW, y1 - y0);
        ctx.clip();
      }
      lines.forEach((line, i) => {
        ctx.fillText(line, band.left + 6, mid + (i - (lines.length - 1) / 2) * lh);
      });
      if (tight) ctx.restore();
    }
    ctx.fillStyle = "#475569";
    ctx.fillRect(band.left + 4, y1 - 1, headerW - 8, 1);
  }
  ctx.fillStyle = "#0b1220";
  ctx.fillRect(band.left, band.top, headerW, headerH);
  ctx.fillStyle = "#94a3b8";
  ctx.font = `600 ${Math.max(9, fontSize - 5)}px ${FONT}`;
  // Two lines where the corner has room for them, one (cut with "…") where it is low.
  const nameLines = Math.max(1, Math.min(2, Math.floor((headerH - 2) / fontSize)));
  const mapName = wrap(ctx, editor.doc.get("map", editor.mapId)?.name ?? "", headerW - 12, nameLines);
  mapName.forEach((line, i) => {
    ctx.fillText(line, band.left + 6, band.top + headerH / 2 + (i - (mapName.length - 1) / 2) * fontSize);
  });
  ctx.restore();
}

function drawCard(
  ctx: CanvasRenderingContext2D,
  editor: Editor,
  t: Touchpoint,
  detailed: boolean,
  selected: boolean,
  zoom: number,
  workshop = false,
): void {
  const color = RELIABILITY_COLOR[t.reliability];
  if (!detailed) {
    ctx.fillStyle = color;
    ctx.fillRect(t.x, t.y, t.width, t.height);
    if (t.momentOfTruth) {
      ctx.fillStyle = STAR;
      ctx.fillRect(t.x + t.width - 28, t.y, 28, 28);
    }
    if (selected) outline(ctx, t, zoom);
    return;
  }
  // A flat offset shadow: blurred canvas shadows cost too much at thousands of cards.
  ctx.fillStyle = "rgba(15, 23, 42, 0.14)";
  roundRect(ctx, t.x + 1, t.y + 2.5, t.width, t.height, 6);
  ctx.fill();
  ctx.fillStyle = "#ffffff";
  roundRect(ctx, t.x, t.y, t.width, t.height, 6);
  ctx.fill();
  ctx.fillStyle = color;
  roundRect(ctx, t.x, t.y, 7, t.height, 3);
  ctx.fill();
  if (t.reliability === "broken") {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    roundRect(ctx, t.x + 0.75, t.y + 0.75, t.width - 1.5, t.height - 1.5, 6);
    ctx.stroke();
  }
  if (editor.editing !== t.id) {
    ctx.fillStyle = INK;
    ctx.textBaseline = "top";
    ctx.font = `600 13px ${FONT}`;
    const picture = pictureOnCard(editor, t.id);
    const pictureRoom = picture ? Math.min(t.height - 32, t.width * 0.34) + 6 : 0;
    const starRoom = (t.momentOfTruth ? 22 : 0) + (openComments(editor, t.id) ? 26 : 0) + pictureRoom;
    // As many title lines as fit above the channel row (three on a card of the usual size, as the
    // PDF and the picture exports draw it).
    const lines = wrap(ctx, t.title, t.width - 24 - starRoom, Math.max(1, Math.floor((t.height - 22) / 16)));
    lines.forEach((line, i) => {
      ctx.fillText(line, t.x + 14, t.y + 8 + i * 16);
    });
    ctx.font = `11px ${FONT}`;
    ctx.fillStyle = MUTED;
    const meta = [t.channel, t.owner].filter(Boolean).join(" · ");
    // Leave room for the redesign badge and the vote count in the bottom-right corner.
    const badgeRoom =
      (runningRedesignOf(editor, t.id) ? 52 : 0) + (detailed && t.votes > 0 ? 2 * (workshop ? WORKSHOP_VOTE_RADIUS : 10) + 6 : 0);
    ctx.fillText(ellipsize(ctx, meta, t.width - 24 - badgeRoom), t.x + 14, t.y + t.height - 18);
  }
  const picture = pictureOnCard(editor, t.id);
  if (picture) {
    // At the card's right, below the star and badge row, whole and in proportion.
    const image = pictureImage(picture);
    // Above the bottom row, where the badges and the channel sit.
    const tall = t.height - 32;
    const side = Math.min(tall, t.width * 0.34);
    const bx = t.x + t.width - side - 6 - (t.momentOfTruth ? 22 : 0),
      by = t.y + 6;
    if (image) {
      const k = Math.min(side / image.width, tall / image.height);
      const w = image.width * k,
        h = image.height * k;
      ctx.drawImage(image, bx + (side - w) / 2, by + (tall - h) / 2, w, h);
    } else {
      ctx.fillStyle = "#e2e8f0";
      ctx.fillRect(bx, by, side, tall);
    }
  }
  if (t.momentOfTruth) star(ctx, t.x + t.width - 14, t.y + 14, 9);
  const said = openComments(editor, t.id);
  if (said) drawCommentBadge(ctx, t.x + t.width - (t.momentOfTruth ? 50 : 28), t.y + 6, said);
  const redesign = runningRedesignOf(editor, t.id);
  let badgeWidth = 0;
  if (redesign) {
    // A badge while a redesign of this touchpoint runs: its current phase, e.g. "↻ 2/5".
    const phase = redesign.phases.findIndex((p) => p.status !== "done") + 1;
    const label = `↻ ${phase}/${redesign.phases.length}`;
    ctx.font = `700 11px ${FONT}`;
    const w = textWidth(ctx, label) + 10;
    badgeWidth = w + 4;
    ctx.fillStyle = "#7c3aed";
    roundRect(ctx, t.x + t.width - w - 4, t.y + t.height - 20, w, 16, 8);
    ctx.fill();
    ctx.fillStyle = "#fff";
    ctx.textBaseline = "middle";
    ctx.fillText(label, t.x + t.width - w + 1, t.y + t.height - 12);
  }
  if (detailed && t.votes > 0) {
    const r = workshop ? WORKSHOP_VOTE_RADIUS : 10;
    // Left of the redesign badge when there is one.
    drawVotes(ctx, t.x + t.width - badgeWidth - r - 4, t.y + t.height - r - 4, t.votes, r, workshop);
  }
  if (selected) outline(ctx, t, zoom);
}

/** Values derived from the document (the open map's emotion line, running redesigns), computed
 * once per document version and map rather than on every frame. */
const derived = new Map<string, { doc: unknown; version: number; mapId: string; value: unknown }>();
function perVersion<T>(editor: Editor, name: string, compute: () => T): T {
  const d = derived.get(name);
  if (d && d.doc === editor.doc && d.version === editor.doc.version && d.mapId === editor.mapId) return d.value as T;
  const value = compute();
  derived.set(name, { doc: editor.doc, version: editor.doc.version, mapId: editor.mapId, value });
  return value;
}

/** The redesign running on a touchpoint, if any. */
function runningRedesignOf(editor: Editor, touchpointId: string) {
  return perVersion(editor, "redesigns", () => {
    const byTouchpoint = new Map<string, import("../bindings/Redesign").Redesign>();
    for (const r of editor.doc.tables.redesign.values()) if (!isFinished(r)) byTouchpoint.set(r.touchpointId, r);
    return byTouchpoint;
  }).get(touchpointId);
}

/** A dot-vote count: a filled circle with the number, centred at (cx, cy). */
function drawVotes(ctx: CanvasRenderingContext2D, cx: number, cy: number, votes: number, r: number, workshop: boolean): void {
  ctx.fillStyle = "#1d4ed8";
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = "#fff";
  ctx.font = `700 ${workshop ? 16 : 11}px ${FONT}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(String(votes), cx, cy + 0.5);
  ctx.textAlign = "start";
}

/** The picture on a card, if it has one. */
export function pictureOnCard(editor: Editor, touchpointId: string) {
  return perVersion(editor, "pictures", () => {
    const byCard = new Map<string, import("../bindings/Picture").Picture>();
    for (const p of editor.doc.tables.picture.values()) byCard.set(p.touchpointId, p);
    return byCard;
  }).get(touchpointId);
}

/** How many comments the open threads on an item hold (cards, notes, opportunities). */
export function openComments(editor: Editor, id: string): number {
  return (
    perVersion(editor, "openComments", () => {
      const counts = new Map<string, number>();
      const open = new Set<string>();
      for (const c of editor.doc.tables.comment.values()) if (!c.parentId && !c.resolved) open.add(c.id);
      for (const c of editor.doc.tables.comment.values())
        if (open.has(c.parentId ?? c.id)) counts.set(c.targetId, (counts.get(c.targetId) ?? 0) + 1);
      return counts;
    }).get(id) ?? 0
  );
}

/** A speech bubble with the number of comments in open threads, its top-left at (x, y). */
function drawCommentBadge(ctx: CanvasRenderingContext2D, x: number, y: number, count: number): void {
  ctx.fillStyle = "#0f766e";
  roundRect(ctx, x, y, 22, 15, 4);
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(x + 5, y + 14);
  ctx.lineTo(x + 5, y + 19);
  ctx.lineTo(x + 10, y + 14);
  ctx.fill();
  ctx.fillStyle = "#fff";
  ctx.font = `700 10px ${FONT}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(count > 99 ? "99+" : String(count), x + 11, y + 8);
  ctx.textAlign = "start";
}

/** Vote dots in workshop mode: big enough to count from the back of a projected room. */
export const WORKSHOP_VOTE_RADIUS = 15;

function drawNote(
  ctx: CanvasRenderingContext2D,
  n: Note,
  detailed: boolean,
  selected: boolean,
  zoom: number,
  workshop: boolean,
  said = 0,
): void {
  ctx.fillStyle = n.color;
  ctx.fillRect(n.x, n.y, n.width, n.height);
  if (detailed) {
    ctx.fillStyle = "#1f2937";
    ctx.textBaseline = "top";
    ctx.font = `13px ${FONT}`;
    const r = workshop ? WORKSHOP_VOTE_RADIUS : 10;
    const byline = n.author ? 14 : 0;
    const lines = wrap(ctx, n.text, n.width - 16 - (n.votes ? 2 * r + 4 : 0), Math.max(1, Math.floor((n.height - 12 - byline) / 16)));
    lines.forEach((line, i) => {
      ctx.fillText(line, n.x + 8, n.y + 8 + i * 16);
    });
    if (n.author) {
      // Who wrote it (a participant of the live room), under the text.
      ctx.fillStyle = "#475569";
      ctx.font = `italic 11px ${FONT}`;
      ctx.textBaseline = "bottom";
      ctx.fillText(`— ${n.author}`, n.x + 8, n.y + n.height - 5, n.width - 16);
    }
    if (n.votes > 0) drawVotes(ctx, n.x + n.width - r - 4, n.y + r + 4, n.votes, r, workshop);
    if (said) drawCommentBadge(ctx, n.x + n.width - 28, n.y + n.height - 24, said);
  }
  if (selected) outline(ctx, n, zoom);
}

function fillBatched<T extends Rect>(ctx: CanvasRenderingContext2D, items: T[], color: (item: T) => string): void {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const c = color(item);
    const g = groups.get(c);
    if (g) g.push(item);
    else groups.set(c, [item]);
  }
  for (const [c, group] of groups) {
    ctx.fillStyle = c;
    ctx.beginPath();
    for (const r of group) ctx.rect(r.x, r.y, r.width, r.height);
    ctx.fill();
  }
}

/**
 * How wide connectors are drawn (canvas units): at least 3 px on a projector (the workshop look);
 * otherwise 1.25 units but never under a pixel, and a line that would be under 1.5 device pixels
 * is drawn one device pixel wide. Skia draws such a line as a hairline, much faster than a
 * stroke of any other width: in WebKitGTK, 568 connectors across a 100 % view took 24 ms at
 * 1.25 px (and at 1.01) and 6.5 ms at 1.
 */
export function connectorWidth(zoom: number, dpr: number, workshop: boolean): number {
  if (workshop) return Math.max(2.5, 3 / zoom);
  const device = Math.max(1, 1.25 * zoom) * dpr;
  // A hair under one pixel: Skia takes the fast path only when the width maps to at most 1.
  return device < 1.5 ? HAIRLINE / (zoom * dpr) : device / (zoom * dpr);
}
const HAIRLINE = 1 - 1e-6;

function drawConnectors(ctx: CanvasRenderingContext2D, editor: Editor, view: Rect, detailed: boolean, workshop: boolean): void {
  const zoom = editor.camera.zoom;
  ctx.lineWidth = connectorWidth(zoom, devicePixelRatioOf(ctx), workshop);
  if (!detailed) {
    // Overview: every visible connector in one stroke, without arrowheads or labels.
    ctx.strokeStyle = CONNECTOR;
    ctx.beginPath();
    const reach = ctx.lineWidth;
    const near = { x: view.x - reach, y: view.y - reach, width: view.width + 2 * reach, height: view.height + 2 * reach };
    for (const c of editor.queryConnectors(near)) {
      const part = clipSegment(...endsOf(c), near);
      if (!part) continue;
      ctx.moveTo(part[0].x, part[0].y);
      ctx.lineTo(part[1].x, part[1].y);
    }
    ctx.stroke();
    for (const id of editor.selection) {
      const c = editor.doc.get("connector", id);
      const ends = c && connectorEnds(editor, c);
      if (!ends) continue;
      ctx.strokeStyle = SELECTION;
      ctx.fillStyle = SELECTION;
      arrow(ctx, ends[0], ends[1], zoom);
    }
    return;
  }
  // Arrowheads reach past the line's box; a long connector's box covers much it does not cross.
  const reach = Math.max(9, 6 / zoom) + ctx.lineWidth;
  const near = { x: view.x - reach, y: view.y - reach, width: view.width + 2 * reach, height: view.height + 2 * reach };
  // Each line cut to what is near the view: Skia strokes a long line whole before clipping it.
  const shown = editor.queryConnectors(near).flatMap((c) => {
    const ends = endsOf(c);
    const part = clipSegment(...ends, near);
    return part ? [{ id: c.id, ends, part }] : [];
  });
  // One stroke for the lines and one fill for the heads of each colour; the selected on top.
  for (const selected of [false, true]) {
    const group = shown.filter((c) => editor.selection.has(c.id) === selected);
    if (group.length === 0) continue;
    ctx.strokeStyle = selected ? SELECTION : CONNECTOR;
    ctx.fillStyle = ctx.strokeStyle;
    ctx.beginPath();
    for (const { part } of group) {
      ctx.moveTo(part[0].x, part[0].y);
      ctx.lineTo(part[1].x, part[1].y);
    }
    ctx.stroke();
    ctx.beginPath();
    for (const { ends } of group) arrowHead(ctx, ...ends, zoom);
    ctx.fill();
  }
}

/** Connector labels, drawn over the cards so that a card at a line's middle does not hide its
 * label. They sit at the middle of the whole line, which may be far from the part in view: they
 * have an index of their own, so a tile that a label reaches into draws it even without the line.
 * Zoomed out to a working view they grow (`labelScreenPx`): a label is a few words a facilitator
 * wants read on the projector. */
function drawConnectorLabels(ctx: CanvasRenderingContext2D, editor: Editor, view: Rect): void {
  ctx.font = `italic ${LABEL_PX}px ${FONT}`;
  const labels = perVersion(editor, "connector labels", () => {
    const items = editor
      .queryConnectors(EVERYWHERE)
      .filter((c) => c.connector.label)
      .map(({ id, connector, ax, ay, bx, by }) => {
        const w = textWidth(ctx, connector.label) + 14;
        return { id, label: connector.label, x: (ax + bx) / 2 - w / 2, y: (ay + by) / 2 - 8, width: w, height: 16 };
      });
    return { index: new SpatialIndex(items), widest: Math.max(0, ...items.map((l) => l.width)) };
  });
  const zoom = editor.camera.zoom;
  const grow = labelScreenPx(zoom) / (LABEL_PX * zoom);
  // A grown label reaches past its box in the index by up to half its growth each way.
  const reach = ((grow - 1) * Math.max(labels.widest, 16)) / 2;
  const near = { x: view.x - reach, y: view.y - reach, width: view.width + 2 * reach, height: view.height + 2 * reach };
  // A pill outlined in the line's colour, its text in italics: over a card it reads as the
  // line's label, not as the card's own text.
  ctx.font = `italic ${LABEL_PX * grow}px ${FONT}`;
  ctx.lineWidth = Math.max(1, 1 / zoom);
  ctx.strokeStyle = CONNECTOR;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (const l of labels.index.query(near)) {
    const cx = l.x + l.width / 2,
      cy = l.y + l.height / 2;
    const w = l.width * grow,
      h = l.height * grow;
    ctx.fillStyle = "rgba(255,255,255,0.95)";
    roundRect(ctx, cx - w / 2, cy - h / 2, w, h, h / 2);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = MUTED;
    ctx.fillText(l.label, cx, cy);
  }
  ctx.textAlign = "start";
}

/** Connector labels' text size (canvas units), and the least it is drawn on screen (pixels) from
 * `LABEL_FULL_ZOOM` up. */
const LABEL_PX = 11;
export const LABEL_MIN_PX = 8;
const LABEL_FULL_ZOOM = 0.6;

/**
 * How tall connector labels are drawn on screen (pixels) at `zoom`: their own size, but from 60 %
 * up never under `LABEL_MIN_PX` (11 px at 60 % would be 6.6), eased in from where labels appear
 * (`TEXT_ZOOM`), so that zooming never makes them jump. Further out they stay small: at an
 * overview they would otherwise cover the cards.
 */
export function labelScreenPx(zoom: number): number {
  const t = Math.min(1, Math.max(0, (zoom - TEXT_ZOOM) / (LABEL_FULL_ZOOM - TEXT_ZOOM)));
  return Math.max(LABEL_PX * zoom, LABEL_MIN_PX * t * t * (3 - 2 * t));
}

function drawEmotion(ctx: CanvasRenderingContext2D, editor: Editor, compareMapId: string | undefined, view: Rect): void {
  const grid = editor.grid;
  const row = emotionRow(grid);
  if (!row) return;
  const zoom = editor.camera.zoom;
  // The neutral line and the scale.
  ctx.strokeStyle = "rgba(124, 58, 237, 0.25)";
  ctx.lineWidth = 1 / zoom;
  ctx.setLineDash([4 / zoom, 4 / zoom]);
  ctx.beginPath();
  const mid = emotionY(row, 0);
  // Only across the view, starting on a whole dash period so the dashes fall where the whole
  // line's would: dashing the full width of a 10,000-card map costs milliseconds per strip.
  const period = 8 / zoom;
  const from = LANE_HEADER_WIDTH + Math.max(0, Math.floor((view.x - LANE_HEADER_WIDTH) / period)) * period;
  const to = Math.min(grid.bounds.width, view.x + view.width + period);
  if (to > from) {
    ctx.moveTo(from, mid);
    ctx.lineTo(to, mid);
  }
  ctx.stroke();
  ctx.setLineDash([]);
  if (compareMapId) {
    const other = mapGrid(editor.doc.stagesOf(compareMapId), editor.doc.lanesOf(compareMapId));
    const points = comparedPoints(grid, other, editor.doc.touchpointsOf(compareMapId));
    curve(ctx, points, "rgba(22, 163, 74, 0.75)", 3 / Math.max(zoom, 0.5), [10 / zoom, 6 / zoom]);
  }
  drawRoomCurve(ctx, roomCurvePoints(grid), zoom);
  const {
    line,
    segments,
    points: all,
  } = perVersion(editor, "emotion", () => {
    const cards = editor.doc.touchpointsOf(editor.mapId);
    const line = emotionCurve(grid, cards);
    // Dots by x (stable), so a view finds its own by bisection.
    const points = emotionPoints(grid, cards)
      .map((p, i) => [p, i] as const)
      .sort((a, b) => a[0].x - b[0].x || a[1] - b[1])
      .map(([p]) => p);
    return { line, segments: curveSegments(line), points };
  });
  // Only the part in view: on a 10,000-card map the line has thousands of pieces.
  const r = 6 / Math.max(zoom, 0.6);
  const wide = 7 / Math.max(zoom, 0.5);
  // Far enough out that the ends of what is drawn (caps rather than joins) stay out of view.
  const margin = 2 * r + 10 * wide;
  const left = view.x - margin,
    right = view.x + view.width + margin;
  // The other personas' lines first, thinner, each in its colour (the legend is in the header).
  for (const other of personaLines(editor)) {
    solidCurve(ctx, other.line, other.segments, left, right, other.colour, 2 / Math.max(zoom, 0.5));
    if (zoom >= TEXT_ZOOM) {
      ctx.fillStyle = other.colour;
      const pr = r * 0.6;
      ctx.beginPath();
      for (const p of other.points.slice(
        firstAtOrAfter(other.points, view.x - 2 * pr),
        firstAtOrAfter(other.points, view.x + view.width + 2 * pr + 1e-9),
      )) {
        ctx.moveTo(p.x + pr, p.y);
        ctx.arc(p.x, p.y, pr, 0, Math.PI * 2);
      }
      ctx.fill();
    }
  }
  solidCurve(ctx, line, segments, left, right, "#ffffff", wide);
  solidCurve(ctx, line, segments, left, right, EMOTION, 3 / Math.max(zoom, 0.5));
  const points = all.slice(firstAtOrAfter(all, view.x - 2 * r), firstAtOrAfter(all, view.x + view.width + 2 * r + 1e-9));
  ctx.strokeStyle = "#fff";
  ctx.lineWidth = 2 / zoom;
  if (zoom < TEXT_ZOOM) {
    // Overview: thousands of dots a few pixels wide, so one path for all rather than one each.
    ctx.beginPath();
    for (const p of points) {
      ctx.moveTo(p.x + r, p.y);
      ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
    }
    ctx.fillStyle = EMOTION;
    ctx.fill();
    ctx.stroke();
  }
  if (zoom >= TEXT_ZOOM) {
    // Stems from each card of a shared column to the curve's point (their mean).
    ctx.save();
    ctx.strokeStyle = EMOTION;
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 1.5 / zoom;
    ctx.beginPath();
    for (const p of points) {
      if (p.x === p.step.x && p.y === p.step.y) continue;
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(p.step.x, p.step.y);
    }
    ctx.stroke();
    ctx.restore();
  }
  for (const p of points) {
    const selected = editor.selection.has(p.touchpoint.id);
    if (zoom < TEXT_ZOOM && !selected) continue;
    ctx.fillStyle = selected ? SELECTION : EMOTION;
    ctx.beginPath();
    ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
}

/** The legend of the emotion lines when a map follows more than one persona: its own line (its
 * persona, or "This map"), then the others in their colours. Empty for a single line. */
export function lineLegend(editor: Editor): Array<{ name: string; colour: string }> {
  const others = personaLines(editor);
  if (others.length === 0) return [];
  const map = editor.doc.get("map", editor.mapId);
  const own = (map?.personaId && editor.doc.get("persona", map.personaId)?.name) || "This map";
  return [{ name: own, colour: EMOTION }, ...others.map((o) => ({ name: o.name, colour: o.colour }))];
}

/** The open map's other personas' lines: name, colour, curve and handles by x. */
export function personaLines(editor: Editor) {
  return perVersion(editor, "personaLines", () => {
    const map = editor.doc.get("map", editor.mapId);
    if (!map || map.otherPersonas.length === 0) return [];
    const grid = editor.grid;
    const cards = editor.doc.touchpointsOf(editor.mapId);
    return map.otherPersonas.map((personaId, i) => {
      const line = emotionCurve(grid, cards, personaId);
      const points = emotionPoints(grid, cards, personaId).sort((a, b) => a.x - b.x);
      return {
        personaId,
        name: editor.doc.get("persona", personaId)?.name ?? "",
        colour: PERSONA_LINE_COLOURS[i] ?? EMOTION,
        line,
        segments: curveSegments(line),
        points,
      };
    });
  });
}

/** The room's curve: the spread between lowest and highest rating shaded, the mean dashed. */
function drawRoomCurve(ctx: CanvasRenderingContext2D, pts: RoomCurvePoint[], zoom: number): void {
  if (pts.length === 0) return;
  const half = 40;
  ctx.fillStyle = ROOM_BAND;
  ctx.beginPath();
  pts.forEach((p, i) => {
    if (i === 0) ctx.moveTo(p.x - half, p.yMax);
    ctx.lineTo(p.x - half, p.yMax);
    ctx.lineTo(p.x + half, p.yMax);
  });
  for (const p of [...pts].reverse()) {
    ctx.lineTo(p.x + half, p.yMin);
    ctx.lineTo(p.x - half, p.yMin);
  }
  ctx.closePath();
  ctx.fill();
  curve(ctx, pts, ROOM_CURVE, 3 / Math.max(zoom, 0.5), [8 / zoom, 5 / zoom]);
  for (const p of pts) {
    ctx.fillStyle = ROOM_CURVE;
    ctx.beginPath();
    ctx.arc(p.x, p.y, 5 / Math.max(zoom, 0.6), 0, Math.PI * 2);
    ctx.fill();
  }
}

/** The pieces of an undashed curve through `pts` (with its `segments`) that reach between `left`
 * and `right`: the same pixels there as the whole curve, since each piece stays between its ends. */
function solidCurve(
  ctx: CanvasRenderingContext2D,
  pts: Point[],
  segments: Segment[],
  left: number,
  right: number,
  color: string,
  width: number,
): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.beginPath();
  // The points run left to right: the first piece ending in reach, then on while they start in it.
  let i = Math.max(0, firstAtOrAfter(pts, left) - 1);
  if (i < segments.length) ctx.moveTo(pts[i]!.x, pts[i]!.y);
  for (; i < segments.length && pts[i]!.x <= right; i++) {
    const s = segments[i]!;
    ctx.bezierCurveTo(s.c1.x, s.c1.y, s.c2.x, s.c2.y, s.to.x, s.to.y);
  }
  ctx.stroke();
}

/** The index of the first of `pts` (sorted by x) at or right of `x`. */
function firstAtOrAfter(pts: Point[], x: number): number {
  let lo = 0,
    hi = pts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pts[mid]!.x < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The curve through `pts` (left to right, never doubling back): see `curveSegments`. */
function curve(ctx: CanvasRenderingContext2D, pts: Point[], color: string, width: number, dash: number[] = []): void {
  if (pts.length < 2) return;
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(pts[0]!.x, pts[0]!.y);
  for (const s of curveSegments(pts)) ctx.bezierCurveTo(s.c1.x, s.c1.y, s.c2.x, s.c2.y, s.to.x, s.to.y);
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawSelectionHandles(ctx: CanvasRenderingContext2D, editor: Editor): void {
  if (editor.selection.size !== 1) return;
  const [id] = editor.selection;
  const item = editor.doc.get("touchpoint", id!) ?? editor.doc.get("note", id!);
  if (!item) return;
  const zoom = editor.camera.zoom;
  const h = resizeHandleRect(item, zoom);
  ctx.fillStyle = "#fff";
  ctx.strokeStyle = SELECTION;
  ctx.lineWidth = 1.5 / zoom;
  ctx.fillRect(h.x, h.y, h.width, h.height);
  ctx.strokeRect(h.x, h.y, h.width, h.height);
  if (editor.doc.get("touchpoint", item.id)) {
    const c = connectHandleCenter(item, zoom);
    ctx.beginPath();
    ctx.arc(c.x, c.y, 6 / zoom, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
}

/** How far a selected item's ring may reach past it, in canvas units: half the least gap between
 * two cards placed one under the other (`freeSpot`), so the ring never meets the next card. */
export const RING_REACH = 2;

/** A selected item's ring, 2.5 px wide: a little apart from the item when zoomed in, hugging its
 * edge (partly over it) when zoomed out, never reaching more than `RING_REACH` past it. */
function outline(ctx: CanvasRenderingContext2D, r: Rect, zoom: number): void {
  ctx.strokeStyle = SELECTION;
  ctx.lineWidth = 2.5 / zoom;
  const reach = Math.min(4.25 / zoom, RING_REACH);
  const d = reach - ctx.lineWidth / 2;
  ctx.strokeRect(r.x - d, r.y - d, r.width + 2 * d, r.height + 2 * d);
}

function arrow(ctx: CanvasRenderingContext2D, a: Point, b: Point, zoom: number): void {
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.stroke();
  ctx.beginPath();
  arrowHead(ctx, a, b, zoom);
  ctx.fill();
}

/** Adds the head of an arrow from `a` to `b` to the current path. */
function arrowHead(ctx: CanvasRenderingContext2D, a: Point, b: Point, zoom: number): void {
  const angle = Math.atan2(b.y - a.y, b.x - a.x);
  const s = Math.max(9, 6 / zoom);
  ctx.moveTo(b.x, b.y);
  ctx.lineTo(b.x - s * Math.cos(angle - 0.4), b.y - s * Math.sin(angle - 0.4));
  ctx.lineTo(b.x - s * Math.cos(angle + 0.4), b.y - s * Math.sin(angle + 0.4));
  ctx.closePath();
}

function star(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number): void {
  ctx.fillStyle = STAR;
  ctx.strokeStyle = "#92400e";
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const rad = i % 2 === 0 ? r : r * 0.45;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    ctx.lineTo(cx + rad * Math.cos(a), cy + rad * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** Laid-out text by font, width, line count and text: measuring text is the dearest part of
 * drawing a card, and a card's text rarely changes between frames. */
const layouts = new Map<string, string[]>();
const MAX_LAYOUTS = 20_000;

/** Measured widths by font and text: WebKit shapes the text on every `measureText`. */
const widths = new Map<string, number>();

function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  const key = `${ctx.font}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size >= MAX_LAYOUTS) widths.clear();
    w = ctx.measureText(text).width;
    widths.set(key, w);
  }
  return w;
}

/** Greedy word wrap into at most `maxLines`, the last line ellipsized (remembered). */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
  const key = `${ctx.font}|${width}|${maxLines}|${text}`;
  const known = layouts.get(key);
  if (known) return known;
  if (layouts.size >= MAX_LAYOUTS) layouts.clear();
  const lines = wrapText(ctx, text, width, maxLines);
  layouts.set(key, lines);
  return lines;
}

function wrapText(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (textWidth(ctx, next) <= width || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      lines[maxLines - 1] = ellipsize(ctx, `${lines[maxLines - 1]} ${words.slice(i).join(" ")}`, width);
      return lines;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) lines.length = maxLines;
  return lines.map((l) => ellipsize(ctx, l, width));
}

/** `text` cut to `width` with an ellipsis (remembered like `wrap`). */
export function ellipsize(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  const key = `${ctx.font}|${width}|…|${text}`;
  const known = layouts.get(key);
  if (known) return known[0]!;
  if (layouts.size >= MAX_LAYOUTS) layouts.clear();
  const cut = ellipsizeText(ctx, text, width);
  layouts.set(key, [cut]);
  return cut;
}

function ellipsizeText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (textWidth(ctx, text) <= width) return text;
  let lo = 0,
    hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(ctx, `${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? `${text.slice(0, lo)}…` : "";
}
