//! `.journey` project files: one SQLite database a user can copy, mail and back up. This module
//! decides whether a file is ours before touching it, upgrades old schemas in a transaction,
//! writes only what changed, and replaces files atomically. It knows nothing of the GUI.

pub mod atomic;
mod header;
mod lock;
mod records;
mod recovery;
mod schema;

pub use schema::{APPLICATION_ID, SCHEMA_VERSION};

use crate::model::{Changes, Project};
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// An open project file and the project as last written to it.
///
/// Invariant: `saved` equals what [`records::load`] would read from the file now, but for its
/// feedback while `feedback_aside` is `Some`: then `saved.feedback` is empty and the file holds
/// that many items, read again when something needs them ([`ProjectFile::project`]).
pub struct ProjectFile {
    conn: Connection,
    path: PathBuf,
    saved: Project,
    /// A large project's feedback is a quarter of it in memory (1.7 MB at 10,000 items) and the
    /// map does not show it: it is checked on opening, then left in the file until a view, a
    /// report or an edit that could touch it asks for the whole project.
    feedback_aside: Option<usize>,
    /// Held for the handle's life: one writer per file.
    _lock: lock::WriterLock,
}

impl std::fmt::Debug for ProjectFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProjectFile")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// Turns an SQLite error met while reading a file into the user's words: a file SQLite calls
/// "not a database" or "malformed" is damaged, whatever query noticed it.
fn reading(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    match &e {
        rusqlite::Error::SqliteFailure(f, msg)
            if matches!(f.code, C::NotADatabase | C::DatabaseCorrupt) =>
        {
            Error::CorruptFile {
                path: path.to_owned(),
                detail: msg.clone().unwrap_or_else(|| f.to_string()),
            }
        }
        rusqlite::Error::FromSqlConversionFailure(..)
        | rusqlite::Error::InvalidColumnType(..)
        | rusqlite::Error::IntegralValueOutOfRange(..)
        | rusqlite::Error::QueryReturnedNoRows => Error::CorruptFile {
            path: path.to_owned(),
            detail: e.to_string(),
        },
        _ => Error::Database(e),
    }
}

impl ProjectFile {
    /// Opens an existing project for editing. Every way a file can be wrong is reported with its
    /// own error code, and a refused file is not written to. Only one editor at a time: while
    /// this handle lives, a second `open` of the same file (from any process) fails with
    /// `FileInUse`; [`ProjectFile::read`] still works.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_owned();
        check_file(&path)?;
        let lock = lock::WriterLock::acquire(&path)?;
        let (head, _) = header::read(&path)?;
        if head.wal || hot_journal(&path) {
            // A crash left a rollback journal (or another program left the file in WAL mode):
            // SQLite restores the last committed state from it, which is its job and ours. But a
            // journal that is not this file's would be "restored" into it, so the result is
            // judged first in a private copy, and the file is touched only if that copy is sound.
            let copy = recovery::Copy::of(&path)?;
            read_from(copy.path(), &path).map_err(|e| recovery::refused(&path, e))?;
            recovery::in_place(&path).map_err(|e| reading(&path, e))?;
        }
        check_header(&path)?;
        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| reading(&path, e))?;
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(Error::io(
                format!(
                    "cannot open {} for editing (the file or its folder is read-only); open a \
                     copy, or read it with the command line",
                    path.display()
                ),
                std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            ));
        }
        check_contents(&path, &conn)?;
        schema::configure(&conn).map_err(|e| match e {
            Error::Database(e) => reading(&path, e),
            other => other,
        })?;
        schema::migrate(&mut conn)?;
        let mut saved = load_valid(&path, &conn)?;
        let feedback_aside = (!saved.feedback.is_empty()).then(|| {
            let n = saved.feedback.len();
            saved.feedback = Vec::new();
            n
        });
        Ok(Self {
            conn,
            path,
            saved,
            feedback_aside,
            _lock: lock,
        })
    }

    /// Reads a project without editing it and without taking the writer's lock, so the command
    /// line can report on a project that is open in the app. The file and its folder are never
    /// written: an older schema is upgraded in a memory copy, and a file that SQLite would have to
    /// write to before reading (a journal left by a crash, WAL mode) is read from a private copy.
    pub fn read(path: impl AsRef<Path>) -> Result<Project> {
        let path = path.as_ref();
        check_file(path)?;
        let (head, _) = header::read(path)?;
        if head.wal || hot_journal(path) {
            // A journal beside a file that a Journeymap window is writing belongs to the
            // transaction under way; SQLite reads around it. Otherwise it is left over.
            match lock::WriterLock::acquire(path) {
                Ok(_held) => {
                    let copy = recovery::Copy::of(path)?;
                    return read_from(copy.path(), path);
                }
                Err(Error::FileInUse { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        read_from(path, path)
    }
    /// Creates a new project file; refuses to replace an existing one.
    pub fn create(path: impl AsRef<Path>, project: &Project) -> Result<Self> {
        let path = path.as_ref();
        if path.exists() {
            return Err(Error::FileExists {
                path: path.to_owned(),
            });
        }
        write_new(path, project, false)?;
        Self::open(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole project as it is in the file (its feedback read back first if it was set
    /// aside).
    pub fn project(&mut self) -> Result<&Project> {
        self.read_feedback()?;
        Ok(&self.saved)
    }

    /// The project as it is in the file, but with its feedback empty when it was set aside: for
    /// what never looks at feedback (the map the window opens with, the project's id). How many
    /// items it has is [`ProjectFile::feedback_count`].
    pub fn project_but_feedback(&self) -> &Project {
        &self.saved
    }

    /// How many feedback items the project holds, read or not.
    pub fn feedback_count(&self) -> usize {
        self.feedback_aside.unwrap_or(self.saved.feedback.len())
    }

    /// Whether the feedback is in memory (it is set aside on opening when there is any).
    pub fn feedback_read(&self) -> bool {
        self.feedback_aside.is_none()
    }

    /// The project's counts, its feedback counted whether read or not.
    pub fn summary(&self) -> crate::model::Summary {
        let mut summary = self.saved.summary();
        summary.feedback = u32::try_from(self.feedback_count()).unwrap_or(u32::MAX);
        summary
    }

    /// Reads the feedback set aside on opening back into the project.
    fn read_feedback(&mut self) -> Result<()> {
        if self.feedback_aside.is_some() {
            self.saved.feedback =
                records::load_feedback(&self.conn).map_err(|e| reading(&self.path, e))?;
            self.feedback_aside = None;
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<u32> {
        schema::user_version(&self.conn)
    }

    /// Writes `project`, touching only the rows that differ from the file. Returns the number of
    /// records written or deleted.
    pub fn save(&mut self, project: &Project) -> Result<usize> {
        self.read_feedback()?;
        let changes = self.saved.diff(project);
        self.apply(&changes)?;
        Ok(changes.len())
    }

    /// Writes a change set in one transaction; on error nothing is written and the file and
    /// this handle keep the previous state.
    pub fn apply(&mut self, changes: &Changes) -> Result<()> {
        if changes.is_empty() {
            return Ok(());
        }
        if self.saved.feedback_bears_on(changes) {
            self.read_feedback()?;
        }
        // Most change sets only put a few records: they are applied in place and taken back if
        // the result is refused, which spares copying the whole project (10 MB and most of an
        // autosave's time at 10,000 cards). Deletions cascade, so they are tried on a copy.
        let Some(undo) = self.saved.undo_of(changes) else {
            let mut next = self.saved.clone();
            next.apply(changes);
            next.validate_after(changes)?;
            self.write(changes)?;
            next.canonicalize();
            self.saved = next;
            return Ok(());
        };
        self.saved.apply(changes);
        let written = self
            .saved
            .validate_after(changes)
            .and_then(|()| self.write(changes));
        if written.is_err() {
            self.saved.apply(&undo);
        }
        self.saved.canonicalize();
        written
    }

    /// Writes a change set to the file in one transaction.
    fn write(&mut self, changes: &Changes) -> Result<()> {
        let tx = self.conn.transaction()?;
        records::write(&tx, changes)?;
        tx.commit()?;
        Ok(())
    }

    /// Copies the file as it is now to `dest` (SQLite's online backup, so the copy is
    /// consistent), through a temporary file and a rename; an existing `dest` is left alone.
    pub fn copy_to(&self, dest: &Path) -> Result<()> {
        atomic::write_with_result(dest, atomic::Overwrite::Never, |_, temp| {
            let mut copy = Connection::open(temp)?;
            rusqlite::backup::Backup::new(&self.conn, &mut copy)?.run_to_completion(
                1024,
                std::time::Duration::ZERO,
                None,
            )?;
            copy.pragma_update(None, "journal_mode", "DELETE")?;
            copy.close().map_err(|(_, e)| Error::Database(e))?;
            Ok(())
        })
    }

    /// Writes a complete copy of `project` to `dest` atomically and continues with that file.
    /// The file this handle had open keeps its last saved state.
    pub fn save_as(&mut self, project: &Project, dest: impl AsRef<Path>) -> Result<()> {
        let dest = dest.as_ref();
        if same_file(&self.path, dest) {
            // This handle holds the file's lock: writing it again is a save.
            self.save(project)?;
            return Ok(());
        }
        write_new(dest, project, true)?;
        *self = Self::open(dest)?;
        Ok(())
    }
}

/// The largest project file opened. Generated projects of 10,000 touchpoints with 10,000
/// feedback items take 12 MB; a stranger's 1 TB sparse file is refused before SQLite reads it.
pub const MAX_PROJECT_BYTES: u64 = 1024 * 1024 * 1024;

/// The most rows one table may hold; a project is loaded whole, so this bounds its memory.
pub const MAX_ROWS_PER_TABLE: i64 = 1_000_000;

/// What every open and read starts with: a regular file of a sane size, with no folder, pipe or
/// device where SQLite keeps its journal (it would fail, or wait forever on a pipe).
fn check_file(path: &Path) -> Result<()> {
    let (_, len) = header::read(path)?;
    if len > MAX_PROJECT_BYTES {
        return Err(Error::CorruptFile {
            path: path.to_owned(),
            detail: format!(
                "{len} bytes, more than the {} MB a project may have",
                MAX_PROJECT_BYTES / (1024 * 1024)
            ),
        });
    }
    for suffix in recovery::SIDECARS {
        let side = recovery::sidecar(path, suffix);
        if let Ok(meta) = std::fs::symlink_metadata(&side) {
            if !meta.is_file() {
                return Err(Error::CorruptFile {
                    path: path.to_owned(),
                    detail: format!(
                        "{} beside it is not a regular file; move it away",
                        side.display()
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Reads the project in the database at `file`, judging it as the project the person knows as
/// `shown` (the same path, or the file a private copy was made of).
fn read_from(file: &Path, shown: &Path) -> Result<Project> {
    let about = |e: Error| e.about(shown);
    check_header(file).map_err(about)?;
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| reading(shown, e))?;
    // A window may be committing a change this moment.
    conn.busy_timeout(std::time::Duration::from_secs(2))
        .map_err(|e| reading(shown, e))?;
    check_contents(shown, &conn)?;
    if schema::user_version(&conn)? < SCHEMA_VERSION {
        let mut memory = Connection::open_in_memory()?;
        rusqlite::backup::Backup::new(&conn, &mut memory)?
            .run_to_completion(256, std::time::Duration::ZERO, None)
            .map_err(|e| reading(shown, e))?;
        schema::migrate(&mut memory)?;
        return load_valid(shown, &memory);
    }
    load_valid(shown, &conn)
}

/// The schema version a file was last written with, read from its header.
pub fn schema_version_of(path: &Path) -> Result<u32> {
    Ok(header::read(path)?.0.user_version)
}

/// The header checks every open starts with: ours, not newer than this build, the right length.
fn check_header(path: &Path) -> Result<()> {
    let (head, len) = header::read(path)?;
    if head.application_id != APPLICATION_ID {
        return Err(Error::ForeignApplication {
            path: path.to_owned(),
        });
    }
    if head.user_version > SCHEMA_VERSION {
        return Err(Error::FileTooNew {
            path: path.to_owned(),
            found: head.user_version,
            supported: SCHEMA_VERSION,
        });
    }
    if head.user_version == 0 {
        return Err(Error::CorruptFile {
            path: path.to_owned(),
            detail: "no schema version".into(),
        });
    }
    header::check_length(path, &head, len)
}

/// SQLite's own structural check, then the schema: exactly what our migrations create for the
/// file's version (tables, columns, indexes; no triggers, no views), or the file is refused
/// before anything is written to it.
fn check_contents(path: &Path, conn: &Connection) -> Result<()> {
    schema::harden(conn)?;
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| reading(path, e))?;
    if check != "ok" {
        // SQLite lists every damaged page; the first few say enough.
        let lines: Vec<&str> = check.lines().filter(|l| !l.starts_with("***")).collect();
        let mut detail = lines.iter().take(3).copied().collect::<Vec<_>>().join("; ");
        if lines.len() > 3 {
            detail.push_str(&format!("; {} more problems", lines.len() - 3));
        }
        return Err(Error::CorruptFile {
            path: path.to_owned(),
            detail,
        });
    }
    let version = schema::user_version(conn)?;
    let found = schema::objects_of(conn).map_err(|e| reading(path, e))?;
    let expected = schema::expected_objects(version);
    let unexpected: Vec<String> = found
        .iter()
        .filter(|o| !expected.contains(o))
        .map(|o| {
            match expected
                .iter()
                .find(|e| e.kind == o.kind && e.name == o.name)
            {
                Some(_) => format!("{o} was changed"),
                None => format!("{o} was added"),
            }
        })
        .collect();
    let missing: Vec<String> = expected
        .iter()
        .filter(|e| !found.iter().any(|o| o.kind == e.kind && o.name == e.name))
        .map(|e| format!("{e} is missing"))
        .collect();
    if !unexpected.is_empty() || !missing.is_empty() {
        let mut problems = unexpected;
        problems.extend(missing);
        let more = problems.len().saturating_sub(5);
        problems.truncate(5);
        if more > 0 {
            problems.push(format!("{more} more"));
        }
        return Err(Error::CorruptFile {
            path: path.to_owned(),
            detail: format!(
                "its schema is not the one Journeymap writes for file format {version}: {}; \
                 something other than Journeymap changed it",
                problems.join(", ")
            ),
        });
    }
    for table in expected.iter().filter(|o| o.kind == "table") {
        // The names come from our own migrations, never from the file.
        let rows: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM \"{}\"", table.name),
                [],
                |r| r.get(0),
            )
            .map_err(|e| reading(path, e))?;
        if rows > MAX_ROWS_PER_TABLE {
            return Err(Error::CorruptFile {
                path: path.to_owned(),
                detail: format!(
                    "{rows} rows in {}, more than the {MAX_ROWS_PER_TABLE} a project may have",
                    table.name
                ),
            });
        }
    }
    Ok(())
}

/// Loads the project and checks it as thoroughly as one arriving from outside: a file edited by
/// hand (dangling references, gigantic text) is refused rather than half-shown.
fn load_valid(path: &Path, conn: &Connection) -> Result<Project> {
    let project = records::load(conn).map_err(|e| reading(path, e))?;
    project.validate().map_err(|e| match e {
        Error::InvalidProject(problems) => Error::CorruptFile {
            path: path.to_owned(),
            detail: format!(
                "it holds invalid data: {}",
                problems.into_iter().take(5).collect::<Vec<_>>().join("; ")
            ),
        },
        other => other,
    })?;
    Ok(project)
}

/// Whether two paths name the same file (through links, `.` or `..`).
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn hot_journal(path: &Path) -> bool {
    std::fs::metadata(recovery::sidecar(path, "-journal"))
        .map(|m| m.is_file() && m.len() > 0)
        .unwrap_or(false)
}

/// Writes `project` as a new, complete project file at `dest`: built in a temporary file beside
/// it, synced, then renamed over `dest`, so a reader never sees half a file. With
/// `replace = false` an existing `dest` is an error (and is left alone); with `replace = true` an
/// existing project is replaced only if no other process is editing it (`FileInUse`).
pub fn write_new(dest: &Path, project: &Project, replace: bool) -> Result<()> {
    project.validate()?;
    let overwrite = if replace {
        atomic::Overwrite::UnlessInUse
    } else {
        atomic::Overwrite::Never
    };
    atomic::write_with_result(dest, overwrite, |_, temp| {
        let mut conn = Connection::open(temp)?;
        schema::configure(&conn)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID as i32)?;
        schema::migrate(&mut conn)?;
        let tx = conn.transaction()?;
        let empty = Project::new(project.info.id, project.info.name.clone());
        let mut all = empty.diff(project);
        // The info row is always written, even when it equals the empty project's.
        if !all
            .put
            .iter()
            .any(|r| matches!(r, crate::model::Record::Info(_)))
        {
            all.put
                .push(crate::model::Record::Info(project.info.clone()));
        }
        records::write(&tx, &all)?;
        tx.commit()?;
        conn.close().map_err(|(_, e)| Error::Database(e))?;
        Ok(())
    })
}
