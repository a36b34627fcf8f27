//! What goes out of a project: the PDF report, map pictures, the web page, CSV tables, CJML and
//! JSON. Every file is written through the one atomic path (`storage::atomic`), which never
//! replaces a project and gives new files the mode the umask allows.

use super::session::Session;
use crate::interchange::tables::{self, Table};
use crate::interchange::{cjml, json};
#[cfg(feature = "report")]
use crate::model::{Id, Project};
use crate::storage::atomic::write_export;
use crate::Result;
#[cfg(feature = "report")]
use chrono::{NaiveDate, NaiveDateTime};
use std::path::Path;

impl Session {
    /// The project as interchange JSON (docs/json-format.md).
    pub fn project_json(&mut self) -> Result<String> {
        Ok(json::to_json(self.open_project()?))
    }

    /// Writes the project as interchange JSON; returns its size in bytes.
    pub fn export_json(&mut self, dest: &Path) -> Result<u64> {
        write_export(dest, self.project_json()?.as_bytes())
    }

    /// Writes the open project's maps as CJML; returns what CJML could not hold.
    pub fn export_cjml(&mut self, dest: &Path) -> Result<Vec<String>> {
        let out = cjml::export(self.open_project()?);
        write_export(dest, out.xml.as_bytes())?;
        Ok(out.not_exported)
    }

    /// One table of the open project as CSV.
    pub fn csv(&mut self, table: Table) -> Result<Vec<u8>> {
        Ok(tables::export(self.open_project()?, table))
    }

    /// Writes one table of the open project as CSV; returns its size in bytes.
    pub fn export_csv(&mut self, table: Table, dest: &Path) -> Result<u64> {
        write_export(dest, &self.csv(table)?)
    }

    /// A map as SVG, or as PNG at `scale`; `viewport` limits it to the part in view.
    #[cfg(feature = "report")]
    pub fn picture(
        &self,
        map_id: Id,
        png_scale: Option<f32>,
        viewport: Option<crate::export::Viewport>,
    ) -> Result<Vec<u8>> {
        // A map's drawing shows no feedback.
        let project = self.without_feedback()?;
        Ok(match png_scale {
            None => crate::export::map_svg(project, map_id, viewport)?.into_bytes(),
            Some(scale) => crate::export::map_png(project, map_id, viewport, scale)?,
        })
    }

    /// Writes a map as SVG, or as PNG at `scale`; `viewport` limits it to the part in view.
    #[cfg(feature = "report")]
    pub fn export_picture(
        &self,
        dest: &Path,
        map_id: Id,
        png_scale: Option<f32>,
        viewport: Option<crate::export::Viewport>,
    ) -> Result<u64> {
        write_export(dest, &self.picture(map_id, png_scale, viewport)?)
    }

    /// Writes the project as one self-contained web page.
    #[cfg(feature = "report")]
    pub fn export_html(&mut self, dest: &Path, today: NaiveDate) -> Result<u64> {
        let html = crate::export::project_html(self.open_project()?, today)?;
        write_export(dest, html.as_bytes())
    }

    /// The PDF report as asked, ready to render. It holds its own copy of the project, so the
    /// caller can let go of the session (and autosave goes on) while the pages are drawn.
    #[cfg(feature = "report")]
    pub fn report(
        &mut self,
        request: &crate::report::ReportRequest,
        created: NaiveDateTime,
    ) -> Result<ReportJob> {
        Ok(ReportJob {
            project: self.open_project()?.clone(),
            options: crate::report::ReportOptions {
                paper: request.paper,
                sections: request.sections.clone(),
                today: request.today,
                created,
                author: request.author.clone(),
                measures_map: request.measures_map,
            },
            proposal: None,
        })
    }

    /// The proposal to corporate of one redesign (by title or id), ready to render; the
    /// request's paper, day and author apply, its sections do not.
    #[cfg(feature = "report")]
    pub fn proposal(
        &mut self,
        redesign: &str,
        request: &crate::report::ReportRequest,
        created: NaiveDateTime,
    ) -> Result<ReportJob> {
        let id = self.redesign_named(redesign)?.id;
        let mut job = self.report(request, created)?;
        job.proposal = Some(id);
        Ok(job)
    }
}

/// A report to render: see [`Session::report`].
#[cfg(feature = "report")]
pub struct ReportJob {
    project: Project,
    options: crate::report::ReportOptions,
    /// The redesign whose proposal this is; `None` for the report.
    proposal: Option<Id>,
}

#[cfg(feature = "report")]
impl ReportJob {
    /// Renders the report and writes it to `dest`; returns its size in bytes.
    pub fn write(&self, dest: &Path) -> Result<u64> {
        match self.proposal {
            Some(id) => crate::report::write_proposal(&self.project, id, &self.options, dest),
            None => crate::report::write(&self.project, &self.options, dest),
        }
    }
}
