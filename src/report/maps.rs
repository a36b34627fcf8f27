//! The journey maps as vector drawings: each map whole on one overview page, then, when the
//! overview is too small for card titles, detail pages that split the map only between stages
//! (and, on a tall map, between lanes), each repeating the lane labels and stage header.

use super::*;
use crate::draw::MIN_TITLE_PT;
use crate::model::{LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT};
use std::ops::Range;

/// A card title is 13 canvas units: below this scale it would print under [`MIN_TITLE_PT`].
const LEGIBLE_SCALE: f32 = MIN_TITLE_PT / 13.0;
/// Detail pages never print the map larger than this (points per canvas unit).
const DETAIL_MAX_SCALE: f32 = 0.75;
/// Room for the page heading (a title and two subtitle lines) and the footer.
const TOP: f32 = 52.0 + SUBTITLE_LINE;
const BOTTOM: f32 = 34.0;

/// One map page of the report, as planned from the map's layout.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPage {
    pub map: String,
    /// The whole map on one page (else a detail page).
    pub overview: bool,
    /// Which stages (columns) and lanes (rows) the page holds, by position in the map.
    pub stages: Range<usize>,
    pub lanes: Range<usize>,
    /// Stage names, in order, for the page's subtitle (and tests).
    pub stage_names: Vec<String>,
    /// The canvas area the page shows beside its headers: left, top, right, bottom.
    pub area: (f64, f64, f64, f64),
    /// Points per canvas unit.
    pub scale: f32,
    /// Whether cards show their number in the touchpoint table instead of a title.
    pub numbered: bool,
    /// Landscape paper (overviews always; detail pages when that takes fewer pages).
    pub landscape: bool,
}

/// The map pages a report on `paper` prints for `project`, in order.
pub fn map_pages(project: &Project, paper: Paper) -> Vec<MapPage> {
    project
        .maps
        .iter()
        .filter_map(|m| MapLayout::of(project, m.id))
        .flat_map(|layout| plan(&layout, paper))
        .collect()
}

fn plan(layout: &MapLayout, paper: Paper) -> Vec<MapPage> {
    let (w, h) = paper.size();
    let (aw, ah) = (h - 2.0 * MARGIN, w - MARGIN - TOP - BOTTOM);
    let (bw, bh) = (layout.width, layout.height);
    let fit = (aw / bw).min(ah / bh);
    let numbered = fit < LEGIBLE_SCALE;
    let names = |r: Range<usize>| layout.columns[r].iter().map(|c| c.0.clone()).collect();
    let mut pages = vec![MapPage {
        map: layout.name.clone(),
        overview: true,
        stages: 0..layout.columns.len(),
        lanes: 0..layout.rows.len(),
        stage_names: names(0..layout.columns.len()),
        area: (0.0, 0.0, f64::from(bw), f64::from(bh)),
        scale: fit,
        numbered,
        landscape: true,
    }];
    // A map with nothing on it yet is its overview alone: detail pages would be empty grids.
    if !numbered || (layout.cards.is_empty() && layout.notes.is_empty()) {
        return pages;
    }
    // Detail pages: as few as legible titles allow, on landscape or portrait paper, whichever
    // needs fewer (landscape on a tie); then printed as large as that count allows.
    let grid = |scale: f32, (aw, ah): (f32, f32)| {
        let stages = runs(
            layout.columns.iter().map(|c| c.2 as f32),
            aw / scale - LANE_HEADER_WIDTH as f32,
        );
        let lanes = if bh * scale <= ah {
            std::iter::once(0..layout.rows.len()).collect()
        } else {
            runs(
                layout.rows.iter().map(|r| r.3 as f32),
                ah / scale - STAGE_HEADER_HEIGHT as f32,
            )
        };
        (stages, lanes)
    };
    let count = |(s, l): &(Vec<Range<usize>>, Vec<Range<usize>>)| s.len() * l.len();
    let portrait_room = (w - 2.0 * MARGIN, h - MARGIN - TOP - BOTTOM);
    let landscape =
        count(&grid(LEGIBLE_SCALE, (aw, ah))) <= count(&grid(LEGIBLE_SCALE, portrait_room));
    let (aw, ah) = if landscape { (aw, ah) } else { portrait_room };
    let fewest = count(&grid(LEGIBLE_SCALE, (aw, ah)));
    let mut scale = LEGIBLE_SCALE;
    while scale + 0.01 <= DETAIL_MAX_SCALE && count(&grid(scale + 0.01, (aw, ah))) == fewest {
        scale += 0.01;
    }
    let (stage_runs, lane_runs) = grid(scale, (aw, ah));
    for lanes in &lane_runs {
        for stages in &stage_runs {
            let left = layout.columns[stages.start].1;
            let last = &layout.columns[stages.end - 1];
            let mut right = last.1 + last.2;
            if stages.end == layout.columns.len() {
                right = right.max(f64::from(bw));
            }
            let top = layout.rows[lanes.start].2;
            let bottom_row = &layout.rows[lanes.end - 1];
            let mut bottom = bottom_row.2 + bottom_row.3;
            if lanes.end == layout.rows.len() {
                bottom = bottom.max(f64::from(bh));
            }
            // A single stage or lane wider than the page prints smaller rather than cut.
            let page_scale = scale
                .min(aw / (LANE_HEADER_WIDTH + right - left) as f32)
                .min(ah / (STAGE_HEADER_HEIGHT + bottom - top) as f32);
            pages.push(MapPage {
                map: layout.name.clone(),
                overview: false,
                stages: stages.clone(),
                lanes: lanes.clone(),
                stage_names: names(stages.clone()),
                area: (left, top, right, bottom),
                scale: page_scale,
                numbered: false,
                landscape,
            });
        }
    }
    pages
}

/// Consecutive runs of items whose sizes add up to at most `room` (each run holds at least one).
fn runs(sizes: impl Iterator<Item = f32>, room: f32) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut used = 0.0;
    for (i, size) in sizes.enumerate() {
        match out.last_mut() {
            Some(run) if used + size <= room + 0.01 => {
                run.end = i + 1;
                used += size;
            }
            _ => {
                out.push(i..i + 1);
                used = size;
            }
        }
    }
    out
}

impl Report<'_> {
    pub(super) fn maps(&mut self) {
        let keys: std::collections::HashMap<_, _> = self
            .ordered_touchpoints()
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id, i + 1))
            .collect();
        let keyed = self.opts.sections.contains(&Section::Touchpoints);
        for map in self.project.maps.clone() {
            let Some(mut layout) = MapLayout::of(self.project, map.id) else {
                continue;
            };
            let plan = plan(&layout, self.opts.paper);
            // Cards carry their number in the touchpoint table when there is one, titled or not
            // (and always on a numbered overview).
            if keyed || plan.len() > 1 {
                layout.keys = keys.clone();
            }
            let details = plan.len() - 1;
            let kind = match map.kind {
                crate::model::MapKind::AsIs => "As-is journey",
                crate::model::MapKind::ToBe => "To-be journey",
            };
            let unrated = layout
                .cards
                .iter()
                .any(|c| c.reliability == crate::model::Reliability::Unrated);
            let legend = format!(
                "★ moment of truth · bar colour: red broken, blue reliable, green differentiating{}{}",
                if unrated { ", grey not rated" } else { "" },
                if layout.room.is_empty() {
                    ""
                } else {
                    " · orange: the workshop room's ratings"
                }
            );
            for part in &plan {
                let mut page = if part.landscape {
                    self.landscape()
                } else {
                    self.portrait()
                };
                let (title, subtitle) = if part.overview {
                    let numbers = if part.numbered && details > 0 {
                        format!(
                            " · numbers are touchpoints{} · stage by stage on the next {}",
                            if keyed {
                                " in the touchpoint table"
                            } else {
                                ""
                            },
                            count(details, "page", "pages")
                        )
                    } else {
                        String::new()
                    };
                    (
                        map.name.clone(),
                        format!(
                            "{kind} · {} · {}{numbers}\n{legend}",
                            count(part.stages.len(), "stage", "stages"),
                            count(layout.cards.len(), "touchpoint", "touchpoints"),
                        ),
                    )
                } else {
                    let first = part.stage_names.first().cloned().unwrap_or_default();
                    let last = part.stage_names.last().cloned().unwrap_or_default();
                    let stages = if part.stages.len() == 1 {
                        format!(
                            "Stage {} of {}: {first}",
                            part.stages.start + 1,
                            layout.columns.len()
                        )
                    } else {
                        format!(
                            "Stages {}–{} of {}: {}",
                            part.stages.start + 1,
                            part.stages.end,
                            layout.columns.len(),
                            part.stage_names.join(", ")
                        )
                    };
                    let lanes = if part.lanes.len() == layout.rows.len() {
                        String::new()
                    } else {
                        format!(
                            " · lanes {}–{} of {}",
                            part.lanes.start + 1,
                            part.lanes.end,
                            layout.rows.len()
                        )
                    };
                    let span = if first == last {
                        first
                    } else {
                        format!("{first} to {last}")
                    };
                    (
                        format!("{}: {span}", map.name),
                        format!("{stages}{lanes}\n{legend}"),
                    )
                };
                let top = self.heading(&mut page, &title, &subtitle);
                let (left, upper, right, lower) = part.area;
                // A heading longer than planned takes its room from the drawing, never the footer.
                let room = page.height - top - BOTTOM;
                // Detail pages start their first stage and lane just past the (sticky) headers.
                let (ox, oy, head_w, head_h) = if part.overview {
                    (0.0, 0.0, 0.0, 0.0)
                } else {
                    (
                        (left - LANE_HEADER_WIDTH) as f32,
                        (upper - STAGE_HEADER_HEIGHT) as f32,
                        LANE_HEADER_WIDTH as f32,
                        STAGE_HEADER_HEIGHT as f32,
                    )
                };
                let (cw, ch) = (
                    (right - left) as f32 + head_w,
                    (lower - upper) as f32 + head_h,
                );
                let s = part.scale.min(room / ch);
                let view = View {
                    left: MARGIN,
                    top,
                    scale: s,
                    ox,
                    oy,
                    width: cw,
                    height: ch,
                };
                page.clip(MARGIN, top, cw * s, ch * s);
                page.pictures = self.pictures.clone();
                draw_map(&mut page, &self.fonts, &layout, &view);
                page.end_clip();
                if part.overview {
                    self.bookmarks
                        .push((format!("Journey map: {}", map.name), self.pages.len()));
                }
                self.pages.push(page);
            }
        }
    }
}
