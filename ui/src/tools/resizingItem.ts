// Dragging the corner handle of a selected card or note resizes it (snapped to the grid), never
// past the right of its stage; on release its lane grows to hold it and what it covers moves aside.

import { recordOf } from "../model/doc";
import { snap } from "../editor/arrange";
import { GRID } from "../geometry/layout";
import { settleResized } from "../actions/placement";
import { Idle } from "./idle";
import type { Pointer, ToolContext, ToolState } from "./types";

export const MIN_ITEM = { width: 96, height: 48 };

export class ResizingItem implements ToolState {
  readonly name = "resizingItem";
  private readonly gesture = `resize-item:${Date.now()}`;

  constructor(
    private readonly ctx: ToolContext,
    private readonly id: string,
  ) {}

  move(p: Pointer) {
    const e = this.ctx.editor;
    const t = e.doc.get("touchpoint", this.id);
    const n = e.doc.get("note", this.id);
    const item = t ?? n;
    if (!item) return new Idle(this.ctx);
    // Wider than its stage it would lie across the next one: the stage's right edge is the limit.
    const column = e.grid.columns.find((c) => c.stage.id === item.stageId);
    const widest = column ? column.x + column.width - GRID - item.x : Number.POSITIVE_INFINITY;
    const width = Math.max(MIN_ITEM.width, Math.min(snap(p.canvas.x - item.x, GRID), widest));
    const height = Math.max(MIN_ITEM.height, snap(p.canvas.y - item.y, GRID));
    if (width === item.width && height === item.height) return;
    const put = t ? recordOf("touchpoint", { ...t, width, height }) : recordOf("note", { ...n!, width, height });
    e.commit({ put: [put], delete: [] }, "Resize", this.gesture);
  }

  up() {
    const e = this.ctx.editor;
    settleResized(e, this.id, "Resize", this.gesture);
    e.endGesture();
    return new Idle(this.ctx);
  }

  cancel() {
    // Escape while resizing puts the size back, and leaves no step to redo.
    this.ctx.editor.cancelGesture(this.gesture);
    this.ctx.editor.endGesture();
    return new Idle(this.ctx);
  }
}
