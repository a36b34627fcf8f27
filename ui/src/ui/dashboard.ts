// The Dashboard view: the hard numbers beside the map. Overview charts (reliability by stage,
// feedback trend, customers vs employees, customers in and out, the ten pillars), and tabs to
// keep KPIs, feedback, customer periods and pillar scores. Figures come from the core
// (`dashboard`) after autosave has flushed; every edit here is an undoable change.

import { count } from "../model/words";
import { LIMITS } from "../bindings/limitValues";
import type { Chart } from "chart.js";
import type { Dashboard } from "../bindings/Dashboard";
import type { FeedbackSource } from "../bindings/FeedbackSource";
import type { KpiRow } from "../bindings/KpiRow";
import type { Reliability } from "../bindings/Reliability";
import { RELIABILITIES, RELIABILITY_LABEL } from "../bindings/reliabilityValues";
import type { Editor } from "../editor/editor";
import { addCustomerPeriod, addFeedback, addKpi, deleteRecord, recordMeasurement, scorePillar } from "../actions/measures";
import { editField } from "../actions/editField";
import { moveTop, setTop } from "../actions/toggleTop";
import { localToday } from "../actions/startRedesign";
import { MAX_TOP_TOUCHPOINTS } from "../model/doc";
import type * as Charts from "./charts";
import { showError, typedDate } from "./dialogs";
import { clear, dateInput, h, keepDate } from "./dom";
import { PILLAR_LABEL, SOURCE_LABEL, STATUS_LABEL } from "./labels";

type Tab = "overview" | "reliability" | "kpis" | "feedback" | "customers" | "pillars";
const TABS: Array<[Tab, string]> = [
  ["overview", "Overview"],
  ["reliability", "Reliability board"],
  ["kpis", "KPIs"],
  ["feedback", "Feedback"],
  ["customers", "Customers in / out"],
  ["pillars", "Pillars"],
];
const RELIABILITY: Array<[Reliability, string]> = RELIABILITIES.map((r) => [r, RELIABILITY_LABEL[r]]);
const FEEDBACK_SHOWN = 200;

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? "—" : String(Number(v.toFixed(digits))));
const signed = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${v > 0 ? "+" : ""}${v.toFixed(2)}`);
const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`);

export class DashboardView {
  readonly root = h("section", { class: "dashboard", "aria-label": "Dashboard" });
  visible = false;
  tab: Tab = "overview";
  today = localToday();
  figures: Dashboard | undefined;
  /** Called for File → Import Feedback CSV and the button on the Feedback tab. */
  onImport: () => void = () => {};
  onExport: (table: "touchpoints" | "kpis" | "feedback") => void = () => {};
  private charts: Chart[] = [];
  /** Chart.js and the chart builders, loaded the first time the dashboard opens: most sessions
   * never show it, and the window starts without parsing them. */
  private draw!: typeof Charts;
  private loadedFor = "";
  private selectedKpi: string | undefined;

  constructor(private readonly editor: Editor) {
    editor.subscribe(() => void this.update());
  }

  /** Refreshes the figures from the core when the document changed, then redraws. */
  async update(force = false): Promise<void> {
    if (!this.visible) return;
    const e = this.editor;
    // The Feedback tab lists it: fetched the first time it shows (once the doc holds it, the
    // editor's notice redraws this with the list).
    if (this.tab === "feedback" && !e.doc.feedbackLoaded) {
      try {
        await e.loadFeedback();
      } catch (err) {
        await showError(err, "The project's feedback could not be read.");
      }
      return;
    }
    const key = `${e.doc.version}:${e.mapId}:${this.today}:${this.tab}`;
    if (key === this.loadedFor && !force) return;
    // Typing in a field re-renders only after the field is left.
    if (!force && this.root.contains(document.activeElement) && ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement!.tagName))
      return;
    this.loadedFor = key;
    try {
      await e.flush();
      const [figures, draw] = await Promise.all([e.backend.dashboard(e.mapId || null, this.today), this.draw ?? import("./charts")]);
      this.figures = figures;
      this.draw = draw;
    } catch (err) {
      await showError(err, "The dashboard figures could not be computed.");
      return;
    }
    this.render();
  }

  private render(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
    clear(this.root);
    const d = this.figures;
    if (!d) return;
    const today = dateInput({ value: this.today, name: "dashboardToday", "aria-label": "Figures as of" });
    today.addEventListener("change", () => {
      if (today.value) {
        this.today = today.value;
        void this.update(true);
      }
    });
    today.addEventListener("blur", () => keepDate(today, this.today));
    const exportSelect = h(
      "select",
      { name: "exportCsv", "aria-label": "Export CSV" },
      h("option", { value: "" }, "Export CSV…"),
      h("option", { value: "touchpoints" }, "Touchpoints"),
      h("option", { value: "kpis" }, "KPIs"),
      h("option", { value: "feedback" }, "Feedback"),
    );
    exportSelect.addEventListener("change", () => {
      const table = exportSelect.value as "touchpoints" | "kpis" | "feedback" | "";
      exportSelect.value = "";
      if (table) this.onExport(table);
    });
    this.root.append(
      h(
        "header",
        { class: "redesigns-head" },
        h("h1", {}, "Dashboard"),
        h(
          "div",
          { role: "tablist", class: "group" },
          ...TABS.map(([tab, label]) =>
            h(
              "button",
              {
                type: "button",
                role: "tab",
                "data-tab": tab,
                "aria-selected": String(this.tab === tab),
                class: this.tab === tab ? "primary" : "",
                onclick: () => {
                  this.tab = tab;
                  void this.update(true);
                },
              },
              label,
            ),
          ),
        ),
        h("label", { class: "inline" }, "As of", today),
        h("button", { type: "button", name: "importFeedback", onclick: () => this.onImport() }, "Import feedback CSV…"),
        exportSelect,
      ),
    );
    const body = h("div", { class: "dashboard-body" });
    this.root.append(body);
    ({
      overview: () => this.overview(body, d),
      reliability: () => this.board(body, d),
      kpis: () => this.kpis(body, d),
      feedback: () => this.feedback(body, d),
      customers: () => this.customers(body, d),
      pillars: () => this.pillars(body, d),
    })[this.tab]();
  }

  private tiles(d: Dashboard): HTMLElement {
    const c = d.kpiCounts;
    const last = d.customers.at(-1);
    const tile = (name: string, value: string, label: string, tone = "") =>
      h("div", { class: `tile ${tone}`, "data-tile": name }, h("strong", {}, value), h("span", {}, label));
    return h(
      "div",
      { class: "tiles" },
      tile("met", String(c.met), "KPIs met", "good"),
      tile("near", String(c.near), "near target", "warn"),
      tile("missed", String(c.missed), "missed", "bad"),
      tile("top", `${d.topTouchpoints.length} / ${MAX_TOP_TOUCHPOINTS}`, "top touchpoints"),
      tile(
        "broken",
        String(d.reliability.broken),
        d.reliability.broken === 1 ? "broken touchpoint" : "broken touchpoints",
        d.reliability.broken ? "bad" : "good",
      ),
      tile("sentiment", signed(d.feedback.averageSentiment), `mean sentiment, ${d.feedback.total} voices`),
      tile("churn", pct(last?.churnRate), `churn${last ? `, ${last.label}` : ""}`),
      tile("pillars", d.pillarAverage === null ? "—" : `${d.pillarAverage.toFixed(1)} / 5`, "pillar mean"),
    );
  }

  private overview(body: HTMLElement, d: Dashboard): void {
    body.append(this.tiles(d));
    const grid = h(
      "div",
      { class: "chart-grid" },
      this.draw.chartBox("Reliability by stage", "reliability", this.draw.reliabilityChart(d), this.charts),
      this.draw.chartBox("Feedback sentiment by month", "trend", this.draw.feedbackTrendChart(d), this.charts),
      this.draw.chartBox("Customers and employees, side by side", "voices", this.draw.voicesChart(d), this.charts),
      this.draw.chartBox("Customers in and out", "customers", this.draw.customersChart(d), this.charts),
      this.draw.chartBox("Ten pillars", "pillars", this.draw.pillarsChart(d), this.charts),
    );
    body.append(grid, this.topTable(d));
  }

  private topTable(d: Dashboard): HTMLElement {
    const e = this.editor;
    const rows = d.topTouchpoints.map((t) =>
      h(
        "tr",
        { "data-top": t.touchpointId },
        h("td", {}, String(t.rank)),
        h("td", {}, t.title, t.momentOfTruth ? " ★" : ""),
        h("td", {}, t.stage),
        h("td", {}, h("span", { class: `chip ${t.reliability}` }, RELIABILITY_LABEL[t.reliability].toLowerCase())),
        h("td", { class: "num" }, `${t.expectation} / ${t.performance}`),
        h("td", { class: "num" }, t.gap > 0 ? `+${t.gap}` : String(t.gap)),
        h("td", {}, t.worstStatus ? h("span", { class: `status ${t.worstStatus}` }, STATUS_LABEL[t.worstStatus]) : "no KPI"),
        h(
          "td",
          {},
          h(
            "button",
            { type: "button", title: "Up the ranking", "aria-label": `Move ${t.title} up`, onclick: () => moveTop(e, t.touchpointId, -1) },
            "↑",
          ),
          h(
            "button",
            {
              type: "button",
              title: "Down the ranking",
              "aria-label": `Move ${t.title} down`,
              onclick: () => moveTop(e, t.touchpointId, 1),
            },
            "↓",
          ),
          h(
            "button",
            {
              type: "button",
              title: "Remove from the top touchpoints",
              "aria-label": `Remove ${t.title}`,
              onclick: () =>
                setTop(
                  e,
                  e.doc.topTouchpoints.filter((x) => x !== t.touchpointId),
                  "Remove from top touchpoints",
                ),
            },
            "×",
          ),
        ),
      ),
    );
    return h(
      "section",
      { class: "panel-block" },
      h("h2", {}, `Top touchpoints (${d.topTouchpoints.length} of at most ${MAX_TOP_TOUCHPOINTS})`),
      d.topTouchpoints.length === 0
        ? h("p", { class: "hint" }, "Select the 10–15 touchpoints that matter most on the map and press Shift+T.")
        : null,
      h(
        "table",
        { class: "grid-table", name: "topTouchpoints" },
        h(
          "thead",
          {},
          h("tr", {}, ...["#", "Touchpoint", "Stage", "Reliability", "Expect / deliver", "Gap", "KPIs", ""].map((c) => h("th", {}, c))),
        ),
        h("tbody", {}, ...rows),
      ),
    );
  }

  /** Every touchpoint of the map in its reliability column, stage by stage, with its gap; a
   * button moves it a step. Counts and gaps per stage come from the core's figures. */
  private board(body: HTMLElement, d: Dashboard): void {
    const e = this.editor;
    const stages = e.doc.stagesOf(e.mapId);
    const cards = e.doc.touchpointsOf(e.mapId);
    const stageFigures = new Map(d.reliability.stages.map((s) => [s.stageId, s]));
    const move = (id: string, to: Reliability) =>
      editField(e, "touchpoint", id, { reliability: to }, `Mark ${RELIABILITY_LABEL[to].toLowerCase()}`);
    const column = ([kind, label]: [Reliability, string], i: number) => {
      const total = d.reliability[kind];
      return h(
        "section",
        { class: `board-column rel-${kind}`, "data-reliability": kind },
        h("h2", {}, `${label} (${total})`),
        ...stages.map((stage) => {
          const here = cards
            .filter((t) => t.stageId === stage.id && t.reliability === kind)
            .sort((a, b) => b.expectation - b.performance - (a.expectation - a.performance) || a.title.localeCompare(b.title));
          if (here.length === 0) return "";
          return h(
            "div",
            { class: "board-stage" },
            h("h3", {}, stage.name),
            ...here.map((t) => {
              const gap = t.expectation - t.performance;
              return h(
                "div",
                { class: "board-card", "data-touchpoint": t.id },
                h("strong", {}, t.momentOfTruth ? "★ " : "", t.title),
                h(
                  "span",
                  { class: gap > 0 ? "gap short" : "gap" },
                  gap > 0 ? `falls ${gap} short` : gap < 0 ? `exceeds by ${-gap}` : "meets expectations",
                ),
                h(
                  "span",
                  { class: "board-moves" },
                  i > 0
                    ? h(
                        "button",
                        {
                          type: "button",
                          "aria-label": `Mark ${t.title} ${RELIABILITY[i - 1]![0]}`,
                          onclick: () => move(t.id, RELIABILITY[i - 1]![0]),
                        },
                        "←",
                      )
                    : "",
                  i < RELIABILITY.length - 1
                    ? h(
                        "button",
                        {
                          type: "button",
                          "aria-label": `Mark ${t.title} ${RELIABILITY[i + 1]![0]}`,
                          onclick: () => move(t.id, RELIABILITY[i + 1]![0]),
                        },
                        "→",
                      )
                    : "",
                ),
              );
            }),
          );
        }),
      );
    };
    body.append(
      h(
        "table",
        { class: "grid-table", name: "reliabilityByStage" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...[
              "Stage",
              "Not rated",
              "Broken",
              "Reliable",
              "Differentiating",
              "Moments of truth",
              "Expectation",
              "Delivered",
              "Mean gap",
            ].map((c) => h("th", {}, c)),
          ),
        ),
        h(
          "tbody",
          {},
          ...stages.map((s) => {
            const f = stageFigures.get(s.id);
            return h(
              "tr",
              {},
              h("td", {}, s.name),
              h("td", { class: "num" }, String(f?.unrated ?? 0)),
              h("td", { class: "num" }, String(f?.broken ?? 0)),
              h("td", { class: "num" }, String(f?.reliable ?? 0)),
              h("td", { class: "num" }, String(f?.differentiating ?? 0)),
              h("td", { class: "num" }, String(f?.momentsOfTruth ?? 0)),
              h("td", { class: "num" }, fmt(f?.averageExpectation, 2)),
              h("td", { class: "num" }, fmt(f?.averagePerformance, 2)),
              h("td", { class: "num" }, signed(f?.averageGap)),
            );
          }),
        ),
      ),
      h("div", { class: "reliability-board" }, ...RELIABILITY.map(column)),
    );
  }

  private kpis(body: HTMLElement, d: Dashboard): void {
    const e = this.editor;
    const cards = e.doc.touchpointsOf(e.mapId).sort((a, b) => a.title.localeCompare(b.title));
    const which = h(
      "select",
      { name: "kpiTouchpoint", "aria-label": "Touchpoint for a new KPI" },
      ...cards.map((t) => h("option", { value: t.id }, t.title)),
    );
    // The card selected on the map, when there is one: the KPI is most likely for it.
    const chosen = e.selectedTouchpoints()[0];
    if (chosen && cards.some((t) => t.id === chosen.id)) which.value = chosen.id;
    const add = h(
      "button",
      {
        type: "button",
        class: "primary",
        name: "addKpi",
        onclick: () => {
          this.selectedKpi = addKpi(e, which.value);
        },
      },
      "+ KPI",
    );
    const num = (k: KpiRow, field: "target" | "tolerance") => {
      const input = h("input", {
        type: "number",
        step: "any",
        value: String(k[field]),
        name: `${field}-${k.kpiId}`,
        "aria-label": `${field} of ${k.name}`,
      });
      input.addEventListener("change", () => {
        const v = Number(input.value);
        if (input.value !== "" && Number.isFinite(v)) editField(e, "kpi", k.kpiId, { [field]: v }, "Edit KPI");
      });
      return input;
    };
    const text = (k: KpiRow, field: "name" | "unit") => {
      const input = h("input", { type: "text", value: k[field], name: `${field}-${k.kpiId}`, "aria-label": `${field} of ${k.name}` });
      input.addEventListener("change", () => {
        if (field === "unit" || input.value.trim()) editField(e, "kpi", k.kpiId, { [field]: input.value.trim() }, "Edit KPI");
      });
      return input;
    };
    const rows = d.kpis.map((k) => {
      const dir = h(
        "select",
        { name: `direction-${k.kpiId}`, "aria-label": `direction of ${k.name}` },
        h("option", { value: "higherIsBetter" }, "higher is better"),
        h("option", { value: "lowerIsBetter" }, "lower is better"),
      );
      dir.value = k.direction;
      dir.addEventListener("change", () => editField(e, "kpi", k.kpiId, { direction: dir.value as KpiRow["direction"] }, "Edit KPI"));
      const date = dateInput({ value: this.today, name: `date-${k.kpiId}`, "aria-label": `date of a new value for ${k.name}` });
      const value = h("input", {
        type: "number",
        step: "any",
        name: `value-${k.kpiId}`,
        placeholder: "value",
        "aria-label": `new value for ${k.name}`,
      });
      const record = () => {
        if (value.value === "") return;
        const day = typedDate(date, "the day of the value");
        if (day) recordMeasurement(e, k.kpiId, day, Number(value.value));
      };
      value.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter") record();
      });
      return h(
        "tr",
        {
          "data-kpi": k.kpiId,
          class: this.selectedKpi === k.kpiId ? "selected" : "",
          onclick: (ev: Event) => {
            if ((ev.target as HTMLElement).tagName === "TD") {
              this.selectedKpi = k.kpiId;
              void this.update(true);
            }
          },
        },
        h("td", {}, k.top ? "★ " : "", k.touchpointTitle),
        h("td", {}, text(k, "name")),
        h("td", {}, text(k, "unit")),
        h("td", {}, dir),
        h("td", {}, num(k, "target")),
        h("td", {}, num(k, "tolerance")),
        h(
          "td",
          { class: "num" },
          k.latest === null ? "—" : `${fmt(k.latest, 2)} ${k.unit}`,
          h("small", {}, k.latestDate ? ` ${k.latestDate}` : ""),
        ),
        h(
          "td",
          {},
          h("span", { class: `status ${k.status}` }, STATUS_LABEL[k.status]),
          " ",
          { improving: "↗", worsening: "↘", steady: "→", unknown: "" }[k.trend],
        ),
        h(
          "td",
          { class: "inline-form" },
          date,
          value,
          h("button", { type: "button", name: `record-${k.kpiId}`, onclick: record }, "Record"),
        ),
        h("td", {}, h("button", { type: "button", "aria-label": `Delete ${k.name}`, onclick: () => deleteRecord(e, "kpi", k.kpiId) }, "×")),
      );
    });
    const selected = d.kpis.find((k) => k.kpiId === this.selectedKpi) ?? d.kpis[0];
    body.append(
      h("div", { class: "inline-form" }, h("label", { class: "inline" }, "Add a KPI to", which), add),
      h(
        "table",
        { class: "grid-table", name: "kpis" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["Touchpoint", "KPI", "Unit", "Direction", "Target", "Tolerance", "Latest", "Status", "New value", ""].map((c) =>
              h("th", {}, c),
            ),
          ),
        ),
        h("tbody", {}, ...rows),
      ),
      d.kpis.length === 0
        ? h("p", { class: "hint" }, "No KPIs on this map yet. Give each top touchpoint one or two measures with a target.")
        : "",
      selected?.series.length
        ? h(
            "div",
            { class: "chart-grid one" },
            this.draw.chartBox(`${selected.touchpointTitle}: ${selected.name}`, "kpi", this.draw.kpiChart(selected), this.charts),
          )
        : "",
    );
  }

  private feedback(body: HTMLElement, d: Dashboard): void {
    const e = this.editor;
    const stages = e.doc.stagesOf(e.mapId);
    const cards = e.doc.touchpointsOf(e.mapId).sort((a, b) => a.title.localeCompare(b.title));
    const stageName = new Map(stages.map((s) => [s.id, s.name]));
    const cardName = new Map(cards.map((t) => [t.id, t.title]));
    const f = {
      date: dateInput({ value: this.today, name: "fbDate", "aria-label": "Date" }),
      stage: h("select", { name: "fbStage", "aria-label": "Stage" }, ...stages.map((s) => h("option", { value: s.id }, s.name))),
      touchpoint: h(
        "select",
        { name: "fbTouchpoint", "aria-label": "Touchpoint" },
        h("option", { value: "" }, "(no touchpoint)"),
        ...cards.map((t) => h("option", { value: t.id }, t.title)),
      ),
      source: h(
        "select",
        { name: "fbSource", "aria-label": "Source" },
        ...Object.entries(SOURCE_LABEL).map(([v, l]) => h("option", { value: v }, l)),
      ),
      sentiment: h(
        "select",
        { name: "fbSentiment", "aria-label": "Sentiment" },
        ...[2, 1, 0, -1, -2].map((v) => h("option", { value: String(v), selected: v === 0 }, v > 0 ? `+${v}` : String(v))),
      ),
      rating: h("input", { type: "number", min: "0", max: "10", step: "1", name: "fbRating", placeholder: "0–10", "aria-label": "Rating" }),
      text: h("input", {
        type: "text",
        maxLength: LIMITS.textChars,
        name: "fbText",
        placeholder: "What was said",
        "aria-label": "Feedback",
      }),
    };
    const submit = (ev: Event) => {
      ev.preventDefault();
      if (!f.text.value.trim() || !f.stage.value) return;
      const day = typedDate(f.date, "the day it was said");
      if (!day) return;
      const rating = f.rating.value === "" ? null : Math.max(0, Math.min(10, Math.round(Number(f.rating.value))));
      addFeedback(e, {
        mapId: e.mapId,
        stageId: f.stage.value,
        touchpointId: f.touchpoint.value || null,
        date: day,
        source: f.source.value as FeedbackSource,
        text: f.text.value.trim(),
        sentiment: Number(f.sentiment.value),
        rating,
      });
    };
    const items = [...e.doc.tables.feedback.values()]
      .filter((x) => x.mapId === e.mapId)
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
    body.append(
      h(
        "form",
        { class: "inline-form", name: "addFeedback", onsubmit: submit },
        f.date,
        f.stage,
        f.touchpoint,
        f.source,
        f.sentiment,
        f.rating,
        f.text,
        h("button", { type: "submit", class: "primary" }, "+ Feedback"),
      ),
      h(
        "table",
        { class: "grid-table", name: "stageFeedback" },
        h(
          "thead",
          {},
          h("tr", {}, ...["Stage", "Items", "Mean sentiment", "Customers", "Employees", "Mean rating"].map((c) => h("th", {}, c))),
        ),
        h(
          "tbody",
          {},
          ...d.feedback.stages.map((s) =>
            h(
              "tr",
              {},
              h("td", {}, s.name),
              h("td", { class: "num" }, String(s.count)),
              h("td", { class: "num" }, signed(s.averageSentiment)),
              h("td", { class: "num" }, `${signed(s.customerSentiment)} (${s.customerCount})`),
              h("td", { class: "num" }, `${signed(s.employeeSentiment)} (${s.employeeCount})`),
              h("td", { class: "num" }, fmt(s.averageRating)),
            ),
          ),
        ),
      ),
      h("h2", {}, items.length > FEEDBACK_SHOWN ? `Latest ${FEEDBACK_SHOWN} of ${items.length} items` : count(items.length, "item")),
      h(
        "table",
        { class: "grid-table", name: "feedback" },
        h(
          "thead",
          {},
          h("tr", {}, ...["Date", "Source", "Stage", "Touchpoint", "Sentiment", "Rating", "Text", ""].map((c) => h("th", {}, c))),
        ),
        h(
          "tbody",
          {},
          ...items
            .slice(0, FEEDBACK_SHOWN)
            .map((x) =>
              h(
                "tr",
                { "data-feedback": x.id },
                h("td", {}, x.date),
                h("td", {}, SOURCE_LABEL[x.source]),
                h("td", {}, stageName.get(x.stageId) ?? ""),
                h("td", {}, x.touchpointId ? (cardName.get(x.touchpointId) ?? "") : ""),
                h("td", { class: `num sentiment s${x.sentiment}` }, x.sentiment > 0 ? `+${x.sentiment}` : String(x.sentiment)),
                h("td", { class: "num" }, x.rating === null ? "" : String(x.rating)),
                h("td", { class: "wrap" }, x.text),
                h(
                  "td",
                  {},
                  h("button", { type: "button", "aria-label": "Delete feedback", onclick: () => deleteRecord(e, "feedback", x.id) }, "×"),
                ),
              ),
            ),
        ),
      ),
    );
  }

  private customers(body: HTMLElement, d: Dashboard): void {
    const e = this.editor;
    const flows = new Map(d.customers.map((f) => [f.periodId, f]));
    const periods = [...e.doc.tables.customerPeriod.values()].sort((a, b) => a.start.localeCompare(b.start));
    const field = (id: string, name: "label" | "start" | "customersAtStart" | "gained" | "lost", value: string, type: string) => {
      const input = h("input", {
        type,
        value,
        name: `${name}-${id}`,
        "aria-label": name,
        min: type === "number" ? "0" : undefined,
        step: type === "number" ? "1" : undefined,
      });
      input.addEventListener("change", () => {
        const v = input.value.trim();
        if (name === "label") {
          if (v) editField(e, "customerPeriod", id, { label: v }, "Edit period");
          return;
        }
        if (name === "start") {
          if (v) editField(e, "customerPeriod", id, { start: v }, "Edit period");
          return;
        }
        const n = Math.max(0, Math.round(Number(v)));
        if (name === "customersAtStart") editField(e, "customerPeriod", id, { customersAtStart: v === "" ? null : n }, "Edit period");
        else if (v !== "" && Number.isFinite(n)) editField(e, "customerPeriod", id, { [name]: n }, "Edit period");
      });
      return input;
    };
    const reasons = (id: string) => {
      const p = e.doc.get("customerPeriod", id)!;
      const area = h(
        "textarea",
        { name: `reasons-${id}`, rows: 3, "aria-label": "Reasons", placeholder: "+120 Recommended by a friend\n-80 Price" },
        p.reasons.map((r) => `${r.flow === "in" ? "+" : "-"}${r.count} ${r.reason}`).join("\n"),
      );
      area.addEventListener("change", () => {
        const parsed = area.value
          .split("\n")
          .map((l) => /^\s*([+-])\s*(\d+)\s+(.+?)\s*$/.exec(l))
          .filter((m): m is RegExpExecArray => m !== null)
          .map((m) => ({ flow: m[1] === "+" ? ("in" as const) : ("out" as const), count: Number(m[2]), reason: m[3]! }));
        editField(e, "customerPeriod", id, { reasons: parsed }, "Edit reasons");
      });
      return area;
    };
    body.append(
      h(
        "div",
        { class: "inline-form" },
        h("button", { type: "button", class: "primary", name: "addPeriod", onclick: () => addCustomerPeriod(e, this.today) }, "+ Period"),
      ),
      h(
        "table",
        { class: "grid-table", name: "customers" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["Period", "Starts", "Customers at start", "In", "Out", "Net", "At end", "Churn", "Reasons (+in / −out)", ""].map((c) =>
              h("th", {}, c),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          ...periods.map((p) => {
            const f = flows.get(p.id);
            return h(
              "tr",
              { "data-period": p.id },
              h("td", {}, field(p.id, "label", p.label, "text")),
              h("td", {}, field(p.id, "start", p.start, "date")),
              h(
                "td",
                {},
                field(p.id, "customersAtStart", p.customersAtStart === null ? "" : String(p.customersAtStart), "number"),
                p.customersAtStart === null && f?.atStart !== null && f?.atStart !== undefined
                  ? h("small", {}, ` carried: ${f.atStart}`)
                  : null,
              ),
              h("td", {}, field(p.id, "gained", String(p.gained), "number")),
              h("td", {}, field(p.id, "lost", String(p.lost), "number")),
              h("td", { class: "num" }, f ? `${f.net > 0 ? "+" : ""}${f.net}` : ""),
              h("td", { class: "num" }, f?.atEnd === null || f?.atEnd === undefined ? "—" : String(f.atEnd)),
              h("td", { class: "num", "data-churn": p.id }, pct(f?.churnRate)),
              h("td", {}, reasons(p.id)),
              h(
                "td",
                {},
                h(
                  "button",
                  { type: "button", "aria-label": `Delete ${p.label}`, onclick: () => deleteRecord(e, "customerPeriod", p.id) },
                  "×",
                ),
              ),
            );
          }),
        ),
      ),
      d.customers.length
        ? h(
            "div",
            { class: "chart-grid one" },
            this.draw.chartBox("Customers in and out", "customers", this.draw.customersChart(d), this.charts),
          )
        : h("p", { class: "hint" }, "Add a period to track customers gained and lost."),
    );
  }

  private pillars(body: HTMLElement, d: Dashboard): void {
    const e = this.editor;
    const rows = d.pillars.map((p) => {
      const score = h(
        "select",
        { name: `score-${p.pillar}`, "aria-label": `${PILLAR_LABEL[p.pillar]} score` },
        h("option", { value: "" }, "—"),
        ...[1, 2, 3, 4, 5].map((n) => h("option", { value: String(n) }, String(n))),
      );
      score.value = p.score === null ? "" : String(p.score);
      score.addEventListener("change", () => scorePillar(e, p.pillar, { score: score.value === "" ? null : Number(score.value) }));
      const notes = h("input", {
        type: "text",
        maxLength: LIMITS.textChars,
        value: p.notes,
        name: `notes-${p.pillar}`,
        "aria-label": `${PILLAR_LABEL[p.pillar]} notes`,
      });
      notes.addEventListener("change", () => scorePillar(e, p.pillar, { notes: notes.value }));
      return h(
        "tr",
        { "data-pillar": p.pillar },
        h("td", {}, PILLAR_LABEL[p.pillar]),
        h("td", {}, score),
        h("td", { class: "wide" }, notes),
      );
    });
    body.append(
      h(
        "div",
        { class: "pillars" },
        h(
          "table",
          { class: "grid-table", name: "pillars" },
          h("thead", {}, h("tr", {}, h("th", {}, "Pillar"), h("th", {}, "Score (1–5)"), h("th", {}, "Notes"))),
          h("tbody", {}, ...rows),
        ),
        this.draw.chartBox(
          `Self-assessment, mean ${d.pillarAverage === null ? "—" : d.pillarAverage.toFixed(1)} of 5`,
          "pillars",
          this.draw.pillarsChart(d),
          this.charts,
        ),
      ),
    );
  }
}
