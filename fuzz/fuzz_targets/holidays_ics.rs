//! Any text given to the .ics holiday import gives holidays (never more than a calendar holds)
//! or a line-numbered error, with every left-out event named by a line of the file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        match journeymap::interchange::holidays::parse_ics(text, today) {
            Ok(read) => {
                assert!(read.holidays.len() <= journeymap::model::MAX_HOLIDAYS);
                assert!(read.not_imported.iter().all(|e| e.line >= 1));
            }
            Err(e) => assert!(e.line >= 1),
        }
    }
});
