// The participant's page of a Journeymap workshop room: join with the code, see the map, add
// notes (queued while the Wi-Fi is away, each with an id made here so a resend never doubles
// it), place dot votes, rate stages. Talks only to the room that served it.
"use strict";

const KEY = "journeymap-room:" + location.host;
const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
const RELIABILITY = { broken: "#dc2626", reliable: "#2563eb", differentiating: "#16a34a" };
let token = localStorage.getItem(KEY + ":token");
let view = null;
let zoom = null; // set at the first drawing: fit a laptop, readable on a phone
let events = null;
// The facilitator's timer: when it ends (ms since the epoch) while running, or the seconds shown.
let timerEnds = null;
let timerLeft = null;

function uuid() {
  // crypto.randomUUID needs a secure context; a room on the local network is plain http.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function api(method, path, body) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = "Bearer " + token;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const data = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const err = new Error(data.message || res.statusText);
    err.status = res.status;
    err.code = data.code;
    throw err;
  }
  return { status: res.status, data };
}

function el(name, attrs, ...children) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c);
  return node;
}

function clip(text, chars) {
  const line = text.split("\n")[0];
  return line.length > chars ? line.slice(0, chars - 1) + "…" : line;
}

function drawMap() {
  const m = view.map;
  const lastStage = m.stages[m.stages.length - 1];
  const lastLane = m.lanes[m.lanes.length - 1];
  const width = lastStage ? lastStage.x + lastStage.width : 800;
  const height = lastLane ? lastLane.y + lastLane.height : 400;
  if (zoom === null) zoom = window.innerWidth < 600 ? 0.55 : Math.max(0.3, Math.min(1, (window.innerWidth - 40) / width));
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width: width * zoom, height: height * zoom, role: "img", "aria-label": m.name });
  svg.append(el("rect", { x: 0, y: 0, width, height, fill: "#f8fafc" }));
  for (const l of m.lanes) {
    svg.append(el("rect", { x: 0, y: l.y, width, height: l.height, fill: l.kind === "painPoints" ? "#fff1f2" : "#ffffff", stroke: "#e2e8f0" }));
    svg.append(el("rect", { x: 0, y: l.y, width: 180, height: l.height, fill: "#1e293b", stroke: "#334155" }));
    svg.append(el("text", { x: 10, y: l.y + l.height / 2 + 7, fill: "#f8fafc", "font-size": 20 }, clip(l.name, 14)));
  }
  for (const s of m.stages) {
    svg.append(el("rect", { x: s.x, y: 0, width: s.width, height: 64, fill: "#1e293b", stroke: "#334155" }));
    svg.append(el("text", { x: s.x + 10, y: 40, fill: "#f8fafc", "font-size": 22, "font-weight": 600 }, clip(s.name, 30)));
    svg.append(el("line", { x1: s.x, x2: s.x, y1: 64, y2: height, stroke: "#cbd5e1" }));
  }
  for (const c of m.cards) {
    const g = el("g", {});
    g.append(el("rect", { x: c.x, y: c.y, width: c.width, height: c.height, rx: 6, fill: "#fff", stroke: RELIABILITY[c.reliability] || "#64748b", "stroke-width": 3 }));
    g.append(el("text", { x: c.x + 8, y: c.y + 28, "font-size": 17 }, clip(c.title, 17)));
    if (c.momentOfTruth) g.append(el("text", { x: c.x + c.width - 24, y: c.y + 24, "font-size": 20, fill: "#d97706" }, "★"));
    if (c.votes > 0) g.append(el("text", { x: c.x + 8, y: c.y + c.height - 10, "font-size": 18, "font-weight": 700, fill: "#1e3a8a" }, "● " + c.votes));
    g.setAttribute("class", "card");
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.setAttribute("aria-label", `Card: ${c.title}. ${c.votes} votes`);
    const vote = () => castVote({ cardId: c.id });
    g.addEventListener("click", vote);
    g.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") vote();
    });
    svg.append(g);
  }
  for (const n of m.notes) {
    const by = n.author ? ` by ${n.author}` : "";
    const g = el("g", { class: "note", tabindex: 0, role: "button", "aria-label": `Note: ${n.text}${by}. ${n.votes} votes` });
    g.append(el("rect", { x: n.x, y: n.y, width: n.width, height: n.height, rx: 4, fill: n.color, stroke: "#94a3b8" }));
    g.append(el("text", { x: n.x + 8, y: n.y + 28, "font-size": 17 }, clip(n.text, 17)));
    if (n.author) g.append(el("text", { x: n.x + 8, y: n.y + 50, "font-size": 14, "font-style": "italic", fill: "#475569" }, "— " + clip(n.author, 18)));
    if (n.votes > 0) g.append(el("text", { x: n.x + 8, y: n.y + n.height - 10, "font-size": 18, "font-weight": 700, fill: "#1e3a8a" }, "● " + n.votes));
    const vote = () => castVote({ noteId: n.id });
    g.addEventListener("click", vote);
    g.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") vote();
    });
    svg.append(g);
  }
  $("map").replaceChildren(svg);
}

function showTimer() {
  const t = $("timer");
  if (timerLeft === null) {
    t.hidden = true;
    return;
  }
  const left = timerEnds === null ? timerLeft : Math.max(0, Math.round((timerEnds - Date.now()) / 1000));
  t.hidden = false;
  t.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  t.classList.toggle("done", left === 0);
}

function render() {
  timerLeft = view.timer ? view.timer.remaining : null;
  timerEnds = view.timer && view.timer.running ? Date.now() + view.timer.remaining * 1000 : null;
  showTimer();
  $("map-name").textContent = view.map.name;
  $("phase").textContent = { collect: "Adding notes", vote: "Voting", rate: "Rating stages", closed: "Closed" }[view.phase];
  for (const id of ["collect", "vote", "rate", "closed"]) $(id).hidden = view.phase !== id;
  $("votes-left").textContent = `${view.votesLeft} of ${view.voteBudget} dots left.`;
  const stage = $("note-form").elements.stage;
  const chosen = stage.value;
  stage.replaceChildren(...view.map.stages.map((s) => new Option(s.name, s.id)));
  if (chosen) stage.value = chosen;
  const rows = view.map.stages.map((s) => {
    const row = document.createElement("div");
    row.className = "rating-row";
    const name = document.createElement("span");
    name.textContent = s.name;
    row.append(name);
    for (const v of [-2, -1, 0, 1, 2]) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = v > 0 ? "+" + v : String(v);
      b.setAttribute("aria-label", `${s.name}: ${v}`);
      b.setAttribute("aria-pressed", String(view.myRatings[s.id] === v));
      b.addEventListener("click", () => rate(s.id, v));
      row.append(b);
    }
    return row;
  });
  $("ratings").replaceChildren(...rows);
  drawMap();
  showQueue();
}

async function refresh() {
  try {
    view = (await api("GET", "/api/room")).data;
    render();
  } catch (e) {
    if (e.status === 401) return leave("The facilitator removed you, or the room was restarted: join again.");
    status("Reconnecting…");
  }
}

function status(text) {
  $("status").textContent = text;
}

function queue() {
  return JSON.parse(localStorage.getItem(KEY + ":queue") || "[]");
}

function setQueue(q) {
  localStorage.setItem(KEY + ":queue", JSON.stringify(q));
  showQueue();
}

function showQueue() {
  const n = queue().length;
  status(n ? `${n} note${n > 1 ? "s" : ""} waiting to be sent…` : "Connected");
}

let flushing = false;
async function flush() {
  if (flushing || !token) return;
  flushing = true;
  try {
    for (const note of queue()) {
      try {
        await api("POST", "/api/notes", note);
      } catch (e) {
        if (e.status === undefined || e.status === 429 || e.status >= 500) break; // offline or busy: later
        $("note-error").textContent = e.message;
      }
      setQueue(queue().filter((n) => n.id !== note.id));
    }
  } finally {
    flushing = false;
  }
}

async function castVote(target) {
  if (!view || view.phase !== "vote") return;
  $("vote-error").textContent = "";
  try {
    const r = await api("POST", "/api/votes", target);
    view.votesLeft = r.data.votesLeft;
  } catch (e) {
    $("vote-error").textContent = e.message;
  }
}

async function rate(stageId, value) {
  try {
    await api("POST", "/api/ratings", { stageId, value });
    view.myRatings[stageId] = value;
    render();
  } catch (e) {
    status(e.message);
  }
}

function leave(message) {
  token = null;
  localStorage.removeItem(KEY + ":token");
  if (events) events.close();
  $("room").hidden = true;
  $("join").hidden = false;
  $("join-error").textContent = message || "";
}

function enter() {
  $("join").hidden = true;
  $("room").hidden = false;
  events = new EventSource("/api/events?token=" + encodeURIComponent(token));
  events.addEventListener("change", () => {
    refresh();
    flush();
  });
  events.addEventListener("error", () => status("Reconnecting…"));
  refresh();
  flush();
}

$("join-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const f = e.target.elements;
  $("join-error").textContent = "";
  try {
    token = null;
    const r = await api("POST", "/api/join", { code: f.code.value.trim().toUpperCase(), name: f.name.value.trim() });
    token = r.data.token;
    localStorage.setItem(KEY + ":token", token);
    enter();
  } catch (err) {
    $("join-error").textContent = err.message;
  }
});

$("note-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const f = e.target.elements;
  $("note-error").textContent = "";
  setQueue([...queue(), { id: uuid(), stageId: f.stage.value, kind: f.kind.value, text: f.text.value.trim() }]);
  f.text.value = "";
  flush();
});

$("zoom-in").addEventListener("click", () => {
  zoom = Math.min(2, (zoom ?? 0.5) * 1.25);
  if (view) drawMap();
});
$("zoom-out").addEventListener("click", () => {
  zoom = Math.max(0.2, (zoom ?? 0.5) / 1.25);
  if (view) drawMap();
});
window.addEventListener("online", flush);
setInterval(flush, 5000);
setInterval(showTimer, 1000);
if (token) enter();
