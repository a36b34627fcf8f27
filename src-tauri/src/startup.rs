//! Which project the window opens first: the file named on the command line, else the project
//! used last (so a facilitator whose laptop died finds the room's work again), else the user's own
//! copy of the bundled sample (the bundled file itself is never written to).

use journeymap::app::notices::{Notice, Notices};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Manager, Runtime};

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

/// Someone started the app again (a double-click on a `.journey` file, say) while it runs: the
/// running window comes to the front and opens the file named, as File → Open would (the UI
/// asks first when the current project has changes it could not write).
pub fn second_start<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Some(path) = forwarded_path(&argv, Path::new(&cwd)) {
        app.state::<Notices>().post(Notice::Menu {
            id: format!("open:{}", path.display()),
        });
    }
}

/// The project a second start names, made absolute against the directory it was started in.
fn forwarded_path(argv: &[String], cwd: &Path) -> Option<PathBuf> {
    let arg = argv
        .get(1)
        .filter(|a| !a.is_empty() && !a.starts_with('-'))?;
    let path = PathBuf::from(arg.strip_prefix("file://").unwrap_or(arg));
    Some(if path.is_absolute() {
        path
    } else {
        cwd.join(path)
    })
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

    #[test]
    fn a_second_start_forwards_its_file_as_an_absolute_path() {
        let argv = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let cwd = Path::new("/home/ana/work");
        assert_eq!(
            forwarded_path(&argv(&["journeymap-desktop", "map.journey"]), cwd),
            Some(PathBuf::from("/home/ana/work/map.journey"))
        );
        assert_eq!(
            forwarded_path(&argv(&["journeymap-desktop", "/tmp/a b.journey"]), cwd),
            Some(PathBuf::from("/tmp/a b.journey"))
        );
        assert_eq!(forwarded_path(&argv(&["journeymap-desktop"]), cwd), None);
        assert_eq!(
            forwarded_path(&argv(&["journeymap-desktop", "--verbose"]), cwd),
            None
        );
    }
}
