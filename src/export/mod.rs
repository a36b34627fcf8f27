//! The map and the project for people without Journeymap: the map as SVG or PNG, and the whole
//! project as one self-contained web page. Drawn through `draw`, like the PDF report.

mod html;
mod picture;

pub use html::project_html;
pub use picture::{map_png, map_svg, pick_map, Viewport, MAX_PIXELS_PER_SIDE};
