//! The canvas constants exist twice, in Rust (for exports) and TypeScript (for the editor); this
//! keeps the two files in agreement.

use journeymap::model::{
    CARD_HEIGHT, CARD_WIDTH, LANE_HEADER_WIDTH, LANE_HEIGHT, STAGE_HEADER_HEIGHT, STAGE_WIDTH,
};

#[test]
fn typescript_layout_matches_rust() {
    let ts = std::fs::read_to_string(super::support::repo().join("ui/src/geometry/layout.ts"))
        .expect("ui/src/geometry/layout.ts exists");
    let value = |name: &str| -> f64 {
        let line = ts
            .lines()
            .find(|l| l.starts_with(&format!("export const {name} =")))
            .unwrap_or_else(|| panic!("{name} is exported by layout.ts"));
        line.split('=')
            .nth(1)
            .unwrap()
            .trim()
            .trim_end_matches(';')
            .parse()
            .unwrap()
    };
    for (name, rust) in [
        ("LANE_HEADER_WIDTH", LANE_HEADER_WIDTH),
        ("STAGE_HEADER_HEIGHT", STAGE_HEADER_HEIGHT),
        ("CARD_WIDTH", CARD_WIDTH),
        ("CARD_HEIGHT", CARD_HEIGHT),
        ("STAGE_WIDTH", STAGE_WIDTH),
        ("LANE_HEIGHT", LANE_HEIGHT),
    ] {
        assert_eq!(
            value(name),
            rust,
            "{name} differs between Rust and TypeScript"
        );
    }
}
