// End-to-end test of the real desktop app: under Xvfb, tauri-driver + WebKitWebDriver drive the
// built binary. A facilitator opens the sample project, adds a touchpoint, marks it a moment of
// truth, quits, relaunches and finds it there; the file passes SQLite's integrity check.
// Plain WebDriver over HTTP, so it needs no extra npm packages. Run from ui/ (or anywhere).

import { spawn, execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, ".cache/journeymap/target");
const app = join(target, "debug", "journeymap-desktop");
const cli = join(target, "debug", "journeymap");
const out = join(repo, "tests", "e2e", "out");
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), "journeymap-e2e-"));
const project = join(work, "Workshop.journey");
copyFileSync(join(repo, "assets", "sample.journey"), project);

const children = [];
/** A screenshot of the whole X display, as a person would see it. */
function screenshot(name) {
  try {
    execFileSync("import", ["-window", "root", join(out, name)], { env: { ...process.env, DISPLAY: display } });
  } catch (e) {
    console.error(`screenshot ${name} failed: ${e.message}`);
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function start(cmd, args, env) {
  // Each helper gets its own process group, so cleanup also ends what it started
  // (tauri-driver starts WebKitWebDriver, which starts the app).
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], detached: true });
  child.stderr.on("data", (d) => process.env.E2E_VERBOSE && process.stderr.write(d));
  children.push(child);
  return child;
}
function cleanup() {
  for (const c of children.splice(0)) {
    try {
      process.kill(-c.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
process.on("exit", cleanup);

// A display: the caller's, or a private Xvfb.
let display = process.env.DISPLAY;
if (!display) {
  display = ":" + (90 + Math.floor(Math.random() * 9));
  start("Xvfb", [display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"]);
  await sleep(800);
}
const env = {
  DISPLAY: display,
  WEBKIT_DISABLE_DMABUF_RENDERER: "1",
  XDG_CONFIG_HOME: join(work, "config"),
  XDG_DATA_HOME: join(work, "data"),
  // Each test starts its own app; no session bus, so an app still closing from the test before
  // cannot take the next one's file as a second start (the single-instance handoff is tested by
  // scripts/package-test.sh on the installed app).
  DBUS_SESSION_BUS_ADDRESS: "disabled:",
};
const port = 4444 + Math.floor(Math.random() * 500);
start("tauri-driver", ["--port", String(port), "--native-port", String(port + 1000)], env);

const base = `http://127.0.0.1:${port}`;
// Sessions a test opened and did not close: a failing test must not leave its app running, or
// tauri-driver refuses every later test ("Maximum number of active sessions").
const open = new Set();
async function wd(method, path, body) {
  if (process.env.E2E_VERBOSE) console.error(`-> ${method} ${path} ${body ? JSON.stringify(body).slice(0, 120) : ""}`);
  const res = await fetch(base + path, { method, headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(60_000) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value).slice(0, 300)}`);
  if (method === "DELETE" && /^\/session\/[^/]+$/.test(path)) open.delete(path.slice("/session/".length));
  return json.value;
}
for (let i = 0; ; i++) {
  try {
    await fetch(base + "/status");
    break;
  } catch {
    if (i > 100) throw new Error("tauri-driver did not start");
    await sleep(100);
  }
}

async function launchApp(file = project) {
  const session = await wd("POST", "/session", { capabilities: { alwaysMatch: { "tauri:options": { application: app, args: [file] } } } });
  const id = session.sessionId;
  open.add(id);
  const run = (script, ...args) => wd("POST", `/session/${id}/execute/sync`, { script, args });
  const find = async (css) => {
    const found = await wd("POST", `/session/${id}/element`, { using: "css selector", value: css });
    const ref = Object.values(found ?? {})[0];
    if (!ref) throw new Error(`no element ${css}: ${JSON.stringify(found)}`);
    return ref;
  };
  const waitFor = async (script, what, timeout = 20000) => {
    const until = Date.now() + timeout;
    for (;;) {
      if (await run(script).catch(() => false)) return;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(200);
    }
  };
  await waitFor("return !!(window.journeymap && window.journeymap.editor.path)", "the project to open");
  return { id, run, find, waitFor };
}

/** Clicks the element matching `css`; when a view redrew between finding and clicking it (a
 * "stale element"), finds it again, as a person's next click would. */
async function clickWhenSettled(s, css) {
  for (let i = 0; ; i++) {
    try {
      // WebKitWebDriver does not scroll an element in a scrolled panel into view for a click.
      await s.run(`document.querySelector(${JSON.stringify(css)})?.scrollIntoView({ block: "center", inline: "center" })`);
      return await wd("POST", `/session/${s.id}/element/${await s.find(css)}/click`, {});
    } catch (e) {
      if (i >= 4 || !String(e.message).includes("stale element")) throw e;
      await sleep(200);
    }
  }
}

let passed = 0, failed = 0;
async function test(name, body) {
  // ONLY=words runs the tests whose names contain them.
  if (process.env.ONLY && !name.includes(process.env.ONLY)) return;
  try {
    await body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${e.message}`);
  } finally {
    for (const id of open) await wd("DELETE", `/session/${id}`).catch(() => {});
    open.clear();
  }
}

const TITLE = "Kiosk helper — Zoë's idea";
await test("add a touchpoint and a moment of truth, quit, relaunch, find it", async () => {
  let s = await launchApp();
  // On a 1280 × 800 laptop screen the 1440 × 900 window is shrunk to fit, panel and status bar
  // in view.
  const fits = await s.run("return [window.outerWidth, window.outerHeight, screen.availWidth, screen.availHeight]");
  if (fits[0] > fits[2] || fits[1] > fits[3]) throw new Error(`the window (${fits[0]}×${fits[1]}) is larger than the screen (${fits[2]}×${fits[3]})`);
  const opened = await s.run("return window.journeymap.editor.path");
  if (opened !== project) throw new Error(`opened ${opened}, expected ${project}`);
  const cards = await s.run("const e = window.journeymap.editor; return e.doc.touchpointsOf(e.mapId).length");
  if (cards !== 36) throw new Error(`the sample map shows ${cards} touchpoints`);

  await wd("POST", `/session/${s.id}/element/${await s.find("button[data-action=addTouchpoint]")}/click`, {});
  const box = await s.find("textarea.inline-editor");
  // Ctrl+A replaces the placeholder title, Enter commits (clearing would blur the box).
  await wd("POST", `/session/${s.id}/element/${box}/value`, { text: `\uE009a\uE009${TITLE}\uE007` });
  await s.waitFor(`const e = window.journeymap.editor; return e.doc.touchpointsOf(e.mapId).some(t => t.title === ${JSON.stringify(TITLE)})`, "the new card");
  const canvas = await s.find("canvas.map-canvas");
  await wd("POST", `/session/${s.id}/element/${canvas}/value`, { text: "m" });
  await s.waitFor(`const e = window.journeymap.editor; return e.selectedTouchpoints().some(t => t.momentOfTruth)`, "the moment-of-truth mark");
  await s.waitFor(`return document.querySelector("[data-save-state=saved]") !== null`, "autosave");
  screenshot("app.png");
  // A resize is remembered even though WebDriver ends the app with a kill, not a clean quit.
  await wd("POST", `/session/${s.id}/window/rect`, { width: 1200, height: 760 });
  await sleep(1200);
  await wd("DELETE", `/session/${s.id}`);
  // Opening the project took a rolling backup in the app's data folder.
  const backups = join(env.XDG_DATA_HOME, "app.journeymap.desktop", "backups");
  const copies = readdirSync(backups).flatMap((d) => readdirSync(join(backups, d)));
  if (!copies.some((f) => f.endsWith(".journey"))) throw new Error(`no backup in ${backups}`);
  const state = JSON.parse(readFileSync(join(env.XDG_CONFIG_HOME, "app.journeymap.desktop", ".window-state.json"), "utf8"));
  const saved = Object.values(state)[0];
  if (!saved || saved.width !== 1200) throw new Error(`window state: ${JSON.stringify(state)}`);
  await sleep(500);

  s = await launchApp();
  const found = await s.run(`const e = window.journeymap.editor; const t = [...e.doc.tables.touchpoint.values()].find(t => t.title === ${JSON.stringify(TITLE)}); return t ? t.momentOfTruth : null`);
  if (found !== true) throw new Error(`after relaunch the card is ${found === null ? "missing" : "not a moment of truth"}`);
  await wd("DELETE", `/session/${s.id}`);
  await sleep(300);
});

await test("redesigns: the board shows the core's forecasts; starting a phase is saved", async () => {
  const s = await launchApp();
  const click = (css) => clickWhenSettled(s, css);
  await click("button[data-view=redesigns]");
  await s.waitFor(`return document.querySelectorAll(".redesign-card").length === 6`, "six redesign cards");
  const late = await s.run(`return [...document.querySelectorAll(".redesign-card.late strong")].map(e => e.textContent)`);
  if (!late.includes("Three bag-drop lanes at peak")) throw new Error(`late cards: ${JSON.stringify(late)}`);
  await click(`.redesign-card[data-redesign="${await s.run(`return [...window.journeymap.editor.doc.tables.redesign.values()].find(r => r.title.startsWith("Gate changes")).id`)}"]`);
  await click(".redesign-details button[data-phase='0'][data-to='inProgress']");
  await s.waitFor(`return [...window.journeymap.editor.doc.tables.redesign.values()].find(r => r.title.startsWith("Gate changes")).phases[0].status === "inProgress"`, "phase 1 to start");
  await s.waitFor(`return document.querySelector("[data-save-state=saved]") !== null`, "autosave");
  screenshot("redesigns.png");
  await click("button[role=tab]:nth-child(2)");
  await s.waitFor(`return document.querySelector(".timeline svg line.today") !== null`, "the timeline");
  screenshot("timeline.png");
  // The real export command, as the Export PDF dialog calls it after the native save dialog.
  const pdf = join(work, "Workshop report.pdf");
  const size = await wd("POST", `/session/${s.id}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];
      window.__TAURI_INTERNALS__.invoke("export_report", { path: arguments[0], request: { paper: "a4", sections: ["cover", "map", "moments", "touchpoints", "redesigns"], today: "2026-11-23", author: "Journeymap" } })
        .then(done, (e) => done("error: " + JSON.stringify(e)));`,
    args: [pdf],
  });
  if (typeof size !== "number") throw new Error(`export_report: ${size}`);
  const info = execFileSync("pdfinfo", [pdf]).toString();
  if (!/Pages:\s+1\d/.test(info)) throw new Error(`unexpected report: ${info}`);
  // The proposal to corporate: write a field, record corporate's answer, export the PDF.
  await click("button[role=tab]:nth-child(1)");
  const infant = await s.run(`return [...window.journeymap.editor.doc.tables.redesign.values()].find(r => r.title.startsWith("Online check-in")).id`);
  await click(`.redesign-card[data-redesign="${infant}"]`);
  await s.waitFor(`return !!document.querySelector("textarea[name=proposal-problem]")`, "the proposal form");
  await s.run(`const a = document.querySelector("textarea[name=proposal-problem]"); a.value = "E2E: families queue at the counter."; a.dispatchEvent(new Event("input")); a.dispatchEvent(new Event("change"));`);
  await s.run(`const d = document.querySelector("select[name=decision]"); d.value = "changes"; d.dispatchEvent(new Event("change")); document.querySelector("input[name=responseBy]").value = "E2E COO";`);
  screenshot("proposal.png");
  await click("button[name=recordResponse]");
  await s.waitFor(`const r = window.journeymap.editor.doc.get("redesign", ${JSON.stringify(infant)}); return r.responses.length === 1 && r.phases[3].status === "done"`, "corporate's answer");
  // The answer is in the file before the proposal is exported from it (the status bar may still
  // show the save before it for a frame on a busy machine).
  await wd("POST", `/session/${s.id}/execute/async`, {
    script: "const done = arguments[arguments.length - 1]; window.journeymap.editor.flush().then(() => done(window.journeymap.editor.saveState));",
    args: [],
  });
  const proposal = join(work, "Proposal.pdf");
  const written = await wd("POST", `/session/${s.id}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];
      window.__TAURI_INTERNALS__.invoke("export_proposal", { path: arguments[0], redesignId: arguments[1], request: { paper: "a4", sections: [], today: "2026-11-23", author: "E2E Manager" } })
        .then(done, (e) => done("error: " + JSON.stringify(e)));`,
    args: [proposal, infant],
  });
  if (typeof written !== "number") throw new Error(`export_proposal: ${written}`);
  const text = execFileSync("pdftotext", [proposal, "-"]).toString();
  for (const want of ["E2E: families queue at the counter.", "Corporate's decision", "by E2E Manager on", "approved with changes on", "by E2E COO"])
    if (!text.includes(want)) throw new Error(`the proposal lacks ${JSON.stringify(want)}`);
  await wd("DELETE", `/session/${s.id}`);
  await sleep(300);
  const status = JSON.parse(execFileSync(cli, ["tracker", "status", project, "--json"]).toString());
  const gate = status.redesigns.find((r) => r.title.startsWith("Gate changes"));
  if (gate.phase !== "Brainstorm" || gate.phaseStatus !== "inProgress") throw new Error(`CLI sees ${JSON.stringify(gate)}`);
  const answered = status.redesigns.find((r) => r.id === infant);
  if (answered.corporate !== "changes" || answered.phase !== "Put into motion") throw new Error(`CLI sees ${JSON.stringify(answered)}`);
});

await test("dashboard: the core's figures, a pillar scored, feedback CSV read and tables exported by the real commands", async () => {
  const s = await launchApp();
  const click = (css) => clickWhenSettled(s, css);
  await click("button[data-view=dashboard]");
  await s.waitFor(`return document.querySelectorAll(".dashboard canvas[data-chart]").length === 5`, "five charts");
  const today = await s.run(`return document.querySelector("input[name=dashboardToday]").value`);
  const cliFigures = JSON.parse(execFileSync(cli, ["dashboard", project, "--today", today, "--json"]).toString());
  const tiles = await s.run(`return Object.fromEntries([...document.querySelectorAll(".tile")].map(t => [t.dataset.tile, t.querySelector("strong").textContent]))`);
  if (tiles.met !== String(cliFigures.kpiCounts.met) || tiles.missed !== String(cliFigures.kpiCounts.missed)) throw new Error(`tiles ${JSON.stringify(tiles)} vs CLI ${JSON.stringify(cliFigures.kpiCounts)}`);
  screenshot("dashboard.png");
  // Feedback is left out when the project opens, and fetched for the Feedback tab's list.
  if (await s.run("return window.journeymap.editor.doc.feedbackLoaded")) throw new Error("the feedback came with the project");
  await click("button[data-tab=feedback]");
  await s.waitFor(`return document.querySelectorAll("table[name=feedback] tbody tr").length > 0`, "the feedback list");
  const listed = await s.run(`return document.querySelectorAll("table[name=feedback] tbody tr").length`);
  const shownMap = await s.run("return window.journeymap.editor.mapId");
  execFileSync(cli, ["export-json", project, "-o", join(work, "feedback-count.json")], { stdio: "pipe" });
  const inFile = JSON.parse(readFileSync(join(work, "feedback-count.json"), "utf8")).project.feedback.filter((f) => f.mapId === shownMap).length;
  if (listed !== inFile) throw new Error(`the list shows ${listed} items, the file holds ${inFile} for the map`);
  await click("button[data-tab=pillars]");
  await s.waitFor(`return !!document.querySelector("select[name=score-investments]")`, "the pillar scores");
  await s.run(`const sel = document.querySelector("select[name=score-investments]"); sel.value = "5"; sel.dispatchEvent(new Event("change"));`);
  await s.waitFor(`return document.querySelector("[data-save-state=saved]") !== null && window.journeymap.editor.doc.pillars.find(p => p.pillar === "investments").score === 5`, "the score to save");
  // The real CSV commands, as the import dialog and File → Export CSV call them.
  const csv = join(repo, "ui", "tests", "fixtures", "feedback.csv");
  const invoke = (command, args) => wd("POST", `/session/${s.id}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];
      window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(done, (e) => done({ error: e }));`,
    args: [command, args],
  });
  const mapId = await s.run("return window.journeymap.editor.mapId");
  const preview = await invoke("preview_feedback_csv", { path: csv, mapId, mapping: null });
  if (preview.error || preview.totalRows !== 5 || preview.errorCount !== 0) throw new Error(`preview: ${JSON.stringify(preview).slice(0, 300)}`);
  const items = await invoke("read_feedback_csv", { path: csv, mapping: preview.mapping });
  if (!Array.isArray(items) || items.length !== 5) throw new Error(`read: ${JSON.stringify(items).slice(0, 300)}`);
  const bad = await invoke("read_feedback_csv", { path: join(repo, "tests", "fixtures", "schema-v1.json"), mapping: preview.mapping });
  if (bad.error?.code !== "invalid-import") throw new Error(`a JSON file read as CSV: ${JSON.stringify(bad).slice(0, 300)}`);
  const out = join(work, "feedback.csv");
  const size = await invoke("export_csv", { table: "feedback", path: out });
  if (typeof size !== "number" || !readFileSync(out, "utf8").includes("Online check-in kept timing out")) throw new Error(`export_csv: ${JSON.stringify(size)}`);
  await wd("DELETE", `/session/${s.id}`);
  await sleep(300);
  const after = JSON.parse(execFileSync(cli, ["dashboard", project, "--today", today, "--json"]).toString());
  if (after.pillars.find((p) => p.pillar === "investments").score !== 5) throw new Error("the CLI does not see the pillar score");
  // Quit on the dashboard: the project reopens there. Back to the map, where the next tests start.
  const again = await launchApp();
  await again.waitFor(`return window.journeymap.app.view === "dashboard"`, "the project reopened on the dashboard");
  await clickWhenSettled(again, "button[data-view=map]");
  await again.waitFor(`return window.journeymap.app.view === "map"`, "the map view");
  await sleep(300);
  await wd("DELETE", `/session/${again.id}`);
  await sleep(300);
});

await test("interchange: the real commands write a PNG of the current view, an SVG, a web page and CJML, and read CJML back", async () => {
  const s = await launchApp();
  const invoke = (command, args) => wd("POST", `/session/${s.id}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];
      window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(done, (e) => done({ error: e }));`,
    args: [command, args],
  });
  const mapId = await s.run("return window.journeymap.editor.mapId");
  const png = join(work, "view.png");
  const bytes = await invoke("export_map_picture", { path: png, mapId, scale: 2, viewport: { x: 0, y: 0, width: 640, height: 360 } });
  if (typeof bytes !== "number") throw new Error(`export_map_picture: ${JSON.stringify(bytes)}`);
  const size = execFileSync("file", [png]).toString();
  if (!size.includes("1280 x 720")) throw new Error(`PNG: ${size}`);
  const svg = join(work, "map.svg");
  await invoke("export_map_picture", { path: svg, mapId, scale: null, viewport: null });
  if (!readFileSync(svg, "utf8").includes("Online check-in")) throw new Error("the SVG lacks a title");
  const html = join(work, "project.html");
  await invoke("export_html", { path: html, today: "2026-11-22" });
  if (!readFileSync(html, "utf8").startsWith("<!DOCTYPE html>")) throw new Error("no web page");
  const cjml = join(work, "journeys.xml");
  const left = await invoke("export_cjml", { path: cjml });
  if (!Array.isArray(left) || !left.some((l) => l.includes("emotion"))) throw new Error(`export_cjml: ${JSON.stringify(left)}`);
  const read = await invoke("read_cjml", { path: cjml });
  if (read.error || read.maps !== 2) throw new Error(`read_cjml: ${JSON.stringify(read).slice(0, 300)}`);
  // Help → About says what `journeymap --version` says: one version, from Cargo.
  const about = await invoke("about", {});
  const version = execFileSync(cli, ["--version"]).toString().trim();
  if (version !== `journeymap ${about.version} (file format ${about.fileFormat})`) throw new Error(`About ${JSON.stringify(about)} vs ${version}`);
  await sleep(300);
});

await test("from a template: the picker draws the core's templates; a map saved as one is offered to the app and the CLI", async () => {
  const s = await launchApp();
  const invoke = (cmd, args) =>
    wd("POST", `/session/${s.id}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then((r) => done(r), (e) => done({ error: e }));`,
      args: [cmd, args],
    });
  // File → New Project… (Ctrl+N on the map): the picker, its thumbnails drawn by the core.
  await wd("POST", `/session/${s.id}/element/${await s.find("canvas.map-canvas")}/value`, { text: "\uE009n\uE009" });
  await s.waitFor(`return document.querySelectorAll(".template-tile").length >= 7`, "the template picker");
  await s.waitFor(
    `return [...document.querySelectorAll(".template-thumb")].every((i) => i.complete && i.naturalWidth > 0)`,
    "every thumbnail drawn",
  );
  screenshot("template-picker.png");
  await s.run(`document.querySelector(".backdrop").dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }))`);
  // What Create does after the save dialog: the real create_from_template command.
  const trip = join(work, "Spring trip.journey");
  const created = await wd("POST", `/session/${s.id}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];
      window.__TAURI_INTERNALS__.invoke("create_from_template", { path: arguments[0], name: "Spring trip", template: "airline-trip" })
        .then((o) => { window.journeymap.editor.load(o); window.journeymap.app.onOpened(); done(o.path); }, (e) => done("error: " + JSON.stringify(e)));`,
    args: [trip],
  });
  if (created !== trip) throw new Error(`create_from_template: ${created}`);
  const shown = await s.run(`const e = window.journeymap.editor; return [e.doc.get("map", e.mapId).name, e.doc.touchpointsOf(e.mapId).length]`);
  if (shown[0] !== "Airline trip" || shown[1] < 6) throw new Error(`the template's map: ${JSON.stringify(shown)}`);
  await sleep(400);
  screenshot("from-template.png");
  // A persona of its own and a line for them on the map, one card felt differently.
  await clickWhenSettled(s, "button[data-view=personas]");
  await clickWhenSettled(s, "button[name=addPersona]");
  await s.waitFor(`return !!document.querySelector(".persona-card input[name=name]")`, "the new persona's card");
  await s.run(`const i = document.querySelector(".persona-card input[name=name]"); i.value = "Sam, flying for the first time"; i.dispatchEvent(new Event("input")); i.dispatchEvent(new Event("change"));`);
  await clickWhenSettled(s, "button[data-view=map]");
  await s.run("window.journeymap.editor.clearSelection()");
  await s.waitFor(`return !!document.querySelector("select[name=addPersonaLine] option[value]:not([value=''])")`, "the persona line picker");
  await s.run(`const sel = document.querySelector("select[name=addPersonaLine]"); sel.value = sel.options[1].value; sel.dispatchEvent(new Event("change"));`);
  await s.run(`const e = window.journeymap.editor; const t = e.doc.touchpointsOf(e.mapId).find((t) => t.momentOfTruth); e.select([t.id]);`);
  await s.waitFor(`return !!document.querySelector("input[name^=feeling-]")`, "the persona's slider");
  await s.run(`const r = document.querySelector("input[name^=feeling-]"); r.value = "-3"; r.dispatchEvent(new Event("input")); r.dispatchEvent(new Event("change"));`);
  await sleep(400);
  screenshot("persona-line.png");
  // An opportunity on the new map: added in the Opportunities view, linked to the template's
  // moment of truth, and a redesign started from it.
  await clickWhenSettled(s, "button[data-view=opportunities]");
  await clickWhenSettled(s, "button[name=addOpportunity]");
  await s.waitFor(`return !!document.querySelector("input[name=opportunityTitle]")`, "the opportunity editor");
  await s.run(`const i = document.querySelector("input[name=opportunityTitle]"); i.value = "Bag drop at self-service kiosks"; i.dispatchEvent(new Event("change"));`);
  await s.run(`const e = window.journeymap.editor; const t = e.doc.touchpointsOf(e.mapId).find((t) => t.momentOfTruth);
    const sel = document.querySelector("select[name=addTouchpoint]"); sel.value = t.id; sel.dispatchEvent(new Event("change"));`);
  await s.waitFor(`return !document.querySelector("button[name=startRedesignFromOpportunity]").disabled`, "Start redesign enabled");
  await sleep(300);
  screenshot("opportunity.png");
  await clickWhenSettled(s, "button[name=startRedesignFromOpportunity]");
  await s.waitFor(`return window.journeymap.app.view === "redesigns"`, "the redesign view");
  await s.waitFor(`return document.querySelector("[data-save-state=saved]") !== null`, "autosave");
  await sleep(300);
  screenshot("redesign-from-opportunity.png");
  const json = JSON.parse(execFileSync(cli, ["export-json", trip, "-o", "-"]).toString());
  const o = json.project.opportunities.find((x) => x.title === "Bag drop at self-service kiosks");
  const r = o && json.project.redesigns.find((x) => x.id === o.redesignId);
  if (!r || r.title !== o.title || r.touchpointId !== o.touchpointIds[0] || r.phases.length !== 5)
    throw new Error(`the file does not hold the opportunity and its redesign: ${JSON.stringify(o)}`);
  const sam = json.project.personas.find((p) => p.name === "Sam, flying for the first time");
  const map = json.project.maps[0];
  if (!sam || !map.otherPersonas.includes(sam.id)) throw new Error("the file does not hold the persona line");
  if (!json.project.touchpoints.some((t) => t.feelings.some((f) => f.personaId === sam.id && f.emotion === -3)))
    throw new Error("the file does not hold how the card feels to the persona");
  // Map → Save Map as Template…, then offered by the app and by `journeymap templates`.
  const mapId = await s.run("return window.journeymap.editor.mapId");
  const entry = await invoke("save_map_as_template", { mapId, name: "Our airline", withCards: true, replace: false });
  if (entry.key !== "our-airline" || entry.origin !== "yours") throw new Error(`save_map_as_template: ${JSON.stringify(entry)}`);
  const again = await invoke("save_map_as_template", { mapId, name: "Our airline", withCards: false, replace: false });
  if (again.error?.code !== "file-exists") throw new Error(`a second save must ask first: ${JSON.stringify(again)}`);
  const listed = await invoke("list_templates", {});
  if (!listed.templates.some((t) => t.key === "our-airline")) throw new Error("the app does not list the saved template");
  const cliList = execFileSync(cli, ["templates"], { env: { ...process.env, ...env, JOURNEYMAP_TEMPLATES: "" } }).toString();
  if (!cliList.includes("our-airline")) throw new Error(`journeymap templates does not list it:\n${cliList}`);
  const mode = statSync(join(env.XDG_DATA_HOME, "app.journeymap.desktop", "templates", "our-airline.journey")).mode & 0o777;
  if (mode !== 0o644) throw new Error(`the template file has mode ${mode.toString(8)}`);
  await wd("DELETE", `/session/${s.id}`);
  await sleep(500);
});

await test("from nothing: new project, stages, lanes, cards, notes, moment of truth, connector, curve; quit, relaunch, all there", async () => {
  const fresh = join(work, "Hotel stay.journey");
  let s = await launchApp();
  const keys = async (text) => wd("POST", `/session/${s.id}/element/${await s.find("canvas.map-canvas")}/value`, { text });
  const type = async (text) => wd("POST", `/session/${s.id}/element/${await s.find("textarea.inline-editor")}/value`, { text: `\uE009a\uE009${text}\uE007` });
  // File → New after its two dialogs (name, then where): the real create_project command.
  const created = await wd("POST", `/session/${s.id}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];
      window.__TAURI_INTERNALS__.invoke("create_project", { path: arguments[0], name: "Hotel stay" })
        .then((o) => { window.journeymap.editor.load(o); window.journeymap.app.onOpened(); done(o.path); }, (e) => done("error: " + JSON.stringify(e)));`,
    args: [fresh],
  });
  if (created !== fresh) throw new Error(`create_project: ${created}`);
  const lanes = await s.run("const e = window.journeymap.editor; return e.grid.rows.length");
  if (lanes < 6) throw new Error(`a new project has ${lanes} lanes`);
  const enabled = await s.run(`return !document.querySelector("button[data-action=addTouchpoint]").disabled`);
  if (!enabled) throw new Error("Add touchpoint is disabled on a new project");
  const zoom = await s.run("return window.journeymap.editor.camera.zoom");
  if (zoom > 1.5) throw new Error(`the new map is not fitted (zoom ${zoom})`);
  screenshot("new-project.png");
  // A stage (Shift+S) and a lane (Shift+L), named as they are added.
  await keys("\uE008s\uE000");
  await type("Check-in");
  await keys("\uE008l\uE000");
  await type("Housekeeping");
  // Three cards with T: none on top of another.
  for (const title of ["Booking confirmation email", "Key card at the desk", "Room ready on time"]) {
    await keys("t");
    await type(title);
  }
  await keys("m");
  // A note with N, beside the selected card: in the pain points.
  await keys("n");
  await type("Queue at the desk at 3 pm");
  // Connect the first two cards (C), and make the last one feel bad on the curve.
  await s.run(`const e = window.journeymap.editor; const ts = e.doc.touchpointsOf(e.mapId); e.select([ts.find(t => t.title.startsWith("Booking")).id, ts.find(t => t.title.startsWith("Key card")).id]);`);
  await keys("c");
  await s.run(`const e = window.journeymap.editor; const t = e.doc.touchpointsOf(e.mapId).find(t => t.title.startsWith("Room")); e.select([t.id]);`);
  // The panel's emotion slider for the selected card (the curve's point moves with it).
  await s.waitFor(`return !!document.querySelector("input[name=emotion]")`, "the panel's emotion slider");
  await s.run(`const r = document.querySelector("input[name=emotion]"); r.value = "-2"; r.dispatchEvent(new Event("input")); r.dispatchEvent(new Event("change"));`);
  await s.waitFor(`return document.querySelector("[data-save-state=saved]") !== null`, "autosave");
  const overlapping = await s.run(`const e = window.journeymap.editor; const ts = e.doc.touchpointsOf(e.mapId); return ts.some((a, i) => ts.some((b, j) => j > i && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height))`);
  if (overlapping) throw new Error("new cards overlap");
  screenshot("from-nothing.png");
  await wd("DELETE", `/session/${s.id}`);
  await sleep(500);

  s = await launchApp(fresh);
  const seen = await s.run(`const e = window.journeymap.editor; const ts = e.doc.touchpointsOf(e.mapId); const ns = e.doc.notesOf(e.mapId);
    return { stages: e.doc.stagesOf(e.mapId).map(x => x.name), lanes: e.doc.lanesOf(e.mapId).map(x => x.name), cards: ts.map(t => [t.title, t.momentOfTruth, t.emotion]), notes: ns.map(n => [n.text, e.doc.get("lane", n.laneId)?.kind]), links: e.doc.connectorsOf(e.mapId).length }`);
  const want = (ok, what) => { if (!ok) throw new Error(`after relaunch: ${what} — ${JSON.stringify(seen)}`); };
  want(seen.stages.includes("Check-in"), "the stage");
  want(seen.lanes.includes("Housekeeping"), "the lane");
  want(seen.cards.length === 3 && seen.cards.some(([t, mot]) => t === "Room ready on time" && mot), "three cards and the moment of truth");
  want(seen.cards.some(([t, , emotion]) => t === "Room ready on time" && emotion === -2), "the curve point");
  want(seen.notes.some(([text, kind]) => text === "Queue at the desk at 3 pm" && kind === "painPoints"), "the note in the pain points");
  want(seen.links === 1, "the connector");
  await wd("DELETE", `/session/${s.id}`);
  await sleep(300);
  const check = execFileSync("sqlite3", [fresh, "PRAGMA integrity_check"]).toString().trim();
  if (check !== "ok") throw new Error(`integrity_check: ${check}`);
});

/** Opens the live room with Shift+F5 on the map, as a facilitator does; returns its code and
 * join address from the room panel. */
async function openRoom(s) {
  const canvas = await s.find("canvas.map-canvas");
  await wd("POST", `/session/${s.id}/element/${canvas}/click`, {});
  await wd("POST", `/session/${s.id}/element/${canvas}/value`, { text: "\uE008\uE035\uE000" });
  await s.waitFor(`return !!document.querySelector(".room-panel:not([hidden]) .room-code")?.textContent`, "the room panel");
  return s.run(`return [document.querySelector(".room-code").textContent, document.querySelector(".room-url").textContent]`);
}

await test("live room: Shift+F5 opens it, a participant's note appears on the canvas and in the file", async () => {
  const s = await launchApp();
  const [code, url] = await openRoom(s);
  const qr = await s.run(`return document.querySelectorAll(".room-qr svg").length`);
  if (!/^[A-HJ-NP-Z2-9]{6}$/.test(code) || qr !== 1) throw new Error(`room panel shows code ${code}, ${qr} QR codes`);
  screenshot("room.png");
  // Workshop mode puts how to join on the projector.
  await s.run("window.journeymap.app.setWorkshop(true)");
  await s.waitFor(`return document.querySelector(".workshop-bar .workshop-join strong")?.textContent === ${JSON.stringify(code)}`, "the room's code in workshop mode");
  await sleep(500);
  screenshot("room-workshop.png");
  await s.run("window.journeymap.app.setWorkshop(false)");
  // A participant on the same machine (the room listens on every interface).
  const base = `http://127.0.0.1:${new URL(url).port}`;
  const post = (path, body, token) =>
    fetch(base + path, { method: "POST", headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify(body) });
  const { token } = await (await post("/api/join", { code, name: "E2E Ana" })).json();
  const room = await (await fetch(base + "/api/room", { headers: { authorization: `Bearer ${token}` } })).json();
  const id = "9e0c2d1e-8a34-4b6f-9c1d-2e3f4a5b6c7d";
  const sent = await post("/api/notes", { id, stageId: room.map.stages[0].id, kind: "idea", text: "Print the boarding pass at home" }, token);
  if (sent.status !== 201) throw new Error(`note: ${sent.status} ${await sent.text()}`);
  await s.waitFor(`return window.journeymap.editor.doc.get("note", "${id}")?.author === "E2E Ana"`, "the note on the host's canvas, with its author");
  await s.waitFor(`return window.journeymap.editor.history.undoLabel === "Note from E2E Ana"`, "an undo step for it");
  // The facilitator's own edits reach the room too: undoing the note moves the room's version on
  // (open pages fetch the map again) and the panel counts it no more; redo brings it back.
  const roomNow = async () => (await fetch(base + "/api/room", { headers: { authorization: `Bearer ${token}` } })).json();
  const before = (await roomNow()).version;
  await s.run("window.journeymap.editor.undo(); return null");
  await s.waitFor(`return !window.journeymap.editor.doc.get("note", "${id}")`, "the note undone on the host");
  for (let i = 0; ; i++) {
    const now = await roomNow();
    if (now.version > before && !now.map.notes.some((n) => n.id === id)) break;
    if (i > 50) throw new Error("the room did not hear of the host's undo");
    await sleep(100);
  }
  await s.waitFor(`return document.querySelector(".room-panel").textContent.includes("0 notes")`, "the panel's count after the undo");
  await s.run("window.journeymap.editor.redo(); return null");
  await s.waitFor(`return window.journeymap.editor.doc.get("note", "${id}")?.author === "E2E Ana"`, "the note back after redo");
  screenshot("room-note.png");
  // The room rates the stages: the room's curve and spread appear on the host's canvas.
  await wd("POST", `/session/${s.id}/element/${await s.find(".room-phases button[data-phase=rate]")}/click`, {});
  await s.waitFor(`return document.querySelector(".room-phases button[data-phase=rate]").getAttribute("aria-pressed") === "true"`, "the rate phase");
  for (const [i, value] of [[0, -2], [1, 1], [2, 2]]) {
    const rated = await post("/api/ratings", { stageId: room.map.stages[i].id, value }, token);
    if (rated.status !== 204) throw new Error(`rating: ${rated.status} ${await rated.text()}`);
  }
  await s.waitFor(
    `const e = window.journeymap.editor; return e.doc.stagesOf(e.mapId).filter((st) => st.roomRating).length === 3`,
    "the room's ratings on the host's stages (the curve on the canvas)",
    15000,
  );
  await s.waitFor(`return window.journeymap.editor.history.undoLabel === "Rating from E2E Ana"`, "an undo step for the rating");
  await wd("POST", `/session/${s.id}/element/${await s.find("button[name=hideRoom]")}/click`, {});
  await sleep(500);
  screenshot("room-curve.png");
  await wd("POST", `/session/${s.id}/element/${await s.find(".status .room-status")}/click`, {});
  await s.waitFor(`return !document.querySelector(".room-panel").hidden`, "the panel again from the status bar");
  await wd("POST", `/session/${s.id}/element/${await s.find("button[name=closeRoom]")}/click`, {});
  await s.waitFor(`return document.querySelector(".room-panel").hidden`, "the panel to close");
  const refused = await fetch(base + "/api/room").then(
    () => false,
    () => true,
  );
  if (!refused) throw new Error("the room still answers after Close room");
  await wd("DELETE", `/session/${s.id}`);
  const json = execFileSync(cli, ["export-json", project, "-o", "-"]).toString();
  if (!json.includes("Print the boarding pass at home")) throw new Error("the room's note is not in the file");
  if ((json.match(/"roomRating"/g) ?? []).length < 3) throw new Error("the room's curve is not in the file");
});

await test("quitting with the room open tells the participants' pages it closed", async () => {
  const s = await launchApp();
  const [code, url] = await openRoom(s);
  const base = `http://127.0.0.1:${new URL(url).port}`;
  const joined = await fetch(base + "/api/join", { method: "POST", body: JSON.stringify({ code, name: "E2E Bo" }) });
  const { token } = await joined.json();
  // The participant's page listens to the room's event stream.
  const stream = await fetch(`${base}/api/events?token=${token}`, { signal: AbortSignal.timeout(15000) });
  const reader = stream.body.getReader();
  // Quitting from workshop mode (full screen) must not start the next session full screen.
  await s.run("window.journeymap.app.setWorkshop(true)");
  await sleep(800);
  await s.run("window.journeymap.app.quit()").catch(() => {});
  let heard = "";
  const until = Date.now() + 10000;
  while (!heard.includes("event: closed") && Date.now() < until) {
    const { value, done } = await reader.read().catch(() => ({ done: true }));
    if (done) break;
    heard += new TextDecoder().decode(value);
  }
  if (!heard.includes("event: closed")) throw new Error(`the page was not told: ${JSON.stringify(heard.slice(-200))}`);
  await sleep(1000);
  const state = readFileSync(join(env.XDG_CONFIG_HOME, "app.journeymap.desktop", ".window-state.json"), "utf8");
  if (/"fullscreen":\s*true/.test(state)) throw new Error(`full screen was remembered: ${state}`);
  await wd("DELETE", `/session/${s.id}`).catch(() => {});
});

await test("a picture copied in another program pastes onto a card (the system clipboard) and is saved", async () => {
  const file = join(work, "Pasted.journey");
  copyFileSync(join(repo, "assets", "sample.journey"), file);
  const png = join(work, "copied.png");
  execFileSync("convert", ["-size", "300x200", "gradient:red-blue", png]);
  // xclip holds the clipboard (as an image program would) until the test ends.
  start("xclip", ["-selection", "clipboard", "-t", "image/png", "-i", png], { DISPLAY: display });
  await sleep(300);
  const s = await launchApp(file);
  const card = await s.run(
    `const e = window.journeymap.editor; const t = e.doc.touchpointsOf(e.mapId).find((t) => t.title === "Seat selection"); e.select([t.id]); return t.id;`,
  );
  await clickWhenSettled(s, ".picture-paste");
  // Ctrl+V: WebKitGTK's paste event carries no file for image data; the shell reads the clipboard.
  await wd("POST", `/session/${s.id}/element/${await s.find(".picture-paste")}/value`, { text: "\uE009v\uE000" });
  await s.waitFor(`return [...window.journeymap.editor.doc.tables.picture.values()].some((p) => p.touchpointId === ${JSON.stringify(card)})`, "the pasted picture");
  await s.waitFor(`return document.querySelector("[data-save-state=saved]") !== null`, "autosave");
  // Pasting again replaces it (one picture per card) and is saved too.
  const first = await s.run(`return [...window.journeymap.editor.doc.tables.picture.values()].find((p) => p.touchpointId === ${JSON.stringify(card)}).id`);
  await wd("POST", `/session/${s.id}/element/${await s.find(".picture-paste")}/value`, { text: "\uE009v\uE000" });
  await s.waitFor(
    `return [...window.journeymap.editor.doc.tables.picture.values()].some((p) => p.touchpointId === ${JSON.stringify(card)} && p.id !== ${JSON.stringify(first)})`,
    "the replacing picture",
  );
  await sleep(1500);
  await s.waitFor(`return document.querySelector("[data-save-state=saved]") !== null`, "autosave of the replacement");
  screenshot("pasted-picture.png");
  await wd("DELETE", `/session/${s.id}`);
  const all = JSON.parse(execFileSync(cli, ["export-json", file, "-o", "-"]).toString()).project.pictures.filter((p) => p.touchpointId === card);
  if (all.length !== 1 || all[0].id === first) throw new Error(`the file holds ${all.length} pictures for the card, first replaced: ${all[0]?.id !== first}`);
  const saved = all[0];
  if (!saved || saved.width !== 300 || saved.height !== 200) throw new Error(`the file holds ${JSON.stringify(saved && { ...saved, data: "…" })}`);
});

await test("the saved file passes PRAGMA integrity_check and the CLI reads it", async () => {
  const check = execFileSync("sqlite3", [project, "PRAGMA integrity_check"]).toString().trim();
  if (check !== "ok") throw new Error(`integrity_check: ${check}`);
  const info = execFileSync(cli, ["info", project, "--json"]).toString();
  const summary = JSON.parse(info).summary;
  if (summary.touchpoints !== 45 || summary.momentsOfTruth !== 11) throw new Error(`info: ${JSON.stringify(summary)}`);
});

cleanup();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
