// Canvas benchmark: frame times for pan and zoom with 1,000 and 10,000 touchpoints (and as many
// connectors), the same gestures in two engines: headless Chromium (software rendering) with the
// built UI, and the real app window (WebKitGTK, the release build under Xvfb, driven through
// tauri-driver), which is what people on Linux run. Prints one table per engine; the target is
// 55 fps (frame p95 ≤ 20 ms) in both. "At rest" is a full drawing of the map (median of 15), what
// each edit and the end of each gesture cost.
// Usage: npm run bench [-- 1000 10000] [--chromium-only | --webkit-only]

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, serve, uiRoot } from "../tests/browser/harness.mjs";
import { realWindow, session, sleep, targetDir } from "./window.mjs";

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const engines = process.argv.includes("--webkit-only")
  ? ["webkit"]
  : process.argv.includes("--chromium-only")
    ? ["chromium"]
    : ["chromium", "webkit"];
const cli = join(targetDir, "debug", "journeymap");
// JOURNEYMAP_APP measures another build of the app (an earlier commit's, for a before column).
const desktop = process.env.JOURNEYMAP_APP ?? join(targetDir, process.env.JOURNEYMAP_PROFILE ?? "release", "journeymap-desktop");
const repo = join(uiRoot, "..");
try {
  execFileSync("cargo", ["build", "--quiet", "--bin", "journeymap"], { cwd: repo, stdio: "inherit" });
} catch {
  console.error("could not build the journeymap CLI (needed to generate projects)");
  process.exit(1);
}
if (engines.includes("webkit") && !existsSync(desktop)) {
  console.error(`no app at ${desktop}: cargo build --release -p journeymap-desktop (after vite build)`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "jm-bench-"));
function generate(n) {
  const file = join(work, `g${n}.journey`);
  if (!existsSync(file)) execFileSync(cli, ["generate", "--touchpoints", String(n), "-o", file]);
  return file;
}
function project(n) {
  return JSON.parse(execFileSync(cli, ["export-json", generate(n), "-o", "-"], { maxBuffer: 1 << 30 }).toString()).project;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const pct = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { avg: s.reduce((a, b) => a + b, 0) / s.length, p95: pct(0.95), max: s[s.length - 1] };
};

/** Runs `frames` animation frames that move the camera (pan or zoom around `zoom`, null = fit) and
 * returns the draw times and the intervals between frames. Runs inside the page, in either engine. */
async function gesture([zoom, kind, frames]) {
  const { editor, app } = window.journeymap;
  editor.zoomToFit();
  const z = zoom ?? editor.camera.zoom;
  const b = editor.contentBounds();
  editor.setCamera({ x: b.x + b.width / 3, y: b.y + b.height / 3, zoom: z });
  // Let the view settle (a crisp redraw after the last move) before measuring.
  await new Promise((r) => setTimeout(r, 400));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  // The drawing at rest (after a gesture settles, after every edit): the whole view drawn again.
  const full = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    app.canvas.redrawInFull();
    full.push(performance.now() - t);
    await new Promise((r) => requestAnimationFrame(r));
  }
  app.canvas.frameTimes.length = 0;
  const intervals = [];
  let last = performance.now();
  for (let i = 0; i < frames; i++) {
    const c = editor.camera;
    if (kind === "pan") editor.setCamera({ ...c, x: c.x + 12 / c.zoom, y: c.y + 4 / c.zoom });
    else editor.setCamera({ ...c, zoom: z * (1 + 0.5 * Math.sin(i / 12)) });
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    intervals.push(now - last);
    last = now;
  }
  await new Promise((r) => requestAnimationFrame(r));
  return { draws: [...app.canvas.frameTimes], intervals, full, width: app.canvas.canvas.width, height: app.canvas.canvas.height };
}

const VIEWS = [
  ["fit (overview)", null],
  ["100% (cards with text)", 1],
];

/** One table row per view and gesture, measured by `measure(zoom, kind, frames)`. Each gesture
 * runs once unmeasured first: the first pan or zoom after opening a project compiles the drawing
 * code and measured 4–6 ms a frame slower than every one after it, in both engines. */
async function measureAll(n, connectors, measure) {
  for (const [, zoom] of VIEWS) for (const kind of ["pan", "zoom"]) await measure(zoom, kind, 60);
  const rows = [];
  for (const [label, zoom] of VIEWS) {
    for (const kind of ["pan", "zoom"]) {
      const { draws, intervals, full, width, height } = await measure(zoom, kind, 120);
      const d = stats(draws),
        f = stats(intervals.slice(5));
      const rest = [...full].sort((a, b) => a - b)[Math.floor(full.length / 2)];
      rows.push({
        touchpoints: n,
        connectors,
        view: label,
        gesture: kind,
        canvas: `${width}×${height}`,
        "draw avg ms": d.avg.toFixed(2),
        "draw p95 ms": d.p95.toFixed(2),
        "frame avg ms": f.avg.toFixed(1),
        "frame p95 ms": f.p95.toFixed(1),
        fps: (1000 / f.avg).toFixed(0),
        "at rest ms": rest.toFixed(1),
      });
    }
  }
  return rows;
}

async function chromiumTable(ns) {
  const { server, url } = await serve();
  const browser = await launch();
  const rows = [];
  for (const n of ns) {
    const seed = project(n);
    const { page } = await openApp(browser, url, seed, { width: 1600, height: 1000 });
    rows.push(...(await measureAll(n, seed.connectors.length, (zoom, kind, frames) => page.evaluate(gesture, [zoom, kind, frames]))));
    await page.close();
  }
  await browser.close();
  server.close();
  return rows;
}

async function webkitTable(ns) {
  const { wd, close } = await realWindow(work);
  const rows = [];
  try {
    for (const n of ns) {
      const s = await session(wd, desktop, [generate(n)]);
      await wd("POST", `/session/${s.id}/window/rect`, { x: 0, y: 0, width: 1600, height: 1000 }).catch(() => {});
      for (let i = 0; !(await s.run("return !!(window.journeymap && window.journeymap.editor.path)")); i++) {
        if (i > 600) throw new Error("the project did not open");
        await sleep(100);
      }
      await sleep(1000);
      const connectors = await s.run("const j = window.journeymap; return j.editor.doc.connectorsOf(j.editor.mapId).length");
      rows.push(
        ...(await measureAll(n, connectors, (zoom, kind, frames) =>
          s.run(`return (${gesture.toString()})(arguments[0])`, [zoom, kind, frames]),
        )),
      );
      await s.close();
      await sleep(500);
    }
  } finally {
    close();
  }
  return rows;
}

const ns = sizes.length ? sizes : [1000, 10000];
let worst = Infinity;
for (const engine of engines) {
  const rows = engine === "chromium" ? await chromiumTable(ns) : await webkitTable(ns);
  console.log(
    engine === "chromium" ? "\nHeadless Chromium (software), the built UI" : "\nWebKitGTK, the real app window (release build, Xvfb)",
  );
  console.table(rows);
  worst = Math.min(worst, ...rows.map((r) => Number(r.fps)));
}
console.log(`worst case: ${worst} fps measured between animation frames (target ≥ 55; the display caps it at 60)`);
