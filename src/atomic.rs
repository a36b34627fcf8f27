//! Writing an export so that a failure never leaves half a file where a good one was: the bytes
//! go to a temporary file beside the destination, are synced, and the file is renamed over it.

use crate::{Error, Result};
use std::path::Path;

/// Writes `bytes` to `dest` atomically; returns how many were written.
pub fn write_atomically(dest: &Path, bytes: &[u8]) -> Result<u64> {
    let io = |e| Error::io(format!("cannot write {}", dest.display()), e);
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(io)?;
    std::io::Write::write_all(&mut temp, bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(dest).map_err(|e| io(e.error))?;
    Ok(bytes.len() as u64)
}
