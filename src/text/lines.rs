//! Line numbers for byte offsets, found by binary search over the line starts: readers report
//! where in the bytes they are, people need the line. Built once per file, so asking for a line
//! at every event of a large file stays linear.

pub use crate::error::LineError;

pub fn line_error(line: u64, message: impl Into<String>) -> LineError {
    LineError {
        line,
        message: message.into(),
    }
}

/// The positions of the line breaks of one text.
pub struct LineIndex<'a> {
    text: &'a [u8],
    newlines: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let text = text.as_bytes();
        let newlines = text
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i)
            .collect();
        LineIndex { text, newlines }
    }

    /// The 1-based line the byte at `byte` is on (past the end: the last line).
    pub fn line_of(&self, byte: usize) -> u64 {
        1 + self
            .newlines
            .partition_point(|&n| n < byte.min(self.text.len())) as u64
    }

    /// The line of the first character at or after `byte` that is not a line break: a CSV
    /// record "begins" at the blank lines skipped before it, but its first cell is further on.
    pub fn content_line_from(&self, mut byte: usize) -> u64 {
        while matches!(self.text.get(byte), Some(b'\n' | b'\r')) {
            byte += 1;
        }
        self.line_of(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_offsets() {
        let text = "a\nbc\n\n\ndef";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_of(0), 1);
        assert_eq!(lines.line_of(1), 1, "the line break ends its line");
        assert_eq!(lines.line_of(2), 2);
        assert_eq!(lines.line_of(text.len()), 5);
        assert_eq!(lines.line_of(usize::MAX), 5);
        assert_eq!(lines.content_line_from(4), 5, "blank lines are skipped");
    }
}
