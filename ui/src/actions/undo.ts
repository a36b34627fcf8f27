// Undo the last edit (one gesture is one step).

import type { Action } from "./types";

export const undo: Action = {
  name: "undo",
  label: "Undo",
  keys: ["mod+z"],
  enabled: (e) => e.history.canUndo,
  perform: (e) => void e.undo(),
};
