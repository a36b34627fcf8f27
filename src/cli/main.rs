//! The `journeymap` command-line tool: project files without the app, for managers' scripts,
//! CI and our own tests. Every subcommand is a thin call into the core library.

mod measures;
mod tracker;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use journeymap::app::{Session, SheetOptions, TemplateOrigin, Templates};
use journeymap::interchange::tables::Table;
use journeymap::model::new_id;
use journeymap::report::count;
use journeymap::storage::SCHEMA_VERSION;
use journeymap::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "journeymap",
    about = "Customer-journey maps in .journey project files"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a project file with one map ready to work on: standard lanes and stages to
    /// rename, or a template's map (`journeymap templates` lists them).
    New {
        /// The .journey file to create (must not exist).
        file: PathBuf,
        /// The project's name (the file's name when left out).
        #[arg(long)]
        name: Option<String>,
        /// Start from this template: a key from `journeymap templates`.
        #[arg(long)]
        template: Option<String>,
    },
    /// List the templates a project can start from: the built-in ones and your own (saved from
    /// the app with Map → Save Map as Template; kept in the folder printed at the end).
    Templates {
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a project's name and counts of maps, stages, touchpoints and moments of truth.
    Info {
        file: PathBuf,
        /// Print the counts as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a project as interchange JSON (docs/json-format.md).
    ExportJson {
        file: PathBuf,
        /// Where to write the JSON ("-" for standard output).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Create a project file from interchange JSON.
    ImportJson {
        /// The JSON document to read.
        input: PathBuf,
        /// The .journey file to create.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the PDF report: cover, journey maps, moments of truth, touchpoints, measures,
    /// opportunities, redesigns.
    /// Paper, sections and author default to the project's last report options.
    #[cfg(feature = "report")]
    Report {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// a4, letter or a3.
        #[arg(long)]
        paper: Option<String>,
        /// Comma-separated: cover, personas, map, moments, touchpoints, room, measures,
        /// opportunities, redesigns, comments (all but comments by default).
        #[arg(long, value_delimiter = ',')]
        sections: Vec<String>,
        /// The day redesign status is judged on (default: today).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Who prepared it (the cover and the PDF's metadata).
        #[arg(long)]
        author: Option<String>,
        /// The map (name or id) whose KPIs, reliability and feedback the measures section shows
        /// (default: the as-is map, else the first).
        #[arg(long)]
        measures_map: Option<String>,
    },
    /// Show or change how reports present the project: the organisation, who they are for, its
    /// colour and logo.
    #[cfg(feature = "report")]
    Settings {
        file: PathBuf,
        #[arg(long)]
        organisation: Option<String>,
        #[arg(long)]
        prepared_for: Option<String>,
        /// #rrggbb, or "" for Journeymap's own.
        #[arg(long)]
        accent: Option<String>,
        /// A PNG or SVG file (at most 512 KB).
        #[arg(long, conflicts_with = "no_logo")]
        logo: Option<PathBuf>,
        #[arg(long)]
        no_logo: bool,
    },
    /// Write a redesign's proposal to corporate as a PDF: the problem and its evidence, the
    /// change and its plan on the work calendar, the expected effect, a decision block.
    #[cfg(feature = "report")]
    Proposal {
        file: PathBuf,
        /// The redesign, by title or id.
        #[arg(long)]
        redesign: String,
        #[arg(short, long)]
        output: PathBuf,
        /// a4, letter or a3.
        #[arg(long, default_value = "a4")]
        paper: String,
        /// The day the plan is judged on (default: today).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Who prepared it (printed under the title; default: the project's report author).
        #[arg(long)]
        author: Option<String>,
    },
    /// Customer-experience figures: top touchpoints and KPIs, reliability by stage, feedback,
    /// customers in and out, pillar scores.
    Dashboard {
        file: PathBuf,
        /// The map (by name) for the stage figures (default: the first map).
        #[arg(long)]
        map: Option<String>,
        /// The day KPI status is judged on (default: today).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import feedback from a CSV file: columns are guessed from the headers; override with
    /// --column. Every row imports, or none does (bad rows are listed by line).
    ImportFeedback {
        file: PathBuf,
        /// The CSV file (UTF-8 or UTF-16; comma, semicolon or tab separated).
        #[arg(long)]
        csv: PathBuf,
        /// The map whose stages and touchpoints the rows name (default: the first map).
        #[arg(long)]
        map: Option<String>,
        /// field=HEADER (or field=INDEX, or field= to unmap); fields: date, text, stage,
        /// touchpoint, source, sentiment, rating.
        #[arg(long = "column")]
        columns: Vec<String>,
        /// Put every row in this stage (instead of a stage column).
        #[arg(long)]
        stage: Option<String>,
        /// The source of rows without one: survey, review, social, call, employee.
        #[arg(long)]
        source: Option<String>,
        /// Read 03/04/2026 as March 4 (default: 3 April).
        #[arg(long)]
        month_first: bool,
        /// Check every row and report, without writing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Import touchpoints from a CSV or Excel (.xlsx) sheet: columns are guessed from the headers
    /// (override with --column); maps, stages and lanes are created as needed. Every row
    /// imports, or none does (bad rows are listed by line).
    ImportCsv {
        file: PathBuf,
        /// The sheet: .csv (UTF-8/UTF-16, comma, semicolon or tab) or .xlsx (first worksheet).
        #[arg(long)]
        csv: PathBuf,
        /// The map rows go to when the sheet has no map column (default: the first map).
        #[arg(long)]
        map: Option<String>,
        /// field=HEADER (or field=INDEX, or field= to unmap); fields: map, stage, lane, title,
        /// channel, owner, description, emotion, expectation, performance, reliability,
        /// moment-of-truth, why-it-matters, top-rank.
        #[arg(long = "column")]
        columns: Vec<String>,
        /// Check every row and report, without writing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the maps as CJML 2.0 (Customer Journey Modeling Language): to-be maps as planned
    /// journeys, as-is maps as actual journeys. What CJML cannot hold is listed.
    ExportCjml {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Add the journeys of a CJML document to a project as new maps; what is left out is
    /// listed by line.
    ImportCjml {
        file: PathBuf,
        /// The CJML (XML) document.
        #[arg(long)]
        cjml: PathBuf,
        /// Check and report, without writing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export touchpoints, KPIs or feedback as CSV for spreadsheets (formula-safe).
    ExportCsv {
        file: PathBuf,
        /// touchpoints, kpis or feedback.
        #[arg(long)]
        table: String,
        /// Where to write the CSV ("-" for standard output).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Draw a journey map as SVG (text stays text), from the same layout as the PDF.
    #[cfg(feature = "report")]
    ExportSvg {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// The map's name (default: the first map).
        #[arg(long)]
        map: Option<String>,
    },
    /// Write the project as one self-contained web page (maps, moments of truth, touchpoints,
    /// KPIs, redesigns); no network access, prints from a browser.
    #[cfg(feature = "report")]
    ExportHtml {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// The day redesign status is judged on (default: today).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
    /// Draw a journey map as PNG.
    #[cfg(feature = "report")]
    ExportPng {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// The map's name (default: the first map).
        #[arg(long)]
        map: Option<String>,
        /// Pixels per canvas unit: 1, 2 or 4.
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
    },
    /// The touchpoint redesign tracker: plans, status, progress.
    Tracker {
        #[command(subcommand)]
        command: tracker::Tracker,
    },
    /// Diagnostics for crash tests: make `count` autosaves, each adding one sticky note
    /// "soak N", and print "saved N" as soon as each save has returned.
    #[command(hide = true)]
    Soak {
        file: PathBuf,
        #[arg(long)]
        from: u64,
        #[arg(long)]
        count: u64,
    },
    /// Diagnostics for the UI's randomized test: apply change sets (one JSON object per line) to a
    /// project in memory, checking each as autosave would; print how many passed, or the first
    /// refused one's line and the core's reasons. The file is only read.
    #[command(hide = true)]
    CheckChanges {
        file: PathBuf,
        #[arg(long)]
        changes: PathBuf,
    },
    #[cfg(feature = "room")]
    /// Host a live workshop room on a map: people in the room join from their browsers with the
    /// code printed here and add notes, dot votes and stage ratings, written to FILE as they come.
    /// Serves until Ctrl+C or SIGTERM.
    Room {
        file: PathBuf,
        /// The address to listen on (default: every interface, so phones on the Wi-Fi can join).
        #[arg(long, default_value = "0.0.0.0")]
        bind: std::net::IpAddr,
        /// The port (0: any free port).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// The map to workshop, by name or id (default: the first).
        #[arg(long)]
        map: Option<String>,
        /// Print one JSON line first: {"url", "code", "port", "hostToken"}.
        #[arg(long)]
        json: bool,
    },
    /// Generate a large synthetic project (for benchmarks and scale tests).
    Generate {
        #[arg(long)]
        touchpoints: usize,
        #[arg(short, long)]
        output: PathBuf,
        /// Seed of the generator: the same seed gives the same project.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    // Like any Unix filter, end quietly when the reader of our output goes away
    // (`journeymap export-json P -o - | head -c1`) instead of panicking on the closed pipe.
    #[cfg(unix)]
    // SAFETY: restores the default disposition of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // `--version` names the file format too; clap wants a 'static string for it.
    let version: &'static str = Box::leak(
        journeymap::app::About::this_build()
            .to_string()
            .into_boxed_str(),
    );
    let matches = Cli::command().version(version).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error[{}]: {e}", e.code().as_str());
            ExitCode::FAILURE
        }
    }
}

#[cfg(feature = "room")]
/// Hosts a room until SIGINT or SIGTERM. Each contribution is written to the file when it is
/// accepted, so stopping loses nothing.
fn room(
    file: &Path,
    bind: std::net::IpAddr,
    port: u16,
    map: Option<&str>,
    json: bool,
) -> Result<()> {
    use journeymap::app::room::{self, RoomHost, RoomOptions};
    use std::sync::{Arc, Mutex};
    let session = Session::editing(file)?;
    let map_id = session.map_named(map)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::io("cannot start the room's server", e))?;
    let host = RoomHost {
        session: Arc::new(Mutex::new(session)),
        on_change: Arc::new(|_, _| {}),
    };
    let handle = room::start(host, RoomOptions { bind, port, map_id }, runtime.handle())?;
    if json {
        println!(
            "{}",
            serde_json::json!({ "url": handle.url, "code": handle.code, "port": handle.port, "hostToken": handle.host_token })
        );
    } else {
        println!("Room open: {}", handle.url);
        println!("Join code: {}", handle.code);
        println!("Facilitator token (for /api/host): {}", handle.host_token);
        println!("Ctrl+C closes the room.");
    }
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    runtime.block_on(async {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            match signal(SignalKind::terminate()) {
                Ok(mut term) => {
                    tokio::select! {
                        _ = tokio::signal::ctrl_c() => {}
                        _ = term.recv() => {}
                    }
                }
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        handle.close().await;
    });
    if !json {
        println!("Room closed; every contribution is in {}.", file.display());
    }
    Ok(())
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// `field=HEADER`, `field=3` or `field=` as given to `--column`.
fn column_specs(specs: &[String]) -> Result<Vec<(String, Option<String>)>> {
    specs
        .iter()
        .map(|spec| {
            let (field, column) = spec.split_once('=').ok_or_else(|| {
                Error::InvalidInput(format!("--column takes field=HEADER, not {spec:?}"))
            })?;
            Ok((
                field.to_owned(),
                (!column.is_empty()).then(|| column.to_owned()),
            ))
        })
        .collect()
}

/// The built-in templates and the user's own folder.
fn user_templates() -> Result<Templates> {
    Templates::user_folder().map(Templates::new).ok_or_else(|| {
        Error::InvalidInput(
            "no home directory is known: set JOURNEYMAP_TEMPLATES to a template folder".into(),
        )
    })
}

fn templates(json: bool) -> Result<()> {
    let shelf = user_templates()?;
    let list = shelf.list()?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        );
        return Ok(());
    }
    let width = list
        .templates
        .iter()
        .map(|t| t.key.chars().count())
        .max()
        .unwrap_or(0);
    for t in &list.templates {
        let origin = match t.origin {
            TemplateOrigin::BuiltIn => "built in",
            TemplateOrigin::Yours => "yours",
        };
        println!(
            "{:width$}  {} ({origin}; {} stages, {} cards){}",
            t.key,
            t.name,
            t.stages,
            t.cards,
            if t.summary.is_empty() {
                String::new()
            } else {
                format!(" — {}", t.summary)
            },
        );
    }
    for s in &list.skipped {
        eprintln!("skipped: {s}");
    }
    println!("your templates: {}", shelf.folder().display());
    Ok(())
}

/// A session to change `file`, or only to read it when nothing is to be written.
fn session_for(file: &Path, dry_run: bool) -> Result<Session> {
    if dry_run {
        Session::viewing(file)
    } else {
        Session::editing(file)
    }
}

fn run(command: Command) -> Result<()> {
    match command {
        Command::New {
            file,
            name,
            template,
        } => {
            let name = name.unwrap_or_else(|| {
                file.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "Untitled journey".into())
            });
            let mut session = Session::default();
            match template {
                Some(key) => {
                    session.create_from_template(&file, &name, &user_templates()?, &key)?;
                }
                None => {
                    session.create_named(&file, &name)?;
                }
            }
            println!("created {}", file.display());
        }
        Command::Templates { json } => templates(json)?,
        Command::Info { file, json } => info(&file, json)?,
        #[cfg(feature = "room")]
        Command::Room {
            file,
            bind,
            port,
            map,
            json,
        } => room(&file, bind, port, map.as_deref(), json)?,
        Command::ExportJson { file, output } => {
            let mut session = Session::viewing(&file)?;
            if output.as_os_str() == "-" {
                print!("{}", session.project_json()?);
            } else {
                session.export_json(&output)?;
                eprintln!("wrote {}", output.display());
            }
        }
        Command::ImportJson {
            input,
            output,
            force,
        } => {
            journeymap::app::import_json(&input, &output, force)?;
            println!("created {} from {}", output.display(), input.display());
        }
        Command::Tracker { command } => tracker::run(command)?,
        #[cfg(feature = "report")]
        Command::ExportSvg { file, output, map } => {
            let session = Session::viewing(&file)?;
            let map = session.map_named(map.as_deref())?;
            write_bytes(&output, &session.picture(map, None, None)?)?;
        }
        #[cfg(feature = "report")]
        Command::ExportHtml {
            file,
            output,
            today: day,
        } => {
            let mut session = Session::viewing(&file)?;
            let bytes = session.export_html(&output, day.unwrap_or_else(today))?;
            eprintln!("wrote {} ({} KB)", output.display(), bytes.div_ceil(1024));
        }
        #[cfg(feature = "report")]
        Command::ExportPng {
            file,
            output,
            map,
            scale,
        } => {
            let session = Session::viewing(&file)?;
            let map = session.map_named(map.as_deref())?;
            write_bytes(&output, &session.picture(map, Some(scale), None)?)?;
        }
        Command::Dashboard {
            file,
            map,
            today: day,
            json,
        } => measures::dashboard(&file, map.as_deref(), day.unwrap_or_else(today), json)?,
        Command::ImportFeedback {
            file,
            csv,
            map,
            columns,
            stage,
            source,
            month_first,
            dry_run,
        } => {
            let options = SheetOptions {
                map,
                columns: column_specs(&columns)?,
                stage,
                source,
                month_first,
            };
            let done = session_for(&file, dry_run)?.import_feedback(&csv, &options, dry_run)?;
            measures::print_feedback_import(&file, &done, dry_run);
        }
        Command::ImportCsv {
            file,
            csv,
            map,
            columns,
            dry_run,
        } => {
            let options = SheetOptions {
                map,
                columns: column_specs(&columns)?,
                ..SheetOptions::default()
            };
            let done = session_for(&file, dry_run)?.import_touchpoints(&csv, &options, dry_run)?;
            if dry_run {
                println!(
                    "{} touchpoints would be imported (dry run: nothing written)",
                    done.count
                );
            } else {
                println!(
                    "imported {} touchpoints into {}",
                    done.count,
                    file.display()
                );
            }
        }
        Command::ExportCjml { file, output } => {
            let not_exported = Session::viewing(&file)?.export_cjml(&output)?;
            eprintln!(
                "wrote {} ({} KB)",
                output.display(),
                std::fs::metadata(&output)
                    .map_or(0, |m| m.len())
                    .div_ceil(1024)
            );
            for what in &not_exported {
                eprintln!("not in CJML: {what}");
            }
        }
        Command::ImportCjml {
            file,
            cjml,
            dry_run,
        } => {
            let read = session_for(&file, dry_run)?.import_cjml(&cjml, dry_run)?;
            for problem in &read.not_imported {
                eprintln!("not imported: {problem}");
            }
            if dry_run {
                println!(
                    "{} journeys with {} touchpoints would be imported (dry run: nothing written)",
                    read.maps, read.touchpoints
                );
            } else {
                println!(
                    "imported {} journeys with {} touchpoints into {}",
                    read.maps,
                    read.touchpoints,
                    file.display()
                );
            }
        }
        Command::ExportCsv {
            file,
            table,
            output,
        } => {
            let table = Table::parse(&table).ok_or_else(|| {
                Error::InvalidInput(format!(
                    "unknown table {table:?} (touchpoints, kpis, feedback)"
                ))
            })?;
            write_bytes(&output, &Session::viewing(&file)?.csv(table)?)?;
        }
        #[cfg(feature = "report")]
        Command::Report {
            file,
            output,
            paper,
            sections,
            today: day,
            author,
            measures_map,
        } => {
            use journeymap::report::{Paper, ReportRequest, Section};
            let mut session = Session::viewing(&file)?;
            let remembered = session.open_project()?.info.report.clone();
            let paper = match paper {
                Some(p) => Paper::parse(&p).ok_or_else(|| {
                    Error::InvalidInput(format!("unknown paper {p:?} (a4, letter, a3)"))
                })?,
                None => remembered.paper,
            };
            let sections = if sections.is_empty() && !remembered.sections.is_empty() {
                remembered.sections.clone()
            } else if sections.is_empty() {
                Section::default_set()
            } else {
                sections
                    .iter()
                    .map(|s| {
                        Section::parse(s).ok_or_else(|| {
                            Error::InvalidInput(format!(
                                "unknown section {s:?} (cover, personas, map, moments, touchpoints, room, measures, opportunities, redesigns, comments)"
                            ))
                        })
                    })
                    .collect::<Result<Vec<_>>>()?
            };
            let now = chrono::Local::now().naive_local();
            let author = author
                .or(Some(remembered.author).filter(|a| !a.is_empty()))
                .unwrap_or_else(|| "Journeymap".into());
            let measures_map = match measures_map {
                Some(name) => Some(session.map_named(Some(&name))?),
                None => None,
            };
            let request = ReportRequest {
                paper,
                sections,
                today: day.unwrap_or(now.date()),
                author,
                measures_map,
            };
            let bytes = session.report(&request, now)?.write(&output)?;
            println!("wrote {} ({} KB)", output.display(), bytes / 1024);
        }
        #[cfg(feature = "report")]
        Command::Proposal {
            file,
            redesign,
            output,
            paper,
            today: day,
            author,
        } => {
            use journeymap::report::{Paper, ReportRequest};
            let paper = Paper::parse(&paper).ok_or_else(|| {
                Error::InvalidInput(format!("unknown paper {paper:?} (a4, letter, a3)"))
            })?;
            let now = chrono::Local::now().naive_local();
            let mut session = Session::viewing(&file)?;
            let author = author.unwrap_or_else(|| {
                session
                    .open_project()
                    .map(|p| p.info.report.author.clone())
                    .unwrap_or_default()
            });
            let request = ReportRequest {
                paper,
                sections: Vec::new(),
                today: day.unwrap_or(now.date()),
                author,
                measures_map: None,
            };
            let bytes = session.proposal(&redesign, &request, now)?.write(&output)?;
            println!("wrote {} ({} KB)", output.display(), bytes / 1024);
        }
        #[cfg(feature = "report")]
        Command::Settings {
            file,
            organisation,
            prepared_for,
            accent,
            logo,
            no_logo,
        } => {
            let changing = organisation.is_some()
                || prepared_for.is_some()
                || accent.is_some()
                || logo.is_some()
                || no_logo;
            let mut session = if changing {
                Session::editing(&file)?
            } else {
                Session::viewing(&file)?
            };
            let mut info = session.open_project()?.info.clone();
            if changing {
                if let Some(o) = organisation {
                    info.organisation = o.trim().to_owned();
                }
                if let Some(p) = prepared_for {
                    info.prepared_for = p.trim().to_owned();
                }
                if let Some(a) = accent {
                    info.accent = journeymap::model::parse_accent(&a).ok_or_else(|| {
                        Error::InvalidInput(format!(
                            "the accent {a:?} must be #rrggbb, e.g. #1d4ed8"
                        ))
                    })?;
                }
                if let Some(path) = logo {
                    info.logo = Some(journeymap::app::read_logo(&path)?);
                }
                if no_logo {
                    info.logo = None;
                }
                session.apply(&journeymap::model::Changes {
                    put: vec![journeymap::model::Record::Info(info.clone())],
                    delete: vec![],
                })?;
            }
            let or_none = |s: &str| {
                if s.is_empty() {
                    "—".to_owned()
                } else {
                    s.to_owned()
                }
            };
            println!("organisation   {}", or_none(&info.organisation));
            println!("prepared for   {}", or_none(&info.prepared_for));
            println!("accent         {}", or_none(&info.accent));
            println!(
                "logo           {}",
                info.logo.as_ref().map_or("—".to_owned(), |l| format!(
                    "{} ({} KB)",
                    l.media_type.as_str(),
                    l.data.len().div_ceil(1024)
                ))
            );
        }
        Command::Soak { file, from, count } => soak(&file, from, count)?,
        Command::CheckChanges { file, changes } => {
            let accepted = Session::viewing(&file)?.check_changes(&changes)?;
            println!("{accepted} change sets accepted");
        }
        Command::Generate {
            touchpoints,
            output,
            seed,
            force,
        } => {
            journeymap::app::generate::write(&output, touchpoints, seed, force)?;
            println!(
                "created {} with {touchpoints} touchpoints",
                output.display()
            );
        }
    }
    Ok(())
}

fn info(file: &Path, as_json: bool) -> Result<()> {
    let mut session = Session::viewing(file)?;
    let version = session.schema_version()?;
    let project = session.open_project()?;
    let summary = project.summary();
    if as_json {
        let value = serde_json::json!({
            "name": project.info.name,
            "schemaVersion": version,
            "summary": summary,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
        return Ok(());
    }
    println!("{}", project.info.name);
    println!("  file              {}", file.display());
    println!("  schema version    {version} (this app: {SCHEMA_VERSION})");
    println!("  maps              {}", summary.maps);
    for map in &project.maps {
        let stages = project.stages.iter().filter(|s| s.map_id == map.id).count();
        let cards = project
            .touchpoints
            .iter()
            .filter(|t| t.map_id == map.id)
            .count();
        println!(
            "    {:<30}  {}, {}",
            map.name,
            count(stages, "stage", "stages"),
            count(cards, "touchpoint", "touchpoints")
        );
    }
    println!("  personas          {}", summary.personas);
    println!("  stages            {}", summary.stages);
    println!("  lanes             {}", summary.lanes);
    println!("  touchpoints       {}", summary.touchpoints);
    println!("  moments of truth  {}", summary.moments_of_truth);
    println!("  connectors        {}", summary.connectors);
    println!("  notes             {}", summary.notes);
    println!("  stories           {}", summary.stories);
    // What a workshop left: dot votes and the room's ratings of the stages.
    let note_votes: u64 = project.notes.iter().map(|n| u64::from(n.votes)).sum();
    let card_votes: u64 = project.touchpoints.iter().map(|t| u64::from(t.votes)).sum();
    println!("  dot votes         {note_votes} on notes, {card_votes} on cards");
    let rated = project
        .stages
        .iter()
        .filter(|s| s.room_rating.is_some())
        .count();
    println!(
        "  room ratings      {rated} of {} rated by a workshop room",
        count(project.stages.len(), "stage", "stages")
    );
    println!("  redesigns         {}", summary.redesigns);
    println!(
        "  reliability       {} broken, {} reliable, {} differentiating, {} not rated",
        summary.broken, summary.reliable, summary.differentiating, summary.unrated
    );
    Ok(())
}

fn soak(file: &Path, from: u64, count: u64) -> Result<()> {
    use journeymap::model::{Changes, Note, Record};
    use std::io::Write;
    let mut session = Session::editing(file)?;
    let map = session.map_named(None)?;
    let mut out = std::io::stdout().lock();
    for i in from..from + count {
        let note = Note {
            id: new_id(),
            map_id: map,
            stage_id: None,
            lane_id: None,
            text: format!("soak {i}"),
            x: (i % 50) as f64 * 10.0,
            y: 2000.0 + (i / 50) as f64 * 10.0,
            width: 120.0,
            height: 60.0,
            color: "#fde68a".into(),
            votes: 0,
            author: String::new(),
        };
        session.apply(&Changes {
            put: vec![Record::Note(note)],
            delete: vec![],
        })?;
        writeln!(out, "saved {i}")
            .and_then(|()| out.flush())
            .map_err(|e| Error::Io {
                context: "cannot write to standard output".into(),
                source: e,
            })?;
    }
    Ok(())
}

/// Writes an export to `output`, or to standard output for "-".
pub(crate) fn write_bytes(output: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    if output.as_os_str() == "-" {
        return std::io::stdout().write_all(bytes).map_err(|e| Error::Io {
            context: "cannot write to standard output".into(),
            source: e,
        });
    }
    journeymap::storage::atomic::write_export(output, bytes)?;
    eprintln!(
        "wrote {} ({} KB)",
        output.display(),
        bytes.len().div_ceil(1024)
    );
    Ok(())
}
