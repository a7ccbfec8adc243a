//! `sitrep eval-segment`: score the tokenizer and sentence splitter on CoNLL-U treebanks.
//!
//! The raw text is rebuilt from each sentence's `# text` comment; tokens, syntactic words and
//! sentences are compared with the gold ones by character offsets, as the CoNLL 2018 shared task
//! does (see `sitrep_text::segment::eval`).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use sitrep_text::segment::eval::{missing, read_conllu, score, segment, Layout, Report, Score};
use sitrep_text::Segmenter;
use sitrep_text::Span;

/// Which text layouts to score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    /// Sentences of a paragraph joined into running text (tests sentence splitting).
    Running,
    /// Each gold sentence on its own line (tests tokenization alone).
    Isolated,
    /// Both.
    Both,
}

/// Flags of this subcommand.
#[derive(clap::Args)]
pub struct Args {
    /// CoNLL-U files to score (e.g. en_ewt-ud-test.conllu, GUM_news_*.conllu).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// How the gold sentences are laid out as text.
    #[arg(long, value_enum, default_value_t = Mode::Both)]
    mode: Mode,
    /// Print one line per file as well as the total.
    #[arg(long)]
    per_file: bool,
    /// After the scores, print up to N missed and N spurious words and sentence ends, with
    /// context, to see what the segmenter gets wrong.
    #[arg(long, value_name = "N", default_value_t = 0)]
    show_errors: usize,
    /// Cap on sentence length in tokens.
    #[arg(long, default_value_t = sitrep_text::segment::DEFAULT_MAX_SENTENCE_TOKENS)]
    max_sentence_tokens: usize,
}

/// Run the subcommand.
pub fn run(args: Args) -> anyhow::Result<()> {
    let segmenter = Segmenter {
        max_sentence_tokens: args.max_sentence_tokens,
    };
    let layouts: &[(Layout, &str)] = match args.mode {
        Mode::Running => &[(Layout::Running, "running")],
        Mode::Isolated => &[(Layout::Isolated, "isolated")],
        Mode::Both => &[(Layout::Running, "running"), (Layout::Isolated, "isolated")],
    };
    let mut out = std::io::stdout().lock();
    let mut errors: Vec<String> = Vec::new();
    writeln!(
        out,
        "{:<28} {:<9} {:>22} {:>22} {:>22}",
        "file", "layout", "tokens P/R/F1", "words P/R/F1", "sentences P/R/F1"
    )?;
    for &(layout, label) in layouts {
        let mut total = Report::default();
        for path in &args.files {
            let src = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let name = path.display().to_string();
            let gold = read_conllu(&name, &src, layout)?;
            let sys = segment(&gold, &segmenter).with_context(|| format!("segmenting {name}"))?;
            let report = Report {
                tokens: score(&gold.tokens, &sys.tokens),
                words: score(&gold.words, &sys.words),
                sentences: score(&gold.sentences, &sys.sentences),
            };
            if args.show_errors > 0 {
                let text = gold.text.as_str();
                let n = args.show_errors;
                show(
                    &mut errors,
                    text,
                    "missed word",
                    &missing(&gold.words, &sys.words),
                    n,
                )?;
                show(
                    &mut errors,
                    text,
                    "wrong word",
                    &missing(&sys.words, &gold.words),
                    n,
                )?;
                let gold_ends = ends(&gold.sentences);
                let sys_ends = ends(&sys.sentences);
                show(
                    &mut errors,
                    text,
                    "missed sentence end",
                    &missing(&gold_ends, &sys_ends),
                    n,
                )?;
                show(
                    &mut errors,
                    text,
                    "wrong sentence end",
                    &missing(&sys_ends, &gold_ends),
                    n,
                )?;
            }
            if args.per_file {
                let short = path
                    .file_name()
                    .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
                print_row(&mut out, &short, label, &report)?;
            }
            total.add(report);
        }
        let name = if args.files.len() == 1 {
            args.files[0]
                .file_name()
                .map_or_else(|| "total".to_string(), |n| n.to_string_lossy().into_owned())
        } else {
            format!("total ({} files)", args.files.len())
        };
        print_row(&mut out, &name, label, &total)?;
    }
    for e in &errors {
        writeln!(out, "{e}")?;
    }
    Ok(())
}

/// Zero-width spans at each sentence end, so that ends can be compared on their own.
fn ends(sentences: &[Span]) -> Vec<Span> {
    sentences.iter().map(|s| Span::new(s.end, s.end)).collect()
}

/// Describe up to `n` spans with 40 bytes of context on each side.
fn show(
    out: &mut Vec<String>,
    text: &str,
    what: &str,
    spans: &[Span],
    n: usize,
) -> anyhow::Result<()> {
    for s in spans.iter().take(n) {
        let before = floor(text, s.start.saturating_sub(40));
        let after = ceil(text, (s.end + 40).min(text.len()));
        let show = |a: usize, b: usize| text.get(a..b).unwrap_or("").replace('\n', "⏎");
        out.push(format!(
            "{what:<20} {}[{}]{}",
            show(before, s.start),
            show(s.start, s.end),
            show(s.end, after)
        ));
    }
    Ok(())
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn cell(s: &Score) -> String {
    format!(
        "{:.2}/{:.2}/{:.2}",
        100.0 * s.precision(),
        100.0 * s.recall(),
        100.0 * s.f1()
    )
}

fn print_row(out: &mut impl Write, name: &str, layout: &str, r: &Report) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:<28} {:<9} {:>22} {:>22} {:>22}",
        name,
        layout,
        cell(&r.tokens),
        cell(&r.words),
        cell(&r.sentences)
    )?;
    Ok(())
}
