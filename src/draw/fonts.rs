//! Text set with the embedded fonts: measured with ttf-parser, wrapped and ellipsized here
//! (printpdf does no layout), falling back per character to fonts for CJK, Hangul and emoji when
//! the Latin font lacks a glyph. Right-to-left and joined scripts (Hebrew, Arabic) are put in
//! visual order with the Unicode bidi algorithm and shaped with rustybuzz before their glyphs
//! are placed. Every output (PDF, SVG, PNG) measures text the same way.

use printpdf::FontId;

/// Embedded fonts (subset on save): DejaVu Sans for Latin, Greek, Cyrillic, Hebrew and Arabic;
/// Droid Sans Fallback for Chinese and Japanese; NanumSquare for Korean; a subset of Symbola
/// for emoji and symbols (monochrome).
pub(crate) static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(crate) static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
pub(crate) static CJK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");
pub(crate) static HANGUL: &[u8] = include_bytes!("../../assets/fonts/NanumSquareR.ttf");
pub(crate) static SYMBOLS: &[u8] = include_bytes!("../../assets/fonts/Symbola-emoji.ttf");

/// The fonts a character falls back to, in order, when the regular or bold face lacks it.
pub(crate) static FALLBACKS: [&[u8]; 3] = [CJK, HANGUL, SYMBOLS];

/// The embedded fonts for resvg, which draws the PNG export and SVG logos: text in them comes
/// out the same on every machine.
pub(crate) fn font_database() -> resvg::usvg::fontdb::Database {
    let mut db = resvg::usvg::fontdb::Database::new();
    for font in [REGULAR, BOLD].into_iter().chain(FALLBACKS) {
        db.load_font_data(font.to_vec());
    }
    db
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

pub(crate) struct Face {
    face: rustybuzz::Face<'static>,
    pub(crate) id: FontId,
    units: f32,
}

impl Face {
    pub(crate) fn new(bytes: &'static [u8], id: FontId) -> Option<Self> {
        let face = rustybuzz::Face::from_slice(bytes, 0)?;
        let units = face.units_per_em() as f32;
        Some(Self { face, id, units })
    }

    fn has(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    fn advance(&self, c: char) -> f32 {
        let glyph = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        self.glyph_advance(glyph.0)
    }

    /// A glyph's own advance, in ems.
    fn glyph_advance(&self, glyph: u16) -> f32 {
        f32::from(
            self.face
                .glyph_hor_advance(ttf_parser::GlyphId(glyph))
                .unwrap_or(0),
        ) / self.units
    }
}

/// One glyph placed by the shaper.
pub(crate) struct Glyph {
    pub(crate) id: u16,
    /// Where the next glyph starts, in ems.
    pub(crate) advance: f32,
    /// The glyph's own advance in the font, in ems (the PDF's widths table).
    pub(crate) natural: f32,
    /// The characters it stands for (what copying the text gives back); empty for the second
    /// and later glyphs of one cluster.
    pub(crate) text: String,
}

/// Glyphs in one face, in visual (left-to-right) order.
pub(crate) struct GlyphRun<'a> {
    pub(crate) face: &'a Face,
    pub(crate) glyphs: Vec<Glyph>,
}

/// Zero-width characters no embedded font draws (variation selectors, joiners): skipped rather
/// than printed as boxes.
pub(crate) fn ignorable(c: char) -> bool {
    matches!(c as u32, 0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF)
}

pub(crate) struct Fonts {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
    /// See [`FALLBACKS`], in that order.
    pub(crate) fallbacks: Vec<Face>,
}

impl Fonts {
    /// The embedded fonts, each made into a face by `face` (which registers it with a PDF).
    pub(crate) fn embedded(
        mut face: impl FnMut(&'static [u8], &str) -> Option<Face>,
    ) -> Option<Fonts> {
        Some(Fonts {
            regular: face(REGULAR, "regular")?,
            bold: face(BOLD, "bold")?,
            fallbacks: FALLBACKS
                .iter()
                .enumerate()
                .map(|(i, bytes)| face(bytes, &format!("fallback{i}")))
                .collect::<Option<_>>()?,
        })
    }

    /// The embedded fonts for measuring only (SVG and PNG exports embed no PDF font).
    pub(crate) fn measuring() -> Option<Fonts> {
        Self::embedded(|bytes, name| Face::new(bytes, FontId(name.to_owned())))
    }

    /// The face that draws `c`: the regular or bold one, else the first fallback that has it.
    pub(crate) fn face(&self, weight: Weight, c: char) -> &Face {
        let main = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        if main.has(c) {
            return main;
        }
        self.fallbacks.iter().find(|f| f.has(c)).unwrap_or(main)
    }

    /// Whether `text` needs the bidi algorithm and shaping: it has right-to-left characters
    /// (Hebrew, Arabic). Everything else is drawn character by character.
    pub(crate) fn complex(text: &str) -> bool {
        use unicode_bidi::BidiClass::{AL, AN, R};
        // Every right-to-left character lies in these blocks; most text never gets near them.
        let may_be_rtl = |c: char| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF);
        !text.is_ascii()
            && text
                .chars()
                .any(|c| may_be_rtl(c) && matches!(unicode_bidi::bidi_class(c), R | AL | AN))
    }

    /// `text` as runs of shaped glyphs in visual order (for [`Fonts::complex`] text).
    pub(crate) fn shape(&self, text: &str, weight: Weight) -> Vec<GlyphRun<'_>> {
        let bidi = unicode_bidi::BidiInfo::new(text, None);
        let mut runs = Vec::new();
        for para in &bidi.paragraphs {
            let (levels, visual) = bidi.visual_runs(para, para.range.clone());
            for range in visual {
                let rtl = levels[range.start].is_rtl();
                // Split by face in logical order; a right-to-left run lists its pieces backwards.
                let mut pieces: Vec<(std::ops::Range<usize>, &Face)> = Vec::new();
                for (i, c) in text[range.clone()].char_indices() {
                    let at = range.start + i;
                    if ignorable(c) {
                        continue;
                    }
                    let face = self.face(weight, c);
                    match pieces.last_mut() {
                        Some((r, f)) if std::ptr::eq(*f, face) && r.end == at => {
                            r.end = at + c.len_utf8()
                        }
                        _ => pieces.push((at..at + c.len_utf8(), face)),
                    }
                }
                if rtl {
                    pieces.reverse();
                }
                for (r, face) in pieces {
                    runs.push(shape_piece(face, &text[r], rtl));
                }
            }
        }
        runs
    }

    /// Width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        if Self::complex(text) {
            return self
                .shape(text, weight)
                .iter()
                .flat_map(|r| &r.glyphs)
                .map(|g| g.advance)
                .sum::<f32>()
                * size;
        }
        text.chars()
            .filter(|c| !ignorable(*c))
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
        if Self::complex(text) {
            // Joined letters change width with their neighbours: measure each prefix whole.
            let cut = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .take_while(|&i| self.width(&text[..i], size, weight) <= budget)
                .last()
                .unwrap_or(0);
            return format!("{}…", text[..cut].trim_end());
        }
        let mut used = 0.0;
        let mut out = String::new();
        for c in text.chars().filter(|c| !ignorable(*c)) {
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

/// One piece of text in one face and direction, shaped.
fn shape_piece<'a>(face: &'a Face, text: &str, rtl: bool) -> GlyphRun<'a> {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    let shaped = rustybuzz::shape(&face.face, &[], buffer);
    // A cluster's text runs from its start to the next cluster's start in logical order.
    let mut starts: Vec<usize> = shaped
        .glyph_infos()
        .iter()
        .map(|g| g.cluster as usize)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let mut seen = std::collections::HashSet::new();
    let glyphs = shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, pos)| {
            let start = info.cluster as usize;
            let end = starts
                .iter()
                .find(|&&s| s > start)
                .copied()
                .unwrap_or(text.len());
            let id = u16::try_from(info.glyph_id).unwrap_or(0);
            Glyph {
                id,
                advance: pos.x_advance as f32 / face.units,
                natural: face.glyph_advance(id),
                text: if seen.insert(start) {
                    text.get(start..end).unwrap_or("").to_owned()
                } else {
                    String::new()
                },
            }
        })
        .collect();
    GlyphRun { face, glyphs }
}
