//! In-house part-of-speech tagger and transition-based dependency parser for sitrep, with
//! CoNLL-U reading/writing, training from Universal Dependencies treebanks and evaluation.
//!
//! # Overview
//! - [`Pipeline`]: tagger + parser. [`Pipeline::embedded`] loads the model committed under
//!   `models/` (compiled in); [`Pipeline::load`] reads a retrained one. It is a
//!   [`sitrep_text::Stage`]: it fills `upos`, `xpos`, `head` and `deprel` of every token.
//! - [`Pipeline::analyze`]: tag and parse one sentence given its forms.
//! - [`reparse_conllu`]: keep the tokens of CoNLL-U text, re-predict the analyses.
//! - [`conllu`]: reader and writer; [`eval`]: scores; [`train`]: training.
//!
//! The tagger is a greedy averaged perceptron over joint `UPOS|XPOS` classes
//! ([`tagger`]); the parser is a greedy arc-hybrid parser with a dynamic oracle and a
//! separate label classifier ([`parser`]). Both store pruned, quantized weights in compact
//! hash tables ([`perceptron`]).
//!
//! ```no_run
//! let p = sitrep_parse::Pipeline::embedded()?;
//! let a = p.analyze(&["Iran", "helps", "Iraq", "."]);
//! assert_eq!(a[1].head, 0);
//! # Ok::<(), sitrep_parse::Error>(())
//! ```
#![deny(missing_docs)]

mod bin;
pub mod clusters;
pub mod conllu;
mod error;
pub mod eval;
mod hash;
mod lex;
pub mod parser;
pub mod perceptron;
mod pipeline;
pub mod repair;
pub mod tagger;
pub mod train;

pub use clusters::{ClusterOptions, ClusteredWord, Clusters};
pub use error::Error;
pub use eval::{evaluate, Scores};
pub use perceptron::Compression;
pub use pipeline::{
    reparse_conllu, reparse_sentence, Analysis, Pipeline, Reparsed, Scratch, MODEL_FILE,
};
