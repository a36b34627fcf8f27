import { expect, it } from "vitest";
import { sampleProject } from "../editor/testing";
import { openedOf, projectOf, touchpointsOf } from "./rows";

it("an opened project is whole again once its rows are read", () => {
  const p = sampleProject();
  const opened = openedOf("/tmp/p.journey", p);
  expect(opened.project.touchpoints).toEqual([]);
  expect(opened.touchpointRows.rows[0]!.length).toBe(opened.touchpointRows.columns.length);
  expect(projectOf(opened)).toEqual({ ...p, feedback: [] });
  expect(Object.keys(projectOf(opened).touchpoints[0]!)).toEqual(Object.keys(p.touchpoints[0]!));
});

it("ids travel once, each record naming them by place", () => {
  const p = sampleProject();
  const opened = openedOf("/tmp/p.journey", p);
  expect(new Set(opened.ids).size).toBe(opened.ids.length);
  // A card's own id is at its row's place; its map, stage and lane are places too.
  const id = opened.touchpointRows.columns.indexOf("id");
  const mapId = opened.touchpointRows.columns.indexOf("mapId");
  opened.touchpointRows.rows.forEach((row, i) => {
    expect(row[id]).toBe(i);
    expect(opened.ids[row[mapId] as number]).toBe(p.touchpoints[i]!.mapId);
  });
  const fromId = opened.connectorRows.columns.indexOf("fromId");
  expect(typeof opened.connectorRows.rows[0]![fromId]).toBe("number");
});

it("columns are read by name, whatever their order", () => {
  const p = sampleProject();
  const { touchpointRows, ids } = openedOf("/tmp/p.journey", p);
  const order = touchpointRows.columns.map((_, i) => i).reverse();
  const reversed = {
    columns: order.map((i) => touchpointRows.columns[i]!),
    refs: touchpointRows.refs,
    rows: touchpointRows.rows.map((r) => order.map((i) => r[i])),
  };
  expect(touchpointsOf(reversed, ids)).toEqual(p.touchpoints);
});

it("a missing column or an id out of range is an error, not a card with holes", () => {
  const { touchpointRows, ids } = openedOf("/tmp/p.journey", sampleProject());
  const without = { ...touchpointRows, columns: touchpointRows.columns.map((c) => (c === "laneId" ? "lane" : c)) };
  expect(() => touchpointsOf(without, ids)).toThrow(/laneId/);
  expect(() => touchpointsOf(touchpointRows, ids.slice(0, 1))).toThrow(/names id/);
});

it("cards without feelings of their own share one list that cannot be written to", () => {
  const p = sampleProject();
  const withFeeling = { ...p.touchpoints[1]!, feelings: [{ personaId: p.personas[0]!.id, emotion: 2 }] };
  const cards = projectOf(
    openedOf("/tmp/p.journey", { ...p, touchpoints: [p.touchpoints[0]!, withFeeling, p.touchpoints[2]!] }),
  ).touchpoints;
  expect(cards[0]!.feelings).toBe(cards[2]!.feelings);
  expect(Object.isFrozen(cards[0]!.feelings)).toBe(true);
  expect(cards[1]!.feelings).toEqual(withFeeling.feelings);
  expect(Object.isFrozen(cards[1]!.feelings)).toBe(false);
});
