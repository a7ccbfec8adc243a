//! Errors of the text layer.

/// What can go wrong reading or segmenting a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not UTF-8; `offset` is the byte offset of the first invalid sequence.
    #[error("invalid UTF-8 at byte offset {offset} (use --lossy to replace bad bytes)")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A stage failed on a document for a reason it names.
    #[error("{stage}: {message}")]
    Stage {
        /// Which stage.
        stage: &'static str,
        /// What went wrong.
        message: String,
    },
}
