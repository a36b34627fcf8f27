// The interaction state machine's vocabulary. Each state is one file; a handler returns the next
// state (or nothing to stay). Gestures that edit end with `editor.endGesture()`, so one drag is
// one undo step.

import type { Editor } from "../editor/editor";
import type { Point } from "../geometry/rect";
import type { Overlay } from "../render/scene";

export interface Pointer {
  screen: Point;
  canvas: Point;
  button: number;
  shift: boolean;
  mod: boolean;
  alt: boolean;
}

export interface ToolContext {
  editor: Editor;
  overlay: Overlay;
  spaceHeld: boolean;
  /** Voting mode of workshop mode: a click on a note adds a dot. */
  voting: boolean;
  setCursor(cursor: string): void;
  /** The tooltip for what is under the pointer (a card's whole title, a header's whole name). */
  setTitle?(title: string): void;
  beginEdit(id: string): void;
}

export interface ToolState {
  readonly name: string;
  down?(p: Pointer): ToolState | void;
  move?(p: Pointer): ToolState | void;
  up?(p: Pointer): ToolState | void;
  doubleClick?(p: Pointer): ToolState | void;
  cancel?(): ToolState | void;
}

/** Pointer travel (screen pixels) before a press becomes a drag. */
export const DRAG_THRESHOLD = 4;
