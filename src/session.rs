//! The project a window is working on: at most one open file, whose every change is written as
//! it arrives (autosave). The desktop shell holds one of these per window and forwards commands to
//! it one line each; it needs no GUI and is tested here.

use crate::backup::{BackupEntry, Backups};
use crate::interchange::cjml;
use crate::interchange::feedback_csv::{self, FeedbackMapping, FeedbackPreview};
use crate::interchange::tables::{self, Table};
use crate::interchange::touchpoints_csv::{self, TouchpointMapping, TouchpointPreview};
use crate::measure::{Dashboard, Feedback};
use crate::model::{Changes, Id, Project, Summary};
use crate::{Error, ProjectFile, Result};
use chrono::NaiveDate;
use chrono::NaiveDateTime;
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What the UI learns after opening or creating a file.
// It borrows the session's own copy of the project: cloning a 10,000-card project only to send it
// to the window left the app holding 5 MB more heap for as long as it ran (docs/performance.md).
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenedProject<'a> {
    pub path: String,
    pub project: &'a Project,
}

impl OpenedProject<'_> {
    /// The JSON the window receives, written once from the borrowed project.
    pub fn to_json(&self) -> String {
        // Every field is a plain struct, string-keyed map or list: serializing cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[derive(Debug, Default)]
pub struct Session {
    file: Option<ProjectFile>,
}

impl Session {
    /// Opens `path`, or returns the project already open when it is the same file (this
    /// session holds its writer's lock, so opening it a second time would be refused).
    pub fn open(&mut self, path: &Path) -> Result<OpenedProject<'_>> {
        let already =
            matches!(&self.file, Some(current) if crate::storage::same_file(current.path(), path));
        if !already {
            self.file = Some(ProjectFile::open(path)?);
        }
        self.opened()
    }

    /// Creates a new, empty project file and makes it the open one.
    pub fn create(&mut self, path: &Path, project: &Project) -> Result<OpenedProject<'_>> {
        self.file = Some(ProjectFile::create(path, project)?);
        self.opened()
    }

    fn opened(&mut self) -> Result<OpenedProject<'_>> {
        let file = self.file()?;
        Ok(OpenedProject {
            path: file.path().display().to_string(),
            project: file.project(),
        })
    }

    fn file(&mut self) -> Result<&mut ProjectFile> {
        self.file
            .as_mut()
            .ok_or_else(|| Error::InvalidInput("no project is open".into()))
    }

    /// Writes one change set to the open file (the autosave path).
    pub fn apply(&mut self, changes: &Changes) -> Result<Summary> {
        let file = self.file()?;
        file.apply(changes)?;
        Ok(file.project().summary())
    }

    /// Writes the open project to `dest` and continues there.
    pub fn save_as(&mut self, dest: &Path) -> Result<OpenedProject<'_>> {
        let file = self.file()?;
        let project = file.project().clone();
        file.save_as(&project, dest)?;
        self.opened()
    }

    /// Takes a backup of the open project if the newest is older than `every`.
    pub fn back_up_if_due(
        &self,
        backups: &Backups,
        now: NaiveDateTime,
        every: chrono::Duration,
    ) -> Result<Option<PathBuf>> {
        let Some(file) = &self.file else {
            return Ok(None);
        };
        if !backups.due(file.project().info.id, now, every) {
            return Ok(None);
        }
        backups.take(file, now).map(Some)
    }

    /// The open project's backups, newest first.
    pub fn backups(&self, backups: &Backups) -> Result<Vec<BackupEntry>> {
        match &self.file {
            Some(file) => backups.list(file.project().info.id),
            None => Ok(Vec::new()),
        }
    }

    /// Puts a backup's content into the open file (in one transaction, keeping the file and its
    /// lock). The state before is backed up first, so a restore can itself be undone.
    pub fn restore(
        &mut self,
        backups: &Backups,
        backup: &Path,
        now: NaiveDateTime,
    ) -> Result<OpenedProject<'_>> {
        if !backups.contains(backup) {
            return Err(Error::InvalidInput(format!(
                "{} is not one of this project's backups",
                backup.display()
            )));
        }
        let old = ProjectFile::read(backup)?;
        let file = self.file()?;
        if old.info.id != file.project().info.id {
            return Err(Error::InvalidInput(
                "that backup belongs to another project".into(),
            ));
        }
        backups.take(file, now)?;
        file.save(&old)?;
        self.opened()
    }

    pub fn path(&self) -> Option<PathBuf> {
        self.file.as_ref().map(|f| f.path().to_owned())
    }

    pub fn project(&self) -> Option<&Project> {
        self.file.as_ref().map(ProjectFile::project)
    }

    fn open_project(&self) -> Result<&Project> {
        self.project()
            .ok_or_else(|| Error::InvalidInput("no project is open".into()))
    }

    /// The dashboard's figures for one map (every map when `None`) on `today`.
    pub fn dashboard(&self, map_id: Option<Id>, today: NaiveDate) -> Result<Dashboard> {
        Ok(Dashboard::compute(self.open_project()?, map_id, today))
    }

    /// The mapping step of a feedback CSV import: `mapping` as given, or guessed.
    pub fn preview_feedback(
        &self,
        csv: &Path,
        map_id: Id,
        mapping: Option<FeedbackMapping>,
    ) -> Result<FeedbackPreview> {
        let bytes = read_file(csv)?;
        feedback_csv::preview(&bytes, self.open_project()?, map_id, mapping)
    }

    /// Every row of a feedback CSV as new feedback (not yet added: the UI adds it as one undoable
    /// edit), or an error naming the bad lines.
    pub fn read_feedback(&self, csv: &Path, mapping: &FeedbackMapping) -> Result<Vec<Feedback>> {
        let bytes = read_file(csv)?;
        feedback_csv::import(&bytes, self.open_project()?, mapping, crate::model::new_id)
    }

    /// The mapping step of a touchpoint sheet import (CSV or .xlsx).
    pub fn preview_touchpoints(
        &self,
        sheet: &Path,
        map_id: Option<Id>,
        mapping: Option<TouchpointMapping>,
    ) -> Result<TouchpointPreview> {
        touchpoints_csv::preview(&read_file(sheet)?, self.open_project()?, mapping, map_id)
    }

    /// The changes that add a sheet's touchpoints (not yet applied: the UI applies them as one
    /// undoable edit), or an error naming the bad lines.
    pub fn read_touchpoints(&self, sheet: &Path, mapping: &TouchpointMapping) -> Result<Changes> {
        touchpoints_csv::import(
            &read_file(sheet)?,
            self.open_project()?,
            mapping,
            crate::model::new_id,
        )
    }

    /// The changes that add a CJML document's journeys as maps, and what was left out.
    pub fn read_cjml(&self, path: &Path) -> Result<CjmlRead> {
        let imported = cjml::import(
            &read_file(path)?,
            self.open_project()?,
            crate::model::new_id,
        )?;
        Ok(CjmlRead {
            changes: imported.changes,
            maps: imported.maps,
            touchpoints: imported.touchpoints,
            not_imported: imported.not_imported,
        })
    }

    /// Writes the open project's maps as CJML; returns what CJML could not hold.
    pub fn export_cjml(&self, dest: &Path) -> Result<Vec<String>> {
        let out = cjml::export(self.open_project()?);
        crate::storage::atomic::write_export(dest, out.xml.as_bytes())?;
        Ok(out.not_exported)
    }

    /// Writes one table of the open project as CSV; returns its size in bytes.
    pub fn export_csv(&self, table: Table, dest: &Path) -> Result<u64> {
        crate::storage::atomic::write_export(dest, &tables::export(self.open_project()?, table))
    }

    /// Writes a map as SVG, or as PNG at `scale`; `viewport` limits it to the part in view.
    #[cfg(feature = "report")]
    pub fn export_picture(
        &self,
        dest: &Path,
        map_id: Id,
        png_scale: Option<f32>,
        viewport: Option<crate::report::Viewport>,
    ) -> Result<u64> {
        let project = self.open_project()?;
        let bytes = match png_scale {
            None => crate::report::map_svg(project, map_id, viewport)?.into_bytes(),
            Some(scale) => crate::report::map_png(project, map_id, viewport, scale)?,
        };
        crate::storage::atomic::write_export(dest, &bytes)
    }

    /// Writes the project as one self-contained web page.
    #[cfg(feature = "report")]
    pub fn export_html(&self, dest: &Path, today: NaiveDate) -> Result<u64> {
        let html = crate::report::project_html(self.open_project()?, today)?;
        crate::storage::atomic::write_export(dest, html.as_bytes())
    }
}

/// A CJML document read for the UI to apply.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CjmlRead {
    pub changes: Changes,
    pub maps: u32,
    pub touchpoints: u32,
    pub not_imported: Vec<crate::interchange::csv::LineError>,
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    crate::text::read_input(path, crate::text::MAX_IMPORT_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;

    #[test]
    fn changes_reach_the_file_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.journey");
        let mut session = Session::default();
        assert_eq!(
            session.apply(&Changes::default()).unwrap_err().code(),
            crate::ErrorCode::InvalidInput,
            "nothing to write to before a project is open"
        );
        let project = crate::generate::project(10, 4);
        session.create(&path, &project).unwrap();
        let mut t = project.touchpoints[2].clone();
        t.moment_of_truth = true;
        let summary = session
            .apply(&Changes {
                put: vec![Record::Touchpoint(t)],
                delete: vec![],
            })
            .unwrap();
        assert_eq!(
            summary.moments_of_truth,
            project.summary().moments_of_truth + 1
        );

        let mut again = Session::default();
        assert_eq!(
            again.open(&path).unwrap_err().code(),
            crate::ErrorCode::FileInUse,
            "a second window cannot edit the same file"
        );
        assert_eq!(
            session.open(&path).unwrap().path,
            path.display().to_string(),
            "re-opening is a no-op"
        );
        drop(session);
        let opened = again.open(&path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&opened.to_json()).unwrap();
        assert_eq!(json["path"], path.display().to_string());
        let opened: Project = serde_json::from_value(json["project"].clone()).unwrap();
        assert!(opened
            .touchpoints
            .iter()
            .any(|x| x.id == project.touchpoints[2].id && x.moment_of_truth));

        // Backups: one is taken when due, and restoring one brings the old state back.
        let store = Backups::new(dir.path().join("backups"), 5);
        let t0 = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let taken = again
            .back_up_if_due(&store, t0, chrono::Duration::minutes(10))
            .unwrap();
        assert!(taken.is_some());
        assert!(again
            .back_up_if_due(&store, t0, chrono::Duration::minutes(10))
            .unwrap()
            .is_none());
        let mut t = opened.touchpoints[0].clone();
        t.title = "Changed after the backup".into();
        again
            .apply(&Changes {
                put: vec![Record::Touchpoint(t)],
                delete: vec![],
            })
            .unwrap();
        let restored = again
            .restore(&store, &taken.unwrap(), t0 + chrono::Duration::minutes(1))
            .unwrap();
        assert_eq!(restored.project, &opened);
        assert_eq!(
            again.backups(&store).unwrap().len(),
            2,
            "the state before the restore was kept"
        );
        assert!(
            again.restore(&store, &path, t0).is_err(),
            "only backups can be restored"
        );

        let copy = dir.path().join("copy.journey");
        let moved = again.save_as(&copy).unwrap();
        assert_eq!(moved.project, &opened);
        assert_eq!(again.path().unwrap(), copy);
    }
}
