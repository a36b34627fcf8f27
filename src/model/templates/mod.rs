//! Starting maps, so a project need not begin on a blank grid: the journeys that ship with
//! Journeymap, built here into a project, and any map a user keeps as a template — cut out of its
//! project, and copied into a new one with fresh ids. Pure: files are the application layer's.

mod catalogue;

use super::{
    Id, JourneyMap, Lane, LaneKind, MapKind, Note, Project, Reliability, Stage, Touchpoint,
    CARD_HEIGHT, CARD_WIDTH, LANE_HEADER_WIDTH, LANE_HEIGHT, STAGE_HEADER_HEIGHT, STAGE_WIDTH,
    STARTER_LANES,
};
use std::collections::HashMap;

/// A journey that ships with Journeymap.
#[derive(Debug)]
pub struct MapTemplate {
    /// What `journeymap new --template` takes: lowercase words joined by hyphens.
    pub key: &'static str,
    pub name: &'static str,
    /// One sentence on the journey it covers (the picker shows it).
    pub summary: &'static str,
    pub stages: &'static [StageSpec],
}

/// A stage of a built-in template and what sits in it, at most two items per lane.
#[derive(Debug)]
pub struct StageSpec {
    pub name: &'static str,
    pub items: &'static [ItemSpec],
}

/// A card or a sticky note of a built-in template.
#[derive(Debug)]
pub enum ItemSpec {
    Card {
        lane: LaneKind,
        title: &'static str,
        channel: &'static str,
        /// −3..=+3.
        emotion: i32,
        /// Why this is a moment of truth; empty when it is not one.
        moment: &'static str,
    },
    Note {
        lane: LaneKind,
        text: &'static str,
    },
}

const fn card(
    lane: LaneKind,
    title: &'static str,
    channel: &'static str,
    emotion: i32,
) -> ItemSpec {
    ItemSpec::Card {
        lane,
        title,
        channel,
        emotion,
        moment: "",
    }
}

const fn moment(
    lane: LaneKind,
    title: &'static str,
    channel: &'static str,
    emotion: i32,
    why: &'static str,
) -> ItemSpec {
    ItemSpec::Card {
        lane,
        title,
        channel,
        emotion,
        moment: why,
    }
}

const fn note(lane: LaneKind, text: &'static str) -> ItemSpec {
    ItemSpec::Note { lane, text }
}

/// Space between cards, and between cards and their cell's edges.
const GAP: f64 = 16.0;

/// The templates that ship with Journeymap, in the picker's order.
pub fn built_in() -> &'static [MapTemplate] {
    &catalogue::BUILT_IN
}

impl MapTemplate {
    /// The built-in template called `key` (or by its name, in any case).
    pub fn find(key: &str) -> Option<&'static MapTemplate> {
        let key = key.trim();
        built_in()
            .iter()
            .find(|t| t.key == key || t.name.eq_ignore_ascii_case(key))
    }

    /// How many cards and notes it starts with.
    pub fn item_count(&self) -> usize {
        self.stages.iter().map(|s| s.items.len()).sum()
    }

    /// A new project named `name` holding this journey as its one map.
    pub fn project(&self, id: Id, name: &str, mut new_id: impl FnMut() -> Id) -> Project {
        let mut project = Project::new(id, name);
        let map_id = new_id();
        project.maps.push(JourneyMap {
            id: map_id,
            name: self.name.to_owned(),
            kind: MapKind::AsIs,
            persona_id: None,
            description: self.summary.to_owned(),
            position: 0,
            other_personas: Vec::new(),
        });
        let mut lane_rows = Vec::new();
        let mut top = STAGE_HEADER_HEIGHT;
        for (i, (lane_name, kind)) in STARTER_LANES.iter().enumerate() {
            let lane = Lane {
                id: new_id(),
                map_id,
                name: (*lane_name).to_owned(),
                kind: *kind,
                position: i as i32,
                height: LANE_HEIGHT,
            };
            lane_rows.push((lane.id, *kind, top));
            top += LANE_HEIGHT;
            project.lanes.push(lane);
        }
        let mut left = LANE_HEADER_WIDTH;
        for (i, spec) in self.stages.iter().enumerate() {
            let stage_id = new_id();
            project.stages.push(Stage {
                id: stage_id,
                map_id,
                name: spec.name.to_owned(),
                description: String::new(),
                position: i as i32,
                width: STAGE_WIDTH,
                room_rating: None,
            });
            let mut in_cell: HashMap<LaneKind, usize> = HashMap::new();
            for item in spec.items {
                let kind = match item {
                    ItemSpec::Card { lane, .. } | ItemSpec::Note { lane, .. } => *lane,
                };
                let Some(&(lane_id, _, lane_top)) = lane_rows.iter().find(|r| r.1 == kind) else {
                    continue;
                };
                let k = in_cell.entry(kind).or_insert(0);
                let x = left + GAP + *k as f64 * (CARD_WIDTH + GAP);
                let y = lane_top + (LANE_HEIGHT - CARD_HEIGHT) / 2.0;
                *k += 1;
                match item {
                    ItemSpec::Card {
                        title,
                        channel,
                        emotion,
                        moment,
                        ..
                    } => project.touchpoints.push(Touchpoint {
                        id: new_id(),
                        map_id,
                        stage_id,
                        lane_id,
                        title: (*title).to_owned(),
                        description: String::new(),
                        channel: (*channel).to_owned(),
                        owner: String::new(),
                        x,
                        y,
                        width: CARD_WIDTH,
                        height: CARD_HEIGHT,
                        emotion: *emotion,
                        expectation: 4,
                        performance: (3 + emotion).clamp(1, 5),
                        reliability: match emotion {
                            e if *e <= -2 => Reliability::Broken,
                            e if *e >= 2 => Reliability::Differentiating,
                            _ => Reliability::Reliable,
                        },
                        moment_of_truth: !moment.is_empty(),
                        moment_of_truth_note: (*moment).to_owned(),
                        votes: 0,
                        feelings: Vec::new(),
                    }),
                    ItemSpec::Note { text, .. } => project.notes.push(Note {
                        id: new_id(),
                        map_id,
                        stage_id: Some(stage_id),
                        lane_id: Some(lane_id),
                        text: (*text).to_owned(),
                        x,
                        y,
                        width: CARD_WIDTH,
                        height: CARD_HEIGHT,
                        color: kind.note_colour().to_owned(),
                        votes: 0,
                        author: String::new(),
                    }),
                }
            }
            left += STAGE_WIDTH;
        }
        project.canonical()
    }
}

/// One map of `project` as a template (a project of its own, `id` and `name`): its stages and
/// lanes, and with `with_cards` its cards, arrows, notes and stories too (and the persona the
/// map follows). Nothing else of the project goes with it: no redesigns, measures, feedback or
/// votes.
pub fn template_of(
    project: &Project,
    map_id: Id,
    id: Id,
    name: &str,
    with_cards: bool,
) -> Option<Project> {
    let map = project.maps.iter().find(|m| m.id == map_id)?;
    let mut t = Project::new(id, name);
    let mine = |m: Id| m == map_id;
    t.maps.push(JourneyMap {
        persona_id: map.persona_id.filter(|_| with_cards),
        other_personas: if with_cards {
            map.other_personas.clone()
        } else {
            Vec::new()
        },
        position: 0,
        ..map.clone()
    });
    t.stages = project
        .stages
        .iter()
        .filter(|s| mine(s.map_id))
        .map(|s| Stage {
            room_rating: None,
            ..s.clone()
        })
        .collect();
    t.lanes = project
        .lanes
        .iter()
        .filter(|l| mine(l.map_id))
        .cloned()
        .collect();
    if with_cards {
        t.touchpoints = project
            .touchpoints
            .iter()
            .filter(|c| mine(c.map_id))
            .map(|c| Touchpoint {
                votes: 0,
                ..c.clone()
            })
            .collect();
        t.connectors = project
            .connectors
            .iter()
            .filter(|c| mine(c.map_id))
            .cloned()
            .collect();
        t.notes = project
            .notes
            .iter()
            .filter(|n| mine(n.map_id))
            .map(|n| Note {
                votes: 0,
                author: String::new(),
                ..n.clone()
            })
            .collect();
        t.stories = project
            .stories
            .iter()
            .filter(|s| mine(s.map_id))
            .cloned()
            .collect();
        let personas: Vec<Id> = t
            .maps
            .iter()
            .filter_map(|m| m.persona_id)
            .chain(t.maps.iter().flat_map(|m| m.other_personas.iter().copied()))
            .chain(t.stories.iter().filter_map(|s| s.persona_id))
            .collect();
        t.personas = project
            .personas
            .iter()
            .filter(|p| personas.contains(&p.id))
            .cloned()
            .collect();
    }
    Some(t.canonical())
}

/// A new project named `name` with the maps of a saved template (`saved`), every record given a
/// fresh id so that projects started from one template never share ids. Only the records a
/// template holds are copied (see [`template_of`]).
pub fn from_saved(saved: &Project, id: Id, name: &str, mut new_id: impl FnMut() -> Id) -> Project {
    let mut ids: HashMap<Id, Id> = HashMap::new();
    let mut fresh = |old: Id| *ids.entry(old).or_insert_with(&mut new_id);
    let mut p = Project::new(id, name);
    // Parents first, so that a child's reference maps to the id its parent was given.
    p.personas = saved
        .personas
        .iter()
        .map(|x| super::Persona {
            id: fresh(x.id),
            ..x.clone()
        })
        .collect();
    p.maps = saved
        .maps
        .iter()
        .map(|m| JourneyMap {
            id: fresh(m.id),
            persona_id: m.persona_id.map(&mut fresh),
            other_personas: m.other_personas.iter().map(|p| fresh(*p)).collect(),
            ..m.clone()
        })
        .collect();
    p.stages = saved
        .stages
        .iter()
        .map(|s| Stage {
            id: fresh(s.id),
            map_id: fresh(s.map_id),
            room_rating: None,
            ..s.clone()
        })
        .collect();
    p.lanes = saved
        .lanes
        .iter()
        .map(|l| Lane {
            id: fresh(l.id),
            map_id: fresh(l.map_id),
            ..l.clone()
        })
        .collect();
    p.touchpoints = saved
        .touchpoints
        .iter()
        .map(|t| Touchpoint {
            id: fresh(t.id),
            map_id: fresh(t.map_id),
            stage_id: fresh(t.stage_id),
            lane_id: fresh(t.lane_id),
            votes: 0,
            feelings: t
                .feelings
                .iter()
                .map(|f| super::Feeling {
                    persona_id: fresh(f.persona_id),
                    emotion: f.emotion,
                })
                .collect(),
            ..t.clone()
        })
        .collect();
    p.connectors = saved
        .connectors
        .iter()
        .map(|c| super::Connector {
            id: fresh(c.id),
            map_id: fresh(c.map_id),
            from_id: fresh(c.from_id),
            to_id: fresh(c.to_id),
            ..c.clone()
        })
        .collect();
    p.notes = saved
        .notes
        .iter()
        .map(|n| Note {
            id: fresh(n.id),
            map_id: fresh(n.map_id),
            stage_id: n.stage_id.map(&mut fresh),
            lane_id: n.lane_id.map(&mut fresh),
            votes: 0,
            ..n.clone()
        })
        .collect();
    p.stories = saved
        .stories
        .iter()
        .map(|s| super::Story {
            id: fresh(s.id),
            map_id: fresh(s.map_id),
            stage_id: fresh(s.stage_id),
            persona_id: s.persona_id.map(&mut fresh),
            ..s.clone()
        })
        .collect();
    p.canonical()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{new_id, LaneKind};

    #[test]
    fn every_built_in_template_is_a_valid_journey_worth_starting_from() {
        assert!(built_in().len() >= 6);
        let mut keys = Vec::new();
        for t in built_in() {
            assert!(!keys.contains(&t.key), "{} twice", t.key);
            keys.push(t.key);
            assert!(
                t.key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is typed on the command line",
                t.key
            );
            let p = t.project(new_id(), "Workshop", new_id);
            assert!(p.problems().is_empty(), "{}: {:?}", t.key, p.problems());
            assert_eq!(p.info.name, "Workshop");
            assert_eq!(p.maps.len(), 1);
            assert_eq!(p.maps[0].name, t.name);
            assert!(p.stages.len() >= 4, "{}", t.key);
            assert_eq!(p.lanes.len(), STARTER_LANES.len());
            assert!(p.touchpoints.len() >= 6, "{}: a few example cards", t.key);
            assert!(!p.notes.is_empty(), "{}", t.key);
            assert!(
                p.touchpoints
                    .iter()
                    .any(|c| c.moment_of_truth && !c.moment_of_truth_note.is_empty()),
                "{} has a moment of truth, with why",
                t.key
            );
            assert_eq!(p.touchpoints.len() + p.notes.len(), t.item_count());
            // The feelings make a curve: some ups and some downs.
            assert!(p.touchpoints.iter().any(|c| c.emotion > 0));
            assert!(p.touchpoints.iter().any(|c| c.emotion < 0));
            // Every item sits inside its own cell, and no two overlap.
            let lanes = p.lanes_of(p.maps[0].id);
            let stages = p.stages_of(p.maps[0].id);
            let cell = |stage: Id, lane: Id| {
                let si = stages.iter().position(|s| s.id == stage).unwrap();
                let li = lanes.iter().position(|l| l.id == lane).unwrap();
                let x = LANE_HEADER_WIDTH + si as f64 * STAGE_WIDTH;
                let y = STAGE_HEADER_HEIGHT + li as f64 * LANE_HEIGHT;
                (x, y, x + STAGE_WIDTH, y + LANE_HEIGHT)
            };
            let mut boxes = Vec::new();
            for c in &p.touchpoints {
                boxes.push((cell(c.stage_id, c.lane_id), (c.x, c.y, c.width, c.height)));
            }
            for n in &p.notes {
                boxes.push((
                    cell(n.stage_id.unwrap(), n.lane_id.unwrap()),
                    (n.x, n.y, n.width, n.height),
                ));
            }
            for (i, ((l, t0, r, b), (x, y, w, h))) in boxes.iter().enumerate() {
                assert!(
                    *x >= *l && *y >= *t0 && x + w <= *r && y + h <= *b,
                    "{} item {i} outside its cell",
                    t.key
                );
                for (_, (x2, y2, w2, h2)) in &boxes[i + 1..] {
                    let apart = x + w <= *x2 || x2 + w2 <= *x || y + h <= *y2 || y2 + h2 <= *y;
                    assert!(apart, "{}: two items overlap", t.key);
                }
            }
            assert!(p
                .notes
                .iter()
                .filter(|n| lanes
                    .iter()
                    .any(|l| Some(l.id) == n.lane_id && l.kind == LaneKind::PainPoints))
                .all(|n| n.color == "#fecaca"));
        }
    }

    #[test]
    fn templates_are_found_by_key_or_name() {
        assert_eq!(MapTemplate::find("hotel-stay").unwrap().name, "Hotel stay");
        assert_eq!(MapTemplate::find(" Hotel Stay ").unwrap().key, "hotel-stay");
        assert!(MapTemplate::find("hotel").is_none());
    }

    #[test]
    fn a_saved_template_keeps_one_map_and_a_new_project_gets_fresh_ids() {
        let source = built_in()[0].project(new_id(), "Source", new_id);
        let mut project = source.clone();
        project.apply(&crate::model::starter_map(
            "Second",
            MapKind::ToBe,
            1,
            new_id,
        ));
        let map_id = source.maps[0].id;
        project.touchpoints[0].votes = 4;

        let bare = template_of(&project, map_id, new_id(), "Bare", false).unwrap();
        assert_eq!(bare.maps.len(), 1);
        assert_eq!(bare.stages.len(), source.stages.len());
        assert_eq!(bare.lanes.len(), source.lanes.len());
        assert!(bare.touchpoints.is_empty() && bare.notes.is_empty());
        assert!(bare.problems().is_empty());

        let full = template_of(&project, map_id, new_id(), "Full", true).unwrap();
        assert_eq!(full.info.name, "Full");
        assert_eq!(full.touchpoints.len(), source.touchpoints.len());
        assert_eq!(full.notes.len(), source.notes.len());
        assert!(
            full.touchpoints.iter().all(|t| t.votes == 0),
            "votes are the room's, not the template's"
        );
        assert!(template_of(&project, new_id(), new_id(), "None", true).is_none());

        let started = from_saved(&full, new_id(), "Started", new_id);
        assert!(started.problems().is_empty(), "{:?}", started.problems());
        assert_eq!(started.info.name, "Started");
        assert_eq!(started.touchpoints.len(), full.touchpoints.len());
        let old: std::collections::HashSet<Id> = full.ids().map(|(_, id)| id).collect();
        assert!(
            started.ids().all(|(_, id)| !old.contains(&id)),
            "every record has a new id"
        );
        let titles = |p: &Project| {
            let mut t: Vec<String> = p.touchpoints.iter().map(|t| t.title.clone()).collect();
            t.sort();
            t
        };
        assert_eq!(titles(&started), titles(&source));
        // Two projects from one template share nothing.
        let again = from_saved(&full, new_id(), "Again", new_id);
        assert!(again
            .ids()
            .all(|(_, id)| !started.ids().any(|(_, x)| x == id)));
    }
}
