//! Conversations about the work: threaded comments on a card, a sticky note or an opportunity,
//! each with its author and time, a thread resolved when it is settled and reopened when it is
//! not. Pure: the time comes in with the comment.

use super::Id;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a comment is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CommentTarget {
    Touchpoint,
    Note,
    Opportunity,
}

impl CommentTarget {
    pub const ALL: [CommentTarget; 3] = [Self::Touchpoint, Self::Note, Self::Opportunity];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Touchpoint => "touchpoint",
            Self::Note => "note",
            Self::Opportunity => "opportunity",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// One comment. A thread is a comment without a parent and the replies that name it; whether
/// the thread is resolved is kept on that first comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    pub id: Id,
    pub map_id: Id,
    pub target: CommentTarget,
    pub target_id: Id,
    /// The thread's first comment, for a reply.
    #[serde(default)]
    pub parent_id: Option<Id>,
    /// Who wrote it (the name set in the app's preferences, or a room participant's).
    #[serde(default)]
    pub author: String,
    pub text: String,
    /// When it was written, local time, to the second.
    #[ts(type = "string")]
    pub created: NaiveDateTime,
    /// On a thread's first comment: the thread is settled.
    #[serde(default)]
    pub resolved: bool,
}

/// The open threads of a project (first comments, oldest first) and how many comments each
/// holds, for the side list and the report.
pub fn open_threads(comments: &[Comment]) -> Vec<(&Comment, usize)> {
    let mut threads: Vec<(&Comment, usize)> = comments
        .iter()
        .filter(|c| c.parent_id.is_none() && !c.resolved)
        .map(|root| {
            let replies = comments
                .iter()
                .filter(|c| c.parent_id == Some(root.id))
                .count();
            (root, 1 + replies)
        })
        .collect();
    threads.sort_by(|a, b| a.0.created.cmp(&b.0.created).then(a.0.id.cmp(&b.0.id)));
    threads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::new_id;

    fn comment(target_id: Id, parent: Option<Id>, at: &str, resolved: bool) -> Comment {
        Comment {
            id: new_id(),
            map_id: new_id(),
            target: CommentTarget::Touchpoint,
            target_id,
            parent_id: parent,
            author: "Ana".into(),
            text: "Is the queue display wrong every morning?".into(),
            created: at.parse().unwrap(),
            resolved,
        }
    }

    #[test]
    fn open_threads_count_their_replies_and_leave_resolved_ones_out() {
        let card = new_id();
        let first = comment(card, None, "2026-12-01T09:00:00", false);
        let reply = comment(card, Some(first.id), "2026-12-01T09:05:00", false);
        let settled = comment(card, None, "2026-11-30T10:00:00", true);
        let older = comment(new_id(), None, "2026-11-29T10:00:00", false);
        let all = vec![first.clone(), reply, settled, older.clone()];
        let open: Vec<(Id, usize)> = open_threads(&all).iter().map(|(c, n)| (c.id, *n)).collect();
        assert_eq!(open, [(older.id, 1), (first.id, 2)]);
        for t in CommentTarget::ALL {
            assert_eq!(CommentTarget::parse(t.as_str()), Some(t));
            assert_eq!(serde_json::to_value(t).unwrap(), t.as_str());
        }
    }
}
