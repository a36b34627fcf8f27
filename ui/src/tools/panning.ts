// Panning: space-drag or middle-button drag moves the camera.

import type { Point } from "../geometry/rect";
import { Idle } from "./idle";
import type { Pointer, ToolContext, ToolState } from "./types";

export class Panning implements ToolState {
  readonly name = "panning";
  private last: Point;

  constructor(
    private readonly ctx: ToolContext,
    start: Pointer,
  ) {
    this.last = start.screen;
    ctx.setCursor("grabbing");
  }

  move(p: Pointer) {
    const e = this.ctx.editor;
    e.pan(p.screen.x - this.last.x, p.screen.y - this.last.y);
    this.last = p.screen;
  }

  up() {
    this.ctx.setCursor(this.ctx.spaceHeld ? "grab" : "default");
    return new Idle(this.ctx);
  }

  cancel() {
    return new Idle(this.ctx);
  }
}
