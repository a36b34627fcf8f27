//! What a live workshop room left in the project, summed up for the report and the web page:
//! who wrote how many notes, which cards and notes drew the most dot votes, and how the room
//! rated each stage. Read from the records alone (authors, votes, stage ratings), so it is the
//! same while the room runs and long after it closed.

use crate::model::{Id, Project, RoomRating};

/// The room's results across the project's maps, in map and stage order.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomResults {
    /// Participant name and how many notes they wrote, most first.
    pub authors: Vec<(String, u32)>,
    /// Cards and notes with at least one dot vote, most first.
    pub voted: Vec<Voted>,
    /// Every rated stage.
    pub ratings: Vec<StageRated>,
}

/// Where a card or note sits, for ordering: the map's and the stage's position.
type Place = (Option<usize>, Option<i32>);

#[derive(Debug, Clone, PartialEq)]
pub struct Voted {
    pub map: String,
    pub stage: String,
    /// A card's title or a note's text.
    pub text: String,
    /// Whether it is a card (touchpoint) rather than a sticky note.
    pub card: bool,
    pub votes: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StageRated {
    pub map: String,
    pub stage: String,
    pub rating: RoomRating,
}

impl RoomResults {
    pub fn of(project: &Project) -> Self {
        let map_name = |id: Id| {
            project
                .maps
                .iter()
                .find(|m| m.id == id)
                .map_or_else(String::new, |m| m.name.clone())
        };
        let stage_name = |id: Option<Id>| {
            id.and_then(|id| project.stages.iter().find(|s| s.id == id))
                .map_or_else(String::new, |s| s.name.clone())
        };
        let mut authors: Vec<(String, u32)> = Vec::new();
        for n in project.notes.iter().filter(|n| !n.author.is_empty()) {
            match authors.iter_mut().find(|(a, _)| *a == n.author) {
                Some((_, count)) => *count += 1,
                None => authors.push((n.author.clone(), 1)),
            }
        }
        authors.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let order = |map: Id, stage: Option<Id>| {
            let m = project.maps.iter().position(|m| m.id == map);
            let s = stage.and_then(|id| project.stages.iter().find(|s| s.id == id));
            (m, s.map(|s| s.position))
        };
        let mut voted: Vec<(Voted, Place)> = project
            .touchpoints
            .iter()
            .filter(|t| t.votes > 0)
            .map(|t| {
                let v = Voted {
                    map: map_name(t.map_id),
                    stage: stage_name(Some(t.stage_id)),
                    text: t.title.clone(),
                    card: true,
                    votes: t.votes,
                };
                (v, order(t.map_id, Some(t.stage_id)))
            })
            .chain(project.notes.iter().filter(|n| n.votes > 0).map(|n| {
                let v = Voted {
                    map: map_name(n.map_id),
                    stage: stage_name(n.stage_id),
                    text: n.text.clone(),
                    card: false,
                    votes: n.votes,
                };
                (v, order(n.map_id, n.stage_id))
            }))
            .collect();
        voted.sort_by(|a, b| {
            b.0.votes
                .cmp(&a.0.votes)
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| a.0.text.cmp(&b.0.text))
        });
        let mut ratings = Vec::new();
        for m in &project.maps {
            for s in project.stages_of(m.id) {
                if let Some(rating) = s.room_rating {
                    ratings.push(StageRated {
                        map: m.name.clone(),
                        stage: s.name.clone(),
                        rating,
                    });
                }
            }
        }
        Self {
            authors,
            voted: voted.into_iter().map(|(v, _)| v).collect(),
            ratings,
        }
    }

    /// Whether a room ever added anything.
    pub fn is_empty(&self) -> bool {
        self.authors.is_empty() && self.voted.is_empty() && self.ratings.is_empty()
    }

    pub fn notes(&self) -> u32 {
        self.authors.iter().map(|(_, n)| n).sum()
    }

    pub fn votes(&self) -> u32 {
        self.voted.iter().map(|v| v.votes).sum()
    }

    /// One line for a heading: "11 notes from 5 participants, 83 dot votes, 6 stages rated".
    pub fn summary(&self) -> String {
        let n = |count: u32, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        let people = u32::try_from(self.authors.len()).unwrap_or(u32::MAX);
        let rated = u32::try_from(self.ratings.len()).unwrap_or(u32::MAX);
        format!(
            "{} from {}, {}, {} rated",
            n(self.notes(), "note", "notes"),
            n(people, "participant", "participants"),
            n(self.votes(), "dot vote", "dot votes"),
            n(rated, "stage", "stages")
        )
    }
}

/// A rating mean as people read it: "+1.5", "−0.3", "0".
pub fn signed(mean: f64) -> String {
    let r = (mean * 10.0).round() / 10.0;
    if r > 0.0 {
        format!("+{r}")
    } else if r < 0.0 {
        format!("−{}", -r)
    } else {
        "0".into()
    }
}
