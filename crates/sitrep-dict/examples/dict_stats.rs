//! Load the built-in dictionaries, print counts, load time and diagnostics.
//!
//! `cargo run --release -p sitrep-dict --example dict_stats [-- --diagnostics] [TEXT]`
//!
//! With a text file, also times the per-token lookups the coder makes (word ids, actor,
//! agent, verb and discard matches at every position).

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
    if let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) {
        lookups(&d, &path);
    }
}

fn lookups(d: &Dictionaries, path: &str) {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    // Crude tokens (words and single punctuation marks), enough to time lookups.
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || c == '\'' || c == '-' || c == '.' && start.is_some() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            tokens.push(&text[s..i]);
        }
        if !c.is_whitespace() {
            tokens.push(&text[i..i + c.len_utf8()]);
        }
    }
    let rounds = 200;
    let mut ids = Vec::with_capacity(tokens.len());
    let (mut hits, t) = (0usize, Instant::now());
    for _ in 0..rounds {
        d.lexicon.get_all(tokens.iter().copied(), &mut ids);
        for i in 0..ids.len() {
            hits += d.actors.longest_match(&ids, i).map_or(0, |m| m.len);
            hits += d.agents.longest_match(&ids, i).map_or(0, |m| m.len);
            hits += d.verbs.verb_at(&ids, i).map_or(0, |m| m.len);
        }
        hits += d.discards.find_iter(&ids).count();
    }
    let per_token = t.elapsed().as_secs_f64() * 1e9 / (rounds * tokens.len()) as f64;
    let mb_s = (rounds * text.len()) as f64 / t.elapsed().as_secs_f64() / 1e6;
    println!(
        "lookups: {} tokens, {per_token:.0} ns per token for id + actor + agent + verb + discard ({mb_s:.1} MB/s; {hits} hits)",
        tokens.len()
    );
}
