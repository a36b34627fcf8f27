//! CJML, the Customer Journey Modeling Language (version 2.0 data format), in and out. A to-be
//! map is a planned journey and an as-is map an actual journey; customer-facing cards become
//! communication points in time order (left to right), with the customer and the owning
//! departments as actors. What CJML has no place for is reported, never silently dropped.

use super::csv::{line_error, LineError};
use crate::model::{
    Changes, Id, JourneyMap, Lane, LaneKind, MapKind, Persona, Project, Stage, Touchpoint,
    CARD_HEIGHT, CARD_WIDTH, LANE_HEADER_WIDTH, LANE_HEIGHT, STAGE_HEADER_HEIGHT, STAGE_WIDTH,
};
use crate::{Error, Result};
use quick_xml::events::Event;
use quick_xml::Reader;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;
use ts_rs::TS;

/// A CJML document written from a project, and what did not fit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CjmlExport {
    pub xml: String,
    pub not_exported: Vec<String>,
}

/// The changes a CJML document makes to a project, and what of it was not imported.
#[derive(Debug, Clone, PartialEq)]
pub struct CjmlImport {
    pub changes: Changes,
    pub maps: u32,
    pub touchpoints: u32,
    pub not_imported: Vec<LineError>,
}

const GAP: f64 = 16.0;
/// The lanes communication points go to: customer-initiated and provider-initiated.
const CUSTOMER_LANE: &str = "Touchpoints";
const PROVIDER_LANE: &str = "Frontstage";

fn esc(s: &str) -> String {
    crate::text::xml_escape(s)
}

/// Whether a lane's cards are the customer's side of the journey (and so CJML touchpoints).
fn facing(kind: LaneKind) -> Option<bool> {
    match kind {
        LaneKind::CustomerActions | LaneKind::Touchpoints => Some(true),
        LaneKind::Frontstage => Some(false),
        _ => None,
    }
}

/// The project's maps as one CJML document.
pub fn export(project: &Project) -> CjmlExport {
    let mut xml =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CJML version=\"2.0\">\n");
    let mut skipped = Vec::new();
    let lanes: HashMap<Id, &Lane> = project.lanes.iter().map(|l| (l.id, l)).collect();
    for map in &project.maps {
        let element = match map.kind {
            MapKind::ToBe => "planned",
            MapKind::AsIs => "actual",
        };
        let customer = map
            .persona_id
            .and_then(|p| project.personas.iter().find(|x| x.id == p))
            .map_or("Customer".to_owned(), |p| p.name.clone());
        let mut cards: Vec<(&Touchpoint, bool)> = Vec::new();
        let mut left_out = 0;
        for t in project.touchpoints.iter().filter(|t| t.map_id == map.id) {
            match lanes.get(&t.lane_id).and_then(|l| facing(l.kind)) {
                Some(by_customer) => cards.push((t, by_customer)),
                None => left_out += 1,
            }
        }
        cards.sort_by(|a, b| {
            (a.0.x, a.0.y)
                .partial_cmp(&(b.0.x, b.0.y))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.0.id.cmp(&b.0.id))
        });
        let provider_of = |t: &Touchpoint| {
            if t.owner.trim().is_empty() {
                project.info.name.clone()
            } else {
                t.owner.clone()
            }
        };
        let mut providers: Vec<String> = Vec::new();
        for (t, _) in &cards {
            let p = provider_of(t);
            if !providers.contains(&p) {
                providers.push(p);
            }
        }
        let _ = write!(
            xml,
            "  <{element}Journey>\n    <journeyID>{}</journeyID>\n    <actors>\n      <endUser actorID=\"{c}\">\n        <actorName>{c}</actorName>\n      </endUser>\n",
            esc(&map.name),
            c = esc(&customer)
        );
        for p in &providers {
            let _ = write!(
                xml,
                "      <serviceProvider actorID=\"{p}\">\n        <companyName>{p}</companyName>\n      </serviceProvider>\n",
                p = esc(p)
            );
        }
        xml.push_str("    </actors>\n    <touchpoints>\n");
        let kind = if element == "planned" {
            "plannedCommunicationPoint"
        } else {
            "actualCommunicationPoint"
        };
        for (i, (t, by_customer)) in cards.iter().enumerate() {
            let provider = provider_of(t);
            let (from, to) = if *by_customer {
                (&customer, &provider)
            } else {
                (&provider, &customer)
            };
            let _ = write!(
                xml,
                "      <{kind}>\n        <touchpointID>TP{}</touchpointID>\n        <initiator>\n          <refersTo actorIDref=\"{}\"/>\n          <initiatorLabel>{}</initiatorLabel>\n        </initiator>\n        <receiver>\n          <refersTo actorIDref=\"{}\"/>\n          <receiverLabel>{}</receiverLabel>\n        </receiver>\n        <channel>\n          <channelName>{}</channelName>\n        </channel>\n      </{kind}>\n",
                i + 1,
                esc(from),
                esc(&t.title),
                esc(to),
                esc(&t.description),
                esc(&t.channel),
            );
        }
        xml.push_str(&format!("    </touchpoints>\n  </{element}Journey>\n"));
        if left_out > 0 {
            skipped.push(format!(
                "{}: {left_out} backstage, support, feelings, pain-point and other non-customer-facing cards (CJML touchpoints are interactions with the customer)",
                map.name
            ));
        }
        if project.stages.iter().any(|s| s.map_id == map.id) {
            skipped.push(format!(
                "{}: stages (CJML 2.0 keeps touchpoints in time order only)",
                map.name
            ));
        }
    }
    xml.push_str("</CJML>\n");
    let extras = [
        (
            project.touchpoints.iter().any(|t| t.emotion != 0),
            "emotion scores",
        ),
        (
            project.touchpoints.iter().any(|t| t.moment_of_truth),
            "moment-of-truth marks",
        ),
        (
            !project.touchpoints.is_empty(),
            "reliability, expectation and performance",
        ),
        (!project.notes.is_empty(), "sticky notes"),
        (!project.connectors.is_empty(), "connectors"),
        (!project.kpis.is_empty(), "KPIs"),
        (!project.feedback.is_empty(), "feedback"),
        (!project.redesigns.is_empty(), "redesigns"),
    ];
    for (present, what) in extras {
        if present {
            skipped.push(format!("{what} (no CJML equivalent)"));
        }
    }
    CjmlExport {
        xml,
        not_exported: skipped,
    }
}

/// A parsed element with the line it starts on.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<Node>,
    line: u64,
}

impl Node {
    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text_of(&self, name: &str) -> String {
        self.child(name)
            .map_or(String::new(), |c| c.text.trim().to_owned())
    }
}

/// Parses a whole document into a tree; a syntax error names its line.
fn parse(text: &str) -> std::result::Result<Node, LineError> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Node> = vec![Node::default()];
    let lines = crate::text::LineIndex::new(text);
    let line_of = |pos: u64| lines.line_of(usize::try_from(pos).unwrap_or(usize::MAX));
    let bad = |reader: &Reader<&[u8]>, e: String| line_error(line_of(reader.error_position()), e);
    loop {
        let at = line_of(reader.buffer_position());
        match reader.read_event() {
            Err(e) => return Err(bad(&reader, format!("not well-formed XML: {e}"))),
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                let node = element(&e, at).map_err(|m| line_error(at, m))?;
                stack.push(node);
            }
            Ok(Event::Empty(e)) => {
                let node = element(&e, at).map_err(|m| line_error(at, m))?;
                stack.last_mut().expect("root").children.push(node);
            }
            Ok(Event::End(_)) => {
                let done = stack.pop().expect("balanced");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Err(line_error(at, "unbalanced end tag")),
                }
            }
            Ok(Event::Text(t)) => stack
                .last_mut()
                .expect("root")
                .text
                .push_str(&t.xml10_content()),
            Ok(Event::CData(t)) => stack
                .last_mut()
                .expect("root")
                .text
                .push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_xml_entity(&r)
                        .map(str::to_owned)
                        .ok_or_else(|| line_error(at, format!("unknown entity &{};", &*r)))?,
                };
                stack.last_mut().expect("root").text.push_str(&resolved);
            }
            Ok(_) => {}
        }
    }
    let mut doc = stack.pop().expect("document");
    if !stack.is_empty() {
        return Err(line_error(
            line_of(text.len() as u64),
            "the document ends inside an element",
        ));
    }
    doc.children
        .pop()
        .ok_or_else(|| line_error(1, "the document is empty"))
}

fn element(e: &quick_xml::events::BytesStart, line: u64) -> std::result::Result<Node, String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| format!("bad attribute: {err}"))?;
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| format!("bad attribute value: {err}"))?;
        attrs.push((a.key.as_ref().to_owned(), value.into_owned()));
    }
    Ok(Node {
        name: e.name().as_ref().to_owned(),
        attrs,
        line,
        ..Node::default()
    })
}

/// The changes that add each journey of a CJML document as a new map, and what was left out.
pub fn import(
    bytes: &[u8],
    project: &Project,
    mut next_id: impl FnMut() -> Id,
) -> Result<CjmlImport> {
    let fail = |e: LineError| super::csv::import_error(vec![e]);
    let text = super::csv::decode(bytes).map_err(fail)?;
    let root = parse(&text).map_err(fail)?;
    if root.name != "CJML" {
        return Err(fail(line_error(
            root.line,
            format!("not a CJML document: the root element is <{}>", root.name),
        )));
    }
    let mut skipped = Vec::new();
    if !root.attr("version").is_some_and(|v| v.starts_with('2')) {
        skipped.push(line_error(
            root.line,
            format!(
                "CJML version {} is read as 2.0",
                root.attr("version").unwrap_or("(none)")
            ),
        ));
    }
    let mut after = project.clone();
    let mut maps = 0;
    let mut cards = 0;
    for journey in &root.children {
        let kind = match journey.name.as_str() {
            "plannedJourney" => MapKind::ToBe,
            "actualJourney" => MapKind::AsIs,
            other => {
                skipped.push(line_error(
                    journey.line,
                    format!("<{other}> is not a journey; left out"),
                ));
                continue;
            }
        };
        let mut name = journey.text_of("journeyID");
        if name.is_empty() {
            name = format!(
                "{} journey {}",
                if kind == MapKind::ToBe {
                    "Planned"
                } else {
                    "Actual"
                },
                maps + 1
            );
        }
        // Actors: the end user becomes the map's persona, providers the cards' owners.
        let mut end_users: HashMap<String, String> = HashMap::new();
        let mut providers: HashMap<String, String> = HashMap::new();
        if let Some(actors) = journey.child("actors") {
            for a in &actors.children {
                let id = a.attr("actorID").unwrap_or("").to_owned();
                match a.name.as_str() {
                    "endUser" => {
                        let n = a.text_of("actorName");
                        let n = if n.is_empty() { id.clone() } else { n };
                        if n != id {
                            skipped.push(line_error(
                                a.line,
                                format!("actor ID \"{id}\" is kept as its name \"{n}\""),
                            ));
                        }
                        end_users.insert(id, n);
                    }
                    "serviceProvider" => {
                        let n = a.text_of("companyName");
                        let n = if n.is_empty() { id.clone() } else { n };
                        if n != id {
                            skipped.push(line_error(
                                a.line,
                                format!("actor ID \"{id}\" is kept as its name \"{n}\""),
                            ));
                        }
                        providers.insert(id, n);
                    }
                    other => {
                        skipped.push(line_error(a.line, format!("actor <{other}> is left out")))
                    }
                }
            }
        }
        let map_id = next_id();
        let persona_id = end_users.values().next().map(|n| {
            let existing = after.personas.iter().find(|p| p.name == *n).map(|p| p.id);
            existing.unwrap_or_else(|| {
                let id = next_id();
                let position = after
                    .personas
                    .iter()
                    .map(|p| p.position + 1)
                    .max()
                    .unwrap_or(0);
                after.personas.push(Persona::new(id, n.clone(), position));
                id
            })
        });
        let points: Vec<&Node> = journey
            .child("touchpoints")
            .map(|t| t.children.iter().collect())
            .unwrap_or_default();
        let stage_id = next_id();
        let width = (points.len().max(1) as f64) * (CARD_WIDTH + GAP) + GAP;
        let position = after.maps.iter().map(|m| m.position + 1).max().unwrap_or(0);
        after.maps.push(JourneyMap {
            id: map_id,
            name: name.clone(),
            kind,
            persona_id,
            description: String::new(),
            position,
            other_personas: Vec::new(),
        });
        after.stages.push(Stage {
            id: stage_id,
            map_id,
            name: "Journey".into(),
            description: String::new(),
            position: 0,
            width: width.max(STAGE_WIDTH),
            room_rating: None,
        });
        let lanes: Vec<(Id, &str, LaneKind)> = vec![
            (next_id(), CUSTOMER_LANE, LaneKind::Touchpoints),
            (next_id(), PROVIDER_LANE, LaneKind::Frontstage),
        ];
        for (i, (id, lane, kind)) in lanes.iter().enumerate() {
            after.lanes.push(Lane {
                id: *id,
                map_id,
                name: (*lane).into(),
                kind: *kind,
                position: i as i32,
                height: LANE_HEIGHT,
            });
        }
        for (i, p) in points.iter().enumerate() {
            let communication = p.name.ends_with("CommunicationPoint");
            if !communication {
                skipped.push(line_error(
                    p.line,
                    format!("<{}> is not a communication point; left out", p.name),
                ));
                continue;
            }
            let expected = if kind == MapKind::ToBe {
                "planned"
            } else {
                "actual"
            };
            if !p.name.starts_with(expected) {
                skipped.push(line_error(
                    p.line,
                    format!("<{}> in a {expected} journey is read as {expected}", p.name),
                ));
            }
            let side = |n: &str| p.child(n);
            let who = |n: &str| {
                side(n)
                    .and_then(|s| s.child("refersTo"))
                    .and_then(|r| r.attr("actorIDref"))
                    .unwrap_or("")
                    .to_owned()
            };
            let (initiator, receiver) = (who("initiator"), who("receiver"));
            let by_customer =
                end_users.contains_key(&initiator) || !providers.contains_key(&initiator);
            let provider_ref = if by_customer { &receiver } else { &initiator };
            let owner = providers
                .get(provider_ref)
                .cloned()
                .unwrap_or_else(|| provider_ref.clone());
            let title = side("initiator").map_or(String::new(), |s| s.text_of("initiatorLabel"));
            let title = if title.is_empty() {
                let id = p.text_of("touchpointID");
                if id.is_empty() {
                    format!("Touchpoint {}", i + 1)
                } else {
                    id
                }
            } else {
                title
            };
            let id_text = p.text_of("touchpointID");
            if !id_text.is_empty() && id_text != format!("TP{}", i + 1) {
                skipped.push(line_error(
                    p.line,
                    format!("touchpoint ID \"{id_text}\" is renumbered TP{}", i + 1),
                ));
            }
            let lane = if by_customer { lanes[0].0 } else { lanes[1].0 };
            let row = if by_customer { 0.0 } else { LANE_HEIGHT };
            after.touchpoints.push(Touchpoint {
                id: next_id(),
                map_id,
                stage_id,
                lane_id: lane,
                title,
                description: side("receiver").map_or(String::new(), |s| s.text_of("receiverLabel")),
                channel: p
                    .child("channel")
                    .map_or(String::new(), |c| c.text_of("channelName")),
                owner,
                x: LANE_HEADER_WIDTH + GAP + i as f64 * (CARD_WIDTH + GAP),
                y: STAGE_HEADER_HEIGHT + row + (LANE_HEIGHT - CARD_HEIGHT) / 2.0,
                width: CARD_WIDTH,
                height: CARD_HEIGHT,
                emotion: 0,
                expectation: 3,
                performance: 3,
                reliability: crate::model::Reliability::Unrated,
                moment_of_truth: false,
                moment_of_truth_note: String::new(),
                votes: 0,
                feelings: Vec::new(),
            });
            cards += 1;
            for c in &p.children {
                if !["touchpointID", "initiator", "receiver", "channel"].contains(&c.name.as_str())
                {
                    skipped.push(line_error(
                        c.line,
                        format!("<{}> of a touchpoint is left out", c.name),
                    ));
                }
            }
        }
        for c in &journey.children {
            if !["journeyID", "actors", "touchpoints"].contains(&c.name.as_str()) {
                skipped.push(line_error(
                    c.line,
                    format!("<{}> of a journey is left out", c.name),
                ));
            }
        }
        maps += 1;
    }
    if maps == 0 {
        return Err(fail(line_error(
            root.line,
            "the document has no plannedJourney or actualJourney",
        )));
    }
    after.validate().map_err(|e| match e {
        Error::InvalidProject(p) => {
            Error::InvalidInput(format!("the journeys do not fit: {}", p.join("; ")))
        }
        other => other,
    })?;
    Ok(CjmlImport {
        changes: project.diff(&after.canonical()),
        maps,
        touchpoints: cards,
        not_imported: skipped,
    })
}
