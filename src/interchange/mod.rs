//! Formats for moving projects in and out of Journeymap without the app.

pub mod cjml;
pub mod csv;
pub mod feedback_csv;
pub mod holidays;
pub mod json;
pub mod tables;
pub mod touchpoints_csv;
pub mod xlsx;

/// Text made safe inside XML elements and attributes.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}
