//! The live workshop room: the facilitator's machine serves one map of the open project to the
//! browsers of the people in the room, who join with a short code and add notes, dot votes and
//! stage ratings. Every contribution becomes a change set written through the host's session,
//! so the project file keeps its single writer. Nothing leaves the room's network.

pub mod api;
mod page;
mod server;
mod state;

pub use server::{
    start, ChangeListener, ParticipantView, RoomHandle, RoomHost, RoomOptions, RoomState,
};
pub use state::{
    join_code, NoteRequest, Participant, Room, CODE_LENGTH, CONTRIBUTIONS_PER_SECOND,
    MAX_NOTE_CHARS, MAX_PARTICIPANTS, WRONG_CODES_PER_MINUTE,
};

use crate::model::LaneKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The one room a front-end may have open. Opening a second closes the first; closing the
/// project closes the room.
#[derive(Default)]
pub struct RoomSlot(std::sync::Mutex<Option<RoomHandle>>);

impl RoomSlot {
    fn slot(&self) -> std::sync::MutexGuard<'_, Option<RoomHandle>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Opens a room on `options.map_id` of the host's project and returns what to show.
    pub fn open(
        &self,
        host: RoomHost,
        options: RoomOptions,
        runtime: &tokio::runtime::Handle,
    ) -> crate::Result<RoomState> {
        let mut slot = self.slot();
        if let Some(old) = slot.take() {
            old.stop();
        }
        let handle = start(host, options, runtime)?;
        let state = handle.state();
        *slot = Some(handle);
        Ok(state)
    }

    /// Stops the room, if one is open. Every contribution is already in the file.
    pub fn close(&self) {
        if let Some(handle) = self.slot().take() {
            handle.stop();
        }
    }

    /// Closes the room, if one is open, and waits (at most `within`) until the participants'
    /// pages have been told and the server has stopped: for the app's exit, after which nothing
    /// would tell them and their pages would go on reconnecting.
    pub fn close_and_wait(&self, runtime: &tokio::runtime::Handle, within: std::time::Duration) {
        let Some(handle) = self.slot().take() else {
            return;
        };
        let runtime = runtime.clone();
        // On a thread of its own: the caller may be running on the runtime.
        let _ = std::thread::spawn(move || {
            runtime.block_on(async {
                let _ = tokio::time::timeout(within, handle.close()).await;
            });
        })
        .join();
    }

    /// Tells the open room, if any, that the host changed the project.
    pub fn host_changed(&self) {
        if let Some(handle) = self.slot().as_ref() {
            handle.host_changed();
        }
    }

    /// The open room's state, or `None`.
    pub fn state(&self) -> Option<RoomState> {
        self.slot().as_ref().map(RoomHandle::state)
    }

    /// Runs a facilitator's control on the open room and returns the new state.
    pub fn control(
        &self,
        f: impl FnOnce(&RoomHandle) -> Result<(), RoomError>,
    ) -> crate::Result<RoomState> {
        let slot = self.slot();
        let handle = slot
            .as_ref()
            .ok_or_else(|| crate::Error::InvalidInput("no room is open".into()))?;
        f(handle).map_err(|e| crate::Error::InvalidInput(e.message))?;
        Ok(handle.state())
    }
}

/// What the room is doing now; the facilitator moves it along.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RoomPhase {
    /// Participants add notes.
    Collect,
    /// Participants place dot votes on notes.
    Vote,
    /// Participants rate how each stage feels.
    Rate,
    /// Read-only.
    Closed,
}

impl RoomPhase {
    pub fn label(self) -> &'static str {
        match self {
            Self::Collect => "collect",
            Self::Vote => "vote",
            Self::Rate => "rate",
            Self::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Collect, Self::Vote, Self::Rate, Self::Closed]
            .into_iter()
            .find(|p| p.label() == s)
    }
}

/// What a participant's note is about; it decides the note's colour and default lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NoteKind {
    PainPoint,
    Idea,
    Question,
    Feeling,
}

impl NoteKind {
    pub fn lane_kind(self) -> LaneKind {
        match self {
            Self::PainPoint | Self::Question => LaneKind::PainPoints,
            Self::Idea => LaneKind::Opportunities,
            Self::Feeling => LaneKind::ThoughtsAndFeelings,
        }
    }

    /// The same colours the desktop gives notes in those lanes.
    pub fn color(self) -> &'static str {
        match self {
            Self::PainPoint => "#fecaca",
            Self::Idea => "#bbf7d0",
            Self::Question => "#fde68a",
            Self::Feeling => "#ede9fe",
        }
    }
}

/// A refused request: the HTTP status and the usual `{code, message}` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomError {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl RoomError {
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        RoomError {
            status,
            code,
            message: message.into(),
        }
    }
    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(403, code, message)
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(400, "invalid-input", message)
    }
    pub fn too_many(message: impl Into<String>) -> Self {
        Self::new(429, "too-many-requests", message)
    }
    pub fn wrong_phase(message: impl Into<String>) -> Self {
        Self::new(409, "wrong-phase", message)
    }
    pub fn not_joined() -> Self {
        Self::new(
            401,
            "not-joined",
            "join the room first (or again: the facilitator may have removed you)",
        )
    }
}

impl From<crate::Error> for RoomError {
    fn from(e: crate::Error) -> Self {
        Self::new(500, e.code().as_str(), e.to_string())
    }
}
