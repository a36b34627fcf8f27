//! Spreadsheet text in and out: decoding what Excel and friends save (UTF-8 with or without a BOM,
//! UTF-16, `,` `;` or tab separated), reading it into rows that keep their line numbers, and
//! writing cells that a spreadsheet cannot mistake for formulas.

use std::borrow::Cow;

pub use crate::text::{line_error, LineError};

/// Bad lines named in an error (the total is always given).
pub const MAX_LISTED_ERRORS: usize = 200;

/// The error for a file with bad lines: the first few are named, with the total.
pub fn import_error(errors: Vec<LineError>) -> crate::Error {
    let total = errors.len();
    crate::Error::InvalidImport {
        total,
        lines: errors.into_iter().take(MAX_LISTED_ERRORS).collect(),
    }
}

/// One data row with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    pub line: u64,
    pub cells: Vec<String>,
}

/// A decoded sheet: the header row and the data rows under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    pub headers: Vec<String>,
    pub rows: Vec<CsvRow>,
}

/// Turns file bytes into text. UTF-8 (a BOM is dropped) and UTF-16 with a BOM are read; any other
/// encoding is refused with the line of the first byte that is not UTF-8, rather than guessed.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, LineError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest);
    }
    let utf16 = |rest: &[u8], from: fn([u8; 2]) -> u16| {
        if !rest.len().is_multiple_of(2) {
            return Err(line_error(
                1,
                "the file is UTF-16 but has an odd number of bytes",
            ));
        }
        let units = rest.chunks_exact(2).map(|c| from([c[0], c[1]]));
        let mut text = String::with_capacity(rest.len() / 2);
        let mut line = 1;
        for c in char::decode_utf16(units) {
            match c {
                Ok(c) => {
                    line += u64::from(c == '\n');
                    text.push(c);
                }
                Err(_) => return Err(line_error(line, "broken UTF-16 text")),
            }
        }
        Ok(Cow::Owned(text))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    decode_utf8(bytes)
}

fn decode_utf8(bytes: &[u8]) -> Result<Cow<'_, str>, LineError> {
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
        let at = e.valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|b| **b == b'\n').count() as u64;
        line_error(
            line,
            format!(
                "byte 0x{:02X} is not UTF-8 text; save the file as \"CSV UTF-8\" and import it again",
                bytes[at]
            ),
        )
    })
}

/// The separator of a sheet: the one of `,` `;` tab that splits the header line most.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (header.matches(char::from(*d)).count(), *d == b','))
        .unwrap_or(b',')
}

/// Reads every row that has content, with the line its first cell is on; rows may differ in
/// length. A row the CSV reader cannot read ends the file with a line-numbered error.
pub fn read_records(bytes: &[u8]) -> Result<Vec<CsvRow>, Vec<LineError>> {
    let text = decode(bytes).map_err(|e| vec![e])?;
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let lines = crate::text::LineIndex::new(&text);
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(vec![line_error(line, format!("unreadable row: {e}"))]);
            }
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = record
            .position()
            .map_or(0, |p| lines.content_line_from(p.byte() as usize));
        rows.push(CsvRow {
            line,
            cells: record.iter().map(str::to_owned).collect(),
        });
    }
    Ok(rows)
}

/// Reads a sheet with a header row. Blank lines are skipped; a row whose cell count differs from
/// the header's is reported by line, and every such problem is collected, not only the first.
pub fn read_table(bytes: &[u8]) -> Result<CsvTable, Vec<LineError>> {
    let mut records = read_records(bytes)?.into_iter();
    let Some(header) = records.next() else {
        return Err(vec![line_error(
            1,
            "the file is empty: a header row is needed",
        )]);
    };
    let headers: Vec<String> = header.cells.iter().map(|c| c.trim().to_owned()).collect();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for row in records {
        if row.cells.len() == headers.len() {
            rows.push(row);
        } else {
            errors.push(line_error(
                row.line,
                format!(
                    "{} cells, but the header has {} columns",
                    row.cells.len(),
                    headers.len()
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(CsvTable { headers, rows })
    } else {
        Err(errors)
    }
}

/// Which column each field is in, guessed from header names: a header equal to one of a field's
/// words first, then one containing it; each column serves one field. `hints` lists the fields
/// in priority order with their words, most specific first.
pub fn guess_columns<'f>(
    headers: &[String],
    hints: &[(&'f str, &[&str])],
) -> std::collections::HashMap<&'f str, u32> {
    let mut taken = vec![false; headers.len()];
    let mut found = std::collections::HashMap::new();
    for exact in [true, false] {
        for (field, words) in hints {
            if found.contains_key(field) {
                continue;
            }
            let hit = headers.iter().enumerate().find(|(i, h)| {
                let h = h.trim().to_lowercase();
                !taken[*i]
                    && words
                        .iter()
                        .any(|w| if exact { h == *w } else { h.contains(w) })
            });
            if let Some((i, _)) = hit {
                taken[i] = true;
                found.insert(*field, i as u32);
            }
        }
    }
    found
}

/// Characters that make a spreadsheet treat a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell made safe to open in a spreadsheet: one starting like a formula gets a leading `'`,
/// which spreadsheets show as text and never evaluate.
pub fn escape_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Undoes [`escape_cell`], so exported text imports back unchanged.
pub fn unescape_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

/// A cell to write: text is escaped against formula injection, numbers are written as numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<i32> for Cell {
    fn from(n: i32) -> Self {
        Cell::Number(f64::from(n))
    }
}

impl From<f64> for Cell {
    fn from(n: f64) -> Self {
        Cell::Number(n)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Self {
        v.map_or(Cell::Empty, Into::into)
    }
}

/// Writes a sheet as UTF-8 with a BOM (so Excel reads accents right) and CRLF line ends. The
/// same rows always give the same bytes.
pub fn write_table(headers: &[&str], rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        let text = |c: &Cell| match c {
            Cell::Text(s) => escape_cell(s).into_owned(),
            Cell::Number(n) => format_number(*n),
            Cell::Empty => String::new(),
        };
        // Writing to a Vec cannot fail.
        w.write_record(headers.iter().map(|h| escape_cell(h).into_owned()))
            .expect("write to memory");
        for row in rows {
            w.write_record(row.iter().map(text))
                .expect("write to memory");
        }
        w.flush().expect("write to memory");
    }
    out
}

/// Numbers as people type them: no trailing `.0`, no exponent for everyday magnitudes.
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_escaped_and_unescaped() {
        for dangerous in ["=SUM(A1:A2)", "+1", "-2+3", "@cmd", "\tx", "\rx"] {
            let escaped = escape_cell(dangerous);
            assert_eq!(escaped, format!("'{dangerous}"));
            assert_eq!(unescape_cell(&escaped), dangerous);
        }
        for safe in ["Queue too long", "'quoted'", "", "1+1", "e=mc2"] {
            assert_eq!(escape_cell(safe), safe);
            assert_eq!(unescape_cell(safe), safe);
        }
    }

    #[test]
    fn written_cells_escape_text_but_not_numbers() {
        let bytes = write_table(
            &["text", "n"],
            &[
                vec![Cell::from("=1+2"), Cell::from(-2)],
                vec![Cell::from("a,b"), Cell::Number(2.5)],
            ],
        );
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text, "\u{feff}text,n\r\n'=1+2,-2\r\n\"a,b\",2.5\r\n");
    }

    #[test]
    fn tables_keep_line_numbers_and_report_every_ragged_row() {
        let t = read_table(b"a,b\n1,2\n\n\"multi\nline\",3\n4,5\n").unwrap();
        assert_eq!(t.headers, ["a", "b"]);
        let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4, 6]);
        assert_eq!(t.rows[1].cells[0], "multi\nline");
        let errors = read_table(b"a,b\n1\n2,3\n4,5,6\n").unwrap_err();
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 4]);
        assert!(errors[0].message.contains("1 cells"), "{}", errors[0]);
    }

    #[test]
    fn semicolons_tabs_boms_and_utf16_are_read() {
        let t = read_table("\u{feff}a;b\nZoë;2\n".as_bytes()).unwrap();
        assert_eq!(t.rows[0].cells, ["Zoë", "2"]);
        let t = read_table(b"a\tb\n1\t2\n").unwrap();
        assert_eq!(t.rows[0].cells, ["1", "2"]);
        let mut le = vec![0xFF, 0xFE];
        le.extend("x,y\n顧客,1\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read_table(&le).unwrap().rows[0].cells, ["顧客", "1"]);
        let mut be = vec![0xFE, 0xFF];
        be.extend("x,y\nä,1\n".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read_table(&be).unwrap().rows[0].cells, ["ä", "1"]);
    }

    #[test]
    fn other_encodings_are_refused_with_the_line() {
        // "café" in Windows-1252 on line 3.
        let errors = read_table(b"a,b\n1,2\ncaf\xE9,3\n").unwrap_err();
        assert_eq!(errors[0].line, 3);
        assert!(errors[0].message.contains("0xE9"), "{}", errors[0]);
        assert_eq!(read_table(b"").unwrap_err()[0].line, 1);
        assert!(read_table(b"\xFF\xFEa").is_err(), "odd UTF-16");
    }
}
