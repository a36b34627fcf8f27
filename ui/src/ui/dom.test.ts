import { expect, it } from "vitest";
import { groupLabel, keepDate } from "./dom";

it("group labels carry no markup characters WebKitGTK would misread", () => {
  expect(groupLabel("Feedback at Check in & bag drop")).toBe("Feedback at Check in and bag drop");
  expect(groupLabel("R&D <new>")).toBe("R and D ‹new›");
  expect(groupLabel("Sticky notes")).toBe("Sticky notes");
});

it("a judged-on day left as something that is not a day shows the day in use again", () => {
  const removed: string[] = [];
  const field = { value: "2026-02-30", classList: { remove: (c: string) => removed.push(c) } } as unknown as HTMLInputElement;
  keepDate(field, "2026-12-03");
  expect(field.value).toBe("2026-12-03");
  expect(removed).toEqual(["invalid"]);
  const real = { value: "2026-12-24", classList: { remove: () => undefined } } as unknown as HTMLInputElement;
  keepDate(real, "2026-12-03");
  expect(real.value).toBe("2026-12-24");
});
