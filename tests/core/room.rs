//! The live room, hosted by `journeymap room` as a facilitator would run it, driven over real
//! HTTP on 127.0.0.1 (bounded in count and time; the host is stopped with SIGTERM).

use super::support::{copy_into, sample_journey, temp};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Host {
    child: Child,
    port: u16,
    code: String,
    host_token: String,
}

impl Host {
    fn start(file: &std::path::Path) -> Host {
        let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .args([
                "room",
                file.to_str().unwrap(),
                "--bind",
                "127.0.0.1",
                "--json",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).expect("the first line is JSON");
        Host {
            child,
            port: v["port"].as_u64().unwrap() as u16,
            code: v["code"].as_str().unwrap().to_owned(),
            host_token: v["hostToken"].as_str().unwrap().to_owned(),
        }
    }

    /// One request; returns the status and the parsed JSON body (null when empty).
    fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: &str,
    ) -> (u16, serde_json::Value) {
        self.raw(
            method,
            path,
            token,
            body,
            &format!("127.0.0.1:{}", self.port),
            None,
        )
    }

    fn raw(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: &str,
        host: &str,
        origin: Option<&str>,
    ) -> (u16, serde_json::Value) {
        let mut extra = super::http::bearer(token);
        if let Some(o) = origin {
            extra += &format!("Origin: {o}\r\n");
        }
        let (status, body) = super::http::send(self.port, host, method, path, &extra, body);
        (
            status,
            serde_json::from_str(&body).unwrap_or(serde_json::Value::Null),
        )
    }

    fn join(&self, name: &str) -> String {
        let (status, v) = self.call(
            "POST",
            "/api/join",
            None,
            &format!(r#"{{"code":"{}","name":"{name}"}}"#, self.code),
        );
        assert_eq!(status, 200, "{v}");
        v["token"].as_str().unwrap().to_owned()
    }

    fn phase(&self, phase: &str) {
        let (status, v) = self.call(
            "POST",
            "/api/host/phase",
            Some(&self.host_token),
            &format!(r#"{{"phase":"{phase}"}}"#),
        );
        assert_eq!(status, 204, "{v}");
    }

    /// A participant's open event stream, as the page's EventSource holds it.
    fn events(&self, token: &str) -> BufReader<TcpStream> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            s,
            "GET /api/events?token={token} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
            self.port
        )
        .unwrap();
        BufReader::new(s)
    }

    /// SIGTERM, as a service manager stops it; the process must end cleanly.
    fn stop(mut self) {
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGTERM);
        }
        for _ in 0..100 {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "the room ended with {status}");
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("the room did not stop on SIGTERM");
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn note(id: &str, stage: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "stageId": stage, "kind": "painPoint", "text": text }).to_string()
}

#[test]
fn a_room_session_from_join_to_sigterm() {
    let dir = temp();
    let file = copy_into(dir.path(), &sample_journey(), "p.journey");
    let host = Host::start(&file);
    // Wrong code: 403 with {code, message}; the page is served with a CSP.
    let (status, v) = host.call(
        "POST",
        "/api/join",
        None,
        r#"{"code":"AAAAAA","name":"Eve"}"#,
    );
    assert_eq!((status, v["code"].as_str()), (403, Some("wrong-code")));
    let ana = host.join("Ana");
    let (status, room) = host.call("GET", "/api/room", Some(&ana), "");
    assert_eq!(status, 200);
    let text = room.to_string();
    for secret in ["kpi", "feedback", "redesign", "journey\"", &host.host_token] {
        assert!(
            !text.to_lowercase().contains(secret),
            "a participant sees {secret}"
        );
    }
    let stage = room["map"]["stages"][1]["id"].as_str().unwrap().to_owned();
    let id = "5f0c2d1e-8a34-4b6f-9c1d-2e3f4a5b6c7d";
    // A note, then the same note again (a resend after a dropped connection).
    assert_eq!(
        host.call(
            "POST",
            "/api/notes",
            Some(&ana),
            &note(id, &stage, "Queue at the kiosk")
        )
        .0,
        201
    );
    assert_eq!(
        host.call(
            "POST",
            "/api/notes",
            Some(&ana),
            &note(id, &stage, "Queue at the kiosk")
        )
        .0,
        200
    );
    // Limits: too long, too big, unknown stage, no token.
    let long = "x".repeat(501);
    let other = "6f0c2d1e-8a34-4b6f-9c1d-2e3f4a5b6c7d";
    assert_eq!(
        host.call(
            "POST",
            "/api/notes",
            Some(&ana),
            &note(other, &stage, &long)
        )
        .0,
        400
    );
    let huge = note(other, &stage, &"y".repeat(17 * 1024));
    assert_eq!(
        host.call("POST", "/api/notes", Some(&ana), &huge).1["code"],
        "too-large"
    );
    assert_eq!(
        host.call("POST", "/api/notes", Some(&ana), &note(other, other, "x"))
            .0,
        400
    );
    assert_eq!(
        host.call("POST", "/api/notes", None, &note(other, &stage, "x"))
            .0,
        401
    );
    // Phase rules: no votes while collecting; votes within the budget once voting.
    let vote = format!(r#"{{"noteId":"{id}"}}"#);
    assert_eq!(host.call("POST", "/api/votes", Some(&ana), &vote).0, 409);
    host.phase("vote");
    assert_eq!(
        host.call("POST", "/api/votes", Some(&ana), &vote).1["votesLeft"],
        4
    );
    let card = room["map"]["cards"][0]["id"].as_str().unwrap().to_owned();
    let on_card = format!(r#"{{"cardId":"{card}"}}"#);
    assert_eq!(
        host.call("POST", "/api/votes", Some(&ana), &on_card).1["votesLeft"],
        3
    );
    assert_eq!(
        host.call(
            "POST",
            "/api/notes",
            Some(&ana),
            &note(other, &stage, "late")
        )
        .0,
        409
    );
    // DNS rebinding and other sites are refused.
    let (status, v) = host.raw(
        "GET",
        "/api/room",
        Some(&ana),
        "",
        &format!("evil.example:{}", host.port),
        None,
    );
    assert_eq!((status, v["code"].as_str()), (403, Some("forbidden-host")));
    let ours = format!("127.0.0.1:{}", host.port);
    assert_eq!(
        host.raw(
            "GET",
            "/api/room",
            Some(&ana),
            "",
            &ours,
            Some("http://evil.example")
        )
        .0,
        403
    );
    // The facilitator removes a participant: the token stops working; only the host may.
    let bob = host.join("Bob");
    let (_, state) = host.call("GET", "/api/host", Some(&host.host_token), "");
    let bob_id = state["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Bob")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        host.call(
            "DELETE",
            &format!("/api/host/participants/{bob_id}"),
            Some(&ana),
            ""
        )
        .0,
        403
    );
    assert_eq!(
        host.call(
            "DELETE",
            &format!("/api/host/participants/{bob_id}"),
            Some(&host.host_token),
            ""
        )
        .0,
        204
    );
    assert_eq!(host.call("GET", "/api/room", Some(&bob), "").0, 401);
    // Closed: nothing more is accepted.
    host.phase("closed");
    assert_eq!(host.call("POST", "/api/votes", Some(&ana), &vote).0, 409);
    host.stop();
    let conn = rusqlite::Connection::open(&file).unwrap();
    let (count, text, author, votes): (u32, String, String, u32) = conn
        .query_row(
            "SELECT count(*), max(text), max(author), max(votes) FROM notes WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (count, text.as_str(), author.as_str(), votes),
        (1, "Queue at the kiosk", "Ana", 1)
    );
    let card_votes: u32 = conn
        .query_row(
            "SELECT votes FROM touchpoints WHERE id = ?1",
            [card.as_str()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(card_votes, 1, "a dot on a card");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn wrong_codes_rate_limits_and_a_full_room() {
    let dir = temp();
    let file = copy_into(dir.path(), &sample_journey(), "p.journey");
    let host = Host::start(&file);
    for _ in 0..10 {
        assert_eq!(
            host.call("POST", "/api/join", None, r#"{"code":"ZZZZZZ","name":"M"}"#)
                .0,
            403
        );
    }
    let right = format!(r#"{{"code":"{}","name":"M"}}"#, host.code);
    assert_eq!(
        host.call("POST", "/api/join", None, &right).0,
        429,
        "an address that guessed waits"
    );
    host.stop();

    let host = Host::start(&file);
    let ana = host.join("Ana");
    host.phase("rate");
    let (_, room) = host.call("GET", "/api/room", Some(&ana), "");
    let stage = room["map"]["stages"][0]["id"].as_str().unwrap().to_owned();
    let rating = format!(r#"{{"stageId":"{stage}","value":-1}}"#);
    let statuses: Vec<u16> = (0..8)
        .map(|_| host.call("POST", "/api/ratings", Some(&ana), &rating).0)
        .collect();
    assert!(
        statuses.contains(&429),
        "a burst is slowed down: {statuses:?}"
    );
    assert_eq!(
        host.call(
            "POST",
            "/api/ratings",
            Some(&ana),
            r#"{"stageId":"x","value":9}"#
        )
        .0,
        400
    );
    std::thread::sleep(Duration::from_millis(1100));
    let (_, room) = host.call("GET", "/api/room", Some(&ana), "");
    assert_eq!(room["map"]["stages"][0]["id"], stage.as_str());
    assert_eq!(room["map"]["stages"][0]["roomRating"]["mean"], -1.0);
    for i in 1..200 {
        host.join(&format!("P{i}"));
    }
    let (status, v) = host.call(
        "POST",
        "/api/join",
        None,
        &format!(r#"{{"code":"{}","name":"One too many"}}"#, host.code),
    );
    assert_eq!((status, v["code"].as_str()), (403, Some("room-full")));
    host.stop();
    // The room's curve is kept on the map's stage, for the canvas, report and exports.
    let saved = journeymap::ProjectFile::read(&file).unwrap();
    let rated = saved
        .stages
        .iter()
        .find(|s| s.id.to_string() == stage)
        .unwrap();
    let r = rated
        .room_rating
        .expect("the rating was written to the file");
    assert_eq!((r.mean, r.low, r.high, r.count), (-1.0, -1, -1, 1));
}

#[test]
fn slow_and_idle_connections_are_closed() {
    let dir = temp();
    let file = copy_into(dir.path(), &sample_journey(), "p.journey");
    let host = Host::start(&file);
    let ana = host.join("Ana");
    let open = || {
        let s = TcpStream::connect(("127.0.0.1", host.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        s
    };
    let started = std::time::Instant::now();
    let idle = open();
    let mut slow_head = open();
    slow_head
        .write_all(format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n", host.port).as_bytes())
        .unwrap();
    let mut slow_body = open();
    slow_body
        .write_all(
            format!(
                "POST /api/notes HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAuthorization: Bearer {ana}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{",
                host.port
            )
            .as_bytes(),
        )
        .unwrap();
    // Meanwhile everyone else is served as usual.
    assert_eq!(host.call("GET", "/api/room", Some(&ana), "").0, 200);
    for (what, mut s) in [
        ("an idle connection", idle),
        ("a slow request head", slow_head),
    ] {
        let mut out = Vec::new();
        let n = s.read_to_end(&mut out);
        assert!(n.is_ok(), "{what} is closed by the room, not left hanging");
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_secs(8) && waited < Duration::from_secs(20),
            "{what} is closed after about ten seconds ({waited:?})"
        );
    }
    let mut out = String::new();
    let _ = slow_body.read_to_string(&mut out);
    assert!(
        out.starts_with("HTTP/1.1 408"),
        "a body that never arrives: {out}"
    );
    assert!(out.contains(r#""code":"timeout""#), "{out}");
    let (_, room) = host.call("GET", "/api/room", Some(&ana), "");
    assert_eq!(
        room["map"]["notes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["author"] == "Ana")
            .count(),
        0,
        "nothing was written"
    );
    host.stop();
}

#[test]
fn the_event_stream_tells_of_each_change() {
    let dir = temp();
    let file = copy_into(dir.path(), &sample_journey(), "p.journey");
    let host = Host::start(&file);
    let ana = host.join("Ana");
    let mut reader = host.events(&ana);
    let mut seen = Vec::new();
    let mut line = String::new();
    while seen.len() < 2 {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "the stream ended");
        if let Some(v) = line.trim().strip_prefix("data: ") {
            seen.push(v.to_owned());
            if seen.len() == 1 {
                host.phase("vote");
            }
        }
    }
    assert_ne!(seen[0], seen[1], "a new version after the phase changed");
    let connected = |host: &Host| {
        let (_, state) = host.call("GET", "/api/host", Some(&host.host_token), "");
        state["participants"][0]["connected"].as_bool().unwrap()
    };
    assert!(
        connected(&host),
        "a participant with the page open is connected"
    );
    drop(reader);
    let mut gone = false;
    for _ in 0..50 {
        // The server learns of a closed stream when it next writes to it.
        host.phase("collect");
        if !connected(&host) {
            gone = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        gone,
        "a participant whose page went away shows as not connected"
    );
    // Closing the room tells open pages it has closed, then ends their streams (else SIGTERM
    // would hang).
    let mut reader = host.events(&ana);
    loop {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "the stream ended");
        if line.starts_with("data: ") {
            break;
        }
    }
    host.stop();
    let mut rest = String::new();
    let _ = reader.read_to_string(&mut rest);
    assert!(rest.contains("event: closed"), "the page is told: {rest}");
}

#[test]
fn notes_never_cover_each_other_and_a_full_cell_grows_its_lane() {
    let dir = temp();
    let file = copy_into(dir.path(), &sample_journey(), "p.journey");
    let host = Host::start(&file);
    let ana = host.join("Ana");
    let (_, before) = host.call("GET", "/api/room", Some(&ana), "");
    let stage = before["map"]["stages"][2]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let lane_height = |room: &serde_json::Value| {
        room["map"]["lanes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["kind"] == "painPoints")
            .unwrap()["height"]
            .as_f64()
            .unwrap()
    };
    let mut ids = Vec::new();
    for i in 0..8 {
        let id = format!("7f0c2d1e-8a34-4b6f-9c1d-2e3f4a5b6c{i:02}");
        assert_eq!(
            host.call(
                "POST",
                "/api/notes",
                Some(&ana),
                &note(&id, &stage, &format!("Note {i}"))
            )
            .0,
            201
        );
        ids.push(id);
        std::thread::sleep(Duration::from_millis(220)); // within the rate limit
    }
    let (_, after) = host.call("GET", "/api/room", Some(&ana), "");
    assert!(
        lane_height(&after) > lane_height(&before),
        "the pain-point lane grew"
    );
    let rect = |v: &serde_json::Value| {
        let f = |k: &str| v[k].as_f64().unwrap();
        (f("x"), f("y"), f("width"), f("height"))
    };
    let all: Vec<(String, (f64, f64, f64, f64))> = after["map"]["cards"]
        .as_array()
        .unwrap()
        .iter()
        .chain(after["map"]["notes"].as_array().unwrap())
        .map(|v| (v["id"].as_str().unwrap().to_owned(), rect(v)))
        .collect();
    let pains = after["map"]["lanes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["kind"] == "painPoints")
        .unwrap()
        .clone();
    let (top, bottom) = (
        pains["y"].as_f64().unwrap(),
        pains["y"].as_f64().unwrap() + pains["height"].as_f64().unwrap(),
    );
    for id in &ids {
        let (_, (x, y, w, h)) = all.iter().find(|(i, _)| i == id).unwrap().clone();
        assert!(
            y >= top && y + h <= bottom,
            "{id} sits inside the pain-point lane"
        );
        for (other, (ox, oy, ow, oh)) in &all {
            if other != id {
                let overlap = x < ox + ow && *ox < x + w && y < oy + oh && *oy < y + h;
                assert!(!overlap, "{id} covers {other}");
            }
        }
    }
    host.stop();
}
