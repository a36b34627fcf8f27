//! Text and files from outside, read one way everywhere: which paths may be read at all, how much
//! of them, and (as it grows) dates and line numbers. Every import and every project open goes
//! through here, so a FIFO, a device or a gigantic file is refused before anything reads it.
//! It depends on nothing else in the crate but the error type.

mod input;
mod lines;

pub use input::{open_regular, read_input, MAX_IMPORT_BYTES};
pub use lines::LineIndex;
