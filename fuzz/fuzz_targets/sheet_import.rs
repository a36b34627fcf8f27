//! Any bytes given to the spreadsheet imports (feedback CSV, touchpoints from CSV or .xlsx) give
//! rows or line-numbered errors, never a panic; an accepted touchpoint sheet keeps the project valid.
#![no_main]
use journeymap::interchange::{feedback_csv, touchpoints_csv};
use journeymap::model::{Id, Project};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn sample() -> &'static Project {
    static SAMPLE: OnceLock<Project> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        journeymap::interchange::json::from_json(include_bytes!("../../assets/sample.json"))
            .expect("the sample is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let p = sample();
    let mut n = 0u128;
    let mut ids = || {
        n += 1;
        Id::from_u128(n)
    };
    let lines = data.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let named = |e: journeymap::Error| {
        if let journeymap::Error::InvalidImport { lines: bad, .. } = e {
            for l in bad {
                assert!(l.line >= 1 && (l.line <= lines || data.starts_with(b"PK")), "line {} of {lines}", l.line);
            }
        }
    };
    if let Ok(preview) = feedback_csv::preview(data, p, p.maps[0].id, None) {
        if let Err(e) = feedback_csv::import(data, p, &preview.mapping, &mut ids) {
            named(e);
        }
    }
    if let Ok(preview) = touchpoints_csv::preview(data, p, None, None) {
        match touchpoints_csv::import(data, p, &preview.mapping, &mut ids) {
            Ok(changes) => {
                let mut after = p.clone();
                after.apply(&changes);
                assert!(after.problems().is_empty(), "{:?}", after.problems());
            }
            Err(e) => named(e),
        }
    }
});
