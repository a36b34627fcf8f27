// The window's layout and wiring: toolbar, canvas or table, side panel, status bar, workshop
// mode, keyboard shortcuts, native menu commands and the window title.

import type { Editor } from "../editor/editor";
import type { Backend } from "../ipc/backend";
import { copy, duplicate } from "../actions/clipboard";
import { deleteSelection } from "../actions/deleteSelection";
import { ACTIONS, actionByName } from "../actions/index";
import type { Action } from "../actions/types";
import { addTouchpoint } from "../actions/addTouchpoint";
import { addNote } from "../actions/addNote";
import { addStage } from "../actions/addStage";
import { addLane } from "../actions/addLane";
import { toggleMomentOfTruth } from "../actions/toggleMomentOfTruth";
import { markBroken, markDifferentiating, markReliable, markUnrated } from "../actions/setReliability";
import { undo } from "../actions/undo";
import { redo } from "../actions/redo";
import { zoomIn, zoomOut, zoomToFit } from "../actions/zoom";
import { CanvasView, SETTLE_MS } from "./canvasView";
import { chordOf, describeKeys, findAction, typingInField } from "./keyboard";
import { clear, h } from "./dom";
import { Files } from "./files";
import { pickerClosedAt, pickerShowing } from "./filePicker";
import { ViewMemory } from "./viewMemory";
import { showShortcuts } from "./shortcuts";
import { Panel } from "./panel";
import { TableView } from "./table";
import { RedesignsView } from "./redesigns";
import { localToday, runningRedesign, startRedesign } from "../actions/startRedesign";
import { Workshop } from "./workshop";
import { ask, askToDiscard, message, prompt, showError } from "./dialogs";
import { addMap, deleteMap, duplicateAsToBe, mapContents, renameMap, uniqueMapName } from "../actions/maps";
import type { JourneyMap } from "../bindings/JourneyMap";
import { count } from "../model/words";
import { exportReport } from "./exportReport";
import { DashboardView } from "./dashboard";
import { importFeedbackCsv } from "./importFeedback";
import { exportCsv } from "./exportCsv";
import { exportCjml, exportHtml, exportPicture, importCjml } from "./interchange";
import { importTouchpoints } from "./importTouchpoints";
import { toggleTop } from "../actions/toggleTop";
import { RoomPanel } from "./roomPanel";
import { chooseStart, saveMapAsTemplate } from "./templates";
import { FindBar } from "./findBar";
import { OpportunitiesView } from "./opportunities";
import { PersonasView } from "./personas";
import { setPicture } from "../actions/pictures";
import { editPreferences } from "./preferences";
import { opportunityFromNote } from "../actions/opportunities";
import type { RoomState } from "../bindings/RoomState";
import type { Changes } from "../bindings/Changes";
import { menuItemsOff } from "./menuState";
import { MENU_IDS } from "./menuIds.generated";

/**
 * The menu commands that are not map actions (files, views, dialogs). A menu id is looked up here,
 * then among the ACTIONS; a test checks that every id of the native menu resolves.
 */
export const SHELL_COMMANDS: Record<string, (app: App) => void | Promise<void>> = {
  new: (a) => a.files.newProject(),
  open: (a) => a.files.openProject(),
  saveAs: (a) => a.files.saveAs(),
  restoreBackup: (a) => a.files.restoreBackup(),
  exportPdf: (a) => exportReport(a.editor, a.redesigns.today),
  mapView: (a) => a.setView("map"),
  tableView: (a) => a.setView(a.view === "table" ? "map" : "table"),
  redesignsView: (a) => a.setView(a.view === "redesigns" ? "map" : "redesigns"),
  dashboardView: (a) => a.setView(a.view === "dashboard" ? "map" : "dashboard"),
  opportunitiesView: (a) => a.setView(a.view === "opportunities" ? "map" : "opportunities"),
  personasView: (a) => a.setView(a.view === "personas" ? "map" : "personas"),
  preferences: () => void editPreferences(),
  importFeedback: (a) => importFeedbackCsv(a.editor),
  importTouchpoints: (a) => importTouchpoints(a.editor, () => a.onOpened()),
  importCjml: (a) => importCjml(a.editor, () => a.onOpened()),
  exportPicture: (a) => exportPicture(a.editor),
  exportHtml: (a) => exportHtml(a.editor, a.redesigns.today),
  exportCjml: (a) => exportCjml(a.editor),
  "exportCsv.touchpoints": (a) => exportCsv(a.editor, "touchpoints"),
  "exportCsv.kpis": (a) => exportCsv(a.editor, "kpis"),
  "exportCsv.feedback": (a) => exportCsv(a.editor, "feedback"),
  workshop: (a) => a.setWorkshop(!document.body.classList.contains("workshop")),
  minimap: (a) => a.canvas.toggleMinimap(),
  quit: (a) => a.quit(),
  newMap: (a) => a.newMap(),
  duplicateMap: (a) => void duplicateAsToBe(a.editor),
  renameMap: (a) => a.renameMap(),
  saveTemplate: (a) => saveMapAsTemplate(a.editor, a.backend),
  deleteMap: (a) => a.deleteMap(),
  openRoom: (a) => a.room.openOn(a.editor.mapId),
  closeRoom: (a) => a.room.close(),
  about: (a) => a.about(),
  shortcuts: () => showShortcuts(ACTIONS),
  find: (a) => a.openFind(),
};

/** How a map is named in the picker. */
function mapLabel(m: JourneyMap): string {
  return `${m.name}${m.kind === "toBe" ? " · to-be" : ""}`;
}

export interface Shell {
  setTitle(title: string): void;
  setFullscreen(on: boolean): void;
  onMenu(handler: (command: string) => void): void;
  /** `handler` resolves to whether the window may close now. */
  onCloseRequested(handler: () => Promise<boolean>): void;
  /** Closes the window for good (after `mayClose` said yes). */
  close(): void;
  /** Contributions of the live room, already written to the file by the shell. */
  onRoomChange(handler: (changes: Changes, label: string) => void): void;
  /** Files dropped on the window, with where (CSS pixels in the window). */
  onFileDrop(handler: (paths: string[], x: number, y: number) => void): void;
  /** Greys out these items of the native menu bar (and only these). */
  setMenuItemsOff(ids: string[]): void;
}

/** The window's views, one showing at a time. */
const VIEWS = ["map", "table", "redesigns", "opportunities", "personas", "dashboard"] as const;
type View = (typeof VIEWS)[number];

export class App {
  readonly root = h("div", { class: "app" });
  readonly canvas: CanvasView;
  readonly table: TableView;
  readonly find: FindBar;
  readonly redesigns: RedesignsView;
  readonly dashboard: DashboardView;
  readonly opportunities: OpportunitiesView;
  readonly personas: PersonasView;
  view: View = "map";
  readonly panel: Panel;
  readonly files: Files;
  readonly room: RoomPanel;
  private roomState: RoomState | null = null;
  private readonly workshop: Workshop;
  private readonly status = h("footer", { class: "status", role: "status" });
  private readonly mapSelect = h("select", { "aria-label": "Map", name: "map" });
  private readonly compare = h("input", { type: "checkbox", name: "compare" });
  private readonly viewButtons = {
    map: h("button", { type: "button", "aria-pressed": "true", "data-view": "map" }, "Map"),
    table: h("button", { type: "button", "aria-pressed": "false", "data-view": "table" }, "Table"),
    redesigns: h("button", { type: "button", "aria-pressed": "false", "data-view": "redesigns" }, "Redesigns"),
    personas: h(
      "button",
      { type: "button", "aria-pressed": "false", "data-view": "personas", title: "Personas: who the maps are about" },
      "Personas",
    ),
    opportunities: h(
      "button",
      {
        type: "button",
        "aria-pressed": "false",
        "data-view": "opportunities",
        title: "Opportunities: value/effort matrix and ranked list (Shift+Ctrl+O)",
      },
      "Opportunities",
    ),
    dashboard: h(
      "button",
      {
        type: "button",
        "aria-pressed": "false",
        "data-view": "dashboard",
        title: "KPIs, reliability, feedback, customers in/out, pillars (Shift+Ctrl+D)",
      },
      "Dashboard",
    ),
  };
  private readonly contextMenu = h("div", { class: "context-menu", role: "menu", hidden: true });
  private readonly main = h("main", { class: "workspace" });
  private toolbarButtons: Array<[HTMLButtonElement, Action]> = [];
  private counts: { key: string; text: string } | undefined;
  private notice: string | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly editor: Editor,
    readonly backend: Backend,
    private readonly shell: Shell,
  ) {
    this.canvas = new CanvasView(editor);
    this.table = new TableView(editor);
    this.find = new FindBar(editor);
    this.redesigns = new RedesignsView(editor);
    this.dashboard = new DashboardView(editor);
    this.opportunities = new OpportunitiesView(editor);
    this.personas = new PersonasView(editor);
    this.opportunities.onOpenRedesign = (id) => this.openRedesign(id);
    this.dashboard.onImport = () => void importFeedbackCsv(editor);
    this.dashboard.onExport = (table) => void exportCsv(editor, table);
    this.panel = new Panel(editor);
    this.files = new Files(editor, backend, () => {
      // Another project is open: the shell has closed the room on the previous one.
      this.room.forget();
      this.onOpened();
    });
    this.room = new RoomPanel(backend, (state) => {
      const opened = state && !this.roomState;
      // Participants see the workshop timer once the facilitator runs it, not a still 10:00.
      if (opened && this.workshop.state.running) void backend.setRoomTimer(this.workshop.state.remaining, true).catch(() => undefined);
      this.showRoom(state);
    });
    this.workshop = new Workshop(
      () => this.setWorkshop(false),
      (on) => (this.canvas.ctx.voting = on),
    );
    this.workshop.onTimer = (remaining, running) => {
      if (this.roomState) void backend.setRoomTimer(remaining, running).catch(() => undefined);
    };
    this.root.append(this.toolbar(), this.workshop.timer, this.main, this.status, this.room.root);
    this.canvas.root.append(this.find.root);
    this.find.onClose = () => this.canvas.canvas.focus();
    this.main.append(
      this.canvas.root,
      this.table.root,
      this.redesigns.root,
      this.opportunities.root,
      this.personas.root,
      this.dashboard.root,
      this.panel.root,
    );
    this.table.root.hidden = true;
    this.opportunities.root.hidden = true;
    this.personas.root.hidden = true;
    this.redesigns.root.hidden = true;
    this.dashboard.root.hidden = true;
    document.body.append(this.contextMenu);
    this.canvas.canvas.addEventListener("contextmenu", (ev) => this.openContextMenu(ev));
    window.addEventListener("pointerdown", (ev) => {
      if (!this.contextMenu.contains(ev.target as Node)) this.contextMenu.hidden = true;
    });
    this.panel.onStartRedesign = (id) => void this.beginRedesign(id);
    this.panel.onDeleteMap = () => void this.deleteMap();
    this.panel.onOpenRedesign = (id) => this.openRedesign(id);
    this.panel.onNoteToOpportunity = (id) => this.noteToOpportunity(id);
    this.panel.onOpenThread = (target, id) => {
      if (target === "opportunity") {
        this.opportunities.selected = id;
        this.setView("opportunities");
        return;
      }
      const item = this.editor.doc.get(target, id);
      if (!item) return;
      this.editor.select([id]);
      this.editor.reveal(item);
      // The panel is rebuilt for the item: show its threads, which sit at its foot.
      this.panel.update();
      this.panel.root.querySelector(".comments")?.scrollIntoView({ block: "start" });
    };
    this.panel.onOpenDashboard = () => {
      this.dashboard.tab = "kpis";
      this.setView("dashboard");
    };
    editor.subscribe(() => this.refresh());
    this.rememberViews();
    this.listenKeys();
    // A text field taking or leaving the keyboard decides where Cut, Copy and Paste go.
    document.addEventListener("focusin", () => this.menuSoon());
    document.addEventListener("focusout", () => this.menuSoon());
    shell.onMenu((command) => void this.runMenu(command));
    shell.onCloseRequested(() => this.mayClose());
    shell.onRoomChange((changes, label) => editor.applyRemote(changes, label));
    shell.onFileDrop((paths, x, y) => void this.dropPicture(paths, x, y));
    this.panel.onPictureError = (err) => void showError(err, "The picture was not added.");
    this.editor.onFeedbackFailed = (err) => void showError(err, "Nothing was deleted: the project's feedback could not be read.");
    window.addEventListener("beforeunload", () => void editor.flush());
    editor.onRefused = (error, count) =>
      void message(
        count === 1 ? "A change was not saved" : `${count} changes were not saved`,
        `Journeymap could not keep ${count === 1 ? "this change" : "these changes"}, so ${count === 1 ? "it was" : "they were"} undone; everything else is saved.\n\n${error.message}`,
        "error",
        error.code,
      );
  }

  /**
   * Writes everything before the window goes. If something cannot be written (a full disk, a
   * lost connection to the file), asks: closing would lose it, and nothing is lost silently.
   */
  async mayClose(): Promise<boolean> {
    this.canvas.finishEdit(true);
    this.editor.rememberView();
    await this.editor.flush();
    if (!this.editor.hasUnsavedChanges) return true;
    const why = this.editor.saveError?.message ?? "the file could not be written";
    return askToDiscard(
      "Changes are not saved",
      `Your latest changes could not be written to ${this.editor.path || "the project file"}: ${why}.\n\nIf you close now, they are lost. Keep the window open to try again (Ctrl+S), or free the disk or file and wait for the next save.`,
      "Close without saving",
      "Keep working",
    );
  }

  /** Map → New Map…: a blank map or a template's, named in the same picker as a new project. */
  async newMap(): Promise<void> {
    const choice = await chooseStart(this.backend, uniqueMapName(this.editor, "As-is journey"), {
      title: "New map",
      nameLabel: "Map name",
      field: "newMapName",
      submit: "Add map",
      suggest: (entry) => uniqueMapName(this.editor, entry.name),
    });
    try {
      if (choice) {
        await addMap(this.editor, choice.name, "asIs", choice.template);
        // A new map is there to be worked on: show it, from whichever view it was asked for.
        if (this.view !== "map" && this.view !== "table") this.setView("map");
      }
    } catch (e) {
      await showError(e, "The map was not added.");
    }
    // The keyboard goes back to the map (T adds a card at once), not to the toolbar.
    if (this.view === "map") this.canvas.canvas.focus();
  }

  /** Edit → Find… (Ctrl+F): the find bar over the map, which it shows if another view is up. */
  openFind(): void {
    if (this.view !== "map") this.setView("map");
    this.find.open();
  }

  /** Help → About: the version people quote in a bug report, and the file format it writes. */
  async about(): Promise<void> {
    const a = await this.backend.about();
    await message(
      "About Journeymap",
      `Journeymap ${a.version}\nProject files: .journey format ${a.fileFormat} (opens every older format)\n\nCustomer-journey maps, live workshop rooms, touchpoint redesigns and reports. Your projects stay on your machine.`,
    );
  }

  async renameMap(): Promise<void> {
    const map = this.editor.doc.get("map", this.editor.mapId);
    if (!map) return;
    const name = await prompt("Rename map", "Map name", map.name);
    if (name) renameMap(this.editor, name);
  }

  async deleteMap(): Promise<void> {
    const map = this.editor.doc.get("map", this.editor.mapId);
    if (!map) return;
    // The question names the feedback that goes with the map, and the deletion needs it anyway.
    try {
      await this.editor.loadFeedback();
    } catch (e) {
      await showError(e, "The map was not deleted: the project's feedback could not be read.");
      return;
    }
    if (
      await ask(
        "Delete map",
        `Delete “${map.name}” with its ${mapContents(this.editor)}? Undo (Ctrl+Z) brings it back.`,
        "Delete map",
        "Cancel",
        true,
      )
    )
      await deleteMap(this.editor);
  }

  /** A short message in the status bar: what a key did not do, and why. */
  hint(text: string): void {
    this.notice = text;
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      this.notice = undefined;
      this.refresh();
    }, 5000);
    this.refresh();
  }

  async quit(): Promise<void> {
    if (await this.mayClose()) this.shell.close();
  }

  async start(): Promise<void> {
    try {
      const asked = this.backend.openStartup();
      this.canvas.prepare();
      performance.mark("journeymap:prepared");
      const opened = await asked;
      // Marks for the start benchmark (bench/app.mjs prints where the time goes).
      performance.mark("journeymap:opened");
      this.editor.load(opened);
      performance.mark("journeymap:loaded");
      this.onOpened();
      performance.mark("journeymap:shown");
    } catch (e) {
      this.showEmptyState();
      await showError(e, "Journeymap could not open the project it started with.");
    }
  }

  private showEmptyState(): void {
    const empty = h(
      "div",
      { class: "empty-state" },
      h("h1", {}, "No project open"),
      h("p", {}, "Create a new journey map or open an existing .journey file."),
      h(
        "div",
        { class: "button-row" },
        h("button", { type: "button", class: "primary", onclick: () => void this.files.newProject() }, "New project…"),
        h("button", { type: "button", onclick: () => void this.files.openProject() }, "Open…"),
      ),
    );
    this.main.prepend(empty);
    // Until a project opens, only New and Open are offered: the rest would act on nothing.
    // (Not while the first project is on its way: the toolbar would jump as the window starts.)
    document.body.classList.add("no-project");
    this.menuSoon();
    this.editor.subscribe(() => {
      if (!this.editor.path) return;
      empty.remove();
      document.body.classList.remove("no-project");
    });
  }

  onOpened(): void {
    this.listMaps();
    // A project opens on the view it was left on (the editor recalls it with the map's view);
    // after an import the editor still holds the view showing, so nothing moves.
    const page = VIEWS.find((v) => v === this.editor.page?.split("/")[0]) ?? "map";
    this.redesigns.restore(this.editor.page);
    if (page !== this.view) this.setView(page);
    this.refresh();
  }

  /** The map picker follows the document: imports add maps, undo takes them away. */
  private listMaps(): void {
    if (this.editor.mapId && !this.editor.doc.get("map", this.editor.mapId)) {
      const first = this.editor.doc.mapsInOrder()[0];
      if (first) this.editor.setMap(first.id);
    }
    clear(this.mapSelect);
    for (const m of this.editor.doc.mapsInOrder()) this.mapSelect.append(h("option", { value: m.id }, mapLabel(m)));
    this.mapSelect.value = this.editor.mapId;
    this.compare.disabled = this.editor.doc.tables.map.size < 2;
  }

  private button(action: Action, text?: string, cls = ""): HTMLButtonElement {
    const keys = describeKeys(action.keys);
    const b = h(
      "button",
      {
        type: "button",
        class: cls,
        title: keys ? `${action.label} (${keys})` : action.label,
        "data-action": action.name,
        onclick: () => this.perform(action),
      },
      text ?? action.label,
    );
    this.toolbarButtons.push([b, action]);
    return b;
  }

  private toolbar(): HTMLElement {
    this.mapSelect.addEventListener("change", () => this.editor.setMap(this.mapSelect.value));
    this.compare.addEventListener("change", () => this.updateCompare());
    for (const [view, b] of Object.entries(this.viewButtons)) b.addEventListener("click", () => this.setView(view as App["view"]));
    return h(
      "header",
      { class: "toolbar", role: "toolbar", "aria-label": "Map tools" },
      h(
        "div",
        { class: "group" },
        h("button", { type: "button", title: "New project (Ctrl+N)", onclick: () => void this.files.newProject() }, "New"),
        h("button", { type: "button", title: "Open project (Ctrl+O)", onclick: () => void this.files.openProject() }, "Open"),
        h(
          "button",
          {
            type: "button",
            class: "needs-project",
            title: "Save a copy under a new name (Shift+Ctrl+S)",
            onclick: () => void this.files.saveAs(),
          },
          "Save as",
        ),
        h(
          "button",
          {
            type: "button",
            name: "exportPdf",
            class: "needs-project",
            title: "Export a PDF report for corporate (Ctrl+P)",
            onclick: () => void exportReport(this.editor, this.redesigns.today),
          },
          "Export PDF",
        ),
      ),
      h(
        "div",
        { class: "group" },
        this.mapSelect,
        h(
          "button",
          { type: "button", name: "newMap", title: "New map (Shift+Ctrl+M)", "aria-label": "New map", onclick: () => void this.newMap() },
          "+ Map",
        ),
        h("label", { class: "check", title: "Overlay the other map's emotion curve (as-is vs to-be)" }, this.compare, "Compare"),
      ),
      h(
        "div",
        { class: "group" },
        this.button(addTouchpoint, "+ Touchpoint", "primary"),
        this.button(addNote, "+ Note"),
        this.button(addStage, "+ Stage"),
        this.button(addLane, "+ Lane"),
      ),
      h(
        "div",
        { class: "group" },
        this.button(toggleMomentOfTruth, "★ Moment of truth"),
        this.button(markBroken, "Broken", "rel broken"),
        this.button(markReliable, "Reliable", "rel reliable"),
        this.button(markDifferentiating, "Differentiating", "rel differentiating"),
      ),
      h("div", { class: "group" }, this.button(undo, "↶ Undo"), this.button(redo, "↷ Redo")),
      h("div", { class: "group" }, this.button(zoomOut, "−"), this.button(zoomToFit, "Fit"), this.button(zoomIn, "+")),
      h(
        "div",
        { class: "group", role: "group", "aria-label": "View" },
        this.viewButtons.map,
        this.viewButtons.table,
        this.viewButtons.redesigns,
        this.viewButtons.opportunities,
        this.viewButtons.personas,
        this.viewButtons.dashboard,
        h(
          "button",
          { type: "button", title: "Full screen with a timer and dot-voting (F5)", onclick: () => this.setWorkshop(true) },
          "Workshop",
        ),
      ),
    );
  }

  private roomPoll: ReturnType<typeof setInterval> | undefined;

  /** The open room in the status bar and its panel, kept fresh while it is open (joins, leaves
   * and phase changes do not change the file, so no change event tells of them). */
  private showRoom(state: RoomState | null): void {
    this.roomState = state;
    this.workshop.showRoom(state);
    this.menuSoon();
    if (state && this.roomPoll === undefined)
      this.roomPoll = setInterval(async () => {
        const fresh = await this.backend.roomState().catch(() => null);
        if (fresh) this.showRoom(fresh);
        else this.room.forget();
      }, 3000);
    if (!state && this.roomPoll !== undefined) {
      clearInterval(this.roomPoll);
      this.roomPoll = undefined;
    }
    this.refresh();
  }

  private updateCompare(): void {
    const other = this.editor.doc.mapsInOrder().find((m) => m.id !== this.editor.mapId);
    this.canvas.overlay.compareMapId = this.compare.checked ? other?.id : undefined;
    this.canvas.schedule();
  }

  setView(view: App["view"]): void {
    this.canvas.finishEdit(true);
    this.view = view;
    // The Redesigns view adds its tab and redesign to the page when it draws.
    if (this.editor.page?.split("/")[0] !== view) this.editor.page = view;
    this.editor.rememberView();
    this.canvas.root.hidden = view !== "map";
    this.table.root.hidden = view !== "table";
    this.redesigns.root.hidden = view !== "redesigns";
    this.opportunities.root.hidden = view !== "opportunities";
    this.personas.root.hidden = view !== "personas";
    this.dashboard.root.hidden = view !== "dashboard";
    this.panel.root.hidden = view === "redesigns" || view === "dashboard" || view === "opportunities" || view === "personas";
    this.table.visible = view === "table";
    this.redesigns.visible = view === "redesigns";
    this.dashboard.visible = view === "dashboard";
    this.opportunities.visible = view === "opportunities";
    this.personas.visible = view === "personas";
    for (const [v, b] of Object.entries(this.viewButtons)) b.setAttribute("aria-pressed", String(v === view));
    this.table.update();
    void this.redesigns.update(true);
    this.opportunities.update(true);
    this.personas.update();
    void this.dashboard.update(true);
    if (view === "map") this.canvas.schedule();
    // The zoom buttons act on the map only.
    this.refresh();
  }

  async beginRedesign(touchpointId: string): Promise<void> {
    // A touchpoint redesigned before is asked about: one stray R in a workshop started a second
    // redesign of a card whose first was done.
    const before = [...this.editor.doc.tables.redesign.values()].filter((r) => r.touchpointId === touchpointId && r.phases.length > 0);
    const last = before.sort((a, b) => a.start.localeCompare(b.start)).at(-1);
    if (last && !runningRedesign(this.editor, touchpointId)) {
      const card = this.editor.doc.get("touchpoint", touchpointId)?.title ?? "This touchpoint";
      const again = await ask(
        "Redesign it again?",
        `“${card}” was redesigned before: “${last.title}”, ${last.endedOn ? `rejected on ${last.endedOn}` : "done"}. Start a new redesign of it?`,
        "Start a new redesign",
        "Cancel",
      );
      if (!again) return;
    }
    try {
      const id = await startRedesign(this.editor, touchpointId, localToday());
      if (id) this.openRedesign(id);
    } catch (e) {
      await showError(e, "The redesign was not started.");
    }
  }

  /** An image file dropped on a card becomes its picture; dropped elsewhere, the person is told
   * where it goes. */
  async dropPicture(paths: string[], x: number, y: number): Promise<void> {
    const path = paths[0];
    if (!path || this.view !== "map") return;
    const e = this.editor;
    const r = this.canvas.canvas.getBoundingClientRect();
    const at = { x: (x - r.left) / e.camera.zoom + e.camera.x, y: (y - r.top) / e.camera.zoom + e.camera.y };
    const card = e
      .query({ x: at.x - 1, y: at.y - 1, width: 2, height: 2 })
      .find((i) => e.doc.get("touchpoint", i.id) && at.x >= i.x && at.x <= i.x + i.width && at.y >= i.y && at.y <= i.y + i.height);
    if (!card) {
      this.hint("Drop the picture on a card: it becomes that card's picture.");
      return;
    }
    try {
      setPicture(e, card.id, await this.backend.readPicture(path));
      e.select([card.id]);
    } catch (err) {
      await showError(err, "The picture was not added.");
    }
  }

  /** A sticky note turned into an opportunity (or the one it already is), shown in its view. */
  noteToOpportunity(noteId: string): void {
    const id = opportunityFromNote(this.editor, noteId);
    if (!id) return;
    this.opportunities.selected = id;
    this.setView("opportunities");
  }

  openRedesign(id: string): void {
    this.redesigns.selected = id;
    this.setView("redesigns");
  }

  private openContextMenu(ev: MouseEvent): void {
    ev.preventDefault();
    // The card's title, shown as the canvas's tooltip on hover, would cover the menu's first items.
    this.canvas.canvas.removeAttribute("title");
    const r = this.canvas.canvas.getBoundingClientRect();
    const e = this.editor;
    const point = { x: ev.clientX - r.left, y: ev.clientY - r.top };
    const at = { x: point.x / e.camera.zoom + e.camera.x, y: point.y / e.camera.zoom + e.camera.y };
    const card = e
      .query({ x: at.x - 1, y: at.y - 1, width: 2, height: 2 })
      .find((i) => e.doc.get("touchpoint", i.id) && at.x >= i.x && at.x <= i.x + i.width && at.y >= i.y && at.y <= i.y + i.height);
    if (!card) {
      const note = e
        .query({ x: at.x - 1, y: at.y - 1, width: 2, height: 2 })
        .find((i) => e.doc.get("note", i.id) && at.x >= i.x && at.x <= i.x + i.width && at.y >= i.y && at.y <= i.y + i.height);
      if (note) this.openNoteMenu(ev, note.id);
      return;
    }
    if (!e.selection.has(card.id)) e.select([card.id]);
    const running = runningRedesign(e, card.id);
    const item = (label: string, run: () => void) =>
      h(
        "button",
        {
          type: "button",
          role: "menuitem",
          onclick: () => {
            this.contextMenu.hidden = true;
            run();
          },
        },
        label,
      );
    clear(this.contextMenu);
    this.contextMenu.append(
      running
        ? item(`Open redesign “${running.title}”`, () => this.openRedesign(running.id))
        : item("Start redesign", () => void this.beginRedesign(card.id)),
      item("Toggle moment of truth  (M)", () => this.perform(toggleMomentOfTruth)),
      item(
        this.editor.doc.topTouchpoints.includes(card.id) ? "Remove from top touchpoints  (Shift+T)" : "Add to top touchpoints  (Shift+T)",
        () => this.perform(toggleTop),
      ),
      item("Mark broken  (1)", () => this.perform(markBroken)),
      item("Mark reliable  (2)", () => this.perform(markReliable)),
      item("Mark differentiating  (3)", () => this.perform(markDifferentiating)),
      item("Mark not rated  (0)", () => this.perform(markUnrated)),
      item("Edit title  (Enter)", () => this.canvas.beginEdit(card.id)),
      item("Copy  (Ctrl+C)", () => this.perform(copy)),
      item("Duplicate  (Ctrl+D)", () => this.perform(duplicate)),
      item("Delete  (Del)", () => this.perform(deleteSelection)),
    );
    Object.assign(this.contextMenu.style, { left: `${ev.clientX}px`, top: `${ev.clientY}px` });
    this.contextMenu.hidden = false;
    (this.contextMenu.firstElementChild as HTMLElement | null)?.focus();
  }

  private openNoteMenu(ev: MouseEvent, noteId: string): void {
    const e = this.editor;
    if (!e.selection.has(noteId)) e.select([noteId]);
    const already = [...e.doc.tables.opportunity.values()].find((o) => o.evidence.some((x) => x.kind === "note" && x.id === noteId));
    clear(this.contextMenu);
    this.contextMenu.append(
      h(
        "button",
        {
          type: "button",
          role: "menuitem",
          name: "noteToOpportunity",
          onclick: () => {
            this.contextMenu.hidden = true;
            this.noteToOpportunity(noteId);
          },
        },
        already ? `Open opportunity “${already.title}”` : "Turn into opportunity",
      ),
    );
    Object.assign(this.contextMenu.style, { left: `${ev.clientX}px`, top: `${ev.clientY}px` });
    this.contextMenu.hidden = false;
    (this.contextMenu.firstElementChild as HTMLElement | null)?.focus();
  }

  setWorkshop(on: boolean): void {
    document.body.classList.toggle("workshop", on);
    this.canvas.overlay.workshop = on;
    this.shell.setFullscreen(on);
    if (!on) this.canvas.ctx.voting = false;
    setTimeout(() => this.editor.zoomToFit(), 150);
  }

  perform(action: Action): void {
    if (action.enabled && !action.enabled(this.editor)) {
      if (!this.editor.mapId && /^add(Touchpoint|Note|Stage|Lane)$/.test(action.name))
        this.hint(`${action.label}: there is no map yet. Map → New Map (Shift+Ctrl+M) adds one.`);
      else if (/^add(Touchpoint|Note)$/.test(action.name))
        this.hint(`${action.label}: the map needs a stage and a lane first (Shift+S, Shift+L).`);
      else if (action.name === "connect")
        this.hint(`${action.label}: select two or more touchpoints first (Shift+click adds one to the selection).`);
      else if (/^(toggleMomentOfTruth|toggleTop|mark[A-Z])/.test(action.name))
        this.hint(`${action.label}: select a touchpoint first (click it, or Tab from a selected card).`);
      return;
    }
    this.canvas.finishEdit(true);
    action.perform(this.editor);
    if (this.editor.editing && this.view === "map") this.canvas.beginEdit(this.editor.editing);
    else this.editor.editing = undefined;
  }

  private async runMenu(command: string): Promise<void> {
    // Text fields keep their own editing commands.
    const field = typingInField(document.activeElement);
    if (field && ["undo", "redo", "cut", "copy", "paste", "selectAll"].includes(command)) {
      const native = { undo: "undo", redo: "redo", cut: "cut", copy: "copy", paste: "paste", selectAll: "selectAll" }[command]!;
      document.execCommand(native);
      return;
    }
    const run = SHELL_COMMANDS[command];
    if (run) return run(this);
    if (command.startsWith("open:")) return this.files.openProject(command.slice(5));
    const action = actionByName(command);
    if (action) this.perform(action);
  }

  /** Projects reopen on the map and view they were left at: the view is kept once it rests
   * (not on every frame of a pan), and as the window closes. */
  private rememberViews(): void {
    const editor = this.editor;
    editor.viewStore = new ViewMemory(localStorage);
    let rest: ReturnType<typeof setTimeout> | undefined;
    let kept = "";
    editor.subscribe(() => {
      clearTimeout(rest);
      rest = setTimeout(() => {
        const view = `${editor.path}\n${JSON.stringify(editor.savedView() ?? null)}`;
        if (view === kept) return;
        kept = view;
        editor.rememberView();
      }, VIEW_REST_MS);
    });
  }

  private listenKeys(): void {
    // Keys typed into a dialog can still be queued when it closes (Enter pressed while the last
    // letters of a name were on their way): they must not reach the map as shortcuts. Chords
    // with Ctrl, Cmd or Alt are never typed ahead and act at once (Ctrl+Z right after a dialog).
    let dialogClosed = Number.NEGATIVE_INFINITY;
    // A dialog that closes gives the keyboard back to where it was before it opened (the map, a
    // field), not to nothing: after "Redesign it again?" → Cancel, Tab went through the side panel.
    let focusBefore: Element | null = null;
    document.addEventListener("focusin", (e) => {
      if (e.target instanceof Element && !e.target.closest(".backdrop")) focusBefore = e.target;
    });
    new MutationObserver((changes) => {
      const closed = changes.some((c) => [...c.removedNodes].some((n) => n instanceof HTMLElement && n.classList.contains("backdrop")));
      if (!closed) return;
      dialogClosed = performance.now();
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost && !document.querySelector(".backdrop") && focusBefore instanceof HTMLElement && focusBefore.isConnected)
        focusBefore.focus();
    }).observe(document.body, { childList: true });
    window.addEventListener("keydown", (e) => {
      if (document.querySelector(".backdrop")) return;
      // The system's file picker is its own window, but where it does not hold the keyboard
      // (no window manager to give it focus) keys typed into it arrive here: none is for the map.
      if (pickerShowing()) {
        e.preventDefault();
        return;
      }
      const typedAhead = !e.ctrlKey && !e.metaKey && !e.altKey && !typingInField(e.target);
      if (typedAhead && performance.now() - Math.max(dialogClosed, pickerClosedAt()) < AFTER_DIALOG_MS) {
        e.preventDefault();
        return;
      }
      const chord = chordOf(e);
      if (chord === "space" && !typingInField(e.target)) {
        this.canvas.setSpaceHeld(true);
        e.preventDefault();
        return;
      }
      if (chord === "escape") {
        if (!this.contextMenu.hidden) {
          this.contextMenu.hidden = true;
          this.canvas.canvas.focus();
          return;
        }
        if (this.canvas.tools.busy) this.canvas.tools.cancel();
        else if (document.body.classList.contains("workshop")) this.setWorkshop(false);
        else if (!typingInField(e.target)) this.editor.clearSelection();
        else if (this.view === "map" && this.panel.root.contains(e.target as Node)) {
          // Out of a side-panel field, back to the map (what was typed is already kept).
          (e.target as HTMLElement).blur();
          this.canvas.canvas.focus();
        }
        return;
      }
      if (chord === "shift+f5") {
        e.preventDefault();
        void this.room.openOn(this.editor.mapId);
        return;
      }
      if (chord === "f1") {
        e.preventDefault();
        showShortcuts(ACTIONS);
        return;
      }
      if (chord === "mod+f") {
        e.preventDefault();
        this.openFind();
        return;
      }
      if (chord === "f3" || chord === "shift+f3") {
        e.preventDefault();
        if (this.find.isOpen && this.find.input.value) this.find.step(chord === "f3" ? 1 : -1);
        else this.openFind();
        return;
      }
      if (chord === "f5") {
        e.preventDefault();
        this.setWorkshop(!document.body.classList.contains("workshop"));
        return;
      }
      if (typingInField(e.target) && (undo.keys?.includes(chord) || redo.keys?.includes(chord))) {
        // WebKitGTK has no undo of its own in a text field, and each field writes to the project
        // as it is typed in: the app's undo takes back the field's whole edit (one step, as
        // Edit → Undo does). The field is left first (a field being typed in is not redrawn, and
        // it must show the project's text again), then entered again once its view has caught
        // up, so that the next keys go on into it and are never taken as map shortcuts.
        e.preventDefault();
        const field = e.target as HTMLElement;
        const [attribute, value] = field.hasAttribute("name")
          ? ["name", field.getAttribute("name")]
          : ["aria-label", field.getAttribute("aria-label")];
        field.blur();
        this.perform(undo.keys?.includes(chord) ? undo : redo);
        void (this.view === "redesigns" ? this.redesigns.update(true) : Promise.resolve()).then(() => {
          const again = field.isConnected
            ? field
            : value
              ? this.main.querySelector<HTMLElement>(`[${attribute}="${CSS.escape(value)}"]`)
              : null;
          if (!again) return;
          again.focus();
          if (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)
            again.setSelectionRange(again.value.length, again.value.length);
        });
        return;
      }
      if (typingInField(e.target)) return;
      if (chord === "enter" || chord === "f2") {
        const [id] = this.editor.selection;
        const target = id ?? this.editor.focus?.id;
        if (target && this.view === "map") {
          e.preventDefault();
          this.canvas.beginEdit(target);
        }
        return;
      }
      const fileKeys: Record<string, () => void> = {
        "mod+n": () => void this.files.newProject(),
        "mod+o": () => void this.files.openProject(),
        "shift+mod+s": () => void this.files.saveAs(),
        "mod+s": () => void this.editor.flush(),
        "mod+p": () => void exportReport(this.editor, this.redesigns.today),
        "shift+mod+d": () => this.setView(this.view === "dashboard" ? "map" : "dashboard"),
        "shift+mod+o": () => this.setView(this.view === "opportunities" ? "map" : "opportunities"),
        "shift+mod+m": () => void this.newMap(),
        "shift+m": () => this.view === "map" && this.canvas.toggleMinimap(),
      };
      if (fileKeys[chord]) {
        e.preventDefault();
        if (document.body.classList.contains("no-project") && chord !== "mod+n" && chord !== "mod+o") return;
        fileKeys[chord]!();
        return;
      }
      if (chord === "r" && this.view === "map") {
        const [t] = this.editor.selectedTouchpoints();
        if (t)
          void (runningRedesign(this.editor, t.id) ? this.openRedesign(runningRedesign(this.editor, t.id)!.id) : this.beginRedesign(t.id));
        return;
      }
      // Tab goes from card to card only on the map with something selected on it; anywhere else
      // (a toolbar button, nothing selected) it moves the keyboard on, as everywhere.
      if ((chord === "tab" || chord === "shift+tab") && (e.target !== this.canvas.canvas || this.editor.selection.size === 0)) return;
      const action = findAction(ACTIONS, chord);
      // Undo and redo work in every view (a redesign's phase, a KPI value); the rest act on the map.
      if (action && (this.view === "map" || action.name === "undo" || action.name === "redo")) {
        e.preventDefault();
        this.perform(action);
      }
    });
    window.addEventListener("keyup", (e) => {
      if (e.key === " ") this.canvas.setSpaceHeld(false);
    });
  }

  /** What the title, the status bar and the menu bar show now. */
  private readonly shown = { all: "", title: "", status: "", menuOff: "" };
  private menuPending = false;

  /** The menu bar's items follow the toolbar's: greyed out where they would do nothing. Once per
   * turn of the event loop (a click moves the focus and the selection at once), and sent to the
   * shell only when the list changed. */
  private menuSoon(): void {
    if (this.menuPending) return;
    this.menuPending = true;
    setTimeout(() => {
      this.menuPending = false;
      const context = {
        typing: typingInField(document.activeElement),
        roomOpen: this.roomState !== null,
        projectOpen: !document.body.classList.contains("no-project"),
      };
      const off = menuItemsOff(MENU_IDS, actionByName, this.editor, context);
      const key = off.join(" ");
      if (key === this.shown.menuOff) return;
      this.shown.menuOff = key;
      this.shell.setMenuItemsOff(off);
    }, 0);
  }
  private zoomLabel: HTMLSpanElement | undefined;
  private zoomShown: ReturnType<typeof setTimeout> | undefined;

  private refresh(): void {
    const e = this.editor;
    // Camera moves notify on every frame of a gesture; of what this shows only the zoom follows
    // the camera, so a pan that leaves everything else as it was touches nothing here.
    const key = [
      e.doc.info.id,
      e.doc.version,
      e.mapId,
      e.page,
      e.path,
      e.saveState,
      e.hasUnsavedChanges,
      e.history.undoLabel,
      e.history.redoLabel,
      e.history.canUndo,
      e.history.canRedo,
      e.clipboard !== undefined,
      e.pointedCell?.stageId,
      e.pointedCell?.laneId,
      e.editing,
      [...e.selection].join(","),
      e.focus?.id,
      this.notice,
      this.roomState?.code,
    ].join("\u0000");
    const zoom = `${Math.round(e.camera.zoom * 100)}%`;
    if (key === this.shown.all) {
      // Only the zoom changed (a zoom gesture): one text node, once the zoom has rested. Any
      // change to the page outside the canvas cost WebKitGTK 6–8 ms of every gesture frame
      // (measured: zoom frames at 100 % 25–27 ms with the label following, 17 without).
      clearTimeout(this.zoomShown);
      this.zoomShown = setTimeout(() => {
        const now = `${Math.round(this.editor.camera.zoom * 100)}%`;
        if (this.zoomLabel && this.zoomLabel.textContent !== now) this.zoomLabel.textContent = now;
      }, SETTLE_MS);
      return;
    }
    this.shown.all = key;
    this.menuSoon();
    // Written only where they change: this runs for every key typed into a field, and a
    // write of the same value is still a change to the page for the browser to look at.
    for (const [b, a] of this.toolbarButtons) {
      const disabled = a.enabled ? !a.enabled(e) : false;
      if (b.disabled !== disabled) b.disabled = disabled;
      if (a.pressed) {
        const pressed = String(a.pressed(e));
        if (b.getAttribute("aria-pressed") !== pressed) b.setAttribute("aria-pressed", pressed);
      }
      if (a.name === "undo" || a.name === "redo") {
        // Undo and Redo name the step they would take, as the status bar does.
        const step = a.name === "undo" ? e.history.undoLabel : e.history.redoLabel;
        const keys = describeKeys(a.keys);
        const title = `${a.label}${step ? `: ${step}` : ""}${keys ? ` (${keys})` : ""}`;
        if (b.title !== title) b.title = title;
      }
    }
    const file = e.path.split(/[\\/]/).pop() ?? "";
    const dirty = e.hasUnsavedChanges ? " •" : "";
    // Camera moves notify on every frame of a gesture: the window title (a call to the shell) and
    // the status bar are touched only when what they show changed.
    const title = file ? `${e.doc.info.name} — ${file}${dirty} — Journeymap` : "Journeymap";
    if (title !== this.shown.title) this.shell.setTitle(title);
    this.shown.title = title;
    const labels = e.doc.mapsInOrder().map(mapLabel).join("\n");
    if (labels !== [...this.mapSelect.options].map((o) => o.textContent).join("\n") || (e.mapId && !e.doc.get("map", e.mapId)))
      this.listMaps();
    if (this.mapSelect.value !== e.mapId) this.mapSelect.value = e.mapId;
    // A long map name is cut in the picker: the whole of it shows on hover.
    const shownMap = e.doc.get("map", e.mapId);
    const mapTitle = shownMap ? mapLabel(shownMap) : "";
    if (this.mapSelect.title !== mapTitle) this.mapSelect.title = mapTitle;
    const save = {
      saved: "All changes saved",
      pending: "Saving…",
      saving: "Saving…",
      error: `Not saved: ${e.saveError?.message ?? ""} — retrying; your changes are kept until it works`,
    }[e.saveState];
    // Counting cards scans the map: only when the document or the map changed, not on camera moves.
    const countKey = `${e.mapId}:${e.doc.version}`;
    if (this.counts?.key !== countKey) {
      const cards = e.doc.touchpointsOf(e.mapId);
      this.counts = {
        key: countKey,
        text: `${count(cards.length, "touchpoint")} · ${count(cards.filter((t) => t.momentOfTruth).length, "moment of truth", "moments of truth")}`,
      };
    }
    const selected = e.selection.size ? `${e.selection.size} selected` : e.history.undoLabel ? `Undo: ${e.history.undoLabel}` : "";
    const status = [this.notice, e.saveState, save, this.counts.text, selected, zoom, this.roomState?.code, e.path].join("\u0000");
    if (status === this.shown.status) return;
    this.zoomLabel = h(
      "span",
      { class: "zoom", title: "Zoom. The wheel or a pinch zooms; Shift+wheel, Space-drag or middle-drag pans; Ctrl+0 fits." },
      zoom,
    );
    this.shown.status = status;
    clear(this.status);
    if (this.notice) this.status.append(h("span", { class: "notice", role: "alert" }, this.notice));
    this.status.append(
      h("span", { class: `save ${e.saveState}`, "data-save-state": e.saveState }, save),
      h("span", {}, this.counts.text),
      h("span", {}, selected),
      this.zoomLabel,
      this.roomState
        ? h(
            "button",
            {
              type: "button",
              class: "link room-status",
              title: "Show the room (Shift+F5)",
              onclick: () => void this.room.openOn(this.editor.mapId),
            },
            `Room ${this.roomState.code} open`,
          )
        : "",
      h("span", { class: "path", title: e.path }, e.path),
    );
  }
}

/** How long after a dialog closes keys are not taken as map shortcuts: typed-ahead letters of
 * the dialog's last field arrive within this (a person's next deliberate key comes later). */
const AFTER_DIALOG_MS = 250;
/** How long the view rests before it is remembered. */
const VIEW_REST_MS = 600;
