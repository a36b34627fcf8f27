//! The personas page: who the journeys are drawn for — each persona's portrait (or initials),
//! their situation and their own words, what they want, need and run into, and which maps follow
//! them. Corporate reads the maps through these people.

use super::*;
use crate::model::{Persona, Picture};

/// The portrait's diameter, in points.
const PORTRAIT: f32 = 64.0;
/// Text size of a persona's fields.
const SIZE: f32 = 8.5;

/// One line of a persona's block: its text, size, weight, colour and the space above it.
struct Line {
    text: String,
    size: f32,
    weight: Weight,
    color: &'static str,
    above: f32,
}

impl Report<'_> {
    pub(super) fn personas(&mut self) {
        let p = self.project;
        let mut list: Vec<&Persona> = p.personas.iter().collect();
        if list.is_empty() {
            return;
        }
        list.sort_by_key(|x| (x.position, x.id));
        let title = "Personas";
        let subtitle = format!(
            "{} · who the journeys are drawn for, in their own words",
            if list.len() == 1 {
                "1 persona".to_owned()
            } else {
                format!("{} personas", list.len())
            }
        );
        let mut page = self.portrait();
        page.pictures = self.pictures.clone();
        let top = self.heading(&mut page, title, &subtitle);
        let mut y = top;
        self.bookmarks.push((title.to_owned(), self.pages.len()));
        let text_x = MARGIN + PORTRAIT + 14.0;
        let text_w = page.width - MARGIN - text_x;
        let bottom = page.height - MARGIN - 20.0;
        for persona in list {
            let lines = self.persona_lines(persona, text_w);
            let height = lines
                .iter()
                .map(|l| l.above + l.size * 1.3)
                .sum::<f32>()
                .max(PORTRAIT)
                + 16.0;
            if y + height > bottom && y > top {
                let next = self.portrait();
                self.pages.push(std::mem::replace(&mut page, next));
                page.pictures = self.pictures.clone();
                y = self.heading(&mut page, &format!("{title} (continued)"), &subtitle);
            }
            self.portrait_at(&mut page, persona, MARGIN, y);
            let mut at = y;
            for l in &lines {
                at += l.above + l.size * 1.3;
                page.text(
                    &self.fonts,
                    text_x,
                    at - 0.3 * l.size,
                    l.size,
                    l.weight,
                    l.color,
                    &l.text,
                );
            }
            y += height;
            page.line(
                &[(MARGIN, y - 8.0), (page.width - MARGIN, y - 8.0)],
                LINE,
                0.5,
            );
        }
        self.pages.push(page);
    }

    /// The persona's portrait, or their initials on a disc, with its top-left corner at (x, y).
    fn portrait_at(&self, page: &mut Page, persona: &Persona, x: f32, y: f32) {
        if let Some(pic) = &persona.picture {
            if page.pictures.contains_key(&persona.id) {
                let placed = Picture {
                    id: persona.id,
                    map_id: persona.id,
                    touchpoint_id: persona.id,
                    media_type: pic.media_type,
                    width: pic.width,
                    height: pic.height,
                    data: Vec::new(),
                };
                // Round, as on screen: the picture fills the disc (cropped, not fitted).
                let r = PORTRAIT / 2.0;
                let scale = PORTRAIT / pic.width.min(pic.height).max(1) as f32;
                let (w, h) = (pic.width as f32 * scale, pic.height as f32 * scale);
                page.clip_polygon(&disc(x + r, y + r, r));
                page.picture(&placed, x + r - w / 2.0, y + r - h / 2.0, w, h);
                page.end_clip();
                return;
            }
        }
        let r = PORTRAIT / 2.0;
        page.polygon(&disc(x + r, y + r, r), "#334155");
        let initials = persona.initials();
        let size = 20.0;
        let w = self.fonts.width(&initials, size, Weight::Bold);
        page.text(
            &self.fonts,
            x + r - w / 2.0,
            y + r + size * 0.35,
            size,
            Weight::Bold,
            "#ffffff",
            &initials,
        );
    }

    /// What is printed beside the portrait, wrapped to `width`: name, context, quote, goals,
    /// needs, pains, notes and the maps that follow them (empty fields left out).
    fn persona_lines(&self, persona: &Persona, width: f32) -> Vec<Line> {
        let p = self.project;
        let mut out = vec![Line {
            text: persona.name.clone(),
            size: 12.0,
            weight: Weight::Bold,
            color: INK,
            above: 0.0,
        }];
        let mut para = |text: &str, label: Option<&str>, color: &'static str, above: f32| {
            let text = text.trim();
            if text.is_empty() {
                return;
            }
            let text = match label {
                Some(l) => format!("{l}: {text}"),
                None => text.to_owned(),
            };
            for (i, line) in self
                .fonts
                .wrap(&text, width, SIZE, Weight::Regular, 12)
                .into_iter()
                .enumerate()
            {
                out.push(Line {
                    text: line,
                    size: SIZE,
                    weight: Weight::Regular,
                    color,
                    above: if i == 0 { above } else { 0.0 },
                });
            }
        };
        para(&persona.context, None, MUTED, 2.0);
        // Their words, in quotation marks if they were typed without (there is no italic).
        let quote = persona.quote.trim();
        let quoted = ['“', '"', '«', '„', '\''];
        if !quote.is_empty() && !quote.starts_with(quoted) {
            para(&format!("“{quote}”"), None, INK, 4.0);
        } else {
            para(quote, None, INK, 4.0);
        }
        para(&persona.goals, Some("Goals"), INK, 4.0);
        para(&persona.needs, Some("Needs"), INK, 2.0);
        para(&persona.pains, Some("Pains"), INK, 2.0);
        para(&persona.description, Some("Notes"), INK, 2.0);
        let maps: Vec<String> = p
            .maps
            .iter()
            .filter_map(|m| {
                if m.persona_id == Some(persona.id) {
                    Some(format!("{} (whose journey it is)", m.name))
                } else if m.other_personas.contains(&persona.id) {
                    Some(format!("{} (an emotion line)", m.name))
                } else {
                    None
                }
            })
            .collect();
        if maps.is_empty() {
            para("Not on any map yet", None, MUTED, 4.0);
        } else {
            para(&maps.join("; "), Some("Maps"), MUTED, 4.0);
        }
        out
    }
}
