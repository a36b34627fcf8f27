//! The proposal a designer sends to corporate for one redesign (seed 001: "send the proposal to
//! corporate, get the response"): the problem with its evidence drawn from the project, the
//! touchpoint on a mini map of its stage, the change and how it will be executed on the work
//! calendar, the effect expected, and a block where corporate records its decision.

use super::measures::{num, status_color};
use super::tracker::{Timeline, ROW_H};
use super::*;
use crate::draw::MIN_TITLE_PT;
use crate::model::{FeedbackSource, Id, Redesign, Touchpoint, LANE_HEADER_WIDTH};

/// Width of the mini map's box at the right of the evidence.
const MINI_W: f32 = 170.0;
/// Cards named in the key under the mini map; a stage with more says how many are left out.
const KEYED_CARDS: usize = 16;
const BODY: f32 = 9.5;
const LEADING: f32 = 13.0;

/// Renders the proposal for redesign `redesign_id` as PDF bytes (1–3 portrait pages).
pub fn proposal(project: &Project, redesign_id: Id, opts: &ReportOptions) -> Result<Vec<u8>> {
    let redesign = project
        .redesigns
        .iter()
        .find(|r| r.id == redesign_id)
        .ok_or_else(|| Error::InvalidInput("there is no such redesign".into()))?;
    let touchpoint = project.touchpoint(redesign.touchpoint_id).ok_or_else(|| {
        Error::InvalidInput(format!(
            "the touchpoint of \"{}\" no longer exists",
            redesign.title
        ))
    })?;
    let (doc, mut report) = Report::begin(project, opts)?;
    let mut sheet = Sheet::new(&mut report, redesign, touchpoint);
    sheet.problem();
    sheet.plan();
    sheet.effect_and_decision();
    sheet.finish();
    report.footers("Proposal to corporate");
    Ok(report.finish(
        doc,
        &format!("Proposal: {}", redesign.title),
        "Redesign proposal",
    ))
}

/// Renders the proposal and writes it to `dest` atomically. Returns the bytes written.
pub fn write_proposal(
    project: &Project,
    redesign_id: Id,
    opts: &ReportOptions,
    dest: &std::path::Path,
) -> Result<u64> {
    crate::storage::atomic::write_export(dest, &proposal(project, redesign_id, opts)?)
}

/// Numbers with a real minus sign, as the rest of the report prints them.
fn minus(s: String) -> String {
    s.replace('-', "−")
}

/// The proposal being laid out: a page and where the next line goes, flowing onto new pages.
struct Sheet<'r, 'a> {
    report: &'r mut Report<'a>,
    redesign: &'a Redesign,
    touchpoint: &'a Touchpoint,
    page: Page,
    y: f32,
}

impl<'r, 'a> Sheet<'r, 'a> {
    fn new(report: &'r mut Report<'a>, redesign: &'a Redesign, touchpoint: &'a Touchpoint) -> Self {
        let p = report.project;
        let mut page = report.portrait();
        let stage = p.stages.iter().find(|s| s.id == touchpoint.stage_id);
        let map = p.maps.iter().find(|m| m.id == touchpoint.map_id);
        let org = match (p.info.organisation_before_name(), p.info.name.trim()) {
            (None, "") => String::new(),
            (None, name) => format!("{name} · "),
            (Some(org), "") => format!("{org} · "),
            (Some(org), name) => format!("{org} · {name} · "),
        };
        let subtitle = format!(
            "{org}For corporate's decision · the touchpoint “{}” in {}, on the map “{}”\nPrepared {}{}on {}",
            touchpoint.title,
            stage.map_or("its stage", |s| s.name.as_str()),
            map.map_or("", |m| m.name.as_str()),
            match p.info.prepared_for.trim() {
                "" => String::new(),
                who => format!("for {who} "),
            },
            match report.opts.author.trim() {
                "" | "Journeymap" => String::new(),
                who => format!("by {who} "),
            },
            report.opts.created.format("%-d %B %Y"),
        );
        let y = report.heading(
            &mut page,
            &format!("Proposal: {}", redesign.title),
            &subtitle,
        );
        report.bookmarks.push(("Proposal".into(), 0));
        Sheet {
            report,
            redesign,
            touchpoint,
            page,
            y,
        }
    }

    fn width(&self) -> f32 {
        self.page.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.page.height - MARGIN - 24.0
    }

    /// Room for `h` more points on this page, or a fresh page.
    fn room(&mut self, h: f32) {
        if self.y + h > self.bottom() {
            let fresh = self.report.portrait();
            self.report
                .pages
                .push(std::mem::replace(&mut self.page, fresh));
            let title = &self.redesign.title;
            self.y = self
                .report
                .heading(&mut self.page, "Proposal (continued)", title);
        }
    }

    fn section(&mut self, title: &str) {
        self.room(LEADING * 4.0);
        self.y += 6.0;
        self.page.text(
            &self.report.fonts,
            MARGIN,
            self.y + 11.0,
            12.0,
            Weight::Bold,
            INK,
            title,
        );
        self.y += 20.0;
    }

    /// Wrapped text at `x`, `width` wide; empty text prints `missing` in grey instead.
    fn paragraph(&mut self, x: f32, width: f32, text: &str, missing: &str) {
        let (text, color) = if text.trim().is_empty() {
            (missing, MUTED)
        } else {
            (text, INK)
        };
        for para in text.lines() {
            let lines = self
                .report
                .fonts
                .wrap(para, width, BODY, Weight::Regular, usize::MAX);
            for line in lines {
                self.room(LEADING);
                self.page.text(
                    &self.report.fonts,
                    x,
                    self.y + BODY,
                    BODY,
                    Weight::Regular,
                    color,
                    &line,
                );
                self.y += LEADING;
            }
        }
        self.y += 4.0;
    }

    /// A bold label and its wrapped value on the lines below.
    fn field(&mut self, x: f32, width: f32, label: &str, text: &str, missing: &str) {
        self.room(LEADING * 2.0);
        self.page.text(
            &self.report.fonts,
            x,
            self.y + 8.0,
            8.0,
            Weight::Bold,
            MUTED,
            label,
        );
        self.y += 12.0;
        self.paragraph(x, width, text, missing);
    }

    /// The problem in the designer's words, the evidence from the project, and the touchpoint on
    /// a mini map of its stage at the right.
    fn problem(&mut self) {
        self.section("The problem");
        let top = self.y;
        let text_w = self.width() - MINI_W - 16.0;
        let proposal = &self.redesign.proposal;
        self.paragraph(
            MARGIN,
            text_w,
            &proposal.problem,
            "(The problem is not written yet: Redesigns → Proposal.)",
        );
        for (label, text) in self.evidence() {
            self.field(MARGIN, text_w, &label, &text, "");
        }
        let map_bottom = self.mini_map(top);
        self.y = self.y.max(map_bottom + 8.0);
    }

    /// What the project says about the touchpoint: reliability and gap, moment of truth,
    /// feeling, the workshop room's rating of its stage, its KPIs, and feedback on its stage.
    fn evidence(&self) -> Vec<(String, String)> {
        let p = self.report.project;
        let t = self.touchpoint;
        let today = self.report.opts.today;
        let mut out = vec![(
            "RELIABILITY AND GAP".to_owned(),
            format!(
                "{}. Customers expect {} of 5 and get {}{}. Feeling here: {} on a scale of −3 to +3.",
                t.reliability.label(),
                t.expectation,
                t.performance,
                match t.gap() {
                    g if g > 0 => format!(": a gap of {g}"),
                    _ => ", no gap".to_owned(),
                },
                minus(format!("{:+}", t.emotion))
            ),
        )];
        if t.moment_of_truth {
            out.push((
                "MOMENT OF TRUTH".into(),
                if t.moment_of_truth_note.trim().is_empty() {
                    "This is one of the journey's moments of truth.".into()
                } else {
                    t.moment_of_truth_note.clone()
                },
            ));
        }
        let stage = p.stages.iter().find(|s| s.id == t.stage_id);
        if let Some(r) = stage.and_then(|s| s.room_rating) {
            out.push((
                "THE WORKSHOP ROOM".into(),
                minus(format!(
                    "{} rated the stage {:+.1} on average (from {:+} to {:+}, scale −2 to +2).",
                    if r.count == 1 {
                        "1 person".to_owned()
                    } else {
                        format!("{} people", r.count)
                    },
                    r.mean,
                    r.low,
                    r.high
                )),
            ));
        }
        let kpis: Vec<String> = p
            .kpis
            .iter()
            .filter(|k| k.touchpoint_id == t.id)
            .map(|k| {
                let unit = if k.unit.is_empty() {
                    String::new()
                } else {
                    format!(" {}", k.unit)
                };
                let latest = k.latest(today).map_or("no value yet".to_owned(), |m| {
                    format!("{}{unit} on {}", num(m.value), m.date)
                });
                let sign = k.direction.target_sign();
                format!(
                    "{}: {latest}, target {sign} {}{unit} — {}",
                    k.name,
                    num(k.target),
                    k.status(today).label()
                )
            })
            .collect();
        out.push((
            "KPIS AGAINST TARGET".into(),
            if kpis.is_empty() {
                "No KPI measures this touchpoint yet.".into()
            } else {
                kpis.join("\n")
            },
        ));
        // The voices on this touchpoint first, then on its stage; the most negative first.
        let mut voices: Vec<_> = p
            .feedback
            .iter()
            .filter(|f| f.stage_id == t.stage_id && f.date <= today)
            .collect();
        voices.sort_by_key(|f| {
            (
                f.touchpoint_id != Some(t.id),
                f.sentiment,
                std::cmp::Reverse(f.date),
            )
        });
        let mut heard = std::collections::HashSet::new();
        voices.retain(|f| heard.insert(f.text.trim().to_lowercase()));
        let quotes: Vec<String> = voices
            .iter()
            .take(3)
            .map(|f| {
                let who = match f.source {
                    FeedbackSource::Employee => "an employee",
                    _ => "a customer",
                };
                format!(
                    "“{}” — {who}, {} ({})",
                    f.text.trim(),
                    f.date,
                    f.source.as_str()
                )
            })
            .collect();
        if !quotes.is_empty() {
            out.push((
                format!(
                    "FEEDBACK ON {}",
                    stage.map_or("THE STAGE".into(), |s| s.name.to_uppercase())
                ),
                quotes.join("\n"),
            ));
        }
        out
    }

    /// The touchpoint's stage, every lane, with the touchpoint ringed; returns its bottom.
    fn mini_map(&mut self, top: f32) -> f32 {
        let p = self.report.project;
        let t = self.touchpoint;
        let Some(mut layout) = MapLayout::of(p, t.map_id) else {
            return top;
        };
        let Some(column) = layout
            .columns
            .iter()
            .position(|c| t.x + t.width / 2.0 >= c.1 && t.x + t.width / 2.0 < c.1 + c.2)
            .or_else(|| {
                p.stages_of(t.map_id)
                    .iter()
                    .position(|s| s.id == t.stage_id)
            })
        else {
            return top;
        };
        let (name, left, width) = layout.columns[column].clone();
        layout.highlight = Some(t.id);
        let grid_h = layout.rows.last().map_or(0.0, |r| r.2 + r.3);
        let (cw, ch) = ((LANE_HEADER_WIDTH + width) as f32, grid_h as f32);
        let scale = (MINI_W / cw).min(300.0 / ch);
        // Cards this small cannot carry a legible title: each carries its number instead, in
        // reading order (lane by lane, left to right), and a key under the picture names them.
        let mut stage_cards: Vec<&Touchpoint> = layout
            .cards
            .iter()
            .copied()
            .filter(|c| c.x + c.width / 2.0 >= left && c.x + c.width / 2.0 < left + width)
            .collect();
        stage_cards.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        let numbered = (13.0 * scale).clamp(4.5, 11.0) < MIN_TITLE_PT;
        if numbered {
            layout.keys = stage_cards
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id, i + 1))
                .collect();
        }
        let x = self.page.width - MARGIN - cw * scale;
        let view = View {
            left: x,
            top,
            scale,
            ox: (left - LANE_HEADER_WIDTH) as f32,
            oy: 0.0,
            width: cw,
            height: ch,
        };
        self.page.clip(x, top, cw * scale, ch * scale);
        self.page.pictures = self.report.pictures.clone();
        draw_map(&mut self.page, &self.report.fonts, &layout, &view);
        self.page.end_clip();
        let caption = self.report.fonts.wrap(
            &format!(
                "The stage “{name}”; “{}” is ringed in amber.",
                self.touchpoint.title
            ),
            cw * scale,
            7.0,
            Weight::Regular,
            3,
        );
        let mut y = top + ch * scale + 9.0;
        for line in caption {
            self.page
                .text(&self.report.fonts, x, y, 7.0, Weight::Regular, MUTED, &line);
            y += 9.0;
        }
        if numbered {
            y += 2.0;
            for (i, card) in stage_cards.iter().enumerate().take(KEYED_CARDS) {
                let weight = if card.id == t.id {
                    Weight::Bold
                } else {
                    Weight::Regular
                };
                let number = format!("{}", i + 1);
                let fonts = &self.report.fonts;
                let lines = fonts.wrap(&card.title, cw * scale - 12.0, 7.0, weight, 2);
                self.page.text(fonts, x, y, 7.0, Weight::Bold, INK, &number);
                for line in lines {
                    self.page.text(fonts, x + 12.0, y, 7.0, weight, INK, &line);
                    y += 8.5;
                }
            }
            if stage_cards.len() > KEYED_CARDS {
                let more = format!("and {} more", stage_cards.len() - KEYED_CARDS);
                self.page.text(
                    &self.report.fonts,
                    x + 12.0,
                    y,
                    7.0,
                    Weight::Regular,
                    MUTED,
                    &more,
                );
                y += 8.5;
            }
        }
        y
    }

    /// The change, how it will be executed, and the plan on the work calendar.
    fn plan(&mut self) {
        let w = self.width();
        let q = &self.redesign.proposal;
        self.section("The proposed change");
        self.paragraph(MARGIN, w, &q.change, "(Not written yet.)");
        self.section("How it will be executed");
        let steps: Vec<String> = q
            .steps
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
            .map(|(i, l)| format!("{}. {l}", i + 1))
            .collect();
        self.paragraph(MARGIN, w, &steps.join("\n"), "(No steps written yet.)");
        let half = (w - 16.0) / 2.0;
        let row = self.y;
        self.field(MARGIN, half, "OWNER", &q.owner, "—");
        let left_end = self.y;
        self.y = row;
        self.field(MARGIN + half + 16.0, half, "COST OR EFFORT", &q.cost, "—");
        self.y = self.y.max(left_end);
        self.field(MARGIN, w, "WHAT CHANGES FOR EMPLOYEES", &q.employees, "—");
        self.timeline();
    }

    /// The redesign's phases on the work calendar: a bar row and a table of dates.
    fn timeline(&mut self) {
        let p = self.report.project;
        let r = self.redesign;
        let today = self.report.opts.today;
        let g = r.progress(&p.calendar, today);
        // The heading, the bars and the table stay together.
        self.room(30.0 + ROW_H + 40.0 + LEADING * (r.phases.len() as f32 + 2.0));
        self.section("The plan, in work days");
        let list = [(r, g.clone())];
        let scale = Timeline::new(&list, today, self.y, self.page.width);
        self.report.shade_days_off(&mut self.page, &scale);
        self.report
            .gantt_row(&mut self.page, &scale, self.y + 18.0, r, &g);
        Report::today_line(&mut self.page, &scale, today, 1.0);
        self.y += scale.height + 4.0;
        let legend = format!(
            "Bars: dark done, blue in progress, amber waiting, light planned; grey: the original plan; shaded: weekends, yellow: holidays; red line: {today}."
        );
        let f = &self.report.fonts;
        for line in f.wrap(
            &legend,
            self.page.width - 2.0 * MARGIN,
            7.5,
            Weight::Regular,
            2,
        ) {
            self.page
                .text(f, MARGIN, self.y + 8.0, 7.5, Weight::Regular, MUTED, &line);
            self.y += 10.0;
        }
        self.y += 6.0;
        let f = &self.report.fonts;
        let cols = [
            MARGIN,
            MARGIN + 215.0,
            MARGIN + 295.0,
            MARGIN + 372.0,
            MARGIN + 450.0,
        ];
        for (x, head) in cols
            .iter()
            .zip(["Phase", "Planned days", "From", "To", "Status"])
        {
            self.page
                .text(f, *x, self.y + 8.0, 8.0, Weight::Bold, MUTED, head);
        }
        self.y += LEADING;
        for (phase, when) in r.phases.iter().zip(&g.forecast) {
            let cells = [
                f.ellipsize(&phase.name, 208.0, 8.5, Weight::Regular),
                phase.days.to_string(),
                when.start.to_string(),
                when.end.to_string(),
                phase.status.label().to_owned(),
            ];
            for (x, cell) in cols.iter().zip(&cells) {
                self.page
                    .text(f, *x, self.y + 8.5, 8.5, Weight::Regular, INK, cell);
            }
            self.y += LEADING;
        }
        let total: u32 = r.phases.iter().map(|x| x.days).sum();
        let line = format!(
            "{total} work days on the project's calendar (weekends and holidays skipped): planned {} to {}; now expected to end {} ({}).",
            g.baseline.start, g.baseline.end, g.forecast_end, g.state.label()
        );
        self.y += 4.0;
        self.paragraph(MARGIN, self.width(), &line, "");
    }

    /// The effect expected, the decision asked for, corporate's answers so far, and the block
    /// corporate fills in.
    fn effect_and_decision(&mut self) {
        let p = self.report.project;
        let w = self.width();
        let q = &self.redesign.proposal;
        self.section("Expected effect");
        self.paragraph(MARGIN, w, &q.effect, "(Not written yet.)");
        if let Some(k) = q
            .effect_kpi_id
            .and_then(|id| p.kpis.iter().find(|k| k.id == id))
        {
            let today = self.report.opts.today;
            let unit = if k.unit.is_empty() {
                String::new()
            } else {
                format!(" {}", k.unit)
            };
            let now = k.latest(today).map_or("no value yet".to_owned(), |m| {
                format!("{}{unit}", num(m.value))
            });
            let status = k.status(today);
            self.room(LEADING * 2.0);
            let text = format!(
                "Measured by the KPI “{}”: now {now}, target {}{unit} ({}).",
                k.name,
                num(k.target),
                status.label()
            );
            let f = &self.report.fonts;
            for line in f.wrap(&text, w, BODY, Weight::Bold, 3) {
                self.page.text(
                    f,
                    MARGIN,
                    self.y + BODY,
                    BODY,
                    Weight::Bold,
                    status_color(status),
                    &line,
                );
                self.y += LEADING;
            }
            self.y += 4.0;
        }
        self.section("Decision requested");
        self.paragraph(MARGIN, w, &q.decision, "(Not written yet.)");
        // Once corporate has answered (and nobody reopened the response), the answer stands in
        // for the blank block, and the list above it holds the answers before it.
        let answered = self
            .redesign
            .response_phase()
            .is_some_and(|i| self.redesign.phases[i].status == crate::model::PhaseStatus::Done);
        let responses = &self.redesign.responses;
        let earlier = if answered {
            &responses[..responses.len().saturating_sub(1)]
        } else {
            &responses[..]
        };
        if !earlier.is_empty() {
            self.section(if answered {
                "Corporate's earlier answers"
            } else {
                "Corporate's answers so far"
            });
            let lines: Vec<String> = earlier.iter().map(|a| a.summary()).collect();
            self.paragraph(MARGIN, w, &lines.join("\n"), "");
        }
        match self.redesign.responses.last().filter(|_| answered) {
            Some(a) => self.recorded_decision(a),
            None => self.decision_block(),
        }
    }

    /// Corporate's decision as recorded, in the place of the block to fill in.
    fn recorded_decision(&mut self, a: &crate::model::CorporateResponse) {
        let w = self.width();
        // Printed whole: the comment may hold the approval's conditions.
        let lines = self.report.fonts.wrap(
            &format!("Recorded: {}", a.summary()),
            w - 24.0,
            BODY,
            Weight::Regular,
            30,
        );
        let line_h = BODY * 1.35;
        let height = 34.0 + lines.len() as f32 * line_h;
        self.room(height + 16.0);
        self.y += 8.0;
        let top = self.y;
        let f = &self.report.fonts;
        self.page
            .rect(MARGIN, top, w, height, Some("#f8fafc"), Some((LINE, 0.8)));
        self.page.text(
            f,
            MARGIN + 12.0,
            top + 20.0,
            12.0,
            Weight::Bold,
            INK,
            &format!("Corporate's decision: {}", a.decision.label()),
        );
        for (i, line) in lines.iter().enumerate() {
            self.page.text(
                f,
                MARGIN + 12.0,
                top + 40.0 + i as f32 * line_h,
                BODY,
                Weight::Regular,
                INK,
                line,
            );
        }
        self.y = top + height + 8.0;
    }

    /// Three boxes to tick, lines for a name, date and signature, and room for comments.
    fn decision_block(&mut self) {
        let w = self.width();
        self.room(190.0);
        self.y += 8.0;
        let top = self.y;
        let f = &self.report.fonts;
        self.page
            .rect(MARGIN, top, w, 176.0, Some("#f8fafc"), Some((LINE, 0.8)));
        self.page.text(
            f,
            MARGIN + 12.0,
            top + 20.0,
            12.0,
            Weight::Bold,
            INK,
            "Corporate's decision",
        );
        let mut x = MARGIN + 12.0;
        for label in ["Approved", "Approved with changes", "Rejected"] {
            self.page
                .rect(x, top + 32.0, 11.0, 11.0, Some("#ffffff"), Some((INK, 0.8)));
            self.page
                .text(f, x + 17.0, top + 41.0, 10.0, Weight::Regular, INK, label);
            x += 17.0 + f.width(label, 10.0, Weight::Regular) + 28.0;
        }
        let field_w = (w - 24.0 - 2.0 * 16.0) / 3.0;
        for (i, label) in ["Name", "Date", "Signature"].iter().enumerate() {
            let fx = MARGIN + 12.0 + i as f32 * (field_w + 16.0);
            self.page
                .line(&[(fx, top + 84.0), (fx + field_w, top + 84.0)], MUTED, 0.6);
            self.page
                .text(f, fx, top + 94.0, 7.5, Weight::Regular, MUTED, label);
        }
        self.page.text(
            f,
            MARGIN + 12.0,
            top + 114.0,
            7.5,
            Weight::Regular,
            MUTED,
            "Comments",
        );
        for k in 0..3 {
            let ly = top + 130.0 + k as f32 * 15.0;
            self.page
                .line(&[(MARGIN + 12.0, ly), (MARGIN + w - 12.0, ly)], LINE, 0.5);
        }
        self.y = top + 184.0;
    }

    fn finish(self) {
        self.report.pages.push(self.page);
    }
}
