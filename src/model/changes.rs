//! A change set is the difference between two versions of a project, record by record. It is what
//! autosave writes (one changed touchpoint is one row), what the UI sends over IPC, and what
//! undo inverts; computing and applying it are pure functions.

use super::Touchpoint;
use super::{Connector, Id, JourneyMap, Lane, Note, Persona, Project, ProjectInfo, Stage, Story};
use crate::workflow::{PhaseTemplate, Redesign, WorkCalendar};
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
            Self::Info(_) | Self::Calendar(_) | Self::Template(_) => return None,
            Self::Persona(_) => RecordKind::Persona,
            Self::Map(_) => RecordKind::Map,
            Self::Stage(_) => RecordKind::Stage,
            Self::Lane(_) => RecordKind::Lane,
            Self::Touchpoint(_) => RecordKind::Touchpoint,
            Self::Connector(_) => RecordKind::Connector,
            Self::Note(_) => RecordKind::Note,
            Self::Story(_) => RecordKind::Story,
            Self::Redesign(_) => RecordKind::Redesign,
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

fn put_one<T>(items: &mut Vec<T>, item: T, id: impl Fn(&T) -> Id) {
    match items.iter_mut().find(|x| id(x) == id(&item)) {
        Some(slot) => *slot = item,
        None => items.push(item),
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
        out
    }

    /// Applies a change set in memory. Deleting a record also deletes what depends on it
    /// (a stage's touchpoints, a touchpoint's connectors), exactly as the file's foreign keys do.
    pub fn apply(&mut self, changes: &Changes) {
        for record in &changes.put {
            match record.clone() {
                Record::Info(info) => self.info = info,
                Record::Persona(x) => put_one(&mut self.personas, x, |x| x.id),
                Record::Map(x) => put_one(&mut self.maps, x, |x| x.id),
                Record::Stage(x) => put_one(&mut self.stages, x, |x| x.id),
                Record::Lane(x) => put_one(&mut self.lanes, x, |x| x.id),
                Record::Touchpoint(x) => put_one(&mut self.touchpoints, x, |x| x.id),
                Record::Connector(x) => put_one(&mut self.connectors, x, |x| x.id),
                Record::Note(x) => put_one(&mut self.notes, x, |x| x.id),
                Record::Story(x) => put_one(&mut self.stories, x, |x| x.id),
                Record::Calendar(c) => self.calendar = c,
                Record::Template(t) => self.redesign_template = t,
                Record::Redesign(x) => put_one(&mut self.redesigns, x, |x| x.id),
            }
        }
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
            }
            RecordKind::Map => {
                self.maps.retain(|x| x.id != id);
                self.stages.retain(|x| x.map_id != id);
                self.lanes.retain(|x| x.map_id != id);
                self.touchpoints.retain(|x| x.map_id != id);
                self.connectors.retain(|x| x.map_id != id);
                self.notes.retain(|x| x.map_id != id);
                self.stories.retain(|x| x.map_id != id);
            }
            RecordKind::Stage => {
                self.stages.retain(|x| x.id != id);
                self.remove_touchpoints(|t| t.stage_id == id);
                self.stories.retain(|x| x.stage_id != id);
                for n in self.notes.iter_mut().filter(|n| n.stage_id == Some(id)) {
                    n.stage_id = None;
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
            RecordKind::Note => self.notes.retain(|x| x.id != id),
            RecordKind::Story => self.stories.retain(|x| x.id != id),
            RecordKind::Redesign => self.redesigns.retain(|x| x.id != id),
        }
    }

    fn remove_touchpoints(&mut self, doomed: impl Fn(&Touchpoint) -> bool) {
        let gone: Vec<Id> = self
            .touchpoints
            .iter()
            .filter(|t| doomed(t))
            .map(|t| t.id)
            .collect();
        self.touchpoints.retain(|t| !doomed(t));
        self.connectors
            .retain(|c| !gone.contains(&c.from_id) && !gone.contains(&c.to_id));
        self.redesigns.retain(|r| !gone.contains(&r.touchpoint_id));
    }
}
