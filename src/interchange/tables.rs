//! CSV exports of a project's tables for spreadsheets: touchpoints, KPI measurements and
//! feedback. Every text cell is escaped against formula injection; rows are in a fixed order so
//! the same project always gives the same bytes.

use super::csv::{write_table, Cell};
use crate::model::{Id, Project};
use std::collections::HashMap;

/// The tables that can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Table {
    Touchpoints,
    Kpis,
    Feedback,
}

impl Table {
    pub const ALL: [Table; 3] = [Self::Touchpoints, Self::Kpis, Self::Feedback];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Touchpoints => "touchpoints",
            Self::Kpis => "kpis",
            Self::Feedback => "feedback",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Column headers of the feedback export; the importer guesses this mapping back.
pub const FEEDBACK_HEADERS: [&str; 8] = [
    "Date",
    "Source",
    "Map",
    "Stage",
    "Touchpoint",
    "Sentiment",
    "Rating",
    "Text",
];

struct Names<'a> {
    maps: HashMap<Id, &'a str>,
    stages: HashMap<Id, (&'a str, i32)>,
    lanes: HashMap<Id, (&'a str, i32)>,
    cards: HashMap<Id, &'a str>,
    map_order: HashMap<Id, (i32, Id)>,
}

impl<'a> Names<'a> {
    fn of(p: &'a Project) -> Self {
        Names {
            maps: p.maps.iter().map(|m| (m.id, m.name.as_str())).collect(),
            stages: p
                .stages
                .iter()
                .map(|s| (s.id, (s.name.as_str(), s.position)))
                .collect(),
            lanes: p
                .lanes
                .iter()
                .map(|l| (l.id, (l.name.as_str(), l.position)))
                .collect(),
            cards: p
                .touchpoints
                .iter()
                .map(|t| (t.id, t.title.as_str()))
                .collect(),
            map_order: p.maps.iter().map(|m| (m.id, (m.position, m.id))).collect(),
        }
    }

    fn map(&self, id: Id) -> &'a str {
        self.maps.get(&id).copied().unwrap_or("")
    }

    fn stage(&self, id: Id) -> &'a str {
        self.stages.get(&id).map_or("", |s| s.0)
    }

    fn card(&self, id: Id) -> &'a str {
        self.cards.get(&id).copied().unwrap_or("")
    }
}

/// One table of `project` as CSV bytes.
pub fn export(project: &Project, table: Table) -> Vec<u8> {
    let names = Names::of(project);
    match table {
        Table::Touchpoints => touchpoints(project, &names),
        Table::Kpis => kpis(project, &names),
        Table::Feedback => feedback(project, &names),
    }
}

fn touchpoints(p: &Project, n: &Names) -> Vec<u8> {
    let rank: HashMap<Id, usize> = p
        .top_touchpoints
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, i + 1))
        .collect();
    let mut cards: Vec<_> = p.touchpoints.iter().collect();
    cards.sort_by_key(|t| {
        (
            n.map_order.get(&t.map_id).copied(),
            n.stages.get(&t.stage_id).map(|s| s.1),
            n.lanes.get(&t.lane_id).map(|l| l.1),
            (t.y * 100.0) as i64,
            (t.x * 100.0) as i64,
            t.id,
        )
    });
    let rows: Vec<Vec<Cell>> = cards
        .iter()
        .map(|t| {
            vec![
                n.map(t.map_id).into(),
                n.stage(t.stage_id).into(),
                n.lanes.get(&t.lane_id).map_or("", |l| l.0).into(),
                t.title.as_str().into(),
                t.channel.as_str().into(),
                t.owner.as_str().into(),
                t.emotion.into(),
                t.expectation.into(),
                t.performance.into(),
                t.gap().into(),
                t.reliability.as_str().into(),
                (if t.moment_of_truth { "yes" } else { "no" }).into(),
                t.moment_of_truth_note.as_str().into(),
                rank.get(&t.id).map(|r| *r as i32).into(),
                t.description.as_str().into(),
            ]
        })
        .collect();
    write_table(
        &[
            "Map",
            "Stage",
            "Lane",
            "Title",
            "Channel",
            "Owner",
            "Emotion",
            "Expectation",
            "Performance",
            "Gap",
            "Reliability",
            "Moment of truth",
            "Why it matters",
            "Top rank",
            "Description",
        ],
        &rows,
    )
}

fn kpis(p: &Project, n: &Names) -> Vec<u8> {
    let cards: HashMap<Id, &crate::model::Touchpoint> =
        p.touchpoints.iter().map(|t| (t.id, t)).collect();
    let mut kpis: Vec<_> = p.kpis.iter().collect();
    kpis.sort_by(|a, b| {
        (n.card(a.touchpoint_id), &a.name, a.id).cmp(&(n.card(b.touchpoint_id), &b.name, b.id))
    });
    let mut rows = Vec::new();
    for k in kpis {
        let stage = cards
            .get(&k.touchpoint_id)
            .map_or("", |t| n.stage(t.stage_id));
        let row = |date: Cell, value: Cell, status: &str| {
            vec![
                n.card(k.touchpoint_id).into(),
                stage.into(),
                k.name.as_str().into(),
                k.unit.as_str().into(),
                k.direction.as_str().into(),
                k.target.into(),
                k.tolerance.into(),
                date,
                value,
                status.into(),
            ]
        };
        if k.measurements.is_empty() {
            rows.push(row(Cell::Empty, Cell::Empty, ""));
        }
        for m in &k.measurements {
            rows.push(row(
                m.date.to_string().into(),
                m.value.into(),
                k.status_of(m.value).label(),
            ));
        }
    }
    write_table(
        &[
            "Touchpoint",
            "Stage",
            "KPI",
            "Unit",
            "Direction",
            "Target",
            "Tolerance",
            "Date",
            "Value",
            "Status",
        ],
        &rows,
    )
}

fn feedback(p: &Project, n: &Names) -> Vec<u8> {
    let mut items: Vec<_> = p.feedback.iter().collect();
    items.sort_by_key(|f| (f.date, n.map_order.get(&f.map_id).copied(), f.id));
    let rows: Vec<Vec<Cell>> = items
        .iter()
        .map(|f| {
            vec![
                f.date.to_string().into(),
                f.source.as_str().into(),
                n.map(f.map_id).into(),
                n.stage(f.stage_id).into(),
                f.touchpoint_id.map(|t| n.card(t)).unwrap_or("").into(),
                f.sentiment.into(),
                f.rating.into(),
                f.text.as_str().into(),
            ]
        })
        .collect();
    write_table(&FEEDBACK_HEADERS, &rows)
}
