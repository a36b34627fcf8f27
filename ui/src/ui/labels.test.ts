import { expect, it } from "vitest";
import { fileSize } from "./labels";

it("a file's size reads in KB, never 0, and keeps to one line with its unit", () => {
  expect(fileSize(133_120)).toBe("130\u00a0KB");
  expect(fileSize(10)).toBe("1\u00a0KB");
  expect(fileSize(0)).toBe("1\u00a0KB");
});
