//! What comes into a project from other files: feedback and touchpoint sheets (with their mapping
//! step), CJML journeys, holiday calendars and JSON. The app asks for a preview and the changes,
//! and applies them as one undoable edit; the command line asks the session to apply them.

use super::session::Session;
use crate::interchange::cjml;
use crate::interchange::feedback_csv::{self, FeedbackMapping, FeedbackPreview};
use crate::interchange::holidays::{self, HolidayImport};
use crate::interchange::touchpoints_csv::{self, TouchpointMapping, TouchpointPreview};
use crate::measure::{Feedback, FeedbackSource};
use crate::model::{new_id, Changes, Id, Record};
use crate::text::{read_input, LineError, MAX_IMPORT_BYTES};
use crate::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// A CJML document read for the UI to apply.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CjmlRead {
    pub changes: Changes,
    pub maps: u32,
    pub touchpoints: u32,
    pub not_imported: Vec<LineError>,
}

/// How the command line adjusts a sheet's guessed mapping.
#[derive(Debug, Clone, Default)]
pub struct SheetOptions {
    /// The map (by name or id) the rows belong to; the first map when `None`.
    pub map: Option<String>,
    /// `(field, column)`: a column header or number, or `None` to leave the field unmapped.
    pub columns: Vec<(String, Option<String>)>,
    /// Feedback only: every row's stage (by name), instead of a stage column.
    pub stage: Option<String>,
    /// Feedback only: the source of rows without one.
    pub source: Option<String>,
    /// Feedback only: read 03/04/2026 as March 4.
    pub month_first: bool,
}

/// What a sheet import did (or would do, in a dry run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetImported {
    /// Rows imported as feedback items, or new touchpoints.
    pub count: usize,
    /// Which header each field was read from, for the person to check.
    pub columns: Vec<(&'static str, Option<String>)>,
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    read_input(path, MAX_IMPORT_BYTES)
}

/// The index of `column` among `headers`: a header name (any case) or a number.
fn column_index(headers: &[String], column: &str) -> Result<u32> {
    headers
        .iter()
        .position(|h| h.eq_ignore_ascii_case(column))
        .or_else(|| column.parse::<usize>().ok())
        .map(|i| i as u32)
        .ok_or_else(|| {
            Error::InvalidInput(format!(
                "no column {column:?} (columns: {})",
                headers.join(", ")
            ))
        })
}

impl Session {
    /// The mapping step of a feedback CSV import: `mapping` as given, or guessed.
    pub fn preview_feedback(
        &mut self,
        csv: &Path,
        map_id: Id,
        mapping: Option<FeedbackMapping>,
    ) -> Result<FeedbackPreview> {
        feedback_csv::preview(&read_file(csv)?, self.open_project()?, map_id, mapping)
    }

    /// Every row of a feedback CSV as new feedback (not yet added: the UI adds it as one undoable
    /// edit), or an error naming the bad lines.
    pub fn read_feedback(
        &mut self,
        csv: &Path,
        mapping: &FeedbackMapping,
    ) -> Result<Vec<Feedback>> {
        feedback_csv::import(&read_file(csv)?, self.open_project()?, mapping, new_id)
    }

    /// Imports a feedback CSV with its guessed mapping adjusted by `options`; all rows or none.
    /// A dry run checks every row and writes nothing.
    pub fn import_feedback(
        &mut self,
        csv: &Path,
        options: &SheetOptions,
        dry_run: bool,
    ) -> Result<SheetImported> {
        let bytes = read_file(csv)?;
        let map_id = self.map_named(options.map.as_deref())?;
        let project = self.open_project()?;
        let preview = feedback_csv::preview(&bytes, project, map_id, None)?;
        let mut mapping = preview.mapping;
        mapping.day_first = !options.month_first;
        if let Some(s) = &options.source {
            mapping.default_source = FeedbackSource::parse_loose(s)
                .ok_or_else(|| Error::InvalidInput(format!("unknown source {s:?}")))?;
        }
        if let Some(name) = &options.stage {
            mapping.default_stage = Some(
                project
                    .stages_of(map_id)
                    .iter()
                    .find(|s| s.name.eq_ignore_ascii_case(name))
                    .map(|s| s.id)
                    .ok_or_else(|| Error::InvalidInput(format!("no stage named {name:?}")))?,
            );
            mapping.stage = None;
        }
        for (field, column) in &options.columns {
            let index = match column {
                Some(c) => Some(column_index(&preview.headers, c)?),
                None => None,
            };
            mapping.set_column(field, index)?;
        }
        let columns = mapping
            .columns()
            .into_iter()
            .map(|(field, c)| {
                (
                    field,
                    c.and_then(|c| preview.headers.get(c as usize).cloned()),
                )
            })
            .collect();
        let feedback = feedback_csv::import(&bytes, project, &mapping, new_id)?;
        let count = feedback.len();
        if !dry_run {
            self.apply(&Changes {
                put: feedback.into_iter().map(Record::Feedback).collect(),
                delete: vec![],
            })?;
        }
        Ok(SheetImported { count, columns })
    }

    /// The mapping step of a touchpoint sheet import (CSV or .xlsx).
    pub fn preview_touchpoints(
        &mut self,
        sheet: &Path,
        map_id: Option<Id>,
        mapping: Option<TouchpointMapping>,
    ) -> Result<TouchpointPreview> {
        touchpoints_csv::preview(&read_file(sheet)?, self.open_project()?, mapping, map_id)
    }

    /// The changes that add a sheet's touchpoints (not yet applied: the UI applies them as one
    /// undoable edit), or an error naming the bad lines.
    pub fn read_touchpoints(
        &mut self,
        sheet: &Path,
        mapping: &TouchpointMapping,
    ) -> Result<Changes> {
        touchpoints_csv::import(&read_file(sheet)?, self.open_project()?, mapping, new_id)
    }

    /// Imports a touchpoint sheet with its guessed mapping adjusted by `options`; all rows or
    /// none. Returns how many touchpoints it adds.
    pub fn import_touchpoints(
        &mut self,
        sheet: &Path,
        options: &SheetOptions,
        dry_run: bool,
    ) -> Result<SheetImported> {
        let bytes = read_file(sheet)?;
        let named = match &options.map {
            Some(_) => Some(self.map_named(options.map.as_deref())?),
            None => None,
        };
        let project = self.open_project()?;
        let target = named.or_else(|| project.maps.first().map(|m| m.id));
        let preview = touchpoints_csv::preview(&bytes, project, None, target)?;
        let mut mapping = preview.mapping;
        for (field, column) in &options.columns {
            let index = match column {
                Some(c) => Some(column_index(&preview.headers, c)?),
                None => None,
            };
            mapping.set_column(field, index)?;
        }
        let changes = touchpoints_csv::import(&bytes, project, &mapping, new_id)?;
        let count = changes
            .put
            .iter()
            .filter(|r| matches!(r, Record::Touchpoint(t) if project.touchpoint(t.id).is_none()))
            .count();
        if !dry_run {
            self.apply(&changes)?;
        }
        Ok(SheetImported {
            count,
            columns: Vec::new(),
        })
    }

    /// The changes that add a CJML document's journeys as maps, and what was left out.
    pub fn read_cjml(&mut self, path: &Path) -> Result<CjmlRead> {
        let imported = cjml::import(&read_file(path)?, self.open_project()?, new_id)?;
        Ok(CjmlRead {
            changes: imported.changes,
            maps: imported.maps,
            touchpoints: imported.touchpoints,
            not_imported: imported.not_imported,
        })
    }

    /// Adds a CJML document's journeys as new maps (unless a dry run); returns what was read.
    pub fn import_cjml(&mut self, path: &Path, dry_run: bool) -> Result<CjmlRead> {
        let read = self.read_cjml(path)?;
        if !dry_run {
            self.apply(&read.changes)?;
        }
        Ok(read)
    }

    /// Replaces the project's holidays with those of an `.ics` or CSV file (yearly ones expanded
    /// around `today`); returns what was read, the events left out included.
    pub fn replace_holidays(&mut self, path: &Path, today: NaiveDate) -> Result<HolidayImport> {
        let read = holidays::read(path, today)?;
        let mut calendar = self.open_project()?.calendar.clone();
        calendar.holidays = read.holidays.clone();
        self.apply(&Changes {
            put: vec![Record::Calendar(calendar)],
            delete: vec![],
        })?;
        Ok(read)
    }
}

impl Session {
    /// Diagnostics for the UI's randomized test: applies change sets (one JSON object per line of
    /// `path`) to the project in memory, checking each as autosave does. Returns how many passed;
    /// the first refused one is an error naming its line. Nothing is written.
    pub fn check_changes(&mut self, path: &Path) -> Result<usize> {
        let text = read_input(path, 1024 * 1024 * 1024)?;
        let text = String::from_utf8_lossy(&text);
        let mut project = self.open_project()?.clone();
        let mut checked = 0;
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let set: Changes = serde_json::from_str(line)
                .map_err(|e| Error::InvalidJson(format!("line {}: {e}", i + 1)))?;
            let mut next = project.clone();
            next.apply(&set);
            let problems = next.problems_after(&set);
            if !problems.is_empty() {
                return Err(Error::InvalidProject(
                    std::iter::once(format!("change set on line {} refused", i + 1))
                        .chain(problems)
                        .collect(),
                ));
            }
            next.canonicalize();
            project = next;
            checked += 1;
        }
        Ok(checked)
    }
}

/// Creates a project file from interchange JSON; `replace` allows an existing file to be replaced
/// (not one another process is editing).
pub fn import_json(input: &Path, output: &Path, replace: bool) -> Result<()> {
    let bytes = read_input(input, crate::interchange::json::MAX_JSON_BYTES)?;
    let project = crate::interchange::json::from_json(&bytes)?;
    crate::storage::write_new(output, &project, replace)
}

/// The organisation's logo from a PNG or SVG file, checked to be small enough and to draw; the
/// caller stores it in the project (an undoable change in the app). A file too large, of another
/// format, or that does not decode gets a clear error and nothing changes.
#[cfg(feature = "report")]
pub fn read_logo(path: &Path) -> Result<crate::model::Logo> {
    let bytes = read_input(path, MAX_IMPORT_BYTES)?;
    let logo = crate::model::Logo::sniff(bytes).map_err(Error::InvalidInput)?;
    crate::draw::logo_pixels(&logo).map_err(Error::InvalidInput)?;
    Ok(logo)
}
