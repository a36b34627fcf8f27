//! The 20-work-day touchpoint redesign workflow: a work calendar, plans made from phase
//! templates, and tracking of each redesign against a "today" that is always passed in. Pure
//! functions only: no clock, no storage, no GUI.

mod calendar;
mod plan;
mod redesign;

pub use plan::{plan, Plan, PlannedPhase};
pub use redesign::{
    improved_touchpoint, AfterRejection, RedesignProgress, RedesignState, TrackingError,
};
// The records live in `model`; they are named here too for the code that schedules them.
pub use crate::model::{
    CorporateResponse, Decision, Phase, PhaseStatus, PhaseTemplate, Proposal, Redesign,
    StatusChange, Weekmask, WorkCalendar, DEFAULT_TEMPLATE,
};
