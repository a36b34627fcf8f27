//! `.journey` project files: one SQLite database a user can copy, mail and back up. This module
//! decides whether a file is ours before touching it, upgrades old schemas in a transaction,
//! writes only what changed, and replaces files atomically. It knows nothing of the GUI.

mod header;
mod lock;
mod records;
mod schema;

pub use schema::{APPLICATION_ID, SCHEMA_VERSION};

use crate::model::{Changes, Project};
use crate::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// An open project file and the project as last written to it.
///
/// Invariant: `saved` equals what [`records::load`] would read from the file now.
pub struct ProjectFile {
    conn: Connection,
    path: PathBuf,
    saved: Project,
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
        header::read(&path)?;
        let lock = lock::WriterLock::acquire(&path)?;
        if hot_journal(&path) {
            // A crash left a rollback journal: let SQLite restore the last committed state
            // (that is its job and ours), then judge the restored file.
            let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_WRITE)
                .map_err(|e| reading(&path, e))?;
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(|e| reading(&path, e))?;
        }
        check_header(&path)?;
        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| reading(&path, e))?;
        check_contents(&path, &conn)?;
        schema::configure(&conn).map_err(|e| match e {
            Error::Database(e) => reading(&path, e),
            other => other,
        })?;
        schema::migrate(&mut conn)?;
        let saved = load_valid(&path, &conn)?;
        Ok(Self {
            conn,
            path,
            saved,
            _lock: lock,
        })
    }

    /// Reads a project without editing it and without taking the writer's lock, so the command
    /// line can report on a project that is open in the app. An older schema is upgraded in a
    /// memory copy; the file itself is never written.
    pub fn read(path: impl AsRef<Path>) -> Result<Project> {
        let path = path.as_ref().to_owned();
        check_header(&path)?;
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| reading(&path, e))?;
        check_contents(&path, &conn)?;
        if schema::user_version(&conn)? < SCHEMA_VERSION {
            let mut memory = Connection::open_in_memory()?;
            rusqlite::backup::Backup::new(&conn, &mut memory)?
                .run_to_completion(256, std::time::Duration::ZERO, None)
                .map_err(|e| reading(&path, e))?;
            schema::migrate(&mut memory)?;
            return load_valid(&path, &memory);
        }
        load_valid(&path, &conn)
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

    /// The project as it is in the file.
    pub fn project(&self) -> &Project {
        &self.saved
    }

    pub fn schema_version(&self) -> Result<u32> {
        schema::user_version(&self.conn)
    }

    /// Writes `project`, touching only the rows that differ from the file. Returns the number of
    /// records written or deleted.
    pub fn save(&mut self, project: &Project) -> Result<usize> {
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
        let mut next = self.saved.clone();
        next.apply(changes);
        next.validate_after(changes)?;
        let tx = self.conn.transaction()?;
        records::write(&tx, changes)?;
        tx.commit()?;
        next.canonicalize();
        self.saved = next;
        Ok(())
    }

    /// Copies the file as it is now to `dest` (SQLite's online backup, so the copy is
    /// consistent), through a temporary file and a rename.
    pub fn copy_to(&self, dest: &Path) -> Result<()> {
        let dir = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let temp = tempfile::Builder::new()
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| Error::io(format!("cannot write {}", dest.display()), e))?;
        {
            let mut copy = Connection::open(temp.path())?;
            rusqlite::backup::Backup::new(&self.conn, &mut copy)?.run_to_completion(
                1024,
                std::time::Duration::ZERO,
                None,
            )?;
            copy.pragma_update(None, "journal_mode", "DELETE")?;
        }
        temp.as_file()
            .sync_all()
            .map_err(|e| Error::io(format!("cannot sync {}", dest.display()), e))?;
        temp.persist(dest)
            .map_err(|e| Error::io(format!("cannot write {}", dest.display()), e.error))?;
        Ok(())
    }

    /// Writes a complete copy of `project` to `dest` atomically and continues with that file.
    /// The file this handle had open keeps its last saved state.
    pub fn save_as(&mut self, project: &Project, dest: impl AsRef<Path>) -> Result<()> {
        let dest = dest.as_ref();
        write_new(dest, project, true)?;
        *self = Self::open(dest)?;
        Ok(())
    }
}

/// A temporary file is private (0600); the project file it becomes gets the permissions of the
/// file it replaces, or the usual ones for a new document.
#[cfg(unix)]
fn keep_permissions(file: &std::fs::File, dest: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dest)
        .map(|m| m.permissions().mode())
        .unwrap_or(0o644);
    // Best effort: a file that keeps 0600 is still a correct, readable project for its owner.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn keep_permissions(_file: &std::fs::File, _dest: &Path) {}

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

/// SQLite's own structural check, then the tables: exactly the ones this schema version has.
fn check_contents(path: &Path, conn: &Connection) -> Result<()> {
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| reading(path, e))?;
    if check != "ok" {
        return Err(Error::CorruptFile {
            path: path.to_owned(),
            detail: check,
        });
    }
    let version = schema::user_version(conn)?;
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .map_err(|e| reading(path, e))?;
    let found: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| reading(path, e))?;
    let expected = schema::tables(version);
    let unexpected: Vec<&String> = found
        .iter()
        .filter(|t| !expected.contains(&t.as_str()))
        .collect();
    let missing: Vec<&&str> = expected
        .iter()
        .filter(|t| !found.iter().any(|f| f == *t))
        .collect();
    if !unexpected.is_empty() || !missing.is_empty() {
        return Err(Error::CorruptFile {
            path: path.to_owned(),
            detail: format!(
                "its tables do not match schema version {version} (unexpected: {unexpected:?}, \
                 missing: {missing:?})"
            ),
        });
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

fn hot_journal(path: &Path) -> bool {
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    std::fs::metadata(PathBuf::from(journal))
        .map(|m| m.len() > 0)
        .unwrap_or(false)
}

/// Writes `project` as a new, complete project file at `dest`: built in a temporary file beside
/// it, synced, then renamed over `dest`, so a reader never sees half a file. With
/// `replace = false` an existing `dest` is an error (and is left alone).
pub fn write_new(dest: &Path, project: &Project, replace: bool) -> Result<()> {
    project.validate()?;
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let io = |what: &str, e| Error::io(format!("cannot {what} {}", dest.display()), e);
    let stem = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{stem}."))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| io("create a temporary file for", e))?;
    {
        let mut conn = Connection::open(temp.path())?;
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
    }
    temp.as_file().sync_all().map_err(|e| io("sync", e))?;
    keep_permissions(temp.as_file(), dest);
    if replace {
        temp.persist(dest).map_err(|e| io("write", e.error))?;
    } else {
        temp.persist_noclobber(dest)
            .map_err(|e| match e.error.kind() {
                std::io::ErrorKind::AlreadyExists => Error::FileExists {
                    path: dest.to_owned(),
                },
                _ => io("write", e.error),
            })?;
    }
    if let Ok(d) = std::fs::File::open(&dir) {
        // Makes the rename itself durable; not every platform can sync a directory.
        let _ = d.sync_all();
    }
    Ok(())
}
