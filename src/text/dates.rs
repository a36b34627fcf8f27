//! Dates as people and files write them. One reader for every import, so a spreadsheet, a
//! holiday list and a project file agree on what a date is.

use chrono::NaiveDate;

/// How to read `03/04/2026`: 3 April (day first, most of the world) or March 4 (month first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DayOrder {
    #[default]
    DayFirst,
    MonthFirst,
}

/// The strict form every Journeymap file writes: `2026-03-04`.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A date as typed in a spreadsheet or list: `2026-03-04`, `2026/03/04`, `20260304`,
/// `04/03/2026` (or `03/04/2026` month first), `04.03.2026`, or a date-time (its time ignored).
pub fn parse_day(s: &str, order: DayOrder) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.split(['T', ' ']).next().unwrap_or(s);
    let slashed = match order {
        DayOrder::DayFirst => "%d/%m/%Y",
        DayOrder::MonthFirst => "%m/%d/%Y",
    };
    ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", slashed, "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(day, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_people_write() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 4);
        for s in [
            "2026-03-04",
            "2026/03/04",
            "20260304",
            "04/03/2026",
            "04.03.2026",
            "2026-03-04T09:30:00",
            " 2026-03-04 10:00",
        ] {
            assert_eq!(parse_day(s, DayOrder::DayFirst), d, "{s}");
        }
        assert_eq!(parse_day("03/04/2026", DayOrder::MonthFirst), d);
        assert_eq!(parse_day("2026-02-30", DayOrder::DayFirst), None);
        assert_eq!(parse_day("soon", DayOrder::DayFirst), None);
        assert_eq!(parse_iso("2026-03-04"), d);
        assert_eq!(parse_iso("04/03/2026"), None, "files are strict");
    }
}
