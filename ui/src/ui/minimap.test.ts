import { expect, it } from "vitest";
import { viewFrame } from "./minimap";

it("the view's frame stays on the minimap, whole, wherever the view is", () => {
  // Inside: as it is.
  expect(viewFrame(40, 30, 60, 40)).toEqual([40, 30, 60, 40]);
  // Reaching past the left and top: cut at the edge, its far sides kept.
  expect(viewFrame(-50, -20, 100, 60)).toEqual([2, 2, 48, 38]);
  // A view larger than the map: the whole minimap, inside its border.
  expect(viewFrame(-100, -100, 500, 400)).toEqual([2, 2, 216, 126]);
  // Far off to the right: a small frame at the edge, never a sliver or nothing.
  const [x, y, w, h] = viewFrame(400, 50, 60, 40);
  expect(x + w).toBeLessThanOrEqual(218);
  expect(w).toBeGreaterThanOrEqual(4);
  expect([y, h]).toEqual([50, 40]);
});
