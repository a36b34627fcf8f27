//! Journeymap's core: the journey-mapping domain, `.journey` project files, the JSON interchange
//! format and sample data. It has no GUI dependency; the desktop shell and the `journeymap`
//! command-line tool are thin layers over it.

pub mod app;
#[cfg(feature = "report")]
mod draw;
pub mod error;
#[cfg(feature = "report")]
pub mod export;
pub mod interchange;
pub mod measure;
pub mod model;
#[cfg(feature = "report")]
pub mod report;
pub mod storage;
pub mod text;
pub mod workflow;

pub use error::{Error, ErrorCode, ErrorPayload, Result};
pub use storage::ProjectFile;
