//! Any bytes as a `.journey` file (and, when the first byte is odd, half of them as the rollback
//! journal beside it) give a valid project or a coded refusal: never a panic, a hang or a write
//! to the file. Run with -rss_limit_mb so a reader that balloons fails too.
#![no_main]
use journeymap::{ErrorCode, ProjectFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("p.journey");
    let (db, journal) = match data.first() {
        Some(b) if b & 1 == 1 && data.len() > 2 => data[1..].split_at(data.len() / 2),
        _ => (data, &[][..]),
    };
    std::fs::write(&path, db).expect("write the file");
    if !journal.is_empty() {
        std::fs::write(dir.path().join("p.journey-journal"), journal).expect("write the journal");
    }
    match ProjectFile::read(&path) {
        Ok(project) => assert!(project.problems().is_empty(), "a read project is valid"),
        Err(e) => assert!(
            matches!(
                e.code(),
                ErrorCode::EmptyFile
                    | ErrorCode::NotAProjectFile
                    | ErrorCode::ForeignApplication
                    | ErrorCode::CorruptFile
                    | ErrorCode::FileTooNew
                    | ErrorCode::Database
            ),
            "{e}"
        ),
    }
    assert_eq!(std::fs::read(&path).expect("the file is there"), db, "a read never writes");
});
