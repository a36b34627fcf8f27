//! How WebKitGTK draws the window on a machine without a GPU: its DMA-BUF renderer, the default,
//! then renders in software into shared buffers and its web process holds some 160 MB more than
//! the older path, which draws the same pixels (docs/performance.md, sixth round).

use std::ffi::OsString;
use std::path::Path;

/// WebKitGTK's switch for its DMA-BUF renderer.
const SWITCH: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";

/// Turns the DMA-BUF renderer off when the machine has no GPU render node, unless the person
/// set the switch themselves. Called first thing in `main`, before any thread starts.
pub fn prefer_shared_memory_without_gpu() {
    if software_only(
        std::env::var_os(SWITCH),
        &render_nodes(Path::new("/dev/dri")),
    ) {
        std::env::set_var(SWITCH, "1");
    }
}

/// The names of the DRM render nodes under `dri` (none when it does not exist).
fn render_nodes(dri: &Path) -> Vec<OsString> {
    std::fs::read_dir(dri)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name())
                .filter(|n| n.to_string_lossy().starts_with("renderD"))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether to set the switch: it is not set already and there is no render node to draw with.
fn software_only(already: Option<OsString>, render_nodes: &[OsString]) -> bool {
    already.is_none() && render_nodes.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_gpu_the_shared_memory_path_is_chosen_unless_the_person_chose() {
        assert!(software_only(None, &[]));
        assert!(!software_only(None, &["renderD128".into()]));
        assert!(
            !software_only(Some("0".into()), &[]),
            "a person's 0 is kept"
        );
    }

    #[test]
    fn render_nodes_are_found_by_name() {
        let dir = tempfile::tempdir().unwrap();
        assert!(render_nodes(&dir.path().join("missing")).is_empty());
        std::fs::write(dir.path().join("card0"), b"").unwrap();
        assert!(render_nodes(dir.path()).is_empty());
        std::fs::write(dir.path().join("renderD128"), b"").unwrap();
        assert_eq!(render_nodes(dir.path()), vec![OsString::from("renderD128")]);
    }
}
