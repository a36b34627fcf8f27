// Where a new project or map starts (File → New Project…, Map → New Map…): a blank map or a
// template, picked from thumbnails drawn from the templates themselves; and Map → Save Map as
// Template…, which keeps the current map for the next project. Templates live in the core (built-in ones and the
// user's folder); this is only the conversation.

import type { Backend } from "../ipc/backend";
import type { Editor } from "../editor/editor";
import type { TemplateEntry } from "../bindings/TemplateEntry";
import { AppError } from "../ipc/errors";
import { ask, message, showError } from "./dialogs";
import { clear, h } from "./dom";

/** What the picker answers: the project's name and the template (null for a blank map). */
export interface StartChoice {
  name: string;
  template: string | null;
}

const BLANK: TemplateEntry = {
  key: "",
  name: "Blank map",
  summary: "Standard lanes and four stages to rename.",
  origin: "builtIn",
  stages: 4,
  cards: 0,
};

function countLine(t: TemplateEntry): string {
  // The core counts touchpoints and sticky notes together; the status bar counts touchpoints.
  const cards = t.cards === 0 ? "no cards" : `${t.cards} card${t.cards === 1 ? "" : "s"} and notes`;
  return `${t.stages} stage${t.stages === 1 ? "" : "s"} · ${cards}${t.origin === "yours" ? " · yours" : ""}`;
}

/** The words of the picker: for a new project, or for a new map in the open project. */
export interface StartWords {
  title: string;
  nameLabel: string;
  /** The name field's `name`, which tests and the e2e run find it by. */
  field: string;
  submit: string;
  /** The name a tile suggests while the person has not typed one (a map takes the template's). */
  suggest?: (entry: TemplateEntry) => string;
}

export const NEW_PROJECT: StartWords = { title: "New project", nameLabel: "Project name", field: "newProjectName", submit: "Create…" };

/** Asks for a name and a starting map. Arrow keys move between tiles, Enter creates, a double
 * click on a tile creates at once; the user's own templates can be removed here. */
export function chooseStart(backend: Backend, initialName = "Untitled journey", words = NEW_PROJECT): Promise<StartChoice | undefined> {
  return new Promise((resolve) => {
    let entries: TemplateEntry[] = [BLANK];
    let chosen = 0;
    const name = h("input", { type: "text", name: words.field, value: initialName, "aria-label": words.nameLabel });
    let typed = false;
    name.addEventListener("input", () => {
      typed = true;
    });
    const grid = h("div", { class: "template-grid", role: "listbox", "aria-label": "Start from" });
    const note = h("p", { class: "template-note", role: "status" });
    const pictures = new Map<string, string>();
    const done = (choice: StartChoice | undefined) => {
      backdrop.remove();
      document.removeEventListener("keydown", onEscape, true);
      resolve(choice);
    };
    // Escape closes it wherever the focus went (a click on the heading leaves it on the page).
    const onEscape = (ev: KeyboardEvent) => {
      if (ev.key === "Escape" && !document.querySelector(".backdrop [role=alertdialog]")) {
        ev.preventDefault();
        done(undefined);
      }
    };
    document.addEventListener("keydown", onEscape, true);
    const create = () => {
      const entry = entries[chosen];
      const projectName = name.value.trim();
      if (!projectName) {
        name.focus();
        return;
      }
      done({ name: projectName, template: entry?.key ? entry.key : null });
    };
    const select = (i: number, focus = true) => {
      chosen = Math.max(0, Math.min(entries.length - 1, i));
      const entry = entries[chosen];
      if (words.suggest && !typed && entry) name.value = entry.key ? words.suggest(entry) : initialName;
      for (const [k, tile] of [...grid.children].entries()) {
        tile.setAttribute("aria-selected", String(k === chosen));
        (tile as HTMLElement).tabIndex = k === chosen ? 0 : -1;
      }
      if (focus) (grid.children[chosen] as HTMLElement | undefined)?.focus();
    };
    const remove = async (entry: TemplateEntry) => {
      if (
        !(await ask(
          "Remove template",
          `Remove your template “${entry.name}”? Projects started from it keep their maps.`,
          "Remove",
          "Keep",
          true,
        ))
      )
        return;
      try {
        await backend.removeTemplate(entry.key);
        entries = entries.filter((e) => e !== entry);
        render();
        select(Math.min(chosen, entries.length - 1));
      } catch (e) {
        await showError(e, "The template was not removed.");
      }
    };
    const thumbnail = (entry: TemplateEntry) => {
      const img = h("img", { alt: "", class: "template-thumb", draggable: "false" });
      if (!entry.key) {
        img.src = blankPicture();
        return img;
      }
      const known = pictures.get(entry.key);
      if (known) img.src = known;
      else
        void backend
          .templatePicture(entry.key)
          .then((svg) => {
            const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
            pictures.set(entry.key, url);
            img.src = url;
          })
          .catch(() => img.classList.add("missing"));
      return img;
    };
    const render = () => {
      clear(grid);
      entries.forEach((entry, i) => {
        const tile = h(
          "div",
          {
            class: "template-tile",
            role: "option",
            "data-template": entry.key || "blank",
            "aria-selected": String(i === chosen),
            tabindex: i === chosen ? "0" : "-1",
            onclick: () => select(i),
            ondblclick: () => {
              select(i);
              create();
            },
          },
          thumbnail(entry),
          h("strong", {}, entry.name),
          h("span", { class: "template-count" }, countLine(entry)),
          entry.summary ? h("span", { class: "template-summary" }, entry.summary) : null,
          entry.origin === "yours"
            ? h(
                "button",
                {
                  type: "button",
                  class: "template-remove",
                  title: `Remove “${entry.name}”`,
                  "aria-label": `Remove template ${entry.name}`,
                  onclick: (e: Event) => {
                    e.stopPropagation();
                    void remove(entry);
                  },
                },
                "×",
              )
            : null,
        );
        grid.append(tile);
      });
    };
    grid.addEventListener("keydown", (e) => {
      const perRow = Math.max(1, Math.round(grid.clientWidth / ((grid.children[0] as HTMLElement | undefined)?.offsetWidth || 1)));
      const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow };
      if (e.key in step) {
        e.preventDefault();
        select(chosen + (step[e.key] ?? 0));
      } else if (e.key === "Enter") {
        e.preventDefault();
        create();
      } else if (e.key === "Home" || e.key === "End") {
        e.preventDefault();
        select(e.key === "Home" ? 0 : entries.length - 1);
      }
    });
    const backdrop = h(
      "div",
      { class: "backdrop" },
      h(
        "form",
        {
          class: "dialog wide template-picker",
          role: "dialog",
          "aria-modal": "true",
          "aria-labelledby": "start-title",
          onsubmit: (e: Event) => {
            e.preventDefault();
            create();
          },
        },
        h("h2", { id: "start-title" }, words.title),
        h("label", {}, words.nameLabel, name),
        h("div", { class: "template-heading" }, "Start from"),
        grid,
        note,
        h(
          "div",
          { class: "dialog-buttons" },
          h("button", { type: "button", onclick: () => done(undefined) }, "Cancel"),
          h("button", { type: "submit", class: "primary", name: "create" }, words.submit),
        ),
      ),
    );
    render();
    document.body.append(backdrop);
    name.focus();
    name.select();
    void backend
      .listTemplates()
      .then((list) => {
        entries = [BLANK, ...list.templates];
        render();
        select(chosen, false);
        if (list.skipped.length) note.textContent = `Not listed (not readable as a template): ${list.skipped.join("; ")}`;
      })
      .catch((e) => {
        note.textContent = `Templates could not be listed: ${AppError.from(e).message}`;
      });
  });
}

/** A small picture of an empty grid, for the blank map's tile. */
function blankPicture(): string {
  const lanes = Array.from(
    { length: 8 },
    (_, i) => `<rect x="36" y="${22 + i * 14}" width="160" height="14" fill="${i % 2 ? "#f8fafc" : "#fff"}" stroke="#e2e8f0"/>`,
  ).join("");
  const stages = Array.from(
    { length: 4 },
    (_, i) => `<rect x="${36 + i * 40}" y="8" width="40" height="14" fill="#f1f5f9" stroke="#cbd5e1"/>`,
  ).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 136"><rect width="200" height="136" fill="#fff"/><rect x="4" y="22" width="32" height="112" fill="#f1f5f9"/>${lanes}${stages}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Map → Save Map as Template…: the current map, structure only or with its cards, kept in the
 * user's template folder; a template of the same name is replaced only after asking. */
export async function saveMapAsTemplate(editor: Editor, backend: Backend): Promise<void> {
  const map = editor.doc.get("map", editor.mapId);
  if (!map) {
    await message("Save map as template", "There is no map to save: Map → New Map adds one.");
    return;
  }
  const choice = await askTemplateName(map.name, map.description);
  if (!choice) return;
  await editor.flush();
  const save = (replace: boolean) => backend.saveMapAsTemplate(map.id, choice.name, choice.summary, choice.withCards, replace);
  try {
    let entry: TemplateEntry;
    try {
      entry = await save(false);
    } catch (e) {
      if (AppError.from(e).code !== "file-exists") throw e;
      if (!(await ask("Replace template", `You already have a template called “${choice.name}”. Replace it?`, "Replace", "Cancel", true)))
        return;
      entry = await save(true);
    }
    await message(
      "Template saved",
      `“${entry.name}” (${countLine(entry)}) is in your templates: File → New Project… starts from it, Map → New Map… adds it to a project, and \`journeymap new FILE --template ${entry.key}\` starts from it too.`,
    );
  } catch (e) {
    await showError(e, "The template was not saved.");
  }
}

type TemplateChoice = { name: string; summary: string; withCards: boolean };

function askTemplateName(initial: string, description: string): Promise<TemplateChoice | undefined> {
  return new Promise((resolve) => {
    const name = h("input", { type: "text", name: "templateName", value: initial, "aria-label": "Template name" });
    const summary = h("textarea", { name: "templateSummary", rows: 3, "aria-label": "What the template is for" });
    summary.value = description;
    const structure = h("input", { type: "radio", name: "templateContent", value: "structure", checked: true });
    const cards = h("input", { type: "radio", name: "templateContent", value: "cards" });
    const done = (value: TemplateChoice | undefined) => {
      backdrop.remove();
      resolve(value);
    };
    const backdrop = h(
      "div",
      { class: "backdrop" },
      h(
        "form",
        {
          class: "dialog",
          role: "dialog",
          "aria-modal": "true",
          "aria-labelledby": "save-template-title",
          onsubmit: (e: Event) => {
            e.preventDefault();
            const n = name.value.trim();
            if (!n) return name.focus();
            done({ name: n, summary: summary.value, withCards: cards.checked });
          },
        },
        h("h2", { id: "save-template-title" }, "Save map as template"),
        h("label", {}, "Template name", name),
        h("label", {}, "What it is for (shown when picking a new project's or map's start)", summary),
        h(
          "fieldset",
          { class: "template-content" },
          h("legend", {}, "Keep"),
          h("label", { class: "check" }, structure, " Stages and lanes only"),
          h("label", { class: "check" }, cards, " Stages, lanes, cards and notes (no votes, no redesigns or measures)"),
        ),
        h(
          "div",
          { class: "dialog-buttons" },
          h("button", { type: "button", onclick: () => done(undefined) }, "Cancel"),
          h("button", { type: "submit", class: "primary", name: "saveTemplate" }, "Save"),
        ),
      ),
    );
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") done(undefined);
    });
    document.body.append(backdrop);
    name.focus();
    name.select();
  });
}
