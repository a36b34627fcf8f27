import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { headerBands } from "../geometry/camera";
import { drawHeaders } from "./scene";

/** A 2D context that records the text drawn and where, and measures 7 px a character. */
function recording() {
  const texts: Array<{ text: string; x: number; y: number }> = [];
  const clips: number[] = [];
  const ctx = new Proxy(
    {
      canvas: { dpr: 1, width: 1400, height: 900 },
      fillText: (text: string, x: number, y: number) => texts.push({ text, x, y }),
      measureText: (text: string) => ({ width: text.length * 7 }),
      clip: () => clips.push(1),
    } as Record<string | symbol, unknown>,
    {
      get: (target, key) => (key in target ? target[key] : () => undefined),
      set: (target, key, value) => {
        target[key] = value;
        return true;
      },
    },
  ) as unknown as CanvasRenderingContext2D;
  return { ctx, texts };
}

it("a lane almost scrolled away keeps its name inside its part on screen", async () => {
  const { editor } = await sampleEditor();
  const zoom = 1;
  const row = editor.grid.rows.find((r) => r.lane.kind !== "thoughtsAndFeelings" && r.height > 100)!;
  // Scrolled so that only the lane's last 12 px show under the sticky stage headers.
  const band = headerBands({ x: 0, y: 1000, zoom });
  const visible = 12;
  const y = row.y + row.height - (band.height + visible) / zoom;
  editor.setCamera({ x: 0, y, zoom });
  const bottom = (row.y + row.height - y) * zoom;
  const { ctx, texts } = recording();
  drawHeaders(ctx, editor, 1400, 900);
  const name = texts.find((t) => row.lane.name.startsWith(t.text.replace("…", "")));
  expect(name, "the lane's name is drawn").toBeDefined();
  // The text's middle line sits half a line above the lane's bottom edge, not across it.
  expect(name!.y).toBeLessThanOrEqual(bottom - (14 * 1.2) / 2 + 0.01);

  // Fully in view, the name is centred in the lane as before.
  editor.setCamera({ x: 0, y: row.y - 300, zoom });
  const whole = recording();
  drawHeaders(whole.ctx, editor, 1400, 900);
  const centred = whole.texts.find((t) => row.lane.name.startsWith(t.text.replace("…", "")));
  const top = (row.y - (row.y - 300)) * zoom;
  expect(centred!.y).toBeCloseTo(top + (row.height * zoom) / 2, 0);
});

it("the map's name in the corner takes one line where the corner is low", async () => {
  const { editor } = await sampleEditor();
  const name = editor.doc.get("map", editor.mapId)!.name;
  for (const zoom of [0.2, 1]) {
    editor.setCamera({ x: 0, y: 0, zoom });
    const band = headerBands(editor.camera);
    const { ctx, texts } = recording();
    drawHeaders(ctx, editor, 1400, 900);
    // The corner's texts: inside it, left of the stage headers.
    const lines = texts.filter((t) => t.x < band.left + band.width && t.y >= band.top && t.y <= band.top + band.height);
    expect(name.startsWith(lines[0]!.text.replace("…", "")), lines[0]!.text).toBe(true);
    const fontSize = Math.round(Math.max(10, Math.min(18, 16 * zoom)));
    const room = Math.floor((band.height - 2) / fontSize);
    expect(lines.length, `zoom ${zoom}: ${JSON.stringify(lines)}`).toBeLessThanOrEqual(Math.max(1, Math.min(2, room)));
    for (const l of lines) {
      expect(l.y - fontSize / 2).toBeGreaterThanOrEqual(band.top - 1);
      expect(l.y + fontSize / 2).toBeLessThanOrEqual(band.top + band.height + 1);
    }
  }
});
