//! The TypeScript bindings in `ui/src/bindings/` are generated from the Rust types. This test
//! fails when they are stale; `UPDATE_BINDINGS=1 cargo test --test core bindings` rewrites them.

use journeymap::app::session::OpenedProject;
use journeymap::model::{Changes, Project, RecordKind, Summary};
use journeymap::ErrorPayload;
use std::collections::BTreeMap;
use std::path::Path;
use ts_rs::{Config, TS};

fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir);
    Project::export_all(&cfg).expect("export Project");
    Changes::export_all(&cfg).expect("export Changes");
    RecordKind::export_all(&cfg).expect("export RecordKind");
    Summary::export_all(&cfg).expect("export Summary");
    ErrorPayload::export_all(&cfg).expect("export ErrorPayload");
    OpenedProject::export_all(&cfg).expect("export OpenedProject");
    journeymap::workflow::RedesignProgress::export_all(&cfg).expect("export RedesignProgress");
    journeymap::workflow::AfterRejection::export_all(&cfg).expect("export AfterRejection");
    journeymap::app::backup::BackupEntry::export_all(&cfg).expect("export BackupEntry");
    journeymap::measure::Dashboard::export_all(&cfg).expect("export Dashboard");
    journeymap::interchange::feedback_csv::FeedbackPreview::export_all(&cfg)
        .expect("export FeedbackPreview");
    journeymap::interchange::touchpoints_csv::TouchpointPreview::export_all(&cfg)
        .expect("export TouchpointPreview");
    journeymap::app::CjmlRead::export_all(&cfg).expect("export CjmlRead");
    journeymap::app::About::export_all(&cfg).expect("export About");
    journeymap::interchange::holidays::HolidayImport::export_all(&cfg)
        .expect("export HolidayImport");
    journeymap::model::Limits::export_all(&cfg).expect("export Limits");
    journeymap::report::ReportRequest::export_all(&cfg).expect("export ReportRequest");
    journeymap::interchange::tables::Table::export_all(&cfg).expect("export Table");
    journeymap::app::TemplateList::export_all(&cfg).expect("export TemplateList");
    journeymap::app::PictureData::export_all(&cfg).expect("export PictureData");
    journeymap::model::Quadrant::export_all(&cfg).expect("export Quadrant");
    journeymap::app::notices::Notice::export_all(&cfg).expect("export Notice");
    // The values, not only the type: the UI enforces the core's limits where people type.
    let limits = serde_json::to_string_pretty(&journeymap::model::LIMITS).expect("limits");
    std::fs::write(
        dir.join("limitValues.ts"),
        format!(
            "// Generated from journeymap::model::LIMITS by tests/core/bindings.rs. Do not edit.\n\
             import type {{ Limits }} from \"./Limits\";\n\n\
             export const LIMITS: Limits = {limits};\n"
        ),
    )
    .expect("write limitValues.ts");
    // The starter map's stages and lanes, for the UI's test doubles of `new_map`.
    let stages = serde_json::to_string(&journeymap::model::STARTER_STAGES).expect("stages");
    let lanes: Vec<serde_json::Value> = journeymap::model::STARTER_LANES
        .iter()
        .map(|(name, kind)| serde_json::json!({ "name": name, "kind": kind }))
        .collect();
    std::fs::write(
        dir.join("starterMap.ts"),
        format!(
            "// Generated from journeymap::model::STARTER_STAGES and STARTER_LANES by \
             tests/core/bindings.rs. Do not edit.\n\
             import type {{ LaneKind }} from \"./LaneKind\";\n\n\
             export const STARTER_STAGES: string[] = {stages};\n\n\
             export const STARTER_LANES: Array<{{ name: string; kind: LaneKind }}> = {};\n",
            serde_json::to_string(&lanes).expect("lanes")
        ),
    )
    .expect("write starterMap.ts");
    // The persona lines' colours, so the canvas draws them as the exports do.
    std::fs::write(
        dir.join("personaLineValues.ts"),
        format!(
            "// Generated from journeymap::model::OWN_LINE_COLOUR and PERSONA_LINE_COLOURS by \
             tests/core/bindings.rs. Do not edit.\n\n\
             export const OWN_LINE_COLOUR = {};\n\n\
             export const PERSONA_LINE_COLOURS: string[] = {};\n\n\
             export const MAX_PERSONA_LINES = {};\n",
            serde_json::to_string(journeymap::model::OWN_LINE_COLOUR).expect("colour"),
            serde_json::to_string(&journeymap::model::PERSONA_LINE_COLOURS).expect("colours"),
            journeymap::model::MAX_PERSONA_LINES
        ),
    )
    .expect("write personaLineValues.ts");
    // Reliability's colours and words, so the canvas, the charts and the PDF agree.
    use journeymap::model::Reliability;
    let table = |f: fn(Reliability) -> &'static str| -> String {
        let pairs: serde_json::Map<String, serde_json::Value> = Reliability::ALL
            .iter()
            .map(|r| (r.as_str().to_string(), f(*r).into()))
            .collect();
        serde_json::to_string_pretty(&pairs).expect("reliability")
    };
    std::fs::write(
        dir.join("reliabilityValues.ts"),
        format!(
            "// Generated from journeymap::model::Reliability by tests/core/bindings.rs. Do not edit.\n\
             import type {{ Reliability }} from \"./Reliability\";\n\n\
             export const RELIABILITY_COLOR: Record<Reliability, string> = {};\n\n\
             export const RELIABILITY_LABEL: Record<Reliability, string> = {};\n\n\
             /** Every value in the order a person picks from: not rated, then worst to best. */\n\
             export const RELIABILITIES: readonly Reliability[] = {};\n",
            table(Reliability::colour),
            table(Reliability::label),
            serde_json::to_string(&Reliability::ALL).expect("reliabilities")
        ),
    )
    .expect("write reliabilityValues.ts");
    journeymap::export::Viewport::export_all(&cfg).expect("export Viewport");
    journeymap::app::room::RoomState::export_all(&cfg).expect("export RoomState");
    // The participant page's API; its script is type-checked against these.
    use journeymap::app::room::api;
    api::JoinRequest::export_all(&cfg).expect("export JoinRequest");
    api::JoinReply::export_all(&cfg).expect("export JoinReply");
    api::RoomView::export_all(&cfg).expect("export RoomView");
    api::VoteRequest::export_all(&cfg).expect("export VoteRequest");
    api::VoteReply::export_all(&cfg).expect("export VoteReply");
    api::RatingRequest::export_all(&cfg).expect("export RatingRequest");
    journeymap::app::room::NoteRequest::export_all(&cfg).expect("export NoteRequest");
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (
                name,
                std::fs::read_to_string(e.path()).expect("read binding"),
            )
        })
        .collect()
}

#[test]
fn typescript_bindings_are_current() {
    let committed = super::support::repo().join("ui/src/bindings");
    let fresh = super::support::temp();
    export_all(fresh.path());
    let expected = read_dir(fresh.path());
    assert!(
        expected.contains_key("Project.ts"),
        "export wrote the Project binding"
    );
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        export_all(&committed);
        return;
    }
    let actual = read_dir(&committed);
    let stale: std::collections::BTreeSet<&String> = expected
        .keys()
        .chain(actual.keys())
        .filter(|k| expected.get(*k) != actual.get(*k))
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings is stale for {stale:?}; run `UPDATE_BINDINGS=1 cargo test --test core \
         bindings` and commit the result"
    );
}

/// What the UI's headless tests show for the sample: the core's own figures and import results,
/// written beside the bindings so the browser double never computes anything itself.
fn ui_fixtures() -> BTreeMap<&'static str, String> {
    use journeymap::interchange::feedback_csv;
    use journeymap::measure::Dashboard;
    let repo = super::support::repo();
    let project = super::support::sample();
    let map = project.maps[0].id;
    let today = "2026-11-22".parse().unwrap();
    let csv = std::fs::read(repo.join("ui/tests/fixtures/feedback.csv")).unwrap();
    let preview = feedback_csv::preview(&csv, &project, map, None).unwrap();
    let mut n = 0u128;
    let items = feedback_csv::import(&csv, &project, &preview.mapping, || {
        n += 1;
        uuid::Uuid::from_u128(0x5eed_0000_0000_4000_8000_0000_0000_0000 + n)
    })
    .unwrap();
    let sheet = std::fs::read(repo.join("tests/fixtures/touchpoints.xlsx")).unwrap();
    let sheet_preview =
        journeymap::interchange::touchpoints_csv::preview(&sheet, &project, None, Some(map))
            .unwrap();
    let mut m = 0u128;
    let mut ids = || {
        m += 1;
        uuid::Uuid::from_u128(0x7ab1_0000_0000_4000_8000_0000_0000_0000 + m)
    };
    let sheet_changes = journeymap::interchange::touchpoints_csv::import(
        &sheet,
        &project,
        &sheet_preview.mapping,
        &mut ids,
    )
    .unwrap();
    let cjml = journeymap::interchange::cjml::export(&project).xml;
    let cjml_read =
        journeymap::interchange::cjml::import(cjml.as_bytes(), &project, &mut ids).unwrap();
    let cjml_read = journeymap::app::CjmlRead {
        changes: cjml_read.changes,
        maps: cjml_read.maps,
        touchpoints: cjml_read.touchpoints,
        not_imported: cjml_read.not_imported,
    };
    // The emotion curve every drawing shares: the canvas's port must give the same points.
    let curves: Vec<serde_json::Value> = project
        .maps
        .iter()
        .map(|m| {
            let lanes = project.lanes_of(m.id);
            let cards: Vec<_> = project
                .touchpoints
                .iter()
                .filter(|t| t.map_id == m.id)
                .collect();
            let curve = journeymap::model::emotion_curve(&lanes, &cards);
            let segments = journeymap::model::curve_segments(&curve);
            serde_json::json!({ "mapId": m.id, "curve": curve, "segments": segments })
        })
        .collect();
    // The built-in templates as the picker gets them: the list, each one's picture, and the
    // project each starts (ids counted, so the file stays the same from run to run).
    let shelf = journeymap::app::Templates::new(repo.join("no-such-folder"));
    let mut t = 0u128;
    let mut template_ids = || {
        t += 1;
        uuid::Uuid::from_u128(0x7e3a_0000_0000_4000_8000_0000_0000_0000 + t)
    };
    let templates = serde_json::json!({
        "list": shelf.list().unwrap(),
        "pictures": journeymap::model::built_in_templates()
            .iter()
            .map(|t| (t.key, shelf.picture(t.key).unwrap()))
            .collect::<BTreeMap<_, _>>(),
        "projects": journeymap::model::built_in_templates()
            .iter()
            .map(|t| {
                let id = template_ids();
                (t.key, t.project(id, t.name, &mut template_ids))
            })
            .collect::<BTreeMap<_, _>>(),
    });
    let json = |v: serde_json::Value| serde_json::to_string_pretty(&v).unwrap() + "\n";
    BTreeMap::from([
        ("templates.json", json(templates)),
        ("emotion-curve.json", json(serde_json::Value::Array(curves))),
        (
            "sample-dashboard.json",
            json(serde_json::to_value(Dashboard::compute(&project, Some(map), today)).unwrap()),
        ),
        (
            "feedback-preview.json",
            json(serde_json::to_value(&preview).unwrap()),
        ),
        (
            "feedback-import.json",
            json(serde_json::to_value(&items).unwrap()),
        ),
        (
            "touchpoints-preview.json",
            json(serde_json::to_value(&sheet_preview).unwrap()),
        ),
        (
            "touchpoints-import.json",
            json(serde_json::to_value(&sheet_changes).unwrap()),
        ),
        (
            "cjml-read.json",
            json(serde_json::to_value(&cjml_read).unwrap()),
        ),
    ])
}

#[test]
fn ui_fixtures_are_current() {
    let dir = super::support::repo().join("ui/tests/fixtures");
    for (name, content) in ui_fixtures() {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &content).unwrap();
            continue;
        }
        assert_eq!(
            std::fs::read_to_string(&path).ok().as_deref(),
            Some(content.as_str()),
            "ui/tests/fixtures/{name} is stale; run `UPDATE_BINDINGS=1 cargo test --test core \
             bindings` and commit the result"
        );
    }
}
