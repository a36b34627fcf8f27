//! Rolling backups: copies of a project taken while it is edited, kept per project in a folder of
//! the app's, newest first, at most `keep` of them. A backup is a complete `.journey` file made
//! with SQLite's online backup, so it is consistent even mid-session. The clock is passed in.

use crate::model::Id;
use crate::{Error, ProjectFile, Result};
use chrono::NaiveDateTime;
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// File names are the time taken, so they sort by age.
const STAMP: &str = "%Y%m%d-%H%M%S";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupEntry {
    pub path: String,
    /// When it was taken, `YYYY-MM-DDTHH:MM:SS` local time.
    pub taken: String,
    pub bytes: u32,
}

#[derive(Debug, Clone)]
pub struct Backups {
    dir: PathBuf,
    keep: usize,
}

impl Backups {
    pub fn new(dir: impl Into<PathBuf>, keep: usize) -> Self {
        Self {
            dir: dir.into(),
            keep: keep.max(1),
        }
    }

    fn folder(&self, project: Id) -> PathBuf {
        self.dir.join(project.to_string())
    }

    /// Copies the open project into a new backup and drops the oldest beyond `keep`.
    pub fn take(&self, file: &ProjectFile, now: NaiveDateTime) -> Result<PathBuf> {
        let folder = self.folder(file.project_but_feedback().info.id);
        std::fs::create_dir_all(&folder)
            .map_err(|e| Error::io(format!("cannot create {}", folder.display()), e))?;
        let mut dest = folder.join(format!("{}.journey", now.format(STAMP)));
        let mut n = 1;
        while dest.exists() {
            dest = folder.join(format!("{}-{n}.journey", now.format(STAMP)));
            n += 1;
        }
        file.copy_to(&dest)?;
        for old in self
            .list(file.project_but_feedback().info.id)?
            .into_iter()
            .skip(self.keep)
        {
            // A backup that cannot be removed is only disk space; the new one is written.
            let _ = std::fs::remove_file(old.path);
        }
        Ok(dest)
    }

    /// Whether the newest backup is older than `every` (or there is none).
    pub fn due(&self, project: Id, now: NaiveDateTime, every: chrono::Duration) -> bool {
        match self.list(project).ok().and_then(|l| l.into_iter().next()) {
            Some(newest) => NaiveDateTime::parse_from_str(&newest.taken, "%Y-%m-%dT%H:%M:%S")
                .map(|t| now - t >= every)
                .unwrap_or(true),
            None => true,
        }
    }

    /// A project's backups, newest first.
    pub fn list(&self, project: Id) -> Result<Vec<BackupEntry>> {
        let folder = self.folder(project);
        let Ok(entries) = std::fs::read_dir(&folder) else {
            return Ok(Vec::new());
        };
        let mut list: Vec<BackupEntry> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let stem = name.strip_suffix(".journey")?;
                let taken = NaiveDateTime::parse_from_str(stem.get(..15)?, STAMP).ok()?;
                let bytes = e.metadata().ok()?.len();
                Some(BackupEntry {
                    path: e.path().display().to_string(),
                    taken: taken.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    bytes: u32::try_from(bytes).unwrap_or(u32::MAX),
                })
            })
            .collect();
        list.sort_by(|a, b| b.path.cmp(&a.path));
        Ok(list)
    }

    /// Whether `path` is one of this store's backups (the UI may only restore those).
    pub fn contains(&self, path: &Path) -> bool {
        match (path.canonicalize(), self.dir.canonicalize()) {
            (Ok(p), Ok(d)) => p.starts_with(d),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn keeps_the_newest_and_knows_when_one_is_due() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.journey");
        let mut file = ProjectFile::create(&path, &crate::app::generate::project(30, 2)).unwrap();
        let store = Backups::new(dir.path().join("backups"), 3);
        let id = file.project_but_feedback().info.id;
        assert!(store.due(id, at("2026-11-22 10:00:00"), chrono::Duration::minutes(10)));
        for minute in 0..5 {
            store
                .take(&file, at(&format!("2026-11-22 10:0{minute}:00")))
                .unwrap();
        }
        let list = store.list(id).unwrap();
        assert_eq!(list.len(), 3, "only the newest three are kept");
        assert_eq!(list[0].taken, "2026-11-22T10:04:00");
        assert!(!store.due(id, at("2026-11-22 10:10:00"), chrono::Duration::minutes(10)));
        assert!(store.due(id, at("2026-11-22 10:14:00"), chrono::Duration::minutes(10)));
        let copy = ProjectFile::read(&list[0].path).unwrap();
        assert_eq!(
            &copy,
            file.project().unwrap(),
            "a backup is a complete, readable project"
        );
        assert!(store.contains(Path::new(&list[0].path)));
        assert!(!store.contains(&path));
    }
}
