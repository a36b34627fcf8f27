//! A project as one self-contained web page for people without the app: every map as inline
//! SVG, the moments of truth, the touchpoints, a workshop room's results, the KPIs and the
//! redesign tracker. No script, no network (a Content-Security-Policy forbids it), and it prints
//! well from any browser.

use super::picture::map_svg;
use crate::draw::escape;
use crate::measure::{signed, Dashboard, RoomResults};
use crate::model::{MapKind, Project};
use crate::Result;
use chrono::NaiveDate;
use std::fmt::Write;

const STYLE: &str = "
:root { color-scheme: light; --ink: #0f172a; --muted: #475569; --line: #cbd5e1; --accent: #1e293b; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px; line-height: 1.4; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 16px; display: flex; gap: 16px; align-items: center; justify-content: space-between; flex-wrap: wrap; }
header .logo { max-height: 64px; max-width: 220px; }
h1 { margin: 0 0 4px; font-size: 28px; } h2 { margin-top: 32px; font-size: 20px; border-bottom: 1px solid var(--line); }
.muted { color: var(--muted); } dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dt { font-weight: bold; } dd { margin: 0; }
figure { margin: 0; overflow-x: auto; border: 1px solid var(--line); }
figure svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--accent); color: #f8fafc; } tr:nth-child(even) td { background: #f8fafc; }
.unrated { color: #64748b; } .broken { color: #b91c1c; } .reliable { color: #1d4ed8; } .differentiating { color: #15803d; }
.late, .missed { color: #b91c1c; font-weight: bold; } .atRisk, .near { color: #b45309; } .met, .done { color: #15803d; }
td.num { text-align: right; white-space: nowrap; } td.date { white-space: nowrap; }
@media (max-width: 640px) {
  body { padding: 12px; } h1 { font-size: 22px; } dl { grid-template-columns: 1fr; } dd { margin-bottom: 8px; }
  table, tbody, tr, td { display: block; width: 100%; } thead { display: none; }
  tr { border: 1px solid var(--line); margin-bottom: 8px; } tr:nth-child(even) td { background: none; }
  td, td.num { border: none; border-top: 1px solid var(--line); position: relative; padding-left: 42%; text-align: left; white-space: normal; min-height: 1.9em; }
  td:first-child { border-top: none; }
  td::before { content: attr(data-label); position: absolute; left: 6px; width: 38%; font-weight: bold; color: var(--muted); }
}
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } figure, tr { break-inside: avoid; } figure { border: none; } }
";

/// What a live workshop room added (nothing when no room ever ran): the stages' ratings, the
/// most-voted cards and notes, and the participants' note counts.
fn room_results(o: &mut String, project: &Project) {
    let r = RoomResults::of(project);
    if r.is_empty() {
        return;
    }
    let e = escape;
    let _ = writeln!(
        o,
        "<h2>Workshop room</h2>\n<p class=\"muted\">{}. The room's curve is drawn on the maps in orange.</p>",
        r.summary()
    );
    if !r.ratings.is_empty() {
        o.push_str("<table><thead><tr><th>Map</th><th>Stage</th><th>How it feels (−2 to +2)</th><th>Spread</th><th>Rated by</th></tr></thead><tbody>\n");
        for s in &r.ratings {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td><strong>{}</strong></td><td class=\"num\">{}</td><td class=\"num\">{} to {}</td><td class=\"num\">{}</td></tr>",
                e(&s.map),
                e(&s.stage),
                signed(s.rating.mean),
                signed(f64::from(s.rating.low)),
                signed(f64::from(s.rating.high)),
                s.rating.count
            );
        }
        o.push_str("</tbody></table>\n");
    }
    if !r.voted.is_empty() {
        o.push_str("<h3>Most dot votes</h3>\n<table><thead><tr><th>Map</th><th>Stage</th><th>Card or note</th><th>Votes</th></tr></thead><tbody>\n");
        for v in r.voted.iter().take(15) {
            let text = if v.card {
                format!("<strong>{}</strong>", e(&v.text))
            } else {
                e(&v.text)
            };
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{text}</td><td class=\"num\">{}</td></tr>",
                e(&v.map),
                e(&v.stage),
                v.votes
            );
        }
        o.push_str("</tbody></table>\n");
    }
    if !r.authors.is_empty() {
        o.push_str("<h3>Participants</h3>\n<table><thead><tr><th>Name</th><th>Notes</th></tr></thead><tbody>\n");
        for (name, notes) in &r.authors {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td class=\"num\">{notes}</td></tr>",
                e(name)
            );
        }
        o.push_str("</tbody></table>\n");
    }
}

/// The project as an HTML page; redesign status is judged on `today`.
pub fn project_html(project: &Project, today: NaiveDate) -> Result<String> {
    let mut o = String::new();
    let e = escape;
    let info = &project.info;
    // The organisation's colour (checked to be #rrggbb when stored) and logo, as a data URL.
    let accent = match crate::model::parse_accent(&info.accent).as_deref() {
        Some("") | None => String::new(),
        Some(a) => format!(":root {{ --accent: {a}; }}"),
    };
    let logo = info.logo.as_ref().map_or(String::new(), |l| {
        format!(
            "<img class=\"logo\" src=\"{}\" alt=\"{}\">",
            l.data_url(),
            e(if info.organisation.is_empty() {
                "Logo"
            } else {
                &info.organisation
            })
        )
    });
    let mut byline = vec![format!("Customer journey report · status as of {today}")];
    if !info.organisation.trim().is_empty() {
        byline.insert(0, e(info.organisation.trim()));
    }
    if !info.prepared_for.trim().is_empty() {
        byline.push(format!("prepared for {}", e(info.prepared_for.trim())));
    }
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Journeymap\">\n<title>{}</title>\n<style>{STYLE}{accent}</style>\n</head>\n<body>\n\
         <header><div><h1>{}</h1><p class=\"muted\">{}</p></div>{logo}</header>\n",
        e(&info.name),
        e(&info.name),
        byline.join(" · ")
    );
    let statements = [
        ("Intent statement", &info.intent_statement),
        ("Brand promise", &info.brand_promise),
        ("Target customers", &info.target_customers),
    ];
    if statements.iter().any(|(_, v)| !v.is_empty()) {
        o.push_str("<dl>\n");
        for (k, v) in statements.iter().filter(|(_, v)| !v.is_empty()) {
            let _ = writeln!(o, "<dt>{k}</dt><dd>{}</dd>", e(v));
        }
        o.push_str("</dl>\n");
    }
    for map in &project.maps {
        let kind = match map.kind {
            MapKind::AsIs => "as-is",
            MapKind::ToBe => "to-be",
        };
        let suffix = if map.name.to_lowercase().contains(kind) {
            String::new()
        } else {
            format!(" <span class=\"muted\">({kind})</span>")
        };
        let _ = writeln!(o, "<h2>Journey map: {}{suffix}</h2>", e(&map.name));
        match map_svg(project, map.id, None) {
            Ok(svg) => {
                let svg = svg
                    .split_once("?>\n")
                    .map_or(svg.as_str(), |(_, rest)| rest);
                let _ = writeln!(o, "<figure>\n{svg}</figure>");
            }
            Err(_) => o.push_str("<p class=\"muted\">This map has no stages or lanes yet.</p>\n"),
        }
    }
    let stage = |id| {
        project
            .stages
            .iter()
            .find(|s| s.id == id)
            .map_or("", |s| s.name.as_str())
    };
    let map_name = |id| {
        project
            .maps
            .iter()
            .find(|m| m.id == id)
            .map_or("", |m| m.name.as_str())
    };
    let mut cards: Vec<_> = project.touchpoints.iter().collect();
    cards.sort_by_key(|t| {
        (
            project.maps.iter().position(|m| m.id == t.map_id),
            project
                .stages
                .iter()
                .find(|s| s.id == t.stage_id)
                .map(|s| s.position),
            (t.y * 100.0) as i64,
            (t.x * 100.0) as i64,
            t.id,
        )
    });

    o.push_str("<h2>Moments of truth</h2>\n<table><thead><tr><th>Map</th><th>Stage</th><th>Touchpoint</th><th>Reliability</th><th>Why it matters</th></tr></thead><tbody>\n");
    for t in cards.iter().filter(|t| t.moment_of_truth) {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td><strong>{}</strong></td><td class=\"{c}\">{r}</td><td>{}</td></tr>",
            e(map_name(t.map_id)),
            e(stage(t.stage_id)),
            e(&t.title),
            e(&t.moment_of_truth_note),
            c = t.reliability.as_str(),
            r = t.reliability.word()
        );
    }
    o.push_str("</tbody></table>\n");

    o.push_str("<h2>Touchpoints</h2>\n<table><thead><tr><th>Map</th><th>Stage</th><th>Touchpoint</th><th>Channel</th><th>Owner</th><th>Expectation / delivered</th><th>Reliability</th></tr></thead><tbody>\n");
    for t in &cards {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td><td class=\"num\">{} / {}</td><td class=\"{c}\">{r}</td></tr>",
            e(map_name(t.map_id)),
            e(stage(t.stage_id)),
            if t.moment_of_truth { "★ " } else { "" },
            e(&t.title),
            e(&t.channel),
            e(&t.owner),
            t.expectation,
            t.performance,
            c = t.reliability.as_str(),
            r = t.reliability.word()
        );
    }
    o.push_str("</tbody></table>\n");

    room_results(&mut o, project);

    let d = Dashboard::compute(project, None, today);
    if !d.kpis.is_empty() {
        o.push_str("<h2>KPIs</h2>\n<table><thead><tr><th>Touchpoint</th><th>KPI</th><th>Latest</th><th>Target</th><th>Status</th></tr></thead><tbody>\n");
        for k in &d.kpis {
            let unit = if k.unit.is_empty() {
                String::new()
            } else {
                format!(" {}", e(&k.unit))
            };
            let status = match k.status {
                crate::measure::KpiStatus::Met => "met",
                crate::measure::KpiStatus::Near => "near",
                crate::measure::KpiStatus::Missed => "missed",
                crate::measure::KpiStatus::NoData => "noData",
            };
            let _ = writeln!(
                o,
                "<tr><td>{}{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{} {}{unit}</td><td class=\"{status}\">{}</td></tr>",
                if k.top { "★ " } else { "" },
                e(&k.touchpoint_title),
                e(&k.name),
                k.latest.map_or("—".into(), |v| format!("{v}{unit}")),
                // Which way is better, as the PDF writes it: "≤ 1 %".
                k.direction.target_sign(),
                k.target,
                k.status.label()
            );
        }
        o.push_str("</tbody></table>\n");
    }

    o.push_str("<h2>Redesign tracker</h2>\n<table><thead><tr><th>Redesign</th><th>Touchpoint</th><th>Started</th><th>Current phase</th><th>Expected end</th><th>Status</th><th>Corporate's answer</th></tr></thead><tbody>\n");
    let mut redesigns: Vec<_> = project.redesigns.iter().collect();
    redesigns.sort_by(|a, b| (a.start, &a.title, a.id).cmp(&(b.start, &b.title, b.id)));
    for r in redesigns {
        let g = r.progress(&project.calendar, today);
        let phase = g
            .current_phase
            .and_then(|i| r.phases.get(i as usize))
            .map_or("—".to_owned(), |p| {
                format!("{} ({})", p.name, p.status.label())
            });
        let state = format!("{:?}", g.state);
        let state = state[..1].to_lowercase() + &state[1..];
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td class=\"date\">{}</td><td>{}</td><td class=\"date\">{}</td><td class=\"{state}\">{}</td><td>{}</td></tr>",
            e(&r.title),
            e(project.touchpoint(r.touchpoint_id).map_or("", |t| t.title.as_str())),
            r.start,
            e(&phase),
            g.forecast_end,
            g.state.label(),
            // Corporate's latest answer in full, its comment included (the tracker's own word).
            e(&r.responses.last().map_or("—".to_owned(), |a| a.summary()))
        );
    }
    o.push_str("</tbody></table>\n<footer class=\"muted\"><p>Written by Journeymap.</p></footer>\n</body>\n</html>\n");
    Ok(labelled(&o))
}

/// Gives every table cell its column's heading as `data-label`: on a phone the tables stack, one
/// box per row, and each value is shown beside its heading instead of in a column off the screen.
fn labelled(page: &str) -> String {
    let mut out = String::with_capacity(page.len() + page.len() / 8);
    let mut rest = page;
    while let Some(start) = rest.find("<table>") {
        let Some(len) = rest[start..].find("</table>") else {
            break;
        };
        let (before, table, after) = (
            &rest[..start],
            &rest[start..start + len],
            &rest[start + len..],
        );
        out.push_str(before);
        let (head, body) = table.split_once("</thead>").unwrap_or(("", table));
        let headings: Vec<&str> = head
            .split("<th>")
            .skip(1)
            .filter_map(|h| h.split_once("</th>").map(|(text, _)| text))
            .collect();
        out.push_str(head);
        if !head.is_empty() {
            out.push_str("</thead>");
        }
        for (i, row) in body.split("<tr>").enumerate() {
            if i > 0 {
                out.push_str("<tr>");
            }
            for (column, cell) in row.split("<td").enumerate() {
                if column > 0 {
                    out.push_str("<td");
                    if let Some(h) = headings.get(column - 1) {
                        let _ = write!(out, " data-label=\"{h}\"");
                    }
                }
                out.push_str(cell);
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}
