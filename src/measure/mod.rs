//! Customer-experience measurement: KPIs on the touchpoints that matter, the voice of the
//! customer attached to stages, customers gained and lost, and the ten-pillar self-assessment.
//! Plain data and pure arithmetic (the date is always passed in); the dashboard and the report's
//! measures section both read their figures from [`Dashboard::compute`].

mod customers;
mod dashboard;
mod kpi;
mod pillars;
mod room;

pub use customers::CustomerFlow;
pub use dashboard::{
    Dashboard, FeedbackSummary, KpiCounts, KpiRow, ReliabilityBoard, StageFeedback,
    StageReliability, StageTrend, TopTouchpoint,
};
pub use kpi::{KpiStatus, Trend};
pub use room::{signed, RoomResults, StageRated, Voted};
// The records live in `model`; they are named here too for the code that measures them.
pub use crate::model::{
    CustomerPeriod, Direction, Feedback, FeedbackSource, Flow, FlowReason, Kpi, Measurement,
    Pillar, PillarScore, MAX_TOP_TOUCHPOINTS, PILLAR_SCORE_RANGE, RATING_RANGE, SENTIMENT_RANGE,
};
