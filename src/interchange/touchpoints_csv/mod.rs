//! Touchpoints from a spreadsheet (CSV or Excel .xlsx), as facilitators bring workshop notes: the
//! columns are mapped to fields (guessed from the headers), maps, stages and lanes are created
//! as needed, cards are laid out in their cells below what is already there, and either every
//! row imports or none does.

mod mapping;
mod placement;
mod rows;

pub use mapping::TouchpointMapping;
pub use rows::{lane_kind, DEFAULT_LANE};

use super::csv::{line_error, read_table, CsvTable, LineError};
use crate::model::{Changes, Id, Project};
use crate::{Error, Result};
use placement::place;
use rows::{key, read_rows};
use serde::Serialize;
use ts_rs::TS;

/// What the mapping step shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TouchpointPreview {
    pub headers: Vec<String>,
    pub mapping: TouchpointMapping,
    pub rows: Vec<TouchpointPreviewRow>,
    pub total_rows: u32,
    pub error_count: u32,
    pub errors: Vec<LineError>,
    /// Maps, stages and lanes the import will create ("Map › Stage").
    pub new_maps: Vec<String>,
    pub new_stages: Vec<String>,
    pub new_lanes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TouchpointPreviewRow {
    #[ts(type = "number")]
    pub line: u64,
    pub map: String,
    pub stage: String,
    pub lane: String,
    pub title: String,
    pub channel: String,
    pub reliability: String,
    pub moment_of_truth: bool,
    pub error: Option<String>,
}

const PREVIEW_ROWS: usize = 50;
const PREVIEW_ERRORS: usize = 200;

/// Reads CSV or Excel (.xlsx, first sheet) into a header row and data rows with their lines.
pub fn read_sheet(bytes: &[u8]) -> std::result::Result<CsvTable, Vec<LineError>> {
    if bytes.starts_with(b"PK\x03\x04") {
        super::xlsx::read(bytes)
    } else {
        read_table(bytes)
    }
}

/// The mapping step's view of a file: `mapping` as given, or guessed.
pub fn preview(
    bytes: &[u8],
    project: &Project,
    mapping: Option<TouchpointMapping>,
    default_map: Option<Id>,
) -> Result<TouchpointPreview> {
    let table = read_sheet(bytes).map_err(super::csv::import_error)?;
    let mapping = mapping.unwrap_or_else(|| {
        TouchpointMapping::guess(
            &table.headers,
            default_map.or(project.maps.first().map(|m| m.id)),
        )
    });
    let total_rows = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    let mut preview = TouchpointPreview {
        headers: table.headers.clone(),
        mapping: mapping.clone(),
        rows: Vec::new(),
        total_rows,
        error_count: 0,
        errors: Vec::new(),
        new_maps: Vec::new(),
        new_stages: Vec::new(),
        new_lanes: Vec::new(),
    };
    if let Err(problem) = mapping.check(project, table.headers.len()) {
        preview.error_count = 1;
        preview.errors.push(line_error(1, problem));
        return Ok(preview);
    }
    let default_name = default_map_name(project, &mapping);
    let rows = read_rows(&table, &mapping, &default_name);
    let errors: Vec<LineError> = rows
        .iter()
        .filter_map(|(l, r)| r.as_ref().err().map(|e| line_error(*l, e.clone())))
        .collect();
    preview.error_count = u32::try_from(errors.len()).unwrap_or(u32::MAX);
    preview.errors = errors.into_iter().take(PREVIEW_ERRORS).collect();
    preview.rows = rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|(line, r)| match r {
            Ok(r) => TouchpointPreviewRow {
                line: *line,
                map: r.map.clone(),
                stage: r.stage.clone(),
                lane: r.lane.clone(),
                title: r.card.title.clone(),
                channel: r.card.channel.clone(),
                reliability: r.card.reliability.as_str().into(),
                moment_of_truth: r.card.moment_of_truth,
                error: None,
            },
            Err(e) => TouchpointPreviewRow {
                line: *line,
                map: String::new(),
                stage: String::new(),
                lane: String::new(),
                title: String::new(),
                channel: String::new(),
                reliability: String::new(),
                moment_of_truth: false,
                error: Some(e.clone()),
            },
        })
        .collect();
    // What will be created, in order of first appearance.
    let push = |list: &mut Vec<String>, s: String| {
        if !list.contains(&s) {
            list.push(s);
        }
    };
    for r in rows.iter().filter_map(|(_, r)| r.as_ref().ok()) {
        let map = project.maps.iter().find(|m| key(&m.name) == key(&r.map));
        if map.is_none() {
            push(&mut preview.new_maps, r.map.clone());
        }
        let has_stage = map.is_some_and(|m| {
            project
                .stages
                .iter()
                .any(|s| s.map_id == m.id && key(&s.name) == key(&r.stage))
        });
        if !has_stage {
            push(&mut preview.new_stages, format!("{} › {}", r.map, r.stage));
        }
        let has_lane = map.is_some_and(|m| {
            project
                .lanes
                .iter()
                .any(|l| l.map_id == m.id && key(&l.name) == key(&r.lane))
        });
        if !has_lane {
            push(&mut preview.new_lanes, format!("{} › {}", r.map, r.lane));
        }
    }
    Ok(preview)
}

fn default_map_name(project: &Project, m: &TouchpointMapping) -> String {
    m.map_id
        .and_then(|id| project.maps.iter().find(|x| x.id == id))
        .or(project.maps.first())
        .map_or_else(|| "Imported journey".to_owned(), |x| x.name.clone())
}

/// The changes that add every row (and what they need) to `project`, or an error naming every
/// bad line with nothing changed.
pub fn import(
    bytes: &[u8],
    project: &Project,
    mapping: &TouchpointMapping,
    next_id: impl FnMut() -> Id,
) -> Result<Changes> {
    use super::csv::import_error;
    let table = read_sheet(bytes).map_err(import_error)?;
    mapping
        .check(project, table.headers.len())
        .map_err(|p| import_error(vec![line_error(1, p)]))?;
    let rows = read_rows(&table, mapping, &default_map_name(project, mapping));
    let errors: Vec<LineError> = rows
        .iter()
        .filter_map(|(l, r)| r.as_ref().err().map(|e| line_error(*l, e.clone())))
        .collect();
    if !errors.is_empty() {
        return Err(import_error(errors));
    }
    let good = rows.into_iter().filter_map(|(_, r)| r.ok()).collect();
    let after = place(project, good, next_id).map_err(|e| match e {
        Error::InvalidProject(problems) => Error::InvalidInput(format!(
            "the imported rows do not fit: {}",
            problems.join("; ")
        )),
        other => other,
    })?;
    Ok(project.diff(&after))
}
