// Add what an import read (touchpoints from a sheet, journeys from CJML) as one undoable step:
// one Undo takes the whole import back, maps, stages, lanes and cards together.

import type { Changes } from "../bindings/Changes";
import type { Editor } from "../editor/editor";

export function importChanges(e: Editor, changes: Changes, label: string): void {
  if (changes.put.length === 0 && changes.delete.length === 0) return;
  e.commit(changes, label);
}
