//! The redesign tracker: a Gantt chart of every redesign against its original plan, and a status
//! table.

use super::*;
use crate::model::Redesign;
use crate::workflow::RedesignProgress;

pub(super) type Tracked<'a> = (&'a Redesign, RedesignProgress);

/// Width of the titles left of the chart, and height of one redesign's row.
const LABEL_W: f32 = 190.0;
pub(super) const ROW_H: f32 = 26.0;

/// The chart's days across the page: from two days before the earliest date to the latest.
pub(super) struct Timeline {
    first: NaiveDate,
    days: f32,
    chart_x: f32,
    pub(super) day_w: f32,
    top: f32,
    pub(super) height: f32,
}

impl Timeline {
    pub(super) fn new(list: &[Tracked], today: NaiveDate, top: f32, page_width: f32) -> Self {
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
        let chart_x = MARGIN + LABEL_W;
        let chart_w = page_width - MARGIN - chart_x;
        Timeline {
            first,
            days,
            chart_x,
            day_w: chart_w / days,
            top,
            height: ROW_H * list.len() as f32 + 18.0,
        }
    }

    pub(super) fn x(&self, d: NaiveDate) -> f32 {
        self.chart_x + (d - self.first).num_days() as f32 * self.day_w
    }
}

impl Report<'_> {
    pub(super) fn redesigns(&mut self) {
        let p = self.project;
        // No redesign yet: an empty chart and "None yet" would be two pages saying nothing.
        if p.redesigns.is_empty() {
            return;
        }
        let today = self.opts.today;
        let mut list: Vec<Tracked> = p
            .redesigns
            .iter()
            .map(|r| (r, r.progress(&p.calendar, today)))
            .collect();
        list.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(a.0.title.cmp(&b.0.title)));
        self.gantt(&list);
        self.status_table(&list);
    }

    /// One landscape page: a row per redesign, a bar per phase over the days, the original plan
    /// beneath, non-work days shaded and today marked.
    fn gantt(&mut self, list: &[Tracked]) {
        let today = self.opts.today;
        let mut page = self.landscape();
        let late = list
            .iter()
            .filter(|(_, g)| g.state == RedesignState::Late)
            .count();
        let top = self.heading(&mut page, "Redesign tracker", &format!("{} on {today}: {late} late · each bar is a phase (dark: done, blue: in progress, amber: waiting, light: planned); grey: the original plan; shaded: weekends; yellow: holidays", super::count(list.len(), "redesign", "redesigns")));
        self.bookmarks
            .push(("Redesign tracker".into(), self.pages.len()));
        if !list.is_empty() {
            let scale = Timeline::new(list, today, top, page.width);
            self.shade_days_off(&mut page, &scale);
            for (i, (r, g)) in list.iter().enumerate() {
                self.gantt_row(&mut page, &scale, top + 18.0 + i as f32 * ROW_H, r, g);
            }
            let tx = Self::today_line(&mut page, &scale, today, 1.2);
            page.text(
                &self.fonts,
                tx + 2.0,
                top + scale.height + 9.0,
                7.0,
                Weight::Bold,
                "#dc2626",
                "today",
            );
        }
        self.pages.push(page);
    }

    /// Today's red line down the chart, from under the week dates so it never runs through one
    /// ("30 No|v"); returns where it is.
    pub(super) fn today_line(
        page: &mut Page,
        scale: &Timeline,
        today: NaiveDate,
        width: f32,
    ) -> f32 {
        let tx = scale.x(today) + scale.day_w / 2.0;
        page.line(
            &[(tx, scale.top + 12.0), (tx, scale.top + scale.height)],
            "#dc2626",
            width,
        );
        tx
    }

    /// Weekends and holidays shaded down the chart, with every Monday's date on top.
    pub(super) fn shade_days_off(&self, page: &mut Page, scale: &Timeline) {
        let calendar = &self.project.calendar;
        let right = scale.x(scale.first) + scale.days * scale.day_w;
        // The dates go on after all the shading: a weekend shaded after a Monday's date cut it
        // ("14 Se").
        let mut labels = Vec::new();
        let mut d = scale.first;
        while ((d - scale.first).num_days() as f32) < scale.days {
            if !calendar.is_work_day(d) {
                let holiday = calendar.holidays.contains_key(&d);
                page.rect(
                    scale.x(d),
                    scale.top,
                    scale.day_w,
                    scale.height,
                    Some(if holiday { "#fde68a" } else { "#e2e8f0" }),
                    None,
                );
            }
            let label = d.format("%d %b").to_string();
            // A Monday too near the chart's right edge for its date is left unlabelled, not cut.
            let fits = scale.x(d) + 1.0 + self.fonts.width(&label, 6.5, Weight::Regular) <= right;
            if d.weekday() == chrono::Weekday::Mon && fits {
                labels.push((scale.x(d) + 1.0, label));
            }
            d = d.succ_opt().unwrap_or(d);
            if d == NaiveDate::MAX {
                break;
            }
        }
        for (x, label) in labels {
            page.text(
                &self.fonts,
                x,
                scale.top + 9.0,
                6.5,
                Weight::Regular,
                MUTED,
                &label,
            );
        }
    }

    /// One redesign: its title and status at the left, its baseline and its phases as bars.
    pub(super) fn gantt_row(
        &self,
        page: &mut Page,
        scale: &Timeline,
        y: f32,
        r: &Redesign,
        g: &RedesignProgress,
    ) {
        let f = &self.fonts;
        let is_late = g.state == RedesignState::Late;
        // A long title is set a little smaller before it is cut short.
        let room = LABEL_W - 8.0;
        let wide = f.width(&r.title, 8.5, Weight::Bold);
        let size = if wide > room {
            (8.5 * room / wide).max(7.0)
        } else {
            8.5
        };
        page.text(
            f,
            MARGIN,
            y + 10.0,
            size,
            Weight::Bold,
            if is_late { "#b91c1c" } else { INK },
            &f.ellipsize(&r.title, room, size, Weight::Bold),
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
                scale.x(b.start),
                y + 17.0,
                (scale.x(b.end) - scale.x(b.start)) + scale.day_w,
                3.0,
                Some("#cbd5e1"),
                None,
            );
        }
        // An ended redesign's phases that never started are not work to come.
        for (phase, x) in r
            .phases
            .iter()
            .zip(&g.forecast)
            .filter(|(p, _)| r.ended_on.is_none() || p.status != PhaseStatus::NotStarted)
        {
            let fill = match phase.status {
                PhaseStatus::Done => "#1e3a8a",
                PhaseStatus::InProgress => "#2563eb",
                PhaseStatus::Waiting => "#f59e0b",
                PhaseStatus::NotStarted => "#93c5fd",
            };
            let stroke = is_late.then_some(("#dc2626", 1.0));
            page.rect(
                scale.x(x.start) + 0.5,
                y + 3.0,
                (scale.x(x.end) - scale.x(x.start)) + scale.day_w - 1.0,
                12.0,
                Some(fill),
                stroke,
            );
        }
    }

    /// The table under the chart: current phase, status, days left, forecast and planned end.
    fn status_table(&mut self, list: &[Tracked]) {
        let p = self.project;
        let today = self.opts.today;
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
                    RedesignState::Rejected => "#7f1d1d",
                };
                let corporate = r.responses.last().map_or("—".to_owned(), |a| a.summary());
                vec![
                    Cell::bold(&r.title),
                    Cell::text(t.map_or("", |t| t.title.as_str())),
                    Cell::text(&match (phase, r.ended_on) {
                        (_, Some(day)) => format!("Ended {day}"),
                        (Some(x), None) => format!("{} ({})", x.name, x.status.label()),
                        (None, None) => "All phases done".into(),
                    }),
                    Cell::whole(&corporate),
                    Cell::colored(g.state.label(), state_color),
                    Cell::text(&g.work_days_remaining.to_string()),
                    Cell::text(&if g.forecast_end == g.baseline.end {
                        g.forecast_end.to_string()
                    } else {
                        format!("{} ({})", g.forecast_end, g.baseline.end)
                    }),
                ]
            })
            .collect();
        let bookmarks_before = self.bookmarks.len();
        self.table(
            "Redesign status",
            &format!("Judged on {today}; work days left count from today (the next work day when today's phase is done) to the forecast end; the planned end in brackets where it differs"),
            // Wide enough on portrait Letter that no word is broken ("rejecte/d" was) and that
            // corporate's comment wraps in few lines (it is printed whole); the planned end shares the forecast's
            // column, in brackets where the two differ.
            &[
                ("Redesign", 0.17),
                ("Touchpoint", 0.14),
                ("Current phase", 0.15),
                ("Corporate's answer", 0.26),
                ("Status", 0.10),
                ("Left", 0.05),
                ("Ends", 0.13),
            ],
            rows,
        );
        self.bookmarks.truncate(bookmarks_before);
    }
}
