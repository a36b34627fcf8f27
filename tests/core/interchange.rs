//! The JSON interchange format: lossless, versioned, deterministic.

use super::support::{sample, sample_json, temp};
use journeymap::interchange::json::{from_json, to_json};
use journeymap::{ErrorCode, ProjectFile};
use pretty_assertions::assert_eq;

#[test]
fn export_import_export_is_identical() {
    let text = std::fs::read_to_string(sample_json()).unwrap();
    let once = to_json(&from_json(text.as_bytes()).unwrap());
    assert_eq!(once, text, "assets/sample.json is in canonical form");

    let dir = temp();
    let path = dir.path().join("p.journey");
    ProjectFile::create(&path, &from_json(once.as_bytes()).unwrap()).unwrap();
    let twice = to_json(ProjectFile::open(&path).unwrap().project().unwrap());
    assert_eq!(twice, once);
}

#[test]
fn every_field_survives_the_round_trip() {
    let mut p = journeymap::app::generate::project(50, 5);
    p.touchpoints[3].description = "Line one\nline two — “quoted” 顧客体験 Café Zoë".into();
    p.touchpoints[3].x = 0.1 + 0.2;
    p.touchpoints[3].moment_of_truth = true;
    p.touchpoints[3].moment_of_truth_note = "Why it matters".into();
    p.notes[0].stage_id = None;
    p.maps[0].persona_id = None;
    let back = from_json(to_json(&p).as_bytes()).unwrap();
    assert_eq!(back, p.canonical());
}

#[test]
fn inconsistent_documents_are_refused_with_reasons() {
    let mut p = sample();
    p.touchpoints[0].stage_id = journeymap::model::new_id();
    p.touchpoints[1].expectation = 0;
    let id = p.stages[0].id;
    p.lanes[0].id = id;
    let err = from_json(to_json(&p).as_bytes()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidProject);
    let message = err.to_string();
    for expected in ["is not a stage of map", "expectation 0", "id is used twice"] {
        assert!(message.contains(expected), "{expected:?} in {message}");
    }
}
