//! The grid of a journey map: stages are the columns a customer moves through, lanes are the rows
//! that separate what the customer does from what the organisation does front- and back-stage.

use super::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whether a map shows the journey as it is today or as it should become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum MapKind {
    AsIs,
    ToBe,
}

impl MapKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AsIs => "asIs",
            Self::ToBe => "toBe",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "asIs" => Some(Self::AsIs),
            "toBe" => Some(Self::ToBe),
            _ => None,
        }
    }
}

/// One journey map of a project ("Check-in, as-is"; "Check-in, to-be").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JourneyMap {
    pub id: Id,
    pub name: String,
    pub kind: MapKind,
    /// The persona whose journey this is, if any: the cards' own `emotion` is theirs.
    #[serde(default)]
    pub persona_id: Option<Id>,
    /// Other personas the map follows, each with an emotion line of its own (at most four, so
    /// five lines in all), in the legend's order.
    #[serde(default)]
    pub other_personas: Vec<Id>,
    #[serde(default)]
    pub description: String,
    /// Order among the project's maps (ascending).
    #[serde(default)]
    pub position: i32,
}

/// A phase of the journey as the customer lives it ("Book", "Check in", "Security", ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Stage {
    pub id: Id,
    pub map_id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Column order within the map (ascending).
    pub position: i32,
    /// Column width on the canvas, in canvas units.
    pub width: f64,
    /// How the last live room's participants rated this stage, if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub room_rating: Option<RoomRating>,
}

/// A room's ratings of one stage (each participant −2..=+2): the room's emotion curve passes
/// through `mean`, with the spread from `low` to `high` shaded around it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomRating {
    pub mean: f64,
    pub low: i32,
    pub high: i32,
    /// How many participants rated the stage.
    pub count: u32,
}

impl RoomRating {
    /// Sums up individual ratings; `None` when there are none.
    pub fn of(values: impl IntoIterator<Item = i32>) -> Option<Self> {
        let mut out: Option<Self> = None;
        for v in values {
            let r = out.get_or_insert(Self {
                mean: 0.0,
                low: v,
                high: v,
                count: 0,
            });
            r.mean = (r.mean * f64::from(r.count) + f64::from(v)) / f64::from(r.count + 1);
            r.low = r.low.min(v);
            r.high = r.high.max(v);
            r.count += 1;
        }
        out
    }
}

/// What a lane holds; the kind decides how the canvas draws and the report lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LaneKind {
    CustomerActions,
    Touchpoints,
    Frontstage,
    Backstage,
    SupportSystems,
    ThoughtsAndFeelings,
    PainPoints,
    Opportunities,
    Custom,
}

impl LaneKind {
    pub const ALL: [LaneKind; 9] = [
        Self::CustomerActions,
        Self::Touchpoints,
        Self::Frontstage,
        Self::Backstage,
        Self::SupportSystems,
        Self::ThoughtsAndFeelings,
        Self::PainPoints,
        Self::Opportunities,
        Self::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::CustomerActions => "customerActions",
            Self::Touchpoints => "touchpoints",
            Self::Frontstage => "frontstage",
            Self::Backstage => "backstage",
            Self::SupportSystems => "supportSystems",
            Self::ThoughtsAndFeelings => "thoughtsAndFeelings",
            Self::PainPoints => "painPoints",
            Self::Opportunities => "opportunities",
            Self::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The colour a new sticky note takes in a lane of this kind (as the canvas gives it).
    pub fn note_colour(self) -> &'static str {
        match self {
            Self::PainPoints => "#fecaca",
            Self::Opportunities => "#bbf7d0",
            Self::ThoughtsAndFeelings => "#ede9fe",
            Self::CustomerActions => "#e0f2fe",
            _ => "#fde68a",
        }
    }
}

/// A row of the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Lane {
    pub id: Id,
    pub map_id: Id,
    pub name: String,
    pub kind: LaneKind,
    /// Row order within the map (ascending).
    pub position: i32,
    /// Row height on the canvas, in canvas units.
    pub height: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_strings_round_trip_and_match_serde() {
        for kind in LaneKind::ALL {
            assert_eq!(LaneKind::parse(kind.as_str()), Some(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
        for kind in [MapKind::AsIs, MapKind::ToBe] {
            assert_eq!(MapKind::parse(kind.as_str()), Some(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }
}
