// App benchmark: cold start (process start → first frame with the project drawn) and resident
// memory (the app plus its WebKit processes) with a generated project open, in the real window
// under Xvfb through tauri-driver. Usage: node bench/app.mjs [touchpoints=10000]
// `--baseline` measures benches/tauri-baseline instead: a Tauri window with one canvas and no
// Journeymap code, the floor the app's numbers stand on.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { realWindow, session, sleep, targetDir } from "./window.mjs";

const baseline = process.argv.includes("--baseline");
const n = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 10000);
const profile = process.env.JOURNEYMAP_PROFILE ?? "debug";
// JOURNEYMAP_APP measures another build of the app (an earlier commit's, for a before column).
const app = process.env.JOURNEYMAP_APP ?? join(targetDir, profile, baseline ? "tauri-baseline" : "journeymap-desktop");
const cli = join(targetDir, "debug", "journeymap");
const work = mkdtempSync(join(tmpdir(), "jm-appbench-"));
const project = join(work, `g${n}.journey`);
if (!baseline) execFileSync(cli, ["generate", "--touchpoints", String(n), "-o", project]);
const args = baseline ? [] : [project];
// The baseline is a bare Tauri window: it gets the renderer the app chooses on a machine without
// a GPU (src-tauri/src/rendering.rs), so that the floor is measured on the same path.
const { wd, close } = await realWindow(work, baseline ? { env: { WEBKIT_DISABLE_DMABUF_RENDERER: "1" } } : {});

/** Process tree of `pid` with each process's resident memory (kB). */
function tree(pid) {
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => {
      try {
        const status = readFileSync(`/proc/${d}/status`, "utf8");
        // PSS shares each shared page among the processes that map it, so summing it over the
        // app and its WebKit processes does not count the WebKit libraries three times; RSS does.
        let pss = 0;
        try {
          pss = Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${d}/smaps_rollup`, "utf8"))?.[1] ?? 0);
        } catch {
          /* gone */
        }
        return {
          pid: Number(d),
          ppid: Number(/PPid:\s+(\d+)/.exec(status)[1]),
          name: /Name:\s+(.*)/.exec(status)[1],
          rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
          pss,
        };
      } catch {
        return null;
      }
    })
    .filter(Boolean);
  const out = [];
  const walk = (p) => {
    for (const c of all.filter((x) => x.ppid === p)) {
      out.push(c);
      walk(c.pid);
    }
  };
  out.push(all.find((x) => x.pid === pid));
  walk(pid);
  return out.filter(Boolean);
}

const runs = [];
for (let run = 0; run < 3; run++) {
  const s = await session(wd, app, args);
  let first;
  for (;;) {
    first = await s.run("return window.journeymapFirstFrame === undefined ? null : [performance.timeOrigin, window.journeymapFirstFrame]");
    if (first) break;
    await sleep(50);
  }
  const pid = Number(
    execFileSync("pgrep", ["-n", "-f", [app, ...args].join(" ")])
      .toString()
      .trim(),
  );
  // When the machine booted, in wall-clock ms, from its uptime read now. Not /proc/stat's btime:
  // that is whole seconds, and the fraction it drops (0–999 ms, fixed until the next boot) was
  // counted into every cold start before 2026-12-02 (see docs/performance.md).
  const booted = Date.now() - Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]) * 1000;
  const startTicks = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[19]);
  const started = booted + startTicks * 10; // clock ticks are 1/100 s on Linux
  const coldStart = first[0] + first[1] - started;
  // Where the time went, from the page's navigation start (the app's own marks).
  const marks = baseline
    ? {}
    : Object.fromEntries(
        await s.run(
          "return performance.getEntriesByType('mark').filter((m) => m.name.startsWith('journeymap:')).map((m) => [m.name.slice(11), Math.round(m.startTime)])",
        ),
      );
  // The first frame's own drawing time (the rest of shown → drawn is the page's layout, the
  // canvas' measuring and waiting for the frame).
  const firstDraw = baseline ? undefined : Math.round(await s.run("return window.journeymapFirstDrawing ?? null"));
  await sleep(1500);
  const procs = tree(pid);
  const rss = procs.reduce((s, p) => s + p.rss, 0) / 1024;
  const pss = procs.reduce((s, p) => s + p.pss, 0) / 1024;
  // Then twenty edits, each saved on its own as a facilitator's are: what the app process holds
  // once it has written some (each autosave used to copy the whole project first).
  let edited;
  let editedProcs = [];
  let editShown;
  if (!baseline) {
    // Each edit is also timed from the change to the second frame after it: the map showing
    // the edit (the core's answer comes after, and is waited for before the next edit).
    const shown = [];
    for (let i = 0; i < 20; i++) {
      shown.push(
        await s.run(
          `return (async () => {
             const e = window.journeymap.editor; const all = e.doc.touchpointsOf(e.mapId); const t = all[${i} % all.length];
             const t0 = performance.now();
             e.keep({ put: [{ kind: "touchpoint", record: { ...t, title: t.title + " ·" } }], delete: [] });
             await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
             const ms = performance.now() - t0;
             await e.flush();
             return ms;
           })();`,
        ),
      );
    }
    shown.sort((a, b) => a - b);
    editShown = shown[shown.length >> 1];
    await sleep(1500);
    editedProcs = tree(pid);
    edited = editedProcs.reduce((s, p) => s + p.pss, 0) / 1024;
  }
  runs.push({
    run: run + 1,
    "cold start ms": Math.round(coldStart),
    "RSS sum MB": rss.toFixed(0),
    "PSS sum MB": pss.toFixed(0),
    ...(baseline
      ? {}
      : {
          "PSS after 20 edits": edited.toFixed(0),
          "app process after edits": Math.round((editedProcs[0]?.pss ?? 0) / 1024),
          "edit shown ms (median)": Math.round(editShown),
        }),
    "page at": Math.round(first[0] - started),
    ...(baseline
      ? {}
      : {
          "asked +": marks.asked,
          "script +": marks.script,
          "built +": marks.built,
          "prepared +": marks.prepared,
          "opened +": marks.opened,
          "loaded +": marks.loaded,
          "shown +": marks.shown,
          "drawn +": marks["first-frame"],
          "of which drawing": firstDraw,
        }),
    processes: procs.map((p) => `${p.name} ${Math.round(p.rss / 1024)}/${Math.round(p.pss / 1024)}`).join(", "),
    ...(baseline ? {} : { "PSS after edits": editedProcs.map((p) => `${p.name.slice(0, 10)} ${Math.round(p.pss / 1024)}`).join(", ") }),
  });
  await s.close();
  await sleep(500);
}
close();
const what = baseline ? "Tauri baseline (one canvas, no Journeymap code)" : `${n} touchpoints`;
console.log(
  `${what} (${profile} build; process start measured to ±10 ms; "page at": when the page began after the process; "+": ms after that)`,
);
console.table(runs);
