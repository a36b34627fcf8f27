// File → Import Feedback CSV: pick a file, confirm which column is which (guessed by the core from
// the headers) while a preview shows the first rows as they will import and every problem by
// line, then import all rows as one undoable step. A file with any bad row imports nothing.

import { open } from "@tauri-apps/plugin-dialog";
import type { FeedbackMapping } from "../bindings/FeedbackMapping";
import type { FeedbackPreview } from "../bindings/FeedbackPreview";
import type { Editor } from "../editor/editor";
import { importFeedback } from "../actions/measures";
import { AppError, errorTitle } from "../ipc/errors";
import { showError } from "./dialogs";
import { clear, h } from "./dom";
import { SOURCE_LABEL } from "./labels";

const FIELDS: Array<[keyof FeedbackMapping, string, boolean]> = [
  ["date", "Date", true],
  ["text", "Feedback text", true],
  ["stage", "Stage", false],
  ["touchpoint", "Touchpoint", false],
  ["source", "Source", false],
  ["sentiment", "Sentiment (−2…+2)", false],
  ["rating", "Rating (0–10)", false],
];

export async function importFeedbackCsv(editor: Editor, chosen?: string): Promise<void> {
  const path = chosen ?? (await open({ title: "Import feedback", multiple: false, directory: false, filters: [{ name: "CSV", extensions: ["csv", "txt", "tsv"] }] }));
  if (!path || Array.isArray(path)) return;
  await editor.flush();
  let preview: FeedbackPreview;
  try {
    preview = await editor.backend.previewFeedbackCsv(path, editor.mapId, null);
  } catch (e) {
    await showError(e, `${path} cannot be imported.`);
    return;
  }
  const file = path.split(/[\\/]/).pop() ?? path;
  let mapping = preview.mapping;
  const stages = editor.doc.stagesOf(editor.mapId);
  const selects = FIELDS.map(([field, label, required]) => {
    const select = h("select", { name: `map-${field}`, "aria-label": label },
      ...(required ? [] : [h("option", { value: "" }, "(none)")]),
      ...preview.headers.map((header, i) => h("option", { value: String(i) }, header || `Column ${i + 1}`)));
    const current = mapping[field];
    select.value = current === null || current === undefined ? "" : String(current);
    select.addEventListener("change", () => void refresh());
    return { field, select, el: h("label", {}, label, select) };
  });
  const stage = h("select", { name: "map-defaultStage", "aria-label": "Stage of rows without one" }, ...stages.map((s) => h("option", { value: s.id }, s.name)));
  stage.value = mapping.defaultStage ?? stages[0]?.id ?? "";
  const source = h("select", { name: "map-defaultSource", "aria-label": "Source of rows without one" }, ...Object.entries(SOURCE_LABEL).map(([v, l]) => h("option", { value: v }, l)));
  source.value = mapping.defaultSource;
  const dayFirst = h("select", { name: "map-dayFirst", "aria-label": "Dates like 03/04/2026" }, h("option", { value: "yes" }, "day first (3 April)"), h("option", { value: "no" }, "month first (March 4)"));
  dayFirst.value = mapping.dayFirst ? "yes" : "no";
  for (const s of [stage, source, dayFirst]) s.addEventListener("change", () => void refresh());
  const table = h("div", { class: "preview", role: "region", "aria-label": "Preview" });
  const problems = h("div", { class: "problems", role: "status", "aria-live": "polite" });
  const importButton = h("button", { type: "button", class: "primary", name: "import" }, "Import");
  const cancel = h("button", { type: "button", name: "cancel" }, "Cancel");
  const backdrop = h("div", { class: "backdrop" },
    h("div", { class: "dialog wide", role: "dialog", "aria-modal": "true", "aria-labelledby": "import-title" },
      h("h2", { id: "import-title" }, `Import feedback from ${file}`),
      h("p", { class: "hint" }, "Check which column holds each field. Rows are matched to this map's stages and touchpoints by name."),
      h("div", { class: "mapping" }, ...selects.map((s) => s.el), h("label", {}, "Stage of rows without one", stage), h("label", {}, "Source of rows without one", source), h("label", {}, "Dates like 03/04/2026", dayFirst)),
      table, problems,
      h("div", { class: "dialog-buttons" }, cancel, importButton)));
  const done = () => backdrop.remove();
  cancel.addEventListener("click", done);
  backdrop.addEventListener("keydown", (e) => { if (e.key === "Escape") done(); });
  document.body.append(backdrop);

  function show(p: FeedbackPreview): void {
    clear(table);
    table.append(h("table", { class: "grid-table" },
      h("thead", {}, h("tr", {}, ...["Line", "Date", "Source", "Stage", "Touchpoint", "Sentiment", "Rating", "Text"].map((c) => h("th", {}, c)))),
      h("tbody", {}, ...p.rows.map((r) => r.error
        ? h("tr", { class: "bad" }, h("td", {}, String(r.line)), h("td", { colspan: 7 }, r.error))
        : h("tr", {}, h("td", {}, String(r.line)), h("td", {}, r.date), h("td", {}, r.source), h("td", {}, r.stage), h("td", {}, r.touchpoint), h("td", {}, String(r.sentiment ?? "")), h("td", {}, r.rating === null ? "" : String(r.rating)), h("td", {}, r.text))))));
    clear(problems);
    if (p.errorCount === 0) problems.append(h("p", { class: "ok" }, `${p.totalRows} rows are ready to import.`));
    else problems.append(
      h("p", { class: "error" }, `${p.errorCount} of ${p.totalRows} rows cannot be imported; fix them in the file or change the columns. Nothing is imported while any row is bad.`),
      h("ul", {}, ...p.errors.slice(0, 20).map((e) => h("li", {}, `Line ${e.line}: ${e.message}`))));
    importButton.disabled = p.errorCount > 0 || p.totalRows === 0;
    importButton.textContent = `Import ${p.totalRows} rows`;
  }

  async function refresh(): Promise<void> {
    const next: FeedbackMapping = { ...mapping, defaultStage: stage.value || null, defaultSource: source.value as FeedbackMapping["defaultSource"], dayFirst: dayFirst.value === "yes" };
    for (const s of selects) (next as unknown as Record<string, number | null>)[s.field] = s.select.value === "" ? null : Number(s.select.value);
    mapping = next;
    try {
      show(await editor.backend.previewFeedbackCsv(path as string, editor.mapId, mapping));
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
      const items = await editor.backend.readFeedbackCsv(path as string, mapping);
      importFeedback(editor, items, file);
      done();
    } catch (e) {
      const err = AppError.from(e);
      problems.replaceChildren(h("p", { class: "error", "data-code": err.code }, `${errorTitle(err)}: ${err.message}`));
    }
  });
  show(preview);
  importButton.focus();
}
