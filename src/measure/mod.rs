//! Customer-experience measurement: KPIs on the touchpoints that matter, the voice of the
//! customer attached to stages, customers gained and lost, and the ten-pillar self-assessment.
//! Plain data and pure arithmetic (the date is always passed in); the dashboard and the report's
//! measures section both read their figures from [`Dashboard::compute`].

mod customers;
mod dashboard;
mod feedback;
mod kpi;
mod pillars;

pub use customers::{CustomerFlow, CustomerPeriod, Flow, FlowReason};
pub use dashboard::{
    Dashboard, FeedbackSummary, KpiCounts, KpiRow, ReliabilityBoard, StageFeedback,
    StageReliability, StageTrend, TopTouchpoint,
};
pub use feedback::{Feedback, FeedbackSource, RATING_RANGE, SENTIMENT_RANGE};
pub use kpi::{Direction, Kpi, KpiStatus, Measurement, Trend, MAX_TOP_TOUCHPOINTS};
pub use pillars::{Pillar, PillarScore, PILLAR_SCORE_RANGE};
