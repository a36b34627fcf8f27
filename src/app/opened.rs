//! What the window receives when a project opens, shaped to cross WebKit's IPC quickly: the
//! feedback stays behind until a view asks for it, and the two largest lists (touchpoints and
//! connectors) go as rows under one list of field names rather than as objects repeating them,
//! naming the ids they refer to, and the texts many of them repeat, by their place in one list.

use crate::model::{Connector, Id, Project, Touchpoint};
use serde::ser::{SerializeSeq, SerializeStruct, SerializeTuple};
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use ts_rs::TS;

/// What the UI learns after opening or creating a file.
// It borrows the session's own copy of the project: cloning a 10,000-card project only to send it
// to the window left the app holding 5 MB more heap for as long as it ran (docs/performance.md).
// The feedback is a third of a large project's JSON and only the feedback list, the opportunities'
// evidence and a deletion's undo need it: the window asks for it then (`Session::feedback_json`).
// Field names were 40 % of the cards' and connectors' JSON, and then ids were: a card's map, stage
// and lane, a connector's map and ends. Sent once each and named by number, every record that names
// an id shares one string for it in the window too (docs/performance.md, "Ninth round").
#[derive(Debug, TS)]
#[ts(rename_all = "camelCase")]
pub struct OpenedProject<'a> {
    pub path: String,
    /// The project with its `feedback`, `touchpoints` and `connectors` empty.
    pub project: &'a Project,
    /// How many feedback items the project holds, left out of `project` (0: nothing to fetch).
    pub feedback_left_out: u32,
    /// The ids the rows name by number: each touchpoint's own, in row order, then the others;
    /// then the texts many rows repeat (channels, owners, reliabilities, connector labels).
    #[ts(type = "Array<string>")]
    pub ids: Ids,
    /// The project's touchpoints: `columns` names the fields, each row holds one card's values;
    /// the values of the columns in `refs` are places in `ids`.
    #[ts(type = "{ columns: Array<string>, refs: Array<string>, rows: Array<Array<unknown>> }")]
    pub touchpoint_rows: Rows<'a, Touchpoint>,
    /// The project's connectors, as rows.
    #[ts(type = "{ columns: Array<string>, refs: Array<string>, rows: Array<Array<unknown>> }")]
    pub connector_rows: Rows<'a, Connector>,
}

/// Ids in the order first named, each with its place: what the rows write instead of the id.
/// After them, the texts many records repeat, each once: `JSON.parse` makes a string of every
/// value it reads, and a channel or an owner repeated on 10,000 cards was 10,000 strings in the
/// window while it opened.
#[derive(Debug, Default)]
pub struct Ids {
    list: Vec<Id>,
    places: HashMap<Id, u32>,
    words: Vec<String>,
    word_places: HashMap<String, u32>,
}

impl Ids {
    /// The ids `project`'s touchpoint and connector rows name: the touchpoints' own first.
    fn of(project: &Project) -> Self {
        let mut ids = Ids::default();
        for t in &project.touchpoints {
            ids.place(t.id);
        }
        for t in &project.touchpoints {
            ids.place(t.map_id);
            ids.place(t.stage_id);
            ids.place(t.lane_id);
        }
        for c in &project.connectors {
            ids.place(c.map_id);
            ids.place(c.from_id);
            ids.place(c.to_id);
        }
        for t in &project.touchpoints {
            ids.word(&t.channel);
            ids.word(&t.owner);
            ids.word(t.reliability.as_str());
        }
        for c in &project.connectors {
            ids.word(&c.label);
        }
        ids
    }

    /// Gives `text` a place among the words, if it has none yet.
    fn word(&mut self, text: &str) {
        if !self.word_places.contains_key(text) {
            let next = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
            self.words.push(text.to_owned());
            self.word_places.insert(text.to_owned(), next);
        }
    }

    /// The place of a word `of` gave one: after every id.
    fn word_at(&self, text: &str) -> u32 {
        let ids = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        // `Ids::of` walks every word a row writes: a missing one is a bug in it.
        ids.saturating_add(self.word_places[text])
    }

    /// `id`'s place, given it one if it has none yet.
    fn place(&mut self, id: Id) -> u32 {
        let next = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        *self.places.entry(id).or_insert_with(|| {
            self.list.push(id);
            next
        })
    }

    /// The place of an id `of` gave one.
    fn at(&self, id: &Id) -> u32 {
        // `Ids::of` walks every id a row writes: a missing one is a bug in it.
        self.places[id]
    }
}

impl Serialize for Ids {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.list.len() + self.words.len()))?;
        for id in &self.list {
            seq.serialize_element(id)?;
        }
        for word in &self.words {
            seq.serialize_element(word)?;
        }
        seq.end()
    }
}

impl<'a> OpenedProject<'a> {
    /// What the window opens `project` with; it holds `feedback` items, read into it or not.
    pub fn new(path: String, project: &'a Project, feedback: usize) -> Self {
        OpenedProject {
            path,
            project,
            feedback_left_out: u32::try_from(feedback).unwrap_or(u32::MAX),
            ids: Ids::of(project),
            touchpoint_rows: Rows(&project.touchpoints),
            connector_rows: Rows(&project.connectors),
        }
    }

    /// The JSON the window receives, written once from the borrowed project.
    pub fn to_json(&self) -> String {
        // Every field is a plain struct, string-keyed map or list: serializing cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Serialize for OpenedProject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut o = s.serialize_struct("OpenedProject", 6)?;
        o.serialize_field("path", &self.path)?;
        o.serialize_field("project", &Stripped::of(self.project))?;
        o.serialize_field("feedbackLeftOut", &self.feedback_left_out)?;
        o.serialize_field("ids", &self.ids)?;
        o.serialize_field("touchpointRows", &Named(self.touchpoint_rows.0, &self.ids))?;
        o.serialize_field("connectorRows", &Named(self.connector_rows.0, &self.ids))?;
        o.end()
    }
}

/// Records of one kind as `{"columns": [field names], "refs": [field names], "rows": [[values],
/// ...]}`, each row's values in the columns' order and written as the record's own field would
/// be, but for the columns in `refs`: those hold the id's place in the opened project's `ids`.
#[derive(Debug)]
pub struct Rows<'a, T>(pub &'a [T]);

/// A record kind sent as rows: its field names, those written as places in `Ids`, and one
/// record's values in that order.
trait AsRow: Sized {
    const COLUMNS: &'static [&'static str];
    const REFS: &'static [&'static str];
    fn write_row<S: Serializer>(&self, s: S, ids: &Ids) -> std::result::Result<S::Ok, S::Error>;
}

/// Rows as they are written: with the ids they name by place.
struct Named<'r, T>(&'r [T], &'r Ids);

impl<T: AsRow> Serialize for Named<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        struct Row<'r, T>(&'r T, &'r Ids);
        impl<T: AsRow> Serialize for Row<'_, T> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                self.0.write_row(s, self.1)
            }
        }
        struct All<'r, T>(&'r [T], &'r Ids);
        impl<T: AsRow> Serialize for All<'_, T> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|r| Row(r, self.1)))
            }
        }
        let Named(records, ids) = *self;
        let mut o = s.serialize_struct("Rows", 3)?;
        o.serialize_field("columns", T::COLUMNS)?;
        o.serialize_field("refs", T::REFS)?;
        o.serialize_field("rows", &All(records, ids))?;
        o.end()
    }
}

/// Writes `values` as one row (a JSON array).
macro_rules! row {
    ($s:expr, $($value:expr),+ $(,)?) => {{
        let mut t = $s.serialize_tuple(0 $(+ { let _ = &$value; 1 })+)?;
        $(t.serialize_element($value)?;)+
        t.end()
    }};
}

impl AsRow for Touchpoint {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "mapId",
        "stageId",
        "laneId",
        "title",
        "description",
        "channel",
        "owner",
        "x",
        "y",
        "width",
        "height",
        "emotion",
        "expectation",
        "performance",
        "reliability",
        "momentOfTruth",
        "momentOfTruthNote",
        "votes",
        "feelings",
    ];
    const REFS: &'static [&'static str] = &[
        "id",
        "mapId",
        "stageId",
        "laneId",
        "channel",
        "owner",
        "reliability",
    ];
    fn write_row<S: Serializer>(&self, s: S, ids: &Ids) -> std::result::Result<S::Ok, S::Error> {
        // Destructured so that a field added to `Touchpoint` fails to compile here until sent.
        let Touchpoint {
            id,
            map_id,
            stage_id,
            lane_id,
            title,
            description,
            channel,
            owner,
            x,
            y,
            width,
            height,
            emotion,
            expectation,
            performance,
            reliability,
            moment_of_truth,
            moment_of_truth_note,
            votes,
            feelings,
        } = self;
        row!(
            s,
            &ids.at(id),
            &ids.at(map_id),
            &ids.at(stage_id),
            &ids.at(lane_id),
            title,
            description,
            &ids.word_at(channel),
            &ids.word_at(owner),
            x,
            y,
            width,
            height,
            emotion,
            expectation,
            performance,
            &ids.word_at(reliability.as_str()),
            moment_of_truth,
            moment_of_truth_note,
            votes,
            feelings,
        )
    }
}

impl AsRow for Connector {
    const COLUMNS: &'static [&'static str] = &["id", "mapId", "fromId", "toId", "label"];
    const REFS: &'static [&'static str] = &["mapId", "fromId", "toId", "label"];
    fn write_row<S: Serializer>(&self, s: S, ids: &Ids) -> std::result::Result<S::Ok, S::Error> {
        let Connector {
            id,
            map_id,
            from_id,
            to_id,
            label,
        } = self;
        row!(
            s,
            id,
            &ids.at(map_id),
            &ids.at(from_id),
            &ids.at(to_id),
            &ids.word_at(label)
        )
    }
}

/// A project serialized as `Project` is, with no feedback, touchpoints or connectors (those go
/// as rows). Every field of `Project` is listed: a test reads the JSON back as a `Project` and
/// compares it with the original.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Stripped<'a> {
    info: &'a crate::model::ProjectInfo,
    personas: &'a [crate::model::Persona],
    maps: &'a [crate::model::JourneyMap],
    stages: &'a [crate::model::Stage],
    lanes: &'a [crate::model::Lane],
    touchpoints: [(); 0],
    connectors: [(); 0],
    notes: &'a [crate::model::Note],
    stories: &'a [crate::model::Story],
    calendar: &'a crate::model::WorkCalendar,
    redesign_template: &'a [crate::model::PhaseTemplate],
    redesigns: &'a [crate::model::Redesign],
    kpis: &'a [crate::model::Kpi],
    top_touchpoints: &'a [Id],
    feedback: [(); 0],
    customer_periods: &'a [crate::model::CustomerPeriod],
    pillars: &'a [crate::model::PillarScore],
    opportunities: &'a [crate::model::Opportunity],
    comments: &'a [crate::model::Comment],
    pictures: &'a [crate::model::Picture],
}

impl<'a> Stripped<'a> {
    fn of(p: &'a Project) -> Self {
        // Destructured so that a field added to `Project` fails to compile here until it is sent.
        let Project {
            info,
            personas,
            maps,
            stages,
            lanes,
            touchpoints: _,
            connectors: _,
            notes,
            stories,
            calendar,
            redesign_template,
            redesigns,
            kpis,
            top_touchpoints,
            feedback: _,
            customer_periods,
            pillars,
            opportunities,
            comments,
            pictures,
        } = p;
        Stripped {
            info,
            personas,
            maps,
            stages,
            lanes,
            touchpoints: [],
            connectors: [],
            notes,
            stories,
            calendar,
            redesign_template,
            redesigns,
            kpis,
            top_touchpoints,
            feedback: [],
            customer_periods,
            pillars,
            opportunities,
            comments,
            pictures,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Map, Value};

    /// The records `rows` stands for, read back through each record's own `Deserialize`, the
    /// values of its `refs` columns looked up in `ids`.
    fn read_rows<T: serde::de::DeserializeOwned>(rows: &Value, ids: &Value) -> Vec<T> {
        let names = |key: &str| -> Vec<&str> {
            rows[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect()
        };
        let (columns, refs) = (names("columns"), names("refs"));
        rows["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                let values = row.as_array().unwrap();
                assert_eq!(values.len(), columns.len(), "a value per column");
                let object: Map<String, Value> = columns
                    .iter()
                    .zip(values)
                    .map(|(c, v)| {
                        let v = if refs.contains(c) {
                            ids[v.as_u64().expect("a place in ids") as usize].clone()
                        } else {
                            v.clone()
                        };
                        (c.to_string(), v)
                    })
                    .collect();
                serde_json::from_value(Value::Object(object)).unwrap()
            })
            .collect()
    }

    #[test]
    fn the_window_gets_everything_but_the_feedback_in_fewer_bytes() {
        let mut project = crate::app::generate::project(200, 7);
        project.touchpoints[3].feelings.push(crate::model::Feeling {
            persona_id: project.personas[0].id,
            emotion: -2,
        });
        project.touchpoints[4].moment_of_truth_note = "Why \"this\" matters".into();
        let opened = OpenedProject::new("/tmp/x.journey".into(), &project, project.feedback.len());
        let json: Value = serde_json::from_str(&opened.to_json()).unwrap();
        assert_eq!(json["path"], "/tmp/x.journey");
        assert_eq!(json["feedbackLeftOut"], project.feedback.len());
        let sent: Project = serde_json::from_value(json["project"].clone()).unwrap();
        assert!(
            sent.feedback.is_empty() && sent.touchpoints.is_empty() && sent.connectors.is_empty()
        );
        let whole = Project {
            touchpoints: read_rows(&json["touchpointRows"], &json["ids"]),
            connectors: read_rows(&json["connectorRows"], &json["ids"]),
            feedback: project.feedback.clone(),
            ..sent
        };
        assert_eq!(whole, project, "nothing is lost on the way");
        let as_objects = serde_json::to_string(&project.touchpoints).unwrap().len();
        let as_rows = json["touchpointRows"].to_string().len();
        assert!(
            as_rows * 10 < as_objects * 7,
            "rows {as_rows} bytes, objects {as_objects}"
        );
        let ids = json["ids"].as_array().unwrap();
        let distinct: std::collections::HashSet<&Value> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len(), "each id sent once");
        for (i, t) in project.touchpoints.iter().enumerate() {
            assert_eq!(ids[i], t.id.to_string(), "a card's id at its row's place");
        }
        // Texts repeated on many cards travel once each, the rows naming them by place.
        let rows = &json["touchpointRows"];
        let column = |name: &str| {
            rows["columns"]
                .as_array()
                .unwrap()
                .iter()
                .position(|c| c == name)
                .unwrap()
        };
        for name in ["channel", "owner", "reliability"] {
            assert!(rows["rows"][0][column(name)].is_u64(), "{name} as a place");
        }
        let channels: std::collections::HashSet<&str> = project
            .touchpoints
            .iter()
            .map(|t| t.channel.as_str())
            .collect();
        let sent = ids
            .iter()
            .filter(|v| channels.contains(v.as_str().unwrap()));
        assert_eq!(sent.count(), channels.len(), "each channel once");
    }

    #[test]
    fn columns_are_the_fields_serde_writes() {
        let project = crate::app::generate::project(3, 1);
        let keys = |v: Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
        let mut touchpoint = keys(serde_json::to_value(&project.touchpoints[0]).unwrap());
        let mut connector = keys(serde_json::to_value(&project.connectors[0]).unwrap());
        let mut columns: Vec<String> = Touchpoint::COLUMNS.iter().map(|c| c.to_string()).collect();
        touchpoint.sort();
        columns.sort();
        assert_eq!(columns, touchpoint);
        let mut columns: Vec<String> = Connector::COLUMNS.iter().map(|c| c.to_string()).collect();
        connector.sort();
        columns.sort();
        assert_eq!(columns, connector);
    }
}
