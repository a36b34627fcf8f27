//! The comments page: every open thread, item by item, with its replies — what the team has
//! still to settle. Resolved threads are counted, not printed.

use super::*;
use crate::model::{open_threads, CommentTarget};

/// Who wrote a comment, and when ("Ana, 2026-11-18 10:12").
fn byline(c: &crate::model::Comment) -> String {
    let who = if c.author.is_empty() {
        "Someone"
    } else {
        &c.author
    };
    format!("{who}, {}", c.created.format("%Y-%m-%d %H:%M"))
}

impl Report<'_> {
    pub(super) fn comments(&mut self) {
        let p = self.project;
        let open = open_threads(&p.comments);
        let resolved = p
            .comments
            .iter()
            .filter(|c| c.parent_id.is_none() && c.resolved)
            .count();
        if open.is_empty() && resolved == 0 {
            return;
        }
        let title = "Open comments";
        let subtitle = format!(
            "{} open thread{}, {resolved} resolved (not listed) · oldest first",
            open.len(),
            if open.len() == 1 { "" } else { "s" }
        );
        let mut page = self.portrait();
        let y = self.heading(&mut page, title, &subtitle);
        self.bookmarks.push((title.to_owned(), self.pages.len()));
        let item = |target: CommentTarget, id: crate::model::Id| -> String {
            match target {
                CommentTarget::Touchpoint => p
                    .touchpoint(id)
                    .map_or(String::new(), |t| format!("Card: {}", t.title)),
                CommentTarget::Note => p
                    .notes
                    .iter()
                    .find(|n| n.id == id)
                    .map_or(String::new(), |n| {
                        format!("Note: {}", n.text.lines().next().unwrap_or_default())
                    }),
                CommentTarget::Opportunity => p
                    .opportunities
                    .iter()
                    .find(|o| o.id == id)
                    .map_or(String::new(), |o| format!("Opportunity: {}", o.title)),
            }
        };
        let mut rows = Vec::new();
        for (root, _) in &open {
            let mut thread: Vec<_> = p
                .comments
                .iter()
                .filter(|c| c.parent_id == Some(root.id))
                .collect();
            thread.sort_by_key(|c| (c.created, c.id));
            rows.push(vec![
                Cell::bold(&item(root.target, root.target_id)),
                Cell::text(&byline(root)),
                Cell::text(&root.text),
            ]);
            for c in thread {
                rows.push(vec![
                    Cell::text(""),
                    Cell::colored(&format!("↳ {}", byline(c)), MUTED),
                    Cell::text(&c.text),
                ]);
            }
        }
        if !rows.is_empty() {
            self.flow_table(
                &mut page,
                y,
                title,
                &subtitle,
                &[("About", 0.3), ("Who, when", 0.2), ("Comment", 0.5)],
                rows,
            );
        }
        self.pages.push(page);
    }
}
