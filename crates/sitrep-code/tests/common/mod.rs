//! Shared test harness: the full pipeline (cleanup, segmentation, tagging and parsing,
//! coding) over a text, as `sitrep code` runs it.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use sitrep_code::record::CodedDocument;
use sitrep_code::{CodeOptions, Coder};
use sitrep_dict::Dictionaries;
use sitrep_parse::Pipeline;
use sitrep_text::{Document, Stage};

/// The built-in parser, loaded once per test binary.
pub fn parser() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::embedded().expect("the committed model loads"))
}

/// Code `text` as an article published on `date` (YYYY-MM-DD).
pub fn code(text: &str, date: Option<&str>) -> CodedDocument {
    code_with(text, date, Dictionaries::embedded())
}

/// Code with the given dictionaries.
pub fn code_with(text: &str, date: Option<&str>, dict: &Dictionaries) -> CodedDocument {
    let mut doc = Document::new("test", text);
    doc.date = date.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let cleaner = sitrep_text::Cleaner {
        known_place: sitrep_geo::known_place(),
        ..Default::default()
    };
    cleaner.run(&mut doc).expect("cleanup");
    sitrep_text::Segmenter::default()
        .run(&mut doc)
        .expect("segmentation");
    parser().run(&mut doc).expect("parse");
    Coder::new(dict, CodeOptions { explain: true }).code(&doc, Default::default())
}

/// `../shared` relative to this crate, when present.
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("note: ../shared is absent; skipping the checks that need it");
        None
    }
}

/// One line per event: `SOURCE CODE TARGET` (target `-` when none), for assertion messages.
pub fn summary(d: &CodedDocument) -> Vec<String> {
    d.events
        .iter()
        .map(|e| {
            format!(
                "{} {} {} ({})",
                e.source.code,
                e.cameo,
                e.target.as_ref().map_or("-", |t| t.code.as_str()),
                e.explain
                    .as_ref()
                    .map_or(String::new(), |x| format!("{} | {}", x.pattern, x.rule))
            )
        })
        .collect()
}

/// Score `coded` against a gold file with the project's scorer
/// (`../shared/tools/score_article.py GOLD OUT --text ARTICLE --json`). `None` (with a note)
/// when `python3` is absent; panics when the scorer fails.
pub fn score_article(
    shared: &std::path::Path,
    gold: &std::path::Path,
    article: &std::path::Path,
    coded: &CodedDocument,
) -> Option<serde_json::Value> {
    let stem = article
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    let out = std::env::temp_dir().join(format!("sitrep-{stem}-{}.json", std::process::id()));
    std::fs::write(&out, serde_json::to_string(coded).expect("serialize")).expect("write output");
    let run = std::process::Command::new("python3")
        .arg(shared.join("tools/score_article.py"))
        .arg(gold)
        .arg(&out)
        .arg("--text")
        .arg(article)
        .arg("--json")
        .output();
    let _ = std::fs::remove_file(&out);
    let Ok(run) = run else {
        eprintln!("note: python3 not found; skipping the scorer");
        return None;
    };
    assert!(
        run.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    Some(serde_json::from_slice(&run.stdout).expect("scorer JSON"))
}

/// A scorer count `"a/b"` as a fraction (0 when absent).
pub fn fraction(r: &serde_json::Value, key: &str) -> f64 {
    let s = r[key].as_str().unwrap_or("0/1");
    let (a, b) = s.split_once('/').unwrap_or(("0", "1"));
    a.parse::<f64>().unwrap_or(0.0) / b.parse::<f64>().unwrap_or(1.0).max(1.0)
}

/// The (source code, target code or "", CAMEO code) triples of a coded document, sorted and
/// without repeats: what the PETRARCH cases and suite compare.
pub fn triples(d: &CodedDocument) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = d
        .events
        .iter()
        .map(|e| {
            (
                e.source.code.clone(),
                e.target.as_ref().map_or(String::new(), |t| t.code.clone()),
                e.cameo.clone(),
            )
        })
        .collect();
    v.sort();
    v.dedup();
    v
}
