// The Personas view: the customers the project's maps are drawn for, one card each (portrait or
// initials, name, context, a quote, goals, needs, pains), to add, edit, reorder and delete, and where each
// is used. Every edit is an undo step; a typing burst in one field is one.

import type { Persona } from "../bindings/Persona";
import type { Editor } from "../editor/editor";
import { editField } from "../actions/editField";
import { addPersona, deletePersona, movePersona, personaUsage, personasInOrder, setPortrait } from "../actions/personas";
import { pictureUrl } from "../render/pictures";
import { ask, showError } from "./dialogs";
import { clear, growWithText, h } from "./dom";
import { pictureField, pictureKey } from "./pictureField";

/** One colour for every badge: the emotion lines' colours belong to a map's legend, and a badge
 * in one of them would claim a line it may not have. */
const BADGE_COLOUR = "#334155";

/** Up to two initials, as the core's `Persona::initials`. */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  // A leading "The", "A" or "An" is passed over: "The Okafor family" → "OF".
  const skip = words.length > 1 && ["the", "a", "an"].includes(words[0]!.toLowerCase()) ? 1 : 0;
  return words
    .slice(skip)
    .map((w) => [...w].find((c) => /[\p{L}\p{N}]/u.test(c)) ?? "")
    .filter(Boolean)
    .slice(0, 2)
    .join("")
    .toUpperCase();
}

type Field = "name" | "context" | "quote" | "goals" | "needs" | "pains" | "description";
const FIELDS: Array<[Field, string, boolean]> = [
  ["name", "Name", false],
  ["context", "Context", true],
  ["quote", "In their words", true],
  ["goals", "Goals", true],
  ["needs", "Needs", true],
  ["pains", "Pains", true],
  ["description", "Notes", true],
];

export class PersonasView {
  readonly root = h("section", { class: "personas", "aria-label": "Personas" });
  visible = false;
  private builtFor = "";
  private refreshers: Array<() => void> = [];
  private readonly grid = h("div", { class: "persona-grid" });
  private readonly summary = h("span", { class: "muted" });

  constructor(private readonly editor: Editor) {
    editor.subscribe(() => this.update());
    this.root.append(
      h(
        "header",
        { class: "opportunities-header" },
        h("h2", {}, "Personas"),
        this.summary,
        h(
          "button",
          {
            type: "button",
            class: "primary",
            name: "addPersona",
            onclick: () => {
              const id = addPersona(editor);
              this.update();
              (this.root.querySelector(`[data-persona="${id}"] input[name=name]`) as HTMLInputElement | null)?.select();
            },
          },
          "+ Persona",
        ),
      ),
      this.grid,
    );
  }

  update(): void {
    if (!this.visible) return;
    const list = personasInOrder(this.editor.doc);
    this.summary.textContent = `${list.length} in this project · a map follows up to five, each with its own emotion line (map panel → Also follows)`;
    // The cards are rebuilt only when personas come, go or move; otherwise refreshed in place,
    // so the field being typed in keeps its place.
    const key = list.map((p) => p.id).join();
    if (key !== this.builtFor) {
      this.builtFor = key;
      this.build(list);
    }
    for (const r of this.refreshers) r();
  }

  private build(list: Persona[]): void {
    const e = this.editor;
    clear(this.grid);
    this.refreshers = [];
    if (list.length === 0)
      this.grid.append(
        h(
          "p",
          { class: "muted" },
          "No personas yet. Add the customers your maps are about: who they are, what they want, what gets in their way.",
        ),
      );
    list.forEach((first, i) => {
      const id = first.id;
      const now = () => e.doc.get("persona", id) ?? first;
      const badge = h("span", { class: "persona-badge", style: { background: BADGE_COLOUR } });
      const used = h("p", { class: "muted persona-used" });
      const fields = FIELDS.map(([field, label, area]) => {
        const input = area
          ? h("textarea", { name: field, rows: 2, "aria-label": label })
          : h("input", { type: "text", name: field, "aria-label": label });
        input.addEventListener("input", () => {
          if (field === "name" && !input.value.trim()) return;
          editField(e, "persona", id, { [field]: input.value }, field === "name" ? "Rename persona" : "Edit persona");
        });
        input.addEventListener("change", () => e.endGesture());
        input.addEventListener("blur", () => {
          if (field === "name" && !input.value.trim()) input.value = now().name;
        });
        const refit = input instanceof HTMLTextAreaElement ? growWithText(input) : () => undefined;
        this.refreshers.push(() => {
          const value = now()[field];
          if (document.activeElement !== input && input.value !== value) {
            input.value = value;
            refit();
          }
        });
        return h("label", { class: field === "quote" ? "quote" : "" }, label, input);
      });
      const portrait = pictureField({
        use: "portrait",
        whose: () => now().name,
        current: () => {
          const picture = now().picture;
          return picture ? { key: pictureKey(picture), picture } : undefined;
        },
        set: (picture) => setPortrait(e, id, picture),
        remove: () => setPortrait(e, id, null),
        onError: (err) => void showError(err, "The portrait was not added."),
        backend: e.backend,
        hint: "A photo or drawing of them; kept at 512 pixels. Without one, their initials stand in.",
      });
      this.refreshers.push(portrait.refresh);
      let badgeKey = "";
      this.refreshers.push(() => {
        const p = now();
        const key = p.picture ? pictureKey(p.picture) : `initials:${p.name}`;
        if (key !== badgeKey) {
          badgeKey = key;
          clear(badge);
          badge.classList.toggle("with-portrait", !!p.picture);
          if (p.picture) badge.append(h("img", { src: pictureUrl(p.picture), alt: "" }));
          else badge.textContent = initials(p.name) || "?";
        }
        badge.title = p.name;
        const where = personaUsage(e.doc, id);
        used.textContent = where.length ? `Used on ${where.join(", ")}` : "Not on any map yet";
      });
      this.grid.append(
        h(
          "article",
          { class: "persona-card", "data-persona": id, "aria-label": `Persona ${first.name}` },
          h(
            "div",
            { class: "persona-head" },
            badge,
            h(
              "div",
              { class: "persona-tools" },
              h(
                "button",
                {
                  type: "button",
                  name: "moveUp",
                  title: "Earlier in the list",
                  "aria-label": "Move up",
                  disabled: i === 0,
                  onclick: () => movePersona(e, id, -1),
                },
                "↑",
              ),
              h(
                "button",
                {
                  type: "button",
                  name: "moveDown",
                  title: "Later in the list",
                  "aria-label": "Move down",
                  disabled: i === list.length - 1,
                  onclick: () => movePersona(e, id, 1),
                },
                "↓",
              ),
              h("button", { type: "button", class: "danger", name: "deletePersona", onclick: () => void this.remove(id) }, "Delete…"),
            ),
          ),
          ...fields,
          portrait.root,
          used,
        ),
      );
    });
  }

  private async remove(id: string): Promise<void> {
    const e = this.editor;
    const p = e.doc.get("persona", id);
    if (!p) return;
    const where = personaUsage(e.doc, id);
    const text = where.length
      ? `“${p.name}” is used on ${where.join(", ")}. Deleting it takes its emotion lines off those maps, with how their cards felt to ${p.name}. Undo (Ctrl+Z) brings everything back.`
      : `Delete “${p.name}”? Undo (Ctrl+Z) brings it back.`;
    if (await ask("Delete persona", text, "Delete persona", "Keep", true)) deletePersona(e, id);
  }
}
