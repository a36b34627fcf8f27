// Where the page's JavaScript memory goes, measured in headless Chromium (V8's heap tools; WebKit
// has none a script can reach): the built UI opened on a generated project, then
// 1. the heap after collection by kind (the largest kinds of object and string first), and
// 2. what twenty edits allocate, by the function that allocates (garbage included), with each
//    edit's time from the change to the lists and indexes answering again.
// The test double behind the page holds its own copy of the project (about 10 MB at 10,000
// touchpoints with their feedback): compare runs, not absolute sizes.
// Usage: npm run bench:heap [-- touchpoints=10000]  (after vite build and cargo build)

import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, serve } from "../tests/browser/harness.mjs";
import { targetDir } from "./window.mjs";

const n = Number(process.argv[2] ?? 10000);
const cli = join(targetDir, "debug", "journeymap");
const file = join(mkdtempSync(join(tmpdir(), "jm-heap-")), `g${n}.journey`);
execFileSync(cli, ["generate", "--touchpoints", String(n), "-o", file]);
const seed = JSON.parse(execFileSync(cli, ["export-json", file, "-o", "-"], { maxBuffer: 1 << 30 }).toString()).project;
const { server, url } = await serve();
const browser = await launch();
const { page } = await openApp(browser, url, seed, { width: 1600, height: 1000 });
await page.waitForTimeout(1500);
// The seed the test double was started from; its working copy stays.
await page.evaluate(() => {
  delete window.__SEED__;
});
const cdp = await page.context().newCDPSession(page);
await cdp.send("HeapProfiler.enable");
await cdp.send("HeapProfiler.collectGarbage");

// 1. The heap by kind.
let chunks = [];
cdp.on("HeapProfiler.addHeapSnapshotChunk", (e) => chunks.push(e.chunk));
await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
const snap = JSON.parse(chunks.join(""));
chunks = [];
const fields = snap.snapshot.meta.node_fields;
const types = snap.snapshot.meta.node_types[0];
const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
const kinds = new Map();
let total = 0;
for (let i = 0; i < snap.nodes.length; i += fields.length) {
  const type = types[snap.nodes[i + typeAt]];
  const name = snap.strings[snap.nodes[i + nameAt]];
  const isString = type === "string" || type === "concatenated string" || type === "sliced string";
  const kind = isString
    ? `${type}${/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(name) ? " (an id)" : name.length > 40 ? " (over 40 characters)" : ""}`
    : type === "code"
      ? "(compiled code)"
      : `${type}: ${name.slice(0, 50)}`;
  const k = kinds.get(kind) ?? { bytes: 0, count: 0 };
  k.bytes += snap.nodes[i + sizeAt];
  k.count++;
  kinds.set(kind, k);
  total += snap.nodes[i + sizeAt];
}
console.log(`${n} touchpoints: JavaScript heap after collection ${(total / 1e6).toFixed(1)} MB`);
console.table(
  [...kinds]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, 12)
    .map(([kind, k]) => ({ kind, MB: (k.bytes / 1e6).toFixed(2), count: k.count })),
);

// 2. Twenty edits: what they allocate, and how long each takes to be answered for.
await cdp.send("HeapProfiler.startSampling", {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const times = await page.evaluate(async () => {
  const e = window.journeymap.editor;
  const corner = { x: 0, y: 0, width: 100, height: 100 };
  const out = [];
  for (let i = 0; i < 20; i++) {
    const t = e.doc.touchpointsOf(e.mapId)[i];
    const t0 = performance.now();
    e.keep({ put: [{ kind: "touchpoint", record: { ...t, title: `${t.title} ·`, x: t.x + 8 } }], delete: [] });
    e.query(corner);
    e.queryConnectors(corner);
    out.push(performance.now() - t0);
    await e.flush();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }
  return out.sort((a, b) => a - b);
});
const { profile } = await cdp.send("HeapProfiler.stopSampling");
const byFunction = new Map();
let allocated = 0;
const walk = (node) => {
  const f = node.callFrame;
  const where = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  allocated += node.selfSize;
  byFunction.set(where, (byFunction.get(where) ?? 0) + node.selfSize);
  for (const c of node.children) walk(c);
};
walk(profile.head);
console.log(
  `20 edits (a card moved and renamed, then drawn): ${(allocated / 1e6).toFixed(1)} MB allocated; ` +
    `to the lists answering again ${times[10].toFixed(1)} ms median, ${times[19].toFixed(1)} ms at most`,
);
console.table(
  [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([where, bytes]) => ({ "allocated in (minified bundle)": where, MB: (bytes / 1e6).toFixed(2) })),
);
await browser.close();
server.close();
