//! The report's measures section: the dashboard's figures on paper for corporate — top
//! touchpoints and their KPIs, reliability by stage, the voice of the customer and of employees,
//! customers in and out, and the ten-pillar self-assessment as a radar.

use super::{Cell, Report, MARGIN};
use crate::draw::{reliability_color, Page, Surface, Weight, INK, LINE, MUTED};
use crate::measure::{Dashboard, KpiStatus, Trend};
use crate::model::MapKind;

pub(super) fn status_color(s: KpiStatus) -> &'static str {
    match s {
        KpiStatus::Met => "#15803d",
        KpiStatus::Near => "#b45309",
        KpiStatus::Missed => "#b91c1c",
        KpiStatus::NoData => MUTED,
    }
}

pub(super) fn num(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

fn signed(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{v:+.2}").replace('-', "−"))
}

fn pct(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{:.1}%", v * 100.0))
}

impl Report<'_> {
    pub(super) fn measures(&mut self) {
        let p = self.project;
        // The map asked for; else the as-is map, which carries today's figures, or the first.
        let map = p
            .maps
            .iter()
            .find(|m| Some(m.id) == self.opts.measures_map)
            .or_else(|| p.maps.iter().find(|m| m.kind == MapKind::AsIs))
            .or(p.maps.first());
        let d = Dashboard::compute(p, map.map(|m| m.id), self.opts.today);
        let title = "Customer-experience measures";
        let c = &d.kpi_counts;
        let last = d.customers.last();
        let subtitle = format!(
            "{} on {}: KPIs {} (top touchpoints: {}) · sentiment {} · churn {} · pillars {}",
            map.map_or("All maps", |m| m.name.as_str()),
            self.opts.today,
            c.summary(),
            d.top_kpi_counts.summary(),
            signed(d.feedback.average_sentiment),
            pct(last.and_then(|l| l.churn_rate)),
            d.pillar_average
                .map_or("—".into(), |a| format!("{a:.1} of 5")),
        );
        let mut page = self.portrait();
        let mut y = self.heading(&mut page, title, &subtitle);
        self.bookmarks.push((title.to_owned(), self.pages.len()));

        let kpis: Vec<Vec<Cell>> = d
            .kpis
            .iter()
            .map(|k| {
                let unit = if k.unit.is_empty() {
                    String::new()
                } else {
                    format!(" {}", k.unit)
                };
                vec![
                    Cell::bold(&format!(
                        "{}{}",
                        if k.top { "★ " } else { "" },
                        k.touchpoint_title
                    )),
                    Cell::text(&k.name),
                    Cell::text(&k.latest.map_or("—".into(), |v| format!("{}{unit}", num(v)))),
                    Cell::text(&format!(
                        "{} {}{unit}",
                        k.direction.target_sign(),
                        num(k.target)
                    )),
                    Cell::colored(k.status.label(), status_color(k.status)),
                    Cell::text(match k.trend {
                        Trend::Improving => "improving",
                        Trend::Worsening => "worsening",
                        Trend::Steady => "steady",
                        Trend::Unknown => "",
                    }),
                ]
            })
            .collect();
        y = self.subheading(&mut page, y, title, "KPIs (★ top touchpoints first)");
        y = self.flow_table(
            &mut page,
            y,
            title,
            &subtitle,
            &[
                ("Touchpoint", 0.27),
                ("KPI", 0.27),
                ("Latest", 0.12),
                ("Target", 0.12),
                ("Status", 0.12),
                ("Trend", 0.10),
            ],
            kpis,
        );

        // Cards nobody has rated get their own column, shown only when there are any.
        let unrated = d.reliability.unrated > 0;
        // A count in its reliability's colour; none is a quiet grey zero.
        let tally = |n: u32, r: crate::model::Reliability| {
            Cell::colored(
                &n.to_string(),
                if n == 0 { MUTED } else { reliability_color(r) },
            )
        };
        let stages: Vec<Vec<Cell>> = d
            .reliability
            .stages
            .iter()
            .map(|s| {
                let mut row = vec![
                    Cell::bold(&s.name),
                    tally(s.broken, crate::model::Reliability::Broken),
                    tally(s.reliable, crate::model::Reliability::Reliable),
                    tally(
                        s.differentiating,
                        crate::model::Reliability::Differentiating,
                    ),
                    Cell::text(&s.moments_of_truth.to_string()),
                    Cell::colored(
                        &signed(s.average_gap),
                        if s.average_gap.unwrap_or(0.0) > 0.0 {
                            "#b91c1c"
                        } else {
                            INK
                        },
                    ),
                ];
                if unrated {
                    row.insert(1, tally(s.unrated, crate::model::Reliability::Unrated));
                }
                row
            })
            .collect();
        y = self.subheading(
            &mut page,
            y + 14.0,
            title,
            "Reliability by stage (gap: expectation minus delivered performance)",
        );
        y = self.flow_table(
            &mut page,
            y,
            title,
            &subtitle,
            if unrated {
                &[
                    ("Stage", 0.22),
                    ("Not rated", 0.11),
                    ("Broken", 0.1),
                    ("Reliable", 0.1),
                    ("Differentiating", 0.16),
                    ("Moments of truth", 0.18),
                    ("Mean gap", 0.13),
                ]
            } else {
                &[
                    ("Stage", 0.26),
                    ("Broken", 0.11),
                    ("Reliable", 0.11),
                    ("Differentiating", 0.16),
                    ("Moments of truth", 0.2),
                    ("Mean gap", 0.16),
                ]
            },
            stages,
        );

        let voices: Vec<Vec<Cell>> = d
            .feedback
            .stages
            .iter()
            .map(|s| {
                vec![
                    Cell::bold(&s.name),
                    Cell::text(&s.count.to_string()),
                    Cell::text(&format!(
                        "{} ({})",
                        signed(s.customer_sentiment),
                        s.customer_count
                    )),
                    Cell::text(&format!(
                        "{} ({})",
                        signed(s.employee_sentiment),
                        s.employee_count
                    )),
                    Cell::text(&s.average_rating.map_or("—".into(), |r| format!("{r:.1}"))),
                ]
            })
            .collect();
        y = self.subheading(
            &mut page,
            y + 14.0,
            title,
            "Voice of the customer and of employees (mean sentiment −2…+2, items)",
        );
        y = self.flow_table(
            &mut page,
            y,
            title,
            &subtitle,
            &[
                ("Stage", 0.3),
                ("Items", 0.12),
                ("Customers", 0.2),
                ("Employees", 0.2),
                ("Mean (0–10)", 0.18),
            ],
            voices,
        );

        let flows: Vec<Vec<Cell>> = d
            .customers
            .iter()
            .map(|f| {
                vec![
                    Cell::bold(&f.label),
                    Cell::text(&f.at_start.map_or("—".into(), |n| n.to_string())),
                    Cell::colored(&format!("+{}", f.gained), "#15803d"),
                    Cell::colored(&format!("−{}", f.lost), "#b91c1c"),
                    Cell::text(&format!("{:+}", f.net)),
                    Cell::text(&pct(f.churn_rate)),
                    Cell::text(
                        &f.reasons_out
                            .first()
                            .map_or(String::new(), |r| format!("{} ({})", r.reason, r.count)),
                    ),
                ]
            })
            .collect();
        y = self.subheading(&mut page, y + 14.0, title, "Customers in and customers out");
        self.flow_table(
            &mut page,
            y,
            title,
            &subtitle,
            &[
                ("Period", 0.16),
                ("At start", 0.12),
                ("In", 0.1),
                ("Out", 0.1),
                ("Net", 0.1),
                ("Churn", 0.1),
                ("Main reason for leaving", 0.32),
            ],
            flows,
        );
        self.pages.push(page);
        // An assessment nobody has made yet is a page of dashes: left out, as personas are.
        if d.pillars.iter().any(|p| p.score.is_some()) {
            self.pillars(&d);
        }
    }

    /// A table's caption; a caption with no room for rows under it starts the next page, under
    /// the section's title marked "continued".
    pub(super) fn subheading(
        &mut self,
        page: &mut Page,
        mut y: f32,
        section: &str,
        text: &str,
    ) -> f32 {
        if y + 70.0 > page.height - MARGIN - 20.0 {
            self.pages.push(std::mem::replace(page, self.portrait()));
            y = self.heading(page, &format!("{section} (continued)"), "");
        }
        page.text(&self.fonts, MARGIN, y + 10.0, 11.0, Weight::Bold, INK, text);
        y + 18.0
    }

    /// The ten pillars as a radar (scores 1–5 on ten spokes) beside the scores and notes.
    fn pillars(&mut self, d: &Dashboard) {
        let title = "Ten-pillar self-assessment";
        let subtitle = format!(
            "Each pillar scored 1 (absent) to 5 (a real strength); mean {}",
            d.pillar_average.map_or("—".into(), |a| format!("{a:.1}"))
        );
        let mut page = self.portrait();
        let top = self.heading(&mut page, title, &subtitle);
        self.bookmarks.push((title.to_owned(), self.pages.len()));
        let r = 120.0;
        let (cx, cy) = (page.width / 2.0, top + r + 40.0);
        let n = d.pillars.len().max(1) as f32;
        let at = |i: usize, scale: f32| {
            let a = -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / n;
            (cx + r * scale * a.cos(), cy + r * scale * a.sin())
        };
        for level in 1..=5 {
            let mut ring: Vec<(f32, f32)> = (0..d.pillars.len())
                .map(|i| at(i, level as f32 / 5.0))
                .collect();
            ring.push(ring[0]);
            page.line(&ring, LINE, 0.5);
        }
        for (i, p) in d.pillars.iter().enumerate() {
            page.line(&[(cx, cy), at(i, 1.0)], LINE, 0.5);
            let (lx, ly) = at(i, 1.18);
            let label = p.pillar.label();
            let w = self.fonts.width(label, 8.0, Weight::Regular);
            page.text(
                &self.fonts,
                lx - w / 2.0,
                ly + 3.0,
                8.0,
                Weight::Regular,
                MUTED,
                label,
            );
        }
        let scored: Vec<(f32, f32)> = d
            .pillars
            .iter()
            .enumerate()
            .map(|(i, p)| at(i, p.score.unwrap_or(0) as f32 / 5.0))
            .collect();
        if d.pillars.iter().any(|p| p.score.is_some()) {
            page.polygon(&scored, "#bfdbfe");
            let mut outline = scored.clone();
            outline.push(scored[0]);
            page.line(&outline, "#2563eb", 1.5);
        }
        let rows = d
            .pillars
            .iter()
            .map(|p| {
                vec![
                    Cell::bold(p.pillar.label()),
                    Cell::text(&p.score.map_or("not scored".into(), |s| format!("{s} / 5"))),
                    Cell::text(&p.notes),
                ]
            })
            .collect();
        let y = cy + r + 40.0;
        self.flow_table(
            &mut page,
            y,
            title,
            &subtitle,
            &[("Pillar", 0.28), ("Score", 0.14), ("Notes", 0.58)],
            rows,
        );
        self.pages.push(page);
    }
}
