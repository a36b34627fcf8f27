// Serves ui/dist on loopback and opens it in Debian's headless Chromium with Tauri IPC mocked.
// Shared by the browser tests and the canvas benchmark.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
export const uiRoot = join(here, "..", "..");
const dist = join(uiRoot, "dist");
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export async function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = normalize(join(dist, url.pathname === "/" ? "index.html" : url.pathname));
    if (!path.startsWith(dist)) return res.writeHead(403).end();
    try {
      const body = await readFile(path);
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page with the app loaded on `seed` (a Project), IPC mocked. */
export async function openApp(browser, url, seed, viewport = { width: 1440, height: 900 }, { failStartup = false } = {}) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const fixture = async (name) => JSON.parse(await readFile(join(uiRoot, "tests", "fixtures", name), "utf8"));
  const fixtures = {
    dashboard: await fixture("sample-dashboard.json"),
    preview: await fixture("feedback-preview.json"),
    imported: await fixture("feedback-import.json"),
    sheetPreview: await fixture("touchpoints-preview.json"),
    sheetChanges: await fixture("touchpoints-import.json"),
    cjml: await fixture("cjml-read.json"),
    templates: await fixture("templates.json"),
    // A small real PNG (64×40) the double hands back as a card's picture.
    picture:
      "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAoEAIAAACRPLf9AAAABGdBTUEAALGPC/xhBQAAACBjSFJNAAB6JgAAgIQAAPoAAACA6AAAdTAAAOpgAAA6mAAAF3CculE8AAAABmJLR0T///////8JWPfcAAAAB3RJTUUH6gwBEQsrVOvx7AAAAPxJREFUaN7t2yGOAkEQRmFqUt0Gg1qFJWvxkHAMkmmJ23PAGUhWcCUOgMFgQGMWs2IO8US/7wSVdLqr/5qeWK0Oh9drJkiWFqfPli6jX1nG4fTnAmCytji6AJwszR1Ait3z53P9osvoV1Z3AMojCJZltAmTsrbBHADK0sIjCJTVIIZyB8CytMEmDMo6OowjTTlgQ5fRL3sAzFsQLEuLoz2A4ywIlnW0B5DcATB7AMxbEMwcAJs+SZqEMVmcBaGchsKy2gNQPk2EeQuC+SoC5rsgmLMgWNzW5/p9p8vo1xTETMKYeDx+F8s9XUa//EMGZhCDxft9uczndBn9+gdV4lmgsOZjbgAAACV0RVh0ZGF0ZTpjcmVhdGUAMjAyNi0xMi0wMVQxNzoxMTo0MyswMDowMLpE1+MAAAAldEVYdGRhdGU6bW9kaWZ5ADIwMjYtMTItMDFUMTc6MTE6NDMrMDA6MDDLGW9fAAAAAElFTkSuQmCC",
  };
  await page.addInitScript({
    content: `window.__SEED__ = ${JSON.stringify(seed)}; window.__FAIL_STARTUP__ = ${failStartup}; window.__FIXTURES__ = ${JSON.stringify(fixtures)};`,
  });
  await page.addInitScript({ path: join(here, "tauri-mock.js") });
  await page.goto(url);
  if (failStartup) await page.waitForSelector(".dialog");
  else await page.waitForFunction(() => window.journeymap?.editor?.path);
  return { page, errors };
}
