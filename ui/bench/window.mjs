// The real app window for the benchmarks: a private Xvfb display, tauri-driver (which starts
// WebKitWebDriver and the app) and plain WebDriver over HTTP. Shared by the canvas benchmark (frame
// times in WebKitGTK) and the app benchmark (cold start, memory).

import { spawn } from "node:child_process";
import { join } from "node:path";

export const targetDir = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, ".cache/journeymap/target");
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts Xvfb and tauri-driver; returns `wd` (one WebDriver call) and `close`. */
export async function realWindow(work, { width = 1600, height = 1000, env: extra = {} } = {}) {
  const children = [];
  const start = (cmd, args, env) => {
    const c = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: "ignore", detached: true });
    children.push(c);
    return c;
  };
  const close = () =>
    children.splice(0).forEach((c) => {
      try {
        process.kill(-c.pid, "SIGKILL");
      } catch {
        // already gone
      }
    });
  process.on("exit", close);
  const display = `:${80 + Math.floor(Math.random() * 9)}`;
  start("Xvfb", [display, "-screen", "0", `${width}x${height}x24`, "-nolisten", "tcp"]);
  await sleep(800);
  const env = {
    DISPLAY: display,
    // No WEBKIT_DISABLE_DMABUF_RENDERER: the app chooses its renderer itself, as when a person
    // starts it (src-tauri/src/rendering.rs).
    ...extra,
    XDG_CONFIG_HOME: join(work, "c"),
    XDG_DATA_HOME: join(work, "d"),
    DBUS_SESSION_BUS_ADDRESS: "disabled:",
  };
  const port = 5000 + Math.floor(Math.random() * 500);
  start("tauri-driver", ["--port", String(port), "--native-port", String(port + 1000)], env);
  const base = `http://127.0.0.1:${port}`;
  const wd = async (method, path, body) => {
    const res = await fetch(base + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body),
      signal: AbortSignal.timeout(180_000),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(JSON.stringify(json.value).slice(0, 300));
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/status`);
      break;
    } catch {
      if (i > 100) throw new Error("tauri-driver did not start");
      await sleep(100);
    }
  }
  return { wd, close, display };
}

/** Opens `app` with `args` in a new WebDriver session; `run(script, ...args)` executes in it. */
export async function session(wd, app, args) {
  const s = await wd("POST", "/session", { capabilities: { alwaysMatch: { "tauri:options": { application: app, args } } } });
  const id = s.sessionId;
  return {
    id,
    run: (script, ...a) => wd("POST", `/session/${id}/execute/sync`, { script, args: a }),
    close: () => wd("DELETE", `/session/${id}`),
  };
}
