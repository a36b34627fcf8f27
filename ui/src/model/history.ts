// Undo/redo as one diff-based history. Each entry keeps a change set and its inverse; entries that
// share a merge key (one drag, one typing burst) squash into a single step, so one gesture is one
// undo. Limitations: it holds at most `limit` steps, and it knows nothing of selection, which is
// not a document change and so never clears the redo stack.

import type { Changes } from "../bindings/Changes";
import { squash } from "./changes";

interface Entry {
  forward: Changes;
  inverse: Changes;
  label: string;
  mergeKey: string | undefined;
  /** While its gesture runs: the redo steps its first change cleared, for `withdraw`. */
  redoBefore?: Entry[];
  /** What was selected when the step began; Undo selects it again. */
  selectedBefore?: readonly string[];
  /** What was selected when the step was undone; Redo selects it again. */
  selectedAfter?: readonly string[];
}

export class History {
  private undoStack: Entry[] = [];
  private redoStack: Entry[] = [];

  constructor(private readonly limit = 500) {}

  record(forward: Changes, inverse: Changes, label: string, mergeKey?: string, selectedBefore?: readonly string[]): void {
    const top = this.undoStack[this.undoStack.length - 1];
    if (mergeKey !== undefined && top && top.mergeKey === mergeKey) {
      top.forward = squash(top.forward, forward);
      top.inverse = squash(inverse, top.inverse);
    } else {
      this.undoStack.push({
        forward,
        inverse,
        label,
        mergeKey,
        redoBefore: mergeKey !== undefined ? this.redoStack : undefined,
        selectedBefore,
      });
      if (this.undoStack.length > this.limit) this.undoStack.shift();
    }
    this.redoStack = [];
  }

  /** Ends the current gesture: the next record never merges into the previous one. */
  mark(): void {
    const top = this.undoStack[this.undoStack.length - 1];
    if (top) {
      top.mergeKey = undefined;
      top.redoBefore = undefined;
    }
  }

  /** Takes back the step of the gesture `mergeKey` while it still runs (Escape during a drag):
   * the step is gone from both stacks and the redo steps it cleared are back. */
  withdraw(mergeKey: string): Entry | undefined {
    const top = this.undoStack[this.undoStack.length - 1];
    if (!top || top.mergeKey !== mergeKey) return undefined;
    this.undoStack.pop();
    this.redoStack = top.redoBefore ?? [];
    return top;
  }

  undo(): Entry | undefined {
    const e = this.undoStack.pop();
    if (e) this.redoStack.push(e);
    return e;
  }

  redo(): Entry | undefined {
    const e = this.redoStack.pop();
    if (e) this.undoStack.push(e);
    return e;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  get undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.label;
  }

  get redoLabel(): string | undefined {
    return this.redoStack[this.redoStack.length - 1]?.label;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}
