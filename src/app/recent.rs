//! The recently opened projects, newest first, kept in a small JSON file in the app's config
//! folder. Plain data and file I/O; the shell decides where the file lives.

use std::path::{Path, PathBuf};

/// How many projects the list remembers.
pub const MAX_RECENT: usize = 10;

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecentFiles {
    pub paths: Vec<PathBuf>,
}

impl RecentFiles {
    /// Reads the list; a missing or unreadable list is an empty one (it is only a convenience).
    pub fn load(store: &Path) -> Self {
        crate::text::read_input(store, 1024 * 1024)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Writes the list atomically (temp file + rename).
    pub fn save(&self, store: &Path) -> crate::Result<()> {
        if let Some(dir) = store.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| crate::Error::io(format!("cannot create {}", dir.display()), e))?;
        }
        let bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        crate::storage::atomic::write_export(store, &bytes).map(|_| ())
    }

    /// Moves `path` to the front, dropping duplicates and the oldest beyond [`MAX_RECENT`].
    pub fn push(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
        self.paths.insert(0, path.to_owned());
        self.paths.truncate(MAX_RECENT);
    }

    /// The remembered projects that still exist.
    pub fn existing(&self) -> Vec<PathBuf> {
        self.paths.iter().filter(|p| p.is_file()).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_bounded() {
        let mut r = RecentFiles::default();
        for i in 0..15 {
            r.push(Path::new(&format!("/p/{i}.journey")));
        }
        r.push(Path::new("/p/12.journey"));
        assert_eq!(r.paths.len(), MAX_RECENT);
        assert_eq!(r.paths[0], Path::new("/p/12.journey"));
        assert_eq!(r.paths[1], Path::new("/p/14.journey"));
        assert_eq!(
            r.paths.iter().filter(|p| p.ends_with("12.journey")).count(),
            1
        );
    }

    #[test]
    fn survives_a_round_trip_and_a_bad_store() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("cfg/recent.json");
        assert_eq!(RecentFiles::load(&store), RecentFiles::default());
        let file = dir.path().join("a.journey");
        std::fs::write(&file, b"x").unwrap();
        let mut r = RecentFiles::default();
        r.push(&file);
        r.push(&dir.path().join("gone.journey"));
        r.save(&store).unwrap();
        let back = RecentFiles::load(&store);
        assert_eq!(back, r);
        assert_eq!(back.existing(), vec![file]);
        std::fs::write(&store, b"{not json").unwrap();
        assert_eq!(RecentFiles::load(&store), RecentFiles::default());
    }
}
