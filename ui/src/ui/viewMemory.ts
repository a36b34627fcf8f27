// Where each project was last looked at (the map shown, each map's view), kept in the window's
// storage so a project reopens where it was left: a facilitator back after a restart finds the
// stage the room was working on, not the whole map shrunk to fit.

import type { SavedView, ViewStore } from "../editor/editor";

const KEY = "journeymap.views";
/** Projects remembered; the ones looked at longest ago are forgotten first. */
export const REMEMBERED_PROJECTS = 40;

type Remembered = Record<string, { view: SavedView; at: number }>;

export class ViewMemory implements ViewStore {
  constructor(
    private readonly storage: Pick<Storage, "getItem" | "setItem">,
    private readonly now: () => number = Date.now,
  ) {}

  recall(path: string): SavedView | undefined {
    return this.all()[path]?.view;
  }

  remember(path: string, view: SavedView): void {
    const all = this.all();
    all[path] = { view, at: this.now() };
    const kept = Object.entries(all)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, REMEMBERED_PROJECTS);
    try {
      this.storage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
    } catch {
      // Storage full or refused: the view is a convenience, the project itself is in its file.
    }
  }

  private all(): Remembered {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(KEY) ?? "{}");
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Remembered) : {};
    } catch {
      return {};
    }
  }
}
