// Dragging the corner handle of a selected card or note resizes it (snapped to the grid).

import { recordOf } from "../model/doc";
import { snap } from "../editor/arrange";
import { GRID } from "../geometry/layout";
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
    const width = Math.max(MIN_ITEM.width, snap(p.canvas.x - item.x, GRID));
    const height = Math.max(MIN_ITEM.height, snap(p.canvas.y - item.y, GRID));
    if (width === item.width && height === item.height) return;
    const put = t ? recordOf("touchpoint", { ...t, width, height }) : recordOf("note", { ...n!, width, height });
    e.commit({ put: [put], delete: [] }, "Resize", this.gesture);
  }

  up() {
    this.ctx.editor.endGesture();
    return new Idle(this.ctx);
  }

  cancel() {
    // Escape while resizing puts the size back, and leaves no step to redo.
    this.ctx.editor.cancelGesture(this.gesture);
    return this.up();
  }
}
