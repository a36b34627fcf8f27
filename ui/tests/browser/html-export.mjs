// The self-contained HTML export, opened as a reader would: in headless Chromium straight from
// disk. It must show every touchpoint title, print without errors, log nothing to the console,
// and make no network request at all.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, uiRoot } from "./harness.mjs";

const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, ".cache/journeymap/target");
const cli = join(target, "debug", "journeymap");
const repo = join(uiRoot, "..");
const dir = mkdtempSync(join(tmpdir(), "journeymap-html-"));
const html = join(dir, "Northwind report.html");
execFileSync(cli, ["export-html", join(repo, "assets", "sample.journey"), "-o", html, "--today", "2026-11-22"]);
const sample = JSON.parse(readFileSync(join(repo, "assets", "sample.json"), "utf8")).project;

function assert(ok, message) {
  if (!ok) throw new Error(message);
}

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
const requests = [];
page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
page.on("pageerror", (e) => errors.push(String(e)));
page.on("request", (r) => {
  if (!r.url().startsWith("file://")) requests.push(r.url());
});
let failed = 0;
try {
  await page.goto(`file://${html}`);
  await page.waitForLoadState("load");
  // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, hidden parts left out
  const text = await page.evaluate(() => document.body.innerText);
  const svgText = await page.$$eval("figure svg text", (ts) => ts.map((t) => t.textContent).join(" "));
  assert((await page.$$("figure svg")).length === sample.maps.length, "one inline SVG per map");
  for (const t of sample.touchpoints) assert(text.includes(t.title), `the page lists "${t.title}"`);
  assert(svgText.includes("Online check-in"), "the maps' text stays text");
  assert(text.includes("Redesign tracker") && text.includes("Moments of truth") && text.includes("KPIs"), "all sections present");
  await page.screenshot({ path: join(uiRoot, "tests", "browser", "out", "html-export.png") });
  const pdf = await page.pdf({ format: "A4" });
  assert(pdf.length > 10_000, "the page prints");
  // On a phone the page never scrolls sideways: each table row is a box of "heading value" lines.
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(wide <= 390, `the page fits a 390 px phone: ${wide} px wide`);
  const label = await page.evaluate(() => {
    const td = [...document.querySelectorAll("td")].find((c) => c.dataset.label === "Expected end");
    return td ? getComputedStyle(td, "::before").content : "";
  });
  assert(label === '"Expected end"', `each value is shown beside its heading: ${label}`);
  await page.screenshot({ path: join(uiRoot, "tests", "browser", "out", "html-export-390.png") });
  assert(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  assert(requests.length === 0, `network requests: ${requests.join(", ")}`);
  console.log("ok   the HTML export opens offline with no console errors and no network requests, prints, and fits a phone");
} catch (e) {
  failed = 1;
  console.log(`FAIL the HTML export\n     ${e.message}`);
}
await browser.close();
process.exit(failed);
