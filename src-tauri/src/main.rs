//! The Journeymap desktop shell: one window, its state and its commands. Commands are one-line
//! adapters onto `journeymap::app::session::Session`; no journey-mapping logic lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod clipboard;
#[cfg(target_os = "linux")]
mod memory;
mod menu;
mod qr;
#[cfg(target_os = "linux")]
mod rendering;
mod screen;
mod startup;

use chrono::NaiveDate;
use journeymap::app::backup::{BackupEntry, Backups};
use journeymap::app::notices::{Notice, Notices};
use journeymap::app::recent::RecentFiles;
use journeymap::app::room::{RoomHost, RoomOptions, RoomPhase, RoomSlot, RoomState};
use journeymap::app::{
    CjmlRead, OpenedProject, PictureData, Session, TemplateEntry, TemplateList, Templates,
};
use journeymap::export::Viewport;
use journeymap::interchange::feedback_csv::{FeedbackMapping, FeedbackPreview};
use journeymap::interchange::holidays::HolidayImport;
use journeymap::interchange::tables::Table;
use journeymap::interchange::touchpoints_csv::{TouchpointMapping, TouchpointPreview};
use journeymap::measure::{Dashboard, Feedback};
use journeymap::model::{new_id, Changes, Id, MapKind, Summary};
use journeymap::report::ReportRequest;
use journeymap::workflow::{
    AfterRejection, CorporateResponse, PhaseStatus, PhaseTemplate, Redesign, RedesignProgress,
    WorkCalendar,
};
use journeymap::Error;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tauri::ipc::Response;
use tauri::{AppHandle, DragDropEvent, Manager, State, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// The window's session. Commands are synchronous and never hold the lock across an await. The
/// live room shares it, so the room's contributions are written through the same session.
struct Workspace(Arc<Mutex<Session>>);

/// The file to open when the UI asks what to show first.
struct Startup(PathBuf);

/// The app's rolling backups of the projects it edits.
struct BackupStore(Backups);

/// How often a project being edited is backed up, and how many backups are kept.
const BACKUP_EVERY_MINUTES: i64 = 10;
const BACKUPS_KEPT: usize = 20;

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Backs the open project up when one is due. A failed backup must never fail the edit it
/// follows, so it is only reported on the console.
fn back_up(state: &State<'_, Workspace>, store: &State<'_, BackupStore>) {
    let every = chrono::Duration::minutes(BACKUP_EVERY_MINUTES);
    if let Err(e) = session(state).back_up_if_due(&store.0, now(), every) {
        eprintln!("backup skipped: {e}");
    }
}

/// Where the recent-files list is kept.
struct RecentStore(PathBuf);

/// Remembers a project that opened, refreshes the Open Recent menu, and answers the window with
/// the project serialized straight from the session's copy.
fn remember(app: &AppHandle, opened: Result<OpenedProject, Error>) -> Result<Response, Error> {
    let opened = opened?;
    // Another project is open now: the room on the previous one ends.
    app.state::<RoomSlot>().close();
    let store = &app.state::<RecentStore>().0;
    let mut recent = RecentFiles::load(store);
    let before = recent.clone();
    recent.push(std::path::Path::new(&opened.path));
    // Reopening the last project (most starts) changes nothing: the menu is not rebuilt, which
    // spares the window 5-9 ms of waiting on this thread for its project.
    if recent != before {
        // The list is a convenience: failing to write it must not fail the open.
        let _ = recent.save(store);
        if let Ok(m) = menu::build(app, &recent.existing()) {
            let _ = menu::set_items_off(
                &m,
                &app.state::<MenuItemsOff>()
                    .0
                    .lock()
                    .unwrap_or_else(|e| e.into_inner()),
            );
            let _ = app.set_menu(m);
        }
    }
    Ok(Response::new(opened.to_json()))
}

/// The commands the window has greyed out in the menu bar, kept for a menu rebuilt later.
struct MenuItemsOff(Mutex<Vec<String>>);

/// Greys out the menu items whose commands would do nothing now (the window decides which).
#[tauri::command]
fn set_menu_items_off(app: AppHandle, kept: State<'_, MenuItemsOff>, ids: Vec<String>) {
    if let Some(Err(e)) = app.menu().map(|m| menu::set_items_off(&m, &ids)) {
        eprintln!("menu items not updated: {e}");
    }
    *kept.0.lock().unwrap_or_else(|e| e.into_inner()) = ids;
}

fn session<'a>(state: &'a State<'_, Workspace>) -> std::sync::MutexGuard<'a, Session> {
    // A panic while writing cannot leave the session half-updated (ProjectFile::apply commits or
    // keeps the old state), so a poisoned lock is safe to keep using.
    state.0.lock().unwrap_or_else(|e| e.into_inner())
}

/// Opens a project, adds it to Open Recent, and takes a backup if one is due. The backup (a
/// copy of the whole file, some 150 ms at 10,000 cards) runs beside the window drawing the
/// project rather than before it.
fn open_and_keep(app: &AppHandle, path: &std::path::Path) -> Result<Response, Error> {
    let opened = remember(app, session(&app.state()).open(path));
    let app = app.clone();
    std::thread::spawn(move || {
        back_up(&app.state(), &app.state());
        #[cfg(target_os = "linux")]
        memory::give_back();
    });
    opened
}

#[tauri::command]
fn open_startup_project(app: AppHandle, startup: State<'_, Startup>) -> Result<Response, Error> {
    open_and_keep(&app, &startup.0)
}

#[tauri::command]
fn open_project(app: AppHandle, path: PathBuf) -> Result<Response, Error> {
    open_and_keep(&app, &path)
}

#[tauri::command]
fn create_project(
    app: AppHandle,
    state: State<'_, Workspace>,
    path: PathBuf,
    name: String,
) -> Result<Response, Error> {
    remember(&app, session(&state).create_named(&path, &name))
}

/// The built-in templates and the user's own folder (shared with `journeymap templates`).
struct TemplateStore(Templates);

#[tauri::command]
fn create_from_template(
    app: AppHandle,
    state: State<'_, Workspace>,
    store: State<'_, TemplateStore>,
    path: PathBuf,
    name: String,
    template: String,
) -> Result<Response, Error> {
    remember(
        &app,
        session(&state).create_from_template(&path, &name, &store.0, &template),
    )
}

#[tauri::command(async)]
fn list_templates(store: State<'_, TemplateStore>) -> Result<TemplateList, Error> {
    store.0.list()
}

/// The records of a new map started from a template (Map → New Map…), fresh ids throughout.
#[tauri::command(async)]
fn new_map_from_template(
    store: State<'_, TemplateStore>,
    template: String,
    name: String,
    position: i32,
) -> Result<Changes, Error> {
    store.0.map(&template, &name, position)
}

/// A template's map as SVG, for the picker's thumbnail.
#[tauri::command(async)]
fn template_picture(store: State<'_, TemplateStore>, key: String) -> Result<String, Error> {
    store.0.picture(&key)
}

#[tauri::command]
fn save_map_as_template(
    state: State<'_, Workspace>,
    store: State<'_, TemplateStore>,
    map_id: Id,
    name: String,
    summary: Option<String>,
    with_cards: bool,
    replace: bool,
) -> Result<TemplateEntry, Error> {
    session(&state).save_map_as_template(
        &store.0,
        map_id,
        &name,
        summary.as_deref(),
        with_cards,
        replace,
    )
}

/// The picture in an image file (a card's picture), shrunk to fit; refused with why otherwise.
#[tauri::command(async)]
fn read_picture(path: PathBuf) -> Result<PictureData, Error> {
    journeymap::app::read_picture(&path)
}

/// The picture in pasted image bytes (base64).
#[tauri::command(async)]
fn picture_from_data(data: String) -> Result<PictureData, Error> {
    journeymap::app::picture_from_base64(&data)
}

/// The picture on the system clipboard, for a card or (`portrait`) a persona.
#[tauri::command(async)]
fn clipboard_picture(app: AppHandle, portrait: bool) -> Result<PictureData, Error> {
    let (tx, rx) = std::sync::mpsc::channel();
    app.run_on_main_thread(move || {
        let _ = tx.send(clipboard::image_png());
    })
    .map_err(|e| Error::InvalidInput(format!("the clipboard cannot be read: {e}")))?;
    let png = rx
        .recv()
        .map_err(|_| Error::InvalidInput("the clipboard cannot be read".into()))??;
    let fit = if portrait {
        journeymap::model::PictureFit::PORTRAIT
    } else {
        journeymap::model::PictureFit::CARD
    };
    journeymap::app::picture_within(&png, fit)
}

/// A persona's portrait from an image file, shrunk to a portrait's size.
#[tauri::command(async)]
fn read_portrait(path: PathBuf) -> Result<PictureData, Error> {
    journeymap::app::read_portrait(&path)
}

/// A persona's portrait from pasted image bytes (base64).
#[tauri::command(async)]
fn portrait_from_data(data: String) -> Result<PictureData, Error> {
    journeymap::app::portrait_from_base64(&data)
}

#[tauri::command]
fn remove_template(store: State<'_, TemplateStore>, key: String) -> Result<(), Error> {
    store.0.remove(&key)
}

#[tauri::command]
fn apply_changes(
    state: State<'_, Workspace>,
    store: State<'_, BackupStore>,
    room: State<'_, RoomSlot>,
    changes: Changes,
) -> Result<Summary, Error> {
    let summary = session(&state).apply(&changes)?;
    room.host_changed();
    back_up(&state, &store);
    Ok(summary)
}

#[tauri::command]
fn list_backups(
    state: State<'_, Workspace>,
    store: State<'_, BackupStore>,
) -> Result<Vec<BackupEntry>, Error> {
    session(&state).backups(&store.0)
}

#[tauri::command]
fn restore_backup(
    state: State<'_, Workspace>,
    store: State<'_, BackupStore>,
    slot: State<'_, RoomSlot>,
    path: PathBuf,
) -> Result<Response, Error> {
    // The project is replaced: a room on it ends (the window forgets it too).
    slot.close();
    session(&state)
        .restore(&store.0, &path, now())
        .map(|restored| Response::new(restored.to_json()))
}

/// What the shell has to tell the window since it last asked, waiting for the next when there
/// is nothing yet: the window keeps one of these asked (`journeymap::app::notices`).
#[tauri::command]
async fn next_notices(notices: State<'_, Notices>) -> Result<Vec<Notice>, Error> {
    Ok(notices.next().await)
}

/// Opens the live room on a map: participants' notes, votes and ratings are written through
/// the window's session and shown on the canvas as they arrive (as notices).
#[tauri::command]
fn open_room(
    app: AppHandle,
    state: State<'_, Workspace>,
    slot: State<'_, RoomSlot>,
    map_id: Id,
) -> Result<RoomState, Error> {
    let host = RoomHost {
        session: state.0.clone(),
        on_change: Arc::new(move |changes: &Changes, label: &str| {
            app.state::<Notices>().post(Notice::RoomChange {
                changes: changes.clone(),
                label: label.to_owned(),
            });
        }),
    };
    let options = RoomOptions {
        bind: std::net::Ipv4Addr::UNSPECIFIED.into(),
        port: 0,
        map_id,
    };
    slot.open(host, options, tauri::async_runtime::handle().inner())
}

#[tauri::command]
fn about() -> journeymap::app::About {
    journeymap::app::About::this_build()
}

#[tauri::command]
fn room_state(slot: State<'_, RoomSlot>) -> Option<RoomState> {
    slot.state()
}

/// The join address as a QR code (SVG), for phones to scan off the projector.
#[tauri::command]
fn room_qr(url: String) -> Result<String, Error> {
    qr::svg(&url)
}

#[tauri::command]
fn set_room_phase(slot: State<'_, RoomSlot>, phase: RoomPhase) -> Result<RoomState, Error> {
    slot.control(|room| {
        room.set_phase(phase);
        Ok(())
    })
}

#[tauri::command]
fn set_room_locked(slot: State<'_, RoomSlot>, locked: bool) -> Result<RoomState, Error> {
    slot.control(|room| {
        room.set_locked(locked);
        Ok(())
    })
}

#[tauri::command]
fn set_room_budget(slot: State<'_, RoomSlot>, votes: u32) -> Result<RoomState, Error> {
    slot.control(|room| room.set_budget(votes))
}

#[tauri::command]
fn remove_participant(slot: State<'_, RoomSlot>, id: Id) -> Result<RoomState, Error> {
    slot.control(|room| room.remove(id))
}

/// The workshop timer, shown on every participant's screen.
#[tauri::command]
fn set_room_timer(
    slot: State<'_, RoomSlot>,
    remaining: u32,
    running: bool,
) -> Result<RoomState, Error> {
    slot.control(|room| {
        room.set_timer(Some((remaining, running)));
        Ok(())
    })
}

#[tauri::command]
fn close_room(slot: State<'_, RoomSlot>) {
    slot.close()
}

#[tauri::command]
fn save_project_as(
    app: AppHandle,
    state: State<'_, Workspace>,
    path: PathBuf,
) -> Result<Response, Error> {
    remember(&app, session(&state).save_as(&path))
}

/// Where every redesign stands on `today` (the UI's local date), by the core's rules.
#[tauri::command]
fn redesign_progress(
    calendar: WorkCalendar,
    redesigns: Vec<Redesign>,
    today: NaiveDate,
) -> Vec<RedesignProgress> {
    redesigns
        .iter()
        .map(|r| r.progress(&calendar, today))
        .collect()
}

/// A redesign with one phase moved to a new status (the UI records it as an undoable change).
#[tauri::command]
fn advance_phase(
    redesign: Redesign,
    phase: usize,
    status: PhaseStatus,
    date: NaiveDate,
    note: String,
) -> Result<Redesign, Error> {
    Ok(redesign.set_phase_status(phase, status, date, note)?)
}

/// A redesign with corporate's answer recorded (the UI records it as an undoable change).
#[tauri::command]
fn respond_to_corporate(
    redesign: Redesign,
    response: CorporateResponse,
    after_rejection: AfterRejection,
    calendar: WorkCalendar,
) -> Result<Redesign, Error> {
    Ok(redesign.respond(response, after_rejection, &calendar)?)
}

/// The records of a new map with the standard lanes and stages to rename (the UI adds them as one
/// undoable step).
#[tauri::command]
fn new_map(name: String, kind: MapKind, position: i32) -> Changes {
    journeymap::model::starter_map(&name, kind, position, new_id)
}

/// A new redesign of a touchpoint, planned from the project's template.
#[tauri::command]
fn new_redesign(
    id: Id,
    touchpoint_id: Id,
    title: String,
    start: NaiveDate,
    template: Vec<PhaseTemplate>,
) -> Redesign {
    Redesign::new(id, touchpoint_id, title, start, &template)
}

/// Holidays from an .ics or CSV file the user picked, for the calendar settings to merge, and
/// the events left out.
#[tauri::command]
fn read_holidays(path: PathBuf, today: NaiveDate) -> Result<HolidayImport, Error> {
    journeymap::interchange::holidays::read(&path, today)
}

/// The organisation's logo from a PNG or SVG file the user picked, checked (size, format, that
/// it draws); the UI stores it in the project as an undoable change.
#[tauri::command]
fn read_logo(path: PathBuf) -> Result<journeymap::model::Logo, Error> {
    journeymap::app::read_logo(&path)
}

/// Bumped on every move or resize; a save runs only if no newer change came in meanwhile.
static WINDOW_CHANGES: AtomicU64 = AtomicU64::new(0);

/// What of the window is remembered between runs: not full screen, which is workshop mode's
/// (quitting during a workshop must not start the next session full screen).
fn remembered() -> StateFlags {
    StateFlags::all() - StateFlags::FULLSCREEN
}

/// Saves the window's size and position 400 ms after it stops changing, so a crash or a kill
/// (not only a clean quit) still reopens the window where the facilitator left it.
fn remember_window_soon(app: &AppHandle) {
    let generation = WINDOW_CHANGES.fetch_add(1, Ordering::SeqCst) + 1;
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(400));
        if WINDOW_CHANGES.load(Ordering::SeqCst) == generation {
            // Best effort: the state is a convenience, the project is already saved.
            let _ = app.save_window_state(remembered());
        }
    });
}

/// The report this window wrote last: the only file `open_report` will open.
struct LastReport(Mutex<Option<PathBuf>>);

/// Writes the PDF report of the open project. Runs off the UI thread; the session is let go
/// before the pages are drawn, so autosave is never blocked while the report renders.
#[tauri::command(async)]
fn export_report(
    state: State<'_, Workspace>,
    last: State<'_, LastReport>,
    path: PathBuf,
    request: ReportRequest,
) -> Result<u64, Error> {
    let job = session(&state).report(&request, now())?;
    job.write(&path)
        .inspect(|_| *last.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(path))
}

/// Writes a redesign's proposal to corporate as a PDF, like `export_report` (off the UI thread,
/// the session let go before the pages are drawn); `open_report` then opens it.
#[tauri::command(async)]
fn export_proposal(
    state: State<'_, Workspace>,
    last: State<'_, LastReport>,
    path: PathBuf,
    redesign_id: Id,
    request: ReportRequest,
) -> Result<u64, Error> {
    let job = session(&state).proposal(&redesign_id.to_string(), &request, now())?;
    job.write(&path)
        .inspect(|_| *last.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(path))
}

/// The open project's feedback, which opening it left out (the window asks when a view needs it).
#[tauri::command]
fn project_feedback(state: State<'_, Workspace>) -> Result<Response, Error> {
    session(&state).feedback_json().map(Response::new)
}

/// The dashboard's figures for one map (every map when `None`) on the UI's `today`.
#[tauri::command]
fn dashboard(
    state: State<'_, Workspace>,
    map_id: Option<Id>,
    today: NaiveDate,
) -> Result<Dashboard, Error> {
    session(&state).dashboard(map_id, today)
}

/// The mapping step of a feedback CSV import: the columns, a preview, the problems.
#[tauri::command(async)]
fn preview_feedback_csv(
    state: State<'_, Workspace>,
    path: PathBuf,
    map_id: Id,
    mapping: Option<FeedbackMapping>,
) -> Result<FeedbackPreview, Error> {
    session(&state).preview_feedback(&path, map_id, mapping)
}

/// Every row of a feedback CSV as feedback for the UI to add (one undoable step), or the bad lines.
#[tauri::command(async)]
fn read_feedback_csv(
    state: State<'_, Workspace>,
    path: PathBuf,
    mapping: FeedbackMapping,
) -> Result<Vec<Feedback>, Error> {
    session(&state).read_feedback(&path, &mapping)
}

/// Writes touchpoints, KPIs or feedback as CSV for spreadsheets.
#[tauri::command(async)]
fn export_csv(state: State<'_, Workspace>, table: Table, path: PathBuf) -> Result<u64, Error> {
    session(&state).export_csv(table, &path)
}

/// Writes a map as SVG (`scale` absent) or PNG, whole or the part in view.
#[tauri::command(async)]
fn export_map_picture(
    state: State<'_, Workspace>,
    path: PathBuf,
    map_id: Id,
    scale: Option<f32>,
    viewport: Option<Viewport>,
) -> Result<u64, Error> {
    session(&state).export_picture(&path, map_id, scale, viewport)
}

/// Writes the project as a self-contained web page.
#[tauri::command(async)]
fn export_html(state: State<'_, Workspace>, path: PathBuf, today: NaiveDate) -> Result<u64, Error> {
    session(&state).export_html(&path, today)
}

/// Writes the maps as CJML; returns what CJML could not hold.
#[tauri::command(async)]
fn export_cjml(state: State<'_, Workspace>, path: PathBuf) -> Result<Vec<String>, Error> {
    session(&state).export_cjml(&path)
}

/// The mapping step of a touchpoint sheet (CSV or .xlsx) import.
#[tauri::command(async)]
fn preview_touchpoints_sheet(
    state: State<'_, Workspace>,
    path: PathBuf,
    map_id: Option<Id>,
    mapping: Option<TouchpointMapping>,
) -> Result<TouchpointPreview, Error> {
    session(&state).preview_touchpoints(&path, map_id, mapping)
}

/// The changes a touchpoint sheet makes, for the UI to apply as one undoable step.
#[tauri::command(async)]
fn read_touchpoints_sheet(
    state: State<'_, Workspace>,
    path: PathBuf,
    mapping: TouchpointMapping,
) -> Result<Changes, Error> {
    session(&state).read_touchpoints(&path, &mapping)
}

/// The changes a CJML document makes, for the UI to apply as one undoable step.
#[tauri::command(async)]
fn read_cjml(state: State<'_, Workspace>, path: PathBuf) -> Result<CjmlRead, Error> {
    session(&state).read_cjml(&path)
}

/// Opens the report just written in the system's PDF viewer.
#[tauri::command]
fn open_report(app: AppHandle, last: State<'_, LastReport>) -> Result<(), Error> {
    use tauri_plugin_opener::OpenerExt;
    let path = last.0.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let path = path.ok_or_else(|| Error::InvalidInput("no report has been written yet".into()))?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| Error::InvalidInput(format!("could not open {}: {e}", path.display())))
}

fn main() {
    #[cfg(target_os = "linux")]
    {
        rendering::prefer_shared_memory_without_gpu();
        memory::hold_less();
    }
    tauri::Builder::default()
        // First, so a second start hands its file to the running app and exits before it opens
        // a window or touches a project (two processes would fight over the file's lock).
        .plugin(tauri_plugin_single_instance::init(|app, argv, cwd| {
            startup::second_start(app, argv, cwd);
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(remembered())
                .build(),
        )
        .setup(|app| {
            let data_dir = app.path().app_data_dir()?;
            let store = app.path().app_config_dir()?.join("recent.json");
            let recent = RecentFiles::load(&store).existing();
            let first =
                startup::project_path(std::env::args_os().nth(1), recent.first(), &data_dir)?;
            app.set_menu(menu::build(app.handle(), &recent)?)?;
            app.manage(Startup(first));
            app.manage(RecentStore(store));
            app.manage(LastReport(Mutex::new(None)));
            app.manage(MenuItemsOff(Mutex::new(Vec::new())));
            app.manage(BackupStore(Backups::new(
                data_dir.join("backups"),
                BACKUPS_KEPT,
            )));
            let templates = Templates::user_folder().unwrap_or_else(|| data_dir.join("templates"));
            app.manage(TemplateStore(Templates::new(templates)));
            app.manage(Workspace(Arc::new(Mutex::new(Session::default()))));
            app.manage(RoomSlot::default());
            app.manage(Notices::default());
            if let Some(window) = app.get_webview_window("main") {
                // Best effort: a window that cannot be measured keeps its size.
                let _ = screen::fit_to_screen(&window);
            }
            // Read the project while WebKit starts its processes (some 600 ms), so that it is
            // open when the window asks for it. A file that fails here is tried again then, and
            // the window shows why.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let _ = session(&handle.state()).open(&handle.state::<Startup>().0);
            });
            Ok(())
        })
        .on_window_event(|window, event| match event {
            WindowEvent::Moved(_) | WindowEvent::Resized(_) => {
                remember_window_soon(window.app_handle());
            }
            WindowEvent::CloseRequested { api, .. } => {
                // Everything typed reaches the file before the window goes, or the person is
                // asked: the page closes the window itself once it has made sure.
                let notices = window.state::<Notices>();
                if notices.heard() {
                    api.prevent_close();
                    notices.post(Notice::CloseRequested);
                }
            }
            WindowEvent::DragDrop(DragDropEvent::Drop { paths, position }) => {
                window.state::<Notices>().post(Notice::FileDrop {
                    paths: paths.iter().map(|p| p.display().to_string()).collect(),
                    x: position.x,
                    y: position.y,
                });
            }
            _ => {}
        })
        .on_menu_event(|app, event| {
            app.state::<Notices>().post(Notice::Menu {
                id: event.id().0.clone(),
            });
        })
        .invoke_handler(tauri::generate_handler![
            next_notices,
            set_menu_items_off,
            open_startup_project,
            about,
            open_room,
            room_state,
            room_qr,
            set_room_phase,
            set_room_locked,
            set_room_budget,
            remove_participant,
            set_room_timer,
            close_room,
            open_project,
            create_project,
            create_from_template,
            list_templates,
            new_map_from_template,
            template_picture,
            save_map_as_template,
            remove_template,
            read_picture,
            picture_from_data,
            read_portrait,
            clipboard_picture,
            portrait_from_data,
            apply_changes,
            save_project_as,
            redesign_progress,
            advance_phase,
            respond_to_corporate,
            new_redesign,
            new_map,
            read_holidays,
            read_logo,
            list_backups,
            restore_backup,
            export_report,
            export_proposal,
            open_report,
            dashboard,
            project_feedback,
            preview_feedback_csv,
            read_feedback_csv,
            export_csv,
            export_map_picture,
            export_html,
            export_cjml,
            preview_touchpoints_sheet,
            read_touchpoints_sheet,
            read_cjml,
        ])
        .build(tauri::generate_context!())
        .expect("the Tauri runtime starts")
        .run(|app, event| {
            // Quitting with a room open tells the participants' pages it closed, as Close Room does.
            if let tauri::RunEvent::Exit = event {
                app.state::<RoomSlot>().close_and_wait(
                    tauri::async_runtime::handle().inner(),
                    std::time::Duration::from_secs(2),
                );
            }
        });
}
