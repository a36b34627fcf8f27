// Dragging on empty canvas draws a selection rectangle; Shift adds to the selection.

import { intersects, spanning } from "../geometry/rect";
import { Idle } from "./idle";
import type { Pointer, ToolContext, ToolState } from "./types";

export class Marquee implements ToolState {
  readonly name = "marquee";
  private readonly base: Set<string>;

  constructor(
    private readonly ctx: ToolContext,
    private readonly start: Pointer,
  ) {
    this.base = start.shift ? new Set(ctx.editor.selection) : new Set();
  }

  move(p: Pointer) {
    const rect = spanning(this.start.canvas, p.canvas);
    this.ctx.overlay.marquee = rect;
    const inside = this.ctx.editor
      .query(rect)
      .filter((i) => intersects(i, rect))
      .map((i) => i.id);
    this.ctx.editor.select([...this.base, ...inside]);
  }

  up() {
    this.ctx.overlay.marquee = undefined;
    this.ctx.editor.notify();
    return new Idle(this.ctx);
  }

  cancel() {
    return this.up();
  }
}
