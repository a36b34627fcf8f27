// Redesigns → Export proposal…: the PDF a manager sends to corporate for one redesign (the
// problem and its evidence, the change and its plan, the decision block). The core draws it.

import type { Paper } from "../bindings/Paper";
import type { Editor } from "../editor/editor";
import { localToday } from "../actions/startRedesign";
import { h } from "./dom";
import { paperSelect, pdfDialog } from "./exportReport";

export async function exportProposal(editor: Editor, redesignId: string): Promise<void> {
  await editor.flush();
  const r = editor.doc.get("redesign", redesignId);
  if (!r) return;
  const paper = paperSelect();
  const author = h("input", { type: "text", name: "author", placeholder: "Your name", "aria-label": "Prepared by" });
  pdfDialog(editor, {
    title: "Export proposal to corporate",
    fields: [
      h("p", { class: "muted" }, `“${r.title}”: 1–3 pages with the evidence from the project and a block for corporate's decision.`),
      h("label", {}, "Paper", paper),
      h("label", {}, "Prepared by", author),
    ],
    defaultName: `Proposal - ${r.title}`.replace(/[\\/:*?"<>|]/g, "-"),
    writing: "Writing the proposal…",
    write: (path) =>
      editor.backend.exportProposal(path, redesignId, {
        paper: paper.value as Paper,
        sections: [],
        today: localToday(),
        author: author.value.trim() || "Journeymap",
      }),
  });
}
