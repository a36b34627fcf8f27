//! The one way Journeymap puts a file on disk: the bytes go to a temporary file beside the
//! destination, are synced, and the file is renamed over it, so a failure never leaves half a file
//! where a good one was. A new file gets the mode the umask allows (0644 under 022), a replaced
//! one keeps its mode. What may be replaced is decided here too: an export never replaces a
//! project file (by any path: a symlink, a hard link, `./P`), and a project is replaced only when
//! no other process is writing it.

use super::lock::WriterLock;
use crate::{Error, Result};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What may stand at the destination of a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Overwrite {
    /// Nothing: an existing file is `FileExists`.
    Never,
    /// Any regular file except a project file (exports: a PDF, a web page, a CSV).
    AnythingButAProject,
    /// Any regular file, a project too, unless another process holds its writer lock
    /// (`import-json --force`, Save As over an old project).
    UnlessInUse,
}

/// Writes an export (`bytes`) to `dest`; returns how many bytes were written. Refuses to replace a
/// project file or anything that is not a regular file.
pub fn write_export(dest: &Path, bytes: &[u8]) -> Result<u64> {
    write_with(dest, Overwrite::AnythingButAProject, |file, _| {
        std::io::Write::write_all(file, bytes)
    })?;
    Ok(bytes.len() as u64)
}

/// Builds a file at `dest` through `fill`, which gets the open temporary file and its path (an
/// SQLite writer opens the path; a plain writer writes to the file), then makes it `dest`
/// according to `overwrite`.
pub(crate) fn write_with(
    dest: &Path,
    overwrite: Overwrite,
    fill: impl FnOnce(&mut File, &Path) -> std::io::Result<()>,
) -> Result<()> {
    write_with_result(dest, overwrite, |file, path| {
        fill(file, path).map_err(io(dest))
    })
}

/// [`write_with`] for a `fill` that fails with the crate's own errors (SQLite, validation).
pub(crate) fn write_with_result(
    dest: &Path,
    overwrite: Overwrite,
    fill: impl FnOnce(&mut File, &Path) -> Result<()>,
) -> Result<()> {
    let dest = resolve(dest)?;
    let existing = existing_file(&dest)?;
    // Held until the rename: nobody may start writing the project we are about to replace.
    let mut _lock = None;
    if existing.is_some() {
        match overwrite {
            Overwrite::Never => return Err(Error::FileExists { path: dest }),
            Overwrite::AnythingButAProject if is_sqlite(&dest) => {
                return Err(Error::WouldReplaceProject { path: dest })
            }
            Overwrite::AnythingButAProject => {}
            Overwrite::UnlessInUse => {
                if is_sqlite(&dest) {
                    _lock = Some(WriterLock::acquire(&dest)?);
                }
            }
        }
    }
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".part");
    // Read and write for everyone, less what the process's umask forbids, as for any file a
    // program creates (0644 under the usual 022). Elsewhere the folder decides.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(&dir).map_err(io(&dest))?;
    let temp_path = temp.path().to_owned();
    fill(temp.as_file_mut(), &temp_path)?;
    temp.as_file().sync_all().map_err(io(&dest))?;
    if let Some(meta) = &existing {
        // A replaced file keeps its mode; best effort, the owner can read it either way.
        let _ = temp.as_file().set_permissions(meta.permissions());
    }
    match overwrite {
        Overwrite::Never => {
            temp.persist_noclobber(&dest)
                .map_err(|e| match e.error.kind() {
                    std::io::ErrorKind::AlreadyExists => Error::FileExists { path: dest.clone() },
                    _ => io(&dest)(e.error),
                })?;
        }
        _ => {
            temp.persist(&dest).map_err(|e| io(&dest)(e.error))?;
        }
    }
    if let Ok(d) = File::open(&dir) {
        // Makes the rename itself durable; not every platform can sync a directory.
        let _ = d.sync_all();
    }
    Ok(())
}

fn io(dest: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::io(format!("cannot write {}", dest.display()), e)
}

/// The path a write lands on: a symlink is followed, so the link stays and its target is what
/// gets written (and judged).
fn resolve(dest: &Path) -> Result<PathBuf> {
    match std::fs::canonicalize(dest) {
        Ok(real) => Ok(real),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(dest.to_owned()),
        Err(e) => Err(Error::io(format!("cannot write {}", dest.display()), e)),
    }
}

/// The destination's metadata when something is there; anything but a regular file (a folder,
/// a device, a FIFO) is refused, since renaming over it would replace it.
fn existing_file(dest: &Path) -> Result<Option<std::fs::Metadata>> {
    match std::fs::metadata(dest) {
        Ok(meta) if meta.is_file() => Ok(Some(meta)),
        Ok(_) => Err(Error::InvalidInput(format!(
            "{} is not a regular file; choose a file name to write to",
            dest.display()
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(format!("cannot write {}", dest.display()), e)),
    }
}

/// Whether a file starts like an SQLite database: a project (ours, or one that failed to open)
/// that no export may replace.
fn is_sqlite(path: &Path) -> bool {
    let mut head = [0u8; 16];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .map(|()| &head == super::header::MAGIC)
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[cfg(unix)]
    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn writes_replaces_and_refuses() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.csv");
        assert_eq!(write_export(&out, b"a,b\n").unwrap(), 4);
        assert_eq!(std::fs::read(&out).unwrap(), b"a,b\n");
        write_export(&out, b"c\n").unwrap();
        assert_eq!(
            std::fs::read(&out).unwrap(),
            b"c\n",
            "an export replaces an export"
        );

        let project = dir.path().join("p.journey");
        let mut db = super::super::header::MAGIC.to_vec();
        db.resize(4096, 0);
        std::fs::write(&project, &db).unwrap();
        for path in [project.clone(), dir.path().join(".").join("p.journey")] {
            let e = write_export(&path, b"x").unwrap_err();
            assert_eq!(e.code(), ErrorCode::FileExists, "{e}");
        }
        #[cfg(unix)]
        {
            let link = dir.path().join("link.html");
            std::os::unix::fs::symlink(&project, &link).unwrap();
            assert_eq!(
                write_export(&link, b"x").unwrap_err().code(),
                ErrorCode::FileExists,
                "a symlink to a project is the project"
            );
            let hard = dir.path().join("hard.pdf");
            std::fs::hard_link(&project, &hard).unwrap();
            assert_eq!(
                write_export(&hard, b"x").unwrap_err().code(),
                ErrorCode::FileExists
            );
            let to_export = dir.path().join("to-export.csv");
            std::os::unix::fs::symlink(&out, &to_export).unwrap();
            write_export(&to_export, b"through\n").unwrap();
            assert!(
                std::fs::symlink_metadata(&to_export)
                    .unwrap()
                    .file_type()
                    .is_symlink(),
                "writing through a link keeps the link"
            );
            assert_eq!(std::fs::read(&out).unwrap(), b"through\n");
        }
        assert_eq!(
            std::fs::read(&project).unwrap(),
            db,
            "the project is untouched"
        );
        assert_eq!(
            write_export(dir.path(), b"x").unwrap_err().code(),
            ErrorCode::InvalidInput,
            "a folder is not replaced"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
            .collect();
        assert!(leftovers.is_empty(), "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_the_umask_mode_and_replaced_ones_keep_theirs() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("page.html");
        write_export(&out, b"<p>").unwrap();
        // The test process runs under the umask it was started with; read it back from /proc
        // so the assertion holds under any umask.
        let umask = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("Umask:"))
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            })
            .unwrap_or(0o022);
        assert_eq!(
            mode(&out),
            0o666 & !umask,
            "a new export is as readable as the umask allows"
        );
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_export(&out, b"<p>again").unwrap();
        assert_eq!(mode(&out), 0o640, "a replaced file keeps its mode");
    }
}
