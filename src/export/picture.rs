//! A journey map as a picture for slides and documents: SVG (text stays text) and PNG at 1×, 2×
//! or 4×, the whole map or the part the user is looking at. Both are drawn by the same routine
//! as the PDF's map pages, and the same project always gives the same bytes.

use crate::draw::{draw_map, Fonts, MapLayout, SvgSurface, View};
use crate::model::{Id, Project};
use crate::{Error, Result};
use serde::Deserialize;
use ts_rs::TS;

/// A part of the canvas, in canvas units (the app's current view).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The largest picture side accepted, in pixels (a 4× PNG of a very large map stops here).
pub const MAX_PIXELS_PER_SIDE: f32 = 16_000.0;

/// The map to draw: `map_id`, or the first map.
pub fn pick_map(project: &Project, map_id: Option<Id>) -> Result<Id> {
    match map_id {
        Some(id) if project.maps.iter().any(|m| m.id == id) => Ok(id),
        Some(id) => Err(Error::NotFound {
            kind: "map",
            id: id.to_string(),
        }),
        None => project
            .maps
            .first()
            .map(|m| m.id)
            .ok_or_else(|| Error::InvalidInput("the project has no map".into())),
    }
}

fn fonts() -> Result<Fonts> {
    Fonts::measuring().ok_or_else(|| Error::InvalidInput("an embedded font cannot be read".into()))
}

/// The map as an SVG document; `viewport` limits it to part of the canvas.
pub fn map_svg(project: &Project, map_id: Id, viewport: Option<Viewport>) -> Result<String> {
    let layout = MapLayout::of(project, map_id).ok_or_else(|| {
        Error::InvalidInput("the map needs at least one stage and one lane to be drawn".into())
    })?;
    let view = match viewport {
        None => View {
            left: 0.0,
            top: 0.0,
            scale: 1.0,
            ox: 0.0,
            oy: 0.0,
            width: layout.width,
            height: layout.height,
        },
        Some(v) => {
            let ok = [v.x, v.y, v.width, v.height].iter().all(|n| n.is_finite())
                && v.width >= 1.0
                && v.height >= 1.0
                && v.width.max(v.height) <= f64::from(MAX_PIXELS_PER_SIDE);
            if !ok {
                return Err(Error::InvalidInput(format!(
                    "the view {v:?} cannot be drawn"
                )));
            }
            View {
                left: 0.0,
                top: 0.0,
                scale: 1.0,
                ox: v.x as f32,
                oy: v.y as f32,
                width: v.width as f32,
                height: v.height as f32,
            }
        }
    };
    let mut svg = SvgSurface::new();
    draw_map(&mut svg, &fonts()?, &layout, &view);
    Ok(svg.finish(view.width, view.height, &layout.name))
}

/// The map as a PNG, `scale` pixels per canvas unit (1, 2 or 4 for crisp slides), rendered from
/// the SVG with the embedded fonts only, so every machine gives the same pixels.
pub fn map_png(
    project: &Project,
    map_id: Id,
    viewport: Option<Viewport>,
    scale: f32,
) -> Result<Vec<u8>> {
    use resvg::{tiny_skia, usvg};
    if !(scale.is_finite() && (0.25..=8.0).contains(&scale)) {
        return Err(Error::InvalidInput(format!(
            "scale {scale} is not between 0.25 and 8"
        )));
    }
    let svg = map_svg(project, map_id, viewport)?;
    let options = usvg::Options {
        fontdb: std::sync::Arc::new(crate::draw::font_database()),
        font_family: "DejaVu Sans".into(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options)
        .map_err(|e| Error::InvalidInput(format!("the map picture cannot be drawn: {e}")))?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil(),
        (size.height() * scale).ceil(),
    );
    if w > MAX_PIXELS_PER_SIDE || h > MAX_PIXELS_PER_SIDE {
        return Err(Error::InvalidInput(format!(
            "a {w}×{h} pixel picture is too large; choose a smaller scale or the current view"
        )));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w as u32, h as u32)
        .ok_or_else(|| Error::InvalidInput("the picture is empty".into()))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| Error::InvalidInput(format!("the PNG cannot be encoded: {e}")))
}
