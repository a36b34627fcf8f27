//! `.journey` files: round trips, incremental saves, atomic save-as, schema upgrades, and every
//! kind of bad file refused with its own code and left byte-identical.

use super::support::{copy_into, repo, sample, sample_journey, temp};
use journeymap::model::{Changes, Project, Record, RecordKind, RecordRef, Reliability};
use journeymap::storage::{write_new, APPLICATION_ID, SCHEMA_VERSION};
use journeymap::{ErrorCode, ProjectFile};
use pretty_assertions::assert_eq;
use std::path::Path;

#[test]
fn project_built_in_code_round_trips() {
    let dir = temp();
    let path = dir.path().join("sample.journey");
    let project = sample();
    ProjectFile::create(&path, &project).unwrap();
    let mut reopened = ProjectFile::open(&path).unwrap();
    assert_eq!(reopened.project().unwrap(), &project);

    let big = journeymap::app::generate::project(1_500, 9);
    let big_path = dir.path().join("big.journey");
    ProjectFile::create(&big_path, &big).unwrap();
    assert_eq!(&ProjectFile::read(&big_path).unwrap(), &big);
}

#[test]
fn bundled_sample_file_matches_its_json_source() {
    // Read, not opened for editing: opening would upgrade the repository's file in place.
    let project = ProjectFile::read(sample_journey()).unwrap();
    assert_eq!(
        &project,
        &sample(),
        "assets/sample.journey was rebuilt from sample.json"
    );
    assert_eq!(
        journeymap::storage::schema_version_of(&sample_journey()).unwrap(),
        journeymap::storage::SCHEMA_VERSION,
        "the bundled sample is at the current schema version"
    );
    let s = project.summary();
    assert!((5..=7).contains(&project.stages_of(project.maps[0].id).len()));
    assert!(
        s.touchpoints >= 40,
        "the sample is a realistic map of about 40 touchpoints"
    );
    assert!(s.moments_of_truth >= 3);
}

#[test]
fn files_are_readable_sqlite_documents_with_our_settings() {
    let dir = temp();
    let path = dir.path().join("p.journey");
    ProjectFile::create(&path, &sample()).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let app: u32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let journal: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        (app, version, journal.as_str(), check.as_str()),
        (APPLICATION_ID, SCHEMA_VERSION, "delete", "ok")
    );
    let mode = std::fs::metadata(&path).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            mode.permissions().mode() & 0o777,
            0o644,
            "a new project is not private"
        );
    }
}

fn pages(path: &Path) -> Vec<Vec<u8>> {
    std::fs::read(path)
        .unwrap()
        .chunks(4096)
        .map(<[u8]>::to_vec)
        .collect()
}

#[test]
fn saving_one_edit_writes_one_row() {
    let dir = temp();
    let path = dir.path().join("big.journey");
    let mut project = journeymap::app::generate::project(3_000, 3);
    let mut file = ProjectFile::create(&path, &project).unwrap();
    let before = pages(&path);

    project.touchpoints[1234].title = "Renamed in the workshop".into();
    assert_eq!(
        file.save(&project).unwrap(),
        1,
        "one changed touchpoint is one record"
    );
    let after = pages(&path);
    assert_eq!(before.len(), after.len());
    let changed = before.iter().zip(&after).filter(|(a, b)| a != b).count();
    // Page 1 (header and change counter) plus the leaf page holding the row; never a rewrite.
    assert!(
        changed <= 3,
        "{changed} of {} pages changed for one edit",
        after.len()
    );
    assert_eq!(&ProjectFile::read(&path).unwrap(), &project);
    assert_eq!(
        file.save(&project).unwrap(),
        0,
        "saving an unchanged project writes nothing"
    );
}

#[test]
fn change_sets_apply_in_memory_and_on_disk_alike() {
    let dir = temp();
    let path = dir.path().join("p.journey");
    let mut project = sample();
    let mut file = ProjectFile::create(&path, &project).unwrap();

    // Deleting a stage takes its touchpoints, their connectors and its stories with it.
    let stage = project.stages[1].clone();
    let mut t = project
        .touchpoints
        .iter()
        .find(|t| t.stage_id != stage.id)
        .unwrap()
        .clone();
    t.reliability = Reliability::Differentiating;
    let changes = Changes {
        put: vec![Record::Touchpoint(t)],
        delete: vec![RecordRef {
            kind: RecordKind::Stage,
            id: stage.id,
        }],
    };
    project.apply(&changes);
    file.apply(&changes).unwrap();
    assert!(project.touchpoints.iter().all(|t| t.stage_id != stage.id));
    assert_eq!(file.project().unwrap(), &project.clone().canonical());
    assert_eq!(&ProjectFile::read(&path).unwrap(), &project.canonical());
}

#[test]
fn opportunities_round_trip_and_lose_links_to_what_is_deleted_on_disk_as_in_memory() {
    use journeymap::model::{EvidenceKind, OpportunityStatus};
    let dir = temp();
    let path = dir.path().join("o.journey");
    let mut project = sample();
    assert!(
        project.opportunities.len() >= 5,
        "the sample shows opportunities"
    );
    let mut file = ProjectFile::create(&path, &project).unwrap();
    assert_eq!(
        &ProjectFile::read(&path).unwrap(),
        &project.clone().canonical()
    );

    // The one carried by a redesign, with a note, feedback and a KPI as evidence.
    let o = project
        .opportunities
        .iter()
        .find(|o| o.redesign_id.is_some() && o.evidence.len() >= 3)
        .unwrap()
        .clone();
    assert!(matches!(
        o.status_with(&project.redesigns),
        OpportunityStatus::InRedesign | OpportunityStatus::Done
    ));
    let evidence = |k: EvidenceKind| o.evidence.iter().find(|e| e.kind == k).unwrap().id;
    let steps = [
        RecordRef {
            kind: RecordKind::Note,
            id: evidence(EvidenceKind::Note),
        },
        RecordRef {
            kind: RecordKind::Feedback,
            id: evidence(EvidenceKind::Feedback),
        },
        RecordRef {
            kind: RecordKind::Kpi,
            id: evidence(EvidenceKind::Kpi),
        },
        RecordRef {
            kind: RecordKind::Redesign,
            id: o.redesign_id.unwrap(),
        },
        RecordRef {
            kind: RecordKind::Touchpoint,
            id: o.touchpoint_ids[0],
        },
        RecordRef {
            kind: RecordKind::Stage,
            id: o.stage_id.unwrap(),
        },
    ];
    for step in &steps {
        let step = *step;
        let changes = Changes {
            put: vec![],
            delete: vec![step],
        };
        project.apply(&changes);
        file.apply(&changes).unwrap();
        assert_eq!(
            file.project().unwrap(),
            &project.clone().canonical(),
            "after deleting {step:?}"
        );
        assert_eq!(
            &ProjectFile::read(&path).unwrap(),
            &project.clone().canonical(),
            "on disk after {step:?}"
        );
    }
    let now = project.opportunities.iter().find(|x| x.id == o.id).unwrap();
    assert!(
        now.touchpoint_ids.is_empty()
            && now
                .evidence
                .iter()
                .all(|e| steps.iter().all(|s| s.id != e.id)),
        "{now:?}"
    );
    assert_eq!((now.redesign_id, now.stage_id), (None, None));
    assert_eq!(
        now.status_with(&project.redesigns),
        now.status,
        "back to the status chosen by hand"
    );

    // A link to something on another map, or a score out of range, is refused.
    let mut bad = now.clone();
    bad.value = 6;
    let err = file
        .apply(&Changes {
            put: vec![Record::Opportunity(bad)],
            delete: vec![],
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidProject);
    let mut bad = now.clone();
    let other = project
        .touchpoints
        .iter()
        .find(|t| t.map_id != bad.map_id)
        .unwrap();
    bad.touchpoint_ids.push(other.id);
    assert!(file
        .apply(&Changes {
            put: vec![Record::Opportunity(bad)],
            delete: vec![]
        })
        .is_err());
    // Deleting the map takes its opportunities (the app sends the top list without its cards).
    let map = RecordRef {
        kind: RecordKind::Map,
        id: o.map_id,
    };
    let top: Vec<_> = project
        .top_touchpoints
        .iter()
        .copied()
        .filter(|t| project.touchpoint(*t).is_some_and(|t| t.map_id != o.map_id))
        .collect();
    let changes = Changes {
        put: vec![Record::TopTouchpoints(top)],
        delete: vec![map],
    };
    project.apply(&changes);
    file.apply(&changes).unwrap();
    assert!(project.opportunities.iter().all(|x| x.map_id != o.map_id));
    assert_eq!(&ProjectFile::read(&path).unwrap(), &project.canonical());
}

#[test]
fn persona_lines_round_trip_and_go_with_their_persona_on_disk_as_in_memory() {
    use journeymap::model::{emotion_curve_of, Feeling};
    let dir = temp();
    let path = dir.path().join("p.journey");
    let mut project = sample();
    let map = project
        .maps
        .iter()
        .find(|m| !m.other_personas.is_empty())
        .unwrap()
        .clone();
    let family = map.other_personas[0];
    let felt = project
        .touchpoints
        .iter()
        .filter(|t| t.feelings.iter().any(|f| f.persona_id == family))
        .count();
    assert!(
        felt >= 5,
        "the sample's family feels some cards differently"
    );
    let mut file = ProjectFile::create(&path, &project).unwrap();
    assert_eq!(
        &ProjectFile::read(&path).unwrap(),
        &project.clone().canonical()
    );

    // Each line is its own curve: where the family feels a card differently, the line differs.
    let lanes = project.lanes_of(map.id);
    let cards: Vec<_> = project
        .touchpoints
        .iter()
        .filter(|t| t.map_id == map.id)
        .collect();
    let own = emotion_curve_of(&lanes, &cards, None);
    let theirs = emotion_curve_of(&lanes, &cards, Some(family));
    assert_eq!(own.len(), theirs.len());
    assert!(own.iter().zip(&theirs).any(|(a, b)| a.y != b.y));

    // A card felt differently by a persona the map does not follow is refused.
    let stranger = project
        .personas
        .iter()
        .find(|p| Some(p.id) == map.persona_id)
        .unwrap()
        .id;
    let mut t = cards[0].clone();
    t.feelings = vec![Feeling {
        persona_id: stranger,
        emotion: 1,
    }];
    let err = file
        .apply(&Changes {
            put: vec![Record::Touchpoint(t)],
            delete: vec![],
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidProject);
    // So is a sixth line.
    let mut crowded = map.clone();
    for i in 0..4 {
        let mut p = project.personas[0].clone();
        p.id = journeymap::model::new_id();
        p.name = format!("Extra {i}");
        p.position = 10 + i;
        crowded.other_personas.push(p.id);
        project.personas.push(p);
    }
    let extra: Vec<Record> = project
        .personas
        .iter()
        .skip(2)
        .cloned()
        .map(Record::Persona)
        .collect();
    let err = file
        .apply(&Changes {
            put: [extra.clone(), vec![Record::Map(crowded)]].concat(),
            delete: vec![],
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidProject, "{err}");
    project.personas.truncate(2);

    // Deleting the persona takes its line off the map and its feelings off the cards.
    let changes = Changes {
        put: vec![],
        delete: vec![RecordRef {
            kind: RecordKind::Persona,
            id: family,
        }],
    };
    project.apply(&changes);
    file.apply(&changes).unwrap();
    assert!(project
        .maps
        .iter()
        .all(|m| !m.other_personas.contains(&family)));
    assert!(project.touchpoints.iter().all(|t| t.feelings.is_empty()));
    assert_eq!(file.project().unwrap(), &project.clone().canonical());
    assert_eq!(&ProjectFile::read(&path).unwrap(), &project.canonical());
}

#[test]
fn comments_round_trip_follow_their_item_and_keep_threads_whole() {
    use journeymap::model::{open_threads, CommentTarget};
    let dir = temp();
    let path = dir.path().join("c.journey");
    let mut project = sample();
    let mut file = ProjectFile::create(&path, &project).unwrap();
    assert_eq!(
        &ProjectFile::read(&path).unwrap(),
        &project.clone().canonical()
    );
    let open = open_threads(&project.comments);
    assert!(
        open.len() >= 3 && open.iter().any(|(_, n)| *n == 2),
        "the sample has open threads, one with a reply"
    );
    assert!(
        project.comments.iter().any(|c| c.resolved),
        "and a resolved one"
    );

    // A reply to a reply, a resolved reply, or a blank comment is refused.
    let reply = project
        .comments
        .iter()
        .find(|c| c.parent_id.is_some())
        .unwrap()
        .clone();
    for bad in [
        journeymap::model::Comment {
            id: journeymap::model::new_id(),
            parent_id: Some(reply.id),
            ..reply.clone()
        },
        journeymap::model::Comment {
            resolved: true,
            ..reply.clone()
        },
        journeymap::model::Comment {
            text: "  ".into(),
            ..reply.clone()
        },
    ] {
        let err = file
            .apply(&Changes {
                put: vec![Record::Comment(bad)],
                delete: vec![],
            })
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidProject);
    }
    // Deleting a card takes its threads, a note its, an opportunity its; a thread's first
    // comment takes its replies; on disk as in memory.
    for target in [
        CommentTarget::Touchpoint,
        CommentTarget::Note,
        CommentTarget::Opportunity,
    ] {
        let on = project
            .comments
            .iter()
            .find(|c| c.target == target)
            .unwrap()
            .clone();
        let kind = match target {
            CommentTarget::Touchpoint => RecordKind::Touchpoint,
            CommentTarget::Note => RecordKind::Note,
            CommentTarget::Opportunity => RecordKind::Opportunity,
        };
        let mut changes = Changes {
            put: vec![],
            delete: vec![RecordRef {
                kind,
                id: on.target_id,
            }],
        };
        if target == CommentTarget::Touchpoint {
            let top: Vec<_> = project
                .top_touchpoints
                .iter()
                .copied()
                .filter(|t| *t != on.target_id)
                .collect();
            changes.put.push(Record::TopTouchpoints(top));
        }
        project.apply(&changes);
        file.apply(&changes).unwrap();
        assert!(project.comments.iter().all(|c| c.target_id != on.target_id));
        assert_eq!(
            &ProjectFile::read(&path).unwrap(),
            &project.clone().canonical(),
            "{target:?}"
        );
    }
    let root = project
        .comments
        .iter()
        .find(|c| project.comments.iter().any(|r| r.parent_id == Some(c.id)));
    if let Some(root) = root.cloned() {
        let changes = Changes {
            put: vec![],
            delete: vec![RecordRef {
                kind: RecordKind::Comment,
                id: root.id,
            }],
        };
        project.apply(&changes);
        file.apply(&changes).unwrap();
        assert!(project
            .comments
            .iter()
            .all(|c| c.parent_id != Some(root.id)));
    }
    assert_eq!(&ProjectFile::read(&path).unwrap(), &project.canonical());
}

#[test]
fn card_pictures_round_trip_go_with_their_card_and_keep_within_limits() {
    use journeymap::model::{Picture, PictureType, MAX_PICTURE_BYTES};
    let dir = temp();
    let path = dir.path().join("p.journey");
    let mut project = sample();
    assert_eq!(project.pictures.len(), 1, "the sample's kiosk has a photo");
    let mut file = ProjectFile::create(&path, &project).unwrap();
    assert_eq!(
        &ProjectFile::read(&path).unwrap(),
        &project.clone().canonical()
    );
    let kiosk = project.pictures[0].clone();
    // What the limits refuse: a second picture on the card, bytes that are not what they say,
    // more than 1 MB.
    let second = Picture {
        id: journeymap::model::new_id(),
        ..kiosk.clone()
    };
    let lying = Picture {
        media_type: PictureType::Png,
        ..kiosk.clone()
    };
    let mut heavy = kiosk.clone();
    heavy.data.resize(MAX_PICTURE_BYTES + 1, 0);
    for bad in [second, lying, heavy] {
        let err = file
            .apply(&Changes {
                put: vec![Record::Picture(bad)],
                delete: vec![],
            })
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidProject, "{err}");
    }
    // Replacing it in one change (a new picture put, the old one deleted: what the app sends)
    // is written, though both rows name the same card for a moment.
    let replaced = Picture {
        id: journeymap::model::new_id(),
        ..kiosk.clone()
    };
    let changes = Changes {
        put: vec![Record::Picture(replaced.clone())],
        delete: vec![RecordRef {
            kind: RecordKind::Picture,
            id: kiosk.id,
        }],
    };
    project.apply(&changes);
    file.apply(&changes).unwrap();
    assert_eq!(
        &ProjectFile::read(&path).unwrap(),
        &project.clone().canonical()
    );
    let kiosk = replaced;
    // Deleting the card deletes its picture, on disk as in memory.
    let top: Vec<_> = project
        .top_touchpoints
        .iter()
        .copied()
        .filter(|t| *t != kiosk.touchpoint_id)
        .collect();
    let changes = Changes {
        put: vec![Record::TopTouchpoints(top)],
        delete: vec![RecordRef {
            kind: RecordKind::Touchpoint,
            id: kiosk.touchpoint_id,
        }],
    };
    project.apply(&changes);
    file.apply(&changes).unwrap();
    assert!(project.pictures.is_empty());
    assert_eq!(&ProjectFile::read(&path).unwrap(), &project.canonical());
}

#[test]
fn a_persona_keeps_its_portrait_within_a_portrait_s_limits() {
    use journeymap::model::{PictureFit, PictureType, MAX_PORTRAIT_SIDE};
    let dir = temp();
    let path = dir.path().join("p.journey");
    let mut project = sample();
    let maya = project.personas[0].clone();
    let portrait = maya
        .picture
        .clone()
        .expect("the sample's Maya has a portrait");
    assert_eq!(portrait.problem(PictureFit::PORTRAIT), None);
    let mut file = ProjectFile::create(&path, &project).unwrap();
    assert_eq!(
        &ProjectFile::read(&path).unwrap(),
        &project.clone().canonical()
    );
    // Refused: bytes that are not what they say, a card-sized picture, more than 256 KB.
    let mut lying = maya.clone();
    lying.picture.as_mut().unwrap().media_type = PictureType::Jpeg;
    let mut wide = maya.clone();
    wide.picture.as_mut().unwrap().width = MAX_PORTRAIT_SIDE + 1;
    let mut heavy = maya.clone();
    heavy
        .picture
        .as_mut()
        .unwrap()
        .data
        .resize(256 * 1024 + 1, 0);
    for bad in [lying, wide, heavy] {
        let err = file
            .apply(&Changes {
                put: vec![Record::Persona(bad)],
                delete: vec![],
            })
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidProject, "{err}");
    }
    assert_eq!(file.project().unwrap().personas[0], maya, "nothing changed");
    // Taking the portrait off leaves the initials; the file says so after reopening.
    let mut plain = maya.clone();
    plain.picture = None;
    let changes = Changes {
        put: vec![Record::Persona(plain)],
        delete: vec![],
    };
    project.apply(&changes);
    file.apply(&changes).unwrap();
    let reread = ProjectFile::read(&path).unwrap();
    assert_eq!(reread.personas[0].picture, None);
    assert_eq!(&reread, &project.canonical());
}

#[test]
fn an_invalid_change_is_refused_and_nothing_is_written() {
    let dir = temp();
    let path = dir.path().join("p.journey");
    let project = sample();
    let mut file = ProjectFile::create(&path, &project).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut t = project.touchpoints[0].clone();
    t.emotion = 9;
    let err = file
        .apply(&Changes {
            put: vec![Record::Touchpoint(t)],
            delete: vec![],
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidProject);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(file.project().unwrap(), &project);
}

/// A change set of puts: a card and a stage edited, the project's name and top list changed, and
/// a new card with a new connector to it.
fn puts(project: &Project) -> Changes {
    let mut card = project.touchpoints[0].clone();
    card.title = "Renamed".into();
    let mut stage = project.stages[0].clone();
    stage.name = "First".into();
    let mut info = project.info.clone();
    info.name = "Another name".into();
    let mut new = project
        .touchpoints
        .iter()
        .find(|t| t.map_id == card.map_id && t.id != card.id)
        .unwrap()
        .clone();
    new.id = journeymap::model::new_id();
    let link = journeymap::model::Connector {
        id: journeymap::model::new_id(),
        map_id: new.map_id,
        from_id: card.id,
        to_id: new.id,
        label: String::new(),
    };
    Changes {
        put: vec![
            Record::Touchpoint(card.clone()),
            Record::Stage(stage),
            Record::Info(info),
            Record::TopTouchpoints(vec![new.id, card.id]),
            Record::Touchpoint(new),
            Record::Connector(link),
            Record::Touchpoint(card),
        ],
        delete: vec![],
    }
}

#[test]
fn a_change_set_of_puts_is_undone_exactly() {
    let before = sample();
    let changes = puts(&before);
    let undo = before.undo_of(&changes).unwrap();
    let mut project = before.clone();
    project.apply(&changes);
    assert_ne!(project, before);
    project.apply(&undo);
    assert_eq!(project.canonical(), before);
    // Deletions cascade: no undo is offered for them, and the file copies the project instead.
    let delete = Changes {
        put: vec![],
        delete: vec![RecordRef {
            kind: RecordKind::Touchpoint,
            id: before.touchpoints[0].id,
        }],
    };
    assert_eq!(before.undo_of(&delete), None);
}

#[test]
fn a_refused_change_set_of_puts_leaves_file_and_project_as_they_were() {
    let dir = temp();
    let path = dir.path().join("p.journey");
    let project = sample();
    let mut file = ProjectFile::create(&path, &project).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut changes = puts(&project);
    // The last put breaks a rule: everything before it must be taken back too.
    let Record::Touchpoint(mut last) = changes.put.pop().unwrap() else {
        unreachable!()
    };
    last.emotion = 9;
    changes.put.push(Record::Touchpoint(last));
    let err = file.apply(&changes).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidProject);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(file.project().unwrap(), &project);
    // The same set, valid, is written, and the handle's project is what the file holds.
    let changes = puts(&project);
    file.apply(&changes).unwrap();
    let mut expected = project.clone();
    expected.apply(&changes);
    assert_eq!(file.project().unwrap(), &expected.clone().canonical());
    assert_eq!(ProjectFile::read(&path).unwrap(), expected.canonical());
}

#[test]
fn create_refuses_to_replace_a_file() {
    let dir = temp();
    let path = copy_into(dir.path(), &sample_journey(), "p.journey");
    let bytes = std::fs::read(&path).unwrap();
    let err =
        ProjectFile::create(&path, &Project::new(journeymap::model::new_id(), "x")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::FileExists);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn save_as_writes_a_complete_copy_atomically() {
    let dir = temp();
    let original = dir.path().join("a.journey");
    let copy = dir.path().join("b.journey");
    let mut project = sample();
    let mut file = ProjectFile::create(&original, &project).unwrap();
    let original_bytes = std::fs::read(&original).unwrap();

    project.info.name = "Renamed copy".into();
    file.save_as(&project, &copy).unwrap();
    assert_eq!(file.path(), copy);
    assert_eq!(&ProjectFile::read(&copy).unwrap(), &project);
    assert_eq!(
        std::fs::read(&original).unwrap(),
        original_bytes,
        "the original keeps its state"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with("-journal"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );

    // Replacing an existing file also works, and edits continue on the new file.
    write_new(&original, &project, true).unwrap();
    project.touchpoints[0].title = "Edited after save-as".into();
    file.save(&project).unwrap();
    assert_eq!(&ProjectFile::read(&copy).unwrap(), &project);
}

/// Opens `path`, expects `code`, and checks that the file's bytes did not change.
fn refused(path: &Path, code: ErrorCode) {
    let before = std::fs::read(path).ok();
    let err = ProjectFile::open(path).unwrap_err();
    assert_eq!(err.code(), code, "{}: {err}", path.display());
    assert!(!err.to_string().is_empty());
    assert_eq!(
        std::fs::read(path).ok(),
        before,
        "{} was modified",
        path.display()
    );
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    assert!(
        !Path::new(&journal).exists(),
        "no journal left beside {}",
        path.display()
    );
}

#[test]
fn missing_empty_and_foreign_files_are_refused() {
    let dir = temp();
    refused(&dir.path().join("missing.journey"), ErrorCode::FileNotFound);

    let empty = dir.path().join("empty.journey");
    std::fs::write(&empty, b"").unwrap();
    refused(&empty, ErrorCode::EmptyFile);

    let text = dir.path().join("notes.journey");
    std::fs::write(&text, "Stage,Touchpoint\nBook,Website\n").unwrap();
    refused(&text, ErrorCode::NotAProjectFile);
    refused(dir.path(), ErrorCode::NotAProjectFile);

    let other = dir.path().join("other.journey");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
        .unwrap();
    drop(conn);
    refused(&other, ErrorCode::ForeignApplication);
}

#[test]
fn a_file_from_a_newer_app_is_refused() {
    let dir = temp();
    let path = copy_into(dir.path(), &sample_journey(), "newer.journey");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    refused(&path, ErrorCode::FileTooNew);
    let message = ProjectFile::open(&path).unwrap_err().to_string();
    assert!(message.contains("newer"), "{message}");
}

#[test]
fn truncated_files_are_refused_at_every_offset() {
    let dir = temp();
    let full = std::fs::read(sample_journey()).unwrap();
    let offsets = [
        1,
        15,
        16,
        50,
        99,
        100,
        512,
        4095,
        4096,
        4097,
        8192,
        full.len() / 2,
        full.len() - 1,
    ];
    for (i, len) in offsets.into_iter().enumerate() {
        let path = dir.path().join(format!("cut{i}.journey"));
        std::fs::write(&path, &full[..len]).unwrap();
        // A prefix of the 16-byte magic string is too short to be called SQLite at all; past it,
        // the file claims to be SQLite and is damaged.
        let code = if len < 16 {
            ErrorCode::NotAProjectFile
        } else {
            ErrorCode::CorruptFile
        };
        refused(&path, code);
    }
}

#[test]
fn damaged_pages_are_refused() {
    let dir = temp();
    let mut bytes = std::fs::read(sample_journey()).unwrap();
    let page = 4096;
    assert!(bytes.len() > 8 * page);
    for b in &mut bytes[3 * page..5 * page] {
        *b = 0xA5;
    }
    let path = dir.path().join("damaged.journey");
    std::fs::write(&path, &bytes).unwrap();
    refused(&path, ErrorCode::CorruptFile);
}

#[test]
fn every_schema_fixture_upgrades_to_the_current_schema() {
    // tests/fixtures/schema-vN.journey was written by schema version N and must always open,
    // upgraded, with the content recorded beside it in schema-vN.json.
    let fixtures = repo().join("tests/fixtures");
    for version in 1..=SCHEMA_VERSION {
        let dir = temp();
        let name = format!("schema-v{version}.journey");
        let original = fixtures.join(&name);
        assert!(
            original.exists(),
            "a fixture for schema version {version} is kept"
        );
        let path = copy_into(dir.path(), &original, "old.journey");
        let on_disk: u32 = rusqlite::Connection::open(&original)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(on_disk, version, "{name} really is at version {version}");
        let expected = std::fs::read(fixtures.join(format!("schema-v{version}.json"))).unwrap();
        let expected = journeymap::interchange::json::from_json(&expected).unwrap();
        let mut file = ProjectFile::open(&path).unwrap();
        assert_eq!(file.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(
            file.project().unwrap(),
            &expected,
            "{name} upgrades without losing anything"
        );
    }
}

#[test]
fn a_file_upgraded_for_editing_keeps_its_references_and_can_hold_unrated_cards() {
    // Version 13 rebuilds the touchpoints table; connectors, redesigns, KPIs and pictures point
    // at it. Opened for editing, the upgrade runs with foreign keys off and must turn them back
    // on: deleting a card afterwards still takes its connectors with it, in the file too.
    let dir = temp();
    let path = copy_into(
        dir.path(),
        &repo().join("tests/fixtures/schema-v12.journey"),
        "old.journey",
    );
    let mut file = ProjectFile::open(&path).unwrap();
    let mut project = file.project().unwrap().clone();
    let card = project
        .connectors
        .first()
        .expect("the fixture has connectors")
        .from_id;
    let mut unrated = project
        .touchpoints
        .iter()
        .find(|t| t.id != card)
        .unwrap()
        .clone();
    unrated.reliability = Reliability::Unrated;
    let changes = Changes {
        put: vec![Record::Touchpoint(unrated.clone())],
        delete: vec![RecordRef {
            kind: RecordKind::Touchpoint,
            id: card,
        }],
    };
    project.apply(&changes);
    file.apply(&changes).unwrap();
    drop(file);
    let reread = ProjectFile::read(&path).unwrap();
    assert!(reread
        .connectors
        .iter()
        .all(|c| c.from_id != card && c.to_id != card));
    assert_eq!(reread, project.canonical());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let stored: String = conn
        .query_row(
            "SELECT reliability FROM touchpoints WHERE id = ?1",
            [unrated.id.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, "unrated");
}

#[test]
fn redesigns_calendar_and_template_round_trip_and_cascade() {
    use journeymap::workflow::{PhaseStatus, PhaseTemplate, Redesign, Weekmask};
    let dir = temp();
    let path = dir.path().join("r.journey");
    let mut project = journeymap::app::generate::project(20, 8);
    project.calendar.weekmask = Weekmask::SUNDAY_TO_THURSDAY;
    project
        .calendar
        .holidays
        .insert("2026-12-25".parse().unwrap(), "Christmas".into());
    project.redesign_template = vec![PhaseTemplate {
        name: "Try it".into(),
        days: 3,
    }];
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let r = Redesign::new(
        journeymap::model::new_id(),
        project.touchpoints[4].id,
        "Fix it",
        day("2026-11-22"),
        &PhaseTemplate::default_template(),
    )
    .set_phase_status(0, PhaseStatus::InProgress, day("2026-11-22"), "go")
    .unwrap();
    project.redesigns.push(r.clone());
    let mut file = ProjectFile::create(&path, &project).unwrap();
    assert_eq!(
        &ProjectFile::read(&path).unwrap(),
        &project.clone().canonical()
    );

    // One more phase change rewrites only that redesign.
    let r2 = r
        .set_phase_status(0, PhaseStatus::Done, day("2026-11-24"), "")
        .unwrap();
    project.redesigns[0] = r2;
    assert_eq!(file.save(&project).unwrap(), 1);
    assert_eq!(
        &ProjectFile::read(&path).unwrap(),
        &project.clone().canonical()
    );

    // Deleting the touchpoint takes its redesign with it, in memory and in the file.
    let changes = Changes {
        put: vec![],
        delete: vec![RecordRef {
            kind: RecordKind::Touchpoint,
            id: project.touchpoints[4].id,
        }],
    };
    project.apply(&changes);
    file.apply(&changes).unwrap();
    assert!(project.redesigns.is_empty());
    assert_eq!(&ProjectFile::read(&path).unwrap(), &project.canonical());
}

#[test]
fn one_writer_at_a_time_while_readers_still_read() {
    let dir = temp();
    let path = copy_into(dir.path(), &sample_journey(), "shared.journey");
    let mut first = ProjectFile::open(&path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let err = ProjectFile::open(&path).unwrap_err();
    assert_eq!(err.code(), ErrorCode::FileInUse);
    assert!(err.to_string().contains("another Journeymap"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the refused open wrote nothing"
    );
    assert_eq!(
        &ProjectFile::read(&path).unwrap(),
        first.project().unwrap(),
        "reading needs no lock"
    );

    // Another process is refused too: the CLI's edit commands, while its reads work.
    let cli = env!("CARGO_BIN_EXE_journeymap");
    let out = std::process::Command::new(cli)
        .args([
            "tracker",
            "start",
            path.to_str().unwrap(),
            "--touchpoint",
            "Lounge entry",
            "--start",
            "2026-11-23",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error[file-in-use]"));
    let out = std::process::Command::new(cli)
        .args(["info", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "info reads a project that is open elsewhere"
    );

    drop(first);
    ProjectFile::open(&path).expect("the lock goes with the handle");
}

#[test]
fn reading_an_old_schema_upgrades_in_memory_only() {
    let dir = temp();
    let path = copy_into(
        dir.path(),
        &repo().join("tests/fixtures/schema-v1.journey"),
        "old.journey",
    );
    let bytes = std::fs::read(&path).unwrap();
    let project = ProjectFile::read(&path).unwrap();
    assert_eq!(
        project.redesign_template.len(),
        5,
        "defaults of the new schema are there"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file itself was not upgraded"
    );
}

#[test]
fn files_with_extra_tables_or_hand_edited_invalid_data_are_refused() {
    let dir = temp();
    let extra = copy_into(dir.path(), &sample_journey(), "extra.journey");
    rusqlite::Connection::open(&extra)
        .unwrap()
        .execute_batch("CREATE TABLE spy (x)")
        .unwrap();
    refused(&extra, ErrorCode::CorruptFile);
    assert_eq!(
        ProjectFile::read(&extra).unwrap_err().code(),
        ErrorCode::CorruptFile
    );

    let huge = copy_into(dir.path(), &sample_journey(), "huge.journey");
    rusqlite::Connection::open(&huge)
        .unwrap()
        .execute(
            "UPDATE touchpoints SET description = ?1 WHERE rowid = 1",
            ["x".repeat(2_000_000)],
        )
        .unwrap();
    refused(&huge, ErrorCode::CorruptFile);
    let message = ProjectFile::open(&huge).unwrap_err().to_string();
    assert!(message.contains("longer than"), "{message}");

    let dangling = copy_into(dir.path(), &sample_journey(), "dangling.journey");
    let conn = rusqlite::Connection::open(&dangling).unwrap();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF; UPDATE touchpoints SET stage_id = 'nope' WHERE rowid = 2;",
    )
    .unwrap();
    drop(conn);
    refused(&dangling, ErrorCode::CorruptFile);
}

/// A file opened for editing leaves its feedback in the file (it is a quarter of a large
/// project in memory) and reads it back before any change that could touch it: every change
/// set below ends the same, in the file and in memory, as on the whole project, and the ones
/// that cannot touch feedback leave it unread.
#[test]
fn feedback_left_in_the_file_is_read_back_whenever_a_change_needs_it() {
    let dir = temp();
    let mut base = journeymap::app::generate::project(60, 7);
    // A second map, for a card to move to.
    let other = Project::starter(
        journeymap::model::new_id(),
        "Other",
        journeymap::model::new_id,
    );
    let mut map = other.maps[0].clone();
    map.position = 1;
    base.maps.push(map);
    base.stages.push(other.stages[0].clone());
    base.lanes.push(other.lanes[0].clone());
    // A card that feedback names and no connector does (connectors would refuse its move too),
    // which no opportunity, redesign, KPI or picture names either.
    let with_feedback = base
        .touchpoints
        .iter()
        .find(|t| base.feedback.iter().any(|f| f.touchpoint_id == Some(t.id)))
        .unwrap()
        .clone();
    base.connectors
        .retain(|c| c.from_id != with_feedback.id && c.to_id != with_feedback.id);
    let base = base.canonical();
    assert!(!base.feedback.is_empty() && !base.opportunities.is_empty());
    let card = |pick: usize| base.touchpoints[pick].clone();
    let mut retitled = card(3);
    retitled.title = "Retitled in the workshop".into();
    // Valid on its own, refused only because its feedback stays on the first map.
    let mut elsewhere = with_feedback.clone();
    elsewhere.map_id = other.maps[0].id;
    elsewhere.stage_id = other.stages[0].id;
    elsewhere.lane_id = other.lanes[0].id;
    elsewhere.feelings.clear();
    let mut reworded = base.feedback[2].clone();
    reworded.text = "Said again, more politely".into();
    let mut rescored = base.opportunities[0].clone();
    rescored.value = 5;
    let mut lane = base.lanes[0].clone();
    lane.name = "Front stage, renamed".into();
    let delete = |kind, id| RecordRef { kind, id };
    let cases: Vec<(&str, Changes, bool)> = vec![
        (
            "a card retitled",
            Changes {
                put: vec![Record::Touchpoint(retitled)],
                delete: vec![],
            },
            false,
        ),
        (
            "a connector taken away",
            Changes {
                put: vec![],
                delete: vec![delete(RecordKind::Connector, base.connectors[0].id)],
            },
            true,
        ),
        (
            "a card moved to another map without its feedback (refused)",
            Changes {
                put: vec![Record::Touchpoint(elsewhere)],
                delete: vec![],
            },
            true,
        ),
        (
            "feedback reworded",
            Changes {
                put: vec![Record::Feedback(reworded)],
                delete: vec![],
            },
            true,
        ),
        (
            "an opportunity with feedback as evidence rescored",
            Changes {
                put: vec![Record::Opportunity(rescored)],
                delete: vec![],
            },
            true,
        ),
        (
            "a lane renamed (the whole project is checked)",
            Changes {
                put: vec![Record::Lane(lane)],
                delete: vec![],
            },
            true,
        ),
        (
            "a stage deleted with its feedback",
            Changes {
                put: vec![],
                delete: vec![delete(RecordKind::Stage, base.stages[1].id)],
            },
            true,
        ),
        (
            "a card deleted that feedback names",
            Changes {
                put: vec![],
                delete: vec![delete(RecordKind::Touchpoint, with_feedback.id)],
            },
            true,
        ),
    ];
    let mut refused = 0;
    for (i, (what, changes, reads)) in cases.into_iter().enumerate() {
        let path = dir.path().join(format!("case{i}.journey"));
        ProjectFile::create(&path, &base).unwrap();
        let mut file = ProjectFile::open(&path).unwrap();
        assert!(!file.feedback_read(), "{what}: set aside on opening");
        assert!(file.project_but_feedback().feedback.is_empty());
        assert_eq!(file.feedback_count(), base.feedback.len());
        assert_eq!(
            file.summary(),
            base.summary(),
            "{what}: counted all the same"
        );

        let mut expected = base.clone();
        expected.apply(&changes);
        let valid = expected.validate_after(&changes).is_ok();
        refused += usize::from(!valid);
        let expected = if valid {
            expected.canonical()
        } else {
            base.clone()
        };
        assert_eq!(file.apply(&changes).is_ok(), valid, "{what}");
        assert_eq!(file.feedback_read(), reads, "{what}: feedback read back");
        assert_eq!(file.summary(), expected.summary(), "{what}");
        assert_eq!(
            &ProjectFile::read(&path).unwrap(),
            &expected,
            "{what}: the file"
        );
        assert_eq!(file.project().unwrap(), &expected, "{what}: in memory");
        assert!(file.feedback_read());
    }
    assert_eq!(refused, 1, "the moved card is refused, the rest are not");
}
