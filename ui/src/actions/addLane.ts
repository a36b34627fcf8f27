// Add a lane row below the focused lane (or at the bottom), moving lower cards down.

import type { LaneKind } from "../bindings/LaneKind";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import { deletion, takenAlong } from "../model/ops";
import { shiftAfter } from "../editor/arrange";
import { squash } from "../model/changes";
import { LANE_HEIGHT } from "../geometry/layout";
import type { Editor } from "../editor/editor";
import type { Action } from "./types";

export const LANE_NAMES: Record<LaneKind, string> = {
  customerActions: "Customer actions",
  touchpoints: "Touchpoints",
  frontstage: "Frontstage",
  backstage: "Backstage",
  supportSystems: "Support systems",
  thoughtsAndFeelings: "Thoughts & feelings",
  painPoints: "Pain points",
  opportunities: "Opportunities",
  custom: "Custom lane",
};

export function addLaneAfter(editor: Editor, afterId?: string, kind: LaneKind = "custom"): string {
  const lanes = editor.doc.lanesOf(editor.mapId);
  const index = afterId ? lanes.findIndex((l) => l.id === afterId) : lanes.length - 1;
  const row = editor.grid.rows[index];
  const at = row ? row.y + row.height : editor.grid.bounds.height;
  const id = newId();
  const lane = { id, mapId: editor.mapId, name: LANE_NAMES[kind], kind, position: 0, height: LANE_HEIGHT };
  const ordered = [...lanes.slice(0, index + 1), lane, ...lanes.slice(index + 1)];
  const put = ordered
    .map((l, position) => ({ ...l, position }))
    .filter((l) => l.id === id || editor.doc.get("lane", l.id)?.position !== l.position)
    .map((l) => recordOf("lane", l));
  const fitted = editor.isFitted();
  editor.commit(squash({ put, delete: [] }, shiftAfter(editor.doc, editor.mapId, "y", at, LANE_HEIGHT)), "Add lane");
  editor.setFocus("lane", id);
  const added = editor.grid.rows.find((r) => r.lane.id === id);
  // Bring the new lane into view, header and all, without moving sideways: the place given
  // across is the middle of the view, clear of the sticky lane headers over its left edge.
  const middle = editor.camera.x + editor.viewport.width / editor.camera.zoom / 2;
  if (added) editor.showAdded({ x: middle, y: added.y, width: 1, height: added.height }, fitted);
  editor.editing = id;
  return id;
}

export const addLane: Action = {
  name: "addLane",
  label: "Add lane",
  keys: ["shift+l"],
  enabled: (e) => e.mapId !== "",
  perform: (e) => void addLaneAfter(e, e.focus?.kind === "lane" ? e.focus.id : undefined),
};

/** Deleting a lane closes the gap it leaves. */
export function deleteLane(editor: Editor, laneId: string): Promise<void> {
  return editor.withFeedback(() => {
    const row = editor.grid.rows.find((r) => r.lane.id === laneId);
    if (!row) return;
    const removal = deletion(editor.doc, [{ kind: "lane", id: laneId }]);
    const shift = shiftAfter(editor.doc, editor.mapId, "y", row.y + row.height, -row.height);
    // The removal goes last so that its deletions win over any shift of the same records.
    const along = takenAlong(removal);
    editor.commit(squash(shift, removal), `Delete lane “${row.lane.name}”${along ? ` with ${along}` : ""}`);
  });
}
