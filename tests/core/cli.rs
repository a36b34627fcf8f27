//! The `journeymap` tool, run as a user runs it.

use super::support::{sample_journey, sample_json, temp};
use std::path::Path;
use std::process::{Command, Output};

fn journeymap(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the journeymap binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn new_info_export_import() {
    let dir = temp();
    let d = dir.path();
    let out = journeymap(&["new", "w.journey", "--name", "Workshop Zoë"], d);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = journeymap(&["info", "w.journey"], d);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Workshop Zoë"));
    assert!(stdout(&out).contains("touchpoints       0"));

    let sample = sample_journey();
    // What a workshop left shows too: the dot votes and the room's stage ratings.
    let project = journeymap::ProjectFile::read(&sample).unwrap();
    let votes: u32 = project.notes.iter().map(|n| n.votes).sum();
    let rated = project
        .stages
        .iter()
        .filter(|s| s.room_rating.is_some())
        .count();
    let text = stdout(&journeymap(&["info", sample.to_str().unwrap()], d));
    assert!(
        votes > 0 && text.contains(&format!("dot votes         {votes} on notes")),
        "{text}"
    );
    assert!(
        text.contains(&format!("room ratings      {rated} of 12 stages")),
        "{text}"
    );
    let out = journeymap(&["info", sample.to_str().unwrap(), "--json"], d);
    let info: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(info["summary"]["touchpoints"], 44);
    assert_eq!(info["summary"]["momentsOfTruth"], 10);
    assert_eq!(info["summary"]["stages"], 12);

    let out = journeymap(
        &["export-json", sample.to_str().unwrap(), "-o", "s.json"],
        d,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(d.join("s.json")).unwrap(),
        std::fs::read_to_string(sample_json()).unwrap()
    );
    let out = journeymap(&["import-json", "s.json", "-o", "s.journey"], d);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = journeymap(&["export-json", "s.journey", "-o", "-"], d);
    assert_eq!(
        stdout(&out),
        std::fs::read_to_string(d.join("s.json")).unwrap()
    );

    let out = journeymap(&["generate", "--touchpoints", "200", "-o", "g.journey"], d);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = journeymap(&["info", "g.journey"], d);
    assert!(stdout(&out).contains("touchpoints       200"));
}

/// `journeymap` with its template folder set to `folder`.
fn with_templates(args: &[&str], cwd: &Path, folder: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(cwd)
        .env("JOURNEYMAP_TEMPLATES", folder)
        .output()
        .expect("the journeymap binary runs")
}

#[test]
fn templates_are_listed_and_start_new_projects() {
    let dir = temp();
    let d = dir.path();
    let folder = d.join("my templates");
    let out = with_templates(&["templates"], d, &folder);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for key in [
        "airline-trip",
        "hotel-stay",
        "online-purchase",
        "bank-account",
        "b2b-onboarding",
        "hospital-visit",
    ] {
        assert!(text.contains(key), "{key} listed:\n{text}");
    }
    assert!(
        text.contains(&folder.display().to_string()),
        "says where yours go"
    );

    let out = with_templates(
        &["new", "trip.journey", "--template", "airline-trip"],
        d,
        &folder,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = journeymap(&["info", "trip.journey", "--json"], d);
    let info: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        info["name"], "trip",
        "named after the file when --name is left out"
    );
    assert_eq!(info["summary"]["stages"], 5);
    assert!(info["summary"]["momentsOfTruth"].as_u64().unwrap() >= 1);

    // A template is a plain project file: one copied into the folder is listed and used.
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(sample_journey(), folder.join("northwind.journey")).unwrap();
    let out = with_templates(&["templates", "--json"], d, &folder);
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mine = list["templates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "northwind")
        .expect("the user's template is listed");
    assert_eq!(mine["origin"], "yours");
    let out = with_templates(
        &[
            "new",
            "nw.journey",
            "--template",
            "northwind",
            "--name",
            "From Northwind",
        ],
        d,
        &folder,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = journeymap(&["info", "nw.journey", "--json"], d);
    let info: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(info["name"], "From Northwind");
    assert_eq!(info["summary"]["touchpoints"], 44);
    assert_eq!(
        info["summary"]["redesigns"], 0,
        "a template carries maps, not the work on them"
    );

    let out = with_templates(&["new", "x.journey", "--template", "nope"], d, &folder);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not-found"), "{}", stderr(&out));
    assert!(!d.join("x.journey").exists(), "nothing is created");
}

#[test]
fn errors_carry_their_code_and_fail_the_process() {
    let dir = temp();
    let d = dir.path();
    std::fs::write(d.join("empty.journey"), b"").unwrap();
    let out = journeymap(&["info", "empty.journey"], d);
    assert!(!out.status.success());
    assert!(
        stderr(&out).starts_with("error[empty-file]:"),
        "{}",
        stderr(&out)
    );

    let out = journeymap(&["info", "nope.journey"], d);
    assert!(
        stderr(&out).starts_with("error[file-not-found]:"),
        "{}",
        stderr(&out)
    );

    std::fs::write(
        d.join("bad.json"),
        b"{\"format\": \"journeymap\", \"version\": 1,",
    )
    .unwrap();
    let out = journeymap(&["import-json", "bad.json", "-o", "x.journey"], d);
    assert!(
        stderr(&out).starts_with("error[invalid-json]:"),
        "{}",
        stderr(&out)
    );
    assert!(
        !d.join("x.journey").exists(),
        "nothing half-imported is left"
    );

    journeymap(&["new", "a.journey", "--name", "A"], d);
    let out = journeymap(&["new", "a.journey", "--name", "B"], d);
    assert!(
        stderr(&out).starts_with("error[file-exists]:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_subcommand_has_help() {
    let dir = temp();
    for sub in [
        "new",
        "templates",
        "info",
        "export-json",
        "import-json",
        "generate",
        "tracker",
    ] {
        let out = journeymap(&[sub, "--help"], dir.path());
        assert!(out.status.success(), "{sub} --help");
        assert!(
            stdout(&out).contains("Usage: journeymap"),
            "{sub} --help prints usage"
        );
    }
}

#[test]
fn tracker_plan_prints_the_default_twenty_day_plan() {
    let dir = temp();
    let out = journeymap(
        &[
            "tracker",
            "plan",
            "--start",
            "2026-12-19",
            "--holidays",
            "2026-12-25,2027-01-01",
            "--json",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    // Sat 19 Dec rolls to Mon 21; 20 work days skipping 25 Dec and 1 Jan end on Tue 19 Jan.
    assert_eq!(plan["phases"][0]["start"], "2026-12-21");
    assert_eq!(plan["phases"][0]["end"], "2026-12-28");
    assert_eq!(plan["end"], "2027-01-19");
    assert_eq!(plan["phases"].as_array().unwrap().len(), 5);
    assert_eq!(plan["phases"][2]["name"], "Send proposal to corporate");
    assert_eq!(plan["phases"][2]["days"], 1);
    let text = stdout(&out);
    assert!(
        text.find("\"name\"").unwrap() < text.find("\"start\"").unwrap(),
        "keys in the documented order"
    );

    let out = journeymap(
        &[
            "tracker",
            "plan",
            "--start",
            "2026-11-20",
            "--weekmask",
            "1111001",
        ],
        dir.path(),
    );
    let text = stdout(&out);
    assert!(
        text.contains("Brainstorm                             2026-11-22   2026-11-26"),
        "{text}"
    );
    let out = journeymap(
        &[
            "tracker",
            "plan",
            "--start",
            "2026-11-20",
            "--weekmask",
            "1111",
        ],
        dir.path(),
    );
    assert!(
        stderr(&out).starts_with("error[invalid-input]"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn tracker_status_start_advance_and_holidays() {
    let dir = temp();
    let d = dir.path();
    std::fs::copy(sample_journey(), d.join("s.journey")).unwrap();
    let out = journeymap(
        &[
            "tracker",
            "status",
            "s.journey",
            "--today",
            "2026-11-23",
            "--json",
        ],
        d,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let status: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let by_title = |title: &str| {
        status["redesigns"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["title"] == title)
            .cloned()
            .unwrap()
    };
    assert_eq!(by_title("Three bag-drop lanes at peak")["status"], "late");
    assert_eq!(
        by_title("Online check-in for infant bookings")["status"],
        "atRisk"
    );
    assert_eq!(
        by_title("Families seated together by default")["status"],
        "done"
    );
    assert_eq!(
        by_title("Delay message within two minutes")["status"],
        "onTrack"
    );

    let out = journeymap(
        &[
            "tracker",
            "start",
            "s.journey",
            "--touchpoint",
            "Liquids rules information",
            "--start",
            "2026-11-23",
            "--title",
            "Liquids rules on the boarding pass",
        ],
        d,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2026-12-18"), "{}", stdout(&out));
    let out = journeymap(
        &[
            "tracker",
            "advance",
            "s.journey",
            "--redesign",
            "Liquids rules on the boarding pass",
            "--phase",
            "2",
            "--to",
            "in-progress",
            "--date",
            "2026-11-23",
        ],
        d,
    );
    assert!(
        stderr(&out).contains("cannot start before"),
        "{}",
        stderr(&out)
    );
    let out = journeymap(
        &[
            "tracker",
            "advance",
            "s.journey",
            "--redesign",
            "Liquids rules on the boarding pass",
            "--phase",
            "1",
            "--to",
            "in-progress",
            "--date",
            "2026-11-23",
        ],
        d,
    );
    assert!(out.status.success(), "{}", stderr(&out));

    // Finishing the last phase with --improve-reliability moves the touchpoint up a step.
    let out = journeymap(
        &[
            "tracker",
            "advance",
            "s.journey",
            "--redesign",
            "Three bag-drop lanes at peak",
            "--phase",
            "5",
            "--to",
            "done",
            "--date",
            "2026-11-24",
            "--improve-reliability",
        ],
        d,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Bag drop queue is now reliable"),
        "{}",
        stdout(&out)
    );

    std::fs::write(d.join("h.ics"), "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261130\nSUMMARY:Company day\nEND:VEVENT\nEND:VCALENDAR\n").unwrap();
    let out = journeymap(
        &["tracker", "holidays", "s.journey", "--import", "h.ics"],
        d,
    );
    assert!(
        stdout(&out).contains("1 holiday imported into"),
        "{}",
        stderr(&out)
    );
    let out = journeymap(
        &["tracker", "status", "s.journey", "--today", "2026-11-23"],
        d,
    );
    let text = stdout(&out);
    assert!(
        text.contains("Liquids rules on the boarding pass") && text.contains("2026-12-21"),
        "the holiday pushes the plan a day: {text}"
    );
    std::fs::write(d.join("bad.csv"), "2026-12-01,A\nnext week,B\n").unwrap();
    let out = journeymap(
        &["tracker", "holidays", "s.journey", "--import", "bad.csv"],
        d,
    );
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
}

/// Every file the tool writes gets the mode the umask allows: under 022 a manager's export to a
/// shared folder is readable by the others (0644), never private to its owner (0600).
#[cfg(unix)]
#[test]
fn every_written_file_gets_the_umask_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let d = dir.path();
    let sample = sample_journey();
    let s = sample.to_str().unwrap();
    let json = sample_json();
    let runs: Vec<(Vec<&str>, &str)> = vec![
        (vec!["new", "new.journey", "--name", "N"], "new.journey"),
        (vec!["export-json", s, "-o", "p.json"], "p.json"),
        (
            vec!["import-json", json.to_str().unwrap(), "-o", "i.journey"],
            "i.journey",
        ),
        (vec!["report", s, "-o", "r.pdf"], "r.pdf"),
        (vec!["export-svg", s, "-o", "m.svg"], "m.svg"),
        (vec!["export-png", s, "-o", "m.png"], "m.png"),
        (vec!["export-html", s, "-o", "p.html"], "p.html"),
        (vec!["export-cjml", s, "-o", "j.xml"], "j.xml"),
        (
            vec!["export-csv", s, "--table", "kpis", "-o", "k.csv"],
            "k.csv",
        ),
        (
            vec!["generate", "--touchpoints", "20", "-o", "g.journey"],
            "g.journey",
        ),
    ];
    for (args, file) in runs {
        let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask 022 && exec '{}' {}",
                env!("CARGO_BIN_EXE_journeymap"),
                quoted.join(" ")
            ))
            .current_dir(d)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let mode = std::fs::metadata(d.join(file))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o644, "{file} from {args:?}");
    }
}

#[test]
fn version_names_the_release_and_the_file_format() {
    let dir = temp();
    for flag in ["--version", "-V"] {
        let out = journeymap(&[flag], dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            stdout(&out),
            format!(
                "journeymap {} (file format {})\n",
                env!("CARGO_PKG_VERSION"),
                journeymap::storage::SCHEMA_VERSION
            )
        );
    }
}
