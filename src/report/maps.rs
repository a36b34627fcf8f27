//! The journey maps as vector drawings, one per page when they fit, split into parts when they
//! would print too small.

use super::*;

impl Report<'_> {
    pub(super) fn maps(&mut self) {
        for map in self.project.maps.clone() {
            let Some(layout) = MapLayout::of(self.project, map.id) else {
                continue;
            };
            let (bw, bh) = (layout.width, layout.height);
            let (stages, cards) = (layout.columns.len(), layout.cards.len());
            let probe = self.landscape();
            let (aw, ah) = (
                probe.width - 2.0 * MARGIN,
                probe.height - MARGIN - 52.0 - 34.0,
            );
            let fit = (aw / bw).min(ah / bh);
            let scale = fit.max(MIN_MAP_SCALE);
            let cols = ((bw * scale) / aw).ceil().max(1.0) as usize;
            let rows_n = ((bh * scale) / ah).ceil().max(1.0) as usize;
            let parts = cols * rows_n;
            for part in 0..parts {
                let (cx, cy) = (part % cols, part / cols);
                let mut page = self.landscape();
                let title = if parts > 1 {
                    format!(
                        "{} (part {} of {}{})",
                        map.name,
                        part + 1,
                        parts,
                        if part > 0 { ", continued" } else { "" }
                    )
                } else {
                    map.name.clone()
                };
                let kind = match map.kind {
                    crate::model::MapKind::AsIs => "As-is journey",
                    crate::model::MapKind::ToBe => "To-be journey",
                };
                let room = if layout.room.is_empty() {
                    ""
                } else {
                    " · orange: the workshop room's ratings"
                };
                let top = self.heading(&mut page, &title, &format!("{kind} · {stages} stages · {cards} touchpoints · ★ moment of truth · bar colour: red broken, blue reliable, green differentiating{room}"));
                // Parts share the map evenly, so no page carries a sliver.
                let ox = cx as f32 * bw / cols as f32;
                let oy = cy as f32 * bh / rows_n as f32;
                let view = View {
                    left: MARGIN,
                    top,
                    scale,
                    ox,
                    oy,
                    width: aw / scale,
                    height: ah / scale,
                };
                page.clip(MARGIN, top, aw, ah);
                draw_map(&mut page, &self.fonts, &layout, &view);
                page.end_clip();
                if parts > 1 && part + 1 < parts {
                    page.text_right(
                        &self.fonts,
                        page.width - MARGIN,
                        MARGIN + 16.0,
                        9.0,
                        Weight::Bold,
                        MUTED,
                        "continued on the next page →",
                    );
                }
                if part == 0 {
                    self.bookmarks
                        .push((format!("Journey map: {}", map.name), self.pages.len()));
                }
                self.pages.push(page);
            }
        }
    }
}
