//! Tracking a touchpoint redesign through its phases against a given "today".
//!
//! Status rules (also in the README):
//! - **Done**: every phase is done.
//! - **Late**: the forecast end falls after the baseline end (the plan made from the start date).
//! - **At risk**: not late, but the current phase is waiting on someone else (e.g. corporate's
//!   response), or it is due within one work day and not done.
//! - **On track**: otherwise (including a redesign that has not started yet).
//! - **Rejected**: corporate rejected the proposal and the designer ended the redesign there; it
//!   stays in the tracker's history.
//!
//! Corporate's response (`Redesign::respond`): it can be recorded once every phase before the
//! "Corporate response" phase is done, on or after the day the last of them ended. It completes
//! that phase on the response's date (starting it, if nobody had, on the first work day after the
//! proposal went out, or the response's day if sooner). Approved, or approved with changes: the
//! next phase ("Put into motion") is free to start. Rejected: either the redesign ends (kept, shown
//! as rejected), or it goes back to "Propose change" — that phase reopens on the response's date
//! and the phases after it up to the response are not started again.
//!
//! Forecast rules: a done phase keeps its actual dates; a running phase ends at the later of its
//! planned end (actual start + duration) and today (it runs over); a phase not yet started begins
//! on the first work day after the previous phase ends, but never before today; remaining phases
//! keep their durations.

use super::{plan, Plan};
use crate::model::{
    CorporateResponse, Decision, Id, Phase, PhaseStatus, PhaseTemplate, Proposal, Redesign,
    StatusChange, WorkCalendar,
};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RedesignState {
    OnTrack,
    AtRisk,
    Late,
    Done,
    Rejected,
}

impl RedesignState {
    pub fn label(self) -> &'static str {
        match self {
            Self::OnTrack => "on track",
            Self::AtRisk => "at risk",
            Self::Late => "late",
            Self::Done => "done",
            Self::Rejected => "rejected",
        }
    }
}

/// Where a redesign stands on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RedesignProgress {
    pub state: RedesignState,
    /// The first phase not done (None when all are).
    pub current_phase: Option<u32>,
    pub baseline: Plan,
    /// The phases as now expected: actual dates where known, forecast where not.
    pub forecast: Vec<super::PlannedPhase>,
    #[ts(type = "string")]
    pub forecast_end: NaiveDate,
    /// Work days from the day the work left starts (today, or the next work day when today's
    /// phase was finished today, or the start if later) to the forecast end, both counted.
    pub work_days_remaining: i32,
    /// The phase corporate's answer would complete, when one can be recorded now (the proposal
    /// has gone out and no answer closed that phase yet).
    pub awaiting_response: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrackingError {
    #[error("there is no phase {0}")]
    NoSuchPhase(usize),
    #[error("phase \"{phase}\" cannot go from {from} to {to}")]
    InvalidTransition {
        phase: String,
        from: &'static str,
        to: &'static str,
    },
    #[error("phase \"{phase}\" cannot start before \"{previous}\" is done")]
    PreviousNotDone { phase: String, previous: String },
    #[error("{0}")]
    BadDate(String),
    #[error("{0}")]
    NotYet(String),
}

/// What a rejection does to the redesign, as the designer chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AfterRejection {
    /// The redesign ends; it stays in the tracker's history, shown as rejected.
    End,
    /// Back to "Propose change" to rework the proposal.
    Revise,
}

impl From<TrackingError> for crate::Error {
    fn from(e: TrackingError) -> Self {
        crate::Error::InvalidInput(e.to_string())
    }
}

impl Redesign {
    /// A redesign of `touchpoint_id` planned from `template`, nothing started yet.
    pub fn new(
        id: Id,
        touchpoint_id: Id,
        title: impl Into<String>,
        start: NaiveDate,
        template: &[PhaseTemplate],
    ) -> Self {
        let phases = template
            .iter()
            .map(|t| Phase {
                name: t.name.clone(),
                days: t.days.max(1),
                status: PhaseStatus::NotStarted,
                actual_start: None,
                actual_end: None,
                owner: String::new(),
                notes: String::new(),
            })
            .collect();
        Self {
            id,
            touchpoint_id,
            title: title.into(),
            description: String::new(),
            start,
            phases,
            history: Vec::new(),
            proposal: Proposal::default(),
            responses: Vec::new(),
            ended_on: None,
        }
    }

    /// The phase that waits for corporate's response: the one named so (any phase whose name
    /// has "response" in it), else the fourth, as in the default template.
    pub fn response_phase(&self) -> Option<usize> {
        self.phases
            .iter()
            .position(|p| p.name.to_lowercase().contains("response"))
            .or((self.phases.len() >= 4).then_some(3))
    }

    /// The phase a rejected proposal goes back to: the first named "Propose…" before the
    /// response, else the one two before it.
    pub fn propose_phase(&self) -> Option<usize> {
        let response = self.response_phase()?;
        self.phases[..response]
            .iter()
            .position(|p| p.name.to_lowercase().starts_with("propos"))
            .or(response.checked_sub(2))
    }

    /// Records corporate's response by the rules in this module's documentation.
    pub fn respond(
        &self,
        response: CorporateResponse,
        after_rejection: AfterRejection,
        calendar: &WorkCalendar,
    ) -> Result<Redesign, TrackingError> {
        use PhaseStatus::*;
        if let Some(day) = self.ended_on {
            return Err(TrackingError::NotYet(format!(
                "\"{}\" ended on {day}, after corporate rejected it",
                self.title
            )));
        }
        let index = self.response_phase().ok_or_else(|| {
            TrackingError::NotYet(format!(
                "\"{}\" has no phase for corporate's response",
                self.title
            ))
        })?;
        if let Some(open) = self.phases[..index].iter().find(|p| p.status != Done) {
            return Err(TrackingError::NotYet(format!(
                "corporate's response is recorded once \"{}\" is done (the proposal has gone out)",
                open.name
            )));
        }
        let phase = &self.phases[index];
        if phase.status == Done {
            return Err(TrackingError::NotYet(format!(
                "\"{}\" is already done{}; reopen it to record another answer",
                phase.name,
                phase
                    .actual_end
                    .map(|d| format!(" (on {d})"))
                    .unwrap_or_default()
            )));
        }
        let date = response.date;
        let sent = index
            .checked_sub(1)
            .and_then(|i| self.phases[i].actual_end)
            .or(phase.actual_start);
        if let Some(sent) = sent.filter(|s| date < *s) {
            return Err(TrackingError::BadDate(format!(
                "corporate cannot answer on {date}, before the proposal went out on {sent}"
            )));
        }
        if let Some(start) = phase.actual_start.filter(|s| date < *s) {
            return Err(TrackingError::BadDate(format!(
                "corporate cannot answer on {date}, before \"{}\" started on {start}",
                phase.name
            )));
        }
        let mut next = self.clone();
        let note = match response.comment.trim() {
            "" => format!("Corporate: {}", response.decision.label()),
            c => format!("Corporate: {} — {c}", response.decision.label()),
        };
        let log = |r: &mut Redesign, i: usize, from, to, day, note: &str| {
            r.history.push(StatusChange {
                date: day,
                phase: i as u32,
                from,
                to,
                note: note.to_owned(),
            })
        };
        if phase.status == NotStarted {
            let started = sent
                .map(|s| calendar.next_work_day_after(s))
                .unwrap_or(date)
                .min(date);
            next.phases[index].actual_start = Some(started);
            next.phases[index].status = InProgress;
            // Started when the proposal went out: the answer is told once, on the step it ends.
            log(&mut next, index, NotStarted, InProgress, started, "");
        }
        let from = next.phases[index].status;
        next.phases[index].status = Done;
        next.phases[index].actual_end = Some(date);
        log(&mut next, index, from, Done, date, &note);
        if response.decision == Decision::Rejected {
            match after_rejection {
                AfterRejection::End => next.ended_on = Some(date),
                AfterRejection::Revise => {
                    let back = self.propose_phase().unwrap_or(0);
                    for i in (back..=index).rev() {
                        let p = &mut next.phases[i];
                        let to = if i == back { InProgress } else { NotStarted };
                        let from = p.status;
                        p.status = to;
                        p.actual_end = None;
                        p.actual_start = (i == back).then_some(date);
                        log(&mut next, i, from, to, date, &note);
                    }
                }
            }
        }
        next.responses.push(response);
        Ok(next)
    }

    pub fn template(&self) -> Vec<PhaseTemplate> {
        self.phases
            .iter()
            .map(|p| PhaseTemplate {
                name: p.name.clone(),
                days: p.days,
            })
            .collect()
    }

    pub fn baseline(&self, calendar: &WorkCalendar) -> Plan {
        plan(&self.template(), self.start, calendar)
    }

    pub fn is_done(&self) -> bool {
        !self.phases.is_empty() && self.phases.iter().all(|p| p.status == PhaseStatus::Done)
    }

    /// Moves phase `index` to status `to` on `date`, recording it in the history. Phases run in
    /// order: one starts only when the one before is done, and a done phase reopens only while
    /// the next has not started.
    pub fn set_phase_status(
        &self,
        index: usize,
        to: PhaseStatus,
        date: NaiveDate,
        note: impl Into<String>,
    ) -> Result<Redesign, TrackingError> {
        use PhaseStatus::*;
        let phase = self
            .phases
            .get(index)
            .ok_or(TrackingError::NoSuchPhase(index))?;
        let from = phase.status;
        let invalid = || TrackingError::InvalidTransition {
            phase: phase.name.clone(),
            from: from.label(),
            to: to.label(),
        };
        let mut next = self.clone();
        let p = &mut next.phases[index];
        match (from, to) {
            (NotStarted, InProgress) => {
                if let Some(prev) = index.checked_sub(1).map(|i| &self.phases[i]) {
                    if prev.status != Done {
                        return Err(TrackingError::PreviousNotDone {
                            phase: phase.name.clone(),
                            previous: prev.name.clone(),
                        });
                    }
                    if prev.actual_end.is_some_and(|end| date < end) {
                        return Err(TrackingError::BadDate(format!(
                            "\"{}\" cannot start on {date}, before \"{}\" ended",
                            phase.name, prev.name
                        )));
                    }
                }
                p.actual_start = Some(date);
            }
            (InProgress, Waiting) | (Waiting, InProgress) => {}
            (InProgress | Waiting, Done) => {
                if p.actual_start.is_some_and(|s| date < s) {
                    return Err(TrackingError::BadDate(format!(
                        "\"{}\" cannot end on {date}, before it started",
                        phase.name
                    )));
                }
                p.actual_end = Some(date);
            }
            (Done, InProgress) => {
                if self
                    .phases
                    .get(index + 1)
                    .is_some_and(|n| n.status != NotStarted)
                {
                    return Err(invalid());
                }
                p.actual_end = None;
            }
            _ => return Err(invalid()),
        }
        p.status = to;
        next.history.push(StatusChange {
            date,
            phase: index as u32,
            from,
            to,
            note: note.into(),
        });
        Ok(next)
    }

    /// Where the redesign stands on `today`, by the rules in this module's documentation.
    pub fn progress(&self, calendar: &WorkCalendar, today: NaiveDate) -> RedesignProgress {
        let baseline = self.baseline(calendar);
        let today_work = calendar.next_work_day_on_or_after(today);
        let mut forecast = Vec::with_capacity(self.phases.len());
        let mut cursor: Option<NaiveDate> = None;
        for p in &self.phases {
            let days = p.days.max(1);
            let earliest = match cursor {
                Some(end) => calendar.next_work_day_after(end),
                None => baseline.start,
            };
            let (start, end) = match p.status {
                PhaseStatus::Done => {
                    let start = p.actual_start.unwrap_or(earliest);
                    (start, p.actual_end.unwrap_or(start))
                }
                PhaseStatus::InProgress | PhaseStatus::Waiting => {
                    let start = p.actual_start.unwrap_or(earliest);
                    let planned = calendar.add_work_days(start, i64::from(days) - 1);
                    (start, planned.max(today_work))
                }
                PhaseStatus::NotStarted => {
                    let start = earliest.max(today_work);
                    (start, calendar.add_work_days(start, i64::from(days) - 1))
                }
            };
            forecast.push(super::PlannedPhase {
                name: p.name.clone(),
                start,
                end,
                days,
            });
            cursor = Some(end);
        }
        let forecast_end = cursor.unwrap_or(baseline.end);
        let current = self
            .phases
            .iter()
            .position(|p| p.status != PhaseStatus::Done)
            .filter(|_| self.ended_on.is_none());
        let state = match current {
            _ if self.ended_on.is_some() => RedesignState::Rejected,
            None if !self.phases.is_empty() => RedesignState::Done,
            _ if forecast_end > baseline.end => RedesignState::Late,
            Some(i) => {
                let phase = &self.phases[i];
                let due = forecast[i].end;
                let due_soon = phase.status != PhaseStatus::NotStarted
                    && calendar.count_work_days(today_work, due) <= 2
                    && forecast[i].end >= baseline.phases[i].end;
                if phase.status == PhaseStatus::Waiting || due_soon {
                    RedesignState::AtRisk
                } else {
                    RedesignState::OnTrack
                }
            }
            None => RedesignState::OnTrack,
        };
        let forecast_end = self.ended_on.unwrap_or(forecast_end);
        let work_days_remaining = if matches!(state, RedesignState::Done | RedesignState::Rejected)
        {
            0
        } else {
            // From the day the work left starts: today while a phase runs, the next work day
            // when today's phase was finished today, the start when it is still to come.
            let from = current
                .and_then(|i| forecast.get(i))
                .map_or(today_work.max(baseline.start), |f| f.start.max(today_work));
            let days = calendar.count_work_days(from, forecast_end);
            i32::try_from(days.max(0)).unwrap_or(i32::MAX)
        };
        let awaiting_response = self
            .response_phase()
            .filter(|&i| {
                self.ended_on.is_none()
                    && self.phases[i].status != PhaseStatus::Done
                    && self.phases[..i]
                        .iter()
                        .all(|p| p.status == PhaseStatus::Done)
            })
            .map(|i| i as u32);
        RedesignProgress {
            awaiting_response,
            state,
            current_phase: current.map(|i| i as u32),
            baseline,
            forecast,
            forecast_end,
            work_days_remaining,
        }
    }
}

/// The touchpoint a finished redesign improves, with its reliability one step up (broken →
/// reliable → differentiating). `None` while the redesign runs, or when already at the top. The
/// caller applies it only when the user confirms.
pub fn improved_touchpoint(
    project: &crate::model::Project,
    redesign: &Redesign,
) -> Option<crate::model::Touchpoint> {
    if !redesign.is_done() {
        return None;
    }
    let t = project.touchpoint(redesign.touchpoint_id)?;
    let reliability = t.reliability.improved()?;
    Some(crate::model::Touchpoint {
        reliability,
        ..t.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::Weekmask;
    use proptest::prelude::*;
    use PhaseStatus::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn redesign() -> Redesign {
        // Starts Monday 2026-11-02; the baseline ends Friday 2026-11-27.
        Redesign::new(
            crate::model::new_id(),
            crate::model::new_id(),
            "Bag drop",
            d("2026-11-02"),
            &PhaseTemplate::default_template(),
        )
    }

    /// The default redesign with its proposal sent: phases 1–3 done, the last on Mon 16 Nov.
    fn sent() -> Redesign {
        let mut r = redesign();
        for (i, (start, end)) in [
            ("2026-11-02", "2026-11-06"),
            ("2026-11-09", "2026-11-13"),
            ("2026-11-16", "2026-11-16"),
        ]
        .into_iter()
        .enumerate()
        {
            r = r.set_phase_status(i, InProgress, d(start), "").unwrap();
            r = r.set_phase_status(i, Done, d(end), "").unwrap();
        }
        r
    }

    fn answer(decision: Decision, date: &str) -> CorporateResponse {
        CorporateResponse {
            decision,
            date: d(date),
            by: "COO".into(),
            comment: "Go ahead".into(),
        }
    }

    #[test]
    fn an_approval_completes_the_response_phase_on_its_date() {
        let mut cal = WorkCalendar::default();
        cal.holidays.insert(d("2026-11-23"), "Works holiday".into());
        let r = sent()
            .respond(
                answer(Decision::Approved, "2026-11-20"),
                AfterRejection::End,
                &cal,
            )
            .unwrap();
        let phase = &r.phases[3];
        assert_eq!(phase.status, Done);
        // Started the first work day after the proposal went out, ended on the answer's day.
        assert_eq!(phase.actual_start, Some(d("2026-11-17")));
        assert_eq!(phase.actual_end, Some(d("2026-11-20")));
        assert_eq!(r.responses.len(), 1);
        assert_eq!(r.ended_on, None);
        let last = r.history.last().unwrap();
        assert_eq!(
            (last.from, last.to, last.date),
            (InProgress, Done, d("2026-11-20"))
        );
        assert_eq!(last.note, "Corporate: approved — Go ahead");
        // The start it implied is logged without the answer: history tells the answer once.
        let start = &r.history[r.history.len() - 2];
        assert_eq!(
            (start.from, start.to, start.note.as_str()),
            (NotStarted, InProgress, "")
        );
        assert_eq!(
            r.responses[0].summary(),
            "approved on 2026-11-20 by COO: “Go ahead”"
        );
        // "Put into motion" may start the next work day (Monday is a holiday here).
        assert_eq!(
            sent().progress(&cal, d("2026-11-17")).awaiting_response,
            Some(3)
        );
        assert_eq!(
            redesign().progress(&cal, d("2026-11-17")).awaiting_response,
            None
        );
        let g = r.progress(&cal, d("2026-11-20"));
        assert_eq!(g.awaiting_response, None, "answered");
        assert_eq!(g.current_phase, Some(4));
        assert_eq!(g.forecast[4].start, d("2026-11-24"));
        assert_ne!(g.state, RedesignState::Rejected);
        assert!(r
            .set_phase_status(4, InProgress, d("2026-11-24"), "")
            .is_ok());
        // A second answer needs the phase reopened first.
        assert!(matches!(
            r.respond(
                answer(Decision::Changes, "2026-11-24"),
                AfterRejection::End,
                &cal
            ),
            Err(TrackingError::NotYet(_))
        ));
    }

    #[test]
    fn an_answer_waits_for_the_proposal_and_cannot_predate_it() {
        let cal = WorkCalendar::default();
        let early = redesign()
            .set_phase_status(0, InProgress, d("2026-11-02"), "")
            .unwrap();
        let err = early
            .respond(
                answer(Decision::Approved, "2026-11-20"),
                AfterRejection::End,
                &cal,
            )
            .unwrap_err();
        assert!(err.to_string().contains("Brainstorm"), "{err}");
        assert!(matches!(
            sent().respond(
                answer(Decision::Approved, "2026-11-13"),
                AfterRejection::End,
                &cal
            ),
            Err(TrackingError::BadDate(_))
        ));
        // Someone had already marked the wait as started: that start is kept.
        let waiting = sent()
            .set_phase_status(3, InProgress, d("2026-11-18"), "")
            .unwrap()
            .set_phase_status(3, Waiting, d("2026-11-18"), "")
            .unwrap();
        let r = waiting
            .respond(
                answer(Decision::Changes, "2026-11-19"),
                AfterRejection::End,
                &cal,
            )
            .unwrap();
        assert_eq!(r.phases[3].actual_start, Some(d("2026-11-18")));
        assert_eq!(r.history.last().unwrap().from, Waiting);
        assert_eq!(r.responses[0].decision.label(), "approved with changes");
    }

    #[test]
    fn a_rejection_ends_the_redesign_or_sends_it_back_to_the_proposal() {
        let cal = WorkCalendar::default();
        let ended = sent()
            .respond(
                answer(Decision::Rejected, "2026-11-19"),
                AfterRejection::End,
                &cal,
            )
            .unwrap();
        assert_eq!(ended.ended_on, Some(d("2026-11-19")));
        let g = ended.progress(&cal, d("2026-11-30"));
        assert_eq!(g.state, RedesignState::Rejected);
        assert_eq!((g.current_phase, g.work_days_remaining), (None, 0));
        assert_eq!(g.forecast_end, d("2026-11-19"));
        assert!(ended
            .respond(
                answer(Decision::Approved, "2026-11-20"),
                AfterRejection::End,
                &cal
            )
            .is_err());

        let back = sent()
            .respond(
                answer(Decision::Rejected, "2026-11-19"),
                AfterRejection::Revise,
                &cal,
            )
            .unwrap();
        assert_eq!(back.ended_on, None);
        assert_eq!(back.phases[0].status, Done, "the brainstorm stays done");
        assert_eq!(back.phases[1].status, InProgress);
        assert_eq!(back.phases[1].actual_start, Some(d("2026-11-19")));
        for i in [2, 3] {
            assert_eq!(back.phases[i].status, NotStarted);
            assert_eq!(
                (back.phases[i].actual_start, back.phases[i].actual_end),
                (None, None)
            );
        }
        assert_eq!(back.progress(&cal, d("2026-11-19")).current_phase, Some(1));
        // Reworked, sent again, approved: both answers are kept in order.
        let again = back
            .set_phase_status(1, Done, d("2026-11-25"), "")
            .unwrap()
            .set_phase_status(2, InProgress, d("2026-11-26"), "")
            .unwrap()
            .set_phase_status(2, Done, d("2026-11-26"), "")
            .unwrap()
            .respond(
                answer(Decision::Approved, "2026-11-30"),
                AfterRejection::End,
                &cal,
            )
            .unwrap();
        let decisions: Vec<_> = again.responses.iter().map(|a| a.decision).collect();
        assert_eq!(decisions, [Decision::Rejected, Decision::Approved]);
        assert_eq!(again.phases[3].actual_start, Some(d("2026-11-27")));
    }

    #[test]
    fn transitions_follow_the_phase_order() {
        let r = redesign();
        let cal = WorkCalendar::default();
        assert!(matches!(
            r.set_phase_status(1, InProgress, d("2026-11-02"), ""),
            Err(TrackingError::PreviousNotDone { .. })
        ));
        assert!(matches!(
            r.set_phase_status(0, Done, d("2026-11-02"), ""),
            Err(TrackingError::InvalidTransition { .. })
        ));
        assert!(matches!(
            r.set_phase_status(9, Done, d("2026-11-02"), ""),
            Err(TrackingError::NoSuchPhase(9))
        ));
        let r = r
            .set_phase_status(0, InProgress, d("2026-11-02"), "kick-off")
            .unwrap();
        let r = r
            .set_phase_status(0, Waiting, d("2026-11-04"), "workshop room")
            .unwrap();
        let r = r
            .set_phase_status(0, InProgress, d("2026-11-05"), "")
            .unwrap();
        let r = r.set_phase_status(0, Done, d("2026-11-06"), "").unwrap();
        assert!(matches!(
            r.set_phase_status(1, InProgress, d("2026-11-05"), ""),
            Err(TrackingError::BadDate(_))
        ));
        let r = r
            .set_phase_status(1, InProgress, d("2026-11-09"), "")
            .unwrap();
        assert!(
            r.set_phase_status(0, InProgress, d("2026-11-09"), "")
                .is_err(),
            "no reopening once the next started"
        );
        assert_eq!(r.history.len(), 5);
        assert_eq!(r.history[1].to, Waiting);
        assert_eq!(
            r.progress(&cal, d("2026-11-10")).state,
            RedesignState::OnTrack
        );
    }

    #[test]
    fn a_late_phase_pushes_the_forecast() {
        let cal = WorkCalendar::default();
        let r = redesign()
            .set_phase_status(0, InProgress, d("2026-11-02"), "")
            .unwrap();
        // Brainstorm is planned to end Fri 6 Nov. On Wed 11 Nov it is still running: 3 days over.
        let p = r.progress(&cal, d("2026-11-11"));
        assert_eq!(p.forecast[0].end, d("2026-11-11"));
        assert_eq!(p.forecast[1].start, d("2026-11-12"));
        assert_eq!(
            p.forecast_end,
            d("2026-12-02"),
            "the remaining 15 days follow the overrun"
        );
        assert_eq!(p.state, RedesignState::Late);
        assert_eq!(
            i64::from(p.work_days_remaining),
            cal.count_work_days(d("2026-11-11"), d("2026-12-02"))
        );
        assert_eq!(p.current_phase, Some(0));
    }

    #[test]
    fn a_phase_finished_today_leaves_today_out_of_the_days_left() {
        let cal = WorkCalendar::default();
        // Brainstorm from Mon 2 Nov, finished on Mon 9 Nov (a day over): the 15 days left start
        // on Tue 10 Nov, and today is not one of them.
        let r = redesign()
            .set_phase_status(0, InProgress, d("2026-11-02"), "")
            .unwrap()
            .set_phase_status(0, Done, d("2026-11-09"), "")
            .unwrap();
        let p = r.progress(&cal, d("2026-11-09"));
        assert_eq!(p.forecast[1].start, d("2026-11-10"));
        assert_eq!(p.work_days_remaining, 15);
        // Once the next phase has begun, today is a day of work again.
        let r = r
            .set_phase_status(1, InProgress, d("2026-11-10"), "")
            .unwrap();
        assert_eq!(r.progress(&cal, d("2026-11-10")).work_days_remaining, 15);
    }

    #[test]
    fn states_on_track_at_risk_done() {
        let cal = WorkCalendar::default();
        let r = redesign();
        let before = r.progress(&cal, d("2026-10-20"));
        assert_eq!(before.state, RedesignState::OnTrack);
        assert_eq!(before.forecast_end, d("2026-11-27"));
        assert_eq!(before.work_days_remaining, 20);

        let r = r
            .set_phase_status(0, InProgress, d("2026-11-02"), "")
            .unwrap();
        assert_eq!(
            r.progress(&cal, d("2026-11-03")).state,
            RedesignState::OnTrack
        );
        assert_eq!(
            r.progress(&cal, d("2026-11-05")).state,
            RedesignState::AtRisk,
            "due tomorrow"
        );
        let waiting = r.set_phase_status(0, Waiting, d("2026-11-03"), "").unwrap();
        assert_eq!(
            waiting.progress(&cal, d("2026-11-03")).state,
            RedesignState::AtRisk
        );

        let mut done = r.clone();
        let mut day = d("2026-11-02");
        for i in 0..done.phases.len() {
            if i > 0 {
                done = done.set_phase_status(i, InProgress, day, "").unwrap();
            }
            done = done.set_phase_status(i, Done, day, "").unwrap();
            day = cal.next_work_day_after(day);
        }
        let p = done.progress(&cal, d("2026-12-31"));
        assert_eq!(
            (p.state, p.work_days_remaining, p.current_phase),
            (RedesignState::Done, 0, None)
        );
    }

    #[test]
    fn holidays_on_phase_boundaries_and_year_end() {
        let cal = WorkCalendar::new(
            Weekmask::MONDAY_TO_FRIDAY,
            [
                (d("2026-12-25"), "Christmas".into()),
                (d("2027-01-01"), "New Year".into()),
            ],
        );
        let r = Redesign::new(
            crate::model::new_id(),
            crate::model::new_id(),
            "x",
            d("2026-12-21"),
            &PhaseTemplate::default_template(),
        );
        let b = r.baseline(&cal);
        // Brainstorm: Mon 21 – Mon 28 Dec (25th skipped); propose: Tue 29 Dec – Tue 5 Jan (1st skipped).
        assert_eq!(
            (b.phases[0].start, b.phases[0].end),
            (d("2026-12-21"), d("2026-12-28"))
        );
        assert_eq!(
            (b.phases[1].start, b.phases[1].end),
            (d("2026-12-29"), d("2027-01-05"))
        );
        for p in &b.phases {
            assert!(cal.is_work_day(p.start) && cal.is_work_day(p.end));
        }
    }

    proptest! {
        #[test]
        fn forecast_never_ends_before_baseline_or_today(
            started in 0usize..5, late_by in 0i64..15, today_offset in 0i64..60,
        ) {
            let cal = WorkCalendar::default();
            let mut r = Redesign::new(crate::model::new_id(), crate::model::new_id(), "x", d("2026-11-02"), &PhaseTemplate::default_template());
            let mut day = d("2026-11-02");
            for i in 0..started {
                r = r.set_phase_status(i, InProgress, day, "").unwrap();
                day = cal.add_work_days(day, i64::from(r.phases[i].days) - 1 + late_by);
                r = r.set_phase_status(i, Done, day, "").unwrap();
                day = cal.next_work_day_after(day);
            }
            let today = d("2026-11-02") + chrono::Duration::days(today_offset);
            let p = r.progress(&cal, today);
            prop_assert!(p.forecast_end >= p.baseline.end || p.state == RedesignState::Done);
            if p.state != RedesignState::Done {
                prop_assert!(p.forecast_end >= cal.next_work_day_on_or_after(today));
            }
            prop_assert_eq!(p.state == RedesignState::Late, p.forecast_end > p.baseline.end);
            for w in p.forecast.windows(2) {
                prop_assert!(w[1].start > w[0].end);
            }
        }
    }
}
