// The Redesigns view: every touchpoint redesign as a board (a column per phase) and as a timeline
// (Gantt) on a day axis with weekends and holidays shaded, today's line and late work in red.
// Status and forecasts come from the core (`redesign_progress`); this view only shows them and
// sends phase changes back as undoable edits.

import { LIMITS } from "../bindings/limitValues";
import type { PhaseStatus } from "../bindings/PhaseStatus";
import type { Redesign } from "../bindings/Redesign";
import type { RedesignProgress } from "../bindings/RedesignProgress";
import type { RedesignState } from "../bindings/RedesignState";
import type { Editor } from "../editor/editor";
import { advancePhase, improveReliability, IMPROVED } from "../actions/advancePhase";
import { editField } from "../actions/editField";
import { editPhase } from "../actions/editPhase";
import { editProposal } from "../actions/editProposal";
import { DECISION_LABEL, recordResponse } from "../actions/recordResponse";
import type { AfterRejection } from "../bindings/AfterRejection";
import type { Decision } from "../bindings/Decision";
import { exportProposal } from "./exportProposal";
import { localToday } from "../actions/startRedesign";
import { deletion } from "../model/ops";
import { proposalIsEmpty, sendingPhase } from "../model/redesign";
import { ask, showError, typedDate } from "./dialogs";
import { clear, dateInput, h, keepDate } from "./dom";
import { calendarSettings } from "./calendarSettings";
import { count } from "../model/words";
import { RELIABILITY_LABEL } from "../bindings/reliabilityValues";

export const STATE_LABEL: Record<RedesignState, string> = {
  onTrack: "On track",
  atRisk: "At risk",
  late: "Late",
  done: "Done",
  rejected: "Rejected",
};
const PHASE_LABEL: Record<PhaseStatus, string> = { notStarted: "Not started", inProgress: "In progress", waiting: "Waiting", done: "Done" };
const DAY = 86_400_000;
const parse = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export class RedesignsView {
  readonly root = h("section", { class: "redesigns", "aria-label": "Redesigns" });
  visible = false;
  selected: string | undefined;
  mode: "board" | "timeline" | "calendar" = "board";
  today = localToday();
  private progress = new Map<string, RedesignProgress>();
  /** The document and day the newest forecast was asked for, and the ones `progress` is of. */
  private requested = "";
  private progressFor = "";
  private renderedFor = "";

  constructor(private readonly editor: Editor) {
    editor.subscribe(() => void this.update());
    // A redraw replaces every control. Never do it in the middle of a press (the button under the
    // pointer would go and the click with it, e.g. "Add holiday" right after typing a date), nor
    // when focus only moves to another control of this view; catch up when the press ends.
    this.root.addEventListener("focusout", (ev) => {
      const next = ev.relatedTarget;
      if (next instanceof Node && this.root.contains(next)) return;
      setTimeout(() => void this.update(), 0);
    });
    this.root.addEventListener("pointerdown", () => (this.pressing = true));
    window.addEventListener("pointerup", () => this.endPress(), true);
    window.addEventListener("pointercancel", () => this.endPress(), true);
  }

  private pressing = false;

  private endPress(): void {
    if (!this.pressing) return;
    this.pressing = false;
    // After the click has run (it is dispatched after pointerup).
    setTimeout(() => void this.update(), 0);
  }

  /**
   * Recomputes progress through the core when the document changed, then redraws. Only the answer
   * to the newest question is shown, and nothing is drawn from an older one meanwhile: a status
   * never lags behind the phase just finished.
   */
  async update(force = false, keepFocusOn?: string): Promise<void> {
    if (!this.visible) return;
    // Being typed in: nothing is drawn meanwhile, so nothing is asked of the core for every
    // key either (a title, owner or note does not move a forecast). Leaving the field catches up.
    if (this.typingHere() && !force) return;
    const key = `${this.editor.doc.version}:${this.today}`;
    if (key !== this.requested || force) {
      this.requested = key;
      const redesigns = [...this.editor.doc.tables.redesign.values()];
      let list: RedesignProgress[];
      try {
        list = await this.editor.backend.redesignProgress(this.editor.doc.calendar, redesigns, this.today);
      } catch (e) {
        await showError(e, "The redesign forecasts could not be computed.");
        return;
      }
      if (this.requested !== key) return;
      this.progress = new Map(redesigns.map((r, i) => [r.id, list[i]!]));
      this.progressFor = key;
      force = true;
    }
    if (this.progressFor !== this.requested) return;
    const renderKey = `${this.progressFor}:${this.mode}:${this.selected}`;
    if (renderKey === this.renderedFor && !force) return;
    // A field being typed in is not replaced, except the one whose value the view follows
    // (Today), which is put back with the keyboard where it was.
    if (this.typingHere() && !keepFocusOn) return;
    if (this.pressing) return;
    this.renderedFor = renderKey;
    this.render();
    if (keepFocusOn) {
      const field = this.root.querySelector<HTMLInputElement>(`input[name=${keepFocusOn}]`);
      field?.focus();
      field?.setSelectionRange(field.value.length, field.value.length);
    }
  }

  /** Whether a field of this view has the keyboard (a redraw would take it away). */
  private typingHere(): boolean {
    return this.root.contains(document.activeElement) && document.activeElement?.tagName !== "BUTTON";
  }

  private render(): void {
    // What the person was looking at stays put: the board does not shrink under the pointer
    // when a card moves to a shorter column (the phase buttons below it would jump), and the
    // timeline keeps its scroll.
    const board = this.root.querySelector<HTMLElement>(".board");
    const boardHeight = board && this.selected === this.boardFor ? board.offsetHeight : 0;
    const timelineScroll = this.root.querySelector(".timeline")?.scrollLeft;
    clear(this.root);
    this.boardFor = this.selected;
    this.draw();
    const next = this.root.querySelector<HTMLElement>(".board");
    if (next && boardHeight) next.style.minHeight = `${boardHeight}px`;
    const timeline = this.root.querySelector<HTMLElement>(".timeline");
    if (timeline && timelineScroll !== undefined) timeline.scrollLeft = timelineScroll;
    else if (timeline?.dataset.today) {
      // Opened on today, a third of the way into the days shown, not on the oldest redesign's start.
      const names = timeline.querySelector(".timeline-names")?.clientWidth ?? 0;
      timeline.scrollLeft = Math.max(0, Number(timeline.dataset.today) - (timeline.clientWidth - names) / 3);
    }
  }

  /** The redesign the board's height was kept for (another one selected lets it settle). */
  private boardFor: string | undefined;

  /** The view's tab and redesign, as the project's remembered page ("redesigns/timeline/ID"). */
  private get page(): string {
    return ["redesigns", this.mode, this.selected].filter(Boolean).join("/");
  }

  /** Takes up the tab and redesign a project was left on (its remembered page). */
  restore(page: string | undefined): void {
    const [view, mode, selected] = (page ?? "").split("/");
    if (view !== "redesigns") return;
    if (mode === "board" || mode === "timeline" || mode === "calendar") this.mode = mode;
    this.selected = selected && this.editor.doc.get("redesign", selected) ? selected : undefined;
  }

  private draw(): void {
    const e = this.editor;
    // Reopened, the project comes back to this tab and this redesign.
    if (e.page?.startsWith("redesigns") && e.page !== this.page) {
      e.page = this.page;
      e.rememberView();
    }
    const redesigns = [...e.doc.tables.redesign.values()].sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
    const tab = (mode: RedesignsView["mode"], label: string) =>
      h(
        "button",
        {
          type: "button",
          role: "tab",
          "aria-selected": String(this.mode === mode),
          class: this.mode === mode ? "primary" : "",
          onclick: () => {
            this.mode = mode;
            void this.update(true);
          },
        },
        label,
      );
    const today = dateInput({ value: this.today, "aria-label": "Today", name: "today" });
    // The view follows the day as soon as it is a whole date, while the field keeps the keyboard.
    today.addEventListener("change", () => {
      if (today.value && today.value !== this.today) {
        this.today = today.value;
        void this.update(true, "today");
      }
    });
    // Left with something that is not a day, the field shows the day the view is judged on again.
    today.addEventListener("blur", () => keepDate(today, this.today));
    const counts = (s: RedesignState) => redesigns.filter((r) => this.progress.get(r.id)?.state === s).length;
    this.root.append(
      h(
        "header",
        { class: "redesigns-head" },
        h("h1", {}, "Redesigns"),
        h(
          "div",
          { role: "tablist", class: "group" },
          tab("board", "Board"),
          tab("timeline", "Timeline"),
          tab("calendar", "Calendar & template"),
        ),
        h("label", { class: "inline" }, "Today", today),
        h(
          "span",
          { class: "summary" },
          `${counts("late")} late · ${counts("atRisk")} at risk · ${counts("onTrack")} on track · ${counts("done")} done${counts("rejected") ? ` · ${counts("rejected")} rejected` : ""}`,
        ),
      ),
    );
    if (this.mode === "calendar") {
      this.root.append(calendarSettings(e, (path, today) => e.backend.readHolidays(path, today)));
      return;
    }
    if (redesigns.length === 0) {
      this.root.append(
        h(
          "p",
          { class: "empty" },
          "No redesigns yet. Right-click a touchpoint on the map (or use the side panel) and choose “Start redesign”.",
        ),
      );
      return;
    }
    const body = h("div", { class: "redesigns-body" });
    body.append(this.mode === "board" ? this.board(redesigns) : this.timeline(redesigns));
    const chosen = this.selected ? e.doc.get("redesign", this.selected) : undefined;
    if (chosen) body.append(this.details(chosen));
    this.root.append(body);
  }

  private pill(state: RedesignState | undefined): HTMLElement {
    return h("span", { class: `pill ${state ?? ""}` }, state ? STATE_LABEL[state] : "…");
  }

  private board(redesigns: Redesign[]): HTMLElement {
    const names = this.editor.doc.template.map((t) => t.name);
    const ended = redesigns.some((r) => r.endedOn);
    const columns = ["Planned", ...names, "Done", ...(ended ? ["Rejected"] : [])];
    const columnOf = (r: Redesign) => {
      const p = this.progress.get(r.id);
      if (r.endedOn) return columns.length - 1;
      if (p?.state === "done") return names.length + 1;
      if (r.phases.every((x) => x.status === "notStarted")) return 0;
      const i = p?.currentPhase ?? 0;
      const byName = names.indexOf(r.phases[i]?.name ?? "");
      return 1 + (byName >= 0 ? byName : Math.min(i, names.length - 1));
    };
    const board = h("div", { class: "board", role: "list" });
    columns.forEach((name, ci) => {
      const col = h("div", { class: "board-column", role: "listitem" }, h("h2", {}, name));
      for (const r of redesigns.filter((r) => columnOf(r) === ci)) col.append(this.card(r));
      board.append(col);
    });
    return board;
  }

  private card(r: Redesign): HTMLElement {
    const e = this.editor;
    const p = this.progress.get(r.id);
    const t = e.doc.get("touchpoint", r.touchpointId);
    const stage = t && e.doc.get("stage", t.stageId);
    const phase = p?.currentPhase != null ? r.phases[p.currentPhase] : undefined;
    return h(
      "button",
      {
        type: "button",
        class: `redesign-card ${p?.state ?? ""} ${this.selected === r.id ? "selected" : ""}`,
        "data-redesign": r.id,
        onclick: () => {
          this.selected = r.id;
          void this.update(true);
        },
      },
      h("strong", {}, r.title),
      h("span", { class: "muted" }, `${t?.title ?? "?"}${stage ? ` · ${stage.name}` : ""}`),
      h(
        "span",
        { class: "row" },
        this.pill(p?.state),
        r.endedOn ? `Corporate rejected it on ${r.endedOn}` : phase ? `${PHASE_LABEL[phase.status]}: ${phase.name}` : "All phases done",
      ),
      // Sent back by corporate and being reworked: the board says so, not only the answers list.
      !r.endedOn && r.responses.at(-1)?.decision === "rejected"
        ? h("span", { class: "revising" }, `Rejected on ${r.responses.at(-1)!.date}: reworking the proposal`)
        : null,
      p && p.state !== "done" && p.state !== "rejected"
        ? h(
            "span",
            { class: "muted" },
            `${count(p.workDaysRemaining, "work day left", "work days left")} · ends ${p.forecastEnd}${p.forecastEnd !== p.baseline.end ? ` (planned ${p.baseline.end})` : ""}`,
          )
        : null,
    );
  }

  private timeline(redesigns: Redesign[]): HTMLElement {
    const e = this.editor;
    const all = redesigns.map((r) => this.progress.get(r.id)).filter((p): p is RedesignProgress => !!p);
    const first =
      Math.min(
        ...all.map((p) => parse(p.baseline.start)),
        ...all.flatMap((p) => p.forecast.map((f) => parse(f.start))),
        parse(this.today),
      ) -
      3 * DAY;
    const last = Math.max(...all.map((p) => parse(p.forecastEnd)), ...all.map((p) => parse(p.baseline.end)), parse(this.today)) + 5 * DAY;
    const days = Math.round((last - first) / DAY) + 1;
    const W = 16,
      LABEL = 280,
      ROW = 44,
      TOP = 40;
    const width = LABEL + days * W,
      height = TOP + redesigns.length * ROW + 10;
    const ns = "http://www.w3.org/2000/svg";
    const el = (tag: string, attrs: Record<string, string | number>, text?: string) => {
      const n = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
      if (text !== undefined) n.textContent = text;
      return n;
    };
    // The names on the left stay in place while the days scroll under them: two pictures side by
    // side, the names' one held at the left edge of the scrolling box.
    const names = el("svg", { width: LABEL, height, viewBox: `0 0 ${LABEL} ${height}`, class: "timeline-names", "aria-hidden": "true" });
    names.append(el("rect", { x: 0, y: 0, width: LABEL, height, fill: "#fff" }));
    const svg = el("svg", {
      width: width - LABEL,
      height,
      viewBox: `${LABEL} 0 ${width - LABEL} ${height}`,
      role: "img",
      "aria-label": "Redesign timeline",
    });
    const mask = e.doc.calendar.weekmask;
    for (let i = 0; i < days; i++) {
      const t = first + i * DAY;
      const date = iso(t);
      const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0, as in the weekmask
      const holiday = e.doc.calendar.holidays[date];
      const x = LABEL + i * W;
      if (mask[weekday] !== "1" || holiday) {
        const shade = el("rect", {
          x,
          y: TOP - 6,
          width: W,
          height: height - TOP + 6,
          fill: holiday ? "#fde68a" : "#e2e8f0",
          class: holiday ? "holiday" : "weekend",
        });
        if (holiday) shade.append(el("title", {}, `${date}: ${holiday}`));
        svg.append(shade);
      }
      if (weekday === 0) {
        svg.append(el("text", { x: x + 2, y: 14, "font-size": 11, fill: "#475569" }, date.slice(5)));
        svg.append(el("line", { x1: x, x2: x, y1: 18, y2: height, stroke: "#cbd5e1" }));
      }
    }
    const todayX = LABEL + ((parse(this.today) - first) / DAY) * W;
    redesigns.forEach((r, row) => {
      const p = this.progress.get(r.id);
      if (!p) return;
      const y = TOP + row * ROW;
      const late = p.state === "late";
      const label = el(
        "text",
        { x: 8, y: y + 18, "font-size": 13, "font-weight": 600, fill: late ? "#b91c1c" : "#0f172a", class: "gantt-label" },
        r.title.length > 34 ? `${r.title.slice(0, 33)}…` : r.title,
      );
      label.append(el("title", {}, r.title));
      names.append(
        label,
        el(
          "text",
          { x: 8, y: y + 34, "font-size": 11, fill: late ? "#b91c1c" : "#475569" },
          `${STATE_LABEL[p.state]} · ends ${p.forecastEnd}`,
        ),
      );
      const x = (d: string) => LABEL + ((parse(d) - first) / DAY) * W;
      for (const b of p.baseline.phases)
        svg.append(el("rect", { x: x(b.start), y: y + 30, width: x(b.end) - x(b.start) + W, height: 5, fill: "#cbd5e1" }));
      p.forecast.forEach((f, i) => {
        const status = r.phases[i]?.status ?? "notStarted";
        if (r.endedOn && status === "notStarted") return;
        const fill = { done: "#1e3a8a", inProgress: "#2563eb", waiting: "#f59e0b", notStarted: "#93c5fd" }[status];
        const bar = el("rect", {
          x: x(f.start) + 1,
          y: y + 6,
          width: x(f.end) - x(f.start) + W - 2,
          height: 20,
          rx: 3,
          fill,
          stroke: late ? "#dc2626" : "none",
          "stroke-width": late ? 2 : 0,
          class: `bar ${status}`,
        });
        bar.append(el("title", {}, `${f.name}: ${f.start} – ${f.end} (${PHASE_LABEL[status]})`));
        svg.append(bar);
      });
    });
    for (const picture of [names, svg])
      picture.addEventListener("click", (ev) => {
        const rowAt = Math.floor(((ev as MouseEvent).offsetY - TOP) / ROW);
        const picked = redesigns[rowAt];
        if (picked) {
          this.selected = picked.id;
          void this.update(true);
        }
      });
    svg.append(
      el("line", { x1: todayX + W / 2, x2: todayX + W / 2, y1: 18, y2: height, stroke: "#dc2626", "stroke-width": 2, class: "today" }),
    );
    svg.append(el("text", { x: todayX + W / 2 + 3, y: 30, "font-size": 11, fill: "#dc2626" }, "today"));
    return h(
      "div",
      {},
      h("div", { class: "timeline", "data-today": todayX + W / 2 - LABEL }, h("div", { class: "timeline-rows" }, names, svg)),
      h(
        "p",
        { class: "legend" },
        "Bars: forecast (dark = done, blue = in progress, amber = waiting, light = not started). Grey strips: the original plan. Shaded: weekends; yellow: holidays.",
      ),
    );
  }

  private details(r: Redesign): HTMLElement {
    const e = this.editor;
    const p = this.progress.get(r.id);
    const t = e.doc.get("touchpoint", r.touchpointId);
    const title = h("input", { type: "text", value: r.title, name: "redesignTitle", "aria-label": "Redesign title" });
    title.addEventListener("input", () => {
      if (!title.value.trim()) return;
      editField(e, "redesign", r.id, { title: title.value }, "Rename redesign");
      // The view is not drawn again while a field has the keyboard: the card follows here.
      const card = this.root.querySelector(`.redesign-card[data-redesign="${CSS.escape(r.id)}"] strong`);
      if (card) card.textContent = title.value;
    });
    title.addEventListener("blur", () => {
      if (!title.value.trim()) title.value = e.doc.get("redesign", r.id)?.title ?? "";
    });
    const description = h("textarea", { rows: 2, name: "redesignDescription", "aria-label": "What changes" });
    description.value = r.description;
    description.addEventListener("input", () => editField(e, "redesign", r.id, { description: description.value }, "Describe redesign"));
    const act = (i: number, to: PhaseStatus, label: string) =>
      h("button", { type: "button", "data-phase": i, "data-to": to, onclick: () => void this.change(r.id, i, to) }, label);
    const rows = r.phases.map((ph, i) => {
      const f = p?.forecast[i],
        b = p?.baseline.phases[i];
      const owner = h("input", { type: "text", value: ph.owner, "aria-label": `Owner of ${ph.name}`, placeholder: "Owner" });
      owner.addEventListener("input", () => editPhase(e, r.id, i, { owner: owner.value }, "Set owner"));
      owner.addEventListener("change", () => e.endGesture());
      const notes = h("input", {
        type: "text",
        maxLength: LIMITS.textChars,
        value: ph.notes,
        "aria-label": `Notes on ${ph.name}`,
        placeholder: "Notes",
      });
      notes.addEventListener("input", () => editPhase(e, r.id, i, { notes: notes.value }, "Phase notes"));
      notes.addEventListener("change", () => e.endGesture());
      const buttons: HTMLElement[] = [];
      if (r.endedOn) {
        // Ended by corporate's rejection: history only, nothing left to start.
      } else if (ph.status === "notStarted" && (i === 0 || r.phases[i - 1]!.status === "done")) buttons.push(act(i, "inProgress", "Start"));
      else if (ph.status === "inProgress") buttons.push(act(i, "waiting", "Waiting"), act(i, "done", "Done"));
      else if (ph.status === "waiting") buttons.push(act(i, "inProgress", "Resume"), act(i, "done", "Done"));
      else if (ph.status === "done" && (r.phases[i + 1]?.status ?? "notStarted") === "notStarted")
        buttons.push(act(i, "inProgress", "Reopen"));
      return h(
        "tr",
        { class: ph.status },
        h("th", { scope: "row" }, `${i + 1}. ${ph.name}`, h("span", { class: "muted" }, ` ${ph.days} d`)),
        h("td", {}, b ? `${b.start} – ${b.end}` : ""),
        h("td", {}, ph.actualStart ? `${ph.actualStart} – ${ph.actualEnd ?? "…"}` : f && !r.endedOn ? `(${f.start} – ${f.end})` : ""),
        h("td", {}, h("span", { class: `phase-status ${ph.status}` }, PHASE_LABEL[ph.status])),
        h("td", {}, owner),
        h("td", {}, notes),
        h("td", { class: "actions" }, ...buttons),
      );
    });
    const remove = h(
      "button",
      {
        type: "button",
        onclick: () => {
          e.commit(deletion(e.doc, [{ kind: "redesign", id: r.id }]), "Delete redesign");
          this.selected = undefined;
        },
      },
      "Delete redesign",
    );
    const exportButton = h(
      "button",
      { type: "button", name: "exportProposal", onclick: () => void exportProposal(e, r.id, this.today) },
      "Export proposal…",
    );
    return h(
      "aside",
      { class: "redesign-details", "aria-label": "Redesign details" },
      h("div", { class: "row" }, title, this.pill(p?.state)),
      h(
        "p",
        { class: "muted" },
        `Touchpoint: ${t?.title ?? "?"} (${t ? RELIABILITY_LABEL[t.reliability].toLowerCase() : "?"}) · planned ${p?.baseline.start ?? r.start} – ${p?.baseline.end ?? ""} · forecast end ${p?.forecastEnd ?? ""} · ${count(p?.workDaysRemaining ?? 0, "work day left", "work days left")}`,
      ),
      description,
      h(
        "table",
        { class: "phases" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["Phase", "Planned", "Actual (forecast)", "Status", "Owner", "Notes", ""].map((c) => h("th", { scope: "col" }, c)),
          ),
        ),
        h("tbody", {}, ...rows),
      ),
      h(
        "details",
        {},
        h("summary", {}, `History (${r.history.length})`),
        h(
          "ol",
          {},
          ...r.history.map((c) =>
            h(
              "li",
              {},
              `${c.date}: ${r.phases[c.phase]?.name ?? c.phase} ${PHASE_LABEL[c.from]} → ${PHASE_LABEL[c.to]}${c.note ? ` — ${c.note}` : ""}`,
            ),
          ),
        ),
      ),
      this.proposal(r),
      this.corporate(r, p),
      h("div", { class: "button-row" }, exportButton, remove),
    );
  }

  /** The proposal to corporate, written during the first two phases; each field an undo step. */
  private proposal(r: Redesign): HTMLElement {
    const e = this.editor;
    const q = r.proposal;
    const area = (field: "problem" | "change" | "steps" | "employees" | "effect" | "decision", label: string, hint: string) => {
      const input = h("textarea", {
        rows: field === "steps" ? 4 : 2,
        name: `proposal-${field}`,
        maxLength: LIMITS.textChars,
        placeholder: hint,
      });
      input.value = q[field];
      input.addEventListener("input", () => editProposal(e, r.id, { [field]: input.value }, `Proposal: ${label.toLowerCase()}`));
      input.addEventListener("change", () => e.endGesture());
      return h("label", {}, label, input);
    };
    const line = (field: "owner" | "cost", label: string, hint: string) => {
      const input = h("input", { type: "text", name: `proposal-${field}`, value: q[field], placeholder: hint });
      input.addEventListener("input", () => editProposal(e, r.id, { [field]: input.value }, `Proposal: ${label.toLowerCase()}`));
      input.addEventListener("change", () => e.endGesture());
      return h("label", {}, label, input);
    };
    const kpis = e.doc.kpisOf(r.touchpointId);
    const kpi = h(
      "select",
      { name: "proposal-kpi" },
      h("option", { value: "" }, kpis.length ? "No KPI chosen" : "The touchpoint has no KPI yet"),
      ...kpis.map((k) => h("option", { value: k.id, selected: k.id === q.effectKpiId }, `${k.name}${k.unit ? ` (${k.unit})` : ""}`)),
    );
    kpi.addEventListener("change", () => {
      editProposal(e, r.id, { effectKpiId: kpi.value || null }, "Proposal: KPI");
      e.endGesture();
    });
    return h(
      "details",
      { class: "proposal", open: true },
      h("summary", {}, "Proposal to corporate"),
      h(
        "p",
        { class: "muted" },
        "The evidence (reliability, expectation gap, KPIs, feedback on the stage) is added from the project when you export it.",
      ),
      area("problem", "The problem", "What goes wrong for customers, in your words"),
      area("change", "The change proposed", "What will be different"),
      area("steps", "How it will be executed", "One step per line"),
      h("div", { class: "row" }, line("owner", "Owner", "Who carries it out"), line("cost", "Cost or effort", "e.g. 30 developer days")),
      area("employees", "What changes for employees", "New tasks, rotas, training"),
      area("effect", "Expected effect", "What should improve, by how much"),
      h("label", {}, "Measured by the KPI", kpi),
      area("decision", "Decision requested", "What corporate is asked to approve"),
    );
  }

  /** Corporate's answers so far, and the form to record one once the proposal has gone out. */
  private corporate(r: Redesign, p: RedesignProgress | undefined): HTMLElement {
    const answers = r.responses.map((a) =>
      h("li", {}, `${a.date}: ${DECISION_LABEL[a.decision]}${a.by ? ` (${a.by})` : ""}${a.comment ? ` — “${a.comment}”` : ""}`),
    );
    const box = h("section", { class: "corporate", "aria-label": "Corporate's response" }, h("h3", {}, "Corporate's response"));
    if (answers.length) box.append(h("ol", { class: "answers" }, ...answers));
    if (r.endedOn) {
      box.append(h("p", { class: "muted" }, `The redesign ended on ${r.endedOn} after corporate rejected it; it stays here as history.`));
      return box;
    }
    const phase = p?.awaitingResponse;
    if (phase == null) {
      if (!answers.length)
        box.append(h("p", { class: "muted" }, "Recorded here once the proposal has been sent (the phases before the response are done)."));
      return box;
    }
    const decision = h(
      "select",
      { name: "decision", "aria-label": "Decision" },
      ...(["approved", "changes", "rejected"] as const).map((d) => h("option", { value: d }, DECISION_LABEL[d])),
    );
    const date = dateInput({ value: this.today, name: "responseDate", "aria-label": "Date of the answer" });
    const by = h("input", { type: "text", name: "responseBy", placeholder: "Who answered", "aria-label": "Who answered" });
    const comment = h("textarea", {
      rows: 3,
      name: "responseComment",
      maxLength: LIMITS.textChars,
      placeholder: "Comments",
      "aria-label": "Comments",
    });
    const then = h(
      "select",
      { name: "afterRejection", "aria-label": "After a rejection" },
      h("option", { value: "revise" }, `Back to “${r.phases[1]?.name ?? "Propose change"}”`),
      h("option", { value: "end" }, "End the redesign (kept as history)"),
    );
    const thenLabel = h("label", {}, "Then", then);
    const showThen = () => (thenLabel.hidden = decision.value !== "rejected");
    showThen();
    decision.addEventListener("change", showThen);
    const record = h(
      "button",
      {
        type: "button",
        class: "primary",
        name: "recordResponse",
        onclick: async () => {
          const day = typedDate(date, "the day of the answer");
          if (!day) return;
          if (!(await this.mayRecordOn(day, "the answer"))) return;
          try {
            await recordResponse(
              this.editor,
              r.id,
              { decision: decision.value as Decision, date: day, by: by.value.trim(), comment: comment.value.trim() },
              then.value as AfterRejection,
            );
          } catch (err) {
            await showError(err, "Corporate's answer was not recorded.");
          }
        },
      },
      "Record answer",
    );
    box.append(
      h("p", { class: "muted" }, `Completes “${r.phases[phase]?.name ?? "Corporate response"}” on the answer's date.`),
      h("div", { class: "row" }, h("label", {}, "Decision", decision), h("label", {}, "Date", date), h("label", {}, "By", by)),
      h("label", {}, "Comments", comment),
      thenLabel,
      h("div", { class: "button-row" }, record),
    );
    return box;
  }

  /** A day still to come is asked about before it is recorded as when something happened (the
   * Today field may have been set ahead to look at a forecast). */
  private async mayRecordOn(day: string, what: string): Promise<boolean> {
    const now = localToday();
    if (day <= now) return true;
    return ask(
      "A day still to come",
      `Record ${what} on ${day}? Today is ${now}; the date comes from the “Today” field above.`,
      `Record on ${day}`,
      "Not yet",
    );
  }

  private async change(id: string, phase: number, to: PhaseStatus): Promise<void> {
    const what = { done: "this phase as done", waiting: "this phase as waiting", inProgress: "this phase's start", notStarted: "" }[to];
    if (what && !(await this.mayRecordOn(this.today, what))) return;
    const before = this.editor.doc.get("redesign", id);
    if (
      before &&
      to === "done" &&
      phase === sendingPhase(before) &&
      proposalIsEmpty(before) &&
      !(await ask(
        "The proposal is empty",
        `Nothing of “${before.title}”'s proposal to corporate is written yet. Mark it sent anyway?`,
        "Mark sent",
        "Not yet",
      ))
    ) {
      return;
    }
    try {
      const finished = await advancePhase(this.editor, id, phase, to, this.today);
      const r = this.editor.doc.get("redesign", id);
      const t = r && this.editor.doc.get("touchpoint", r.touchpointId);
      const next = t && IMPROVED[t.reliability];
      if (
        finished &&
        t &&
        next &&
        (await ask(
          "Redesign complete",
          `“${t.title}” is ${RELIABILITY_LABEL[t.reliability].toLowerCase()}. Mark it ${next} now that the redesign is in motion?`,
        ))
      ) {
        improveReliability(this.editor, id);
      }
    } catch (e) {
      await showError(e, "That phase change was not made.");
    }
  }
}
