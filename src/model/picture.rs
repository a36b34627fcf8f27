//! A picture on a card: a photo of the kiosk, a screenshot of the app screen the card is about.
//! Kept in the project file beside the card (one each), already shrunk to fit: what arrives
//! larger is resized by the application layer before it becomes a record.

use super::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest side a kept picture has, in pixels.
pub const MAX_PICTURE_SIDE: u32 = 1600;
/// The most bytes a kept picture takes.
pub const MAX_PICTURE_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum PictureType {
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/jpeg")]
    Jpeg,
}

impl PictureType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Png, Self::Jpeg]
            .into_iter()
            .find(|t| t.as_str() == s)
    }

    /// What the bytes are, by their first bytes.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Picture {
    pub id: Id,
    pub map_id: Id,
    /// The card it is on (one picture per card).
    pub touchpoint_id: Id,
    pub media_type: PictureType,
    pub width: u32,
    pub height: u32,
    #[serde(with = "super::look::base64_bytes")]
    #[ts(type = "string")]
    pub data: Vec<u8>,
}

impl Picture {
    /// Whether the record says what its bytes are and keeps within the limits.
    pub fn problem(&self) -> Option<String> {
        if PictureType::sniff(&self.data) != Some(self.media_type) {
            return Some(format!("the data is not {}", self.media_type.as_str()));
        }
        if self.data.len() > MAX_PICTURE_BYTES {
            return Some(format!(
                "{} bytes is over the 1 MB a picture may take",
                self.data.len()
            ));
        }
        let side = 1..=MAX_PICTURE_SIDE;
        if !side.contains(&self.width) || !side.contains(&self.height) {
            return Some(format!(
                "{}×{} pixels is not within 1–{MAX_PICTURE_SIDE} a side",
                self.width, self.height
            ));
        }
        None
    }
}
