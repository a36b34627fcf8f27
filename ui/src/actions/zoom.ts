// View commands: zoom in and out around the centre of the window, and zoom to fit the map.
// They change the camera only, never the document, so they are not undo steps.

import { zoomAt } from "../geometry/camera";
import type { Editor } from "../editor/editor";
import type { Action } from "./types";

const around = (e: Editor, factor: number) =>
  e.setCamera(zoomAt(e.camera, { x: e.viewport.width / 2, y: e.viewport.height / 2 }, factor));

export const zoomIn: Action = { name: "zoomIn", label: "Zoom in", keys: ["mod+=", "mod++", "="], perform: (e) => around(e, 1.25) };
export const zoomOut: Action = { name: "zoomOut", label: "Zoom out", keys: ["mod+-", "-"], perform: (e) => around(e, 0.8) };
export const zoomToFit: Action = { name: "zoomToFit", label: "Zoom to fit", keys: ["shift+1", "mod+0"], perform: (e) => e.zoomToFit() };
