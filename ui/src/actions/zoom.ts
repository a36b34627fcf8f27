// View commands: zoom in and out around the centre of the window, and zoom to fit the map.
// They change the camera only, never the document, so they are not undo steps.

import { PRESENTATION_ZOOM, zoomAt } from "../geometry/camera";
import type { Editor } from "../editor/editor";
import type { Action } from "./types";

const around = (e: Editor, factor: number) => e.setCamera(zoomAt(e.camera, { x: e.viewport.width / 2, y: e.viewport.height / 2 }, factor));

export const zoomIn: Action = {
  name: "zoomIn",
  label: "Zoom in",
  keys: ["mod+=", "mod++", "shift+mod++", "=", "+", "shift++"],
  perform: (e) => around(e, 1.25),
};
export const zoomOut: Action = { name: "zoomOut", label: "Zoom out", keys: ["mod+-", "-"], perform: (e) => around(e, 0.8) };
export const zoomToFit: Action = { name: "zoomToFit", label: "Zoom to fit", keys: ["mod+0", "shift+1"], perform: (e) => e.zoomToFit() };

/**
 * The zoom for a projector: card titles at least 14 px, around the selection (or the middle of
 * the window). From there, pan with Space-drag; the whole map no longer fits, but it can be read.
 */
export const presentationZoom: Action = {
  name: "presentationZoom",
  label: "Presentation zoom",
  keys: ["shift+2"],
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
