// Entry point: builds the editor on the Tauri backend and the window shell, then opens the
// startup project.

// For the start benchmark: when the entry's own code began (imports are hoisted: the modules
// below have been evaluated by now).
performance.mark("journeymap:script");

import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { Notice } from "./bindings/Notice";
import { type Heed, heedNotices } from "./ipc/notices";
import { Editor } from "./editor/editor";
import { emotionPoints } from "./geometry/emotion";
import { openComments } from "./render/scene";
import { tauriBackend } from "./ipc/tauri";
import { App, type Shell } from "./ui/app";

const win = getCurrentWindow();

/** What the window does with each notice from the shell; set by the App through the shell. */
const heed: Heed = {};

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
  setMenuItemsOff(ids) {
    void invoke("set_menu_items_off", { ids }).catch(() => undefined);
  },
};

const editor = new Editor(tauriBackend);
const app = new App(editor, tauriBackend, shell);
document.getElementById("app")!.append(app.root);
performance.mark("journeymap:built");
void app.start();
// One request for the shell's notices waits for as long as the page lives.
void heedNotices(() => invoke<Notice[]>("next_notices"), heed, {
  destroy: () => win.destroy(),
  devicePixelRatio: () => window.devicePixelRatio,
});

// For end-to-end tests and the benchmark: the editor and app, read-only by convention.
(window as unknown as { journeymap: unknown }).journeymap = { editor, app, emotionPoints, openComments };
