//! Holiday lists from outside: an iCalendar (`.ics`) file of all-day events, or a CSV of
//! `date,name` rows. Calendars come from other people, so every size is bounded while reading
//! (never after), repeating events are expanded only as far as plans reach, and what cannot be
//! taken is named by line. A CSV imports whole or not at all.

use super::csv::{decode, line_error, read_records, LineError};
use crate::model::MAX_HOLIDAYS;
use crate::text::{parse_day, DayOrder};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// Years before and after today that a yearly holiday is expanded over: a redesign runs some
/// 20 work days, and plans and their history rarely reach further.
pub const YEARS_BEFORE: i32 = 1;
pub const YEARS_AFTER: i32 = 5;

/// The longest single event taken as holidays (a company's summer closure fits).
pub const MAX_EVENT_DAYS: i64 = 366;

/// Holidays read from a file, and the events that were left out, by line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HolidayImport {
    #[ts(type = "Record<string, string>")]
    pub holidays: BTreeMap<NaiveDate, String>,
    pub not_imported: Vec<LineError>,
}

/// Holidays being collected, refused the moment there are more than a calendar may hold.
struct Collected {
    days: BTreeMap<NaiveDate, String>,
}

impl Collected {
    fn insert(&mut self, line: u64, date: NaiveDate, name: &str) -> Result<(), LineError> {
        let name = if name.trim().is_empty() {
            "Holiday"
        } else {
            name.trim()
        };
        self.days.insert(date, name.to_owned());
        if self.days.len() > MAX_HOLIDAYS {
            return Err(line_error(
                line,
                format!("more than {MAX_HOLIDAYS} holidays; nothing was imported"),
            ));
        }
        Ok(())
    }
}

/// CSV with a date column and an optional name column (`,` `;` or tab; UTF-8 or UTF-16). The
/// first row is a header only if it looks like one (no digits in its first cell); a bad date is
/// an error at its line, every bad line is listed, and nothing is returned unless all are good.
pub fn parse_csv(bytes: &[u8]) -> Result<BTreeMap<NaiveDate, String>, Vec<LineError>> {
    let rows = read_records(bytes)?;
    let mut out = Collected {
        days: BTreeMap::new(),
    };
    let mut errors = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let first = row.cells[0].trim();
        if first.starts_with('#') {
            continue;
        }
        if i == 0 && !first.is_empty() && !first.chars().any(|c| c.is_ascii_digit()) {
            continue; // a header such as "date,name"
        }
        // An unquoted name may hold the separator: "2026-12-26,Boxing Day, UK".
        let name = row.cells[1..]
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        match parse_day(first, DayOrder::DayFirst) {
            Some(date) => out.insert(row.line, date, &name).map_err(|e| vec![e])?,
            None => errors.push(line_error(
                row.line,
                format!("{first:?} is not a date (use YYYY-MM-DD)"),
            )),
        }
    }
    if errors.is_empty() {
        Ok(out.days)
    } else {
        Err(errors)
    }
}

/// One VEVENT as read so far.
#[derive(Default)]
struct Event {
    line: u64,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    summary: String,
    rule: Option<(u64, String)>,
    except: Vec<NaiveDate>,
}

/// All-day `VEVENT`s of an iCalendar file; a multi-day event yields each of its days (DTEND is
/// exclusive, as RFC 5545 says). Yearly repeating events are expanded from `YEARS_BEFORE` years
/// before `today` to `YEARS_AFTER` after it; events that repeat otherwise, or in ways a holiday
/// does not, are left out and listed. A damaged file is an error naming its line.
pub fn parse_ics(text: &str, today: NaiveDate) -> Result<HolidayImport, LineError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text
        .lines()
        .take(20)
        .any(|l| l.trim_end().eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        return Err(line_error(1, "not an iCalendar file (no BEGIN:VCALENDAR)"));
    }
    let window = (
        NaiveDate::from_ymd_opt(today.year() - YEARS_BEFORE, 1, 1).unwrap_or(today),
        NaiveDate::from_ymd_opt(today.year() + YEARS_AFTER, 12, 31).unwrap_or(today),
    );
    let mut out = Collected {
        days: BTreeMap::new(),
    };
    let mut not_imported = Vec::new();
    let mut event: Option<Event> = None;
    let mut last_line = 0;
    for (line, l) in unfolded(text) {
        last_line = line;
        let Some((key, value)) = l.split_once(':') else {
            continue;
        };
        let name = key.split(';').next().unwrap_or("").to_ascii_uppercase();
        match (name.as_str(), &mut event) {
            ("BEGIN", None) if value.eq_ignore_ascii_case("VEVENT") => {
                event = Some(Event {
                    line,
                    ..Event::default()
                })
            }
            ("BEGIN", Some(_)) if value.eq_ignore_ascii_case("VEVENT") => {
                return Err(line_error(line, "an event begins inside another event"))
            }
            ("DTSTART", Some(e)) => e.start = Some(ics_date(line, "DTSTART", value)?),
            ("DTEND", Some(e)) => e.end = Some(ics_date(line, "DTEND", value)?),
            ("SUMMARY", Some(e)) => {
                e.summary = value
                    .replace("\\,", ",")
                    .replace("\\;", ";")
                    .replace("\\n", " ")
            }
            ("RRULE", Some(e)) => e.rule = Some((line, value.to_ascii_uppercase())),
            ("EXDATE", Some(e)) => {
                for v in value.split(',') {
                    e.except.push(ics_date(line, "EXDATE", v)?);
                }
            }
            ("END", Some(_)) if value.eq_ignore_ascii_case("VEVENT") => {
                let e = event.take().unwrap_or_default();
                add_event(&e, window, &mut out, &mut not_imported)?;
            }
            _ => {}
        }
    }
    if event.is_some() {
        return Err(line_error(
            last_line.max(1),
            "the file ends inside an event (no END:VEVENT)",
        ));
    }
    Ok(HolidayImport {
        holidays: out.days,
        not_imported,
    })
}

/// Lines with their numbers, continuation lines (starting with a space or tab) joined to the
/// line they continue. One line at a time: the file is never copied whole.
fn unfolded(text: &str) -> impl Iterator<Item = (u64, String)> + '_ {
    let mut lines = text.lines().enumerate().peekable();
    std::iter::from_fn(move || {
        let (i, first) = lines.next()?;
        let mut joined = first.trim_end_matches('\r').to_owned();
        while let Some((_, next)) = lines.peek() {
            match next.strip_prefix([' ', '\t']) {
                Some(rest) => {
                    joined.push_str(rest.trim_end_matches('\r'));
                    lines.next();
                }
                None => break,
            }
        }
        Some((i as u64 + 1, joined))
    })
}

fn ics_date(line: u64, what: &str, value: &str) -> Result<NaiveDate, LineError> {
    value
        .trim()
        .get(..8)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok())
        .ok_or_else(|| line_error(line, format!("{what} {value:?} is not a date")))
}

/// Adds an event's days, once or for each year its rule repeats in the window.
fn add_event(
    e: &Event,
    window: (NaiveDate, NaiveDate),
    out: &mut Collected,
    not_imported: &mut Vec<LineError>,
) -> Result<(), LineError> {
    let start = e
        .start
        .ok_or_else(|| line_error(e.line, "event without DTSTART"))?;
    let days = e.end.map_or(1, |end| (end - start).num_days()).max(1);
    let label = if e.summary.trim().is_empty() {
        "an event".to_owned()
    } else {
        format!("{:?}", e.summary.trim())
    };
    if days > MAX_EVENT_DAYS {
        not_imported.push(line_error(
            e.line,
            format!("{label} lasts {days} days, longer than a year; left out"),
        ));
        return Ok(());
    }
    let occurrences = match &e.rule {
        None => vec![start],
        Some((line, rule)) => match yearly(start, rule, window) {
            Ok(dates) => dates,
            Err(why) => {
                not_imported.push(line_error(*line, format!("{label} {why}; left out")));
                return Ok(());
            }
        },
    };
    for first in occurrences {
        if e.except.contains(&first) {
            continue;
        }
        let mut d = first;
        for _ in 0..days {
            out.insert(e.line, d, &e.summary)?;
            match d.succ_opt() {
                Some(next) => d = next,
                None => break,
            }
        }
    }
    Ok(())
}

/// The dates a yearly rule gives inside `window`: the same day every `INTERVAL` years, or the
/// n-th weekday of a month (`BYMONTH=11;BYDAY=4TH`), up to `COUNT` or `UNTIL`. Anything else a
/// rule can say (daily, weekly, several days a year) is not a holiday and is refused with why.
fn yearly(
    start: NaiveDate,
    rule: &str,
    window: (NaiveDate, NaiveDate),
) -> Result<Vec<NaiveDate>, String> {
    let mut freq = None;
    let mut interval = 1i32;
    let mut count: Option<u32> = None;
    let mut until: Option<NaiveDate> = None;
    let mut month: Option<u32> = None;
    let mut weekday: Option<(i32, chrono::Weekday)> = None;
    let mut month_day: Option<u32> = None;
    for part in rule.split(';').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match k {
            "FREQ" => freq = Some(v.to_owned()),
            "INTERVAL" => {
                interval = v
                    .parse()
                    .ok()
                    .filter(|n| (1..=100).contains(n))
                    .ok_or("has an unreadable INTERVAL")?
            }
            "COUNT" => count = Some(v.parse().map_err(|_| "has an unreadable COUNT")?),
            "UNTIL" => {
                until = Some(ics_date(0, "UNTIL", v).map_err(|_| "has an unreadable UNTIL")?)
            }
            "BYMONTH" => {
                month = Some(
                    v.parse()
                        .ok()
                        .filter(|m| (1..=12).contains(m))
                        .ok_or("repeats in several months")?,
                )
            }
            "BYMONTHDAY" => {
                month_day = Some(
                    v.parse()
                        .ok()
                        .filter(|d| (1..=31).contains(d))
                        .ok_or("repeats on several days")?,
                )
            }
            "BYDAY" => weekday = Some(nth_weekday(v).ok_or("repeats on several days")?),
            "WKST" => {}
            other => return Err(format!("repeats by {other}, which holidays do not")),
        }
    }
    match freq.as_deref() {
        Some("YEARLY") => {}
        Some(other) => {
            return Err(format!(
                "repeats {} (FREQ={other}); only yearly repeating holidays are imported",
                other.to_lowercase()
            ))
        }
        None => return Err("has a repeating rule without FREQ".into()),
    }
    let last = until.map_or(window.1, |u| u.min(window.1));
    let mut out = Vec::new();
    let mut n = 0u32;
    let mut year = start.year();
    while year <= last.year() {
        let date = match weekday {
            Some((nth, wd)) => nth_of_month(year, month.unwrap_or(start.month()), wd, nth),
            None => NaiveDate::from_ymd_opt(
                year,
                month.unwrap_or(start.month()),
                month_day.unwrap_or(start.day()),
            ),
        };
        // A year without the day (29 February) is skipped, as RFC 5545 says.
        if let Some(date) = date.filter(|d| *d >= start) {
            n += 1;
            if count.is_some_and(|c| n > c) || date > last {
                break;
            }
            if date >= window.0 {
                out.push(date);
            }
        }
        year += interval;
    }
    Ok(out)
}

/// `4TH` → (4, Thursday), `-1MO` → (-1, Monday); a plain `MO` is every Monday: not a holiday.
fn nth_weekday(v: &str) -> Option<(i32, chrono::Weekday)> {
    if v.contains(',') || v.len() < 3 {
        return None;
    }
    let (n, day) = v.split_at(v.len() - 2);
    let n: i32 = n.parse().ok().filter(|n: &i32| *n != 0 && n.abs() <= 5)?;
    let day = match day {
        "MO" => chrono::Weekday::Mon,
        "TU" => chrono::Weekday::Tue,
        "WE" => chrono::Weekday::Wed,
        "TH" => chrono::Weekday::Thu,
        "FR" => chrono::Weekday::Fri,
        "SA" => chrono::Weekday::Sat,
        "SU" => chrono::Weekday::Sun,
        _ => return None,
    };
    Some((n, day))
}

/// The `nth` `wd` of a month, counting from its end when `nth` is negative (-1 is the last).
fn nth_of_month(year: i32, month: u32, wd: chrono::Weekday, nth: i32) -> Option<NaiveDate> {
    if nth > 0 {
        return NaiveDate::from_weekday_of_month_opt(year, month, wd, nth as u8);
    }
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let mut last = next.pred_opt()?;
    while last.weekday() != wd {
        last = last.pred_opt()?;
    }
    let d = last - chrono::Duration::weeks(i64::from(-nth - 1));
    (d.month() == month).then_some(d)
}

/// Reads holidays from an `.ics` file (by extension) or a CSV file, for the app and the CLI.
/// `today` places the years that repeating holidays are expanded over.
pub fn read(path: &std::path::Path, today: NaiveDate) -> crate::Result<HolidayImport> {
    let bytes = crate::text::read_input(path, crate::text::MAX_IMPORT_BYTES)?;
    let is_ics = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ics"));
    if is_ics {
        let text = decode(&bytes).map_err(|e| super::csv::import_error(vec![e]))?;
        parse_ics(&text, today).map_err(|e| super::csv::import_error(vec![e]))
    } else {
        Ok(HolidayImport {
            holidays: parse_csv(&bytes).map_err(super::csv::import_error)?,
            not_imported: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const TODAY: &str = "2026-11-30";

    fn ics(events: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n")
    }

    #[test]
    fn csv_with_header_quotes_separators_and_formats() {
        let h = parse_csv(
            b"date,name\n2026-12-25,Christmas Day\n26/12/2026,\"Boxing Day, UK\"\n20270101\n",
        )
        .unwrap();
        assert_eq!(h[&d("2026-12-25")], "Christmas Day");
        assert_eq!(h[&d("2026-12-26")], "Boxing Day, UK");
        assert_eq!(h[&d("2027-01-01")], "Holiday");
        let h = parse_csv("\u{feff}Datum;Feiertag\n2026-12-25;Weihnachten\n".as_bytes()).unwrap();
        assert_eq!(h[&d("2026-12-25")], "Weihnachten", "semicolons and a BOM");
        let h = parse_csv(b"2026-12-26,Boxing Day, UK\n").unwrap();
        assert_eq!(
            h[&d("2026-12-26")],
            "Boxing Day, UK",
            "an unquoted comma in the name"
        );
    }

    #[test]
    fn a_bad_first_line_is_an_error_not_a_header() {
        let e = parse_csv(b"2026-02-30,Leap\n2026-12-25,Christmas\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, 1, "{e:?}");
        let e =
            parse_csv(b"date,name\n2026-12-25,Christmas\nsoon,Party\n2026-13-01,x\n").unwrap_err();
        assert_eq!(
            e.iter().map(|e| e.line).collect::<Vec<_>>(),
            [3, 4],
            "every bad line is named"
        );
    }

    #[test]
    fn ics_all_day_and_multi_day_events() {
        let text = ics("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261227\r\nSUMMARY:Christmas\\, closed\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:New Year's\r\n  Day\r\nEND:VEVENT\r\n");
        let h = parse_ics(&text, d(TODAY)).unwrap();
        assert_eq!(h.holidays.len(), 3);
        assert_eq!(h.holidays[&d("2026-12-25")], "Christmas, closed");
        assert_eq!(h.holidays[&d("2026-12-26")], "Christmas, closed");
        assert_eq!(h.holidays[&d("2027-01-01")], "New Year's Day");
        assert!(h.not_imported.is_empty());
    }

    #[test]
    fn bad_ics_names_the_line() {
        assert_eq!(parse_ics("hello", d(TODAY)).unwrap_err().line, 1);
        let e = parse_ics(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:soon\nEND:VEVENT\n",
            d(TODAY),
        )
        .unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse_ics("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n", d(TODAY)).unwrap_err();
        assert!(e.message.contains("END:VEVENT"));
    }

    #[test]
    fn yearly_rules_are_expanded_over_the_planning_years() {
        let text = ics("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20101225\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20201126\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH\r\nSUMMARY:Thanksgiving\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=YEARLY;COUNT=10000\r\nEXDATE;VALUE=DATE:20280101\r\nSUMMARY:New Year\r\nEND:VEVENT\r\n");
        let h = parse_ics(&text, d(TODAY)).unwrap().holidays;
        let christmas: Vec<_> = h
            .iter()
            .filter(|(_, n)| *n == "Christmas")
            .map(|(d, _)| *d)
            .collect();
        assert_eq!(
            christmas.first(),
            Some(&d("2025-12-25")),
            "from a year before today"
        );
        assert_eq!(
            christmas.last(),
            Some(&d("2031-12-25")),
            "to five years after"
        );
        assert_eq!(christmas.len(), 7);
        assert!(
            h.contains_key(&d("2026-11-26")),
            "4th Thursday of November 2026"
        );
        assert!(
            h.contains_key(&d("2027-11-25")),
            "4th Thursday of November 2027"
        );
        assert!(h.contains_key(&d("2027-01-01")));
        assert!(!h.contains_key(&d("2028-01-01")), "EXDATE is left out");
        assert!(h.len() < 40, "COUNT=10000 stops at the window: {}", h.len());
    }

    #[test]
    fn other_repeats_are_listed_not_silently_dropped() {
        let text = ics("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261201\r\nRRULE:FREQ=DAILY;UNTIL=99991231\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20280101\r\nSUMMARY:Sabbatical\r\nEND:VEVENT\r\n");
        let got = parse_ics(&text, d(TODAY)).unwrap();
        assert_eq!(got.holidays.len(), 1);
        assert_eq!(got.not_imported.len(), 2);
        assert_eq!(got.not_imported[0].line, 5, "the RRULE line");
        assert!(
            got.not_imported[0].message.contains("daily"),
            "{:?}",
            got.not_imported
        );
        assert!(got.not_imported[1].message.contains("730 days"));
    }

    #[test]
    fn the_holiday_limit_holds_while_reading() {
        let mut events = String::new();
        for y in 0..40 {
            events.push_str(&format!(
                "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:{}0101\r\nDTEND;VALUE=DATE:{}1231\r\nEND:VEVENT\r\n",
                1900 + y,
                1900 + y
            ));
        }
        let e = parse_ics(&ics(&events), d(TODAY)).unwrap_err();
        assert!(e.message.contains("10000"), "{e}");
        assert!(e.line > 1);
    }
}
