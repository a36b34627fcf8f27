//! The redesign tracker's records: the work calendar, the phase template and the redesigns with
//! their phases and history, each loaded beside where it is saved.

use super::{all, attach, id, index_of, opt_date, opt_id, opt_sql, parse_date, parsed, sql};
use crate::model::{
    CorporateResponse, Decision, Phase, PhaseStatus, PhaseTemplate, Proposal, Redesign,
    StatusChange, Weekmask, WorkCalendar,
};
use rusqlite::{params, Connection};

pub(super) fn load_calendar(conn: &Connection) -> rusqlite::Result<WorkCalendar> {
    let weekmask = conn.query_row("SELECT weekmask FROM work_calendar WHERE id = 1", [], |r| {
        parsed(r, 0, Weekmask::parse)
    })?;
    let holidays = all(conn, "SELECT date, name FROM holidays", |r| {
        Ok((parsed(r, 0, parse_date)?, r.get::<_, String>(1)?))
    })?;
    Ok(WorkCalendar::new(weekmask, holidays))
}

pub(super) fn put_calendar(conn: &Connection, c: &WorkCalendar) -> rusqlite::Result<usize> {
    conn.prepare_cached("UPDATE work_calendar SET weekmask = ?1 WHERE id = 1")?
        .execute([c.weekmask.to_string()])?;
    conn.prepare_cached("DELETE FROM holidays")?.execute([])?;
    let mut insert = conn.prepare_cached("INSERT INTO holidays (date, name) VALUES (?1, ?2)")?;
    for (date, name) in &c.holidays {
        insert.execute(params![date.to_string(), name])?;
    }
    Ok(1)
}

pub(super) fn load_template(conn: &Connection) -> rusqlite::Result<Vec<PhaseTemplate>> {
    all(
        conn,
        "SELECT name, days FROM template_phases ORDER BY position",
        |r| {
            Ok(PhaseTemplate {
                name: r.get(0)?,
                days: r.get(1)?,
            })
        },
    )
}

pub(super) fn put_template(conn: &Connection, phases: &[PhaseTemplate]) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM template_phases")?
        .execute([])?;
    let mut insert = conn
        .prepare_cached("INSERT INTO template_phases (position, name, days) VALUES (?1, ?2, ?3)")?;
    for (i, p) in phases.iter().enumerate() {
        insert.execute(params![i as i64, p.name, p.days])?;
    }
    Ok(1)
}

pub(super) fn load_redesigns(conn: &Connection) -> rusqlite::Result<Vec<Redesign>> {
    let mut redesigns = all(
        conn,
        "SELECT id, touchpoint_id, title, description, start_date, problem, proposed_change,
           steps, plan_owner, cost, employees, expected_effect, effect_kpi_id,
           decision_requested, ended_on
         FROM redesigns",
        |r| {
            Ok(Redesign {
                id: id(r, 0)?,
                touchpoint_id: id(r, 1)?,
                title: r.get(2)?,
                description: r.get(3)?,
                start: parsed(r, 4, parse_date)?,
                phases: Vec::new(),
                history: Vec::new(),
                proposal: Proposal {
                    problem: r.get(5)?,
                    change: r.get(6)?,
                    steps: r.get(7)?,
                    owner: r.get(8)?,
                    cost: r.get(9)?,
                    employees: r.get(10)?,
                    effect: r.get(11)?,
                    effect_kpi_id: opt_id(r, 12)?,
                    decision: r.get(13)?,
                },
                responses: Vec::new(),
                ended_on: opt_date(r, 14)?,
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
    let responses = all(
        conn,
        "SELECT redesign_id, decision, date, by_name, comment
         FROM redesign_responses ORDER BY redesign_id, seq",
        |r| {
            Ok((
                id(r, 0)?,
                CorporateResponse {
                    decision: parsed(r, 1, Decision::parse)?,
                    date: parsed(r, 2, parse_date)?,
                    by: r.get(3)?,
                    comment: r.get(4)?,
                },
            ))
        },
    )?;
    attach(&mut redesigns, &index, responses, |r| &mut r.responses);
    Ok(redesigns)
}

/// A redesign is a handful of rows: its phases and history are rewritten with it.
pub(super) fn put_redesign(conn: &Connection, r: &Redesign) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO redesigns (id, touchpoint_id, title, description, start_date, problem,
           proposed_change, steps, plan_owner, cost, employees, expected_effect, effect_kpi_id,
           decision_requested, ended_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (id) DO UPDATE SET touchpoint_id = excluded.touchpoint_id,
           title = excluded.title, description = excluded.description,
           start_date = excluded.start_date, problem = excluded.problem,
           proposed_change = excluded.proposed_change, steps = excluded.steps,
           plan_owner = excluded.plan_owner, cost = excluded.cost,
           employees = excluded.employees, expected_effect = excluded.expected_effect,
           effect_kpi_id = excluded.effect_kpi_id,
           decision_requested = excluded.decision_requested, ended_on = excluded.ended_on",
    )?
    .execute(params![
        sql(r.id),
        sql(r.touchpoint_id),
        r.title,
        r.description,
        r.start.to_string(),
        r.proposal.problem,
        r.proposal.change,
        r.proposal.steps,
        r.proposal.owner,
        r.proposal.cost,
        r.proposal.employees,
        r.proposal.effect,
        opt_sql(r.proposal.effect_kpi_id),
        r.proposal.decision,
        r.ended_on.map(|d| d.to_string()),
    ])?;
    conn.prepare_cached("DELETE FROM redesign_phases WHERE redesign_id = ?1")?
        .execute([sql(r.id)])?;
    conn.prepare_cached("DELETE FROM redesign_history WHERE redesign_id = ?1")?
        .execute([sql(r.id)])?;
    conn.prepare_cached("DELETE FROM redesign_responses WHERE redesign_id = ?1")?
        .execute([sql(r.id)])?;
    let mut answer = conn.prepare_cached(
        "INSERT INTO redesign_responses (redesign_id, seq, decision, date, by_name, comment)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, a) in r.responses.iter().enumerate() {
        answer.execute(params![
            sql(r.id),
            i as i64,
            a.decision.as_str(),
            a.date.to_string(),
            a.by,
            a.comment
        ])?;
    }
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
