//! The voice of the customer (and of the employees who serve them): everyday feedback attached to
//! the stage of the journey it speaks about, and optionally to one touchpoint.

use crate::model::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Sentiment is scored from −2 (very negative) to +2 (very positive).
pub const SENTIMENT_RANGE: std::ops::RangeInclusive<i32> = -2..=2;
/// An optional rating, 0..=10 (covers 5-star scales and likelihood-to-recommend).
pub const RATING_RANGE: std::ops::RangeInclusive<i32> = 0..=10;

/// Where a piece of feedback came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FeedbackSource {
    Survey,
    Review,
    Social,
    Call,
    /// What front-line employees report: listened to beside the customers' own words.
    Employee,
}

impl FeedbackSource {
    pub const ALL: [FeedbackSource; 5] = [
        Self::Survey,
        Self::Review,
        Self::Social,
        Self::Call,
        Self::Employee,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Survey => "survey",
            Self::Review => "review",
            Self::Social => "social",
            Self::Call => "call",
            Self::Employee => "employee",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Reads the words people put in a spreadsheet column ("Survey", "phone call", "Twitter").
    pub fn parse_loose(s: &str) -> Option<Self> {
        let s = s.trim().to_lowercase();
        if let Some(exact) = Self::parse(&s) {
            return Some(exact);
        }
        let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
        if has(&["survey", "nps", "questionnaire", "poll"]) {
            Some(Self::Survey)
        } else if has(&["review", "rating", "app store", "trustpilot"]) {
            Some(Self::Review)
        } else if has(&[
            "social",
            "twitter",
            "facebook",
            "instagram",
            "linkedin",
            "tiktok",
            "x.com",
        ]) {
            Some(Self::Social)
        } else if has(&[
            "call",
            "phone",
            "contact centre",
            "contact center",
            "chat",
            "email",
        ]) {
            Some(Self::Call)
        } else if has(&[
            "employee",
            "staff",
            "agent",
            "front line",
            "frontline",
            "colleague",
        ]) {
            Some(Self::Employee)
        } else {
            None
        }
    }

    pub fn is_customer(self) -> bool {
        self != Self::Employee
    }
}

/// One piece of feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    pub id: Id,
    pub map_id: Id,
    pub stage_id: Id,
    #[serde(default)]
    pub touchpoint_id: Option<Id>,
    pub date: NaiveDate,
    pub source: FeedbackSource,
    pub text: String,
    /// −2..=+2.
    pub sentiment: i32,
    /// 0..=10 when the source gives one.
    #[serde(default)]
    pub rating: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_read_the_words_people_use() {
        for s in FeedbackSource::ALL {
            assert_eq!(FeedbackSource::parse(s.as_str()), Some(s));
            assert_eq!(
                FeedbackSource::parse_loose(&s.as_str().to_uppercase()),
                Some(s)
            );
        }
        assert_eq!(
            FeedbackSource::parse_loose("Post-flight NPS survey"),
            Some(FeedbackSource::Survey)
        );
        assert_eq!(
            FeedbackSource::parse_loose("Phone call"),
            Some(FeedbackSource::Call)
        );
        assert_eq!(
            FeedbackSource::parse_loose("Twitter"),
            Some(FeedbackSource::Social)
        );
        assert_eq!(
            FeedbackSource::parse_loose("Gate staff"),
            Some(FeedbackSource::Employee)
        );
        assert_eq!(FeedbackSource::parse_loose("carrier pigeon"), None);
        assert!(!FeedbackSource::Employee.is_customer());
    }
}
