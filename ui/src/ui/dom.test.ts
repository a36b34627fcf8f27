import { expect, it } from "vitest";
import { groupLabel } from "./dom";

it("group labels carry no markup characters WebKitGTK would misread", () => {
  expect(groupLabel("Feedback at Check in & bag drop")).toBe("Feedback at Check in and bag drop");
  expect(groupLabel("R&D <new>")).toBe("R and D ‹new›");
  expect(groupLabel("Sticky notes")).toBe("Sticky notes");
});
