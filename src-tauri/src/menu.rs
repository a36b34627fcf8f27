//! The native menu bar. Every item's id is the name of a UI command; choosing it sends a "menu"
//! event that the UI runs like a shortcut. Single-key shortcuts (T, N, M, 1–3…) stay in the web
//! view so they never steal keys from text fields; only Ctrl chords are menu accelerators.

use std::path::PathBuf;
use tauri::menu::{Menu, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Runtime};

fn item<R: Runtime>(
    app: &AppHandle<R>,
    id: &str,
    label: &str,
    accelerator: Option<&str>,
) -> tauri::Result<tauri::menu::MenuItem<R>> {
    let mut b = MenuItemBuilder::with_id(id, label);
    if let Some(a) = accelerator {
        b = b.accelerator(a);
    }
    b.build(app)
}

pub fn build<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) -> tauri::Result<Menu<R>> {
    let mut open_recent = SubmenuBuilder::new(app, "Open Recent");
    for path in recent {
        let label = path.display().to_string();
        open_recent = open_recent.text(format!("open:{label}"), label);
    }
    if recent.is_empty() {
        open_recent = open_recent.item(
            &MenuItemBuilder::new("No recent projects")
                .enabled(false)
                .build(app)?,
        );
    }
    let file = SubmenuBuilder::new(app, "File")
        .item(&item(app, "new", "New Project…", Some("CmdOrCtrl+N"))?)
        .item(&item(app, "open", "Open…", Some("CmdOrCtrl+O"))?)
        .item(&open_recent.build()?)
        .separator()
        .item(&item(app, "saveAs", "Save As…", Some("CmdOrCtrl+Shift+S"))?)
        .item(&item(app, "restoreBackup", "Restore Backup…", None)?)
        .separator()
        .item(&item(
            app,
            "exportPdf",
            "Export PDF Report…",
            Some("CmdOrCtrl+P"),
        )?)
        .item(
            &SubmenuBuilder::new(app, "Export")
                .text("exportPicture", "Map as SVG or PNG…")
                .text("exportHtml", "Web Page (HTML)…")
                .text("exportCjml", "CJML Journeys…")
                .separator()
                .text("exportCsv.touchpoints", "Touchpoints as CSV…")
                .text("exportCsv.kpis", "KPIs as CSV…")
                .text("exportCsv.feedback", "Feedback as CSV…")
                .build()?,
        )
        .item(
            &SubmenuBuilder::new(app, "Import")
                .text("importTouchpoints", "Touchpoints from CSV or Excel…")
                .text("importFeedback", "Feedback from CSV…")
                .text("importCjml", "CJML Journeys…")
                .build()?,
        )
        .separator()
        // Our own Quit, not the predefined one: it writes everything first, and asks when a
        // change could not be written, as closing the window does.
        .item(&item(app, "quit", "Quit", Some("CmdOrCtrl+Q"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item(app, "undo", "Undo", Some("CmdOrCtrl+Z"))?)
        .item(&item(app, "redo", "Redo", Some("CmdOrCtrl+Shift+Z"))?)
        .separator()
        .item(&item(app, "cut", "Cut", Some("CmdOrCtrl+X"))?)
        .item(&item(app, "copy", "Copy", Some("CmdOrCtrl+C"))?)
        .item(&item(app, "paste", "Paste", Some("CmdOrCtrl+V"))?)
        .item(&item(app, "duplicate", "Duplicate", Some("CmdOrCtrl+D"))?)
        .item(&item(app, "deleteSelection", "Delete  (Del)", None)?)
        .separator()
        .item(&item(app, "selectAll", "Select All", Some("CmdOrCtrl+A"))?)
        .build()?;
    let insert = SubmenuBuilder::new(app, "Insert")
        .item(&item(app, "addTouchpoint", "Touchpoint  (T)", None)?)
        .item(&item(app, "addNote", "Sticky Note  (N)", None)?)
        .item(&item(app, "addStage", "Stage  (Shift+S)", None)?)
        .item(&item(app, "addLane", "Lane  (Shift+L)", None)?)
        .item(&item(app, "connect", "Connect Selected  (C)", None)?)
        .build()?;
    let map = SubmenuBuilder::new(app, "Map")
        .item(&item(app, "newMap", "New Map…", Some("CmdOrCtrl+Shift+M"))?)
        .item(&item(app, "duplicateMap", "Duplicate as To-be", None)?)
        .item(&item(app, "renameMap", "Rename Map…", None)?)
        .separator()
        .item(&item(app, "deleteMap", "Delete Map…", None)?)
        .build()?;
    let touchpoint = SubmenuBuilder::new(app, "Touchpoint")
        .item(&item(
            app,
            "toggleMomentOfTruth",
            "Moment of Truth  (M)",
            None,
        )?)
        .separator()
        .item(&item(app, "setReliability.broken", "Broken  (1)", None)?)
        .item(&item(
            app,
            "setReliability.reliable",
            "Reliable  (2)",
            None,
        )?)
        .item(&item(
            app,
            "setReliability.differentiating",
            "Differentiating  (3)",
            None,
        )?)
        .item(&item(app, "toggleTop", "Top Touchpoint  (Shift+T)", None)?)
        .separator()
        .item(&item(app, "align.left", "Align Left", None)?)
        .item(&item(app, "align.top", "Align Top", None)?)
        .item(&item(
            app,
            "distribute.horizontally",
            "Distribute Horizontally",
            None,
        )?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&item(app, "zoomIn", "Zoom In", Some("CmdOrCtrl+="))?)
        .item(&item(app, "zoomOut", "Zoom Out", Some("CmdOrCtrl+-"))?)
        .item(&item(app, "zoomToFit", "Zoom to Fit", Some("CmdOrCtrl+0"))?)
        .separator()
        .item(&item(app, "tableView", "Table View", Some("CmdOrCtrl+T"))?)
        .item(&item(
            app,
            "redesignsView",
            "Redesigns",
            Some("CmdOrCtrl+R"),
        )?)
        .item(&item(
            app,
            "dashboardView",
            "Dashboard",
            Some("CmdOrCtrl+Shift+D"),
        )?)
        .item(&item(app, "workshop", "Workshop Mode  (F5)", None)?)
        .build()?;
    Menu::with_items(app, &[&file, &edit, &insert, &map, &touchpoint, &view])
}
