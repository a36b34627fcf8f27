//! The redesign tracker's commands on an open project: where every redesign stands, starting one,
//! moving a phase, finding maps, touchpoints and redesigns by the names people type.

use super::session::Session;
use crate::model::{new_id, Changes, Id, Record, Touchpoint};
use crate::workflow::{
    improved_touchpoint, AfterRejection, CorporateResponse, PhaseStatus, Proposal, Redesign,
    RedesignProgress,
};
use crate::{Error, Result};
use chrono::NaiveDate;

/// One redesign as the status list shows it.
#[derive(Debug, Clone)]
pub struct RedesignRow {
    pub redesign: Redesign,
    pub progress: RedesignProgress,
    pub touchpoint: String,
    pub stage: String,
    /// The current phase's index, when one is under way.
    pub phase: Option<usize>,
}

/// A phase moved by [`Session::advance_redesign`].
#[derive(Debug, Clone)]
pub struct Advanced {
    pub redesign: Redesign,
    pub phase: usize,
    /// The touchpoint moved up a step, when asked and the redesign is done.
    pub improved: Option<Touchpoint>,
}

impl Session {
    /// The map named `key` (any case) or with that id; the first map when `None`.
    pub fn map_named(&self, key: Option<&str>) -> Result<Id> {
        let project = self.without_feedback()?;
        let found = match key {
            None => project.maps.first(),
            Some(k) => project
                .maps
                .iter()
                .find(|m| m.name.eq_ignore_ascii_case(k) || m.id.to_string() == k),
        };
        found.map(|m| m.id).ok_or_else(|| match key {
            None => Error::InvalidInput("the project has no map".into()),
            Some(k) => Error::InvalidInput(format!(
                "no map named {k:?} (maps: {})",
                project
                    .maps
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        })
    }

    /// The one touchpoint titled `key` (any case) or with that id.
    pub fn touchpoint_named(&self, key: &str) -> Result<Id> {
        let matches: Vec<Id> = self
            .without_feedback()?
            .touchpoints
            .iter()
            .filter(|t| t.id.to_string() == key || t.title.eq_ignore_ascii_case(key))
            .map(|t| t.id)
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(Error::NotFound {
                kind: "touchpoint",
                id: key.to_owned(),
            }),
            _ => Err(Error::InvalidInput(format!(
                "{} touchpoints are titled {key:?}; use the id",
                matches.len()
            ))),
        }
    }

    /// The redesign titled `key` (any case) or with that id.
    pub fn redesign_named(&self, key: &str) -> Result<&Redesign> {
        self.without_feedback()?
            .redesigns
            .iter()
            .find(|r| r.id.to_string() == key || r.title.eq_ignore_ascii_case(key))
            .ok_or_else(|| Error::NotFound {
                kind: "redesign",
                id: key.to_owned(),
            })
    }

    /// Every redesign with where it stands on `today`, in the project's order.
    pub fn redesign_status(&self, today: NaiveDate) -> Result<Vec<RedesignRow>> {
        let project = self.without_feedback()?;
        Ok(project
            .redesigns
            .iter()
            .map(|r| {
                let progress = r.progress(&project.calendar, today);
                let touchpoint = project.touchpoint(r.touchpoint_id);
                let stage =
                    touchpoint.and_then(|t| project.stages.iter().find(|s| s.id == t.stage_id));
                RedesignRow {
                    phase: progress.current_phase.map(|i| i as usize),
                    redesign: r.clone(),
                    progress,
                    touchpoint: touchpoint.map(|t| t.title.clone()).unwrap_or_default(),
                    stage: stage.map(|s| s.name.clone()).unwrap_or_default(),
                }
            })
            .collect())
    }

    /// Starts planning a redesign of a touchpoint (by title or id) from the project's template.
    pub fn start_redesign(
        &mut self,
        touchpoint: &str,
        start: NaiveDate,
        title: Option<String>,
    ) -> Result<Redesign> {
        let id = self.touchpoint_named(touchpoint)?;
        let project = self.without_feedback()?;
        let name = project
            .touchpoint(id)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        let redesign = Redesign::new(
            new_id(),
            id,
            title.unwrap_or_else(|| format!("Redesign: {name}")),
            start,
            &project.redesign_template,
        );
        self.apply(&Changes {
            put: vec![Record::Redesign(redesign.clone())],
            delete: vec![],
        })?;
        Ok(redesign)
    }

    /// Moves phase `phase` (from 0) of a redesign (by title or id) to `status` on `date`; with
    /// `improve`, a redesign this completes moves its touchpoint's reliability up a step.
    pub fn advance_redesign(
        &mut self,
        redesign: &str,
        phase: usize,
        status: PhaseStatus,
        date: NaiveDate,
        note: String,
        improve: bool,
    ) -> Result<Advanced> {
        let next = self
            .redesign_named(redesign)?
            .set_phase_status(phase, status, date, note)?;
        let improved = if improve {
            improved_touchpoint(self.without_feedback()?, &next)
        } else {
            None
        };
        let mut put = vec![Record::Redesign(next.clone())];
        put.extend(improved.clone().map(Record::Touchpoint));
        self.apply(&Changes {
            put,
            delete: vec![],
        })?;
        Ok(Advanced {
            redesign: next,
            phase,
            improved,
        })
    }

    /// Records corporate's answer on a redesign (by title or id): see `Redesign::respond`.
    pub fn respond_to_redesign(
        &mut self,
        redesign: &str,
        response: CorporateResponse,
        after_rejection: AfterRejection,
    ) -> Result<Redesign> {
        let calendar = self.without_feedback()?.calendar.clone();
        let next = self
            .redesign_named(redesign)?
            .respond(response, after_rejection, &calendar)?;
        self.apply(&Changes {
            put: vec![Record::Redesign(next.clone())],
            delete: vec![],
        })?;
        Ok(next)
    }

    /// Replaces a redesign's proposal (its written fields; the evidence comes from the project).
    pub fn write_proposal(&mut self, redesign: &str, proposal: Proposal) -> Result<Redesign> {
        let mut next = self.redesign_named(redesign)?.clone();
        if let Some(kpi) = proposal.effect_kpi_id {
            let project = self.without_feedback()?;
            if !project
                .kpis
                .iter()
                .any(|k| k.id == kpi && k.touchpoint_id == next.touchpoint_id)
            {
                return Err(Error::InvalidInput(
                    "the expected effect's KPI must be one of the touchpoint's KPIs".into(),
                ));
            }
        }
        next.proposal = proposal;
        self.apply(&Changes {
            put: vec![Record::Redesign(next.clone())],
            delete: vec![],
        })?;
        Ok(next)
    }
}

/// Phases are numbered from 1 where people see them.
pub fn phase_index(number: usize) -> Result<usize> {
    number
        .checked_sub(1)
        .ok_or_else(|| Error::InvalidInput("phases count from 1".into()))
}
