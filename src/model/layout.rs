//! The canvas geometry every renderer shares (the editor, and later the PDF, SVG and PNG
//! exports): where the stage columns and lane rows of a map sit, in canvas units.

/// Width of the lane-title column at the left of the grid.
pub const LANE_HEADER_WIDTH: f64 = 180.0;
/// Height of the stage-title row at the top of the grid.
pub const STAGE_HEADER_HEIGHT: f64 = 64.0;
/// Default size of a new touchpoint card.
pub const CARD_WIDTH: f64 = 168.0;
pub const CARD_HEIGHT: f64 = 76.0;
/// Default size of a new stage column and lane row.
pub const STAGE_WIDTH: f64 = 420.0;
pub const LANE_HEIGHT: f64 = 128.0;
