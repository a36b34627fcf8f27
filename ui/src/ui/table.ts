// The table view: the same map as an accessible, editable grid of stages × lanes. Each cell lists
// its touchpoints (title, reliability, moment of truth) and sticky notes, and can add a card, or a
// note in the lanes that hold notes (pain points, opportunities, thoughts and feelings).

import type { LaneKind } from "../bindings/LaneKind";
import type { Reliability } from "../bindings/Reliability";
import type { Editor } from "../editor/editor";
import { addNoteIn } from "../actions/addNote";
import { addTouchpointAt } from "../actions/addTouchpoint";
import { editField } from "../actions/editField";
import { RELIABILITIES, RELIABILITY_LABEL } from "../actions/setReliability";
import { clear, h } from "./dom";

/** Lanes where the room's sticky notes go rather than cards: their cells add a note. */
const NOTE_LANES: ReadonlySet<LaneKind> = new Set<LaneKind>(["painPoints", "opportunities", "thoughtsAndFeelings"]);

export class TableView {
  readonly root = h("div", { class: "table-view", role: "region", "aria-label": "Map as a table" });
  private builtFor = "";
  visible = false;

  constructor(private readonly editor: Editor) {
    editor.subscribe(() => this.update());
    // A rebuild waits while someone is typing in the table, and happens when they leave it.
    this.root.addEventListener("focusout", () => setTimeout(() => this.update(), 0));
  }

  update(): void {
    if (!this.visible) return;
    const key = `${this.editor.mapId}:${this.editor.doc.version}`;
    if (key === this.builtFor || this.root.contains(document.activeElement)) return;
    this.builtFor = key;
    this.build();
  }

  private build(): void {
    const e = this.editor;
    clear(this.root);
    const stages = e.doc.stagesOf(e.mapId);
    const lanes = e.doc.lanesOf(e.mapId);
    const cards = e.doc.touchpointsOf(e.mapId).sort((a, b) => a.y - b.y || a.x - b.x);
    const notes = e.doc.notesOf(e.mapId);
    const table = h(
      "table",
      { class: "map-table" },
      h("caption", {}, e.doc.get("map", e.mapId)?.name ?? "Map"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Lane \\ Stage"),
          ...stages.map((s) =>
            h(
              "th",
              { scope: "col" },
              this.nameInput(s.name, `Stage name ${s.name}`, (name) => editField(e, "stage", s.id, { name }, "Rename stage")),
            ),
          ),
        ),
      ),
    );
    const body = h("tbody");
    for (const lane of lanes) {
      const row = h(
        "tr",
        {},
        h(
          "th",
          { scope: "row" },
          this.nameInput(lane.name, `Lane name ${lane.name}`, (name) => editField(e, "lane", lane.id, { name }, "Rename lane")),
        ),
      );
      for (const stage of stages) {
        const cell = h("td", {});
        const list = h("ul", {});
        for (const t of cards.filter((t) => t.stageId === stage.id && t.laneId === lane.id)) {
          const title = this.nameInput(t.title, `Touchpoint title, ${stage.name}, ${lane.name}`, (title) =>
            editField(e, "touchpoint", t.id, { title }, "Rename touchpoint"),
          );
          title.dataset.id = t.id;
          title.addEventListener("focus", () => e.select([t.id]));
          const rel = h(
            "select",
            { "aria-label": `Reliability of ${t.title}` },
            ...RELIABILITIES.map((r) => h("option", { value: r }, RELIABILITY_LABEL[r])),
          );
          rel.value = t.reliability;
          const mot = h("input", { type: "checkbox", "aria-label": `${t.title} is a moment of truth` });
          mot.checked = t.momentOfTruth;
          mot.addEventListener("change", () => editField(e, "touchpoint", t.id, { momentOfTruth: mot.checked }, "Toggle moment of truth"));
          const item = h(
            "li",
            { class: `card-row ${t.reliability}` },
            title,
            h("div", { class: "card-meta" }, rel, h("label", { class: "check" }, mot, "★")),
          );
          // The table is rebuilt only once the focus leaves it: the row's colour follows at once.
          rel.addEventListener("change", () => {
            editField(e, "touchpoint", t.id, { reliability: rel.value as Reliability }, "Set reliability");
            item.className = `card-row ${rel.value}`;
          });
          for (const field of [rel, mot]) field.addEventListener("focus", () => e.select([t.id]));
          list.append(item);
        }
        for (const n of notes.filter((n) => n.stageId === stage.id && n.laneId === lane.id)) {
          const text = this.nameInput(n.text, `Note, ${stage.name}, ${lane.name}`, (value) =>
            editField(e, "note", n.id, { text: value }, "Edit note"),
          );
          text.dataset.id = n.id;
          list.append(
            h(
              "li",
              { class: "note-row", style: { background: n.color } },
              text,
              n.votes ? h("span", { class: "votes" }, `● ${n.votes}`) : null,
            ),
          );
        }
        const forNotes = NOTE_LANES.has(lane.kind);
        const what = forNotes ? "note" : "touchpoint";
        const add = h(
          "button",
          { type: "button", class: "add", "aria-label": `Add a ${what} to ${stage.name}, ${lane.name}` },
          `+ ${what}`,
        );
        add.addEventListener("click", () => {
          let id: string | undefined;
          if (forNotes) {
            // Into this cell, whatever is selected elsewhere.
            e.clearSelection();
            e.pointedCell = { stageId: stage.id, laneId: lane.id };
            id = addNoteIn(e);
          } else {
            const column = e.grid.columns.find((c) => c.stage.id === stage.id)!;
            const r = e.grid.rows.find((r) => r.lane.id === lane.id)!;
            const before = new Set(e.doc.tables.touchpoint.keys());
            addTouchpointAt(e, { x: column.x + 100, y: r.y + r.height / 2 });
            id = [...e.doc.tables.touchpoint.keys()].find((k) => !before.has(k));
          }
          e.editing = undefined;
          // Built again now, though the focus (this button) is inside the table.
          this.builtFor = `${e.mapId}:${e.doc.version}`;
          this.build();
          const input = this.root.querySelector<HTMLInputElement>(`input[data-id="${id}"]`);
          input?.focus();
          input?.select();
        });
        cell.append(list, add);
        row.append(cell);
      }
      body.append(row);
    }
    table.append(body);
    this.root.append(table);
  }

  private nameInput(value: string, label: string, set: (v: string) => void): HTMLInputElement {
    // A long name ends in "…" in its box; the whole of it shows on hover.
    const input = h("input", { type: "text", value, "aria-label": label, title: value });
    input.addEventListener("input", () => {
      input.title = input.value;
      if (input.value.trim()) set(input.value);
    });
    input.addEventListener("change", () => this.editor.endGesture());
    return input;
  }
}
