//! Cleanup and segmentation throughput on a JSON Lines corpus, single-threaded.
//!
//! `cargo run --release -p sitrep-text --example text_throughput -- FILE.jsonl [ROUNDS]` reads the
//! `text` and `title` of each record, runs one warm-up round, then times `Cleaner` and
//! `Segmenter` separately and together over all records, and prints MB/s and tokens/s.

use std::time::Instant;

use sitrep_text::{Cleaner, Document, Segmenter, Stage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: throughput FILE.jsonl [ROUNDS]")?;
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(3);
    let src = std::fs::read_to_string(&path)?;
    let mut docs = Vec::new();
    for (i, line) in src
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        let mut doc = Document::new(
            v["id"].as_str().unwrap_or(""),
            v["text"].as_str().unwrap_or(""),
        );
        doc.title = v["title"]
            .as_str()
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        docs.push(doc);
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let (cleaner, segmenter) = (Cleaner::default(), Segmenter::default());
    for d in docs.iter_mut() {
        cleaner.run(d)?;
        segmenter.run(d)?;
    }
    let (mut t_clean, mut t_seg) = (0.0, 0.0);
    let mut tokens = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        for d in docs.iter_mut() {
            cleaner.run(d)?;
        }
        t_clean += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for d in docs.iter_mut() {
            segmenter.run(d)?;
        }
        t_seg += t.elapsed().as_secs_f64();
        tokens = docs.iter().map(|d| d.tokens.len()).sum();
    }
    let total = (bytes * rounds) as f64;
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    println!(
        "{path}: {} documents, {:.1} MB, {tokens} tokens, {sentences} sentences",
        docs.len(),
        bytes as f64 / 1e6
    );
    println!("cleanup      {:7.1} MB/s", total / t_clean / 1e6);
    println!(
        "segmentation {:7.1} MB/s  {:.2} M tokens/s",
        total / t_seg / 1e6,
        (tokens * rounds) as f64 / t_seg / 1e6
    );
    println!("both         {:7.1} MB/s", total / (t_clean + t_seg) / 1e6);
    Ok(())
}
