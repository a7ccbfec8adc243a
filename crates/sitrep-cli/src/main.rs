//! The `sitrep` binary: flags, input/output formats and glue; the work is in the library crates.

mod cmd;
mod input;
mod pipeline;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// sitrep: news articles in, coded political events out (CAMEO, PLOVER), with evidence spans.
#[derive(Parser)]
#[command(name = "sitrep", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles: cleaned document, sentences, actors, events, quotes as JSON.
    Code(cmd::code::Args),
    /// Tokenize, tag and parse; print CoNLL-U with byte ranges into the original text.
    Parse(cmd::parse::Args),
    /// Train the tagger and parser from Universal Dependencies treebanks.
    Train(cmd::train::Args),
    /// Induce the word clusters the tagger and parser read, from UD training text and corpora.
    Clusters(cmd::clusters::Args),
    /// Score the tagger and parser on CoNLL-U files (gold tokenization).
    EvalParse(cmd::eval_parse::Args),
    /// Score the tokenizer and sentence splitter on CoNLL-U files (raw text from `# text`).
    EvalSegment(cmd::eval_segment::Args),
    /// Build the compact gazetteer shipped in data/geo from a GeoNames dump.
    BuildGazetteer(cmd::gazetteer::Args),
    /// Measure throughput of each stage on JSON Lines corpora (single thread by default).
    Bench(cmd::bench::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => cmd::code::run(a),
        Command::Parse(a) => cmd::parse::run(a),
        Command::Train(a) => cmd::train::run(a),
        Command::Clusters(a) => cmd::clusters::run(a),
        Command::EvalParse(a) => cmd::eval_parse::run(a),
        Command::EvalSegment(a) => cmd::eval_segment::run(a),
        Command::BuildGazetteer(a) => cmd::gazetteer::run(a),
        Command::Bench(a) => cmd::bench::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`sitrep code … | head`) is not an error worth reporting.
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let _ = std::io::stdout().flush();
            eprintln!("sitrep: {err:#}");
            ExitCode::from(2)
        }
    }
}
