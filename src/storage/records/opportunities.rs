//! Opportunities and their links (touchpoints and evidence), loaded beside where they are saved.

use super::{all, attach, id, index_of, opt_id, opt_sql, parsed, sql};
use crate::model::{Evidence, EvidenceKind, Opportunity, OpportunityStatus};
use rusqlite::{params, Connection};

pub(super) fn load_opportunities(conn: &Connection) -> rusqlite::Result<Vec<Opportunity>> {
    let mut items = all(
        conn,
        "SELECT id, map_id, stage_id, title, description, value, effort, status, raised_by,
           redesign_id
         FROM opportunities",
        |r| {
            Ok(Opportunity {
                id: id(r, 0)?,
                map_id: id(r, 1)?,
                stage_id: opt_id(r, 2)?,
                title: r.get(3)?,
                description: r.get(4)?,
                touchpoint_ids: Vec::new(),
                evidence: Vec::new(),
                value: r.get(5)?,
                effort: r.get(6)?,
                status: parsed(r, 7, OpportunityStatus::parse)?,
                raised_by: r.get(8)?,
                redesign_id: opt_id(r, 9)?,
            })
        },
    )?;
    let index = index_of(&items, |o| o.id);
    let links = all(
        conn,
        "SELECT opportunity_id, touchpoint_id, feedback_id, note_id, kpi_id
         FROM opportunity_links ORDER BY opportunity_id, position",
        |r| {
            let link = match (opt_id(r, 1)?, opt_id(r, 2)?, opt_id(r, 3)?, opt_id(r, 4)?) {
                (Some(t), ..) => Err(t),
                (_, Some(f), ..) => Ok(Evidence {
                    kind: EvidenceKind::Feedback,
                    id: f,
                }),
                (_, _, Some(n), _) => Ok(Evidence {
                    kind: EvidenceKind::Note,
                    id: n,
                }),
                (.., Some(k)) => Ok(Evidence {
                    kind: EvidenceKind::Kpi,
                    id: k,
                }),
                // The table's CHECK makes every row name exactly one target.
                (None, None, None, None) => {
                    return Err(rusqlite::Error::InvalidColumnType(
                        1,
                        "touchpoint_id".into(),
                        rusqlite::types::Type::Null,
                    ))
                }
            };
            Ok((id(r, 0)?, link))
        },
    )?;
    let (touchpoints, evidence): (Vec<_>, Vec<_>) =
        links.into_iter().partition(|(_, l)| l.is_err());
    attach(
        &mut items,
        &index,
        touchpoints
            .into_iter()
            .filter_map(|(o, l)| l.err().map(|t| (o, t)))
            .collect(),
        |o| &mut o.touchpoint_ids,
    );
    attach(
        &mut items,
        &index,
        evidence
            .into_iter()
            .filter_map(|(o, l)| l.ok().map(|e| (o, e)))
            .collect(),
        |o| &mut o.evidence,
    );
    Ok(items)
}

/// An opportunity is one row and its links, rewritten with it.
pub(super) fn put_opportunity(conn: &Connection, o: &Opportunity) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO opportunities (id, map_id, stage_id, title, description, value, effort,
           status, raised_by, redesign_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, stage_id = excluded.stage_id,
           title = excluded.title, description = excluded.description, value = excluded.value,
           effort = excluded.effort, status = excluded.status, raised_by = excluded.raised_by,
           redesign_id = excluded.redesign_id",
    )?
    .execute(params![
        sql(o.id),
        sql(o.map_id),
        opt_sql(o.stage_id),
        o.title,
        o.description,
        o.value,
        o.effort,
        o.status.as_str(),
        o.raised_by,
        opt_sql(o.redesign_id),
    ])?;
    conn.prepare_cached("DELETE FROM opportunity_links WHERE opportunity_id = ?1")?
        .execute([sql(o.id)])?;
    let mut link = conn.prepare_cached(
        "INSERT INTO opportunity_links (opportunity_id, position, touchpoint_id, feedback_id,
           note_id, kpi_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut position = 0i64;
    for t in &o.touchpoint_ids {
        link.execute(params![
            sql(o.id),
            position,
            sql(*t),
            None::<String>,
            None::<String>,
            None::<String>
        ])?;
        position += 1;
    }
    for e in &o.evidence {
        let target = |k: EvidenceKind| (e.kind == k).then(|| sql(e.id));
        link.execute(params![
            sql(o.id),
            position,
            None::<String>,
            target(EvidenceKind::Feedback),
            target(EvidenceKind::Note),
            target(EvidenceKind::Kpi)
        ])?;
        position += 1;
    }
    Ok(1)
}
