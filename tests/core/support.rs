//! Shared test fixtures: temporary folders, sample paths and small projects.

use journeymap::model::Project;
use std::path::{Path, PathBuf};

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample_json() -> PathBuf {
    repo().join("assets/sample.json")
}

pub fn sample_journey() -> PathBuf {
    repo().join("assets/sample.journey")
}

pub fn sample() -> Project {
    let bytes = std::fs::read(sample_json()).expect("the sample JSON is part of the repository");
    journeymap::interchange::json::from_json(&bytes).expect("the sample JSON is valid")
}

pub fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder can be created")
}

/// Copies `src` into `dir` under `name` and returns the new path.
pub fn copy_into(dir: &Path, src: &Path, name: &str) -> PathBuf {
    let dest = dir.join(name);
    std::fs::copy(src, &dest).expect("copy fixture");
    dest
}
