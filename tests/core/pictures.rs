//! Maps as pictures and the project as a web page: the SVG is well-formed XML with every
//! touchpoint's title as text, the PNG decodes at the size asked for, the HTML is one
//! self-contained file, and every export is the same bytes each time.

use super::support::sample;
use journeymap::export::{map_png, map_svg, project_html, Viewport};
use quick_xml::events::Event;
use quick_xml::Reader;

/// Every text node of an XML document, after checking that it parses to the end.
fn xml_text(xml: &str) -> (String, String) {
    let mut reader = Reader::from_str(xml);
    let mut text = String::new();
    let mut root = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if root.is_empty() => {
                root = e.name().as_ref().to_owned();
            }
            Ok(Event::Text(t)) => {
                text.push_str(&t);
            }
            Ok(Event::GeneralRef(r)) => text.push_str(&format!("&{};", &*r)),
            Ok(Event::End(_)) => text.push('\n'),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "the SVG is not well-formed at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    (root, text)
}

#[test]
fn the_svg_is_xml_with_every_title_as_text_and_is_deterministic() {
    let mut p = sample();
    p.touchpoints[0].title = "Café & <Zoë's> \"kiosk\" 顧客体験".into();
    for map in &p.maps {
        let svg = map_svg(&p, map.id, None).unwrap();
        let (root, text) = xml_text(&svg);
        assert_eq!(root, "svg");
        let text = text
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'");
        for t in p.touchpoints.iter().filter(|t| t.map_id == map.id) {
            assert!(
                text.contains(&t.title),
                "{} is in the SVG of {}",
                t.title,
                map.name
            );
        }
        for s in p.stages.iter().filter(|s| s.map_id == map.id) {
            assert!(text.contains(&s.name), "stage {} is labelled", s.name);
        }
        assert_eq!(
            map_svg(&p, map.id, None).unwrap(),
            svg,
            "same project, same bytes"
        );
    }
}

#[test]
fn the_current_view_draws_only_what_it_shows() {
    let p = sample();
    let map = p.maps[0].id;
    let view = Viewport {
        x: 0.0,
        y: 0.0,
        width: 700.0,
        height: 500.0,
    };
    let svg = map_svg(&p, map, Some(view)).unwrap();
    assert!(
        svg.contains("width=\"700\" height=\"500\""),
        "sized to the view"
    );
    let (_, text) = xml_text(&svg);
    assert!(
        text.contains("Online check-in"),
        "a card in the view is drawn"
    );
    assert!(
        !text.contains("Gate agent welcome"),
        "a card far right is not"
    );
    for bad in [
        Viewport {
            x: 0.0,
            y: 0.0,
            width: 0.0,
            height: 10.0,
        },
        Viewport {
            x: f64::NAN,
            y: 0.0,
            width: 10.0,
            height: 10.0,
        },
        Viewport {
            x: 0.0,
            y: 0.0,
            width: 1e9,
            height: 10.0,
        },
    ] {
        assert!(map_svg(&p, map, Some(bad)).is_err(), "{bad:?} is refused");
    }
}

#[test]
fn the_png_decodes_at_the_scale_asked_for() {
    let p = sample();
    let map = p.maps[0].id;
    let view = Viewport {
        x: 100.0,
        y: 40.0,
        width: 400.0,
        height: 300.0,
    };
    for scale in [1.0f32, 2.0, 4.0] {
        let bytes = map_png(&p, map, Some(view), scale).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!(
            (info.width, info.height),
            ((400.0 * scale) as u32, (300.0 * scale) as u32)
        );
        assert_eq!(
            map_png(&p, map, Some(view), scale).unwrap(),
            bytes,
            "deterministic at {scale}×"
        );
    }
    let whole = map_png(&p, map, None, 1.0).unwrap();
    let reader = png::Decoder::new(std::io::Cursor::new(&whole))
        .read_info()
        .unwrap();
    let svg = map_svg(&p, map, None).unwrap();
    assert!(
        svg.contains(&format!("width=\"{}\"", reader.info().width)),
        "the PNG is the SVG's size"
    );
    assert!(map_png(&p, map, None, 0.0).is_err());
    assert!(map_png(&p, map, None, 100.0).is_err());
}

#[test]
fn the_html_page_is_self_contained_and_deterministic() {
    let p = sample();
    let today = "2026-11-22".parse().unwrap();
    let html = project_html(&p, today).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("Content-Security-Policy"));
    assert_eq!(html.matches("<svg ").count(), p.maps.len());
    // The organisation's logo is inline, as a data URL (the page's CSP allows only those).
    assert!(html.contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,"));
    for forbidden in ["<script", "http://", "https://", "src=\"", "<link"] {
        let outside_svg_ns = html
            .replace("http://www.w3.org/2000/svg", "")
            .replace("src=\"data:image/", "");
        assert!(
            !outside_svg_ns.contains(forbidden),
            "no {forbidden} in a self-contained page"
        );
    }
    for r in &p.redesigns {
        assert!(
            html.contains(&r.title.replace('&', "&amp;")),
            "redesign {}",
            r.title
        );
    }
    assert_eq!(
        project_html(&p, today).unwrap(),
        html,
        "same project, same bytes"
    );
    // The sample's workshop room: its results, and its curve on the as-is map only.
    assert!(html.contains("<h2>Workshop room</h2>"));
    assert!(html.contains("11 notes from 5 participants"));
    assert!(html.contains("<td data-label=\"How it feels (−2 to +2)\" class=\"num\">−1.4</td>"));
    assert!(html.contains(
        "<td data-label=\"Name\">Amara</td><td data-label=\"Notes\" class=\"num\">3</td>"
    ));
    // Every cell is labelled with its column's heading (a phone stacks the tables), and the
    // KPI targets say which way is better, as the PDF's do.
    assert_eq!(html.matches("<td>").count(), 0);
    assert_eq!(
        html.matches("<td").count(),
        html.matches("<td data-label=\"").count()
    );
    assert!(html.contains("<td data-label=\"Target\" class=\"num\">≤ 1 %</td>"));
    assert_eq!(
        html.matches("<title>The room&apos;s curve</title>").count(),
        1
    );
    let mut quiet = p.clone();
    quiet.stages.iter_mut().for_each(|s| s.room_rating = None);
    for n in &mut quiet.notes {
        n.author.clear();
        n.votes = 0;
    }
    quiet.touchpoints.iter_mut().for_each(|t| t.votes = 0);
    let html = project_html(&quiet, today).unwrap();
    assert!(
        !html.contains("Workshop room") && !html.contains("room&apos;s curve"),
        "no room, no room section"
    );
}
