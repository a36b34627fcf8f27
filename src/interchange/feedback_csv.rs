//! Feedback from a spreadsheet: the columns are mapped to feedback fields (guessed from the
//! headers, then confirmed by the user), every row is checked, and either every row imports or
//! none does, with each bad row named by its line.

use super::csv::{import_error, line_error, read_table, unescape_cell, CsvTable, LineError};
use crate::measure::{Feedback, FeedbackSource, RATING_RANGE};
use crate::model::{Id, Project};
use crate::text::{parse_day, DayOrder};
use crate::Result;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Which column (0-based) holds each field. Stage and source may instead be fixed for the whole
/// file; sentiment may be derived from a 0–10 rating when the sheet has none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackMapping {
    /// The map whose stages and touchpoints the rows are matched against.
    pub map_id: Id,
    pub date: Option<u32>,
    pub text: Option<u32>,
    pub stage: Option<u32>,
    pub touchpoint: Option<u32>,
    pub source: Option<u32>,
    pub sentiment: Option<u32>,
    pub rating: Option<u32>,
    /// The stage of rows when no stage column is mapped.
    #[serde(default)]
    pub default_stage: Option<Id>,
    /// The source of rows when no source column is mapped (or its cell is empty).
    pub default_source: FeedbackSource,
    /// Read `03/04/2026` as 3 April (true) or as March 4 (false).
    #[serde(default = "yes")]
    pub day_first: bool,
}

fn yes() -> bool {
    true
}

impl FeedbackMapping {
    /// Each field and the column it is read from, in the order the columns step lists them.
    pub fn columns(&self) -> Vec<(&'static str, Option<u32>)> {
        vec![
            ("date", self.date),
            ("text", self.text),
            ("stage", self.stage),
            ("touchpoint", self.touchpoint),
            ("source", self.source),
            ("sentiment", self.sentiment),
            ("rating", self.rating),
        ]
    }

    /// Reads `field` from column `index` (or from none).
    pub fn set_column(&mut self, field: &str, index: Option<u32>) -> crate::Result<()> {
        let slot = match field {
            "date" => &mut self.date,
            "text" => &mut self.text,
            "stage" => &mut self.stage,
            "touchpoint" => &mut self.touchpoint,
            "source" => &mut self.source,
            "sentiment" => &mut self.sentiment,
            "rating" => &mut self.rating,
            other => {
                return Err(crate::Error::InvalidInput(format!(
                    "unknown field {other:?} (date, text, stage, touchpoint, source, sentiment, rating)"
                )))
            }
        };
        *slot = index;
        Ok(())
    }
}

/// What the mapping step shows: the sheet's columns, the first rows as they would import, and
/// the problems found in the whole file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackPreview {
    pub headers: Vec<String>,
    pub mapping: FeedbackMapping,
    pub rows: Vec<PreviewRow>,
    pub total_rows: u32,
    pub error_count: u32,
    /// The first problems (at most [`PREVIEW_ERRORS`]).
    pub errors: Vec<LineError>,
}

/// One row as it would be imported, or why it cannot be.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    #[ts(type = "number")]
    pub line: u64,
    pub date: String,
    pub source: String,
    pub stage: String,
    pub touchpoint: String,
    pub sentiment: Option<i32>,
    pub rating: Option<i32>,
    pub text: String,
    pub error: Option<String>,
}

/// Rows shown in a preview.
pub const PREVIEW_ROWS: usize = 50;
/// Problems listed in a preview or an error message.
pub const PREVIEW_ERRORS: usize = 200;

/// Header words that suggest each field, most specific first.
const HINTS: [(&str, &[&str]); 7] = [
    ("date", &["date", "when", "submitted", "created", "time"]),
    (
        "text",
        &[
            "text", "comment", "feedback", "verbatim", "message", "review", "remark",
        ],
    ),
    ("stage", &["stage", "step", "phase"]),
    ("touchpoint", &["touchpoint", "touch point"]),
    ("source", &["source", "channel", "origin"]),
    ("sentiment", &["sentiment", "tone", "mood", "feeling"]),
    ("rating", &["rating", "score", "stars", "nps"]),
];

impl FeedbackMapping {
    /// A first guess from the header names; the user confirms or changes it.
    pub fn guess(headers: &[String], project: &Project, map_id: Id) -> FeedbackMapping {
        let found = super::csv::guess_columns(headers, &HINTS);
        FeedbackMapping {
            map_id,
            date: found.get("date").copied(),
            text: found.get("text").copied(),
            stage: found.get("stage").copied(),
            touchpoint: found.get("touchpoint").copied(),
            source: found.get("source").copied(),
            sentiment: found.get("sentiment").copied(),
            rating: found.get("rating").copied(),
            default_stage: project.stages_of(map_id).first().map(|s| s.id),
            default_source: FeedbackSource::Survey,
            day_first: true,
        }
    }

    /// Problems with the mapping itself (before any row is read).
    fn check(&self, project: &Project, columns: usize) -> std::result::Result<(), String> {
        if !project.maps.iter().any(|m| m.id == self.map_id) {
            return Err("choose the map the feedback is about".into());
        }
        let fields = [
            ("date", self.date),
            ("text", self.text),
            ("stage", self.stage),
            ("touchpoint", self.touchpoint),
            ("source", self.source),
            ("sentiment", self.sentiment),
            ("rating", self.rating),
        ];
        for (name, col) in fields {
            if col.is_some_and(|c| c as usize >= columns) {
                return Err(format!("the {name} column is not in this file"));
            }
        }
        if self.date.is_none() {
            return Err("choose the column that holds the date".into());
        }
        if self.text.is_none() {
            return Err("choose the column that holds the feedback text".into());
        }
        if self.sentiment.is_none() && self.rating.is_none() {
            return Err("choose a sentiment column, or a 0–10 rating to derive it from".into());
        }
        if self.stage.is_none() {
            match self.default_stage {
                Some(s) if project.stages_of(self.map_id).iter().any(|x| x.id == s) => {}
                _ => return Err("choose a stage column, or the stage every row belongs to".into()),
            }
        }
        Ok(())
    }
}

/// Reads −2..+2 as a number (with a real minus sign too) or as words.
fn parse_sentiment(s: &str) -> Option<i32> {
    let s = s.trim().to_lowercase().replace('−', "-");
    let n = match s.as_str() {
        "very negative" | "very bad" | "angry" => -2,
        "negative" | "bad" => -1,
        "neutral" | "mixed" => 0,
        "positive" | "good" => 1,
        "very positive" | "very good" | "delighted" => 2,
        other => other.strip_prefix('+').unwrap_or(other).parse().ok()?,
    };
    crate::measure::SENTIMENT_RANGE.contains(&n).then_some(n)
}

/// The sentiment a 0–10 rating suggests: 0–2 very negative … 9–10 very positive.
fn sentiment_of_rating(rating: i32) -> i32 {
    match rating {
        ..=2 => -2,
        3..=4 => -1,
        5..=6 => 0,
        7..=8 => 1,
        _ => 2,
    }
}

/// The result of reading every row: the feedback of the good rows and the problems of the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeedback {
    pub rows: Vec<(u64, std::result::Result<Feedback, String>)>,
}

impl ParsedFeedback {
    pub fn errors(&self) -> impl Iterator<Item = LineError> + '_ {
        self.rows
            .iter()
            .filter_map(|(line, r)| r.as_ref().err().map(|e| line_error(*line, e.clone())))
    }
}

/// Reads every row of `table` under `mapping`. Ids come from `next_id`, so tests can fix them.
pub fn parse_rows(
    table: &CsvTable,
    mapping: &FeedbackMapping,
    project: &Project,
    mut next_id: impl FnMut() -> Id,
) -> std::result::Result<ParsedFeedback, String> {
    mapping.check(project, table.headers.len())?;
    let map = mapping.map_id;
    let key = |s: &str| s.trim().to_lowercase();
    let stages: HashMap<String, Id> = project
        .stages_of(map)
        .iter()
        .rev() // the leftmost stage wins a name used twice
        .map(|s| (key(&s.name), s.id))
        .collect();
    let touchpoints: HashMap<String, (Id, Id)> = project
        .touchpoints
        .iter()
        .filter(|t| t.map_id == map)
        .map(|t| (key(&t.title), (t.id, t.stage_id)))
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cell = |col: Option<u32>| col.map(|c| unescape_cell(row.cells[c as usize].trim()));
            let parsed = (|| {
                let date_text = cell(mapping.date).unwrap_or("");
                let date = parse_day(
                    date_text,
                    if mapping.day_first {
                        DayOrder::DayFirst
                    } else {
                        DayOrder::MonthFirst
                    },
                )
                .ok_or_else(|| format!("\"{date_text}\" is not a date (use YYYY-MM-DD)"))?;
                let text = cell(mapping.text).unwrap_or("").to_owned();
                if text.is_empty() {
                    return Err("the feedback text is empty".to_string());
                }
                if text.chars().count() > crate::model::MAX_TEXT_CHARS {
                    return Err("the feedback text is too long".to_string());
                }
                let source = match cell(mapping.source).filter(|s| !s.is_empty()) {
                    None => mapping.default_source,
                    Some(s) => FeedbackSource::parse_loose(s).ok_or_else(|| {
                        format!("unknown source \"{s}\" (survey, review, social, call or employee)")
                    })?,
                };
                let rating = match cell(mapping.rating).filter(|s| !s.is_empty()) {
                    None => None,
                    Some(s) => Some(
                        s.parse::<i32>()
                            .ok()
                            .filter(|r| RATING_RANGE.contains(r))
                            .ok_or_else(|| format!("rating \"{s}\" is not a whole number 0–10"))?,
                    ),
                };
                let sentiment = match cell(mapping.sentiment).filter(|s| !s.is_empty()) {
                    Some(s) => parse_sentiment(s).ok_or_else(|| {
                        format!("sentiment \"{s}\" is not −2..+2 (or negative … positive)")
                    })?,
                    None => rating.map(sentiment_of_rating).ok_or_else(|| {
                        "no sentiment, and no rating to derive it from".to_string()
                    })?,
                };
                let touchpoint = match cell(mapping.touchpoint).filter(|s| !s.is_empty()) {
                    None => None,
                    Some(t) => Some(
                        *touchpoints
                            .get(&key(t))
                            .ok_or_else(|| format!("no touchpoint \"{t}\" on this map"))?,
                    ),
                };
                let stage_id = match cell(mapping.stage).filter(|s| !s.is_empty()) {
                    Some(s) => *stages
                        .get(&key(s))
                        .ok_or_else(|| format!("no stage \"{s}\" on this map"))?,
                    None => touchpoint
                        .map(|(_, stage)| stage)
                        .or(mapping.default_stage)
                        .ok_or_else(|| "the stage is empty".to_string())?,
                };
                Ok(Feedback {
                    id: Id::nil(),
                    map_id: map,
                    stage_id,
                    touchpoint_id: touchpoint.map(|(t, _)| t),
                    date,
                    source,
                    text,
                    sentiment,
                    rating,
                })
            })();
            (row.line, parsed)
        })
        .collect::<Vec<_>>();
    // Ids are handed out in row order, good rows only.
    let rows = rows
        .into_iter()
        .map(|(line, r)| {
            (
                line,
                r.map(|mut f| {
                    f.id = next_id();
                    f
                }),
            )
        })
        .collect();
    Ok(ParsedFeedback { rows })
}

/// The mapping step's view of a file: `mapping` as given, or guessed when `None`.
pub fn preview(
    bytes: &[u8],
    project: &Project,
    map_id: Id,
    mapping: Option<FeedbackMapping>,
) -> Result<FeedbackPreview> {
    let table = read_table(bytes).map_err(import_error)?;
    let mapping =
        mapping.unwrap_or_else(|| FeedbackMapping::guess(&table.headers, project, map_id));
    let total_rows = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    let name = |id: Id, list: &[(Id, String)]| {
        list.iter()
            .find(|(x, _)| *x == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let stage_names: Vec<(Id, String)> = project
        .stages
        .iter()
        .map(|s| (s.id, s.name.clone()))
        .collect();
    let card_names: Vec<(Id, String)> = project
        .touchpoints
        .iter()
        .filter(|t| t.map_id == mapping.map_id)
        .map(|t| (t.id, t.title.clone()))
        .collect();
    let (rows, errors, error_count) = match parse_rows(&table, &mapping, project, Id::nil) {
        Err(problem) => (Vec::new(), vec![line_error(1, problem)], 1),
        Ok(parsed) => {
            let rows = parsed
                .rows
                .iter()
                .take(PREVIEW_ROWS)
                .map(|(line, r)| match r {
                    Ok(f) => PreviewRow {
                        line: *line,
                        date: f.date.to_string(),
                        source: f.source.as_str().into(),
                        stage: name(f.stage_id, &stage_names),
                        touchpoint: f
                            .touchpoint_id
                            .map(|t| name(t, &card_names))
                            .unwrap_or_default(),
                        sentiment: Some(f.sentiment),
                        rating: f.rating,
                        text: f.text.clone(),
                        error: None,
                    },
                    Err(e) => PreviewRow {
                        line: *line,
                        date: String::new(),
                        source: String::new(),
                        stage: String::new(),
                        touchpoint: String::new(),
                        sentiment: None,
                        rating: None,
                        text: String::new(),
                        error: Some(e.clone()),
                    },
                })
                .collect();
            let count = parsed.errors().count();
            (rows, parsed.errors().take(PREVIEW_ERRORS).collect(), count)
        }
    };
    Ok(FeedbackPreview {
        headers: table.headers,
        mapping,
        rows,
        total_rows,
        error_count: u32::try_from(error_count).unwrap_or(u32::MAX),
        errors,
    })
}

/// Every row as feedback, or — when any row is bad — an error listing the bad lines and nothing
/// imported.
pub fn import(
    bytes: &[u8],
    project: &Project,
    mapping: &FeedbackMapping,
    next_id: impl FnMut() -> Id,
) -> Result<Vec<Feedback>> {
    let table = read_table(bytes).map_err(import_error)?;
    let parsed = parse_rows(&table, mapping, project, next_id)
        .map_err(|problem| import_error(vec![line_error(1, problem)]))?;
    let errors: Vec<LineError> = parsed.errors().collect();
    if !errors.is_empty() {
        return Err(import_error(errors));
    }
    Ok(parsed
        .rows
        .into_iter()
        .filter_map(|(_, r)| r.ok())
        .collect())
}
