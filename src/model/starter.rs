//! The map a new project starts with, and that "New map" adds: the standard lanes of a journey
//! map and a few stages to rename, so a facilitator can type the first card within seconds
//! instead of meeting an empty canvas with nothing to click.

use super::{
    Changes, Id, JourneyMap, Lane, LaneKind, MapKind, Project, Record, Stage, LANE_HEIGHT,
    STAGE_WIDTH,
};

/// Stage names that fit most journeys and are meant to be renamed.
pub const STARTER_STAGES: [&str; 4] = ["Discover", "Decide", "Experience", "Follow up"];

/// The lanes of a service-blueprint style journey map, customer side first.
pub const STARTER_LANES: [(&str, LaneKind); 8] = [
    ("Customer actions", LaneKind::CustomerActions),
    ("Touchpoints", LaneKind::Touchpoints),
    ("Frontstage", LaneKind::Frontstage),
    ("Backstage", LaneKind::Backstage),
    ("Support systems", LaneKind::SupportSystems),
    ("Thoughts & feelings", LaneKind::ThoughtsAndFeelings),
    ("Pain points", LaneKind::PainPoints),
    ("Opportunities", LaneKind::Opportunities),
];

/// The records of a new map named `name`, at `position` among the project's maps.
pub fn starter_map(
    name: &str,
    kind: MapKind,
    position: i32,
    mut new_id: impl FnMut() -> Id,
) -> Changes {
    let map_id = new_id();
    let mut put = vec![Record::Map(JourneyMap {
        id: map_id,
        name: name.to_owned(),
        kind,
        persona_id: None,
        description: String::new(),
        position,
        other_personas: Vec::new(),
    })];
    for (i, stage) in STARTER_STAGES.iter().enumerate() {
        put.push(Record::Stage(Stage {
            id: new_id(),
            map_id,
            name: (*stage).to_owned(),
            description: String::new(),
            position: i as i32,
            width: STAGE_WIDTH,
            room_rating: None,
        }));
    }
    for (i, (lane, lane_kind)) in STARTER_LANES.iter().enumerate() {
        put.push(Record::Lane(Lane {
            id: new_id(),
            map_id,
            name: (*lane).to_owned(),
            kind: *lane_kind,
            position: i as i32,
            height: LANE_HEIGHT,
        }));
    }
    Changes {
        put,
        delete: Vec::new(),
    }
}

impl Project {
    /// A new project with one as-is map ready to work on.
    pub fn starter(id: Id, name: impl Into<String>, new_id: impl FnMut() -> Id) -> Project {
        let mut project = Project::new(id, name);
        project.apply(&starter_map("As-is journey", MapKind::AsIs, 0, new_id));
        project
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_project_has_a_map_to_work_on() {
        let p = Project::starter(super::super::new_id(), "Hotel stay", super::super::new_id);
        assert_eq!(p.maps.len(), 1);
        assert_eq!(p.stages.len(), STARTER_STAGES.len());
        assert_eq!(p.lanes.len(), STARTER_LANES.len());
        assert!(p.lanes.iter().any(|l| l.kind == LaneKind::Touchpoints));
        assert!(p.problems().is_empty(), "{:?}", p.problems());
    }
}
