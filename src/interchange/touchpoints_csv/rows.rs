//! The sheet's rows read through the mapping: each row a card with its map, stage and lane
//! names, or the reason it cannot be imported.

use super::TouchpointMapping;
use crate::interchange::csv::{unescape_cell, CsvTable};
use crate::model::{
    Id, LaneKind, Reliability, Touchpoint, CARD_HEIGHT, CARD_WIDTH, EMOTION_RANGE, SCORE_RANGE,
};

/// The lane rows go to when no lane column is mapped.
pub const DEFAULT_LANE: &str = "Touchpoints";

#[derive(Debug, Clone)]
pub(super) struct Row {
    pub(super) line: u64,
    pub(super) map: String,
    pub(super) stage: String,
    pub(super) lane: String,
    pub(super) card: Touchpoint,
    pub(super) rank: Option<u32>,
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
    // Besides the names: the keys that set them in the app (0–3) and the colours they are drawn in.
    Reliability::parse(&s).or(match s.as_str() {
        "" | "0" | "not rated" | "unknown" | "?" | "-" | "n/a" | "grey" | "gray" => {
            Some(Reliability::Unrated)
        }
        "1" | "red" | "bad" | "failing" => Some(Reliability::Broken),
        "2" | "blue" | "ok" | "okay" | "works" => Some(Reliability::Reliable),
        "3" | "green" | "great" | "delight" | "delightful" => Some(Reliability::Differentiating),
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

pub(super) fn read_rows(
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
                        "reliability \"{}\" is not one of: not rated (or empty, 0), broken (1), \
                         reliable (2), differentiating (3)",
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
                        votes: 0,
                        feelings: Vec::new(),
                    },
                })
            })();
            (r.line, parsed)
        })
        .collect()
}

pub(super) fn key(s: &str) -> String {
    s.trim().to_lowercase()
}
