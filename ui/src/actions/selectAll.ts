// Select every card and note of the current map.

import type { Action } from "./types";

export const selectAll: Action = {
  name: "selectAll",
  label: "Select all",
  keys: ["mod+a"],
  perform: (e) => e.select([...e.doc.touchpointsOf(e.mapId), ...e.doc.notesOf(e.mapId)].map((i) => i.id)),
};
