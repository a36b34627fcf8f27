// Routes pointer events to the current interaction state.

import { Idle } from "./idle";
import type { Pointer, ToolContext, ToolState } from "./types";

export class ToolMachine {
  state: ToolState;

  constructor(private readonly ctx: ToolContext) {
    this.state = new Idle(ctx);
  }

  private go(next: ToolState | void) {
    // Only a state moves the machine on: a stray value returned by a handler (a cursor name
    // once) left it in no state at all, ignoring every click until Escape.
    if (isState(next)) this.state = next;
    this.ctx.editor.notify();
  }

  down(p: Pointer) {
    this.go(this.state.down?.(p));
  }

  move(p: Pointer) {
    const next = this.state.move?.(p);
    if (isState(next)) this.go(next);
    else if (this.state.name !== "idle") this.ctx.editor.notify();
  }

  up(p: Pointer) {
    this.go(this.state.up?.(p));
  }

  doubleClick(p: Pointer) {
    this.go(this.state.doubleClick?.(p));
  }

  cancel() {
    this.go(this.state.cancel?.() ?? new Idle(this.ctx));
  }

  get busy(): boolean {
    return this.state.name !== "idle";
  }
}

function isState(x: unknown): x is ToolState {
  return typeof x === "object" && x !== null && typeof (x as ToolState).name === "string";
}
