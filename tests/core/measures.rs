//! Customer-experience measures end to end: stored and cascaded in real files, feedback CSV
//! imports (good, broken and large), the CSV exports and their formula escaping, and the CLI.

use super::support::{copy_into, sample, sample_journey, temp};
use chrono::NaiveDate;
use journeymap::interchange::csv::read_table;
use journeymap::interchange::feedback_csv::{self, FeedbackMapping};
use journeymap::interchange::tables::{self, Table};
use journeymap::measure::{Dashboard, Feedback, FeedbackSource, KpiStatus};
use journeymap::model::{new_id, Changes, Id, Project, Record, RecordKind, RecordRef};
use journeymap::{ErrorCode, ProjectFile};
use pretty_assertions::assert_eq;
use std::process::Command;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn as_is(p: &Project) -> Id {
    p.maps[0].id
}

fn touchpoint(p: &Project, title: &str) -> Id {
    p.touchpoints.iter().find(|t| t.title == title).unwrap().id
}

fn stage(p: &Project, name: &str) -> Id {
    p.stages
        .iter()
        .find(|s| s.name == name && s.map_id == as_is(p))
        .unwrap()
        .id
}

/// A mapping of the columns `date, stage, touchpoint, source, sentiment, rating, text`.
fn mapping(p: &Project) -> FeedbackMapping {
    let headers: Vec<String> = [
        "Date",
        "Stage",
        "Touchpoint",
        "Source",
        "Sentiment",
        "Rating",
        "Text",
    ]
    .map(String::from)
    .to_vec();
    FeedbackMapping::guess(&headers, p, as_is(p))
}

const HEADER: &str = "Date,Stage,Touchpoint,Source,Sentiment,Rating,Text\n";

#[test]
fn measures_round_trip_through_a_file_and_cascade_like_the_model() {
    let dir = temp();
    let path = copy_into(dir.path(), &sample_journey(), "m.journey");
    let mut file = ProjectFile::open(&path).unwrap();
    let p = file.project().unwrap().clone();
    assert_eq!(
        p,
        sample(),
        "the sample file holds every measure of the JSON"
    );
    assert!(!p.kpis.is_empty() && !p.feedback.is_empty() && !p.customer_periods.is_empty());

    // Deleting a touchpoint takes its KPIs and top rank, and unlinks (keeps) its feedback.
    let card = touchpoint(&p, "Bag drop queue");
    let linked = p
        .feedback
        .iter()
        .filter(|f| f.touchpoint_id == Some(card))
        .count();
    assert!(linked > 0);
    let delete = Changes {
        put: vec![],
        delete: vec![RecordRef {
            kind: RecordKind::Touchpoint,
            id: card,
        }],
    };
    let mut expected = p.clone();
    expected.apply(&delete);
    file.apply(&delete).unwrap();
    drop(file);
    let reopened = ProjectFile::read(&path).unwrap();
    assert_eq!(
        reopened,
        expected.clone().canonical(),
        "the file cascades as the model does"
    );
    assert!(!reopened.kpis.iter().any(|k| k.touchpoint_id == card));
    assert!(!reopened.top_touchpoints.contains(&card));
    assert_eq!(
        reopened.feedback.len(),
        p.feedback.len(),
        "feedback is kept"
    );
    assert!(!reopened
        .feedback
        .iter()
        .any(|f| f.touchpoint_id == Some(card)));

    // Deleting a stage deletes the feedback about it.
    let security = stage(&reopened, "Security");
    let mut file = ProjectFile::open(&path).unwrap();
    file.apply(&Changes {
        put: vec![],
        delete: vec![RecordRef {
            kind: RecordKind::Stage,
            id: security,
        }],
    })
    .unwrap();
    assert!(!file
        .project()
        .unwrap()
        .feedback
        .iter()
        .any(|f| f.stage_id == security));
    let check: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn invalid_measures_are_refused_before_anything_is_written() {
    let dir = temp();
    let path = copy_into(dir.path(), &sample_journey(), "m.journey");
    let before = std::fs::read(&path).unwrap();
    let mut file = ProjectFile::open(&path).unwrap();
    let p = file.project().unwrap().clone();
    let mut bad = p.feedback[0].clone();
    bad.sentiment = 3;
    let mut too_many = p.top_touchpoints.clone();
    too_many.extend(
        p.touchpoints
            .iter()
            .map(|t| t.id)
            .filter(|t| !p.top_touchpoints.contains(t))
            .take(4),
    );
    let mut kpi = p.kpis[0].clone();
    kpi.target = f64::NAN;
    for change in [
        Record::Feedback(bad),
        Record::TopTouchpoints(too_many),
        Record::Kpi(kpi),
    ] {
        let err = file
            .apply(&Changes {
                put: vec![change],
                delete: vec![],
            })
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidProject, "{err}");
    }
    drop(file);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
}

#[test]
fn dashboard_figures_come_from_the_project() {
    let p = sample();
    let d = Dashboard::compute(&p, Some(as_is(&p)), day("2026-11-22"));
    assert_eq!(d.top_touchpoints.len(), 12);
    assert_eq!(d.top_touchpoints[0].title, "Online check-in");
    assert_eq!(d.top_touchpoints[0].rank, 1);
    // The top touchpoints' KPIs come first, then the others.
    let first_other = d.kpis.iter().position(|k| !k.top).unwrap();
    assert!(d.kpis[first_other..].iter().all(|k| !k.top));
    // The counts cover every KPI the table shows; the top touchpoints' are counted apart.
    let c = &d.kpi_counts;
    assert_eq!(
        (c.met + c.near + c.missed + c.no_data) as usize,
        d.kpis.len()
    );
    let near = d
        .kpis
        .iter()
        .filter(|k| k.status == journeymap::measure::KpiStatus::Near)
        .count();
    assert_eq!(c.near as usize, near);
    let t = &d.top_kpi_counts;
    assert_eq!(
        (t.met + t.near + t.missed + t.no_data) as usize,
        first_other
    );
    // Reliability counts add up to the map's touchpoints.
    let cards = p
        .touchpoints
        .iter()
        .filter(|t| t.map_id == as_is(&p))
        .count() as u32;
    let r = &d.reliability;
    assert_eq!(r.broken + r.reliable + r.differentiating, cards);
    assert_eq!(r.unrated, 0, "every card of the sample is rated");
    assert_eq!(r.stages.iter().map(|s| s.broken).sum::<u32>(), r.broken);
    // A card nobody has rated is counted apart, not as reliable.
    let mut q = p.clone();
    let fresh = q
        .touchpoints
        .iter_mut()
        .find(|t| {
            t.map_id == as_is(&p) && t.reliability == journeymap::model::Reliability::Reliable
        })
        .unwrap();
    fresh.reliability = journeymap::model::Reliability::Unrated;
    let stage = fresh.stage_id;
    let u = Dashboard::compute(&q, Some(as_is(&q)), day("2026-11-22")).reliability;
    assert_eq!(
        (u.unrated, u.reliable, u.broken),
        (1, r.reliable - 1, r.broken)
    );
    let s = u.stages.iter().find(|s| s.stage_id == stage).unwrap();
    assert_eq!(s.unrated, 1);
    assert_eq!(q.summary().unrated, 1);
    // Feedback: customer and employee split, per stage, and a month-by-month trend.
    assert_eq!(
        d.feedback.total,
        d.feedback.customer_count + d.feedback.employee_count
    );
    assert_eq!(
        d.feedback.stages.iter().map(|s| s.count).sum::<u32>(),
        d.feedback.total
    );
    assert_eq!(
        d.feedback.months.first().map(String::as_str),
        Some("2026-06")
    );
    assert_eq!(
        d.feedback.months.last().map(String::as_str),
        Some("2026-11")
    );
    for t in &d.feedback.trend {
        assert_eq!(t.sentiment.len(), d.feedback.months.len());
    }
    assert_eq!(d.customers.len(), 6);
    assert_eq!(d.customers[1].at_start, d.customers[0].at_end);
    assert_eq!(d.pillars.len(), 10);
    assert_eq!(d.pillar_average, Some(3.0));

    // Judged a year earlier, nothing had been measured yet.
    let early = Dashboard::compute(&p, Some(as_is(&p)), day("2025-06-01"));
    assert!(early
        .kpis
        .iter()
        .all(|k| k.status == KpiStatus::NoData && k.series.is_empty()));
    assert_eq!(early.feedback.total, 0);
}

#[test]
fn a_well_formed_csv_imports_with_guessed_columns() {
    let p = sample();
    let csv = "\u{feff}When,Journey stage,Touch point,Channel,Sentiment,Stars,Comment\n\
         2026-11-02,Security,Fast track lane,Survey,2,9,Quick today\n\
         03/11/2026,board,,phone call,negative,,\"Gate moved, nobody said; \"\"again\"\"\"\n\
         2026-11-04T09:30:00,Prepare,Online check-in,Gate staff,-1,,Staff: app froze\n";
    let preview = feedback_csv::preview(csv.as_bytes(), &p, as_is(&p), None).unwrap();
    let m = &preview.mapping;
    assert_eq!(
        (
            m.date,
            m.stage,
            m.touchpoint,
            m.source,
            m.sentiment,
            m.rating,
            m.text
        ),
        (
            Some(0),
            Some(1),
            Some(2),
            Some(3),
            Some(4),
            Some(5),
            Some(6)
        )
    );
    assert_eq!(preview.total_rows, 3);
    assert_eq!(preview.error_count, 0);
    assert_eq!(preview.rows[1].stage, "Board");
    let items = feedback_csv::import(csv.as_bytes(), &p, m, new_id).unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[0].touchpoint_id,
        Some(touchpoint(&p, "Fast track lane"))
    );
    assert_eq!(items[0].rating, Some(9));
    assert_eq!(items[1].date, day("2026-11-03"), "day first by default");
    assert_eq!(items[1].source, FeedbackSource::Call);
    assert_eq!(items[1].text, "Gate moved, nobody said; \"again\"");
    assert_eq!(items[1].sentiment, -1);
    assert_eq!(items[2].source, FeedbackSource::Employee);
    assert_eq!(items[2].date, day("2026-11-04"));

    // Month-first dates, a fixed stage, and sentiment derived from a rating.
    let csv = "Date,Text,Score\n11/03/2026,Fine,8\n";
    let mut m = FeedbackMapping::guess(&["Date", "Text", "Score"].map(String::from), &p, as_is(&p));
    m.day_first = false;
    m.default_stage = Some(stage(&p, "Board"));
    let items = feedback_csv::import(csv.as_bytes(), &p, &m, new_id).unwrap();
    assert_eq!(items[0].date, day("2026-11-03"));
    assert_eq!(items[0].sentiment, 1, "a rating of 8 reads as positive");
    assert_eq!(items[0].stage_id, stage(&p, "Board"));
}

#[test]
fn broken_csvs_name_every_bad_line_and_import_nothing() {
    let p = sample();
    let m = mapping(&p);
    let cases: [(&[u8], &[u64], &str); 6] = [
        (
            b"Date,Stage,Touchpoint,Source,Sentiment,Rating,Text\n2026-01-01,Board\n2026-01-02,Board,,survey,1,,ok\n2026-01-03,Board,,survey,1\n",
            &[2, 4],
            "columns",
        ),
        (
            b"Date,Stage,Touchpoint,Source,Sentiment,Rating,Text\n2026-02-30,Board,,survey,1,,a\nyesterday,Board,,survey,1,,b\n2026-01-01,Board,,survey,1,,c\n",
            &[2, 3],
            "not a date",
        ),
        (
            b"Date,Stage,Touchpoint,Source,Sentiment,Rating,Text\n2026-01-01,Board,,survey,1,,ok\n2026-01-01,Board,,survey,1,,caf\xe9\n",
            &[3],
            "UTF-8",
        ),
        (
            b"Date,Stage,Touchpoint,Source,Sentiment,Rating,Text\n2026-01-01,Lounge,,survey,1,,a\n2026-01-01,Board,Jet bridge,survey,1,,b\n",
            &[2, 3],
            "no ",
        ),
        (
            b"Date,Stage,Touchpoint,Source,Sentiment,Rating,Text\n2026-01-01,Board,,pigeon,1,,a\n2026-01-01,Board,,survey,5,,b\n2026-01-01,Board,,survey,1,11,c\n2026-01-01,Board,,survey,1,,\n",
            &[2, 3, 4, 5],
            "",
        ),
        (b"", &[1], "empty"),
    ];
    for (bytes, lines, words) in cases {
        let err = feedback_csv::import(bytes, &p, &m, new_id).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidImport);
        let journeymap::Error::InvalidImport { lines: got, total } = &err else {
            unreachable!()
        };
        assert_eq!(
            got.iter().map(|l| l.line).collect::<Vec<_>>(),
            lines,
            "{err}"
        );
        assert_eq!(*total, lines.len());
        assert!(err.to_string().contains(words), "{err}");
        assert!(err.to_string().contains("nothing was imported"), "{err}");
    }
    // A mapping without a date column is refused before any row is read.
    let mut no_date = m.clone();
    no_date.date = None;
    let err = feedback_csv::import(HEADER.as_bytes(), &p, &no_date, new_id).unwrap_err();
    assert!(err.to_string().contains("date"), "{err}");
}

#[test]
fn a_hundred_thousand_rows_import_whole_or_not_at_all() {
    let dir = temp();
    let path = copy_into(dir.path(), &sample_journey(), "big.journey");
    let p = ProjectFile::read(&path).unwrap();
    let stages = [
        "Prepare",
        "Get to the airport",
        "Check in & bag drop",
        "Security",
        "Wait airside",
        "Board",
    ];
    let mut csv = String::from(HEADER);
    for i in 0..100_000 {
        csv.push_str(&format!(
            "2026-{:02}-{:02},{},,{},{},{},Row {i} said something\n",
            1 + i % 12,
            1 + i % 28,
            stages[i % stages.len()],
            ["survey", "review", "social", "call", "employee"][i % 5],
            (i % 5) as i32 - 2,
            i % 11
        ));
    }
    let m = mapping(&p);
    let items = feedback_csv::import(csv.as_bytes(), &p, &m, new_id).unwrap();
    assert_eq!(items.len(), 100_000);
    let mut file = ProjectFile::open(&path).unwrap();
    file.apply(&Changes {
        put: items.into_iter().map(Record::Feedback).collect(),
        delete: vec![],
    })
    .unwrap();
    drop(file);
    assert_eq!(
        ProjectFile::read(&path).unwrap().feedback.len(),
        p.feedback.len() + 100_000
    );

    // One bad row deep in the file: its line is named, and nothing is returned.
    let broken: String = csv
        .lines()
        .map(|l| match l.split_once(',') {
            Some((_, rest)) if l.ends_with(",Row 73459 said something") => {
                format!("2026-02-30,{rest}\n")
            }
            _ => format!("{l}\n"),
        })
        .collect();
    assert!(broken.contains("2026-02-30"), "row 73459 was broken");
    let err = feedback_csv::import(broken.as_bytes(), &p, &m, new_id).unwrap_err();
    assert!(err.to_string().contains("line 73461"), "{err}");
}

fn strip_ids(mut items: Vec<Feedback>) -> Vec<Feedback> {
    for f in &mut items {
        f.id = Id::nil();
    }
    items.sort_by(|a, b| (a.date, &a.text, a.sentiment).cmp(&(b.date, &b.text, b.sentiment)));
    items
}

#[test]
fn exported_feedback_imports_back_the_same() {
    let mut p = sample();
    // Text a spreadsheet would take for formulas must come back unchanged.
    p.feedback[0].text = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
    p.feedback[1].text = "-2 stars, would not fly again".into();
    p.feedback[2].text = "@gate staff: thanks\nSecond line, with \"quotes\"".into();
    let map = as_is(&p);
    let bytes = tables::export(&p, Table::Feedback);
    let table = read_table(&bytes).unwrap();
    let text_col = table.headers.iter().position(|h| h == "Text").unwrap();
    let cells: Vec<&str> = table
        .rows
        .iter()
        .map(|r| r.cells[text_col].as_str())
        .collect();
    assert!(cells.contains(&"'=HYPERLINK(\"http://evil.example\",\"click\")"));
    assert!(cells.contains(&"'-2 stars, would not fly again"));
    assert!(
        !cells.iter().any(|c| c.starts_with(['=', '+', '-', '@'])),
        "no cell reads as a formula"
    );

    let mut m = FeedbackMapping::guess(&table.headers, &p, map);
    assert_eq!(m.text, Some(text_col as u32));
    m.map_id = map;
    let back = feedback_csv::import(&bytes, &p, &m, new_id).unwrap();
    let original: Vec<Feedback> = p
        .feedback
        .iter()
        .filter(|f| f.map_id == map)
        .cloned()
        .collect();
    assert_eq!(strip_ids(back), strip_ids(original));
    assert_eq!(
        tables::export(&p, Table::Feedback),
        bytes,
        "the export is deterministic"
    );
}

#[test]
fn touchpoint_and_kpi_exports_escape_text_and_keep_numbers() {
    let mut p = sample();
    p.touchpoints[0].title = "+44 call centre".into();
    p.touchpoints[0].owner = "=cmd|' /C calc'!A0".into();
    let bytes = tables::export(&p, Table::Touchpoints);
    let table = read_table(&bytes).unwrap();
    assert_eq!(table.rows.len(), p.touchpoints.len());
    let row = table
        .rows
        .iter()
        .find(|r| r.cells.contains(&"'+44 call centre".to_string()))
        .unwrap();
    assert!(row.cells.contains(&"'=cmd|' /C calc'!A0".to_string()));
    let emotion = table.headers.iter().position(|h| h == "Emotion").unwrap();
    assert!(
        table.rows.iter().any(|r| r.cells[emotion].starts_with('-')),
        "negative numbers stay numbers"
    );

    let kpis = read_table(&tables::export(&p, Table::Kpis)).unwrap();
    let measured: usize = p.kpis.iter().map(|k| k.measurements.len().max(1)).sum();
    assert_eq!(kpis.rows.len(), measured, "one row per measurement");
    assert_eq!(kpis.headers[..3], ["Touchpoint", "Stage", "KPI"]);
}

fn journeymap(args: &[&str], cwd: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

#[test]
fn the_cli_shows_imports_and_exports_measures() {
    let dir = temp();
    let d = dir.path();
    copy_into(d, &sample_journey(), "s.journey");
    let out = journeymap(
        &["dashboard", "s.journey", "--today", "2026-11-22", "--json"],
        d,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["topTouchpoints"].as_array().unwrap().len(), 12);
    assert_eq!(json["pillars"].as_array().unwrap().len(), 10);
    let out = journeymap(&["dashboard", "s.journey", "--today", "2026-11-22"], d);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Online check-in") && text.contains("churn"),
        "{text}"
    );

    std::fs::write(
        d.join("in.csv"),
        "Datum;Stage;Text;Tone\n2026-11-20;Board;Smooth boarding;positive\n2026-11-21;Board;Late gate;-2\n",
    )
    .unwrap();
    let args = [
        "import-feedback",
        "s.journey",
        "--csv",
        "in.csv",
        "--column",
        "date=Datum",
        "--source",
        "review",
    ];
    let dry: Vec<&str> = args.iter().copied().chain(["--dry-run"]).collect();
    let out = journeymap(&dry, d);
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 rows would be imported"));
    let out = journeymap(&args, d);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p = ProjectFile::read(d.join("s.journey")).unwrap();
    assert_eq!(p.feedback.len(), sample().feedback.len() + 2);
    assert!(p
        .feedback
        .iter()
        .any(|f| f.text == "Late gate" && f.sentiment == -2 && f.source == FeedbackSource::Review));

    std::fs::write(
        d.join("bad.csv"),
        "Date,Stage,Text,Sentiment\n2026-11-20,Board,ok,1\n2026-13-01,Board,bad,1\n",
    )
    .unwrap();
    let out = journeymap(&["import-feedback", "s.journey", "--csv", "bad.csv"], d);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error[invalid-import]") && err.contains("line 3"),
        "{err}"
    );
    assert_eq!(
        ProjectFile::read(d.join("s.journey"))
            .unwrap()
            .feedback
            .len(),
        p.feedback.len()
    );

    let out = journeymap(
        &["export-csv", "s.journey", "--table", "kpis", "-o", "k.csv"],
        d,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(d.join("k.csv"))
        .unwrap()
        .contains("Median queue time"));
}

#[test]
fn room_results_count_authors_votes_and_ratings() {
    use journeymap::measure::{signed, RoomResults};
    use journeymap::model::RoomRating;
    let mut p = journeymap::app::generate::project(40, 2);
    for n in &mut p.notes {
        n.author.clear();
        n.votes = 0;
    }
    p.touchpoints.iter_mut().for_each(|t| t.votes = 0);
    assert!(RoomResults::of(&p).is_empty());
    p.notes[0].author = "Ana".into();
    p.notes[1].author = "Ben".into();
    p.notes[2].author = "Ana".into();
    p.notes[1].votes = 2;
    p.touchpoints[3].votes = 5;
    p.stages[0].room_rating = RoomRating::of([-2, 1]);
    let r = RoomResults::of(&p);
    assert_eq!(r.authors, vec![("Ana".into(), 2), ("Ben".into(), 1)]);
    assert_eq!((r.notes(), r.votes()), (3, 7));
    assert_eq!(
        r.summary(),
        "3 notes from 2 participants, 7 dot votes, 1 stage rated"
    );
    assert_eq!(r.voted[0].text, p.touchpoints[3].title);
    assert!(r.voted[0].card && !r.voted[1].card);
    assert_eq!(r.ratings.len(), 1);
    let rating = r.ratings[0].rating;
    assert_eq!(
        (rating.mean, rating.low, rating.high, rating.count),
        (-0.5, -2, 1, 2)
    );
    assert_eq!(
        (signed(-0.5), signed(1.25), signed(0.0)),
        ("−0.5".into(), "+1.3".into(), "0".into())
    );
}
