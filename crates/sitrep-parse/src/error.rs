//! Errors of the tagger, parser, model files and CoNLL-U reader.

use std::path::PathBuf;

/// What can go wrong loading models, reading treebanks or training.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A model file is truncated, of another version, or otherwise not a model.
    #[error("{name}: bad model file at byte {offset}: {message}")]
    Model {
        /// Model file name (or `embedded …`).
        name: String,
        /// Byte offset where reading failed.
        offset: usize,
        /// What was wrong.
        message: String,
    },
    /// A CoNLL-U line could not be read.
    #[error(transparent)]
    Conllu(#[from] crate::conllu::ConlluError),
    /// Training could not run (no data, bad split list, …).
    #[error("training: {0}")]
    Train(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl From<Error> for sitrep_text::Error {
    fn from(e: Error) -> sitrep_text::Error {
        sitrep_text::Error::Stage {
            stage: "parse",
            message: e.to_string(),
        }
    }
}
