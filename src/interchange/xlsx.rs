//! Excel workbooks (.xlsx) read as a header row and data rows, like a CSV sheet. A workbook is a
//! zip of XML parts that a stranger can make tiny on disk and enormous in memory (a far-away
//! cell, a zip bomb, a million rows), so every size is bounded while reading: the parts before
//! they reach the spreadsheet reader, then the cells one at a time, never a whole grid.

use super::csv::{line_error, CsvRow, CsvTable, LineError};
use std::collections::BTreeMap;
use std::io::Read;

/// The most bytes one part of the workbook may unpack to (the worksheet, the shared strings).
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// The most bytes all parts together may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// The most parts a workbook may hold.
pub const MAX_PARTS: usize = 2_000;
/// The most distinct shared strings.
pub const MAX_SHARED_STRINGS: u64 = 1_000_000;
/// The most rows with content (the header included).
pub const MAX_ROWS: usize = 200_000;
/// The most columns: cells to the right of column 200 are refused, not laid out.
pub const MAX_COLUMNS: u32 = 200;
/// The most cells with content.
pub const MAX_CELLS: usize = 4_000_000;

type Problems = Vec<LineError>;

fn refused(message: impl Into<String>) -> Problems {
    vec![line_error(1, message)]
}

/// Reads the first worksheet of an .xlsx workbook. Line numbers are the sheet's row numbers.
pub fn read(bytes: &[u8]) -> Result<CsvTable, Problems> {
    check_parts(bytes)?;
    use calamine::{DataRef, Reader, Xlsx};
    let mut book = Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|e| refused(format!("not a readable .xlsx workbook: {e}")))?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| refused("the workbook has no worksheet"))?;
    let mut cells = book
        .worksheet_cells_reader(&first)
        .map_err(|e| refused(format!("the first worksheet cannot be read: {e}")))?;
    let text = |d: &DataRef| match d {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Float(f) => number(*f),
        DataRef::Int(i) => i.to_string(),
        DataRef::Bool(b) => if *b { "yes" } else { "no" }.into(),
        // A date cell keeps Excel's serial number: no touchpoint field is a date.
        DataRef::DateTime(d) => number(d.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => format!("#{e:?}"),
    };
    // Rows as they come (a workbook may list them out of order), only cells with content.
    let mut rows: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    let mut count = 0usize;
    loop {
        let cell = match cells.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(e) => return Err(refused(format!("the first worksheet cannot be read: {e}"))),
        };
        let value = text(cell.get_value());
        if value.trim().is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        if col >= MAX_COLUMNS {
            return Err(vec![line_error(
                u64::from(row) + 1,
                format!(
                    "a value in column {}, beyond the {MAX_COLUMNS} columns a sheet may have; \
                     delete it or move it nearer",
                    column_name(col)
                ),
            )]);
        }
        count += 1;
        if count > MAX_CELLS {
            return Err(refused(format!(
                "more than {MAX_CELLS} cells with content; split the sheet"
            )));
        }
        rows.entry(row).or_default().push((col, value));
        if rows.len() > MAX_ROWS {
            return Err(refused(format!(
                "more than {} rows; split the sheet",
                MAX_ROWS - 1
            )));
        }
    }
    let mut rows = rows.into_iter();
    let Some((_, header)) = rows.next() else {
        return Err(refused("the worksheet is empty: a header row is needed"));
    };
    let width = header.iter().map(|(c, _)| c + 1).max().unwrap_or(0);
    let lay_out = |cells: Vec<(u32, String)>, width: u32| {
        let mut out = vec![String::new(); width as usize];
        for (c, v) in cells {
            if let Some(slot) = out.get_mut(c as usize) {
                *slot = v;
            }
        }
        out
    };
    let headers: Vec<String> = lay_out(header, width)
        .into_iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let rows = rows
        .map(|(row, cells)| {
            let w = cells
                .iter()
                .map(|(c, _)| c + 1)
                .max()
                .unwrap_or(0)
                .max(width);
            CsvRow {
                line: u64::from(row) + 1,
                cells: lay_out(cells, w),
            }
        })
        .collect();
    Ok(CsvTable { headers, rows })
}

/// A number as a person typed it: whole numbers without a decimal point.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// "A", "Z", "AA", … "XFD" for a zero-based column index.
fn column_name(mut col: u32) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Unpacks every part of the archive into nothing, counting, before the spreadsheet reader sees
/// it: a part that unpacks past its limit (whatever its header claims) or too many parts refuse
/// the file. The shared strings are counted too, since the reader keeps them all.
fn check_parts(bytes: &[u8]) -> Result<(), Problems> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| refused(format!("not a readable .xlsx workbook: {e}")))?;
    if zip.len() > MAX_PARTS {
        return Err(refused(format!(
            "{} parts in the workbook, more than {MAX_PARTS}",
            zip.len()
        )));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip
            .by_index(i)
            .map_err(|e| refused(format!("not a readable .xlsx workbook: {e}")))?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let unpacked = if name.ends_with("sharedStrings.xml") {
            count_shared_strings(part)?
        } else {
            unpacked_size(part)?
        };
        total += unpacked;
        if unpacked > MAX_PART_BYTES || total > MAX_UNPACKED_BYTES {
            return Err(refused(format!(
                "the workbook unpacks to more than {} MB ({name}); it is too large to import",
                if unpacked > MAX_PART_BYTES {
                    MAX_PART_BYTES
                } else {
                    MAX_UNPACKED_BYTES
                } / (1024 * 1024)
            )));
        }
    }
    Ok(())
}

fn unreadable(e: impl std::fmt::Display) -> Problems {
    refused(format!("not a readable .xlsx workbook: {e}"))
}

/// Bytes a part unpacks to, reading at most one byte past the limit.
fn unpacked_size(part: impl Read) -> Result<u64, Problems> {
    std::io::copy(&mut part.take(MAX_PART_BYTES + 1), &mut std::io::sink()).map_err(unreadable)
}

/// Unpacks the shared-strings part as a stream of XML and counts its strings; returns its size.
fn count_shared_strings(part: impl Read) -> Result<u64, Problems> {
    let mut counted = CountingReader {
        inner: part.take(MAX_PART_BYTES + 1),
        read: 0,
    };
    {
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(&mut counted));
        let mut buf = Vec::new();
        let mut strings = 0u64;
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Start(e)) if e.local_name().as_ref() == "si" => {
                    strings += 1;
                }
                Ok(quick_xml::events::Event::Start(e)) if e.local_name().as_ref() == "sst" => {
                    let declared = e
                        .try_get_attribute("uniqueCount")
                        .ok()
                        .flatten()
                        .and_then(|a| a.value.trim().parse::<u64>().ok());
                    if declared.is_some_and(|n| n > MAX_SHARED_STRINGS) {
                        return Err(refused(format!(
                            "the workbook declares more than {MAX_SHARED_STRINGS} distinct texts"
                        )));
                    }
                }
                Ok(quick_xml::events::Event::Eof) => break,
                // Damage is the spreadsheet reader's to report; here only sizes count.
                Err(_) => break,
                _ => {}
            }
            if strings > MAX_SHARED_STRINGS {
                return Err(refused(format!(
                    "the workbook holds more than {MAX_SHARED_STRINGS} distinct texts"
                )));
            }
        }
    }
    // Whatever the XML reader left unread still counts towards the size.
    std::io::copy(&mut counted, &mut std::io::sink()).map_err(unreadable)?;
    Ok(counted.read)
}

struct CountingReader<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16_383), "XFD");
    }
}
