// App benchmark: cold start (process start → first frame with the project drawn) and resident
// memory (the app plus its WebKit processes) with a generated project open, in the real window
// under Xvfb through tauri-driver. Usage: node bench/app.mjs [touchpoints=10000]
// `--baseline` measures benches/tauri-baseline instead: a Tauri window with one canvas and no
// Journeymap code, the floor the app's numbers stand on.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const baseline = process.argv.includes("--baseline");
const n = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 10000);
const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, ".cache/journeymap/target");
const profile = process.env.JOURNEYMAP_PROFILE ?? "debug";
const app = join(target, profile, baseline ? "tauri-baseline" : "journeymap-desktop");
const cli = join(target, "debug", "journeymap");
const work = mkdtempSync(join(tmpdir(), "jm-appbench-"));
const project = join(work, `g${n}.journey`);
if (!baseline) execFileSync(cli, ["generate", "--touchpoints", String(n), "-o", project]);
const args = baseline ? [] : [project];

const children = [];
const start = (cmd, args, env) => {
  const c = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: "ignore", detached: true });
  children.push(c);
  return c;
};
const cleanup = () =>
  children.splice(0).forEach((c) => {
    try {
      process.kill(-c.pid, "SIGKILL");
    } catch {}
  });
process.on("exit", cleanup);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const display = `:${80 + Math.floor(Math.random() * 9)}`;
start("Xvfb", [display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"]);
await sleep(800);
const env = { DISPLAY: display, WEBKIT_DISABLE_DMABUF_RENDERER: "1", XDG_CONFIG_HOME: join(work, "c"), XDG_DATA_HOME: join(work, "d") };
const port = 5000 + Math.floor(Math.random() * 500);
start("tauri-driver", ["--port", String(port), "--native-port", String(port + 1000)], env);
const base = `http://127.0.0.1:${port}`;
const wd = async (method, path, body) => {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body && JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(JSON.stringify(json.value).slice(0, 200));
  return json.value;
};
for (let i = 0; ; i++) {
  try {
    await fetch(`${base}/status`);
    break;
  } catch {
    if (i > 100) throw new Error("no tauri-driver");
    await sleep(100);
  }
}

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
  const session = await wd("POST", "/session", { capabilities: { alwaysMatch: { "tauri:options": { application: app, args } } } });
  const id = session.sessionId;
  let first;
  for (;;) {
    first = await wd("POST", `/session/${id}/execute/sync`, {
      script: "return window.journeymapFirstFrame === undefined ? null : [performance.timeOrigin, window.journeymapFirstFrame]",
      args: [],
    });
    if (first) break;
    await sleep(50);
  }
  const pid = Number(
    execFileSync("pgrep", ["-n", "-f", [app, ...args].join(" ")])
      .toString()
      .trim(),
  );
  const [btime] = readFileSync("/proc/stat", "utf8")
    .match(/btime (\d+)/)
    .slice(1)
    .map(Number);
  const startTicks = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[19]);
  const started = (btime + startTicks / 100) * 1000; // clock ticks are 1/100 s on Linux
  const coldStart = first[0] + first[1] - started;
  await sleep(1500);
  const procs = tree(pid);
  const rss = procs.reduce((s, p) => s + p.rss, 0) / 1024;
  const pss = procs.reduce((s, p) => s + p.pss, 0) / 1024;
  runs.push({
    run: run + 1,
    "cold start ms": Math.round(coldStart),
    "RSS sum MB": rss.toFixed(0),
    "PSS sum MB": pss.toFixed(0),
    processes: procs.map((p) => `${p.name} ${Math.round(p.rss / 1024)}/${Math.round(p.pss / 1024)}`).join(", "),
  });
  await wd("DELETE", `/session/${id}`);
  await sleep(500);
}
cleanup();
const what = baseline ? "Tauri baseline (one canvas, no Journeymap code)" : `${n} touchpoints`;
console.log(`${what} (${profile} build; process start measured to ±10 ms)`);
console.table(runs);
