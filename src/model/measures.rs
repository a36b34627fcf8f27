//! The records of measurement a project keeps: KPIs and their measurements, feedback, customers
//! in and out, and the pillar self-assessment. The arithmetic on them lives in `measure`.

use super::Id;
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

/// The seeds advise KPIs for the 10–15 touchpoints that matter most; more dilutes the focus.
pub const MAX_TOP_TOUCHPOINTS: usize = 15;

/// Which way a KPI improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HigherIsBetter => "higherIsBetter",
            Self::LowerIsBetter => "lowerIsBetter",
        }
    }

    /// The sign a target is written with, so the reader knows which way is better: "≥ 90 %"
    /// when higher is, "≤ 1 %" when lower is.
    pub fn target_sign(self) -> &'static str {
        match self {
            Self::HigherIsBetter => "≥",
            Self::LowerIsBetter => "≤",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::HigherIsBetter, Self::LowerIsBetter]
            .into_iter()
            .find(|d| d.as_str() == s)
    }
}

/// One measured value of a KPI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Measurement {
    pub date: NaiveDate,
    pub value: f64,
}

/// A KPI of one touchpoint, e.g. "Queue time at bag drop", minutes, lower is better, target 10.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    pub id: Id,
    pub touchpoint_id: Id,
    pub name: String,
    /// Shown after values: "%", "min", "NPS", ...
    #[serde(default)]
    pub unit: String,
    pub direction: Direction,
    pub target: f64,
    /// How far short of the target still counts as "near" (in the KPI's unit, ≥ 0).
    #[serde(default)]
    pub tolerance: f64,
    /// Measured values, oldest first (at most one per date).
    #[serde(default)]
    pub measurements: Vec<Measurement>,
}

/// A pillar is scored 1 (absent) to 5 (a real strength).
pub const PILLAR_SCORE_RANGE: std::ops::RangeInclusive<i32> = 1..=5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Pillar {
    VisionAndGoals,
    EmployeeEngagement,
    VoiceOfTheCustomer,
    CustomerService,
    CustomerNarrative,
    ProcessesAndTechnology,
    CustomerAdvocacy,
    Innovation,
    Investments,
    Leadership,
}

impl Pillar {
    pub const ALL: [Pillar; 10] = [
        Self::VisionAndGoals,
        Self::EmployeeEngagement,
        Self::VoiceOfTheCustomer,
        Self::CustomerService,
        Self::CustomerNarrative,
        Self::ProcessesAndTechnology,
        Self::CustomerAdvocacy,
        Self::Innovation,
        Self::Investments,
        Self::Leadership,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::VisionAndGoals => "visionAndGoals",
            Self::EmployeeEngagement => "employeeEngagement",
            Self::VoiceOfTheCustomer => "voiceOfTheCustomer",
            Self::CustomerService => "customerService",
            Self::CustomerNarrative => "customerNarrative",
            Self::ProcessesAndTechnology => "processesAndTechnology",
            Self::CustomerAdvocacy => "customerAdvocacy",
            Self::Innovation => "innovation",
            Self::Investments => "investments",
            Self::Leadership => "leadership",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::VisionAndGoals => "Vision and goals",
            Self::EmployeeEngagement => "Employee engagement",
            Self::VoiceOfTheCustomer => "Voice of the customer",
            Self::CustomerService => "Customer service",
            Self::CustomerNarrative => "Customer narrative",
            Self::ProcessesAndTechnology => "Processes and technology",
            Self::CustomerAdvocacy => "Customer advocacy",
            Self::Innovation => "Innovation",
            Self::Investments => "Investments",
            Self::Leadership => "Leadership",
        }
    }
}

/// The self-assessment of one pillar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PillarScore {
    pub pillar: Pillar,
    /// 1..=5, or empty while not yet assessed.
    #[serde(default)]
    pub score: Option<i32>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Flow {
    In,
    Out,
}

impl Flow {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::In => "in",
            Self::Out => "out",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::In, Self::Out].into_iter().find(|x| x.as_str() == s)
    }
}

/// Why some customers came or went: "Moved from a rival after the lounge upgrade" × 40.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FlowReason {
    pub flow: Flow,
    pub reason: String,
    pub count: u32,
}

/// One period (typically a month or a quarter) of customers gained and lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomerPeriod {
    pub id: Id,
    /// The first day of the period; periods are shown in this order.
    pub start: NaiveDate,
    /// "March 2026", "Q1".
    pub label: String,
    /// Customers at the start of the period. When empty, the previous period's end is used.
    #[serde(default)]
    pub customers_at_start: Option<u32>,
    pub gained: u32,
    pub lost: u32,
    #[serde(default)]
    pub reasons: Vec<FlowReason>,
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
