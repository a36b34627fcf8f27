//! Any text given to the CSV holiday import gives holidays or a line-numbered error.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = journeymap::workflow::parse_holidays_csv(text) {
            assert!(e.line >= 1 && e.line <= text.lines().count().max(1));
        }
    }
});
