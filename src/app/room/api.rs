//! The participant page's side of the room's HTTP API (docs/room-api.md): what the page sends and
//! what it gets back. TypeScript declarations are generated from these (`ui/src/bindings/`), and
//! the page's script is type-checked against them, so the two cannot drift apart.

use super::RoomPhase;
use crate::model::{Id, LaneKind, Reliability, RoomRating};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// `POST /api/join`.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct JoinRequest {
    /// The room's join code, as shown on the projector.
    pub code: String,
    /// How the participant's notes are signed.
    pub name: String,
}

/// The answer to a join: the participant's token for every other call.
#[derive(Debug, Clone, Serialize, TS)]
pub struct JoinReply {
    pub token: String,
}

/// `GET /api/room`: the map being workshopped and the room's state; nothing else of the project.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomView {
    /// The participant's own name.
    pub name: String,
    pub phase: RoomPhase,
    pub vote_budget: u32,
    pub votes_left: u32,
    /// Grows with every change; the event stream announces it.
    #[ts(type = "number")]
    pub version: u64,
    pub map: MapView,
    /// This participant's rating per stage id.
    pub my_ratings: HashMap<Id, i32>,
    /// The facilitator's workshop timer, if shown.
    pub timer: Option<TimerView>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimerView {
    /// Seconds left.
    pub remaining: u32,
    pub running: bool,
}

/// The map in canvas units, laid out as the desktop lays it out (stage columns from the left,
/// lane rows from the top, after the header column and row).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MapView {
    pub name: String,
    pub stages: Vec<StageView>,
    pub lanes: Vec<LaneView>,
    pub cards: Vec<CardView>,
    pub notes: Vec<NoteView>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StageView {
    pub id: Id,
    pub name: String,
    /// Left edge.
    pub x: f64,
    pub width: f64,
    /// How the room rated the stage so far (the room's curve), if anyone did.
    pub room_rating: Option<RoomRating>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaneView {
    pub id: Id,
    pub name: String,
    pub kind: LaneKind,
    /// Top edge.
    pub y: f64,
    pub height: f64,
}

/// A touchpoint card.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardView {
    pub id: Id,
    pub title: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub reliability: Reliability,
    pub moment_of_truth: bool,
    pub votes: u32,
}

/// A sticky note.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    pub id: Id,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// A CSS colour.
    pub color: String,
    pub votes: u32,
    /// Who wrote it; empty for the facilitator's own.
    pub author: String,
}

/// `POST /api/votes`: a dot on a note (`noteId`) or a card (`cardId`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteRequest {
    #[serde(default)]
    #[ts(optional)]
    pub note_id: Option<Id>,
    #[serde(default)]
    #[ts(optional)]
    pub card_id: Option<Id>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteReply {
    pub votes_left: u32,
}

/// `POST /api/ratings`: how a stage feels to the participant, −2..=+2.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RatingRequest {
    pub stage_id: Id,
    pub value: i32,
}
