//! Event coding: actors, CAMEO and PLOVER events, quotes and in-document coreference.
#![deny(missing_docs)]

pub mod quote_marks;
pub mod record;
pub mod tree;
