//! Which project the window opens first: the file named on the command line, else the project
//! used last (so a facilitator whose laptop died finds the room's work again), else the user's own
//! copy of the bundled sample (the bundled file itself is never written to).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

const SAMPLE: &[u8] = include_bytes!("../../assets/sample.journey");
const SAMPLE_NAME: &str = "Northwind Air sample.journey";

pub fn project_path(
    arg: Option<OsString>,
    last: Option<&PathBuf>,
    data_dir: &Path,
) -> std::io::Result<PathBuf> {
    if let Some(arg) = arg {
        return Ok(PathBuf::from(arg));
    }
    if let Some(last) = last {
        return Ok(last.clone());
    }
    let copy = data_dir.join(SAMPLE_NAME);
    if !copy.exists() {
        std::fs::create_dir_all(data_dir)?;
        let temp = data_dir.join(format!(".{SAMPLE_NAME}.tmp"));
        std::fs::write(&temp, SAMPLE)?;
        std::fs::rename(&temp, &copy)?;
    }
    Ok(copy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_start_copies_the_sample_and_later_starts_keep_the_copy() {
        let dir = std::env::temp_dir().join(format!("jm-startup-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = project_path(None, None, &dir).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), SAMPLE);
        std::fs::write(&path, b"edited").unwrap();
        assert_eq!(project_path(None, None, &dir).unwrap(), path);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"edited",
            "the user's copy is never reset"
        );
        let last = PathBuf::from("last.journey");
        assert_eq!(project_path(None, Some(&last), &dir).unwrap(), last);
        let named = project_path(Some("x.journey".into()), Some(&last), &dir).unwrap();
        assert_eq!(
            named,
            PathBuf::from("x.journey"),
            "a file named on the command line wins"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
