//! Any bytes given to the CJML import give new maps that keep the project valid, or an error with
//! a line inside the document; what is accepted exports again without a panic.
#![no_main]
use journeymap::interchange::cjml;
use journeymap::model::{Id, Project};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let p = Project::new(Id::from_u128(1), "Fuzz");
    let mut n = 1u128;
    let ids = || {
        n += 1;
        Id::from_u128(n)
    };
    let lines = data.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    match cjml::import(data, &p, ids) {
        Ok(imported) => {
            let mut after = p.clone();
            after.apply(&imported.changes);
            assert!(after.problems().is_empty(), "{:?}", after.problems());
            let _ = cjml::export(&after);
        }
        Err(journeymap::Error::InvalidImport { lines: bad, .. }) => {
            for l in bad {
                assert!(l.line >= 1 && l.line <= lines, "line {} of {lines}", l.line);
            }
        }
        Err(_) => {}
    }
});
