//! `sitrep code`: articles in, coded documents out (SCHEMA.md), one per input document.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use rayon::prelude::*;
use sitrep_code::record::CodedDocument;
use sitrep_code::{CodeOptions, Coder};
use sitrep_dict::{DictConfig, DictSource, Dictionaries};

use crate::input::{parse_date, InputFormat, ReadOptions, Reader};
use crate::pipeline::TextPipeline;

/// Output layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One pretty-printed JSON object per document.
    Json,
    /// One JSON object per line (corpus mode).
    Jsonl,
    /// One tab-separated line per event, with a header.
    Tsv,
}

/// Flags of `sitrep code`.
#[derive(clap::Args)]
pub struct Args {
    /// Input files; `-` reads standard input.
    #[arg(default_value = "-")]
    pub inputs: Vec<String>,
    /// How inputs are laid out: one article per file, or JSON Lines records.
    #[arg(long, value_enum, default_value = "text")]
    pub input: InputFormat,
    /// Output layout.
    #[arg(long, value_enum, default_value = "json")]
    pub format: OutputFormat,
    /// Publication date (YYYY-MM-DD): relative dates resolve against it, dictionary roles are
    /// chosen for it. For JSON Lines it fills records that have no `date`.
    #[arg(long)]
    pub date: Option<String>,
    /// Document id (text input; default: the file name without extension).
    #[arg(long)]
    pub id: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of rejecting the document.
    #[arg(long)]
    pub lossy: bool,
    /// Attach to every actor, event, quote and place the rule and dictionary entries behind it.
    #[arg(long)]
    pub explain: bool,
    /// Verb-pattern dictionary (CAMEO.2.0 or PETRARCH-1 format) replacing the built-in ones; repeatable.
    #[arg(long)]
    pub verbs: Vec<PathBuf>,
    /// Actor dictionary (Phoenix format) replacing the built-in ones; repeatable.
    #[arg(long)]
    pub actors: Vec<PathBuf>,
    /// Agent dictionary replacing the built-in ones; repeatable.
    #[arg(long)]
    pub agents: Vec<PathBuf>,
    /// Discard list replacing the built-in one; repeatable.
    #[arg(long)]
    pub discards: Vec<PathBuf>,
    /// Directory with a retrained tagger/parser model (default: the built-in model).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// Build the dictionaries: the built-in set with any file lists the user replaced.
pub fn dictionaries(
    args_verbs: &[PathBuf],
    actors: &[PathBuf],
    agents: &[PathBuf],
    discards: &[PathBuf],
) -> Result<&'static Dictionaries> {
    if args_verbs.is_empty() && actors.is_empty() && agents.is_empty() && discards.is_empty() {
        return Ok(Dictionaries::embedded());
    }
    let mut cfg = DictConfig::default();
    let paths = |v: &[PathBuf]| {
        v.iter()
            .map(|p| DictSource::path(p.clone()))
            .collect::<Vec<_>>()
    };
    if !args_verbs.is_empty() {
        cfg.verbs = paths(args_verbs);
    }
    if !actors.is_empty() {
        cfg.actors = paths(actors);
    }
    if !agents.is_empty() {
        cfg.agents = paths(agents);
    }
    if !discards.is_empty() {
        cfg.discards = paths(discards);
    }
    let (dict, diags) = Dictionaries::load(&cfg).context("cannot load dictionaries")?;
    for d in diags.iter().take(20) {
        eprintln!("sitrep: warning: {d}");
    }
    if diags.len() > 20 {
        eprintln!(
            "sitrep: warning: … and {} more dictionary lines skipped",
            diags.len() - 20
        );
    }
    // The dictionaries live for the whole run; leaking them gives the coder a plain reference.
    Ok(Box::leak(Box::new(dict)))
}

/// Run `sitrep code`.
pub fn run(args: Args) -> Result<()> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .ok();
    }
    let date = args
        .date
        .as_deref()
        .map(parse_date)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    if args.id.is_some() && args.inputs.len() > 1 {
        anyhow::bail!(
            "--id names one document; {} inputs were given",
            args.inputs.len()
        );
    }
    let text = TextPipeline::load(args.model.as_ref())?;
    let dict = dictionaries(&args.verbs, &args.actors, &args.agents, &args.discards)?;
    let coder = Coder::new(
        dict,
        CodeOptions {
            explain: args.explain,
        },
    );
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    if args.format == OutputFormat::Tsv {
        writeln!(out, "{}", TSV_HEADER.join("\t"))?;
    }
    let opts = ReadOptions {
        lossy: args.lossy,
        id: args.id.clone(),
        date,
    };
    let (mut ok, mut bad) = (0usize, 0usize);
    for path in &args.inputs {
        let mut reader = match Reader::open(path, args.input, opts.clone()) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("sitrep: {e:#}");
                bad += 1;
                continue;
            }
        };
        loop {
            let batch = reader.next_batch(256)?;
            if batch.is_empty() {
                break;
            }
            let results: Vec<Result<CodedDocument, String>> = batch
                .into_par_iter()
                .map(|item| match item {
                    Ok(mut input) => {
                        text.run(&mut input.doc)
                            .map_err(|e| format!("{}: {e:#}", input.doc.id))?;
                        Ok(coder.code(&input.doc, input.meta))
                    }
                    Err(bad) => Err(format!("{}: {}", bad.location, bad.message)),
                })
                .collect();
            for r in results {
                match r {
                    Ok(coded) => {
                        write_doc(&mut out, &coded, args.format)?;
                        ok += 1;
                    }
                    Err(msg) => {
                        eprintln!("sitrep: skipped {msg}");
                        bad += 1;
                    }
                }
            }
        }
    }
    out.flush()?;
    if bad > 0 {
        eprintln!("sitrep: {ok} documents coded, {bad} skipped");
        drop(out);
        std::process::exit(if ok == 0 { 2 } else { 3 });
    }
    Ok(())
}

const TSV_HEADER: &[&str] = &[
    "doc_id",
    "event_id",
    "sentence",
    "date",
    "source_code",
    "source_text",
    "target_code",
    "target_text",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "negated",
    "modality",
    "evidence_start",
    "evidence_end",
    "place",
    "country",
    "lat",
    "lon",
    "geonameid",
];

fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn write_doc(out: &mut impl Write, coded: &CodedDocument, format: OutputFormat) -> Result<()> {
    match format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, coded)?;
            writeln!(out)?;
        }
        OutputFormat::Jsonl => {
            serde_json::to_writer(&mut *out, coded)?;
            writeln!(out)?;
        }
        OutputFormat::Tsv => {
            for e in &coded.events {
                let loc = e.location.as_ref();
                let row = [
                    tsv_field(&coded.doc.id),
                    e.id.clone(),
                    e.sentence.to_string(),
                    e.date.clone().unwrap_or_default(),
                    e.source.code.clone(),
                    tsv_field(&e.source.text),
                    e.target
                        .as_ref()
                        .map(|t| t.code.clone())
                        .unwrap_or_default(),
                    e.target
                        .as_ref()
                        .map(|t| tsv_field(&t.text))
                        .unwrap_or_default(),
                    e.cameo.clone(),
                    e.root.clone(),
                    e.quad_class.map(|q| q.to_string()).unwrap_or_default(),
                    e.goldstein.map(|g| g.to_string()).unwrap_or_default(),
                    e.plover.clone().unwrap_or_default(),
                    e.negated.to_string(),
                    e.modality.clone(),
                    e.evidence.start.to_string(),
                    e.evidence.end.to_string(),
                    loc.map(|l| tsv_field(&l.name)).unwrap_or_default(),
                    loc.and_then(|l| l.country.clone()).unwrap_or_default(),
                    loc.map(|l| l.lat.to_string()).unwrap_or_default(),
                    loc.map(|l| l.lon.to_string()).unwrap_or_default(),
                    loc.and_then(|l| l.geonameid)
                        .map(|g| g.to_string())
                        .unwrap_or_default(),
                ];
                writeln!(out, "{}", row.join("\t"))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_fields_have_no_tabs() {
        assert_eq!(tsv_field("a\tb\nc"), "a b c");
    }
}
