//! `sitrep train`: train the tagger and parser from the UD English treebanks.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use sitrep_parse::parser::Templates;
use sitrep_parse::train::{self, NonProjective, TableBits, TrainOptions};
use sitrep_parse::{evaluate, Compression, Pipeline};

/// Template sets for the guide parser.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum GuideTemplates {
    Guide,
    Small,
    Full,
}

/// Flags of `sitrep train`.
#[derive(clap::Args)]
pub struct Args {
    /// Directory holding `en_ewt/` and `en_gum/` (with GUM's `splits.md`).
    #[arg(long, default_value = "../shared/data/ud")]
    ud_dir: PathBuf,
    /// Directory to write the model into (`en-ud.model`).
    #[arg(long, default_value = "models")]
    out: PathBuf,
    /// Seed for shuffling and exploration; the same seed gives the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Maximum parser epochs; the best on EWT dev + GUM dev is kept.
    #[arg(long, default_value_t = TrainOptions::default().parser_epochs)]
    epochs: usize,
    /// Maximum tagger epochs; the best on dev is kept.
    #[arg(long, default_value_t = TrainOptions::default().tagger_epochs)]
    tagger_epochs: usize,
    /// Jackknife folds for the parser's training tags (0 = gold tags).
    #[arg(long, default_value_t = TrainOptions::default().folds)]
    folds: usize,
    /// Drop averaged weights smaller than this (perceptron update units).
    #[arg(long, default_value_t = Compression::default().prune)]
    prune: f64,
    /// Drop tagger weights smaller than this.
    #[arg(long, default_value_t = TrainOptions::default().tagger_compression.prune)]
    tagger_prune: f64,
    /// Leave non-projective training trees out instead of lifting their crossing arcs.
    #[arg(long)]
    skip_nonprojective: bool,
    /// Tagger feature table size, log2 of its rows.
    #[arg(long, default_value_t = TableBits::default().tagger)]
    tagger_bits: u32,
    /// Transition feature table size, log2 of its rows.
    #[arg(long, default_value_t = TableBits::default().actions)]
    action_bits: u32,
    /// Label feature table size, log2 of its rows.
    #[arg(long, default_value_t = TableBits::default().labels)]
    label_bits: u32,
    /// Cache the trained tagger and its jackknifed tags in this file and reuse them when data
    /// and tagger options match (parser-only experiments).
    #[arg(long)]
    tagger_cache: Option<PathBuf>,
    /// Give the main parser a third of the transition templates (faster, less accurate).
    #[arg(long)]
    small_parser: bool,
    /// Tag in one pass only (faster, slightly less accurate).
    #[arg(long)]
    no_second_pass: bool,
    /// Train a single left-to-right parser instead of one stacked on a right-to-left guide.
    #[arg(long)]
    no_stack: bool,
    /// Templates of the guide parser: all transition templates and half the label ones
    /// (guide), a third of the transition templates (small: faster, less accurate), or all.
    #[arg(long, value_enum, default_value_t = GuideTemplates::Guide)]
    guide_templates: GuideTemplates,
    /// Use only the first N training sentences (quick experiments).
    #[arg(long)]
    limit: Option<usize>,
    /// Word clusters to read as features (the TSV written by `sitrep clusters`); without it
    /// the model has none.
    #[arg(long)]
    clusters: Option<PathBuf>,
    /// After training, score EWT test, GUM test and GUM test news and measure speed.
    #[arg(long)]
    eval: bool,
}

/// Run `sitrep train`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let t0 = Instant::now();
    let mut tb = train::load_treebanks(&args.ud_dir)
        .with_context(|| format!("reading treebanks under {}", args.ud_dir.display()))?;
    for e in &tb.errors {
        eprintln!("warning: {e} (sentence skipped)");
    }
    if let Some(n) = args.limit {
        tb.train.truncate(n);
    }
    let dev: Vec<_> = tb.ewt_dev.iter().chain(&tb.gum_dev).cloned().collect();
    let clusters = match &args.clusters {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let words = sitrep_parse::clusters::from_tsv(&text, &path.display().to_string())?;
            eprintln!("{} clustered words from {}", words.len(), path.display());
            std::sync::Arc::new(sitrep_parse::Clusters::from_words(&words))
        }
        None => std::sync::Arc::default(),
    };
    let opts = TrainOptions {
        seed: args.seed,
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.epochs,
        folds: args.folds,
        compression: Compression { prune: args.prune },
        tagger_compression: Compression {
            prune: args.tagger_prune,
        },
        nonprojective: if args.skip_nonprojective {
            NonProjective::Skip
        } else {
            NonProjective::Lift
        },
        bits: TableBits {
            tagger: args.tagger_bits,
            actions: args.action_bits,
            labels: args.label_bits,
        },
        tagger_cache: args.tagger_cache.clone(),
        clusters,
        second_pass: !args.no_second_pass,
        stacked: !args.no_stack,
        guide_templates: match args.guide_templates {
            GuideTemplates::Guide => Templates::Guide,
            GuideTemplates::Small => Templates::Small,
            GuideTemplates::Full => Templates::Full,
        },
        main_templates: if args.small_parser {
            Templates::Small
        } else {
            Templates::Full
        },
    };
    let (pipeline, _report) =
        train::train(&tb.train, &dev, &opts, &mut |line| eprintln!("{line}"))?;
    pipeline
        .save(&args.out)
        .with_context(|| format!("writing the model into {}", args.out.display()))?;
    let size = pipeline.to_bytes().len();
    eprintln!(
        "wrote {} ({:.2} MB) in {:.1?}",
        args.out.join(sitrep_parse::MODEL_FILE).display(),
        size as f64 / 1e6,
        t0.elapsed()
    );
    if args.eval {
        report(&pipeline, &tb);
    }
    Ok(())
}

/// Print scores on the standard evaluation sets and the speed.
fn report(p: &Pipeline, tb: &train::Treebanks) {
    let (tf, tw) = p.tagger().size();
    let parts: Vec<String> = p
        .part_sizes()
        .iter()
        .map(|(name, n)| format!("{name} {:.2} MB", *n as f64 / 1e6))
        .collect();
    eprintln!("model parts: {}", parts.join(", "));
    let ((mf, mw), (gf, gw)) = p.parser().size();
    eprintln!(
        "model: tagger {tf} features / {tw} weights; parser {mf} / {mw}; guide parser {gf} / {gw}"
    );
    for (name, set) in [
        ("EWT dev", &tb.ewt_dev),
        ("GUM dev", &tb.gum_dev),
        ("EWT test", &tb.ewt_test),
        ("GUM test", &tb.gum_test),
        ("GUM test news", &tb.gum_test_news),
    ] {
        eprintln!("{name:>14}: {}", evaluate(p, set));
        eprintln!(
            "{:>14}  with gold tags: {}",
            "",
            sitrep_parse::eval::evaluate_gold_tags(p, set)
        );
    }
    let tps = train::throughput(p, &tb.ewt_test);
    eprintln!("speed on EWT test (tag + parse, 1 thread): {tps:.0} tokens/s");
}
