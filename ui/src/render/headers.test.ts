import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { headerBands } from "../geometry/camera";
import { drawHeaders } from "./scene";

/** A 2D context that records the text drawn and where, and measures 7 px a character. */
function recording() {
  const texts: Array<{ text: string; y: number }> = [];
  const clips: number[] = [];
  const ctx = new Proxy(
    {
      canvas: { dpr: 1, width: 1400, height: 900 },
      fillText: (text: string, _x: number, y: number) => texts.push({ text, y }),
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
