// File → Export (map as SVG or PNG, web page, CJML) and File → Import → CJML: the conversation
// around the core's exports and imports. Pictures can be of the whole map or the current view.

import { pickFileToOpen, pickFileToSave } from "./filePicker";
import type { Viewport } from "../bindings/Viewport";
import type { Editor } from "../editor/editor";
import { importChanges } from "../actions/importChanges";
import { count } from "../model/words";
import { localToday } from "../actions/startRedesign";
import { AppError, errorTitle } from "../ipc/errors";
import { message, showError } from "./dialogs";
import { h } from "./dom";
import { fileSize } from "./labels";

const withExtension = (path: string, ext: string) => (path.toLowerCase().endsWith(`.${ext}`) ? path : `${path}.${ext}`);

/** The part of the canvas the window shows, in canvas units. */
export function currentView(e: Editor): Viewport {
  return { x: e.camera.x, y: e.camera.y, width: e.viewport.width / e.camera.zoom, height: e.viewport.height / e.camera.zoom };
}

export async function exportPicture(editor: Editor): Promise<void> {
  await editor.flush();
  const format = h(
    "select",
    { name: "pictureFormat", "aria-label": "Format" },
    h("option", { value: "png" }, "PNG (slides, documents)"),
    h("option", { value: "svg" }, "SVG (scalable, text stays text)"),
  );
  const scale = h(
    "select",
    { name: "pictureScale", "aria-label": "Scale" },
    h("option", { value: "1" }, "1×"),
    h("option", { value: "2", selected: true }, "2× (crisp on slides)"),
    h("option", { value: "4" }, "4× (print)"),
  );
  const extent = h(
    "select",
    { name: "pictureExtent", "aria-label": "What to draw" },
    h("option", { value: "map" }, "The whole map"),
    h("option", { value: "view" }, "What is on screen now"),
  );
  const scaleLabel = h("label", {}, "Scale", scale);
  format.addEventListener("change", () => (scaleLabel.style.display = format.value === "svg" ? "none" : ""));
  const status = h("div", { class: "export-status", role: "status", "aria-live": "polite" });
  const go = h("button", { type: "button", class: "primary", name: "exportPicture" }, "Export…");
  const close = h("button", { type: "button" }, "Cancel");
  const map = editor.doc.get("map", editor.mapId);
  const backdrop = h(
    "div",
    { class: "backdrop" },
    h(
      "div",
      { class: "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": "picture-title" },
      h("h2", { id: "picture-title" }, `Export “${map?.name ?? "map"}” as a picture`),
      h("label", {}, "Format", format),
      scaleLabel,
      h("label", {}, "Draw", extent),
      status,
      h("div", { class: "dialog-buttons" }, close, go),
    ),
  );
  const done = () => backdrop.remove();
  close.addEventListener("click", done);
  backdrop.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !go.disabled) done();
  });
  document.body.append(backdrop);
  go.focus();
  go.addEventListener("click", async () => {
    const ext = format.value;
    const chosen = await pickFileToSave(editor.path, `${map?.name ?? "map"}.${ext}`, {
      title: "Export map picture",
      filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
    });
    if (!chosen) return;
    const path = withExtension(chosen, ext);
    go.disabled = true;
    status.replaceChildren(h("progress", { "aria-label": "Drawing" }), h("span", {}, " Drawing…"));
    try {
      const bytes = await editor.backend.exportMapPicture(
        path,
        editor.mapId,
        ext === "png" ? Number(scale.value) : null,
        extent.value === "view" ? currentView(editor) : null,
      );
      status.replaceChildren(h("p", { class: "ok" }, `Written: ${path} (${fileSize(bytes)})`));
      close.textContent = "Close";
    } catch (e) {
      const err = AppError.from(e);
      status.replaceChildren(h("p", { class: "error", "data-code": err.code }, `${errorTitle(err)}: ${err.message}`));
    }
    go.disabled = false;
  });
}

/** `today`: the day redesigns and KPIs are judged on (the Redesigns view's Today, as for the PDF). */
export async function exportHtml(editor: Editor, today = localToday()): Promise<void> {
  await editor.flush();
  const chosen = await pickFileToSave(editor.path, `${editor.doc.info.name}.html`, {
    title: "Export web page",
    filters: [{ name: "Web page", extensions: ["html"] }],
  });
  if (!chosen) return;
  const path = withExtension(chosen, "html");
  try {
    const bytes = await editor.backend.exportHtml(path, today);
    await message(
      "Web page exported",
      `Written: ${path} (${fileSize(bytes)}), status and figures as of ${today}. It opens in any browser without the app and without a network connection.`,
    );
  } catch (e) {
    await showError(e, "The web page was not written.");
  }
}

export async function exportCjml(editor: Editor): Promise<void> {
  await editor.flush();
  const chosen = await pickFileToSave(editor.path, `${editor.doc.info.name}.cjml.xml`, {
    title: "Export CJML",
    filters: [{ name: "CJML (XML)", extensions: ["xml", "cjml"] }],
  });
  if (!chosen) return;
  const path = /\.(xml|cjml)$/i.test(chosen) ? chosen : `${chosen}.xml`;
  try {
    const left = await editor.backend.exportCjml(path);
    await message("CJML exported", `Written: ${path}.${left.length ? `\n\nNot in CJML:\n• ${left.join("\n• ")}` : ""}`);
  } catch (e) {
    await showError(e, "The CJML file was not written.");
  }
}

export async function importCjml(editor: Editor, onDone: () => void, chosen?: string): Promise<void> {
  const path =
    chosen ??
    (await pickFileToOpen({
      title: "Import CJML journeys",
      filters: [{ name: "CJML (XML)", extensions: ["xml", "cjml"] }],
    }));
  if (!path) return;
  await editor.flush();
  try {
    const read = await editor.backend.readCjml(path);
    const file = path.split(/[\\/]/).pop() ?? path;
    importChanges(editor, read.changes, `Import ${count(read.maps, "journey")} from ${file}`);
    onDone();
    const left = read.notImported.map((l) => `Line ${l.line}: ${l.message}`);
    await message(
      "CJML imported",
      `${count(read.maps, "journey")} with ${count(read.touchpoints, "touchpoint")} ${read.maps === 1 ? "was" : "were"} added as new maps (Undo takes them back).${left.length ? `\n\nLeft out:\n• ${left.slice(0, 30).join("\n• ")}` : ""}`,
    );
  } catch (e) {
    await showError(e, `${path} was not imported.`);
  }
}
