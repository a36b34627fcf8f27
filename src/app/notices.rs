//! What a desktop shell has to tell its window (a menu command chosen, the window asked to close,
//! the live room's changes, files dropped on it), handed over when the window asks rather than
//! pushed. WebKitGTK runs a pushed message as a script in the page and reads the script's result
//! back in the shell's process, which makes it start a JavaScript engine there: 5-6 MB the app
//! otherwise never needs (docs/performance.md, "Thirteenth round"). The window keeps one request
//! waiting (`Notices::next`), answered with everything posted since the last.

use crate::model::Changes;
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use ts_rs::TS;

/// One thing the shell tells the window.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Notice {
    /// A menu command, by its id (`open:PATH` when a second start hands over a file).
    Menu { id: String },
    /// The window was asked to close: it makes sure everything typed is saved (or asks), then
    /// closes itself.
    CloseRequested,
    /// Changes the live room wrote to the project, under their undo label.
    RoomChange { changes: Changes, label: String },
    /// Files dropped on the window, at (`x`, `y`) in physical pixels.
    FileDrop { paths: Vec<String>, x: f64, y: f64 },
}

/// The notices posted and not yet taken, in order.
#[derive(Debug, Default)]
pub struct Notices {
    queue: Mutex<Vec<Notice>>,
    posted: tokio::sync::Notify,
    heard: AtomicBool,
}

impl Notices {
    pub fn post(&self, notice: Notice) {
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(notice);
        self.posted.notify_one();
    }

    /// Every notice posted since the last call, in order; waits for the next when there is none.
    pub async fn next(&self) -> Vec<Notice> {
        self.heard.store(true, Ordering::Relaxed);
        loop {
            let taken = std::mem::take(&mut *self.queue.lock().unwrap_or_else(|e| e.into_inner()));
            if !taken.is_empty() {
                return taken;
            }
            // A notice posted since the queue was looked at left a permit: this returns at once.
            self.posted.notified().await;
        }
    }

    /// Whether a window has asked for notices: only then is there a page to handle a close (one
    /// that failed to start could not, and its window must still close).
    pub fn heard(&self) -> bool {
        self.heard.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a runtime")
    }

    #[test]
    fn notices_posted_before_the_window_asks_come_at_once_in_order() {
        let notices = Notices::default();
        assert!(!notices.heard());
        notices.post(Notice::Menu { id: "save".into() });
        notices.post(Notice::CloseRequested);
        let got = runtime().block_on(notices.next());
        assert_eq!(
            got,
            vec![Notice::Menu { id: "save".into() }, Notice::CloseRequested]
        );
        assert!(notices.heard());
    }

    #[test]
    fn a_waiting_window_gets_the_next_notice_posted_from_another_thread() {
        let notices = Arc::new(Notices::default());
        let poster = notices.clone();
        let got = runtime().block_on(async move {
            let waiting = tokio::spawn(async move { notices.next().await });
            tokio::time::sleep(Duration::from_millis(20)).await;
            std::thread::spawn(move || poster.post(Notice::Menu { id: "undo".into() }))
                .join()
                .expect("the poster");
            tokio::time::timeout(Duration::from_secs(5), waiting).await
        });
        let got = got.expect("answered within 5 s").expect("the waiting task");
        assert_eq!(got, vec![Notice::Menu { id: "undo".into() }]);
    }

    #[test]
    fn with_nothing_posted_the_window_keeps_waiting() {
        let notices = Notices::default();
        let waited = runtime().block_on(async {
            tokio::time::timeout(Duration::from_millis(50), notices.next()).await
        });
        assert!(waited.is_err(), "answered with nothing posted");
    }

    #[test]
    fn notices_reach_the_window_as_the_ui_reads_them() {
        let json = |n: &Notice| serde_json::to_value(n).expect("json");
        assert_eq!(
            json(&Notice::Menu {
                id: "open:/a b.journey".into()
            }),
            serde_json::json!({ "kind": "menu", "id": "open:/a b.journey" })
        );
        assert_eq!(
            json(&Notice::CloseRequested),
            serde_json::json!({ "kind": "closeRequested" })
        );
        assert_eq!(
            json(&Notice::FileDrop {
                paths: vec!["/x.csv".into()],
                x: 10.0,
                y: 20.5
            }),
            serde_json::json!({ "kind": "fileDrop", "paths": ["/x.csv"], "x": 10.0, "y": 20.5 })
        );
        let room = json(&Notice::RoomChange {
            changes: Changes::default(),
            label: "Room: note".into(),
        });
        assert_eq!(room["kind"], "roomChange");
        assert_eq!(room["label"], "Room: note");
        assert_eq!(
            room["changes"],
            serde_json::json!({ "put": [], "delete": [] })
        );
    }
}
