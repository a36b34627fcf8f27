//! Drawing on a PDF page with a top-left origin in points: the PDF side of `Surface`.

use super::fonts::{Fonts, Weight};
use super::surface::Surface;
use printpdf::{
    Codepoint, Color, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon,
    PolygonRing, Pt, Rect, Rgb, TextItem, WindingOrder, XObjectId, XObjectTransform,
};

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
    /// Cards' pictures already added to the document, by picture id (with their pixel size).
    pub(crate) pictures: std::collections::HashMap<crate::model::Id, (XObjectId, u32, u32)>,
}

impl Page {
    pub(crate) fn new(width: f32, height: f32) -> Self {
        Self {
            width,
            height,
            ops: Vec::new(),
            pictures: Default::default(),
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

    /// An image added to the document (`px_width` pixels wide) with its top-left corner at
    /// (`x`, `y`), `width` points wide; its height follows its proportions.
    pub(crate) fn image(
        &mut self,
        id: &XObjectId,
        px_width: u32,
        px_height: u32,
        x: f32,
        y: f32,
        width: f32,
    ) {
        let height = width * px_height as f32 / px_width.max(1) as f32;
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(self.height - y - height)),
                // At this density one pixel is width / px_width points.
                dpi: Some(px_width as f32 * 72.0 / width),
                ..Default::default()
            },
        });
    }

    /// Restricts drawing to a rectangle until the matching [`Page::end_clip`].
    pub(crate) fn clip(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(self.rect_op(x, y, w, h, PaintMode::Clip));
    }

    /// Restricts drawing to a polygon (a portrait's disc) until the matching
    /// [`Page::end_clip`].
    pub(crate) fn clip_polygon(&mut self, points: &[(f32, f32)]) {
        self.ops.push(Op::SaveGraphicsState);
        let points = self.path(points);
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Clip,
                winding_order: WindingOrder::NonZero,
            },
        });
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
    fn picture(&mut self, p: &crate::model::Picture, x: f32, y: f32, w: f32, h: f32) {
        let Some((id, pw, ph)) = self.pictures.get(&p.id).cloned() else {
            return;
        };
        let (fw, fh) = super::surface::fitted(p, w, h);
        self.image(&id, pw, ph, x + (w - fw) / 2.0, y + (h - fh) / 2.0, fw);
    }

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

    fn curve(&mut self, start: (f32, f32), pieces: &[[(f32, f32); 3]], color: &str, width: f32) {
        if pieces.is_empty() {
            return;
        }
        self.ops.push(Op::SetOutlineColor { col: rgb(color) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        // printpdf writes a cubic piece for two points flagged `bezier` followed by an end point.
        let mut points = vec![LinePoint {
            p: self.point(start.0, start.1),
            bezier: false,
        }];
        for piece in pieces {
            for (i, &(x, y)) in piece.iter().enumerate() {
                points.push(LinePoint {
                    p: self.point(x, y),
                    bezier: i < 2,
                });
            }
        }
        self.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
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
        if Fonts::complex(text) {
            // Visual order, shaped; each glyph carries its characters for copying and search,
            // and a TJ adjustment where the shaper moved it from its own width.
            for run in fonts.shape(text, weight) {
                let glyphs = run
                    .glyphs
                    .into_iter()
                    .map(|g| Codepoint {
                        gid: g.id,
                        offset: (g.natural - g.advance) * 1000.0,
                        cid: (!g.text.is_empty()).then_some(g.text),
                    })
                    .collect();
                self.ops.push(Op::SetFont {
                    font: PdfFontHandle::External(run.face.id.clone()),
                    size: Pt(size),
                });
                self.ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(glyphs)],
                });
            }
            self.ops.push(Op::EndTextSection);
            return;
        }
        let mut run = String::new();
        let mut run_face: Option<&FontId> = None;
        for c in text.chars().filter(|c| !super::fonts::ignorable(*c)) {
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
