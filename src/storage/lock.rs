//! One writer per project file. On Unix an advisory `flock` on the file itself (SQLite uses
//! separate `fcntl` locks, so the two do not interfere); elsewhere, where file locks are
//! mandatory and would block SQLite's own I/O, a lock on a sidecar `<file>-lock`. The OS drops the
//! lock when the process dies, so a crash never leaves a project locked.

use crate::{Error, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// How long a held lock is waited for before the file counts as in use.
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_millis(300);

#[derive(Debug)]
pub(crate) struct WriterLock {
    _file: File,
}

impl WriterLock {
    pub(crate) fn acquire(path: &Path) -> Result<Self> {
        let target = if cfg!(unix) {
            path.to_owned()
        } else {
            let mut sidecar = path.as_os_str().to_owned();
            sidecar.push("-lock");
            sidecar.into()
        };
        let file = OpenOptions::new()
            .read(true)
            .write(!cfg!(unix))
            .create(!cfg!(unix))
            .truncate(false)
            .open(&target)
            .map_err(|e| Error::io(format!("cannot open {}", path.display()), e))?;
        // A lock can be held for a moment by someone about to let go: the window that just closed
        // the file, or a process forked elsewhere in this one that still shares the descriptor
        // until it execs. Such holders are gone within milliseconds; a real second writer is not.
        let deadline = std::time::Instant::now() + BUSY_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: file }),
                Err(TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::FileInUse {
                        path: path.to_owned(),
                    })
                }
                Err(TryLockError::Error(e)) => {
                    return Err(Error::io(format!("cannot lock {}", path.display()), e))
                }
            }
        }
    }
}
