// Mark the selected touchpoints as moments of truth, or unmark them if all already are.

import { recordOf } from "../model/doc";
import type { Action } from "./types";

export const toggleMomentOfTruth: Action = {
  name: "toggleMomentOfTruth",
  label: "Toggle moment of truth",
  keys: ["m"],
  enabled: (e) => e.selectedTouchpoints().length > 0,
  pressed: (e) => {
    const cards = e.selectedTouchpoints();
    return cards.length > 0 && cards.every((t) => t.momentOfTruth);
  },
  perform: (e) => {
    const cards = e.selectedTouchpoints();
    const mark = cards.some((t) => !t.momentOfTruth);
    e.commit(
      { put: cards.map((t) => recordOf("touchpoint", { ...t, momentOfTruth: mark })), delete: [] },
      mark ? "Mark moment of truth" : "Unmark moment of truth",
    );
  },
};
