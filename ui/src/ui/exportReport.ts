// File → Export PDF Report: choose paper and sections, choose where, watch it being written, and
// open it when done. The rendering is the core's; this is only the conversation around it.

import { save } from "@tauri-apps/plugin-dialog";
import type { Paper } from "../bindings/Paper";
import type { Section } from "../bindings/Section";
import type { Editor } from "../editor/editor";
import { localToday } from "../actions/startRedesign";
import { AppError, errorTitle } from "../ipc/errors";
import { h } from "./dom";

export const REPORT_SECTIONS: Array<[Section, string]> = [
  ["cover", "Cover"],
  ["map", "Journey maps"],
  ["moments", "Moments of truth"],
  ["touchpoints", "Touchpoints table"],
  ["room", "Workshop room: ratings, votes, notes by participant"],
  ["measures", "KPIs, reliability, feedback, customers, pillars"],
  ["redesigns", "Redesign tracker"],
];

export async function exportReport(editor: Editor): Promise<void> {
  await editor.flush();
  const paper = h(
    "select",
    { name: "paper", "aria-label": "Paper" },
    h("option", { value: "a4" }, "A4"),
    h("option", { value: "letter" }, "US Letter"),
    h("option", { value: "a3" }, "A3 (the whole map on one page)"),
  );
  const boxes = REPORT_SECTIONS.map(([id, label]) => {
    const box = h("input", { type: "checkbox", name: `section-${id}`, checked: true });
    return { id, box, el: h("label", { class: "check" }, box, label) };
  });
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
      h("h2", { id: "export-title" }, "Export PDF report"),
      h("label", {}, "Paper", paper),
      h("fieldset", { class: "sections" }, h("legend", {}, "Sections"), ...boxes.map((b) => b.el)),
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
    const sections = boxes.filter((b) => b.box.checked).map((b) => b.id);
    if (sections.length === 0) {
      status.textContent = "Choose at least one section.";
      return;
    }
    const chosen = await save({
      title: "Export PDF report",
      filters: [{ name: "PDF", extensions: ["pdf"] }],
      defaultPath: `${editor.doc.info.name}.pdf`,
    });
    if (!chosen) return;
    const path = chosen.toLowerCase().endsWith(".pdf") ? chosen : `${chosen}.pdf`;
    exportButton.disabled = true;
    close.disabled = true;
    status.replaceChildren(h("progress", { "aria-label": "Writing the report" }), h("span", {}, " Writing the report…"));
    try {
      const bytes = await editor.backend.exportReport(path, {
        paper: paper.value as Paper,
        sections,
        today: localToday(),
        author: "Journeymap",
      });
      status.replaceChildren(h("p", { class: "ok" }, `Written: ${path} (${Math.max(1, Math.round(bytes / 1024))} KB)`));
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
