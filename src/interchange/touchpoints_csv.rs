//! Touchpoints from a spreadsheet (CSV or Excel .xlsx), as facilitators bring workshop notes: the
//! columns are mapped to fields (guessed from the headers), maps, stages and lanes are created
//! as needed, cards are laid out in their cells below what is already there, and either every
//! row imports or none does.

use super::csv::{line_error, read_table, unescape_cell, CsvTable, LineError};
use crate::model::{
    Changes, Id, JourneyMap, Lane, LaneKind, MapKind, Project, Reliability, Stage, Touchpoint,
    CARD_HEIGHT, CARD_WIDTH, EMOTION_RANGE, LANE_HEADER_WIDTH, LANE_HEIGHT, SCORE_RANGE,
    STAGE_HEADER_HEIGHT, STAGE_WIDTH,
};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Which column (0-based) holds each field; only title and stage are required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TouchpointMapping {
    /// The map rows go to when no map column is mapped (or its cell is empty).
    pub map_id: Option<Id>,
    pub map: Option<u32>,
    pub stage: Option<u32>,
    pub lane: Option<u32>,
    pub title: Option<u32>,
    pub channel: Option<u32>,
    pub owner: Option<u32>,
    pub description: Option<u32>,
    pub emotion: Option<u32>,
    pub expectation: Option<u32>,
    pub performance: Option<u32>,
    pub reliability: Option<u32>,
    pub moment_of_truth: Option<u32>,
    pub moment_of_truth_note: Option<u32>,
    pub top_rank: Option<u32>,
}

/// What the mapping step shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TouchpointPreview {
    pub headers: Vec<String>,
    pub mapping: TouchpointMapping,
    pub rows: Vec<TouchpointPreviewRow>,
    pub total_rows: u32,
    pub error_count: u32,
    pub errors: Vec<LineError>,
    /// Maps, stages and lanes the import will create ("Map › Stage").
    pub new_maps: Vec<String>,
    pub new_stages: Vec<String>,
    pub new_lanes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TouchpointPreviewRow {
    #[ts(type = "number")]
    pub line: u64,
    pub map: String,
    pub stage: String,
    pub lane: String,
    pub title: String,
    pub channel: String,
    pub reliability: String,
    pub moment_of_truth: bool,
    pub error: Option<String>,
}

const PREVIEW_ROWS: usize = 50;
const PREVIEW_ERRORS: usize = 200;
const GAP: f64 = 16.0;
/// The lane rows go to when no lane column is mapped.
pub const DEFAULT_LANE: &str = "Touchpoints";

const HINTS: [(&str, &[&str]); 14] = [
    ("map", &["map", "journey"]),
    ("stage", &["stage", "phase", "step"]),
    ("lane", &["lane", "swimlane", "swim lane", "row", "layer"]),
    ("title", &["title", "touchpoint", "touch point", "name"]),
    ("channel", &["channel", "medium"]),
    ("owner", &["owner", "department", "team", "responsible"]),
    ("emotion", &["emotion", "feeling", "mood"]),
    ("expectation", &["expectation", "expected"]),
    ("performance", &["performance", "delivered", "actual"]),
    ("reliability", &["reliability", "state"]),
    ("momentOfTruth", &["moment of truth", "mot", "moment"]),
    ("momentOfTruthNote", &["why it matters", "why"]),
    ("topRank", &["top rank", "top", "rank"]),
    (
        "description",
        &["description", "details", "notes", "comment"],
    ),
];

/// Reads CSV or Excel (.xlsx, first sheet) into a header row and data rows with their lines.
pub fn read_sheet(bytes: &[u8]) -> std::result::Result<CsvTable, Vec<LineError>> {
    if bytes.starts_with(b"PK\x03\x04") {
        super::xlsx::read(bytes)
    } else {
        read_table(bytes)
    }
}

impl TouchpointMapping {
    pub fn guess(headers: &[String], map_id: Option<Id>) -> TouchpointMapping {
        let found = super::csv::guess_columns(headers, &HINTS);
        let get = |f: &str| found.get(f).copied();
        TouchpointMapping {
            map_id,
            map: get("map"),
            stage: get("stage"),
            lane: get("lane"),
            title: get("title"),
            channel: get("channel"),
            owner: get("owner"),
            description: get("description"),
            emotion: get("emotion"),
            expectation: get("expectation"),
            performance: get("performance"),
            reliability: get("reliability"),
            moment_of_truth: get("momentOfTruth"),
            moment_of_truth_note: get("momentOfTruthNote"),
            top_rank: get("topRank"),
        }
    }

    fn columns(&self) -> [(&'static str, Option<u32>); 14] {
        [
            ("map", self.map),
            ("stage", self.stage),
            ("lane", self.lane),
            ("title", self.title),
            ("channel", self.channel),
            ("owner", self.owner),
            ("description", self.description),
            ("emotion", self.emotion),
            ("expectation", self.expectation),
            ("performance", self.performance),
            ("reliability", self.reliability),
            ("moment of truth", self.moment_of_truth),
            ("why it matters", self.moment_of_truth_note),
            ("top rank", self.top_rank),
        ]
    }

    /// Reads `field` (as the command line names it: `moment-of-truth`, `why-it-matters`,
    /// `top-rank`, or the other fields' names) from column `index`, or from none.
    pub fn set_column(&mut self, field: &str, index: Option<u32>) -> crate::Result<()> {
        let slot = match field {
            "map" => &mut self.map,
            "stage" => &mut self.stage,
            "lane" => &mut self.lane,
            "title" => &mut self.title,
            "channel" => &mut self.channel,
            "owner" => &mut self.owner,
            "description" => &mut self.description,
            "emotion" => &mut self.emotion,
            "expectation" => &mut self.expectation,
            "performance" => &mut self.performance,
            "reliability" => &mut self.reliability,
            "moment-of-truth" => &mut self.moment_of_truth,
            "why-it-matters" => &mut self.moment_of_truth_note,
            "top-rank" => &mut self.top_rank,
            other => {
                return Err(crate::Error::InvalidInput(format!(
                    "unknown field {other:?}"
                )))
            }
        };
        *slot = index;
        Ok(())
    }

    fn check(&self, project: &Project, columns: usize) -> std::result::Result<(), String> {
        for (name, col) in self.columns() {
            if col.is_some_and(|c| c as usize >= columns) {
                return Err(format!("the {name} column is not in this file"));
            }
        }
        if self.title.is_none() {
            return Err("choose the column that holds the touchpoint's title".into());
        }
        if self.stage.is_none() {
            return Err("choose the column that holds the stage".into());
        }
        // Without a map (chosen or in a column), rows go to the first map, or to a new one.
        if let Some(m) = self.map_id {
            if !project.maps.iter().any(|x| x.id == m) {
                return Err("the chosen map does not exist".into());
            }
        }
        Ok(())
    }
}

/// One good row, before it is placed.
#[derive(Debug, Clone)]
struct Row {
    line: u64,
    map: String,
    stage: String,
    lane: String,
    card: Touchpoint,
    rank: Option<u32>,
}

fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" | "-" => Some(false),
        "yes" | "y" | "true" | "1" | "x" | "★" | "*" | "mot" => Some(true),
        _ => None,
    }
}

fn parse_reliability(s: &str) -> Option<Reliability> {
    let s = s.trim().to_lowercase();
    if s.is_empty() {
        return Some(Reliability::Reliable);
    }
    Reliability::parse(&s).or(match s.as_str() {
        "red" | "bad" | "failing" => Some(Reliability::Broken),
        "blue" | "ok" | "okay" | "works" => Some(Reliability::Reliable),
        "green" | "great" | "delight" | "delightful" => Some(Reliability::Differentiating),
        _ => None,
    })
}

/// The kind of lane a name suggests ("Customer actions", "Backstage"); otherwise a custom lane.
pub fn lane_kind(name: &str) -> LaneKind {
    let n = name.trim().to_lowercase();
    let has = |w: &str| n.contains(w);
    if has("customer action") || n == "actions" || n == "doing" {
        LaneKind::CustomerActions
    } else if has("touchpoint") || has("touch point") {
        LaneKind::Touchpoints
    } else if has("frontstage") || has("front stage") || has("front-stage") {
        LaneKind::Frontstage
    } else if has("backstage") || has("back stage") || has("back-stage") {
        LaneKind::Backstage
    } else if has("support") || has("system") {
        LaneKind::SupportSystems
    } else if has("thought") || has("feeling") || has("emotion") {
        LaneKind::ThoughtsAndFeelings
    } else if has("pain") {
        LaneKind::PainPoints
    } else if has("opportunit") || has("idea") {
        LaneKind::Opportunities
    } else {
        LaneKind::Custom
    }
}

fn read_rows(
    table: &CsvTable,
    m: &TouchpointMapping,
    default_map: &str,
) -> Vec<(u64, std::result::Result<Row, String>)> {
    table
        .rows
        .iter()
        .map(|r| {
            let cell =
                |col: Option<u32>| col.map_or("", |c| unescape_cell(r.cells[c as usize].trim()));
            let parsed = (|| {
                let title = cell(m.title).to_owned();
                if title.is_empty() {
                    return Err("the title is empty".to_string());
                }
                let stage = cell(m.stage).to_owned();
                if stage.is_empty() {
                    return Err("the stage is empty".to_string());
                }
                let int = |col: Option<u32>,
                           name: &str,
                           range: std::ops::RangeInclusive<i32>,
                           default: i32| {
                    let s = cell(col).replace('−', "-");
                    let s = s.strip_prefix('+').unwrap_or(&s).to_owned();
                    if s.is_empty() {
                        return Ok(default);
                    }
                    s.parse::<i32>()
                        .ok()
                        .filter(|n| range.contains(n))
                        .ok_or_else(|| {
                            format!(
                                "{name} \"{}\" is not a whole number {}..{}",
                                cell(col),
                                range.start(),
                                range.end()
                            )
                        })
                };
                let emotion = int(m.emotion, "emotion", EMOTION_RANGE, 0)?;
                let expectation = int(m.expectation, "expectation", SCORE_RANGE, 3)?;
                let performance = int(m.performance, "performance", SCORE_RANGE, 3)?;
                let reliability = parse_reliability(cell(m.reliability)).ok_or_else(|| {
                    format!(
                        "reliability \"{}\" is not broken, reliable or differentiating",
                        cell(m.reliability)
                    )
                })?;
                let moment_of_truth = yes_no(cell(m.moment_of_truth)).ok_or_else(|| {
                    format!(
                        "moment of truth \"{}\" is not yes or no",
                        cell(m.moment_of_truth)
                    )
                })?;
                let rank = match cell(m.top_rank) {
                    "" => None,
                    s => Some(
                        s.parse::<u32>()
                            .ok()
                            .filter(|n| (1..=100).contains(n))
                            .ok_or_else(|| format!("top rank \"{s}\" is not a number from 1"))?,
                    ),
                };
                for (name, value) in [("title", &title), ("stage", &stage)] {
                    if value.chars().count() > crate::model::MAX_NAME_CHARS {
                        return Err(format!("the {name} is too long"));
                    }
                }
                let map = match cell(m.map) {
                    "" => default_map.to_owned(),
                    s => s.to_owned(),
                };
                let lane = match cell(m.lane) {
                    "" => DEFAULT_LANE.to_owned(),
                    s => s.to_owned(),
                };
                Ok(Row {
                    line: r.line,
                    map,
                    stage,
                    lane,
                    rank,
                    card: Touchpoint {
                        id: Id::nil(),
                        map_id: Id::nil(),
                        stage_id: Id::nil(),
                        lane_id: Id::nil(),
                        title,
                        description: cell(m.description).to_owned(),
                        channel: cell(m.channel).to_owned(),
                        owner: cell(m.owner).to_owned(),
                        x: 0.0,
                        y: 0.0,
                        width: CARD_WIDTH,
                        height: CARD_HEIGHT,
                        emotion,
                        expectation,
                        performance,
                        reliability,
                        moment_of_truth,
                        moment_of_truth_note: cell(m.moment_of_truth_note).to_owned(),
                    },
                })
            })();
            (r.line, parsed)
        })
        .collect()
}

fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// The project with every row added: maps, stages and lanes created by name as needed, lanes
/// grown to fit, and cards placed in their cells below the cards already there.
fn place(project: &Project, rows: Vec<Row>, mut next_id: impl FnMut() -> Id) -> Result<Project> {
    let mut p = project.clone();
    // Maps, stages and lanes by name, created in order of first appearance.
    let mut maps: HashMap<String, Id> = HashMap::new();
    for m in p.maps.iter().rev() {
        maps.insert(key(&m.name), m.id);
    }
    // New lanes go after a map's lanes in the order the sheet implies: within each stage rows
    // run top to bottom, so consecutive lanes of a stage give "above" constraints.
    let mut lane_order: HashMap<String, Vec<String>> = HashMap::new();
    {
        let mut first: HashMap<(String, String), usize> = HashMap::new();
        let mut edges: HashMap<String, Vec<(String, String)>> = HashMap::new();
        let mut last: HashMap<(String, String), String> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            let (m, l) = (key(&r.map), key(&r.lane));
            first.entry((m.clone(), l.clone())).or_insert(i);
            let stage = (m.clone(), key(&r.stage));
            if let Some(prev) = last.insert(stage, l.clone()) {
                if prev != l {
                    edges.entry(m.clone()).or_default().push((prev, l));
                }
            }
        }
        let mut by_map: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        for ((m, l), i) in &first {
            by_map.entry(m.clone()).or_default().push((*i, l.clone()));
        }
        for (m, mut lanes) in by_map {
            lanes.sort();
            let names: Vec<String> = lanes.into_iter().map(|(_, l)| l).collect();
            let edges = edges.remove(&m).unwrap_or_default();
            let mut indegree: HashMap<&str, usize> =
                names.iter().map(|n| (n.as_str(), 0)).collect();
            for (_, b) in &edges {
                *indegree.entry(b.as_str()).or_default() += 1;
            }
            let mut order = Vec::new();
            let mut left: Vec<&String> = names.iter().collect();
            while !left.is_empty() {
                // The earliest lane nothing unplaced must precede; on a cycle, the earliest.
                let pick = left
                    .iter()
                    .position(|n| indegree.get(n.as_str()).copied().unwrap_or(0) == 0)
                    .unwrap_or(0);
                let n = left.remove(pick);
                for (a, b) in &edges {
                    if a == n {
                        if let Some(d) = indegree.get_mut(b.as_str()) {
                            *d = d.saturating_sub(1);
                        }
                    }
                }
                order.push(n.clone());
            }
            lane_order.insert(m, order);
        }
    }
    let lane_rank = |map: &str, lane: &str| {
        lane_order
            .get(&key(map))
            .and_then(|o| o.iter().position(|l| *l == key(lane)))
            .unwrap_or(usize::MAX)
    };
    // Lanes are created in that order: visit rows so each map's new lanes come up in turn.
    let mut creation: Vec<(String, String, usize)> = rows
        .iter()
        .map(|r| (r.map.clone(), r.lane.clone(), lane_rank(&r.map, &r.lane)))
        .collect();
    creation.sort_by_key(|c| c.2);
    let mut ranked: Vec<(u32, u64, Id)> = Vec::new();
    let mut new_cards: Vec<(Id, Id, Id, Touchpoint)> = Vec::new();
    for mut row in rows {
        let map_id = match maps.get(&key(&row.map)) {
            Some(id) => *id,
            None => {
                let id = next_id();
                let position = p.maps.iter().map(|m| m.position + 1).max().unwrap_or(0);
                let kind = if key(&row.map).contains("to-be") || key(&row.map).contains("to be") {
                    MapKind::ToBe
                } else {
                    MapKind::AsIs
                };
                p.maps.push(JourneyMap {
                    id,
                    name: row.map.clone(),
                    kind,
                    persona_id: None,
                    description: String::new(),
                    position,
                });
                maps.insert(key(&row.map), id);
                id
            }
        };
        let stage_id = match p
            .stages
            .iter()
            .filter(|s| s.map_id == map_id)
            .find(|s| key(&s.name) == key(&row.stage))
        {
            Some(s) => s.id,
            None => {
                let id = next_id();
                let position = p
                    .stages
                    .iter()
                    .filter(|s| s.map_id == map_id)
                    .map(|s| s.position + 1)
                    .max()
                    .unwrap_or(0);
                p.stages.push(Stage {
                    id,
                    map_id,
                    name: row.stage.clone(),
                    description: String::new(),
                    position,
                    width: STAGE_WIDTH,
                });
                id
            }
        };
        if !p
            .lanes
            .iter()
            .any(|l| l.map_id == map_id && key(&l.name) == key(&row.lane))
        {
            // Create every lane this map still needs, in the sheet's order.
            for (_, lane, _) in creation.iter().filter(|c| key(&c.0) == key(&row.map)) {
                if p.lanes
                    .iter()
                    .any(|l| l.map_id == map_id && key(&l.name) == key(lane))
                {
                    continue;
                }
                let id = next_id();
                let position = p
                    .lanes
                    .iter()
                    .filter(|l| l.map_id == map_id)
                    .map(|l| l.position + 1)
                    .max()
                    .unwrap_or(0);
                p.lanes.push(Lane {
                    id,
                    map_id,
                    name: lane.clone(),
                    kind: lane_kind(lane),
                    position,
                    height: LANE_HEIGHT,
                });
            }
        }
        let lane_id = p
            .lanes
            .iter()
            .find(|l| l.map_id == map_id && key(&l.name) == key(&row.lane))
            .map(|l| l.id)
            .expect("created above");
        let id = next_id();
        if let Some(rank) = row.rank {
            ranked.push((rank, row.line, id));
        }
        row.card.id = id;
        new_cards.push((map_id, stage_id, lane_id, row.card));
    }

    // Lay out each touched map: grow lanes to fit the new cards, shift what lies below.
    let mut touched: Vec<Id> = Vec::new();
    for (map_id, ..) in &new_cards {
        if !touched.contains(map_id) {
            touched.push(*map_id);
        }
    }
    for map_id in touched {
        let mut stages: Vec<Stage> = p
            .stages
            .iter()
            .filter(|s| s.map_id == map_id)
            .cloned()
            .collect();
        stages.sort_by_key(|s| (s.position, s.id));
        let mut lanes: Vec<Lane> = p
            .lanes
            .iter()
            .filter(|l| l.map_id == map_id)
            .cloned()
            .collect();
        lanes.sort_by_key(|l| (l.position, l.id));
        let mut stage_x = HashMap::new();
        let mut x = LANE_HEADER_WIDTH;
        for s in &stages {
            stage_x.insert(s.id, (x, s.width));
            x += s.width;
        }
        let mut old_top = HashMap::new();
        let mut y = STAGE_HEADER_HEIGHT;
        for l in &lanes {
            old_top.insert(l.id, y);
            y += l.height;
        }
        // Where new cards start in each cell: below the lowest card already there.
        let mut start: HashMap<(Id, Id), f64> = HashMap::new();
        for t in p.touchpoints.iter().filter(|t| t.map_id == map_id) {
            let rel = t.y + t.height - old_top.get(&t.lane_id).copied().unwrap_or(0.0);
            let e = start.entry((t.stage_id, t.lane_id)).or_insert(0.0);
            *e = e.max(rel);
        }
        let mut slot: HashMap<(Id, Id), usize> = HashMap::new();
        let mut needed: HashMap<Id, f64> = HashMap::new();
        let mut placed: Vec<(Touchpoint, f64)> = Vec::new();
        for (m, stage_id, lane_id, mut card) in new_cards.iter().filter(|c| c.0 == map_id).cloned()
        {
            let (sx, sw) = stage_x[&stage_id];
            let per_row = (((sw - GAP) / (CARD_WIDTH + GAP)).floor() as usize).max(1);
            let k = slot.entry((stage_id, lane_id)).or_insert(0);
            let base = start.get(&(stage_id, lane_id)).copied().unwrap_or(0.0);
            let rel_y = base + GAP + (*k / per_row) as f64 * (CARD_HEIGHT + GAP);
            card.map_id = m;
            card.stage_id = stage_id;
            card.lane_id = lane_id;
            card.x = sx + GAP + (*k % per_row) as f64 * (CARD_WIDTH + GAP);
            *k += 1;
            let bottom = rel_y + CARD_HEIGHT + GAP;
            let need = needed.entry(lane_id).or_insert(0.0);
            *need = need.max(bottom);
            placed.push((card, rel_y));
        }
        // Grow lanes and work out how far each lane moves down.
        let mut shift = HashMap::new();
        let mut moved = 0.0;
        let mut new_top = HashMap::new();
        for l in &mut lanes {
            shift.insert(l.id, moved);
            new_top.insert(l.id, old_top[&l.id] + moved);
            if let Some(need) = needed.get(&l.id) {
                if *need > l.height {
                    moved += need - l.height;
                    l.height = *need;
                }
            }
        }
        for l in &lanes {
            if let Some(slot) = p.lanes.iter_mut().find(|x| x.id == l.id) {
                slot.height = l.height;
            }
        }
        for t in p.touchpoints.iter_mut().filter(|t| t.map_id == map_id) {
            t.y += shift.get(&t.lane_id).copied().unwrap_or(0.0);
        }
        let lane_at = |y: f64| {
            lanes
                .iter()
                .rev()
                .find(|l| old_top[&l.id] <= y)
                .map(|l| l.id)
        };
        for n in p.notes.iter_mut().filter(|n| n.map_id == map_id) {
            let lane = n.lane_id.or_else(|| lane_at(n.y));
            n.y += lane.and_then(|l| shift.get(&l)).copied().unwrap_or(0.0);
        }
        for (mut card, rel_y) in placed {
            card.y = new_top[&card.lane_id] + rel_y;
            p.touchpoints.push(card);
        }
    }
    // Top ranks: appended in rank order after the touchpoints already chosen.
    ranked.sort();
    p.top_touchpoints
        .extend(ranked.into_iter().map(|(_, _, id)| id));
    let p = p.canonical();
    p.validate()?;
    Ok(p)
}

/// The mapping step's view of a file: `mapping` as given, or guessed.
pub fn preview(
    bytes: &[u8],
    project: &Project,
    mapping: Option<TouchpointMapping>,
    default_map: Option<Id>,
) -> Result<TouchpointPreview> {
    let table = read_sheet(bytes).map_err(super::csv::import_error)?;
    let mapping = mapping.unwrap_or_else(|| {
        TouchpointMapping::guess(
            &table.headers,
            default_map.or(project.maps.first().map(|m| m.id)),
        )
    });
    let total_rows = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    let mut preview = TouchpointPreview {
        headers: table.headers.clone(),
        mapping: mapping.clone(),
        rows: Vec::new(),
        total_rows,
        error_count: 0,
        errors: Vec::new(),
        new_maps: Vec::new(),
        new_stages: Vec::new(),
        new_lanes: Vec::new(),
    };
    if let Err(problem) = mapping.check(project, table.headers.len()) {
        preview.error_count = 1;
        preview.errors.push(line_error(1, problem));
        return Ok(preview);
    }
    let default_name = default_map_name(project, &mapping);
    let rows = read_rows(&table, &mapping, &default_name);
    let errors: Vec<LineError> = rows
        .iter()
        .filter_map(|(l, r)| r.as_ref().err().map(|e| line_error(*l, e.clone())))
        .collect();
    preview.error_count = u32::try_from(errors.len()).unwrap_or(u32::MAX);
    preview.errors = errors.into_iter().take(PREVIEW_ERRORS).collect();
    preview.rows = rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|(line, r)| match r {
            Ok(r) => TouchpointPreviewRow {
                line: *line,
                map: r.map.clone(),
                stage: r.stage.clone(),
                lane: r.lane.clone(),
                title: r.card.title.clone(),
                channel: r.card.channel.clone(),
                reliability: r.card.reliability.as_str().into(),
                moment_of_truth: r.card.moment_of_truth,
                error: None,
            },
            Err(e) => TouchpointPreviewRow {
                line: *line,
                map: String::new(),
                stage: String::new(),
                lane: String::new(),
                title: String::new(),
                channel: String::new(),
                reliability: String::new(),
                moment_of_truth: false,
                error: Some(e.clone()),
            },
        })
        .collect();
    // What will be created, in order of first appearance.
    let push = |list: &mut Vec<String>, s: String| {
        if !list.contains(&s) {
            list.push(s);
        }
    };
    for r in rows.iter().filter_map(|(_, r)| r.as_ref().ok()) {
        let map = project.maps.iter().find(|m| key(&m.name) == key(&r.map));
        if map.is_none() {
            push(&mut preview.new_maps, r.map.clone());
        }
        let has_stage = map.is_some_and(|m| {
            project
                .stages
                .iter()
                .any(|s| s.map_id == m.id && key(&s.name) == key(&r.stage))
        });
        if !has_stage {
            push(&mut preview.new_stages, format!("{} › {}", r.map, r.stage));
        }
        let has_lane = map.is_some_and(|m| {
            project
                .lanes
                .iter()
                .any(|l| l.map_id == m.id && key(&l.name) == key(&r.lane))
        });
        if !has_lane {
            push(&mut preview.new_lanes, format!("{} › {}", r.map, r.lane));
        }
    }
    Ok(preview)
}

fn default_map_name(project: &Project, m: &TouchpointMapping) -> String {
    m.map_id
        .and_then(|id| project.maps.iter().find(|x| x.id == id))
        .or(project.maps.first())
        .map_or_else(|| "Imported journey".to_owned(), |x| x.name.clone())
}

/// The changes that add every row (and what they need) to `project`, or an error naming every
/// bad line with nothing changed.
pub fn import(
    bytes: &[u8],
    project: &Project,
    mapping: &TouchpointMapping,
    next_id: impl FnMut() -> Id,
) -> Result<Changes> {
    use super::csv::import_error;
    let table = read_sheet(bytes).map_err(import_error)?;
    mapping
        .check(project, table.headers.len())
        .map_err(|p| import_error(vec![line_error(1, p)]))?;
    let rows = read_rows(&table, mapping, &default_map_name(project, mapping));
    let errors: Vec<LineError> = rows
        .iter()
        .filter_map(|(l, r)| r.as_ref().err().map(|e| line_error(*l, e.clone())))
        .collect();
    if !errors.is_empty() {
        return Err(import_error(errors));
    }
    let good = rows.into_iter().filter_map(|(_, r)| r.ok()).collect();
    let after = place(project, good, next_id).map_err(|e| match e {
        Error::InvalidProject(problems) => Error::InvalidInput(format!(
            "the imported rows do not fit: {}",
            problems.join("; ")
        )),
        other => other,
    })?;
    Ok(project.diff(&after))
}
