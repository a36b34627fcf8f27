// Dragging the edge of a stage header or lane header resizes that column or row.

import { resizeLane, resizeStage } from "../actions/resizeGrid";
import { Idle } from "./idle";
import type { Pointer, ToolContext, ToolState } from "./types";

export class ResizingGrid implements ToolState {
  readonly name = "resizingGrid";
  private readonly gesture = `resize-grid:${Date.now()}`;
  private readonly startSize: number;

  constructor(
    private readonly ctx: ToolContext,
    private readonly start: Pointer,
    private readonly axis: "stage" | "lane",
    private readonly id: string,
  ) {
    const grid = ctx.editor.grid;
    this.startSize =
      axis === "stage" ? grid.columns.find((c) => c.stage.id === id)!.width : grid.rows.find((r) => r.lane.id === id)!.height;
  }

  move(p: Pointer) {
    const e = this.ctx.editor;
    if (this.axis === "stage") resizeStage(e, this.id, this.startSize + p.canvas.x - this.start.canvas.x, this.gesture);
    else resizeLane(e, this.id, this.startSize + p.canvas.y - this.start.canvas.y, this.gesture);
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
