import { expect, it } from "vitest";
import { fileNameOf, fileSize } from "./labels";

it("a file's size reads in KB, never 0, and keeps to one line with its unit", () => {
  expect(fileSize(133_120)).toBe("130\u00a0KB");
  expect(fileSize(10)).toBe("1\u00a0KB");
  expect(fileSize(0)).toBe("1\u00a0KB");
});

it("a title becomes a file name without characters a file system refuses", () => {
  expect(fileNameOf("Proposal - Redesign: Identity check")).toBe("Proposal - Redesign - Identity check");
  expect(fileNameOf('Bag drop / kiosk "v2"?')).toBe("Bag drop - kiosk - v2");
});
