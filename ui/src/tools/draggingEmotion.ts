// Dragging a point of the emotion curve up or down sets that touchpoint's emotion score.

import { editField } from "../actions/editField";
import { emotionAt, emotionRow } from "../geometry/emotion";
import { Idle } from "./idle";
import type { Pointer, ToolContext, ToolState } from "./types";

export class DraggingEmotion implements ToolState {
  readonly name = "draggingEmotion";

  constructor(
    private readonly ctx: ToolContext,
    private readonly id: string,
  ) {
    ctx.editor.select([id]);
    ctx.setCursor("ns-resize");
  }

  move(p: Pointer) {
    const e = this.ctx.editor;
    const row = emotionRow(e.grid);
    if (!row) return new Idle(this.ctx);
    editField(e, "touchpoint", this.id, { emotion: emotionAt(row, p.canvas.y) }, "Change emotion");
  }

  up() {
    this.ctx.editor.endGesture();
    this.ctx.setCursor("default");
    return new Idle(this.ctx);
  }

  cancel() {
    return this.up();
  }
}
