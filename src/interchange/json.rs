//! The open JSON interchange format (`docs/json-format.md`): a versioned envelope around the
//! canonical project, so export → import → export gives identical bytes.

use crate::model::Project;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// The value of the envelope's `format` field.
pub const FORMAT: &str = "journeymap";
/// The interchange version this build writes and the newest it reads.
pub const VERSION: u32 = 1;

/// The largest JSON document imported (a 10,000-touchpoint project is some 10 MB).
pub const MAX_JSON_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'a str,
    version: u32,
    project: &'a Project,
}

#[derive(Deserialize)]
struct Head {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct Document {
    project: Project,
}

/// Serialises a project as pretty-printed, canonical JSON ending in a newline.
pub fn to_json(project: &Project) -> String {
    let canonical = project.clone().canonical();
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        project: &canonical,
    };
    // Serialising plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(&envelope).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a project from interchange JSON, checking the envelope first (so a newer file says so
/// rather than failing on a field it does not know), then the project's own consistency.
pub fn from_json(bytes: &[u8]) -> Result<Project> {
    let head: Head = serde_json::from_slice(bytes).map_err(invalid)?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err(Error::InvalidJson(format!(
            "not a Journeymap document (expected \"format\": \"{FORMAT}\")"
        )));
    }
    let version = head
        .version
        .ok_or_else(|| Error::InvalidJson("no \"version\" field".into()))?;
    if version == 0 || version > VERSION {
        return Err(Error::UnsupportedFormatVersion {
            found: version,
            supported: VERSION,
        });
    }
    let doc: Document = serde_json::from_slice(bytes).map_err(invalid)?;
    doc.project.validate()?;
    Ok(doc.project.canonical())
}

fn invalid(e: serde_json::Error) -> Error {
    Error::InvalidJson(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn refuses_what_is_not_ours() {
        let code = |s: &[u8]| from_json(s).unwrap_err().code();
        assert_eq!(code(b"{"), ErrorCode::InvalidJson);
        assert_eq!(code(b"[]"), ErrorCode::InvalidJson);
        assert_eq!(
            code(b"{\"format\":\"other\",\"version\":1}"),
            ErrorCode::InvalidJson
        );
        assert_eq!(code(b"{\"format\":\"journeymap\"}"), ErrorCode::InvalidJson);
        assert_eq!(
            code(b"{\"format\":\"journeymap\",\"version\":99,\"project\":{}}"),
            ErrorCode::UnsupportedFormatVersion
        );
        assert_eq!(code(b"\xff\xfe{}"), ErrorCode::InvalidJson);
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(code(deep.as_bytes()), ErrorCode::InvalidJson);
    }
}
