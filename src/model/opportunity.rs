//! The ideas a workshop produces before one of them becomes a redesign: what could be better, the
//! touchpoints it concerns, the evidence that it matters (feedback, notes, KPIs already in the
//! project), and how much it is worth against what it costs — the value/effort matrix that picks
//! which ones go to the redesign tracker. Pure.

use super::{Id, PhaseStatus, Redesign};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Value and effort are scored 1 (low) to 5 (high).
pub const OPPORTUNITY_SCORE_RANGE: std::ops::RangeInclusive<i32> = 1..=5;

/// Where an opportunity stands. While a redesign carries it, the redesign decides (see
/// [`Opportunity::status_with`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OpportunityStatus {
    Idea,
    Chosen,
    InRedesign,
    Done,
    Dropped,
}

impl OpportunityStatus {
    pub const ALL: [OpportunityStatus; 5] = [
        Self::Idea,
        Self::Chosen,
        Self::InRedesign,
        Self::Done,
        Self::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Idea => "idea",
            Self::Chosen => "chosen",
            Self::InRedesign => "inRedesign",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Idea => "idea",
            Self::Chosen => "chosen",
            Self::InRedesign => "in redesign",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }
}

/// What a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EvidenceKind {
    Feedback,
    Note,
    Kpi,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 3] = [Self::Feedback, Self::Note, Self::Kpi];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Feedback => "feedback",
            Self::Note => "note",
            Self::Kpi => "kpi",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A link from an opportunity to a record that shows it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub kind: EvidenceKind,
    pub id: Id,
}

/// The four corners of the value/effort matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Quadrant {
    /// Much value for little effort: do these first.
    QuickWin,
    /// Much value, much effort: plan them.
    BigBet,
    /// Little value, little effort: when there is time.
    FillIn,
    /// Little value, much effort: avoid.
    MoneyPit,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [Self::QuickWin, Self::BigBet, Self::FillIn, Self::MoneyPit];

    pub fn label(self) -> &'static str {
        match self {
            Self::QuickWin => "Quick wins",
            Self::BigBet => "Big bets",
            Self::FillIn => "Fill-ins",
            Self::MoneyPit => "Money pits",
        }
    }
}

/// A score of 3 or more counts as high: the matrix's lines run between 2 and 3.
pub const HIGH_SCORE: i32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Opportunity {
    pub id: Id,
    pub map_id: Id,
    /// The stage it concerns, if one.
    #[serde(default)]
    pub stage_id: Option<Id>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The touchpoints it concerns (a redesign started from it works on the first).
    #[serde(default)]
    pub touchpoint_ids: Vec<Id>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// 1..=5.
    pub value: i32,
    /// 1..=5.
    pub effort: i32,
    /// The status chosen by hand; see [`Opportunity::status_with`] for the one shown.
    pub status: OpportunityStatus,
    /// Who raised it: a workshop participant, a colleague.
    #[serde(default)]
    pub raised_by: String,
    /// The redesign started from it, whose progress its status follows.
    #[serde(default)]
    pub redesign_id: Option<Id>,
}

impl Opportunity {
    pub fn quadrant(&self) -> Quadrant {
        match (self.value >= HIGH_SCORE, self.effort >= HIGH_SCORE) {
            (true, false) => Quadrant::QuickWin,
            (true, true) => Quadrant::BigBet,
            (false, false) => Quadrant::FillIn,
            (false, true) => Quadrant::MoneyPit,
        }
    }

    /// The status shown: while a redesign carries the opportunity it is in redesign, done when
    /// every phase of the redesign is, dropped when corporate's rejection ended it; otherwise the
    /// status chosen by hand.
    pub fn status_with(&self, redesigns: &[Redesign]) -> OpportunityStatus {
        let Some(r) = self
            .redesign_id
            .and_then(|id| redesigns.iter().find(|r| r.id == id))
        else {
            return self.status;
        };
        if r.ended_on.is_some() {
            OpportunityStatus::Dropped
        } else if !r.phases.is_empty() && r.phases.iter().all(|p| p.status == PhaseStatus::Done) {
            OpportunityStatus::Done
        } else {
            OpportunityStatus::InRedesign
        }
    }
}

/// The opportunities best worth doing first: most value for the effort (value minus effort),
/// then most value, then by title. Dropped and done ones go last, in the same order.
pub fn ranked<'a>(items: &'a [Opportunity], redesigns: &[Redesign]) -> Vec<&'a Opportunity> {
    let mut out: Vec<&Opportunity> = items.iter().collect();
    out.sort_by(|a, b| {
        let closed = |o: &Opportunity| {
            matches!(
                o.status_with(redesigns),
                OpportunityStatus::Done | OpportunityStatus::Dropped
            )
        };
        closed(a)
            .cmp(&closed(b))
            .then((b.value - b.effort).cmp(&(a.value - a.effort)))
            .then(b.value.cmp(&a.value))
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then(a.id.cmp(&b.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{new_id, Phase, PhaseTemplate};

    fn opp(title: &str, value: i32, effort: i32) -> Opportunity {
        Opportunity {
            id: new_id(),
            map_id: new_id(),
            stage_id: None,
            title: title.into(),
            description: String::new(),
            touchpoint_ids: vec![],
            evidence: vec![],
            value,
            effort,
            status: OpportunityStatus::Idea,
            raised_by: String::new(),
            redesign_id: None,
        }
    }

    #[test]
    fn the_matrix_splits_between_two_and_three() {
        assert_eq!(opp("a", 5, 1).quadrant(), Quadrant::QuickWin);
        assert_eq!(opp("a", 3, 2).quadrant(), Quadrant::QuickWin);
        assert_eq!(opp("a", 3, 3).quadrant(), Quadrant::BigBet);
        assert_eq!(opp("a", 2, 2).quadrant(), Quadrant::FillIn);
        assert_eq!(opp("a", 1, 5).quadrant(), Quadrant::MoneyPit);
        for s in OpportunityStatus::ALL {
            assert_eq!(OpportunityStatus::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for k in EvidenceKind::ALL {
            assert_eq!(EvidenceKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }

    #[test]
    fn status_follows_the_redesign_started_from_it() {
        let phases = PhaseTemplate::default_template()
            .into_iter()
            .map(|t| Phase {
                name: t.name,
                days: t.days,
                status: PhaseStatus::NotStarted,
                actual_start: None,
                actual_end: None,
                owner: String::new(),
                notes: String::new(),
            })
            .collect::<Vec<_>>();
        let mut r = Redesign {
            id: new_id(),
            touchpoint_id: new_id(),
            title: "r".into(),
            description: String::new(),
            start: "2026-12-01".parse().unwrap(),
            phases,
            history: vec![],
            proposal: Default::default(),
            responses: vec![],
            ended_on: None,
        };
        let mut o = opp("Kiosk", 4, 2);
        o.status = OpportunityStatus::Chosen;
        assert_eq!(
            o.status_with(std::slice::from_ref(&r)),
            OpportunityStatus::Chosen
        );
        o.redesign_id = Some(r.id);
        assert_eq!(
            o.status_with(std::slice::from_ref(&r)),
            OpportunityStatus::InRedesign
        );
        assert_eq!(
            o.status_with(&[]),
            OpportunityStatus::Chosen,
            "a deleted redesign lets go"
        );
        for p in &mut r.phases {
            p.status = PhaseStatus::Done;
        }
        assert_eq!(
            o.status_with(std::slice::from_ref(&r)),
            OpportunityStatus::Done
        );
        r.phases[4].status = PhaseStatus::NotStarted;
        r.ended_on = Some("2026-12-20".parse().unwrap());
        assert_eq!(
            o.status_with(std::slice::from_ref(&r)),
            OpportunityStatus::Dropped
        );
    }

    #[test]
    fn ranking_puts_the_best_value_for_effort_first_and_closed_ones_last() {
        let mut dropped = opp("Dropped but great", 5, 1);
        dropped.status = OpportunityStatus::Dropped;
        let items = vec![
            opp("Big bet", 5, 4),
            dropped,
            opp("Quick win", 4, 1),
            opp("Money pit", 1, 5),
            opp("Also quick", 5, 2),
        ];
        let titles: Vec<&str> = ranked(&items, &[])
            .iter()
            .map(|o| o.title.as_str())
            .collect();
        assert_eq!(
            titles,
            [
                "Also quick",
                "Quick win",
                "Big bet",
                "Money pit",
                "Dropped but great"
            ]
        );
    }
}
