// The participant's page of a Journeymap workshop room: join with the code, see the map, add
// notes (queued while the Wi-Fi is away, each with an id made here so a resend never doubles
// it), place dot votes, rate stages. Talks only to the room that served it.
// Type-checked against the API types generated from Rust (ui/tsconfig.room.json).
// @ts-check
"use strict";

/** @typedef {import("../../../../ui/src/bindings/RoomView").RoomView} RoomView */
/** @typedef {import("../../../../ui/src/bindings/JoinRequest").JoinRequest} JoinRequest */
/** @typedef {import("../../../../ui/src/bindings/JoinReply").JoinReply} JoinReply */
/** @typedef {import("../../../../ui/src/bindings/NoteRequest").NoteRequest} NoteRequest */
/** @typedef {import("../../../../ui/src/bindings/VoteRequest").VoteRequest} VoteRequest */
/** @typedef {import("../../../../ui/src/bindings/VoteReply").VoteReply} VoteReply */
/** @typedef {import("../../../../ui/src/bindings/RatingRequest").RatingRequest} RatingRequest */
/** @typedef {Error & { status?: number, code?: string }} ApiError */

const KEY = "journeymap-room:" + location.host;
/** @param {string} id @returns {HTMLElement} */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {string} id @returns {HTMLFormElement} */
const form = (id) => /** @type {HTMLFormElement} */ (document.getElementById(id));
const SVG = "http://www.w3.org/2000/svg";
let token = localStorage.getItem(KEY + ":token");
/** @type {RoomView | null} */
let view = null;
/** @type {number | null} */
let zoom = null; // set at the first drawing: fit a laptop, readable on a phone
/** @type {EventSource | null} */
let events = null;
/** Set when the facilitator closed the room: the page stops reconnecting. */
let closedByHost = false;
/** Whether the room's event stream is open: only then does the page say "Connected". */
let connected = false;
/** Set when the room could not be read: it is read again until it can be. */
let stale = false;
/** A note the room turned back (it had moved on to voting while the note waited): its words are
 * in the box, and the page says so in every phase until it is added or the box is changed. */
let kept = "";
// The facilitator's timer: when it ends (ms since the epoch) while running, or the seconds shown.
/** @type {number | null} */
let timerEnds = null;
/** @type {number | null} */
let timerLeft = null;

function uuid() {
  // crypto.randomUUID needs a secure context; a room on the local network is plain http.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * One call to the room; a refusal throws its `{code, message}` as an error with the status.
 * @param {string} method
 * @param {string} path
 * @param {JoinRequest | NoteRequest | VoteRequest | RatingRequest} [body]
 * @returns {Promise<{ status: number, data: any }>}
 */
async function api(method, path, body) {
  /** @type {Record<string, string>} */
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = "Bearer " + token;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const data = text ? JSON.parse(text) : {};
  if (!res.ok) {
    /** @type {ApiError} */
    const err = new Error(sentence(data.message || res.statusText));
    err.status = res.status;
    err.code = data.code;
    throw err;
  }
  return { status: res.status, data };
}

/** The room's messages ("that is not this room's code…") as a sentence on the page.
 * @param {string} text */
function sentence(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * @param {string} name
 * @param {Record<string, string | number>} attrs
 * @param {...(Node | string)} children
 */
function el(name, attrs, ...children) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c);
  return node;
}

/** The map as the core draws it (the report's and the SVG export's drawing), for a version. */
let picture = { version: -1, svg: "" };

/** Fetches the map's drawing when the room's version moved on. */
async function loadPicture() {
  if (!view || picture.version === view.version) return;
  const version = view.version;
  const res = await fetch("/api/map.svg", { headers: { authorization: "Bearer " + token } });
  if (res.ok) picture = { version, svg: await res.text() };
}

/**
 * The map: the core's drawing, with a tap target over each card and note for dot votes (and for
 * keyboards and screen readers), all in the canvas units of `/api/room`.
 */
function drawMap() {
  if (!view) return;
  const m = view.map;
  const lastStage = m.stages[m.stages.length - 1];
  const lastLane = m.lanes[m.lanes.length - 1];
  let width = lastStage ? lastStage.x + lastStage.width : 800;
  let height = lastLane ? lastLane.y + lastLane.height : 400;
  for (const r of [...m.cards, ...m.notes]) {
    width = Math.max(width, r.x + r.width);
    height = Math.max(height, r.y + r.height);
  }
  if (zoom === null) zoom = window.innerWidth < 600 ? 0.55 : Math.max(0.3, Math.min(1, (window.innerWidth - 40) / width));
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width: width * zoom, height: height * zoom, role: "group", "aria-label": m.name });
  const drawn = new DOMParser().parseFromString(picture.svg, "image/svg+xml").documentElement;
  if (drawn.nodeName === "svg") {
    drawn.setAttribute("x", "0");
    drawn.setAttribute("y", "0");
    drawn.setAttribute("aria-hidden", "true");
    svg.append(document.importNode(drawn, true));
  }
  /**
   * @param {{ x: number, y: number, width: number, height: number, votes: number }} r
   * @param {string} cls
   * @param {string} label
   * @param {VoteRequest} target
   */
  const target = (r, cls, label, target) => {
    const g = el("g", { class: cls, tabindex: 0, role: "button", "aria-label": `${label}. ${r.votes} ${r.votes === 1 ? "vote" : "votes"}` });
    g.append(el("title", {}, label));
    g.append(el("rect", { x: r.x, y: r.y, width: r.width, height: r.height, rx: 4, fill: "transparent", class: "target" }));
    if (r.votes > 0 && cls === "card") {
      // The drawing shows a note's dots; a card's are shown here.
      g.append(el("circle", { cx: r.x + r.width - 14, cy: r.y + r.height - 14, r: 12, fill: "#1e3a8a" }));
      g.append(el("text", { x: r.x + r.width - 14, y: r.y + r.height - 9, "font-size": 14, "font-weight": 700, fill: "#fff", "text-anchor": "middle" }, String(r.votes)));
    }
    const vote = () => castVote(target);
    g.addEventListener("click", vote);
    g.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") vote();
    });
    svg.append(g);
  };
  for (const c of m.cards) target(c, "card", `Card: ${c.title}`, { cardId: c.id });
  for (const n of m.notes) target(n, "note", `Note: ${n.text}${n.author ? ` by ${n.author}` : ""}`, { noteId: n.id });
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
  if (!view || closedByHost) return;
  timerLeft = view.timer ? view.timer.remaining : null;
  timerEnds = view.timer && view.timer.running ? Date.now() + view.timer.remaining * 1000 : null;
  showTimer();
  $("map-name").textContent = view.map.name;
  $("phase").textContent = { collect: "Adding notes", vote: "Voting", rate: "Rating stages", closed: "Closed" }[view.phase];
  for (const id of ["collect", "vote", "rate", "closed"]) $(id).hidden = view.phase !== id;
  showKept();
  $("votes-left").textContent = `${view.votesLeft} of ${view.voteBudget} dots left.`;
  // "All your votes are placed" no longer holds once the facilitator gave a dot back.
  if (view.votesLeft > 0 && /votes are placed/.test($("vote-error").textContent ?? "")) $("vote-error").textContent = "";
  const stage = /** @type {HTMLSelectElement} */ (form("note-form").elements.namedItem("stage"));
  const chosen = stage.value;
  stage.replaceChildren(...view.map.stages.map((s) => new Option(s.name, s.id)));
  if (chosen) stage.value = chosen;
  // Any lane of the map; by default the lane the note's kind belongs in (pain points for a pain
  // point or a question, opportunities for an idea, thoughts & feelings for a feeling).
  const lane = /** @type {HTMLSelectElement} */ (form("note-form").elements.namedItem("lane"));
  const chosenLane = lane.value;
  lane.replaceChildren(new Option("Where its kind belongs", ""), ...view.map.lanes.map((l) => new Option(l.name, l.id)));
  lane.value = view.map.lanes.some((l) => l.id === chosenLane) ? chosenLane : "";
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
      b.setAttribute("aria-pressed", String(view?.myRatings[s.id] === v));
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
    /** @type {RoomView} */
    const fresh = (await api("GET", "/api/room")).data;
    view = fresh;
    stale = false;
    await loadPicture();
    render();
  } catch (/** @type {any} */ e) {
    if (e.status === 401) return leave("The facilitator removed you, or the room was restarted: join again.");
    stale = true;
    showStatus("Reconnecting…");
  }
}

/** Where a turned-back note is: said above the map in whichever phase the room is in. */
function showKept() {
  const box = /** @type {HTMLTextAreaElement} */ (form("note-form").elements.namedItem("text"));
  if (kept && box.value !== kept) kept = ""; // added again, or written over
  const short = kept.length > 40 ? `${kept.slice(0, 39)}…` : kept;
  const collecting = view?.phase === "collect";
  $("kept").hidden = !kept;
  $("kept").textContent = !kept
    ? ""
    : collecting
      ? `Your note “${short}” could not be added while notes were closed; it is in the box below: add it again.`
      : `Your note “${short}” was not added: the room has moved on. It is kept in the note box for when notes are open again.`;
}

/** @param {string} text */
function showStatus(text) {
  if (closedByHost) return; // the last word stays "closed", whatever was still in flight
  $("status").textContent = text;
}

/** @returns {NoteRequest[]} */
function queue() {
  return JSON.parse(localStorage.getItem(KEY + ":queue") || "[]");
}

/** @param {NoteRequest[]} q */
function setQueue(q) {
  localStorage.setItem(KEY + ":queue", JSON.stringify(q));
  showQueue();
}

function showQueue() {
  const n = queue().length;
  const waiting = n ? `${n} note${n > 1 ? "s" : ""} waiting to be sent…` : "";
  showStatus(connected && !stale ? waiting || "Connected" : `Reconnecting… ${waiting}`.trim());
}

let flushing = false;
async function flush() {
  if (flushing || !token) return;
  flushing = true;
  try {
    for (const note of queue()) {
      try {
        await api("POST", "/api/notes", note);
        const short = note.text.length > 40 ? `${note.text.slice(0, 39)}…` : note.text;
        $("note-sent").textContent = `Added “${short}” to the map.`;
      } catch (/** @type {any} */ e) {
        if (e.status === undefined || e.status === 429 || e.status >= 500) break; // offline or busy: later
        // Refused (the room moved on to voting while the note waited, say): the words go back
        // into the box rather than being lost, unless the person is already writing another.
        const box = /** @type {HTMLTextAreaElement} */ (form("note-form").elements.namedItem("text"));
        const back = box.value.trim() === "";
        if (back) box.value = note.text;
        $("note-sent").textContent = "";
        $("note-error").textContent = back ? "" : `Not added: ${e.message}.`;
        if (back) kept = note.text;
        showKept();
      }
      setQueue(queue().filter((n) => n.id !== note.id));
    }
  } finally {
    flushing = false;
  }
}

/** @param {VoteRequest} target */
async function castVote(target) {
  if (!view || view.phase !== "vote") return;
  $("vote-error").textContent = "";
  try {
    /** @type {VoteReply} */
    const reply = (await api("POST", "/api/votes", target)).data;
    view.votesLeft = reply.votesLeft;
  } catch (/** @type {any} */ e) {
    $("vote-error").textContent = e.message;
  }
}

/** @param {string} stageId @param {number} value */
async function rate(stageId, value) {
  try {
    await api("POST", "/api/ratings", { stageId, value });
    if (view) view.myRatings[stageId] = value;
    render();
  } catch (/** @type {any} */ e) {
    showStatus(e.message);
  }
}

/** @param {string} [message] */
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
  events = new EventSource("/api/events?token=" + encodeURIComponent(token ?? ""));
  events.addEventListener("change", () => {
    refresh();
    flush();
  });
  // Each (re)connection reads the room afresh: what changed while the Wi-Fi was away (the phase,
  // the dots) sent no event this page could hear.
  events.addEventListener("open", () => {
    connected = true;
    refresh();
    flush();
  });
  events.addEventListener("error", () => {
    connected = false;
    showQueue();
  });
  events.addEventListener("closed", () => {
    // The facilitator closed the room: nothing more can be sent, so say so instead of retrying.
    closedByHost = true;
    events?.close();
    for (const id of ["collect", "vote", "rate"]) $(id).hidden = true;
    $("closed").hidden = false;
    timerLeft = null;
    showTimer();
    $("phase").textContent = "Room closed";
    $("status").textContent = "The facilitator has closed the room. Thank you for taking part!";
  });
  refresh();
  flush();
}

/** @param {HTMLFormElement} f @param {string} name */
const field = (f, name) => /** @type {HTMLInputElement} */ (f.elements.namedItem(name));

form("join-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const f = form("join-form");
  $("join-error").textContent = "";
  try {
    token = null;
    /** @type {JoinRequest} */
    const join = { code: field(f, "code").value.replace(/\s+/g, "").toUpperCase(), name: field(f, "name").value.trim() };
    /** @type {JoinReply} */
    const reply = (await api("POST", "/api/join", join)).data;
    token = reply.token;
    localStorage.setItem(KEY + ":token", reply.token);
    enter();
  } catch (/** @type {any} */ err) {
    $("join-error").textContent = err.message;
  }
});

form("note-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const f = form("note-form");
  $("note-error").textContent = "";
  /** @type {NoteRequest} */
  const note = {
    id: uuid(),
    stageId: field(f, "stage").value,
    laneId: field(f, "lane").value || null,
    kind: /** @type {NoteRequest["kind"]} */ (field(f, "kind").value),
    text: field(f, "text").value.trim(),
  };
  kept = "";
  showKept();
  setQueue([...queue(), note]);
  $("note-sent").textContent = "Sending…";
  field(f, "text").value = "";
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
setInterval(() => {
  if (stale && token && !closedByHost) refresh();
  flush();
}, 5000);
setInterval(showTimer, 1000);
if (token) enter();
