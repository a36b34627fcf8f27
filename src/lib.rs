//! Journeymap's core: the journey-mapping domain, `.journey` project files, the JSON interchange
//! format and sample data. It has no GUI dependency; the desktop shell and the `journeymap`
//! command-line tool are thin layers over it.

pub mod app;
pub mod error;
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
