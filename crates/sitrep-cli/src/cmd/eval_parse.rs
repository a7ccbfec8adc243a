//! `sitrep eval-parse`: score the tagger and parser on CoNLL-U files with gold tokens.

use std::path::PathBuf;

use anyhow::Context;
use sitrep_parse::{conllu, Pipeline, Scores};

/// Flags of `sitrep eval-parse`.
#[derive(clap::Args)]
pub struct Args {
    /// Gold CoNLL-U files; tokens are kept, everything else is re-predicted and scored.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Model directory (default: the model compiled into the binary).
    #[arg(long)]
    model: Option<PathBuf>,
}

/// Run `sitrep eval-parse`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let pipeline = match &args.model {
        Some(dir) => Pipeline::load(dir)
            .with_context(|| format!("loading the model from {}", dir.display()))?,
        None => Pipeline::embedded().context("loading the embedded model")?,
    };
    let mut total = Scores::default();
    for f in &args.files {
        let parsed = conllu::read_file(f)?;
        for e in &parsed.errors {
            eprintln!("warning: {e} (sentence skipped)");
        }
        let s = sitrep_parse::evaluate(&pipeline, &parsed.sentences);
        println!("{}: {s}", f.display());
        total.add(&s);
    }
    if args.files.len() > 1 {
        println!("total: {total}");
    }
    println!("(every word scored, punctuation included, as in CoNLL 2018; LAS compares universal relations, subtypes stripped)");
    Ok(())
}
