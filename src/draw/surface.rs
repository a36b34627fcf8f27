//! What the journey-map drawing needs from a target: rectangles, lines, filled polygons and text
//! with a top-left origin. The PDF page and the SVG document both implement it, so the map in
//! the report, the SVG and the PNG come from one drawing routine and never disagree.

use super::fonts::{Fonts, Weight};
use crate::model::Picture;
use std::fmt::Write;

pub(crate) trait Surface {
    #[allow(clippy::too_many_arguments)]
    fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<&str>,
        stroke: Option<(&str, f32)>,
    );
    fn line(&mut self, points: &[(f32, f32)], color: &str, width: f32);
    fn polygon(&mut self, points: &[(f32, f32)], fill: &str);
    /// A smooth stroked curve from `start` through cubic pieces (control, control, end).
    fn curve(&mut self, start: (f32, f32), pieces: &[[(f32, f32); 3]], color: &str, width: f32);
    /// One line of text with its baseline at `y`.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        fonts: &Fonts,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: &str,
        text: &str,
    );
    /// Groups what follows under a name (a card's full title, searchable even when the drawn
    /// title is cut short); the PDF has no use for it.
    fn begin_group(&mut self, _name: &str) {}
    fn end_group(&mut self) {}
    /// A card's picture, fitted (whole, centred) into the box at (`x`, `y`), `w` × `h`.
    fn picture(&mut self, _picture: &Picture, _x: f32, _y: f32, _w: f32, _h: f32) {}
    /// Right-aligned text ending at `right`.
    #[allow(clippy::too_many_arguments)]
    fn text_right(
        &mut self,
        fonts: &Fonts,
        right: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: &str,
        text: &str,
    ) {
        let w = fonts.width(text, size, weight);
        self.text(fonts, right - w, y, size, weight, color, text);
    }
}

/// An SVG document being drawn. Text stays text (searchable, selectable); numbers are written
/// with two decimals so the same map always gives the same bytes.
pub(crate) struct SvgSurface {
    body: String,
}

/// The font stack the SVG names: the fonts the PDF embeds, then whatever the viewer has.
pub(crate) const SVG_FONTS: &str =
    "'DejaVu Sans', 'Droid Sans Fallback', 'NanumSquare', 'Symbola', 'Noto Sans CJK JP', sans-serif";

fn n(v: f32) -> String {
    let v = (v * 100.0).round() / 100.0;
    if v == v.trunc() {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

pub(crate) use crate::text::xml_escape as escape;

fn points(pts: &[(f32, f32)]) -> String {
    pts.iter()
        .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

impl SvgSurface {
    pub(crate) fn new() -> Self {
        SvgSurface {
            body: String::new(),
        }
    }

    /// The finished document, `width` × `height` user units (points) with a title for viewers.
    pub(crate) fn finish(self, width: f32, height: f32, title: &str) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{SVG_FONTS}\">\n<title>{}</title>\n<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
            escape(title),
            w = n(width),
            h = n(height),
        );
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }
}

impl Surface for SvgSurface {
    fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<&str>,
        stroke: Option<(&str, f32)>,
    ) {
        let _ = write!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"",
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0)),
            escape(fill.unwrap_or("none"))
        );
        if let Some((color, width)) = stroke {
            let _ = write!(
                self.body,
                " stroke=\"{}\" stroke-width=\"{}\"",
                escape(color),
                n(width)
            );
        }
        self.body.push_str("/>\n");
    }

    fn line(&mut self, pts: &[(f32, f32)], color: &str, width: f32) {
        if pts.len() < 2 {
            return;
        }
        let _ = writeln!(
            self.body,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"/>",
            points(pts),
            escape(color),
            n(width)
        );
    }

    fn curve(&mut self, start: (f32, f32), pieces: &[[(f32, f32); 3]], color: &str, width: f32) {
        if pieces.is_empty() {
            return;
        }
        let mut d = format!("M{},{}", n(start.0), n(start.1));
        for [c1, c2, to] in pieces {
            let _ = write!(
                d,
                " C{},{} {},{} {},{}",
                n(c1.0),
                n(c1.1),
                n(c2.0),
                n(c2.1),
                n(to.0),
                n(to.1)
            );
        }
        let _ = writeln!(
            self.body,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"round\"/>",
            escape(color),
            n(width)
        );
    }

    fn picture(&mut self, p: &Picture, x: f32, y: f32, w: f32, h: f32) {
        use base64::Engine;
        let (fw, fh) = fitted(p, w, h);
        let _ = writeln!(
            self.body,
            "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" href=\"data:{};base64,{}\"/>",
            n(x + (w - fw) / 2.0),
            n(y + (h - fh) / 2.0),
            n(fw),
            n(fh),
            p.media_type.as_str(),
            base64::engine::general_purpose::STANDARD.encode(&p.data)
        );
    }

    fn begin_group(&mut self, name: &str) {
        let _ = writeln!(self.body, "<g><title>{}</title>", escape(name));
    }

    fn end_group(&mut self) {
        self.body.push_str("</g>\n");
    }

    fn polygon(&mut self, pts: &[(f32, f32)], fill: &str) {
        let _ = writeln!(
            self.body,
            "<polygon points=\"{}\" fill=\"{}\"/>",
            points(pts),
            escape(fill)
        );
    }

    fn text(
        &mut self,
        _fonts: &Fonts,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: &str,
        text: &str,
    ) {
        if text.is_empty() {
            return;
        }
        let bold = if weight == Weight::Bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let _ = writeln!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{bold} fill=\"{}\">{}</text>",
            n(x),
            n(y),
            n(size),
            escape(color),
            escape(text)
        );
    }
}

/// The size a picture takes inside a `w` × `h` box, whole and in proportion.
pub(crate) fn fitted(p: &Picture, w: f32, h: f32) -> (f32, f32) {
    let (pw, ph) = (p.width.max(1) as f32, p.height.max(1) as f32);
    let k = (w / pw).min(h / ph);
    (pw * k, ph * k)
}
