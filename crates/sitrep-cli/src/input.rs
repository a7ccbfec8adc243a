//! Reading documents: one text file, stdin, or JSON Lines corpora, in batches.
//!
//! Bad input never stops a run: an unreadable file or a corrupt JSON line is reported with
//! its file and line and skipped; the good records around it are processed.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use sitrep_text::Document;

/// How the input files are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Each file (or stdin) is one article.
    Text,
    /// One JSON object per line: `{"id", "date", "title", "text", …}`; other fields pass through.
    Jsonl,
}

/// A document read from input, with the metadata fields that pass through to the output.
#[derive(Debug)]
pub struct InputDoc {
    /// The document, its `id`, `date` and `title` set from metadata where given.
    pub doc: Document,
    /// Fields of a JSON Lines record other than `id`, `date`, `title`, `text`.
    pub meta: Map<String, Value>,
}

/// A record that could not be read, with where it was.
#[derive(Debug)]
pub struct BadRecord {
    /// `file:line` or `file`.
    pub location: String,
    /// Why.
    pub message: String,
}

/// Options shared by every reader.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Replace invalid UTF-8 instead of rejecting the document.
    pub lossy: bool,
    /// Overrides the id of a single text document.
    pub id: Option<String>,
    /// Overrides (text) or supplies when missing (JSON Lines) the publication date.
    pub date: Option<NaiveDate>,
}

/// Streams documents from one input path in batches, so that corpora of any size are
/// processed in bounded memory.
/// Hand every record of JSON Lines corpora, in order, to `f`: the document, or why the line
/// could not be read. `f` returns false to stop early.
pub fn each_jsonl_record(
    paths: &[std::path::PathBuf],
    mut f: impl FnMut(Result<InputDoc, BadRecord>) -> bool,
) -> Result<()> {
    for path in paths {
        let name = path.to_string_lossy();
        let mut reader = Reader::open(&name, InputFormat::Jsonl, ReadOptions::default())?;
        loop {
            let batch = reader.next_batch(1024)?;
            if batch.is_empty() {
                break;
            }
            for item in batch {
                if !f(item) {
                    return Ok(());
                }
            }
        }
    }
    Ok(())
}

pub struct Reader {
    source: Source,
    opts: ReadOptions,
    name: String,
    line_no: usize,
    done: bool,
}

enum Source {
    Text(Box<dyn Read>),
    Jsonl(Box<dyn BufRead>),
}

impl Reader {
    /// Open `path` (`-` for stdin) in the given format.
    pub fn open(path: &str, format: InputFormat, opts: ReadOptions) -> Result<Reader> {
        let input: Box<dyn Read> = if path == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(File::open(path).with_context(|| format!("cannot open {path}"))?)
        };
        let source = match format {
            InputFormat::Text => Source::Text(input),
            InputFormat::Jsonl => Source::Jsonl(Box::new(BufReader::with_capacity(1 << 20, input))),
        };
        let name = if path == "-" {
            "<stdin>".to_string()
        } else {
            path.to_string()
        };
        Ok(Reader {
            source,
            opts,
            name,
            line_no: 0,
            done: false,
        })
    }

    /// The next batch of up to `max` records; empty when the input is exhausted. An I/O error
    /// (as opposed to a bad record) ends the input and is returned.
    pub fn next_batch(&mut self, max: usize) -> Result<Vec<Result<InputDoc, BadRecord>>> {
        let mut out = Vec::new();
        if self.done {
            return Ok(out);
        }
        match &mut self.source {
            Source::Text(r) => {
                self.done = true;
                let mut bytes = Vec::new();
                r.read_to_end(&mut bytes)
                    .with_context(|| format!("cannot read {}", self.name))?;
                let id = self.opts.id.clone().unwrap_or_else(|| stem(&self.name));
                match Document::from_bytes(id, bytes, self.opts.lossy) {
                    Ok(mut doc) => {
                        doc.date = self.opts.date;
                        out.push(Ok(InputDoc {
                            doc,
                            meta: Map::new(),
                        }));
                    }
                    Err(e) => out.push(Err(BadRecord {
                        location: self.name.clone(),
                        message: e.to_string(),
                    })),
                }
            }
            Source::Jsonl(r) => {
                let mut buf = Vec::new();
                while out.len() < max {
                    buf.clear();
                    let n = r.read_until(b'\n', &mut buf).with_context(|| {
                        format!("cannot read {} after line {}", self.name, self.line_no)
                    })?;
                    if n == 0 {
                        self.done = true;
                        break;
                    }
                    self.line_no += 1;
                    if buf.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    let location = format!("{}:{}", self.name, self.line_no);
                    out.push(
                        parse_record(&buf, &self.opts)
                            .map_err(|message| BadRecord { location, message }),
                    );
                }
            }
        }
        Ok(out)
    }
}

/// Parse one JSON Lines record.
fn parse_record(line: &[u8], opts: &ReadOptions) -> Result<InputDoc, String> {
    let line = match std::str::from_utf8(line) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(e) if opts.lossy => {
            let _ = e;
            String::from_utf8_lossy(line)
        }
        Err(e) => {
            return Err(format!(
                "invalid UTF-8 at byte {} of the line (use --lossy to replace)",
                e.valid_up_to()
            ))
        }
    };
    let value: Value = serde_json::from_str(&line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(mut obj) = value else {
        return Err("not a JSON object".to_string());
    };
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return Err("field \"text\" is not a string".to_string()),
        None => return Err("no \"text\" field".to_string()),
    };
    let id = match obj.remove("id") {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let date = match obj.remove("date") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(parse_date(&s)?),
        _ => None,
    };
    let title = match obj.remove("title") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        _ => None,
    };
    let mut doc = Document::new(id, text);
    doc.date = date.or(opts.date);
    doc.title = title;
    Ok(InputDoc { doc, meta: obj })
}

/// Parse a publication date: `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .map_err(|_| format!("invalid date {s:?} (expected YYYY-MM-DD)"))
}

fn stem(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_and_errors() {
        let opts = ReadOptions::default();
        let ok = parse_record(
            br#"{"id":"a","date":"2022-12-05T10:00:00","title":"T","text":"Hi.","url":"u"}"#,
            &opts,
        )
        .expect("valid record");
        assert_eq!(ok.doc.id, "a");
        assert_eq!(ok.doc.date, NaiveDate::from_ymd_opt(2022, 12, 5));
        assert_eq!(ok.doc.title.as_deref(), Some("T"));
        assert_eq!(ok.meta.get("url"), Some(&Value::String("u".into())));
        assert!(parse_record(b"{not json", &opts).is_err());
        assert!(parse_record(br#"{"id":"a"}"#, &opts)
            .unwrap_err()
            .contains("text"));
        assert!(parse_record(br#"{"text":"x","date":"yesterday"}"#, &opts)
            .unwrap_err()
            .contains("date"));
        assert!(parse_record(b"{\"text\":\"a\xffb\"}", &opts)
            .unwrap_err()
            .contains("UTF-8"));
        let lossy = ReadOptions {
            lossy: true,
            ..ReadOptions::default()
        };
        assert!(parse_record(b"{\"text\":\"a\xffb\"}", &lossy).is_ok());
    }
}
