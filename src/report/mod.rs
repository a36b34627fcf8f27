//! The PDF report managers print for corporate: cover, the journey maps as vector drawings,
//! moments of truth, the touchpoint table, a workshop room's results, the measures and the
//! redesign tracker. Pure: the project, the day and the creation time come in, PDF bytes go out.
//! No GUI, no clock.

mod comments;
mod cover;
mod maps;
mod measures;
mod opportunities;
mod personas;
mod proposal;
mod room;
mod tables;
mod tracker;

pub use crate::model::{Paper, Section};
pub use maps::{map_pages, MapPage};
pub use proposal::{proposal, write_proposal};

use crate::draw::{
    draw_map, Face, Fonts, MapLayout, Page, Surface, View, Weight, INK, LINE, MUTED,
};
use crate::model::{Project, Touchpoint};
use crate::workflow::{PhaseStatus, RedesignState};
use crate::{Error, Result};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use printpdf::{ParsedFont, PdfDocument, PdfPage, PdfSaveOptions};

/// What a person asks for in the Export PDF dialog or on the command line.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportRequest {
    pub paper: Paper,
    pub sections: Vec<Section>,
    /// The day redesign status is judged on.
    pub today: NaiveDate,
    /// Written into the document's metadata.
    pub author: String,
    /// The map whose figures the measures section shows; `None`: the as-is map (or the first).
    #[serde(default)]
    pub measures_map: Option<crate::model::Id>,
}

#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub paper: Paper,
    pub sections: Vec<Section>,
    /// The day redesign status is judged on.
    pub today: NaiveDate,
    /// Written into the document's metadata and printed on the cover.
    pub created: NaiveDateTime,
    pub author: String,
    /// The map whose figures the measures section shows; `None`: the as-is map (or the first).
    pub measures_map: Option<crate::model::Id>,
}

const MARGIN: f32 = 40.0;
/// The cover's band and the headings' rule when the project names no colour of its own.
const DEFAULT_ACCENT: &str = "#1e293b";
/// The logo's size in page headings (points; the wider side decides).
const HEADING_LOGO: (f32, f32) = (90.0, 26.0);
/// The distance between the lines of a page's subtitle.
const SUBTITLE_LINE: f32 = 11.5;

struct Report<'a> {
    project: &'a Project,
    opts: &'a ReportOptions,
    fonts: Fonts,
    /// The organisation's logo in the document, and its size in pixels.
    logo: Option<(printpdf::XObjectId, u32, u32)>,
    /// The organisation's colour, else Journeymap's.
    accent: &'a str,
    /// The cards' pictures in the document, by picture id, with their pixel size.
    pictures: std::collections::HashMap<crate::model::Id, (printpdf::XObjectId, u32, u32)>,
    pages: Vec<Page>,
    bookmarks: Vec<(String, usize)>,
}

/// Renders the report as PDF bytes.
pub fn render(project: &Project, opts: &ReportOptions) -> Result<Vec<u8>> {
    let (doc, mut report) = Report::begin(project, opts)?;
    let wants = |s: Section| opts.sections.contains(&s);
    if wants(Section::Personas) {
        report.personas();
    }
    if wants(Section::Map) {
        report.maps();
    }
    if wants(Section::MomentsOfTruth) {
        report.moments_of_truth();
    }
    if wants(Section::Touchpoints) {
        report.touchpoints();
    }
    if wants(Section::Room) {
        report.room();
    }
    if wants(Section::Measures) {
        report.measures();
    }
    if wants(Section::Opportunities) {
        report.opportunities();
    }
    if wants(Section::Redesigns) {
        report.redesigns();
    }
    if wants(Section::Comments) {
        report.comments();
    }
    if wants(Section::Cover) || report.pages.is_empty() {
        report.cover();
    }
    report.footers("Journeymap report");
    Ok(report.finish(doc, &project.info.name, "Customer journey report"))
}

/// Renders the report and writes it to `dest` atomically (temp file + rename). Returns the
/// number of bytes written.
pub fn write(project: &Project, opts: &ReportOptions, dest: &std::path::Path) -> Result<u64> {
    crate::storage::atomic::write_export(dest, &render(project, opts)?)
}

/// An embedded font parsed for printpdf, once per process: parsing the five fonts (4 MB of
/// CJK among them) took longer than drawing a 500-touchpoint report.
fn parsed_font(bytes: &'static [u8]) -> Option<ParsedFont> {
    type Cache = std::sync::Mutex<Vec<(usize, ParsedFont)>>;
    static CACHE: std::sync::OnceLock<Cache> = std::sync::OnceLock::new();
    let key = bytes.as_ptr() as usize;
    let cache = CACHE.get_or_init(Default::default);
    if let Some((_, font)) = cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .find(|(k, _)| *k == key)
    {
        return Some(font.clone());
    }
    let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((key, font.clone()));
    Some(font)
}

fn pdf_date(t: NaiveDateTime) -> printpdf::OffsetDateTime {
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::date::Date {
            year: t.year(),
            month: t.month() as u8,
            day: t.day() as u8,
        },
        printpdf::date::Time {
            hour: t.hour() as u8,
            minute: t.minute() as u8,
            second: t.second() as u8,
            millisecond: 0,
        },
        printpdf::date::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// A JPEG picture as the PDF keeps it: its own bytes under the DCT filter, neither decoded nor
/// encoded again (as raw pixels a 320×200 photo took 143 KB). Colour and greyscale JPEGs only;
/// others (CMYK) go the raw-pixel way.
fn jpeg_xobject(data: &[u8]) -> Option<(printpdf::ExternalXObject, u32, u32)> {
    use image::ImageDecoder;
    use printpdf::xobject::{DictItem, ExternalStream};
    if crate::model::PictureType::sniff(data) != Some(crate::model::PictureType::Jpeg) {
        return None;
    }
    let decoder = image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(data)).ok()?;
    let space: &[u8] = match decoder.color_type() {
        image::ColorType::Rgb8 => b"DeviceRGB",
        image::ColorType::L8 => b"DeviceGray",
        _ => return None,
    };
    let (w, h) = decoder.dimensions();
    let name = |n: &[u8]| DictItem::Name(n.to_vec());
    let dict = [
        ("Type", name(b"XObject")),
        ("Subtype", name(b"Image")),
        ("Width", DictItem::Int(i64::from(w))),
        ("Height", DictItem::Int(i64::from(h))),
        ("ColorSpace", name(space)),
        ("BitsPerComponent", DictItem::Int(8)),
        ("Filter", name(b"DCTDecode")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let stream = ExternalStream {
        dict,
        content: data.to_vec(),
        compress: false,
    };
    let xobject = printpdf::ExternalXObject {
        stream,
        width: Some(printpdf::Px(w as usize)),
        height: Some(printpdf::Px(h as usize)),
        dpi: None,
    };
    Some((xobject, w, h))
}

/// A picture added to the document, with its pixel size: JPEG as it is, anything else as raw
/// pixels. `None` when it cannot be decoded (a file edited by hand): left out, not fatal.
fn picture_xobject(doc: &mut PdfDocument, data: &[u8]) -> Option<(printpdf::XObjectId, u32, u32)> {
    if let Some((jpeg, w, h)) = jpeg_xobject(data) {
        return Some((doc.add_xobject(&jpeg), w, h));
    }
    let rgba = image::load_from_memory(data).ok()?.to_rgba8();
    let (w, h) = rgba.dimensions();
    let raw = printpdf::RawImage {
        pixels: printpdf::RawImageData::U8(rgba.into_raw()),
        width: w as usize,
        height: h as usize,
        data_format: printpdf::RawImageFormat::RGBA8,
        tag: Vec::new(),
    };
    Some((doc.add_image(&raw), w, h))
}

/// A circle as a polygon (the page draws polygons, not arcs).
fn disc(cx: f32, cy: f32, r: f32) -> Vec<(f32, f32)> {
    // Enough sides that a large disc (a portrait) does not show its corners.
    let sides = (r * 1.5).clamp(20.0, 72.0) as usize;
    (0..sides)
        .map(|i| {
            let a = i as f32 / sides as f32 * std::f32::consts::TAU;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect()
}

impl<'a> Report<'a> {
    /// A new document with the report fonts embedded, and an empty report to draw into it.
    fn begin(project: &'a Project, opts: &'a ReportOptions) -> Result<(PdfDocument, Self)> {
        let mut doc = PdfDocument::new(&project.info.name);
        let fonts = Fonts::embedded(|bytes, _| {
            let parsed = parsed_font(bytes)?;
            Face::new(bytes, doc.add_font(&parsed))
        })
        .ok_or_else(|| Error::InvalidInput("an embedded report font cannot be read".into()))?;
        // A logo that cannot be drawn (a file edited by hand) is left out, not fatal.
        let logo = project
            .info
            .logo
            .as_ref()
            .and_then(|l| crate::draw::logo_pixels(l).ok())
            .map(|px| {
                let image = printpdf::RawImage {
                    pixels: printpdf::RawImageData::U8(px.rgba),
                    width: px.width as usize,
                    height: px.height as usize,
                    data_format: printpdf::RawImageFormat::RGBA8,
                    tag: Vec::new(),
                };
                (doc.add_image(&image), px.width, px.height)
            });
        // Pictures that cannot be decoded (a file edited by hand) are left out, not fatal.
        let pictures = project
            .pictures
            .iter()
            .map(|p| (p.id, &p.data))
            // Personas' portraits too, by the persona's id (ids are unique across records).
            .chain(
                project
                    .personas
                    .iter()
                    .filter_map(|x| Some((x.id, &x.picture.as_ref()?.data))),
            )
            .filter_map(|(id, data)| Some((id, picture_xobject(&mut doc, data)?)))
            .collect();
        let accent = match project.info.accent.as_str() {
            "" => DEFAULT_ACCENT,
            a => a,
        };
        let report = Report {
            project,
            opts,
            fonts,
            logo,
            accent,
            pictures,
            pages: Vec::new(),
            bookmarks: Vec::new(),
        };
        Ok((doc, report))
    }

    /// The finished PDF: metadata, bookmarks and pages.
    fn finish(self, mut doc: PdfDocument, title: &str, subject: &str) -> Vec<u8> {
        let info = &mut doc.metadata.info;
        info.document_title = title.to_owned();
        info.author = self.opts.author.clone();
        info.creator = "Journeymap".into();
        info.producer = "Journeymap (printpdf)".into();
        info.subject = subject.into();
        let created = pdf_date(self.opts.created);
        info.creation_date = created;
        info.modification_date = created;
        info.metadata_date = created;
        for (name, page) in &self.bookmarks {
            doc.add_bookmark(name, page + 1);
        }
        let pages = self
            .pages
            .into_iter()
            .map(|p| {
                PdfPage::new(
                    printpdf::Mm(p.width * 25.4 / 72.0),
                    printpdf::Mm(p.height * 25.4 / 72.0),
                    p.ops,
                )
            })
            .collect();
        doc.with_pages(pages);
        let mut save_warnings = Vec::new();
        doc.save(&PdfSaveOptions::default(), &mut save_warnings)
    }
}

impl Report<'_> {
    fn portrait(&self) -> Page {
        let (w, h) = self.opts.paper.size();
        Page::new(w, h)
    }

    fn landscape(&self) -> Page {
        let (w, h) = self.opts.paper.size();
        Page::new(h, w)
    }

    /// The page's title and its subtitle, wrapped (never cut) over as many lines as it needs,
    /// each `\n` starting a new line; returns where the page's content starts.
    fn heading(&self, page: &mut Page, title: &str, subtitle: &str) -> f32 {
        // The organisation's logo at the right of every heading, the title beside it.
        let mut room = page.width - 2.0 * MARGIN;
        if let Some(w) = self.logo_at(page, page.width - MARGIN, MARGIN - 2.0, HEADING_LOGO) {
            room -= w + 12.0;
        }
        // A long title is set smaller to fit the line, down to 14 pt, then wraps onto a second
        // line (and only a title longer than two lines is shortened).
        let size =
            (0.98 * 18.0 * room / self.fonts.width(title, 18.0, Weight::Bold)).clamp(14.0, 18.0);
        let title_lines = self.fonts.wrap(title, room, size, Weight::Bold, 2);
        for (i, line) in title_lines.iter().enumerate() {
            page.text(
                &self.fonts,
                MARGIN,
                MARGIN + 16.0 + i as f32 * (size + 3.0),
                size,
                Weight::Bold,
                INK,
                line,
            );
        }
        let below = (title_lines.len().max(1) - 1) as f32 * (size + 3.0);
        let lines: Vec<String> = subtitle
            .lines()
            .filter(|l| !l.is_empty())
            .flat_map(|l| {
                self.fonts.wrap(
                    l,
                    page.width - 2.0 * MARGIN,
                    9.5,
                    Weight::Regular,
                    usize::MAX,
                )
            })
            .collect();
        for (i, line) in lines.iter().enumerate() {
            page.text(
                &self.fonts,
                MARGIN,
                MARGIN + 31.0 + below + i as f32 * SUBTITLE_LINE,
                9.5,
                Weight::Regular,
                MUTED,
                line,
            );
        }
        let rule = MARGIN + 38.0 + below + lines.len().saturating_sub(1) as f32 * SUBTITLE_LINE;
        let (color, width) = if self.accent == DEFAULT_ACCENT {
            (LINE, 0.8)
        } else {
            (self.accent, 1.6)
        };
        page.line(&[(MARGIN, rule), (page.width - MARGIN, rule)], color, width);
        rule + 14.0
    }

    /// Draws the logo, if any, right-aligned at `right` with its top at `top`, fitting `box_`
    /// (width, height); returns the width it took.
    fn logo_at(&self, page: &mut Page, right: f32, top: f32, box_: (f32, f32)) -> Option<f32> {
        let (id, px_w, px_h) = self.logo.as_ref()?;
        let width = box_.0.min(box_.1 * *px_w as f32 / (*px_h).max(1) as f32);
        page.image(id, *px_w, *px_h, right - width, top, width);
        Some(width)
    }

    fn footers(&mut self, kind: &str) {
        let total = self.pages.len();
        let name = self.project.info.name.clone();
        for (i, page) in self.pages.iter_mut().enumerate() {
            let y = page.height - MARGIN / 2.0;
            page.line(
                &[(MARGIN, y - 12.0), (page.width - MARGIN, y - 12.0)],
                LINE,
                0.5,
            );
            let left = self.fonts.ellipsize(
                // The date first, so a long name is what gets shortened.
                &format!(
                    "{} · {kind} · {}{name}",
                    self.opts.created.format("%Y-%m-%d"),
                    match self.project.info.organisation_before_name() {
                        None => String::new(),
                        Some(o) => format!("{o} · "),
                    },
                ),
                page.width * 0.6,
                7.5,
                Weight::Regular,
            );
            page.text(&self.fonts, MARGIN, y, 7.5, Weight::Regular, MUTED, &left);
            page.text_right(
                &self.fonts,
                page.width - MARGIN,
                y,
                7.5,
                Weight::Regular,
                MUTED,
                &format!("Page {} of {total}", i + 1),
            );
        }
    }
}

/// Canvas units → page points for one map part.
struct Cell {
    text: String,
    weight: Weight,
    color: &'static str,
    /// The most lines it is wrapped to; what does not fit ends in "…".
    lines: usize,
}

/// The lines a table cell is wrapped to at most, so one long description cannot fill a page.
const CELL_LINES: usize = 4;

impl Cell {
    fn text(s: &str) -> Self {
        Self {
            text: s.to_owned(),
            weight: Weight::Regular,
            color: INK,
            lines: CELL_LINES,
        }
    }

    /// Text that must be read whole, however many lines it takes (corporate's conditions).
    fn whole(s: &str) -> Self {
        Self {
            lines: 40,
            ..Self::text(s)
        }
    }

    fn bold(s: &str) -> Self {
        Self {
            weight: Weight::Bold,
            ..Self::text(s)
        }
    }

    fn colored(s: &str, color: &'static str) -> Self {
        Self {
            color,
            ..Self::text(s)
        }
    }
}

/// "1 stage", "6 stages": a number with its noun, singular for one.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_of_a_thing_reads_in_the_singular() {
        assert_eq!(
            super::count(1, "moment of truth", "moments of truth"),
            "1 moment of truth"
        );
        assert_eq!(super::count(0, "stage", "stages"), "0 stages");
        assert_eq!(super::count(12, "stage", "stages"), "12 stages");
    }
}
