import { describe, expect, it } from "vitest";
import { editField } from "../actions/editField";
import { sampleEditor } from "../editor/testing";
import { SELECTION } from "./palette";
import { connectorWidth, drawWorld, LABEL_MIN_PX, labelScreenPx, RING_REACH, TEXT_ZOOM } from "./scene";

/** A 2D context that draws nothing and records the text it was asked to write, in order. */
function recordingContext(width: number, height: number) {
  const texts: string[] = [];
  const fonts: string[] = [];
  const rings: { x: number; y: number; width: number; height: number; lineWidth: number }[] = [];
  const canvas = { width, height };
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get(target, key) {
      if (key === "canvas") return canvas;
      if (key === "fillText")
        return (text: string) => {
          texts.push(text);
          fonts.push(String(target.font));
        };
      if (key === "strokeRect")
        return (x: number, y: number, width: number, height: number) => {
          if (target.strokeStyle === SELECTION) rings.push({ x, y, width, height, lineWidth: Number(target.lineWidth) });
        };
      if (key === "measureText") return (text: string) => ({ width: text.length * 6 });
      if (key === "createLinearGradient" || key === "createPattern")
        return () => ({ addColorStop: () => undefined, setTransform: () => undefined });
      if (key === "getLineDash") return () => [];
      if (key in target) return target[key];
      return () => undefined;
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts, fonts, rings };
}

it("a selected card is drawn over the cards it lies across", async () => {
  const { editor } = await sampleEditor();
  const [first, second] = editor.doc.touchpointsOf(editor.mapId);
  // The first card (drawn first in the document's order) dropped onto the second.
  editField(editor, "touchpoint", first!.id, { x: second!.x + 20, y: second!.y + 10 }, "Move");
  editor.camera = { x: second!.x - 100, y: second!.y - 100, zoom: 1 };
  const draw = () => {
    const { ctx, texts } = recordingContext(800, 600);
    drawWorld(ctx, editor, editor.camera, { x: 0, y: 0, width: 800, height: 600 });
    return texts;
  };
  // A title may be wrapped: its first line is where the card's text begins.
  const at = (texts: string[], title: string) => texts.findIndex((t) => t.length > 0 && title.startsWith(t.replace(/…$/, "")));
  const order = (texts: string[]) => [at(texts, first!.title), at(texts, second!.title)];
  editor.select([]);
  const [a, b] = order(draw());
  expect(a).toBeGreaterThanOrEqual(0);
  expect(a).toBeLessThan(b!);
  editor.select([first!.id]);
  const [c, d] = order(draw());
  expect(c).toBeGreaterThan(d!);
});

it("a selected card's ring never reaches the card placed under it, at any zoom", async () => {
  const { editor } = await sampleEditor();
  const card = editor.doc.touchpointsOf(editor.mapId)[0]!;
  editor.select([card.id]);
  for (const zoom of [0.25, 0.5, 0.8, 1, 1.5, 3]) {
    editor.camera = { x: card.x - 40, y: card.y - 40, zoom };
    const { ctx, rings } = recordingContext(800, 600);
    drawWorld(ctx, editor, editor.camera, { x: 0, y: 0, width: 800, height: 600 });
    const ring = rings.find((r) => Math.abs(r.x + r.width / 2 - (card.x + card.width / 2)) < 1e-9 && r.width >= card.width - 10);
    expect(ring, `zoom ${zoom}`).toBeDefined();
    const outer = card.x - (ring!.x - ring!.lineWidth / 2);
    // Cards placed one under another are 4 units apart: the ring stays in its half of the gap,
    // and still shows outside the card's edge.
    expect(outer, `zoom ${zoom}`).toBeLessThanOrEqual(RING_REACH + 1e-9);
    expect(outer, `zoom ${zoom}`).toBeGreaterThan(0);
    expect(ring!.lineWidth * zoom).toBeCloseTo(2.5);
  }
});

describe("connectorWidth", () => {
  const device = (zoom: number, dpr: number, workshop = false) => connectorWidth(zoom, dpr, workshop) * zoom * dpr;
  it("draws a line under 1.5 device pixels as a hairline, at most one pixel wide", () => {
    for (const zoom of [0.05, 0.5, 0.8, 1, 1.1, 1.19]) {
      expect(device(zoom, 1)).toBeLessThanOrEqual(1);
      expect(device(zoom, 1)).toBeGreaterThan(0.999);
    }
  });
  it("keeps 1.25 units once that is wider, and on dense screens", () => {
    expect(device(2, 1)).toBeCloseTo(2.5);
    expect(device(1, 2)).toBeCloseTo(2.5);
    expect(device(0.5, 2)).toBeCloseTo(2);
  });
  it("keeps connectors at least 3 px wide on a projector", () => {
    expect(device(1, 1, true)).toBeCloseTo(3);
    expect(device(4, 1, true)).toBeCloseTo(10);
  });
});

it("a connector's label is drawn over a card lying at the line's middle", async () => {
  const { editor } = await sampleEditor();
  const connector = editor.doc.connectorsOf(editor.mapId)[0]!;
  editField(editor, "connector", connector.id, { label: "hands over to" }, "Label");
  const from = editor.doc.get("touchpoint", connector.fromId)!;
  const to = editor.doc.get("touchpoint", connector.toId)!;
  const middle = { x: (from.x + from.width / 2 + to.x + to.width / 2) / 2, y: (from.y + from.height / 2 + to.y + to.height / 2) / 2 };
  const other = editor.doc.touchpointsOf(editor.mapId).find((t) => t.id !== from.id && t.id !== to.id)!;
  editField(editor, "touchpoint", other.id, { x: middle.x - other.width / 2, y: middle.y - other.height / 2 }, "Move");
  editor.camera = { x: middle.x - 400, y: middle.y - 300, zoom: 1 };
  const { ctx, texts } = recordingContext(800, 600);
  drawWorld(ctx, editor, editor.camera, { x: 0, y: 0, width: 800, height: 600 });
  const title = texts.findIndex((t) => t.length > 0 && other.title.startsWith(t.replace(/…$/, "")));
  expect(title).toBeGreaterThanOrEqual(0);
  expect(texts.indexOf("hands over to")).toBeGreaterThan(title);
});

it("zoomed out, connector labels grow so they stay readable on screen", async () => {
  const { editor } = await sampleEditor();
  const connector = editor.doc.connectorsOf(editor.mapId)[0]!;
  editField(editor, "connector", connector.id, { label: "hands over to" }, "Label");
  const from = editor.doc.get("touchpoint", connector.fromId)!;
  const size = (zoom: number) => {
    editor.camera = { x: from.x - 200 / zoom, y: from.y - 200 / zoom, zoom };
    const { ctx, texts, fonts } = recordingContext(800, 600);
    drawWorld(ctx, editor, editor.camera, { x: 0, y: 0, width: 800, height: 600 });
    const at = texts.indexOf("hands over to");
    expect(at).toBeGreaterThanOrEqual(0);
    return Number(/([\d.]+)px/.exec(fonts[at]!)![1]);
  };
  expect(size(1)).toBe(11);
  // At 60 % a label is drawn at least LABEL_MIN_PX tall on screen; at an overview its own size.
  expect(size(0.6) * 0.6).toBeGreaterThanOrEqual(LABEL_MIN_PX);
  expect(size(0.4)).toBeCloseTo(11, 0);
  // Zooming out never makes labels jump: their screen size only shrinks, and by small steps.
  for (let z = 1; z > TEXT_ZOOM; z -= 0.01) {
    expect(labelScreenPx(z - 0.01)).toBeLessThanOrEqual(labelScreenPx(z) + 1e-9);
    expect(labelScreenPx(z) - labelScreenPx(z - 0.01)).toBeLessThan(0.6);
  }
});

it("a selected note is drawn over a card lying on it, so Find shows what it found", async () => {
  const { editor } = await sampleEditor();
  const card = editor.doc.touchpointsOf(editor.mapId)[0]!;
  const note = editor.doc.notesOf(editor.mapId)[0]!;
  editField(editor, "note", note.id, { x: card.x + 10, y: card.y + 10, text: "Hidden remark" }, "Move");
  editor.camera = { x: card.x - 100, y: card.y - 100, zoom: 1 };
  const draw = () => {
    const { ctx, texts } = recordingContext(800, 600);
    drawWorld(ctx, editor, editor.camera, { x: 0, y: 0, width: 800, height: 600 });
    const title = texts.findIndex((t) => t.length > 0 && card.title.startsWith(t.replace(/…$/, "")));
    return [title, texts.findIndex((t) => t.startsWith("Hidden"))];
  };
  editor.select([]);
  const [title, remark] = draw();
  expect(remark).toBeGreaterThanOrEqual(0);
  expect(remark).toBeLessThan(title!);
  editor.select([note.id]);
  const [title2, remark2] = draw();
  expect(remark2).toBeGreaterThan(title2!);
});
