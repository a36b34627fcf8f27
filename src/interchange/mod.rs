//! Formats for moving projects in and out of Journeymap without the app.

pub mod cjml;
pub mod csv;
pub mod feedback_csv;
pub mod holidays;
pub mod json;
pub mod tables;
pub mod touchpoints_csv;
pub mod xlsx;
