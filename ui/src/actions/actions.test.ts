// Every action, performed on the sample map in a state where it applies, can be undone back to
// exactly the previous document and redone to exactly the result.

import { describe, expect, it } from "vitest";
import { sampleEditor, selectByTitle, snapshot } from "../editor/testing";
import { ACTIONS } from "./index";
import { copy } from "./clipboard";

/** Commands that change the view or the clipboard, never the document. */
const VIEW_ONLY = new Set([
  "copy",
  "selectAll",
  "selectNext",
  "selectPrevious",
  "zoomIn",
  "zoomOut",
  "zoomToFit",
  "actualSize",
  "presentationZoom",
]);

describe("undo and redo of every action", () => {
  for (const action of ACTIONS) {
    it(action.name, async () => {
      const { editor, backend } = await sampleEditor();
      // A state where most actions apply: three cards and a note selected, something copied.
      selectByTitle(editor, "Online check-in", "Boarding pass in phone wallet", "Seat selection");
      const note = editor.doc.notesOf(editor.mapId).find((n) => n.votes > 0)!;
      editor.selection.add(note.id);
      copy.perform(editor);
      if (action.name.startsWith("moveStage") || action.name === "addStage")
        editor.setFocus("stage", editor.doc.stagesOf(editor.mapId)[2]!.id);
      if (action.name.startsWith("moveLane") || action.name === "addLane") editor.setFocus("lane", editor.doc.lanesOf(editor.mapId)[2]!.id);
      if (action.name !== "undo" && action.name !== "redo")
        expect(action.enabled?.(editor) ?? true, `${action.name} applies in this state`).toBe(true);

      const before = snapshot(editor);
      const undoable = editor.history.canUndo;
      if (action.name === "undo" || action.name === "redo") {
        expect(action.enabled?.(editor) ?? false).toBe(false);
        return;
      }
      action.perform(editor);
      const after = snapshot(editor);
      if (VIEW_ONLY.has(action.name)) {
        expect(after, `${action.name} leaves the document alone`).toEqual(before);
        return;
      }
      expect(after, `${action.name} changes the document`).not.toEqual(before);
      expect(editor.history.canUndo).toBe(true);
      editor.undo();
      expect(snapshot(editor)).toEqual(before);
      editor.redo();
      expect(snapshot(editor)).toEqual(after);
      // Autosave wrote the same document the editor shows.
      await editor.flush();
      editor.doc = backend.file;
      expect(snapshot(editor)).toEqual(after);
      expect(undoable).toBe(false);
    });
  }
});
