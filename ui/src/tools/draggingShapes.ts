// Pressing on a card or note: a click selects it (only it, even when it was one of several);
// past the drag threshold the whole selection moves, snapped to the grid, re-homed to the cells
// it lands in; what lands on other work moves to the nearest free spot. One drag is one undo step.

import { GRID } from "../geometry/layout";
import type { Point } from "../geometry/rect";
import { moveBy, snap } from "../editor/arrange";
import { settleDropped } from "../actions/placement";
import { Idle } from "./idle";
import { DRAG_THRESHOLD, type Pointer, type ToolContext, type ToolState } from "./types";

export class DraggingShapes implements ToolState {
  readonly name = "draggingShapes";
  private dragging = false;
  private moved: Point = { x: 0, y: 0 };
  private readonly gesture = `drag:${Date.now()}:${Math.random()}`;

  constructor(
    private readonly ctx: ToolContext,
    private readonly start: Pointer,
    private readonly anchorId: string,
  ) {}

  move(p: Pointer) {
    const e = this.ctx.editor;
    if (!this.dragging) {
      if (Math.hypot(p.screen.x - this.start.screen.x, p.screen.y - this.start.screen.y) < DRAG_THRESHOLD) return;
      this.dragging = true;
      this.ctx.setCursor("move");
    }
    const anchor = e.doc.get("touchpoint", this.anchorId) ?? e.doc.get("note", this.anchorId);
    if (!anchor) return new Idle(this.ctx);
    // Snap the anchor's corner to the grid; everything selected moves by the same amount.
    const wanted = { x: p.canvas.x - this.start.canvas.x, y: p.canvas.y - this.start.canvas.y };
    const origin = { x: anchor.x - this.moved.x, y: anchor.y - this.moved.y };
    const target = p.alt ? wanted : { x: snap(origin.x + wanted.x, GRID) - origin.x, y: snap(origin.y + wanted.y, GRID) - origin.y };
    const dx = target.x - this.moved.x,
      dy = target.y - this.moved.y;
    if (dx === 0 && dy === 0) return;
    e.commit(moveBy(e.doc, e.grid, e.selection, dx, dy), e.selection.size > 1 ? `Move ${e.selection.size} items` : "Move", this.gesture);
    this.moved = target;
  }

  up(p?: Pointer) {
    const e = this.ctx.editor;
    // Dropped onto other work: to the nearest free spot (Alt places exactly, overlap and all).
    if (this.dragging && !p?.alt)
      settleDropped(e, [...e.selection], e.selection.size > 1 ? `Move ${e.selection.size} items` : "Move", this.gesture);
    // A click (no drag) on one of several selected items picks it out, as in other editors: the
    // side panel then shows its fields rather than "2 items selected".
    if (!this.dragging && e.selection.size > 1 && e.selection.has(this.anchorId)) e.select([this.anchorId]);
    this.ctx.editor.endGesture();
    this.ctx.setCursor("default");
    return new Idle(this.ctx);
  }

  cancel() {
    // Escape during a drag puts everything back where it was, and leaves no step to redo.
    this.ctx.editor.cancelGesture(this.gesture);
    this.ctx.setCursor("default");
    return new Idle(this.ctx);
  }
}
