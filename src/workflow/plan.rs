//! Plans: a template of phases (durations in work days) laid onto a work calendar.
//!
//! Scheduling rules:
//! 1. Day 1 of a plan is the start date if that is a work day, otherwise the next work day.
//! 2. A phase of N days occupies N consecutive work days: it ends N − 1 work days after it starts.
//! 3. The next phase starts on the first work day after the previous phase ends.

use crate::model::{PhaseTemplate, WorkCalendar};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedPhase {
    pub name: String,
    #[ts(type = "string")]
    pub start: NaiveDate,
    #[ts(type = "string")]
    pub end: NaiveDate,
    pub days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    #[ts(type = "string")]
    pub start: NaiveDate,
    #[ts(type = "string")]
    pub end: NaiveDate,
    pub phases: Vec<PlannedPhase>,
}

/// Lays `template` onto `calendar` from `start` by the rules above. An empty template gives a
/// plan that starts and ends on day 1; phases of 0 days are treated as 1.
pub fn plan(template: &[PhaseTemplate], start: NaiveDate, calendar: &WorkCalendar) -> Plan {
    let first = calendar.next_work_day_on_or_after(start);
    let mut next = first;
    let mut phases = Vec::with_capacity(template.len());
    for t in template {
        let days = t.days.max(1);
        let end = calendar.add_work_days(next, i64::from(days) - 1);
        phases.push(PlannedPhase {
            name: t.name.clone(),
            start: next,
            end,
            days,
        });
        next = calendar.next_work_day_after(end);
    }
    let end = phases.last().map(|p| p.end).unwrap_or(first);
    Plan {
        start: first,
        end,
        phases,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::Weekmask;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn default_plan_is_twenty_work_days() {
        let cal = WorkCalendar::default();
        // Monday 2026-11-23: 20 work days end on Friday 2026-12-18.
        let p = plan(&PhaseTemplate::default_template(), d("2026-11-23"), &cal);
        assert_eq!(p.phases.iter().map(|x| x.days).sum::<u32>(), 20);
        assert_eq!(p.end, d("2026-12-18"));
        assert_eq!(cal.count_work_days(p.start, p.end), 20);
        assert_eq!(
            (p.phases[0].start, p.phases[0].end),
            (d("2026-11-23"), d("2026-11-27"))
        );
        assert_eq!(
            (p.phases[2].start, p.phases[2].end),
            (d("2026-12-07"), d("2026-12-07"))
        );
    }

    #[test]
    fn a_weekend_start_rolls_to_monday_and_holidays_push_phases() {
        let cal = WorkCalendar::new(
            Weekmask::MONDAY_TO_FRIDAY,
            [
                (d("2026-12-25"), "Christmas".into()),
                (d("2027-01-01"), "New Year".into()),
            ],
        );
        let p = plan(&PhaseTemplate::default_template(), d("2026-12-12"), &cal);
        assert_eq!(p.start, d("2026-12-14"));
        // Mon 14 Dec: 5 + 4 (25th off) + 4 + 0 (1st off) + 5 work days reach Fri 8 Jan (18);
        // the 20th is Tue 12 Jan.
        assert_eq!(p.end, d("2027-01-12"));
    }

    #[test]
    fn sunday_to_thursday_weeks() {
        let cal = WorkCalendar::new(Weekmask::SUNDAY_TO_THURSDAY, []);
        let p = plan(&PhaseTemplate::default_template(), d("2026-11-20"), &cal); // a Friday
        assert_eq!(p.start, d("2026-11-22")); // Sunday
        assert_eq!(p.phases[0].end, d("2026-11-26")); // Thursday
        assert_eq!(p.phases[1].start, d("2026-11-29")); // next Sunday
    }

    proptest! {
        #[test]
        fn no_plan_day_falls_on_a_weekend_or_holiday(
            mask in prop::array::uniform7(any::<bool>()).prop_filter("a work day", |m| m.iter().any(|x| *x)),
            hol in prop::collection::vec(0i64..400, 0..30),
            offset in 0i64..365,
            days in prop::collection::vec(1u32..12, 1..8),
        ) {
            let base = d("2026-10-01");
            let cal = WorkCalendar::new(Weekmask(mask), hol.iter().map(|o| (base + chrono::Duration::days(*o), "H".into())));
            let template: Vec<PhaseTemplate> = days.iter().map(|n| PhaseTemplate { name: "P".into(), days: *n }).collect();
            let p = plan(&template, base + chrono::Duration::days(offset), &cal);
            let mut previous_end: Option<NaiveDate> = None;
            for (phase, t) in p.phases.iter().zip(&template) {
                prop_assert!(cal.is_work_day(phase.start) && cal.is_work_day(phase.end));
                prop_assert_eq!(cal.count_work_days(phase.start, phase.end), i64::from(t.days));
                if let Some(prev) = previous_end {
                    prop_assert_eq!(phase.start, cal.next_work_day_after(prev));
                }
                previous_end = Some(phase.end);
            }
            prop_assert_eq!(cal.count_work_days(p.start, p.end), i64::from(days.iter().sum::<u32>()));
        }
    }
}
