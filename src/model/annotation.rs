//! What a workshop adds around the touchpoints: sticky notes (dot-voted) and customer stories.

use super::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A sticky note on the canvas; `votes` counts the dots a room put on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub id: Id,
    pub map_id: Id,
    /// The stage column the note sits in, if any.
    #[serde(default)]
    pub stage_id: Option<Id>,
    /// The lane row the note sits in, if any.
    #[serde(default)]
    pub lane_id: Option<Id>,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// A CSS colour such as `#fde68a`.
    pub color: String,
    #[serde(default)]
    pub votes: u32,
    /// Who wrote it: a live-room participant's name, or empty for the facilitator's own.
    #[serde(default)]
    pub author: String,
}

/// A customer narrative told at a stage: what happened, in the customer's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Story {
    pub id: Id,
    pub map_id: Id,
    pub stage_id: Id,
    #[serde(default)]
    pub persona_id: Option<Id>,
    pub title: String,
    pub text: String,
}
