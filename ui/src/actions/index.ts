// Every user command, for the keyboard map, the menus and the command tests.

import { addLane } from "./addLane";
import { addNote } from "./addNote";
import { addStage } from "./addStage";
import { addTouchpoint } from "./addTouchpoint";
import * as align from "./align";
import { copy, cut, duplicate, paste } from "./clipboard";
import { connect } from "./connect";
import { deleteSelection } from "./deleteSelection";
import { nudges } from "./nudge";
import { redo } from "./redo";
import { moveLaneDown, moveLaneUp, moveStageLeft, moveStageRight } from "./reorderGrid";
import { selectAll } from "./selectAll";
import { selectNext, selectPrevious } from "./selectNext";
import { markBroken, markDifferentiating, markReliable, markUnrated } from "./setReliability";
import { toggleMomentOfTruth } from "./toggleMomentOfTruth";
import { toggleTop } from "./toggleTop";
import type { Action } from "./types";
import { undo } from "./undo";
import { addVote, removeVote } from "./vote";
import { actualSize, presentationZoom, zoomIn, zoomOut, zoomToFit } from "./zoom";

export const ACTIONS: Action[] = [
  undo,
  redo,
  addTouchpoint,
  addNote,
  addStage,
  addLane,
  deleteSelection,
  toggleMomentOfTruth,
  toggleTop,
  markBroken,
  markReliable,
  markDifferentiating,
  markUnrated,
  connect,
  copy,
  cut,
  paste,
  duplicate,
  selectAll,
  selectNext,
  selectPrevious,
  addVote,
  removeVote,
  moveStageLeft,
  moveStageRight,
  moveLaneUp,
  moveLaneDown,
  ...Object.values(align),
  ...nudges,
  zoomIn,
  zoomOut,
  zoomToFit,
  actualSize,
  presentationZoom,
];

export function actionByName(name: string): Action | undefined {
  return ACTIONS.find((a) => a.name === name);
}
