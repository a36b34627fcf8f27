// The live room's participant page, as people in a workshop use it: `journeymap room` hosts the
// sample on 127.0.0.1, and headless Chromium at phone (360×740) and laptop (1280×800) sizes
// joins, adds a note, votes and rates. Also: the note survives a dropped connection (queued and
// sent once), and the page asks nothing of any other host.

import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { launch, uiRoot } from "./harness.mjs";

const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, ".cache/journeymap/target");
const cli = join(target, "debug", "journeymap");
const dir = mkdtempSync(join(tmpdir(), "journeymap-room-"));
const file = join(dir, "room.journey");
copyFileSync(join(uiRoot, "..", "assets", "sample.journey"), file);
const out = join(uiRoot, "tests", "browser", "out");

function assert(ok, message) {
  if (!ok) throw new Error(message);
}

const host = spawn(cli, ["room", file, "--bind", "127.0.0.1", "--json"], { stdio: ["ignore", "pipe", "inherit"] });
const first = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("the room did not start")), 15000);
  createInterface({ input: host.stdout }).once("line", (line) => {
    clearTimeout(timer);
    resolve(JSON.parse(line));
  });
});
const base = `http://127.0.0.1:${first.port}`;
const hostCall = (path, body) =>
  fetch(base + path, { method: "POST", headers: { authorization: `Bearer ${first.hostToken}` }, body: JSON.stringify(body) });

const browser = await launch();
let failed = 0;
async function test(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${e.message.split("\n")[0]}`);
  } finally {
    // Every test starts with the room collecting notes.
    await hostCall("/api/host/phase", { phase: "collect" });
  }
}

async function participant(width, height, name) {
  const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 });
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && !m.text().includes("Failed to load resource") && errors.push(m.text()));
  page.on("request", (r) => {
    if (!r.url().startsWith(base)) foreign.push(r.url());
  });
  await page.goto(`${base}/`);
  await page.fill("input[name=code]", first.code.toLowerCase());
  await page.fill("input[name=name]", name);
  await page.click("#join-form button");
  await page.waitForSelector("#map svg");
  return { context, page, errors, foreign };
}

await test("a wrong code is explained on the page", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.fill("input[name=code]", "ZZZZZZ");
  await page.fill("input[name=name]", "Guess");
  await page.click("#join-form button");
  await page.waitForFunction(() => document.querySelector("#join-error").textContent.length > 0);
  const text = await page.textContent("#join-error");
  assert(/code/i.test(text), `the error says what is wrong: ${text}`);
  await context.close();
});

for (const [width, height, name] of [
  [360, 740, "Phone Ana"],
  [1280, 800, "Laptop Ben"],
]) {
  await test(`${width}×${height}: join, add a note, vote, rate`, async () => {
    const p = await participant(width, height, name);
    const { page } = p;
    const text = `Kiosk queue (${name})`;
    await page.selectOption("select[name=stage]", { index: 2 });
    // The laptop participant puts the note in a lane of their choosing; the phone one leaves the
    // default, the lane a pain point belongs in.
    const lane = width > 1000 ? "Opportunities" : "Pain points";
    if (width > 1000) await page.selectOption("select[name=lane]", { label: lane });
    await page.fill("textarea[name=text]", text);
    await page.click("#note-form button");
    await page.waitForFunction(
      (t) => [...document.querySelectorAll("#map .note")].some((n) => n.getAttribute("aria-label").includes(t)),
      text,
    );
    assert((await page.textContent("#note-sent")).startsWith("Added"), "the page confirms the note");
    const landed = await page.evaluate(async (t) => {
      const token = Object.entries(localStorage).find(([k]) => k.endsWith(":token"))[1];
      const room = await (await fetch("/api/room", { headers: { authorization: `Bearer ${token}` } })).json();
      const note = room.map.notes.find((n) => n.text === t);
      return room.map.lanes.find((l) => note.y >= l.y && note.y < l.y + l.height)?.name;
    }, text);
    assert(landed === lane, `the note is in ${lane}, not ${landed}`);
    await page.screenshot({ path: join(out, `room-${width}-collect.png`) });
    await hostCall("/api/host/timer", { remaining: 600, running: true });
    await page.waitForFunction(() => /^(10:00|9:5\d)$/.test(document.querySelector("#timer").textContent));
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= width + 1, `the page fits the screen's width (${wide} px)`);
    await hostCall("/api/host/phase", { phase: "vote" });
    await page.waitForSelector("#vote:not([hidden])");
    await page.screenshot({ path: join(out, `room-${width}-vote.png`) });
    await page
      .locator("#map .note", { hasText: text.slice(0, 16) })
      .first()
      .click({ timeout: 5000 });
    await page.waitForFunction(() => document.querySelector("#votes-left").textContent.startsWith("4 of"));
    await hostCall("/api/host/phase", { phase: "rate" });
    await page.waitForSelector("#rate:not([hidden])");
    await page.click(".rating-row button[aria-label$=': -2']");
    await page.waitForSelector(".rating-row button[aria-pressed=true]");
    await page.screenshot({ path: join(out, `room-${width}-rate.png`) });
    await hostCall("/api/host/phase", { phase: "collect" });
    assert(p.errors.length === 0, `no script errors: ${p.errors.join(" | ")}`);
    assert(p.foreign.length === 0, `nothing from other hosts: ${p.foreign.join(", ")}`);
    await p.context.close();
  });
}

await test("a note written while the connection is down is sent once when it is back", async () => {
  const p = await participant(360, 740, "Offline Cleo");
  const { page, context } = p;
  await context.setOffline(true);
  await page.fill("textarea[name=text]", "Written in the lift");
  await page.click("#note-form button");
  await page.waitForFunction(() => /waiting to be sent/.test(document.querySelector("#status").textContent));
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await page.waitForFunction(
    () => [...document.querySelectorAll("#map .note")].some((n) => n.getAttribute("aria-label").includes("Written in the lift")),
    null,
    { timeout: 15000 },
  );
  const count = await page.evaluate(
    () => [...document.querySelectorAll("#map .note")].filter((n) => n.getAttribute("aria-label").includes("Written in the lift")).length,
  );
  assert(count === 1, `one note, not ${count}`);
  await context.close();
});

await test("a note that waited while the room moved on comes back to its box, and the page follows the room", async () => {
  const p = await participant(360, 740, "Offline Dara");
  const { page, context } = p;
  await context.setOffline(true);
  await page.fill("textarea[name=text]", "Written in the stairwell");
  await page.click("#note-form button");
  await page.waitForFunction(() => /waiting to be sent/.test(document.querySelector("#status").textContent));
  await hostCall("/api/host/phase", { phase: "vote" });
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await page.waitForSelector("#vote:not([hidden])", { timeout: 15000 });
  // Said where the person is (the note box is hidden while voting), and kept for later.
  await page.waitForSelector("#kept:not([hidden])", { timeout: 15000 });
  assert(/not added: the room has moved on/.test(await page.textContent("#kept")), await page.textContent("#kept"));
  assert((await page.inputValue("textarea[name=text]")) === "Written in the stairwell", "the words are back in the box");
  assert((await page.textContent("#note-sent")) === "", "no 'Sending…' beside the refusal");
  assert(/^Connected/.test(await page.textContent("#status")), `status: ${await page.textContent("#status")}`);
  await page.screenshot({ path: join(out, "room-360-kept.png") });
  await hostCall("/api/host/phase", { phase: "collect" });
  await page.waitForFunction(() => /in the box below/.test(document.querySelector("#kept").textContent), null, { timeout: 10000 });
  await page.click("#note-form button");
  await page.waitForFunction(() => document.querySelector("#kept").hidden);
  await context.close();
});

await test("a pasted code with spaces around it gets in", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.fill("input[name=code]", ` ${first.code} `);
  await page.fill("input[name=name]", "Paster");
  await page.click("#join-form button");
  await page.waitForSelector("#map svg");
  await context.close();
});

// Last: the facilitator closes the room (the host stops); an open page says so and stops trying.
{
  const name = "the page says when the facilitator closes the room";
  try {
    const { page } = await participant(360, 740, "Late Dev");
    host.kill("SIGTERM");
    await page
      .waitForFunction(() => /closed the room/.test(document.querySelector("#status").textContent), null, { timeout: 10000 })
      .catch(async (e) => {
        throw new Error(`status: ${await page.textContent("#status")}; ${e.message}`);
      });
    assert(await page.isVisible("#closed"), "the closed notice shows");
    assert(!(await page.isVisible("#note-form")), "the note form is gone");
    await page.screenshot({ path: join(out, "room-360-closed.png") });
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${e.message.split("\n")[0]}`);
  }
}

await browser.close();
host.kill("SIGTERM");
if (host.exitCode === null) await new Promise((resolve) => host.once("exit", resolve));
process.exit(failed ? 1 : 0);
