import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, openApp, uiRoot } from "./harness.mjs";
const seed = JSON.parse(readFileSync(join(uiRoot, "..", "assets", "sample.json"), "utf8")).project;
const { server, url } = await serve();
const browser = await launch();
const { page, errors } = await openApp(browser, url, seed);
await page.evaluate(() => {
  const e = window.journeymap.editor;
  e.setCamera({ x: 0, y: 560, zoom: 0.8 });
});
await page.waitForTimeout(400);
await page.screenshot({ path: "/tmp/lines.png" });
console.log(errors);
await browser.close();
server.close();
