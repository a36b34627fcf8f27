import { describe, expect, it } from "vitest";
import { actionByName } from "../actions/index";
import { copy } from "../actions/clipboard";
import { toggleMomentOfTruth } from "../actions/toggleMomentOfTruth";
import { sampleEditor, selectByTitle } from "../editor/testing";
import { MENU_IDS } from "./menuIds.generated";
import { menuItemsOff } from "./menuState";

const quiet = { typing: false, roomOpen: false, projectOpen: true };

describe("the native menu's greyed-out items", () => {
  it("with nothing selected, what needs a selection, a clipboard or a history is off", async () => {
    const { editor } = await sampleEditor();
    const off = menuItemsOff(MENU_IDS, actionByName, editor, quiet);
    for (const id of ["undo", "redo", "cut", "copy", "paste", "duplicate", "deleteSelection", "connect", "toggleMomentOfTruth"])
      expect(off, id).toContain(id);
    for (const id of ["setReliability.broken", "toggleTop", "align.left", "distribute.horizontally", "closeRoom"])
      expect(off, id).toContain(id);
    // Files, views, dialogs and what the map always allows stay on.
    for (const id of ["new", "open", "exportPdf", "addTouchpoint", "addStage", "selectAll", "zoomIn", "tableView", "openRoom", "about"])
      expect(off, id).not.toContain(id);
  });

  it("a selection, a copy and a step to undo turn their items on", async () => {
    const { editor } = await sampleEditor();
    selectByTitle(editor, "Online check-in", "Boarding pass in phone wallet", "Seat selection");
    copy.perform(editor);
    toggleMomentOfTruth.perform(editor);
    const off = menuItemsOff(MENU_IDS, actionByName, editor, quiet);
    for (const id of [
      "undo",
      "cut",
      "copy",
      "paste",
      "duplicate",
      "deleteSelection",
      "connect",
      "toggleMomentOfTruth",
      "setReliability.broken",
      "align.left",
    ])
      expect(off, id).not.toContain(id);
    expect(off).toContain("redo");
  });

  it("a text field with the keyboard takes the editing items, whatever the map's state", async () => {
    const { editor } = await sampleEditor();
    const off = menuItemsOff(MENU_IDS, actionByName, editor, { typing: true, roomOpen: true, projectOpen: true });
    for (const id of ["undo", "redo", "cut", "copy", "paste", "selectAll", "closeRoom"]) expect(off, id).not.toContain(id);
    // Duplicate and Delete are the map's, not the field's.
    expect(off).toContain("duplicate");
    expect(off).toContain("deleteSelection");
  });

  it("with no project open, only New, Open and the app's own items apply", async () => {
    const { editor } = await sampleEditor();
    const off = menuItemsOff(MENU_IDS, actionByName, editor, { ...quiet, projectOpen: false });
    expect(MENU_IDS.filter((id) => !off.includes(id)).sort()).toEqual(["about", "new", "open", "preferences", "quit", "shortcuts"]);
  });
});
