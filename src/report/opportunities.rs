//! The opportunities page: the value/effort matrix with every open opportunity as a numbered dot,
//! and the ranked list beside what it stands on (its evidence) and where it stands (its status,
//! a redesign's when one carries it).

use super::*;
use crate::model::{ranked_opportunities, Opportunity, OpportunityStatus, Quadrant, HIGH_SCORE};

/// The matrix's side in points, and each of its 5 × 5 cells.
const SIDE: f32 = 250.0;
const CELL: f32 = SIDE / 5.0;

fn status_colour(s: OpportunityStatus) -> &'static str {
    match s {
        OpportunityStatus::Idea => "#2563eb",
        OpportunityStatus::Chosen => "#d97706",
        OpportunityStatus::InRedesign => "#7c3aed",
        OpportunityStatus::Done => "#16a34a",
        OpportunityStatus::Dropped => "#94a3b8",
    }
}

fn quadrant_fill(q: Quadrant) -> &'static str {
    match q {
        Quadrant::QuickWin => "#dcfce7",
        Quadrant::BigBet => "#dbeafe",
        Quadrant::FillIn => "#f1f5f9",
        Quadrant::MoneyPit => "#fee2e2",
    }
}

impl Report<'_> {
    pub(super) fn opportunities(&mut self) {
        let p = self.project;
        if p.opportunities.is_empty() {
            return;
        }
        let list = ranked_opportunities(&p.opportunities, &p.redesigns);
        let is_open = |o: &&&Opportunity| {
            !matches!(
                o.status_with(&p.redesigns),
                OpportunityStatus::Done | OpportunityStatus::Dropped
            )
        };
        // The quadrants count the open ones: what is done or dropped is no longer a choice.
        let count = |q: Quadrant| {
            list.iter()
                .filter(is_open)
                .filter(|o| o.quadrant() == q)
                .count()
        };
        let open = list.iter().filter(is_open).count();
        let title = "Opportunities";
        let n = |q: Quadrant, one: &str, many: &str| match count(q) {
            1 => format!("1 {one}"),
            k => format!("{k} {many}"),
        };
        let subtitle = format!(
            "{} opportunities, {open} open: {}, {}, {}, {}\n\
             Ranked by value for the effort (value minus effort, then value); done and dropped ones last. \
             Value and effort are scored 1 to 5; 3 or more counts as high.",
            list.len(),
            n(Quadrant::QuickWin, "quick win", "quick wins"),
            n(Quadrant::BigBet, "big bet", "big bets"),
            n(Quadrant::FillIn, "fill-in", "fill-ins"),
            n(Quadrant::MoneyPit, "money pit", "money pits"),
        );
        let mut page = self.portrait();
        let top = self.heading(&mut page, title, &subtitle);
        self.bookmarks.push((title.to_owned(), self.pages.len()));
        let left = MARGIN + 30.0;
        let bottom = self.matrix(&mut page, left, top + 6.0, &list);
        let rows = list
            .iter()
            .enumerate()
            .map(|(i, o)| self.row(i + 1, o))
            .collect();
        self.flow_table(
            &mut page,
            bottom + 18.0,
            title,
            &subtitle,
            &[
                ("#", 0.05),
                ("Opportunity", 0.33),
                ("Stage", 0.14),
                ("Value", 0.07),
                ("Effort", 0.07),
                ("Status", 0.12),
                ("Evidence", 0.1),
                ("Raised by", 0.12),
            ],
            rows,
        );
        self.pages.push(page);
    }

    /// Whether the opportunities are on more than one map (then each row names its map).
    fn several_maps(&self) -> bool {
        let mut maps = self.project.opportunities.iter().map(|o| o.map_id);
        let first = maps.next();
        maps.any(|m| Some(m) != first)
    }

    fn row(&self, rank: usize, o: &Opportunity) -> Vec<Cell> {
        let p = self.project;
        let stage = o
            .stage_id
            .and_then(|s| p.stages.iter().find(|x| x.id == s))
            .map_or(String::new(), |s| s.name.clone());
        let map = p
            .maps
            .iter()
            .find(|m| m.id == o.map_id)
            .map_or("", |m| m.name.as_str());
        let status = o.status_with(&p.redesigns);
        let evidence = match o.evidence.len() {
            0 => "none".to_owned(),
            1 => "1 item".to_owned(),
            n => format!("{n} items"),
        };
        vec![
            Cell::text(&rank.to_string()),
            Cell::bold(&if self.several_maps() {
                format!("{} ({map})", o.title)
            } else {
                o.title.clone()
            }),
            Cell::text(&stage),
            Cell::text(&o.value.to_string()),
            Cell::text(&o.effort.to_string()),
            Cell::colored(status.label(), status_colour(status)),
            Cell::text(&evidence),
            Cell::text(&o.raised_by),
        ]
    }

    /// Draws the matrix with its top-left at (`x`, `y`); returns where it ends below.
    fn matrix(&self, page: &mut Page, x: f32, y: f32, list: &[&Opportunity]) -> f32 {
        let p = self.project;
        let low = (HIGH_SCORE - 1) as f32 * CELL;
        let high = SIDE - low;
        // High value on top, low effort on the left.
        let quads = [
            (Quadrant::QuickWin, x, y, low, high),
            (Quadrant::BigBet, x + low, y, high, high),
            (Quadrant::FillIn, x, y + high, low, low),
            (Quadrant::MoneyPit, x + low, y + high, high, low),
        ];
        for (q, qx, qy, w, h) in quads {
            page.rect(qx, qy, w, h, Some(quadrant_fill(q)), None);
        }
        for i in 0..=5 {
            let d = i as f32 * CELL;
            page.line(&[(x + d, y), (x + d, y + SIDE)], LINE, 0.4);
            page.line(&[(x, y + d), (x + SIDE, y + d)], LINE, 0.4);
        }
        page.line(&[(x + low, y), (x + low, y + SIDE)], MUTED, 1.0);
        page.line(&[(x, y + high), (x + SIDE, y + high)], MUTED, 1.0);
        let f = &self.fonts;
        page.text(
            f,
            x + 4.0,
            y + 11.0,
            8.0,
            Weight::Bold,
            INK,
            Quadrant::QuickWin.label(),
        );
        page.text_right(
            f,
            x + SIDE - 4.0,
            y + 11.0,
            8.0,
            Weight::Bold,
            INK,
            Quadrant::BigBet.label(),
        );
        page.text(
            f,
            x + 4.0,
            y + SIDE - 4.0,
            8.0,
            Weight::Bold,
            INK,
            Quadrant::FillIn.label(),
        );
        page.text_right(
            f,
            x + SIDE - 4.0,
            y + SIDE - 4.0,
            8.0,
            Weight::Bold,
            INK,
            Quadrant::MoneyPit.label(),
        );
        for n in 1..=5 {
            let c = (n as f32 - 0.5) * CELL;
            page.text(
                f,
                x + c - 2.5,
                y + SIDE + 11.0,
                7.5,
                Weight::Regular,
                MUTED,
                &n.to_string(),
            );
            page.text_right(
                f,
                x - 5.0,
                y + SIDE - c + 3.0,
                7.5,
                Weight::Regular,
                MUTED,
                &n.to_string(),
            );
        }
        page.text(
            f,
            x + SIDE / 2.0 - 16.0,
            y + SIDE + 23.0,
            8.0,
            Weight::Bold,
            INK,
            "Effort →",
        );
        page.text_right(f, x - 14.0, y + 8.0, 8.0, Weight::Bold, INK, "Value");
        // Numbered dots; several in one cell on a small ring around its centre.
        let mut cells: std::collections::BTreeMap<(i32, i32), Vec<(usize, &Opportunity)>> =
            Default::default();
        for (i, o) in list.iter().enumerate() {
            cells
                .entry((o.effort, o.value))
                .or_default()
                .push((i + 1, o));
        }
        for ((effort, value), group) in cells {
            let cx = x + (effort as f32 - 0.5) * CELL;
            let cy = y + (5.0 - value as f32 + 0.5) * CELL;
            let n = group.len();
            for (k, (rank, o)) in group.iter().enumerate() {
                let ring = if n == 1 {
                    0.0
                } else {
                    (8.0 + n as f32 * 2.0).min(17.0)
                };
                let a = k as f32 / n as f32 * std::f32::consts::TAU - std::f32::consts::FRAC_PI_2;
                let (dx, dy) = (cx + ring * a.cos(), cy + ring * a.sin());
                let status = o.status_with(&p.redesigns);
                page.polygon(&disc(dx, dy, 7.5), "#ffffff");
                page.polygon(&disc(dx, dy, 6.5), status_colour(status));
                let label = rank.to_string();
                let w = f.width(&label, 7.0, Weight::Bold);
                page.text(
                    f,
                    dx - w / 2.0,
                    dy + 2.5,
                    7.0,
                    Weight::Bold,
                    "#ffffff",
                    &label,
                );
            }
        }
        // What the colours mean, to the right of the matrix.
        let lx = x + SIDE + 24.0;
        page.text(f, lx, y + 11.0, 8.5, Weight::Bold, INK, "Status");
        for (i, s) in OpportunityStatus::ALL.iter().enumerate() {
            let ly = y + 26.0 + i as f32 * 15.0;
            page.polygon(&disc(lx + 5.0, ly - 3.0, 5.0), status_colour(*s));
            page.text(f, lx + 15.0, ly, 8.5, Weight::Regular, INK, s.label());
        }
        page.text(
            f,
            lx,
            y + 26.0 + 5.0 * 15.0 + 8.0,
            7.5,
            Weight::Regular,
            MUTED,
            "An opportunity a redesign carries",
        );
        page.text(
            f,
            lx,
            y + 26.0 + 5.0 * 15.0 + 18.0,
            7.5,
            Weight::Regular,
            MUTED,
            "shows the redesign's progress.",
        );
        y + SIDE + 28.0
    }
}
