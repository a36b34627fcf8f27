//! A project is everything one `.journey` file holds: what the organisation promises, who its
//! customers are, and the maps of their journeys, as flat record collections.

use super::{Comment, Opportunity, PhaseTemplate, Picture, Redesign, WorkCalendar};
use super::{
    Connector, Id, JourneyMap, Lane, Note, Persona, Reliability, Stage, Story, Touchpoint,
};
use super::{CustomerPeriod, Feedback, Kpi, PillarScore};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The project's own statements, shown on the report's cover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProjectInfo {
    pub id: Id,
    pub name: String,
    /// The customer-experience intent statement: the directive all later work follows.
    #[serde(default)]
    pub intent_statement: String,
    /// What the brand promises, and how that sets it apart.
    #[serde(default)]
    pub brand_promise: String,
    /// Who the target customers are.
    #[serde(default)]
    pub target_customers: String,
    /// The organisation the reports come from, on covers and page footers.
    #[serde(default)]
    pub organisation: String,
    /// Who the reports are for ("Prepared for …" on the cover and proposals).
    #[serde(default)]
    pub prepared_for: String,
    /// The organisation's colour, `#rrggbb`; empty for Journeymap's own.
    #[serde(default)]
    pub accent: String,
    /// The organisation's logo, on covers, page headers, proposals and the web page.
    #[serde(default)]
    pub logo: Option<super::Logo>,
    /// The report options last chosen.
    #[serde(default)]
    pub report: super::ReportDefaults,
}

impl ProjectInfo {
    /// A project's statements with only its name.
    pub fn new(id: Id, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            intent_statement: String::new(),
            brand_promise: String::new(),
            target_customers: String::new(),
            organisation: String::new(),
            prepared_for: String::new(),
            accent: String::new(),
            logo: None,
            report: super::ReportDefaults::default(),
        }
    }

    /// The organisation's name where a line names it before the project's, or `None` when there
    /// is none or the project's name already begins with it ("Northwind Air — check-in" is not
    /// printed after "Northwind Air ·").
    pub fn organisation_before_name(&self) -> Option<&str> {
        let org = self.organisation.trim();
        let name = self.name.trim();
        let said = name
            .get(..org.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(org));
        (!org.is_empty() && !said).then_some(org)
    }
}

/// A whole project in memory.
///
/// Invariant after [`Project::canonicalize`]: personas and maps are ordered by `(position, id)`,
/// stages and lanes by `(map_id, position, id)`, every other collection by `id`. Loading a file
/// and reading JSON both return canonical projects, so equal projects compare equal and export
/// to identical bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub info: ProjectInfo,
    #[serde(default)]
    pub personas: Vec<Persona>,
    #[serde(default)]
    pub maps: Vec<JourneyMap>,
    #[serde(default)]
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub lanes: Vec<Lane>,
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
    #[serde(default)]
    pub connectors: Vec<Connector>,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub stories: Vec<Story>,
    /// The project's working days, for redesign plans.
    #[serde(default)]
    pub calendar: WorkCalendar,
    /// The phases a new redesign is planned with (editable per project).
    #[serde(default = "PhaseTemplate::default_template")]
    pub redesign_template: Vec<PhaseTemplate>,
    #[serde(default)]
    pub redesigns: Vec<Redesign>,
    /// KPIs measured on touchpoints.
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    /// The touchpoints that matter most (at most 15), in ranking order; they drive the dashboard.
    #[serde(default)]
    pub top_touchpoints: Vec<Id>,
    /// The voice of the customer and of employees, attached to stages.
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    /// Customers gained and lost, period by period.
    #[serde(default)]
    pub customer_periods: Vec<CustomerPeriod>,
    /// The ten-pillar self-assessment (one entry per pillar, in the pillars' order).
    #[serde(default = "PillarScore::unscored")]
    pub pillars: Vec<PillarScore>,
    /// Ideas worth doing, scored for value and effort, with their evidence.
    #[serde(default)]
    pub opportunities: Vec<Opportunity>,
    /// Threaded comments on cards, notes and opportunities.
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// Pictures on cards, one per card at most.
    #[serde(default)]
    pub pictures: Vec<Picture>,
}

/// Counts shown by `journeymap info` and on the app's status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub maps: u32,
    pub personas: u32,
    pub stages: u32,
    pub lanes: u32,
    pub touchpoints: u32,
    pub moments_of_truth: u32,
    pub connectors: u32,
    pub notes: u32,
    pub stories: u32,
    pub redesigns: u32,
    pub kpis: u32,
    pub feedback: u32,
    pub opportunities: u32,
    /// Touchpoints nobody has rated yet.
    pub unrated: u32,
    pub broken: u32,
    pub reliable: u32,
    pub differentiating: u32,
}

impl Project {
    /// An empty project with only a name.
    pub fn new(id: Id, name: impl Into<String>) -> Self {
        Self {
            info: ProjectInfo::new(id, name),
            personas: Vec::new(),
            maps: Vec::new(),
            stages: Vec::new(),
            lanes: Vec::new(),
            touchpoints: Vec::new(),
            connectors: Vec::new(),
            notes: Vec::new(),
            stories: Vec::new(),
            calendar: WorkCalendar::default(),
            redesign_template: PhaseTemplate::default_template(),
            redesigns: Vec::new(),
            kpis: Vec::new(),
            top_touchpoints: Vec::new(),
            feedback: Vec::new(),
            customer_periods: Vec::new(),
            pillars: PillarScore::unscored(),
            opportunities: Vec::new(),
            comments: Vec::new(),
            pictures: Vec::new(),
        }
    }

    /// Puts every collection in its canonical order (see the type's invariant).
    pub fn canonicalize(&mut self) {
        self.personas.sort_by_key(|p| (p.position, p.id));
        self.maps.sort_by_key(|m| (m.position, m.id));
        self.stages.sort_by_key(|s| (s.map_id, s.position, s.id));
        self.lanes.sort_by_key(|l| (l.map_id, l.position, l.id));
        self.touchpoints.sort_by_key(|t| t.id);
        self.connectors.sort_by_key(|c| c.id);
        self.notes.sort_by_key(|n| n.id);
        self.stories.sort_by_key(|s| s.id);
        self.redesigns.sort_by_key(|r| r.id);
        self.kpis.sort_by_key(|k| k.id);
        for k in &mut self.kpis {
            k.sort_measurements();
        }
        self.feedback.sort_by_key(|f| f.id);
        self.customer_periods.sort_by_key(|p| p.id);
        self.pillars = PillarScore::complete(&self.pillars);
        self.opportunities.sort_by_key(|o| o.id);
        self.comments.sort_by_key(|c| c.id);
        self.pictures.sort_by_key(|p| p.id);
    }

    pub fn canonical(mut self) -> Self {
        self.canonicalize();
        self
    }

    pub fn summary(&self) -> Summary {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let reliability = |r: Reliability| {
            count(
                self.touchpoints
                    .iter()
                    .filter(|t| t.reliability == r)
                    .count(),
            )
        };
        Summary {
            maps: count(self.maps.len()),
            personas: count(self.personas.len()),
            stages: count(self.stages.len()),
            lanes: count(self.lanes.len()),
            touchpoints: count(self.touchpoints.len()),
            moments_of_truth: count(
                self.touchpoints
                    .iter()
                    .filter(|t| t.moment_of_truth)
                    .count(),
            ),
            connectors: count(self.connectors.len()),
            notes: count(self.notes.len()),
            stories: count(self.stories.len()),
            redesigns: count(self.redesigns.len()),
            kpis: count(self.kpis.len()),
            feedback: count(self.feedback.len()),
            opportunities: count(self.opportunities.len()),
            unrated: reliability(Reliability::Unrated),
            broken: reliability(Reliability::Broken),
            reliable: reliability(Reliability::Reliable),
            differentiating: reliability(Reliability::Differentiating),
        }
    }

    /// The stages of one map in column order.
    pub fn stages_of(&self, map_id: Id) -> Vec<&Stage> {
        let mut stages: Vec<&Stage> = self.stages.iter().filter(|s| s.map_id == map_id).collect();
        stages.sort_by_key(|s| (s.position, s.id));
        stages
    }

    /// The lanes of one map in row order.
    pub fn lanes_of(&self, map_id: Id) -> Vec<&Lane> {
        let mut lanes: Vec<&Lane> = self.lanes.iter().filter(|l| l.map_id == map_id).collect();
        lanes.sort_by_key(|l| (l.position, l.id));
        lanes
    }

    pub fn touchpoint(&self, id: Id) -> Option<&Touchpoint> {
        self.touchpoints.iter().find(|t| t.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organisation_is_named_before_the_project_unless_the_name_begins_with_it() {
        let mut info = ProjectInfo::new(Id::new_v4(), "Northwind Air — check-in to boarding");
        assert_eq!(info.organisation_before_name(), None, "no organisation");
        info.organisation = "Northwind Air".into();
        assert_eq!(info.organisation_before_name(), None, "said by the name");
        info.organisation = "  northwind air ".into();
        assert_eq!(info.organisation_before_name(), None, "in any case");
        info.organisation = "Contoso".into();
        assert_eq!(info.organisation_before_name(), Some("Contoso"));
        info.name = "Nö".into();
        info.organisation = "Nöx".into();
        assert_eq!(
            info.organisation_before_name(),
            Some("Nöx"),
            "a name shorter than the organisation"
        );
        info.organisation = "N".into();
        info.name = "Ñandú".into();
        assert_eq!(
            info.organisation_before_name(),
            Some("N"),
            "cut inside a character: not said"
        );
    }
}
