// File → Import → Touchpoints from CSV or Excel: pick the sheet, confirm which column is which
// (guessed by the core from the headers) in the shared mapping step, which also lists the maps,
// stages and lanes that will be created; then add everything as one undoable step.

import { pickFileToOpen } from "./filePicker";
import type { TouchpointMapping } from "../bindings/TouchpointMapping";
import type { TouchpointPreview } from "../bindings/TouchpointPreview";
import type { Editor } from "../editor/editor";
import { importChanges } from "../actions/importChanges";
import { showError } from "./dialogs";
import { h } from "./dom";
import { mappingDialog, previewTable } from "./mappingDialog";

export async function importTouchpoints(editor: Editor, onDone: () => void, chosen?: string): Promise<void> {
  const path =
    chosen ??
    (await pickFileToOpen({
      title: "Import touchpoints",
      filters: [{ name: "Spreadsheet", extensions: ["csv", "xlsx", "txt", "tsv"] }],
    }));
  if (!path) return;
  await editor.flush();
  let first: TouchpointPreview;
  try {
    first = await editor.backend.previewTouchpointsSheet(path, editor.mapId || null, null);
  } catch (e) {
    await showError(e, `${path} cannot be imported.`);
    return;
  }
  const file = path.split(/[\\/]/).pop() ?? path;
  const target = h(
    "select",
    { name: "map-target", "aria-label": "Map for rows without one" },
    ...editor.doc.mapsInOrder().map((m) => h("option", { value: m.id }, m.name)),
  );
  target.value = first.mapping.mapId ?? editor.mapId;
  mappingDialog<TouchpointMapping, TouchpointPreview>(first, {
    title: `Import touchpoints from ${file}`,
    hint: "Check which column holds each field. Stages, lanes and maps are matched by name and created when missing; cards go below what is already in their cell.",
    fields: [
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
    ],
    extras: [{ label: "Map for rows without one", select: target, apply: (m, v) => ({ ...m, mapId: v || null }) }],
    preview: (mapping) => editor.backend.previewTouchpointsSheet(path, mapping.mapId, mapping),
    rows: (p) =>
      previewTable(["Map", "Stage", "Lane", "Title", "Channel", "Reliability", "★"], p.rows, (r) => [
        r.map,
        r.stage,
        r.lane,
        r.title,
        r.channel,
        r.reliability,
        r.momentOfTruth ? "★" : "",
      ]),
    notes: (p) => {
      const created = [
        p.newMaps.length ? `maps: ${p.newMaps.join(", ")}` : "",
        p.newStages.length ? `stages: ${p.newStages.join(", ")}` : "",
        p.newLanes.length ? `lanes: ${p.newLanes.join(", ")}` : "",
      ].filter(Boolean);
      return created.length ? [`Will create ${created.join("; ")}.`] : [];
    },
    run: async (mapping) => {
      importChanges(editor, await editor.backend.readTouchpointsSheet(path, mapping), `Import touchpoints from ${file}`);
      onDone();
    },
  });
}
