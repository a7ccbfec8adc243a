//! `sitrep build-gazetteer`: builds the compact gazetteer in `data/geo/` from a GeoNames extract.

use std::path::PathBuf;

use anyhow::Context;
use sitrep_geo::builder::{build, BuildOptions};

/// Flags of this subcommand.
#[derive(clap::Args)]
pub struct Args {
    /// Folder with the GeoNames extract (`cities.tsv`, `cities5000.tsv`, `admin1.tsv`,
    /// `countries.tsv`), e.g. `../shared/data/geo`.
    #[arg(long)]
    geonames: PathBuf,
    /// Output folder for `gazetteer.tsv` and `common_words.tsv`.
    #[arg(long, default_value = "data/geo")]
    out: PathBuf,
    /// CAMEO country codebook; default: `codebooks/countries.tsv` beside the GeoNames folder.
    #[arg(long)]
    codebook: Option<PathBuf>,
    /// CoNLL-U files counted for words mostly written in lower case (repeatable); default: UD
    /// English-EWT beside the GeoNames folder.
    #[arg(long)]
    treebank: Vec<PathBuf>,
    /// Cities smaller than this keep no alternate names.
    #[arg(long, default_value_t = 50_000)]
    alt_min_population: u64,
}

/// Run the subcommand.
pub fn run(args: Args) -> anyhow::Result<()> {
    let mut opts = BuildOptions::from_geonames(&args.geonames, &args.out);
    if let Some(c) = args.codebook {
        opts.codebook = c;
    }
    if !args.treebank.is_empty() {
        opts.treebanks = args.treebank;
    }
    opts.alt_min_population = args.alt_min_population;
    let report = build(&opts)
        .with_context(|| format!("building the gazetteer from {}", args.geonames.display()))?;
    eprintln!(
        "wrote {}: {} countries, {} divisions, {} cities, {} alternate names, {} bytes; {} common words",
        args.out.display(),
        report.countries,
        report.admin1,
        report.cities,
        report.alternates,
        report.bytes,
        report.common_words
    );
    Ok(())
}
