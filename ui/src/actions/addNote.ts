// Add a sticky note where the room is working; its colour follows the lane it lands in.

import type { LaneKind } from "../bindings/LaneKind";
import { recordOf } from "../model/doc";
import { newId } from "../model/ids";
import type { Editor } from "../editor/editor";
import { placeIn, targetCell } from "./placement";
import { squash } from "../model/changes";
import type { Action } from "./types";

export const NOTE_WIDTH = 168;
export const NOTE_HEIGHT = 76;

export function noteColor(kind: LaneKind | undefined): string {
  switch (kind) {
    case "painPoints":
      return "#fecaca";
    case "opportunities":
      return "#bbf7d0";
    case "thoughtsAndFeelings":
      return "#ede9fe";
    case "customerActions":
      return "#e0f2fe";
    default:
      return "#fde68a";
  }
}

export function addNoteIn(editor: Editor): string | undefined {
  const cell = targetCell(editor, "painPoints");
  if (!cell) return undefined;
  const id = newId();
  const { spot, room } = placeIn(editor, cell, NOTE_WIDTH, NOTE_HEIGHT);
  const fitted = editor.isFitted();
  editor.commit(
    squash(room, {
      put: [
        recordOf("note", {
          id,
          mapId: editor.mapId,
          stageId: cell.column.stage.id,
          laneId: cell.row.lane.id,
          text: "New note",
          ...spot,
          width: NOTE_WIDTH,
          height: NOTE_HEIGHT,
          color: noteColor(cell.row.lane.kind),
          votes: 0,
          author: "",
        }),
      ],
      delete: [],
    }),
    "Add note",
  );
  editor.select([id]);
  editor.showAdded({ ...spot, width: NOTE_WIDTH, height: NOTE_HEIGHT }, fitted);
  editor.editing = id;
  return id;
}

export const addNote: Action = {
  name: "addNote",
  label: "Add sticky note",
  keys: ["n"],
  enabled: (e) => e.grid.columns.length > 0 && e.grid.rows.length > 0,
  perform: (e) => void addNoteIn(e),
};
