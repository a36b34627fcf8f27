// View commands: zoom in and out around the centre of the window, to 100 %, and to fit the
// map. They change the camera only, never the document, so they are not undo steps.

import { MAX_ZOOM, MIN_ZOOM, PRESENTATION_ZOOM, zoomAt } from "../geometry/camera";
import type { Editor } from "../editor/editor";
import type { Action } from "./types";

/** The zooms the zoom steps stop at, as in other editors: from any zoom (a fit, a wheel), one
 * step reaches the next of these, so 100 % is always a few steps away. */
export const ZOOM_STEPS = [MIN_ZOOM, 0.05, 0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, MAX_ZOOM];

/** The next step above (`direction` 1) or below (-1) `zoom`; the last one when none is left. */
export function nextZoom(zoom: number, direction: 1 | -1): number {
  const near = 1e-3;
  if (direction > 0) return ZOOM_STEPS.find((z) => z > zoom * (1 + near)) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((z) => z < zoom * (1 - near)) ?? MIN_ZOOM;
}

/** The camera is the map's: in the table or another view, zooming would change nothing seen. */
export const onMap = (e: Editor): boolean => (e.page ?? "map") === "map";

const around = (e: Editor, zoom: number) =>
  e.setCamera(zoomAt(e.camera, { x: e.viewport.width / 2, y: e.viewport.height / 2 }, zoom / e.camera.zoom));

export const zoomIn: Action = {
  name: "zoomIn",
  label: "Zoom in",
  keys: ["mod+=", "mod++", "shift+mod++", "=", "+", "shift++"],
  enabled: onMap,
  perform: (e) => around(e, nextZoom(e.camera.zoom, 1)),
};
export const zoomOut: Action = {
  name: "zoomOut",
  label: "Zoom out",
  keys: ["mod+-", "-"],
  enabled: onMap,
  perform: (e) => around(e, nextZoom(e.camera.zoom, -1)),
};
export const actualSize: Action = {
  name: "actualSize",
  label: "Actual size (100 %)",
  keys: ["mod+1"],
  enabled: onMap,
  perform: (e) => around(e, 1),
};
export const zoomToFit: Action = {
  name: "zoomToFit",
  label: "Zoom to fit",
  keys: ["mod+0", "shift+1"],
  enabled: onMap,
  perform: (e) => e.zoomToFit(),
};

/**
 * The zoom for a projector: card titles at least 14 px, around the selection (or the middle of
 * the window). From there, pan with Space-drag; the whole map no longer fits, but it can be read.
 */
export const presentationZoom: Action = {
  name: "presentationZoom",
  label: "Presentation zoom",
  keys: ["shift+2"],
  enabled: onMap,
  perform: (e) => {
    const [first] = [...e.selectedTouchpoints(), ...e.selectedNotes()];
    const anchor = first
      ? { x: (first.x + first.width / 2 - e.camera.x) * e.camera.zoom, y: (first.y + first.height / 2 - e.camera.y) * e.camera.zoom }
      : { x: e.viewport.width / 2, y: e.viewport.height / 2 };
    const zoomed = zoomAt(e.camera, anchor, PRESENTATION_ZOOM / e.camera.zoom);
    // Bring the anchor to the middle of the window.
    e.setCamera({
      ...zoomed,
      x: zoomed.x + (anchor.x - e.viewport.width / 2) / zoomed.zoom,
      y: zoomed.y + (anchor.y - e.viewport.height / 2) / zoomed.zoom,
    });
  },
};
