import { expect, it } from "vitest";
import { count, grouped } from "./words";

it("counts in words", () => {
  expect(count(1, "row")).toBe("1 row");
  expect(count(0, "row")).toBe("0 rows");
  expect(count(12000, "feedback item")).toBe("12,000 feedback items");
  expect(count(2, "journey", "journeys")).toBe("2 journeys");
});

it("groups thousands by hand, as the English locale would", () => {
  for (const n of [0, 7, 999, 1000, 12000, 1234567, -45000, 1234.5]) expect(grouped(n)).toBe(n.toLocaleString("en"));
});
