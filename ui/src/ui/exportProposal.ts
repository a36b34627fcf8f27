// Redesigns → Export proposal…: the PDF a manager sends to corporate for one redesign (the
// problem and its evidence, the change and its plan, the decision block). The core draws it.

import type { Paper } from "../bindings/Paper";
import type { Editor } from "../editor/editor";
import { localToday } from "../actions/startRedesign";
import { h } from "./dom";
import { fileNameOf } from "./labels";
import { authorInput, paperSelect, pdfDialog, rememberReportOptions } from "./exportReport";

/** `today`: the day its plan and status are judged on (the Redesigns view's Today). */
export async function exportProposal(editor: Editor, redesignId: string, today = localToday()): Promise<void> {
  await editor.flush();
  const r = editor.doc.get("redesign", redesignId);
  if (!r) return;
  const remembered = editor.doc.info.report;
  const paper = paperSelect(remembered.paper);
  const author = authorInput(remembered.author);
  pdfDialog(editor, {
    title: "Export proposal to corporate",
    fields: [
      h("p", { class: "muted" }, `“${r.title}”: 1–3 pages with the evidence from the project and a block for corporate's decision.`),
      h("label", {}, "Paper", paper),
      h("label", {}, "Prepared by", author),
    ],
    defaultName: fileNameOf(`Proposal - ${r.title}`),
    writing: "Writing the proposal…",
    write: async (path) => {
      const bytes = await editor.backend.exportProposal(path, redesignId, {
        paper: paper.value as Paper,
        sections: [],
        today,
        author: author.value.trim() || "Journeymap",
        measuresMap: null,
      });
      rememberReportOptions(editor, { ...remembered, paper: paper.value as Paper, author: author.value.trim() });
      return bytes;
    },
  });
}
