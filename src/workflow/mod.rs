//! The 20-work-day touchpoint redesign workflow: a work calendar, plans made from phase
//! templates, and tracking of each redesign against a "today" that is always passed in. Pure
//! functions only: no clock, no storage, no GUI.

mod calendar;
mod plan;
mod redesign;

pub use calendar::{Weekmask, WorkCalendar};
pub use plan::{plan, PhaseTemplate, Plan, PlannedPhase, DEFAULT_TEMPLATE};
pub use redesign::{
    improved_touchpoint, Phase, PhaseStatus, Redesign, RedesignProgress, RedesignState,
    StatusChange, TrackingError,
};
