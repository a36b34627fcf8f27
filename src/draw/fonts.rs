//! Text set with the embedded fonts: measured with ttf-parser, wrapped and ellipsized here
//! (printpdf does no layout), falling back per character to a CJK font for glyphs the Latin
//! font lacks. Every output (PDF, SVG, PNG) measures text the same way.

use printpdf::FontId;

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

    pub(crate) fn face(&self, weight: Weight, c: char) -> &Face {
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
