//! Files left beside a project: a rollback journal from a crash, or a write-ahead log from a
//! program that put the file in WAL mode. SQLite folds them back into the file on its next write
//! open; this module lets that happen in a private copy first, so a read never changes the file
//! or its folder and a journal that does not belong to the file is caught before it is applied.

use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The files SQLite may keep beside a database.
pub(crate) const SIDECARS: [&str; 3] = ["-journal", "-wal", "-shm"];

/// `P-journal`, `P-wal` or `P-shm` for the project `P`.
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A private copy of a project and its journal or log, with SQLite's recovery applied to it.
/// The folder (and the copy) is removed when this is dropped.
pub(crate) struct Copy {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Copy {
    pub(crate) fn of(project: &Path) -> Result<Self> {
        let dir = tempfile::tempdir()
            .map_err(|e| Error::io("cannot make a folder to read the project in", e))?;
        let path = dir.path().join("project.journey");
        copy_regular(project, &path)?;
        // The -shm index is rebuilt from the log; copying it could only bring in a stale one.
        for suffix in ["-journal", "-wal"] {
            let side = sidecar(project, suffix);
            if side.is_file() {
                copy_regular(&side, &sidecar(&path, suffix))?;
            }
        }
        in_place(&path).map_err(|e| Error::CorruptFile {
            path: project.to_owned(),
            detail: format!("SQLite cannot restore it from the files beside it: {e}"),
        })?;
        Ok(Self { _dir: dir, path })
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

fn copy_regular(from: &Path, to: &Path) -> Result<()> {
    let mut source = crate::text::open_regular(from)?;
    let mut dest = std::fs::File::create(to)
        .map_err(|e| Error::io(format!("cannot copy {}", from.display()), e))?;
    std::io::copy(&mut source, &mut dest)
        .map_err(|e| Error::io(format!("cannot copy {}", from.display()), e))?;
    Ok(())
}

/// Lets SQLite apply a journal (roll back) or a log (checkpoint) to the database at `path`, and
/// leaves it as a plain rollback-journal file.
pub(crate) fn in_place(path: &Path) -> rusqlite::Result<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    crate::storage::schema::harden(&conn)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
    conn.close().map_err(|(_, e)| e)
}

/// The error for a project whose leftover journal or log would restore it to a bad state: the
/// file was not changed, and the person learns which file beside it to look at.
pub(crate) fn refused(project: &Path, e: Error) -> Error {
    let journal = sidecar(project, "-journal");
    let beside = if journal.is_file() {
        journal
    } else {
        sidecar(project, "-wal")
    };
    match e {
        Error::CorruptFile { path, detail } => Error::CorruptFile {
            path,
            detail: format!(
                "restored with {} beside it, it would be damaged ({detail}); nothing was \
                 changed. If that file is not this project's, move it away and open the project \
                 again",
                beside.display()
            ),
        },
        other => other,
    }
}
