//! Touchpoints are where the customer meets the organisation; each carries what the customer
//! expects, what is delivered, how reliable it is, and whether it is a moment of truth.

use super::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a touchpoint stands on the road from broken to reliable to differentiating, once
/// someone has judged it: a new card is unrated, so counts and reports say only what people rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Reliability {
    Unrated,
    Broken,
    Reliable,
    Differentiating,
}

impl Reliability {
    pub const ALL: [Reliability; 4] = [
        Self::Unrated,
        Self::Broken,
        Self::Reliable,
        Self::Differentiating,
    ];
    /// The judgements a person can make, from worst to best.
    pub const RATED: [Reliability; 3] = [Self::Broken, Self::Reliable, Self::Differentiating];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unrated => "unrated",
            Self::Broken => "broken",
            Self::Reliable => "reliable",
            Self::Differentiating => "differentiating",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The word people read for it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unrated => "Not rated",
            Self::Broken => "Broken",
            Self::Reliable => "Reliable",
            Self::Differentiating => "Differentiating",
        }
    }

    /// The word in a sentence or a table cell: "not rated", "broken", ...
    pub fn word(self) -> &'static str {
        match self {
            Self::Unrated => "not rated",
            other => other.as_str(),
        }
    }

    /// Its colour on every map, chart and page (the UI's palette is generated from this).
    pub fn colour(self) -> &'static str {
        match self {
            Self::Unrated => "#94a3b8",
            Self::Broken => "#dc2626",
            Self::Reliable => "#2563eb",
            Self::Differentiating => "#16a34a",
        }
    }

    /// The next step up, once a redesign succeeds (a redesigned card nobody had rated now
    /// works: reliable); `None` at the top.
    pub fn improved(self) -> Option<Self> {
        match self {
            Self::Unrated => Some(Self::Reliable),
            Self::Broken => Some(Self::Reliable),
            Self::Reliable => Some(Self::Differentiating),
            Self::Differentiating => None,
        }
    }
}

/// Emotion is scored from −3 (furious) to +3 (delighted).
pub const EMOTION_RANGE: std::ops::RangeInclusive<i32> = -3..=3;
/// Expectation and performance are scored 1 (low) to 5 (high).
pub const SCORE_RANGE: std::ops::RangeInclusive<i32> = 1..=5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Touchpoint {
    pub id: Id,
    pub map_id: Id,
    pub stage_id: Id,
    pub lane_id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// How the customer meets it: "Mobile app", "Counter", "Email", ...
    #[serde(default)]
    pub channel: String,
    /// The department accountable for it.
    #[serde(default)]
    pub owner: String,
    /// Card rectangle on the canvas, in canvas units (top-left origin).
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// −3..=+3.
    pub emotion: i32,
    /// What the customer expects, 1..=5.
    pub expectation: i32,
    /// What is delivered today, 1..=5.
    pub performance: i32,
    pub reliability: Reliability,
    pub moment_of_truth: bool,
    /// Why this moment matters (empty when not a moment of truth).
    #[serde(default)]
    pub moment_of_truth_note: String,
    /// Dot votes from a workshop.
    #[serde(default)]
    pub votes: u32,
    /// How it feels to the map's other personas where that differs from `emotion`; a persona
    /// not listed feels it as `emotion` does.
    #[serde(default)]
    pub feelings: Vec<super::Feeling>,
}

impl Touchpoint {
    /// Expectation minus delivered performance: positive means the customer is let down.
    pub fn gap(&self) -> i32 {
        self.expectation - self.performance
    }

    /// How it feels to `persona` (the map's own line when `None` or not listed).
    pub fn feeling_of(&self, persona: Option<Id>) -> i32 {
        persona
            .and_then(|p| self.feelings.iter().find(|f| f.persona_id == p))
            .map_or(self.emotion, |f| f.emotion)
    }
}

/// An arrow from one touchpoint to another, e.g. "confirmation email" → "check-in link".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Connector {
    pub id: Id,
    pub map_id: Id,
    pub from_id: Id,
    pub to_id: Id,
    #[serde(default)]
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reliability_improves_one_step_at_a_time() {
        assert_eq!(Reliability::Broken.improved(), Some(Reliability::Reliable));
        assert_eq!(
            Reliability::Reliable.improved(),
            Some(Reliability::Differentiating)
        );
        assert_eq!(Reliability::Differentiating.improved(), None);
        assert_eq!(Reliability::Unrated.improved(), Some(Reliability::Reliable));
        assert!(!Reliability::RATED.contains(&Reliability::Unrated));
        for r in Reliability::ALL {
            assert_eq!(Reliability::parse(r.as_str()), Some(r));
        }
    }
}
