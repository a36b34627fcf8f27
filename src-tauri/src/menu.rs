//! The native menu bar, as data. Every item's id is the name of a UI command; choosing it posts a
//! menu notice (`journeymap::app::notices`) that the UI runs like a shortcut. Single-key shortcuts
//! (T, N, M, 1–3…) stay in the web view so they never steal keys from text fields, and so do the
//! editing chords (Ctrl+C, V, X, A, Z, Y): a menu accelerator would take them from every text
//! field in the window. Those items show their keys in the label instead; the web view runs them
//! on the map and leaves them to the field when one has the focus.

use std::path::PathBuf;
use tauri::menu::{Menu, MenuItemBuilder, MenuItemKind, Submenu, SubmenuBuilder};
use tauri::{AppHandle, Runtime};

/// One entry of a menu.
pub enum Item {
    /// A command: its id (the UI's command name), its label, and its accelerator, if any.
    Command(&'static str, &'static str, Option<&'static str>),
    Separator,
    Submenu(&'static str, &'static [Item]),
    /// The recently opened projects (filled in when the menu is built).
    OpenRecent,
}

use Item::{Command as C, Separator as S};

/// The menu bar, top to bottom.
pub const MENUS: &[(&str, &[Item])] = &[
    (
        "File",
        &[
            C("new", "New Project…", Some("CmdOrCtrl+N")),
            C("open", "Open…", Some("CmdOrCtrl+O")),
            Item::OpenRecent,
            S,
            C("saveAs", "Save As…", Some("CmdOrCtrl+Shift+S")),
            C("restoreBackup", "Restore Backup…", None),
            S,
            C("exportPdf", "Export PDF Report…", Some("CmdOrCtrl+P")),
            Item::Submenu(
                "Export",
                &[
                    C("exportPicture", "Map as SVG or PNG…", None),
                    C("exportHtml", "Web Page (HTML)…", None),
                    C("exportCjml", "CJML Journeys…", None),
                    S,
                    C("exportCsv.touchpoints", "Touchpoints as CSV…", None),
                    C("exportCsv.kpis", "KPIs as CSV…", None),
                    C("exportCsv.feedback", "Feedback as CSV…", None),
                ],
            ),
            Item::Submenu(
                "Import",
                &[
                    C("importTouchpoints", "Touchpoints from CSV or Excel…", None),
                    C("importFeedback", "Feedback from CSV…", None),
                    C("importCjml", "CJML Journeys…", None),
                ],
            ),
            S,
            // Our own Quit, not the predefined one: it writes everything first, and asks when a
            // change could not be written, as closing the window does.
            C("quit", "Quit", Some("CmdOrCtrl+Q")),
        ],
    ),
    (
        "Edit",
        &[
            C("undo", "Undo  (Ctrl+Z)", None),
            C("redo", "Redo  (Ctrl+Shift+Z)", None),
            S,
            C("cut", "Cut  (Ctrl+X)", None),
            C("copy", "Copy  (Ctrl+C)", None),
            C("paste", "Paste  (Ctrl+V)", None),
            C("duplicate", "Duplicate  (Ctrl+D)", None),
            C("deleteSelection", "Delete  (Del)", None),
            S,
            C("selectAll", "Select All  (Ctrl+A)", None),
            C("find", "Find…  (Ctrl+F)", None),
            S,
            C("preferences", "Preferences…", None),
        ],
    ),
    (
        "Insert",
        &[
            C("addTouchpoint", "Touchpoint  (T)", None),
            C("addNote", "Sticky Note  (N)", None),
            C("addStage", "Stage  (Shift+S)", None),
            C("addLane", "Lane  (Shift+L)", None),
            C("connect", "Connect Selected  (C)", None),
        ],
    ),
    (
        "Map",
        &[
            C("newMap", "New Map…", Some("CmdOrCtrl+Shift+M")),
            C("duplicateMap", "Duplicate as To-be", None),
            C("renameMap", "Rename Map…", None),
            C("saveTemplate", "Save Map as Template…", None),
            S,
            C("deleteMap", "Delete Map…", None),
        ],
    ),
    (
        "Touchpoint",
        &[
            C("toggleMomentOfTruth", "Moment of Truth  (M)", None),
            S,
            C("setReliability.broken", "Broken  (1)", None),
            C("setReliability.reliable", "Reliable  (2)", None),
            C(
                "setReliability.differentiating",
                "Differentiating  (3)",
                None,
            ),
            C("setReliability.unrated", "Not Rated  (0)", None),
            C("toggleTop", "Top Touchpoint  (Shift+T)", None),
            S,
            C("align.left", "Align Left", None),
            C("align.top", "Align Top", None),
            C("distribute.horizontally", "Distribute Horizontally", None),
        ],
    ),
    (
        "View",
        &[
            C("zoomIn", "Zoom In", Some("CmdOrCtrl+=")),
            C("zoomOut", "Zoom Out", Some("CmdOrCtrl+-")),
            C("zoomToFit", "Zoom to Fit", Some("CmdOrCtrl+0")),
            C("actualSize", "Actual Size", Some("CmdOrCtrl+1")),
            C("presentationZoom", "Presentation Zoom  (Shift+2)", None),
            C("minimap", "Minimap On/Off  (Shift+M)", None),
            S,
            C("mapView", "Map", None),
            C("tableView", "Table View", Some("CmdOrCtrl+T")),
            C("redesignsView", "Redesigns", Some("CmdOrCtrl+R")),
            C("personasView", "Personas", None),
            C(
                "opportunitiesView",
                "Opportunities",
                Some("CmdOrCtrl+Shift+O"),
            ),
            C("dashboardView", "Dashboard", Some("CmdOrCtrl+Shift+D")),
        ],
    ),
    (
        "Workshop",
        &[
            C("workshop", "Workshop Mode  (F5)", None),
            S,
            C("openRoom", "Open Room…  (Shift+F5)", None),
            C("closeRoom", "Close Room", None),
        ],
    ),
    (
        "Help",
        &[
            C("shortcuts", "Keyboard Shortcuts  (F1)", None),
            S,
            C("about", "About Journeymap", None),
        ],
    ),
];

/// Every command in the menu bar, top to bottom (Open Recent's entries aside): its id, its label
/// and its accelerator.
fn commands() -> Vec<(&'static str, &'static str, Option<&'static str>)> {
    fn walk(items: &[Item], out: &mut Vec<(&'static str, &'static str, Option<&'static str>)>) {
        for item in items {
            match item {
                C(id, label, keys) => out.push((id, label, *keys)),
                Item::Submenu(_, inner) => walk(inner, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for (_, items) in MENUS {
        walk(items, &mut out);
    }
    out
}

/// Every command id in the menu bar.
fn command_ids() -> Vec<&'static str> {
    commands().into_iter().map(|(id, ..)| id).collect()
}

fn submenu<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    items: &[Item],
    recent: &[PathBuf],
) -> tauri::Result<Submenu<R>> {
    let mut menu = SubmenuBuilder::new(app, title);
    for item in items {
        menu = match item {
            C(id, label, accelerator) => {
                let mut b = MenuItemBuilder::with_id(*id, *label);
                if let Some(a) = accelerator {
                    b = b.accelerator(*a);
                }
                menu.item(&b.build(app)?)
            }
            S => menu.separator(),
            Item::Submenu(title, inner) => menu.item(&submenu(app, title, inner, recent)?),
            Item::OpenRecent => {
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
                menu.item(&open_recent.build()?)
            }
        };
    }
    menu.build()
}

/// Whether the item `id` should be enabled when the UI has greyed out `off`: `None` for items the
/// UI does not decide (Open Recent's projects, its "No recent projects" line).
fn enabled_for(id: &str, commands: &[&str], off: &[String]) -> Option<bool> {
    commands.contains(&id).then(|| !off.iter().any(|o| o == id))
}

/// Greys out the commands `off` in `menu` and enables every other command.
pub fn set_items_off<R: Runtime>(menu: &Menu<R>, off: &[String]) -> tauri::Result<()> {
    fn walk<R: Runtime>(
        items: Vec<MenuItemKind<R>>,
        commands: &[&str],
        off: &[String],
    ) -> tauri::Result<()> {
        for item in items {
            match item {
                MenuItemKind::MenuItem(i) => {
                    if let Some(enabled) = enabled_for(&i.id().0, commands, off) {
                        if i.is_enabled()? != enabled {
                            i.set_enabled(enabled)?;
                        }
                    }
                }
                MenuItemKind::Submenu(s) => walk(s.items()?, commands, off)?,
                _ => {}
            }
        }
        Ok(())
    }
    walk(menu.items()?, &command_ids(), off)
}

pub fn build<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) -> tauri::Result<Menu<R>> {
    let menu = Menu::new(app)?;
    for (title, items) in MENUS {
        menu.append(&submenu(app, title, items, recent)?)?;
    }
    Ok(menu)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chords every text field needs for itself (Linux and Windows spelling).
    const TEXT_FIELD_CHORDS: [&str; 7] = [
        "CmdOrCtrl+C",
        "CmdOrCtrl+V",
        "CmdOrCtrl+X",
        "CmdOrCtrl+A",
        "CmdOrCtrl+Z",
        "CmdOrCtrl+Shift+Z",
        "CmdOrCtrl+Y",
    ];

    #[test]
    fn no_accelerator_takes_a_key_from_text_fields() {
        fn walk(items: &[Item]) {
            for item in items {
                match item {
                    C(id, _, Some(a)) => assert!(
                        !TEXT_FIELD_CHORDS.contains(a),
                        "{id} would take {a} from every text field (Ctrl+V would not paste)"
                    ),
                    Item::Submenu(_, inner) => walk(inner),
                    _ => {}
                }
            }
        }
        for (_, items) in MENUS {
            walk(items);
        }
    }

    #[test]
    fn the_ui_greys_out_commands_only() {
        let commands = command_ids();
        let off = vec!["cut".to_string(), "copy".to_string()];
        assert_eq!(enabled_for("cut", &commands, &off), Some(false));
        assert_eq!(enabled_for("copy", &commands, &off), Some(false));
        assert_eq!(enabled_for("paste", &commands, &off), Some(true));
        assert_eq!(enabled_for("closeRoom", &commands, &[]), Some(true));
        // Open Recent's projects and its placeholder line are not the UI's to decide.
        assert_eq!(
            enabled_for("open:/home/a/Workshop.journey", &commands, &off),
            None
        );
        assert_eq!(enabled_for("No recent projects", &commands, &off), None);
    }

    #[test]
    fn ids_are_unique() {
        let ids = command_ids();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(ids.len(), unique.len(), "{ids:?}");
    }

    /// Each command with an accelerator: its label (without the ellipsis) and its keys.
    fn accelerators() -> Vec<(&'static str, &'static str)> {
        commands()
            .into_iter()
            .filter_map(|(_, label, keys)| Some((label.trim_end_matches('…'), keys?)))
            .collect()
    }

    /// The UI's test checks that each of these ids runs a command, and its shortcut list (F1)
    /// shows the accelerators; this keeps both current.
    /// `UPDATE_MENU_IDS=1 cargo test -p journeymap-desktop` rewrites it.
    #[test]
    fn the_ui_knows_every_menu_id() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/src/ui/menuIds.generated.ts");
        let expected = format!(
            "// Generated from src-tauri/src/menu.rs by its tests. Do not edit.\n\
             export const MENU_IDS: string[] = {};\n\
             /** The menu bar's accelerators: each command's label and keys (\"CmdOrCtrl+Shift+S\"). */\n\
             export const MENU_KEYS: Array<[string, string]> = {};\n",
            serde_json::to_string(&command_ids()).expect("ids"),
            serde_json::to_string(&accelerators()).expect("keys")
        );
        if std::env::var_os("UPDATE_MENU_IDS").is_some() {
            std::fs::write(&path, &expected).expect("write menu ids");
        }
        let found = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            found, expected,
            "ui/src/ui/menuIds.generated.ts is stale: run UPDATE_MENU_IDS=1 cargo test -p journeymap-desktop"
        );
    }
}
