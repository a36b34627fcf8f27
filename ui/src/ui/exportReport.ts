// File → Export PDF Report: choose paper and sections, choose where, watch it being written, and
// open it when done; the same dialog writes a redesign's proposal. The rendering is the core's;
// this is only the conversation around it.

import { pickFileToSave } from "./filePicker";
import type { Paper } from "../bindings/Paper";
import type { ReportDefaults } from "../bindings/ReportDefaults";
import type { Section } from "../bindings/Section";
import type { Editor } from "../editor/editor";
import { localToday } from "../actions/startRedesign";
import { AppError, errorTitle } from "../ipc/errors";
import { dateInput, h, isIsoDate } from "./dom";
import { fileSize } from "./labels";

export const REPORT_SECTIONS: Array<[Section, string]> = [
  ["cover", "Cover"],
  ["personas", "Personas: portraits, their words, goals, needs, pains"],
  ["map", "Journey maps"],
  ["moments", "Moments of truth"],
  ["touchpoints", "Touchpoints table"],
  ["room", "Workshop room: ratings, votes, notes by participant"],
  ["measures", "KPIs, reliability, feedback, customers, pillars"],
  ["opportunities", "Opportunities: value/effort matrix and ranking"],
  ["redesigns", "Redesign tracker"],
  ["comments", "Open comment threads (the team's own talk: off unless chosen)"],
];

/** `today`: the day redesign status is judged on to begin with (the Redesigns view's Today). */
export async function exportReport(editor: Editor, today = localToday()): Promise<void> {
  await editor.flush();
  // The choices start from the ones last used for this project, which it remembers.
  const remembered = editor.doc.info.report;
  const paper = paperSelect(remembered.paper);
  const boxes = REPORT_SECTIONS.map(([id, label]) => {
    // Nothing remembered means the usual report: everything but the team's comments.
    const checked = remembered.sections.length === 0 ? id !== "comments" : remembered.sections.includes(id);
    const box = h("input", { type: "checkbox", name: `section-${id}`, checked });
    return { id, box, el: h("label", { class: "check" }, box, label) };
  });
  const author = authorInput(remembered.author);
  const measuresMap = measuresMapSelect(editor);
  const asOf = dateInput({ value: today, name: "asOf", "aria-label": "Status and figures as of" });
  pdfDialog(editor, {
    title: "Export PDF report",
    fields: [
      h("label", {}, "Paper", paper),
      h("label", {}, "Prepared by", author),
      h("fieldset", { class: "sections" }, h("legend", {}, "Sections"), ...boxes.map((b) => b.el)),
      ...(measuresMap ? [h("label", {}, "Measures for", measuresMap)] : []),
      h("label", {}, "Status and figures as of (redesigns, KPIs)", asOf),
    ],
    defaultName: editor.doc.info.name,
    writing: "Writing the report…",
    check: () =>
      !boxes.some((b) => b.box.checked)
        ? "Choose at least one section."
        : isIsoDate(asOf.value)
          ? undefined
          : "Type the day the report is as of as YYYY-MM-DD.",
    write: async (path) => {
      const chosen = boxes.filter((b) => b.box.checked).map((b) => b.id);
      const options = {
        paper: paper.value as Paper,
        sections: chosen.length === boxes.length ? [] : chosen,
        author: author.value.trim(),
      };
      const bytes = await editor.backend.exportReport(path, {
        ...options,
        sections: chosen,
        today: asOf.value,
        author: options.author || "Journeymap",
        measuresMap: measuresMap?.value ?? null,
      });
      rememberReportOptions(editor, options);
      return bytes;
    },
  });
}

/** With several maps, which one the measures section (KPIs, reliability by stage, feedback)
 * covers: the map on screen to begin with, as on the dashboard. */
function measuresMapSelect(editor: Editor): HTMLSelectElement | undefined {
  const maps = editor.doc.mapsInOrder();
  if (maps.length < 2) return undefined;
  const select = h(
    "select",
    { name: "measuresMap", "aria-label": "Measures for" },
    ...maps.map((m) => h("option", { value: m.id }, m.name)),
  );
  select.value = editor.mapId;
  return select;
}

/** The report options, kept with the project (not an undo step: a preference, not an edit). */
export function rememberReportOptions(editor: Editor, options: ReportDefaults): void {
  const info = editor.doc.info;
  if (JSON.stringify(info.report) === JSON.stringify(options)) return;
  editor.keep({ put: [{ kind: "info", record: { ...info, report: options } }], delete: [] });
}

/** "Prepared by", as printed on covers and proposals. */
export function authorInput(value: string): HTMLInputElement {
  return h("input", { type: "text", name: "author", value, placeholder: "Your name", "aria-label": "Prepared by" });
}

/** The paper sizes the report and the proposal print on. */
export function paperSelect(value: Paper = "a4"): HTMLSelectElement {
  const select = h(
    "select",
    { name: "paper", "aria-label": "Paper" },
    h("option", { value: "a4" }, "A4"),
    h("option", { value: "letter" }, "US Letter"),
    h("option", { value: "a3" }, "A3 (larger maps, fewer detail pages)"),
  );
  select.value = value;
  return select;
}

export interface PdfDialog {
  title: string;
  /** The choices shown above the buttons. */
  fields: HTMLElement[];
  /** The file name offered, without ".pdf". */
  defaultName: string;
  /** Shown beside the progress bar while the core writes. */
  writing: string;
  /** A reason not to export yet, shown instead of asking where. */
  check?: () => string | undefined;
  /** Writes the PDF to the path chosen; resolves to its size in bytes. */
  write: (path: string) => Promise<number>;
}

/** A modal dialog around writing a PDF: the choices, where to save it, progress while the core
 * writes, the size written or a clear error, and Open to view it. */
export function pdfDialog(editor: Editor, d: PdfDialog): void {
  const status = h("div", { class: "export-status", role: "status", "aria-live": "polite" });
  const exportButton = h("button", { type: "button", class: "primary", name: "export" }, "Export…");
  const close = h("button", { type: "button" }, "Cancel");
  const buttons = h("div", { class: "dialog-buttons" }, close, exportButton);
  const backdrop = h(
    "div",
    { class: "backdrop" },
    h(
      "div",
      { class: "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": "export-title" },
      h("h2", { id: "export-title" }, d.title),
      ...d.fields,
      status,
      buttons,
    ),
  );
  const done = () => backdrop.remove();
  close.addEventListener("click", done);
  backdrop.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !exportButton.disabled) done();
  });
  document.body.append(backdrop);
  exportButton.focus();

  exportButton.addEventListener("click", async () => {
    const problem = d.check?.();
    if (problem) {
      status.textContent = problem;
      return;
    }
    const chosen = await pickFileToSave(editor.path, `${d.defaultName}.pdf`, {
      title: d.title,
      filters: [{ name: "PDF", extensions: ["pdf"] }],
    });
    if (!chosen) return;
    const path = chosen.toLowerCase().endsWith(".pdf") ? chosen : `${chosen}.pdf`;
    exportButton.disabled = true;
    close.disabled = true;
    status.replaceChildren(h("progress", { "aria-label": d.writing }), h("span", {}, ` ${d.writing}`));
    try {
      const bytes = await d.write(path);
      status.replaceChildren(h("p", { class: "ok" }, `Written: ${path} (${fileSize(bytes)})`));
      const open = h("button", { type: "button", class: "primary", name: "openReport" }, "Open");
      open.addEventListener("click", async () => {
        try {
          await editor.backend.openReport();
          done();
        } catch (e) {
          status.append(h("p", { class: "error" }, AppError.from(e).message));
        }
      });
      const closeNow = h("button", { type: "button", onclick: done }, "Close");
      buttons.replaceChildren(closeNow, open);
      open.focus();
    } catch (e) {
      const err = AppError.from(e);
      status.replaceChildren(h("p", { class: "error", "data-code": err.code }, `${errorTitle(err)}: ${err.message}`));
      exportButton.disabled = false;
      close.disabled = false;
    }
  });
}
