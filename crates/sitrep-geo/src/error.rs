//! Errors of the geo layer: data files that do not parse, and build inputs that cannot be read.

use std::path::PathBuf;

/// What can go wrong loading or building the gazetteer and its word lists.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A data file has a malformed line; `file` names it, `line` is 1-based.
    #[error("{file}:{line}: {message}")]
    Data {
        /// The data file (embedded name or path).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// An input or output file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// A data error at `file:line`.
    pub(crate) fn data(file: &str, line: usize, message: impl Into<String>) -> Error {
        Error::Data {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    /// An I/O error on `path`.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
