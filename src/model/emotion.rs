//! The emotion curve's geometry, shared by every drawing of a map: the canvas (through the spec
//! in `tests/fixtures/emotion-curve.json`, which its own port must reproduce) and the PDF, SVG
//! and PNG exports. One point per step of customer-facing cards, strictly left to right, joined
//! by a smooth curve that never doubles back or overshoots. Pure.

use super::{Lane, LaneKind, Touchpoint, STAGE_HEADER_HEIGHT};

/// Cards whose centres are closer than this (canvas units) share one step of the curve.
pub const SLOT_WIDTH: f64 = 84.0;
/// How far the ±3 marks sit inside the feelings lane's top and bottom edges.
const INSET: f64 = 14.0;

/// The lanes whose cards the customer meets: their feelings make the curve.
pub fn customer_facing(kind: LaneKind) -> bool {
    matches!(
        kind,
        LaneKind::CustomerActions | LaneKind::Touchpoints | LaneKind::Frontstage
    )
}

/// The feelings lane's row (top, height) in canvas units, if the map has one. `lanes` in row
/// order.
pub fn feelings_row(lanes: &[&Lane]) -> Option<(f64, f64)> {
    let mut y = STAGE_HEADER_HEIGHT;
    for lane in lanes {
        if lane.kind == LaneKind::ThoughtsAndFeelings {
            return Some((y, lane.height));
        }
        y += lane.height;
    }
    None
}

/// Where a feeling (−3..=+3, fractions allowed) sits in the feelings row.
pub fn emotion_y((top, height): (f64, f64), emotion: f64) -> f64 {
    let mid = top + height / 2.0;
    mid - emotion / 3.0 * (height / 2.0 - INSET)
}

/// A point of a curve, in canvas units.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CurvePoint {
    pub x: f64,
    pub y: f64,
}

/// The points the emotion curve runs through: one per step of customer-facing cards (the mean
/// of the cards whose centres are within [`SLOT_WIDTH`] of the step's first card), strictly left
/// to right. `lanes` in row order; cards of other maps or lanes are ignored.
pub fn emotion_curve(lanes: &[&Lane], cards: &[&Touchpoint]) -> Vec<CurvePoint> {
    emotion_curve_of(lanes, cards, None)
}

/// The curve of one of the map's personas: as [`emotion_curve`], each card counted as it feels
/// to `persona` (see [`Touchpoint::feeling_of`]); `None` is the map's own line.
pub fn emotion_curve_of(
    lanes: &[&Lane],
    cards: &[&Touchpoint],
    persona: Option<super::Id>,
) -> Vec<CurvePoint> {
    let Some(row) = feelings_row(lanes) else {
        return Vec::new();
    };
    let facing: Vec<_> = lanes
        .iter()
        .filter(|l| customer_facing(l.kind))
        .map(|l| l.id)
        .collect();
    let centre = |t: &Touchpoint| t.x + t.width / 2.0;
    let mut cards: Vec<&Touchpoint> = cards
        .iter()
        .copied()
        .filter(|t| facing.contains(&t.lane_id))
        .collect();
    cards.sort_by(|a, b| {
        centre(a)
            .total_cmp(&centre(b))
            .then(a.y.total_cmp(&b.y))
            .then_with(|| a.id.to_string().cmp(&b.id.to_string()))
    });
    let mut steps: Vec<Vec<&Touchpoint>> = Vec::new();
    for t in cards {
        match steps.last_mut() {
            Some(step) if centre(t) - centre(step[0]) < SLOT_WIDTH => step.push(t),
            _ => steps.push(vec![t]),
        }
    }
    steps
        .iter()
        .map(|step| {
            let n = step.len() as f64;
            CurvePoint {
                x: step.iter().map(|t| centre(t)).sum::<f64>() / n,
                y: step
                    .iter()
                    .map(|t| emotion_y(row, f64::from(t.feeling_of(persona))))
                    .sum::<f64>()
                    / n,
            }
        })
        .collect()
}

/// One cubic Bézier piece of a curve: from the previous end through two controls to `to`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CurveSegment {
    pub c1: CurvePoint,
    pub c2: CurvePoint,
    pub to: CurvePoint,
}

/// A smooth curve through points sorted by x that never doubles back and never overshoots: the
/// controls sit at a third of each step in x, and the slopes are limited as in Fritsch and
/// Carlson's monotone cubic interpolation, so between two points the curve stays between them.
pub fn curve_segments(pts: &[CurvePoint]) -> Vec<CurveSegment> {
    let n = pts.len();
    if n < 2 {
        return Vec::new();
    }
    let dx: Vec<f64> = pts
        .windows(2)
        .map(|w| (w[1].x - w[0].x).max(1e-9))
        .collect();
    let slope: Vec<f64> = pts
        .windows(2)
        .zip(&dx)
        .map(|(w, h)| (w[1].y - w[0].y) / h)
        .collect();
    let tangent: Vec<f64> = (0..n)
        .map(|i| {
            if i == 0 {
                slope[0]
            } else if i == n - 1 {
                slope[n - 2]
            } else {
                let (a, b) = (slope[i - 1], slope[i]);
                if a * b <= 0.0 {
                    0.0
                } else {
                    2.0 * a * b / (a + b)
                }
            }
        })
        .collect();
    (0..n - 1)
        .map(|i| {
            let (from, to, h) = (pts[i], pts[i + 1], dx[i]);
            CurveSegment {
                c1: CurvePoint {
                    x: from.x + h / 3.0,
                    y: from.y + tangent[i] * h / 3.0,
                },
                c2: CurvePoint {
                    x: to.x - h / 3.0,
                    y: to.y - tangent[i + 1] * h / 3.0,
                },
                to,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{new_id, Reliability};

    fn lane(kind: LaneKind, position: i32, height: f64) -> Lane {
        Lane {
            id: new_id(),
            map_id: new_id(),
            name: format!("{kind:?}"),
            kind,
            position,
            height,
        }
    }

    fn card(lane: &Lane, x: f64, y: f64, emotion: i32) -> Touchpoint {
        Touchpoint {
            id: new_id(),
            map_id: lane.map_id,
            stage_id: new_id(),
            lane_id: lane.id,
            title: String::new(),
            description: String::new(),
            channel: String::new(),
            owner: String::new(),
            x,
            y,
            width: 168.0,
            height: 76.0,
            emotion,
            expectation: 3,
            performance: 3,
            reliability: Reliability::Reliable,
            moment_of_truth: false,
            moment_of_truth_note: String::new(),
            votes: 0,
            feelings: Vec::new(),
        }
    }

    #[test]
    fn stacked_cards_make_one_step_and_the_curve_never_doubles_back() {
        let facing = lane(LaneKind::Touchpoints, 0, 200.0);
        let backstage = lane(LaneKind::Backstage, 1, 128.0);
        let feelings = lane(LaneKind::ThoughtsAndFeelings, 2, 128.0);
        let lanes = [&facing, &backstage, &feelings];
        let cards = [
            card(&facing, 200.0, 80.0, 3),
            card(&facing, 196.0, 170.0, -3),
            card(&facing, 420.0, 80.0, 1),
            card(&facing, 700.0, 80.0, 0),
            card(&backstage, 300.0, 300.0, -3),
        ];
        let refs: Vec<&Touchpoint> = cards.iter().collect();
        let pts = emotion_curve(&lanes, &refs);
        assert_eq!(
            pts.len(),
            3,
            "two stacked cards share a step; backstage is ignored"
        );
        let row = feelings_row(&lanes).unwrap();
        assert_eq!(row, (STAGE_HEADER_HEIGHT + 328.0, 128.0));
        assert!(
            (pts[0].y - emotion_y(row, 0.0)).abs() < 1e-9,
            "mean of +3 and −3"
        );
        let mut x = pts[0].x;
        for s in curve_segments(&pts) {
            for next in [s.c1.x, s.c2.x, s.to.x] {
                assert!(next >= x, "x only grows");
                x = next;
            }
            assert!(
                s.c1.y.min(s.c2.y) >= emotion_y(row, 3.0) - 1e-9
                    && s.c1.y.max(s.c2.y) <= emotion_y(row, -3.0) + 1e-9,
                "controls stay in the lane"
            );
        }
    }

    #[test]
    fn a_map_without_a_feelings_lane_has_no_curve() {
        let facing = lane(LaneKind::Touchpoints, 0, 200.0);
        let c = card(&facing, 0.0, 0.0, 2);
        assert!(emotion_curve(&[&facing], &[&c]).is_empty());
        assert!(curve_segments(&[CurvePoint { x: 1.0, y: 1.0 }]).is_empty());
    }
}
