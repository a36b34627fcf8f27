//! The project a front-end is working on: at most one open file, whose every change is written as
//! it arrives (autosave), or one read without being written. The desktop shell holds one per
//! window, the command line one per run, the room server shares the host's. Imports, exports and
//! the redesign tracker's commands are in the files beside this one.

use crate::app::backup::{BackupEntry, Backups};
pub use crate::app::opened::OpenedProject;
use crate::measure::Dashboard;
use crate::model::{new_id, Changes, Id, Project, Summary};
use crate::{Error, ProjectFile, Result};
use chrono::NaiveDate;
use chrono::NaiveDateTime;
use std::path::{Path, PathBuf};

/// Where a session's project comes from: a file it edits (holding the file's writer lock), or a
/// file it only reads (the command line's reports and exports; the file is never written).
#[derive(Debug)]
enum Source {
    Editing(ProjectFile),
    Viewing { path: PathBuf, project: Project },
}

#[derive(Debug, Default)]
pub struct Session {
    source: Option<Source>,
}

impl Session {
    /// A session editing `path` (the writer's lock is taken: one editor per file).
    pub fn editing(path: &Path) -> Result<Session> {
        let mut s = Session::default();
        s.open(path)?;
        Ok(s)
    }

    /// A session reading `path` without the writer's lock; the file is never written, so it may
    /// be open in the app meanwhile.
    pub fn viewing(path: &Path) -> Result<Session> {
        let project = ProjectFile::read(path)?;
        Ok(Session {
            source: Some(Source::Viewing {
                path: path.to_owned(),
                project,
            }),
        })
    }

    /// Opens `path`, or returns the project already open when it is the same file (this
    /// session holds its writer's lock, so opening it a second time would be refused).
    pub fn open(&mut self, path: &Path) -> Result<OpenedProject<'_>> {
        let already = matches!(&self.source, Some(Source::Editing(current)) if crate::storage::same_file(current.path(), path));
        if !already {
            self.source = Some(Source::Editing(ProjectFile::open(path)?));
        }
        self.opened()
    }

    /// Creates a project file and makes it the open one.
    pub fn create(&mut self, path: &Path, project: &Project) -> Result<OpenedProject<'_>> {
        self.source = Some(Source::Editing(ProjectFile::create(path, project)?));
        self.opened()
    }

    /// Creates a project named `name` with one map ready to work on (File → New, `journeymap new`).
    pub fn create_named(&mut self, path: &Path, name: &str) -> Result<OpenedProject<'_>> {
        self.create(path, &Project::starter(new_id(), name, new_id))
    }

    /// Creates a project named `name` from the template called `key` (File → New, `journeymap
    /// new --template`).
    pub fn create_from_template(
        &mut self,
        path: &Path,
        name: &str,
        templates: &crate::app::Templates,
        key: &str,
    ) -> Result<OpenedProject<'_>> {
        let project = templates.start(key, name)?;
        self.create(path, &project)
    }

    /// Keeps a map of the open project as a template in the user's folder.
    pub fn save_map_as_template(
        &self,
        templates: &crate::app::Templates,
        map_id: Id,
        name: &str,
        summary: Option<&str>,
        with_cards: bool,
        replace: bool,
    ) -> Result<crate::app::TemplateEntry> {
        templates.save(
            self.without_feedback()?,
            map_id,
            name,
            summary,
            with_cards,
            replace,
        )
    }

    /// What the window opens with: the project without its feedback, which stays in the file.
    fn opened(&mut self) -> Result<OpenedProject<'_>> {
        let path = self.path().unwrap_or_default().display().to_string();
        let (project, feedback) = match &self.source {
            Some(Source::Editing(f)) => (f.project_but_feedback(), f.feedback_count()),
            Some(Source::Viewing { project, .. }) => (project, project.feedback.len()),
            None => return Err(Error::InvalidInput("no project is open".into())),
        };
        Ok(OpenedProject::new(path, project, feedback))
    }

    pub(crate) fn file(&mut self) -> Result<&mut ProjectFile> {
        match &mut self.source {
            Some(Source::Editing(file)) => Ok(file),
            Some(Source::Viewing { path, .. }) => Err(Error::InvalidInput(format!(
                "{} was opened read-only",
                path.display()
            ))),
            None => Err(Error::InvalidInput("no project is open".into())),
        }
    }

    /// Writes one change set to the open file (the autosave path).
    pub fn apply(&mut self, changes: &Changes) -> Result<Summary> {
        let file = self.file()?;
        file.apply(changes)?;
        Ok(file.summary())
    }

    /// Writes the open project to `dest` and continues there. The copy is a project of its own,
    /// with a new id: its backups are kept apart from the original's, so restoring one of them
    /// never offers the other file's states (onto the file itself, it is a save and keeps its id).
    pub fn save_as(&mut self, dest: &Path) -> Result<OpenedProject<'_>> {
        let file = self.file()?;
        let mut project = file.project()?.clone();
        if !crate::storage::same_file(file.path(), dest) {
            project.info.id = new_id();
        }
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
        let Some(Source::Editing(file)) = &self.source else {
            return Ok(None);
        };
        if !backups.due(file.project_but_feedback().info.id, now, every) {
            return Ok(None);
        }
        backups.take(file, now).map(Some)
    }

    /// The open project's backups, newest first.
    pub fn backups(&self, backups: &Backups) -> Result<Vec<BackupEntry>> {
        match self.info() {
            Some(info) => backups.list(info.id),
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
        if old.info.id != file.project_but_feedback().info.id {
            return Err(Error::InvalidInput(
                "that backup belongs to another project".into(),
            ));
        }
        backups.take(file, now)?;
        file.save(&old)?;
        self.opened()
    }

    pub fn path(&self) -> Option<PathBuf> {
        match &self.source {
            Some(Source::Editing(f)) => Some(f.path().to_owned()),
            Some(Source::Viewing { path, .. }) => Some(path.clone()),
            None => None,
        }
    }

    /// The open project's own statements (its id, name, report options).
    pub fn info(&self) -> Option<&crate::model::ProjectInfo> {
        match &self.source {
            Some(Source::Editing(f)) => Some(&f.project_but_feedback().info),
            Some(Source::Viewing { project, .. }) => Some(&project.info),
            None => None,
        }
    }

    /// The open project's feedback as JSON: what `OpenedProject` leaves out, asked for by the
    /// window when a view needs it.
    pub fn feedback_json(&mut self) -> Result<String> {
        // A list of plain structs: serializing cannot fail.
        Ok(serde_json::to_string(&self.open_project()?.feedback).unwrap_or_default())
    }

    /// The whole open project (its feedback read back from the file if it was set aside), or an
    /// error saying none is open.
    pub fn open_project(&mut self) -> Result<&Project> {
        match &mut self.source {
            Some(Source::Editing(f)) => f.project(),
            Some(Source::Viewing { project, .. }) => Ok(project),
            None => Err(Error::InvalidInput("no project is open".into())),
        }
    }

    /// The open project with its feedback possibly left in the file, or an error saying none is
    /// open: for what never looks at feedback (the redesign tracker, the room, finding a map or
    /// a card by name). Anything that shows, counts or exports feedback takes
    /// [`Session::open_project`].
    pub fn without_feedback(&self) -> Result<&Project> {
        match &self.source {
            Some(Source::Editing(f)) => Ok(f.project_but_feedback()),
            Some(Source::Viewing { project, .. }) => Ok(project),
            None => Err(Error::InvalidInput("no project is open".into())),
        }
    }

    /// The file format version of the open file, from its header.
    pub fn schema_version(&self) -> Result<u32> {
        let path = self
            .path()
            .ok_or_else(|| Error::InvalidInput("no project is open".into()))?;
        crate::storage::schema_version_of(&path)
    }

    /// The dashboard's figures for one map (every map when `None`) on `today`.
    pub fn dashboard(&mut self, map_id: Option<Id>, today: NaiveDate) -> Result<Dashboard> {
        Ok(Dashboard::compute(self.open_project()?, map_id, today))
    }
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
        let project = crate::app::generate::project(10, 4);
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
        // The window gets the project without its feedback (app::opened tests the rest of the
        // shape), told how much there is, and asks for it separately.
        assert!(!project.feedback.is_empty());
        assert_eq!(json["feedbackLeftOut"], project.feedback.len());
        let feedback: Vec<crate::model::Feedback> =
            serde_json::from_str(&again.feedback_json().unwrap()).unwrap();
        let mut left_out = project.feedback.clone();
        left_out.sort_by_key(|f| f.id);
        assert_eq!(feedback, left_out, "read back from the file, all of it");
        assert_eq!(feedback, again.open_project().unwrap().feedback);
        let opened = again.open_project().unwrap().clone();
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
        assert_ne!(
            moved.project.info.id, opened.info.id,
            "the copy is a project of its own"
        );
        // The copy is opened afresh: its feedback stays in the file until asked for.
        assert_eq!(moved.feedback_left_out as usize, opened.feedback.len());
        let mut same = opened.clone();
        same.info.id = moved.project.info.id;
        same.feedback = Vec::new();
        assert_eq!(moved.project, &same);
        assert_eq!(again.open_project().unwrap().feedback, opened.feedback);
        assert_eq!(again.path().unwrap(), copy);
        assert!(
            again.backups(&store).unwrap().is_empty(),
            "the original's backups are not offered for the copy"
        );
        // Onto the file itself, Save As is a save: the id stays.
        let id = again.info().unwrap().id;
        again.save_as(&copy).unwrap();
        assert_eq!(again.info().unwrap().id, id);
    }
}
