// The shell's notices (menu commands, a close asked for, the room's changes, files dropped),
// read by keeping one request waiting rather than by listening to Tauri events: WebKitGTK runs
// each pushed event as a script and starts a JavaScript engine in the app's process to read its
// result (3 MB; src/app/notices.rs). No DOM here; the shell passes in what it needs.

import type { Changes } from "../bindings/Changes";
import type { Notice } from "../bindings/Notice";

/** What the window does with each kind of notice (set by the App through the shell). */
export interface Heed {
  menu?: (id: string) => void;
  /** Whether the window may close now (everything saved, or the person chose). */
  close?: () => Promise<boolean>;
  room?: (changes: Changes, label: string) => void;
  /** Files dropped at (x, y) in CSS pixels. */
  drop?: (paths: string[], x: number, y: number) => void;
}

/** What handling a notice needs from the window. */
export interface ShellWindow {
  destroy(): Promise<void>;
  devicePixelRatio(): number;
}

/** Handles one notice; a close is finished (the window destroyed) when `heed.close` allows it. */
export async function handleNotice(notice: Notice, heed: Heed, win: ShellWindow): Promise<void> {
  switch (notice.kind) {
    case "menu":
      heed.menu?.(notice.id);
      break;
    case "closeRequested":
      if (!heed.close || (await heed.close())) await win.destroy();
      break;
    case "roomChange":
      heed.room?.(notice.changes, notice.label);
      break;
    case "fileDrop": {
      // The shell gives physical pixels.
      const k = win.devicePixelRatio() || 1;
      heed.drop?.(notice.paths, notice.x / k, notice.y / k);
      break;
    }
  }
}

/**
 * Asks `next` for notices and handles them in order, for as long as `running` says (the page's
 * life in the app). A failed request is asked again after `retryMs`; a notice whose handling
 * fails is reported and the others still run. A close does not hold up the notices after it.
 */
export async function heedNotices(
  next: () => Promise<Notice[]>,
  heed: Heed,
  win: ShellWindow,
  running: () => boolean = () => true,
  retryMs = 1000,
): Promise<void> {
  while (running()) {
    let notices: Notice[];
    try {
      notices = await next();
    } catch (e) {
      console.error("the shell's notices could not be read", e);
      await new Promise((wake) => setTimeout(wake, retryMs));
      continue;
    }
    for (const notice of notices) {
      handleNotice(notice, heed, win).catch((e: unknown) => console.error(`a ${notice.kind} notice failed`, e));
    }
  }
}
