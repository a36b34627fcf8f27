//! Journeymap's core: the journey-mapping domain, `.journey` project files, the JSON interchange
//! format and sample data. It has no GUI dependency; the desktop shell and the `journeymap`
//! command-line tool are thin layers over it.

pub mod backup;
pub mod error;
pub mod generate;
pub mod interchange;
pub mod measure;
pub mod model;
pub mod recent;
#[cfg(feature = "report")]
pub mod report;
pub mod session;
pub mod storage;
pub mod text;
pub mod workflow;

pub use error::{Error, ErrorCode, ErrorPayload, Result};
pub use storage::ProjectFile;
