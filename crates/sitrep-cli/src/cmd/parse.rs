//! `sitrep parse`: tokens, tags and dependency trees as CoNLL-U, with byte ranges into the
//! original text (`TokenRange=start:end` in MISC), or re-predicted analyses of a CoNLL-U file.

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use sitrep_text::Document;

use crate::input::{InputFormat, ReadOptions, Reader};
use crate::pipeline::TextPipeline;

/// What the input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ParseInput {
    /// A raw article (cleanup, segmentation, tagging, parsing).
    Text,
    /// JSON Lines records, as for `sitrep code --input jsonl`.
    Jsonl,
    /// A CoNLL-U file: its tokens are kept, UPOS, XPOS, HEAD and DEPREL re-predicted.
    Conllu,
}

/// Flags of `sitrep parse`.
#[derive(clap::Args)]
pub struct Args {
    /// Input file; `-` reads standard input.
    #[arg(default_value = "-")]
    pub input_file: String,
    /// Input layout.
    #[arg(long = "input", value_enum, default_value = "text")]
    pub input: ParseInput,
    /// Replace invalid UTF-8 with U+FFFD instead of rejecting the document.
    #[arg(long)]
    pub lossy: bool,
    /// Directory with a retrained tagger/parser model.
    #[arg(long)]
    pub model: Option<PathBuf>,
}

/// Run `sitrep parse`.
pub fn run(args: Args) -> Result<()> {
    let pipeline = TextPipeline::load(args.model.as_ref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.input == ParseInput::Conllu {
        let mut text = String::new();
        if args.input_file == "-" {
            std::io::stdin()
                .read_to_string(&mut text)
                .context("cannot read standard input")?;
        } else {
            text = std::fs::read_to_string(&args.input_file)
                .with_context(|| format!("cannot read {}", args.input_file))?;
        }
        let r = sitrep_parse::reparse_conllu(&text, &args.input_file, pipeline.parser());
        out.write_all(r.conllu.as_bytes())?;
        out.flush()?;
        for e in &r.errors {
            eprintln!("sitrep: skipped sentence: {e}");
        }
        return Ok(());
    }
    let format = if args.input == ParseInput::Jsonl {
        InputFormat::Jsonl
    } else {
        InputFormat::Text
    };
    let mut reader = Reader::open(
        &args.input_file,
        format,
        ReadOptions {
            lossy: args.lossy,
            ..ReadOptions::default()
        },
    )?;
    loop {
        let batch = reader.next_batch(64)?;
        if batch.is_empty() {
            break;
        }
        for item in batch {
            match item {
                Ok(mut input) => {
                    pipeline.run(&mut input.doc)?;
                    write_conllu(&mut out, &input.doc)?;
                }
                Err(bad) => eprintln!("sitrep: skipped {}: {}", bad.location, bad.message),
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Write a parsed document as CoNLL-U with byte ranges into the original text.
pub fn write_conllu(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    writeln!(out, "# newdoc id = {}", doc.id)?;
    for (si, s) in doc.sentences.iter().enumerate() {
        writeln!(out, "# sent_id = {}-{}", doc.id, si + 1)?;
        let text: String = doc
            .slice(s.span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(out, "# text = {text}")?;
        for (i, t) in doc.tokens[s.tokens()].iter().enumerate() {
            let form = t.span.slice(&doc.text).replace(char::is_whitespace, "");
            let mut misc = format!("TokenRange={}:{}", t.span.start, t.span.end);
            if !t.space_after {
                misc.push_str("|SpaceAfter=No");
            }
            if let Some(n) = &t.norm {
                misc.push_str(&format!("|Norm={}", n.replace(['|', '='], "")));
            }
            writeln!(
                out,
                "{}\t{}\t_\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                if form.is_empty() { "_" } else { &form },
                t.upos,
                t.xpos,
                t.head,
                t.deprel,
                misc
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
