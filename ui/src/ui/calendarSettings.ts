// Calendar and template settings of a project, in the Redesigns view: which weekdays are work
// days, named holidays (typed in or imported from .ics/.csv), and the phases new redesigns are
// planned with. Every change is an undoable edit of the project's calendar or template record.

import { pickFileToOpen } from "./filePicker";
import type { HolidayImport } from "../bindings/HolidayImport";
import type { PhaseTemplate } from "../bindings/PhaseTemplate";
import type { WorkCalendar } from "../bindings/WorkCalendar";
import type { Editor } from "../editor/editor";
import { localToday } from "../actions/startRedesign";
import { message, showError, typedDate } from "./dialogs";
import { dateInput, h } from "./dom";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
export const DEFAULT_TEMPLATE: PhaseTemplate[] = [
  { name: "Brainstorm", days: 5 },
  { name: "Propose change & execution methods", days: 5 },
  { name: "Send proposal to corporate", days: 1 },
  { name: "Corporate response", days: 4 },
  { name: "Put into motion", days: 5 },
];

export function setCalendar(e: Editor, calendar: WorkCalendar, label: string, mergeKey?: string): void {
  e.commit({ put: [{ kind: "calendar", record: calendar }], delete: [] }, label, mergeKey);
}

export function setTemplate(e: Editor, template: PhaseTemplate[], label: string, mergeKey?: string): void {
  e.commit({ put: [{ kind: "template", record: template }], delete: [] }, label, mergeKey);
}

export type ReadHolidays = (path: string, today: string) => Promise<HolidayImport>;

/** Holidays from a file, merged into the calendar (same dates take the file's names); returns
 * the file's read, whose `notImported` lists the events left out. */
export async function importHolidays(e: Editor, path: string, read: ReadHolidays): Promise<HolidayImport> {
  const found = await read(path, localToday());
  setCalendar(e, { ...e.doc.calendar, holidays: { ...e.doc.calendar.holidays, ...found.holidays } }, "Import holidays");
  return found;
}

export function calendarSettings(e: Editor, read: ReadHolidays): HTMLElement {
  const cal = e.doc.calendar;
  const days = WEEKDAYS.map((name, i) => {
    const box = h("input", { type: "checkbox", name: `workday-${name}` });
    box.checked = cal.weekmask[i] === "1";
    box.addEventListener("change", () => {
      // Read when clicked, not when drawn: two days ticked in a row must both stay.
      const mask = e.doc.calendar.weekmask.split("");
      mask[i] = box.checked ? "1" : "0";
      if (!mask.includes("1")) {
        box.checked = true;
        return void showError({ code: "invalid-input", message: "At least one day of the week must be a work day." });
      }
      setCalendar(e, { ...e.doc.calendar, weekmask: mask.join("") }, "Change work days");
    });
    return h("label", { class: "check" }, box, name);
  });
  const holidays = Object.entries(cal.holidays).sort(([a], [b]) => a.localeCompare(b));
  const date = dateInput({ name: "holidayDate", "aria-label": "Holiday date" });
  const name = h("input", { type: "text", name: "holidayName", placeholder: "Name", "aria-label": "Holiday name" });
  const add = h(
    "button",
    {
      type: "button",
      onclick: () => {
        const day = typedDate(date, "the holiday's date");
        if (!day) return;
        setCalendar(
          e,
          { ...e.doc.calendar, holidays: { ...e.doc.calendar.holidays, [day]: name.value.trim() || "Holiday" } },
          "Add holiday",
        );
      },
    },
    "Add holiday",
  );
  const importButton = h(
    "button",
    {
      type: "button",
      onclick: async () => {
        const path = await pickFileToOpen({
          title: "Import holidays",
          filters: [{ name: "Calendar or CSV", extensions: ["ics", "csv", "txt"] }],
        });
        if (!path) return;
        try {
          const found = await importHolidays(e, path, read);
          const count = Object.keys(found.holidays).length;
          const left = found.notImported.map((l) => `Line ${l.line}: ${l.message}`);
          if (left.length) {
            await message(
              "Holidays imported",
              `${count} ${count === 1 ? "holiday was" : "holidays were"} added (Undo takes them back).\n\nLeft out:\n• ${left.slice(0, 30).join("\n• ")}`,
            );
          }
        } catch (err) {
          await showError(err, "No holidays were imported.");
        }
      },
    },
    "Import .ics / .csv…",
  );

  const template = e.doc.template;
  const total = template.reduce((s, p) => s + p.days, 0);
  const phaseRows = template.map((p, i) => {
    const n = h("input", { type: "text", value: p.name, "aria-label": `Phase ${i + 1} name` });
    n.addEventListener(
      "input",
      () =>
        n.value.trim() &&
        setTemplate(
          e,
          e.doc.template.map((x, j) => (j === i ? { ...x, name: n.value } : x)),
          "Rename phase",
          `template-name-${i}`,
        ),
    );
    const d = h("input", { type: "number", min: 1, max: 250, value: p.days, "aria-label": `Phase ${i + 1} days` });
    d.addEventListener("change", () => {
      const v = Math.round(Number(d.value));
      if (v >= 1 && v <= 250)
        setTemplate(
          e,
          e.doc.template.map((x, j) => (j === i ? { ...x, days: v } : x)),
          "Change phase length",
        );
      else d.value = String(p.days);
    });
    const remove = h(
      "button",
      {
        type: "button",
        "aria-label": `Remove phase ${i + 1}`,
        disabled: template.length === 1,
        onclick: () =>
          setTemplate(
            e,
            e.doc.template.filter((_, j) => j !== i),
            "Remove phase",
          ),
      },
      "✕",
    );
    return h("li", {}, n, d, h("span", { class: "muted" }, "work days"), remove);
  });
  return h(
    "section",
    { class: "calendar-settings", "aria-label": "Calendar and template" },
    h(
      "div",
      {},
      h("h2", {}, "Work days"),
      h("div", { class: "row" }, ...days),
      h("h2", {}, `Holidays (${holidays.length})`),
      h(
        "ul",
        { class: "holidays" },
        ...holidays.map(([d, n]) =>
          h(
            "li",
            {},
            h("span", {}, `${d} — ${n}`),
            h(
              "button",
              {
                type: "button",
                "aria-label": `Remove ${d}`,
                onclick: () => {
                  const rest = { ...e.doc.calendar.holidays };
                  delete rest[d];
                  setCalendar(e, { ...e.doc.calendar, holidays: rest }, "Remove holiday");
                },
              },
              "✕",
            ),
          ),
        ),
      ),
      h("div", { class: "row" }, date, name, add, importButton),
    ),
    h(
      "div",
      {},
      h("h2", {}, `Redesign template — ${total} work days`),
      h("p", { class: "muted" }, "New redesigns are planned with these phases; running ones keep theirs."),
      h("ol", { class: "template" }, ...phaseRows),
      h(
        "div",
        { class: "row" },
        h(
          "button",
          { type: "button", onclick: () => setTemplate(e, [...e.doc.template, { name: "New phase", days: 1 }], "Add phase") },
          "Add phase",
        ),
        h("button", { type: "button", onclick: () => setTemplate(e, DEFAULT_TEMPLATE, "Reset template") }, "Reset to the 20-day default"),
      ),
    ),
  );
}
