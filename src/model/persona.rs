//! Who the journey is about: the customer segment a map is drawn for.

use super::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
}
