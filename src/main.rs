//! The `journeymap` command-line tool: project files without the app, for managers' scripts,
//! CI and our own tests. Every subcommand is a thin call into the core library.

mod cli;

use clap::{Parser, Subcommand};
use journeymap::interchange::json;
use journeymap::model::{new_id, Project};
use journeymap::storage::{self, SCHEMA_VERSION};
use journeymap::{Error, ProjectFile, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "journeymap",
    version,
    about = "Customer-journey maps in .journey project files"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a project file with one map ready to work on (standard lanes, stages to rename).
    New {
        /// The .journey file to create (must not exist).
        file: PathBuf,
        /// The project's name.
        #[arg(long)]
        name: String,
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
    /// Write the PDF report: cover, journey maps, moments of truth, touchpoints, redesigns.
    #[cfg(feature = "report")]
    Report {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// a4, letter or a3.
        #[arg(long, default_value = "a4")]
        paper: String,
        /// Comma-separated: cover, map, moments, touchpoints, measures, redesigns (default: all).
        #[arg(long, value_delimiter = ',')]
        sections: Vec<String>,
        /// The day redesign status is judged on (default: today).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// The author written into the PDF's metadata.
        #[arg(long, default_value = "Journeymap")]
        author: String,
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
        command: cli::tracker::Tracker,
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
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error[{}]: {e}", e.code().as_str());
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<()> {
    match command {
        Command::New { file, name } => {
            ProjectFile::create(&file, &Project::starter(new_id(), name, new_id))?;
            println!("created {}", file.display());
        }
        Command::Info { file, json } => info(&file, json)?,
        Command::ExportJson { file, output } => {
            let project = ProjectFile::read(&file)?;
            let text = json::to_json(&project);
            if output.as_os_str() == "-" {
                print!("{text}");
            } else {
                journeymap::storage::atomic::write_export(&output, text.as_bytes())?;
                eprintln!("wrote {}", output.display());
            }
        }
        Command::ImportJson {
            input,
            output,
            force,
        } => {
            let bytes = journeymap::text::read_input(&input, json::MAX_JSON_BYTES)?;
            let project = json::from_json(&bytes)?;
            storage::write_new(&output, &project, force)?;
            println!("created {} from {}", output.display(), input.display());
        }
        Command::Tracker { command } => cli::tracker::run(command)?,
        #[cfg(feature = "report")]
        Command::ExportSvg { file, output, map } => {
            let project = ProjectFile::read(&file)?;
            let map = cli::measures::find_map(&project, map.as_deref())?;
            let svg = journeymap::report::map_svg(&project, map, None)?;
            write_bytes(&output, svg.as_bytes())?;
        }
        #[cfg(feature = "report")]
        Command::ExportHtml {
            file,
            output,
            today,
        } => {
            let project = ProjectFile::read(&file)?;
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
            let html = journeymap::report::project_html(&project, today)?;
            write_bytes(&output, html.as_bytes())?;
        }
        #[cfg(feature = "report")]
        Command::ExportPng {
            file,
            output,
            map,
            scale,
        } => {
            let project = ProjectFile::read(&file)?;
            let map = cli::measures::find_map(&project, map.as_deref())?;
            let png = journeymap::report::map_png(&project, map, None, scale)?;
            write_bytes(&output, &png)?;
        }
        Command::Dashboard {
            file,
            map,
            today,
            json,
        } => cli::measures::dashboard(
            &file,
            map.as_deref(),
            today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            json,
        )?,
        Command::ImportFeedback {
            file,
            csv,
            map,
            columns,
            stage,
            source,
            month_first,
            dry_run,
        } => cli::measures::import_feedback(cli::measures::FeedbackImport {
            file,
            csv,
            map,
            columns,
            stage,
            source,
            month_first,
            dry_run,
        })?,
        Command::ImportCsv {
            file,
            csv,
            map,
            columns,
            dry_run,
        } => cli::measures::import_touchpoints(&file, &csv, map.as_deref(), &columns, dry_run)?,
        Command::ExportCjml { file, output } => {
            let project = ProjectFile::read(&file)?;
            let out = journeymap::interchange::cjml::export(&project);
            write_bytes(&output, out.xml.as_bytes())?;
            for what in &out.not_exported {
                eprintln!("not in CJML: {what}");
            }
        }
        Command::ImportCjml {
            file,
            cjml,
            dry_run,
        } => {
            let bytes = journeymap::text::read_input(&cjml, journeymap::text::MAX_IMPORT_BYTES)?;
            let mut opened = if dry_run {
                None
            } else {
                Some(ProjectFile::open(&file)?)
            };
            let project = match &opened {
                Some(f) => f.project().clone(),
                None => ProjectFile::read(&file)?,
            };
            let imported = journeymap::interchange::cjml::import(&bytes, &project, new_id)?;
            for problem in &imported.not_imported {
                eprintln!("not imported: {problem}");
            }
            match &mut opened {
                None => println!(
                    "{} journeys with {} touchpoints would be imported (dry run: nothing written)",
                    imported.maps, imported.touchpoints
                ),
                Some(f) => {
                    f.apply(&imported.changes)?;
                    println!(
                        "imported {} journeys with {} touchpoints into {}",
                        imported.maps,
                        imported.touchpoints,
                        file.display()
                    );
                }
            }
        }
        Command::ExportCsv {
            file,
            table,
            output,
        } => cli::measures::export_csv(&file, &table, &output)?,
        #[cfg(feature = "report")]
        Command::Report {
            file,
            output,
            paper,
            sections,
            today,
            author,
        } => {
            use journeymap::report::{render, Paper, ReportOptions, Section};
            let paper = Paper::parse(&paper).ok_or_else(|| {
                Error::InvalidInput(format!("unknown paper {paper:?} (a4, letter, a3)"))
            })?;
            let sections = if sections.is_empty() {
                Section::ALL.to_vec()
            } else {
                sections
                    .iter()
                    .map(|s| {
                        Section::parse(s).ok_or_else(|| {
                            Error::InvalidInput(format!(
                                "unknown section {s:?} (cover, map, moments, touchpoints, measures, redesigns)"
                            ))
                        })
                    })
                    .collect::<Result<Vec<_>>>()?
            };
            let now = chrono::Local::now().naive_local();
            let project = ProjectFile::read(&file)?;
            let options = ReportOptions {
                paper,
                sections,
                today: today.unwrap_or(now.date()),
                created: now,
                author,
            };
            let bytes = render(&project, &options)?;
            journeymap::storage::atomic::write_export(&output, &bytes)?;
            println!("wrote {} ({} KB)", output.display(), bytes.len() / 1024);
        }
        Command::Soak { file, from, count } => soak(&file, from, count)?,
        Command::CheckChanges { file, changes } => check_changes(&file, &changes)?,
        Command::Generate {
            touchpoints,
            output,
            seed,
            force,
        } => {
            let project = journeymap::generate::project(touchpoints, seed);
            storage::write_new(&output, &project, force)?;
            println!(
                "created {} with {touchpoints} touchpoints",
                output.display()
            );
        }
    }
    Ok(())
}

fn info(file: &Path, as_json: bool) -> Result<()> {
    let project = &ProjectFile::read(file)?;
    let version = storage::schema_version_of(file)?;
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
        println!("    {:<30}  {stages} stages, {cards} touchpoints", map.name);
    }
    println!("  personas          {}", summary.personas);
    println!("  stages            {}", summary.stages);
    println!("  lanes             {}", summary.lanes);
    println!("  touchpoints       {}", summary.touchpoints);
    println!("  moments of truth  {}", summary.moments_of_truth);
    println!("  connectors        {}", summary.connectors);
    println!("  notes             {}", summary.notes);
    println!("  stories           {}", summary.stories);
    println!("  redesigns         {}", summary.redesigns);
    println!(
        "  reliability       {} broken, {} reliable, {} differentiating",
        summary.broken, summary.reliable, summary.differentiating
    );
    Ok(())
}

fn check_changes(file: &Path, changes: &Path) -> Result<()> {
    let mut project = ProjectFile::read(file)?;
    let text = journeymap::text::read_input(changes, 1024 * 1024 * 1024)?;
    let text = String::from_utf8_lossy(&text);
    let mut checked = 0;
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let set: journeymap::model::Changes = serde_json::from_str(line)
            .map_err(|e| Error::InvalidJson(format!("line {}: {e}", i + 1)))?;
        let mut next = project.clone();
        next.apply(&set);
        let problems = next.problems_after(&set);
        if !problems.is_empty() {
            return Err(Error::InvalidProject(
                std::iter::once(format!("change set on line {} refused", i + 1))
                    .chain(problems)
                    .collect(),
            ));
        }
        next.canonicalize();
        project = next;
        checked += 1;
    }
    println!("{checked} change sets accepted");
    Ok(())
}

fn soak(file: &Path, from: u64, count: u64) -> Result<()> {
    use journeymap::model::{Changes, Note, Record};
    use std::io::Write;
    let mut project = ProjectFile::open(file)?;
    let map = project
        .project()
        .maps
        .first()
        .map(|m| m.id)
        .ok_or_else(|| Error::InvalidInput("the project has no map to add notes to".into()))?;
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
        };
        project.apply(&Changes {
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
