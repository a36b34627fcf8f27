import { expect, it } from "vitest";
import { sampleEditor } from "../editor/testing";
import { editProposal } from "./editProposal";

it("fields of a proposal typed one after another all stay, each one undo step", async () => {
  const { editor, backend } = await sampleEditor();
  const r = [...editor.doc.tables.redesign.values()].find((x) => x.title === "Delay message within two minutes")!;
  const kpi = editor.doc.kpisOf(r.touchpointId)[0]!;
  editProposal(editor, r.id, { problem: "Nobody says why" }, "Proposal: the problem");
  editor.endGesture();
  editProposal(editor, r.id, { steps: "Script the message\nTrain the gate staff" }, "Proposal: steps");
  editor.endGesture();
  editProposal(editor, r.id, { effectKpiId: kpi.id }, "Proposal: KPI");
  editor.endGesture();
  const q = editor.doc.get("redesign", r.id)!.proposal;
  expect(q).toMatchObject({ problem: "Nobody says why", steps: "Script the message\nTrain the gate staff", effectKpiId: kpi.id });
  await editor.flush();
  expect(backend.file.get("redesign", r.id)!.proposal.problem).toBe("Nobody says why");
  editor.undo();
  expect(editor.doc.get("redesign", r.id)!.proposal.effectKpiId).toBeNull();
  expect(editor.doc.get("redesign", r.id)!.proposal.steps).toContain("Train the gate staff");
});
