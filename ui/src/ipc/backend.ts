// What the editor needs from the Rust side. The desktop app uses Tauri IPC; tests and the
// browser harness use an in-memory backend with the same contract.

import type { Changes } from "../bindings/Changes";
import type { OpenedProject } from "../bindings/OpenedProject";
import type { Summary } from "../bindings/Summary";

export interface Backend {
  openStartup(): Promise<OpenedProject>;
  open(path: string): Promise<OpenedProject>;
  create(path: string, name: string): Promise<OpenedProject>;
  apply(changes: Changes): Promise<Summary>;
  saveAs(path: string): Promise<OpenedProject>;
}
