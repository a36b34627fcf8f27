// The Opportunities view: the current map's opportunities as a value/effort matrix (drag a dot,
// or move it with the arrow keys, to rescore; quadrants named quick wins, big bets, fill-ins and
// money pits) beside the ranked list, and the selected one's editor: what it concerns, its
// evidence, who raised it, and Start redesign, after which its status follows the redesign.

import type { Evidence } from "../bindings/Evidence";
import type { Opportunity } from "../bindings/Opportunity";
import type { OpportunityStatus } from "../bindings/OpportunityStatus";
import type { Editor } from "../editor/editor";
import { editField } from "../actions/editField";
import { addOpportunity, deleteOpportunity, linkEvidence, linkTouchpoint, rescore, startRedesignFrom } from "../actions/opportunities";
import { HIGH_SCORE, QUADRANT_LABEL, STATUS_LABEL, quadrantOf, ranked, statusWith } from "../model/opportunity";
import { commentsBlock } from "./comments";
import { ask, showError } from "./dialogs";
import { clear, groupLabel, h } from "./dom";

const SVG = "http://www.w3.org/2000/svg";
/** The matrix: 5 × 5 cells of this many pixels, and the margin for the axis labels. */
const CELL = 76;
const LEFT = 46;
const TOP = 14;
const SIZE = CELL * 5;
/** Selects with more entries than this list only the first ones (and say so). */
const MAX_CHOICES = 1500;

const STATUS_COLOUR: Record<OpportunityStatus, string> = {
  idea: "#2563eb",
  chosen: "#d97706",
  inRedesign: "#7c3aed",
  done: "#16a34a",
  dropped: "#94a3b8",
};

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** Where the centre of cell (effort, value) is on the matrix. */
const cellX = (effort: number) => LEFT + (effort - 0.5) * CELL;
const cellY = (value: number) => TOP + (5 - value + 0.5) * CELL;

export class OpportunitiesView {
  readonly root = h("section", { class: "opportunities", "aria-label": "Opportunities" });
  visible = false;
  selected: string | undefined;
  onOpenRedesign: (id: string) => void = () => undefined;
  private builtFor = "";
  private dragging = false;

  constructor(private readonly editor: Editor) {
    editor.subscribe(() => this.update());
    this.root.addEventListener("focusout", () => setTimeout(() => this.update(), 0));
  }

  /** Shows `id` selected (e.g. a note just turned into it). */
  select(id: string | undefined): void {
    this.selected = id;
    this.update(true);
  }

  update(force = false): void {
    if (!this.visible || this.dragging) return;
    // Evidence names feedback: fetched the first time the view shows (the notice redraws it).
    if (!this.editor.doc.feedbackLoaded)
      this.editor.loadFeedback().catch((err: unknown) => void showError(err, "The project's feedback could not be read."));
    const key = `${this.editor.mapId}:${this.editor.doc.version}:${this.selected}`;
    if (key === this.builtFor && !force) return;
    // A field losing the focus while its editor is replaced saves, which asks for another
    // drawing: that one waits until this one is done.
    if (this.rendering) {
      this.pending = true;
      return;
    }
    this.builtFor = key;
    const active = document.activeElement;
    const focusedDot = active instanceof SVGElement ? active.getAttribute("data-opportunity") : null;
    this.rendering = true;
    try {
      this.render();
    } finally {
      this.rendering = false;
    }
    if (focusedDot) (this.root.querySelector(`[data-opportunity="${focusedDot}"]`) as SVGElement | null)?.focus();
    if (this.pending) {
      this.pending = false;
      this.update();
    }
  }

  private rendering = false;
  private pending = false;

  /** The selected one's editor: built when the selection changes, refreshed in place after
   * every change (so a field being typed in, or a list just chosen from, is never replaced). */
  private detailFor: string | undefined;
  private refreshDetail: () => void = () => undefined;

  private mine(): Opportunity[] {
    const e = this.editor;
    return ranked(
      [...e.doc.tables.opportunity.values()].filter((o) => o.mapId === e.mapId),
      e.doc.tables.redesign.values(),
    );
  }

  // A fixed frame whose parts are refilled: the editor's slot is only emptied when another
  // opportunity is selected, so a field with the focus is never taken out from under it.
  private readonly header = h("header", { class: "opportunities-header" });
  private readonly matrixSlot = h("div", { class: "matrix-slot" });
  private readonly listSlot = h("div", { class: "list-slot" });
  private readonly detailSlot = h("div", { class: "detail-slot" });
  private framed = false;

  private render(): void {
    const e = this.editor;
    if (!this.framed) {
      this.framed = true;
      this.root.append(
        this.header,
        h(
          "div",
          { class: "opportunities-body" },
          this.matrixSlot,
          h("div", { class: "opportunities-side" }, this.listSlot, this.detailSlot),
        ),
      );
    }
    const list = this.mine();
    if (this.selected && !list.some((o) => o.id === this.selected)) this.selected = undefined;
    const chosen = list.find((o) => o.id === this.selected);
    const map = e.doc.get("map", e.mapId);
    const add = h(
      "button",
      {
        type: "button",
        class: "primary",
        name: "addOpportunity",
        disabled: !map,
        onclick: () => {
          const id = addOpportunity(e);
          if (id) this.select(id);
          (this.root.querySelector("input[name=opportunityTitle]") as HTMLInputElement | null)?.select();
        },
      },
      "+ Opportunity",
    );
    clear(this.header);
    this.header.append(
      h("h2", {}, `Opportunities · ${map?.name ?? "no map"}`),
      h(
        "span",
        { class: "muted" },
        `${list.length} on this map · drag a dot to rescore, or select it and use the arrow keys · a score of 3 or more counts as high`,
      ),
      add,
    );
    const ranks = new Map(list.map((o, i) => [o.id, i + 1]));
    clear(this.matrixSlot);
    clear(this.listSlot);
    if (map) {
      this.matrixSlot.append(this.matrix(list, ranks));
      this.listSlot.append(this.table(list, ranks));
    }
    if (chosen && this.detailFor === chosen.id) {
      this.refreshDetail();
      return;
    }
    this.detailFor = chosen?.id;
    this.refreshDetail = () => undefined;
    clear(this.detailSlot);
    if (chosen) this.detailSlot.append(this.detail(chosen));
    else if (map && list.length === 0)
      this.detailSlot.append(
        h(
          "p",
          { class: "muted" },
          "No opportunities yet. Add one here, or right-click a sticky note on the map (in the Opportunities lane, say) and turn it into one.",
        ),
      );
  }

  private matrix(list: Opportunity[], ranks: Map<string, number>): SVGSVGElement {
    const e = this.editor;
    const split = (HIGH_SCORE - 1) * CELL;
    const width = LEFT + SIZE + 8;
    const height = TOP + SIZE + 68;
    const root = svg("svg", {
      class: "opportunity-matrix",
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "group",
      "aria-label": "Value and effort matrix",
    });
    // Quadrants: high value on top (values 3–5), low effort on the left (efforts 1–2).
    const labels: SVGTextElement[] = [];
    const quad = (x: number, y: number, w: number, hgt: number, fill: string, label: string, anchor: "start" | "end", ly: number) => {
      root.append(svg("rect", { x: LEFT + x, y: TOP + y, width: w, height: hgt, fill }));
      labels.push(
        svg(
          "text",
          { x: anchor === "start" ? LEFT + x + 6 : LEFT + x + w - 6, y: TOP + ly, "text-anchor": anchor, class: "quadrant-label" },
          label,
        ),
      );
    };
    const topH = SIZE - split;
    quad(0, 0, split, topH, "#dcfce7", QUADRANT_LABEL.quickWin, "start", 16);
    quad(split, 0, SIZE - split, topH, "#dbeafe", QUADRANT_LABEL.bigBet, "end", 16);
    quad(0, topH, split, split, "#f1f5f9", QUADRANT_LABEL.fillIn, "start", SIZE - 8);
    quad(split, topH, SIZE - split, split, "#fee2e2", QUADRANT_LABEL.moneyPit, "end", SIZE - 8);
    for (let i = 0; i <= 5; i++) {
      root.append(
        svg("line", {
          x1: LEFT + i * CELL,
          y1: TOP,
          x2: LEFT + i * CELL,
          y2: TOP + SIZE,
          class: i === HIGH_SCORE - 1 ? "axis-split" : "grid-line",
        }),
      );
      root.append(
        svg("line", {
          x1: LEFT,
          y1: TOP + i * CELL,
          x2: LEFT + SIZE,
          y2: TOP + i * CELL,
          class: i === 5 - (HIGH_SCORE - 1) ? "axis-split" : "grid-line",
        }),
      );
    }
    for (let n = 1; n <= 5; n++) {
      root.append(svg("text", { x: cellX(n), y: TOP + SIZE + 16, "text-anchor": "middle", class: "axis-number" }, String(n)));
      root.append(svg("text", { x: LEFT - 10, y: cellY(n) + 4, "text-anchor": "end", class: "axis-number" }, String(n)));
    }
    // Over the grid lines, under the dots.
    root.append(...labels);
    root.append(svg("text", { x: LEFT + SIZE / 2, y: TOP + SIZE + 34, "text-anchor": "middle", class: "axis-title" }, "Effort →"));
    // What the dots' colours mean.
    let x = LEFT;
    for (const s of Object.keys(STATUS_LABEL) as OpportunityStatus[]) {
      root.append(svg("circle", { cx: x + 6, cy: TOP + SIZE + 54, r: 6, fill: STATUS_COLOUR[s] }));
      root.append(svg("text", { x: x + 16, y: TOP + SIZE + 58, class: "axis-number" }, STATUS_LABEL[s]));
      x += 30 + STATUS_LABEL[s].length * 6.2;
    }
    root.append(
      svg(
        "text",
        { x: 12, y: TOP + SIZE / 2, "text-anchor": "middle", class: "axis-title", transform: `rotate(-90 12 ${TOP + SIZE / 2})` },
        "Value →",
      ),
    );
    // Dots: several in one cell sit on a small ring around its centre.
    const byCell = new Map<string, Opportunity[]>();
    for (const o of list) {
      const k = `${o.effort}:${o.value}`;
      byCell.set(k, [...(byCell.get(k) ?? []), o]);
    }
    const redesigns = [...e.doc.tables.redesign.values()];
    for (const group of byCell.values()) {
      group.forEach((o, i) => {
        const n = group.length;
        const angle = (i / n) * Math.PI * 2 - Math.PI / 2;
        const ring = n === 1 ? 0 : Math.min(24, 10 + n * 3);
        const x = cellX(o.effort) + Math.cos(angle) * ring;
        const y = cellY(o.value) + Math.sin(angle) * ring;
        const status = statusWith(o, redesigns);
        const dot = svg(
          "g",
          {
            class: `opportunity-dot${o.id === this.selected ? " selected" : ""}`,
            "data-opportunity": o.id,
            transform: `translate(${x} ${y})`,
            tabindex: 0,
            role: "button",
            "aria-label": `${o.title}: value ${o.value}, effort ${o.effort}, ${STATUS_LABEL[status]}`,
          },
          svg("title", {}, `${ranks.get(o.id)}. ${o.title} — value ${o.value}, effort ${o.effort} · ${STATUS_LABEL[status]}`),
          svg("circle", { r: 13, fill: STATUS_COLOUR[status] }),
          svg("text", { y: 4, "text-anchor": "middle" }, String(ranks.get(o.id) ?? "")),
        );
        this.draggable(dot, root, o, x, y);
        dot.addEventListener("keydown", (ev) => {
          const step: Record<string, [number, number]> = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };
          const d = step[ev.key];
          if (d) {
            ev.preventDefault();
            this.selected = o.id;
            rescore(e, o.id, o.value + d[0], o.effort + d[1]);
          } else if (ev.key === "Enter" || ev.key === " ") {
            ev.preventDefault();
            this.select(o.id);
          } else if (ev.key === "Delete") {
            ev.preventDefault();
            void this.remove(o);
          }
        });
        root.append(dot);
      });
    }
    return root;
  }

  /** Drag to rescore: the dot follows the pointer and lands on the cell it is dropped in. */
  private draggable(dot: SVGGElement, root: SVGSVGElement, o: Opportunity, x: number, y: number): void {
    dot.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) return;
      ev.preventDefault();
      dot.setPointerCapture(ev.pointerId);
      this.dragging = true;
      const scale = () => {
        const r = root.getBoundingClientRect();
        return r.width / root.viewBox.baseVal.width || 1;
      };
      const start = { x: ev.clientX, y: ev.clientY };
      let moved = { x, y };
      const move = (m: PointerEvent) => {
        const k = scale();
        moved = {
          x: Math.max(LEFT, Math.min(LEFT + SIZE, x + (m.clientX - start.x) / k)),
          y: Math.max(TOP, Math.min(TOP + SIZE, y + (m.clientY - start.y) / k)),
        };
        dot.setAttribute("transform", `translate(${moved.x} ${moved.y})`);
        dot.classList.add("dragging");
      };
      const up = () => {
        dot.removeEventListener("pointermove", move);
        dot.removeEventListener("pointerup", up);
        dot.removeEventListener("pointercancel", up);
        this.dragging = false;
        const effort = Math.min(5, Math.max(1, Math.floor((moved.x - LEFT) / CELL) + 1));
        const value = Math.min(5, Math.max(1, 5 - Math.floor((moved.y - TOP) / CELL)));
        this.selected = o.id;
        if (effort !== o.effort || value !== o.value) rescore(this.editor, o.id, value, effort);
        this.update(true);
        (this.root.querySelector(`[data-opportunity="${o.id}"]`) as SVGElement | null)?.focus();
      };
      dot.addEventListener("pointermove", move);
      dot.addEventListener("pointerup", up);
      dot.addEventListener("pointercancel", up);
    });
  }

  private table(list: Opportunity[], ranks: Map<string, number>): HTMLElement {
    const e = this.editor;
    const redesigns = [...e.doc.tables.redesign.values()];
    const stage = (id: string | null) => (id ? (e.doc.get("stage", id)?.name ?? "") : "");
    return h(
      "table",
      { class: "opportunity-list" },
      h("caption", {}, "Ranked: most value for the effort first; done and dropped last"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...["#", "Opportunity", "Stage", "Value", "Effort", "Quadrant", "Status", "Evidence"].map((t) => h("th", { scope: "col" }, t)),
        ),
      ),
      h(
        "tbody",
        {},
        ...list.map((o) => {
          const status = statusWith(o, redesigns);
          return h(
            "tr",
            {
              class: o.id === this.selected ? "selected" : "",
              "data-opportunity": o.id,
              tabindex: "0",
              onclick: () => this.select(o.id),
              onkeydown: (ev: KeyboardEvent) => {
                if (ev.key === "Enter") this.select(o.id);
              },
            },
            h("td", {}, String(ranks.get(o.id))),
            h("td", {}, o.title),
            h("td", {}, stage(o.stageId)),
            h("td", { class: "num" }, String(o.value)),
            h("td", { class: "num" }, String(o.effort)),
            h("td", {}, QUADRANT_LABEL[quadrantOf(o)]),
            h("td", {}, h("span", { class: `status-chip s-${status}` }, STATUS_LABEL[status])),
            h("td", { class: "num" }, String(o.evidence.length)),
          );
        }),
      ),
    );
  }

  private detail(first: Opportunity): HTMLElement {
    const e = this.editor;
    const id = first.id;
    /** The opportunity as it is now: every handler reads it afresh. */
    const now = () => e.doc.get("opportunity", id) ?? first;
    const edit = (patch: Partial<Opportunity>, label = "Edit opportunity") => editField(e, "opportunity", id, patch, label);
    const fields: Array<() => void> = [];
    const text = (name: string, label: string, get: (o: Opportunity) => string, set: (v: string) => void, area = false) => {
      const input = area ? h("textarea", { name, rows: 3, "aria-label": label }) : h("input", { type: "text", name, "aria-label": label });
      input.addEventListener("change", () => set(input.value));
      // A field someone is typing in keeps what they typed.
      fields.push(() => {
        if (document.activeElement !== input) input.value = get(now());
      });
      return h("label", {}, label, input);
    };
    const choice = (
      name: string,
      label: string,
      options: () => Array<[string, string]>,
      get: (o: Opportunity) => string,
      set: (v: string) => void,
    ) => {
      const select = h("select", { name, "aria-label": label });
      select.addEventListener("change", () => set(select.value));
      fields.push(() => {
        clear(select);
        for (const [value, text] of options()) select.append(h("option", { value }, text));
        select.value = get(now());
      });
      return [h("label", {}, label, select), select] as const;
    };
    const scores = (): Array<[string, string]> => [1, 2, 3, 4, 5].map((n) => [String(n), String(n)]);
    const [valueField] = choice(
      "opportunity-value",
      "Value (1–5)",
      scores,
      (o) => String(o.value),
      (v) => rescore(e, id, Number(v), now().effort),
    );
    const [effortField] = choice(
      "opportunity-effort",
      "Effort (1–5)",
      scores,
      (o) => String(o.effort),
      (v) => rescore(e, id, now().value, Number(v)),
    );
    const [statusField, statusSelect] = choice(
      "opportunityStatus",
      "Status",
      () => (Object.keys(STATUS_LABEL) as OpportunityStatus[]).map((s) => [s, STATUS_LABEL[s]]),
      (o) => statusWith(o, e.doc.tables.redesign.values()),
      (v) => edit({ status: v as OpportunityStatus }, "Change status"),
    );
    fields.push(() => {
      const r = now().redesignId;
      statusSelect.disabled = !!(r && e.doc.get("redesign", r));
      statusSelect.title = statusSelect.disabled ? "A redesign carries it: its status follows the redesign" : "";
    });
    const [stageField] = choice(
      "opportunityStage",
      "Stage",
      () => [["", "— any stage —"], ...e.doc.stagesOf(now().mapId).map((s): [string, string] => [s.id, s.name])],
      (o) => o.stageId ?? "",
      (v) => edit({ stageId: v || null }, "Change stage"),
    );

    const chip = (label: string, remove: () => void) =>
      h(
        "span",
        { class: "chip" },
        label,
        h(
          "button",
          { type: "button", class: "chip-remove", title: `Remove ${label}`, "aria-label": `Remove ${label}`, onclick: remove },
          "×",
        ),
      );
    // What it concerns: chips, and a picker of the map's cards (its stage's first).
    const touchpointChips = h("span", { class: "chips" });
    const addCard = h("select", { name: "addTouchpoint", "aria-label": "Add a touchpoint" });
    addCard.addEventListener("change", () => addCard.value && linkTouchpoint(e, id, addCard.value, true));
    fields.push(() => {
      const o = now();
      clear(touchpointChips);
      for (const t of o.touchpointIds)
        touchpointChips.append(chip(e.doc.get("touchpoint", t)?.title ?? "?", () => linkTouchpoint(e, id, t, false)));
      const order = new Map(e.doc.stagesOf(o.mapId).map((s, i) => [s.id, i]));
      const cards = e.doc
        .touchpointsOf(o.mapId)
        .filter((t) => !o.touchpointIds.includes(t.id))
        .sort(
          (a, b) =>
            Number(b.stageId === o.stageId) - Number(a.stageId === o.stageId) ||
            (order.get(a.stageId) ?? 0) - (order.get(b.stageId) ?? 0) ||
            a.x - b.x,
        );
      clear(addCard);
      addCard.append(h("option", { value: "" }, cards.length > MAX_CHOICES ? `+ touchpoint… (first ${MAX_CHOICES})` : "+ touchpoint…"));
      for (const t of cards.slice(0, MAX_CHOICES))
        addCard.append(h("option", { value: t.id }, `${e.doc.get("stage", t.stageId)?.name ?? ""} · ${t.title}`));
    });

    // Evidence: notes, feedback and KPIs of this map (feedback of its stage when it has one).
    const labelOf = (ev: Evidence): string => {
      if (ev.kind === "note") return `Note: ${e.doc.get("note", ev.id)?.text.split("\n")[0] ?? "?"}`;
      if (ev.kind === "kpi") return `KPI: ${e.doc.get("kpi", ev.id)?.name ?? "?"}`;
      const f = e.doc.get("feedback", ev.id);
      return `Feedback: ${f ? `“${f.text.slice(0, 80)}${f.text.length > 80 ? "…" : ""}”` : "?"}`;
    };
    const evidenceChips = h("span", { class: "chips" });
    const addEvidence = h("select", { name: "addEvidence", "aria-label": "Add evidence" });
    addEvidence.addEventListener("change", () => {
      const [kind, target] = addEvidence.value.split(":") as [Evidence["kind"], string];
      if (target) linkEvidence(e, id, { kind, id: target }, true);
    });
    fields.push(() => {
      const o = now();
      clear(evidenceChips);
      for (const ev of o.evidence) evidenceChips.append(chip(labelOf(ev), () => linkEvidence(e, id, ev, false)));
      const has = (kind: Evidence["kind"], target: string) => o.evidence.some((x) => x.kind === kind && x.id === target);
      // Notes in the opportunity's stage first, then stage by stage as on the map.
      const stageOrder = new Map(e.doc.stagesOf(o.mapId).map((st, i) => [st.id, i]));
      const place = (stageId: string | null) =>
        stageId === o.stageId && o.stageId ? -1 : stageId ? (stageOrder.get(stageId) ?? 1e6) : 1e6;
      const notes = e.doc
        .notesOf(o.mapId)
        .filter((n) => !has("note", n.id))
        .sort((a, b) => place(a.stageId) - place(b.stageId) || a.y - b.y || a.x - b.x);
      const stageName = (stageId: string | null) => (stageId ? `${e.doc.get("stage", stageId)?.name ?? ""} · ` : "");
      // Newest feedback first; KPIs of the opportunity's cards first, then card by card as on the map.
      const feedback = [...e.doc.tables.feedback.values()]
        .filter((f) => f.mapId === o.mapId && (!o.stageId || f.stageId === o.stageId) && !has("feedback", f.id))
        .sort((a, b) => b.date.localeCompare(a.date));
      const cardIds = new Set(e.doc.touchpointsOf(o.mapId).map((t) => t.id));
      const kpis = [...e.doc.tables.kpi.values()]
        .filter((k) => cardIds.has(k.touchpointId) && !has("kpi", k.id))
        .sort((a, b) => {
          const ta = e.doc.get("touchpoint", a.touchpointId);
          const tb = e.doc.get("touchpoint", b.touchpointId);
          return (
            Number(o.touchpointIds.includes(b.touchpointId)) - Number(o.touchpointIds.includes(a.touchpointId)) ||
            place(ta?.stageId ?? null) - place(tb?.stageId ?? null) ||
            (ta?.x ?? 0) - (tb?.x ?? 0) ||
            a.name.localeCompare(b.name)
          );
        });
      clear(addEvidence);
      addEvidence.append(
        h("option", { value: "" }, "+ evidence…"),
        h(
          "optgroup",
          { label: "Sticky notes" },
          ...notes
            .slice(0, MAX_CHOICES)
            .map((n) => h("option", { value: `note:${n.id}` }, `${stageName(n.stageId)}${n.text.split("\n")[0]?.slice(0, 90) ?? ""}`)),
        ),
        h(
          "optgroup",
          { label: groupLabel(o.stageId ? `Feedback at ${e.doc.get("stage", o.stageId)?.name ?? "this stage"}` : "Feedback") },
          ...feedback.slice(0, MAX_CHOICES).map((f) => h("option", { value: `feedback:${f.id}` }, `${f.date} · ${f.text.slice(0, 90)}`)),
        ),
        h(
          "optgroup",
          { label: "KPIs" },
          ...kpis
            .slice(0, MAX_CHOICES)
            .map((k) => h("option", { value: `kpi:${k.id}` }, `${k.name} (${e.doc.get("touchpoint", k.touchpointId)?.title ?? ""})`)),
        ),
      );
    });

    // Start redesign, or the redesign that carries it.
    const actions = h("div", { class: "opportunity-actions" });
    fields.push(() => {
      const o = now();
      clear(actions);
      const redesign = o.redesignId ? e.doc.get("redesign", o.redesignId) : undefined;
      if (redesign) {
        actions.append(
          h(
            "p",
            { class: "redesign-link" },
            `Carried by the redesign “${redesign.title}”: its status follows the redesign. `,
            h("button", { type: "button", name: "openRedesign", onclick: () => this.onOpenRedesign(redesign.id) }, "Open redesign"),
          ),
        );
        return;
      }
      const first = o.touchpointIds[0] ? e.doc.get("touchpoint", o.touchpointIds[0]) : undefined;
      actions.append(
        h(
          "button",
          {
            type: "button",
            class: "primary",
            name: "startRedesignFromOpportunity",
            disabled: !first,
            title: first ? `The 20-day redesign of “${first.title}”` : "Link a touchpoint first: the redesign works on it",
            onclick: async () => {
              try {
                const started = await startRedesignFrom(e, id);
                if (started) this.onOpenRedesign(started);
              } catch (err) {
                await showError(err, "The redesign was not started.");
              }
            },
          },
          "Start redesign",
        ),
      );
      if (!first) actions.append(h("span", { class: "muted" }, " Link a touchpoint to start its redesign."));
    });

    const talk = commentsBlock(e, "opportunity", id);
    fields.push(talk.refresh);
    const form = h(
      "form",
      { class: "opportunity-detail", "aria-label": "Selected opportunity", onsubmit: (ev: Event) => ev.preventDefault() },
      h(
        "div",
        { class: "detail-grid" },
        text(
          "opportunityTitle",
          "Title",
          (o) => o.title,
          (title) => title.trim() && edit({ title: title.trim() }, "Rename opportunity"),
        ),
        h("div", { class: "detail-row" }, valueField, effortField, statusField, stageField),
        text(
          "opportunityDescription",
          "Description",
          (o) => o.description,
          (description) => edit({ description }),
          true,
        ),
        text(
          "opportunityRaisedBy",
          "Raised by",
          (o) => o.raisedBy,
          (raisedBy) => edit({ raisedBy: raisedBy.trim() }),
        ),
      ),
      h("div", { class: "links" }, h("strong", {}, "Touchpoints"), touchpointChips, addCard),
      h("div", { class: "links" }, h("strong", {}, "Evidence"), evidenceChips, addEvidence),
      actions,
      talk.root,
      h(
        "div",
        { class: "dialog-buttons" },
        h(
          "button",
          { type: "button", class: "danger", name: "deleteOpportunity", onclick: () => void this.remove(now()) },
          "Delete opportunity",
        ),
      ),
    );
    this.refreshDetail = () => {
      for (const fill of fields) fill();
    };
    this.refreshDetail();
    return form;
  }

  private async remove(o: Opportunity): Promise<void> {
    if (
      !(await ask(
        "Delete opportunity",
        `Delete “${o.title}”? Its evidence stays in the project; Undo (Ctrl+Z) brings it back.`,
        "Delete",
        "Keep",
        true,
      ))
    )
      return;
    deleteOpportunity(this.editor, o.id);
    this.select(undefined);
  }
}
