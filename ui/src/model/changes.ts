// Change sets: what every edit produces, what autosave sends to the core, and what undo replays
// backwards. Inverting needs the document as it was before the change.

import type { Changes } from "../bindings/Changes";
import type { ProjectRecord } from "../bindings/ProjectRecord";
import type { RecordKind } from "../bindings/RecordKind";
import { isSingleton, recordOf, type Doc } from "./doc";

export function emptyChanges(): Changes {
  return { put: [], delete: [] };
}

export function isEmpty(c: Changes): boolean {
  return c.put.length === 0 && c.delete.length === 0;
}

/** The key a record is known by in a change set: its kind and id, or its kind alone. */
export const keyOf = (r: ProjectRecord) => (isSingleton(r.kind) ? r.kind : `${r.kind}:${(r.record as { id: string }).id}`);

/** The change set that undoes `changes`, computed against `before` (the doc not yet changed). */
export function invert(changes: Changes, before: Doc): Changes {
  const inverse = emptyChanges();
  for (const r of changes.put) {
    const old = before.previous(r);
    if (old) inverse.put.push(old);
    else if (!isSingleton(r.kind)) {
      const { kind, record } = r as Extract<ProjectRecord, { kind: RecordKind }>;
      inverse.delete.push({ kind, id: record.id });
    }
  }
  for (const d of changes.delete) {
    const old = before.get(d.kind, d.id);
    if (old) inverse.put.push(recordOf(d.kind, old));
  }
  return inverse;
}

/** One change set with the effect of `a` then `b`; the last word on each record wins. */
export function squash(a: Changes, b: Changes): Changes {
  const puts = new Map<string, ProjectRecord>();
  const deletes = new Map<string, { kind: RecordKind; id: string }>();
  for (const step of [a, b]) {
    for (const r of step.put) {
      deletes.delete(keyOf(r));
      puts.set(keyOf(r), r);
    }
    for (const d of step.delete) {
      const key = `${d.kind}:${d.id}`;
      puts.delete(key);
      deletes.set(key, d);
    }
  }
  return { put: [...puts.values()], delete: [...deletes.values()] };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

function wellFormedValue(v: unknown): unknown {
  if (typeof v === "string") return LONE_SURROGATE.test(v) ? v.replace(LONE_SURROGATES, "\uFFFD") : v;
  if (Array.isArray(v)) {
    const out = v.map(wellFormedValue);
    return out.some((x, i) => x !== v[i]) ? out : v;
  }
  if (v && typeof v === "object") {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = wellFormedValue(x);
      changed ||= out[k] !== x;
    }
    return changed ? out : v;
  }
  return v;
}

/**
 * The change set with half an emoji (a lone UTF-16 surrogate, left when a field's length limit
 * cuts a pasted text mid-character) replaced by U+FFFD. Such text is not valid Unicode: it cannot
 * cross to the core as JSON, and saving would fail on it forever.
 */
export function wellFormed(c: Changes): Changes {
  return wellFormedValue(c) as Changes;
}
