//! Opening files named by a person (or by a stranger's project): only regular files, and never
//! more bytes than the caller can afford.

use crate::{Error, Result};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// The largest file an import reads (CSV, spreadsheet, CJML, JSON, holidays). A 100,000-row
/// feedback sheet is some 10 MB; anything beyond this is refused before it is read.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

fn not_found_or_io(path: &Path, e: std::io::Error) -> Error {
    match e.kind() {
        std::io::ErrorKind::NotFound => Error::FileNotFound {
            path: path.to_owned(),
        },
        _ => Error::io(format!("cannot read {}", path.display()), e),
    }
}

/// Opens `path` for reading if it is a regular file. The open does not block (a FIFO would wait
/// for a writer forever) and the type is judged on the opened file, so nothing can be swapped in
/// between the check and the read.
pub fn open_regular(path: &Path) -> Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| not_found_or_io(path, e))?;
    let meta = file.metadata().map_err(|e| not_found_or_io(path, e))?;
    if !meta.is_file() {
        return Err(Error::InvalidInput(format!(
            "{} is not a regular file (a folder, device or pipe cannot be read)",
            path.display()
        )));
    }
    #[cfg(unix)]
    {
        // Reads from here on may wait for the disk as usual.
        use std::os::fd::AsRawFd;
        // SAFETY: fcntl on a descriptor this function owns, with integer arguments only.
        unsafe {
            let flags = libc::fcntl(file.as_raw_fd(), libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(file.as_raw_fd(), libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
    }
    Ok(file)
}

/// Reads a whole file of at most `limit` bytes. The limit holds while reading too, so a file that
/// grows (or lies about its size) cannot take more memory than that.
pub fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let file = open_regular(path)?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let too_big = || {
        Error::InvalidInput(format!(
            "{} is larger than {} MB; nothing was read",
            path.display(),
            limit / (1024 * 1024)
        ))
    };
    if len > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| not_found_or_io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn reads_regular_files_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.csv");
        std::fs::write(&f, b"0123456789").unwrap();
        assert_eq!(read_input(&f, 10).unwrap(), b"0123456789");
        assert_eq!(
            read_input(&f, 9).unwrap_err().code(),
            ErrorCode::InvalidInput
        );
        assert_eq!(
            read_input(&dir.path().join("nope"), 10).unwrap_err().code(),
            ErrorCode::FileNotFound
        );
        assert_eq!(
            read_input(dir.path(), 10).unwrap_err().code(),
            ErrorCode::InvalidInput
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.csv");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert_eq!(
            read_input(&fifo, 10).unwrap_err().code(),
            ErrorCode::InvalidInput,
            "a pipe is refused (and the call returned: nothing writes to it)"
        );
    }
}
