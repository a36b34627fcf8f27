// Canvas constants shared with the Rust core (`src/model/layout.rs`); a Rust test checks that the
// two files agree, so the editor and the exports never draw different grids.

export const LANE_HEADER_WIDTH = 180.0;
export const STAGE_HEADER_HEIGHT = 64.0;
export const CARD_WIDTH = 168.0;
export const CARD_HEIGHT = 76.0;
export const STAGE_WIDTH = 420.0;
export const LANE_HEIGHT = 128.0;
/** Snapping step for moved and resized items, in canvas units. */
export const GRID = 8;
