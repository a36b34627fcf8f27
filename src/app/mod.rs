//! The one application layer. The desktop shell, the `journeymap` command line and the live
//! workshop room all call this and nothing below it: opening and saving a project, every import
//! and export, the report, the redesign tracker's commands, backups and recent files. A front-end
//! parses its input, calls one function here and shows the answer.

pub mod backup;
mod exports;
pub mod generate;
mod imports;
pub mod recent;
#[cfg(feature = "room")]
pub mod room;
pub mod session;
mod tracker;

#[cfg(feature = "report")]
pub use exports::ReportJob;
pub use imports::{import_json, CjmlRead, SheetImported, SheetOptions};
pub use session::{OpenedProject, Session};
pub use tracker::{phase_index, Advanced, RedesignRow};
