//! Reads the 100-byte SQLite header without SQLite, so a file that is not ours (or is damaged)
//! is recognised and refused before any library gets a chance to touch it.

use crate::{Error, Result};
use std::io::Read;
use std::path::Path;

pub(crate) const MAGIC: &[u8; 16] = b"SQLite format 3\0";
pub(crate) const HEADER_LEN: usize = 100;

/// The header fields Journeymap decides on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub page_size: u64,
    /// Pages the header claims, when the header says that count is current.
    pub page_count: Option<u64>,
    pub user_version: u32,
    /// The file is in write-ahead-log mode (file format bytes 18 and 19 are 2): committed
    /// changes may sit in a `-wal` file beside it. Journeymap never writes this mode.
    pub wal: bool,
    pub application_id: u32,
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Parses a header from the first bytes of a file of `file_len` bytes.
pub(crate) fn parse(path: &Path, bytes: &[u8], file_len: u64) -> Result<Header> {
    if file_len == 0 {
        return Err(Error::EmptyFile {
            path: path.to_owned(),
        });
    }
    // Shorter than the magic string, a file cannot be told apart from any other few bytes.
    if bytes.len() < MAGIC.len() || bytes[..MAGIC.len()] != MAGIC[..] {
        return Err(Error::NotAProjectFile {
            path: path.to_owned(),
        });
    }
    let corrupt = |detail: String| Error::CorruptFile {
        path: path.to_owned(),
        detail,
    };
    if bytes.len() < HEADER_LEN {
        return Err(corrupt(format!(
            "only {file_len} bytes, shorter than an SQLite header"
        )));
    }
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        n => return Err(corrupt(format!("invalid page size {n}"))),
    };
    // The in-header page count is valid only when the change counter matches
    // "version-valid-for" (SQLite file format, section 1.3.4).
    let page_count = (be32(bytes, 24) == be32(bytes, 92)).then(|| u64::from(be32(bytes, 28)));
    Ok(Header {
        page_size,
        page_count: page_count.filter(|&n| n > 0),
        user_version: be32(bytes, 60),
        application_id: be32(bytes, 68),
        wal: bytes[18] == 2 || bytes[19] == 2,
    })
}

/// Reads and parses the header of the file at `path`. The file's type is checked before it is
/// opened: opening a FIFO would wait forever for a writer, and a device is never a project.
pub(crate) fn read(path: &Path) -> Result<(Header, u64)> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::FileNotFound {
            path: path.to_owned(),
        },
        _ => Error::io(format!("cannot open {}", path.display()), e),
    })?;
    if !meta.is_file() {
        return Err(Error::NotAProjectFile {
            path: path.to_owned(),
        });
    }
    let mut file = crate::text::open_regular(path)?;
    let len = file
        .metadata()
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?
        .len();
    let mut bytes = Vec::with_capacity(HEADER_LEN);
    file.by_ref()
        .take(HEADER_LEN as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    Ok((parse(path, &bytes, len)?, len))
}

/// Whether the file length agrees with what the header claims.
pub(crate) fn check_length(path: &Path, header: &Header, file_len: u64) -> Result<()> {
    let corrupt = |detail: String| Error::CorruptFile {
        path: path.to_owned(),
        detail,
    };
    if !file_len.is_multiple_of(header.page_size) {
        return Err(corrupt(format!(
            "{file_len} bytes is not a whole number of {}-byte pages (truncated?)",
            header.page_size
        )));
    }
    if let Some(pages) = header.page_count {
        let expected = pages * header.page_size;
        if file_len < expected {
            return Err(corrupt(format!(
                "truncated: {file_len} of {expected} bytes"
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn header_bytes() -> Vec<u8> {
        let mut b = vec![0u8; HEADER_LEN];
        b[..16].copy_from_slice(MAGIC);
        b[16..18].copy_from_slice(&4096u16.to_be_bytes());
        b[24..28].copy_from_slice(&7u32.to_be_bytes());
        b[28..32].copy_from_slice(&3u32.to_be_bytes());
        b[60..64].copy_from_slice(&2u32.to_be_bytes());
        b[68..72].copy_from_slice(&0xABCDu32.to_be_bytes());
        b[92..96].copy_from_slice(&7u32.to_be_bytes());
        b
    }

    #[test]
    fn parses_fields() {
        let h = parse(Path::new("x"), &header_bytes(), 3 * 4096).unwrap();
        assert_eq!(h.page_size, 4096);
        assert_eq!(h.page_count, Some(3));
        assert_eq!(h.user_version, 2);
        assert_eq!(h.application_id, 0xABCD);
        check_length(Path::new("x"), &h, 3 * 4096).unwrap();
    }

    #[test]
    fn stale_page_count_is_ignored() {
        let mut b = header_bytes();
        b[92..96].copy_from_slice(&6u32.to_be_bytes());
        let h = parse(Path::new("x"), &b, 4096).unwrap();
        assert_eq!(
            h.page_count, None,
            "a stale in-header size must not be trusted"
        );
    }

    #[test]
    fn classifies_bad_headers() {
        let p = Path::new("x");
        assert_eq!(parse(p, &[], 0).unwrap_err().code(), ErrorCode::EmptyFile);
        assert_eq!(
            parse(p, b"hello world", 11).unwrap_err().code(),
            ErrorCode::NotAProjectFile
        );
        assert_eq!(
            parse(p, &MAGIC[..10], 10).unwrap_err().code(),
            ErrorCode::NotAProjectFile
        );
        assert_eq!(
            parse(p, &MAGIC[..], 16).unwrap_err().code(),
            ErrorCode::CorruptFile
        );
        let h = parse(p, &header_bytes(), 3 * 4096).unwrap();
        assert_eq!(
            check_length(p, &h, 2 * 4096).unwrap_err().code(),
            ErrorCode::CorruptFile
        );
        assert_eq!(
            check_length(p, &h, 3 * 4096 - 1).unwrap_err().code(),
            ErrorCode::CorruptFile
        );
    }
}
