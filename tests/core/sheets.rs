//! Touchpoints from spreadsheets: CSV → project → CSV round trips, Excel workbooks, cards placed
//! inside their cells (growing lanes when needed), and bad rows named by line with nothing kept.

use super::support::{copy_into, sample, sample_journey, temp};
use journeymap::interchange::tables::{self, Table};
use journeymap::interchange::touchpoints_csv::{self, TouchpointMapping};
use journeymap::model::{new_id, Project, LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT};
use journeymap::{ErrorCode, ProjectFile};
use pretty_assertions::assert_eq;

fn empty() -> Project {
    Project::new(new_id(), "Imported")
}

fn import(project: &Project, bytes: &[u8]) -> Project {
    let preview = touchpoints_csv::preview(bytes, project, None, None).unwrap();
    assert_eq!(preview.error_count, 0, "{:?}", preview.errors);
    let changes = touchpoints_csv::import(bytes, project, &preview.mapping, new_id).unwrap();
    let mut after = project.clone();
    after.apply(&changes);
    after.validate().unwrap();
    after.canonical()
}

/// Every card's centre lies in the cell of its own stage and lane.
fn assert_in_cells(p: &Project) {
    for map in &p.maps {
        let mut x = LANE_HEADER_WIDTH;
        let mut columns = Vec::new();
        for s in p.stages_of(map.id) {
            columns.push((s.id, x, x + s.width));
            x += s.width;
        }
        let mut y = STAGE_HEADER_HEIGHT;
        let mut rows = Vec::new();
        for l in p.lanes_of(map.id) {
            rows.push((l.id, y, y + l.height));
            y += l.height;
        }
        for t in p.touchpoints.iter().filter(|t| t.map_id == map.id) {
            let (cx, cy) = (t.x + t.width / 2.0, t.y + t.height / 2.0);
            let col = columns.iter().find(|c| c.0 == t.stage_id).unwrap();
            let row = rows.iter().find(|r| r.0 == t.lane_id).unwrap();
            assert!(
                cx >= col.1 && cx < col.2 && cy >= row.1 && cy < row.2,
                "{} sits in its cell",
                t.title
            );
        }
    }
}

fn overlaps(p: &Project) -> usize {
    let cards = &p.touchpoints;
    let mut n = 0;
    for (i, a) in cards.iter().enumerate() {
        for b in &cards[i + 1..] {
            if a.map_id == b.map_id
                && a.x < b.x + b.width
                && b.x < a.x + a.width
                && a.y < b.y + b.height
                && b.y < a.y + a.height
            {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn touchpoints_csv_round_trips_through_a_new_project() {
    let original = tables::export(&sample(), Table::Touchpoints);
    let imported = import(&empty(), &original);
    assert_eq!(imported.maps.len(), 2);
    assert_eq!(imported.touchpoints.len(), sample().touchpoints.len());
    assert_eq!(
        imported.top_touchpoints.len(),
        sample().top_touchpoints.len(),
        "top ranks come back"
    );
    assert_in_cells(&imported);
    assert_eq!(overlaps(&imported), 0);
    let again = tables::export(&imported, Table::Touchpoints);
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(original).unwrap()
    );
}

#[test]
fn an_excel_workbook_creates_stages_and_lanes() {
    let bytes =
        std::fs::read(super::support::repo().join("tests/fixtures/touchpoints.xlsx")).unwrap();
    let p = import(&empty(), &bytes);
    let names = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    let map = p.maps[0].id;
    assert_eq!(
        p.stages_of(map)
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>(),
        names(vec!["Book", "Fly", "Arrive"])
    );
    assert_eq!(
        p.lanes_of(map)
            .iter()
            .map(|l| l.name.clone())
            .collect::<Vec<_>>(),
        names(vec!["Touchpoints", "Frontstage", "Backstage"])
    );
    let crew = p
        .touchpoints
        .iter()
        .find(|t| t.title == "Crew welcome — Zoë's team")
        .unwrap();
    assert!(crew.moment_of_truth && crew.emotion == 3);
    assert_eq!(
        p.touchpoints.iter().filter(|t| t.moment_of_truth).count(),
        2
    );
    assert_in_cells(&p);
}

#[test]
fn rows_added_to_a_full_map_grow_lanes_and_keep_every_card_in_its_cell() {
    let p = sample();
    let mut csv = String::from("Stage,Lane,Title\n");
    for i in 0..9 {
        csv.push_str(&format!("Security,Touchpoints,Extra check {i}\n"));
    }
    csv.push_str("Board,Brand new lane,After the gate\n");
    let before_height: f64 = p.lanes_of(p.maps[0].id).iter().map(|l| l.height).sum();
    let after = import(&p, csv.as_bytes());
    let lanes = after.lanes_of(after.maps[0].id);
    assert!(
        lanes.iter().map(|l| l.height).sum::<f64>() > before_height,
        "the touchpoints lane grew"
    );
    assert_eq!(lanes.last().unwrap().name, "Brand new lane");
    assert_in_cells(&after);
    assert_eq!(overlaps(&after), overlaps(&p), "no new overlaps");
}

#[test]
fn a_sheet_without_a_rating_imports_unrated_cards_and_exports_them_as_such() {
    use journeymap::model::Reliability;
    let csv = "Stage,Title,Reliability\n\
               Board,Gate desk,\n\
               Board,Lounge,not rated\n\
               Board,Boarding call,broken\n\
               Board,Jet bridge,Unrated\n\
               Board,Seat,3\n\
               Board,Blanket,0\n";
    let p = import(&empty(), csv.as_bytes());
    let rating = |title: &str| {
        p.touchpoints
            .iter()
            .find(|t| t.title == title)
            .unwrap()
            .reliability
    };
    assert_eq!(rating("Gate desk"), Reliability::Unrated, "an empty cell");
    assert_eq!(rating("Lounge"), Reliability::Unrated);
    assert_eq!(rating("Jet bridge"), Reliability::Unrated);
    assert_eq!(rating("Boarding call"), Reliability::Broken);
    assert_eq!(
        rating("Seat"),
        Reliability::Differentiating,
        "the app's key"
    );
    assert_eq!(rating("Blanket"), Reliability::Unrated);
    assert_eq!(p.summary().unrated, 4);
    let out = String::from_utf8(tables::export(&p, Table::Touchpoints)).unwrap();
    assert_eq!(out.matches(",unrated,").count(), 4, "{out}");
    let again = import(&empty(), out.as_bytes());
    assert_eq!(again.summary().unrated, 4);
}

#[test]
fn bad_rows_are_named_by_line_and_nothing_changes() {
    let dir = temp();
    let path = copy_into(dir.path(), &sample_journey(), "s.journey");
    let before = std::fs::read(&path).unwrap();
    let p = ProjectFile::read(&path).unwrap();
    let csv = "Stage,Title,Emotion,Reliability,Moment of truth\n\
               Board,Fine,1,reliable,no\n\
               ,No stage,0,,\n\
               Board,,0,,\n\
               Board,Too happy,5,,\n\
               Board,Odd,0,shiny,\n\
               Board,Maybe,0,,perhaps\n";
    let m = TouchpointMapping::guess(
        &[
            "Stage",
            "Title",
            "Emotion",
            "Reliability",
            "Moment of truth",
        ]
        .map(String::from),
        Some(p.maps[0].id),
    );
    let err = touchpoints_csv::import(csv.as_bytes(), &p, &m, new_id).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidImport);
    let journeymap::Error::InvalidImport { lines, .. } = &err else {
        unreachable!()
    };
    assert_eq!(
        lines.iter().map(|l| l.line).collect::<Vec<_>>(),
        [3, 4, 5, 6, 7],
        "{err}"
    );
    let mut no_title = m.clone();
    no_title.title = None;
    assert!(
        touchpoints_csv::import(csv.as_bytes(), &p, &no_title, new_id)
            .unwrap_err()
            .to_string()
            .contains("title")
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
}

#[test]
fn the_cli_imports_a_sheet() {
    let dir = temp();
    let d = dir.path();
    copy_into(d, &sample_journey(), "s.journey");
    std::fs::write(
        d.join("w.csv"),
        "Phase;Card;Channel\nBoard;Lounge pager;App\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .args(args)
            .current_dir(d)
            .output()
            .unwrap()
    };
    let out = run(&[
        "import-csv",
        "s.journey",
        "--csv",
        "w.csv",
        "--column",
        "title=Card",
        "--dry-run",
    ]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 touchpoints would be imported"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&[
        "import-csv",
        "s.journey",
        "--csv",
        "w.csv",
        "--column",
        "title=Card",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p = ProjectFile::read(d.join("s.journey")).unwrap();
    assert!(p
        .touchpoints
        .iter()
        .any(|t| t.title == "Lounge pager" && t.channel == "App"));
}
