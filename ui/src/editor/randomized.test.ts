// Long random sequences of what a person does (add, type text of any length and script, move,
// resize, delete, vote, connect, duplicate and delete maps, undo, redo), driven through the editor
// the way the window drives it. Every change set autosave sends is then checked by the core's own
// validation (the real Rust rules, through `journeymap check-changes`), so the UI cannot produce
// what the core refuses. Bounded here; RANDOM_RUNS=50 RANDOM_STEPS=2000 runs it longer by hand.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";
import { LIMITS } from "../bindings/limitValues";
import { addLane } from "../actions/addLane";
import { addNote } from "../actions/addNote";
import { addStage } from "../actions/addStage";
import { addTouchpoint } from "../actions/addTouchpoint";
import { connect } from "../actions/connect";
import { deleteSelection } from "../actions/deleteSelection";
import { editField } from "../actions/editField";
import { clip, editText } from "../actions/editText";
import { deleteMap, duplicateAsToBe } from "../actions/maps";
import { addKpi, recordMeasurement } from "../actions/measures";
import { nudges } from "../actions/nudge";
import { resizeLane, resizeStage } from "../actions/resizeGrid";
import { markBroken, markDifferentiating, markReliable } from "../actions/setReliability";
import { toggleMomentOfTruth } from "../actions/toggleMomentOfTruth";
import { toggleTop } from "../actions/toggleTop";
import { addVote, removeVote } from "../actions/vote";
import { placedConnectors } from "../geometry/hit";
import { intersects, union } from "../geometry/rect";
import { Editor } from "./editor";
import { MemoryBackend, sampleProject } from "./testing";

const repo = resolve(__dirname, "../../..");
const bin =
  process.env.JOURNEYMAP_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(homedir(), ".cache/journeymap/target"), "debug/journeymap");
const RUNS = Number(process.env.RANDOM_RUNS ?? 3);
const STEPS = Number(process.env.RANDOM_STEPS ?? 250);

/** A small seeded generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCRIPTS = [
  "Security queue",
  "Zoë's café",
  "安检排队",
  "طابور الأمن",
  "תור בידוק",
  "보안 검색",
  "👩‍✈️🛫✈️",
  "\t tabs\nand lines ",
  "\u0000\u0007",
  "   ",
];

function text(r: () => number): string {
  const piece = SCRIPTS[Math.floor(r() * SCRIPTS.length)]!;
  const roll = r();
  // Mostly short; sometimes right at a limit; sometimes far past it (pasted).
  const length =
    roll < 0.7
      ? Math.floor(r() * 40)
      : roll < 0.85
        ? LIMITS.nameChars - 5 + Math.floor(r() * 10)
        : roll < 0.95
          ? Math.floor(r() * 3000)
          : 120_000;
  let out = "";
  while (out.length < length) out += piece;
  return out.slice(0, length);
}

function pick<T>(r: () => number, items: T[]): T | undefined {
  return items.length ? items[Math.floor(r() * items.length)] : undefined;
}

/** One thing a person does; each step is what one key, click or field edit commits. */
function step(e: Editor, r: () => number): void {
  const cards = e.doc.touchpointsOf(e.mapId);
  const notes = e.doc.notesOf(e.mapId);
  const stages = e.doc.stagesOf(e.mapId);
  const lanes = e.doc.lanesOf(e.mapId);
  const any = pick(r, [...cards, ...notes]);
  const roll = Math.floor(r() * 22);
  switch (roll) {
    case 0:
    case 1:
    case 2:
      if (r() < 0.5 && any) e.select([any.id]);
      else if (r() < 0.5 && stages.length) e.setFocus("stage", pick(r, stages)!.id);
      return addTouchpoint.perform(e);
    case 3:
    case 4:
      if (r() < 0.5 && any) e.select([any.id]);
      return addNote.perform(e);
    case 5:
      return addStage.perform(e);
    case 6:
      return addLane.perform(e);
    case 7:
    case 8: {
      // Typing in place: the text box's rule.
      const target = pick(r, [...cards, ...notes, ...stages, ...lanes]);
      if (target) editText(e, target.id, text(r));
      return;
    }
    case 9: {
      // The side panel's fields: limited as their inputs are.
      const t = pick(r, cards);
      if (!t) return;
      const field = pick(r, ["description", "channel", "owner", "momentOfTruthNote"] as const)!;
      const max = field === "description" || field === "momentOfTruthNote" ? LIMITS.textChars : LIMITS.nameChars;
      editField(e, "touchpoint", t.id, { [field]: clip(text(r), max) }, "Edit");
      return e.endGesture();
    }
    case 10: {
      if (!any) return;
      e.select([any.id]);
      return pick(r, nudges)!.perform(e);
    }
    case 11: {
      const t = pick(r, cards);
      if (t) editField(e, "touchpoint", t.id, { x: t.x + (r() - 0.5) * 800, y: t.y + (r() - 0.5) * 400 }, "Move");
      return e.endGesture();
    }
    case 12: {
      const s = pick(r, stages),
        l = pick(r, lanes);
      if (s && r() < 0.5) resizeStage(e, s.id, r() * 900, "resize");
      else if (l) resizeLane(e, l.id, r() * 600, "resize");
      return e.endGesture();
    }
    case 13: {
      const chosen = [...cards, ...notes].filter(() => r() < 0.1);
      if (r() < 0.3 && stages.length > 1) e.setFocus("stage", pick(r, stages)!.id);
      else e.select(chosen.map((x) => x.id));
      return deleteSelection.perform(e);
    }
    case 14:
      return void e.undo();
    case 15:
      return void e.redo();
    case 16: {
      if (!any) return;
      e.select([any.id]);
      return pick(r, [toggleMomentOfTruth, markBroken, markReliable, markDifferentiating, toggleTop, addVote, removeVote])!.perform(e);
    }
    case 17: {
      const a = pick(r, cards),
        b = pick(r, cards);
      if (!a || !b) return;
      e.select([a.id, b.id]);
      return connect.perform(e);
    }
    case 18: {
      const t = pick(r, cards);
      if (!t) return;
      const kpi = addKpi(e, t.id, clip(text(r).trim(), LIMITS.nameChars) || "KPI");
      recordMeasurement(e, kpi, "2026-11-30", Math.round(r() * 100));
      return;
    }
    case 19:
      if (r() < 0.3) duplicateAsToBe(e);
      return;
    case 20:
      if (r() < 0.1 && e.doc.tables.map.size > 1) deleteMap(e);
      return;
    default: {
      const map = pick(r, e.doc.mapsInOrder());
      if (map) e.setMap(map.id);
    }
  }
}

it("every change set random editing sends is one the core accepts", async () => {
  expect(existsSync(bin), `the core's checker is built (${bin}); run cargo build first`).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), "journeymap-random-"));
  for (let run = 0; run < RUNS; run++) {
    const seed = 1000 + run;
    const r = random(seed);
    const backend = new MemoryBackend(sampleProject());
    const editor = new Editor(backend, 1_000_000);
    editor.setViewport(1280, 720);
    editor.load(await backend.openStartup());
    for (let i = 0; i < STEPS; i++) {
      step(editor, r);
      editor.editing = undefined;
      await editor.flush();
    }
    const file = join(dir, `seed-${seed}.jsonl`);
    writeFileSync(file, `${backend.writes.map((w) => JSON.stringify(w)).join("\n")}\n`);
    let out = "";
    try {
      out = execFileSync(bin, ["check-changes", join(repo, "assets/sample.journey"), "--changes", file], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (err) {
      const e = err as { stderr?: string };
      throw new Error(`seed ${seed}: the core refused what the editor sent (${file}):\n${e.stderr ?? String(err)}`);
    }
    expect(out).toContain(`${backend.writes.length} change sets accepted`);
  }
}, 120_000);

it("the map's lists, patched after each edit, answer as lists built afresh", async () => {
  for (let run = 0; run < RUNS; run++) {
    const r = random(2000 + run);
    const backend = new MemoryBackend(sampleProject());
    const editor = new Editor(backend, 1_000_000);
    editor.setViewport(1280, 720);
    editor.load(await backend.openStartup());
    const views = [
      { x: -1e6, y: -1e6, width: 2e6, height: 2e6 },
      { x: 0, y: 0, width: 700, height: 500 },
      { x: 600, y: 300, width: 900, height: 400 },
    ];
    for (let i = 0; i < STEPS; i++) {
      step(editor, r);
      editor.editing = undefined;
      const doc = editor.doc;
      const placed = [...doc.touchpointsOf(editor.mapId), ...doc.notesOf(editor.mapId)];
      const links = placedConnectors(doc, editor.mapId);
      for (const view of views) {
        expect(editor.query(view), `step ${i}`).toEqual(placed.filter((p) => intersects(p, view)));
        expect(editor.queryConnectors(view), `step ${i}`).toEqual(links.filter((l) => intersects(l, view)));
      }
      expect(editor.contentBounds()).toEqual(union([editor.grid.bounds, ...placed]));
    }
  }
});
