//! Load on the live room, loopback only and bounded: 60 participants each add 20 notes and place
//! 10 dot votes against `journeymap room` on a copy of the sample. Prints the time from a
//! participant's POST to the change being in the host's document (the reply comes after the
//! write), the wall time, and the host's CPU and peak memory; checks the file holds exactly
//! 1,200 room notes and 600 votes. Run: `cargo bench --bench room`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PEOPLE: usize = 60;
const NOTES: usize = 20;
const VOTES: usize = 10;

#[path = "../tests/shared/http.rs"]
mod http;

fn call(port: u16, method: &str, path: &str, token: Option<&str>, body: &str) -> (u16, String) {
    let host = format!("127.0.0.1:{port}");
    http::send(port, &host, method, path, &http::bearer(token), body)
}

/// Retries a contribution the rate limit turned away, as the page does.
fn contribute(port: u16, path: &str, token: &str, body: &str) -> Duration {
    loop {
        let t = Instant::now();
        let (status, reply) = call(port, "POST", path, Some(token), body);
        match status {
            200 | 201 | 204 => return t.elapsed(),
            429 => std::thread::sleep(Duration::from_millis(200)),
            _ => panic!("{path}: {status} {reply}"),
        }
    }
}

fn proc_field(pid: u32, file: &str, key: &str) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/{file}"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(key))
        .unwrap_or("")
        .to_owned()
}

fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, r)| r)
        .split_whitespace()
        .collect();
    let ticks: f64 = fields
        .get(11)
        .and_then(|u| u.parse::<f64>().ok())
        .unwrap_or(0.0)
        + fields
            .get(12)
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(0.0);
    ticks / 100.0
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("room.journey");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.journey"),
        &file,
    )
    .unwrap();
    let mut host = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args([
            "room",
            file.to_str().unwrap(),
            "--bind",
            "127.0.0.1",
            "--json",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(host.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    let port = v["port"].as_u64().unwrap() as u16;
    let code = v["code"].as_str().unwrap().to_owned();
    let host_token = v["hostToken"].as_str().unwrap().to_owned();
    let (_, _) = call(
        port,
        "POST",
        "/api/host/budget",
        Some(&host_token),
        &format!(r#"{{"votes":{VOTES}}}"#),
    );
    let tokens: Vec<String> = (0..PEOPLE)
        .map(|i| {
            let (_, body) = call(
                port,
                "POST",
                "/api/join",
                None,
                &format!(r#"{{"code":"{code}","name":"P{i}"}}"#),
            );
            serde_json::from_str::<serde_json::Value>(&body).unwrap()["token"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let (_, room) = call(port, "GET", "/api/room", Some(&tokens[0]), "");
    let room: serde_json::Value = serde_json::from_str(&room).unwrap();
    let stages: Vec<String> = room["map"]["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    let cpu_before = cpu_seconds(host.id());
    let started = Instant::now();
    let note_times: Vec<Duration> = std::thread::scope(|scope| {
        let handles: Vec<_> = tokens
            .iter()
            .enumerate()
            .map(|(p, token)| {
                let stages = &stages;
                scope.spawn(move || {
                    (0..NOTES)
                        .map(|n| {
                            let id = uuid::Uuid::new_v4();
                            let body = serde_json::json!({ "id": id, "stageId": stages[(p + n) % stages.len()], "kind": "painPoint", "text": format!("Note {n} of P{p}") }).to_string();
                            contribute(port, "/api/notes", token, &body)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    call(
        port,
        "POST",
        "/api/host/phase",
        Some(&host_token),
        r#"{"phase":"vote"}"#,
    );
    let (_, room) = call(port, "GET", "/api/room", Some(&tokens[0]), "");
    let room: serde_json::Value = serde_json::from_str(&room).unwrap();
    let notes: Vec<String> = room["map"]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect();
    let vote_times: Vec<Duration> = std::thread::scope(|scope| {
        let handles: Vec<_> = tokens
            .iter()
            .enumerate()
            .map(|(p, token)| {
                let notes = &notes;
                scope.spawn(move || {
                    (0..VOTES)
                        .map(|n| {
                            contribute(
                                port,
                                "/api/votes",
                                token,
                                &format!(r#"{{"noteId":"{}"}}"#, notes[(p * 7 + n) % notes.len()]),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let wall = started.elapsed();
    let cpu = cpu_seconds(host.id()) - cpu_before;
    let peak = proc_field(host.id(), "status", "VmHWM");
    unsafe { libc::kill(host.id() as i32, libc::SIGTERM) };
    let status = host.wait().unwrap();
    assert!(status.success());
    let conn = rusqlite::Connection::open(&file).unwrap();
    let (room_notes, votes): (u32, u32) = conn
        .query_row(
            "SELECT count(*), coalesce(sum(votes), 0) FROM notes WHERE text LIKE 'Note % of P%' AND author <> ''",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let before_votes: u32 = {
        let sample = rusqlite::Connection::open(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.journey"),
        )
        .unwrap();
        sample
            .query_row("SELECT coalesce(sum(votes), 0) FROM notes", [], |r| {
                r.get(0)
            })
            .unwrap()
    };
    let all_votes: u32 = conn
        .query_row("SELECT coalesce(sum(votes), 0) FROM notes", [], |r| {
            r.get(0)
        })
        .unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let pct = |times: &[Duration], p: f64| {
        let mut t: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
        t.sort_by(|a, b| a.total_cmp(b));
        t[((t.len() as f64 - 1.0) * p).round() as usize]
    };
    println!("room load: {PEOPLE} participants × ({NOTES} notes + {VOTES} votes), loopback");
    println!("| | p50 ms | p95 ms | max ms |");
    println!("|---|---|---|---|");
    for (name, t) in [
        ("note POST → in the document", &note_times),
        ("vote POST → in the document", &vote_times),
    ] {
        println!(
            "| {name} | {:.1} | {:.1} | {:.1} |",
            pct(t, 0.5),
            pct(t, 0.95),
            pct(t, 1.0)
        );
    }
    println!(
        "wall {:.1} s · host CPU {:.1} s · host peak memory {}",
        wall.as_secs_f64(),
        cpu,
        peak.trim_start_matches("VmHWM:").trim()
    );
    println!(
        "file: {room_notes} room notes, {} votes added, integrity_check {check}",
        all_votes - before_votes
    );
    assert_eq!(room_notes, (PEOPLE * NOTES) as u32);
    assert_eq!(all_votes - before_votes, (PEOPLE * VOTES) as u32);
    assert_eq!(check, "ok");
    let _ = votes;
}
