//! The numbered schema migrations of the `.journey` format, embedded in the binary. Each runs in
//! the same transaction as the `user_version` bump, so a file is always at exactly one version.

use crate::Result;
use rusqlite::Connection;

/// Marks a SQLite file as a Journeymap project ("JMAP").
pub const APPLICATION_ID: u32 = 0x4A4D_4150;

/// Migration `n` (1-based) turns schema version `n - 1` into version `n`. Append only: a released
/// migration is never edited, and each has a fixture file in `tests/fixtures/` whose upgrade is
/// tested.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_redesigns.sql"),
    include_str!("migrations/0003_measures.sql"),
    include_str!("migrations/0004_room.sql"),
    include_str!("migrations/0005_room_curve.sql"),
    include_str!("migrations/0006_proposals.sql"),
    include_str!("migrations/0007_look.sql"),
    include_str!("migrations/0008_opportunities.sql"),
    include_str!("migrations/0009_personas.sql"),
    include_str!("migrations/0010_comments.sql"),
    include_str!("migrations/0011_pictures.sql"),
    include_str!("migrations/0012_portraits.sql"),
    include_str!("migrations/0013_unrated.sql"),
];

/// The schema version this build writes and the newest it can read.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub(crate) fn user_version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get::<_, u32>(0))?)
}

/// Brings the schema up to [`SCHEMA_VERSION`] in one transaction; a no-op when it already is.
/// The caller has already refused files newer than this build.
///
/// Foreign keys are off while the migrations run, as SQLite's procedure for rebuilding a table
/// requires (dropping the old table must not cascade into the rows that point at it), and every
/// reference is checked before the transaction commits; they are back as they were afterwards.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let from = user_version(conn)?;
    if from >= SCHEMA_VERSION {
        return Ok(());
    }
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = run_migrations(conn, from);
    conn.pragma_update(None, "foreign_keys", enforced)?;
    migrated
}

fn run_migrations(conn: &mut Connection, from: u32) -> Result<()> {
    let tx = conn.transaction()?;
    for sql in &MIGRATIONS[from as usize..] {
        tx.execute_batch(sql)?;
    }
    let dangling: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if dangling > 0 {
        return Err(crate::Error::Database(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
            Some(format!(
                "upgrading the file would leave {dangling} broken references"
            )),
        )));
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID as i32)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Connection settings every project file is used with: a rollback journal (one file to copy, no
/// `-wal` beside it), full fsync on commit, enforced foreign keys, and a small page cache.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", true)?;
    // The session keeps the project in memory, so SQLite's cache only has to hold what one save
    // touches: 512 KiB rather than the default 2 MiB, which opening a large project filled and
    // the app then kept (docs/performance.md, "Eleventh round"). Dirty pages are never spilled
    // to the file mid-transaction: a large change (an import, a deleted map) grows the cache
    // until it commits, rather than writing and syncing twice.
    conn.pragma_update(None, "cache_size", -512)?;
    conn.pragma_update(None, "cache_spill", false)?;
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
    debug_assert_eq!(mode.to_ascii_lowercase(), "delete");
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(2))?;
    Ok(())
}

/// One entry of `sqlite_schema`: a table, index, trigger or view, with the SQL that made it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct SchemaObject {
    pub kind: String,
    pub name: String,
    pub table: String,
    pub sql: Option<String>,
}

impl std::fmt::Display for SchemaObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.kind == "table" || self.name == self.table {
            write!(f, "{} {}", self.kind, self.name)
        } else {
            write!(f, "{} {} on {}", self.kind, self.name, self.table)
        }
    }
}

/// Everything a database's schema holds, sorted. SQLite's own tables (statistics from ANALYZE,
/// AUTOINCREMENT counters) are included: our migrations make none, so a file that has them was
/// made or changed by something else.
pub(crate) fn objects_of(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut stmt = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema")?;
    let mut found: Vec<SchemaObject> = stmt
        .query_map([], |r| {
            Ok(SchemaObject {
                kind: r.get(0)?,
                name: r.get(1)?,
                table: r.get(2)?,
                sql: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    found.sort();
    Ok(found)
}

/// What a file of schema `version` holds and nothing else: the objects our migrations create,
/// with their SQL exactly as SQLite records it. A trigger, view, index or column that anything
/// else added is a difference, and such a file is refused (its triggers would run on our writes).
pub(crate) fn expected_objects(version: u32) -> &'static [SchemaObject] {
    static BY_VERSION: std::sync::OnceLock<Vec<Vec<SchemaObject>>> = std::sync::OnceLock::new();
    let all = BY_VERSION.get_or_init(|| {
        // The migrations are this binary's own SQL: running them in memory cannot fail unless
        // the build is broken, which the tests below would show first.
        let conn = Connection::open_in_memory().expect("an in-memory database opens");
        let mut out = vec![Vec::new()];
        for sql in MIGRATIONS {
            conn.execute_batch(sql)
                .expect("the embedded migrations run");
            out.push(objects_of(&conn).expect("the schema of an in-memory database reads"));
        }
        out
    });
    all.get(version as usize).map_or(&[], Vec::as_slice)
}

/// Turns off what a project file never needs and a hostile one could use: triggers and views
/// (ours has none, so one found in a file must never run), SQL functions called from the schema,
/// and writes to the schema table itself.
pub(crate) fn harden(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::config::DbConfig;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_version_changes_the_one_before() {
        for v in 1..=SCHEMA_VERSION {
            let before = expected_objects(v - 1);
            let after = expected_objects(v);
            assert!(
                after.len() >= before.len() && after != before,
                "migration {v} adds tables, indexes or columns and drops nothing"
            );
            assert!(
                after.iter().all(|o| o.kind == "table" || o.kind == "index"),
                "the format has no triggers or views (so harden() may turn them off)"
            );
        }
        assert!(expected_objects(SCHEMA_VERSION)
            .iter()
            .any(|o| o.kind == "table" && o.name == "touchpoints"));
    }

    #[test]
    fn a_project_connection_syncs_fully_and_keeps_a_small_cache_it_never_spills() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("p.journey")).unwrap();
        configure(&conn).unwrap();
        let read = |name: &str| -> i64 {
            conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(read("synchronous"), 2, "FULL");
        assert_eq!(read("foreign_keys"), 1);
        assert_eq!(read("cache_size"), -512);
        assert_eq!(read("cache_spill"), 0);
    }
}
