//! Any bytes given to the CSV holiday import give holidays or line-numbered errors.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match journeymap::interchange::holidays::parse_csv(data) {
        Ok(holidays) => assert!(holidays.len() <= journeymap::model::MAX_HOLIDAYS),
        Err(errors) => assert!(!errors.is_empty() && errors.iter().all(|e| e.line >= 1)),
    }
});
