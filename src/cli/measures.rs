//! `journeymap dashboard`, `import-feedback` and `export-csv`: the customer-experience figures,
//! feedback from spreadsheets, and tables for spreadsheets, without the app.

use chrono::NaiveDate;
use journeymap::interchange::{feedback_csv, tables};
use journeymap::measure::{Dashboard, FeedbackSource, KpiStatus};
use journeymap::model::{new_id, Changes, Id, Project, Record};
use journeymap::text::{read_input, MAX_IMPORT_BYTES};
use journeymap::{Error, ProjectFile, Result};
use std::path::{Path, PathBuf};

/// The map named `key` (or with that id); the first map when `None`.
pub fn find_map(project: &Project, key: Option<&str>) -> Result<Id> {
    let found = match key {
        None => project.maps.first(),
        Some(k) => project
            .maps
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case(k) || m.id.to_string() == k),
    };
    found.map(|m| m.id).ok_or_else(|| match key {
        None => Error::InvalidInput("the project has no map".into()),
        Some(k) => Error::InvalidInput(format!(
            "no map named {k:?} (maps: {})",
            project
                .maps
                .iter()
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    })
}

fn pct(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{:.1}%", v * 100.0))
}

fn num(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{v:+.2}"))
}

pub fn dashboard(file: &Path, map: Option<&str>, today: NaiveDate, json: bool) -> Result<()> {
    let project = ProjectFile::read(file)?;
    let map_id = find_map(&project, map)?;
    let d = Dashboard::compute(&project, Some(map_id), today);
    if json {
        println!("{}", serde_json::to_string_pretty(&d).unwrap_or_default());
        return Ok(());
    }
    println!("Dashboard on {today}");
    let c = &d.kpi_counts;
    println!(
        "\nTop touchpoints ({}): KPIs {} met, {} near, {} missed, {} without data",
        d.top_touchpoints.len(),
        c.met,
        c.near,
        c.missed,
        c.no_data
    );
    for t in &d.top_touchpoints {
        println!(
            "  {:>2}. {:<36} {:<16} gap {:+}  {}",
            t.rank,
            t.title,
            t.reliability.as_str(),
            t.gap,
            t.worst_status.map_or("no KPI", KpiStatus::label)
        );
    }
    println!("\nKPIs");
    for k in &d.kpis {
        println!(
            "  {:<28} {:<28} latest {:>8} {:<4} target {:>8}  {}",
            k.touchpoint_title,
            k.name,
            k.latest.map_or("—".into(), |v| format!("{v}")),
            k.unit,
            k.target,
            k.status.label()
        );
    }
    println!("\nReliability by stage (broken / reliable / differentiating, mean gap)");
    for s in &d.reliability.stages {
        println!(
            "  {:<28} {:>3} {:>3} {:>3}   {}",
            s.name,
            s.broken,
            s.reliable,
            s.differentiating,
            num(s.average_gap)
        );
    }
    println!(
        "\nFeedback: {} items ({} customer, {} employee), mean sentiment {}",
        d.feedback.total,
        d.feedback.customer_count,
        d.feedback.employee_count,
        num(d.feedback.average_sentiment)
    );
    for s in &d.feedback.stages {
        println!(
            "  {:<28} {:>6} items  customers {:>6}  employees {:>6}",
            s.name,
            s.count,
            num(s.customer_sentiment),
            num(s.employee_sentiment)
        );
    }
    println!("\nCustomers in / out");
    for f in &d.customers {
        println!(
            "  {:<16} +{:<6} -{:<6} net {:<8} churn {}",
            f.label,
            f.gained,
            f.lost,
            format!("{:+}", f.net),
            pct(f.churn_rate)
        );
    }
    println!(
        "\nPillars (mean {})",
        d.pillar_average
            .map_or("—".into(), |v| format!("{v:.1} of 5"))
    );
    for p in &d.pillars {
        println!(
            "  {:<26} {}",
            p.pillar.label(),
            p.score.map_or("not scored".into(), |s| format!("{s}/5"))
        );
    }
    Ok(())
}

/// Options of `import-feedback`.
pub struct FeedbackImport {
    pub file: PathBuf,
    pub csv: PathBuf,
    pub map: Option<String>,
    pub columns: Vec<String>,
    pub stage: Option<String>,
    pub source: Option<String>,
    pub month_first: bool,
    pub dry_run: bool,
}

pub fn import_feedback(o: FeedbackImport) -> Result<()> {
    let bytes = read_input(&o.csv, MAX_IMPORT_BYTES)?;
    let mut file = if o.dry_run {
        None
    } else {
        Some(ProjectFile::open(&o.file)?)
    };
    let project = match &file {
        Some(f) => f.project().clone(),
        None => ProjectFile::read(&o.file)?,
    };
    let map_id = find_map(&project, o.map.as_deref())?;
    let preview = feedback_csv::preview(&bytes, &project, map_id, None)?;
    let mut mapping = preview.mapping;
    mapping.day_first = !o.month_first;
    if let Some(s) = &o.source {
        mapping.default_source = FeedbackSource::parse_loose(s)
            .ok_or_else(|| Error::InvalidInput(format!("unknown source {s:?}")))?;
    }
    if let Some(name) = &o.stage {
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
    for spec in &o.columns {
        let (field, column) = spec.split_once('=').ok_or_else(|| {
            Error::InvalidInput(format!("--column takes field=HEADER, not {spec:?}"))
        })?;
        let index = if column.is_empty() {
            None
        } else {
            Some(
                preview
                    .headers
                    .iter()
                    .position(|h| h.eq_ignore_ascii_case(column))
                    .or_else(|| column.parse::<u32>().ok().map(|n| n as usize))
                    .ok_or_else(|| {
                        Error::InvalidInput(format!(
                            "no column {column:?} (columns: {})",
                            preview.headers.join(", ")
                        ))
                    })? as u32,
            )
        };
        let slot = match field {
            "date" => &mut mapping.date,
            "text" => &mut mapping.text,
            "stage" => &mut mapping.stage,
            "touchpoint" => &mut mapping.touchpoint,
            "source" => &mut mapping.source,
            "sentiment" => &mut mapping.sentiment,
            "rating" => &mut mapping.rating,
            other => {
                return Err(Error::InvalidInput(format!(
                    "unknown field {other:?} (date, text, stage, touchpoint, source, sentiment, rating)"
                )))
            }
        };
        *slot = index;
    }
    let header = |c: Option<u32>| {
        c.and_then(|c| preview.headers.get(c as usize))
            .map_or("—".to_string(), |h| format!("\"{h}\""))
    };
    eprintln!(
        "columns: date {}, text {}, stage {}, touchpoint {}, source {}, sentiment {}, rating {}",
        header(mapping.date),
        header(mapping.text),
        header(mapping.stage),
        header(mapping.touchpoint),
        header(mapping.source),
        header(mapping.sentiment),
        header(mapping.rating)
    );
    let feedback = feedback_csv::import(&bytes, &project, &mapping, new_id)?;
    let count = feedback.len();
    match &mut file {
        None => println!("{count} rows would be imported (dry run: nothing written)"),
        Some(f) => {
            f.apply(&Changes {
                put: feedback.into_iter().map(Record::Feedback).collect(),
                delete: vec![],
            })?;
            println!("imported {count} feedback items into {}", o.file.display());
        }
    }
    Ok(())
}

/// The column `spec` ("field=Header", "field=3" or "field=") names, as an index.
fn column(headers: &[String], spec: &str) -> Result<(String, Option<u32>)> {
    let (field, column) = spec
        .split_once('=')
        .ok_or_else(|| Error::InvalidInput(format!("--column takes field=HEADER, not {spec:?}")))?;
    if column.is_empty() {
        return Ok((field.to_owned(), None));
    }
    let index = headers
        .iter()
        .position(|h| h.eq_ignore_ascii_case(column))
        .or_else(|| column.parse::<usize>().ok())
        .ok_or_else(|| {
            Error::InvalidInput(format!(
                "no column {column:?} (columns: {})",
                headers.join(", ")
            ))
        })?;
    Ok((field.to_owned(), Some(index as u32)))
}

pub fn import_touchpoints(
    file: &Path,
    sheet: &Path,
    map: Option<&str>,
    columns: &[String],
    dry_run: bool,
) -> Result<()> {
    use journeymap::interchange::touchpoints_csv::{self, TouchpointMapping};
    let bytes = read_input(sheet, MAX_IMPORT_BYTES)?;
    let mut opened = if dry_run {
        None
    } else {
        Some(ProjectFile::open(file)?)
    };
    let project = match &opened {
        Some(f) => f.project().clone(),
        None => ProjectFile::read(file)?,
    };
    let target = match map {
        Some(_) => Some(find_map(&project, map)?),
        None => project.maps.first().map(|m| m.id),
    };
    let preview = touchpoints_csv::preview(&bytes, &project, None, target)?;
    let mut m: TouchpointMapping = preview.mapping;
    for spec in columns {
        let (field, index) = column(&preview.headers, spec)?;
        let slot = match field.as_str() {
            "map" => &mut m.map,
            "stage" => &mut m.stage,
            "lane" => &mut m.lane,
            "title" => &mut m.title,
            "channel" => &mut m.channel,
            "owner" => &mut m.owner,
            "description" => &mut m.description,
            "emotion" => &mut m.emotion,
            "expectation" => &mut m.expectation,
            "performance" => &mut m.performance,
            "reliability" => &mut m.reliability,
            "moment-of-truth" => &mut m.moment_of_truth,
            "why-it-matters" => &mut m.moment_of_truth_note,
            "top-rank" => &mut m.top_rank,
            other => return Err(Error::InvalidInput(format!("unknown field {other:?}"))),
        };
        *slot = index;
    }
    let changes = touchpoints_csv::import(&bytes, &project, &m, new_id)?;
    let cards = changes
        .put
        .iter()
        .filter(|r| matches!(r, Record::Touchpoint(t) if project.touchpoint(t.id).is_none()))
        .count();
    match &mut opened {
        None => println!("{cards} touchpoints would be imported (dry run: nothing written)"),
        Some(f) => {
            f.apply(&changes)?;
            println!("imported {cards} touchpoints into {}", file.display());
        }
    }
    Ok(())
}

pub fn export_csv(file: &Path, table: &str, output: &Path) -> Result<()> {
    let table = tables::Table::parse(table).ok_or_else(|| {
        Error::InvalidInput(format!(
            "unknown table {table:?} (touchpoints, kpis, feedback)"
        ))
    })?;
    let project = ProjectFile::read(file)?;
    crate::write_bytes(output, &tables::export(&project, table))
}
