//! Crash safety: autosaves keep coming while the saving process is killed with SIGKILL at random
//! moments. After every kill the file must open, pass SQLite's integrity check, and hold every
//! edit whose save had returned.

use super::support::{copy_into, sample_journey, temp};
use journeymap::ProjectFile;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const SAVES: u64 = 1_000;
const KILLS: u32 = 50;

#[test]
fn autosaves_survive_being_killed() {
    let dir = temp();
    let path = copy_into(dir.path(), &sample_journey(), "crash.journey");
    let mut acknowledged = BTreeSet::new();
    let mut next = 0u64;
    let mut kills = 0u32;
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut random = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    while (acknowledged.len() as u64) < SAVES || kills < KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .args([
                "soak",
                path.to_str().unwrap(),
                "--from",
                &next.to_string(),
                "--count",
                "400",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the journeymap binary starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line
                    .strip_prefix("saved ")
                    .and_then(|n| n.parse::<u64>().ok())
                {
                    let _ = tx.send(n);
                }
            }
        });
        // Kill while it saves, not while it starts: wait for its first save (opening a file
        // takes longer than the kill window in a debug build), then strike at a random moment.
        let first = rx.recv_timeout(Duration::from_secs(30));
        if let Ok(n) = first {
            acknowledged.insert(n);
            std::thread::sleep(Duration::from_millis(random(40)));
        }
        let still_running = child.try_wait().unwrap().is_none();
        child.kill().ok(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        reader.join().unwrap();
        if still_running {
            kills += 1;
        } else {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).ok();
            assert!(
                status.success(),
                "the saving process failed on its own: {err}"
            );
        }
        acknowledged.extend(rx.try_iter());

        // What a relaunched app sees.
        let mut project =
            ProjectFile::open(&path).unwrap_or_else(|e| panic!("after kill {kills}: {e}"));
        let check: String = rusqlite::Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "integrity after kill {kills}");
        let present: BTreeSet<u64> = project
            .project()
            .unwrap()
            .notes
            .iter()
            .filter_map(|n| n.text.strip_prefix("soak ").and_then(|x| x.parse().ok()))
            .collect();
        let lost: Vec<&u64> = acknowledged.difference(&present).collect();
        assert!(
            lost.is_empty(),
            "saves that returned before kill {kills} were lost: {lost:?}"
        );
        next = present.iter().max().map_or(0, |m| m + 1);
    }
    assert!(
        acknowledged.len() as u64 >= SAVES,
        "{} saves acknowledged",
        acknowledged.len()
    );
    assert!(kills >= KILLS, "{kills} kills");
}
