// File → Import → Feedback from CSV: pick a file, confirm which column is which (guessed by the
// core from the headers) in the shared mapping step, then import all rows as one undoable step.
// A file with any bad row imports nothing.

import { pickFileToOpen } from "./filePicker";
import type { FeedbackMapping } from "../bindings/FeedbackMapping";
import type { FeedbackPreview } from "../bindings/FeedbackPreview";
import type { Editor } from "../editor/editor";
import { importFeedback } from "../actions/measures";
import { showError } from "./dialogs";
import { h } from "./dom";
import { SOURCE_LABEL } from "./labels";
import { mappingDialog, previewTable } from "./mappingDialog";

export async function importFeedbackCsv(editor: Editor, chosen?: string): Promise<void> {
  const path =
    chosen ??
    (await pickFileToOpen({
      title: "Import feedback",
      filters: [{ name: "CSV", extensions: ["csv", "txt", "tsv"] }],
    }));
  if (!path) return;
  await editor.flush();
  let first: FeedbackPreview;
  try {
    first = await editor.backend.previewFeedbackCsv(path, editor.mapId, null);
  } catch (e) {
    await showError(e, `${path} cannot be imported.`);
    return;
  }
  const file = path.split(/[\\/]/).pop() ?? path;
  const stages = editor.doc.stagesOf(editor.mapId);
  const stage = h(
    "select",
    { name: "map-defaultStage", "aria-label": "Stage of rows without one" },
    ...stages.map((s) => h("option", { value: s.id }, s.name)),
  );
  stage.value = first.mapping.defaultStage ?? stages[0]?.id ?? "";
  const source = h(
    "select",
    { name: "map-defaultSource", "aria-label": "Source of rows without one" },
    ...Object.entries(SOURCE_LABEL).map(([v, l]) => h("option", { value: v }, l)),
  );
  source.value = first.mapping.defaultSource;
  const dayFirst = h(
    "select",
    { name: "map-dayFirst", "aria-label": "Dates like 03/04/2026" },
    h("option", { value: "yes" }, "day first (3 April)"),
    h("option", { value: "no" }, "month first (March 4)"),
  );
  dayFirst.value = first.mapping.dayFirst ? "yes" : "no";
  mappingDialog<FeedbackMapping, FeedbackPreview>(first, {
    title: `Import feedback from ${file}`,
    hint: "Check which column holds each field. Rows are matched to this map's stages and touchpoints by name.",
    fields: [
      ["date", "Date", true],
      ["text", "Feedback text", true],
      ["stage", "Stage", false],
      ["touchpoint", "Touchpoint", false],
      ["source", "Source", false],
      ["sentiment", "Sentiment (−2…+2)", false],
      ["rating", "Rating (0–10)", false],
    ],
    extras: [
      { label: "Stage of rows without one", select: stage, apply: (m, v) => ({ ...m, defaultStage: v || null }) },
      {
        label: "Source of rows without one",
        select: source,
        apply: (m, v) => ({ ...m, defaultSource: v as FeedbackMapping["defaultSource"] }),
      },
      { label: "Dates like 03/04/2026", select: dayFirst, apply: (m, v) => ({ ...m, dayFirst: v === "yes" }) },
    ],
    preview: (mapping) => editor.backend.previewFeedbackCsv(path, editor.mapId, mapping),
    rows: (p) =>
      previewTable(["Date", "Source", "Stage", "Touchpoint", "Sentiment", "Rating", "Text"], p.rows, (r) => [
        r.date,
        r.source,
        r.stage,
        r.touchpoint,
        String(r.sentiment ?? ""),
        r.rating === null ? "" : String(r.rating),
        r.text,
      ]),
    run: async (mapping) => importFeedback(editor, await editor.backend.readFeedbackCsv(path, mapping), file),
  });
}
