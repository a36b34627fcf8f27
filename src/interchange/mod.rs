//! Formats for moving projects in and out of Journeymap without the app.

pub mod json;
