// What the editor needs from the Rust side. The desktop app uses Tauri IPC; tests and the
// browser harness use an in-memory backend with the same contract.

import type { About } from "../bindings/About";
import type { Changes } from "../bindings/Changes";
import type { BackupEntry } from "../bindings/BackupEntry";
import type { OpenedProject } from "../bindings/OpenedProject";
import type { AfterRejection } from "../bindings/AfterRejection";
import type { CorporateResponse } from "../bindings/CorporateResponse";
import type { Logo } from "../bindings/Logo";
import type { PhaseStatus } from "../bindings/PhaseStatus";
import type { PhaseTemplate } from "../bindings/PhaseTemplate";
import type { Redesign } from "../bindings/Redesign";
import type { RedesignProgress } from "../bindings/RedesignProgress";
import type { Summary } from "../bindings/Summary";
import type { WorkCalendar } from "../bindings/WorkCalendar";
import type { MapKind } from "../bindings/MapKind";
import type { ReportRequest } from "../bindings/ReportRequest";
import type { Table } from "../bindings/Table";
import type { HolidayImport } from "../bindings/HolidayImport";
import type { Dashboard } from "../bindings/Dashboard";
import type { Feedback } from "../bindings/Feedback";
import type { FeedbackMapping } from "../bindings/FeedbackMapping";
import type { FeedbackPreview } from "../bindings/FeedbackPreview";
import type { CjmlRead } from "../bindings/CjmlRead";
import type { TouchpointMapping } from "../bindings/TouchpointMapping";
import type { TouchpointPreview } from "../bindings/TouchpointPreview";
import type { Viewport } from "../bindings/Viewport";
import type { RoomPhase } from "../bindings/RoomPhase";
import type { RoomState } from "../bindings/RoomState";
import type { TemplateEntry } from "../bindings/TemplateEntry";
import type { TemplateList } from "../bindings/TemplateList";
import type { PictureData } from "../bindings/PictureData";

/** The tables the CSV export writes. */
export type CsvTable = Table;

export interface Backend {
  openStartup(): Promise<OpenedProject>;
  open(path: string): Promise<OpenedProject>;
  create(path: string, name: string): Promise<OpenedProject>;
  /** Creates a project named `name` from the template called `template` (fresh ids). */
  createFromTemplate(path: string, name: string, template: string): Promise<OpenedProject>;
  /** The built-in templates and the user's own; unreadable files in `skipped`. */
  listTemplates(): Promise<TemplateList>;
  /** A template's map as SVG (the picker's thumbnail). */
  templatePicture(key: string): Promise<string>;
  /** Keeps a map of the open project as a template; `file-exists` unless `replace`. */
  saveMapAsTemplate(mapId: string, name: string, summary: string, withCards: boolean, replace: boolean): Promise<TemplateEntry>;
  /** Deletes one of the user's own templates. */
  removeTemplate(key: string): Promise<void>;
  /** The picture in an image file, shrunk to fit a card (or a portrait); unreadable or huge
   * ones throw. */
  readPicture(path: string, use?: PictureUse): Promise<PictureData>;
  /** The picture in pasted image bytes (base64). */
  pictureFromData(data: string, use?: PictureUse): Promise<PictureData>;
  /** The picture on the system clipboard (a paste that carried no image file). */
  pictureFromClipboard(use?: PictureUse): Promise<PictureData>;
  /** The open project's feedback, which opening it left out (`feedbackLeftOut` items). */
  projectFeedback(): Promise<Feedback[]>;
  apply(changes: Changes): Promise<Summary>;
  saveAs(path: string): Promise<OpenedProject>;
  /** Writes the PDF report to `path`; resolves to its size in bytes. */
  exportReport(path: string, request: ReportRequest): Promise<number>;
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
  /** The redesign with corporate's answer recorded on the project's calendar; refused answers throw. */
  respondToCorporate(
    redesign: Redesign,
    response: CorporateResponse,
    afterRejection: AfterRejection,
    calendar: WorkCalendar,
  ): Promise<Redesign>;
  /** Writes a redesign's proposal to corporate as a PDF; resolves to its size in bytes. */
  exportProposal(path: string, redesignId: string, request: ReportRequest): Promise<number>;
  /** Holidays read from an .ics or CSV file (yearly ones around `today`), and the events left
   * out by line; malformed files throw `invalid-import` with a line. */
  readHolidays(path: string, today: string): Promise<HolidayImport>;
  /** The organisation's logo from a PNG or SVG file, checked; too large, foreign or broken throws. */
  readLogo(path: string): Promise<Logo>;
  newRedesign(id: string, touchpointId: string, title: string, start: string, template: PhaseTemplate[]): Promise<Redesign>;
  /** The records of a new map (standard lanes, stages to rename), not yet added. */
  newMap(name: string, kind: MapKind, position: number): Promise<Changes>;
  /** A new map from a template's first map (with its cards, notes and personas), fresh ids. */
  newMapFromTemplate(template: string, name: string, position: number): Promise<Changes>;
  /** The dashboard's figures for a map on `today`, from the saved project (flush first). */
  dashboard(mapId: string | null, today: string): Promise<Dashboard>;
  /** The mapping step of a feedback CSV import: `mapping` as given, or guessed when null. */
  previewFeedbackCsv(path: string, mapId: string, mapping: FeedbackMapping | null): Promise<FeedbackPreview>;
  /** Every row as new feedback (for the UI to add as one undoable step); a bad line throws `invalid-import`. */
  readFeedbackCsv(path: string, mapping: FeedbackMapping): Promise<Feedback[]>;
  /** Writes one table as formula-safe CSV; resolves to its size in bytes. */
  exportCsv(table: CsvTable, path: string): Promise<number>;
  /** Writes a map as SVG (scale null) or PNG at `scale`, whole or the `viewport` part. */
  exportMapPicture(path: string, mapId: string, scale: number | null, viewport: Viewport | null): Promise<number>;
  /** Writes the project as one self-contained web page. */
  exportHtml(path: string, today: string): Promise<number>;
  /** Writes the maps as CJML; resolves to what CJML could not hold. */
  exportCjml(path: string): Promise<string[]>;
  /** The mapping step of a touchpoint sheet (CSV or .xlsx) import. */
  previewTouchpointsSheet(path: string, mapId: string | null, mapping: TouchpointMapping | null): Promise<TouchpointPreview>;
  /** The changes a sheet makes (for one undoable step); a bad line throws `invalid-import`. */
  readTouchpointsSheet(path: string, mapping: TouchpointMapping): Promise<Changes>;
  /** The changes a CJML document makes, and what it leaves out. */
  readCjml(path: string): Promise<CjmlRead>;
  /** This build's version and the newest file format it reads and writes (Help → About). */
  about(): Promise<About>;
  /** The live workshop room on a map of the open project (one at a time). */
  openRoom(mapId: string): Promise<RoomState>;
  roomState(): Promise<RoomState | null>;
  /** The join address as an SVG QR code. */
  roomQr(url: string): Promise<string>;
  setRoomPhase(phase: RoomPhase): Promise<RoomState>;
  setRoomLocked(locked: boolean): Promise<RoomState>;
  setRoomBudget(votes: number): Promise<RoomState>;
  removeParticipant(id: string): Promise<RoomState>;
  /** Shows the workshop timer on the participants' screens. */
  setRoomTimer(remaining: number, running: boolean): Promise<RoomState>;
  closeRoom(): Promise<void>;
}

/** What a picture is for: a card's picture (up to 1600 pixels) or a persona's portrait (512). */
export type PictureUse = "card" | "portrait";
