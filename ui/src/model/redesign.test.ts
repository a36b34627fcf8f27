import { expect, it } from "vitest";
import type { Redesign } from "../bindings/Redesign";
import { isFinished, proposalIsEmpty, runningRedesignOf, sendingPhase } from "./redesign";

const phase = (status: Redesign["phases"][number]["status"]) =>
  ({ name: "p", days: 1, status, start: null, end: null, owner: "", notes: "" }) as unknown as Redesign["phases"][number];
const redesign = (id: string, touchpointId: string, ...statuses: Array<Redesign["phases"][number]["status"]>) =>
  ({ id, touchpointId, phases: statuses.map(phase) }) as unknown as Redesign;

it("a redesign is finished only when every phase is done", () => {
  expect(isFinished(redesign("a", "t", "done", "done"))).toBe(true);
  expect(isFinished(redesign("a", "t", "done", "waiting"))).toBe(false);
  expect(isFinished(redesign("a", "t", "notStarted"))).toBe(false);
});

it("finds the running redesign of a touchpoint, skipping finished ones", () => {
  const all = [redesign("old", "t", "done"), redesign("other", "u", "inProgress"), redesign("now", "t", "done", "inProgress")];
  expect(runningRedesignOf(all, "t")?.id).toBe("now");
  expect(runningRedesignOf(all.slice(0, 1), "t")).toBeUndefined();
});

it("the proposal goes out at the end of the phase before corporate's response", () => {
  const named = (...names: string[]) => ({ phases: names.map((name) => ({ name })) }) as unknown as Redesign;
  expect(sendingPhase(named("Brainstorm", "Propose", "Send proposal", "Corporate response", "Put into motion"))).toBe(2);
  expect(sendingPhase(named("Ideas", "Draft", "Review with the board", "Wait for RESPONSE"))).toBe(2);
  expect(sendingPhase(named("A", "B", "C", "D", "E"))).toBe(2);
  expect(sendingPhase(named("Only", "Two"))).toBeUndefined();
});

it("a proposal is empty until something of it is written", () => {
  const blank = { problem: "", change: " ", steps: "", owner: "", cost: "", employees: "", effect: "", decision: "" };
  expect(proposalIsEmpty({ proposal: blank } as unknown as Redesign)).toBe(true);
  expect(proposalIsEmpty({ proposal: { ...blank, cost: "30 days" } } as unknown as Redesign)).toBe(false);
});
