//! Which days are work days: a weekly pattern (any days, e.g. Sunday–Thursday) minus named
//! holidays. All arithmetic counts work days only.

use crate::model::{Weekmask, WorkCalendar};
use chrono::{Days, NaiveDate};

fn next(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX)
}

fn prev(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(1)).unwrap_or(NaiveDate::MIN)
}

impl WorkCalendar {
    pub fn new(
        weekmask: Weekmask,
        holidays: impl IntoIterator<Item = (NaiveDate, String)>,
    ) -> Self {
        Self {
            weekmask,
            holidays: holidays.into_iter().collect(),
        }
    }

    pub fn is_work_day(&self, date: NaiveDate) -> bool {
        self.weekmask.works(date) && !self.holidays.contains_key(&date)
    }

    /// `date` itself if it is a work day, else the first work day after it.
    pub fn next_work_day_on_or_after(&self, mut date: NaiveDate) -> NaiveDate {
        while !self.is_work_day(date) && date < NaiveDate::MAX {
            date = next(date);
        }
        date
    }

    /// The first work day strictly after `date`.
    pub fn next_work_day_after(&self, date: NaiveDate) -> NaiveDate {
        self.next_work_day_on_or_after(next(date))
    }

    /// Moves `n` work days forward (negative: backward) from `date`, which is first rolled
    /// forward to a work day. `add_work_days(d, 0)` is the first work day on or after `d`.
    pub fn add_work_days(&self, date: NaiveDate, n: i64) -> NaiveDate {
        let mut d = self.next_work_day_on_or_after(date);
        if n >= 0 {
            for _ in 0..n {
                d = self.next_work_day_after(d);
            }
        } else {
            for _ in 0..(-n) {
                d = prev(d);
                while !self.is_work_day(d) && d > NaiveDate::MIN {
                    d = prev(d);
                }
            }
        }
        d
    }

    /// Work days from `start` to `end`, both counted (Excel's NETWORKDAYS); negative when `end`
    /// is before `start`.
    pub fn count_work_days(&self, start: NaiveDate, end: NaiveDate) -> i64 {
        if end < start {
            return -self.count_work_days(end, start);
        }
        let days = (end - start).num_days() + 1;
        let weeks = days / 7;
        let mut count = weeks * i64::from(self.weekmask.work_days_per_week());
        let mut d = start
            .checked_add_days(Days::new((weeks * 7) as u64))
            .unwrap_or(end);
        while d <= end {
            if self.weekmask.works(d) {
                count += 1;
            }
            if d == NaiveDate::MAX {
                break;
            }
            d = next(d);
        }
        let holidays = self
            .holidays
            .range(start..=end)
            .filter(|(h, _)| self.weekmask.works(**h))
            .count();
        count - holidays as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekmask_parses_numpy_style() {
        assert_eq!(Weekmask::parse("1111100"), Some(Weekmask::MONDAY_TO_FRIDAY));
        assert_eq!(
            Weekmask::parse("1111001"),
            Some(Weekmask::SUNDAY_TO_THURSDAY)
        );
        assert_eq!(Weekmask::SUNDAY_TO_THURSDAY.to_string(), "1111001");
        for bad in ["", "111110", "11111000", "1111102", "0000000"] {
            assert_eq!(Weekmask::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn known_dates() {
        let cal = WorkCalendar::new(
            Weekmask::MONDAY_TO_FRIDAY,
            [(d("2026-12-25"), "Christmas".into())],
        );
        // 2026-11-20 is a Friday.
        assert!(cal.is_work_day(d("2026-11-20")));
        assert!(!cal.is_work_day(d("2026-11-21")));
        assert_eq!(
            cal.next_work_day_on_or_after(d("2026-11-21")),
            d("2026-11-23")
        );
        assert_eq!(cal.add_work_days(d("2026-11-20"), 1), d("2026-11-23"));
        assert_eq!(
            cal.add_work_days(d("2026-12-24"), 1),
            d("2026-12-28"),
            "skips Christmas"
        );
        assert_eq!(cal.count_work_days(d("2026-12-21"), d("2026-12-31")), 8);
        assert_eq!(cal.count_work_days(d("2026-12-31"), d("2026-12-21")), -8);
        assert_eq!(cal.add_work_days(d("2026-11-23"), -1), d("2026-11-20"));
        assert_eq!(cal.add_work_days(d("2026-11-23"), 250), {
            let mut x = d("2026-11-23");
            for _ in 0..250 {
                x = cal.next_work_day_after(x);
            }
            x
        });
    }

    fn calendar() -> impl Strategy<Value = WorkCalendar> {
        let mask = prop::array::uniform7(any::<bool>())
            .prop_filter("a work day", |m| m.iter().any(|x| *x));
        let holidays = prop::collection::vec(0i64..1200, 0..40);
        (mask, holidays).prop_map(|(mask, hs)| {
            WorkCalendar::new(
                Weekmask(mask),
                hs.into_iter().map(|o| {
                    (
                        d("2025-06-01") + chrono::Duration::days(o),
                        "Holiday".into(),
                    )
                }),
            )
        })
    }

    proptest! {
        #[test]
        fn adding_n_then_counting_gives_n_plus_one(cal in calendar(), offset in 0i64..900, n in 0i64..400) {
            let start = cal.next_work_day_on_or_after(d("2025-06-01") + chrono::Duration::days(offset));
            let end = cal.add_work_days(start, n);
            prop_assert!(cal.is_work_day(end));
            prop_assert_eq!(cal.count_work_days(start, end), n + 1);
        }

        #[test]
        fn adding_matches_stepping_one_day_at_a_time(cal in calendar(), offset in 0i64..900, n in 0i64..120) {
            let start = d("2025-06-01") + chrono::Duration::days(offset);
            let mut x = cal.next_work_day_on_or_after(start);
            for _ in 0..n {
                x = cal.next_work_day_after(x);
            }
            prop_assert_eq!(cal.add_work_days(start, n), x);
        }

        #[test]
        fn counting_matches_a_day_by_day_scan(cal in calendar(), a in 0i64..900, len in 0i64..400) {
            let start = d("2025-06-01") + chrono::Duration::days(a);
            let end = start + chrono::Duration::days(len);
            let mut scan = 0;
            let mut x = start;
            while x <= end {
                if cal.is_work_day(x) { scan += 1; }
                x = x.succ_opt().unwrap();
            }
            prop_assert_eq!(cal.count_work_days(start, end), scan);
        }
    }
}
