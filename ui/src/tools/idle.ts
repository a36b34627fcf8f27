// Nothing under way: a press decides what the gesture is from what is under the pointer.

import { addVote } from "../actions/vote";
import { addTouchpointAt } from "../actions/addTouchpoint";
import { type Hit, hitTest } from "../geometry/hit";
import type { Editor } from "../editor/editor";
import { Connecting } from "./connecting";
import { DraggingEmotion } from "./draggingEmotion";
import { DraggingShapes } from "./draggingShapes";
import { Marquee } from "./marquee";
import { Panning } from "./panning";
import { ResizingGrid } from "./resizingGrid";
import { ResizingItem } from "./resizingItem";
import type { Pointer, ToolContext, ToolState } from "./types";

const CURSOR: Record<string, string> = {
  resizeHandle: "nwse-resize",
  connectHandle: "crosshair",
  emotionPoint: "ns-resize",
  touchpoint: "pointer",
  note: "pointer",
  connector: "pointer",
  stageEdge: "ew-resize",
  laneEdge: "ns-resize",
  stageHeader: "pointer",
  laneHeader: "pointer",
};

export class Idle implements ToolState {
  readonly name = "idle";

  constructor(private readonly ctx: ToolContext) {}

  down(p: Pointer): ToolState | void {
    const { editor } = this.ctx;
    if (p.button === 1 || this.ctx.spaceHeld) return new Panning(this.ctx, p);
    if (p.button !== 0) return;
    const hit = hitTest(editor, p.canvas, p.screen);
    switch (hit.kind) {
      case "resizeHandle":
        return new ResizingItem(this.ctx, hit.id);
      case "connectHandle":
        return new Connecting(this.ctx, hit.id, p);
      case "emotionPoint":
        return new DraggingEmotion(this.ctx, hit.id, hit.personaId);
      case "touchpoint":
      case "note":
        if (this.ctx.voting && hit.kind === "note") {
          editor.select([hit.id]);
          addVote.perform(editor);
          return;
        }
        if (p.shift || p.mod) {
          editor.toggleSelected(hit.id);
          return;
        }
        if (!editor.selection.has(hit.id)) editor.select([hit.id]);
        return new DraggingShapes(this.ctx, p, hit.id);
      case "connector":
        if (p.shift) editor.toggleSelected(hit.id);
        else editor.select([hit.id]);
        return;
      case "stageEdge":
        return new ResizingGrid(this.ctx, p, "stage", hit.id);
      case "laneEdge":
        return new ResizingGrid(this.ctx, p, "lane", hit.id);
      case "stageHeader":
        editor.setFocus("stage", hit.id);
        return;
      case "laneHeader":
        editor.setFocus("lane", hit.id);
        return;
      case "cell":
      case "empty":
        if (!p.shift) editor.clearSelection();
        editor.pointedCell = hit.kind === "cell" ? { stageId: hit.stageId, laneId: hit.laneId } : undefined;
        return new Marquee(this.ctx, p);
    }
  }

  move(p: Pointer) {
    if (this.ctx.spaceHeld) {
      this.ctx.setCursor("grab");
      return;
    }
    const hit = hitTest(this.ctx.editor, p.canvas, p.screen);
    this.ctx.setCursor(CURSOR[hit.kind] ?? "default");
    this.ctx.setTitle?.(titleOf(this.ctx.editor, hit));
  }

  doubleClick(p: Pointer) {
    const { editor } = this.ctx;
    // While the room votes, two quick clicks are two dots, never an open text editor (the next
    // key would overwrite the note).
    if (this.ctx.voting) return;
    const hit = hitTest(editor, p.canvas, p.screen);
    switch (hit.kind) {
      case "cell":
        addTouchpointAt(editor, p.canvas);
        if (editor.editing) this.ctx.beginEdit(editor.editing);
        return;
      case "touchpoint":
      case "note":
      case "stageHeader":
      case "laneHeader":
        this.ctx.beginEdit(hit.id);
        return;
      default:
        return;
    }
  }
}

/** The whole text of what `hit` names, which the canvas may have cut short ("" for the rest). */
export function titleOf(editor: Editor, hit: Hit): string {
  const doc = editor.doc;
  switch (hit.kind) {
    case "touchpoint":
      return doc.get("touchpoint", hit.id)?.title ?? "";
    case "note":
      return doc.get("note", hit.id)?.text.slice(0, 500) ?? "";
    case "stageHeader":
      return doc.get("stage", hit.id)?.name ?? "";
    case "laneHeader":
      return doc.get("lane", hit.id)?.name ?? "";
    default:
      return "";
  }
}
