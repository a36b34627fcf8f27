// File → Export CSV: touchpoints, KPIs or feedback as a spreadsheet file. The core writes it,
// with every text cell escaped so that no spreadsheet runs it as a formula.

import { pickFileToSave } from "./filePicker";
import type { Editor } from "../editor/editor";
import type { CsvTable } from "../ipc/backend";
import { message, showError } from "./dialogs";
import { fileSize } from "./labels";

const NAMES: Record<CsvTable, string> = { touchpoints: "touchpoints", kpis: "KPIs", feedback: "feedback" };

export async function exportCsv(editor: Editor, table: CsvTable): Promise<void> {
  await editor.flush();
  const chosen = await pickFileToSave(editor.path, `${editor.doc.info.name} - ${table}.csv`, {
    title: `Export ${NAMES[table]} as CSV`,
    filters: [{ name: "CSV", extensions: ["csv"] }],
  });
  if (!chosen) return;
  const path = chosen.toLowerCase().endsWith(".csv") ? chosen : `${chosen}.csv`;
  try {
    const bytes = await editor.backend.exportCsv(table, path);
    await message("CSV exported", `Written: ${path} (${fileSize(bytes)})`);
  } catch (e) {
    await showError(e, `The ${NAMES[table]} were not exported.`);
  }
}
