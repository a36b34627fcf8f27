// Stands in for Tauri's IPC inside a plain browser page: the commands of src-tauri/src/main.rs
// answered from an in-memory project (seeded by window.__SEED__), plus the window, event and
// dialog plugin calls the UI makes, and the shell's notices (`post`). Loaded before the app by the browser tests.
(() => {
  const callbacks = new Map();
  let nextId = 1;
  const state = {
    path: "/home/facilitator/Northwind.journey",
    project: JSON.parse(JSON.stringify(window.__SEED__)),
    writes: [],
    title: "",
    failNextWrite: false,
    nextDialogPath: null,
    backups: [],
    reports: [],
    // The shell's notices not yet taken, and the window's waiting request for them.
    notices: [],
    waiting: null,
    savedTemplates: [],
    clipboardPicture: false,
  };
  const kinds = { persona: "personas", map: "maps", stage: "stages", lane: "lanes", touchpoint: "touchpoints", connector: "connectors", note: "notes", story: "stories", redesign: "redesigns", kpi: "kpis", feedback: "feedback", customerPeriod: "customerPeriods", opportunity: "opportunities", comment: "comments", picture: "pictures" };
  const fixtures = window.__FIXTURES__ ?? {};
  function apply(changes) {
    for (const r of changes.put) {
      if (r.kind === "info") { state.project.info = r.record; continue; }
      if (r.kind === "calendar") { state.project.calendar = r.record; continue; }
      if (r.kind === "template") { state.project.redesignTemplate = r.record; continue; }
      if (r.kind === "topTouchpoints") { state.project.topTouchpoints = r.record; continue; }
      if (r.kind === "pillars") { state.project.pillars = r.record; continue; }
      const list = state.project[kinds[r.kind]];
      const i = list.findIndex((x) => x.id === r.record.id);
      if (i >= 0) list[i] = r.record; else list.push(r.record);
    }
    for (const d of changes.delete) {
      const key = kinds[d.kind];
      state.project[key] = state.project[key].filter((x) => x.id !== d.id);
    }
  }
  const uuid = () => crypto.randomUUID();
  function starterMap(name, kind, position) {
    const mapId = uuid();
    const stages = ["Discover", "Decide", "Experience", "Follow up"];
    const lanes = [["Customer actions", "customerActions"], ["Touchpoints", "touchpoints"], ["Frontstage", "frontstage"], ["Backstage", "backstage"], ["Support systems", "supportSystems"], ["Thoughts & feelings", "thoughtsAndFeelings"], ["Pain points", "painPoints"], ["Opportunities", "opportunities"]];
    return {
      put: [
        { kind: "map", record: { id: mapId, name, kind, personaId: null, otherPersonas: [], description: "", position } },
        ...stages.map((s, i) => ({ kind: "stage", record: { id: uuid(), mapId, name: s, description: "", position: i, width: 420 } })),
        ...lanes.map(([n, k], i) => ({ kind: "lane", record: { id: uuid(), mapId, name: n, kind: k, position: i, height: 128 } })),
      ],
      delete: [],
    };
  }
  const summary = () => ({ touchpoints: state.project.touchpoints.length, momentsOfTruth: state.project.touchpoints.filter((t) => t.momentOfTruth).length });
  // As the core answers an open (src/app/opened.rs): the project without its feedback (fetched by
  // project_feedback), its touchpoints and connectors as rows under their field names, naming ids by place.
  const rows = (records, refs, place) => {
    const columns = records.length ? Object.keys(records[0]) : [];
    return { columns, refs, rows: records.map((r) => columns.map((c) => (refs.includes(c) ? place(r[c]) : r[c]))) };
  };
  const opened = (path) => {
    const ids = [];
    const places = new Map();
    const place = (id) => {
      if (!places.has(id)) places.set(id, ids.push(id) - 1);
      return places.get(id);
    };
    for (const t of state.project.touchpoints) place(t.id);
    return {
      path,
      project: { ...state.project, feedback: [], touchpoints: [], connectors: [] },
      feedbackLeftOut: state.project.feedback.length,
      ids,
      touchpointRows: rows(state.project.touchpoints, ["id", "mapId", "stageId", "laneId"], place),
      connectorRows: rows(state.project.connectors, ["mapId", "fromId", "toId"], place),
    };
  };
  const commands = {
    project_feedback: () => {
      state.feedbackFetches = (state.feedbackFetches ?? 0) + 1;
      return state.project.feedback;
    },
    open_startup_project: () => {
      state.startupAsks = (state.startupAsks ?? 0) + 1;
      if (window.__FAIL_STARTUP__) throw { code: "corrupt-file", message: `${state.path} is damaged (database disk image is malformed); it was left untouched` };
      return opened(state.path);
    },
    open_project: ({ path }) => {
      if (!String(path).endsWith(".journey")) throw { code: "not-a-project-file", message: `${path} is not a Journeymap project file` };
      state.path = path;
      return opened(path);
    },
    create_project: ({ path, name }) => {
      state.path = path;
      state.project = { info: { id: "00000000-0000-4000-8000-000000000001", name, intentStatement: "", brandPromise: "", targetCustomers: "", organisation: "", preparedFor: "", accent: "", logo: null, report: { paper: "a4", sections: [], author: "" } }, personas: [], maps: [], stages: [], lanes: [], touchpoints: [], connectors: [], notes: [], stories: [], calendar: { weekmask: "1111100", holidays: {} }, redesignTemplate: [], redesigns: [], kpis: [], topTouchpoints: [], feedback: [], customerPeriods: [], pillars: [], opportunities: [], comments: [], pictures: [] };
      apply(starterMap("As-is journey", "asIs", 0));
      return opened(path);
    },
    // The core's built-in templates (tests/core/bindings.rs writes them) and a folder of the
    // user's own, kept in memory.
    list_templates: () => ({ templates: [...fixtures.templates.list.templates, ...state.savedTemplates.map((t) => t.entry)], skipped: [] }),
    template_picture: ({ key }) => {
      const svg = fixtures.templates.pictures[key];
      if (svg) return svg;
      if (state.savedTemplates.some((t) => t.entry.key === key)) return fixtures.templates.pictures["hotel-stay"];
      throw { code: "not-found", message: `template "${key}" does not exist` };
    },
    create_from_template: ({ path, name, template }) => {
      const source = fixtures.templates.projects[template] ?? state.savedTemplates.find((t) => t.entry.key === template)?.project;
      if (!source) throw { code: "not-found", message: `template "${template}" does not exist` };
      state.path = path;
      state.project = JSON.parse(JSON.stringify(source));
      state.project.info.name = name;
      state.createdFrom = template;
      return opened(path);
    },
    save_map_as_template: ({ mapId, name, summary, withCards, replace }) => {
      const key = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "template";
      const existing = state.savedTemplates.findIndex((t) => t.entry.key === key);
      if (existing >= 0 && !replace) throw { code: "file-exists", message: `${key}.journey already exists` };
      const p = state.project;
      const mine = (xs) => xs.filter((x) => x.mapId === mapId);
      const project = { ...JSON.parse(JSON.stringify(p)), maps: p.maps.filter((m) => m.id === mapId), stages: mine(p.stages), lanes: mine(p.lanes), touchpoints: withCards ? mine(p.touchpoints) : [], notes: withCards ? mine(p.notes) : [], connectors: withCards ? mine(p.connectors) : [], redesigns: [], kpis: [], feedback: [], topTouchpoints: [], stories: [] };
      project.info = { ...project.info, name };
      const entry = { key, name, summary: summary?.trim() ?? project.maps[0]?.description ?? "", origin: "yours", stages: project.stages.length, cards: project.touchpoints.length + project.notes.length };
      if (existing >= 0) state.savedTemplates.splice(existing, 1);
      state.savedTemplates.push({ entry, project, withCards });
      return entry;
    },
    // The core shrinks and re-encodes; the double hands back a small real PNG, or refuses.
    read_picture: ({ path }) => {
      if (!/\.(png|jpe?g|webp)$/i.test(path)) throw { code: "invalid-input", message: "the picture cannot be read: it is not a PNG, JPEG or WebP image (save it as one of those first)" };
      return { mediaType: "image/png", width: 64, height: 40, data: fixtures.picture };
    },
    picture_from_data: () => ({ mediaType: "image/png", width: 64, height: 40, data: fixtures.picture }),
    // The system clipboard as the shell reads it (a test puts a picture there, or leaves none).
    clipboard_picture: () => {
      if (!state.clipboardPicture) throw { code: "invalid-input", message: "the clipboard holds no picture: copy an image (PNG, JPEG or WebP) first, or choose a file" };
      return { mediaType: "image/png", width: 64, height: 40, data: fixtures.picture };
    },
    read_portrait: ({ path }) => ({ mediaType: "image/png", width: 64, height: 40, data: fixtures.picture }),
    portrait_from_data: () => ({ mediaType: "image/png", width: 64, height: 40, data: fixtures.picture }),
    remove_template: ({ key }) => {
      state.savedTemplates = state.savedTemplates.filter((t) => t.entry.key !== key);
      return null;
    },
    // A double of the core's starter_map (src/model/starter.rs), same stages and lanes.
    new_map: ({ name, kind, position }) => starterMap(name, kind, position),
    // As the core: the template's first map and what is on it, every id fresh.
    new_map_from_template: ({ template, name, position }) => {
      const source = fixtures.templates.projects[template] ?? state.savedTemplates.find((t) => t.entry.key === template)?.project;
      if (!source) throw { code: "not-found", message: `template "${template}" does not exist` };
      const first = [...source.maps].sort((a, b) => a.position - b.position)[0];
      const on = (xs) => xs.filter((x) => x.mapId === first.id);
      const put = [
        { kind: "map", record: { ...first, name, position } },
        ...on(source.stages).map((record) => ({ kind: "stage", record })),
        ...on(source.lanes).map((record) => ({ kind: "lane", record })),
        ...on(source.touchpoints).map((record) => ({ kind: "touchpoint", record })),
        ...on(source.connectors).map((record) => ({ kind: "connector", record })),
        ...on(source.notes).map((record) => ({ kind: "note", record })),
      ];
      const fresh = new Map();
      const text = JSON.stringify(put).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
        if (!fresh.has(id)) fresh.set(id, uuid());
        return fresh.get(id);
      });
      state.mapFrom = template;
      return { put: JSON.parse(text), delete: [] };
    },
    apply_changes: ({ changes }) => {
      if (state.failNextWrite || state.failWrites) { state.failNextWrite = false; throw { code: "io", message: "disk full" }; }
      state.writes.push(changes);
      apply(changes);
      return summary();
    },
    save_project_as: ({ path }) => { state.path = path; return opened(path); },
    export_report: ({ path, request }) => { state.reports.push({ path, ...request }); return 81234; },
    // The live room, as the panel sees it: a state the test sets, and what was asked of it.
    open_room: () => (state.room = state.room ?? { url: "http://192.0.2.2:4000/", code: "K7PMQ3", phase: "collect", locked: false, voteBudget: 5, participants: [] }),
    room_state: () => state.room ?? null,
    room_qr: () => '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
    remove_participant: ({ id }) => {
      state.room.participants = state.room.participants.filter((p) => p.id !== id);
      (state.removed ??= []).push(id);
      return state.room;
    },
    close_room: () => { state.room = null; state.roomClosed = true; return null; },
    open_report: () => { state.opened = (state.opened ?? 0) + 1; return null; },
    list_backups: () => state.backups.map((b) => b.entry),
    restore_backup: ({ path }) => {
      const b = state.backups.find((x) => x.entry.path === path);
      if (!b) throw { code: "invalid-input", message: "not a backup" };
      state.project = JSON.parse(JSON.stringify(b.project));
      return opened(state.path);
    },
    // Test doubles of the core's pure redesign commands (the real ones run in the e2e test).
    new_redesign: ({ id, touchpointId, title, start, template }) => ({ id, touchpointId, title, description: "", start, phases: template.map((t) => ({ name: t.name, days: t.days, status: "notStarted", actualStart: null, actualEnd: null, owner: "", notes: "" })), history: [], proposal: { problem: "", change: "", steps: "", owner: "", cost: "", employees: "", effect: "", effectKpiId: null, decision: "" }, responses: [], endedOn: null }),
    respond_to_corporate: ({ redesign, response, afterRejection }) => {
      const r = JSON.parse(JSON.stringify(redesign));
      if (r.phases.slice(0, 3).some((p) => p.status !== "done")) throw { code: "invalid-input", message: "corporate's response is recorded once the proposal has gone out" };
      Object.assign(r.phases[3], { status: "done", actualStart: r.phases[3].actualStart ?? response.date, actualEnd: response.date });
      if (response.decision === "rejected" && afterRejection === "end") r.endedOn = response.date;
      r.responses.push(response);
      return r;
    },
    export_proposal: ({ path, redesignId, request }) => { state.proposals = [...(state.proposals ?? []), { path, redesignId, ...request }]; return 41234; },
    advance_phase: ({ redesign, phase, status, date, note }) => {
      const r = JSON.parse(JSON.stringify(redesign));
      const p = r.phases[phase];
      if (status === "inProgress" && p.status === "notStarted" && phase > 0 && r.phases[phase - 1].status !== "done") throw { code: "invalid-input", message: "previous phase not done" };
      if (status === "inProgress" && p.status === "notStarted") p.actualStart = date;
      if (status === "done") p.actualEnd = date;
      r.history.push({ date, phase, from: p.status, to: status, note });
      p.status = status;
      return r;
    },
    redesign_progress: ({ redesigns, today }) => redesigns.map((r) => {
      const cur = r.phases.findIndex((p) => p.status !== "done");
      const phases = r.phases.map((p) => ({ name: p.name, start: r.start, end: r.start, days: p.days }));
      const late = r.title.startsWith("Three");
      const awaiting = !r.endedOn && r.phases[3]?.status !== "done" && r.phases.slice(0, 3).every((p) => p.status === "done") ? 3 : null;
      if (r.endedOn) return { state: "rejected", currentPhase: null, baseline: { start: r.start, end: r.start, phases }, forecast: phases, forecastEnd: r.endedOn, workDaysRemaining: 0, awaitingResponse: null };
      return { state: cur < 0 ? "done" : late ? "late" : "onTrack", currentPhase: cur < 0 ? null : cur, baseline: { start: r.start, end: r.start, phases }, forecast: phases, forecastEnd: today, workDaysRemaining: cur < 0 ? 0 : 3, awaitingResponse: awaiting };
    }),
    read_logo: ({ path }) => {
      if (!String(path).endsWith(".svg")) throw { code: "invalid-input", message: "the logo is 51200 KB; the largest kept is 512 KB — save a smaller PNG or an SVG" };
      return { mediaType: "image/svg+xml", data: btoa('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="40" height="40" fill="#0e7490"/></svg>') };
    },
    read_holidays: ({ path }) => {
      if (!String(path).endsWith(".ics")) throw { code: "invalid-import", message: `1 line of the file cannot be imported, so nothing was imported: line 2: "soon" is not a date (use YYYY-MM-DD)` };
      return { holidays: { "2026-12-24": "Christmas Eve", "2026-12-31": "New Year's Eve" }, notImported: [] };
    },
    // The core's figures and CSV reading, replayed from what it computed for the sample
    // (ui/tests/fixtures, kept current by a Rust test); the real commands run in the e2e test.
    dashboard: ({ mapId, today }) => { state.dashboardCalls = [...(state.dashboardCalls ?? []), { mapId, today }]; return fixtures.dashboard; },
    preview_feedback_csv: ({ path, mapping }) => {
      if (!String(path).endsWith(".csv")) throw { code: "invalid-import", message: "1 line of the file cannot be imported, so nothing was imported: line 3: \"yesterday\" is not a date (use YYYY-MM-DD)" };
      return mapping ? { ...fixtures.preview, mapping } : fixtures.preview;
    },
    read_feedback_csv: ({ mapping }) => { state.importMapping = mapping; return fixtures.imported; },
    preview_touchpoints_sheet: ({ path, mapping }) => {
      if (!/\.(csv|xlsx)$/.test(String(path))) throw { code: "invalid-import", message: "1 line of the file cannot be imported, so nothing was imported: line 1: not a readable .xlsx workbook" };
      return mapping ? { ...fixtures.sheetPreview, mapping } : fixtures.sheetPreview;
    },
    read_touchpoints_sheet: ({ mapping }) => { state.sheetMapping = mapping; return fixtures.sheetChanges; },
    read_cjml: () => fixtures.cjml,
    export_map_picture: ({ path, mapId, scale, viewport }) => { state.pictures = [...(state.pictures ?? []), { path, mapId, scale, viewport }]; return 123456; },
    export_html: ({ path, today }) => { state.html = { path, today }; return 56789; },
    export_cjml: ({ path }) => { state.cjml = path; return ["emotion scores (no CJML equivalent)"]; },
    about: () => ({ version: "9.8.7", fileFormat: 7 }),
    export_csv: ({ table, path }) => { state.csvExports = [...(state.csvExports ?? []), { table, path }]; return 2048; },
    "plugin:window|set_title": ({ value }) => { state.title = value; },
    "plugin:window|set_fullscreen": () => null,
    set_menu_items_off: ({ ids }) => { state.menuOff = ids; },
    // The window keeps one request for notices waiting; `post` answers it.
    next_notices: () => (state.notices.length > 0 ? state.notices.splice(0) : new Promise((resolve) => { state.waiting = resolve; })),
    // The system's pickers: each call's options kept; with `holdDialog` set, the picker stays up
    // until the test calls `closeDialog()` (as a person takes their time choosing a file).
    "plugin:dialog|open": (args) => picker(args),
    "plugin:dialog|save": (args) => picker(args),
    // The person's folders, as the shell names them on Linux (BaseDirectory: 6 Document, 14 AppData, 21 Home).
    "plugin:path|resolve_directory": ({ directory }) => {
      const folder = { 6: "/home/facilitator/Documents", 14: "/home/facilitator/.local/share/com.journeymap.app", 21: "/home/facilitator" }[directory];
      if (!folder) throw `unknown directory ${directory}`;
      return folder;
    },
  };
  function picker(args) {
    state.dialogs = [...(state.dialogs ?? []), args.options];
    if (!state.holdDialog) return state.nextDialogPath;
    return new Promise((resolve) => {
      state.closeDialog = () => {
        state.closeDialog = undefined;
        resolve(state.nextDialogPath);
      };
    });
  }
  window.__TAURI_MOCK__ = state;
  /** What the shell does for a menu command, a close asked for, the room's changes or a file drop. */
  window.__TAURI_MOCK__.post = (notice) => {
    state.notices.push(notice);
    const waiting = state.waiting;
    state.waiting = null;
    if (waiting) waiting(state.notices.splice(0));
  };
  window.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: "main" }, currentWebview: { windowLabel: "main", label: "main" } },
    transformCallback(cb) { const id = nextId++; callbacks.set(id, cb); return id; },
    unregisterCallback(id) { callbacks.delete(id); },
    async invoke(cmd, args) {
      const handler = commands[cmd];
      if (!handler) throw { code: "ipc", message: `unmocked command ${cmd}` };
      // A slow core for one command, to show what the window does while it waits.
      // `delays[cmd]` is a list: the first call waits the first number of milliseconds, and so on.
      const delay = state.delays?.[cmd]?.shift();
      if (delay) await new Promise((r) => setTimeout(r, delay));
      return JSON.parse(JSON.stringify((await handler(args ?? {})) ?? null));
    },
    convertFileSrc: (p) => p,
  };
  window.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener() {} };
})();
