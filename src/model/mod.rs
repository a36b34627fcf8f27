//! The journey-mapping domain as plain data: no storage, no GUI, no clock. Every record has a
//! UUID v4 and a `map_id` (where it belongs), so a project is a flat set of records that the file
//! format, the JSON interchange format and the UI's record store all share.

mod annotation;
mod changes;
mod comment;
mod emotion;
mod layout;
mod look;
mod map;
mod measures;
mod opportunity;
mod persona;
mod picture;
mod project;
mod redesign;
mod starter;
mod templates;
mod touchpoint;
mod validate;

pub use touchpoint::{EMOTION_RANGE, SCORE_RANGE};
pub use validate::{Limits, LIMITS, MAX_COORDINATE, MAX_HOLIDAYS, MAX_NAME_CHARS, MAX_TEXT_CHARS};

pub use annotation::{Note, Story};
pub use changes::{Changes, Record, RecordKind, RecordRef};
pub use comment::{open_threads, Comment, CommentTarget};
pub use emotion::{
    curve_segments, customer_facing, emotion_curve, emotion_curve_of, emotion_y, feelings_row,
    CurvePoint, CurveSegment, SLOT_WIDTH,
};
pub use layout::*;
pub use look::{
    base64_bytes, parse_accent, Logo, LogoType, Paper, ReportDefaults, Section, MAX_LOGO_BYTES,
};
pub use map::{JourneyMap, Lane, LaneKind, MapKind, RoomRating, Stage};
pub use measures::{
    CustomerPeriod, Direction, Feedback, FeedbackSource, Flow, FlowReason, Kpi, Measurement,
    Pillar, PillarScore, MAX_TOP_TOUCHPOINTS, PILLAR_SCORE_RANGE, RATING_RANGE, SENTIMENT_RANGE,
};
pub use opportunity::{
    ranked as ranked_opportunities, Evidence, EvidenceKind, Opportunity, OpportunityStatus,
    Quadrant, HIGH_SCORE, OPPORTUNITY_SCORE_RANGE,
};
pub use persona::{Feeling, Persona, MAX_PERSONA_LINES, OWN_LINE_COLOUR, PERSONA_LINE_COLOURS};
pub use picture::{
    Picture, PictureData, PictureFit, PictureType, MAX_PICTURE_BYTES, MAX_PICTURE_SIDE,
    MAX_PORTRAIT_BYTES, MAX_PORTRAIT_SIDE,
};
pub use project::{Project, ProjectInfo, Summary};
pub use redesign::{
    CorporateResponse, Decision, Phase, PhaseStatus, PhaseTemplate, Proposal, Redesign,
    StatusChange, Weekmask, WorkCalendar, DEFAULT_TEMPLATE,
};
pub use starter::{starter_map, STARTER_LANES, STARTER_STAGES};
pub use templates::{
    built_in as built_in_templates, from_saved, template_of, ItemSpec, MapTemplate, StageSpec,
};
pub use touchpoint::{Connector, Reliability, Touchpoint};

/// Every record is identified by a random UUID (v4), rendered as a hyphenated string.
pub type Id = uuid::Uuid;

/// A new random id.
pub fn new_id() -> Id {
    uuid::Uuid::new_v4()
}
