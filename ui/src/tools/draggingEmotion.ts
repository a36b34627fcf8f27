// Dragging a point of the emotion curve up or down sets that touchpoint's emotion score; a point
// of another persona's line sets how the card feels to that persona.

import { editField } from "../actions/editField";
import { setFeeling } from "../actions/personas";
import { emotionAt, emotionRow } from "../geometry/emotion";
import { Idle } from "./idle";
import type { Pointer, ToolContext, ToolState } from "./types";

export class DraggingEmotion implements ToolState {
  readonly name = "draggingEmotion";

  constructor(
    private readonly ctx: ToolContext,
    private readonly id: string,
    private readonly personaId?: string,
  ) {
    ctx.editor.select([id]);
    ctx.setCursor("ns-resize");
  }

  move(p: Pointer) {
    const e = this.ctx.editor;
    const row = emotionRow(e.grid);
    if (!row) return new Idle(this.ctx);
    if (this.personaId) setFeeling(e, this.id, this.personaId, emotionAt(row, p.canvas.y));
    else editField(e, "touchpoint", this.id, { emotion: emotionAt(row, p.canvas.y) }, "Change emotion");
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
