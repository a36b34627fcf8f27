//! Files and inputs from strangers, run through the `journeymap` tool as an attacker or a careless
//! user would (issue 21): nothing may destroy a project, hang, panic or take unbounded memory.
//! Resource cases run the tool under an address-space limit and a deadline, so a regression
//! fails here instead of taking the machine down.

use super::support::{sample_journey, temp};
use journeymap::ProjectFile;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How much memory the tool may map in the resource cases: generous for a debug build, far
/// below what the old readers took (1.2 GB for a million rows, 4 GB for the calendar).
const MEMORY_CEILING_KB: u64 = 1_500_000;
/// A hang guard, not a speed target: each case takes well under a second.
const DEADLINE: Duration = Duration::from_secs(60);

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_journeymap")
}

/// Runs the tool with a memory ceiling and a deadline; a run past the deadline is killed and
/// fails the test. Output goes to files, so a chatty run never blocks on a full pipe.
fn run(args: &[&str], cwd: &Path) -> Output {
    let mut script = format!("ulimit -v {MEMORY_CEILING_KB}; exec \"$0\"");
    for i in 0..args.len() {
        script.push_str(&format!(" \"${}\"", i + 1));
    }
    let out = tempfile::tempfile().unwrap();
    let err = tempfile::tempfile().unwrap();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(bin())
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(err.try_clone().unwrap())
        .spawn()
        .expect("the journeymap binary runs");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("journeymap {args:?} ran past {DEADLINE:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |mut f: std::fs::File| {
        use std::io::{Read, Seek};
        let mut bytes = Vec::new();
        f.rewind().unwrap();
        f.read_to_end(&mut bytes).unwrap();
        bytes
    };
    Output {
        status,
        stdout: read(out),
        stderr: read(err),
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The run failed cleanly: exit status 1 and an `error[code]` line, no panic, no abort.
#[track_caller]
fn refused(out: &Output, code: &str) -> String {
    let err = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a clean failure, not a crash: {err}"
    );
    assert!(
        err.contains(&format!("error[{code}]")),
        "expected {code}: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[track_caller]
fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

fn project(dir: &Path, name: &str) -> PathBuf {
    super::support::copy_into(dir, &sample_journey(), name)
}

fn feedback_csv(dir: &Path) -> PathBuf {
    let f = dir.join("f.csv");
    std::fs::write(&f, "date,text,stage,sentiment\n2026-01-05,x,Security,1\n").unwrap();
    f
}

fn sql(path: &Path, statements: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(statements).unwrap();
}

#[test]
fn no_export_replaces_a_project_by_any_path() {
    let dir = temp();
    let d = dir.path();
    let p = project(d, "P.journey");
    let before = std::fs::read(&p).unwrap();
    std::os::unix::fs::symlink("P.journey", d.join("link.html")).unwrap();
    std::fs::hard_link(&p, d.join("hard.csv")).unwrap();
    let exports: &[&[&str]] = &[
        &["export-json", "P.journey", "-o"],
        &["export-csv", "P.journey", "--table", "kpis", "-o"],
        &["export-html", "P.journey", "-o"],
        &["export-svg", "P.journey", "-o"],
        &["export-png", "P.journey", "-o"],
        &["export-cjml", "P.journey", "-o"],
        &["report", "P.journey", "-o"],
    ];
    for export in exports {
        for dest in ["P.journey", "./P.journey", "link.html", "hard.csv"] {
            let mut args = export.to_vec();
            args.push(dest);
            let err = refused(&run(&args, d), "file-exists");
            assert!(err.contains("never replaces a project"), "{err}");
        }
    }
    assert_eq!(
        std::fs::read(&p).unwrap(),
        before,
        "the project is byte-identical"
    );
    assert!(std::fs::symlink_metadata(d.join("link.html"))
        .unwrap()
        .file_type()
        .is_symlink());
    ProjectFile::open(&p).expect("the project still opens");
}

#[test]
fn forced_import_respects_the_writer_lock() {
    let dir = temp();
    let d = dir.path();
    let p = project(d, "P.journey");
    ok(&run(&["export-json", "P.journey", "-o", "p.json"], d));
    let mut editing = ProjectFile::open(&p).unwrap();
    refused(
        &run(&["import-json", "p.json", "--force", "-o", "P.journey"], d),
        "file-in-use",
    );
    refused(
        &run(
            &[
                "generate",
                "--touchpoints",
                "5",
                "--force",
                "-o",
                "P.journey",
            ],
            d,
        ),
        "file-in-use",
    );
    // The window holding the file goes on saving: nothing was replaced under it.
    let mut project = editing.project().unwrap().clone();
    project.info.name = "Still mine".into();
    editing
        .save(&project)
        .expect("the editor's next save works");
    drop(editing);
    assert_eq!(ProjectFile::read(&p).unwrap().info.name, "Still mine");
    // Once nobody edits it, --force replaces it as asked.
    ok(&run(
        &["import-json", "p.json", "--force", "-o", "P.journey"],
        d,
    ));
    assert_ne!(ProjectFile::read(&p).unwrap().info.name, "Still mine");
}

#[test]
fn planted_schema_objects_are_refused_and_the_file_untouched() {
    let dir = temp();
    let d = dir.path();
    feedback_csv(d);
    let cases: &[(&str, &[&str])] = &[
        (
            "CREATE TRIGGER e AFTER INSERT ON feedback BEGIN DELETE FROM notes; END",
            &["import-feedback", "P.journey", "--csv", "f.csv"],
        ),
        (
            "CREATE TRIGGER i BEFORE INSERT ON feedback BEGIN SELECT RAISE(IGNORE); END",
            &["import-feedback", "P.journey", "--csv", "f.csv"],
        ),
        (
            "CREATE TRIGGER r AFTER INSERT ON redesigns BEGIN UPDATE touchpoints SET reliability = 'broken'; DELETE FROM kpis; END",
            &["tracker", "start", "P.journey", "--touchpoint", "Liquids rules information", "--start", "2026-11-23"],
        ),
        ("CREATE VIEW v AS SELECT * FROM notes", &["info", "P.journey"]),
        ("CREATE INDEX extra ON notes (text)", &["export-json", "P.journey", "-o", "-"]),
        ("ALTER TABLE notes ADD COLUMN secret TEXT", &["info", "P.journey"]),
        ("DROP INDEX notes_map", &["info", "P.journey"]),
        ("CREATE TABLE extra (x)", &["info", "P.journey"]),
        ("ANALYZE", &["info", "P.journey"]),
    ];
    for (plant, command) in cases {
        let p = project(d, "P.journey");
        sql(&p, plant);
        let before = std::fs::read(&p).unwrap();
        let err = refused(&run(command, d), "corrupt-file");
        assert!(err.contains("schema"), "{plant}: {err}");
        assert_eq!(
            std::fs::read(&p).unwrap(),
            before,
            "{plant}: the file is untouched"
        );
    }
}

/// A minimal .xlsx with the given worksheet XML (and shared strings, if any).
fn xlsx(path: &Path, sheet_data: &[u8], shared: Option<&[u8]>) {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let deflate = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    let parts: &[(&str, &[u8])] = &[
        ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#),
        ("_rels/.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ("xl/workbook.xml", br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
    ];
    for (name, bytes) in parts {
        zip.start_file(*name, deflate).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", deflate).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).unwrap();
    zip.write_all(sheet_data).unwrap();
    zip.write_all(b"</sheetData></worksheet>").unwrap();
    if let Some(shared) = shared {
        zip.start_file("xl/sharedStrings.xml", deflate).unwrap();
        zip.write_all(shared).unwrap();
    }
    zip.finish().unwrap();
}

fn inline(r: &str, t: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{t}</t></is></c>"#)
}

#[test]
fn spreadsheets_are_read_within_bounds() {
    let dir = temp();
    let d = dir.path();
    project(d, "P.journey");
    let import = |file: &str| run(&["import-csv", "P.journey", "--csv", file, "--dry-run"], d);

    // A1 and XFD1048576: once a 550 GB grid.
    let far = format!(
        r#"<row r="1">{}{}</row><row r="2">{}{}</row><row r="1048576">{}</row>"#,
        inline("A1", "Stage"),
        inline("B1", "Touchpoint"),
        inline("A2", "Security"),
        inline("B2", "Tray return"),
        inline("XFD1048576", "far away")
    );
    xlsx(&d.join("far.xlsx"), far.as_bytes(), None);
    let err = refused(&import("far.xlsx"), "invalid-import");
    assert!(err.contains("line 1048576") && err.contains("XFD"), "{err}");

    // A far row in a near column is fine: no grid is laid out.
    let far_row = format!(
        r#"<row r="1">{}{}</row><row r="4000">{}{}</row>"#,
        inline("A1", "Stage"),
        inline("B1", "Touchpoint"),
        inline("A4000", "Security"),
        inline("B4000", "Tray return"),
    );
    xlsx(&d.join("far-row.xlsx"), far_row.as_bytes(), None);
    assert!(ok(&import("far-row.xlsx")).contains("1 touchpoint"));

    // A zip bomb: shared strings that unpack past the limit from a file of a few hundred KB.
    let mut bomb = br#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1"><si><t>"#.to_vec();
    bomb.resize(bomb.len() + 80 * 1024 * 1024, b'a');
    bomb.extend_from_slice(b"</t></si></sst>");
    xlsx(
        &d.join("bomb.xlsx"),
        inline("A1", "Stage").as_bytes(),
        Some(&bomb),
    );
    assert!(std::fs::metadata(d.join("bomb.xlsx")).unwrap().len() < 1024 * 1024);
    let err = refused(&import("bomb.xlsx"), "invalid-import");
    assert!(err.contains("unpacks to more than"), "{err}");

    // A declared count of a trillion strings (the reader used to reserve room for them).
    let huge = br#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1000000000000"><si><t>x</t></si></sst>"#;
    xlsx(
        &d.join("count.xlsx"),
        inline("A1", "Stage").as_bytes(),
        Some(huge),
    );
    refused(&import("count.xlsx"), "invalid-import");

    // More rows than a sheet may have.
    let mut rows =
        String::from(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Touchpoint</t></is></c></row>"#);
    for r in 2..=250_001 {
        rows.push_str(&format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>"#));
    }
    xlsx(&d.join("rows.xlsx"), rows.as_bytes(), None);
    let err = refused(&import("rows.xlsx"), "invalid-import");
    assert!(err.contains("rows; split the sheet"), "{err}");
}

#[test]
fn calendars_are_bounded_while_reading_and_repeats_are_reported() {
    let dir = temp();
    let d = dir.path();
    project(d, "P.journey");
    // 9,998 year-long events in different years: some 3.6 million days before any limit.
    let mut ics = String::from("BEGIN:VCALENDAR\r\n");
    for i in 0..9_998 {
        let y = 1000 + i % 8000;
        ics.push_str(&format!("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:{y:04}0101\r\nDTEND;VALUE=DATE:{y:04}1231\r\nSUMMARY:Y\r\nEND:VEVENT\r\n"));
    }
    ics.push_str("END:VCALENDAR\r\n");
    std::fs::write(d.join("big.ics"), ics).unwrap();
    let before = std::fs::read(d.join("P.journey")).unwrap();
    let err = refused(
        &run(
            &["tracker", "holidays", "P.journey", "--import", "big.ics"],
            d,
        ),
        "invalid-import",
    );
    assert!(err.contains("more than 10000 holidays"), "{err}");
    assert_eq!(std::fs::read(d.join("P.journey")).unwrap(), before);

    std::fs::write(d.join("rules.ics"), "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20200101\r\nRRULE:FREQ=YEARLY;COUNT=10000\r\nSUMMARY:New Year\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261201\r\nRRULE:FREQ=DAILY;UNTIL=99991231\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").unwrap();
    let out = run(
        &["tracker", "holidays", "P.journey", "--import", "rules.ics"],
        d,
    );
    let printed = ok(&out);
    let err = text(&out.stderr);
    assert!(
        err.contains("not imported: line 9") && err.contains("daily"),
        "{err}"
    );
    let count: usize = printed.split_whitespace().next().unwrap().parse().unwrap();
    assert!(
        (5..=8).contains(&count),
        "New Year over the planning years: {printed}"
    );

    // A first line that is a bad date is an error at line 1, not a header.
    std::fs::write(
        d.join("leap.csv"),
        "2026-02-30,Leap\n2026-12-25,Christmas\n",
    )
    .unwrap();
    let before = std::fs::read(d.join("P.journey")).unwrap();
    let err = refused(
        &run(
            &["tracker", "holidays", "P.journey", "--import", "leap.csv"],
            d,
        ),
        "invalid-import",
    );
    assert!(err.contains("line 1"), "{err}");
    assert_eq!(
        std::fs::read(d.join("P.journey")).unwrap(),
        before,
        "nothing changes"
    );
}

#[test]
fn pipes_and_devices_are_refused_without_waiting() {
    let dir = temp();
    let d = dir.path();
    let fifo = |name: &str| {
        let c = std::ffi::CString::new(d.join(name).to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    };
    fifo("x.journey");
    feedback_csv(d);
    refused(&run(&["info", "x.journey"], d), "not-a-project-file");
    refused(
        &run(&["import-feedback", "x.journey", "--csv", "f.csv"], d),
        "not-a-project-file",
    );
    refused(
        &run(
            &[
                "tracker",
                "start",
                "x.journey",
                "--touchpoint",
                "x",
                "--start",
                "2026-11-23",
            ],
            d,
        ),
        "not-a-project-file",
    );
    // A pipe given as an import, and a pipe or folder where SQLite keeps its journal.
    project(d, "P.journey");
    fifo("pipe.csv");
    refused(
        &run(&["import-feedback", "P.journey", "--csv", "pipe.csv"], d),
        "invalid-input",
    );
    fifo("P.journey-journal");
    refused(&run(&["info", "P.journey"], d), "corrupt-file");
    refused(
        &run(
            &[
                "tracker",
                "start",
                "P.journey",
                "--touchpoint",
                "Liquids rules information",
                "--start",
                "2026-11-23",
            ],
            d,
        ),
        "corrupt-file",
    );
    std::fs::remove_file(d.join("P.journey-journal")).unwrap();
    std::fs::create_dir(d.join("P.journey-journal")).unwrap();
    refused(&run(&["info", "P.journey"], d), "corrupt-file");
    std::fs::remove_dir(d.join("P.journey-journal")).unwrap();
    refused(&run(&["info", "/dev/zero"], d), "not-a-project-file");
    // An export never renames itself over a device.
    refused(
        &run(&["export-json", "P.journey", "-o", "/dev/null"], d),
        "invalid-input",
    );
}

#[test]
fn odd_statuses_are_refused_not_a_panic() {
    let dir = temp();
    let d = dir.path();
    project(d, "P.journey");
    for to in ["done-", "in--progress", "-", "in-é", " ", "é"] {
        let out = run(
            &[
                "tracker",
                "advance",
                "P.journey",
                "--redesign",
                "Three bag-drop lanes at peak",
                "--phase",
                "1",
                "--to",
                to,
            ],
            d,
        );
        refused(&out, "invalid-input");
    }
}

#[test]
fn cjml_line_numbers_stay_linear() {
    let dir = temp();
    let d = dir.path();
    project(d, "P.journey");
    // Two megabytes of communication points (quadratic line-finding took minutes on this).
    let mut xml = String::from(
        "<CJML version=\"2.0\">\n<actualJourney><journeyID>A</journeyID><touchpoints>\n",
    );
    for i in 0..12_000 {
        xml.push_str(&format!(
            "<actualCommunicationPoint>\n<touchpointID>T{i}</touchpointID>\n<initiator><initiatorLabel>Customer</initiatorLabel></initiator>\n<receiver><receiverLabel>Airline</receiverLabel></receiver>\n<channelName>App</channelName>\n<description>Step {i} of the journey, written out</description>\n</actualCommunicationPoint>\n"
        ));
    }
    xml.push_str("</touchpoints></actualJourney>\n</CJML>\n");
    assert!(xml.len() > 2_000_000);
    std::fs::write(d.join("big.xml"), &xml).unwrap();
    let started = Instant::now();
    let out = run(
        &["import-cjml", "P.journey", "--cjml", "big.xml", "--dry-run"],
        d,
    );
    ok(&out);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "a hang guard (quadratic took minutes): {:?}",
        started.elapsed()
    );
}

#[test]
fn a_closed_pipe_ends_the_tool_quietly() {
    let sample = sample_journey();
    for args in [
        vec!["export-json", sample.to_str().unwrap(), "-o", "-"],
        vec!["info", sample.to_str().unwrap()],
        vec!["dashboard", sample.to_str().unwrap()],
        vec!["tracker", "status", sample.to_str().unwrap()],
    ] {
        let mut child = Command::new(bin())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the tool writes.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = text(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_ne!(out.status.code(), Some(101), "{args:?}: no panic exit");
    }
}

/// A journal left by a writer killed mid-transaction (its changes spilled into the file).
fn leave_hot_journal(p: &Path) {
    let script = format!(
        "import sqlite3, os\nc = sqlite3.connect({:?}, isolation_level=None)\nc.execute('PRAGMA cache_size=1')\nc.execute('BEGIN')\nfor t in ['touchpoints', 'notes', 'feedback', 'kpis', 'stages']:\n    c.execute(f\"UPDATE {{t}} SET id = id || 'x'\")\nos._exit(0)\n",
        p.to_str().unwrap()
    );
    let status = Command::new("python3")
        .arg("-c")
        .arg(script)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn left_over_journals_are_read_without_changing_anything() {
    let dir = temp();
    let d = dir.path();
    let p = project(d, "H.journey");
    leave_hot_journal(&p);
    let journal = d.join("H.journey-journal");
    assert!(journal.metadata().unwrap().len() > 0);
    let (file, side) = (std::fs::read(&p).unwrap(), std::fs::read(&journal).unwrap());
    let info = ok(&run(&["info", "H.journey"], d));
    assert!(
        info.contains("touchpoints       44"),
        "the committed state is read: {info}"
    );
    ok(&run(&["export-json", "H.journey", "-o", "h.json"], d));
    assert_eq!(
        std::fs::read(&p).unwrap(),
        file,
        "a read never writes the file"
    );
    assert_eq!(std::fs::read(&journal).unwrap(), side, "nor its journal");
    // A write command restores it in place.
    ok(&run(
        &[
            "tracker",
            "start",
            "H.journey",
            "--touchpoint",
            "Liquids rules information",
            "--start",
            "2026-11-23",
        ],
        d,
    ));
    assert!(!journal.exists());
    assert_eq!(ProjectFile::read(&p).unwrap().touchpoints.len(), 44);

    // A journal of another project beside this one would "restore" that one's pages into it.
    let other = d.join("G.journey");
    ok(&run(
        &["generate", "--touchpoints", "300", "-o", "G.journey"],
        d,
    ));
    leave_hot_journal(&other);
    let k = project(d, "K.journey");
    std::fs::copy(d.join("G.journey-journal"), d.join("K.journey-journal")).unwrap();
    let before = std::fs::read(&k).unwrap();
    let err = refused(
        &run(
            &[
                "tracker",
                "start",
                "K.journey",
                "--touchpoint",
                "Liquids rules information",
                "--start",
                "2026-11-23",
            ],
            d,
        ),
        "corrupt-file",
    );
    assert!(
        err.contains("K.journey-journal") && err.contains("nothing was changed"),
        "{err}"
    );
    assert_eq!(std::fs::read(&k).unwrap(), before);
    assert!(
        d.join("K.journey-journal").exists(),
        "the journal is left for the person to judge"
    );
}

#[test]
fn sqlite_states_we_never_write() {
    let dir = temp();
    let d = dir.path();
    // WAL mode with changes still in the log: read without creating -wal or -shm files.
    let w = project(d, "W.journey");
    let status = Command::new("python3")
        .arg("-c")
        .arg(format!(
            "import sqlite3, os\nc = sqlite3.connect({:?}, isolation_level=None)\nc.execute('PRAGMA journal_mode=WAL')\nc.execute('PRAGMA wal_autocheckpoint=0')\nc.execute(\"UPDATE project SET name = 'Only in the log'\")\nos._exit(0)\n",
            w.to_str().unwrap()
        ))
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::remove_file(d.join("W.journey-shm")).unwrap();
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = (listing(), std::fs::read(&w).unwrap());
    assert!(ok(&run(&["info", "W.journey"], d)).starts_with("Only in the log"));
    assert_eq!(
        (listing(), std::fs::read(&w).unwrap()),
        before,
        "reading changed nothing"
    );
    // Editing takes the log in and leaves an ordinary file.
    ok(&run(
        &[
            "tracker",
            "start",
            "W.journey",
            "--touchpoint",
            "Liquids rules information",
            "--start",
            "2026-11-23",
        ],
        d,
    ));
    assert!(!d.join("W.journey-wal").exists());
    assert_eq!(ProjectFile::read(&w).unwrap().info.name, "Only in the log");

    // A sparse terabyte behind a good header.
    let big = project(d, "big.journey");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(1 << 40)
        .unwrap();
    refused(&run(&["info", "big.journey"], d), "corrupt-file");

    // Values SQLite accepts but a map cannot hold.
    let inf = project(d, "inf.journey");
    sql(&inf, "UPDATE touchpoints SET x = 9e999 WHERE rowid = 1");
    refused(&run(&["info", "inf.journey"], d), "corrupt-file");
    let wrong = project(d, "type.journey");
    sql(
        &wrong,
        "UPDATE touchpoints SET title = X'FF00' WHERE rowid = 1",
    );
    refused(&run(&["info", "type.journey"], d), "corrupt-file");
}

/// The app's commands go through the session: the same refusals hold there.
#[test]
fn the_app_session_refuses_the_same() {
    use journeymap::app::session::Session;
    use journeymap::interchange::tables::Table;
    use journeymap::ErrorCode;
    let dir = temp();
    let d = dir.path();
    let p = project(d, "P.journey");
    let other = project(d, "Other.journey");
    let mut session = Session::default();
    session.open(&p).unwrap();
    let map = session.without_feedback().unwrap().maps[0].id;
    let before = std::fs::read(&other).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    for dest in [&p, &other] {
        assert_eq!(
            session.export_csv(Table::Kpis, dest).unwrap_err().code(),
            ErrorCode::FileExists
        );
        assert_eq!(
            session.export_html(dest, today).unwrap_err().code(),
            ErrorCode::FileExists
        );
        assert_eq!(
            session.export_cjml(dest).unwrap_err().code(),
            ErrorCode::FileExists
        );
        assert_eq!(
            session
                .export_picture(dest, map, None, None)
                .unwrap_err()
                .code(),
            ErrorCode::FileExists
        );
    }
    assert_eq!(std::fs::read(&other).unwrap(), before);
    let c = std::ffi::CString::new(d.join("pipe.csv").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    assert_eq!(
        session
            .preview_feedback(&d.join("pipe.csv"), map, None)
            .unwrap_err()
            .code(),
        ErrorCode::InvalidInput,
        "a pipe is refused, not waited on"
    );
    let held = ProjectFile::open(&other).unwrap();
    assert_eq!(
        session.save_as(&other).unwrap_err().code(),
        ErrorCode::FileInUse
    );
    drop(held);
    session
        .save_as(&p)
        .expect("Save As onto the file itself is a save");
    session
        .save_as(&other)
        .expect("a project nobody edits may be replaced when asked");
    assert_eq!(session.path().unwrap(), other);
}
