//! The room's rules, without any networking: who is in it, what phase it is in, and what each
//! contribution becomes in the project (a change set the host's session writes). Pure apart
//! from the random codes and tokens; the time is passed in.

use super::{NoteKind, RoomError, RoomPhase};
use crate::model::{
    Changes, Id, LaneKind, Note, Project, Record, RoomRating, Stage, CARD_HEIGHT, CARD_WIDTH,
    LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT,
};
use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// Join codes use 32 characters that cannot be mistaken for each other when read off a projector
/// (no I, O, 0 or 1), so each byte of randomness picks one without bias.
const CODE_ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
pub const CODE_LENGTH: usize = 6;
pub const MAX_PARTICIPANTS: usize = 200;
pub const MAX_NOTE_CHARS: usize = 500;
pub const MAX_NAME_CHARS: usize = 40;
/// Contributions per participant per second before the room answers "too many requests".
pub const CONTRIBUTIONS_PER_SECOND: usize = 5;
/// Wrong join codes from one address within a minute before that address has to wait.
pub const WRONG_CODES_PER_MINUTE: usize = 10;
pub const DEFAULT_VOTE_BUDGET: u32 = 5;

/// Random bytes from the operating system (through the UUID generator, which uses it).
fn random_bytes(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n + 16);
    while out.len() < n {
        out.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    out.truncate(n);
    out
}

/// A fresh join code, e.g. `K7PMQ3`.
pub fn join_code() -> String {
    random_bytes(CODE_LENGTH)
        .into_iter()
        .map(|b| CODE_ALPHABET[(b % 32) as usize] as char)
        .collect()
}

/// A bearer token: 256 random bits as hex.
pub fn token() -> String {
    random_bytes(32)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Debug, Clone)]
pub struct Participant {
    pub id: Id,
    pub name: String,
    pub notes: u32,
    /// Open event streams: a participant with none has closed the page or lost the network.
    pub streams: u32,
    recent: VecDeque<Instant>,
}

/// One live room on one map of the host's project.
#[derive(Debug)]
pub struct Room {
    pub code: String,
    pub map_id: Id,
    pub phase: RoomPhase,
    pub locked: bool,
    pub vote_budget: u32,
    participants: HashMap<String, Participant>,
    /// Note ids already accepted, so a page that resends after a dropped connection never
    /// creates a second note.
    accepted_notes: HashMap<Id, Id>,
    /// Every vote accepted, oldest first: (participant, note or card).
    vote_log: Vec<(Id, Id)>,
    /// Every rating accepted, oldest first: (participant, stage, −2..=+2).
    rating_log: Vec<(Id, Id, i32)>,
    wrong_codes: HashMap<IpAddr, VecDeque<Instant>>,
    /// The facilitator's workshop timer: seconds left when it was set, and since when it runs.
    timer: Option<(u32, Option<Instant>)>,
}

impl Room {
    pub fn new(map_id: Id) -> Room {
        Room {
            code: join_code(),
            map_id,
            phase: RoomPhase::Collect,
            locked: false,
            vote_budget: DEFAULT_VOTE_BUDGET,
            participants: HashMap::new(),
            accepted_notes: HashMap::new(),
            vote_log: Vec::new(),
            rating_log: Vec::new(),
            wrong_codes: HashMap::new(),
            timer: None,
        }
    }

    /// Shows the facilitator's timer on every participant's screen: `remaining` seconds, counting
    /// down from `now` when `running`. `None` hides it.
    pub fn set_timer(&mut self, timer: Option<(u32, bool)>, now: Instant) {
        self.timer = timer.map(|(remaining, running)| (remaining, running.then_some(now)));
    }

    /// The timer as of `now`: seconds left and whether it is running.
    pub fn timer(&self, now: Instant) -> Option<(u32, bool)> {
        self.timer.map(|(remaining, since)| match since {
            None => (remaining, false),
            Some(t) => {
                let gone = u32::try_from(now.duration_since(t).as_secs()).unwrap_or(u32::MAX);
                let left = remaining.saturating_sub(gone);
                (left, left > 0)
            }
        })
    }

    pub fn participants(&self) -> impl Iterator<Item = &Participant> {
        self.participants.values()
    }

    /// Lets a person in with the room's code; returns their token.
    pub fn join(
        &mut self,
        code: &str,
        name: &str,
        from: IpAddr,
        now: Instant,
    ) -> Result<String, RoomError> {
        let tries = self.wrong_codes.entry(from).or_default();
        while tries
            .front()
            .is_some_and(|t| now.duration_since(*t) > Duration::from_secs(60))
        {
            tries.pop_front();
        }
        if tries.len() >= WRONG_CODES_PER_MINUTE {
            return Err(RoomError::too_many(
                "too many wrong codes from this address; wait a minute and try again",
            ));
        }
        if !code.trim().eq_ignore_ascii_case(&self.code) {
            tries.push_back(now);
            return Err(RoomError::forbidden(
                "wrong-code",
                "that is not this room's code: check the code on the facilitator's screen",
            ));
        }
        if self.locked {
            return Err(RoomError::forbidden(
                "room-locked",
                "the facilitator has closed the room to new people",
            ));
        }
        if self.participants.len() >= MAX_PARTICIPANTS {
            return Err(RoomError::forbidden(
                "room-full",
                format!("the room is full ({MAX_PARTICIPANTS} people)"),
            ));
        }
        let name = crate::text::typed_text(name, false);
        if !crate::text::shows_anything(&name) {
            return Err(RoomError::invalid(format!(
                "your name, please (1 to {MAX_NAME_CHARS} characters)"
            )));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(RoomError::invalid(format!(
                "a name of at most {MAX_NAME_CHARS} characters, please"
            )));
        }
        let token = token();
        self.participants.insert(
            token.clone(),
            Participant {
                id: crate::model::new_id(),
                name,
                notes: 0,
                streams: 0,
                recent: VecDeque::new(),
            },
        );
        Ok(token)
    }

    pub fn participant(&self, token: &str) -> Result<&Participant, RoomError> {
        self.participants
            .get(token)
            .ok_or_else(RoomError::not_joined)
    }

    /// A page of the participant opened its event stream; returns who it is.
    pub fn connect(&mut self, token: &str) -> Result<Id, RoomError> {
        let p = self
            .participants
            .get_mut(token)
            .ok_or_else(RoomError::not_joined)?;
        p.streams += 1;
        Ok(p.id)
    }

    /// One of the participant's event streams ended.
    pub fn disconnect(&mut self, participant: Id) {
        if let Some(p) = self.participants.values_mut().find(|p| p.id == participant) {
            p.streams = p.streams.saturating_sub(1);
        }
    }

    /// Removes a participant: their token stops working at once. Returns what their ratings
    /// leaving changes on the map's stages: nothing when they rated nothing in this room, so a
    /// curve an earlier room left stays; `None` when there is no such participant.
    pub fn remove(&mut self, participant: Id, project: &Project) -> Option<Changes> {
        let token = self
            .participants
            .iter()
            .find(|(_, p)| p.id == participant)
            .map(|(t, _)| t.clone())?;
        let rated = !self.ratings_of(participant, project).is_empty();
        self.participants.remove(&token)?;
        Some(if rated {
            self.curve_changes(project, None)
        } else {
            Changes::default()
        })
    }

    /// Counts a contribution against the participant's rate limit.
    fn admit(&mut self, token: &str, now: Instant) -> Result<&mut Participant, RoomError> {
        let p = self
            .participants
            .get_mut(token)
            .ok_or_else(RoomError::not_joined)?;
        while p
            .recent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1))
        {
            p.recent.pop_front();
        }
        if p.recent.len() >= CONTRIBUTIONS_PER_SECOND {
            return Err(RoomError::too_many(
                "slow down a little: a few contributions a second at most",
            ));
        }
        p.recent.push_back(now);
        Ok(p)
    }

    fn require_phase(&self, phase: RoomPhase, what: &str) -> Result<(), RoomError> {
        if self.phase == phase {
            Ok(())
        } else {
            Err(RoomError::wrong_phase(format!(
                "{what} only while the room is in the {} phase (now: {})",
                phase.label(),
                self.phase.label()
            )))
        }
    }

    /// The change that adds a participant's note, or `None` when the note was already
    /// accepted (a resend).
    pub fn note(
        &mut self,
        project: &Project,
        token: &str,
        request: &NoteRequest,
        now: Instant,
    ) -> Result<Option<Changes>, RoomError> {
        self.participant(token)?;
        if self.accepted_notes.contains_key(&request.id) {
            return Ok(None);
        }
        self.require_phase(RoomPhase::Collect, "notes can be added")?;
        let text = crate::text::typed_text(&request.text, true);
        if !crate::text::shows_anything(&text) {
            return Err(RoomError::invalid("the note is empty"));
        }
        if text.chars().count() > MAX_NOTE_CHARS {
            return Err(RoomError::invalid(format!(
                "a note holds at most {MAX_NOTE_CHARS} characters"
            )));
        }
        if project.notes.iter().any(|n| n.id == request.id)
            || project.touchpoints.iter().any(|t| t.id == request.id)
        {
            return Err(RoomError::invalid("that note id is taken; reload the page"));
        }
        let map_id = self.map_id;
        let stages = project.stages_of(map_id);
        let lanes = project.lanes_of(map_id);
        let Some(stage_index) = stages.iter().position(|s| s.id == request.stage_id) else {
            return Err(RoomError::invalid("that stage is not on the map"));
        };
        let lane_index = match request.lane_id {
            Some(id) => lanes
                .iter()
                .position(|l| l.id == id)
                .ok_or_else(|| RoomError::invalid("that lane is not on the map"))?,
            None => lanes
                .iter()
                .position(|l| l.kind == request.kind.lane_kind())
                .or_else(|| lanes.iter().position(|l| l.kind == LaneKind::PainPoints))
                .ok_or_else(|| RoomError::invalid("the map has no lane for notes"))?,
        };
        let name = self.participant(token)?.name.clone();
        self.admit(token, now)?;
        let (stage, lane) = (stages[stage_index], lanes[lane_index]);
        let x0 = LANE_HEADER_WIDTH + stages[..stage_index].iter().map(|s| s.width).sum::<f64>();
        let y0 = STAGE_HEADER_HEIGHT + lanes[..lane_index].iter().map(|l| l.height).sum::<f64>();
        let mut put = Vec::new();
        let (x, y) = match free_spot(project, map_id, (x0, y0, stage.width, lane.height)) {
            Some(spot) => spot,
            None => {
                // The cell is full: the lane grows by a row of notes and what lies below moves
                // down with it, as when the facilitator adds a card to a full cell.
                let bottom = cell_bottom(project, map_id, (x0, y0, stage.width, lane.height));
                let grow = (bottom + NOTE_GAP + CARD_HEIGHT + NOTE_GAP) - (y0 + lane.height);
                let lane_end = y0 + lane.height;
                let mut grown = (*lane).clone();
                grown.height += grow;
                put.push(Record::Lane(grown));
                for t in project.touchpoints.iter().filter(|t| t.map_id == map_id) {
                    if t.y >= lane_end {
                        let mut moved = t.clone();
                        moved.y += grow;
                        put.push(Record::Touchpoint(moved));
                    }
                }
                for n in project.notes.iter().filter(|n| n.map_id == map_id) {
                    if n.y >= lane_end {
                        let mut moved = n.clone();
                        moved.y += grow;
                        put.push(Record::Note(moved));
                    }
                }
                (x0 + NOTE_GAP, bottom + NOTE_GAP)
            }
        };
        let note = Note {
            id: request.id,
            map_id,
            stage_id: Some(stage.id),
            lane_id: Some(lane.id),
            text,
            x,
            y,
            width: CARD_WIDTH,
            height: CARD_HEIGHT,
            color: request.kind.color().to_owned(),
            votes: 0,
            author: name,
        };
        put.push(Record::Note(note));
        Ok(Some(Changes {
            put,
            delete: vec![],
        }))
    }

    /// One dot vote on a note or a card of the map.
    pub fn vote(
        &mut self,
        project: &Project,
        token: &str,
        target: Id,
        now: Instant,
    ) -> Result<Changes, RoomError> {
        self.participant(token)?;
        self.require_phase(RoomPhase::Vote, "votes can be placed")?;
        let budget = self.vote_budget;
        let map_id = self.map_id;
        let record = if let Some(n) = project
            .notes
            .iter()
            .find(|n| n.id == target && n.map_id == map_id)
        {
            let mut voted = n.clone();
            voted.votes = voted.votes.saturating_add(1);
            Record::Note(voted)
        } else if let Some(t) = project
            .touchpoints
            .iter()
            .find(|t| t.id == target && t.map_id == map_id)
        {
            let mut voted = t.clone();
            voted.votes = voted.votes.saturating_add(1);
            Record::Touchpoint(voted)
        } else {
            return Err(RoomError::invalid("that note or card is not on the map"));
        };
        if self.votes_on_map(self.participant(token)?.id, project) >= budget {
            return Err(RoomError::wrong_phase(format!(
                "all {budget} of your votes are placed"
            )));
        }
        self.admit(token, now)?;
        Ok(Changes {
            put: vec![record],
            delete: vec![],
        })
    }

    /// How many of a participant's accepted notes are among `on_map` (the map's notes now).
    pub fn notes_on_map(&self, participant: Id, on_map: &std::collections::HashSet<Id>) -> u32 {
        let n = self
            .accepted_notes
            .iter()
            .filter(|(note, by)| **by == participant && on_map.contains(note))
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// Records a note the host has written: a resend of its id is now a no-op.
    pub fn noted(&mut self, token: &str, note_id: Id) {
        let id = participant_id(self, token);
        if let Some(p) = self.participants.get_mut(token) {
            p.notes += 1;
        }
        self.accepted_notes.insert(note_id, id);
    }

    /// Records a vote the host has written against the participant's budget.
    pub fn voted(&mut self, token: &str, target: Id) {
        let id = participant_id(self, token);
        self.vote_log.push((id, target));
    }

    /// How many of a participant's votes still stand on the map: the facilitator may have undone
    /// some, or deleted what they were on, and those dots are theirs to place again. A note or
    /// card with fewer votes now than this room gave it lost the newest first, as undo takes them.
    pub fn votes_on_map(&self, participant: Id, project: &Project) -> u32 {
        let mut standing: HashMap<Id, u32> = HashMap::new();
        let mut count = 0u32;
        for (who, target) in &self.vote_log {
            let left = standing.entry(*target).or_insert_with(|| {
                let note = project
                    .notes
                    .iter()
                    .find(|n| n.id == *target)
                    .map(|n| n.votes);
                note.or_else(|| {
                    project
                        .touchpoints
                        .iter()
                        .find(|t| t.id == *target)
                        .map(|t| t.votes)
                })
                .unwrap_or(0)
            });
            if *left > 0 {
                *left -= 1;
                if *who == participant {
                    count += 1;
                }
            }
        }
        count
    }

    /// How a participant feels about a stage, −2..=+2. The room's curve is kept on the map's
    /// stages, so the answer is the change to their ratings; [`Room::rated`] records it once
    /// written. The first rating of a room replaces what an earlier room left on the map.
    pub fn rate(
        &mut self,
        project: &Project,
        token: &str,
        stage_id: Id,
        value: i32,
        now: Instant,
    ) -> Result<Changes, RoomError> {
        self.participant(token)?;
        self.require_phase(RoomPhase::Rate, "stages can be rated")?;
        if !(-2..=2).contains(&value) {
            return Err(RoomError::invalid("a rating is from −2 to +2"));
        }
        if !project
            .stages
            .iter()
            .any(|s| s.id == stage_id && s.map_id == self.map_id)
        {
            return Err(RoomError::invalid("that stage is not on the map"));
        }
        self.admit(token, now)?;
        Ok(self.curve_changes(project, Some((token, stage_id, value))))
    }

    /// The change that brings the map's stages to this room's curve, counting `pending` (a
    /// participant's rating not yet recorded) as given. Empty when they already match.
    pub fn curve_changes(&self, project: &Project, pending: Option<(&str, Id, i32)>) -> Changes {
        let put = project
            .stages_of(self.map_id)
            .into_iter()
            .filter_map(|stage| {
                let pending = pending
                    .filter(|(_, id, _)| *id == stage.id)
                    .map(|(token, _, value)| (participant_id(self, token), value));
                let mut ratings: HashMap<Id, i32> = self.standing(stage);
                if let Some((who, value)) = pending {
                    ratings.insert(who, value);
                }
                let rating = RoomRating::of(ratings.into_values());
                (!same(rating, stage.room_rating)).then(|| {
                    Record::Stage(Stage {
                        room_rating: rating,
                        ..stage.clone()
                    })
                })
            })
            .collect();
        Changes {
            put,
            delete: vec![],
        }
    }

    /// Records a rating the host has written.
    pub fn rated(&mut self, token: &str, stage_id: Id, value: i32) {
        let id = participant_id(self, token);
        self.rating_log.push((id, stage_id, value));
    }

    /// A participant's ratings that still stand on the map, by stage.
    pub fn ratings_of(&self, participant: Id, project: &Project) -> HashMap<Id, i32> {
        project
            .stages_of(self.map_id)
            .into_iter()
            .filter_map(|stage| {
                self.standing(stage)
                    .get(&participant)
                    .map(|v| (stage.id, *v))
            })
            .collect()
    }

    /// The ratings of `stage` that still stand, by participant: the facilitator may have undone
    /// (or redone) some, so the longest run of this room's ratings of the stage, oldest first,
    /// whose curve the map shows now (with or without people since removed) is what stands.
    /// None when the map shows none of it (the room's first rating undone brings back an
    /// earlier room's curve). Only people still in the room are counted.
    fn standing(&self, stage: &Stage) -> HashMap<Id, i32> {
        let entries: Vec<(Id, i32)> = self
            .rating_log
            .iter()
            .filter(|(_, s, _)| *s == stage.id)
            .map(|(who, _, v)| (*who, *v))
            .collect();
        let here = |who: &Id| self.participants.values().any(|p| p.id == *who);
        for k in (1..=entries.len()).rev() {
            let mut latest: HashMap<Id, i32> = HashMap::new();
            for (who, v) in &entries[..k] {
                latest.insert(*who, *v);
            }
            let all = RoomRating::of(latest.values().copied());
            let present =
                RoomRating::of(latest.iter().filter(|(who, _)| here(who)).map(|(_, v)| *v));
            if same(all, stage.room_rating) || same(present, stage.room_rating) {
                latest.retain(|who, _| here(who));
                return latest;
            }
        }
        HashMap::new()
    }
}

/// Two room ratings alike: the same count, lowest and highest, and means equal but for the
/// rounding of the order they were summed in.
fn same(a: Option<RoomRating>, b: Option<RoomRating>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            a.count == b.count
                && a.low == b.low
                && a.high == b.high
                && (a.mean - b.mean).abs() < 1e-9
        }
        _ => false,
    }
}

fn participant_id(room: &Room, token: &str) -> Id {
    room.participants.get(token).map_or(Id::nil(), |p| p.id)
}

/// What a participant's page sends for a note.
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteRequest {
    /// Made by the page, so a resend is recognised.
    pub id: Id,
    pub stage_id: Id,
    #[serde(default)]
    pub lane_id: Option<Id>,
    pub kind: NoteKind,
    pub text: String,
}

const NOTE_GAP: f64 = 16.0;

/// The cards and notes of a map that lie in a cell (by their top-left corner).
fn in_cell(project: &Project, map_id: Id, cell: (f64, f64, f64, f64)) -> Vec<(f64, f64, f64, f64)> {
    let (cx, cy, cw, ch) = cell;
    project
        .touchpoints
        .iter()
        .filter(|t| t.map_id == map_id)
        .map(|t| (t.x, t.y, t.width, t.height))
        .chain(
            project
                .notes
                .iter()
                .filter(|n| n.map_id == map_id)
                .map(|n| (n.x, n.y, n.width, n.height)),
        )
        .filter(|(x, y, w, h)| *x < cx + cw && x + w > cx && *y < cy + ch && y + h > cy)
        .collect()
}

/// The lowest edge of anything in the cell (the cell's top when it is empty).
fn cell_bottom(project: &Project, map_id: Id, cell: (f64, f64, f64, f64)) -> f64 {
    in_cell(project, map_id, cell)
        .iter()
        .map(|(_, y, _, h)| y + h)
        .fold(cell.1, f64::max)
}

/// The first place in the cell, row by row, where a card-sized note overlaps no card or note.
fn free_spot(project: &Project, map_id: Id, cell: (f64, f64, f64, f64)) -> Option<(f64, f64)> {
    let (cx, cy, cw, ch) = cell;
    let taken = in_cell(project, map_id, cell);
    let overlaps = |x: f64, y: f64| {
        taken.iter().any(|(tx, ty, tw, th)| {
            x < tx + tw && *tx < x + CARD_WIDTH && y < ty + th && *ty < y + CARD_HEIGHT
        })
    };
    let mut y = cy + NOTE_GAP;
    while y + CARD_HEIGHT <= cy + ch - NOTE_GAP / 2.0 {
        let mut x = cx + NOTE_GAP;
        while x + CARD_WIDTH <= cx + cw - NOTE_GAP / 2.0 {
            if !overlaps(x, y) {
                return Some((x, y));
            }
            x += CARD_WIDTH + NOTE_GAP;
        }
        y += CARD_HEIGHT + NOTE_GAP;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unmistakable_characters() {
        for _ in 0..200 {
            let c = join_code();
            assert_eq!(c.len(), CODE_LENGTH);
            assert!(c.chars().all(|ch| !"IO01".contains(ch)), "{c}");
        }
        assert_ne!(join_code(), join_code());
        assert_eq!(token().len(), 64);
    }

    #[test]
    fn ten_wrong_codes_make_an_address_wait() {
        let mut room = Room::new(Id::nil());
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        let t0 = Instant::now();
        for _ in 0..WRONG_CODES_PER_MINUTE {
            assert_eq!(
                room.join("nope", "A", ip, t0).unwrap_err().code,
                "wrong-code"
            );
        }
        let code = room.code.clone();
        assert_eq!(room.join(&code, "A", ip, t0).unwrap_err().status, 429);
        let other: IpAddr = "10.0.0.8".parse().unwrap();
        assert!(
            room.join(&code, "B", other, t0).is_ok(),
            "others still join"
        );
        assert!(room
            .join(&code, "A", ip, t0 + Duration::from_secs(61))
            .is_ok());
    }

    #[test]
    fn the_timer_counts_down_from_when_it_was_set() {
        let mut room = Room::new(Id::nil());
        let t0 = Instant::now();
        assert_eq!(room.timer(t0), None);
        room.set_timer(Some((600, true)), t0);
        assert_eq!(room.timer(t0 + Duration::from_secs(90)), Some((510, true)));
        assert_eq!(room.timer(t0 + Duration::from_secs(700)), Some((0, false)));
        room.set_timer(Some((300, false)), t0);
        assert_eq!(room.timer(t0 + Duration::from_secs(90)), Some((300, false)));
    }

    #[test]
    fn names_and_notes_lose_what_draws_nothing_or_turns_text_around() {
        let project = crate::app::generate::project(6, 1);
        let map = project.maps[0].id;
        let mut room = Room::new(map);
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        let code = room.code.clone();
        let now = Instant::now();
        let t = room.join(&code, "مريم \u{202E}evil", ip, now).unwrap();
        assert_eq!(room.participant(&t).unwrap().name, "مريم evil");
        assert_eq!(
            room.join(&code, " \u{200B}\u{0} ", ip, now)
                .unwrap_err()
                .code,
            "invalid-input"
        );
        let note = |text: &str| NoteRequest {
            id: crate::model::new_id(),
            stage_id: project.stages_of(map)[0].id,
            lane_id: None,
            kind: NoteKind::Idea,
            text: text.into(),
        };
        let err = room
            .note(&project, &t, &note("\u{0}\u{200B}"), now)
            .unwrap_err();
        assert_eq!(err.message, "the note is empty");
        let changes = room
            .note(&project, &t, &note("Queue\u{202E} at the desk\u{7}"), now)
            .unwrap()
            .unwrap();
        assert!(changes.put.iter().any(|r| matches!(r,
            Record::Note(n) if n.text.starts_with("Queue at the desk"))));
    }

    #[test]
    fn a_rating_the_host_undid_stays_undone() {
        let project = crate::app::generate::project(6, 1);
        let map = project.maps[0].id;
        let stages: Vec<Id> = project.stages_of(map).iter().map(|s| s.id).collect();
        let (s, t) = (stages[0], stages[1]);
        // The curve an earlier room left.
        let mut earlier = project.clone();
        earlier
            .stages
            .iter_mut()
            .find(|x| x.id == s)
            .unwrap()
            .room_rating = RoomRating::of([2, 1]);
        let mut room = Room::new(map);
        room.phase = RoomPhase::Rate;
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        let code = room.code.clone();
        let now = Instant::now();
        let zoe = room.join(&code, "Zoë", ip, now).unwrap();
        let me = room.participant(&zoe).unwrap().id;
        let changes = room.rate(&earlier, &zoe, s, -2, now).unwrap();
        room.rated(&zoe, s, -2);
        let mut rated = earlier.clone();
        rated.apply(&changes);
        assert_eq!(room.ratings_of(me, &rated), HashMap::from([(s, -2)]));
        // The host undoes it: the earlier curve is back, and Zoë's rating no longer stands.
        assert!(room.ratings_of(me, &earlier).is_empty());
        // Her next rating does not bring the undone one back.
        let next = room.rate(&earlier, &zoe, t, -1, now).unwrap();
        let rating_of = |id: Id| {
            next.put.iter().find_map(|r| match r {
                Record::Stage(x) if x.id == id => Some(x.room_rating),
                _ => None,
            })
        };
        assert_eq!(rating_of(t), Some(RoomRating::of([-1])));
        assert_eq!(
            rating_of(s),
            Some(None),
            "this room's first rating replaces the curve"
        );
        // A redo brings her rating back.
        assert_eq!(room.ratings_of(me, &rated), HashMap::from([(s, -2)]));
        // Removing her after the undo leaves the earlier curve alone.
        assert_eq!(room.remove(me, &earlier), Some(Changes::default()));
    }

    #[test]
    fn a_vote_the_host_undid_is_the_participants_to_place_again() {
        let mut project = crate::app::generate::project(6, 1);
        let map = project.maps[0].id;
        let card = project
            .touchpoints
            .iter()
            .find(|t| t.map_id == map)
            .unwrap()
            .id;
        let mut room = Room::new(map);
        room.vote_budget = 2;
        room.phase = RoomPhase::Vote;
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        let code = room.code.clone();
        let now = Instant::now();
        let ana = room.join(&code, "Ana", ip, now).unwrap();
        let bo = room.join(&code, "Bo", ip, now).unwrap();
        let id = |room: &Room, t: &str| room.participant(t).unwrap().id;
        let vote = |room: &mut Room, project: &mut Project, token: &str| {
            let changes = room.vote(project, token, card, now)?;
            project.apply(&changes);
            room.voted(token, card);
            Ok::<(), RoomError>(())
        };
        vote(&mut room, &mut project, &ana).unwrap();
        vote(&mut room, &mut project, &bo).unwrap();
        vote(&mut room, &mut project, &ana).unwrap();
        assert_eq!(room.votes_on_map(id(&room, &ana), &project), 2);
        assert!(
            vote(&mut room, &mut project, &ana).is_err(),
            "both dots placed"
        );
        // The host undoes the newest vote (Ana's second): her dot is hers again, Bo's stays.
        let before = project.clone();
        project
            .touchpoints
            .iter_mut()
            .find(|t| t.id == card)
            .unwrap()
            .votes -= 1;
        assert_eq!(room.votes_on_map(id(&room, &ana), &project), 1);
        assert_eq!(room.votes_on_map(id(&room, &bo), &project), 1);
        vote(&mut room, &mut project, &ana).unwrap();
        assert_eq!(room.votes_on_map(id(&room, &ana), &project), 2);
        // Redo of the undone vote on a map that already holds them all counts each once.
        assert_eq!(room.votes_on_map(id(&room, &bo), &before), 1);
    }

    #[test]
    fn a_participants_note_count_is_what_is_still_on_the_map() {
        let mut room = Room::new(Id::nil());
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        let code = room.code.clone();
        let a = room.join(&code, "A", ip, Instant::now()).unwrap();
        let (n1, n2) = (Id::from_u128(1), Id::from_u128(2));
        room.noted(&a, n1);
        room.noted(&a, n2);
        let me = room.participant(&a).unwrap().id;
        let both: std::collections::HashSet<Id> = [n1, n2].into();
        assert_eq!(room.notes_on_map(me, &both), 2);
        let undone: std::collections::HashSet<Id> = [n2].into();
        assert_eq!(room.notes_on_map(me, &undone), 1, "the host undid one");
    }

    #[test]
    fn ratings_become_the_stages_curve() {
        let project = crate::app::generate::project(6, 1);
        let map = project.maps[0].id;
        let stages: Vec<Id> = project.stages_of(map).iter().map(|s| s.id).collect();
        let mut room = Room::new(map);
        room.phase = RoomPhase::Rate;
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        let code = room.code.clone();
        let now = Instant::now();
        let a = room.join(&code, "A", ip, now).unwrap();
        let b = room.join(&code, "B", ip, now).unwrap();
        let rating_of = |changes: &Changes, id: Id| {
            changes.put.iter().find_map(|r| match r {
                Record::Stage(s) if s.id == id => Some(s.room_rating),
                _ => None,
            })
        };
        let first = room.rate(&project, &a, stages[0], -2, now).unwrap();
        let one = RoomRating::of([-2]);
        assert_eq!(rating_of(&first, stages[0]), Some(one));
        assert_eq!(first.len(), 1, "only the rated stage changes");
        room.rated(&a, stages[0], -2);
        let mut rated = project.clone();
        rated
            .stages
            .iter_mut()
            .find(|s| s.id == stages[0])
            .unwrap()
            .room_rating = one;
        let second = room.rate(&rated, &b, stages[0], 1, now).unwrap();
        let both = rating_of(&second, stages[0]).unwrap().unwrap();
        assert_eq!(
            (both.mean, both.low, both.high, both.count),
            (-0.5, -2, 1, 2)
        );
        assert!(room.rate(&project, &a, stages[0], 3, now).is_err());
        // A new room's first rating clears what an earlier room left on other stages.
        let fresh = Room::new(map);
        let mut old = project.clone();
        old.stages
            .iter_mut()
            .find(|s| s.id == stages[1])
            .unwrap()
            .room_rating = one;
        let cleared = fresh.curve_changes(&old, None);
        assert_eq!(rating_of(&cleared, stages[1]), Some(None));
    }

    #[test]
    fn removing_someone_takes_only_their_own_ratings_off_the_curve() {
        let project = crate::app::generate::project(6, 1);
        let map = project.maps[0].id;
        let stage = project.stages_of(map)[0].id;
        // The curve an earlier room left.
        let mut old = project.clone();
        let earlier = RoomRating::of([2, 1]);
        old.stages
            .iter_mut()
            .find(|s| s.id == stage)
            .unwrap()
            .room_rating = earlier;
        let mut room = Room::new(map);
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        let code = room.code.clone();
        let now = Instant::now();
        let quiet = room.join(&code, "Quiet", ip, now).unwrap();
        let rater = room.join(&code, "Rater", ip, now).unwrap();
        let id = |t: &str| room.participant(t).unwrap().id;
        let (quiet_id, rater_id) = (id(&quiet), id(&rater));
        // Someone who rated nothing leaves the earlier curve alone.
        assert_eq!(room.remove(quiet_id, &old), Some(Changes::default()));
        assert_eq!(room.remove(quiet_id, &old), None, "gone already");
        // Someone who rated takes their rating with them.
        room.phase = RoomPhase::Rate;
        let rated = room.rate(&old, &rater, stage, -1, now).unwrap();
        room.rated(&rater, stage, -1);
        let mut now_rated = old.clone();
        now_rated.apply(&rated);
        let changes = room.remove(rater_id, &now_rated).unwrap();
        assert!(changes.put.iter().any(|r| matches!(r,
            Record::Stage(s) if s.id == stage && s.room_rating.is_none())));
    }
}
