import { expect, it } from "vitest";
import { sampleProject } from "../editor/testing";
import { invert, squash } from "./changes";
import { Doc, recordOf } from "./doc";
import { deletion } from "./ops";

it("invert undoes puts of new and existing records and deletions", () => {
  const doc = Doc.fromProject(sampleProject());
  const before = JSON.stringify(doc.toProject());
  const t = [...doc.tables.touchpoint.values()][0]!;
  const changes = squash(
    {
      put: [recordOf("touchpoint", { ...t, title: "Changed" }), recordOf("note", { ...[...doc.tables.note.values()][0]!, id: "new" })],
      delete: [],
    },
    deletion(doc, [{ kind: "stage", id: [...doc.tables.stage.values()][0]!.id }]),
  );
  const inverse = invert(changes, doc);
  doc.apply(changes);
  doc.apply(inverse);
  // Record collections compare as sets (order is not part of the document); the template is a list.
  const byId = (v: unknown) =>
    Array.isArray(v) && v.every((x) => typeof x?.id === "string") ? [...v].sort((a, b) => a.id.localeCompare(b.id)) : v;
  const sort = (s: string) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(s)).map(([k, v]) => [k, byId(v)])));
  expect(sort(JSON.stringify(doc.toProject()))).toBe(sort(before));
});

it("squash keeps the last word on each record", () => {
  const t = sampleProject().touchpoints[0]!;
  const a = { put: [recordOf("touchpoint", { ...t, title: "A" })], delete: [] };
  const b = { put: [], delete: [{ kind: "touchpoint" as const, id: t.id }] };
  expect(squash(a, b)).toEqual(b);
  expect(squash(b, a)).toEqual(a);
});
