//! Prints the place mentions and date expressions of a text, with the reason for each:
//! `cargo run -p sitrep-geo --example geoparse -- "TEXT" [YYYY-MM-DD]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let text = args.next().unwrap_or_default();
    let mut doc = sitrep_text::Document::new("example", text);
    doc.date = args
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    if let Err(e) = sitrep_text::prepare(&mut doc) {
        eprintln!("prepare: {e}");
        std::process::exit(2);
    }
    let geo = match sitrep_geo::Geoparser::embedded() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("gazetteer: {e}");
            std::process::exit(2);
        }
    };
    let places = geo.parse(&doc, &[]);
    if let Some(d) = &places.dateline {
        println!(
            "dateline {} {:?} ({})",
            d.place.name, d.place.geonameid, d.reason
        );
    }
    for m in &places.mentions {
        println!(
            "place {:?} -> {} {:?} {} {} ({})",
            m.text,
            m.place.name,
            m.place.geonameid,
            m.place.country.map(|c| c.to_string()).unwrap_or_default(),
            m.precision.as_str(),
            m.reason
        );
    }
    if let Ok(r) = sitrep_geo::DateResolver::embedded() {
        for d in r.document(&doc) {
            println!(
                "date {:?} -> {} {} ({})",
                d.text,
                d.date,
                d.precision.as_str(),
                d.rule
            );
        }
    }
}
