//! Checks that a project is internally consistent before it is written or accepted from outside:
//! unique ids, references that resolve within the same map, scores in range, bounded text.

use super::touchpoint::{EMOTION_RANGE, SCORE_RANGE};
use super::{Id, Project};
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
/// Canvas coordinates and sizes must stay within this magnitude.
pub const MAX_COORDINATE: f64 = 10_000_000.0;

impl Project {
    /// Every problem found, worded for a person; empty when the project is valid.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Problems::default();
        let mut ids = HashSet::new();
        let mut unique = |p: &mut Problems, kind: &str, id: Id| {
            if !ids.insert(id) {
                p.push(format!("{kind} {id}: id is used twice"));
            }
        };

        p.name(&"project name", &self.info.name, true);
        p.text(&"intent statement", &self.info.intent_statement);
        p.text(&"brand promise", &self.info.brand_promise);
        p.text(&"target customers", &self.info.target_customers);

        let personas: HashSet<Id> = self.personas.iter().map(|x| x.id).collect();
        for x in &self.personas {
            unique(&mut p, "persona", x.id);
            p.name(&format!("persona {}", x.id), &x.name, true);
            p.text(&format!("persona {}", x.id), &x.description);
            p.text(&format!("persona {}", x.id), &x.goals);
        }

        let maps: HashSet<Id> = self.maps.iter().map(|m| m.id).collect();
        for m in &self.maps {
            unique(&mut p, "map", m.id);
            p.name(&format!("map {}", m.id), &m.name, true);
            p.text(&format!("map {}", m.id), &m.description);
            if let Some(persona) = m.persona_id {
                p.check(personas.contains(&persona), || {
                    format!("map {}: persona {persona} does not exist", m.id)
                });
            }
        }

        let stage_map: HashMap<Id, Id> = self.stages.iter().map(|s| (s.id, s.map_id)).collect();
        let lane_map: HashMap<Id, Id> = self.lanes.iter().map(|l| (l.id, l.map_id)).collect();
        let touchpoint_map: HashMap<Id, Id> =
            self.touchpoints.iter().map(|t| (t.id, t.map_id)).collect();
        let in_map = |index: &HashMap<Id, Id>, id: Id, map: Id| index.get(&id) == Some(&map);

        for s in &self.stages {
            let what = Label("stage", s.id);
            unique(&mut p, "stage", s.id);
            p.check(maps.contains(&s.map_id), || {
                format!("{what}: map {} does not exist", s.map_id)
            });
            p.name(&what, &s.name, true);
            p.text(&what, &s.description);
            p.size(&what, s.width);
        }
        for l in &self.lanes {
            let what = Label("lane", l.id);
            unique(&mut p, "lane", l.id);
            p.check(maps.contains(&l.map_id), || {
                format!("{what}: map {} does not exist", l.map_id)
            });
            p.name(&what, &l.name, true);
            p.size(&what, l.height);
        }
        for t in &self.touchpoints {
            let what = Label("touchpoint", t.id);
            unique(&mut p, "touchpoint", t.id);
            p.check(in_map(&stage_map, t.stage_id, t.map_id), || {
                format!(
                    "{what}: stage {} is not a stage of map {}",
                    t.stage_id, t.map_id
                )
            });
            p.check(in_map(&lane_map, t.lane_id, t.map_id), || {
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
            p.check(SCORE_RANGE.contains(&t.expectation), || {
                format!("{what}: expectation {} is outside 1..5", t.expectation)
            });
            p.check(SCORE_RANGE.contains(&t.performance), || {
                format!("{what}: performance {} is outside 1..5", t.performance)
            });
        }
        for c in &self.connectors {
            let what = Label("connector", c.id);
            unique(&mut p, "connector", c.id);
            for end in [c.from_id, c.to_id] {
                p.check(in_map(&touchpoint_map, end, c.map_id), || {
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
        for n in &self.notes {
            let what = Label("note", n.id);
            unique(&mut p, "note", n.id);
            p.check(maps.contains(&n.map_id), || {
                format!("{what}: map {} does not exist", n.map_id)
            });
            if let Some(stage) = n.stage_id {
                p.check(in_map(&stage_map, stage, n.map_id), || {
                    format!("{what}: stage {stage} is not a stage of map {}", n.map_id)
                });
            }
            if let Some(lane) = n.lane_id {
                p.check(in_map(&lane_map, lane, n.map_id), || {
                    format!("{what}: lane {lane} is not a lane of map {}", n.map_id)
                });
            }
            p.text(&what, &n.text);
            p.name(&what, &n.color, true);
            p.coordinate(&what, n.x);
            p.coordinate(&what, n.y);
            p.size(&what, n.width);
            p.size(&what, n.height);
        }
        for s in &self.stories {
            let what = Label("story", s.id);
            unique(&mut p, "story", s.id);
            p.check(in_map(&stage_map, s.stage_id, s.map_id), || {
                format!(
                    "{what}: stage {} is not a stage of map {}",
                    s.stage_id, s.map_id
                )
            });
            if let Some(persona) = s.persona_id {
                p.check(personas.contains(&persona), || {
                    format!("{what}: persona {persona} does not exist")
                });
            }
            p.name(&what, &s.title, true);
            p.text(&what, &s.text);
        }
        self.workflow_problems(&mut p, &touchpoint_map, &mut unique);
        self.measure_problems(&mut p, &stage_map, &touchpoint_map, &mut unique);
        p.0
    }

    fn measure_problems(
        &self,
        p: &mut Problems,
        stages: &HashMap<Id, Id>,
        touchpoints: &HashMap<Id, Id>,
        unique: &mut impl FnMut(&mut Problems, &str, Id),
    ) {
        use crate::measure::{
            MAX_TOP_TOUCHPOINTS, PILLAR_SCORE_RANGE, RATING_RANGE, SENTIMENT_RANGE,
        };
        let in_map = |index: &HashMap<Id, Id>, id: Id, map: Id| index.get(&id) == Some(&map);
        for k in &self.kpis {
            let what = Label("KPI", k.id);
            unique(p, "KPI", k.id);
            p.check(touchpoints.contains_key(&k.touchpoint_id), || {
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
        p.check(self.top_touchpoints.len() <= MAX_TOP_TOUCHPOINTS, || {
            format!(
                "{} top touchpoints chosen; keep to the {MAX_TOP_TOUCHPOINTS} that matter most",
                self.top_touchpoints.len()
            )
        });
        let mut seen = HashSet::new();
        for t in &self.top_touchpoints {
            p.check(touchpoints.contains_key(t), || {
                format!("top touchpoint {t} does not exist")
            });
            p.check(seen.insert(*t), || {
                format!("top touchpoint {t} is listed twice")
            });
        }
        for f in &self.feedback {
            let what = Label("feedback", f.id);
            unique(p, "feedback", f.id);
            p.check(in_map(stages, f.stage_id, f.map_id), || {
                format!(
                    "{what}: stage {} is not a stage of map {}",
                    f.stage_id, f.map_id
                )
            });
            if let Some(t) = f.touchpoint_id {
                p.check(in_map(touchpoints, t, f.map_id), || {
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
        for c in &self.customer_periods {
            let what = Label("customer period", c.id);
            unique(p, "customer period", c.id);
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

    fn workflow_problems(
        &self,
        p: &mut Problems,
        touchpoints: &HashMap<Id, Id>,
        unique: &mut impl FnMut(&mut Problems, &str, Id),
    ) {
        use crate::workflow::PhaseStatus;
        let phases_ok = |p: &mut Problems, what: &dyn Display, phases: &[(String, u32)]| {
            p.check(!phases.is_empty(), || {
                format!("{what}: at least one phase is needed")
            });
            for (name, days) in phases {
                p.name(what, name, true);
                p.check((1..=MAX_PHASE_DAYS).contains(days), || {
                    format!("{what}: phase \"{name}\" lasts {days} days (1 to {MAX_PHASE_DAYS})")
                });
            }
        };
        let template: Vec<(String, u32)> = self
            .redesign_template
            .iter()
            .map(|t| (t.name.clone(), t.days))
            .collect();
        phases_ok(p, &"redesign template", &template);
        p.check(self.calendar.holidays.len() <= 10_000, || {
            "more than 10,000 holidays".into()
        });
        for (date, name) in &self.calendar.holidays {
            p.name(&format!("holiday {date}"), name, false);
        }
        for r in &self.redesigns {
            let what = Label("redesign", r.id);
            unique(p, "redesign", r.id);
            p.check(touchpoints.contains_key(&r.touchpoint_id), || {
                format!("{what}: touchpoint {} does not exist", r.touchpoint_id)
            });
            p.name(&what, &r.title, true);
            p.text(&what, &r.description);
            let phases: Vec<(String, u32)> =
                r.phases.iter().map(|x| (x.name.clone(), x.days)).collect();
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
        }
    }

    /// `Ok` when [`Project::problems`] finds nothing.
    pub fn validate(&self) -> crate::Result<()> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(crate::Error::InvalidProject(problems))
        }
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
