// The project as the editor holds it: one table of records per kind, keyed by id, mutated only by
// applying change sets. No DOM here; everything in this folder runs in plain Node tests.

import type { Changes } from "../bindings/Changes";
import type { Connector } from "../bindings/Connector";
import type { JourneyMap } from "../bindings/JourneyMap";
import type { Lane } from "../bindings/Lane";
import type { Note } from "../bindings/Note";
import type { Persona } from "../bindings/Persona";
import type { Project } from "../bindings/Project";
import type { ProjectInfo } from "../bindings/ProjectInfo";
import type { ProjectRecord } from "../bindings/ProjectRecord";
import type { RecordKind } from "../bindings/RecordKind";
import type { Stage } from "../bindings/Stage";
import type { Story } from "../bindings/Story";
import type { Touchpoint } from "../bindings/Touchpoint";
import type { PhaseTemplate } from "../bindings/PhaseTemplate";
import type { Redesign } from "../bindings/Redesign";
import type { WorkCalendar } from "../bindings/WorkCalendar";
import type { Kpi } from "../bindings/Kpi";
import type { Feedback } from "../bindings/Feedback";
import type { CustomerPeriod } from "../bindings/CustomerPeriod";
import type { PillarScore } from "../bindings/PillarScore";
import type { Opportunity } from "../bindings/Opportunity";
import type { Comment } from "../bindings/Comment";
import type { Picture } from "../bindings/Picture";
import { LIMITS } from "../bindings/limitValues";

export interface RecordOf {
  persona: Persona;
  map: JourneyMap;
  stage: Stage;
  lane: Lane;
  touchpoint: Touchpoint;
  connector: Connector;
  note: Note;
  story: Story;
  redesign: Redesign;
  kpi: Kpi;
  feedback: Feedback;
  customerPeriod: CustomerPeriod;
  opportunity: Opportunity;
  comment: Comment;
  picture: Picture;
}

/** Project-wide records that exist exactly once and are replaced whole. */
export type SingletonKind = "info" | "calendar" | "template" | "topTouchpoints" | "pillars";

/** The most touchpoints that may be chosen as the ones that matter (the core enforces it too). */
export const MAX_TOP_TOUCHPOINTS = LIMITS.topTouchpoints;

export function isSingleton(kind: ProjectRecord["kind"]): kind is SingletonKind {
  return kind === "info" || kind === "calendar" || kind === "template" || kind === "topTouchpoints" || kind === "pillars";
}

export const KINDS: readonly RecordKind[] = [
  "persona",
  "map",
  "stage",
  "lane",
  "touchpoint",
  "connector",
  "note",
  "story",
  "redesign",
  "kpi",
  "feedback",
  "customerPeriod",
  "opportunity",
  "comment",
  "picture",
];

type Tables = { [K in RecordKind]: Map<string, RecordOf[K]> };

function emptyTables(): Tables {
  return {
    persona: new Map(),
    map: new Map(),
    stage: new Map(),
    lane: new Map(),
    touchpoint: new Map(),
    connector: new Map(),
    note: new Map(),
    story: new Map(),
    redesign: new Map(),
    kpi: new Map(),
    feedback: new Map(),
    customerPeriod: new Map(),
    opportunity: new Map(),
    comment: new Map(),
    picture: new Map(),
  };
}

/** Builds the record that puts `value` of `kind`. */
export function recordOf<K extends RecordKind>(kind: K, value: RecordOf[K]): ProjectRecord {
  return { kind, record: value } as ProjectRecord;
}

/** How many versions back `Doc.changesSince` can tell. */
const JOURNAL_LENGTH = 64;

export const DEFAULT_CALENDAR: WorkCalendar = { weekmask: "1111100", holidays: {} };

/** A project's statements with only an id and a name (the rest empty, as the core's `ProjectInfo::new`). */
export function namedInfo(id: string, name: string): ProjectInfo {
  return {
    id,
    name,
    intentStatement: "",
    brandPromise: "",
    targetCustomers: "",
    organisation: "",
    preparedFor: "",
    accent: "",
    logo: null,
    report: { paper: "a4", sections: [], author: "" },
  };
}

export class Doc {
  info: ProjectInfo;
  calendar: WorkCalendar = DEFAULT_CALENDAR;
  template: PhaseTemplate[] = [];
  /** The touchpoints that matter most, in ranking order. */
  topTouchpoints: string[] = [];
  pillars: PillarScore[] = [];
  readonly tables: Tables = emptyTables();
  /** Bumped on every change; renderers cache by it. */
  version = 0;
  /**
   * False while the project's feedback is still only in the core: opening a project leaves it
   * out (a third of a large project), and the views that list it or cascade to it fetch it first
   * (`Editor.withFeedback`), then hand it over with `takeFeedback`.
   */
  feedbackLoaded = true;
  /** Feedback put or deleted here while it was not loaded: this side's version of those wins. */
  private readonly feedbackTouched = new Set<string>();
  /** What made each of the last versions (undefined: not a change set), oldest first: a cache
   * built at an earlier version catches up from these rather than starting again. */
  private readonly journal: { version: number; changes: Changes | undefined }[] = [];

  constructor(info: ProjectInfo) {
    this.info = info;
  }

  /** The document of an opened project; `feedbackLeftOut` items of its feedback are to come. */
  static fromProject(p: Project, feedbackLeftOut = 0): Doc {
    const doc = new Doc(p.info);
    doc.feedbackLoaded = feedbackLeftOut === 0;
    doc.calendar = p.calendar;
    doc.template = p.redesignTemplate;
    doc.topTouchpoints = p.topTouchpoints;
    doc.pillars = p.pillars;
    const fill = <K extends RecordKind>(kind: K, items: RecordOf[K][]) => {
      for (const item of items) doc.tables[kind].set(item.id, item);
    };
    fill("persona", p.personas);
    fill("map", p.maps);
    fill("stage", p.stages);
    fill("lane", p.lanes);
    fill("touchpoint", p.touchpoints);
    fill("connector", p.connectors);
    fill("note", p.notes);
    fill("story", p.stories);
    fill("redesign", p.redesigns);
    fill("kpi", p.kpis);
    fill("feedback", p.feedback);
    fill("customerPeriod", p.customerPeriods);
    fill("opportunity", p.opportunities ?? []);
    fill("comment", p.comments ?? []);
    fill("picture", p.pictures ?? []);
    return doc;
  }

  toProject(): Project {
    const all = <K extends RecordKind>(kind: K) => [...this.tables[kind].values()];
    return {
      info: this.info,
      personas: all("persona"),
      maps: all("map"),
      stages: all("stage"),
      lanes: all("lane"),
      touchpoints: all("touchpoint"),
      connectors: all("connector"),
      notes: all("note"),
      stories: all("story"),
      calendar: this.calendar,
      redesignTemplate: this.template,
      redesigns: all("redesign"),
      kpis: all("kpi"),
      topTouchpoints: this.topTouchpoints,
      feedback: all("feedback"),
      customerPeriods: all("customerPeriod"),
      pillars: this.pillars,
      opportunities: all("opportunity"),
      comments: all("comment"),
      pictures: all("picture"),
    };
  }

  get<K extends RecordKind>(kind: K, id: string): RecordOf[K] | undefined {
    return this.tables[kind].get(id);
  }

  /** The current version of the record a change would replace, or undefined for a new one. */
  previous(r: ProjectRecord): ProjectRecord | undefined {
    if (r.kind === "info") return { kind: "info", record: this.info };
    if (r.kind === "calendar") return { kind: "calendar", record: this.calendar };
    if (r.kind === "template") return { kind: "template", record: this.template };
    if (r.kind === "topTouchpoints") return { kind: "topTouchpoints", record: this.topTouchpoints };
    if (r.kind === "pillars") return { kind: "pillars", record: this.pillars };
    const old = this.tables[r.kind].get(r.record.id);
    return old ? recordOf(r.kind, old) : undefined;
  }

  /** Applies a change set exactly as given: callers list every dependent deletion themselves. */
  apply(changes: Changes): void {
    for (const r of changes.put) {
      if (r.kind === "info") this.info = r.record;
      else if (r.kind === "calendar") this.calendar = r.record;
      else if (r.kind === "template") this.template = r.record;
      else if (r.kind === "topTouchpoints") this.topTouchpoints = r.record;
      else if (r.kind === "pillars") this.pillars = r.record;
      else (this.tables[r.kind] as Map<string, unknown>).set(r.record.id, r.record);
    }
    for (const d of changes.delete) this.tables[d.kind].delete(d.id);
    if (!this.feedbackLoaded) {
      for (const r of changes.put) if (r.kind === "feedback") this.feedbackTouched.add(r.record.id);
      for (const d of changes.delete) if (d.kind === "feedback") this.feedbackTouched.add(d.id);
    }
    this.bump(changes);
  }

  private bump(changes: Changes | undefined): void {
    this.version++;
    this.journal.push({ version: this.version, changes });
    if (this.journal.length > JOURNAL_LENGTH) this.journal.shift();
  }

  /** The change sets applied since `version`, oldest first; undefined when that is too long
   * ago to tell or the document changed otherwise meanwhile. */
  changesSince(version: number): Changes[] | undefined {
    if (version === this.version) return [];
    const first = this.journal.findIndex((j) => j.version === version + 1);
    if (first < 0) return undefined;
    const out: Changes[] = [];
    for (let i = first; i < this.journal.length; i++) {
      const changes = this.journal[i]!.changes;
      if (!changes) return undefined;
      out.push(changes);
    }
    return out;
  }

  /**
   * Takes in the feedback the core held back when the project opened. What was added or deleted
   * here meanwhile (an import, a live-room contribution, an undo) stays as it is here: the
   * autosave queue brings the file to this side's state, not the other way round.
   */
  takeFeedback(items: readonly Feedback[]): void {
    if (this.feedbackLoaded) return;
    for (const f of items) if (!this.feedbackTouched.has(f.id)) this.tables.feedback.set(f.id, f);
    this.feedbackLoaded = true;
    this.feedbackTouched.clear();
    this.bump(undefined);
  }

  /** Stages of a map in column order. */
  stagesOf(mapId: string): Stage[] {
    return [...this.tables.stage.values()]
      .filter((s) => s.mapId === mapId)
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  }

  /** Lanes of a map in row order. */
  lanesOf(mapId: string): Lane[] {
    return [...this.tables.lane.values()]
      .filter((l) => l.mapId === mapId)
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  }

  mapsInOrder(): JourneyMap[] {
    return [...this.tables.map.values()].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  }

  /** The redesigns of touchpoints on this map (all maps when `mapId` is undefined). */
  redesignsOf(mapId?: string): Redesign[] {
    return [...this.tables.redesign.values()].filter(
      (r) => mapId === undefined || this.tables.touchpoint.get(r.touchpointId)?.mapId === mapId,
    );
  }

  /** KPIs of one touchpoint. */
  kpisOf(touchpointId: string): Kpi[] {
    return [...this.tables.kpi.values()]
      .filter((k) => k.touchpointId === touchpointId)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  touchpointsOf(mapId: string): Touchpoint[] {
    return [...this.tables.touchpoint.values()].filter((t) => t.mapId === mapId);
  }

  notesOf(mapId: string): Note[] {
    return [...this.tables.note.values()].filter((n) => n.mapId === mapId);
  }

  connectorsOf(mapId: string): Connector[] {
    return [...this.tables.connector.values()].filter((c) => c.mapId === mapId);
  }
}
