//! Any text given to the .ics holiday import gives holidays or a line-numbered error.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = journeymap::workflow::parse_holidays_ics(text) {
            assert!(e.line >= 1);
        }
    }
});
