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
    for sub in ["new", "info", "export-json", "import-json", "generate"] {
        let out = journeymap(&[sub, "--help"], dir.path());
        assert!(out.status.success(), "{sub} --help");
        assert!(
            stdout(&out).contains("Usage: journeymap"),
            "{sub} --help prints usage"
        );
    }
}
