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
];

/// The schema version this build writes and the newest it can read.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub(crate) fn user_version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get::<_, u32>(0))?)
}

/// Brings the schema up to [`SCHEMA_VERSION`] in one transaction; a no-op when it already is.
/// The caller has already refused files newer than this build.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let from = user_version(conn)?;
    if from >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for sql in &MIGRATIONS[from as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID as i32)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Connection settings every project file is used with: a rollback journal (one file to copy, no
/// `-wal` beside it), full fsync on commit, and enforced foreign keys.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", true)?;
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
    debug_assert_eq!(mode.to_ascii_lowercase(), "delete");
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(2))?;
    Ok(())
}

/// The tables each migration adds, in migration order.
const TABLES_ADDED: &[&[&str]] = &[
    &[
        "project",
        "personas",
        "journey_maps",
        "stages",
        "lanes",
        "touchpoints",
        "connectors",
        "notes",
        "stories",
    ],
    &[
        "work_calendar",
        "holidays",
        "template_phases",
        "redesigns",
        "redesign_phases",
        "redesign_history",
    ],
    &[
        "kpis",
        "kpi_measurements",
        "top_touchpoints",
        "feedback",
        "customer_periods",
        "customer_reasons",
        "pillar_scores",
    ],
];

/// The tables a file of schema `version` holds (and no others).
pub(crate) fn tables(version: u32) -> Vec<&'static str> {
    TABLES_ADDED
        .iter()
        .take(version as usize)
        .flat_map(|t| t.iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_list_matches_what_each_migration_creates() {
        assert_eq!(
            TABLES_ADDED.len(),
            MIGRATIONS.len(),
            "one table list per migration"
        );
        let conn = Connection::open_in_memory().unwrap();
        for (i, sql) in MIGRATIONS.iter().enumerate() {
            conn.execute_batch(sql).unwrap();
            let mut stmt = conn
                .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
                .unwrap();
            let mut found: Vec<String> = stmt
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            let mut expected: Vec<String> = tables(i as u32 + 1)
                .into_iter()
                .map(str::to_owned)
                .collect();
            found.sort();
            expected.sort();
            assert_eq!(found, expected, "tables after migration {}", i + 1);
        }
    }
}
