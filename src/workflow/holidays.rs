//! Holiday lists from outside: an iCalendar (`.ics`) file of all-day events, or a CSV of
//! `date,name` rows. Errors name the line; nothing is returned unless the whole file reads.

use chrono::NaiveDate;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct HolidayError {
    pub line: usize,
    pub message: String,
}

fn err(line: usize, message: impl Into<String>) -> HolidayError {
    HolidayError {
        line,
        message: message.into(),
    }
}

/// Reads `YYYY-MM-DD`, `YYYYMMDD` or `DD/MM/YYYY`.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y%m%d"))
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

/// CSV with a date column and an optional name column; a header row is recognised and skipped.
/// Quoted names may contain commas.
pub fn parse_holidays_csv(text: &str) -> Result<BTreeMap<NaiveDate, String>, HolidayError> {
    let mut out = BTreeMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let row = raw.trim_start_matches('\u{feff}').trim();
        if row.is_empty() || row.starts_with('#') {
            continue;
        }
        let (date, name) = match row.split_once(',') {
            Some((d, n)) => (
                d.trim().trim_matches('"'),
                n.trim().trim_matches('"').replace("\"\"", "\""),
            ),
            None => (row.trim_matches('"'), String::new()),
        };
        match parse_date(date) {
            Some(d) => {
                out.insert(
                    d,
                    if name.is_empty() {
                        "Holiday".to_owned()
                    } else {
                        name
                    },
                );
            }
            None if line == 1 => continue, // a header such as "date,name"
            None => {
                return Err(err(
                    line,
                    format!("{date:?} is not a date (use YYYY-MM-DD)"),
                ))
            }
        }
    }
    Ok(out)
}

/// All-day `VEVENT`s of an iCalendar file; a multi-day event yields each of its days
/// (DTEND is exclusive, as RFC 5545 says). Folded lines are unfolded first.
pub fn parse_holidays_ics(text: &str) -> Result<BTreeMap<NaiveDate, String>, HolidayError> {
    // Unfold: a line starting with a space or tab continues the previous one.
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let raw = raw.trim_end_matches('\r');
        if let (Some(stripped), Some(last)) = (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            last.1.push_str(stripped);
        } else {
            lines.push((i + 1, raw.to_owned()));
        }
    }
    if !lines.iter().any(|(_, l)| {
        l.trim_start_matches('\u{feff}')
            .eq_ignore_ascii_case("BEGIN:VCALENDAR")
    }) {
        return Err(err(1, "not an iCalendar file (no BEGIN:VCALENDAR)"));
    }
    let mut out = BTreeMap::new();
    let mut event: Option<(usize, Option<NaiveDate>, Option<NaiveDate>, String)> = None;
    for (line, l) in &lines {
        let (key, value) = match l.split_once(':') {
            Some(kv) => kv,
            None => continue,
        };
        let name = key.split(';').next().unwrap_or("").to_ascii_uppercase();
        match (name.as_str(), &mut event) {
            ("BEGIN", _) if value.eq_ignore_ascii_case("VEVENT") => {
                event = Some((*line, None, None, String::new()))
            }
            ("DTSTART", Some(e)) => {
                let date = value.get(..8).and_then(parse_date);
                e.1 = Some(
                    date.ok_or_else(|| err(*line, format!("DTSTART {value:?} is not a date")))?,
                );
            }
            ("DTEND", Some(e)) => {
                let date = value.get(..8).and_then(parse_date);
                e.2 =
                    Some(date.ok_or_else(|| err(*line, format!("DTEND {value:?} is not a date")))?);
            }
            ("SUMMARY", Some(e)) => e.3 = value.replace("\\,", ",").replace("\\;", ";"),
            ("END", Some(_)) if value.eq_ignore_ascii_case("VEVENT") => {
                let (start_line, start, end, summary) = event.take().unwrap_or_default();
                let start = start.ok_or_else(|| err(start_line, "event without DTSTART"))?;
                let end = end
                    .unwrap_or(start + chrono::Duration::days(1))
                    .max(start + chrono::Duration::days(1));
                if (end - start).num_days() > 366 {
                    return Err(err(start_line, "event longer than a year"));
                }
                let mut d = start;
                while d < end {
                    out.insert(
                        d,
                        if summary.is_empty() {
                            "Holiday".to_owned()
                        } else {
                            summary.clone()
                        },
                    );
                    d = d.succ_opt().unwrap_or(end);
                }
            }
            _ => {}
        }
    }
    if event.is_some() {
        return Err(err(
            lines.len(),
            "the file ends inside an event (no END:VEVENT)",
        ));
    }
    Ok(out)
}

/// Reads holidays from an `.ics` file (by extension) or a CSV file, for the app and the CLI.
pub fn read_holidays(path: &std::path::Path) -> crate::Result<BTreeMap<NaiveDate, String>> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => crate::Error::FileNotFound {
            path: path.to_owned(),
        },
        _ => crate::Error::Io {
            context: format!("cannot read {}", path.display()),
            source: e,
        },
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        crate::Error::InvalidInput(format!(
            "{} is not UTF-8 text (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    let is_ics = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ics"));
    let parsed = if is_ics {
        parse_holidays_ics(&text)
    } else {
        parse_holidays_csv(&text)
    };
    parsed.map_err(|e| crate::Error::InvalidInput(format!("{}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn csv_with_header_quotes_and_formats() {
        let h = parse_holidays_csv(
            "date,name\n2026-12-25,Christmas Day\n26/12/2026,\"Boxing Day, UK\"\n20270101\n",
        )
        .unwrap();
        assert_eq!(h[&d("2026-12-25")], "Christmas Day");
        assert_eq!(h[&d("2026-12-26")], "Boxing Day, UK");
        assert_eq!(h[&d("2027-01-01")], "Holiday");
        let e = parse_holidays_csv("2026-12-25,Christmas\nsoon,Party\n").unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn ics_all_day_and_multi_day_events() {
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261227\r\nSUMMARY:Christmas\\, closed\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:New Year's\r\n  Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let h = parse_holidays_ics(ics).unwrap();
        assert_eq!(h.len(), 3);
        assert_eq!(h[&d("2026-12-25")], "Christmas, closed");
        assert_eq!(h[&d("2026-12-26")], "Christmas, closed");
        assert_eq!(h[&d("2027-01-01")], "New Year's Day");
    }

    #[test]
    fn bad_ics_names_the_line() {
        assert_eq!(parse_holidays_ics("hello").unwrap_err().line, 1);
        let e = parse_holidays_ics("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:soon\nEND:VEVENT\n")
            .unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse_holidays_ics("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n").unwrap_err();
        assert!(e.message.contains("END:VEVENT"));
    }
}
