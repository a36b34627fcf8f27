//! The measurement records: KPIs with their measurements, the top touchpoints, feedback,
//! customers in and out, and the pillar scores, each loaded beside where it is saved.

use super::{all, attach, id, index_of, opt_id, opt_sql, parse_date, parsed, sql};
use crate::model::{
    CustomerPeriod, Direction, Feedback, FeedbackSource, Flow, FlowReason, Id, Kpi, Measurement,
    Pillar, PillarScore,
};
use rusqlite::{params, Connection};

pub(super) fn load_kpis(conn: &Connection) -> rusqlite::Result<Vec<Kpi>> {
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

/// A KPI is one row plus its measurements, rewritten with it.
pub(super) fn put_kpi(conn: &Connection, k: &Kpi) -> rusqlite::Result<usize> {
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

pub(super) fn load_top_touchpoints(conn: &Connection) -> rusqlite::Result<Vec<Id>> {
    all(
        conn,
        "SELECT touchpoint_id FROM top_touchpoints ORDER BY position",
        |r| id(r, 0),
    )
}

pub(super) fn put_top_touchpoints(conn: &Connection, ids: &[Id]) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM top_touchpoints")?
        .execute([])?;
    let mut insert = conn
        .prepare_cached("INSERT INTO top_touchpoints (position, touchpoint_id) VALUES (?1, ?2)")?;
    for (i, t) in ids.iter().enumerate() {
        insert.execute(params![i as i64, sql(*t)])?;
    }
    Ok(1)
}

pub(super) fn load_feedback(conn: &Connection) -> rusqlite::Result<Vec<Feedback>> {
    all(
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
    )
}

pub(super) fn put_feedback(conn: &Connection, f: &Feedback) -> rusqlite::Result<usize> {
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

pub(super) fn load_customer_periods(conn: &Connection) -> rusqlite::Result<Vec<CustomerPeriod>> {
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

pub(super) fn put_customer_period(
    conn: &Connection,
    p: &CustomerPeriod,
) -> rusqlite::Result<usize> {
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

pub(super) fn load_pillars(conn: &Connection) -> rusqlite::Result<Vec<PillarScore>> {
    all(
        conn,
        "SELECT pillar, score, notes FROM pillar_scores",
        |r| {
            Ok(PillarScore {
                pillar: parsed(r, 0, Pillar::parse)?,
                score: r.get(1)?,
                notes: r.get(2)?,
            })
        },
    )
}

pub(super) fn put_pillars(conn: &Connection, scores: &[PillarScore]) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM pillar_scores")?
        .execute([])?;
    let mut insert = conn
        .prepare_cached("INSERT INTO pillar_scores (pillar, score, notes) VALUES (?1, ?2, ?3)")?;
    for s in scores {
        insert.execute(params![s.pillar.as_str(), s.score, s.notes])?;
    }
    Ok(1)
}
