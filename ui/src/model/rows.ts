// Records that crossed from the core as rows: the field names once, then each record's values in
// that order, the ids they name and the texts many of them repeat (a channel, an owner, a
// reliability, a connector's label) given as places in one list (the two largest lists of an
// opened project travel so; see src/app/opened.rs). Each card and connector is rebuilt as one object
// literal with every field, and every record naming an id shares that id's one string: 10,000
// cards built field by field and holding their own copies of ids took twice the memory.

import type { Connector } from "../bindings/Connector";
import type { Feeling } from "../bindings/Feeling";
import type { OpenedProject } from "../bindings/OpenedProject";
import type { Project } from "../bindings/Project";
import type { Reliability } from "../bindings/Reliability";
import type { Touchpoint } from "../bindings/Touchpoint";

export type Rows = OpenedProject["touchpointRows"];

/** Reads one column of `rows` out of a row; a column in `refs` is looked up in `ids`. */
function columnOf(rows: Rows, ids: readonly string[], name: string): (row: readonly unknown[]) => unknown {
  const i = rows.columns.indexOf(name);
  if (i < 0) throw new Error(`the opened project has no ${name} column`);
  if (!rows.refs.includes(name)) return (row) => row[i];
  return (row) => {
    const place = row[i];
    if (typeof place !== "number") return place;
    const id = ids[place];
    if (id === undefined) throw new Error(`the opened project names id ${place} of ${ids.length}`);
    return id;
  };
}

/** What a card with no feelings of its own holds: one empty list shared by all of them (records
 * are replaced whole, never changed in place, so none of them writes to it). */
const NO_FEELINGS: Feeling[] = Object.freeze([]) as unknown as Feeling[];

function feelingsOf(f: Feeling[]): Feeling[] {
  return f.length === 0 ? NO_FEELINGS : f;
}

/** The touchpoints `rows` stands for. */
export function touchpointsOf(rows: Rows, ids: readonly string[]): Touchpoint[] {
  if (rows.rows.length === 0) return [];
  const c = (name: keyof Touchpoint) => columnOf(rows, ids, name);
  const [id, mapId, stageId, laneId, title, description, channel, owner] = [
    c("id"),
    c("mapId"),
    c("stageId"),
    c("laneId"),
    c("title"),
    c("description"),
    c("channel"),
    c("owner"),
  ];
  const [x, y, width, height, emotion, expectation, performance, reliability] = [
    c("x"),
    c("y"),
    c("width"),
    c("height"),
    c("emotion"),
    c("expectation"),
    c("performance"),
    c("reliability"),
  ];
  const [momentOfTruth, momentOfTruthNote, votes, feelings] = [c("momentOfTruth"), c("momentOfTruthNote"), c("votes"), c("feelings")];
  return rows.rows.map(
    (r): Touchpoint => ({
      id: id(r) as string,
      mapId: mapId(r) as string,
      stageId: stageId(r) as string,
      laneId: laneId(r) as string,
      title: title(r) as string,
      description: description(r) as string,
      channel: channel(r) as string,
      owner: owner(r) as string,
      x: x(r) as number,
      y: y(r) as number,
      width: width(r) as number,
      height: height(r) as number,
      emotion: emotion(r) as number,
      expectation: expectation(r) as number,
      performance: performance(r) as number,
      reliability: reliability(r) as Reliability,
      momentOfTruth: momentOfTruth(r) as boolean,
      momentOfTruthNote: momentOfTruthNote(r) as string,
      votes: votes(r) as number,
      feelings: feelingsOf(feelings(r) as Feeling[]),
    }),
  );
}

/** The connectors `rows` stands for. */
export function connectorsOf(rows: Rows, ids: readonly string[]): Connector[] {
  if (rows.rows.length === 0) return [];
  const c = (name: keyof Connector) => columnOf(rows, ids, name);
  const [id, mapId, fromId, toId, label] = [c("id"), c("mapId"), c("fromId"), c("toId"), c("label")];
  return rows.rows.map(
    (r): Connector => ({
      id: id(r) as string,
      mapId: mapId(r) as string,
      fromId: fromId(r) as string,
      toId: toId(r) as string,
      label: label(r) as string,
    }),
  );
}

/** What the core sends for `project` on opening it (for the test doubles): the project without
 * its feedback, touchpoints and connectors, the last two as rows naming ids and repeated texts
 * by place. */
export function openedOf(path: string, project: Project): OpenedProject {
  const ids: string[] = [];
  const places = new Map<string, number>();
  const place = (id: string) => {
    let p = places.get(id);
    if (p === undefined) {
      p = ids.length;
      ids.push(id);
      places.set(id, p);
    }
    return p;
  };
  for (const t of project.touchpoints) place(t.id);
  // The columns in the first record's field order (the core's are its own; any order reads).
  const rowsOf = <T extends object>(records: readonly T[], refs: readonly (keyof T & string)[]): Rows => {
    const columns = records.length > 0 ? (Object.keys(records[0]!) as (keyof T & string)[]) : [];
    return {
      columns,
      refs: [...refs],
      rows: records.map((r) => columns.map((c) => (refs.includes(c) ? place(r[c] as string) : r[c]))),
    };
  };
  const touchpointRows = rowsOf<Touchpoint>(project.touchpoints, ["id", "mapId", "stageId", "laneId", "channel", "owner", "reliability"]);
  const connectorRows = rowsOf<Connector>(project.connectors, ["mapId", "fromId", "toId", "label"]);
  return {
    path,
    project: { ...project, feedback: [], touchpoints: [], connectors: [] },
    feedbackLeftOut: project.feedback.length,
    ids,
    touchpointRows,
    connectorRows,
  };
}

/** The whole project an open sent: its touchpoints and connectors put back from their rows. */
export function projectOf(opened: OpenedProject): Project {
  return {
    ...opened.project,
    touchpoints: touchpointsOf(opened.touchpointRows, opened.ids),
    connectors: connectorsOf(opened.connectorRows, opened.ids),
  };
}
