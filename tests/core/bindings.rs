//! The TypeScript bindings in `ui/src/bindings/` are generated from the Rust types. This test
//! fails when they are stale; `UPDATE_BINDINGS=1 cargo test --test core bindings` rewrites them.

use journeymap::model::{Changes, Project, RecordKind, Summary};
use journeymap::session::OpenedProject;
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
    journeymap::backup::BackupEntry::export_all(&cfg).expect("export BackupEntry");
    journeymap::measure::Dashboard::export_all(&cfg).expect("export Dashboard");
    journeymap::interchange::feedback_csv::FeedbackPreview::export_all(&cfg)
        .expect("export FeedbackPreview");
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
