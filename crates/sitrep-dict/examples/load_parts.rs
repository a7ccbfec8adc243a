//! Time the loading of each part of the built-in dictionaries separately.
//!
//! `cargo run --release -p sitrep-dict --example load_parts`

use std::time::Instant;

use sitrep_dict::{embedded, DictConfig, Dictionaries};

fn time(name: &str, config: DictConfig) {
    let mut best = f64::MAX;
    for _ in 0..7 {
        let t = Instant::now();
        let r = Dictionaries::load(&config);
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        drop(r);
    }
    println!("{name:<10} {best:6.1} ms");
}

fn main() {
    let base = DictConfig::empty;
    time("codebook", base());
    time(
        "actors",
        DictConfig {
            actors: DictConfig::default().actors,
            ..base()
        },
    );
    time(
        "agents",
        DictConfig {
            agents: DictConfig::default().agents,
            ..base()
        },
    );
    time(
        "discards",
        DictConfig {
            discards: vec![embedded::PHOENIX_DISCARDS],
            ..base()
        },
    );
    time(
        "verbs",
        DictConfig {
            verbs: DictConfig::default().verbs,
            ..base()
        },
    );
    time("all", DictConfig::default());
}
