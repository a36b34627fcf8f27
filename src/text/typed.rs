//! Text strangers type, made fit to show: what a workshop room's participants send arrives on
//! the facilitator's projector, so characters that draw nothing or turn the surrounding text
//! around (bidirectional overrides) are taken out, and names are composed one way so that the
//! same name typed on two phones reads and sorts as one.

use unicode_normalization::UnicodeNormalization;

/// Characters that change the direction of the text around them, or draw nothing at all:
/// a name holding U+202E would reverse the app's own words printed after it.
fn hidden(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `text` without control characters (but with line breaks and tabs where `lines` is set),
/// without hidden direction and zero-width characters, composed (NFC) and trimmed.
pub fn typed_text(text: &str, lines: bool) -> String {
    let kept: String = text
        .nfc()
        .filter(|&c| !hidden(c))
        .filter(|&c| !c.is_control() || (lines && (c == '\n' || c == '\t')))
        .collect();
    kept.trim().to_owned()
}

/// Whether `text` shows anything: some character that is neither space nor a joiner or
/// variation selector (which only shape the characters beside them).
pub fn shows_anything(text: &str) -> bool {
    text.chars().any(|c| {
        !c.is_whitespace() && !matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_and_control_characters_go() {
        assert_eq!(typed_text("مريم \u{202E}evil", false), "مريم evil");
        assert_eq!(typed_text(" A\u{0}\u{200B}na\u{7} ", false), "Ana");
        assert_eq!(typed_text("one\ntwo\tthree", true), "one\ntwo\tthree");
        assert_eq!(typed_text("one\ntwo", false), "onetwo");
        // Emoji built with a joiner keep it.
        assert_eq!(typed_text("👩\u{200D}💻 ok", true), "👩\u{200D}💻 ok");
    }

    #[test]
    fn a_name_is_composed_one_way() {
        assert_eq!(typed_text("Zoe\u{0308}", false), "Zoë");
        assert_eq!(typed_text("Zoë", false), "Zoë");
    }

    #[test]
    fn invisible_text_shows_nothing() {
        assert!(!shows_anything(&typed_text("\u{0}\u{200B}", true)));
        assert!(!shows_anything("\u{200D}\u{FE0F} "));
        assert!(shows_anything("·"));
        assert!(shows_anything("👍"));
    }
}
