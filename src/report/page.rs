//! Drawing on a PDF page with a top-left origin in points, and text set with embedded fonts:
//! measured with ttf-parser, wrapped and ellipsized here (printpdf does no layout), and falling
//! back per character to a CJK font for glyphs the Latin font lacks.

use super::surface::Surface;
use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt,
    Rect, Rgb, TextItem, WindingOrder,
};

/// Embedded fonts (subset on save): DejaVu Sans for Latin, Greek and Cyrillic, Droid Sans
/// Fallback for CJK.
pub(crate) static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(crate) static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
pub(crate) static CJK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

pub(crate) struct Face {
    face: ttf_parser::Face<'static>,
    pub(crate) id: FontId,
    units: f32,
}

impl Face {
    pub(crate) fn new(bytes: &'static [u8], id: FontId) -> Option<Self> {
        let face = ttf_parser::Face::parse(bytes, 0).ok()?;
        let units = f32::from(face.units_per_em());
        Some(Self { face, id, units })
    }

    fn has(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    fn advance(&self, c: char) -> f32 {
        let glyph = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0)) / self.units
    }
}

pub(crate) struct Fonts {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
    pub(crate) cjk: Face,
}

impl Fonts {
    /// The embedded fonts for measuring only (SVG and PNG exports embed no PDF font).
    pub(crate) fn measuring() -> Option<Fonts> {
        let face = |bytes: &'static [u8], name: &str| Face::new(bytes, FontId(name.to_owned()));
        Some(Fonts {
            regular: face(REGULAR, "regular")?,
            bold: face(BOLD, "bold")?,
            cjk: face(CJK, "cjk")?,
        })
    }

    fn face(&self, weight: Weight, c: char) -> &Face {
        let main = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        if main.has(c) || !self.cjk.has(c) {
            main
        } else {
            &self.cjk
        }
    }

    /// Width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        text.chars()
            .map(|c| self.face(weight, c).advance(c))
            .sum::<f32>()
            * size
    }

    /// `text` cut to fit `width`, ending in "…" when cut.
    pub(crate) fn ellipsize(&self, text: &str, width: f32, size: f32, weight: Weight) -> String {
        if self.width(text, size, weight) <= width {
            return text.to_owned();
        }
        let budget = width - self.width("…", size, weight);
        let mut used = 0.0;
        let mut out = String::new();
        for c in text.chars() {
            used += self.face(weight, c).advance(c) * size;
            if used > budget {
                break;
            }
            out.push(c);
        }
        format!("{}…", out.trim_end())
    }

    /// Greedy word wrap into at most `max_lines` lines of `width`; the last line ends in "…"
    /// when text is left over. Words wider than a line are cut by character (CJK has no spaces).
    pub(crate) fn wrap(
        &self,
        text: &str,
        width: f32,
        size: f32,
        weight: Weight,
        max_lines: usize,
    ) -> Vec<String> {
        let mut atoms: Vec<String> = Vec::new();
        for word in text.split_whitespace() {
            if self.width(word, size, weight) <= width {
                atoms.push(word.to_owned());
                continue;
            }
            let mut piece = String::new();
            for c in word.chars() {
                let longer = format!("{piece}{c}");
                if !piece.is_empty() && self.width(&longer, size, weight) > width {
                    atoms.push(std::mem::take(&mut piece));
                }
                piece.push(c);
            }
            if !piece.is_empty() {
                atoms.push(piece);
            }
        }
        let max_lines = max_lines.max(1);
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        let mut used = 0;
        for atom in &atoms {
            let candidate = if line.is_empty() {
                atom.clone()
            } else {
                format!("{line} {atom}")
            };
            if line.is_empty() || self.width(&candidate, size, weight) <= width {
                line = candidate;
                used += 1;
                continue;
            }
            if lines.len() + 1 == max_lines {
                break;
            }
            lines.push(std::mem::replace(&mut line, atom.clone()));
            used += 1;
        }
        if !line.is_empty() {
            if used < atoms.len() {
                line = self.ellipsize(&format!("{line} {}", atoms[used]), width, size, weight);
                if !line.ends_with('…') {
                    line = self.ellipsize(&format!("{line}……"), width, size, weight);
                }
            }
            lines.push(line);
        }
        lines
    }
}

pub(crate) fn rgb(hex: &str) -> Color {
    let h = hex.trim_start_matches('#');
    let part = |i: usize| {
        u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f32 / 255.0
    };
    Color::Rgb(Rgb {
        r: part(0),
        g: part(2),
        b: part(4),
        icc_profile: None,
    })
}

/// One page's drawing operations, in points with the origin at the top left.
pub(crate) struct Page {
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) ops: Vec<Op>,
}

impl Page {
    pub(crate) fn new(width: f32, height: f32) -> Self {
        Self {
            width,
            height,
            ops: Vec::new(),
        }
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt(x),
            y: Pt(self.height - y),
        }
    }

    /// A rectangle given by its top-left corner, in PDF's bottom-left coordinates.
    fn rect_op(&self, x: f32, y: f32, w: f32, h: f32, mode: PaintMode) -> Op {
        Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.height - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(mode),
                winding_order: Some(WindingOrder::NonZero),
            },
        }
    }

    /// Restricts drawing to a rectangle until the matching [`Page::end_clip`].
    pub(crate) fn clip(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(self.rect_op(x, y, w, h, PaintMode::Clip));
    }

    pub(crate) fn end_clip(&mut self) {
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// Straight-segment path points from top-left page coordinates.
    fn path(&self, points: &[(f32, f32)]) -> Vec<LinePoint> {
        points
            .iter()
            .map(|&(x, y)| LinePoint {
                p: self.point(x, y),
                bezier: false,
            })
            .collect()
    }

    fn show(&mut self, face: &FontId, size: f32, run: String) {
        self.ops.push(Op::SetFont {
            font: PdfFontHandle::External(face.clone()),
            size: Pt(size),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(run)],
        });
    }
}

impl Surface for Page {
    fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<&str>,
        stroke: Option<(&str, f32)>,
    ) {
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, Some(_)) => PaintMode::Stroke,
            (None, None) => return,
        };
        if let Some(f) = fill {
            self.ops.push(Op::SetFillColor { col: rgb(f) });
        }
        if let Some((s, width)) = stroke {
            self.ops.push(Op::SetOutlineColor { col: rgb(s) });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
        self.ops.push(self.rect_op(x, y, w, h, mode));
    }

    fn line(&mut self, points: &[(f32, f32)], color: &str, width: f32) {
        if points.len() < 2 {
            return;
        }
        self.ops.push(Op::SetOutlineColor { col: rgb(color) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        let points = self.path(points);
        self.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
            },
        });
    }

    fn polygon(&mut self, points: &[(f32, f32)], fill: &str) {
        self.ops.push(Op::SetFillColor { col: rgb(fill) });
        let points = self.path(points);
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// Draws one line of text with its baseline at `y`, switching fonts per character as needed.
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
    ) {
        if text.is_empty() {
            return;
        }
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFillColor { col: rgb(color) });
        self.ops.push(Op::SetTextCursor {
            pos: self.point(x, y),
        });
        let mut run = String::new();
        let mut run_face: Option<&FontId> = None;
        for c in text.chars() {
            let face = &fonts.face(weight, c).id;
            if run_face != Some(face) && !run.is_empty() {
                self.show(run_face.unwrap_or(face), size, std::mem::take(&mut run));
            }
            run_face = Some(face);
            run.push(c);
        }
        if let Some(face) = run_face {
            self.show(face, size, run);
        }
        self.ops.push(Op::EndTextSection);
    }
}
