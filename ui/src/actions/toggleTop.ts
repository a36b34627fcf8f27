// Choose the selected touchpoints as ones that matter most (the dashboard's top touchpoints), or
// drop them from the list if all already are. The list is capped at 15, as the seeds advise.

import { MAX_TOP_TOUCHPOINTS } from "../model/doc";
import type { Editor } from "../editor/editor";
import type { Action } from "./types";

/** The top list with `ids` added at the end (in order) or removed; undefined if over the cap. */
export function toggledTop(current: string[], ids: string[]): string[] | undefined {
  const adding = ids.some((id) => !current.includes(id));
  if (!adding) return current.filter((id) => !ids.includes(id));
  const next = [...current, ...ids.filter((id) => !current.includes(id))];
  return next.length > MAX_TOP_TOUCHPOINTS ? undefined : next;
}

export function setTop(e: Editor, next: string[], label: string): void {
  if (JSON.stringify(next) === JSON.stringify(e.doc.topTouchpoints)) return;
  e.commit({ put: [{ kind: "topTouchpoints", record: next }], delete: [] }, label);
}

export const toggleTop: Action = {
  name: "toggleTop",
  label: "Top touchpoint",
  keys: ["shift+t"],
  enabled: (e) => {
    const ids = e.selectedTouchpoints().map((t) => t.id);
    return ids.length > 0 && toggledTop(e.doc.topTouchpoints, ids) !== undefined;
  },
  perform: (e) => {
    const ids = e.selectedTouchpoints().map((t) => t.id);
    const next = toggledTop(e.doc.topTouchpoints, ids);
    if (!next) return;
    setTop(e, next, next.length > e.doc.topTouchpoints.length ? "Add to top touchpoints" : "Remove from top touchpoints");
  },
};

/** Moves a top touchpoint up (−1) or down (+1) the ranking. */
export function moveTop(e: Editor, id: string, by: -1 | 1): void {
  const list = [...e.doc.topTouchpoints];
  const i = list.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= list.length) return;
  [list[i], list[j]] = [list[j]!, list[i]!];
  setTop(e, list, "Reorder top touchpoints");
}
