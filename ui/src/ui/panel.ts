// The side panel: every field of what is selected (a touchpoint, note, connector, stage, lane,
// several items, or, with nothing selected, the project and the current map). Typing into a field
// is one undo step per field visit.

import { pickFileToOpen } from "./filePicker";
import type { LaneKind } from "../bindings/LaneKind";
import type { MapKind } from "../bindings/MapKind";
import type { Reliability } from "../bindings/Reliability";
import type { Editor } from "../editor/editor";
import { editField, editInfo } from "../actions/editField";
import { duplicateAsToBe } from "../actions/maps";
import { LANE_NAMES } from "../actions/addLane";
import * as align from "../actions/align";
import { deleteSelection } from "../actions/deleteSelection";
import { moveLaneDown, moveLaneUp, moveStageLeft, moveStageRight } from "../actions/reorderGrid";
import { RELIABILITIES, RELIABILITY_LABEL } from "../actions/setReliability";
import { toggleMomentOfTruth } from "../actions/toggleMomentOfTruth";
import { addVote, removeVote } from "../actions/vote";
import { connect } from "../actions/connect";
import type { Action } from "../actions/types";
import { clear, growWithText, h } from "./dom";
import { AppError } from "../ipc/errors";
import { addKpi } from "../actions/measures";
import { setTop, toggledTop } from "../actions/toggleTop";
import { MAX_TOP_TOUCHPOINTS } from "../model/doc";
import { isFinished } from "../model/redesign";
import { CUSTOMER_FACING, feelingOf } from "../geometry/emotion";
import { PERSONA_LINE_COLOURS } from "../bindings/personaLineValues";
import { commentsBlock } from "./comments";
import { pictureOf, removePicture, setPicture } from "../actions/pictures";
import { pictureField } from "./pictureField";
import { openThreads } from "../actions/comments";
import { addPersonaLine, canAddLine, personasInOrder, removePersonaLine, setFeeling } from "../actions/personas";

const NOTE_COLORS = ["#fde68a", "#fecaca", "#bbf7d0", "#e0f2fe", "#ede9fe", "#fed7aa"];

export class Panel {
  readonly root = h("aside", { class: "panel", "aria-label": "Properties" });
  private key = "";
  private version = -1;
  onStartRedesign: (touchpointId: string) => void = () => undefined;
  onOpenRedesign: (redesignId: string) => void = () => undefined;
  /** Turns a sticky note into an opportunity and shows it. */
  onNoteToOpportunity: (noteId: string) => void = () => undefined;
  /** Says why a picture was not taken (too large, not an image, …). */
  onPictureError: (error: unknown) => void = () => undefined;
  /** Shows the item an open thread is about (selects a card or note; opens an opportunity). */
  onOpenThread: (target: "touchpoint" | "note" | "opportunity", id: string) => void = () => undefined;
  onOpenDashboard: () => void = () => undefined;
  private refreshers: Array<() => void> = [];

  constructor(private readonly editor: Editor) {
    editor.subscribe(() => this.update());
  }

  private selectionKey(): string {
    const e = this.editor;
    return `${e.mapId}|${[...e.selection].join(",")}|${e.focus?.kind ?? ""}:${e.focus?.id ?? ""}|${e.doc.info.id}`;
  }

  update(): void {
    const key = this.selectionKey();
    if (key !== this.key) {
      this.key = key;
      this.version = this.editor.doc.version;
      this.build();
    } else if (this.version !== this.editor.doc.version) {
      // Camera moves notify too; fields only change with the document.
      this.version = this.editor.doc.version;
      for (const r of this.refreshers) r();
    }
  }

  private build(): void {
    clear(this.root);
    // Another item: its panel starts at its top, not where the last one was scrolled to.
    this.root.scrollTop = 0;
    this.refreshers = [];
    const e = this.editor;
    const ids = [...e.selection];
    if (ids.length === 1) {
      const id = ids[0]!;
      if (e.doc.get("touchpoint", id)) return this.touchpoint(id);
      if (e.doc.get("note", id)) return this.note(id);
      if (e.doc.get("connector", id)) return this.connector(id);
    }
    if (ids.length > 1) return this.many();
    if (e.focus?.kind === "stage") return this.stage(e.focus.id);
    if (e.focus?.kind === "lane") return this.lane(e.focus.id);
    this.project();
  }

  // ---- field builders -----------------------------------------------------------------------

  private field(label: string, control: HTMLElement, hint?: string): HTMLElement {
    const el = h("label", { class: "field" }, h("span", { class: "field-label" }, label), control);
    if (hint) el.append(h("span", { class: "hint" }, hint));
    this.root.append(el);
    return el;
  }

  /** A text input or textarea bound to a value; edits go through `set`. A required name is
   * not written while it is blank (the core refuses a nameless record); the field shows why. */
  private text(
    label: string,
    get: () => string,
    set: (v: string) => void,
    multiline = false,
    name = label,
    required = false,
  ): HTMLInputElement | HTMLTextAreaElement {
    const input = multiline ? h("textarea", { rows: 3, name }) : h("input", { type: "text", name, required });
    input.value = get();
    input.addEventListener("input", () => {
      if (required && !input.value.trim()) return;
      set(input.value);
    });
    input.addEventListener("blur", () => {
      if (required && !input.value.trim()) input.value = get();
    });
    input.addEventListener("change", () => this.editor.endGesture());
    const refit = input instanceof HTMLTextAreaElement ? growWithText(input) : () => undefined;
    this.refreshers.push(() => {
      const value = get();
      if (document.activeElement !== input && input.value !== value) {
        input.value = value;
        refit();
      }
    });
    this.field(label, input);
    return input;
  }

  private select<T extends string>(
    label: string,
    options: Array<[T, string]>,
    get: () => T,
    set: (v: T) => void,
    name = label,
  ): HTMLSelectElement {
    const sel = h("select", { name }, ...options.map(([v, l]) => h("option", { value: v }, l)));
    sel.value = get();
    sel.addEventListener("change", () => {
      set(sel.value as T);
      this.editor.endGesture();
    });
    this.refreshers.push(() => {
      if (document.activeElement !== sel) sel.value = get();
    });
    this.field(label, sel);
    return sel;
  }

  private buttons(...actions: Action[]): void {
    const row = h("div", { class: "button-row" });
    for (const a of actions) {
      const b = h("button", { type: "button", onclick: () => a.perform(this.editor) }, a.label);
      this.refreshers.push(() => (b.disabled = a.enabled ? !a.enabled(this.editor) : false));
      b.disabled = a.enabled ? !a.enabled(this.editor) : false;
      row.append(b);
    }
    this.root.append(row);
  }

  private heading(text: string, sub?: string): void {
    this.root.append(h("h2", {}, text));
    if (sub) this.root.append(h("p", { class: "sub" }, sub));
  }

  // ---- views --------------------------------------------------------------------------------

  private touchpoint(id: string): void {
    const e = this.editor;
    const t = () => e.doc.get("touchpoint", id)!;
    const set = (patch: Parameters<typeof editField<"touchpoint">>[3], label = "Edit touchpoint") =>
      editField(e, "touchpoint", id, patch, label);
    this.heading("Touchpoint");
    this.text(
      "Title",
      () => t().title,
      (title) => set({ title }),
      false,
      "title",
      true,
    );
    this.text(
      "Description",
      () => t().description,
      (description) => set({ description }),
      true,
      "description",
    );
    this.text(
      "Channel",
      () => t().channel,
      (channel) => set({ channel }),
      false,
      "channel",
    );
    this.text(
      "Owner (department)",
      () => t().owner,
      (owner) => set({ owner }),
      false,
      "owner",
    );
    this.select(
      "Stage",
      e.doc.stagesOf(e.mapId).map((s) => [s.id, s.name]),
      () => t().stageId,
      (stageId) => {
        set({ stageId }, "Move to stage");
        // Its new cell may be far off: the card is followed there.
        e.reveal(t());
      },
      "stage",
    );
    this.select(
      "Lane",
      e.doc.lanesOf(e.mapId).map((l) => [l.id, l.name]),
      () => t().laneId,
      (laneId) => {
        set({ laneId }, "Move to lane");
        e.reveal(t());
      },
      "lane",
    );
    this.select<Reliability>(
      "Reliability",
      RELIABILITIES.map((r) => [r, RELIABILITY_LABEL[r]]),
      () => t().reliability,
      (reliability) => set({ reliability }, "Set reliability"),
      "reliability",
    );

    const emotion = h("input", { type: "range", min: -3, max: 3, step: 1, name: "emotion" });
    const emotionOut = h("output", {});
    const showEmotion = () => {
      emotion.value = String(t().emotion);
      emotionOut.textContent = `${t().emotion > 0 ? "+" : ""}${t().emotion}`;
    };
    emotion.addEventListener("input", () => set({ emotion: Number(emotion.value) }, "Change emotion"));
    emotion.addEventListener("change", () => e.endGesture());
    this.refreshers.push(showEmotion);
    showEmotion();
    const emotionField = this.field("Emotion (−3 … +3)", h("div", { class: "inline" }, emotion, emotionOut));
    // Backstage and support work is felt through the cards the customer meets: a card elsewhere
    // keeps its emotion (reports list it) but draws no point on the curve, and says so.
    const offCurve = h(
      "span",
      { class: "hint", "data-hint": "off-curve" },
      "Not on the emotion curve, which follows the customer-facing lanes (customer actions, touchpoints, frontstage).",
    );
    const showCurve = () => {
      const kind = e.doc.get("lane", t().laneId)?.kind;
      offCurve.hidden = kind !== undefined && CUSTOMER_FACING.has(kind);
    };
    this.refreshers.push(showCurve);
    showCurve();
    emotionField.append(offCurve);
    // The map's other personas: each its own slider; "as above" until moved.
    const map = e.doc.get("map", t().mapId);
    const ownName = (map?.personaId && e.doc.get("persona", map.personaId)?.name) || "the map's own line";
    (map?.otherPersonas ?? []).forEach((personaId, i) => {
      const persona = e.doc.get("persona", personaId);
      if (!persona) return;
      const slider = h("input", {
        type: "range",
        min: -3,
        max: 3,
        step: 1,
        name: `feeling-${personaId}`,
        "aria-label": `How it feels to ${persona.name}`,
      });
      const out = h("output", {});
      const same = h(
        "button",
        { type: "button", class: "link", title: `Feel it as ${ownName} does again`, onclick: () => setFeeling(e, id, personaId, null) },
        "reset to above",
      );
      const show = () => {
        const v = feelingOf(t(), personaId);
        const own = !t().feelings.some((f) => f.personaId === personaId);
        slider.value = String(v);
        out.textContent = `${v > 0 ? "+" : ""}${v}${own ? " (as above)" : ""}`;
        same.hidden = own;
      };
      slider.addEventListener("input", () => setFeeling(e, id, personaId, Number(slider.value)));
      slider.addEventListener("change", () => e.endGesture());
      this.refreshers.push(show);
      show();
      const swatch = h("span", { class: "line-swatch", style: { background: PERSONA_LINE_COLOURS[i] ?? "#64748b" } });
      this.field(`Feels to ${persona.name}`, h("div", { class: "inline" }, swatch, slider, out, same));
    });

    const scores: Array<[string, string]> = [1, 2, 3, 4, 5].map((n) => [String(n), String(n)]);
    this.select(
      "Customer expectation (1–5)",
      scores,
      () => String(t().expectation),
      (v) => set({ expectation: Number(v) }),
      "expectation",
    );
    this.select(
      "Delivered performance (1–5)",
      scores,
      () => String(t().performance),
      (v) => set({ performance: Number(v) }),
      "performance",
    );
    const gap = h("p", { class: "gap" });
    const showGap = () => {
      const g = t().expectation - t().performance;
      gap.textContent =
        g > 0 ? `Gap: falls ${g} short of what customers expect` : g < 0 ? `Exceeds expectations by ${-g}` : "Meets expectations";
      gap.className = `gap ${g > 0 ? "short" : "ok"}`;
    };
    showGap();
    this.refreshers.push(showGap);
    this.root.append(gap);

    const mot = h("input", { type: "checkbox", name: "momentOfTruth" });
    mot.checked = t().momentOfTruth;
    mot.addEventListener("change", () =>
      set({ momentOfTruth: mot.checked }, mot.checked ? "Mark moment of truth" : "Unmark moment of truth"),
    );
    this.refreshers.push(() => (mot.checked = t().momentOfTruth));
    this.root.append(h("label", { class: "check" }, mot, " ★ Moment of truth ", h("kbd", {}, "M")));
    this.text(
      "Why this moment matters",
      () => t().momentOfTruthNote,
      (momentOfTruthNote) => set({ momentOfTruthNote }),
      true,
      "momentOfTruthNote",
    );
    this.measures(id);
    this.root.append(h("h2", {}, "Redesign"));
    // Follows the document: a redesign started, renamed or finished elsewhere (the Redesigns
    // view, R, undo) shows here at once, and "Start" is offered only when none is running.
    const section = h("div", { class: "panel-redesigns" });
    const showRedesigns = () => {
      const redesigns = [...e.doc.tables.redesign.values()].filter((r) => r.touchpointId === id);
      clear(section);
      for (const r of redesigns) {
        const done = isFinished(r);
        const current = r.phases.find((p) => p.status !== "done");
        section.append(
          h(
            "button",
            { type: "button", class: "link", name: "openRedesign", onclick: () => this.onOpenRedesign(r.id) },
            `${r.title} — ${done ? "done" : (current?.name ?? "")}`,
          ),
        );
      }
      if (redesigns.every(isFinished))
        section.append(
          h(
            "div",
            { class: "button-row" },
            h("button", { type: "button", name: "startRedesign", onclick: () => this.onStartRedesign(id) }, "Start redesign (R)"),
          ),
        );
    };
    showRedesigns();
    this.refreshers.push(showRedesigns);
    this.root.append(section);
    // Deleting the card is about the card, not its redesign: a row of its own, set apart.
    this.buttons(deleteSelection);
    this.root.lastElementChild?.classList.add("item-actions");
    this.root.lastElementChild?.firstElementChild?.classList.add("danger");
  }

  /** Top-touchpoint choice and the touchpoint's KPIs, with their latest values. */
  private measures(id: string): void {
    const e = this.editor;
    this.root.append(h("h2", {}, "Measures"));
    const top = h("input", { type: "checkbox", name: "topTouchpoint" });
    const rank = () => e.doc.topTouchpoints.indexOf(id);
    top.checked = rank() >= 0;
    top.addEventListener("change", () => {
      const next = toggledTop(e.doc.topTouchpoints, [id]);
      if (next) setTop(e, next, top.checked ? "Add to top touchpoints" : "Remove from top touchpoints");
      else top.checked = false;
    });
    this.refreshers.push(() => (top.checked = rank() >= 0));
    this.root.append(
      h(
        "label",
        { class: "check", title: `At most ${MAX_TOP_TOUCHPOINTS}: the touchpoints the dashboard tracks` },
        top,
        " Top touchpoint ",
        h("kbd", {}, "Shift+T"),
      ),
    );
    const list = h("ul", { class: "kpi-list" });
    const fill = () => {
      clear(list);
      for (const k of e.doc.kpisOf(id)) {
        const last = k.measurements.at(-1);
        list.append(
          h(
            "li",
            {},
            `${k.name}: `,
            last ? `${last.value}${k.unit ? ` ${k.unit}` : ""} (${last.date})` : "no value yet",
            ` · target ${k.direction === "higherIsBetter" ? "≥" : "≤"} ${k.target}${k.unit ? ` ${k.unit}` : ""}`,
          ),
        );
      }
    };
    fill();
    this.refreshers.push(fill);
    this.root.append(
      list,
      h(
        "div",
        { class: "button-row" },
        h(
          "button",
          {
            type: "button",
            name: "addKpi",
            onclick: () => {
              addKpi(e, id);
              this.onOpenDashboard();
            },
          },
          "+ KPI",
        ),
        h("button", { type: "button", class: "link", onclick: () => this.onOpenDashboard() }, "Open in Dashboard"),
      ),
    );
    this.picture(id);
    this.comments("touchpoint", id);
  }

  /** The card's picture: shown, chosen from a file, pasted into the box, or taken off. */
  private picture(id: string): void {
    const e = this.editor;
    const field = pictureField({
      use: "card",
      whose: () => "the card",
      current: () => {
        const p = pictureOf(e, id);
        return p && { key: p.id, picture: p };
      },
      set: (picture) => setPicture(e, id, picture),
      remove: () => removePicture(e, id),
      onError: (err) => this.onPictureError(err),
      backend: e.backend,
      hint: "Or drop an image file on the card. Large pictures are shrunk to 1600 pixels and 1 MB.",
    });
    this.refreshers.push(field.refresh);
    this.root.append(field.root);
  }

  /** The threads on the selected item, kept fresh with the rest of the panel. */
  private comments(target: "touchpoint" | "note", id: string): void {
    const block = commentsBlock(this.editor, target, id);
    this.root.append(block.root);
    this.refreshers.push(block.refresh);
  }

  private note(id: string): void {
    const e = this.editor;
    const n = () => e.doc.get("note", id)!;
    this.heading("Sticky note");
    const author = n().author.trim();
    if (author) this.root.append(h("p", { class: "hint note-author" }, `From ${author}, in the workshop room`));
    this.text(
      "Text",
      () => n().text,
      (text) => editField(e, "note", id, { text }, "Edit note"),
      true,
      "text",
    );
    const swatches = h(
      "div",
      { class: "swatches" },
      ...NOTE_COLORS.map((color) =>
        h("button", {
          type: "button",
          class: "swatch",
          style: { background: color },
          title: color,
          "aria-label": `Colour ${color}`,
          onclick: () => editField(e, "note", id, { color }, "Recolour note"),
        }),
      ),
    );
    this.field("Colour", swatches);
    const votes = h("output", { class: "votes" });
    const showVotes = () => (votes.textContent = `${n().votes} vote${n().votes === 1 ? "" : "s"}`);
    showVotes();
    this.refreshers.push(showVotes);
    this.field("Dot votes", votes);
    this.buttons(addVote, removeVote, deleteSelection);
    this.root.append(
      h(
        "button",
        {
          type: "button",
          name: "noteToOpportunity",
          title: "An opportunity with this note as its evidence",
          onclick: () => this.onNoteToOpportunity(id),
        },
        "Turn into opportunity",
      ),
    );
    this.comments("note", id);
  }

  private connector(id: string): void {
    const e = this.editor;
    const c = () => e.doc.get("connector", id)!;
    const from = e.doc.get("touchpoint", c().fromId)?.title ?? "?";
    const to = e.doc.get("touchpoint", c().toId)?.title ?? "?";
    this.heading("Connector", `${from} → ${to}`);
    this.text(
      "Label",
      () => c().label,
      (label) => editField(e, "connector", id, { label }, "Label connector"),
      false,
      "label",
    );
    this.buttons(deleteSelection);
  }

  private many(): void {
    const e = this.editor;
    this.heading(`${e.selection.size} items selected`, "Shift-click or drag a rectangle to change the selection.");
    this.buttons(toggleMomentOfTruth, connect);
    this.buttons(align.alignLeft, align.alignCentre, align.alignRight);
    this.buttons(align.alignTop, align.alignMiddle, align.alignBottom);
    this.buttons(align.distributeHorizontally, align.distributeVertically);
    this.buttons(deleteSelection);
  }

  private stage(id: string): void {
    const e = this.editor;
    const s = () => e.doc.get("stage", id)!;
    this.heading("Stage");
    this.text(
      "Name",
      () => s().name,
      (name) => editField(e, "stage", id, { name }, "Rename stage"),
      false,
      "name",
      true,
    );
    this.text(
      "Description",
      () => s().description,
      (description) => editField(e, "stage", id, { description }, "Describe stage"),
      true,
      "description",
    );
    const count = e.doc.touchpointsOf(e.mapId).filter((t) => t.stageId === id).length;
    this.root.append(h("p", { class: "sub" }, `${count} touchpoint${count === 1 ? "" : "s"}. Drag the header's right edge to resize.`));
    this.buttons(moveStageLeft, moveStageRight);
    this.buttons(deleteSelection);
  }

  private lane(id: string): void {
    const e = this.editor;
    const l = () => e.doc.get("lane", id)!;
    this.heading("Lane");
    this.text(
      "Name",
      () => l().name,
      (name) => editField(e, "lane", id, { name }, "Rename lane"),
      false,
      "name",
      true,
    );
    this.select<LaneKind>(
      "Kind",
      Object.entries(LANE_NAMES) as Array<[LaneKind, string]>,
      () => l().kind,
      (kind) => editField(e, "lane", id, { kind }, "Change lane kind"),
      "kind",
    );
    this.buttons(moveLaneUp, moveLaneDown);
    this.buttons(deleteSelection);
  }

  /** How reports, proposals and the web page present the project: organisation, who they are
   * for, its colour and logo. Each change is an undo step. */
  private look(): void {
    const e = this.editor;
    this.root.append(h("h2", {}, "Reports"));
    this.text(
      "Organisation",
      () => e.doc.info.organisation,
      (organisation) => editInfo(e, { organisation }),
      false,
      "organisation",
    );
    this.text(
      "Prepared for",
      () => e.doc.info.preparedFor,
      (preparedFor) => editInfo(e, { preparedFor }),
      false,
      "preparedFor",
    );
    const color = h("input", { type: "color", name: "accent", "aria-label": "Accent colour" });
    const useDefault = h("button", { type: "button", name: "accentDefault" }, "Default");
    const showAccent = () => {
      color.value = e.doc.info.accent || "#1e293b";
      useDefault.disabled = !e.doc.info.accent;
    };
    showAccent();
    color.addEventListener("change", () => {
      editInfo(e, { accent: color.value.toLowerCase() });
      e.endGesture();
    });
    useDefault.addEventListener("click", () => {
      editInfo(e, { accent: "" });
      e.endGesture();
    });
    this.refreshers.push(showAccent);
    this.field("Accent colour", h("div", { class: "row" }, color, useDefault));
    const preview = h("img", { class: "logo-preview", alt: "The organisation's logo" });
    const status = h("span", { class: "hint", role: "status" });
    const choose = h("button", { type: "button", name: "chooseLogo" }, "Choose…");
    const remove = h("button", { type: "button", name: "removeLogo" }, "Remove");
    const showLogo = () => {
      const logo = e.doc.info.logo;
      preview.hidden = !logo;
      if (logo) preview.src = `data:${logo.mediaType};base64,${logo.data}`;
      remove.disabled = !logo;
    };
    showLogo();
    choose.addEventListener("click", async () => {
      const path = await pickFileToOpen({ title: "Choose a logo", filters: [{ name: "Logo (PNG or SVG)", extensions: ["png", "svg"] }] });
      if (!path) return;
      try {
        const logo = await e.backend.readLogo(path);
        editInfo(e, { logo });
        e.endGesture();
        status.textContent = "";
      } catch (err) {
        status.textContent = AppError.from(err).message;
      }
    });
    remove.addEventListener("click", () => {
      editInfo(e, { logo: null });
      e.endGesture();
    });
    this.refreshers.push(showLogo);
    this.field(
      "Logo",
      h("div", { class: "logo-field" }, preview, h("div", { class: "row" }, choose, remove), status),
      "PNG or SVG, at most 512 KB",
    );
  }

  /** Asks before deleting the current map (the app owns the dialog). */
  onDeleteMap: (() => void) | undefined;

  private project(): void {
    const e = this.editor;
    this.heading("Project");
    this.text(
      "Name",
      () => e.doc.info.name,
      (name) => editInfo(e, { name }),
      false,
      "projectName",
      true,
    );
    this.text(
      "Intent statement",
      () => e.doc.info.intentStatement,
      (intentStatement) => editInfo(e, { intentStatement }),
      true,
      "intentStatement",
    );
    this.text(
      "Brand promise",
      () => e.doc.info.brandPromise,
      (brandPromise) => editInfo(e, { brandPromise }),
      true,
      "brandPromise",
    );
    this.text(
      "Target customers",
      () => e.doc.info.targetCustomers,
      (targetCustomers) => editInfo(e, { targetCustomers }),
      true,
      "targetCustomers",
    );
    this.look();
    const map = e.doc.get("map", e.mapId);
    if (!map) return;
    this.root.append(h("h2", {}, "This map"));
    this.text(
      "Map name",
      () => e.doc.get("map", e.mapId)?.name ?? "",
      (name) => editField(e, "map", e.mapId, { name }, "Rename map"),
      false,
      "mapName",
      true,
    );
    this.select<MapKind>(
      "State",
      [
        ["asIs", "As-is (today)"],
        ["toBe", "To-be (redesigned)"],
      ],
      () => e.doc.get("map", e.mapId)?.kind ?? "asIs",
      (kind) => editField(e, "map", e.mapId, { kind }, "Change map state"),
      "mapKind",
    );
    const personas: Array<[string, string]> = [
      ["", "— none —"],
      ...[...e.doc.tables.persona.values()].map((p): [string, string] => [p.id, p.name]),
    ];
    this.select(
      "Persona",
      personas,
      () => e.doc.get("map", e.mapId)?.personaId ?? "",
      (v) => editField(e, "map", e.mapId, { personaId: v || null }, "Change persona"),
      "persona",
    );
    // Other personas followed on this map, each with an emotion line of its own.
    const lines = h("div", { class: "persona-lines" });
    const showLines = () => {
      clear(lines);
      const m = e.doc.get("map", e.mapId);
      if (!m) return;
      m.otherPersonas.forEach((pid, i) => {
        const name = e.doc.get("persona", pid)?.name ?? "?";
        lines.append(
          h(
            "span",
            { class: "chip persona-line" },
            h("span", { class: "line-swatch", style: { background: PERSONA_LINE_COLOURS[i] ?? "#64748b" } }),
            name,
            h(
              "button",
              {
                type: "button",
                class: "chip-remove",
                title: `Remove ${name}'s line (and how the cards felt to them)`,
                "aria-label": `Remove ${name}'s line`,
                onclick: () => removePersonaLine(e, pid),
              },
              "×",
            ),
          ),
        );
      });
      const free = personasInOrder(e.doc).filter((p) => p.id !== m.personaId && !m.otherPersonas.includes(p.id));
      const add = h(
        "select",
        { name: "addPersonaLine", "aria-label": "Add a persona line", disabled: !canAddLine(e) || free.length === 0 },
        h(
          "option",
          { value: "" },
          !canAddLine(e)
            ? "Five lines at most"
            : free.length
              ? "+ persona line…"
              : e.doc.tables.persona.size
                ? "Every persona is on this map"
                : "No personas yet: View → Personas",
        ),
        ...free.map((p) => h("option", { value: p.id }, p.name)),
      );
      add.addEventListener("change", () => add.value && addPersonaLine(e, add.value));
      lines.append(add);
    };
    showLines();
    this.refreshers.push(showLines);
    // A group, not a label: a click on a chip must not open the list.
    this.root.append(
      h(
        "div",
        { class: "field", role: "group", "aria-label": "Persona lines" },
        h("span", { class: "field-label" }, "Also follows (an emotion line each)"),
        lines,
        h("span", { class: "hint" }, "A new line starts as the map's own; move a card's slider where this persona feels it differently."),
      ),
    );
    this.root.append(
      h(
        "div",
        { class: "button-row" },
        h(
          "button",
          {
            type: "button",
            name: "duplicateMap",
            title: "Copy this map as the to-be journey of a redesign",
            onclick: () => void duplicateAsToBe(e),
          },
          "Duplicate as to-be",
        ),
        h("button", { type: "button", name: "deleteMap", onclick: () => this.onDeleteMap?.() }, "Delete map…"),
      ),
    );
    const stats = h("dl", { class: "stats" });
    const showStats = () => {
      clear(stats);
      const cards = e.doc.touchpointsOf(e.mapId);
      const rows: Array<[string, number]> = [
        ["Touchpoints", cards.length],
        ["Moments of truth", cards.filter((t) => t.momentOfTruth).length],
        ["Broken", cards.filter((t) => t.reliability === "broken").length],
        ["Reliable", cards.filter((t) => t.reliability === "reliable").length],
        ["Differentiating", cards.filter((t) => t.reliability === "differentiating").length],
        ["Not rated", cards.filter((t) => t.reliability === "unrated").length],
      ];
      for (const [k, v] of rows) stats.append(h("dt", {}, k), h("dd", {}, String(v)));
    };
    showStats();
    this.refreshers.push(showStats);
    this.root.append(stats);
    // The map's open threads: what still needs an answer, each a click from its item.
    const open = h("ul", { class: "open-threads" });
    const heading = h("h3", {}, "Open comments");
    const showOpen = () => {
      clear(open);
      const threads = openThreads(e);
      heading.textContent = `Open comments (${threads.length})`;
      if (threads.length === 0) open.append(h("li", { class: "muted" }, "None: every thread on this map is resolved."));
      for (const c of threads) {
        const on =
          c.target === "touchpoint"
            ? e.doc.get("touchpoint", c.targetId)?.title
            : c.target === "note"
              ? e.doc.get("note", c.targetId)?.text.split("\n")[0]
              : e.doc.get("opportunity", c.targetId)?.title;
        open.append(
          h(
            "li",
            {},
            h(
              "button",
              { type: "button", class: "link", "data-thread": c.id, onclick: () => this.onOpenThread(c.target, c.targetId) },
              on ?? "?",
            ),
            h("span", { class: "muted" }, ` — ${c.author || "Someone"}: ${c.text.length > 70 ? `${c.text.slice(0, 70)}…` : c.text}`),
          ),
        );
      }
    };
    showOpen();
    this.refreshers.push(showOpen);
    this.root.append(heading, open);
    this.root.append(
      h(
        "p",
        { class: "hint" },
        "Double-click a cell to add a touchpoint. T touchpoint · N note · M moment of truth · 0–3 reliability · C connect · Space-drag to pan.",
      ),
    );
  }
}
