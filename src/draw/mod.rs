//! One way to draw a journey map and a page, whatever the output: the `Surface` every output
//! implements (PDF page, SVG), the map drawing on it, and text measured with the embedded fonts.
//! The PDF report and the picture and web exports all draw through here.

mod fonts;
mod logo;
mod mapdraw;
mod page;
mod surface;

pub(crate) use fonts::{font_database, Face, Fonts, Weight};
pub(crate) use logo::logo_pixels;
pub(crate) use mapdraw::{draw_map, MapLayout, View};
pub(crate) use page::Page;
pub(crate) use surface::{escape, Surface, SvgSurface};

use crate::model::Reliability;

pub(crate) const INK: &str = "#0f172a";
pub(crate) const MUTED: &str = "#475569";
pub(crate) const LINE: &str = "#cbd5e1";
/// The live room's curve, and its spread as the canvas shades it (14 % of it over white).
pub(crate) const ROOM_CURVE: &str = "#ea580c";
pub(crate) const ROOM_BAND: &str = "#fce8dd";

pub(crate) fn reliability_color(r: Reliability) -> &'static str {
    r.colour()
}

/// The smallest card title the map drawings print (points). A map that only fits its page
/// smaller shows each card's number in the touchpoint table instead of its title.
pub(crate) const MIN_TITLE_PT: f32 = 5.5;
