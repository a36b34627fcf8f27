// What the editor needs from the Rust side. The desktop app uses Tauri IPC; tests and the
// browser harness use an in-memory backend with the same contract.

import type { Changes } from "../bindings/Changes";
import type { BackupEntry } from "../bindings/BackupEntry";
import type { OpenedProject } from "../bindings/OpenedProject";
import type { PhaseStatus } from "../bindings/PhaseStatus";
import type { PhaseTemplate } from "../bindings/PhaseTemplate";
import type { Redesign } from "../bindings/Redesign";
import type { RedesignProgress } from "../bindings/RedesignProgress";
import type { Summary } from "../bindings/Summary";
import type { WorkCalendar } from "../bindings/WorkCalendar";

export interface Backend {
  openStartup(): Promise<OpenedProject>;
  open(path: string): Promise<OpenedProject>;
  create(path: string, name: string): Promise<OpenedProject>;
  apply(changes: Changes): Promise<Summary>;
  saveAs(path: string): Promise<OpenedProject>;
  /** Writes the PDF report to `path`; resolves to its size in bytes. */
  exportReport(path: string, paper: string, sections: string[], today: string): Promise<number>;
  /** Opens the report just written in the system's viewer. */
  openReport(): Promise<void>;
  /** The open project's rolling backups, newest first. */
  listBackups(): Promise<BackupEntry[]>;
  /** Puts a backup's content into the open file (the state before is backed up first). */
  restoreBackup(path: string): Promise<OpenedProject>;
  /** Where each redesign stands on `today` (YYYY-MM-DD): the core's scheduling rules. */
  redesignProgress(calendar: WorkCalendar, redesigns: Redesign[], today: string): Promise<RedesignProgress[]>;
  /** The redesign with phase `phase` moved to `status` on `date`; refused transitions throw. */
  advancePhase(redesign: Redesign, phase: number, status: PhaseStatus, date: string, note: string): Promise<Redesign>;
  /** Holidays read from an .ics or CSV file (date → name); malformed files throw with a line. */
  readHolidays(path: string): Promise<Record<string, string>>;
  newRedesign(id: string, touchpointId: string, title: string, start: string, template: PhaseTemplate[]): Promise<Redesign>;
}
