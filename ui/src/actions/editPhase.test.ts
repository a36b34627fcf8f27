import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { editPhase } from "./editPhase";

it("typing the owner and then the notes of a phase keeps both", async () => {
  const { editor, backend } = await sampleEditor();
  const r = [...editor.doc.tables.redesign.values()][0]!;
  editPhase(editor, r.id, 1, { owner: "Owner A" }, "Set owner");
  editor.endGesture();
  editPhase(editor, r.id, 1, { notes: "Note B" }, "Phase notes");
  const phase = editor.doc.get("redesign", r.id)!.phases[1]!;
  expect(phase.owner).toBe("Owner A");
  expect(phase.notes).toBe("Note B");
  await editor.flush();
  expect(backend.file.get("redesign", r.id)!.phases[1]).toMatchObject({ owner: "Owner A", notes: "Note B" });
  editor.undo();
  expect(editor.doc.get("redesign", r.id)!.phases[1]!.owner).toBe("Owner A");
});
