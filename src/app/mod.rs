//! The one application layer. The desktop shell, the `journeymap` command line and the live
//! workshop room all call this and nothing below it: opening and saving a project, every import
//! and export, the report, the redesign tracker's commands, backups and recent files. A front-end
//! parses its input, calls one function here and shows the answer.

pub mod backup;
mod exports;
pub mod generate;
mod imports;
/// Waits on the room's runtime (tokio), so it comes with the room.
#[cfg(feature = "room")]
pub mod notices;
pub mod opened;
pub mod pictures;
pub mod recent;
#[cfg(feature = "room")]
pub mod room;
pub mod session;
pub mod templates;
mod tracker;

#[cfg(feature = "report")]
pub use exports::ReportJob;
#[cfg(feature = "report")]
pub use imports::read_logo;
pub use imports::{import_json, CjmlRead, SheetImported, SheetOptions};
pub use pictures::{
    picture_from_base64, picture_from_bytes, picture_within, portrait_from_base64, read_picture,
    read_portrait, PictureData,
};
pub use session::{OpenedProject, Session};
pub use templates::{TemplateEntry, TemplateList, TemplateOrigin, Templates};
pub use tracker::{phase_index, Advanced, RedesignRow};

/// What Help → About and `journeymap --version` say: the release (from Cargo, the one place a
/// version is written) and the newest `.journey` schema this build reads and writes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct About {
    pub version: String,
    pub file_format: u32,
}

impl About {
    pub fn this_build() -> Self {
        Self {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            file_format: crate::storage::SCHEMA_VERSION,
        }
    }
}

impl std::fmt::Display for About {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (file format {})", self.version, self.file_format)
    }
}
