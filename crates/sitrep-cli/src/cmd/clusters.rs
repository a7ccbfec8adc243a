//! `sitrep clusters`: induce the word clusters the tagger and parser can read as features
//! (`sitrep train --clusters`), from the UD training text and unlabelled news corpora (JSON
//! Lines, as `sitrep code` reads them).
//!
//! The clusters carry the vocabulary of the text they were induced from: clusters (and models)
//! made from `../shared/data/corpora`, whose terms allow research use only, are for
//! experiments and must not be committed or shipped.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use sitrep_parse::clusters::{self, ClusterOptions, LEVELS};
use sitrep_parse::train;
use sitrep_text::{Document, Segmenter, Stage};

/// Flags of `sitrep clusters`.
#[derive(clap::Args)]
pub struct Args {
    /// Directory holding `en_ewt/` and `en_gum/`: their training sentences are clustered too
    /// (never dev or test).
    #[arg(long, default_value = "../shared/data/ud")]
    ud_dir: PathBuf,
    /// JSON Lines corpora (files, or directories whose `*.jsonl` files are all read).
    #[arg(long, default_value = "../shared/data/corpora")]
    corpora: Vec<PathBuf>,
    /// The TSV file to write (`word`, `count`, one class id per granularity).
    #[arg(long, default_value = "target/clusters/en-clusters.tsv")]
    out: PathBuf,
    /// Words seen fewer times are not clustered.
    #[arg(long, default_value_t = ClusterOptions::default().min_count)]
    min_count: u64,
    /// Number of classes at each granularity, coarse to fine.
    #[arg(long, value_delimiter = ',', default_values_t = ClusterOptions::default().sizes)]
    sizes: Vec<usize>,
    /// Most passes of the exchange algorithm per granularity.
    #[arg(long, default_value_t = ClusterOptions::default().max_passes)]
    passes: usize,
}

/// The `.jsonl` files named, directories expanded (sorted, so runs are repeatable).
fn corpus_files(given: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in given {
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("listing {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
                .collect();
            v.sort();
            out.extend(v);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Run `sitrep clusters`.
pub fn run(args: Args) -> Result<()> {
    let t0 = Instant::now();
    let sizes: [usize; LEVELS] = args.sizes.as_slice().try_into().map_err(|_| {
        anyhow::anyhow!("--sizes takes {LEVELS} class counts, coarse to fine (e.g. 32,128,512)")
    })?;
    let tb = train::load_treebanks(&args.ud_dir)
        .with_context(|| format!("reading treebanks under {}", args.ud_dir.display()))?;
    let cleaner = crate::pipeline::cleaner();
    let segmenter = Segmenter::default();
    let mut docs: Vec<Document> = Vec::new();
    let (mut bad, files) = (0usize, corpus_files(&args.corpora)?);
    crate::input::each_jsonl_record(&files, |item| {
        match item {
            Ok(mut input) => {
                if cleaner.run(&mut input.doc).is_ok() && segmenter.run(&mut input.doc).is_ok() {
                    docs.push(input.doc);
                }
            }
            Err(e) => {
                eprintln!("warning: {}: {} (record skipped)", e.location, e.message);
                bad += 1;
            }
        }
        true
    })?;
    eprintln!(
        "{} training sentences, {} documents from {} corpora ({bad} records skipped) [{:.1?}]",
        tb.train.len(),
        docs.len(),
        files.len(),
        t0.elapsed()
    );
    let ud = tb.train.iter().map(|s| s.forms());
    let news = docs.iter().flat_map(|d| {
        d.sentences.iter().map(move |s| {
            d.tokens[s.tokens()]
                .iter()
                .map(|t| t.form(&d.text))
                .collect::<Vec<&str>>()
        })
    });
    let opts = ClusterOptions {
        sizes,
        min_count: args.min_count,
        max_passes: args.passes,
    };
    let words = clusters::induce(ud.chain(news), &opts, &|l| eprintln!("{l}"));
    let about = format!(
        "sitrep word clusters: exchange algorithm, {:?} classes, words seen at least {} times, at most {} passes; text: UD training sentences of {} and {}",
        opts.sizes,
        opts.min_count,
        opts.max_passes,
        args.ud_dir.display(),
        files
            .iter()
            .map(|f| f.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&args.out, clusters::to_tsv(&words, &about))
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} words) in {:.1?}",
        args.out.display(),
        words.len(),
        t0.elapsed()
    );
    Ok(())
}
