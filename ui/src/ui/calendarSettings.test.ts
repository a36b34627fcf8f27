import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { DEFAULT_TEMPLATE, importHolidays, setCalendar, setTemplate } from "./calendarSettings";

it("holiday import merges into the calendar and is one undo step", async () => {
  const { editor, backend } = await sampleEditor();
  backend.holidayFiles["/h.ics"] = { holidays: { "2026-12-24": "Christmas Eve", "2026-12-25": "Christmas" }, notImported: [] };
  const before = editor.doc.calendar;
  expect(Object.keys((await importHolidays(editor, "/h.ics", backend.readHolidays)).holidays)).toHaveLength(2);
  expect(editor.doc.calendar.holidays["2026-12-24"]).toBe("Christmas Eve");
  expect(Object.keys(editor.doc.calendar.holidays).length).toBe(Object.keys(before.holidays).length + 1);
  await editor.flush();
  expect(backend.file.calendar.holidays["2026-12-24"]).toBe("Christmas Eve");
  editor.undo();
  expect(editor.doc.calendar).toEqual(before);
  await expect(importHolidays(editor, "/missing.ics", backend.readHolidays)).rejects.toMatchObject({ code: "file-not-found" });
});

it("work days and the template are edited as whole records", async () => {
  const { editor } = await sampleEditor();
  setCalendar(editor, { ...editor.doc.calendar, weekmask: "1111001" }, "Sunday to Thursday");
  expect(editor.doc.calendar.weekmask).toBe("1111001");
  setTemplate(editor, [{ name: "Try it", days: 3 }], "Short template");
  expect(editor.doc.template).toEqual([{ name: "Try it", days: 3 }]);
  editor.undo();
  expect(editor.doc.template).toEqual(DEFAULT_TEMPLATE);
  editor.undo();
  expect(editor.doc.calendar.weekmask).toBe("1111100");
});
