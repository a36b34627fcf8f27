//! The mapping step: which column of the sheet holds which field, guessed from the headers and
//! corrected by the person importing.

use crate::model::{Id, Project};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which column (0-based) holds each field; only title and stage are required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TouchpointMapping {
    /// The map rows go to when no map column is mapped (or its cell is empty).
    pub map_id: Option<Id>,
    pub map: Option<u32>,
    pub stage: Option<u32>,
    pub lane: Option<u32>,
    pub title: Option<u32>,
    pub channel: Option<u32>,
    pub owner: Option<u32>,
    pub description: Option<u32>,
    pub emotion: Option<u32>,
    pub expectation: Option<u32>,
    pub performance: Option<u32>,
    pub reliability: Option<u32>,
    pub moment_of_truth: Option<u32>,
    pub moment_of_truth_note: Option<u32>,
    pub top_rank: Option<u32>,
}

const HINTS: [(&str, &[&str]); 14] = [
    ("map", &["map", "journey"]),
    ("stage", &["stage", "phase", "step"]),
    ("lane", &["lane", "swimlane", "swim lane", "row", "layer"]),
    ("title", &["title", "touchpoint", "touch point", "name"]),
    ("channel", &["channel", "medium"]),
    ("owner", &["owner", "department", "team", "responsible"]),
    ("emotion", &["emotion", "feeling", "mood"]),
    ("expectation", &["expectation", "expected"]),
    ("performance", &["performance", "delivered", "actual"]),
    ("reliability", &["reliability", "state"]),
    ("momentOfTruth", &["moment of truth", "mot", "moment"]),
    ("momentOfTruthNote", &["why it matters", "why"]),
    ("topRank", &["top rank", "top", "rank"]),
    (
        "description",
        &["description", "details", "notes", "comment"],
    ),
];

impl TouchpointMapping {
    pub fn guess(headers: &[String], map_id: Option<Id>) -> TouchpointMapping {
        let found = crate::interchange::csv::guess_columns(headers, &HINTS);
        let get = |f: &str| found.get(f).copied();
        TouchpointMapping {
            map_id,
            map: get("map"),
            stage: get("stage"),
            lane: get("lane"),
            title: get("title"),
            channel: get("channel"),
            owner: get("owner"),
            description: get("description"),
            emotion: get("emotion"),
            expectation: get("expectation"),
            performance: get("performance"),
            reliability: get("reliability"),
            moment_of_truth: get("momentOfTruth"),
            moment_of_truth_note: get("momentOfTruthNote"),
            top_rank: get("topRank"),
        }
    }

    fn columns(&self) -> [(&'static str, Option<u32>); 14] {
        [
            ("map", self.map),
            ("stage", self.stage),
            ("lane", self.lane),
            ("title", self.title),
            ("channel", self.channel),
            ("owner", self.owner),
            ("description", self.description),
            ("emotion", self.emotion),
            ("expectation", self.expectation),
            ("performance", self.performance),
            ("reliability", self.reliability),
            ("moment of truth", self.moment_of_truth),
            ("why it matters", self.moment_of_truth_note),
            ("top rank", self.top_rank),
        ]
    }

    /// Reads `field` (as the command line names it: `moment-of-truth`, `why-it-matters`,
    /// `top-rank`, or the other fields' names) from column `index`, or from none.
    pub fn set_column(&mut self, field: &str, index: Option<u32>) -> crate::Result<()> {
        let slot = match field {
            "map" => &mut self.map,
            "stage" => &mut self.stage,
            "lane" => &mut self.lane,
            "title" => &mut self.title,
            "channel" => &mut self.channel,
            "owner" => &mut self.owner,
            "description" => &mut self.description,
            "emotion" => &mut self.emotion,
            "expectation" => &mut self.expectation,
            "performance" => &mut self.performance,
            "reliability" => &mut self.reliability,
            "moment-of-truth" => &mut self.moment_of_truth,
            "why-it-matters" => &mut self.moment_of_truth_note,
            "top-rank" => &mut self.top_rank,
            other => {
                return Err(crate::Error::InvalidInput(format!(
                    "unknown field {other:?}"
                )))
            }
        };
        *slot = index;
        Ok(())
    }

    pub(super) fn check(
        &self,
        project: &Project,
        columns: usize,
    ) -> std::result::Result<(), String> {
        for (name, col) in self.columns() {
            if col.is_some_and(|c| c as usize >= columns) {
                return Err(format!("the {name} column is not in this file"));
            }
        }
        if self.title.is_none() {
            return Err("choose the column that holds the touchpoint's title".into());
        }
        if self.stage.is_none() {
            return Err("choose the column that holds the stage".into());
        }
        // Without a map (chosen or in a column), rows go to the first map, or to a new one.
        if let Some(m) = self.map_id {
            if !project.maps.iter().any(|x| x.id == m) {
                return Err("the chosen map does not exist".into());
            }
        }
        Ok(())
    }
}
