//! Core benchmarks at 1,000 and 10,000 touchpoints (with as many connectors, notes and the
//! usual stages and lanes): open a project, autosave one edit, save-as, JSON export and import,
//! and the PDF report at 500 and 1,000 touchpoints; the dashboard's figures, a 100,000-row feedback
//! CSV import, and the map as SVG and PNG. Generated projects carry KPIs and one piece of feedback
//! per touchpoint. Targets (docs/performance.md): open 10k < 150 ms, one autosave < 5 ms, report
//! of 500 < 300 ms. Run: `cargo bench --bench core`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use journeymap::interchange::json;
use journeymap::model::{Changes, Record};
use journeymap::report::{render, Paper, ReportOptions, Section};
use journeymap::storage::write_new;
use journeymap::ProjectFile;
use std::hint::black_box;
use std::time::Duration;

const SIZES: [usize; 2] = [1_000, 10_000];

fn files(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("project file");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    for n in SIZES {
        let project = journeymap::app::generate::project(n, 7);
        let path = dir.path().join(format!("p{n}.journey"));
        write_new(&path, &project, true).unwrap();

        group.bench_with_input(BenchmarkId::new("open", n), &path, |b, path| {
            b.iter(|| black_box(ProjectFile::open(path).unwrap()));
        });

        let mut file = ProjectFile::open(&path).unwrap();
        let mut card = project.touchpoints[n / 2].clone();
        let mut i = 0u64;
        group.bench_function(BenchmarkId::new("autosave one edit", n), |b| {
            b.iter(|| {
                i += 1;
                card.title = format!("Edit {i}");
                file.apply(&Changes {
                    put: vec![Record::Touchpoint(card.clone())],
                    delete: vec![],
                })
                .unwrap();
            });
        });
        drop(file);

        let copy = dir.path().join(format!("copy{n}.journey"));
        group.bench_with_input(BenchmarkId::new("save as", n), &project, |b, project| {
            b.iter(|| write_new(&copy, project, true).unwrap());
        });

        let text = json::to_json(&project);
        group.bench_with_input(
            BenchmarkId::new("json export", n),
            &project,
            |b, project| {
                b.iter(|| black_box(json::to_json(project)));
            },
        );
        group.bench_with_input(BenchmarkId::new("json import", n), &text, |b, text| {
            b.iter(|| black_box(json::from_json(text.as_bytes()).unwrap()));
        });
    }
    group.finish();
}

fn report(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf report");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(6));
    let options = ReportOptions {
        paper: Paper::A4,
        sections: Section::ALL.to_vec(),
        today: "2026-11-23".parse().unwrap(),
        created: chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap(),
        author: "Benchmark".into(),
        measures_map: None,
    };
    for n in [500, 1_000] {
        let project = journeymap::app::generate::project(n, 7);
        let size = render(&project, &options).unwrap().len();
        eprintln!("report of {n} touchpoints: {} KB", size / 1024);
        group.bench_with_input(BenchmarkId::new("render", n), &project, |b, project| {
            b.iter(|| black_box(render(project, &options).unwrap()));
        });
    }
    group.finish();
}

fn measures(c: &mut Criterion) {
    use journeymap::interchange::feedback_csv::{self, FeedbackMapping};
    use journeymap::measure::Dashboard;
    let mut group = c.benchmark_group("measures");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    let today = "2026-11-23".parse().unwrap();
    for n in SIZES {
        let project = journeymap::app::generate::project(n, 7);
        group.bench_with_input(BenchmarkId::new("dashboard", n), &project, |b, p| {
            b.iter(|| black_box(Dashboard::compute(p, Some(p.maps[0].id), today)));
        });
    }
    let project = journeymap::app::generate::project(1_000, 7);
    let mut csv = String::from("Date,Stage,Source,Sentiment,Text\n");
    for i in 0..100_000 {
        csv.push_str(&format!(
            "2026-{:02}-{:02},Use,survey,{},Row {i} of the survey\n",
            1 + i % 12,
            1 + i % 28,
            (i % 5) - 2
        ));
    }
    let headers: Vec<String> = ["Date", "Stage", "Source", "Sentiment", "Text"]
        .map(String::from)
        .to_vec();
    let mapping = FeedbackMapping::guess(&headers, &project, project.maps[0].id);
    group.bench_function("feedback csv import 100k rows", |b| {
        b.iter(|| {
            black_box(
                feedback_csv::import(
                    csv.as_bytes(),
                    &project,
                    &mapping,
                    journeymap::model::new_id,
                )
                .unwrap(),
            )
        });
    });
    group.finish();
}

fn pictures(c: &mut Criterion) {
    let mut group = c.benchmark_group("map picture");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(6));
    let project = journeymap::app::generate::project(1_000, 7);
    let map = project.maps[0].id;
    group.bench_function("svg 1000", |b| {
        b.iter(|| black_box(journeymap::export::map_svg(&project, map, None).unwrap()));
    });
    let sample = journeymap::interchange::json::from_json(
        &std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample.json")).unwrap(),
    )
    .unwrap();
    group.bench_function("png sample 2x", |b| {
        b.iter(|| {
            black_box(journeymap::export::map_png(&sample, sample.maps[0].id, None, 2.0).unwrap())
        });
    });
    group.finish();
}

criterion_group!(benches, files, report, measures, pictures);
criterion_main!(benches);
