//! Builds large, plausible projects from a seed, for benchmarks and scale tests. Deterministic:
//! the same size and seed give the same project, byte for byte.

use crate::measure::{
    CustomerPeriod, Direction, Feedback, FeedbackSource, Flow, FlowReason, Kpi, Measurement,
    Pillar, PillarScore, MAX_TOP_TOUCHPOINTS,
};
use crate::model::{
    Comment, CommentTarget, Evidence, EvidenceKind, Opportunity, OpportunityStatus,
};
use crate::model::{
    Connector, Id, JourneyMap, Lane, LaneKind, MapKind, Note, Persona, Project, ProjectInfo,
    Reliability, Stage, Story, Touchpoint, CARD_HEIGHT, CARD_WIDTH, LANE_HEADER_WIDTH,
    STAGE_HEADER_HEIGHT,
};
use chrono::NaiveDate;

/// SplitMix64: small, fast, and good enough to scatter ids and scores.
struct Seq(u64);

impl Seq {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn id(&mut self) -> Id {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const STAGES: [&str; 8] = [
    "Discover",
    "Compare",
    "Buy",
    "Onboard",
    "Use",
    "Get help",
    "Renew",
    "Recommend",
];
const LANES: [(&str, LaneKind); 6] = [
    ("Customer actions", LaneKind::CustomerActions),
    ("Touchpoints", LaneKind::Touchpoints),
    ("Frontstage", LaneKind::Frontstage),
    ("Backstage", LaneKind::Backstage),
    ("Support systems", LaneKind::SupportSystems),
    ("Pain points", LaneKind::PainPoints),
];
const CHANNELS: [&str; 6] = ["Web", "Mobile app", "Phone", "Email", "Store", "Chat"];
const OWNERS: [&str; 5] = ["Marketing", "Sales", "Operations", "Customer care", "IT"];
const GAP: f64 = 16.0;

/// A portrait for the generated persona: a soft gradient, as small as real ones are kept.
fn portrait() -> crate::model::PictureData {
    let image = image::RgbImage::from_fn(160, 160, |x, y| {
        image::Rgb([90 + (x / 2) as u8, 120 + (y / 3) as u8, 200])
    });
    super::picture_within(
        &{
            let mut png = Vec::new();
            image::DynamicImage::ImageRgb8(image)
                .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
                .expect("an image in memory encodes");
            png
        },
        crate::model::PictureFit::PORTRAIT,
    )
    .expect("a generated portrait fits")
}

/// A project with one map, eight stages, six lanes and `touchpoints` cards chained by
/// connectors, plus a sticky note per ten cards and a story per stage.
pub fn project(touchpoints: usize, seed: u64) -> Project {
    let mut seq = Seq(seed);
    let map_id = seq.id();
    let persona = Persona {
        id: seq.id(),
        name: "Frequent customer".into(),
        description: "Buys several times a year, mostly on mobile.".into(),
        goals: "Get it done quickly, without calling anyone.".into(),
        position: 0,
        quote: String::new(),
        needs: String::new(),
        pains: String::new(),
        context: String::new(),
        picture: Some(portrait()),
    };
    // Cards per cell, laid out in a square-ish grid inside each stage × lane cell.
    let cells = STAGES.len() * LANES.len();
    let per_cell = touchpoints.div_ceil(cells).max(1);
    let cols = (per_cell as f64).sqrt().ceil() as usize;
    let rows = per_cell.div_ceil(cols);
    let stage_width = cols as f64 * (CARD_WIDTH + GAP) + GAP;
    let lane_height = rows as f64 * (CARD_HEIGHT + GAP) + GAP;

    let stages: Vec<Stage> = STAGES
        .iter()
        .enumerate()
        .map(|(i, name)| Stage {
            id: seq.id(),
            map_id,
            name: (*name).into(),
            description: String::new(),
            position: i as i32,
            width: stage_width,
            room_rating: None,
        })
        .collect();
    let lanes: Vec<Lane> = LANES
        .iter()
        .enumerate()
        .map(|(i, (name, kind))| Lane {
            id: seq.id(),
            map_id,
            name: (*name).into(),
            kind: *kind,
            position: i as i32,
            height: lane_height,
        })
        .collect();

    let mut cards = Vec::with_capacity(touchpoints);
    for k in 0..touchpoints {
        let s = k % STAGES.len();
        let l = (k / STAGES.len()) % LANES.len();
        let slot = k / cells;
        let x = LANE_HEADER_WIDTH + s as f64 * stage_width + GAP;
        let y = STAGE_HEADER_HEIGHT + l as f64 * lane_height + GAP;
        let reliability = match seq.below(10) {
            0..=2 => Reliability::Broken,
            3..=8 => Reliability::Reliable,
            _ => Reliability::Differentiating,
        };
        let expectation = 2 + seq.below(4) as i32;
        cards.push(Touchpoint {
            id: seq.id(),
            map_id,
            stage_id: stages[s].id,
            lane_id: lanes[l].id,
            title: format!("{} touchpoint {}", STAGES[s], k + 1),
            description: String::new(),
            channel: CHANNELS[k % CHANNELS.len()].into(),
            owner: OWNERS[k % OWNERS.len()].into(),
            x: x + (slot % cols) as f64 * (CARD_WIDTH + GAP),
            y: y + (slot / cols) as f64 * (CARD_HEIGHT + GAP),
            width: CARD_WIDTH,
            height: CARD_HEIGHT,
            emotion: seq.below(7) as i32 - 3,
            expectation,
            performance: (expectation - 1 + seq.below(3) as i32).clamp(1, 5),
            reliability,
            moment_of_truth: seq.below(25) == 0,
            moment_of_truth_note: String::new(),
            votes: 0,
            feelings: Vec::new(),
        });
    }
    let connectors = cards
        .windows(2)
        .map(|pair| Connector {
            id: seq.id(),
            map_id,
            from_id: pair[0].id,
            to_id: pair[1].id,
            label: String::new(),
        })
        .collect();
    let notes: Vec<Note> = (0..touchpoints / 10)
        .map(|i| {
            let anchor = &cards[i * 10];
            Note {
                id: seq.id(),
                map_id,
                stage_id: Some(anchor.stage_id),
                lane_id: Some(anchor.lane_id),
                text: format!("Idea {}", i + 1),
                x: anchor.x + 24.0,
                y: anchor.y + 24.0,
                width: 140.0,
                height: 90.0,
                color: "#fde68a".into(),
                votes: (seq.below(6)) as u32,
                author: String::new(),
            }
        })
        .collect();
    let stories = stages
        .iter()
        .map(|s| Story {
            id: seq.id(),
            map_id,
            stage_id: s.id,
            persona_id: Some(persona.id),
            title: format!("At {}", s.name),
            text: "It took longer than I expected, but someone helped.".into(),
        })
        .collect();

    let measures = measures(&mut seq, &cards);
    let opportunities = opportunities(&mut seq, &cards, &notes, &measures.feedback);
    let comments = comments(&mut seq, &cards);
    // A second persona the map follows, who feels every seventh card worse than the first.
    let newcomer = Persona {
        id: seq.id(),
        name: "First-time customer".into(),
        description: "Has never bought from us; unsure what happens next.".into(),
        position: 1,
        quote: "Where do I go from here?".into(),
        ..persona.clone()
    };
    for card in cards.iter_mut().step_by(7) {
        card.feelings.push(crate::model::Feeling {
            persona_id: newcomer.id,
            emotion: (card.emotion - 2).max(-3),
        });
    }
    Project {
        info: ProjectInfo {
            id: seq.id(),
            name: format!("Generated project ({touchpoints} touchpoints)"),
            intent_statement: "Every customer finishes what they came to do, first time.".into(),
            brand_promise: "Simple, quick, human.".into(),
            target_customers: "Busy people who buy on their phone.".into(),
            ..ProjectInfo::new(crate::model::Id::nil(), "")
        },
        personas: vec![persona.clone(), newcomer.clone()],
        maps: vec![JourneyMap {
            id: map_id,
            name: "Generated journey".into(),
            kind: MapKind::AsIs,
            persona_id: Some(persona.id),
            description: String::new(),
            position: 0,
            other_personas: vec![newcomer.id],
        }],
        stages,
        lanes,
        touchpoints: cards,
        connectors,
        notes,
        stories,
        calendar: Default::default(),
        redesign_template: crate::workflow::PhaseTemplate::default_template(),
        redesigns: Vec::new(),
        kpis: measures.kpis,
        top_touchpoints: measures.top,
        feedback: measures.feedback,
        customer_periods: measures.periods,
        pillars: measures.pillars,
        opportunities,
        comments,
        pictures: Vec::new(),
    }
    .canonical()
}

struct Measures {
    kpis: Vec<Kpi>,
    top: Vec<Id>,
    feedback: Vec<Feedback>,
    periods: Vec<CustomerPeriod>,
    pillars: Vec<PillarScore>,
}

/// The first year of generated measurements.
const YEAR: i32 = 2026;

fn date(month0: u64, day0: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR, month0 as u32 + 1, day0 as u32 + 1).expect("day 1..=28")
}

/// KPIs with a year of monthly values on the first 15 cards (the top touchpoints), one piece of
/// feedback per card, a year of customers in and out, and a scored self-assessment.
fn measures(seq: &mut Seq, cards: &[Touchpoint]) -> Measures {
    let top: Vec<Id> = cards
        .iter()
        .take(MAX_TOP_TOUCHPOINTS)
        .map(|t| t.id)
        .collect();
    let mut kpis = Vec::new();
    for (i, t) in cards.iter().take(MAX_TOP_TOUCHPOINTS).enumerate() {
        let (name, unit, direction, target, start) = if i % 2 == 0 {
            ("Satisfaction", "%", Direction::HigherIsBetter, 85.0, 70.0)
        } else {
            ("Wait time", "min", Direction::LowerIsBetter, 5.0, 12.0)
        };
        let step = if direction == Direction::HigherIsBetter {
            1.0
        } else {
            -0.5
        };
        kpis.push(Kpi {
            id: seq.id(),
            touchpoint_id: t.id,
            name: name.into(),
            unit: unit.into(),
            direction,
            target,
            tolerance: if unit == "%" { 5.0 } else { 1.0 },
            measurements: (0..12)
                .map(|m| Measurement {
                    date: date(m, 0),
                    value: start + step * m as f64 + seq.below(5) as f64 - 2.0,
                })
                .collect(),
        });
    }
    let feedback = cards
        .iter()
        .enumerate()
        .map(|(k, t)| Feedback {
            id: seq.id(),
            map_id: t.map_id,
            stage_id: t.stage_id,
            touchpoint_id: (k % 3 == 0).then_some(t.id),
            date: date(seq.below(12), seq.below(28)),
            source: FeedbackSource::ALL[k % FeedbackSource::ALL.len()],
            text: format!("About {}: it could have been quicker.", t.title),
            sentiment: seq.below(5) as i32 - 2,
            rating: (k % 2 == 0).then(|| seq.below(11) as i32),
        })
        .collect();
    let periods = (0..12)
        .map(|m| CustomerPeriod {
            id: seq.id(),
            start: date(m, 0),
            label: date(m, 0).format("%B %Y").to_string(),
            customers_at_start: (m == 0).then_some(10_000),
            gained: 300 + seq.below(200) as u32,
            lost: 200 + seq.below(200) as u32,
            reasons: vec![
                FlowReason {
                    flow: Flow::In,
                    reason: "Recommended by a friend".into(),
                    count: 100,
                },
                FlowReason {
                    flow: Flow::Out,
                    reason: "Too slow to get help".into(),
                    count: 80,
                },
            ],
        })
        .collect();
    let pillars = Pillar::ALL
        .into_iter()
        .map(|pillar| PillarScore {
            pillar,
            score: Some(1 + seq.below(5) as i32),
            notes: String::new(),
        })
        .collect();
    Measures {
        kpis,
        top,
        feedback,
        periods,
        pillars,
    }
}

/// Writes a generated project of `touchpoints` cards to a new file (`replace` allows replacing a
/// file nobody is editing).
pub fn write(
    dest: &std::path::Path,
    touchpoints: usize,
    seed: u64,
    replace: bool,
) -> crate::Result<()> {
    crate::storage::write_new(dest, &project(touchpoints, seed), replace)
}

/// A thread on one card in 50, every other one with a reply, every third resolved.
fn comments(seq: &mut Seq, cards: &[Touchpoint]) -> Vec<Comment> {
    let mut out = Vec::new();
    let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default();
    for (i, card) in cards.iter().step_by(50).enumerate() {
        let at =
            day.and_hms_opt(9, 0, 0).unwrap_or_default() + chrono::Duration::minutes(i as i64 * 17);
        let root = Comment {
            id: seq.id(),
            map_id: card.map_id,
            target: CommentTarget::Touchpoint,
            target_id: card.id,
            parent_id: None,
            author: OWNERS[i % OWNERS.len()].into(),
            text: format!(
                "Who owns {}? The last change here was not announced.",
                card.title.to_lowercase()
            ),
            created: at,
            resolved: i % 3 == 2,
        };
        if i % 2 == 1 {
            out.push(Comment {
                id: seq.id(),
                parent_id: Some(root.id),
                author: OWNERS[(i + 1) % OWNERS.len()].into(),
                text: "Operations does; I will ask them to post changes in the channel.".into(),
                created: at + chrono::Duration::minutes(45),
                resolved: false,
                ..root.clone()
            });
        }
        out.push(root);
    }
    out
}

/// One opportunity per 20 cards, on that card, with a note and a piece of feedback of its stage
/// as evidence where there are some.
fn opportunities(
    seq: &mut Seq,
    cards: &[Touchpoint],
    notes: &[Note],
    feedback: &[Feedback],
) -> Vec<Opportunity> {
    (0..cards.len() / 20)
        .map(|i| {
            let card = &cards[i * 20];
            let mut evidence = Vec::new();
            if let Some(n) = notes.get(i * 2) {
                evidence.push(Evidence {
                    kind: EvidenceKind::Note,
                    id: n.id,
                });
            }
            if let Some(f) = feedback.iter().find(|f| f.stage_id == card.stage_id) {
                evidence.push(Evidence {
                    kind: EvidenceKind::Feedback,
                    id: f.id,
                });
            }
            Opportunity {
                id: seq.id(),
                map_id: card.map_id,
                stage_id: Some(card.stage_id),
                title: format!("Improve {}", card.title.to_lowercase()),
                description: String::new(),
                touchpoint_ids: vec![card.id],
                evidence,
                value: 1 + seq.below(5) as i32,
                effort: 1 + seq.below(5) as i32,
                status: if seq.below(4) == 0 {
                    OpportunityStatus::Chosen
                } else {
                    OpportunityStatus::Idea
                },
                raised_by: OWNERS[i % OWNERS.len()].into(),
                redesign_id: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_projects_are_valid_and_deterministic() {
        for n in [0, 1, 7, 100, 1000] {
            let p = project(n, 42);
            assert_eq!(
                p.problems(),
                Vec::<String>::new(),
                "generated project of {n} is valid"
            );
            assert_eq!(p.touchpoints.len(), n);
            assert_eq!(p.connectors.len(), n.saturating_sub(1));
            assert_eq!(p, project(n, 42), "same seed, same project");
        }
        assert_ne!(project(10, 1).info.id, project(10, 2).info.id);
    }

    #[test]
    fn ids_are_version_4() {
        let p = project(5, 7);
        assert!(p.touchpoints.iter().all(|t| t.id.get_version_num() == 4));
    }
}
