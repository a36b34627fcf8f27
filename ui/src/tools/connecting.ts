// Dragging from a card's connect handle to another card draws a connector between them.

import { connectPair } from "../actions/connect";
import { hitTest } from "../geometry/hit";
import { Idle } from "./idle";
import type { Pointer, ToolContext, ToolState } from "./types";

export class Connecting implements ToolState {
  readonly name = "connecting";

  constructor(
    private readonly ctx: ToolContext,
    private readonly fromId: string,
    start: Pointer,
  ) {
    ctx.overlay.connecting = { from: fromId, to: start.canvas };
    ctx.setCursor("crosshair");
  }

  move(p: Pointer) {
    this.ctx.overlay.connecting = { from: this.fromId, to: p.canvas };
    const hit = hitTest(this.ctx.editor, p.canvas, p.screen);
    this.ctx.overlay.hover = hit.kind === "touchpoint" && hit.id !== this.fromId ? hit.id : undefined;
    this.ctx.editor.notify();
  }

  up(p: Pointer) {
    const hit = hitTest(this.ctx.editor, p.canvas, p.screen);
    this.ctx.overlay.connecting = undefined;
    this.ctx.overlay.hover = undefined;
    this.ctx.setCursor("default");
    if (hit.kind === "touchpoint") {
      const id = connectPair(this.ctx.editor, this.fromId, hit.id);
      if (id) this.ctx.editor.select([id]);
    }
    this.ctx.editor.notify();
    return new Idle(this.ctx);
  }

  cancel() {
    this.ctx.overlay.connecting = undefined;
    this.ctx.overlay.hover = undefined;
    this.ctx.editor.notify();
    return new Idle(this.ctx);
  }
}
