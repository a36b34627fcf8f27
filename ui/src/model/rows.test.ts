import { expect, it } from "vitest";
import { sampleProject } from "../editor/testing";
import { fromRows, projectOf, toRows } from "./rows";

it("rows stand for the same records, field for field", () => {
  const p = sampleProject();
  const rows = toRows(p.touchpoints);
  expect(rows.columns).toContain("momentOfTruth");
  expect(rows.rows[0]!.length).toBe(rows.columns.length);
  expect(fromRows(rows)).toEqual(p.touchpoints);
  expect(fromRows(toRows([]))).toEqual([]);
});

it("an opened project is whole again once its rows are read", () => {
  const p = sampleProject();
  const opened = {
    path: "/tmp/p.journey",
    project: { ...p, touchpoints: [], connectors: [] },
    feedbackLeftOut: 0,
    touchpointRows: toRows(p.touchpoints),
    connectorRows: toRows(p.connectors),
  };
  expect(projectOf(opened)).toEqual(p);
});
