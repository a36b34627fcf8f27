//! The PDF report, checked with the tools a reviewer would use: qpdf (structure), pdffonts
//! (every font embedded), pdftotext (every touchpoint title extracts), pdfinfo (pages), and the
//! outline (bookmarks). Requires qpdf and poppler-utils (installed by scripts/setup.sh).

use super::support::{sample, temp};
use journeymap::model::Project;
use journeymap::report::{map_pages, render, Paper, ReportOptions, Section};
use std::path::Path;
use std::process::Command;

fn options(paper: Paper) -> ReportOptions {
    ReportOptions {
        paper,
        sections: Section::ALL.to_vec(),
        today: "2026-11-23".parse().unwrap(),
        created: chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap(),
        author: "Test manager".into(),
        measures_map: None,
    }
}

fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} is installed: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text without white space, nor the embedding marks poppler puts around right-to-left runs.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{202A}'..='\u{202E}'))
        .collect()
}

/// Writes the report and runs every check; returns the extracted text.
fn check(project: &Project, paper: Paper, path: &Path) -> String {
    let bytes = render(project, &options(paper)).unwrap();
    std::fs::write(path, &bytes).unwrap();
    let p = path.to_str().unwrap();
    assert!(tool("qpdf", &["--check", p]).contains("No syntax or stream encoding errors"));
    let fonts = tool("pdffonts", &[p]);
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let n = cols.len();
        assert!(
            n >= 5 && cols[n - 5] == "yes",
            "every font is embedded: {line}"
        );
        assert_eq!(cols[n - 4], "yes", "every font is subset: {line}");
    }
    let info = tool("pdfinfo", &[p]);
    assert!(
        info.contains(&format!("Title:           {}", project.info.name)),
        "{info}"
    );
    assert!(info.contains("Author:          Test manager"));
    let text = tool("pdftotext", &[p, "-"]);
    let flat = squash(&text);
    for t in &project.touchpoints {
        assert!(
            flat.contains(&squash(&t.title)),
            "the title {:?} extracts from the PDF",
            t.title
        );
    }
    text
}

fn pages(path: &Path) -> usize {
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn outline(path: &Path) -> Vec<String> {
    let json = tool(
        "qpdf",
        &["--json", "--json-key=outlines", path.to_str().unwrap()],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn sections_with_nothing_to_show_are_left_out() {
    let dir = temp();
    let path = dir.path().join("young.pdf");
    // A project a workshop has just begun: no redesign, no pillar scored, no persona.
    let mut project = sample();
    project.redesigns.clear();
    project.personas.clear();
    for m in project.maps.iter_mut() {
        m.persona_id = None;
        m.other_personas.clear();
    }
    for p in project.pillars.iter_mut() {
        p.score = None;
    }
    project.opportunities.retain(|o| o.redesign_id.is_none());
    check(&project, Paper::A4, &path);
    let sections = outline(&path);
    for gone in ["Redesign tracker", "Ten-pillar self-assessment", "Personas"] {
        assert!(
            !sections.iter().any(|s| s == gone),
            "{gone} left out: {sections:?}"
        );
    }
    assert!(sections.iter().any(|s| s == "Customer-experience measures"));
}

#[test]
fn sample_report_is_complete_valid_and_small() {
    let dir = temp();
    let path = dir.path().join("sample.pdf");
    let text = check(&sample(), Paper::A4, &path);
    assert!(text.contains("Moments of truth") && text.contains("Redesign tracker"));
    // The sample's workshop: notes by participant, the most-voted, the stages as the room rated them.
    assert!(text.contains("11 notes from 5 participants"), "{text}");
    assert!(text.contains("Amara") && text.contains("Delays announced late with no reason"));
    assert!(text.contains("−1.4") && text.contains("−2 to 0"));
    assert!(text.contains("Page 1 of"), "pages are numbered");
    // The open threads, with replies; resolved ones counted.
    assert!(
        text.contains("3 open threads, 1 resolved (not listed)"),
        "{text}"
    );
    let flat = squash(&text);
    assert!(flat.contains("nobodyhasaskedforthem") && !flat.contains("Settledwithlegal"));
    let n = pages(&path);
    assert!(
        text.contains(&format!("{n} pages")),
        "the cover states the page count ({n})"
    );
    assert_eq!(
        outline(&path),
        [
            "Cover",
            "Personas",
            "Journey map: Check-in to boarding (as-is)",
            "Journey map: Check-in to boarding (to-be)",
            "Moments of truth",
            "Touchpoints",
            "Workshop room",
            "Customer-experience measures",
            "Ten-pillar self-assessment",
            "Opportunities",
            "Redesign tracker",
            "Open comments"
        ]
    );
    assert!(
        std::fs::metadata(&path).unwrap().len() < 400_000,
        "fonts are subset"
    );

    // Each map whole on an overview page, then stage by stage with titles legible.
    assert!(text.contains("numbers are touchpoints in the touchpoint table"));
    assert!(
        text.contains("Stages 1–2 of 6: Prepare, Get to the airport"),
        "{text}"
    );
    // Who the maps are for: each persona's words and the maps that follow them; Maya's portrait
    // (a PNG) is on the page, the family's initials drawn.
    assert!(
        flat.contains("Maya,theregular")
            && flat.contains("Ifthe")
            && flat.contains("Maps:Check-intoboarding(as-is)(anemotionline)"),
        "{text}"
    );
    let images = tool("pdfimages", &["-list", path.to_str().unwrap()]);
    assert!(
        images
            .lines()
            .any(|l| l.split_whitespace().nth(3) == Some("256")),
        "Maya's 256-pixel portrait: {images}"
    );
    // The kiosk's photo goes in as its own JPEG bytes (DCT), not as raw pixels.
    let kiosk = images
        .lines()
        .find(|l| l.split_whitespace().nth(3) == Some("320"))
        .unwrap_or_else(|| panic!("the kiosk photo is in the report: {images}"));
    assert_eq!(kiosk.split_whitespace().nth(8), Some("jpeg"), "{kiosk}");
    let bytes = std::fs::read(&path).unwrap();
    let photo = &sample().pictures[0].data;
    assert!(bytes.windows(photo.len()).any(|w| w == photo.as_slice()));
    let a3 = dir.path().join("a3.pdf");
    check(&sample(), Paper::A3, &a3);
    assert!(pages(&a3) < n, "A3 needs fewer detail pages");
}

#[test]
fn a_map_with_nothing_on_it_gets_its_overview_alone() {
    let mut project = sample();
    let blank = journeymap::model::starter_map(
        "Blank workshop map",
        journeymap::model::MapKind::AsIs,
        9,
        journeymap::model::new_id,
    );
    project.apply(&blank);
    // Wide enough that a map with cards would need detail pages.
    let plan = map_pages(&project, Paper::A4);
    let pages: Vec<_> = plan
        .iter()
        .filter(|p| p.map == "Blank workshop map")
        .collect();
    assert_eq!(pages.len(), 1, "no empty detail pages");
    assert!(pages[0].overview);
    assert!(
        plan.iter().any(|p| !p.overview),
        "the sample's maps still get theirs"
    );
}

#[test]
fn every_map_gets_one_overview_and_detail_pages_split_only_between_stages() {
    use journeymap::model::{LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT};
    let large = journeymap::app::generate::project(500, 3);
    for project in [sample(), large] {
        for paper in [Paper::A4, Paper::Letter, Paper::A3] {
            let plan = map_pages(&project, paper);
            assert_eq!(
                plan.iter().filter(|p| p.overview).count(),
                project.maps.len(),
                "one overview per map on {paper:?}"
            );
            for map in &project.maps {
                let stages = project.stages_of(map.id);
                let lanes = project.lanes_of(map.id);
                let mut edges = vec![LANE_HEADER_WIDTH];
                for s in &stages {
                    edges.push(edges.last().unwrap() + s.width);
                }
                let mut tops = vec![STAGE_HEADER_HEIGHT];
                for l in &lanes {
                    tops.push(tops.last().unwrap() + l.height);
                }
                let details: Vec<_> = plan
                    .iter()
                    .filter(|p| p.map == map.name && !p.overview)
                    .collect();
                let mut covered = vec![0; stages.len() * lanes.len()];
                for page in &details {
                    let (left, top, right, bottom) = page.area;
                    assert_eq!(left, edges[page.stages.start], "starts at a stage's edge");
                    assert!(
                        right >= edges[page.stages.end]
                            && (page.stages.end == stages.len() || right == edges[page.stages.end]),
                        "ends at a stage's edge"
                    );
                    assert_eq!(top, tops[page.lanes.start], "starts at a lane's edge");
                    assert!(bottom >= tops[page.lanes.end]);
                    assert!(page.scale * 13.0 >= 5.5, "titles at least 5.5 pt");
                    for s in page.stages.clone() {
                        for l in page.lanes.clone() {
                            covered[l * stages.len() + s] += 1;
                        }
                    }
                    assert_eq!(
                        page.stage_names,
                        stages[page.stages.clone()]
                            .iter()
                            .map(|s| s.name.clone())
                            .collect::<Vec<_>>()
                    );
                }
                if !details.is_empty() {
                    assert!(covered.iter().all(|&c| c == 1), "every stage and lane once");
                }
            }
        }
    }
}

#[test]
fn table_cells_set_a_long_word_smaller_rather_than_cut_it() {
    let dir = temp();
    let path = dir.path().join("touchpoints.pdf");
    let mut project = sample();
    let map = project.maps[0].id;
    let card = project
        .touchpoints
        .iter_mut()
        .find(|t| t.map_id == map)
        .unwrap();
    card.channel = "Housekeeping".into();
    card.owner = "Restaurants".into();
    let mut options = options(Paper::A4);
    options.sections = vec![Section::Touchpoints];
    std::fs::write(
        &path,
        journeymap::report::render(&project, &options).unwrap(),
    )
    .unwrap();
    let text = tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert!(text.contains("Housekeeping"), "{text}");
    assert!(text.contains("Restaurants"), "{text}");
    assert!(text.contains("differentiating"), "{text}");
    // Two maps: each map's cards under its own name (they may share stage and card names).
    for m in &project.maps {
        assert!(text.contains(&m.name), "{} heads its cards", m.name);
    }
}

#[test]
fn the_measures_section_prints_the_dashboard_figures() {
    let dir = temp();
    let path = dir.path().join("measures.pdf");
    let mut project = sample();
    // Two cards nobody has rated: the table gets a "Not rated" column, the cover counts them.
    let map = project.maps[0].id;
    for t in project
        .touchpoints
        .iter_mut()
        .filter(|t| t.map_id == map)
        .take(2)
    {
        t.reliability = journeymap::model::Reliability::Unrated;
    }
    let mut options = options(Paper::A4);
    options.sections = vec![Section::Cover, Section::Measures];
    let bytes = journeymap::report::render(&project, &options).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let text = squash(&tool("pdftotext", &[path.to_str().unwrap(), "-"]));
    let d =
        journeymap::measure::Dashboard::compute(&project, Some(project.maps[0].id), options.today);
    for k in &d.kpis {
        assert!(text.contains(&squash(&k.name)), "KPI {} is listed", k.name);
    }
    for s in &d.reliability.stages {
        assert!(text.contains(&squash(&s.name)));
    }
    assert_eq!(d.reliability.unrated, 2);
    assert!(text.contains("Notrated"), "the table's column");
    assert!(text.contains("differentiating,2notrated"), "the cover");
    for f in &d.customers {
        assert!(text.contains(&squash(&f.label)), "period {}", f.label);
        assert!(
            text.contains(&format!("+{}", f.gained)),
            "customers gained in {}",
            f.label
        );
    }
    for p in &d.pillars {
        assert!(
            text.contains(&squash(p.pillar.label())),
            "pillar {:?}",
            p.pillar
        );
    }
    let c = &d.kpi_counts;
    assert!(
        text.contains(&squash(&format!(
            "KPIs {} met, {} near, {} missed, {} no data (top touchpoints: {})",
            c.met,
            c.near,
            c.missed,
            c.no_data,
            d.top_kpi_counts.summary()
        ))) && !text.contains("pillars…"),
        "the summary carries the dashboard's counts"
    );
    assert_eq!(
        outline(&path),
        [
            "Cover",
            "Customer-experience measures",
            "Ten-pillar self-assessment"
        ]
    );
    assert!(tool("qpdf", &["--check", path.to_str().unwrap()])
        .contains("No syntax or stream encoding errors"));
}

#[test]
fn the_measures_cover_the_map_asked_for() {
    use journeymap::model::MapKind;
    let dir = temp();
    let path = dir.path().join("measures.pdf");
    let project = sample();
    let as_is = project
        .maps
        .iter()
        .find(|m| m.kind == MapKind::AsIs)
        .unwrap();
    let other = project.maps.iter().find(|m| m.id != as_is.id).unwrap();
    let heading = |map: Option<journeymap::model::Id>| {
        let mut options = options(Paper::A4);
        options.sections = vec![Section::Measures];
        options.measures_map = map;
        std::fs::write(
            &path,
            journeymap::report::render(&project, &options).unwrap(),
        )
        .unwrap();
        squash(&tool("pdftotext", &[path.to_str().unwrap(), "-"]))
    };
    let on = |m: &journeymap::model::JourneyMap| squash(&format!("{} on 2026-11-23", m.name));
    let default = heading(None);
    assert!(default.contains(&on(as_is)), "the as-is map by default");
    let asked = heading(Some(other.id));
    assert!(asked.contains(&on(other)), "{asked}");
    assert!(!asked.contains(&on(as_is)));
}

#[test]
fn the_opportunities_page_ranks_them_and_shows_a_redesigns_progress() {
    use journeymap::model::{ranked_opportunities, OpportunityStatus};
    let dir = temp();
    let path = dir.path().join("opportunities.pdf");
    let mut project = sample();
    let mut options = options(Paper::A4);
    options.sections = vec![Section::Opportunities];
    std::fs::write(&path, render(&project, &options).unwrap()).unwrap();
    let text = tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    let ranked: Vec<String> = ranked_opportunities(&project.opportunities, &project.redesigns)
        .iter()
        .map(|o| o.title.clone())
        .collect();
    // In rank order on the page, each with its rank (titles wrap, so their first words).
    let lines: Vec<&str> = text.lines().collect();
    let mut after = 0;
    for (i, title) in ranked.iter().enumerate() {
        let start: String = title.split(' ').take(3).collect::<Vec<_>>().join(" ");
        let found = lines[after..]
            .iter()
            .position(|l| l.trim_start().starts_with(&format!("{} ", i + 1)) && l.contains(&start))
            .unwrap_or_else(|| panic!("{}. {title} in order:\n{text}", i + 1));
        after += found + 1;
    }
    assert!(
        text.contains("4 open: 2 quick wins, 2 big bets, 0 fill-ins, 0 money pits"),
        "{text}"
    );
    let carried = project
        .opportunities
        .iter()
        .find(|o| {
            o.redesign_id.is_some()
                && o.status_with(&project.redesigns) == OpportunityStatus::InRedesign
        })
        .unwrap()
        .title
        .clone();
    let line = text.lines().find(|l| l.contains(&carried[..20])).unwrap();
    assert!(
        line.contains("in redesign"),
        "the redesign's progress shows: {line}"
    );
    assert_eq!(outline(&path), ["Opportunities"]);
    assert!(tool("qpdf", &["--check", path.to_str().unwrap()])
        .contains("No syntax or stream encoding errors"));
    // No opportunities, no page (and the cover stands in for an empty report).
    project.opportunities.clear();
    std::fs::write(&path, render(&project, &options).unwrap()).unwrap();
    assert_eq!(outline(&path), ["Cover"]);
}

#[test]
fn accented_and_cjk_names_print() {
    let dir = temp();
    let mut project = sample();
    project.info.name = "Café Zoë — 顧客体験".into();
    project.touchpoints[0].title = "顧客体験 check-in".into();
    project.touchpoints[1].title = "Café Zoë's kiosk".into();
    let path = dir.path().join("cjk.pdf");
    let text = check(&project, Paper::A4, &path);
    assert!(text.contains("Café Zoë"), "accents survive");
    assert!(squash(&text).contains("顧客体験"), "CJK text extracts");
    assert!(
        tool("pdffonts", &[path.to_str().unwrap()]).contains("DroidSansFallback"),
        "the CJK fallback font is embedded"
    );
}

#[test]
fn hebrew_arabic_korean_and_emoji_print_and_extract_in_logical_order() {
    let dir = temp();
    let mut project = sample();
    let titles = [
        "חשבון סופי",
        "الحساب النهائي للعميل",
        "체크인 카운터 대기열",
        "Boarding 😀 ✈ 🚀 on time",
        "Mixed: שלום world مرحبا",
    ];
    for (t, title) in project.touchpoints.iter_mut().zip(titles) {
        t.title = title.into();
    }
    project.info.name = "Northwind — חשבון סופי — 고객 여정".into();
    let path = dir.path().join("scripts.pdf");
    // check() runs qpdf, requires every font embedded and subset, and finds every title.
    let text = check(&project, Paper::A4, &path);
    // check() found each title in logical order (squash drops poppler's embedding marks).
    assert!(!squash(&text).contains("יפוס"), "Hebrew is not reversed");
    assert!(squash(&text).contains("고객여정") && squash(&text).contains("חשבוןסופי"));
    let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
    assert!(
        fonts.contains("NanumSquare"),
        "Hangul from the Korean font: {fonts}"
    );
    assert!(
        fonts.contains("Symbola"),
        "emoji from the symbol font: {fonts}"
    );
}

#[test]
fn many_personas_flow_over_pages_without_cutting_one() {
    let dir = temp();
    let mut project = sample();
    let template = project.personas[1].clone();
    for i in 0..14 {
        let mut p = template.clone();
        p.id = journeymap::model::new_id();
        p.name = format!("Segment {i:02}");
        p.position = 10 + i;
        p.needs = "Seats together by default, help with the bags and the buggy. ".repeat(4);
        p.quote = format!("Quote number {i}");
        project.personas.push(p);
    }
    let mut opts = options(Paper::A4);
    opts.sections = vec![journeymap::model::Section::Personas];
    let path = dir.path().join("personas.pdf");
    journeymap::report::write(&project, &opts, &path).unwrap();
    let text = tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert!(text.contains("Personas (continued)"), "{text}");
    assert!(
        text.contains("“Quote number 3”"),
        "words typed without quotation marks get them: {text}"
    );
    assert!(pages(&path) >= 2);
    for i in 0..14 {
        let name = format!("Segment {i:02}");
        assert_eq!(text.matches(&name).count(), 1, "{name} printed once, whole");
    }
}

#[test]
fn a_large_project_flows_over_pages_with_repeated_headers() {
    let dir = temp();
    let project = journeymap::app::generate::project(500, 3);
    let path = dir.path().join("large.pdf");
    let text = check(&project, Paper::A4, &path);
    assert!(
        text.matches("Touchpoints (continued)").count() >= 5,
        "the table continues over pages"
    );
    let headers = text.matches("Exp / perf").count();
    assert!(
        headers >= 6,
        "the table header repeats on every page ({headers})"
    );
    assert!(
        std::fs::metadata(&path).unwrap().len() < 1_000_000,
        "under 1 MB"
    );
}

#[test]
fn the_cli_writes_a_report_with_chosen_sections() {
    let dir = temp();
    let out = dir.path().join("cli.pdf");
    let file = super::support::sample_journey();
    let status = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args([
            "report",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--paper",
            "letter",
            "--sections",
            "cover,moments",
            "--today",
            "2026-11-23",
        ])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert_eq!(pages(&out), 2, "cover and one page of moments of truth");
    assert_eq!(outline(&out), ["Cover", "Moments of truth"]);
    // Two maps: a table under each map's name, not the name repeated on every row.
    let text = tool("pdftotext", &[out.to_str().unwrap(), "-"]);
    for map in [
        "Check-in to boarding (as-is)",
        "Check-in to boarding (to-be)",
    ] {
        assert_eq!(text.matches(map).count(), 1, "{map} once: {text}");
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args([
            "report",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--paper",
            "b5",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("error[invalid-input]"));
}

#[test]
fn a_redesign_proposal_goes_to_corporate_and_its_answer_is_recorded() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let file = dir.path().join("p.journey");
    std::fs::copy(super::support::sample_journey(), &file).unwrap();
    let f = file.to_str().unwrap();
    let run = |args: &[&str]| cli(dir.path(), args);
    let redesign = "Online check-in for infant bookings";
    let out = run(&[
        "tracker",
        "propose",
        f,
        "--redesign",
        redesign,
        "--problem",
        "Parents with a baby cannot check in online.",
        "--change",
        "Take the infant's passport details online.",
        "--steps",
        "Add the fields\\nPilot on two routes",
        "--owner",
        "Digital product team",
        "--cost",
        "30 developer days",
        "--employees",
        "Counter agents stop re-keying infant details.",
        "--effect",
        "Families check in online like everyone else.",
        "--kpi",
        "completion rate",
        "--decision",
        "Approve the two-route pilot.",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&[
        "tracker",
        "propose",
        f,
        "--redesign",
        redesign,
        "--kpi",
        "Boarding NPS",
    ]);
    assert!(
        !out.status.success(),
        "a KPI of another touchpoint is refused"
    );

    let out = run(&[
        "proposal",
        f,
        "--redesign",
        redesign,
        "-o",
        "proposal.pdf",
        "--today",
        "2026-11-23",
        "--author",
        "Amara Okafor",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.path().join("proposal.pdf");
    let p = pdf.to_str().unwrap();
    assert!(tool("qpdf", &["--check", p]).contains("No syntax or stream encoding errors"));
    assert!((1..=3).contains(&pages(&pdf)), "1–3 pages");
    assert_eq!(
        std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777,
        0o644 & !umask(),
        "written with the umask's mode"
    );
    let text = squash(&tool("pdftotext", &[p, "-"]));
    for want in [
        "Proposal: Online check-in for infant bookings",
        "Online check-in",
        "Completion rate",
        "Parents with a baby cannot check in online.",
        "1. Add the fields",
        "2. Pilot on two routes",
        "Online check-in kept timing out on the passport page",
        "Measured by the KPI “Completion rate”",
        "Corporate's decision",
        "Approved with changes",
        "Signature",
        "Prepared for Customer experience board by Amara Okafor",
        // The stage's cards are too small for titles in the picture: numbered, with a key
        // naming them in reading order.
        "Check-in reminder email Online check-in Seat selection Boarding pass in phone wallet",
    ] {
        assert!(text.contains(&squash(want)), "{want:?} in the proposal");
    }
    // A stage mid-map: the stages beside it are clipped out of the picture, and out of the
    // PDF's text too (search and copy found them, jumbled with the page's own words).
    let out = run(&[
        "proposal",
        f,
        "--redesign",
        "Three bag-drop lanes at peak",
        "-o",
        "bag-drop.pdf",
    ]);
    assert!(out.status.success());
    let mid = squash(&tool(
        "pdftotext",
        &[dir.path().join("bag-drop.pdf").to_str().unwrap(), "-"],
    ));
    assert!(mid.contains(&squash("Check in & bag drop")));
    for other in ["Get to the airport", "Wait airside"] {
        assert!(
            !mid.contains(&squash(other)),
            "{other:?} is not in the proposal's text"
        );
    }

    // Corporate rejects it; the designer reworks the proposal.
    let out = run(&[
        "tracker",
        "respond",
        f,
        "--redesign",
        redesign,
        "--decision",
        "rejected",
        "--date",
        "2026-11-24",
        "--by",
        "COO",
        "--comment",
        "Too costly",
        "--then",
        "revise",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["tracker", "status", f, "--today", "2026-11-24", "--json"]);
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = status["redesigns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == redesign)
        .unwrap()
        .clone();
    assert_eq!(row["phase"], "Propose change & execution methods");
    assert_eq!(row["phaseStatus"], "inProgress");
    let out = run(&[
        "tracker",
        "respond",
        f,
        "--redesign",
        redesign,
        "--decision",
        "approved",
        "--date",
        "2026-11-25",
    ]);
    assert!(
        !out.status.success(),
        "no answer before the proposal goes out again"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("is done (the proposal has gone out)"));
    let out = run(&[
        "tracker",
        "respond",
        f,
        "--redesign",
        redesign,
        "--decision",
        "maybe",
        "--date",
        "2026-11-25",
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("approved, changes or rejected"));

    // The report's tracker shows corporate's answer.
    let out = run(&[
        "report",
        f,
        "-o",
        "r.pdf",
        "--sections",
        "redesigns",
        "--today",
        "2026-11-24",
    ]);
    assert!(out.status.success());
    let text = squash(&tool(
        "pdftotext",
        &[dir.path().join("r.pdf").to_str().unwrap(), "-"],
    ));
    assert!(text.contains("rejectedon2026-11-24") && text.contains(&squash("COO: “Too costly”")));
    // So does the web page's, comment and all.
    let out = run(&["export-html", f, "-o", "r.html", "--today", "2026-11-24"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.contains("Corporate&#39;s answer") || html.contains("Corporate's answer"));
    assert!(
        html.contains("rejected on 2026-11-24 by COO: “Too costly”"),
        "the answer in the web page"
    );
}

#[test]
fn corporates_conditions_are_printed_whole() {
    let dir = temp();
    let mut project = sample();
    let comment = "Approved for a pilot with 100 applicants first; cap vendor spend at €40,000, \
                   report the completion rate monthly to the board, and keep the branch \
                   process running in parallel until the pilot has run for a full quarter";
    let redesign = project
        .redesigns
        .iter_mut()
        .find(|r| !r.responses.is_empty())
        .expect("the sample has an answered redesign");
    redesign.responses.last_mut().unwrap().comment = comment.into();
    let id = redesign.id;
    let mut options = options(Paper::Letter);
    options.sections = vec![Section::Redesigns];
    for (name, bytes) in [
        (
            "report",
            journeymap::report::render(&project, &options).unwrap(),
        ),
        (
            "proposal",
            journeymap::report::proposal(&project, id, &options).unwrap(),
        ),
    ] {
        let path = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&path, bytes).unwrap();
        let text = squash(&tool("pdftotext", &[path.to_str().unwrap(), "-"]));
        assert!(
            text.contains(&squash(comment)),
            "the whole comment in the {name}: {text}"
        );
    }
}

fn umask() -> u32 {
    let out = Command::new("sh").args(["-c", "umask"]).output().unwrap();
    u32::from_str_radix(String::from_utf8_lossy(&out.stdout).trim(), 8).unwrap()
}

#[test]
fn the_organisations_look_reaches_the_cover_headers_proposal_and_web_page() {
    let dir = temp();
    let file = dir.path().join("look.journey");
    std::fs::copy(super::support::sample_journey(), &file).unwrap();
    let f = file.to_str().unwrap();
    let run = |args: &[&str]| cli(dir.path(), args);
    // Refusals leave the file as it was.
    let before = std::fs::read(&file).unwrap();
    let big = dir.path().join("big.png");
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.resize(50 * 1024 * 1024, 0);
    std::fs::write(&big, &bytes).unwrap();
    let broken = dir.path().join("broken.png");
    std::fs::write(
        &broken,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10garbage",
    )
    .unwrap();
    let huge = dir.path().join("huge.png");
    std::fs::write(
        &huge,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\x01\0\0\0\x01\0\0\x08\x06\0\0\0",
    )
    .unwrap();
    let gif = dir.path().join("logo.gif");
    std::fs::write(&gif, b"GIF89a\x01\0\x01\0").unwrap();
    let blank = dir.path().join("blank.svg");
    std::fs::write(
        &blank,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><image href="http://example.com/a.png" width="9" height="9"/></svg>"#,
    )
    .unwrap();
    for (path, why) in [
        (&big, "the largest kept is 512 KB"),
        (&broken, "cannot be read"),
        (&huge, "65536×65536 pixels"),
        (&gif, "must be a PNG or SVG"),
        (&blank, "draws nothing"),
    ] {
        let out = run(&["settings", f, "--logo", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && err.contains(why),
            "{path:?}: {err}"
        );
    }
    let out = run(&["settings", f, "--accent", "teal"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("#rrggbb"));
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing changed");

    // A PNG logo (the map itself, drawn small) and the organisation's colour.
    let png = dir.path().join("logo.png");
    let out = run(&["export-png", f, "-o", png.to_str().unwrap(), "--scale", "1"]);
    assert!(out.status.success());
    let out = run(&[
        "settings",
        f,
        "--organisation",
        "Contoso Aviation",
        "--prepared-for",
        "The board",
        "--accent",
        "#7C3AED",
        "--logo",
        png.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("#7c3aed"));
    let out = run(&[
        "report",
        f,
        "-o",
        "r.pdf",
        "--sections",
        "cover,moments",
        "--today",
        "2026-11-23",
    ]);
    assert!(out.status.success());
    let pdf = dir.path().join("r.pdf");
    let text = squash(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    assert!(
        text.contains(&squash("CONTOSO AVIATION · CUSTOMER JOURNEY REPORT")),
        "{text}"
    );
    assert!(
        text.contains(&squash("Prepared for The board by Amara Okafor, CX lead")),
        "the remembered author: {text}"
    );
    assert!(
        text.contains(&squash("Contoso Aviation · Northwind Air")),
        "footers name the organisation"
    );
    let images = tool("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert!(
        images.lines().count() >= 3,
        "the logo is in the PDF: {images}"
    );
    let out = run(&[
        "proposal",
        f,
        "--redesign",
        "Online check-in for infant bookings",
        "-o",
        "p.pdf",
    ]);
    assert!(out.status.success());
    let text = squash(&tool(
        "pdftotext",
        &[dir.path().join("p.pdf").to_str().unwrap(), "-"],
    ));
    assert!(text.contains(&squash("Prepared for The board by Amara Okafor")));
    let out = run(&["export-html", f, "-o", "p.html"]);
    assert!(out.status.success());
    let html = std::fs::read_to_string(dir.path().join("p.html")).unwrap();
    assert!(html.contains("--accent: #7c3aed") && html.contains("src=\"data:image/png;base64,"));
    assert!(html.contains("Contoso Aviation · Customer journey report"));
    // No logo: the cover and headings still print.
    let out = run(&["settings", f, "--no-logo"]);
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("logo           —")
    );
}

/// The `journeymap` command run in `dir`, as a person would.
fn cli(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}
