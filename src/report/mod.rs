//! The PDF report managers print for corporate: cover, the journey maps as vector drawings,
//! moments of truth, the touchpoint table, and the redesign tracker. Pure: the project, the day
//! and the creation time come in, PDF bytes go out. No GUI, no clock.

mod measures;

use crate::draw::{
    draw_map, Face, Fonts, MapLayout, Page, Surface, View, Weight, INK, LINE, MUTED,
};
use crate::model::{Project, Touchpoint};
use crate::workflow::{PhaseStatus, RedesignState};
use crate::{Error, Result};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use printpdf::{ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};

/// Paper sizes in points, portrait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
    Letter,
    A3,
}

impl Paper {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "a4" => Some(Self::A4),
            "letter" => Some(Self::Letter),
            "a3" => Some(Self::A3),
            _ => None,
        }
    }

    fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
            Self::A3 => (841.89, 1190.55),
        }
    }
}

/// A part of the report a manager can leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Cover,
    Map,
    #[serde(rename = "moments")]
    MomentsOfTruth,
    Touchpoints,
    Redesigns,
    Measures,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Self::Cover,
        Self::Map,
        Self::MomentsOfTruth,
        Self::Touchpoints,
        Self::Measures,
        Self::Redesigns,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cover" => Some(Self::Cover),
            "map" | "maps" => Some(Self::Map),
            "moments" | "moments-of-truth" => Some(Self::MomentsOfTruth),
            "touchpoints" => Some(Self::Touchpoints),
            "redesigns" | "tracker" => Some(Self::Redesigns),
            "measures" | "kpis" | "dashboard" => Some(Self::Measures),
            _ => None,
        }
    }
}

/// What a person asks for in the Export PDF dialog or on the command line.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportRequest {
    pub paper: Paper,
    pub sections: Vec<Section>,
    /// The day redesign status is judged on.
    pub today: NaiveDate,
    /// Written into the document's metadata.
    pub author: String,
}

#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub paper: Paper,
    pub sections: Vec<Section>,
    /// The day redesign status is judged on.
    pub today: NaiveDate,
    /// Written into the document's metadata and printed on the cover.
    pub created: NaiveDateTime,
    pub author: String,
}

const MARGIN: f32 = 40.0;
/// Below this scale card titles (13 canvas px) would print under about 5.5 pt: the map is split.
const MIN_MAP_SCALE: f32 = 0.42;

struct Report<'a> {
    project: &'a Project,
    opts: &'a ReportOptions,
    fonts: Fonts,
    pages: Vec<Page>,
    bookmarks: Vec<(String, usize)>,
}

/// Renders the report as PDF bytes.
pub fn render(project: &Project, opts: &ReportOptions) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&project.info.name);
    let mut warnings = Vec::new();
    let mut face = |bytes: &'static [u8]| -> Result<Face> {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| Error::InvalidInput("an embedded report font cannot be read".into()))?;
        let id = doc.add_font(&parsed);
        Face::new(bytes, id)
            .ok_or_else(|| Error::InvalidInput("an embedded report font cannot be measured".into()))
    };
    let fonts = Fonts {
        regular: face(crate::draw::REGULAR)?,
        bold: face(crate::draw::BOLD)?,
        cjk: face(crate::draw::CJK)?,
    };
    let mut report = Report {
        project,
        opts,
        fonts,
        pages: Vec::new(),
        bookmarks: Vec::new(),
    };
    let wants = |s: Section| opts.sections.contains(&s);
    if wants(Section::Map) {
        report.maps();
    }
    if wants(Section::MomentsOfTruth) {
        report.moments_of_truth();
    }
    if wants(Section::Touchpoints) {
        report.touchpoints();
    }
    if wants(Section::Measures) {
        report.measures();
    }
    if wants(Section::Redesigns) {
        report.redesigns();
    }
    if wants(Section::Cover) || report.pages.is_empty() {
        report.cover();
    }
    report.footers();

    let info = &mut doc.metadata.info;
    info.document_title = project.info.name.clone();
    info.author = opts.author.clone();
    info.creator = "Journeymap".into();
    info.producer = "Journeymap (printpdf)".into();
    info.subject = "Customer journey report".into();
    let created = pdf_date(opts.created);
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    for (name, page) in &report.bookmarks {
        doc.add_bookmark(name, page + 1);
    }
    let pages = report
        .pages
        .into_iter()
        .map(|p| {
            PdfPage::new(
                printpdf::Mm(p.width * 25.4 / 72.0),
                printpdf::Mm(p.height * 25.4 / 72.0),
                p.ops,
            )
        })
        .collect();
    doc.with_pages(pages);
    let mut save_warnings = Vec::new();
    Ok(doc.save(&PdfSaveOptions::default(), &mut save_warnings))
}

/// Renders the report and writes it to `dest` atomically (temp file + rename). Returns the
/// number of bytes written.
pub fn write(project: &Project, opts: &ReportOptions, dest: &std::path::Path) -> Result<u64> {
    crate::storage::atomic::write_export(dest, &render(project, opts)?)
}

fn pdf_date(t: NaiveDateTime) -> printpdf::OffsetDateTime {
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::date::Date {
            year: t.year(),
            month: t.month() as u8,
            day: t.day() as u8,
        },
        printpdf::date::Time {
            hour: t.hour() as u8,
            minute: t.minute() as u8,
            second: t.second() as u8,
            millisecond: 0,
        },
        printpdf::date::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

impl Report<'_> {
    fn portrait(&self) -> Page {
        let (w, h) = self.opts.paper.size();
        Page::new(w, h)
    }

    fn landscape(&self) -> Page {
        let (w, h) = self.opts.paper.size();
        Page::new(h, w)
    }

    fn heading(&self, page: &mut Page, title: &str, subtitle: &str) -> f32 {
        page.text(
            &self.fonts,
            MARGIN,
            MARGIN + 16.0,
            18.0,
            Weight::Bold,
            INK,
            title,
        );
        if !subtitle.is_empty() {
            let sub =
                self.fonts
                    .ellipsize(subtitle, page.width - 2.0 * MARGIN, 9.5, Weight::Regular);
            page.text(
                &self.fonts,
                MARGIN,
                MARGIN + 31.0,
                9.5,
                Weight::Regular,
                MUTED,
                &sub,
            );
        }
        page.line(
            &[
                (MARGIN, MARGIN + 38.0),
                (page.width - MARGIN, MARGIN + 38.0),
            ],
            LINE,
            0.8,
        );
        MARGIN + 52.0
    }

    // ---- cover ---------------------------------------------------------------------------

    fn cover(&mut self) {
        let mut page = self.portrait();
        let p = &self.project.info;
        let f = &self.fonts;
        let width = page.width - 2.0 * MARGIN;
        page.rect(0.0, 0.0, page.width, 200.0, Some("#1e293b"), None);
        page.text(
            f,
            MARGIN,
            70.0,
            11.0,
            Weight::Bold,
            "#fbbf24",
            "CUSTOMER JOURNEY REPORT",
        );
        let mut y = 108.0;
        for line in f.wrap(&p.name, width, 26.0, Weight::Bold, 3) {
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
                "{} journey maps · {} stages · {} touchpoints",
                s.maps, s.stages, s.touchpoints
            ),
            format!(
                "{} moments of truth · {} broken, {} reliable, {} differentiating",
                s.moments_of_truth, s.broken, s.reliable, s.differentiating
            ),
            format!("{} redesigns tracked", s.redesigns),
            format!(
                "Prepared {} · {} pages",
                self.opts.created.format("%-d %B %Y"),
                total
            ),
        ];
        y = page.height - 150.0;
        page.line(
            &[(MARGIN, y - 20.0), (page.width - MARGIN, y - 20.0)],
            LINE,
            0.8,
        );
        for fact in facts {
            page.text(f, MARGIN, y, 11.0, Weight::Regular, MUTED, &fact);
            y += 18.0;
        }
        self.pages.insert(0, page);
        for b in &mut self.bookmarks {
            b.1 += 1;
        }
        self.bookmarks.insert(0, ("Cover".into(), 0));
    }

    // ---- the map -------------------------------------------------------------------------

    fn maps(&mut self) {
        for map in self.project.maps.clone() {
            let Some(layout) = MapLayout::of(self.project, map.id) else {
                continue;
            };
            let (bw, bh) = (layout.width, layout.height);
            let (stages, cards) = (layout.columns.len(), layout.cards.len());
            let probe = self.landscape();
            let (aw, ah) = (
                probe.width - 2.0 * MARGIN,
                probe.height - MARGIN - 52.0 - 34.0,
            );
            let fit = (aw / bw).min(ah / bh);
            let scale = fit.max(MIN_MAP_SCALE);
            let cols = ((bw * scale) / aw).ceil().max(1.0) as usize;
            let rows_n = ((bh * scale) / ah).ceil().max(1.0) as usize;
            let parts = cols * rows_n;
            for part in 0..parts {
                let (cx, cy) = (part % cols, part / cols);
                let mut page = self.landscape();
                let title = if parts > 1 {
                    format!(
                        "{} (part {} of {}{})",
                        map.name,
                        part + 1,
                        parts,
                        if part > 0 { ", continued" } else { "" }
                    )
                } else {
                    map.name.clone()
                };
                let kind = match map.kind {
                    crate::model::MapKind::AsIs => "As-is journey",
                    crate::model::MapKind::ToBe => "To-be journey",
                };
                let top = self.heading(&mut page, &title, &format!("{kind} · {stages} stages · {cards} touchpoints · ★ moment of truth · bar colour: red broken, blue reliable, green differentiating"));
                // Parts share the map evenly, so no page carries a sliver.
                let ox = cx as f32 * bw / cols as f32;
                let oy = cy as f32 * bh / rows_n as f32;
                let view = View {
                    left: MARGIN,
                    top,
                    scale,
                    ox,
                    oy,
                    width: aw / scale,
                    height: ah / scale,
                };
                page.clip(MARGIN, top, aw, ah);
                draw_map(&mut page, &self.fonts, &layout, &view);
                page.end_clip();
                if parts > 1 && part + 1 < parts {
                    page.text_right(
                        &self.fonts,
                        page.width - MARGIN,
                        MARGIN + 16.0,
                        9.0,
                        Weight::Bold,
                        MUTED,
                        "continued on the next page →",
                    );
                }
                if part == 0 {
                    self.bookmarks
                        .push((format!("Journey map: {}", map.name), self.pages.len()));
                }
                self.pages.push(page);
            }
        }
    }

    // ---- tables --------------------------------------------------------------------------

    fn moments_of_truth(&mut self) {
        let rows: Vec<Vec<Cell>> = self
            .ordered_touchpoints()
            .into_iter()
            .filter(|t| t.moment_of_truth)
            .map(|t| {
                vec![
                    Cell::text(self.map_name(t)),
                    Cell::text(self.stage_name(t)),
                    Cell::bold(&t.title),
                    Cell::colored(
                        t.reliability.as_str(),
                        crate::draw::reliability_color(t.reliability),
                    ),
                    Cell::text(if t.moment_of_truth_note.is_empty() {
                        &t.description
                    } else {
                        &t.moment_of_truth_note
                    }),
                ]
            })
            .collect();
        let count = rows.len();
        self.table(
            "Moments of truth",
            &format!("{count} moments where the relationship is won or lost"),
            &[
                ("Map", 0.14),
                ("Stage", 0.13),
                ("Touchpoint", 0.2),
                ("Reliability", 0.15),
                ("Why it matters", 0.38),
            ],
            rows,
        );
    }

    fn touchpoints(&mut self) {
        let rows: Vec<Vec<Cell>> = self
            .ordered_touchpoints()
            .into_iter()
            .map(|t| {
                let gap = t.gap();
                vec![
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
                                format!("  (−{gap})")
                            } else {
                                String::new()
                            }
                        ),
                        if gap > 0 { "#b91c1c" } else { INK },
                    ),
                    Cell::colored(
                        t.reliability.as_str(),
                        crate::draw::reliability_color(t.reliability),
                    ),
                ]
            })
            .collect();
        self.table(
            "Touchpoints",
            "Expectation / delivered performance on a 1–5 scale; a red gap means customers are let down",
            &[("Stage", 0.13), ("Lane", 0.12), ("Touchpoint", 0.26), ("Channel", 0.11), ("Owner", 0.12), ("Exp / perf", 0.11), ("Reliability", 0.15)],
            rows,
        );
    }

    fn ordered_touchpoints(&self) -> Vec<&Touchpoint> {
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

    fn map_name(&self, t: &Touchpoint) -> &str {
        self.project
            .maps
            .iter()
            .find(|m| m.id == t.map_id)
            .map_or("", |m| m.name.as_str())
    }

    fn stage_name(&self, t: &Touchpoint) -> &str {
        self.project
            .stages
            .iter()
            .find(|s| s.id == t.stage_id)
            .map_or("", |s| s.name.as_str())
    }

    fn lane_name(&self, t: &Touchpoint) -> &str {
        self.project
            .lanes
            .iter()
            .find(|l| l.id == t.lane_id)
            .map_or("", |l| l.name.as_str())
    }

    /// A table that starts a page of its own and flows over as many pages as it needs.
    fn table(
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
    fn flow_table(
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
        for (i, row) in rows.iter().enumerate() {
            let wrapped: Vec<Vec<String>> = row
                .iter()
                .zip(columns)
                .map(|(cell, (_, share))| {
                    self.fonts
                        .wrap(&cell.text, share * width - 8.0, size, cell.weight, 4)
                })
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let h = lines as f32 * line_h + 6.0;
            if y + h > bottom {
                self.pages.push(std::mem::replace(page, self.portrait()));
                y = self.heading(page, &format!("{title} (continued)"), subtitle);
                y = header(self, page, y);
            }
            if i % 2 == 1 {
                page.rect(MARGIN, y, width, h, Some("#f8fafc"), None);
            }
            let mut x = MARGIN;
            for ((cell, text), (_, share)) in row.iter().zip(&wrapped).zip(columns) {
                for (j, line) in text.iter().enumerate() {
                    page.text(
                        &self.fonts,
                        x + 4.0,
                        y + 3.0 + line_h * (j as f32 + 0.8),
                        size,
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

    // ---- redesign tracker ----------------------------------------------------------------

    fn redesigns(&mut self) {
        let p = self.project;
        let today = self.opts.today;
        let mut list: Vec<_> = p
            .redesigns
            .iter()
            .map(|r| (r, r.progress(&p.calendar, today)))
            .collect();
        list.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(a.0.title.cmp(&b.0.title)));
        let mut page = self.landscape();
        let f = &self.fonts;
        let late = list
            .iter()
            .filter(|(_, g)| g.state == RedesignState::Late)
            .count();
        let top = self.heading(&mut page, "Redesign tracker", &format!("{} redesigns on {today}: {late} late · each bar is a phase (dark: done, blue: in progress, amber: waiting, light: planned); grey: the original plan; shaded: weekends and holidays", list.len()));
        self.bookmarks
            .push(("Redesign tracker".into(), self.pages.len()));
        if !list.is_empty() {
            let first = list
                .iter()
                .flat_map(|(_, g)| g.forecast.iter().map(|x| x.start).chain([g.baseline.start]))
                .chain([today])
                .min()
                .unwrap_or(today);
            let last = list
                .iter()
                .flat_map(|(_, g)| [g.forecast_end, g.baseline.end])
                .chain([today])
                .max()
                .unwrap_or(today);
            let first = first - chrono::Duration::days(2);
            let days = (last - first).num_days() as f32 + 4.0;
            let label_w = 190.0;
            let chart_x = MARGIN + label_w;
            let chart_w = page.width - MARGIN - chart_x;
            let day_w = chart_w / days;
            let row_h = 26.0;
            let chart_h = row_h * list.len() as f32 + 18.0;
            let xof = |d: NaiveDate| chart_x + (d - first).num_days() as f32 * day_w;
            let mut d = first;
            while (d - first).num_days() as f32 <= days {
                if !p.calendar.is_work_day(d) {
                    let holiday = p.calendar.holidays.contains_key(&d);
                    page.rect(
                        xof(d),
                        top,
                        day_w,
                        chart_h,
                        Some(if holiday { "#fde68a" } else { "#e2e8f0" }),
                        None,
                    );
                }
                if d.weekday() == chrono::Weekday::Mon {
                    page.text(
                        f,
                        xof(d) + 1.0,
                        top + 9.0,
                        6.5,
                        Weight::Regular,
                        MUTED,
                        &d.format("%d %b").to_string(),
                    );
                }
                d = d.succ_opt().unwrap_or(d);
                if d == NaiveDate::MAX {
                    break;
                }
            }
            for (i, (r, g)) in list.iter().enumerate() {
                let y = top + 18.0 + i as f32 * row_h;
                let is_late = g.state == RedesignState::Late;
                page.text(
                    f,
                    MARGIN,
                    y + 10.0,
                    8.5,
                    Weight::Bold,
                    if is_late { "#b91c1c" } else { INK },
                    &f.ellipsize(&r.title, label_w - 8.0, 8.5, Weight::Bold),
                );
                page.text(
                    f,
                    MARGIN,
                    y + 20.0,
                    7.0,
                    Weight::Regular,
                    if is_late { "#b91c1c" } else { MUTED },
                    &format!("{} · ends {}", g.state.label(), g.forecast_end),
                );
                for b in &g.baseline.phases {
                    page.rect(
                        xof(b.start),
                        y + 17.0,
                        (xof(b.end) - xof(b.start)) + day_w,
                        3.0,
                        Some("#cbd5e1"),
                        None,
                    );
                }
                for (phase, x) in r.phases.iter().zip(&g.forecast) {
                    let fill = match phase.status {
                        PhaseStatus::Done => "#1e3a8a",
                        PhaseStatus::InProgress => "#2563eb",
                        PhaseStatus::Waiting => "#f59e0b",
                        PhaseStatus::NotStarted => "#93c5fd",
                    };
                    let stroke = is_late.then_some(("#dc2626", 1.0));
                    page.rect(
                        xof(x.start) + 0.5,
                        y + 3.0,
                        (xof(x.end) - xof(x.start)) + day_w - 1.0,
                        12.0,
                        Some(fill),
                        stroke,
                    );
                }
            }
            let tx = xof(today) + day_w / 2.0;
            page.line(&[(tx, top), (tx, top + chart_h)], "#dc2626", 1.2);
            page.text(
                f,
                tx + 2.0,
                top + chart_h + 9.0,
                7.0,
                Weight::Bold,
                "#dc2626",
                "today",
            );
        }
        self.pages.push(page);
        let rows: Vec<Vec<Cell>> = list
            .iter()
            .map(|(r, g)| {
                let t = p.touchpoint(r.touchpoint_id);
                let phase = g.current_phase.map(|i| &r.phases[i as usize]);
                let state_color = match g.state {
                    RedesignState::Late => "#b91c1c",
                    RedesignState::AtRisk => "#b45309",
                    RedesignState::OnTrack => "#15803d",
                    RedesignState::Done => MUTED,
                };
                vec![
                    Cell::bold(&r.title),
                    Cell::text(t.map_or("", |t| t.title.as_str())),
                    Cell::text(&phase.map_or("All phases done".into(), |x| {
                        format!("{} ({})", x.name, x.status.label())
                    })),
                    Cell::colored(g.state.label(), state_color),
                    Cell::text(&g.work_days_remaining.to_string()),
                    Cell::text(&g.forecast_end.to_string()),
                    Cell::text(&g.baseline.end.to_string()),
                ]
            })
            .collect();
        let bookmarks_before = self.bookmarks.len();
        self.table(
            "Redesign status",
            &format!("Judged on {today}; work days left count from today to the forecast end"),
            &[
                ("Redesign", 0.22),
                ("Touchpoint", 0.15),
                ("Current phase", 0.2),
                ("Status", 0.09),
                ("Left", 0.06),
                ("Forecast", 0.14),
                ("Planned", 0.14),
            ],
            rows,
        );
        self.bookmarks.truncate(bookmarks_before);
    }

    // ---- footers -------------------------------------------------------------------------

    fn footers(&mut self) {
        let total = self.pages.len();
        let name = self.project.info.name.clone();
        for (i, page) in self.pages.iter_mut().enumerate() {
            let y = page.height - MARGIN / 2.0;
            page.line(
                &[(MARGIN, y - 12.0), (page.width - MARGIN, y - 12.0)],
                LINE,
                0.5,
            );
            let left = self.fonts.ellipsize(
                &format!(
                    "{name} · Journeymap report · {}",
                    self.opts.created.format("%Y-%m-%d")
                ),
                page.width * 0.6,
                7.5,
                Weight::Regular,
            );
            page.text(&self.fonts, MARGIN, y, 7.5, Weight::Regular, MUTED, &left);
            page.text_right(
                &self.fonts,
                page.width - MARGIN,
                y,
                7.5,
                Weight::Regular,
                MUTED,
                &format!("Page {} of {total}", i + 1),
            );
        }
    }
}

/// Canvas units → page points for one map part.
struct Cell {
    text: String,
    weight: Weight,
    color: &'static str,
}

impl Cell {
    fn text(s: &str) -> Self {
        Self {
            text: s.to_owned(),
            weight: Weight::Regular,
            color: INK,
        }
    }

    fn bold(s: &str) -> Self {
        Self {
            text: s.to_owned(),
            weight: Weight::Bold,
            color: INK,
        }
    }

    fn colored(s: &str, color: &'static str) -> Self {
        Self {
            text: s.to_owned(),
            weight: Weight::Regular,
            color,
        }
    }
}
