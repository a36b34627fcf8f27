import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { actualSize, nextZoom, presentationZoom, ZOOM_STEPS, zoomIn, zoomOut, zoomToFit } from "./zoom";

it("zoom steps stop at the usual zooms from wherever the view is, 100 % among them", () => {
  expect(nextZoom(0.41, 1)).toBe(0.5);
  expect(nextZoom(0.5, 1)).toBe(0.67);
  expect(nextZoom(0.79, 1)).toBe(1);
  expect(nextZoom(0.99, -1)).toBe(0.75);
  expect(nextZoom(1.0004, -1)).toBe(0.75);
  expect(nextZoom(ZOOM_STEPS.at(-1)!, 1)).toBe(ZOOM_STEPS.at(-1));
  expect(nextZoom(ZOOM_STEPS[0]!, -1)).toBe(ZOOM_STEPS[0]);
});

it("zoom in and out step around the middle of the view; Ctrl+1 is 100 %", async () => {
  const { editor } = await sampleEditor();
  editor.zoomToFit();
  const middle = () => ({
    x: editor.camera.x + editor.viewport.width / 2 / editor.camera.zoom,
    y: editor.camera.y + editor.viewport.height / 2 / editor.camera.zoom,
  });
  const before = middle();
  let steps = 0;
  while (editor.camera.zoom < 1 && steps++ < 20) zoomIn.perform(editor);
  expect(editor.camera.zoom).toBe(1);
  expect(middle().x).toBeCloseTo(before.x);
  zoomOut.perform(editor);
  expect(editor.camera.zoom).toBe(0.75);
  actualSize.perform(editor);
  expect(editor.camera.zoom).toBe(1);
  expect(actualSize.keys).toContain("mod+1");
});

it("the zoom commands act on the map only, not in the table or another view", async () => {
  const { editor } = await sampleEditor();
  for (const action of [zoomIn, zoomOut, actualSize, zoomToFit, presentationZoom]) {
    editor.page = undefined;
    expect(action.enabled?.(editor), action.name).toBe(true);
    editor.page = "map";
    expect(action.enabled?.(editor), action.name).toBe(true);
    editor.page = "table";
    expect(action.enabled?.(editor), action.name).toBe(false);
  }
});
