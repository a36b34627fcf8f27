// Add a touchpoint card to the cell the facilitator is working in, then edit its title.

import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import { CARD_HEIGHT, CARD_WIDTH } from "../geometry/layout";
import type { Editor } from "../editor/editor";
import { placeIn, targetCell } from "./placement";
import { emptyChanges, squash } from "../model/changes";
import type { Action } from "./types";

export function addTouchpointAt(editor: Editor, at?: { x: number; y: number }): string | undefined {
  const cell = at
    ? (() => {
        const c = editor.grid.columns.find((c) => at.x >= c.x && at.x < c.x + c.width);
        const r = editor.grid.rows.find((r) => at.y >= r.y && at.y < r.y + r.height);
        return c && r ? { column: c, row: r } : undefined;
      })()
    : targetCell(editor, "touchpoints");
  if (!cell) return undefined;
  const { spot, room } = at
    ? // Whole units, as every other way of placing a card gives (a pointer at 37 % zoom is not).
      { spot: { x: Math.round(at.x - CARD_WIDTH / 2), y: Math.round(at.y - CARD_HEIGHT / 2) }, room: emptyChanges() }
    : placeIn(editor, cell, CARD_WIDTH, CARD_HEIGHT);
  const id = newId();
  const fitted = editor.isFitted();
  editor.commit(
    squash(room, {
      put: [
        recordOf("touchpoint", {
          id,
          mapId: editor.mapId,
          stageId: cell.column.stage.id,
          laneId: cell.row.lane.id,
          title: "New touchpoint",
          description: "",
          channel: "",
          owner: "",
          ...spot,
          width: CARD_WIDTH,
          height: CARD_HEIGHT,
          emotion: 0,
          expectation: 3,
          performance: 3,
          reliability: "unrated",
          momentOfTruth: false,
          momentOfTruthNote: "",
          votes: 0,
          feelings: [],
        }),
      ],
      delete: [],
    }),
    "Add touchpoint",
  );
  editor.select([id]);
  editor.showAdded({ ...spot, width: CARD_WIDTH, height: CARD_HEIGHT }, fitted);
  editor.editing = id;
  return id;
}

export const addTouchpoint: Action = {
  name: "addTouchpoint",
  label: "Add touchpoint",
  keys: ["t"],
  enabled: (e) => e.grid.columns.length > 0 && e.grid.rows.length > 0,
  perform: (e) => void addTouchpointAt(e),
};
