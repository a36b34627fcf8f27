// Test helpers that read like a user's steps: an editor on the bundled sample project with an
// in-memory backend that applies changes as the core would, and records every write.

import sampleDocument from "../../../assets/sample.json";
import sampleDashboard from "../../tests/fixtures/sample-dashboard.json";
import feedbackPreview from "../../tests/fixtures/feedback-preview.json";
import feedbackImport from "../../tests/fixtures/feedback-import.json";
import touchpointsPreview from "../../tests/fixtures/touchpoints-preview.json";
import touchpointsImport from "../../tests/fixtures/touchpoints-import.json";
import cjmlRead from "../../tests/fixtures/cjml-read.json";
import builtInTemplates from "../../tests/fixtures/templates.json";
import type { TemplateEntry } from "../bindings/TemplateEntry";
import type { TemplateList } from "../bindings/TemplateList";
import type { PictureData } from "../bindings/PictureData";
import type { About } from "../bindings/About";
import type { Logo } from "../bindings/Logo";
import type { CjmlRead } from "../bindings/CjmlRead";
import type { HolidayImport } from "../bindings/HolidayImport";
import type { TouchpointPreview } from "../bindings/TouchpointPreview";
import type { Dashboard } from "../bindings/Dashboard";
import type { Feedback } from "../bindings/Feedback";
import type { FeedbackPreview } from "../bindings/FeedbackPreview";
import type { BackupEntry } from "../bindings/BackupEntry";
import type { Changes } from "../bindings/Changes";
import type { OpenedProject } from "../bindings/OpenedProject";
import type { ProjectRecord } from "../bindings/ProjectRecord";
import type { Project } from "../bindings/Project";
import type { Summary } from "../bindings/Summary";
import type { Touchpoint } from "../bindings/Touchpoint";
import type { Backend } from "../ipc/backend";
import { AppError } from "../ipc/errors";
import { Doc, namedInfo, recordOf } from "../model/doc";
import { newId } from "../model/ids";
import type { MapKind } from "../bindings/MapKind";
import type { ReportRequest } from "../bindings/ReportRequest";
import { STARTER_LANES, STARTER_STAGES } from "../bindings/starterMap";
import { LANE_HEIGHT, STAGE_WIDTH } from "../geometry/layout";
import { Editor } from "./editor";
import { fakeAdvance, fakeNewRedesign, fakeProgress, fakeRespond } from "./fakeWorkflow";
import type { RoomPhase } from "../bindings/RoomPhase";
import type { RoomState } from "../bindings/RoomState";
import { openedOf } from "../model/rows";

/** A 2×1 PNG, as the core would hand it back. */
export const TINY_PICTURE: PictureData = {
  mediaType: "image/png",
  width: 2,
  height: 1,
  data: "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwyBLAAt/wX7LdlvlQAAAABJRU5ErkJggg==",
};

export function sampleProject(): Project {
  return structuredClone((sampleDocument as unknown as { project: Project }).project);
}

export function summaryOf(p: Project): Summary {
  const count = (r: string) => p.touchpoints.filter((t) => t.reliability === r).length;
  return {
    maps: p.maps.length,
    personas: p.personas.length,
    stages: p.stages.length,
    lanes: p.lanes.length,
    touchpoints: p.touchpoints.length,
    momentsOfTruth: p.touchpoints.filter((t) => t.momentOfTruth).length,
    connectors: p.connectors.length,
    notes: p.notes.length,
    stories: p.stories.length,
    redesigns: p.redesigns.length,
    kpis: p.kpis.length,
    feedback: p.feedback.length,
    opportunities: p.opportunities.length,
    unrated: count("unrated"),
    broken: count("broken"),
    reliable: count("reliable"),
    differentiating: count("differentiating"),
  };
}

/** The core's `starter_map`, built from the same generated stage and lane lists. */
export function starterMap(name: string, kind: MapKind, position: number): Changes {
  const mapId = newId();
  return {
    put: [
      recordOf("map", { id: mapId, name, kind, personaId: null, otherPersonas: [], description: "", position }),
      ...STARTER_STAGES.map((stage, i) =>
        recordOf("stage", { id: newId(), mapId, name: stage, description: "", position: i, width: STAGE_WIDTH }),
      ),
      ...STARTER_LANES.map((lane, i) =>
        recordOf("lane", { id: newId(), mapId, name: lane.name, kind: lane.kind, position: i, height: LANE_HEIGHT }),
      ),
    ],
    delete: [],
  };
}

/** A backend that keeps the "file" in memory. `failNext` makes the next write fail. */
export class MemoryBackend implements Backend {
  file: Doc;
  writes: Changes[] = [];
  failNext = false;
  /** Refuses a change set as the core's validation would (a reason), or accepts it (undefined). */
  refuse: ((changes: Changes) => string | undefined) | undefined;
  /** Changes the shell cannot even read (a date not on the calendar): what serde says of them. */
  unreadable: ((changes: Changes) => string | undefined) | undefined;

  constructor(
    public project: Project,
    public path = "/tmp/sample.journey",
  ) {
    this.file = Doc.fromProject(structuredClone(project));
  }

  /** What the core sends on opening: the project without its feedback (and how much there is),
   * its touchpoints and connectors as rows. */
  private opened(path: string): OpenedProject {
    return openedOf(path, structuredClone(this.file.toProject()));
  }

  async projectFeedback(): Promise<Feedback[]> {
    this.feedbackFetches++;
    return structuredClone([...this.file.tables.feedback.values()]);
  }

  /** How many times the editor fetched the project's feedback. */
  feedbackFetches = 0;

  async openStartup(): Promise<OpenedProject> {
    return this.opened(this.path);
  }

  async open(path: string): Promise<OpenedProject> {
    if (!path.endsWith(".journey")) throw new AppError("not-a-project-file", `${path} is not a Journeymap project file`);
    return this.opened(path);
  }

  async create(path: string, name: string): Promise<OpenedProject> {
    const project: Project = {
      info: namedInfo("00000000-0000-4000-8000-000000000000", name),
      personas: [],
      maps: [],
      stages: [],
      lanes: [],
      touchpoints: [],
      connectors: [],
      notes: [],
      stories: [],
      calendar: { weekmask: "1111100", holidays: {} },
      redesignTemplate: [],
      redesigns: [],
      kpis: [],
      topTouchpoints: [],
      feedback: [],
      customerPeriods: [],
      opportunities: [],
      comments: [],
      pictures: [],
      pillars: [],
    };
    this.file = Doc.fromProject(project);
    this.file.apply(starterMap("As-is journey", "asIs", 0));
    return this.opened(path);
  }

  /** Templates saved in this backend's "folder", by key. */
  readonly savedTemplates = new Map<string, { entry: TemplateEntry; project: Project }>();

  async createFromTemplate(path: string, name: string, template: string): Promise<OpenedProject> {
    const source =
      (builtInTemplates.projects as unknown as Record<string, Project>)[template] ?? this.savedTemplates.get(template)?.project;
    if (!source) throw new AppError("not-found", `template "${template}" does not exist`);
    const project: Project = structuredClone(source);
    project.info = { ...project.info, name };
    this.file = Doc.fromProject(project);
    return this.opened(path);
  }

  async listTemplates(): Promise<TemplateList> {
    const list = builtInTemplates.list as TemplateList;
    return { templates: [...list.templates, ...[...this.savedTemplates.values()].map((t) => t.entry)], skipped: [] };
  }

  async templatePicture(key: string): Promise<string> {
    const svg = (builtInTemplates.pictures as Record<string, string>)[key];
    if (svg) return svg;
    if (this.savedTemplates.has(key)) return "<svg xmlns='http://www.w3.org/2000/svg'/>";
    throw new AppError("not-found", `template "${key}" does not exist`);
  }

  async saveMapAsTemplate(mapId: string, name: string, summary: string, withCards: boolean, replace: boolean): Promise<TemplateEntry> {
    const key =
      name
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, "-")
        .replace(/^-|-$/g, "") || "template";
    if (this.savedTemplates.has(key) && !replace) throw new AppError("file-exists", `${key}.journey already exists`);
    const all = this.file.toProject();
    const mine = <T extends { mapId: string }>(xs: T[]) => xs.filter((x) => x.mapId === mapId);
    const project: Project = {
      ...all,
      info: namedInfo(newId(), name),
      maps: all.maps.filter((m) => m.id === mapId),
      stages: mine(all.stages),
      lanes: mine(all.lanes),
      touchpoints: withCards ? mine(all.touchpoints) : [],
      notes: withCards ? mine(all.notes) : [],
      connectors: withCards ? mine(all.connectors) : [],
      stories: [],
      redesigns: [],
      kpis: [],
      feedback: [],
      topTouchpoints: [],
    };
    const entry: TemplateEntry = {
      key,
      name,
      summary: summary.trim(),
      origin: "yours",
      stages: project.stages.length,
      cards: project.touchpoints.length + project.notes.length,
    };
    this.savedTemplates.set(key, { entry, project });
    return entry;
  }

  async removeTemplate(key: string): Promise<void> {
    if (!this.savedTemplates.delete(key)) throw new AppError("not-found", `template "${key}" does not exist`);
  }

  /** A tiny real PNG (2×1) for any path or data: the core's resizing is tested in Rust. */
  async readPicture(path: string): Promise<PictureData> {
    if (!/\.(png|jpe?g|webp)$/i.test(path)) throw new AppError("invalid-input", "the picture cannot be read (it is not PNG, JPEG or WebP)");
    return TINY_PICTURE;
  }

  async pictureFromData(_data: string): Promise<PictureData> {
    return TINY_PICTURE;
  }

  /** What the system clipboard holds, for tests: a picture, or nothing (an error, as the shell). */
  clipboard: PictureData | undefined;

  async pictureFromClipboard(): Promise<PictureData> {
    if (!this.clipboard)
      throw new AppError("invalid-input", "the clipboard holds no picture: copy an image (PNG, JPEG or WebP) first, or choose a file");
    return this.clipboard;
  }

  async newMap(name: string, kind: MapKind, position: number): Promise<Changes> {
    return starterMap(name, kind, position);
  }

  /** As the core does: the template's first map and what is on it, every id fresh. */
  async newMapFromTemplate(template: string, name: string, position: number): Promise<Changes> {
    const source =
      (builtInTemplates.projects as unknown as Record<string, Project>)[template] ?? this.savedTemplates.get(template)?.project;
    if (!source) throw new AppError("not-found", `template "${template}" does not exist`);
    const first = [...source.maps].sort((a, b) => a.position - b.position)[0];
    if (!first) throw new AppError("invalid-input", `the template "${template}" has no map`);
    const fresh = new Map<string, string>();
    const renew = (text: string) =>
      text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
        if (!fresh.has(id)) fresh.set(id, newId());
        return fresh.get(id)!;
      });
    const on = <T extends { mapId: string }>(list: T[]) => list.filter((x) => x.mapId === first.id);
    const put: ProjectRecord[] = [
      recordOf("map", { ...first, name, position }),
      ...on(source.stages).map((r) => recordOf("stage", r)),
      ...on(source.lanes).map((r) => recordOf("lane", r)),
      ...on(source.touchpoints).map((r) => recordOf("touchpoint", r)),
      ...on(source.connectors).map((r) => recordOf("connector", r)),
      ...on(source.notes).map((r) => recordOf("note", r)),
    ];
    return { put: JSON.parse(renew(JSON.stringify(put))) as ProjectRecord[], delete: [] };
  }

  async apply(changes: Changes): Promise<Summary> {
    if (this.failNext) {
      this.failNext = false;
      throw { code: "io", message: "disk full" };
    }
    // Tauri's answer when the shell could not read the arguments: a bare string, no code.
    const unread = this.unreadable?.(changes);
    if (unread) throw `invalid args \`changes\` for command \`apply_changes\`: ${unread}`;
    const reason = this.refuse?.(changes);
    if (reason) throw { code: "invalid-project", message: `the project is not valid: ${reason}` };
    this.writes.push(structuredClone(changes));
    this.file.apply(structuredClone(changes));
    return summaryOf(this.file.toProject());
  }

  redesignProgress = async (...a: Parameters<typeof fakeProgress>) => fakeProgress(...a);
  advancePhase = async (...a: Parameters<typeof fakeAdvance>) => fakeAdvance(...a);
  respondToCorporate = async (...a: Parameters<typeof fakeRespond>) => fakeRespond(...a);
  proposals: Array<{ path: string; redesignId: string; request: ReportRequest }> = [];
  async exportProposal(path: string, redesignId: string, request: ReportRequest): Promise<number> {
    this.proposals.push({ path, redesignId, request });
    return 2048;
  }
  holidayFiles: Record<string, HolidayImport> = {};
  readHolidays = async (path: string, _today: string): Promise<HolidayImport> => {
    const found = this.holidayFiles[path];
    if (!found) throw new AppError("file-not-found", `${path} does not exist`);
    return found;
  };
  newRedesign = async (...a: Parameters<typeof fakeNewRedesign>) => fakeNewRedesign(...a);
  logoFiles: Record<string, Logo> = {};
  readLogo = async (path: string): Promise<Logo> => {
    const found = this.logoFiles[path];
    if (!found) throw new AppError("invalid-input", "the logo must be a PNG or SVG image");
    return found;
  };

  reports: Array<{ path: string; request: ReportRequest }> = [];
  async exportReport(path: string, request: ReportRequest): Promise<number> {
    this.reports.push({ path, request });
    return 4096;
  }
  async openReport(): Promise<void> {}

  // The core computes these; headless tests replay what it computed for the sample
  // (ui/tests/fixtures, kept current by a Rust test).
  dashboardCalls: Array<{ mapId: string | null; today: string }> = [];
  async dashboard(mapId: string | null, today: string): Promise<Dashboard> {
    this.dashboardCalls.push({ mapId, today });
    return structuredClone(sampleDashboard as unknown as Dashboard);
  }
  async previewFeedbackCsv(): Promise<FeedbackPreview> {
    return structuredClone(feedbackPreview as unknown as FeedbackPreview);
  }
  async readFeedbackCsv(): Promise<Feedback[]> {
    return structuredClone(feedbackImport as unknown as Feedback[]);
  }
  async previewTouchpointsSheet(): Promise<TouchpointPreview> {
    return structuredClone(touchpointsPreview as unknown as TouchpointPreview);
  }
  async readTouchpointsSheet(): Promise<Changes> {
    return structuredClone(touchpointsImport as unknown as Changes);
  }
  async readCjml(): Promise<CjmlRead> {
    return structuredClone(cjmlRead as unknown as CjmlRead);
  }

  /** A room kept in memory, with the rules the core's room applies to the host's controls. */
  room: RoomState | null = null;
  async openRoom(mapId: string): Promise<RoomState> {
    if (!this.file.get("map", mapId)) throw new AppError("not-found", `no map ${mapId}`);
    this.room = {
      url: "http://127.0.0.1:41234/",
      code: "K7PMQ3",
      phase: "collect",
      locked: false,
      voteBudget: 5,
      participants: [],
    };
    return structuredClone(this.room);
  }
  async about(): Promise<About> {
    return { version: "0.0.0-test", fileFormat: 7 };
  }
  async roomState(): Promise<RoomState | null> {
    return structuredClone(this.room);
  }
  async roomQr(url: string): Promise<string> {
    return `<svg xmlns="http://www.w3.org/2000/svg" data-url="${url}"></svg>`;
  }
  private inRoom(): RoomState {
    if (!this.room) throw new AppError("invalid-input", "no room is open");
    return this.room;
  }
  async setRoomPhase(phase: RoomPhase): Promise<RoomState> {
    this.inRoom().phase = phase;
    return structuredClone(this.inRoom());
  }
  async setRoomLocked(locked: boolean): Promise<RoomState> {
    this.inRoom().locked = locked;
    return structuredClone(this.inRoom());
  }
  async setRoomBudget(votes: number): Promise<RoomState> {
    if (votes < 1 || votes > 50) throw new AppError("invalid-input", "a vote budget is 1 to 50 dots");
    this.inRoom().voteBudget = votes;
    return structuredClone(this.inRoom());
  }
  async removeParticipant(id: string): Promise<RoomState> {
    const room = this.inRoom();
    if (!room.participants.some((p) => p.id === id)) throw new AppError("invalid-input", "no such participant");
    room.participants = room.participants.filter((p) => p.id !== id);
    return structuredClone(room);
  }
  roomTimer: { remaining: number; running: boolean } | undefined;
  async setRoomTimer(remaining: number, running: boolean): Promise<RoomState> {
    const room = this.inRoom();
    this.roomTimer = { remaining, running };
    return structuredClone(room);
  }
  async closeRoom(): Promise<void> {
    this.room = null;
  }
  async exportMapPicture(path: string): Promise<number> {
    this.exports.push({ table: "picture", path });
    return 4096;
  }
  async exportHtml(path: string): Promise<number> {
    this.exports.push({ table: "html", path });
    return 8192;
  }
  async exportCjml(path: string): Promise<string[]> {
    this.exports.push({ table: "cjml", path });
    return ["emotion scores (no CJML equivalent)"];
  }
  exports: Array<{ table: string; path: string }> = [];
  async exportCsv(table: string, path: string): Promise<number> {
    this.exports.push({ table, path });
    return 1234;
  }

  backups: Array<{ entry: BackupEntry; project: Project }> = [];
  async listBackups(): Promise<BackupEntry[]> {
    return this.backups.map((b) => b.entry);
  }
  async restoreBackup(path: string): Promise<OpenedProject> {
    const found = this.backups.find((b) => b.entry.path === path);
    if (!found) throw new AppError("invalid-input", `${path} is not one of this project's backups`);
    this.file = Doc.fromProject(structuredClone(found.project));
    return this.opened(this.path);
  }

  async saveAs(path: string): Promise<OpenedProject> {
    this.path = path;
    return this.opened(path);
  }
}

/** An editor showing the sample project's first map, autosaving to a MemoryBackend. */
export async function sampleEditor(): Promise<{ editor: Editor; backend: MemoryBackend }> {
  const backend = new MemoryBackend(sampleProject());
  const editor = new Editor(backend, 0);
  editor.setViewport(1400, 900);
  editor.load(await backend.openStartup());
  // Most tests edit a project as it is once a view has fetched its feedback; the tests of the
  // time before that (editor.test.ts) load it themselves.
  await editor.loadFeedback();
  return { editor, backend };
}

/** The document as a comparable value, independent of insertion order. */
export function snapshot(editor: Editor): unknown {
  const p = editor.doc.toProject();
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return {
    info: p.info,
    personas: byId(p.personas),
    maps: byId(p.maps),
    stages: byId(p.stages),
    lanes: byId(p.lanes),
    touchpoints: byId(p.touchpoints),
    connectors: byId(p.connectors),
    notes: byId(p.notes),
    stories: byId(p.stories),
    calendar: p.calendar,
    redesignTemplate: p.redesignTemplate,
    kpis: byId(p.kpis),
    topTouchpoints: p.topTouchpoints,
    feedback: byId(p.feedback),
    customerPeriods: byId(p.customerPeriods),
    pillars: p.pillars,
    redesigns: byId(p.redesigns),
  };
}

/** Selects the touchpoints with these titles, in this order. */
export function selectByTitle(editor: Editor, ...titles: string[]): Touchpoint {
  const ids = titles.map((title) => {
    const t = editor.doc.touchpointsOf(editor.mapId).find((x) => x.title === title);
    if (!t) throw new Error(`no touchpoint titled ${title}`);
    return t.id;
  });
  editor.select(ids);
  return editor.doc.get("touchpoint", ids[0]!)!;
}
