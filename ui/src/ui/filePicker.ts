// The system's open and save pickers, shown so that a save starts in the project's own folder
// (not wherever the app was started from) and the map behind ignores keys while one is up.

import { appDataDir, documentDir, homeDir } from "@tauri-apps/api/path";
import { type OpenDialogOptions, type SaveDialogOptions, open, save } from "@tauri-apps/plugin-dialog";

let showing = 0;
let closedAt = Number.NEGATIVE_INFINITY;

/** Whether a system picker is up (keys that reach the window meanwhile are not for the map). */
export function pickerShowing(): boolean {
  return showing > 0;
}

/** When the last picker closed (`performance.now()`), for keys still queued behind it. */
export function pickerClosedAt(): number {
  return closedAt;
}

async function shown<T>(picker: () => Promise<T>): Promise<T> {
  showing++;
  try {
    return await picker();
  } finally {
    showing--;
    closedAt = performance.now();
  }
}

/** The folder `path` is in ("" for a bare name), keeping the path's own separator. */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  if (cut < 0) return "";
  return cut === 0 ? path.slice(0, 1) : path.slice(0, cut);
}

/** The last part of `path`: its file's name. */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

/** `name` inside `folder`, joined with the separator the folder already uses. */
export function inFolder(folder: string, name: string): string {
  if (!folder) return name;
  const separator = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** Whether `path` lies inside `folder` (the app's own data folder, say). */
export function isInside(path: string, folder: string): boolean {
  if (!folder) return false;
  const norm = (p: string) => p.replaceAll("\\", "/").replace(/\/+$/, "");
  return norm(path).startsWith(`${norm(folder)}/`);
}

/**
 * Where a picker starts: the open project's folder, unless the project lives in the app's own
 * data folder (the copy of the sample a first start opens), which is no place for a person's
 * files: then their Documents folder, else their home. Empty when none is known.
 */
export function startFolder(projectPath: string, places: { appData?: string; documents?: string; home?: string }): string {
  if (projectPath && folderOf(projectPath) && !isInside(projectPath, places.appData ?? "")) return folderOf(projectPath);
  return places.documents || places.home || "";
}

let known: Promise<{ appData?: string; documents?: string; home?: string }> | undefined;

/** The person's folders, asked of the shell once; a folder it cannot name is left out. */
function places(): Promise<{ appData?: string; documents?: string; home?: string }> {
  const ask = (f: () => Promise<string>) => f().catch(() => undefined);
  known ??= Promise.all([ask(appDataDir), ask(documentDir), ask(homeDir)]).then(([appData, documents, home]) => ({
    appData,
    documents,
    home,
  }));
  return known;
}

/** The save picker, offering `fileName` in the folder `startFolder` picks for `projectPath`. */
export async function pickFileToSave(
  projectPath: string,
  fileName: string,
  options: Omit<SaveDialogOptions, "defaultPath">,
): Promise<string | null> {
  const folder = startFolder(projectPath, await places());
  return shown(() => save({ ...options, defaultPath: inFolder(folder, fileName) }));
}

/**
 * The open picker for one file. Given the open project's path it starts in the folder
 * `startFolder` picks (another project is likely beside this one); without, where the system's
 * picker starts on its own (recent files, on GNOME).
 */
export async function pickFileToOpen(
  options: Omit<OpenDialogOptions, "defaultPath" | "multiple" | "directory">,
  projectPath?: string,
): Promise<string | null> {
  const folder = projectPath === undefined ? "" : startFolder(projectPath, await places());
  const chosen = await shown(() => open({ ...options, multiple: false, directory: false, ...(folder ? { defaultPath: folder } : {}) }));
  return typeof chosen === "string" ? chosen : null;
}
