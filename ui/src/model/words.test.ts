import { expect, it } from "vitest";
import { count } from "./words";

it("counts in words", () => {
  expect(count(1, "row")).toBe("1 row");
  expect(count(0, "row")).toBe("0 rows");
  expect(count(12000, "feedback item")).toBe("12,000 feedback items");
  expect(count(2, "journey", "journeys")).toBe("2 journeys");
});
