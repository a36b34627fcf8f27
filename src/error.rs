//! The one error type of the core: every failure a user can meet has a stable code that crosses
//! the IPC boundary and the command line unchanged, so callers branch on the code, never on text.

use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Stable, machine-readable error codes. The UI switches on these; renaming one is a breaking
/// change of the IPC contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    FileNotFound,
    EmptyFile,
    NotAProjectFile,
    ForeignApplication,
    CorruptFile,
    FileTooNew,
    FileExists,
    FileInUse,
    InvalidJson,
    InvalidImport,
    UnsupportedFormatVersion,
    InvalidProject,
    NotFound,
    InvalidInput,
    Io,
    Database,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: [ErrorCode; 16] = [
        Self::FileNotFound,
        Self::EmptyFile,
        Self::NotAProjectFile,
        Self::ForeignApplication,
        Self::CorruptFile,
        Self::FileTooNew,
        Self::FileExists,
        Self::FileInUse,
        Self::InvalidJson,
        Self::InvalidImport,
        Self::UnsupportedFormatVersion,
        Self::InvalidProject,
        Self::NotFound,
        Self::InvalidInput,
        Self::Io,
        Self::Database,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::FileNotFound => "file-not-found",
            Self::EmptyFile => "empty-file",
            Self::NotAProjectFile => "not-a-project-file",
            Self::ForeignApplication => "foreign-application",
            Self::CorruptFile => "corrupt-file",
            Self::FileTooNew => "file-too-new",
            Self::FileExists => "file-exists",
            Self::FileInUse => "file-in-use",
            Self::InvalidJson => "invalid-json",
            Self::InvalidImport => "invalid-import",
            Self::UnsupportedFormatVersion => "unsupported-format-version",
            Self::InvalidProject => "invalid-project",
            Self::NotFound => "not-found",
            Self::InvalidInput => "invalid-input",
            Self::Io => "io",
            Self::Database => "database",
        }
    }
}

/// What went wrong, worded for the person who picked the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path} does not exist")]
    FileNotFound { path: PathBuf },
    #[error("{path} is empty (0 bytes): it is not a Journeymap project")]
    EmptyFile { path: PathBuf },
    #[error("{path} is not a Journeymap project file (it is not an SQLite database)")]
    NotAProjectFile { path: PathBuf },
    #[error("{path} is an SQLite database of another application, not a Journeymap project")]
    ForeignApplication { path: PathBuf },
    #[error("{path} is damaged ({detail}); it was left untouched")]
    CorruptFile { path: PathBuf, detail: String },
    #[error(
        "{path} was saved by a newer Journeymap (file format {found}, this app reads up to \
         {supported}); update Journeymap to open it"
    )]
    FileTooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path} already exists")]
    FileExists { path: PathBuf },
    #[error(
        "{path} is a project file (an SQLite database); an export never replaces a project, so \
         nothing was written: choose another file name"
    )]
    WouldReplaceProject { path: PathBuf },
    #[error(
        "{path} is open in another Journeymap window or program; close it there first (it was \
         not opened here, so nothing can be overwritten)"
    )]
    FileInUse { path: PathBuf },
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    #[error(
        "{total} line{} of the file cannot be imported, so nothing was imported: {}",
        if *total == 1 { "" } else { "s" },
        lines.iter().take(5).map(|l| l.to_string()).collect::<Vec<_>>().join("; ")
    )]
    InvalidImport { total: usize, lines: Vec<LineError> },
    #[error("unsupported interchange format version {found} (this app reads up to {supported})")]
    UnsupportedFormatVersion { found: u32, supported: u32 },
    #[error("the project is not valid: {}", .0.join("; "))]
    InvalidProject(Vec<String>),
    #[error("{kind} {id} does not exist")]
    NotFound { kind: &'static str, id: String },
    #[error("{0}")]
    InvalidInput(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::FileNotFound { .. } => ErrorCode::FileNotFound,
            Self::EmptyFile { .. } => ErrorCode::EmptyFile,
            Self::NotAProjectFile { .. } => ErrorCode::NotAProjectFile,
            Self::ForeignApplication { .. } => ErrorCode::ForeignApplication,
            Self::CorruptFile { .. } => ErrorCode::CorruptFile,
            Self::FileTooNew { .. } => ErrorCode::FileTooNew,
            Self::FileExists { .. } | Self::WouldReplaceProject { .. } => ErrorCode::FileExists,
            Self::FileInUse { .. } => ErrorCode::FileInUse,
            Self::InvalidJson(_) => ErrorCode::InvalidJson,
            Self::InvalidImport { .. } => ErrorCode::InvalidImport,
            Self::UnsupportedFormatVersion { .. } => ErrorCode::UnsupportedFormatVersion,
            Self::InvalidProject(_) => ErrorCode::InvalidProject,
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::InvalidInput(_) => ErrorCode::InvalidInput,
            Self::Io { .. } => ErrorCode::Io,
            Self::Database(_) => ErrorCode::Database,
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Self::Io {
            context: context.into(),
            source,
        }
    }

    /// The same error told of `shown`: a private copy was read in the file's place, and the
    /// person knows the file by its own name.
    pub(crate) fn about(self, shown: &std::path::Path) -> Self {
        let path = shown.to_owned();
        match self {
            Self::FileNotFound { .. } => Self::FileNotFound { path },
            Self::EmptyFile { .. } => Self::EmptyFile { path },
            Self::NotAProjectFile { .. } => Self::NotAProjectFile { path },
            Self::ForeignApplication { .. } => Self::ForeignApplication { path },
            Self::CorruptFile { detail, .. } => Self::CorruptFile { path, detail },
            Self::FileTooNew {
                found, supported, ..
            } => Self::FileTooNew {
                path,
                found,
                supported,
            },
            other => other,
        }
    }

    /// The shape that crosses IPC: `{code, message}`.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code(),
            message: self.to_string(),
        }
    }
}

/// An error as the UI receives it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}

/// A problem on one line of an imported file (1-based, as a text editor counts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LineError {
    #[ts(type = "number")]
    pub line: u64,
    pub message: String,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialized_code_matches_as_str() {
        // The UI reads the serde form and the CLI prints as_str(); they must never drift apart.
        // `position` has no wildcard arm, so a new code fails to compile until it is listed in
        // ALL, and the assertion below fails if it is listed in the wrong place or twice.
        fn position(code: ErrorCode) -> usize {
            use ErrorCode::*;
            match code {
                FileNotFound => 0,
                EmptyFile => 1,
                NotAProjectFile => 2,
                ForeignApplication => 3,
                CorruptFile => 4,
                FileTooNew => 5,
                FileExists => 6,
                FileInUse => 7,
                InvalidJson => 8,
                InvalidImport => 9,
                UnsupportedFormatVersion => 10,
                InvalidProject => 11,
                NotFound => 12,
                InvalidInput => 13,
                Io => 14,
                Database => 15,
            }
        }
        let all = ErrorCode::ALL;
        for (i, code) in all.iter().enumerate() {
            assert_eq!(
                position(*code),
                i,
                "{code:?} out of place in ErrorCode::ALL"
            );
        }
        let mut texts: Vec<&str> = all.iter().map(|c| c.as_str()).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), all.len(), "two codes share a name");
        for code in all {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }

    #[test]
    fn error_serializes_as_code_and_message() {
        let e = Error::EmptyFile {
            path: "x.journey".into(),
        };
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["code"], "empty-file");
        assert!(v["message"].as_str().unwrap().contains("x.journey"));
    }
}
