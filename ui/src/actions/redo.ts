// Redo the last undone edit.

import type { Action } from "./types";

export const redo: Action = {
  name: "redo",
  label: "Redo",
  keys: ["shift+mod+z", "mod+y"],
  enabled: (e) => e.history.canRedo,
  perform: (e) => void e.redo(),
};
