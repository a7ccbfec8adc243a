//! Load the built-in dictionaries, print counts, load time and diagnostics.
//!
//! `cargo run --release -p sitrep-dict --example dict_stats [-- --diagnostics]`

use std::time::Instant;

use sitrep_dict::{DictConfig, Dictionaries};

fn main() {
    let show = std::env::args().any(|a| a == "--diagnostics");
    let mut best = f64::MAX;
    let mut loaded = None;
    for _ in 0..5 {
        let t = Instant::now();
        let r = Dictionaries::load(&DictConfig::default());
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        loaded = Some(r);
    }
    let Some(Ok((d, diags))) = loaded else {
        eprintln!("load failed");
        std::process::exit(1);
    };
    let size: usize = sitrep_dict::embedded::ALL
        .iter()
        .map(|s| match s {
            sitrep_dict::DictSource::Embedded(_, t) => t.len(),
            _ => 0,
        })
        .sum();
    println!("embedded text: {:.2} MB", size as f64 / 1e6);
    println!("load (best of 5): {best:.1} ms");
    println!("lexicon: {} words", d.lexicon.len());
    println!(
        "codebook: {} event codes, {} countries",
        d.codebook.events().len(),
        d.codebook.countries().len()
    );
    println!(
        "actors: {} entries, {} phrases",
        d.actors.len(),
        d.actors.phrase_count()
    );
    println!(
        "agents: {} entries, {} phrases",
        d.agents.len(),
        d.agents.phrase_count()
    );
    println!("discards: {}", d.discards.len());
    println!(
        "verbs: {} blocks, {} verbs, {} forms, {} patterns, {} synsets, {} transformations",
        d.verbs.blocks().len(),
        d.verbs.verbs().len(),
        d.verbs.form_count(),
        d.verbs.patterns().len(),
        d.verbs.synsets().len(),
        d.verbs.transformations().len()
    );
    println!("diagnostics: {}", diags.len());
    if show {
        for x in &diags {
            println!("  {x}");
        }
    }
}
