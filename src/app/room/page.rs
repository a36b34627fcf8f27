//! The participant's page, served by the room itself: plain HTML, CSS and script with nothing
//! loaded from elsewhere, so the room works with no internet at all.

pub const HTML: &str = include_str!("page/room.html");
pub const SCRIPT: &str = include_str!("page/room.js");
pub const STYLE: &str = include_str!("page/room.css");
