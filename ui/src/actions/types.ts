// The shape of a user command: a name, a label for menus, its shortcuts, when it applies, and
// what it does to the editor. One command per file in this folder, its test beside it.

import type { Editor } from "../editor/editor";

export interface Action {
  name: string;
  label: string;
  /** Shortcuts such as "mod+z" or "shift+mod+z"; "mod" is Ctrl, or Cmd on macOS. */
  keys?: string[];
  enabled?: (editor: Editor) => boolean;
  /** For a setting of the selection: whether it holds now (a toolbar button shows it pressed). */
  pressed?: (editor: Editor) => boolean;
  perform: (editor: Editor) => void;
}
