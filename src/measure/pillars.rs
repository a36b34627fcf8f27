//! The ten pillars of a customer-centred organisation, each scored 1–5 in a self-assessment, so
//! leaders see where the organisation is weak before they redesign touchpoints.

use crate::model::{Pillar, PillarScore};

impl PillarScore {
    /// All ten pillars, none scored yet.
    pub fn unscored() -> Vec<PillarScore> {
        Pillar::ALL
            .into_iter()
            .map(|pillar| PillarScore {
                pillar,
                score: None,
                notes: String::new(),
            })
            .collect()
    }

    /// Exactly one entry per pillar, in the canonical order: missing pillars are added unscored,
    /// and of duplicates the last one wins.
    pub fn complete(scores: &[PillarScore]) -> Vec<PillarScore> {
        let mut all = Self::unscored();
        for s in scores {
            if let Some(slot) = all.iter_mut().find(|x| x.pillar == s.pillar) {
                *slot = s.clone();
            }
        }
        all
    }

    /// The mean of the scored pillars.
    pub fn average(scores: &[PillarScore]) -> Option<f64> {
        let scored: Vec<i32> = scores.iter().filter_map(|s| s.score).collect();
        (!scored.is_empty()).then(|| f64::from(scored.iter().sum::<i32>()) / scored.len() as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completing_fills_every_pillar_in_order() {
        let partial = vec![PillarScore {
            pillar: Pillar::Leadership,
            score: Some(4),
            notes: "Board sponsor named".into(),
        }];
        let all = PillarScore::complete(&partial);
        assert_eq!(all.len(), 10);
        assert_eq!(all[0].pillar, Pillar::VisionAndGoals);
        assert_eq!(all[9].score, Some(4));
        assert_eq!(PillarScore::average(&all), Some(4.0));
        assert_eq!(PillarScore::average(&PillarScore::unscored()), None);
        for p in Pillar::ALL {
            assert_eq!(Pillar::parse(p.as_str()), Some(p));
        }
    }
}
