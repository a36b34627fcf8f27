//! The journey map as a drawing: where every stage, lane, card, note and connector goes, and
//! one routine that draws it on any [`Surface`]. The PDF's map pages, the SVG export and the PNG
//! export all call it, so the three never disagree.

use super::fonts::{Fonts, Weight};
use super::surface::Surface;
use super::{reliability_color, INK, LINE, MIN_TITLE_PT, MUTED, ROOM_BAND, ROOM_CURVE};
use crate::model::Picture;
use crate::model::{
    curve_segments, emotion_curve, emotion_curve_of, emotion_y, feelings_row, Connector,
    CurvePoint, Id, LaneKind, Note, Project, Reliability, RoomRating, Touchpoint,
    LANE_HEADER_WIDTH, OWN_LINE_COLOUR, PERSONA_LINE_COLOURS, STAGE_HEADER_HEIGHT,
};
use std::collections::HashMap;

/// A map's grid and contents in canvas units (top-left origin), as the app lays it out.
pub(crate) struct MapLayout<'a> {
    pub(crate) name: String,
    /// Stage name, left edge, width.
    pub(crate) columns: Vec<(String, f64, f64)>,
    /// Lane name, kind, top edge, height.
    pub(crate) rows: Vec<(String, LaneKind, f64, f64)>,
    pub(crate) cards: Vec<&'a Touchpoint>,
    pub(crate) notes: Vec<&'a Note>,
    pub(crate) connectors: Vec<&'a Connector>,
    /// A live room's curve: each rated stage's centre and its ratings.
    pub(crate) room: Vec<(f64, RoomRating)>,
    /// The feelings lane (top, height), and the emotion curve's points in it.
    pub(crate) feelings: Option<(f64, f64)>,
    pub(crate) emotion: Vec<CurvePoint>,
    /// The other personas' lines (name, colour, points), when the map follows more than one,
    /// and the name the map's own line goes by in the legend.
    pub(crate) lines: Vec<(String, &'static str, Vec<CurvePoint>)>,
    pub(crate) own_line: String,
    /// Numbers keyed to the report's touchpoint table, shown on cards too small for a title.
    pub(crate) keys: HashMap<Id, usize>,
    /// Cards' pictures, by card.
    pub(crate) pictures: HashMap<Id, &'a Picture>,
    /// A card to point out (the proposal's touchpoint), ringed in amber.
    pub(crate) highlight: Option<Id>,
    /// The extent of the grid and everything on it.
    pub(crate) width: f32,
    pub(crate) height: f32,
}

impl<'a> MapLayout<'a> {
    /// The layout of map `map_id`; `None` when it has no stage or no lane to draw.
    pub(crate) fn of(project: &'a Project, map_id: Id) -> Option<Self> {
        let map = project.maps.iter().find(|m| m.id == map_id)?;
        let stages = project.stages_of(map_id);
        let lanes = project.lanes_of(map_id);
        if stages.is_empty() || lanes.is_empty() {
            return None;
        }
        let mut columns = Vec::new();
        let mut room = Vec::new();
        let mut x = LANE_HEADER_WIDTH;
        for s in &stages {
            columns.push((s.name.clone(), x, s.width));
            if let Some(r) = s.room_rating {
                room.push((x + s.width / 2.0, r));
            }
            x += s.width;
        }
        let mut rows = Vec::new();
        let mut y = STAGE_HEADER_HEIGHT;
        for l in &lanes {
            rows.push((l.name.clone(), l.kind, y, l.height));
            y += l.height;
        }
        let cards: Vec<&Touchpoint> = project
            .touchpoints
            .iter()
            .filter(|t| t.map_id == map_id)
            .collect();
        let notes: Vec<&Note> = project
            .notes
            .iter()
            .filter(|n| n.map_id == map_id)
            .collect();
        let connectors = project
            .connectors
            .iter()
            .filter(|c| c.map_id == map_id)
            .collect();
        let feelings = feelings_row(&lanes);
        let emotion = emotion_curve(&lanes, &cards);
        let persona_name = |id: Id| {
            project
                .personas
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.clone())
        };
        let lines = map
            .other_personas
            .iter()
            .zip(PERSONA_LINE_COLOURS)
            .map(|(p, colour)| {
                (
                    persona_name(*p).unwrap_or_default(),
                    colour,
                    emotion_curve_of(&lanes, &cards, Some(*p)),
                )
            })
            .collect();
        let own_line = map
            .persona_id
            .and_then(persona_name)
            .unwrap_or_else(|| "This map".into());
        let (mut w, mut h) = (x as f32, y as f32);
        for (rx, ry, rw, rh) in cards
            .iter()
            .map(|t| (t.x, t.y, t.width, t.height))
            .chain(notes.iter().map(|n| (n.x, n.y, n.width, n.height)))
        {
            w = w.max((rx + rw) as f32);
            h = h.max((ry + rh) as f32);
        }
        Some(MapLayout {
            name: map.name.clone(),
            columns,
            rows,
            cards,
            notes,
            connectors,
            room,
            feelings,
            emotion,
            lines,
            own_line,
            pictures: project
                .pictures
                .iter()
                .filter(|p| p.map_id == map_id)
                .map(|p| (p.touchpoint_id, p))
                .collect(),
            keys: HashMap::new(),
            highlight: None,
            width: w,
            height: h,
        })
    }
}

/// Which part of the canvas a drawing shows, where, and at what scale.
pub(crate) struct View {
    pub(crate) left: f32,
    pub(crate) top: f32,
    pub(crate) scale: f32,
    pub(crate) ox: f32,
    pub(crate) oy: f32,
    /// The canvas area this part shows, for culling.
    pub(crate) width: f32,
    pub(crate) height: f32,
}

impl View {
    /// Whether a canvas rectangle shows on this part at all.
    pub(crate) fn shows(&self, x: f64, y: f64, w: f64, h: f64) -> bool {
        let (x, y, w, h) = (x as f32, y as f32, w as f32, h as f32);
        x < self.ox + self.width && x + w > self.ox && y < self.oy + self.height && y + h > self.oy
    }

    pub(crate) fn x(&self, x: f64) -> f32 {
        self.left + (x as f32 - self.ox) * self.scale
    }

    pub(crate) fn y(&self, y: f64) -> f32 {
        self.top + (y as f32 - self.oy) * self.scale
    }
}

/// Draws a map (or the part `v` shows) onto any surface: the PDF page, the SVG export, the PNG.
pub(crate) fn draw_map(page: &mut impl Surface, f: &Fonts, layout: &MapLayout, v: &View) {
    let (columns, rows, cards, notes, width) = (
        &layout.columns,
        &layout.rows,
        &layout.cards,
        &layout.notes,
        layout.width,
    );
    let s = v.scale;
    for (i, (_, kind, y, h)) in rows.iter().enumerate() {
        let fill = match kind {
            crate::model::LaneKind::PainPoints => "#fff1f2",
            crate::model::LaneKind::Opportunities => "#f0fdf4",
            _ if i % 2 == 0 => "#f8fafc",
            _ => "#f1f5f9",
        };
        page.rect(
            v.x(LANE_HEADER_WIDTH),
            v.y(*y),
            (width - LANE_HEADER_WIDTH as f32) * s,
            *h as f32 * s,
            Some(fill),
            None,
        );
    }
    for (_, x, w) in columns {
        page.line(
            &[
                (v.x(x + w), v.y(STAGE_HEADER_HEIGHT)),
                (v.x(x + w), v.y(rows.last().map_or(0.0, |r| r.2 + r.3))),
            ],
            LINE,
            0.5,
        );
    }
    // Where a feeling (−3..=+3) sits in the thoughts & feelings lane, if the map has one. The
    // room's spread sits behind that lane's notes; its mean is drawn with the map's own curve.
    let feelings = layout.feelings.map(|row| move |e: f64| emotion_y(row, e));
    if let Some(yof) = feelings {
        room_band(page, v, &layout.room, yof);
    }
    // Sticky notes.
    let body = (12.0 * s).clamp(4.5, 11.0);
    for n in notes
        .iter()
        .filter(|n| v.shows(n.x, n.y, n.width, n.height))
    {
        page.rect(
            v.x(n.x),
            v.y(n.y),
            n.width as f32 * s,
            n.height as f32 * s,
            Some(&n.color),
            None,
        );
        let lines = f.wrap(
            &n.text,
            n.width as f32 * s - 6.0,
            body,
            Weight::Regular,
            ((n.height as f32 * s - 6.0) / (body * 1.25)).max(1.0) as usize,
        );
        for (i, line) in lines.iter().enumerate() {
            page.text(
                f,
                v.x(n.x) + 3.0,
                v.y(n.y) + 3.0 + body * (1.0 + i as f32 * 1.25),
                body,
                Weight::Regular,
                "#1f2937",
                line,
            );
        }
        if n.votes > 0 {
            page.text_right(
                f,
                v.x(n.x + n.width) - 2.0,
                v.y(n.y + n.height) - 2.0,
                body * 0.9,
                Weight::Bold,
                "#1d4ed8",
                &format!("● {}", n.votes),
            );
        }
    }
    // Connectors, under the cards.
    let by_id: std::collections::HashMap<_, &&Touchpoint> =
        cards.iter().map(|t| (t.id, t)).collect();
    for c in layout.connectors.iter() {
        let (Some(a), Some(b)) = (by_id.get(&c.from_id), by_id.get(&c.to_id)) else {
            continue;
        };
        let (left, right) = (a.x.min(b.x), (a.x + a.width).max(b.x + b.width));
        let (upper, lower) = (a.y.min(b.y), (a.y + a.height).max(b.y + b.height));
        if !v.shows(left, upper, right - left, lower - upper) {
            continue;
        }
        let (ax, ay) = (a.x + a.width / 2.0, a.y + a.height / 2.0);
        let (bx, by) = (b.x + b.width / 2.0, b.y + b.height / 2.0);
        let (sx, sy) = border(a, bx, by);
        let (ex, ey) = border(b, ax, ay);
        page.line(&[(v.x(sx), v.y(sy)), (v.x(ex), v.y(ey))], "#64748b", 0.7);
        let angle = (ey - sy).atan2(ex - sx) as f32;
        let (hx, hy) = (v.x(ex), v.y(ey));
        let size = 4.0;
        page.polygon(
            &[
                (hx, hy),
                (
                    hx - size * (angle - 0.45).cos(),
                    hy - size * (angle - 0.45).sin(),
                ),
                (
                    hx - size * (angle + 0.45).cos(),
                    hy - size * (angle + 0.45).sin(),
                ),
            ],
            "#64748b",
        );
    }
    // Cards.
    let title = (13.0 * s).clamp(4.5, 11.0);
    for t in cards
        .iter()
        .filter(|t| v.shows(t.x, t.y, t.width, t.height))
    {
        let (x, y, w, h) = (v.x(t.x), v.y(t.y), t.width as f32 * s, t.height as f32 * s);
        page.begin_group(&t.title);
        page.rect(
            x,
            y,
            w,
            h,
            Some("#ffffff"),
            Some((
                if t.reliability == Reliability::Broken {
                    "#dc2626"
                } else {
                    "#94a3b8"
                },
                0.5,
            )),
        );
        let bar = 3.0_f32.max(w * 0.04);
        page.rect(x, y, bar, h, Some(reliability_color(t.reliability)), None);
        if layout.highlight == Some(t.id) {
            page.rect(
                x - 2.5,
                y - 2.5,
                w + 5.0,
                h + 5.0,
                None,
                Some(("#f59e0b", 2.5)),
            );
        }
        if let Some(key) = layout.keys.get(&t.id).filter(|_| title < MIN_TITLE_PT) {
            // Too small for a legible title: the card's number in the touchpoint table instead.
            let label = key.to_string();
            let size = (h * 0.5).min(w * 0.28).max(MIN_TITLE_PT);
            let lw = f.width(&label, size, Weight::Bold);
            page.text(
                f,
                x + (w - lw) / 2.0 + 1.0,
                y + h / 2.0 + size * 0.36,
                size,
                Weight::Bold,
                INK,
                &label,
            );
            if t.moment_of_truth {
                star(page, x + w - title * 1.2, y + title * 1.2, title);
            }
            page.end_group();
            continue;
        }
        if title < MIN_TITLE_PT {
            // Unreadably small and unnumbered: the card's colours alone.
            page.end_group();
            continue;
        }
        // A picture sits at the card's right, as tall as the card allows; the title wraps beside it.
        let mut room = if t.moment_of_truth { title * 1.4 } else { 0.0 };
        if let Some(p) = layout.pictures.get(&t.id) {
            let side = (h - 4.0).min(w * 0.34);
            page.picture(p, x + w - side - 2.0 - room, y + 2.0, side, h - 4.0);
            room += side + 2.0;
        }
        let max = (((h - title) / (title * 1.2)).floor() as usize).clamp(1, 3);
        for (i, line) in f
            .wrap(&t.title, w - bar - 5.0 - room, title, Weight::Bold, max)
            .iter()
            .enumerate()
        {
            page.text(
                f,
                x + bar + 2.0,
                y + 2.0 + title * (1.0 + i as f32 * 1.2),
                title,
                Weight::Bold,
                INK,
                line,
            );
        }
        let key = layout.keys.get(&t.id).map(|k| format!("#{k}"));
        let meta = [
            key.as_deref().unwrap_or(""),
            t.channel.as_str(),
            t.owner.as_str(),
        ]
        .iter()
        .filter(|m| !m.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ");
        let small = title * 0.8;
        page.text(
            f,
            x + bar + 2.0,
            y + h - 3.0,
            small,
            Weight::Regular,
            MUTED,
            &f.ellipsize(&meta, w - bar - 5.0, small, Weight::Regular),
        );
        if t.moment_of_truth {
            star(page, x + w - title * 0.8, y + title * 0.8, title * 0.65);
        }
        page.end_group();
    }
    // The emotion curve across customer-facing touchpoints, in the thoughts & feelings lane.
    if let Some(yof) = feelings {
        let mid = yof(0.0);
        page.line(
            &[
                (v.x(LANE_HEADER_WIDTH), v.y(mid)),
                (v.x(f64::from(width)), v.y(mid)),
            ],
            "#c4b5fd",
            0.5,
        );
        room_mean(page, v, &layout.room, yof);
        // The other personas' lines under the map's own, thinner.
        for (_, colour, pts) in &layout.lines {
            curve(page, v, pts, colour, 1.2);
            for p in pts {
                page.rect(v.x(p.x) - 1.2, v.y(p.y) - 1.2, 2.4, 2.4, Some(colour), None);
            }
        }
        curve(page, v, &layout.emotion, OWN_LINE_COLOUR, 1.6);
        for p in &layout.emotion {
            page.rect(
                v.x(p.x) - 1.6,
                v.y(p.y) - 1.6,
                3.2,
                3.2,
                Some(OWN_LINE_COLOUR),
                None,
            );
        }
    }
    // Headers last and sticky: a part that starts mid-map still names its stages and lanes.
    let hx = v.x(0.0).max(v.left);
    let hy = v.y(0.0).max(v.top);
    let head = (11.0 * s / 0.5).clamp(6.0, 12.0);
    // One point beyond the drawing's edge, so nothing under the header peeks out at a cut.
    page.rect(
        hx - 1.0,
        hy - 1.0,
        width * s + 1.0,
        STAGE_HEADER_HEIGHT as f32 * s + 1.0,
        Some("#1e293b"),
        None,
    );
    // Only the stages this part shows: a clipped-off name would still be in the PDF's text
    // (found by search, pasted by copy) though nobody can see it.
    // (A stage under the sticky lane names does not show either.)
    let shown_from = hx + LANE_HEADER_WIDTH as f32 * s;
    let shown_to = v.left + v.width * s;
    for (name, x, w) in columns
        .iter()
        .filter(|(_, x, w)| v.x(x + w) > shown_from + 0.5 && v.x(*x) < shown_to - 0.5)
    {
        let label = f.ellipsize(name, *w as f32 * s - 8.0, head, Weight::Bold);
        page.text(
            f,
            v.x(*x) + 4.0,
            hy + STAGE_HEADER_HEIGHT as f32 * s / 2.0 + head * 0.35,
            head,
            Weight::Bold,
            "#f8fafc",
            &label,
        );
    }
    for (name, kind, y, h) in rows {
        page.rect(
            hx - 1.0,
            v.y(*y),
            LANE_HEADER_WIDTH as f32 * s + 1.0,
            *h as f32 * s,
            Some("#1e293b"),
            None,
        );
        // Set small enough that the longest word fits: a lane name never breaks mid-word.
        let room = LANE_HEADER_WIDTH as f32 * s - 8.0;
        let widest = name
            .split_whitespace()
            .map(|w| f.width(w, 1.0, Weight::Bold))
            .fold(0.0, f32::max);
        let size = (head * 0.9).min(room / widest.max(0.01)).max(4.0);
        if *kind == LaneKind::ThoughtsAndFeelings && !layout.lines.is_empty() {
            // Whose line is whose, under the lane's name in its sticky header: nothing on the
            // map is covered.
            let small = (size * 0.8).max(4.0);
            let entries: Vec<(&str, &str)> =
                std::iter::once((layout.own_line.as_str(), OWN_LINE_COLOUR))
                    .chain(layout.lines.iter().map(|(n, c, _)| (n.as_str(), *c)))
                    .collect();
            let step = small * 1.35;
            let total = size * 1.2 + entries.len() as f32 * step;
            let mut ly = v.y(y + h / 2.0) - total / 2.0 + size;
            page.text(
                f,
                hx + 4.0,
                ly,
                size,
                Weight::Bold,
                "#f8fafc",
                &f.ellipsize(name, room, size, Weight::Bold),
            );
            for (entry, colour) in entries {
                ly += step;
                page.line(
                    &[
                        (hx + 4.0, ly - small * 0.35),
                        (hx + 4.0 + small * 1.4, ly - small * 0.35),
                    ],
                    colour,
                    small * 0.35,
                );
                let label = f.ellipsize(entry, room - small * 1.9, small, Weight::Regular);
                page.text(
                    f,
                    hx + 4.0 + small * 1.9,
                    ly,
                    small,
                    Weight::Regular,
                    "#f8fafc",
                    &label,
                );
            }
            continue;
        }
        let lines = f.wrap(name, room, size, Weight::Bold, 2);
        for (i, line) in lines.iter().enumerate() {
            page.text(
                f,
                hx + 4.0,
                v.y(y + h / 2.0)
                    + (i as f32 - (lines.len() as f32 - 1.0) / 2.0) * size * 1.15
                    + size * 0.35,
                size,
                Weight::Bold,
                "#f8fafc",
                line,
            );
        }
    }
    page.rect(
        hx,
        hy,
        LANE_HEADER_WIDTH as f32 * s,
        STAGE_HEADER_HEIGHT as f32 * s,
        Some("#0b1220"),
        None,
    );
}

/// How much the room's ratings (±2) are stretched to sit on the map's own emotion scale (±3).
const ROOM_SCALE: f64 = 3.0 / 2.0;

/// A live room's spread as the canvas shades it: from the lowest to the highest rating around
/// each rated stage's centre.
fn room_band(
    page: &mut impl Surface,
    v: &View,
    room: &[(f64, RoomRating)],
    yof: impl Fn(f64) -> f64,
) {
    if room.is_empty() {
        return;
    }
    const HALF: f64 = 40.0;
    let mut band: Vec<(f32, f32)> = Vec::new();
    for (x, r) in room {
        let high = v.y(yof(f64::from(r.high) * ROOM_SCALE));
        band.push((v.x(x - HALF), high));
        band.push((v.x(x + HALF), high));
    }
    for (x, r) in room.iter().rev() {
        let low = v.y(yof(f64::from(r.low) * ROOM_SCALE));
        band.push((v.x(x + HALF), low));
        band.push((v.x(x - HALF), low));
    }
    page.polygon(&band, ROOM_BAND);
}

/// A live room's curve: its mean rating at each rated stage's centre, joined.
fn room_mean(
    page: &mut impl Surface,
    v: &View,
    room: &[(f64, RoomRating)],
    yof: impl Fn(f64) -> f64,
) {
    if room.is_empty() {
        return;
    }
    page.begin_group("The room's curve");
    let mean: Vec<CurvePoint> = room
        .iter()
        .map(|(x, r)| CurvePoint {
            x: *x,
            y: yof(r.mean * ROOM_SCALE),
        })
        .collect();
    curve(page, v, &mean, ROOM_CURVE, 1.2);
    for p in mean {
        page.rect(
            v.x(p.x) - 1.4,
            v.y(p.y) - 1.4,
            2.8,
            2.8,
            Some(ROOM_CURVE),
            None,
        );
    }
    page.end_group();
}

/// The smooth curve through `pts` (canvas units, left to right) on the view.
fn curve(page: &mut impl Surface, v: &View, pts: &[CurvePoint], color: &str, width: f32) {
    let Some(first) = pts.first() else {
        return;
    };
    let at = |p: CurvePoint| (v.x(p.x), v.y(p.y));
    let pieces: Vec<[(f32, f32); 3]> = curve_segments(pts)
        .into_iter()
        .map(|s| [at(s.c1), at(s.c2), at(s.to)])
        .collect();
    page.curve(at(*first), &pieces, color, width);
}

/// Where the line from the centre of card `t` towards (x, y) leaves the card.
fn border(t: &Touchpoint, x: f64, y: f64) -> (f64, f64) {
    let (cx, cy) = (t.x + t.width / 2.0, t.y + t.height / 2.0);
    let (dx, dy) = (x - cx, y - cy);
    if dx == 0.0 && dy == 0.0 {
        return (cx, cy);
    }
    let sx = if dx == 0.0 {
        f64::INFINITY
    } else {
        t.width / 2.0 / dx.abs()
    };
    let sy = if dy == 0.0 {
        f64::INFINITY
    } else {
        t.height / 2.0 / dy.abs()
    };
    let s = sx.min(sy);
    (cx + dx * s, cy + dy * s)
}

fn star(page: &mut impl Surface, cx: f32, cy: f32, r: f32) {
    let points: Vec<(f32, f32)> = (0..10)
        .map(|i| {
            let radius = if i % 2 == 0 { r } else { r * 0.45 };
            let a = -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::PI / 5.0;
            (cx + radius * a.cos(), cy + radius * a.sin())
        })
        .collect();
    page.polygon(&points, "#f59e0b");
}
