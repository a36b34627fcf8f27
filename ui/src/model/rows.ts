// Records that crossed from the core as rows: the field names once, then each record's values in
// that order (the two largest lists of an opened project travel so; see src/app/opened.rs).

import type { OpenedProject } from "../bindings/OpenedProject";
import type { Project } from "../bindings/Project";

export type Rows = OpenedProject["touchpointRows"];

/** The records `rows` stands for, each an object with the columns as its fields. */
export function fromRows<T>(rows: Rows): T[] {
  const { columns, rows: values } = rows;
  const out: T[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const row = values[i]!;
    const record: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) record[columns[c]!] = row[c];
    out[i] = record as T;
  }
  return out;
}

/** `records` as rows, with the first record's fields as the columns (what the core sends). */
export function toRows<T extends object>(records: readonly T[]): Rows {
  const columns = records.length > 0 ? Object.keys(records[0]!) : [];
  return { columns, rows: records.map((r) => columns.map((c) => (r as Record<string, unknown>)[c])) };
}

/** The whole project an open sent: its touchpoints and connectors put back from their rows. */
export function projectOf(opened: OpenedProject): Project {
  return {
    ...opened.project,
    touchpoints: fromRows(opened.touchpointRows),
    connectors: fromRows(opened.connectorRows),
  };
}
