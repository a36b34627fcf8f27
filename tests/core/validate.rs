//! The quick check after a change set agrees with the check of the whole project, on a generated
//! project (kept here because the generator sits above the model).

use journeymap::app::generate;
use journeymap::model::{Changes, Id, Project, Record};

fn sample() -> Project {
    generate::project(60, 3)
}

/// Applies `put` and checks that the quick check and the whole-project check agree.
fn verdicts(put: Vec<Record>) -> (bool, bool) {
    let mut p = sample();
    let changes = Changes {
        put,
        delete: vec![],
    };
    p.apply(&changes);
    (
        p.problems_after(&changes).is_empty(),
        p.problems().is_empty(),
    )
}

#[test]
fn the_quick_check_agrees_with_the_whole_project_check() {
    let p = sample();
    let other_map_stage = Id::from_u128(42);
    let mut cases: Vec<(Vec<Record>, bool)> = Vec::new();
    let mut t = p.touchpoints[3].clone();
    t.title = "Renamed".into();
    cases.push((vec![Record::Touchpoint(t.clone())], true));
    let mut bad = t.clone();
    bad.emotion = 9;
    cases.push((vec![Record::Touchpoint(bad)], false));
    let mut lost = t.clone();
    lost.stage_id = other_map_stage;
    cases.push((vec![Record::Touchpoint(lost)], false));
    // Moving a card to another map strands its connectors there.
    let mut moved = t.clone();
    moved.map_id = Id::from_u128(7);
    cases.push((vec![Record::Touchpoint(moved)], false));
    // A new note that reuses a touchpoint's id.
    let mut note = p.notes[0].clone();
    note.id = p.touchpoints[0].id;
    cases.push((vec![Record::Note(note)], false));
    let mut c = p.connectors[0].clone();
    c.to_id = c.from_id;
    cases.push((vec![Record::Connector(c)], false));
    let mut f = p.feedback[0].clone();
    f.rating = Some(11);
    cases.push((vec![Record::Feedback(f.clone())], false));
    f.rating = Some(7);
    cases.push((vec![Record::Feedback(f)], true));
    let mut k = p.kpis[0].clone();
    k.touchpoint_id = Id::from_u128(9);
    cases.push((vec![Record::Kpi(k)], false));
    let mut top = p.top_touchpoints.clone();
    top.push(top[0]);
    cases.push((vec![Record::TopTouchpoints(top)], false));
    let mut stage = p.stages[0].clone();
    stage.map_id = Id::from_u128(5);
    cases.push((vec![Record::Stage(stage)], false));
    for (i, (put, ok)) in cases.into_iter().enumerate() {
        let (quick, whole) = verdicts(put);
        assert_eq!(quick, whole, "case {i}: quick and whole checks disagree");
        assert_eq!(quick, ok, "case {i}");
    }
}
