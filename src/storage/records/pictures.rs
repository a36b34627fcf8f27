//! Pictures on cards, loaded beside where they are saved.

use super::{all, id, parsed, sql};
use crate::model::{Picture, PictureType};
use rusqlite::{params, Connection};

pub(super) fn load_pictures(conn: &Connection) -> rusqlite::Result<Vec<Picture>> {
    all(
        conn,
        "SELECT id, map_id, touchpoint_id, media_type, width, height, data FROM pictures",
        |r| {
            Ok(Picture {
                id: id(r, 0)?,
                map_id: id(r, 1)?,
                touchpoint_id: id(r, 2)?,
                media_type: parsed(r, 3, PictureType::parse)?,
                width: r.get(4)?,
                height: r.get(5)?,
                data: r.get(6)?,
            })
        },
    )
}

pub(super) fn put_picture(conn: &Connection, p: &Picture) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO pictures (id, map_id, touchpoint_id, media_type, width, height, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id,
           touchpoint_id = excluded.touchpoint_id, media_type = excluded.media_type,
           width = excluded.width, height = excluded.height, data = excluded.data",
    )?
    .execute(params![
        sql(p.id),
        sql(p.map_id),
        sql(p.touchpoint_id),
        p.media_type.as_str(),
        p.width,
        p.height,
        p.data
    ])
}
