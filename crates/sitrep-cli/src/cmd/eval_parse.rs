//! `sitrep eval-parse`: score the tagger and parser on CoNLL-U files with gold tokens.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use sitrep_parse::{conllu, Pipeline, Scores};

/// Flags of `sitrep eval-parse`.
#[derive(clap::Args)]
pub struct Args {
    /// Gold CoNLL-U files; tokens are kept, everything else is re-predicted and scored.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Also score the parser given the gold tags (the parser alone).
    #[arg(long)]
    gold_tags: bool,
    /// Model directory (default: the model compiled into the binary).
    #[arg(long)]
    model: Option<PathBuf>,
}

/// Run `sitrep eval-parse`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let t = std::time::Instant::now();
    let pipeline = match &args.model {
        Some(dir) => Pipeline::load(dir)
            .with_context(|| format!("loading the model from {}", dir.display()))?,
        None => Pipeline::embedded().context("loading the embedded model")?,
    };
    let load = t.elapsed();
    let mut total = Scores::default();
    let mut busy = std::time::Duration::ZERO;
    let mut out = std::io::stdout().lock();
    for f in &args.files {
        let parsed = conllu::read_file(f)?;
        for e in &parsed.errors {
            eprintln!("warning: {e} (sentence skipped)");
        }
        let t = std::time::Instant::now();
        let s = sitrep_parse::evaluate(&pipeline, &parsed.sentences);
        busy += t.elapsed();
        writeln!(out, "{}: {s}", f.display())?;
        total.add(&s);
        if args.gold_tags {
            let g = sitrep_parse::eval::evaluate_gold_tags(&pipeline, &parsed.sentences);
            writeln!(out, "{}: with gold tags: {g}", f.display())?;
        }
    }
    if args.files.len() > 1 {
        writeln!(out, "total: {total}")?;
    }
    let parts: Vec<String> = pipeline
        .part_sizes()
        .iter()
        .map(|(name, n)| format!("{name} {:.2} MB", *n as f64 / 1e6))
        .collect();
    writeln!(
        out,
        "model {:.2} MB ({}), loaded in {:.1} ms; tagged and parsed {:.0} words/s (one thread)",
        pipeline.to_bytes().len() as f64 / 1e6,
        parts.join(", "),
        load.as_secs_f64() * 1e3,
        total.words as f64 / busy.as_secs_f64().max(1e-9)
    )?;
    writeln!(out, "(every word scored, punctuation included, as in CoNLL 2018; LAS compares universal relations, subtypes stripped)")?;
    Ok(())
}
