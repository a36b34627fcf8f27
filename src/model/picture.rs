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
        picture_problem(
            self.media_type,
            self.width,
            self.height,
            &self.data,
            PictureFit::CARD,
        )
    }
}

/// How large a kept picture may be: a card's picture shows at length, a persona's is a portrait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureFit {
    /// The longest side, in pixels.
    pub side: u32,
    /// The most bytes.
    pub bytes: usize,
}

impl PictureFit {
    pub const CARD: Self = Self {
        side: MAX_PICTURE_SIDE,
        bytes: MAX_PICTURE_BYTES,
    };
    pub const PORTRAIT: Self = Self {
        side: MAX_PORTRAIT_SIDE,
        bytes: MAX_PORTRAIT_BYTES,
    };
}

/// The longest side a persona's picture has, in pixels.
pub const MAX_PORTRAIT_SIDE: u32 = 512;
/// The most bytes a persona's picture takes.
pub const MAX_PORTRAIT_BYTES: usize = 256 * 1024;

/// A picture without a place yet: what a dropped, pasted or chosen image becomes, and a
/// persona's portrait.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PictureData {
    pub media_type: PictureType,
    pub width: u32,
    pub height: u32,
    #[serde(with = "super::look::base64_bytes")]
    #[ts(type = "string")]
    pub data: Vec<u8>,
}

impl PictureData {
    /// Whether it says what its bytes are and keeps within `fit`.
    pub fn problem(&self, fit: PictureFit) -> Option<String> {
        picture_problem(self.media_type, self.width, self.height, &self.data, fit)
    }
}

fn picture_problem(
    media_type: PictureType,
    width: u32,
    height: u32,
    data: &[u8],
    fit: PictureFit,
) -> Option<String> {
    if PictureType::sniff(data) != Some(media_type) {
        return Some(format!("the data is not {}", media_type.as_str()));
    }
    if data.len() > fit.bytes {
        return Some(format!(
            "{} bytes is over the {} KB a picture here may take",
            data.len(),
            fit.bytes / 1024
        ));
    }
    let side = 1..=fit.side;
    if !side.contains(&width) || !side.contains(&height) {
        return Some(format!(
            "{width}×{height} pixels is not within 1–{} a side",
            fit.side
        ));
    }
    None
}
