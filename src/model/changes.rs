//! A change set is the difference between two versions of a project, record by record. It is what
//! autosave writes (one changed touchpoint is one row), what the UI sends over IPC, and what
//! undo inverts; computing and applying it are pure functions.

use super::{Comment, CommentTarget, Opportunity, PhaseTemplate, Picture, Redesign, WorkCalendar};
use super::{Connector, Id, JourneyMap, Lane, Note, Persona, Project, ProjectInfo, Stage, Story};
use super::{CustomerPeriod, Feedback, Kpi, PillarScore};
use super::{EvidenceKind, Touchpoint};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// One whole record, tagged with its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "record", rename_all = "camelCase")]
#[ts(rename = "ProjectRecord")]
pub enum Record {
    Info(ProjectInfo),
    Persona(Persona),
    Map(JourneyMap),
    Stage(Stage),
    Lane(Lane),
    Touchpoint(Touchpoint),
    Connector(Connector),
    Note(Note),
    Story(Story),
    Calendar(WorkCalendar),
    Template(Vec<PhaseTemplate>),
    Redesign(Redesign),
    Kpi(Kpi),
    Feedback(Feedback),
    CustomerPeriod(CustomerPeriod),
    /// The ranked list of top touchpoints, replaced whole.
    TopTouchpoints(Vec<Id>),
    /// The ten-pillar self-assessment, replaced whole.
    Pillars(Vec<PillarScore>),
    Opportunity(Opportunity),
    Comment(Comment),
    Picture(Picture),
}

/// The kinds of record that can be deleted (the project info cannot).
///
/// Declared parents first: writing puts records in this order and deletes in the reverse, so
/// foreign keys hold at every step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RecordKind {
    Persona,
    Map,
    Stage,
    Lane,
    Touchpoint,
    Connector,
    Note,
    Story,
    Redesign,
    Kpi,
    Feedback,
    CustomerPeriod,
    /// After everything it links to.
    Opportunity,
    /// After what it is about.
    Comment,
    Picture,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: Id,
}

/// Records to write (insert or replace) and records to delete.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Changes {
    #[serde(default)]
    pub put: Vec<Record>,
    #[serde(default)]
    pub delete: Vec<RecordRef>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.put.is_empty() && self.delete.is_empty()
    }

    pub fn len(&self) -> usize {
        self.put.len() + self.delete.len()
    }
}

impl Record {
    /// The kind used for ordering writes; `None` for the project-wide records (info, calendar,
    /// template), which are written first.
    pub fn kind(&self) -> Option<RecordKind> {
        Some(match self {
            Self::Info(_)
            | Self::Calendar(_)
            | Self::Template(_)
            | Self::TopTouchpoints(_)
            | Self::Pillars(_) => return None,
            Self::Persona(_) => RecordKind::Persona,
            Self::Map(_) => RecordKind::Map,
            Self::Stage(_) => RecordKind::Stage,
            Self::Lane(_) => RecordKind::Lane,
            Self::Touchpoint(_) => RecordKind::Touchpoint,
            Self::Connector(_) => RecordKind::Connector,
            Self::Note(_) => RecordKind::Note,
            Self::Story(_) => RecordKind::Story,
            Self::Redesign(_) => RecordKind::Redesign,
            Self::Kpi(_) => RecordKind::Kpi,
            Self::Feedback(_) => RecordKind::Feedback,
            Self::CustomerPeriod(_) => RecordKind::CustomerPeriod,
            Self::Opportunity(_) => RecordKind::Opportunity,
            Self::Comment(_) => RecordKind::Comment,
            Self::Picture(_) => RecordKind::Picture,
        })
    }
}

/// Records of one kind, keyed by id, so a diff is linear in the project size.
fn by_id<T: Clone>(items: &[T], id: impl Fn(&T) -> Id) -> HashMap<Id, &T> {
    items.iter().map(|t| (id(t), t)).collect()
}

fn diff_kind<T: Clone + PartialEq>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> Id + Copy,
    kind: RecordKind,
    wrap: impl Fn(T) -> Record,
    out: &mut Changes,
) {
    let before = by_id(old, id);
    let after = by_id(new, id);
    for item in new {
        if before.get(&id(item)) != Some(&item) {
            out.put.push(wrap(item.clone()));
        }
    }
    for item in old {
        if !after.contains_key(&id(item)) {
            out.delete.push(RecordRef { kind, id: id(item) });
        }
    }
}

/// Inserts or replaces records by id. An index is built only for batches, so a one-record
/// autosave stays a scan while a 100,000-row import stays linear.
fn put_all<T>(items: &mut Vec<T>, new: Vec<T>, id: impl Fn(&T) -> Id) {
    if new.len() < 8 {
        for item in new {
            match items.iter_mut().find(|x| id(x) == id(&item)) {
                Some(slot) => *slot = item,
                None => items.push(item),
            }
        }
        return;
    }
    let mut index: HashMap<Id, usize> = items.iter().enumerate().map(|(i, x)| (id(x), i)).collect();
    for item in new {
        match index.get(&id(&item)) {
            Some(&i) => items[i] = item,
            None => {
                index.insert(id(&item), items.len());
                items.push(item);
            }
        }
    }
}

impl Project {
    /// What turns `self` into `newer`. Records are compared whole; order does not matter.
    pub fn diff(&self, newer: &Project) -> Changes {
        let mut out = Changes::default();
        if self.info != newer.info {
            out.put.push(Record::Info(newer.info.clone()));
        }
        diff_kind(
            &self.personas,
            &newer.personas,
            |x| x.id,
            RecordKind::Persona,
            Record::Persona,
            &mut out,
        );
        diff_kind(
            &self.maps,
            &newer.maps,
            |x| x.id,
            RecordKind::Map,
            Record::Map,
            &mut out,
        );
        diff_kind(
            &self.stages,
            &newer.stages,
            |x| x.id,
            RecordKind::Stage,
            Record::Stage,
            &mut out,
        );
        diff_kind(
            &self.lanes,
            &newer.lanes,
            |x| x.id,
            RecordKind::Lane,
            Record::Lane,
            &mut out,
        );
        diff_kind(
            &self.touchpoints,
            &newer.touchpoints,
            |x| x.id,
            RecordKind::Touchpoint,
            Record::Touchpoint,
            &mut out,
        );
        diff_kind(
            &self.connectors,
            &newer.connectors,
            |x| x.id,
            RecordKind::Connector,
            Record::Connector,
            &mut out,
        );
        diff_kind(
            &self.notes,
            &newer.notes,
            |x| x.id,
            RecordKind::Note,
            Record::Note,
            &mut out,
        );
        diff_kind(
            &self.stories,
            &newer.stories,
            |x| x.id,
            RecordKind::Story,
            Record::Story,
            &mut out,
        );
        if self.calendar != newer.calendar {
            out.put.push(Record::Calendar(newer.calendar.clone()));
        }
        if self.redesign_template != newer.redesign_template {
            out.put
                .push(Record::Template(newer.redesign_template.clone()));
        }
        diff_kind(
            &self.redesigns,
            &newer.redesigns,
            |x| x.id,
            RecordKind::Redesign,
            Record::Redesign,
            &mut out,
        );
        diff_kind(
            &self.kpis,
            &newer.kpis,
            |x| x.id,
            RecordKind::Kpi,
            Record::Kpi,
            &mut out,
        );
        diff_kind(
            &self.feedback,
            &newer.feedback,
            |x| x.id,
            RecordKind::Feedback,
            Record::Feedback,
            &mut out,
        );
        diff_kind(
            &self.customer_periods,
            &newer.customer_periods,
            |x| x.id,
            RecordKind::CustomerPeriod,
            Record::CustomerPeriod,
            &mut out,
        );
        if self.top_touchpoints != newer.top_touchpoints {
            out.put
                .push(Record::TopTouchpoints(newer.top_touchpoints.clone()));
        }
        if self.pillars != newer.pillars {
            out.put.push(Record::Pillars(newer.pillars.clone()));
        }
        diff_kind(
            &self.opportunities,
            &newer.opportunities,
            |x| x.id,
            RecordKind::Opportunity,
            Record::Opportunity,
            &mut out,
        );
        diff_kind(
            &self.comments,
            &newer.comments,
            |x| x.id,
            RecordKind::Comment,
            Record::Comment,
            &mut out,
        );
        diff_kind(
            &self.pictures,
            &newer.pictures,
            |x| x.id,
            RecordKind::Picture,
            Record::Picture,
            &mut out,
        );
        out
    }

    /// The change set that takes `self` back from `self.apply(changes)`, for a change set that
    /// only puts records (almost every autosave: an edited card, a moved note, a new connector):
    /// each replaced record's version now, and a deletion for each new one. `None` when the set
    /// deletes anything, whose cascades only a copy can undo, or puts more than a few records.
    pub fn undo_of(&self, changes: &Changes) -> Option<Changes> {
        /// Past this many records a scan per record costs more than a copy.
        const MOST: usize = 64;
        if !changes.delete.is_empty() || changes.put.len() > MOST {
            return None;
        }
        fn old<T: Clone>(
            items: &[T],
            id: Id,
            key: impl Fn(&T) -> Id,
            kind: RecordKind,
            wrap: impl Fn(T) -> Record,
        ) -> Result<Record, RecordRef> {
            match items.iter().find(|x| key(x) == id) {
                Some(x) => Ok(wrap(x.clone())),
                None => Err(RecordRef { kind, id }),
            }
        }
        use RecordKind as K;
        let mut undo = Changes::default();
        for record in &changes.put {
            let found = match record {
                Record::Info(_) => Ok(Record::Info(self.info.clone())),
                Record::Calendar(_) => Ok(Record::Calendar(self.calendar.clone())),
                Record::Template(_) => Ok(Record::Template(self.redesign_template.clone())),
                Record::TopTouchpoints(_) => {
                    Ok(Record::TopTouchpoints(self.top_touchpoints.clone()))
                }
                Record::Pillars(_) => Ok(Record::Pillars(self.pillars.clone())),
                Record::Persona(x) => {
                    old(&self.personas, x.id, |x| x.id, K::Persona, Record::Persona)
                }
                Record::Map(x) => old(&self.maps, x.id, |x| x.id, K::Map, Record::Map),
                Record::Stage(x) => old(&self.stages, x.id, |x| x.id, K::Stage, Record::Stage),
                Record::Lane(x) => old(&self.lanes, x.id, |x| x.id, K::Lane, Record::Lane),
                Record::Touchpoint(x) => old(
                    &self.touchpoints,
                    x.id,
                    |x| x.id,
                    K::Touchpoint,
                    Record::Touchpoint,
                ),
                Record::Connector(x) => old(
                    &self.connectors,
                    x.id,
                    |x| x.id,
                    K::Connector,
                    Record::Connector,
                ),
                Record::Note(x) => old(&self.notes, x.id, |x| x.id, K::Note, Record::Note),
                Record::Story(x) => old(&self.stories, x.id, |x| x.id, K::Story, Record::Story),
                Record::Redesign(x) => old(
                    &self.redesigns,
                    x.id,
                    |x| x.id,
                    K::Redesign,
                    Record::Redesign,
                ),
                Record::Kpi(x) => old(&self.kpis, x.id, |x| x.id, K::Kpi, Record::Kpi),
                Record::Feedback(x) => old(
                    &self.feedback,
                    x.id,
                    |x| x.id,
                    K::Feedback,
                    Record::Feedback,
                ),
                Record::CustomerPeriod(x) => old(
                    &self.customer_periods,
                    x.id,
                    |x| x.id,
                    K::CustomerPeriod,
                    Record::CustomerPeriod,
                ),
                Record::Opportunity(x) => old(
                    &self.opportunities,
                    x.id,
                    |x| x.id,
                    K::Opportunity,
                    Record::Opportunity,
                ),
                Record::Comment(x) => {
                    old(&self.comments, x.id, |x| x.id, K::Comment, Record::Comment)
                }
                Record::Picture(x) => {
                    old(&self.pictures, x.id, |x| x.id, K::Picture, Record::Picture)
                }
            };
            match found {
                Ok(r) => undo.put.push(r),
                Err(r) => undo.delete.push(r),
            }
        }
        Some(undo)
    }

    /// Applies a change set in memory. Deleting a record also deletes what depends on it
    /// (a stage's touchpoints, a touchpoint's connectors), exactly as the file's foreign keys do.
    pub fn apply(&mut self, changes: &Changes) {
        #[derive(Default)]
        struct Batch {
            personas: Vec<Persona>,
            maps: Vec<JourneyMap>,
            stages: Vec<Stage>,
            lanes: Vec<Lane>,
            touchpoints: Vec<Touchpoint>,
            connectors: Vec<Connector>,
            notes: Vec<Note>,
            stories: Vec<Story>,
            redesigns: Vec<Redesign>,
            kpis: Vec<Kpi>,
            feedback: Vec<Feedback>,
            periods: Vec<CustomerPeriod>,
            opportunities: Vec<Opportunity>,
            comments: Vec<Comment>,
            pictures: Vec<Picture>,
        }
        let mut b = Batch::default();
        for record in &changes.put {
            match record.clone() {
                Record::Info(info) => self.info = info,
                Record::Calendar(c) => self.calendar = c,
                Record::Template(t) => self.redesign_template = t,
                Record::TopTouchpoints(x) => self.top_touchpoints = x,
                Record::Pillars(x) => self.pillars = PillarScore::complete(&x),
                Record::Persona(x) => b.personas.push(x),
                Record::Map(x) => b.maps.push(x),
                Record::Stage(x) => b.stages.push(x),
                Record::Lane(x) => b.lanes.push(x),
                Record::Touchpoint(x) => b.touchpoints.push(x),
                Record::Connector(x) => b.connectors.push(x),
                Record::Note(x) => b.notes.push(x),
                Record::Story(x) => b.stories.push(x),
                Record::Redesign(x) => b.redesigns.push(x),
                Record::Kpi(x) => b.kpis.push(x),
                Record::Feedback(x) => b.feedback.push(x),
                Record::CustomerPeriod(x) => b.periods.push(x),
                Record::Opportunity(x) => b.opportunities.push(x),
                Record::Comment(x) => b.comments.push(x),
                Record::Picture(x) => b.pictures.push(x),
            }
        }
        put_all(&mut self.personas, b.personas, |x| x.id);
        put_all(&mut self.maps, b.maps, |x| x.id);
        put_all(&mut self.stages, b.stages, |x| x.id);
        put_all(&mut self.lanes, b.lanes, |x| x.id);
        put_all(&mut self.touchpoints, b.touchpoints, |x| x.id);
        put_all(&mut self.connectors, b.connectors, |x| x.id);
        put_all(&mut self.notes, b.notes, |x| x.id);
        put_all(&mut self.stories, b.stories, |x| x.id);
        put_all(&mut self.redesigns, b.redesigns, |x| x.id);
        put_all(&mut self.kpis, b.kpis, |x| x.id);
        put_all(&mut self.feedback, b.feedback, |x| x.id);
        put_all(&mut self.customer_periods, b.periods, |x| x.id);
        put_all(&mut self.opportunities, b.opportunities, |x| x.id);
        put_all(&mut self.comments, b.comments, |x| x.id);
        put_all(&mut self.pictures, b.pictures, |x| x.id);
        for r in &changes.delete {
            self.delete(*r);
        }
    }

    fn delete(&mut self, r: RecordRef) {
        let id = r.id;
        match r.kind {
            RecordKind::Persona => {
                self.personas.retain(|x| x.id != id);
                for m in self.maps.iter_mut().filter(|m| m.persona_id == Some(id)) {
                    m.persona_id = None;
                }
                for s in self.stories.iter_mut().filter(|s| s.persona_id == Some(id)) {
                    s.persona_id = None;
                }
                // The lines it had on maps go, with how cards felt to it (as on disk).
                for m in &mut self.maps {
                    m.other_personas.retain(|p| *p != id);
                }
                for t in self
                    .touchpoints
                    .iter_mut()
                    .filter(|t| !t.feelings.is_empty())
                {
                    t.feelings.retain(|f| f.persona_id != id);
                }
            }
            RecordKind::Map => {
                self.maps.retain(|x| x.id != id);
                self.stages.retain(|x| x.map_id != id);
                self.lanes.retain(|x| x.map_id != id);
                // With what hangs off its cards (redesigns, KPIs, the top list), as on disk.
                self.remove_touchpoints(|t| t.map_id == id);
                self.connectors.retain(|x| x.map_id != id);
                self.notes.retain(|x| x.map_id != id);
                self.stories.retain(|x| x.map_id != id);
                self.feedback.retain(|x| x.map_id != id);
                self.opportunities.retain(|x| x.map_id != id);
                self.comments.retain(|x| x.map_id != id);
                self.pictures.retain(|x| x.map_id != id);
            }
            RecordKind::Stage => {
                self.stages.retain(|x| x.id != id);
                self.remove_touchpoints(|t| t.stage_id == id);
                self.stories.retain(|x| x.stage_id != id);
                let feedback: std::collections::HashSet<Id> = self
                    .feedback
                    .iter()
                    .filter(|f| f.stage_id == id)
                    .map(|f| f.id)
                    .collect();
                self.feedback.retain(|x| x.stage_id != id);
                self.forget_evidence(EvidenceKind::Feedback, |f| feedback.contains(&f));
                for n in self.notes.iter_mut().filter(|n| n.stage_id == Some(id)) {
                    n.stage_id = None;
                }
                for o in self
                    .opportunities
                    .iter_mut()
                    .filter(|o| o.stage_id == Some(id))
                {
                    o.stage_id = None;
                }
            }
            RecordKind::Lane => {
                self.lanes.retain(|x| x.id != id);
                self.remove_touchpoints(|t| t.lane_id == id);
                for n in self.notes.iter_mut().filter(|n| n.lane_id == Some(id)) {
                    n.lane_id = None;
                }
            }
            RecordKind::Touchpoint => self.remove_touchpoints(|t| t.id == id),
            RecordKind::Connector => self.connectors.retain(|x| x.id != id),
            RecordKind::Note => {
                self.notes.retain(|x| x.id != id);
                self.forget_evidence(EvidenceKind::Note, |x| x == id);
                self.remove_comments(CommentTarget::Note, |x| x == id);
            }
            RecordKind::Story => self.stories.retain(|x| x.id != id),
            RecordKind::Redesign => {
                self.redesigns.retain(|x| x.id != id);
                self.unlink_redesigns(|x| x == id);
            }
            RecordKind::Kpi => {
                self.kpis.retain(|x| x.id != id);
                self.forget_evidence(EvidenceKind::Kpi, |x| x == id);
            }
            RecordKind::Feedback => {
                self.feedback.retain(|x| x.id != id);
                self.forget_evidence(EvidenceKind::Feedback, |x| x == id);
            }
            RecordKind::CustomerPeriod => self.customer_periods.retain(|x| x.id != id),
            RecordKind::Opportunity => {
                self.opportunities.retain(|x| x.id != id);
                self.remove_comments(CommentTarget::Opportunity, |x| x == id);
            }
            RecordKind::Picture => self.pictures.retain(|x| x.id != id),
            RecordKind::Comment => {
                self.comments
                    .retain(|x| x.id != id && x.parent_id != Some(id));
            }
        }
    }

    /// Removes the comments on the targets that are gone (with their replies, which share
    /// their target), as the file's foreign keys do.
    fn remove_comments(&mut self, target: CommentTarget, gone: impl Fn(Id) -> bool) {
        self.comments
            .retain(|c| c.target != target || !gone(c.target_id));
    }

    /// Drops an opportunity's links to evidence that is gone (the file's foreign keys do the
    /// same).
    fn forget_evidence(&mut self, kind: EvidenceKind, gone: impl Fn(Id) -> bool) {
        for o in &mut self.opportunities {
            o.evidence.retain(|e| e.kind != kind || !gone(e.id));
        }
    }

    fn unlink_redesigns(&mut self, gone: impl Fn(Id) -> bool) {
        for o in &mut self.opportunities {
            if o.redesign_id.is_some_and(&gone) {
                o.redesign_id = None;
            }
        }
    }

    fn remove_touchpoints(&mut self, doomed: impl Fn(&Touchpoint) -> bool) {
        let gone: std::collections::HashSet<Id> = self
            .touchpoints
            .iter()
            .filter(|t| doomed(t))
            .map(|t| t.id)
            .collect();
        self.touchpoints.retain(|t| !doomed(t));
        let redesigns: std::collections::HashSet<Id> = self
            .redesigns
            .iter()
            .filter(|r| gone.contains(&r.touchpoint_id))
            .map(|r| r.id)
            .collect();
        self.unlink_redesigns(|r| redesigns.contains(&r));
        let kpis: std::collections::HashSet<Id> = self
            .kpis
            .iter()
            .filter(|k| gone.contains(&k.touchpoint_id))
            .map(|k| k.id)
            .collect();
        self.forget_evidence(EvidenceKind::Kpi, |k| kpis.contains(&k));
        for o in &mut self.opportunities {
            o.touchpoint_ids.retain(|t| !gone.contains(t));
        }
        self.remove_comments(CommentTarget::Touchpoint, |t| gone.contains(&t));
        self.pictures.retain(|p| !gone.contains(&p.touchpoint_id));
        self.connectors
            .retain(|c| !gone.contains(&c.from_id) && !gone.contains(&c.to_id));
        self.redesigns.retain(|r| !gone.contains(&r.touchpoint_id));
        self.kpis.retain(|k| !gone.contains(&k.touchpoint_id));
        self.top_touchpoints.retain(|t| !gone.contains(t));
        for f in &mut self.feedback {
            if f.touchpoint_id.is_some_and(|t| gone.contains(&t)) {
                f.touchpoint_id = None;
            }
        }
    }
}
