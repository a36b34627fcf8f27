//! The workshop room's page: who added how many notes, what drew the dot votes, and how the room
//! rated each stage (the curve itself is drawn on the map pages).

use super::*;
use crate::measure::{signed, RoomResults};

/// The most-voted list stops here; the rest are on the map.
const MOST_VOTED: usize = 15;

impl Report<'_> {
    pub(super) fn room(&mut self) {
        let results = RoomResults::of(self.project);
        if results.is_empty() {
            return;
        }
        let title = "Workshop room";
        let subtitle = results.summary();
        let mut page = self.portrait();
        let mut y = self.heading(&mut page, title, &subtitle);
        self.bookmarks.push((title.to_owned(), self.pages.len()));
        if !results.ratings.is_empty() {
            let rows = results
                .ratings
                .iter()
                .map(|r| {
                    vec![
                        Cell::text(&r.map),
                        Cell::bold(&r.stage),
                        Cell::colored(&signed(r.rating.mean), feeling_color(r.rating.mean)),
                        Cell::text(&format!(
                            "{} to {}",
                            signed(f64::from(r.rating.low)),
                            signed(f64::from(r.rating.high))
                        )),
                        Cell::text(&r.rating.count.to_string()),
                    ]
                })
                .collect();
            y = self.flow_table(
                &mut page,
                y,
                title,
                &subtitle,
                &[
                    ("Map", 0.25),
                    ("Stage (how it feels, −2 to +2)", 0.33),
                    ("Mean", 0.12),
                    ("Spread", 0.18),
                    ("Rated by", 0.12),
                ],
                rows,
            ) + 16.0;
        }
        if !results.voted.is_empty() {
            let rows = results
                .voted
                .iter()
                .take(MOST_VOTED)
                .map(|v| {
                    vec![
                        Cell::text(&v.map),
                        Cell::text(&v.stage),
                        if v.card {
                            Cell::bold(&v.text)
                        } else {
                            Cell::text(&v.text)
                        },
                        Cell::text(if v.card { "Card" } else { "Note" }),
                        Cell::bold(&v.votes.to_string()),
                    ]
                })
                .collect();
            y = self.flow_table(
                &mut page,
                y,
                title,
                &subtitle,
                &[
                    ("Map", 0.18),
                    ("Stage", 0.16),
                    ("Most dot votes", 0.46),
                    ("", 0.1),
                    ("Votes", 0.1),
                ],
                rows,
            ) + 16.0;
        }
        if !results.authors.is_empty() {
            let rows = results
                .authors
                .iter()
                .map(|(name, notes)| vec![Cell::bold(name), Cell::text(&notes.to_string())])
                .collect();
            self.flow_table(
                &mut page,
                y,
                title,
                &subtitle,
                &[("Participant", 0.7), ("Notes", 0.3)],
                rows,
            );
        }
        self.pages.push(page);
    }
}

/// Red for a stage that feels bad, green for one that feels good.
fn feeling_color(mean: f64) -> &'static str {
    if mean <= -0.5 {
        "#b91c1c"
    } else if mean >= 0.5 {
        "#15803d"
    } else {
        INK
    }
}
