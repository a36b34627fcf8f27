//! CJML in and out: a project's journeys survive CJML → project → CJML unchanged, hand-written
//! documents import with what does not fit reported by line, and broken XML names its line.

use super::support::sample;
use journeymap::interchange::cjml::{export, import};
use journeymap::model::{new_id, LaneKind, MapKind, Project};
use journeymap::ErrorCode;
use pretty_assertions::assert_eq;

fn apply(project: &Project, bytes: &[u8]) -> Project {
    let imported = import(bytes, project, new_id).unwrap();
    let mut p = project.clone();
    p.apply(&imported.changes);
    p.validate().unwrap();
    p
}

#[test]
fn cjml_round_trips_through_a_project() {
    let first = export(&sample());
    assert!(first.xml.contains("<plannedJourney>") && first.xml.contains("<actualJourney>"));
    assert!(
        first.not_exported.iter().any(|w| w.contains("emotion")),
        "{:?}",
        first.not_exported
    );
    let project = apply(&Project::new(new_id(), "From CJML"), first.xml.as_bytes());
    assert_eq!(project.maps.len(), 2);
    assert_eq!(
        project
            .maps
            .iter()
            .filter(|m| m.kind == MapKind::ToBe)
            .count(),
        1
    );
    let second = export(&project);
    assert_eq!(second.xml, first.xml, "CJML → project → CJML is lossless");
    assert_eq!(export(&project).xml, second.xml, "deterministic");
}

const HAND_WRITTEN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<CJML version="2.0">
  <actualJourney>
    <journeyID>AJ1</journeyID>
    <actors>
      <endUser actorID="Carl">
        <actorName>Carl</actorName>
      </endUser>
      <serviceProvider actorID="Company A">
        <companyName>Bookis</companyName>
      </serviceProvider>
    </actors>
    <touchpoints>
      <actualCommunicationPoint>
        <touchpointID>TP1</touchpointID>
        <initiator>
          <refersTo actorIDref="Carl"/>
          <initiatorLabel>Customer creates account &amp; logs in</initiatorLabel>
        </initiator>
        <receiver>
          <refersTo actorIDref="Company A"/>
          <receiverLabel>Account registered</receiverLabel>
        </receiver>
        <channel>
          <channelName>Web</channelName>
        </channel>
      </actualCommunicationPoint>
      <actualCommunicationPoint>
        <touchpointID>welcome</touchpointID>
        <initiator>
          <refersTo actorIDref="Company A"/>
          <initiatorLabel>Welcome email</initiatorLabel>
        </initiator>
        <receiver>
          <refersTo actorIDref="Carl"/>
          <receiverLabel>Reads it on the bus</receiverLabel>
        </receiver>
        <channel>
          <channelName>Email</channelName>
        </channel>
        <experience>happy</experience>
      </actualCommunicationPoint>
      <actualAction>
        <touchpointID>TP3</touchpointID>
      </actualAction>
    </touchpoints>
  </actualJourney>
</CJML>
"#;

#[test]
fn a_hand_written_document_imports_and_reports_what_it_leaves_out() {
    let base = sample();
    let imported = import(HAND_WRITTEN.as_bytes(), &base, new_id).unwrap();
    assert_eq!((imported.maps, imported.touchpoints), (1, 2));
    let notes: Vec<(u64, String)> = imported
        .not_imported
        .iter()
        .map(|e| (e.line, e.message.clone()))
        .collect();
    let line_of = |needle: &str| {
        HAND_WRITTEN
            .lines()
            .position(|l| l.contains(needle))
            .unwrap() as u64
            + 1
    };
    assert!(
        notes.contains(&(
            line_of("actorID=\"Company A\""),
            "actor ID \"Company A\" is kept as its name \"Bookis\"".into()
        )),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|(l, m)| *l == line_of("<experience>") && m.contains("<experience>")),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(
            |(l, m)| *l == line_of("<actualAction>") && m.contains("not a communication point")
        ),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|(_, m)| m.contains("renumbered TP2")),
        "{notes:?}"
    );
    let mut p = base.clone();
    p.apply(&imported.changes);
    let map = p.maps.iter().find(|m| m.name == "AJ1").unwrap();
    assert_eq!(map.kind, MapKind::AsIs);
    let cards: Vec<_> = p
        .touchpoints
        .iter()
        .filter(|t| t.map_id == map.id)
        .collect();
    let signup = cards
        .iter()
        .find(|t| t.title == "Customer creates account & logs in")
        .unwrap();
    let email = cards.iter().find(|t| t.title == "Welcome email").unwrap();
    assert!(signup.x < email.x, "time runs left to right");
    assert_eq!(
        (signup.owner.as_str(), signup.channel.as_str()),
        ("Bookis", "Web")
    );
    let lane = |t: &journeymap::model::Touchpoint| {
        p.lanes.iter().find(|l| l.id == t.lane_id).unwrap().kind
    };
    assert_eq!(
        (lane(signup), lane(email)),
        (LaneKind::Touchpoints, LaneKind::Frontstage),
        "who started it decides the lane"
    );
    assert_eq!(
        p.personas
            .iter()
            .find(|x| Some(x.id) == map.persona_id)
            .unwrap()
            .name,
        "Carl"
    );
}

#[test]
fn malformed_documents_name_their_line() {
    let p = sample();
    let cases: [(&str, u64, &str); 4] = [
        ("<CJML version=\"2.0\">\n  <actualJourney>\n    <journeyID>x</journeyID>\n  </plannedJourney>\n</CJML>", 4, "XML"),
        ("<?xml version=\"1.0\"?>\n<journeys/>\n", 2, "not a CJML document"),
        ("<CJML version=\"2.0\">\n</CJML>\n", 1, "no plannedJourney"),
        ("<CJML version=\"2.0\">\n  <actualJourney>\n    <journeyID>&nbsp;</journeyID>", 3, "entity"),
    ];
    for (xml, line, words) in cases {
        let err = import(xml.as_bytes(), &p, new_id).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidImport, "{err}");
        let journeymap::Error::InvalidImport { lines, .. } = &err else {
            unreachable!()
        };
        assert_eq!(lines[0].line, line, "{err}");
        assert!(err.to_string().contains(words), "{err}");
    }
    assert!(
        import(b"\xff\xfe\x00", &p, new_id).is_err(),
        "bad encodings are refused"
    );
}
