//! Checks that a project is internally consistent before it is written or accepted from outside:
//! unique ids, references that resolve within the same map, scores in range, bounded text.
//!
//! A whole project is checked against an index of every id; an autosave of a few records checks
//! only those records (and what refers to them) with plain scans, so a one-card edit costs the
//! same in a project of 100 touchpoints or 100,000 pieces of feedback.

use super::touchpoint::{EMOTION_RANGE, SCORE_RANGE};
use super::Redesign;
use super::{
    Changes, Connector, Id, JourneyMap, Lane, Note, Persona, Project, Record, Stage, Story,
    Touchpoint,
};
use super::{
    Comment, CommentTarget, CustomerPeriod, Evidence, EvidenceKind, Feedback, Kpi, Opportunity,
};
use std::collections::{HashMap, HashSet};
use std::fmt::Display;

/// Names a record in a problem ("touchpoint 1b4e…") without formatting anything until a problem
/// is actually reported: validation runs on every autosave, and nearly always finds nothing.
struct Label(&'static str, Id);

impl Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

/// Longest name or title accepted, in characters.
pub const MAX_NAME_CHARS: usize = 1_000;
/// Longest free text (descriptions, notes, stories) accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// Longest phase accepted, in work days (about a year).
pub const MAX_PHASE_DAYS: u32 = 250;
/// Most measurements one KPI keeps (daily values for about 27 years).
pub const MAX_MEASUREMENTS: usize = 10_000;
/// Largest customer count accepted in a period.
pub const MAX_CUSTOMERS: u32 = 1_000_000_000;
/// The most holidays a work calendar holds.
pub const MAX_HOLIDAYS: usize = 10_000;
/// Canvas coordinates and sizes must stay within this magnitude.
pub const MAX_COORDINATE: f64 = 10_000_000.0;
/// Every limit the core enforces that a person can meet while typing or clicking, in one record,
/// so the UI enforces them where the person types (generated into `ui/src/bindings/limitValues.ts`).
#[derive(Debug, Clone, Copy, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Names, titles, labels, owners, channels.
    pub name_chars: u32,
    /// Descriptions, notes, stories.
    pub text_chars: u32,
    pub coordinate: f64,
    pub phase_days: u32,
    pub measurements: u32,
    pub customers: u32,
    pub holidays: u32,
    pub top_touchpoints: u32,
    pub emotion_min: i32,
    pub emotion_max: i32,
    pub score_min: i32,
    pub score_max: i32,
    pub pillar_min: i32,
    pub pillar_max: i32,
}

/// The limits, as [`Limits`] hands them to the UI.
pub const LIMITS: Limits = Limits {
    name_chars: MAX_NAME_CHARS as u32,
    text_chars: MAX_TEXT_CHARS as u32,
    coordinate: MAX_COORDINATE,
    phase_days: MAX_PHASE_DAYS,
    measurements: MAX_MEASUREMENTS as u32,
    customers: MAX_CUSTOMERS,
    holidays: MAX_HOLIDAYS as u32,
    top_touchpoints: super::MAX_TOP_TOUCHPOINTS as u32,
    emotion_min: *EMOTION_RANGE.start(),
    emotion_max: *EMOTION_RANGE.end(),
    score_min: *SCORE_RANGE.start(),
    score_max: *SCORE_RANGE.end(),
    pillar_min: *super::PILLAR_SCORE_RANGE.start(),
    pillar_max: *super::PILLAR_SCORE_RANGE.end(),
};

/// Change sets larger than this are checked as a whole project (an index beats many scans).
const SCAN_LIMIT: usize = 64;

/// Where references are looked up.
trait Lookup {
    fn map(&self, id: Id) -> bool;
    fn persona(&self, id: Id) -> bool;
    /// The map a stage (lane, touchpoint) belongs to.
    fn stage_map(&self, id: Id) -> Option<Id>;
    fn lane_map(&self, id: Id) -> Option<Id>;
    fn touchpoint_map(&self, id: Id) -> Option<Id>;
    /// Whether `map` follows `persona` with a line of its own (one of its other personas).
    fn follows(&self, map: Id, persona: Id) -> bool;
    /// The map a piece of evidence belongs to (a KPI's is its touchpoint's).
    fn evidence_map(&self, e: Evidence) -> Option<Id>;
    fn redesign(&self, id: Id) -> bool;
    fn opportunity_map(&self, id: Id) -> Option<Id>;
    /// What a comment is about, and whether it starts its thread.
    fn comment_thread(&self, id: Id) -> Option<(CommentTarget, Id, bool)>;
}

/// Every id of a project, hashed: for checking a whole project.
struct Index {
    maps: HashSet<Id>,
    /// Each map's other personas (only maps that have some).
    lines: HashMap<Id, Vec<Id>>,
    personas: HashSet<Id>,
    stages: HashMap<Id, Id>,
    lanes: HashMap<Id, Id>,
    touchpoints: HashMap<Id, Id>,
    /// Evidence and redesigns, gathered only when some opportunity needs them.
    evidence: HashMap<(EvidenceKind, Id), Id>,
    redesigns: HashSet<Id>,
    opportunities: HashMap<Id, Id>,
    comments: HashMap<Id, (CommentTarget, Id, bool)>,
}

impl Index {
    fn of(p: &Project) -> Self {
        Index {
            maps: p.maps.iter().map(|m| m.id).collect(),
            lines: p
                .maps
                .iter()
                .filter(|m| !m.other_personas.is_empty())
                .map(|m| (m.id, m.other_personas.clone()))
                .collect(),
            personas: p.personas.iter().map(|x| x.id).collect(),
            stages: p.stages.iter().map(|s| (s.id, s.map_id)).collect(),
            lanes: p.lanes.iter().map(|l| (l.id, l.map_id)).collect(),
            touchpoints: p.touchpoints.iter().map(|t| (t.id, t.map_id)).collect(),
            evidence: HashMap::new(),
            redesigns: HashSet::new(),
            opportunities: p.opportunities.iter().map(|o| (o.id, o.map_id)).collect(),
            comments: p
                .comments
                .iter()
                .map(|c| (c.id, (c.target, c.target_id, c.parent_id.is_none())))
                .collect(),
        }
        .with_evidence(p)
    }

    fn with_evidence(mut self, p: &Project) -> Self {
        let wanted: HashSet<(EvidenceKind, Id)> = p
            .opportunities
            .iter()
            .flat_map(|o| o.evidence.iter().map(|e| (e.kind, e.id)))
            .collect();
        if wanted.is_empty() {
            self.redesigns = p.redesigns.iter().map(|r| r.id).collect();
            return self;
        }
        let touchpoints = &self.touchpoints;
        let found = p
            .notes
            .iter()
            .map(|n| ((EvidenceKind::Note, n.id), Some(n.map_id)))
            .chain(
                p.feedback
                    .iter()
                    .map(|f| ((EvidenceKind::Feedback, f.id), Some(f.map_id))),
            )
            .chain(p.kpis.iter().map(|k| {
                (
                    (EvidenceKind::Kpi, k.id),
                    touchpoints.get(&k.touchpoint_id).copied(),
                )
            }))
            .filter(|(key, _)| wanted.contains(key))
            .filter_map(|(key, map)| map.map(|m| (key, m)))
            .collect();
        self.evidence = found;
        self.redesigns = p.redesigns.iter().map(|r| r.id).collect();
        self
    }
}

impl Lookup for Index {
    fn map(&self, id: Id) -> bool {
        self.maps.contains(&id)
    }
    fn persona(&self, id: Id) -> bool {
        self.personas.contains(&id)
    }
    fn stage_map(&self, id: Id) -> Option<Id> {
        self.stages.get(&id).copied()
    }
    fn lane_map(&self, id: Id) -> Option<Id> {
        self.lanes.get(&id).copied()
    }
    fn touchpoint_map(&self, id: Id) -> Option<Id> {
        self.touchpoints.get(&id).copied()
    }
    fn follows(&self, map: Id, persona: Id) -> bool {
        self.lines.get(&map).is_some_and(|l| l.contains(&persona))
    }
    fn evidence_map(&self, e: Evidence) -> Option<Id> {
        self.evidence.get(&(e.kind, e.id)).copied()
    }
    fn redesign(&self, id: Id) -> bool {
        self.redesigns.contains(&id)
    }
    fn opportunity_map(&self, id: Id) -> Option<Id> {
        self.opportunities.get(&id).copied()
    }
    fn comment_thread(&self, id: Id) -> Option<(CommentTarget, Id, bool)> {
        self.comments.get(&id).copied()
    }
}

/// Plain scans of the project: for checking a few changed records.
struct Scan<'a>(&'a Project);

impl Lookup for Scan<'_> {
    fn map(&self, id: Id) -> bool {
        self.0.maps.iter().any(|m| m.id == id)
    }
    fn persona(&self, id: Id) -> bool {
        self.0.personas.iter().any(|x| x.id == id)
    }
    fn stage_map(&self, id: Id) -> Option<Id> {
        self.0.stages.iter().find(|s| s.id == id).map(|s| s.map_id)
    }
    fn lane_map(&self, id: Id) -> Option<Id> {
        self.0.lanes.iter().find(|l| l.id == id).map(|l| l.map_id)
    }
    fn touchpoint_map(&self, id: Id) -> Option<Id> {
        self.0
            .touchpoints
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.map_id)
    }
    fn follows(&self, map: Id, persona: Id) -> bool {
        self.0
            .maps
            .iter()
            .any(|m| m.id == map && m.other_personas.contains(&persona))
    }
    fn evidence_map(&self, e: Evidence) -> Option<Id> {
        match e.kind {
            EvidenceKind::Note => self.0.notes.iter().find(|n| n.id == e.id).map(|n| n.map_id),
            EvidenceKind::Feedback => self
                .0
                .feedback
                .iter()
                .find(|f| f.id == e.id)
                .map(|f| f.map_id),
            EvidenceKind::Kpi => self
                .0
                .kpis
                .iter()
                .find(|k| k.id == e.id)
                .and_then(|k| self.touchpoint_map(k.touchpoint_id)),
        }
    }
    fn redesign(&self, id: Id) -> bool {
        self.0.redesigns.iter().any(|r| r.id == id)
    }
    fn opportunity_map(&self, id: Id) -> Option<Id> {
        self.0
            .opportunities
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.map_id)
    }
    fn comment_thread(&self, id: Id) -> Option<(CommentTarget, Id, bool)> {
        self.0
            .comments
            .iter()
            .find(|c| c.id == id)
            .map(|c| (c.target, c.target_id, c.parent_id.is_none()))
    }
}

impl Project {
    /// Every problem found, worded for a person; empty when the project is valid.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Problems::default();
        let mut ids = HashSet::new();
        for (kind, id) in self.ids() {
            p.check(ids.insert(id), || format!("{kind} {id}: id is used twice"));
        }
        let look = Index::of(self);
        self.project_wide(&mut p, &look, true);
        self.personas.iter().for_each(|x| check_persona(&mut p, x));
        self.maps.iter().for_each(|x| check_map(&mut p, x, &look));
        self.stages
            .iter()
            .for_each(|x| check_stage(&mut p, x, &look));
        self.lanes.iter().for_each(|x| check_lane(&mut p, x, &look));
        self.touchpoints
            .iter()
            .for_each(|x| check_touchpoint(&mut p, x, &look));
        self.connectors
            .iter()
            .for_each(|x| check_connector(&mut p, x, &look));
        self.notes.iter().for_each(|x| check_note(&mut p, x, &look));
        self.stories
            .iter()
            .for_each(|x| check_story(&mut p, x, &look));
        self.redesigns
            .iter()
            .for_each(|x| check_redesign(&mut p, x, &look));
        self.kpis.iter().for_each(|x| check_kpi(&mut p, x, &look));
        self.feedback
            .iter()
            .for_each(|x| check_feedback(&mut p, x, &look));
        self.customer_periods
            .iter()
            .for_each(|x| check_period(&mut p, x));
        self.opportunities
            .iter()
            .for_each(|x| check_opportunity(&mut p, x, &look));
        self.comments
            .iter()
            .for_each(|x| check_comment(&mut p, x, &look));
        let mut pictured = HashSet::new();
        for pic in &self.pictures {
            check_picture(&mut p, pic, &look);
            p.check(pictured.insert(pic.touchpoint_id), || {
                format!("touchpoint {} has two pictures", pic.touchpoint_id)
            });
        }
        p.0
    }

    /// The problems `changes` brought into this project (which has them applied): only the
    /// records they put, and what refers to them, are checked. Records that others hang off
    /// (maps, stages, lanes, personas) and large change sets get the whole-project check.
    pub fn problems_after(&self, changes: &Changes) -> Vec<String> {
        if whole_check(changes) {
            return self.problems();
        }
        let mut p = Problems::default();
        let look = Scan(self);
        let once = |p: &mut Problems, kind: &str, id: Id| {
            let n = self.ids().filter(|(_, x)| *x == id).count();
            p.check(n <= 1, || format!("{kind} {id}: id is used twice"));
        };
        // The record as it stands now: a later put or a delete in the same set wins.
        fn now<T>(items: &[T], id: Id, key: impl Fn(&T) -> Id) -> Option<&T> {
            items.iter().find(|x| key(x) == id)
        }
        let calendar = changes.put.iter().any(|r| matches!(r, Record::Calendar(_)));
        self.project_wide(&mut p, &look, calendar);
        for r in &changes.put {
            match r {
                Record::Touchpoint(x) => {
                    if let Some(t) = now(&self.touchpoints, x.id, |t| t.id) {
                        once(&mut p, "touchpoint", t.id);
                        check_touchpoint(&mut p, t, &look);
                        // What refers to it must still be on its map.
                        for c in self
                            .connectors
                            .iter()
                            .filter(|c| c.from_id == t.id || c.to_id == t.id)
                        {
                            check_connector(&mut p, c, &look);
                        }
                        for f in self
                            .feedback
                            .iter()
                            .filter(|f| f.touchpoint_id == Some(t.id))
                        {
                            check_feedback(&mut p, f, &look);
                        }
                    }
                }
                Record::Connector(x) => {
                    if let Some(c) = now(&self.connectors, x.id, |c| c.id) {
                        once(&mut p, "connector", c.id);
                        check_connector(&mut p, c, &look);
                    }
                }
                Record::Note(x) => {
                    if let Some(n) = now(&self.notes, x.id, |n| n.id) {
                        once(&mut p, "note", n.id);
                        check_note(&mut p, n, &look);
                    }
                }
                Record::Story(x) => {
                    if let Some(s) = now(&self.stories, x.id, |s| s.id) {
                        once(&mut p, "story", s.id);
                        check_story(&mut p, s, &look);
                    }
                }
                Record::Redesign(x) => {
                    if let Some(r) = now(&self.redesigns, x.id, |r| r.id) {
                        once(&mut p, "redesign", r.id);
                        check_redesign(&mut p, r, &look);
                    }
                }
                Record::Kpi(x) => {
                    if let Some(k) = now(&self.kpis, x.id, |k| k.id) {
                        once(&mut p, "KPI", k.id);
                        check_kpi(&mut p, k, &look);
                    }
                }
                Record::Feedback(x) => {
                    if let Some(f) = now(&self.feedback, x.id, |f| f.id) {
                        once(&mut p, "feedback", f.id);
                        check_feedback(&mut p, f, &look);
                    }
                }
                Record::CustomerPeriod(x) => {
                    if let Some(c) = now(&self.customer_periods, x.id, |c| c.id) {
                        once(&mut p, "customer period", c.id);
                        check_period(&mut p, c);
                    }
                }
                Record::Opportunity(x) => {
                    if let Some(o) = now(&self.opportunities, x.id, |o| o.id) {
                        once(&mut p, "opportunity", o.id);
                        check_opportunity(&mut p, o, &look);
                    }
                }
                Record::Comment(x) => {
                    if let Some(c) = now(&self.comments, x.id, |c| c.id) {
                        once(&mut p, "comment", c.id);
                        check_comment(&mut p, c, &look);
                    }
                }
                Record::Picture(x) => {
                    if let Some(pic) = now(&self.pictures, x.id, |c| c.id) {
                        once(&mut p, "picture", pic.id);
                        check_picture(&mut p, pic, &look);
                        let on_card = self
                            .pictures
                            .iter()
                            .filter(|o| o.touchpoint_id == pic.touchpoint_id)
                            .count();
                        p.check(on_card == 1, || {
                            format!("touchpoint {} has two pictures", pic.touchpoint_id)
                        });
                    }
                }
                // Checked by `project_wide` (the info, calendar, template, top list and pillars
                // are small) or routed to the whole-project check above.
                Record::Info(_)
                | Record::Calendar(_)
                | Record::Template(_)
                | Record::TopTouchpoints(_)
                | Record::Pillars(_)
                | Record::Persona(_)
                | Record::Map(_)
                | Record::Stage(_)
                | Record::Lane(_) => {}
            }
        }
        p.0
    }

    /// Every record's kind and id.
    pub(crate) fn ids(&self) -> impl Iterator<Item = (&'static str, Id)> + '_ {
        let of = |kind: &'static str, ids: Vec<Id>| ids.into_iter().map(move |id| (kind, id));
        of("persona", self.personas.iter().map(|x| x.id).collect())
            .chain(of("map", self.maps.iter().map(|x| x.id).collect()))
            .chain(of("stage", self.stages.iter().map(|x| x.id).collect()))
            .chain(of("lane", self.lanes.iter().map(|x| x.id).collect()))
            .chain(of(
                "touchpoint",
                self.touchpoints.iter().map(|x| x.id).collect(),
            ))
            .chain(of(
                "connector",
                self.connectors.iter().map(|x| x.id).collect(),
            ))
            .chain(of("note", self.notes.iter().map(|x| x.id).collect()))
            .chain(of("story", self.stories.iter().map(|x| x.id).collect()))
            .chain(of(
                "redesign",
                self.redesigns.iter().map(|x| x.id).collect(),
            ))
            .chain(of("KPI", self.kpis.iter().map(|x| x.id).collect()))
            .chain(of("feedback", self.feedback.iter().map(|x| x.id).collect()))
            .chain(of(
                "customer period",
                self.customer_periods.iter().map(|x| x.id).collect(),
            ))
            .chain(of(
                "opportunity",
                self.opportunities.iter().map(|x| x.id).collect(),
            ))
            .chain(of("comment", self.comments.iter().map(|x| x.id).collect()))
            .chain(of("picture", self.pictures.iter().map(|x| x.id).collect()))
    }

    /// The project's own statements, calendar, template, top list and pillars (small, so always
    /// checked whole). `holidays` can be skipped when the calendar did not change.
    fn project_wide(&self, p: &mut Problems, look: &impl Lookup, holidays: bool) {
        use super::{MAX_TOP_TOUCHPOINTS, PILLAR_SCORE_RANGE};
        p.name(&"project name", &self.info.name, true);
        p.text(&"intent statement", &self.info.intent_statement);
        p.text(&"brand promise", &self.info.brand_promise);
        p.text(&"target customers", &self.info.target_customers);
        let info = &self.info;
        p.name(&"organisation", &info.organisation, false);
        p.name(&"prepared for", &info.prepared_for, false);
        p.name(&"report author", &info.report.author, false);
        p.check(
            super::parse_accent(&info.accent).as_deref() == Some(info.accent.as_str()),
            || {
                format!(
                    "the accent colour {:?} must be #rrggbb in lower case, or empty",
                    info.accent
                )
            },
        );
        p.check(info.logo.as_ref().is_none_or(|l| l.is_consistent()), || {
            format!(
                "the logo must be a PNG or SVG image of at most {} KB",
                super::MAX_LOGO_BYTES / 1024
            )
        });
        let template: Vec<(&str, u32)> = self
            .redesign_template
            .iter()
            .map(|t| (t.name.as_str(), t.days))
            .collect();
        phases_ok(p, &"redesign template", &template);
        p.check(self.calendar.holidays.len() <= MAX_HOLIDAYS, || {
            format!("more than {MAX_HOLIDAYS} holidays")
        });
        if holidays {
            for (date, name) in &self.calendar.holidays {
                p.name(&format!("holiday {date}"), name, false);
            }
        }
        p.check(self.top_touchpoints.len() <= MAX_TOP_TOUCHPOINTS, || {
            format!(
                "{} top touchpoints chosen; keep to the {MAX_TOP_TOUCHPOINTS} that matter most",
                self.top_touchpoints.len()
            )
        });
        let mut seen = HashSet::new();
        for t in &self.top_touchpoints {
            p.check(look.touchpoint_map(*t).is_some(), || {
                format!("top touchpoint {t} does not exist")
            });
            p.check(seen.insert(*t), || {
                format!("top touchpoint {t} is listed twice")
            });
        }
        let mut pillars = HashSet::new();
        for s in &self.pillars {
            p.check(pillars.insert(s.pillar), || {
                format!("pillar {} is assessed twice", s.pillar.label())
            });
            if let Some(score) = s.score {
                p.check(PILLAR_SCORE_RANGE.contains(&score), || {
                    format!("pillar {}: score {score} is outside 1..5", s.pillar.label())
                });
            }
            p.text(&s.pillar.label(), &s.notes);
        }
    }

    /// `Ok` when [`Project::problems`] finds nothing.
    pub fn validate(&self) -> crate::Result<()> {
        into_result(self.problems())
    }

    /// Whether applying `changes` to this project, or checking it after, looks at its feedback:
    /// any deletion (it may cascade to feedback or to what feedback names), feedback or an
    /// opportunity (its evidence) put, a card moved to another map (its feedback must follow),
    /// and every change set checked as a whole. A project whose feedback is left in its file
    /// (see `storage::ProjectFile`) reads it back first; for any other change set the
    /// feedback cannot change, nor make the change valid or not.
    pub fn feedback_bears_on(&self, changes: &Changes) -> bool {
        !changes.delete.is_empty()
            || whole_check(changes)
            || changes.put.iter().any(|r| match r {
                Record::Feedback(_) | Record::Opportunity(_) => true,
                // Canonical order: cards by id.
                Record::Touchpoint(t) => self
                    .touchpoints
                    .binary_search_by_key(&t.id, |old| old.id)
                    .is_ok_and(|i| self.touchpoints[i].map_id != t.map_id),
                _ => false,
            })
    }

    /// `Ok` when [`Project::problems_after`] finds nothing.
    pub fn validate_after(&self, changes: &Changes) -> crate::Result<()> {
        into_result(self.problems_after(changes))
    }
}

/// Whether [`Project::problems_after`] checks the whole project after `changes`: records others
/// hang off (maps, stages, lanes, personas) were put, or too many records to check one by one.
fn whole_check(changes: &Changes) -> bool {
    changes.put.len() > SCAN_LIMIT
        || changes.put.iter().any(|r| {
            matches!(
                r,
                Record::Persona(_) | Record::Map(_) | Record::Stage(_) | Record::Lane(_)
            )
        })
}

fn into_result(problems: Vec<String>) -> crate::Result<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(crate::Error::InvalidProject(problems))
    }
}

fn in_map(found: Option<Id>, map: Id) -> bool {
    found == Some(map)
}

fn phases_ok(p: &mut Problems, what: &dyn Display, phases: &[(&str, u32)]) {
    p.check(!phases.is_empty(), || {
        format!("{what}: at least one phase is needed")
    });
    for (name, days) in phases {
        p.name(what, name, true);
        p.check((1..=MAX_PHASE_DAYS).contains(days), || {
            format!("{what}: phase \"{name}\" lasts {days} days (1 to {MAX_PHASE_DAYS})")
        });
    }
}

fn check_persona(p: &mut Problems, x: &Persona) {
    let what = Label("persona", x.id);
    p.name(&what, &x.name, true);
    p.text(&what, &x.description);
    p.text(&what, &x.goals);
    if let Some(why) = x
        .picture
        .as_ref()
        .and_then(|pic| pic.problem(super::PictureFit::PORTRAIT))
    {
        p.check(false, || format!("{what}: its picture is refused: {why}"));
    }
}

fn check_map(p: &mut Problems, m: &JourneyMap, look: &impl Lookup) {
    let what = Label("map", m.id);
    p.name(&what, &m.name, true);
    p.text(&what, &m.description);
    if let Some(persona) = m.persona_id {
        p.check(look.persona(persona), || {
            format!("{what}: persona {persona} does not exist")
        });
    }
    p.check(m.other_personas.len() < super::MAX_PERSONA_LINES, || {
        format!(
            "{what}: a map follows at most {} personas",
            super::MAX_PERSONA_LINES
        )
    });
    let mut seen = HashSet::new();
    for persona in &m.other_personas {
        p.check(look.persona(*persona), || {
            format!("{what}: persona {persona} does not exist")
        });
        p.check(
            seen.insert(*persona) && m.persona_id != Some(*persona),
            || format!("{what}: persona {persona} has two lines"),
        );
    }
}

fn check_stage(p: &mut Problems, s: &Stage, look: &impl Lookup) {
    let what = Label("stage", s.id);
    p.check(look.map(s.map_id), || {
        format!("{what}: map {} does not exist", s.map_id)
    });
    p.name(&what, &s.name, true);
    p.text(&what, &s.description);
    p.size(&what, s.width);
    if let Some(r) = s.room_rating {
        p.check(
            r.count > 0
                && -2 <= r.low
                && r.low <= r.high
                && r.high <= 2
                && (f64::from(r.low)..=f64::from(r.high)).contains(&r.mean),
            || format!("{what}: the room's rating is not a set of ratings from −2 to +2"),
        );
    }
}

fn check_lane(p: &mut Problems, l: &Lane, look: &impl Lookup) {
    let what = Label("lane", l.id);
    p.check(look.map(l.map_id), || {
        format!("{what}: map {} does not exist", l.map_id)
    });
    p.name(&what, &l.name, true);
    p.size(&what, l.height);
}

fn check_touchpoint(p: &mut Problems, t: &Touchpoint, look: &impl Lookup) {
    let what = Label("touchpoint", t.id);
    p.check(in_map(look.stage_map(t.stage_id), t.map_id), || {
        format!(
            "{what}: stage {} is not a stage of map {}",
            t.stage_id, t.map_id
        )
    });
    p.check(in_map(look.lane_map(t.lane_id), t.map_id), || {
        format!(
            "{what}: lane {} is not a lane of map {}",
            t.lane_id, t.map_id
        )
    });
    p.name(&what, &t.title, true);
    p.name(&what, &t.channel, false);
    p.name(&what, &t.owner, false);
    p.text(&what, &t.description);
    p.text(&what, &t.moment_of_truth_note);
    p.coordinate(&what, t.x);
    p.coordinate(&what, t.y);
    p.size(&what, t.width);
    p.size(&what, t.height);
    p.check(EMOTION_RANGE.contains(&t.emotion), || {
        format!("{what}: emotion {} is outside −3..+3", t.emotion)
    });
    let mut seen = HashSet::new();
    for f in &t.feelings {
        p.check(EMOTION_RANGE.contains(&f.emotion), || {
            format!("{what}: emotion {} is outside −3..+3", f.emotion)
        });
        p.check(
            seen.insert(f.persona_id) && look.follows(t.map_id, f.persona_id),
            || {
                format!(
                    "{what}: persona {} is not followed by map {} (or is listed twice)",
                    f.persona_id, t.map_id
                )
            },
        );
    }
    p.check(SCORE_RANGE.contains(&t.expectation), || {
        format!("{what}: expectation {} is outside 1..5", t.expectation)
    });
    p.check(SCORE_RANGE.contains(&t.performance), || {
        format!("{what}: performance {} is outside 1..5", t.performance)
    });
}

fn check_connector(p: &mut Problems, c: &Connector, look: &impl Lookup) {
    let what = Label("connector", c.id);
    for end in [c.from_id, c.to_id] {
        p.check(in_map(look.touchpoint_map(end), c.map_id), || {
            format!(
                "{what}: touchpoint {end} is not a touchpoint of map {}",
                c.map_id
            )
        });
    }
    p.check(c.from_id != c.to_id, || {
        format!("{what}: connects a touchpoint to itself")
    });
    p.name(&what, &c.label, false);
}

fn check_note(p: &mut Problems, n: &Note, look: &impl Lookup) {
    let what = Label("note", n.id);
    p.check(look.map(n.map_id), || {
        format!("{what}: map {} does not exist", n.map_id)
    });
    if let Some(stage) = n.stage_id {
        p.check(in_map(look.stage_map(stage), n.map_id), || {
            format!("{what}: stage {stage} is not a stage of map {}", n.map_id)
        });
    }
    if let Some(lane) = n.lane_id {
        p.check(in_map(look.lane_map(lane), n.map_id), || {
            format!("{what}: lane {lane} is not a lane of map {}", n.map_id)
        });
    }
    p.text(&what, &n.text);
    p.name(&what, &n.color, true);
    p.name(&what, &n.author, false);
    p.coordinate(&what, n.x);
    p.coordinate(&what, n.y);
    p.size(&what, n.width);
    p.size(&what, n.height);
}

fn check_story(p: &mut Problems, s: &Story, look: &impl Lookup) {
    let what = Label("story", s.id);
    p.check(in_map(look.stage_map(s.stage_id), s.map_id), || {
        format!(
            "{what}: stage {} is not a stage of map {}",
            s.stage_id, s.map_id
        )
    });
    if let Some(persona) = s.persona_id {
        p.check(look.persona(persona), || {
            format!("{what}: persona {persona} does not exist")
        });
    }
    p.name(&what, &s.title, true);
    p.text(&what, &s.text);
}

fn check_redesign(p: &mut Problems, r: &Redesign, look: &impl Lookup) {
    use super::PhaseStatus;
    let what = Label("redesign", r.id);
    p.check(look.touchpoint_map(r.touchpoint_id).is_some(), || {
        format!("{what}: touchpoint {} does not exist", r.touchpoint_id)
    });
    p.name(&what, &r.title, true);
    p.text(&what, &r.description);
    let phases: Vec<(&str, u32)> = r.phases.iter().map(|x| (x.name.as_str(), x.days)).collect();
    phases_ok(p, &what, &phases);
    for (i, ph) in r.phases.iter().enumerate() {
        let dated = match ph.status {
            PhaseStatus::NotStarted => ph.actual_start.is_none() && ph.actual_end.is_none(),
            PhaseStatus::InProgress | PhaseStatus::Waiting => {
                ph.actual_start.is_some() && ph.actual_end.is_none()
            }
            PhaseStatus::Done => {
                matches!((ph.actual_start, ph.actual_end), (Some(s), Some(e)) if s <= e)
            }
        };
        p.check(dated, || {
            format!(
                "{what}: phase \"{}\" is {} but its dates say otherwise",
                ph.name,
                ph.status.label()
            )
        });
        let before_done = r.phases[..i].iter().all(|x| x.status == PhaseStatus::Done);
        p.check(ph.status == PhaseStatus::NotStarted || before_done, || {
            format!(
                "{what}: phase \"{}\" has started before the phases ahead of it are done",
                ph.name
            )
        });
        p.name(&what, &ph.owner, false);
        p.text(&what, &ph.notes);
    }
    p.check(r.history.len() <= 10_000, || {
        format!("{what}: history too long")
    });
    let q = &r.proposal;
    for text in [
        &q.problem,
        &q.change,
        &q.steps,
        &q.cost,
        &q.employees,
        &q.effect,
        &q.decision,
    ] {
        p.text(&what, text);
    }
    p.name(&what, &q.owner, false);
    p.check(r.responses.len() <= 1_000, || {
        format!("{what}: too many corporate responses")
    });
    for a in &r.responses {
        p.name(&what, &a.by, false);
        p.text(&what, &a.comment);
    }
}

/// The most touchpoints or pieces of evidence one opportunity links to.
pub const MAX_OPPORTUNITY_LINKS: usize = 500;

fn check_opportunity(p: &mut Problems, o: &Opportunity, look: &impl Lookup) {
    use super::OPPORTUNITY_SCORE_RANGE as RANGE;
    let what = Label("opportunity", o.id);
    p.check(look.map(o.map_id), || {
        format!("{what}: map {} does not exist", o.map_id)
    });
    if let Some(stage) = o.stage_id {
        p.check(in_map(look.stage_map(stage), o.map_id), || {
            format!("{what}: stage {stage} is not a stage of map {}", o.map_id)
        });
    }
    p.name(&what, &o.title, true);
    p.text(&what, &o.description);
    p.name(&what, &o.raised_by, false);
    p.check(
        RANGE.contains(&o.value) && RANGE.contains(&o.effort),
        || format!("{what}: value and effort are scored 1 to 5"),
    );
    p.check(
        o.touchpoint_ids.len() <= MAX_OPPORTUNITY_LINKS
            && o.evidence.len() <= MAX_OPPORTUNITY_LINKS,
        || format!("{what}: more than {MAX_OPPORTUNITY_LINKS} links"),
    );
    let mut seen = HashSet::new();
    for t in &o.touchpoint_ids {
        p.check(seen.insert(*t), || {
            format!("{what}: touchpoint {t} listed twice")
        });
        p.check(in_map(look.touchpoint_map(*t), o.map_id), || {
            format!(
                "{what}: touchpoint {t} is not a touchpoint of map {}",
                o.map_id
            )
        });
    }
    let mut seen = HashSet::new();
    for e in &o.evidence {
        p.check(seen.insert(*e), || {
            format!("{what}: {} {} listed twice", e.kind.as_str(), e.id)
        });
        p.check(in_map(look.evidence_map(*e), o.map_id), || {
            format!(
                "{what}: evidence {} {} is not on map {}",
                e.kind.as_str(),
                e.id,
                o.map_id
            )
        });
    }
    if let Some(r) = o.redesign_id {
        p.check(look.redesign(r), || {
            format!("{what}: redesign {r} does not exist")
        });
    }
}

fn check_comment(p: &mut Problems, c: &Comment, look: &impl Lookup) {
    use chrono::Timelike;
    let what = Label("comment", c.id);
    let on = match c.target {
        CommentTarget::Touchpoint => look.touchpoint_map(c.target_id),
        CommentTarget::Note => look.evidence_map(Evidence {
            kind: EvidenceKind::Note,
            id: c.target_id,
        }),
        CommentTarget::Opportunity => look.opportunity_map(c.target_id),
    };
    p.check(in_map(on, c.map_id), || {
        format!(
            "{what}: {} {} is not on map {}",
            c.target.as_str(),
            c.target_id,
            c.map_id
        )
    });
    if let Some(parent) = c.parent_id {
        p.check(
            look.comment_thread(parent) == Some((c.target, c.target_id, true)),
            || format!("{what}: comment {parent} does not start a thread on the same item"),
        );
        p.check(!c.resolved, || {
            format!("{what}: only a thread's first comment is resolved")
        });
    }
    p.name(&what, &c.author, false);
    p.text(&what, &c.text);
    p.check(!c.text.trim().is_empty(), || {
        format!("{what}: a comment says something")
    });
    p.check(c.created.nanosecond() == 0, || {
        format!("{what}: the time is kept to the second")
    });
}

fn check_picture(p: &mut Problems, pic: &super::Picture, look: &impl Lookup) {
    let what = Label("picture", pic.id);
    p.check(
        in_map(look.touchpoint_map(pic.touchpoint_id), pic.map_id),
        || {
            format!(
                "{what}: touchpoint {} is not a touchpoint of map {}",
                pic.touchpoint_id, pic.map_id
            )
        },
    );
    if let Some(problem) = pic.problem() {
        p.check(false, || format!("{what}: {problem}"));
    }
}

fn check_kpi(p: &mut Problems, k: &Kpi, look: &impl Lookup) {
    let what = Label("KPI", k.id);
    p.check(look.touchpoint_map(k.touchpoint_id).is_some(), || {
        format!("{what}: touchpoint {} does not exist", k.touchpoint_id)
    });
    p.name(&what, &k.name, true);
    p.name(&what, &k.unit, false);
    p.check(k.target.is_finite(), || {
        format!("{what}: the target must be a number")
    });
    p.check(k.tolerance.is_finite() && k.tolerance >= 0.0, || {
        format!("{what}: the tolerance must be zero or more")
    });
    p.check(k.measurements.len() <= MAX_MEASUREMENTS, || {
        format!("{what}: more than {MAX_MEASUREMENTS} measurements")
    });
    p.check(k.measurements.iter().all(|m| m.value.is_finite()), || {
        format!("{what}: a measured value is not a number")
    });
}

fn check_feedback(p: &mut Problems, f: &Feedback, look: &impl Lookup) {
    use super::{RATING_RANGE, SENTIMENT_RANGE};
    let what = Label("feedback", f.id);
    p.check(in_map(look.stage_map(f.stage_id), f.map_id), || {
        format!(
            "{what}: stage {} is not a stage of map {}",
            f.stage_id, f.map_id
        )
    });
    if let Some(t) = f.touchpoint_id {
        p.check(in_map(look.touchpoint_map(t), f.map_id), || {
            format!(
                "{what}: touchpoint {t} is not a touchpoint of map {}",
                f.map_id
            )
        });
    }
    p.text(&what, &f.text);
    p.check(SENTIMENT_RANGE.contains(&f.sentiment), || {
        format!("{what}: sentiment {} is outside −2..+2", f.sentiment)
    });
    if let Some(r) = f.rating {
        p.check(RATING_RANGE.contains(&r), || {
            format!("{what}: rating {r} is outside 0..10")
        });
    }
}

fn check_period(p: &mut Problems, c: &CustomerPeriod) {
    let what = Label("customer period", c.id);
    p.name(&what, &c.label, true);
    let counts = [c.gained, c.lost, c.customers_at_start.unwrap_or(0)];
    p.check(counts.iter().all(|n| *n <= MAX_CUSTOMERS), || {
        format!("{what}: counts above {MAX_CUSTOMERS} are not accepted")
    });
    p.check(c.reasons.len() <= 1_000, || {
        format!("{what}: too many reasons")
    });
    for r in &c.reasons {
        p.name(&what, &r.reason, true);
        p.check(r.count <= MAX_CUSTOMERS, || {
            format!("{what}: counts above {MAX_CUSTOMERS} are not accepted")
        });
    }
}

#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn push(&mut self, problem: String) {
        self.0.push(problem);
    }

    fn check(&mut self, ok: bool, problem: impl FnOnce() -> String) {
        if !ok {
            self.0.push(problem());
        }
    }

    fn name(&mut self, what: &dyn Display, value: &str, required: bool) {
        if required && value.trim().is_empty() {
            self.push(format!("{what}: a name is required"));
        }
        if value.chars().count() > MAX_NAME_CHARS {
            self.push(format!("{what}: longer than {MAX_NAME_CHARS} characters"));
        }
    }

    fn text(&mut self, what: &dyn Display, value: &str) {
        if value.chars().count() > MAX_TEXT_CHARS {
            self.push(format!(
                "{what}: text longer than {MAX_TEXT_CHARS} characters"
            ));
        }
    }

    fn coordinate(&mut self, what: &dyn Display, v: f64) {
        if !(v.is_finite() && v.abs() <= MAX_COORDINATE) {
            self.push(format!("{what}: coordinate {v} is out of range"));
        }
    }

    fn size(&mut self, what: &dyn Display, v: f64) {
        if !(v.is_finite() && v > 0.0 && v <= MAX_COORDINATE) {
            self.push(format!("{what}: size {v} must be positive and finite"));
        }
    }
}
