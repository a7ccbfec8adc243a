//! Times loading the embedded gazetteer: `cargo run --release -p sitrep-geo --example load`.

fn main() {
    let t = std::time::Instant::now();
    match sitrep_geo::Gazetteer::embedded() {
        Ok(g) => println!(
            "{} places in {:.1} ms",
            g.len(),
            t.elapsed().as_secs_f64() * 1e3
        ),
        Err(e) => {
            eprintln!("gazetteer: {e}");
            std::process::exit(2);
        }
    }
}
