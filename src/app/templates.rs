//! Where projects start: the built-in journeys and the user's own templates — plain `.journey`
//! files in a folder of the user's data directory that the app and the command line both read —
//! listed together, drawn for the picker, saved from a map and turned into a new project.

use crate::model::{from_saved, new_id, template_of, Changes, Id, MapTemplate, Project};
use crate::storage::ProjectFile;
use crate::{Error, Result};
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Where a template comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TemplateOrigin {
    BuiltIn,
    /// Saved by the user (a file in their template folder).
    Yours,
}

/// A template as the picker and `journeymap templates` show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateEntry {
    /// What `journeymap new --template` takes: a built-in key, or the file's name without
    /// `.journey` for the user's own.
    pub key: String,
    pub name: String,
    pub summary: String,
    pub origin: TemplateOrigin,
    pub stages: u32,
    /// Cards and sticky notes it starts with.
    pub cards: u32,
}

/// The templates, and the files in the folder that could not be read as one (with why).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateList {
    pub templates: Vec<TemplateEntry>,
    pub skipped: Vec<String>,
}

/// The user's template folder and the built-in templates.
#[derive(Debug, Clone)]
pub struct Templates {
    folder: PathBuf,
}

/// The desktop app's identifier: its data directory's name, shared with the command line.
const APP_IDENTIFIER: &str = "app.journeymap.desktop";

/// The largest name a template file gets (in characters, before `.journey`).
const MAX_KEY_CHARS: usize = 60;

impl Templates {
    pub fn new(folder: impl Into<PathBuf>) -> Self {
        Self {
            folder: folder.into(),
        }
    }

    /// The user's template folder: `$JOURNEYMAP_TEMPLATES` when set, else `templates` in the
    /// app's data directory (as the desktop shell finds it: `$XDG_DATA_HOME` or
    /// `~/.local/share` on Linux, `~/Library/Application Support` on macOS, `%APPDATA%` on
    /// Windows). `None` when no home directory is known.
    pub fn user_folder() -> Option<PathBuf> {
        let env = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        if let Some(dir) = env("JOURNEYMAP_TEMPLATES") {
            return Some(dir);
        }
        let data = if cfg!(windows) {
            env("APPDATA")
        } else if cfg!(target_os = "macos") {
            env("HOME").map(|h| h.join("Library").join("Application Support"))
        } else {
            env("XDG_DATA_HOME")
                .filter(|p| p.is_absolute())
                .or_else(|| env("HOME").map(|h| h.join(".local").join("share")))
        }?;
        Some(data.join(APP_IDENTIFIER).join("templates"))
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The built-in templates, then the user's by name. A folder that does not exist yet holds
    /// no templates; a file in it that is not a readable project is listed in `skipped`.
    pub fn list(&self) -> Result<TemplateList> {
        let mut templates: Vec<TemplateEntry> = crate::model::built_in_templates()
            .iter()
            .map(|t| TemplateEntry {
                key: t.key.to_owned(),
                name: t.name.to_owned(),
                summary: t.summary.to_owned(),
                origin: TemplateOrigin::BuiltIn,
                stages: t.stages.len() as u32,
                cards: t.item_count() as u32,
            })
            .collect();
        let mut yours = Vec::new();
        let mut skipped = Vec::new();
        for path in self.files()? {
            match ProjectFile::read(&path) {
                Ok(p) => yours.push(entry_of(&path, &p)),
                Err(e) => skipped.push(e.to_string()),
            }
        }
        yours.sort_by_key(|t| t.name.to_lowercase());
        templates.extend(yours);
        Ok(TemplateList { templates, skipped })
    }

    /// The `.journey` files of the folder, by name.
    fn files(&self) -> Result<Vec<PathBuf>> {
        let entries = match std::fs::read_dir(&self.folder) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(Error::Io {
                    context: format!("reading the template folder {}", self.folder.display()),
                    source,
                })
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "journey") && p.is_file())
            .collect();
        files.sort();
        Ok(files)
    }

    /// The user's template file for `key`, if there is one.
    fn user_file(&self, key: &str) -> Option<PathBuf> {
        let key = key.trim();
        if key.is_empty() || key.contains(['/', '\\']) || key.starts_with('.') {
            return None;
        }
        let path = self.folder.join(format!("{key}.journey"));
        path.is_file().then_some(path)
    }

    /// The template called `key` as a project of its own (its ids are the template's; a
    /// built-in one's are counted, so it draws the same every time).
    pub fn read(&self, key: &str) -> Result<Project> {
        if let Some(t) = MapTemplate::find(key) {
            let mut n = 0u128;
            let mut counted = || {
                n += 1;
                crate::model::Id::from_u128(0x7e3a_0000_0000_4000_8000_0000_0000_0000 + n)
            };
            let id = counted();
            return Ok(t.project(id, t.name, counted));
        }
        match self.user_file(key) {
            Some(path) => ProjectFile::read(path),
            None => Err(self.unknown(key)),
        }
    }

    fn unknown(&self, key: &str) -> Error {
        Error::NotFound {
            kind: "template",
            id: format!("{key:?}"),
        }
    }

    /// A new project named `name` started from the template called `key`, every record with a
    /// fresh id.
    pub fn start(&self, key: &str, name: &str) -> Result<Project> {
        if let Some(t) = MapTemplate::find(key) {
            return Ok(t.project(new_id(), name, new_id));
        }
        Ok(from_saved(&self.read(key)?, new_id(), name, new_id))
    }

    /// The records of a new map named `name` at `position` in an open project (Map → New Map…),
    /// started from the template called `key`: its first map with the stages, lanes, cards,
    /// notes, connectors and stories on it and the personas it draws, every record with a fresh
    /// id. The UI adds them as one undoable step.
    pub fn map(&self, key: &str, name: &str, position: i32) -> Result<Changes> {
        let mut p = self.start(key, name)?;
        let first = p
            .maps
            .iter()
            .min_by_key(|m| (m.position, m.id))
            .map(|m| m.id)
            .ok_or_else(|| Error::InvalidInput(format!("the template {key:?} has no map")))?;
        p.maps.retain(|m| m.id == first);
        for m in &mut p.maps {
            m.name = name.to_owned();
            m.position = position;
        }
        p.stages.retain(|x| x.map_id == first);
        p.lanes.retain(|x| x.map_id == first);
        p.touchpoints.retain(|x| x.map_id == first);
        p.connectors.retain(|x| x.map_id == first);
        p.notes.retain(|x| x.map_id == first);
        p.stories.retain(|x| x.map_id == first);
        let map = &p.maps[0];
        let drawn: HashSet<Id> = map
            .persona_id
            .into_iter()
            .chain(map.other_personas.iter().copied())
            .chain(p.stories.iter().filter_map(|s| s.persona_id))
            .chain(
                p.touchpoints
                    .iter()
                    .flat_map(|t| t.feelings.iter().map(|f| f.persona_id)),
            )
            .collect();
        p.personas.retain(|x| drawn.contains(&x.id));
        // Only the map's records: whatever else a template project holds stays behind.
        let mut bare = Project::new(p.info.id, p.info.name.clone());
        bare.personas = p.personas;
        bare.maps = p.maps;
        bare.stages = p.stages;
        bare.lanes = p.lanes;
        bare.touchpoints = p.touchpoints;
        bare.connectors = p.connectors;
        bare.notes = p.notes;
        bare.stories = p.stories;
        bare.validate()?;
        Ok(Project::new(bare.info.id, bare.info.name.clone()).diff(&bare))
    }

    /// The template's first map as SVG, for the picker's thumbnail.
    #[cfg(feature = "report")]
    pub fn picture(&self, key: &str) -> Result<String> {
        let project = self.read(key)?;
        let map = crate::export::pick_map(&project, None)?;
        crate::export::map_svg(&project, map, None)
    }

    /// Keeps one map of `project` as a template named `name` (structure only, or with its cards
    /// and notes) in the user's folder, creating it if needed; answers the new entry. `summary`,
    /// when given, is what the picker says of it (otherwise the map's description). An existing
    /// template of that name is replaced only with `replace` (otherwise `FileExists`).
    pub fn save(
        &self,
        project: &Project,
        map_id: crate::model::Id,
        name: &str,
        summary: Option<&str>,
        with_cards: bool,
        replace: bool,
    ) -> Result<TemplateEntry> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::InvalidInput("a template needs a name".into()));
        }
        let mut template =
            template_of(project, map_id, new_id(), name, with_cards).ok_or_else(|| {
                Error::NotFound {
                    kind: "map",
                    id: map_id.to_string(),
                }
            })?;
        if let (Some(summary), Some(map)) = (summary, template.maps.first_mut()) {
            map.description = summary.trim().to_owned();
        }
        std::fs::create_dir_all(&self.folder).map_err(|source| Error::Io {
            context: format!("creating the template folder {}", self.folder.display()),
            source,
        })?;
        let path = self.folder.join(format!("{}.journey", key_for(name)));
        crate::storage::write_new(&path, &template, replace)?;
        Ok(entry_of(&path, &template))
    }

    /// Deletes the user's template called `key` (built-in ones cannot be removed).
    pub fn remove(&self, key: &str) -> Result<()> {
        if MapTemplate::find(key).is_some() && self.user_file(key).is_none() {
            return Err(Error::InvalidInput(format!(
                "{key} is built into Journeymap and cannot be removed"
            )));
        }
        let path = self.user_file(key).ok_or_else(|| self.unknown(key))?;
        std::fs::remove_file(&path).map_err(|source| Error::Io {
            context: format!("removing the template {}", path.display()),
            source,
        })
    }
}

fn entry_of(path: &Path, p: &Project) -> TemplateEntry {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let map = p.maps.first();
    TemplateEntry {
        key: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        name: p.info.name.clone(),
        summary: map.map(|m| m.description.clone()).unwrap_or_default(),
        origin: TemplateOrigin::Yours,
        stages: count(map.map_or(0, |m| p.stages_of(m.id).len())),
        cards: count(p.touchpoints.len() + p.notes.len()),
    }
}

/// The file name (without `.journey`) a template named `name` is kept under: its letters and
/// digits in lower case, other runs of characters as one hyphen. A name that a built-in template
/// already answers to gets `-own` after it, so both stay reachable by key.
fn key_for(name: &str) -> String {
    let mut key = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    let mut key: String = key
        .trim_end_matches('-')
        .chars()
        .take(MAX_KEY_CHARS)
        .collect();
    key = key.trim_end_matches('-').to_owned();
    if key.is_empty() {
        key = "template".into();
    }
    if MapTemplate::find(&key).is_some() {
        key.push_str("-own");
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_file_names_are_safe_and_never_hide_a_built_in_one() {
        assert_eq!(key_for("Check-in, as-is"), "check-in-as-is");
        assert_eq!(key_for("  Ünïcode café!! "), "ünïcode-café");
        assert_eq!(key_for("../../etc/passwd"), "etc-passwd");
        assert_eq!(key_for("***"), "template");
        assert_eq!(key_for("Hotel stay"), "hotel-stay-own");
        assert_eq!(key_for(&"x".repeat(200)).chars().count(), MAX_KEY_CHARS);
    }

    #[test]
    fn a_template_adds_a_map_to_an_open_project_with_fresh_ids() {
        let dir = tempfile::tempdir().unwrap();
        let shelf = Templates::new(dir.path().join("templates"));
        let mut project = shelf.start("airline-trip", "Workshop").unwrap();
        // A map of the user's own that draws a persona, kept as a template and added back.
        let mine = project.maps[0].id;
        let maya = crate::model::Persona::new(new_id(), "Maya", 0);
        project.maps[0].persona_id = Some(maya.id);
        project.personas.push(maya);
        shelf
            .save(&project, mine, "Our airline", None, true, false)
            .unwrap();
        for key in ["hotel-stay", "our-airline"] {
            let changes = shelf.map(key, "Second journey", 1).unwrap();
            let mut after = project.clone();
            after.apply(&changes);
            assert!(after.problems().is_empty(), "{key}: {:?}", after.problems());
            assert_eq!(after.maps.len(), project.maps.len() + 1);
            let added = after.maps.iter().find(|m| m.position == 1).unwrap();
            assert_eq!(added.name, "Second journey");
            let cards = after
                .touchpoints
                .iter()
                .filter(|t| t.map_id == added.id)
                .count();
            assert!(cards > 0, "{key}: the template's cards come along");
            assert!(
                changes
                    .put
                    .iter()
                    .all(|r| !matches!(r, crate::model::Record::Info(_))),
                "the project's own settings stay as they were"
            );
            // Nothing of the open project is touched or shares an id with the new records.
            assert!(changes.delete.is_empty());
            assert_eq!(after.touchpoints.len(), project.touchpoints.len() + cards);
        }
        let ours = shelf.map("our-airline", "Third", 2).unwrap();
        let personas: Vec<_> = ours
            .put
            .iter()
            .filter_map(|r| match r {
                crate::model::Record::Persona(p) => Some(p.name.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(personas, ["Maya"], "the persona the map is drawn for");
        assert!(shelf.map("no-such-template", "x", 1).is_err());
    }

    #[test]
    fn saved_templates_are_listed_started_from_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let shelf = Templates::new(dir.path().join("templates"));
        let before = shelf.list().unwrap();
        assert_eq!(
            before.templates.len(),
            crate::model::built_in_templates().len()
        );
        assert!(
            before.skipped.is_empty(),
            "a missing folder holds no templates"
        );

        let project = shelf.start("airline-trip", "Spring workshop").unwrap();
        assert_eq!(project.info.name, "Spring workshop");
        assert!(project.problems().is_empty());
        let map = project.maps[0].id;

        let entry = shelf
            .save(&project, map, "Our airline", None, true, false)
            .unwrap();
        assert_eq!(entry.key, "our-airline");
        assert_eq!(entry.origin, TemplateOrigin::Yours);
        assert_eq!(
            entry.cards as usize,
            project.touchpoints.len() + project.notes.len()
        );
        let err = shelf
            .save(&project, map, "Our airline", None, false, false)
            .unwrap_err();
        assert_eq!(
            err.code(),
            crate::ErrorCode::FileExists,
            "asks before replacing"
        );
        let replaced = shelf
            .save(
                &project,
                map,
                "Our airline",
                Some(" Our own check-in to boarding, stages only. "),
                false,
                true,
            )
            .unwrap();
        assert_eq!(replaced.cards, 0, "replaced by the structure-only one");
        assert_eq!(
            replaced.summary, "Our own check-in to boarding, stages only.",
            "the summary written in the dialog, trimmed"
        );
        shelf
            .save(&project, map, "Hotel stay", None, true, false)
            .unwrap();

        let listed = shelf.list().unwrap();
        let keys: Vec<&str> = listed.templates.iter().map(|t| t.key.as_str()).collect();
        assert!(
            keys.ends_with(&["hotel-stay-own", "our-airline"]),
            "{keys:?}"
        );
        assert_eq!(
            shelf.start("hotel-stay", "x").unwrap().maps[0].name,
            "Hotel stay",
            "the built-in one still answers to its key"
        );
        let mine = shelf.start("hotel-stay-own", "From mine").unwrap();
        assert_eq!(mine.touchpoints.len(), project.touchpoints.len());
        assert!(mine
            .touchpoints
            .iter()
            .all(|t| project.touchpoint(t.id).is_none()));
        #[cfg(feature = "report")]
        assert!(shelf.picture("our-airline").unwrap().contains("<svg"));

        // A file that is not a project is skipped, with why, and nothing else breaks.
        std::fs::write(shelf.folder().join("broken.journey"), b"not a database").unwrap();
        let listed = shelf.list().unwrap();
        assert_eq!(listed.templates.len(), keys.len());
        assert_eq!(listed.skipped.len(), 1);
        assert!(
            listed.skipped[0].contains("broken.journey"),
            "{:?}",
            listed.skipped
        );

        assert_eq!(
            shelf.start("no-such", "x").unwrap_err().code(),
            crate::ErrorCode::NotFound
        );
        assert_eq!(
            shelf
                .start("../templates/our-airline", "x")
                .unwrap_err()
                .code(),
            crate::ErrorCode::NotFound
        );
        assert!(shelf.remove("airline-trip").is_err(), "built-in ones stay");
        shelf.remove("our-airline").unwrap();
        assert!(shelf.start("our-airline", "x").is_err());
    }
}
