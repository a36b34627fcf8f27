//! The tables: moments of truth, every touchpoint, and the table layout that flows across pages.

use super::*;

impl Report<'_> {
    pub(super) fn moments_of_truth(&mut self) {
        let cards: Vec<(usize, &Touchpoint)> = self
            .ordered_touchpoints()
            .into_iter()
            .filter(|t| t.moment_of_truth)
            .enumerate()
            .collect();
        let count = cards.len();
        let tables = self.rows_by_map(cards, |_, t| {
            vec![
                Cell::text(self.stage_name(t)),
                Cell::bold(&t.title),
                Cell::colored(
                    t.reliability.word(),
                    crate::draw::reliability_color(t.reliability),
                ),
                Cell::text(if t.moment_of_truth_note.is_empty() {
                    &t.description
                } else {
                    &t.moment_of_truth_note
                }),
            ]
        });
        self.tables_by_map(
            "Moments of truth",
            &format!(
                "{} where the relationship is won or lost",
                super::count(count, "moment", "moments")
            ),
            &[
                ("Stage", 0.16),
                ("Touchpoint", 0.24),
                ("Reliability", 0.15),
                ("Why it matters", 0.45),
            ],
            tables,
        );
    }

    pub(super) fn touchpoints(&mut self) {
        // The numbers run on from map to map, as on the map pages.
        let numbered: Vec<(usize, &Touchpoint)> = self
            .ordered_touchpoints()
            .into_iter()
            .enumerate()
            .map(|(i, t)| (i + 1, t))
            .collect();
        let tables = self.rows_by_map(numbered, |n, t| self.touchpoint_row(n, t));
        self.tables_by_map(
            "Touchpoints",
            "# is the card's number on the maps · expectation / delivered performance on a 1–5 scale; a red gap (expectation minus performance) means customers are let down",
            &[
                ("#", 0.04),
                ("Stage", 0.12),
                ("Lane", 0.13),
                ("Touchpoint", 0.22),
                ("Channel", 0.12),
                ("Owner", 0.13),
                ("Exp / perf", 0.11),
                ("Reliability", 0.13),
            ],
            tables,
        );
    }

    /// `cards` (in map order, each with its number) split into one list of rows per map, under
    /// the map's name; one empty list when there are none.
    fn rows_by_map(
        &self,
        cards: Vec<(usize, &Touchpoint)>,
        row: impl Fn(usize, &Touchpoint) -> Vec<Cell>,
    ) -> Vec<(String, Vec<Vec<Cell>>)> {
        let mut parts: Vec<(String, Vec<Vec<Cell>>)> = Vec::new();
        let mut last_map = None;
        for (n, t) in cards {
            if last_map != Some(t.map_id) {
                last_map = Some(t.map_id);
                parts.push((self.map_name(t).to_owned(), Vec::new()));
            }
            if let Some((_, rows)) = parts.last_mut() {
                rows.push(row(n, t));
            }
        }
        if parts.is_empty() {
            parts.push((String::new(), Vec::new()));
        }
        parts
    }

    /// A section of tables: with more than one map (which may share stage and card names), each
    /// map's rows are a table of their own under the map's name, rather than the name repeated
    /// on every row; with one map, one table.
    fn tables_by_map(
        &mut self,
        title: &str,
        subtitle: &str,
        columns: &[(&str, f32)],
        tables: Vec<(String, Vec<Vec<Cell>>)>,
    ) {
        let several = tables.len() > 1;
        let mut page = self.portrait();
        let mut y = self.heading(&mut page, title, subtitle);
        self.bookmarks.push((title.to_owned(), self.pages.len()));
        for (i, (map, rows)) in tables.into_iter().enumerate() {
            let part = if several {
                let gap = if i == 0 { 0.0 } else { 14.0 };
                y = self.subheading(&mut page, y + gap, title, &map);
                format!("{title}: {map}")
            } else {
                title.to_owned()
            };
            y = self.flow_table(&mut page, y, &part, subtitle, columns, rows);
        }
        self.pages.push(page);
    }

    fn touchpoint_row(&self, n: usize, t: &Touchpoint) -> Vec<Cell> {
        let gap = t.gap();
        vec![
            Cell::text(&n.to_string()),
            Cell::text(self.stage_name(t)),
            Cell::text(self.lane_name(t)),
            Cell::bold(&format!(
                "{}{}",
                if t.moment_of_truth { "★ " } else { "" },
                t.title
            )),
            Cell::text(&t.channel),
            Cell::text(&t.owner),
            Cell::colored(
                &format!(
                    "{} / {}{}",
                    t.expectation,
                    t.performance,
                    if gap > 0 {
                        format!("  (gap {gap})")
                    } else {
                        String::new()
                    }
                ),
                if gap > 0 { "#b91c1c" } else { INK },
            ),
            Cell::colored(
                t.reliability.word(),
                crate::draw::reliability_color(t.reliability),
            ),
        ]
    }

    pub(super) fn ordered_touchpoints(&self) -> Vec<&Touchpoint> {
        let p = self.project;
        let map_pos = |id| p.maps.iter().position(|m| m.id == id).unwrap_or(usize::MAX);
        let stage_pos = |id| {
            p.stages
                .iter()
                .find(|s| s.id == id)
                .map_or(i32::MAX, |s| s.position)
        };
        let lane_pos = |id| {
            p.lanes
                .iter()
                .find(|l| l.id == id)
                .map_or(i32::MAX, |l| l.position)
        };
        let mut list: Vec<&Touchpoint> = p.touchpoints.iter().collect();
        list.sort_by(|a, b| {
            (
                map_pos(a.map_id),
                stage_pos(a.stage_id),
                lane_pos(a.lane_id),
                a.y as i64,
                a.x as i64,
            )
                .cmp(&(
                    map_pos(b.map_id),
                    stage_pos(b.stage_id),
                    lane_pos(b.lane_id),
                    b.y as i64,
                    b.x as i64,
                ))
        });
        list
    }

    pub(super) fn map_name(&self, t: &Touchpoint) -> &str {
        self.project
            .maps
            .iter()
            .find(|m| m.id == t.map_id)
            .map_or("", |m| m.name.as_str())
    }

    pub(super) fn stage_name(&self, t: &Touchpoint) -> &str {
        self.project
            .stages
            .iter()
            .find(|s| s.id == t.stage_id)
            .map_or("", |s| s.name.as_str())
    }

    pub(super) fn lane_name(&self, t: &Touchpoint) -> &str {
        self.project
            .lanes
            .iter()
            .find(|l| l.id == t.lane_id)
            .map_or("", |l| l.name.as_str())
    }

    /// A table that starts a page of its own and flows over as many pages as it needs.
    pub(super) fn table(
        &mut self,
        title: &str,
        subtitle: &str,
        columns: &[(&str, f32)],
        rows: Vec<Vec<Cell>>,
    ) {
        let mut page = self.portrait();
        let y = self.heading(&mut page, title, subtitle);
        self.bookmarks.push((title.to_owned(), self.pages.len()));
        self.flow_table(&mut page, y, title, subtitle, columns, rows);
        self.pages.push(page);
    }

    /// Draws a table from `y` on `page`, moving to fresh pages (with a "continued" heading and the
    /// header repeated) as it fills them. Returns where the table ends on the page it ends on.
    pub(super) fn flow_table(
        &mut self,
        page: &mut Page,
        mut y: f32,
        title: &str,
        subtitle: &str,
        columns: &[(&str, f32)],
        rows: Vec<Vec<Cell>>,
    ) -> f32 {
        let size = 8.5;
        let line_h = size * 1.3;
        let width = page.width - 2.0 * MARGIN;
        let bottom = page.height - MARGIN - 20.0;
        let header = |report: &Self, page: &mut Page, y: f32| -> f32 {
            page.rect(MARGIN, y, width, line_h + 6.0, Some("#1e293b"), None);
            let mut x = MARGIN;
            for (name, share) in columns {
                page.text(
                    &report.fonts,
                    x + 4.0,
                    y + line_h,
                    size,
                    Weight::Bold,
                    "#f8fafc",
                    name,
                );
                x += share * width;
            }
            y + line_h + 6.0
        };
        if y + 3.0 * line_h > bottom {
            self.pages.push(std::mem::replace(page, self.portrait()));
            y = self.heading(page, &format!("{title} (continued)"), subtitle);
        }
        y = header(self, page, y);
        if rows.is_empty() {
            page.text(
                &self.fonts,
                MARGIN + 4.0,
                y + line_h + 4.0,
                size,
                Weight::Regular,
                MUTED,
                "None yet.",
            );
            y += line_h + 10.0;
        }
        // A word wider than its column is set a little smaller rather than cut in two
        // ("Housekee/ping"); only a word too long even at 75 % is cut.
        let wrapped: Vec<Vec<(f32, Vec<String>)>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(columns)
                    .map(|(cell, (_, share))| {
                        let room = share * width - 8.0;
                        let widest = cell
                            .text
                            .split_whitespace()
                            .map(|w| self.fonts.width(w, size, cell.weight))
                            .fold(0.0, f32::max);
                        let fit = if widest > room {
                            (0.99 * size * room / widest).max(size * 0.75)
                        } else {
                            size
                        };
                        (
                            fit,
                            self.fonts
                                .wrap(&cell.text, room, fit, cell.weight, cell.lines),
                        )
                    })
                    .collect()
            })
            .collect();
        let height = |i: usize| {
            let lines = wrapped[i]
                .iter()
                .map(|(_, l)| l.len())
                .max()
                .unwrap_or(1)
                .max(1);
            lines as f32 * line_h + 6.0
        };
        let heights: Vec<f32> = (0..rows.len()).map(height).collect();
        let mut on_page = 0;
        for (i, (row, wrapped)) in rows.iter().zip(&wrapped).enumerate() {
            let h = heights[i];
            if starts_page(&heights, i, y, bottom, on_page) {
                on_page = 0;
                self.pages.push(std::mem::replace(page, self.portrait()));
                y = self.heading(page, &format!("{title} (continued)"), subtitle);
                y = header(self, page, y);
            }
            if i % 2 == 1 {
                page.rect(MARGIN, y, width, h, Some("#f8fafc"), None);
            }
            on_page += 1;
            let mut x = MARGIN;
            for ((cell, (fit, text)), (_, share)) in row.iter().zip(wrapped).zip(columns) {
                for (j, line) in text.iter().enumerate() {
                    page.text(
                        &self.fonts,
                        x + 4.0,
                        y + 3.0 + line_h * (j as f32 + 0.8),
                        *fit,
                        cell.weight,
                        cell.color,
                        line,
                    );
                }
                x += share * width;
            }
            y += h;
            page.line(&[(MARGIN, y), (MARGIN + width, y)], "#e2e8f0", 0.4);
        }
        y
    }
}

/// Whether row `i` of a table whose rows are `heights` tall starts a new page, drawn from `y`
/// with `on_page` rows above it on this page: when it does not fit above `bottom`, and when it is
/// the last but one and the last would not fit after it while this page keeps two rows or more
/// (a "continued" page never holds the last row alone).
fn starts_page(heights: &[f32], i: usize, y: f32, bottom: f32, on_page: usize) -> bool {
    let h = heights[i];
    let last_alone = i + 2 == heights.len() && on_page > 1 && y + h + heights[i + 1] > bottom;
    y + h > bottom || last_alone
}

#[cfg(test)]
mod tests {
    use super::starts_page;

    /// The rows that start a page, for rows of `heights` on pages with room from 0 to `bottom`.
    fn pages(heights: &[f32], bottom: f32) -> Vec<usize> {
        let (mut y, mut on_page, mut starts) = (0.0, 0, vec![]);
        for i in 0..heights.len() {
            if starts_page(heights, i, y, bottom, on_page) {
                starts.push(i);
                (y, on_page) = (0.0, 0);
            }
            y += heights[i];
            on_page += 1;
        }
        starts
    }

    #[test]
    fn a_table_breaks_where_rows_stop_fitting_and_never_leaves_the_last_row_alone() {
        // Ten rows fit a page: a table of eleven takes two with the last two on the second.
        assert_eq!(pages(&[10.0; 10], 100.0), Vec::<usize>::new());
        assert_eq!(pages(&[10.0; 11], 100.0), vec![9]);
        assert_eq!(pages(&[10.0; 12], 100.0), vec![10]);
        // A tall last row that does not fit after the one before it takes that one along.
        assert_eq!(pages(&[30.0, 30.0, 30.0, 30.0], 100.0), vec![2]);
        // Two rows on a page: nothing to spare, the last goes alone rather than leave one.
        assert_eq!(pages(&[60.0, 30.0, 50.0], 100.0), vec![2]);
        // A row taller than a page still gets a page of its own, not an endless break.
        assert_eq!(pages(&[20.0, 150.0], 100.0), vec![1]);
    }
}
