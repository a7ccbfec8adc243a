//! The full document pipeline shared by `code`, `parse` and `bench`: cleanup → sentences and
//! tokens → tagging and parsing (→ coding), with the resources loaded once.

use std::path::PathBuf;

use anyhow::{Context, Result};
use sitrep_parse::Pipeline;
use sitrep_text::{Cleaner, Document, Segmenter, Stage};

/// The text and syntax stages, built once and shared by worker threads.
pub struct TextPipeline {
    cleaner: Cleaner,
    segmenter: Segmenter,
    parser: Pipeline,
}

impl TextPipeline {
    /// Load the parser model (the embedded one unless `model` names a directory).
    pub fn load(model: Option<&PathBuf>) -> Result<TextPipeline> {
        let parser = match model {
            Some(dir) => Pipeline::load(dir)
                .with_context(|| format!("cannot load the model in {}", dir.display()))?,
            None => Pipeline::embedded().context("cannot load the embedded tagger/parser model")?,
        };
        Ok(TextPipeline {
            cleaner: cleaner(),
            segmenter: Segmenter::default(),
            parser,
        })
    }

    /// Clean, segment, tag and parse a document in place.
    pub fn run(&self, doc: &mut Document) -> Result<()> {
        self.cleaner.run(doc)?;
        self.segmenter.run(doc)?;
        self.parser.run(doc)?;
        Ok(())
    }

    /// The tagger/parser.
    pub fn parser(&self) -> &Pipeline {
        &self.parser
    }
}

/// The cleaner, with the embedded gazetteer telling dateline places in capitals
/// (`ISLAMABAD: …`) from labels (`NATO: …`); see [`sitrep_geo::known_place`].
pub fn cleaner() -> Cleaner {
    Cleaner {
        known_place: sitrep_geo::known_place(),
        ..Cleaner::default()
    }
}
