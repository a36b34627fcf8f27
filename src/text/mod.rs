//! Text and files from outside, read one way everywhere: which paths may be read at all and how
//! much of them, dates as people write them, line numbers and line-numbered problems, and text
//! made safe for XML. Every import and every project open goes
//! through here, so a FIFO, a device or a gigantic file is refused before anything reads it.
//! It depends on nothing else in the crate but the error type.

mod dates;
mod input;
mod lines;
mod typed;
mod xml;

pub use dates::{parse_day, parse_iso, DayOrder};
pub use input::{open_regular, read_input, MAX_IMPORT_BYTES};
pub use lines::{line_error, LineError, LineIndex};
pub use typed::{shows_anything, typed_text};
pub use xml::xml_escape;
