//! The organisation's logo as pixels: PNG decoded, SVG drawn, both with the decoders the PNG
//! export already uses, so a logo that cannot be drawn is refused before it is stored and every
//! output (PDF, web page) shows the same image.

use crate::model::{Logo, LogoType};

/// The largest logo side accepted, in pixels.
pub(crate) const MAX_LOGO_SIDE: u32 = 4096;
/// An SVG logo is drawn this many pixels on its longer side.
const SVG_PIXELS: f32 = 800.0;

/// A decoded logo: straight (not premultiplied) RGBA, row by row.
pub(crate) struct LogoPixels {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) rgba: Vec<u8>,
}

/// Decodes or draws `logo`; the error says why it cannot be used.
pub(crate) fn logo_pixels(logo: &Logo) -> Result<LogoPixels, String> {
    use resvg::{tiny_skia, usvg};
    let pixmap = match logo.media_type {
        LogoType::Png => {
            // The header's size first: a tiny file can claim a huge image.
            let (w, h) = png_size(&logo.data).ok_or("the PNG logo's header cannot be read")?;
            if w == 0 || h == 0 || w > MAX_LOGO_SIDE || h > MAX_LOGO_SIDE {
                return Err(format!(
                    "the logo is {w}×{h} pixels; the largest is {MAX_LOGO_SIDE}×{MAX_LOGO_SIDE}"
                ));
            }
            tiny_skia::Pixmap::decode_png(&logo.data)
                .map_err(|e| format!("the PNG logo cannot be read: {e}"))?
        }
        LogoType::Svg => {
            let options = usvg::Options {
                fontdb: std::sync::Arc::new(super::fonts::font_database()),
                font_family: "DejaVu Sans".into(),
                ..Default::default()
            };
            let tree = usvg::Tree::from_data(&logo.data, &options)
                .map_err(|e| format!("the SVG logo cannot be read: {e}"))?;
            let size = tree.size();
            let scale = SVG_PIXELS / size.width().max(size.height());
            let (w, h) = (
                (size.width() * scale).ceil().max(1.0) as u32,
                (size.height() * scale).ceil().max(1.0) as u32,
            );
            let mut pixmap =
                tiny_skia::Pixmap::new(w, h).ok_or("the SVG logo has no size to draw")?;
            resvg::render(
                &tree,
                tiny_skia::Transform::from_scale(scale, scale),
                &mut pixmap.as_mut(),
            );
            pixmap
        }
    };
    if pixmap.pixels().iter().all(|p| p.alpha() == 0) {
        return Err(
            "the logo draws nothing (an SVG that only links to other files or runs a script?)"
                .into(),
        );
    }
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Ok(LogoPixels {
        width: pixmap.width(),
        height: pixmap.height(),
        rgba,
    })
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(data: &[u8]) -> Option<(u32, u32)> {
    let field = |at: usize| Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?));
    (data.get(12..16)? == b"IHDR").then_some(())?;
    Some((field(16)?, field(20)?))
}
