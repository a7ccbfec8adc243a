//! Errors (a dictionary could not be read at all) and diagnostics (a line was skipped).

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

/// A dictionary or codebook could not be loaded at all. Malformed lines are not errors:
/// they are skipped and reported as [`Diagnostic`]s.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A dictionary file could not be read.
    #[error("cannot read dictionary {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// Where a dictionary record comes from: file name and 1-based line. Printed as `file:line`,
/// it is what `sitrep code --explain` shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Origin {
    /// File name as given when loading (an embedded file's own name, or the user's path).
    #[serde(serialize_with = "serialize_arc_str")]
    pub file: Arc<str>,
    /// 1-based line number.
    pub line: u32,
}

fn serialize_arc_str<S: serde::Serializer>(s: &Arc<str>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A malformed or questionable line that was skipped or repaired while loading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Where.
    pub origin: Origin,
    /// What was wrong and what was done about it.
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn new(file: &Arc<str>, line: u32, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            origin: Origin {
                file: file.clone(),
                line,
            },
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}
