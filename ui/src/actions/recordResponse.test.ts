import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { recordResponse } from "./recordResponse";

const waiting = "Online check-in for infant bookings";

it("corporate's approval is recorded as one undo step", async () => {
  const { editor, backend } = await sampleEditor();
  const r = [...editor.doc.tables.redesign.values()].find((x) => x.title === waiting)!;
  await recordResponse(editor, r.id, { decision: "changes", date: "2026-11-24", by: "COO", comment: "Three routes" }, "revise");
  const next = editor.doc.get("redesign", r.id)!;
  expect(next.responses.at(-1)).toMatchObject({ decision: "changes", by: "COO" });
  expect(next.phases[3]).toMatchObject({ status: "done", actualEnd: "2026-11-24" });
  expect(editor.history.undoLabel).toBe("Corporate: approved with changes");
  await editor.flush();
  expect(backend.file.get("redesign", r.id)!.responses).toHaveLength(next.responses.length);
  editor.undo();
  expect(editor.doc.get("redesign", r.id)!.phases[3]!.status).toBe("waiting");
});

it("a rejection ends the redesign or sends it back, as chosen; a refused answer changes nothing", async () => {
  const { editor } = await sampleEditor();
  const r = [...editor.doc.tables.redesign.values()].find((x) => x.title === waiting)!;
  await recordResponse(editor, r.id, { decision: "rejected", date: "2026-11-24", by: "", comment: "" }, "end");
  expect(editor.doc.get("redesign", r.id)!.endedOn).toBe("2026-11-24");
  editor.undo();
  await recordResponse(editor, r.id, { decision: "rejected", date: "2026-11-24", by: "", comment: "" }, "revise");
  const back = editor.doc.get("redesign", r.id)!;
  expect(back.endedOn).toBeNull();
  expect(back.phases[1]!.status).toBe("inProgress");
  const versions = editor.doc.version;
  await expect(
    recordResponse(editor, r.id, { decision: "approved", date: "2026-11-25", by: "", comment: "" }, "end"),
  ).rejects.toMatchObject({ code: "invalid-input" });
  expect(editor.doc.version).toBe(versions);
});
