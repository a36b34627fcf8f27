import { expect, it } from "vitest";
import { History } from "./history";

const step = (n: number) => ({ put: [], delete: [{ kind: "note" as const, id: String(n) }] });

it("merges steps with the same key until marked", () => {
  const h = new History();
  h.record(step(1), step(-1), "drag", "g1");
  h.record(step(2), step(-2), "drag", "g1");
  h.mark();
  h.record(step(3), step(-3), "drag", "g1");
  expect(h.undo()!.forward.delete.map((d) => d.id)).toEqual(["3"]);
  const merged = h.undo()!;
  expect(merged.forward.delete.map((d) => d.id)).toEqual(["1", "2"]);
  expect(h.undo()).toBeUndefined();
  expect(h.canRedo).toBe(true);
});

it("a new step clears redo; the limit drops the oldest", () => {
  const h = new History(2);
  h.record(step(1), step(-1), "a");
  h.record(step(2), step(-2), "b");
  h.record(step(3), step(-3), "c");
  h.undo();
  h.record(step(4), step(-4), "d");
  expect(h.canRedo).toBe(false);
  expect(h.undo()!.label).toBe("d");
  expect(h.undo()!.label).toBe("b");
  expect(h.canUndo).toBe(false);
});
