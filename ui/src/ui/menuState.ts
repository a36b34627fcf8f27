// Which items of the native menu bar are greyed out: those whose command would do nothing now,
// as the toolbar's buttons are. Pure, so that it is tested without a window.

import type { Action } from "../actions/types";
import type { Editor } from "../editor/editor";

/** The editing commands a text field runs for itself while it has the keyboard. */
export const FIELD_COMMANDS: ReadonlySet<string> = new Set(["undo", "redo", "cut", "copy", "paste", "selectAll"]);

/** What besides the editor decides whether an item applies. */
export interface MenuContext {
  /** A text field has the keyboard: the editing commands go to it. */
  typing: boolean;
  /** A live room is open. */
  roomOpen: boolean;
  /** A project is open (not so when the one asked for at start could not be opened). */
  projectOpen: boolean;
}

/** What applies with no project open. */
const WITHOUT_PROJECT: ReadonlySet<string> = new Set(["new", "open", "quit", "preferences", "shortcuts", "about"]);

/**
 * The ids of `menuIds` that do not apply now, in the order given: actions whose `enabled` says
 * no (unless a field will take the command instead), and Close Room with no room open. Every
 * other item (files, views, dialogs) applies whenever a project is open.
 */
export function menuItemsOff(
  menuIds: readonly string[],
  actionOf: (id: string) => Action | undefined,
  editor: Editor,
  context: MenuContext,
): string[] {
  return menuIds.filter((id) => {
    if (!context.projectOpen) return !WITHOUT_PROJECT.has(id);
    if (id === "closeRoom") return !context.roomOpen;
    if (context.typing && FIELD_COMMANDS.has(id)) return false;
    const enabled = actionOf(id)?.enabled;
    return enabled !== undefined && !enabled(editor);
  });
}
