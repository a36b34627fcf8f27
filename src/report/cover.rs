//! The cover page: the project, who made the report and when, and what it holds.

use super::*;

impl Report<'_> {
    pub(super) fn cover(&mut self) {
        let mut page = self.portrait();
        let p = &self.project.info;
        let f = &self.fonts;
        let width = page.width - 2.0 * MARGIN;
        page.rect(0.0, 0.0, page.width, 200.0, Some(self.accent), None);
        // The logo on a white card at the top right, legible on any accent.
        if self.logo.is_some() {
            page.rect(
                page.width - MARGIN - 148.0,
                36.0,
                148.0,
                64.0,
                Some("#ffffff"),
                None,
            );
            let right = page.width - MARGIN - 8.0;
            self.logo_at(&mut page, right, 44.0, (132.0, 48.0));
        }
        let kicker = match p.organisation.trim() {
            "" => "CUSTOMER JOURNEY REPORT".to_owned(),
            o => format!("{} · CUSTOMER JOURNEY REPORT", o.to_uppercase()),
        };
        let room = if self.logo.is_some() {
            width - 160.0
        } else {
            width
        };
        let size = (11.0 * room / f.width(&kicker, 11.0, Weight::Bold)).clamp(8.0, 11.0);
        let kicker = f.ellipsize(&kicker, room, size, Weight::Bold);
        page.text(f, MARGIN, 70.0, size, Weight::Bold, "#fbbf24", &kicker);
        let mut y = 108.0;
        let title_w = if self.logo.is_some() {
            width - 160.0
        } else {
            width
        };
        for line in f.wrap(&p.name, title_w, 26.0, Weight::Bold, 3) {
            page.text(f, MARGIN, y, 26.0, Weight::Bold, "#f8fafc", &line);
            y += 32.0;
        }
        y = 240.0;
        for (label, text) in [
            ("Intent statement", &p.intent_statement),
            ("Brand promise", &p.brand_promise),
            ("Target customers", &p.target_customers),
        ] {
            if text.trim().is_empty() {
                continue;
            }
            page.text(f, MARGIN, y, 10.0, Weight::Bold, MUTED, label);
            y += 18.0;
            for line in f.wrap(text, width, 13.0, Weight::Regular, 6) {
                page.text(f, MARGIN, y, 13.0, Weight::Regular, INK, &line);
                y += 18.0;
            }
            y += 14.0;
        }
        let s = self.project.summary();
        let total = self.pages.len() + 1;
        let facts = [
            format!(
                "{} · {} · {}",
                count(s.maps as usize, "journey map", "journey maps"),
                count(s.stages as usize, "stage", "stages"),
                count(s.touchpoints as usize, "touchpoint", "touchpoints")
            ),
            format!(
                "{} · {} broken, {} reliable, {} differentiating{}",
                count(
                    s.moments_of_truth as usize,
                    "moment of truth",
                    "moments of truth"
                ),
                s.broken,
                s.reliable,
                s.differentiating,
                match s.unrated {
                    0 => String::new(),
                    n => format!(", {n} not rated"),
                }
            ),
            format!(
                "{} tracked",
                count(s.redesigns as usize, "redesign", "redesigns")
            ),
            format!(
                "Prepared {}{}on {} · {}",
                match p.prepared_for.trim() {
                    "" => String::new(),
                    who => format!("for {who} "),
                },
                match self.opts.author.trim() {
                    "" | "Journeymap" => String::new(),
                    who => format!("by {who} "),
                },
                self.opts.created.format("%-d %B %Y"),
                if total == 1 {
                    "1 page".to_owned()
                } else {
                    format!("{total} pages")
                }
            ),
        ];
        y = page.height - 150.0;
        page.line(
            &[(MARGIN, y - 20.0), (page.width - MARGIN, y - 20.0)],
            LINE,
            0.8,
        );
        for fact in facts {
            for line in f.wrap(&fact, width, 11.0, Weight::Regular, 3) {
                page.text(f, MARGIN, y, 11.0, Weight::Regular, MUTED, &line);
                y += 16.0;
            }
            y += 2.0;
        }
        self.pages.insert(0, page);
        for b in &mut self.bookmarks {
            b.1 += 1;
        }
        self.bookmarks.insert(0, ("Cover".into(), 0));
    }
}
