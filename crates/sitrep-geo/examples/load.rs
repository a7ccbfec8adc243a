//! Times loading the embedded gazetteer: `cargo run --release -p sitrep-geo --example load`.

/// Nanoseconds this thread has run on a CPU (Linux), to discount a busy shared machine.
fn cpu_ns() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let t = std::time::Instant::now();
    let c0 = cpu_ns();
    match sitrep_geo::Gazetteer::embedded() {
        Ok(g) => {
            let cpu = c0
                .zip(cpu_ns())
                .map(|(a, b)| format!("{:.1} ms on-CPU", (b - a) / 1e6));
            println!(
                "{} places in {:.1} ms wall, {}",
                g.len(),
                t.elapsed().as_secs_f64() * 1e3,
                cpu.unwrap_or_else(|| "n/a".to_string())
            );
        }
        Err(e) => {
            eprintln!("gazetteer: {e}");
            std::process::exit(2);
        }
    }
}
