// File → Import → Touchpoints from CSV or Excel: pick the sheet, confirm which column is which
// (guessed by the core from the headers) while a preview shows the first rows, every problem by
// line, and the maps, stages and lanes that will be created; then add everything as one step.

import { open } from "@tauri-apps/plugin-dialog";
import type { TouchpointMapping } from "../bindings/TouchpointMapping";
import type { TouchpointPreview } from "../bindings/TouchpointPreview";
import type { Editor } from "../editor/editor";
import { importChanges } from "../actions/importChanges";
import { AppError, errorTitle } from "../ipc/errors";
import { showError } from "./dialogs";
import { clear, h } from "./dom";

type Column = Exclude<keyof TouchpointMapping, "mapId">;
const FIELDS: Array<[Column, string, boolean]> = [
  ["title", "Title", true],
  ["stage", "Stage", true],
  ["lane", "Lane", false],
  ["map", "Map", false],
  ["channel", "Channel", false],
  ["owner", "Owner", false],
  ["description", "Description", false],
  ["emotion", "Emotion (−3…+3)", false],
  ["expectation", "Expectation (1–5)", false],
  ["performance", "Performance (1–5)", false],
  ["reliability", "Reliability", false],
  ["momentOfTruth", "Moment of truth", false],
  ["momentOfTruthNote", "Why it matters", false],
  ["topRank", "Top rank", false],
];

export async function importTouchpoints(editor: Editor, onDone: () => void, chosen?: string): Promise<void> {
  const path = chosen ?? (await open({ title: "Import touchpoints", multiple: false, directory: false, filters: [{ name: "Spreadsheet", extensions: ["csv", "xlsx", "txt", "tsv"] }] }));
  if (!path || Array.isArray(path)) return;
  await editor.flush();
  let preview: TouchpointPreview;
  try {
    preview = await editor.backend.previewTouchpointsSheet(path, editor.mapId || null, null);
  } catch (e) {
    await showError(e, `${path} cannot be imported.`);
    return;
  }
  const file = path.split(/[\\/]/).pop() ?? path;
  let mapping = preview.mapping;
  const selects = FIELDS.map(([field, label, required]) => {
    const select = h("select", { name: `map-${field}`, "aria-label": label },
      ...(required ? [] : [h("option", { value: "" }, "(none)")]),
      ...preview.headers.map((header, i) => h("option", { value: String(i) }, header || `Column ${i + 1}`)));
    const current = mapping[field];
    select.value = current === null || current === undefined ? "" : String(current);
    select.addEventListener("change", () => void refresh());
    return { field, select, el: h("label", {}, label, select) };
  });
  const target = h("select", { name: "map-target", "aria-label": "Map for rows without one" }, ...editor.doc.mapsInOrder().map((m) => h("option", { value: m.id }, m.name)));
  target.value = mapping.mapId ?? editor.mapId;
  target.addEventListener("change", () => void refresh());
  const table = h("div", { class: "preview", role: "region", "aria-label": "Preview" });
  const problems = h("div", { class: "problems", role: "status", "aria-live": "polite" });
  const importButton = h("button", { type: "button", class: "primary", name: "import" }, "Import");
  const cancel = h("button", { type: "button", name: "cancel" }, "Cancel");
  const backdrop = h("div", { class: "backdrop" },
    h("div", { class: "dialog wide", role: "dialog", "aria-modal": "true", "aria-labelledby": "import-title" },
      h("h2", { id: "import-title" }, `Import touchpoints from ${file}`),
      h("p", { class: "hint" }, "Check which column holds each field. Stages, lanes and maps are matched by name and created when missing; cards go below what is already in their cell."),
      h("div", { class: "mapping" }, ...selects.map((s) => s.el), h("label", {}, "Map for rows without one", target)),
      table, problems,
      h("div", { class: "dialog-buttons" }, cancel, importButton)));
  const done = () => backdrop.remove();
  cancel.addEventListener("click", done);
  backdrop.addEventListener("keydown", (e) => { if (e.key === "Escape") done(); });
  document.body.append(backdrop);

  function show(p: TouchpointPreview): void {
    clear(table);
    table.append(h("table", { class: "grid-table" },
      h("thead", {}, h("tr", {}, ...["Line", "Map", "Stage", "Lane", "Title", "Channel", "Reliability", "★"].map((c) => h("th", {}, c)))),
      h("tbody", {}, ...p.rows.map((r) => r.error
        ? h("tr", { class: "bad" }, h("td", {}, String(r.line)), h("td", { colspan: 7 }, r.error))
        : h("tr", {}, h("td", {}, String(r.line)), h("td", {}, r.map), h("td", {}, r.stage), h("td", {}, r.lane), h("td", {}, r.title), h("td", {}, r.channel), h("td", {}, r.reliability), h("td", {}, r.momentOfTruth ? "★" : ""))))));
    clear(problems);
    const created = [
      p.newMaps.length ? `maps: ${p.newMaps.join(", ")}` : "",
      p.newStages.length ? `stages: ${p.newStages.join(", ")}` : "",
      p.newLanes.length ? `lanes: ${p.newLanes.join(", ")}` : "",
    ].filter(Boolean);
    if (p.errorCount === 0) problems.append(h("p", { class: "ok" }, `${p.totalRows} rows are ready to import.`), created.length ? h("p", { class: "hint" }, `Will create ${created.join("; ")}.`) : "");
    else problems.append(
      h("p", { class: "error" }, `${p.errorCount} of ${p.totalRows} rows cannot be imported; fix them in the file or change the columns. Nothing is imported while any row is bad.`),
      h("ul", {}, ...p.errors.slice(0, 20).map((e) => h("li", {}, `Line ${e.line}: ${e.message}`))));
    importButton.disabled = p.errorCount > 0 || p.totalRows === 0;
    importButton.textContent = `Import ${p.totalRows} rows`;
  }

  async function refresh(): Promise<void> {
    const next: TouchpointMapping = { ...mapping, mapId: target.value || null };
    for (const s of selects) (next as unknown as Record<string, number | null>)[s.field] = s.select.value === "" ? null : Number(s.select.value);
    mapping = next;
    try {
      show(await editor.backend.previewTouchpointsSheet(path as string, mapping.mapId, mapping));
    } catch (e) {
      const err = AppError.from(e);
      problems.replaceChildren(h("p", { class: "error" }, `${errorTitle(err)}: ${err.message}`));
      importButton.disabled = true;
    }
  }

  importButton.addEventListener("click", async () => {
    importButton.disabled = true;
    problems.replaceChildren(h("progress", { "aria-label": "Importing" }), h("span", {}, " Importing…"));
    try {
      const changes = await editor.backend.readTouchpointsSheet(path as string, mapping);
      importChanges(editor, changes, `Import touchpoints from ${file}`);
      done();
      onDone();
    } catch (e) {
      const err = AppError.from(e);
      problems.replaceChildren(h("p", { class: "error", "data-code": err.code }, `${errorTitle(err)}: ${err.message}`));
    }
  });
  show(preview);
  importButton.focus();
}
