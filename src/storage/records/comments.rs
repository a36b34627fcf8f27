//! Comments, loaded beside where they are saved.

use super::{all, id, opt_id, opt_sql, parsed, sql};
use crate::model::{Comment, CommentTarget};
use chrono::NaiveDateTime;
use rusqlite::{params, Connection};

fn parse_time(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").ok()
}

pub(super) fn load_comments(conn: &Connection) -> rusqlite::Result<Vec<Comment>> {
    all(
        conn,
        "SELECT id, map_id, touchpoint_id, note_id, opportunity_id, parent_id, author, text,
           created, resolved
         FROM comments",
        |r| {
            let (target, target_id) = match (opt_id(r, 2)?, opt_id(r, 3)?, opt_id(r, 4)?) {
                (Some(t), ..) => (CommentTarget::Touchpoint, t),
                (_, Some(n), _) => (CommentTarget::Note, n),
                (.., Some(o)) => (CommentTarget::Opportunity, o),
                // The table's CHECK makes every row name exactly one target.
                (None, None, None) => {
                    return Err(rusqlite::Error::InvalidColumnType(
                        2,
                        "touchpoint_id".into(),
                        rusqlite::types::Type::Null,
                    ))
                }
            };
            Ok(Comment {
                id: id(r, 0)?,
                map_id: id(r, 1)?,
                target,
                target_id,
                parent_id: opt_id(r, 5)?,
                author: r.get(6)?,
                text: r.get(7)?,
                created: parsed(r, 8, parse_time)?,
                resolved: r.get(9)?,
            })
        },
    )
}

pub(super) fn put_comment(conn: &Connection, c: &Comment) -> rusqlite::Result<usize> {
    let on = |t: CommentTarget| (c.target == t).then(|| sql(c.target_id));
    conn.prepare_cached(
        "INSERT INTO comments (id, map_id, touchpoint_id, note_id, opportunity_id, parent_id,
           author, text, created, resolved)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id,
           touchpoint_id = excluded.touchpoint_id, note_id = excluded.note_id,
           opportunity_id = excluded.opportunity_id, parent_id = excluded.parent_id,
           author = excluded.author, text = excluded.text, created = excluded.created,
           resolved = excluded.resolved",
    )?
    .execute(params![
        sql(c.id),
        sql(c.map_id),
        on(CommentTarget::Touchpoint),
        on(CommentTarget::Note),
        on(CommentTarget::Opportunity),
        opt_sql(c.parent_id),
        c.author,
        c.text,
        c.created.format("%Y-%m-%dT%H:%M:%S").to_string(),
        c.resolved,
    ])
}
