//! The map's records (project, personas, maps, stages, lanes, touchpoints, connectors, notes,
//! stories): each table's SELECT beside its INSERT, so a new column is added to both at once.

use super::{all, attach, id, index_of, opt_id, opt_sql, parsed, sql};
use crate::model::{
    Connector, Feeling, JourneyMap, Lane, LaneKind, Logo, LogoType, MapKind, Note, Paper, Persona,
    PictureData, PictureType, ProjectInfo, Reliability, ReportDefaults, RoomRating, Section, Stage,
    Story, Touchpoint,
};
use rusqlite::{params, Connection};

pub(super) fn load_info(conn: &Connection) -> rusqlite::Result<ProjectInfo> {
    conn.query_row(
        "SELECT id, name, intent_statement, brand_promise, target_customers, organisation,
           prepared_for, accent, logo_type, logo, report_paper, report_sections, report_author
         FROM project",
        [],
        |r| {
            let logo = match r.get::<_, Option<String>>(8)? {
                Some(_) => Some(Logo {
                    media_type: parsed(r, 8, LogoType::parse)?,
                    data: r.get::<_, Option<Vec<u8>>>(9)?.unwrap_or_default(),
                }),
                None => None,
            };
            let sections: String = r.get(11)?;
            Ok(ProjectInfo {
                id: id(r, 0)?,
                name: r.get(1)?,
                intent_statement: r.get(2)?,
                brand_promise: r.get(3)?,
                target_customers: r.get(4)?,
                organisation: r.get(5)?,
                prepared_for: r.get(6)?,
                accent: r.get(7)?,
                logo,
                report: ReportDefaults {
                    paper: parsed(r, 10, Paper::parse)?,
                    sections: sections
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(|s| Section::parse(s).ok_or(s))
                        .collect::<Result<_, _>>()
                        .map_err(|s| {
                            rusqlite::Error::FromSqlConversionFailure(
                                11,
                                rusqlite::types::Type::Text,
                                format!("unknown report section {s:?}").into(),
                            )
                        })?,
                    author: r.get(12)?,
                },
            })
        },
    )
}

pub(super) fn put_info(conn: &Connection, p: &ProjectInfo) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM project WHERE id <> ?1")?
        .execute([sql(p.id)])?;
    let sections: Vec<&str> = p.report.sections.iter().map(|s| s.as_str()).collect();
    conn.prepare_cached(
        "INSERT INTO project (id, name, intent_statement, brand_promise, target_customers,
           organisation, prepared_for, accent, logo_type, logo, report_paper, report_sections,
           report_author)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name,
               intent_statement = excluded.intent_statement,
               brand_promise = excluded.brand_promise,
               target_customers = excluded.target_customers,
               organisation = excluded.organisation, prepared_for = excluded.prepared_for,
               accent = excluded.accent, logo_type = excluded.logo_type, logo = excluded.logo,
               report_paper = excluded.report_paper, report_sections = excluded.report_sections,
               report_author = excluded.report_author",
    )?
    .execute(params![
        sql(p.id),
        p.name,
        p.intent_statement,
        p.brand_promise,
        p.target_customers,
        p.organisation,
        p.prepared_for,
        p.accent,
        p.logo.as_ref().map(|l| l.media_type.as_str()),
        p.logo.as_ref().map(|l| l.data.as_slice()),
        p.report.paper.as_str(),
        sections.join(","),
        p.report.author,
    ])
}

pub(super) fn load_personas(conn: &Connection) -> rusqlite::Result<Vec<Persona>> {
    all(
        conn,
        "SELECT id, name, description, goals, position, quote, needs, pains, context,
           picture_type, picture_width, picture_height, picture
         FROM personas",
        |r| {
            let picture = match r.get::<_, Option<String>>(9)? {
                Some(_) => Some(PictureData {
                    media_type: parsed(r, 9, PictureType::parse)?,
                    width: r.get(10)?,
                    height: r.get(11)?,
                    data: r.get(12)?,
                }),
                None => None,
            };
            Ok(Persona {
                id: id(r, 0)?,
                name: r.get(1)?,
                description: r.get(2)?,
                goals: r.get(3)?,
                position: r.get(4)?,
                quote: r.get(5)?,
                needs: r.get(6)?,
                pains: r.get(7)?,
                context: r.get(8)?,
                picture,
            })
        },
    )
}

pub(super) fn put_persona(conn: &Connection, p: &Persona) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO personas (id, name, description, goals, position, quote, needs, pains,
           context, picture_type, picture_width, picture_height, picture)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
           description = excluded.description, goals = excluded.goals,
           position = excluded.position, quote = excluded.quote, needs = excluded.needs,
           pains = excluded.pains, context = excluded.context,
           picture_type = excluded.picture_type, picture_width = excluded.picture_width,
           picture_height = excluded.picture_height, picture = excluded.picture",
    )?
    .execute(params![
        sql(p.id),
        p.name,
        p.description,
        p.goals,
        p.position,
        p.quote,
        p.needs,
        p.pains,
        p.context,
        p.picture.as_ref().map(|x| x.media_type.as_str()),
        p.picture.as_ref().map(|x| x.width),
        p.picture.as_ref().map(|x| x.height),
        p.picture.as_ref().map(|x| x.data.as_slice())
    ])
}

pub(super) fn load_maps(conn: &Connection) -> rusqlite::Result<Vec<JourneyMap>> {
    let mut maps = all(
        conn,
        "SELECT id, name, kind, persona_id, description, position FROM journey_maps",
        |r| {
            Ok(JourneyMap {
                id: id(r, 0)?,
                name: r.get(1)?,
                kind: parsed(r, 2, MapKind::parse)?,
                persona_id: opt_id(r, 3)?,
                other_personas: Vec::new(),
                description: r.get(4)?,
                position: r.get(5)?,
            })
        },
    )?;
    let followed = all(
        conn,
        "SELECT map_id, persona_id FROM map_personas ORDER BY map_id, position",
        |r| Ok((id(r, 0)?, id(r, 1)?)),
    )?;
    let index = index_of(&maps, |m| m.id);
    attach(&mut maps, &index, followed, |m| &mut m.other_personas);
    Ok(maps)
}

pub(super) fn put_map(conn: &Connection, m: &JourneyMap) -> rusqlite::Result<usize> {
    conn.prepare_cached(
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
    ])?;
    conn.prepare_cached("DELETE FROM map_personas WHERE map_id = ?1")?
        .execute([sql(m.id)])?;
    let mut follow = conn.prepare_cached(
        "INSERT INTO map_personas (map_id, position, persona_id) VALUES (?1, ?2, ?3)",
    )?;
    for (i, p) in m.other_personas.iter().enumerate() {
        follow.execute(params![sql(m.id), i as i64, sql(*p)])?;
    }
    Ok(1)
}

pub(super) fn load_stages(conn: &Connection) -> rusqlite::Result<Vec<Stage>> {
    all(
        conn,
        "SELECT id, map_id, name, description, position, width,
                room_mean, room_low, room_high, room_count FROM stages",
        |r| {
            let count: Option<u32> = r.get(9)?;
            Ok(Stage {
                id: id(r, 0)?,
                map_id: id(r, 1)?,
                name: r.get(2)?,
                description: r.get(3)?,
                position: r.get(4)?,
                width: r.get(5)?,
                room_rating: match count {
                    Some(count) => Some(RoomRating {
                        mean: r.get(6)?,
                        low: r.get(7)?,
                        high: r.get(8)?,
                        count,
                    }),
                    None => None,
                },
            })
        },
    )
}

pub(super) fn put_stage(conn: &Connection, s: &Stage) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO stages (id, map_id, name, description, position, width,
           room_mean, room_low, room_high, room_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, name = excluded.name,
           description = excluded.description, position = excluded.position,
           width = excluded.width, room_mean = excluded.room_mean,
           room_low = excluded.room_low, room_high = excluded.room_high,
           room_count = excluded.room_count",
    )?
    .execute(params![
        sql(s.id),
        sql(s.map_id),
        s.name,
        s.description,
        s.position,
        s.width,
        s.room_rating.map(|r| r.mean),
        s.room_rating.map(|r| r.low),
        s.room_rating.map(|r| r.high),
        s.room_rating.map(|r| r.count),
    ])
}

pub(super) fn load_lanes(conn: &Connection) -> rusqlite::Result<Vec<Lane>> {
    all(
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
    )
}

pub(super) fn put_lane(conn: &Connection, l: &Lane) -> rusqlite::Result<usize> {
    conn.prepare_cached(
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
    ])
}

pub(super) fn load_touchpoints(conn: &Connection) -> rusqlite::Result<Vec<Touchpoint>> {
    let mut cards = all(
        conn,
        "SELECT id, map_id, stage_id, lane_id, title, description, channel, owner, x, y, width,
            height, emotion, expectation, performance, reliability, moment_of_truth,
            moment_of_truth_note, votes
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
                votes: r.get(18)?,
                feelings: Vec::new(),
            })
        },
    )?;
    let feelings = all(
        conn,
        "SELECT touchpoint_id, persona_id, emotion FROM touchpoint_feelings
         ORDER BY touchpoint_id, position",
        |r| {
            Ok((
                id(r, 0)?,
                Feeling {
                    persona_id: id(r, 1)?,
                    emotion: r.get(2)?,
                },
            ))
        },
    )?;
    if !feelings.is_empty() {
        let index = index_of(&cards, |t| t.id);
        attach(&mut cards, &index, feelings, |t| &mut t.feelings);
    }
    Ok(cards)
}

pub(super) fn put_touchpoint(conn: &Connection, t: &Touchpoint) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO touchpoints (id, map_id, stage_id, lane_id, title, description,
           channel, owner, x, y, width, height, emotion, expectation, performance,
           reliability, moment_of_truth, moment_of_truth_note, votes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
           ?17, ?18, ?19)
         ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id,
           stage_id = excluded.stage_id, lane_id = excluded.lane_id,
           title = excluded.title, description = excluded.description,
           channel = excluded.channel, owner = excluded.owner, x = excluded.x,
           y = excluded.y, width = excluded.width, height = excluded.height,
           emotion = excluded.emotion, expectation = excluded.expectation,
           performance = excluded.performance, reliability = excluded.reliability,
           moment_of_truth = excluded.moment_of_truth,
           moment_of_truth_note = excluded.moment_of_truth_note, votes = excluded.votes",
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
        t.moment_of_truth_note,
        t.votes
    ])?;
    conn.prepare_cached("DELETE FROM touchpoint_feelings WHERE touchpoint_id = ?1")?
        .execute([sql(t.id)])?;
    if !t.feelings.is_empty() {
        let mut feel = conn.prepare_cached(
            "INSERT INTO touchpoint_feelings (touchpoint_id, persona_id, position, emotion)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, f) in t.feelings.iter().enumerate() {
            feel.execute(params![sql(t.id), sql(f.persona_id), i as i64, f.emotion])?;
        }
    }
    Ok(1)
}

pub(super) fn load_connectors(conn: &Connection) -> rusqlite::Result<Vec<Connector>> {
    all(
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
    )
}

pub(super) fn put_connector(conn: &Connection, c: &Connector) -> rusqlite::Result<usize> {
    conn.prepare_cached(
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
    ])
}

pub(super) fn load_notes(conn: &Connection) -> rusqlite::Result<Vec<Note>> {
    all(
        conn,
        "SELECT id, map_id, stage_id, lane_id, text, x, y, width, height, color, votes, author
         FROM notes",
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
                author: r.get(11)?,
            })
        },
    )
}

pub(super) fn put_note(conn: &Connection, n: &Note) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO notes (id, map_id, stage_id, lane_id, text, x, y, width, height,
           color, votes, author)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id,
           stage_id = excluded.stage_id, lane_id = excluded.lane_id, text = excluded.text,
           x = excluded.x, y = excluded.y, width = excluded.width,
           height = excluded.height, color = excluded.color, votes = excluded.votes,
           author = excluded.author",
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
        n.votes,
        n.author
    ])
}

pub(super) fn load_stories(conn: &Connection) -> rusqlite::Result<Vec<Story>> {
    all(
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
    )
}

pub(super) fn put_story(conn: &Connection, s: &Story) -> rusqlite::Result<usize> {
    conn.prepare_cached(
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
    ])
}
