// File commands: New, Open and Save As through the native dialogs, with the error dialog for
// anything the core refuses. Autosave means there is no plain "Save" to forget.

import { fileName, pickFileToOpen, pickFileToSave } from "./filePicker";
import type { Backend } from "../ipc/backend";
import type { Editor } from "../editor/editor";
import { ask, chooseBackup, showError } from "./dialogs";
import { chooseStart } from "./templates";

const FILTERS = [{ name: "Journeymap project", extensions: ["journey"] }];

function withExtension(path: string): string {
  return path.endsWith(".journey") ? path : `${path}.journey`;
}

export class Files {
  constructor(
    private readonly editor: Editor,
    private readonly backend: Backend,
    private readonly onOpened: () => void,
  ) {}

  /** File → New Project…: a name and a starting map (blank or a template), then where to keep it. */
  async newProject(): Promise<void> {
    const choice = await chooseStart(this.backend);
    if (!choice) return;
    const { name, template } = choice;
    const path = await pickFileToSave(this.editor.path, `${name}.journey`, { title: "Create project", filters: FILTERS });
    if (!path) return;
    await this.editor.flush();
    try {
      const file = withExtension(path);
      this.editor.load(await (template ? this.backend.createFromTemplate(file, name, template) : this.backend.create(file, name)));
      this.onOpened();
    } catch (e) {
      await showError(e, "The project was not created.");
    }
  }

  async openProject(path?: string): Promise<void> {
    const chosen = path ?? (await pickFileToOpen({ title: "Open project", filters: FILTERS }, this.editor.path));
    if (!chosen) return;
    await this.editor.flush();
    try {
      this.editor.load(await this.backend.open(chosen));
      this.onOpened();
    } catch (e) {
      // The current project stays open: a bad file never leaves an empty window.
      await showError(e, `Could not open ${chosen}.`);
    }
  }

  /** Lists the open project's backups and restores the one chosen, after asking. */
  async restoreBackup(): Promise<void> {
    await this.editor.flush();
    try {
      const backups = await this.backend.listBackups();
      const path = await chooseBackup(backups);
      if (!path) return;
      const taken = backups.find((b) => b.path === path)?.taken.replace("T", " ") ?? "";
      if (
        !(await ask(
          "Restore backup",
          `Replace the project with the backup from ${taken}? The current state is backed up first, so you can come back to it.`,
          "Restore",
          "Cancel",
        ))
      )
        return;
      this.editor.load(await this.backend.restoreBackup(path));
      this.onOpened();
    } catch (e) {
      await showError(e, "Nothing was restored.");
    }
  }

  async saveAs(): Promise<void> {
    const path = await pickFileToSave(this.editor.path, fileName(this.editor.path) || "journey.journey", {
      title: "Save project as",
      filters: FILTERS,
    });
    if (!path) return;
    await this.editor.flush();
    try {
      const opened = await this.backend.saveAs(withExtension(path));
      this.editor.path = opened.path;
      this.onOpened();
      this.editor.notify();
    } catch (e) {
      await showError(e, "The copy was not written.");
    }
  }
}
