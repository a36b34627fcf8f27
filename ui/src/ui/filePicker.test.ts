import { describe, expect, it } from "vitest";
import { fileName, folderOf, inFolder, isInside, startFolder } from "./filePicker";

describe("file picker paths", () => {
  it("splits a path into its folder and file name, on Linux, macOS and Windows", () => {
    expect(folderOf("/home/amara/Maps/Guest journey.journey")).toBe("/home/amara/Maps");
    expect(fileName("/home/amara/Maps/Guest journey.journey")).toBe("Guest journey.journey");
    expect(folderOf("C:\\Users\\Amara\\Guest.journey")).toBe("C:\\Users\\Amara");
    expect(fileName("C:\\Users\\Amara\\Guest.journey")).toBe("Guest.journey");
    expect(folderOf("/Guest.journey")).toBe("/");
    expect(folderOf("Guest.journey")).toBe("");
    expect(fileName("Guest.journey")).toBe("Guest.journey");
  });

  it("joins a file name to a folder with the folder's own separator", () => {
    expect(inFolder("/home/amara/Maps", "Report.pdf")).toBe("/home/amara/Maps/Report.pdf");
    expect(inFolder("/", "Report.pdf")).toBe("/Report.pdf");
    expect(inFolder("C:\\Users\\Amara", "Report.pdf")).toBe("C:\\Users\\Amara\\Report.pdf");
    expect(inFolder("", "Report.pdf")).toBe("Report.pdf");
  });

  it("knows a path inside a folder from one beside it", () => {
    expect(isInside("/home/a/.local/share/app/Sample.journey", "/home/a/.local/share/app")).toBe(true);
    expect(isInside("/home/a/.local/share/app/Sample.journey", "/home/a/.local/share/app/")).toBe(true);
    expect(isInside("/home/a/.local/share/application/x.journey", "/home/a/.local/share/app")).toBe(false);
    expect(isInside("C:\\Users\\A\\AppData\\Roaming\\app\\S.journey", "C:\\Users\\A\\AppData\\Roaming\\app")).toBe(true);
    expect(isInside("/anything", "")).toBe(false);
  });

  it("starts in the project's folder, or in Documents for the app's own copy of the sample", () => {
    const places = { appData: "/home/a/.local/share/app", documents: "/home/a/Documents", home: "/home/a" };
    expect(startFolder("/home/a/Maps/Guest.journey", places)).toBe("/home/a/Maps");
    expect(startFolder("/home/a/.local/share/app/Northwind Air sample.journey", places)).toBe("/home/a/Documents");
    expect(startFolder("", places)).toBe("/home/a/Documents");
    expect(startFolder("", { home: "/home/a" })).toBe("/home/a");
    expect(startFolder("", {})).toBe("");
  });
});
