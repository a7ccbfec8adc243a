//! Tagging and parsing throughput on a CoNLL-U file (gold tokens), one thread.
//!
//! ```text
//! cargo run --release -p sitrep-parse --example parse_throughput -- FILE.conllu [MODEL_DIR] [REPS]
//! ```
//! Prints tokens per second for tagging alone, parsing alone (gold tags) and both, best of
//! `REPS` runs (default 5): the machine is often shared, so the best run is the one least
//! disturbed by other work. Times are the thread's CPU time where Linux reports it
//! (`/proc/thread-self/schedstat`), so that waiting for a core does not count; wall time
//! otherwise.

use std::path::Path;
use std::time::Instant;

/// A clock: the thread's CPU time in seconds if available, else wall time.
struct Clock(Instant);

impl Clock {
    fn cpu() -> Option<f64> {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
        Some(ns / 1e9)
    }

    fn now(&self) -> f64 {
        Clock::cpu().unwrap_or_else(|| self.0.elapsed().as_secs_f64())
    }
}

use sitrep_parse::{conllu, Pipeline, Scratch};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        return Err("usage: throughput FILE.conllu [MODEL_DIR] [REPS]".into());
    };
    let t = Instant::now();
    let p = match args.get(1).filter(|a| !a.is_empty() && *a != "-") {
        Some(dir) => Pipeline::load(Path::new(dir))?,
        None => Pipeline::embedded()?,
    };
    println!("model loaded in {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let reps: usize = args.get(2).map_or(Ok(5), |r| r.parse())?;
    let sents = conllu::read_file(Path::new(file))?.sentences;
    let forms: Vec<Vec<&str>> = sents.iter().map(|s| s.forms()).collect();
    let tags: Vec<Vec<_>> = sents
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| (w.upos_tag(), w.xpos_tag()))
                .collect()
        })
        .collect();
    let n: usize = forms.iter().map(Vec::len).sum();
    let mut sc = Scratch::default();
    let (mut out, mut tagged) = (Vec::new(), Vec::new());
    let mut best = [f64::MAX; 3];
    let clock = Clock(Instant::now());
    println!(
        "timing {}",
        if Clock::cpu().is_some() {
            "thread CPU time"
        } else {
            "wall time"
        }
    );
    for _ in 0..reps {
        let t = clock.now();
        for f in &forms {
            p.tag_into(f, &mut sc, &mut tagged);
        }
        best[0] = best[0].min(clock.now() - t);
        let t = clock.now();
        for (f, g) in forms.iter().zip(&tags) {
            p.analyze_tagged_into(f, g, &mut sc, &mut out);
        }
        best[1] = best[1].min(clock.now() - t);
        let t = clock.now();
        for f in &forms {
            p.analyze_into(f, &mut sc, &mut out);
        }
        best[2] = best[2].min(clock.now() - t);
    }
    for (what, secs) in ["tag", "parse (gold tags)", "tag + parse"].iter().zip(best) {
        println!(
            "{what:>18}: {:>9.0} tokens/s ({:.2} µs/token)",
            n as f64 / secs,
            secs * 1e6 / n as f64
        );
    }
    Ok(())
}
