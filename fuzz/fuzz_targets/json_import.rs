//! Any bytes given to the JSON importer give a project or a coded error, never a crash, and an
//! accepted project survives a round trip.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(project) = journeymap::interchange::json::from_json(data) {
        let again = journeymap::interchange::json::to_json(&project);
        let back = journeymap::interchange::json::from_json(again.as_bytes()).expect("export is importable");
        assert_eq!(back, project);
    }
});
