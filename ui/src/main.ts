// Entry point: builds the editor on the Tauri backend and the window shell, then opens the
// startup project.

// For the start benchmark: when the entry's own code began (imports are hoisted: the modules
// below have been evaluated by now).
performance.mark("journeymap:script");

import { listen } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { Changes } from "./bindings/Changes";
import { Editor } from "./editor/editor";
import { emotionPoints } from "./geometry/emotion";
import { openComments } from "./render/scene";
import { tauriBackend } from "./ipc/tauri";
import { App, type Shell } from "./ui/app";

const win = getCurrentWindow();

const shell: Shell = {
  setTitle(title) {
    document.title = title;
    void win.setTitle(title).catch(() => undefined);
  },
  setFullscreen(on) {
    void win.setFullscreen(on).catch(() => (on ? document.documentElement.requestFullscreen?.() : document.exitFullscreen?.()));
  },
  onMenu(handler) {
    void listen<string>("menu", (event) => handler(event.payload));
  },
  onCloseRequested(handler) {
    // Everything typed reaches the file before the window goes, or the person is asked.
    void win.onCloseRequested(async (event) => {
      if (!(await handler())) event.preventDefault();
    });
  },
  close() {
    void win.destroy();
  },
  onRoomChange(handler) {
    void listen<{ changes: Changes; label: string }>("room-change", (event) => handler(event.payload.changes, event.payload.label));
  },
  onFileDrop(handler) {
    // Files dropped on the window (the webview's drop event carries paths, in physical pixels).
    void listen<{ paths: string[]; position: { x: number; y: number } }>("tauri://drag-drop", (event) => {
      const k = window.devicePixelRatio || 1;
      handler(event.payload.paths, event.payload.position.x / k, event.payload.position.y / k);
    });
  },
};

const editor = new Editor(tauriBackend);
const app = new App(editor, tauriBackend, shell);
document.getElementById("app")!.append(app.root);
performance.mark("journeymap:built");
void app.start();

// For end-to-end tests and the benchmark: the editor and app, read-only by convention.
(window as unknown as { journeymap: unknown }).journeymap = { editor, app, emotionPoints, openComments };
