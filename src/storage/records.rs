//! Maps project records to table rows and back. Writes are per record (`INSERT … ON CONFLICT DO
//! UPDATE`), so saving a change set touches exactly the rows that changed.

use crate::measure::{
    CustomerPeriod, Direction, Feedback, FeedbackSource, Flow, FlowReason, Kpi, Measurement,
    Pillar, PillarScore,
};
use crate::model::{
    Changes, Connector, Id, JourneyMap, Lane, LaneKind, MapKind, Note, Persona, Project,
    ProjectInfo, Record, RecordKind, Reliability, Stage, Story, Touchpoint,
};
use crate::workflow::{
    Phase, PhaseStatus, PhaseTemplate, Redesign, StatusChange, Weekmask, WorkCalendar,
};
use chrono::NaiveDate;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, Row};

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
    let info = conn.query_row(
        "SELECT id, name, intent_statement, brand_promise, target_customers FROM project",
        [],
        |r| {
            Ok(ProjectInfo {
                id: id(r, 0)?,
                name: r.get(1)?,
                intent_statement: r.get(2)?,
                brand_promise: r.get(3)?,
                target_customers: r.get(4)?,
            })
        },
    )?;
    let personas = all(
        conn,
        "SELECT id, name, description, goals, position FROM personas",
        |r| {
            Ok(Persona {
                id: id(r, 0)?,
                name: r.get(1)?,
                description: r.get(2)?,
                goals: r.get(3)?,
                position: r.get(4)?,
            })
        },
    )?;
    let maps = all(
        conn,
        "SELECT id, name, kind, persona_id, description, position FROM journey_maps",
        |r| {
            Ok(JourneyMap {
                id: id(r, 0)?,
                name: r.get(1)?,
                kind: parsed(r, 2, MapKind::parse)?,
                persona_id: opt_id(r, 3)?,
                description: r.get(4)?,
                position: r.get(5)?,
            })
        },
    )?;
    let stages = all(
        conn,
        "SELECT id, map_id, name, description, position, width FROM stages",
        |r| {
            Ok(Stage {
                id: id(r, 0)?,
                map_id: id(r, 1)?,
                name: r.get(2)?,
                description: r.get(3)?,
                position: r.get(4)?,
                width: r.get(5)?,
            })
        },
    )?;
    let lanes = all(
        conn,
        "SELECT id, map_id, name, kind, position, height FROM lanes",
        |r| {
            Ok(Lane {
                id: id(r, 0)?,
                map_id: id(r, 1)?,
                name: r.get(2)?,
                kind: parsed(r, 3, LaneKind::parse)?,
                position: r.get(4)?,
                height: r.get(5)?,
            })
        },
    )?;
    let touchpoints = all(
        conn,
        "SELECT id, map_id, stage_id, lane_id, title, description, channel, owner, x, y, width,
                height, emotion, expectation, performance, reliability, moment_of_truth,
                moment_of_truth_note
         FROM touchpoints",
        |r| {
            Ok(Touchpoint {
                id: id(r, 0)?,
                map_id: id(r, 1)?,
                stage_id: id(r, 2)?,
                lane_id: id(r, 3)?,
                title: r.get(4)?,
                description: r.get(5)?,
                channel: r.get(6)?,
                owner: r.get(7)?,
                x: r.get(8)?,
                y: r.get(9)?,
                width: r.get(10)?,
                height: r.get(11)?,
                emotion: r.get(12)?,
                expectation: r.get(13)?,
                performance: r.get(14)?,
                reliability: parsed(r, 15, Reliability::parse)?,
                moment_of_truth: r.get(16)?,
                moment_of_truth_note: r.get(17)?,
            })
        },
    )?;
    let connectors = all(
        conn,
        "SELECT id, map_id, from_id, to_id, label FROM connectors",
        |r| {
            Ok(Connector {
                id: id(r, 0)?,
                map_id: id(r, 1)?,
                from_id: id(r, 2)?,
                to_id: id(r, 3)?,
                label: r.get(4)?,
            })
        },
    )?;
    let notes = all(
        conn,
        "SELECT id, map_id, stage_id, lane_id, text, x, y, width, height, color, votes FROM notes",
        |r| {
            Ok(Note {
                id: id(r, 0)?,
                map_id: id(r, 1)?,
                stage_id: opt_id(r, 2)?,
                lane_id: opt_id(r, 3)?,
                text: r.get(4)?,
                x: r.get(5)?,
                y: r.get(6)?,
                width: r.get(7)?,
                height: r.get(8)?,
                color: r.get(9)?,
                votes: r.get(10)?,
            })
        },
    )?;
    let stories = all(
        conn,
        "SELECT id, map_id, stage_id, persona_id, title, text FROM stories",
        |r| {
            Ok(Story {
                id: id(r, 0)?,
                map_id: id(r, 1)?,
                stage_id: id(r, 2)?,
                persona_id: opt_id(r, 3)?,
                title: r.get(4)?,
                text: r.get(5)?,
            })
        },
    )?;
    let weekmask = conn.query_row("SELECT weekmask FROM work_calendar WHERE id = 1", [], |r| {
        parsed(r, 0, Weekmask::parse)
    })?;
    let holidays = all(conn, "SELECT date, name FROM holidays", |r| {
        Ok((parsed(r, 0, parse_date)?, r.get::<_, String>(1)?))
    })?;
    let redesign_template = all(
        conn,
        "SELECT name, days FROM template_phases ORDER BY position",
        |r| {
            Ok(PhaseTemplate {
                name: r.get(0)?,
                days: r.get(1)?,
            })
        },
    )?;
    let redesigns = load_redesigns(conn)?;
    Ok(Project {
        info,
        personas,
        maps,
        stages,
        lanes,
        touchpoints,
        connectors,
        notes,
        stories,
        calendar: WorkCalendar::new(weekmask, holidays),
        redesign_template,
        redesigns,
        kpis: load_kpis(conn)?,
        top_touchpoints: all(
            conn,
            "SELECT touchpoint_id FROM top_touchpoints ORDER BY position",
            |r| id(r, 0),
        )?,
        feedback: all(
            conn,
            "SELECT id, map_id, stage_id, touchpoint_id, date, source, text, sentiment, rating
             FROM feedback",
            |r| {
                Ok(Feedback {
                    id: id(r, 0)?,
                    map_id: id(r, 1)?,
                    stage_id: id(r, 2)?,
                    touchpoint_id: opt_id(r, 3)?,
                    date: parsed(r, 4, parse_date)?,
                    source: parsed(r, 5, FeedbackSource::parse)?,
                    text: r.get(6)?,
                    sentiment: r.get(7)?,
                    rating: r.get(8)?,
                })
            },
        )?,
        customer_periods: load_customer_periods(conn)?,
        pillars: all(
            conn,
            "SELECT pillar, score, notes FROM pillar_scores",
            |r| {
                Ok(PillarScore {
                    pillar: parsed(r, 0, Pillar::parse)?,
                    score: r.get(1)?,
                    notes: r.get(2)?,
                })
            },
        )?,
    }
    .canonical())
}

use crate::text::parse_iso as parse_date;

fn opt_date(row: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(_) => parsed(row, idx, parse_date).map(Some),
    }
}

fn load_redesigns(conn: &Connection) -> rusqlite::Result<Vec<Redesign>> {
    let mut redesigns = all(
        conn,
        "SELECT id, touchpoint_id, title, description, start_date FROM redesigns",
        |r| {
            Ok(Redesign {
                id: id(r, 0)?,
                touchpoint_id: id(r, 1)?,
                title: r.get(2)?,
                description: r.get(3)?,
                start: parsed(r, 4, parse_date)?,
                phases: Vec::new(),
                history: Vec::new(),
            })
        },
    )?;
    let index = index_of(&redesigns, |r| r.id);
    let phases = all(
        conn,
        "SELECT redesign_id, name, days, status, actual_start, actual_end, owner, notes
         FROM redesign_phases ORDER BY redesign_id, position",
        |r| {
            Ok((
                id(r, 0)?,
                Phase {
                    name: r.get(1)?,
                    days: r.get(2)?,
                    status: parsed(r, 3, PhaseStatus::parse)?,
                    actual_start: opt_date(r, 4)?,
                    actual_end: opt_date(r, 5)?,
                    owner: r.get(6)?,
                    notes: r.get(7)?,
                },
            ))
        },
    )?;
    attach(&mut redesigns, &index, phases, |r| &mut r.phases);
    let history = all(
        conn,
        "SELECT redesign_id, date, phase, from_status, to_status, note
         FROM redesign_history ORDER BY redesign_id, seq",
        |r| {
            Ok((
                id(r, 0)?,
                StatusChange {
                    date: parsed(r, 1, parse_date)?,
                    phase: r.get(2)?,
                    from: parsed(r, 3, PhaseStatus::parse)?,
                    to: parsed(r, 4, PhaseStatus::parse)?,
                    note: r.get(5)?,
                },
            ))
        },
    )?;
    attach(&mut redesigns, &index, history, |r| &mut r.history);
    Ok(redesigns)
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

fn load_kpis(conn: &Connection) -> rusqlite::Result<Vec<Kpi>> {
    let mut kpis = all(
        conn,
        "SELECT id, touchpoint_id, name, unit, direction, target, tolerance FROM kpis",
        |r| {
            Ok(Kpi {
                id: id(r, 0)?,
                touchpoint_id: id(r, 1)?,
                name: r.get(2)?,
                unit: r.get(3)?,
                direction: parsed(r, 4, Direction::parse)?,
                target: r.get(5)?,
                tolerance: r.get(6)?,
                measurements: Vec::new(),
            })
        },
    )?;
    let index = index_of(&kpis, |k| k.id);
    let values = all(
        conn,
        "SELECT kpi_id, date, value FROM kpi_measurements ORDER BY kpi_id, date",
        |r| {
            Ok((
                id(r, 0)?,
                Measurement {
                    date: parsed(r, 1, parse_date)?,
                    value: r.get(2)?,
                },
            ))
        },
    )?;
    attach(&mut kpis, &index, values, |k| &mut k.measurements);
    Ok(kpis)
}

fn load_customer_periods(conn: &Connection) -> rusqlite::Result<Vec<CustomerPeriod>> {
    let mut periods = all(
        conn,
        "SELECT id, start_date, label, customers_at_start, gained, lost FROM customer_periods",
        |r| {
            Ok(CustomerPeriod {
                id: id(r, 0)?,
                start: parsed(r, 1, parse_date)?,
                label: r.get(2)?,
                customers_at_start: r.get(3)?,
                gained: r.get(4)?,
                lost: r.get(5)?,
                reasons: Vec::new(),
            })
        },
    )?;
    let index = index_of(&periods, |p| p.id);
    let reasons = all(
        conn,
        "SELECT period_id, flow, reason, count FROM customer_reasons ORDER BY period_id, seq",
        |r| {
            Ok((
                id(r, 0)?,
                FlowReason {
                    flow: parsed(r, 1, Flow::parse)?,
                    reason: r.get(2)?,
                    count: r.get(3)?,
                },
            ))
        },
    )?;
    attach(&mut periods, &index, reasons, |p| &mut p.reasons);
    Ok(periods)
}

/// A KPI is one row plus its measurements, rewritten with it.
fn put_kpi(conn: &Connection, k: &Kpi) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO kpis (id, touchpoint_id, name, unit, direction, target, tolerance)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET touchpoint_id = excluded.touchpoint_id,
           name = excluded.name, unit = excluded.unit, direction = excluded.direction,
           target = excluded.target, tolerance = excluded.tolerance",
    )?
    .execute(params![
        sql(k.id),
        sql(k.touchpoint_id),
        k.name,
        k.unit,
        k.direction.as_str(),
        k.target,
        k.tolerance
    ])?;
    conn.prepare_cached("DELETE FROM kpi_measurements WHERE kpi_id = ?1")?
        .execute([sql(k.id)])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO kpi_measurements (kpi_id, date, value) VALUES (?1, ?2, ?3)
         ON CONFLICT (kpi_id, date) DO UPDATE SET value = excluded.value",
    )?;
    for m in &k.measurements {
        insert.execute(params![sql(k.id), m.date.to_string(), m.value])?;
    }
    Ok(1)
}

fn put_feedback(conn: &Connection, f: &Feedback) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO feedback (id, map_id, stage_id, touchpoint_id, date, source, text, sentiment,
           rating)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, stage_id = excluded.stage_id,
           touchpoint_id = excluded.touchpoint_id, date = excluded.date,
           source = excluded.source, text = excluded.text, sentiment = excluded.sentiment,
           rating = excluded.rating",
    )?
    .execute(params![
        sql(f.id),
        sql(f.map_id),
        sql(f.stage_id),
        opt_sql(f.touchpoint_id),
        f.date.to_string(),
        f.source.as_str(),
        f.text,
        f.sentiment,
        f.rating
    ])
}

fn put_customer_period(conn: &Connection, p: &CustomerPeriod) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO customer_periods (id, start_date, label, customers_at_start, gained, lost)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET start_date = excluded.start_date,
           label = excluded.label, customers_at_start = excluded.customers_at_start,
           gained = excluded.gained, lost = excluded.lost",
    )?
    .execute(params![
        sql(p.id),
        p.start.to_string(),
        p.label,
        p.customers_at_start,
        p.gained,
        p.lost
    ])?;
    conn.prepare_cached("DELETE FROM customer_reasons WHERE period_id = ?1")?
        .execute([sql(p.id)])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO customer_reasons (period_id, seq, flow, reason, count)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, r) in p.reasons.iter().enumerate() {
        insert.execute(params![
            sql(p.id),
            i as i64,
            r.flow.as_str(),
            r.reason,
            r.count
        ])?;
    }
    Ok(1)
}

fn put_top_touchpoints(conn: &Connection, ids: &[Id]) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM top_touchpoints")?
        .execute([])?;
    let mut insert = conn
        .prepare_cached("INSERT INTO top_touchpoints (position, touchpoint_id) VALUES (?1, ?2)")?;
    for (i, t) in ids.iter().enumerate() {
        insert.execute(params![i as i64, sql(*t)])?;
    }
    Ok(1)
}

fn put_pillars(conn: &Connection, scores: &[PillarScore]) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM pillar_scores")?
        .execute([])?;
    let mut insert = conn
        .prepare_cached("INSERT INTO pillar_scores (pillar, score, notes) VALUES (?1, ?2, ?3)")?;
    for s in scores {
        insert.execute(params![s.pillar.as_str(), s.score, s.notes])?;
    }
    Ok(1)
}

fn put_calendar(conn: &Connection, c: &WorkCalendar) -> rusqlite::Result<usize> {
    conn.prepare_cached("UPDATE work_calendar SET weekmask = ?1 WHERE id = 1")?
        .execute([c.weekmask.to_string()])?;
    conn.prepare_cached("DELETE FROM holidays")?.execute([])?;
    let mut insert = conn.prepare_cached("INSERT INTO holidays (date, name) VALUES (?1, ?2)")?;
    for (date, name) in &c.holidays {
        insert.execute(params![date.to_string(), name])?;
    }
    Ok(1)
}

fn put_template(conn: &Connection, phases: &[PhaseTemplate]) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM template_phases")?
        .execute([])?;
    let mut insert = conn
        .prepare_cached("INSERT INTO template_phases (position, name, days) VALUES (?1, ?2, ?3)")?;
    for (i, p) in phases.iter().enumerate() {
        insert.execute(params![i as i64, p.name, p.days])?;
    }
    Ok(1)
}

/// A redesign is a handful of rows: its phases and history are rewritten with it.
fn put_redesign(conn: &Connection, r: &Redesign) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO redesigns (id, touchpoint_id, title, description, start_date)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET touchpoint_id = excluded.touchpoint_id,
           title = excluded.title, description = excluded.description,
           start_date = excluded.start_date",
    )?
    .execute(params![
        sql(r.id),
        sql(r.touchpoint_id),
        r.title,
        r.description,
        r.start.to_string()
    ])?;
    conn.prepare_cached("DELETE FROM redesign_phases WHERE redesign_id = ?1")?
        .execute([sql(r.id)])?;
    conn.prepare_cached("DELETE FROM redesign_history WHERE redesign_id = ?1")?
        .execute([sql(r.id)])?;
    let mut phase = conn.prepare_cached(
        "INSERT INTO redesign_phases (redesign_id, position, name, days, status, actual_start,
           actual_end, owner, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, p) in r.phases.iter().enumerate() {
        phase.execute(params![
            sql(r.id),
            i as i64,
            p.name,
            p.days,
            p.status.as_str(),
            p.actual_start.map(|d| d.to_string()),
            p.actual_end.map(|d| d.to_string()),
            p.owner,
            p.notes
        ])?;
    }
    let mut change = conn.prepare_cached(
        "INSERT INTO redesign_history (redesign_id, seq, date, phase, from_status, to_status, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, h) in r.history.iter().enumerate() {
        change.execute(params![
            sql(r.id),
            i as i64,
            h.date.to_string(),
            h.phase,
            h.from.as_str(),
            h.to.as_str(),
            h.note
        ])?;
    }
    Ok(1)
}

/// Writes a change set. The caller owns the transaction; foreign keys are deferred to its commit,
/// and puts go parents-first, deletes children-first, so order inside the set does not matter.
pub(crate) fn write(conn: &Connection, changes: &Changes) -> rusqlite::Result<()> {
    let mut puts: Vec<&Record> = changes.put.iter().collect();
    puts.sort_by_key(|r| r.kind());
    for record in puts {
        put(conn, record)?;
    }
    let mut deletes = changes.delete.clone();
    deletes.sort_by_key(|r| std::cmp::Reverse(r.kind));
    for r in deletes {
        let table = table(r.kind);
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?
            .execute([sql(r.id)])?;
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
    }
}

fn put(conn: &Connection, record: &Record) -> rusqlite::Result<usize> {
    match record {
        Record::Calendar(c) => put_calendar(conn, c),
        Record::Template(t) => put_template(conn, t),
        Record::Redesign(r) => put_redesign(conn, r),
        Record::Kpi(k) => put_kpi(conn, k),
        Record::Feedback(f) => put_feedback(conn, f),
        Record::CustomerPeriod(p) => put_customer_period(conn, p),
        Record::TopTouchpoints(ids) => put_top_touchpoints(conn, ids),
        Record::Pillars(scores) => put_pillars(conn, scores),
        Record::Info(p) => {
            conn.prepare_cached("DELETE FROM project WHERE id <> ?1")?
                .execute([sql(p.id)])?;
            conn.prepare_cached(
                "INSERT INTO project (id, name, intent_statement, brand_promise, target_customers)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                   intent_statement = excluded.intent_statement,
                   brand_promise = excluded.brand_promise,
                   target_customers = excluded.target_customers",
            )?
            .execute(params![
                sql(p.id),
                p.name,
                p.intent_statement,
                p.brand_promise,
                p.target_customers
            ])
        }
        Record::Persona(p) => conn
            .prepare_cached(
                "INSERT INTO personas (id, name, description, goals, position)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                   description = excluded.description, goals = excluded.goals,
                   position = excluded.position",
            )?
            .execute(params![
                sql(p.id),
                p.name,
                p.description,
                p.goals,
                p.position
            ]),
        Record::Map(m) => conn
            .prepare_cached(
                "INSERT INTO journey_maps (id, name, kind, persona_id, description, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                   persona_id = excluded.persona_id, description = excluded.description,
                   position = excluded.position",
            )?
            .execute(params![
                sql(m.id),
                m.name,
                m.kind.as_str(),
                opt_sql(m.persona_id),
                m.description,
                m.position
            ]),
        Record::Stage(s) => conn
            .prepare_cached(
                "INSERT INTO stages (id, map_id, name, description, position, width)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, name = excluded.name,
                   description = excluded.description, position = excluded.position,
                   width = excluded.width",
            )?
            .execute(params![
                sql(s.id),
                sql(s.map_id),
                s.name,
                s.description,
                s.position,
                s.width
            ]),
        Record::Lane(l) => conn
            .prepare_cached(
                "INSERT INTO lanes (id, map_id, name, kind, position, height)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, name = excluded.name,
                   kind = excluded.kind, position = excluded.position, height = excluded.height",
            )?
            .execute(params![
                sql(l.id),
                sql(l.map_id),
                l.name,
                l.kind.as_str(),
                l.position,
                l.height
            ]),
        Record::Touchpoint(t) => conn
            .prepare_cached(
                "INSERT INTO touchpoints (id, map_id, stage_id, lane_id, title, description,
                   channel, owner, x, y, width, height, emotion, expectation, performance,
                   reliability, moment_of_truth, moment_of_truth_note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                   ?17, ?18)
                 ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id,
                   stage_id = excluded.stage_id, lane_id = excluded.lane_id,
                   title = excluded.title, description = excluded.description,
                   channel = excluded.channel, owner = excluded.owner, x = excluded.x,
                   y = excluded.y, width = excluded.width, height = excluded.height,
                   emotion = excluded.emotion, expectation = excluded.expectation,
                   performance = excluded.performance, reliability = excluded.reliability,
                   moment_of_truth = excluded.moment_of_truth,
                   moment_of_truth_note = excluded.moment_of_truth_note",
            )?
            .execute(params![
                sql(t.id),
                sql(t.map_id),
                sql(t.stage_id),
                sql(t.lane_id),
                t.title,
                t.description,
                t.channel,
                t.owner,
                t.x,
                t.y,
                t.width,
                t.height,
                t.emotion,
                t.expectation,
                t.performance,
                t.reliability.as_str(),
                t.moment_of_truth,
                t.moment_of_truth_note
            ]),
        Record::Connector(c) => conn
            .prepare_cached(
                "INSERT INTO connectors (id, map_id, from_id, to_id, label)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id,
                   from_id = excluded.from_id, to_id = excluded.to_id, label = excluded.label",
            )?
            .execute(params![
                sql(c.id),
                sql(c.map_id),
                sql(c.from_id),
                sql(c.to_id),
                c.label
            ]),
        Record::Note(n) => conn
            .prepare_cached(
                "INSERT INTO notes (id, map_id, stage_id, lane_id, text, x, y, width, height,
                   color, votes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id,
                   stage_id = excluded.stage_id, lane_id = excluded.lane_id, text = excluded.text,
                   x = excluded.x, y = excluded.y, width = excluded.width,
                   height = excluded.height, color = excluded.color, votes = excluded.votes",
            )?
            .execute(params![
                sql(n.id),
                sql(n.map_id),
                opt_sql(n.stage_id),
                opt_sql(n.lane_id),
                n.text,
                n.x,
                n.y,
                n.width,
                n.height,
                n.color,
                n.votes
            ]),
        Record::Story(s) => conn
            .prepare_cached(
                "INSERT INTO stories (id, map_id, stage_id, persona_id, title, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id,
                   stage_id = excluded.stage_id, persona_id = excluded.persona_id,
                   title = excluded.title, text = excluded.text",
            )?
            .execute(params![
                sql(s.id),
                sql(s.map_id),
                sql(s.stage_id),
                opt_sql(s.persona_id),
                s.title,
                s.text
            ]),
    }
}
