// The Backend over Tauri IPC: each method is one command of `src-tauri/src/main.rs`.

import { invoke } from "@tauri-apps/api/core";
import type { About } from "../bindings/About";
import type { BackupEntry } from "../bindings/BackupEntry";
import type { Changes } from "../bindings/Changes";
import type { OpenedProject } from "../bindings/OpenedProject";
import type { Redesign } from "../bindings/Redesign";
import type { RedesignProgress } from "../bindings/RedesignProgress";
import type { Summary } from "../bindings/Summary";
import type { Dashboard } from "../bindings/Dashboard";
import type { Feedback } from "../bindings/Feedback";
import type { FeedbackPreview } from "../bindings/FeedbackPreview";
import type { CjmlRead } from "../bindings/CjmlRead";
import type { Logo } from "../bindings/Logo";
import type { HolidayImport } from "../bindings/HolidayImport";
import type { TouchpointPreview } from "../bindings/TouchpointPreview";
import type { Backend } from "./backend";
import { AppError } from "./errors";
import type { RoomState } from "../bindings/RoomState";
import type { TemplateEntry } from "../bindings/TemplateEntry";
import type { TemplateList } from "../bindings/TemplateList";
import type { PictureData } from "../bindings/PictureData";

/** The startup project asked for by `public/ask-early.js` as the page began, taken once. */
function askedEarly(): Promise<OpenedProject> | undefined {
  const w = window as { journeymapStartup?: Promise<OpenedProject> };
  const asked = w.journeymapStartup;
  w.journeymapStartup = undefined;
  return asked?.catch((e: unknown) => {
    throw AppError.from(e);
  });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw AppError.from(e);
  }
}

export const tauriBackend: Backend = {
  openStartup: () => askedEarly() ?? call<OpenedProject>("open_startup_project"),
  open: (path) => call<OpenedProject>("open_project", { path }),
  create: (path, name) => call<OpenedProject>("create_project", { path, name }),
  createFromTemplate: (path, name, template) => call<OpenedProject>("create_from_template", { path, name, template }),
  listTemplates: () => call<TemplateList>("list_templates"),
  templatePicture: (key) => call<string>("template_picture", { key }),
  saveMapAsTemplate: (mapId, name, summary, withCards, replace) =>
    call<TemplateEntry>("save_map_as_template", { mapId, name, summary, withCards, replace }),
  removeTemplate: (key) => call<void>("remove_template", { key }),
  readPicture: (path, use) => call<PictureData>(use === "portrait" ? "read_portrait" : "read_picture", { path }),
  pictureFromData: (data, use) => call<PictureData>(use === "portrait" ? "portrait_from_data" : "picture_from_data", { data }),
  pictureFromClipboard: (use) => call<PictureData>("clipboard_picture", { portrait: use === "portrait" }),
  apply: (changes: Changes) => call<Summary>("apply_changes", { changes }),
  saveAs: (path) => call<OpenedProject>("save_project_as", { path }),
  exportReport: (path, request) => call<number>("export_report", { path, request }),
  openReport: () => call<void>("open_report"),
  listBackups: () => call<BackupEntry[]>("list_backups"),
  restoreBackup: (path) => call<OpenedProject>("restore_backup", { path }),
  redesignProgress: (calendar, redesigns, today) => call<RedesignProgress[]>("redesign_progress", { calendar, redesigns, today }),
  advancePhase: (redesign, phase, status, date, note) => call<Redesign>("advance_phase", { redesign, phase, status, date, note }),
  respondToCorporate: (redesign, response, afterRejection, calendar) =>
    call<Redesign>("respond_to_corporate", { redesign, response, afterRejection, calendar }),
  exportProposal: (path, redesignId, request) => call<number>("export_proposal", { path, redesignId, request }),
  readHolidays: (path, today) => call<HolidayImport>("read_holidays", { path, today }),
  readLogo: (path) => call<Logo>("read_logo", { path }),
  newRedesign: (id, touchpointId, title, start, template) => call<Redesign>("new_redesign", { id, touchpointId, title, start, template }),
  newMap: (name, kind, position) => call<Changes>("new_map", { name, kind, position }),
  newMapFromTemplate: (template, name, position) => call<Changes>("new_map_from_template", { template, name, position }),
  projectFeedback: () => call<Feedback[]>("project_feedback"),
  dashboard: (mapId, today) => call<Dashboard>("dashboard", { mapId, today }),
  previewFeedbackCsv: (path, mapId, mapping) => call<FeedbackPreview>("preview_feedback_csv", { path, mapId, mapping }),
  readFeedbackCsv: (path, mapping) => call<Feedback[]>("read_feedback_csv", { path, mapping }),
  exportCsv: (table, path) => call<number>("export_csv", { table, path }),
  exportMapPicture: (path, mapId, scale, viewport) => call<number>("export_map_picture", { path, mapId, scale, viewport }),
  exportHtml: (path, today) => call<number>("export_html", { path, today }),
  exportCjml: (path) => call<string[]>("export_cjml", { path }),
  previewTouchpointsSheet: (path, mapId, mapping) => call<TouchpointPreview>("preview_touchpoints_sheet", { path, mapId, mapping }),
  readTouchpointsSheet: (path, mapping) => call<Changes>("read_touchpoints_sheet", { path, mapping }),
  readCjml: (path) => call<CjmlRead>("read_cjml", { path }),
  about: () => call<About>("about"),
  openRoom: (mapId) => call<RoomState>("open_room", { mapId }),
  roomState: () => call<RoomState | null>("room_state"),
  roomQr: (url) => call<string>("room_qr", { url }),
  setRoomPhase: (phase) => call<RoomState>("set_room_phase", { phase }),
  setRoomLocked: (locked) => call<RoomState>("set_room_locked", { locked }),
  setRoomBudget: (votes) => call<RoomState>("set_room_budget", { votes }),
  removeParticipant: (id) => call<RoomState>("remove_participant", { id }),
  setRoomTimer: (remaining, running) => call<RoomState>("set_room_timer", { remaining, running }),
  closeRoom: () => call<void>("close_room"),
};
