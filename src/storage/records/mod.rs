//! Maps project records to table rows and back. Writes are per record (`INSERT … ON CONFLICT DO
//! UPDATE`), so saving a change set touches exactly the rows that changed. Each group of tables
//! keeps its reading and writing side by side: `map`, `workflow`, `measures`.

mod comments;
mod map;
mod measures;
mod opportunities;
mod pictures;
mod workflow;

use crate::model::{Changes, Id, Project, Record, RecordKind, RecordRef};
use chrono::NaiveDate;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, Row};

/// A UUID stored as its hyphenated text, so `sqlite3` shows readable ids.
struct SqlId(Id);

impl FromSql for SqlId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Id::parse_str(text)
            .map(SqlId)
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

impl ToSql for SqlId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.hyphenated().to_string()))
    }
}

fn id(row: &Row, idx: usize) -> rusqlite::Result<Id> {
    Ok(row.get::<_, SqlId>(idx)?.0)
}

fn opt_id(row: &Row, idx: usize) -> rusqlite::Result<Option<Id>> {
    Ok(row.get::<_, Option<SqlId>>(idx)?.map(|s| s.0))
}

fn sql(id: Id) -> SqlId {
    SqlId(id)
}

fn opt_sql(id: Option<Id>) -> Option<SqlId> {
    id.map(SqlId)
}

/// Parses a text column through a domain `parse` function, failing like any other bad value.
fn parsed<T>(row: &Row, idx: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown value {text:?}").into(),
        )
    })
}

fn all<T>(
    conn: &Connection,
    sql: &str,
    map: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], map)?;
    rows.collect()
}

/// Reads the whole project, in canonical order.
pub(crate) fn load(conn: &Connection) -> rusqlite::Result<Project> {
    let mut project = load_all_but_feedback(conn)?;
    project.feedback = load_feedback(conn)?;
    Ok(project.canonical())
}

/// Reads the project's feedback, in canonical order (by id).
pub(crate) fn load_feedback(conn: &Connection) -> rusqlite::Result<Vec<crate::model::Feedback>> {
    let mut feedback = measures::load_feedback(conn)?;
    feedback.sort_by_key(|f| f.id);
    Ok(feedback)
}

/// Reads the project with its feedback empty. The feedback is read last, so that its many small
/// texts lie above everything else in the allocator's memory and go back to the system whole
/// when a project file sets them aside.
fn load_all_but_feedback(conn: &Connection) -> rusqlite::Result<Project> {
    Ok(Project {
        info: map::load_info(conn)?,
        personas: map::load_personas(conn)?,
        maps: map::load_maps(conn)?,
        stages: map::load_stages(conn)?,
        lanes: map::load_lanes(conn)?,
        touchpoints: map::load_touchpoints(conn)?,
        connectors: map::load_connectors(conn)?,
        notes: map::load_notes(conn)?,
        stories: map::load_stories(conn)?,
        calendar: workflow::load_calendar(conn)?,
        redesign_template: workflow::load_template(conn)?,
        redesigns: workflow::load_redesigns(conn)?,
        kpis: measures::load_kpis(conn)?,
        top_touchpoints: measures::load_top_touchpoints(conn)?,
        feedback: Vec::new(),
        customer_periods: measures::load_customer_periods(conn)?,
        pillars: measures::load_pillars(conn)?,
        opportunities: opportunities::load_opportunities(conn)?,
        comments: comments::load_comments(conn)?,
        pictures: pictures::load_pictures(conn)?,
    })
}

use crate::text::parse_iso as parse_date;

fn opt_date(row: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(_) => parsed(row, idx, parse_date).map(Some),
    }
}

/// Rows of a child table, grouped under their owner's index.
fn attach<T, C>(
    owners: &mut [T],
    index: &std::collections::HashMap<Id, usize>,
    children: Vec<(Id, C)>,
    slot: impl Fn(&mut T) -> &mut Vec<C>,
) {
    for (owner, child) in children {
        if let Some(&i) = index.get(&owner) {
            slot(&mut owners[i]).push(child);
        }
    }
}

fn index_of<T>(items: &[T], id: impl Fn(&T) -> Id) -> std::collections::HashMap<Id, usize> {
    items.iter().enumerate().map(|(i, x)| (id(x), i)).collect()
}

/// Writes a change set. The caller owns the transaction; foreign keys are deferred to its commit,
/// and puts go parents-first, deletes children-first, so order inside the set does not matter.
pub(crate) fn write(conn: &Connection, changes: &Changes) -> rusqlite::Result<()> {
    let delete = |r: &RecordRef| -> rusqlite::Result<usize> {
        conn.prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", table(r.kind)))?
            .execute([sql(r.id)])
    };
    // A card's picture replaced in one change (the new one put, the old one deleted) would meet
    // the one-picture-per-card key while the old row is still there. Nothing hangs on a picture
    // (no cascade can reach a record being put), so deleted pictures go first.
    let (early, mut late): (Vec<RecordRef>, Vec<RecordRef>) = changes
        .delete
        .iter()
        .cloned()
        .partition(|r| r.kind == RecordKind::Picture);
    for r in &early {
        delete(r)?;
    }
    let mut puts: Vec<&Record> = changes.put.iter().collect();
    puts.sort_by_key(|r| r.kind());
    for record in puts {
        put(conn, record)?;
    }
    late.sort_by_key(|r| std::cmp::Reverse(r.kind));
    for r in &late {
        delete(r)?;
    }
    Ok(())
}

fn table(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Persona => "personas",
        RecordKind::Map => "journey_maps",
        RecordKind::Stage => "stages",
        RecordKind::Lane => "lanes",
        RecordKind::Touchpoint => "touchpoints",
        RecordKind::Connector => "connectors",
        RecordKind::Note => "notes",
        RecordKind::Story => "stories",
        RecordKind::Redesign => "redesigns",
        RecordKind::Kpi => "kpis",
        RecordKind::Feedback => "feedback",
        RecordKind::CustomerPeriod => "customer_periods",
        RecordKind::Opportunity => "opportunities",
        RecordKind::Comment => "comments",
        RecordKind::Picture => "pictures",
    }
}

fn put(conn: &Connection, record: &Record) -> rusqlite::Result<usize> {
    match record {
        Record::Info(p) => map::put_info(conn, p),
        Record::Persona(p) => map::put_persona(conn, p),
        Record::Map(m) => map::put_map(conn, m),
        Record::Stage(s) => map::put_stage(conn, s),
        Record::Lane(l) => map::put_lane(conn, l),
        Record::Touchpoint(t) => map::put_touchpoint(conn, t),
        Record::Connector(c) => map::put_connector(conn, c),
        Record::Note(n) => map::put_note(conn, n),
        Record::Story(s) => map::put_story(conn, s),
        Record::Calendar(c) => workflow::put_calendar(conn, c),
        Record::Template(t) => workflow::put_template(conn, t),
        Record::Redesign(r) => workflow::put_redesign(conn, r),
        Record::Kpi(k) => measures::put_kpi(conn, k),
        Record::Feedback(f) => measures::put_feedback(conn, f),
        Record::CustomerPeriod(p) => measures::put_customer_period(conn, p),
        Record::TopTouchpoints(ids) => measures::put_top_touchpoints(conn, ids),
        Record::Pillars(scores) => measures::put_pillars(conn, scores),
        Record::Opportunity(o) => opportunities::put_opportunity(conn, o),
        Record::Comment(c) => comments::put_comment(conn, c),
        Record::Picture(p) => pictures::put_picture(conn, p),
    }
}
