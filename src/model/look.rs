//! How a project presents itself to the people it is made for: the organisation's name, logo
//! and colour on report covers, page headers, proposals and the web page, who the reports are
//! for, and the report options last chosen. Pure data and the checks that need no decoder.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Paper sizes in points, portrait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
    Letter,
    A3,
}

impl Paper {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::Letter => "letter",
            Self::A3 => "a3",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "a4" => Some(Self::A4),
            "letter" => Some(Self::Letter),
            "a3" => Some(Self::A3),
            _ => None,
        }
    }

    /// Width and height in points, portrait.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
            Self::A3 => (841.89, 1190.55),
        }
    }
}

/// A part of the report a manager can leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Cover,
    /// Who the journeys are drawn for: portraits, their words, goals, needs and pains.
    Personas,
    Map,
    #[serde(rename = "moments")]
    MomentsOfTruth,
    Touchpoints,
    Redesigns,
    Measures,
    /// What a live workshop room added: notes by participant, dot votes, the stages' ratings.
    Room,
    /// The value/effort matrix and the ranked opportunities.
    Opportunities,
    /// The open comment threads (internal talk: left out unless asked for).
    Comments,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Self::Cover,
        Self::Personas,
        Self::Map,
        Self::MomentsOfTruth,
        Self::Touchpoints,
        Self::Room,
        Self::Measures,
        Self::Opportunities,
        Self::Redesigns,
        Self::Comments,
    ];

    /// What a report holds when nobody chose: everything but the comments, which are the
    /// team's own conversation rather than something for corporate.
    pub fn default_set() -> Vec<Section> {
        Self::ALL
            .into_iter()
            .filter(|s| *s != Self::Comments)
            .collect()
    }

    /// The name in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cover => "cover",
            Self::Personas => "personas",
            Self::Map => "map",
            Self::MomentsOfTruth => "moments",
            Self::Touchpoints => "touchpoints",
            Self::Redesigns => "redesigns",
            Self::Measures => "measures",
            Self::Room => "room",
            Self::Opportunities => "opportunities",
            Self::Comments => "comments",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cover" => Some(Self::Cover),
            "personas" | "persona" => Some(Self::Personas),
            "map" | "maps" => Some(Self::Map),
            "moments" | "moments-of-truth" => Some(Self::MomentsOfTruth),
            "touchpoints" => Some(Self::Touchpoints),
            "redesigns" | "tracker" => Some(Self::Redesigns),
            "measures" | "kpis" | "dashboard" => Some(Self::Measures),
            "room" | "workshop" => Some(Self::Room),
            "opportunities" | "ideas" => Some(Self::Opportunities),
            "comments" => Some(Self::Comments),
            _ => None,
        }
    }
}

/// The largest logo kept in a project file.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

/// The formats a logo may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum LogoType {
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/svg+xml")]
    Svg,
}

impl LogoType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Svg => "image/svg+xml",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Png, Self::Svg].into_iter().find(|t| t.as_str() == s)
    }
}

/// The organisation's logo as its file was: PNG or SVG bytes (base64 in JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Logo {
    pub media_type: LogoType,
    #[serde(with = "base64_bytes")]
    #[ts(type = "string")]
    pub data: Vec<u8>,
}

impl Logo {
    /// A logo from a file's bytes, its format told by its content: refused, with the reason a
    /// person can act on, when too large or neither PNG nor SVG. (Whether it draws is checked
    /// where the decoders live, before it is stored.)
    pub fn sniff(data: Vec<u8>) -> Result<Logo, String> {
        if data.len() > MAX_LOGO_BYTES {
            return Err(format!(
                "the logo is {} KB; the largest kept is {} KB — save a smaller PNG or an SVG",
                data.len().div_ceil(1024),
                MAX_LOGO_BYTES / 1024
            ));
        }
        let media_type = Self::kind(&data).ok_or_else(|| {
            "the logo must be a PNG or SVG image (other formats: export one as PNG first)"
                .to_owned()
        })?;
        Ok(Logo { media_type, data })
    }

    /// PNG by its signature; SVG when the text opens with an XML declaration or an `<svg` tag.
    fn kind(data: &[u8]) -> Option<LogoType> {
        if data.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(LogoType::Png);
        }
        let text = std::str::from_utf8(data.get(..data.len().min(4096))?)
            .ok()
            .or_else(|| std::str::from_utf8(&data[..1024.min(data.len())]).ok())?;
        let head = text.trim_start_matches('\u{feff}').trim_start();
        let svg = head.starts_with("<svg")
            || ((head.starts_with("<?xml")
                || head.starts_with("<!--")
                || head.starts_with("<!DOCTYPE"))
                && text.contains("<svg"));
        svg.then_some(LogoType::Svg)
    }

    /// Whether the bytes still are what `media_type` says (a file edited by hand may lie).
    pub fn is_consistent(&self) -> bool {
        self.data.len() <= MAX_LOGO_BYTES && Self::kind(&self.data) == Some(self.media_type)
    }

    /// The logo as a `data:` URL for web pages.
    pub fn data_url(&self) -> String {
        use base64::Engine;
        format!(
            "data:{};base64,{}",
            self.media_type.as_str(),
            base64::engine::general_purpose::STANDARD.encode(&self.data)
        )
    }
}

/// An accent colour as people type it: `#rrggbb` (any case), kept lower-case; empty for none.
pub fn parse_accent(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return Some(String::new());
    }
    let hex = s.strip_prefix('#')?;
    (hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// The report options last chosen for a project (the Export PDF dialog starts from them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportDefaults {
    pub paper: Paper,
    /// The sections chosen; empty means all.
    pub sections: Vec<Section>,
    /// Who prepares the reports (printed on the cover and in the metadata).
    pub author: String,
}

impl Default for ReportDefaults {
    fn default() -> Self {
        Self {
            paper: Paper::A4,
            sections: Vec::new(),
            author: String::new(),
        }
    }
}

/// Bytes as base64 text in JSON (logos, pictures).
pub mod base64_bytes {
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .map_err(|e| serde::de::Error::custom(format!("the data is not base64: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logos_are_told_by_content_and_refused_when_too_large_or_foreign() {
        let png = b"\x89PNG\r\n\x1a\nrest".to_vec();
        assert_eq!(Logo::sniff(png).unwrap().media_type, LogoType::Png);
        let svg =
            b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                .to_vec();
        assert_eq!(Logo::sniff(svg).unwrap().media_type, LogoType::Svg);
        let err = Logo::sniff(b"GIF89a....".to_vec()).unwrap_err();
        assert!(err.contains("PNG or SVG"), "{err}");
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(MAX_LOGO_BYTES + 1, 0);
        let err = Logo::sniff(big).unwrap_err();
        assert!(err.contains("513 KB") && err.contains("512 KB"), "{err}");
        let lying = Logo {
            media_type: LogoType::Svg,
            data: b"\x89PNG\r\n\x1a\n".to_vec(),
        };
        assert!(!lying.is_consistent());
    }

    #[test]
    fn accents_are_six_hex_digits_or_nothing() {
        assert_eq!(parse_accent(" #1D4ED8 ").as_deref(), Some("#1d4ed8"));
        assert_eq!(parse_accent("").as_deref(), Some(""));
        for bad in ["1d4ed8", "#1d4ed", "#1d4ed8ff", "#gggggg", "blue"] {
            assert_eq!(parse_accent(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_logo_goes_through_json_as_base64() {
        let logo = Logo {
            media_type: LogoType::Png,
            data: vec![0x89, 0x50, 0, 255],
        };
        let json = serde_json::to_string(&logo).unwrap();
        assert_eq!(json, r#"{"mediaType":"image/png","data":"iVAA/w=="}"#);
        assert_eq!(serde_json::from_str::<Logo>(&json).unwrap(), logo);
    }
}
