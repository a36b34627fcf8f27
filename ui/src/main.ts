// Entry point: builds the editor on the Tauri backend and the window shell, then opens the
// startup project.

// For the start benchmark: when the entry's own code began (imports are hoisted: the modules
// below have been evaluated by now).
performance.mark("journeymap:script");

import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { Changes } from "./bindings/Changes";
import type { Notice } from "./bindings/Notice";
import { Editor } from "./editor/editor";
import { emotionPoints } from "./geometry/emotion";
import { openComments } from "./render/scene";
import { tauriBackend } from "./ipc/tauri";
import { App, type Shell } from "./ui/app";

const win = getCurrentWindow();

/** What the window does with each notice from the shell; set by the App through the shell. */
const heed: {
  menu?: (id: string) => void;
  close?: () => Promise<boolean>;
  room?: (changes: Changes, label: string) => void;
  drop?: (paths: string[], x: number, y: number) => void;
} = {};

function handle(notice: Notice): void {
  switch (notice.kind) {
    case "menu":
      heed.menu?.(notice.id);
      break;
    case "closeRequested":
      // Everything typed reaches the file before the window goes, or the person is asked.
      void (async () => {
        if (!heed.close || (await heed.close())) await win.destroy();
      })();
      break;
    case "roomChange":
      heed.room?.(notice.changes, notice.label);
      break;
    case "fileDrop": {
      // Files dropped on the window: the shell gives physical pixels.
      const k = window.devicePixelRatio || 1;
      heed.drop?.(notice.paths, notice.x / k, notice.y / k);
      break;
    }
  }
}

/** Keeps one request for the shell's notices waiting, for as long as the page lives. The shell
 * answers it rather than pushing events: a push runs a script in the page, and WebKitGTK then
 * starts a JavaScript engine in the shell's process to read the result (5-6 MB). */
async function heedShell(): Promise<void> {
  for (;;) {
    let notices: Notice[];
    try {
      notices = await invoke<Notice[]>("next_notices");
    } catch (e) {
      console.error("the shell's notices could not be read", e);
      await new Promise((wake) => setTimeout(wake, 1000));
      continue;
    }
    for (const notice of notices) {
      try {
        handle(notice);
      } catch (e) {
        console.error(`a ${notice.kind} notice failed`, e);
      }
    }
  }
}

const shell: Shell = {
  setTitle(title) {
    document.title = title;
    void win.setTitle(title).catch(() => undefined);
  },
  setFullscreen(on) {
    void win.setFullscreen(on).catch(() => (on ? document.documentElement.requestFullscreen?.() : document.exitFullscreen?.()));
  },
  onMenu(handler) {
    heed.menu = handler;
  },
  onCloseRequested(handler) {
    heed.close = handler;
  },
  close() {
    void win.destroy();
  },
  onRoomChange(handler) {
    heed.room = handler;
  },
  onFileDrop(handler) {
    heed.drop = handler;
  },
};

const editor = new Editor(tauriBackend);
const app = new App(editor, tauriBackend, shell);
document.getElementById("app")!.append(app.root);
performance.mark("journeymap:built");
void app.start();
void heedShell();

// For end-to-end tests and the benchmark: the editor and app, read-only by convention.
(window as unknown as { journeymap: unknown }).journeymap = { editor, app, emotionPoints, openComments };
