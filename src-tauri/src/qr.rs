//! The room's join address as a QR code, drawn as SVG for the room panel: large, dark on light,
//! with the quiet zone scanners need.

use journeymap::Error;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

pub fn svg(text: &str) -> Result<String, Error> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| Error::InvalidInput(format!("cannot make a QR code of {text:?}: {e}")))?;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .dark_color(svg::Color("#0f172a"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_join_address_becomes_an_svg_code() {
        let svg = super::svg("http://192.168.1.20:41234/").unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.contains("#0f172a"));
    }
}
