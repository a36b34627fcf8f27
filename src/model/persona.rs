//! Who the journey is about: the customer segments a project's maps are drawn for, each with the
//! goals, needs and pains a facilitator keeps in view, and how one map follows several of them
//! (each with its own emotion line).

use super::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most personas one map follows: the map's own and four more, each with an emotion line.
pub const MAX_PERSONA_LINES: usize = 5;

/// The map's own emotion line, and the colours of its other personas' lines in the legend's
/// order: the canvas and every export draw them alike.
pub const OWN_LINE_COLOUR: &str = "#7c3aed";
pub const PERSONA_LINE_COLOURS: [&str; MAX_PERSONA_LINES - 1] =
    ["#0891b2", "#db2777", "#ca8a04", "#059669"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Persona {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// What this customer is trying to get done.
    #[serde(default)]
    pub goals: String,
    /// Order in lists (ascending).
    #[serde(default)]
    pub position: i32,
    /// Something they said, in their words.
    #[serde(default)]
    pub quote: String,
    /// What they need from the service.
    #[serde(default)]
    pub needs: String,
    /// What gets in their way today.
    #[serde(default)]
    pub pains: String,
    /// Their situation, e.g. "travels twice a month for work".
    #[serde(default)]
    pub context: String,
    /// Their portrait (at most 512 pixels a side); initials stand in without one.
    #[serde(default)]
    pub picture: Option<super::PictureData>,
}

impl Persona {
    /// A persona with a name and nothing else written yet, at `position` among the project's.
    pub fn new(id: Id, name: impl Into<String>, position: i32) -> Self {
        Persona {
            id,
            name: name.into(),
            description: String::new(),
            goals: String::new(),
            position,
            quote: String::new(),
            needs: String::new(),
            pains: String::new(),
            context: String::new(),
            picture: None,
        }
    }

    /// Up to two initials for the persona's badge ("Priya Shah" → "PS"; a leading "The", "A"
    /// or "An" is passed over: "The Okafor family" → "OF").
    pub fn initials(&self) -> String {
        let words: Vec<&str> = self.name.split_whitespace().collect();
        let article = |w: &str| ["the", "a", "an"].contains(&w.to_lowercase().as_str());
        let skip = usize::from(words.len() > 1 && article(words[0]));
        words[skip..]
            .iter()
            .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
            .take(2)
            .flat_map(char::to_uppercase)
            .collect()
    }
}

/// How a card feels to one of the map's other personas, where it differs from the map's own
/// line (the card's `emotion`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Feeling {
    pub persona_id: Id,
    /// −3..=+3.
    pub emotion: i32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_come_from_the_first_two_words() {
        let p = |name: &str| Persona::new(crate::model::new_id(), name, 0);
        assert_eq!(p("Priya Shah").initials(), "PS");
        assert_eq!(p("  élodie   de la Cour ").initials(), "ÉD");
        assert_eq!(p("(Business) traveller").initials(), "BT");
        assert_eq!(p("").initials(), "");
        assert_eq!(p("The Okafor family").initials(), "OF");
        assert_eq!(
            p("An").initials(),
            "A",
            "a name that is only an article keeps it"
        );
    }
}
