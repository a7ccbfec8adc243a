//! Measures geoparsing and date resolution speed on JSON Lines corpora (field `text`):
//! `cargo run --release -p sitrep-geo --example geo_throughput -- ../shared/data/corpora/*.jsonl`.
//! Documents are cleaned and segmented first (not timed); the timed part is
//! `Geoparser::parse` plus `DateResolver::document`. Also reports the gazetteer load time.

use std::time::Instant;

/// Seconds this thread has run on a CPU (Linux `/proc/thread-self/schedstat`), so that a
/// busy shared machine does not count other processes' time; `None` elsewhere.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let t0 = Instant::now();
    let geo = match sitrep_geo::Geoparser::embedded() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("gazetteer: {e}");
            std::process::exit(2);
        }
    };
    let load = t0.elapsed();
    let Ok(dates) = sitrep_geo::DateResolver::embedded() else {
        eprintln!("date words do not load");
        std::process::exit(2);
    };
    println!(
        "gazetteer load: {:.1} ms ({} places)",
        load.as_secs_f64() * 1e3,
        geo.gazetteer().len()
    );
    let date = chrono::NaiveDate::from_ymd_opt(2022, 12, 5);
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let mut docs = Vec::new();
        let mut bytes = 0usize;
        for (i, line) in text.lines().enumerate() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(t) = v["text"].as_str() else {
                continue;
            };
            let mut doc = sitrep_text::Document::new(format!("{i}"), t);
            doc.date = date;
            if sitrep_text::prepare(&mut doc).is_ok() {
                bytes += t.len();
                docs.push(doc);
            }
        }
        let start = Instant::now();
        let cpu0 = cpu_secs();
        let mut places = 0usize;
        let dump = std::env::var_os("SITREP_GEO_DUMP").is_some();
        for doc in &docs {
            let p = geo.parse(doc, &[]);
            places += p.mentions.len();
            if dump {
                for m in &p.mentions {
                    eprintln!(
                        "{}\t{}\t{}\t{}\t{}",
                        m.text,
                        m.place.name,
                        m.place.country.map(|c| c.to_string()).unwrap_or_default(),
                        m.precision.as_str(),
                        m.reason
                    );
                }
            }
        }
        let geo_secs = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let mut exprs = 0usize;
        for doc in &docs {
            exprs += dates.document(doc).len();
        }
        let date_secs = start.elapsed().as_secs_f64();
        let cpu = cpu0.zip(cpu_secs()).map(|(a, b)| b - a);
        let secs = geo_secs + date_secs;
        let mb = bytes as f64 / 1e6;
        println!(
            "{path}: {} docs, {mb:.1} MB, {secs:.3} s, {:.1} MB/s (places {:.1} MB/s, dates {:.1} MB/s); \
             {places} place mentions, {exprs} date expressions; on-CPU {}",
            docs.len(),
            mb / secs,
            mb / geo_secs,
            mb / date_secs,
            cpu.map_or("n/a".to_string(), |c| format!("{c:.3} s, {:.1} MB/s", mb / c)),
        );
    }
}
