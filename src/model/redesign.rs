//! The records of the redesign tracker: a redesign's phases and their history, the work calendar
//! and the phase template. Scheduling and status arithmetic live in `workflow`.

use super::Id;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PhaseStatus {
    NotStarted,
    InProgress,
    Waiting,
    Done,
}

impl PhaseStatus {
    pub const ALL: [PhaseStatus; 4] = [
        Self::NotStarted,
        Self::InProgress,
        Self::Waiting,
        Self::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotStarted => "notStarted",
            Self::InProgress => "inProgress",
            Self::Waiting => "waiting",
            Self::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "not started",
            Self::InProgress => "in progress",
            Self::Waiting => "waiting",
            Self::Done => "done",
        }
    }
}

/// One phase of a redesign as it is being worked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    pub name: String,
    /// Planned duration in work days.
    pub days: u32,
    pub status: PhaseStatus,
    #[ts(type = "string | null")]
    #[serde(default)]
    pub actual_start: Option<NaiveDate>,
    #[ts(type = "string | null")]
    #[serde(default)]
    pub actual_end: Option<NaiveDate>,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub notes: String,
}

/// A change of a phase's status, kept as the redesign's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub phase: u32,
    pub from: PhaseStatus,
    pub to: PhaseStatus,
    #[serde(default)]
    pub note: String,
}

/// A redesign of one touchpoint (and, through it, of its stage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Redesign {
    pub id: Id,
    pub touchpoint_id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The planned start; day 1 is this date or the next work day.
    #[ts(type = "string")]
    pub start: NaiveDate,
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub history: Vec<StatusChange>,
    /// What the designer proposes to corporate, written during the first two phases.
    #[serde(default)]
    pub proposal: Proposal,
    /// Corporate's answers, oldest first (a proposal sent back can be answered again).
    #[serde(default)]
    pub responses: Vec<CorporateResponse>,
    /// The day a rejection ended the redesign; it stays in the tracker's history.
    #[ts(type = "string | null")]
    #[serde(default)]
    pub ended_on: Option<NaiveDate>,
}

/// The proposal a redesign sends to corporate (seed 001: "propose the change and how to
/// execute it; send the proposal to corporate"). The evidence (the touchpoint's reliability and
/// gap, its KPIs, feedback on its stage) comes from the project when it is printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Proposal {
    /// The problem in the designer's words.
    pub problem: String,
    /// The change proposed.
    pub change: String,
    /// How it will be executed: one step per line.
    pub steps: String,
    /// Who carries it out.
    pub owner: String,
    /// What it costs, in money or effort.
    pub cost: String,
    /// What changes for employees.
    pub employees: String,
    /// The effect expected, and on which KPI.
    pub effect: String,
    #[ts(type = "string | null")]
    pub effect_kpi_id: Option<Id>,
    /// The decision asked of corporate.
    pub decision: String,
}

/// Corporate's decision on a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    Approved,
    /// Approved with changes.
    Changes,
    Rejected,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Self::Approved, Self::Changes, Self::Rejected];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Changes => "changes",
            Self::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Changes => "approved with changes",
            Self::Rejected => "rejected",
        }
    }
}

/// One answer from corporate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CorporateResponse {
    pub decision: Decision,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Who answered for corporate.
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub comment: String,
}

impl CorporateResponse {
    /// The answer in one line: "approved with changes on 2026-11-13 by COO: “Trial first”".
    pub fn summary(&self) -> String {
        let mut out = format!("{} on {}", self.decision.label(), self.date);
        if !self.by.trim().is_empty() {
            out.push_str(&format!(" by {}", self.by.trim()));
        }
        if !self.comment.trim().is_empty() {
            out.push_str(&format!(": “{}”", self.comment.trim()));
        }
        out
    }
}

/// Seven flags, Monday first; `true` is a work day. Written as seven characters of `1`/`0`
/// (numpy's busday convention), e.g. `1111100` for Monday–Friday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekmask(pub [bool; 7]);

impl Weekmask {
    pub const MONDAY_TO_FRIDAY: Weekmask = Weekmask([true, true, true, true, true, false, false]);
    pub const SUNDAY_TO_THURSDAY: Weekmask = Weekmask([true, true, true, true, false, false, true]);

    pub fn parse(s: &str) -> Option<Self> {
        let chars: Vec<char> = s.trim().chars().collect();
        if chars.len() != 7 || chars.iter().any(|c| *c != '0' && *c != '1') {
            return None;
        }
        let mut days = [false; 7];
        for (d, c) in days.iter_mut().zip(&chars) {
            *d = *c == '1';
        }
        days.iter().any(|d| *d).then_some(Weekmask(days))
    }

    pub fn works(&self, date: NaiveDate) -> bool {
        self.0[date.weekday().num_days_from_monday() as usize]
    }

    pub fn work_days_per_week(&self) -> u32 {
        self.0.iter().filter(|d| **d).count() as u32
    }
}

impl std::fmt::Display for Weekmask {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for d in self.0 {
            f.write_str(if d { "1" } else { "0" })?;
        }
        Ok(())
    }
}

impl Serialize for Weekmask {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Weekmask {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Weekmask::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "weekmask {s:?} must be seven 0/1 characters, Monday first, with a work day"
            ))
        })
    }
}

impl TS for Weekmask {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }
    fn inline(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }
}

/// A project's working days. Invariant: the weekmask has at least one work day, so every
/// search for a next work day ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkCalendar {
    #[ts(type = "string")]
    pub weekmask: Weekmask,
    /// Holiday dates (ISO `YYYY-MM-DD`) and their names.
    #[serde(default)]
    #[ts(type = "Record<string, string>")]
    pub holidays: BTreeMap<NaiveDate, String>,
}

impl Default for WorkCalendar {
    fn default() -> Self {
        Self {
            weekmask: Weekmask::MONDAY_TO_FRIDAY,
            holidays: BTreeMap::new(),
        }
    }
}

/// One phase of a redesign template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhaseTemplate {
    pub name: String,
    /// Duration in work days (at least 1).
    pub days: u32,
}

/// The default 20-work-day redesign: brainstorm; propose the change and how to execute it; send
/// the proposal to corporate; get the response; put it into motion.
pub const DEFAULT_TEMPLATE: [(&str, u32); 5] = [
    ("Brainstorm", 5),
    ("Propose change & execution methods", 5),
    ("Send proposal to corporate", 1),
    ("Corporate response", 4),
    ("Put into motion", 5),
];

impl PhaseTemplate {
    pub fn default_template() -> Vec<PhaseTemplate> {
        DEFAULT_TEMPLATE
            .iter()
            .map(|(n, d)| PhaseTemplate {
                name: (*n).into(),
                days: *d,
            })
            .collect()
    }
}
