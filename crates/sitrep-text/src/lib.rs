//! The text layer of sitrep: the [`Document`] model, cleanup of scraped articles, sentences
//! and tokens.
//!
//! # Overview
//! - [`Span`] / [`Ranged`]: half-open byte ranges into the original text; every layer uses them.
//! - [`Document`]: the verbatim input plus removed pieces, dateline, paragraphs, sentences, tokens.
//! - [`tags`]: UPOS, XPOS and dependency-relation enums filled by `sitrep-parse`.
//!
//! Pipeline order (each a [`Stage`]): cleanup → segmentation (sentences and tokens) →
//! tagging and parsing (`sitrep-parse`).
#![deny(missing_docs)]

pub mod document;
pub mod error;
pub mod span;
pub mod tags;

pub use document::{Dateline, Document, RemovalReason, Removed, Sentence, Stage, Token};
pub use error::Error;
pub use span::{Ranged, Span};
pub use tags::{DepRel, Upos, Xpos};

pub mod cleanup;
pub mod segment;

pub use cleanup::{Cleaner, KnownPlace};
pub use segment::Segmenter;

/// Run cleanup and segmentation with default settings: the text half of the pipeline.
pub fn prepare(doc: &mut Document) -> Result<(), Error> {
    Cleaner::default().run(doc)?;
    Segmenter::default().run(doc)
}
