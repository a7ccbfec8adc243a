//! The reference article (`shared/gold/articles/000_224f590e902e362b.txt`, dated 2022-12-05):
//! the place and date targets of issue 4.

use chrono::NaiveDate;
use sitrep_geo::{DatePrecision, DateResolver, Geoparser, PlaceKind, Precision};
use sitrep_text::Document;

const ARTICLE: &str = "../../../shared/gold/articles/000_224f590e902e362b.txt";

fn article() -> Option<Document> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(ARTICLE);
    let text = std::fs::read_to_string(&path).ok()?;
    let mut doc = Document::new("000_224f590e902e362b", text);
    doc.date = NaiveDate::from_ymd_opt(2022, 12, 5);
    sitrep_text::prepare(&mut doc).expect("prepare");
    Some(doc)
}

#[test]
fn places_of_the_reference_article() {
    let Some(doc) = article() else {
        eprintln!("skipped: {ARTICLE} not found");
        return;
    };
    let places = Geoparser::embedded().expect("geoparser").parse(&doc, &[]);
    if std::env::var_os("SITREP_GEO_DUMP").is_some() {
        for m in &places.mentions {
            eprintln!(
                "{:?} {:?} {:?} {:?} {}",
                m.text, m.place.name, m.place.geonameid, m.precision, m.reason
            );
        }
        eprintln!("dateline {:?}", places.dateline);
    }
    let find = |text: &str| places.mentions.iter().find(|m| m.text.contains(text));
    let tehran = find("Tehran").expect("Tehran found");
    assert_eq!(tehran.place.geonameid, Some(112931));
    assert_eq!(
        tehran.place.country.map(|c| c.to_string()).as_deref(),
        Some("IRN")
    );
    for text in ["northern Iraq", "Iraqi Kurdistan region"] {
        let m = find(text).unwrap_or_else(|| panic!("{text} found"));
        assert_eq!(m.text, text);
        assert_eq!(
            m.place.country.map(|c| c.to_string()).as_deref(),
            Some("IRQ"),
            "{text}"
        );
        assert_eq!(m.precision, Precision::Region, "{text}");
    }
    let west = find("west and northwest Iran").expect("west and northwest Iran");
    assert_eq!(
        west.place.country.map(|c| c.to_string()).as_deref(),
        Some("IRN")
    );
    assert_eq!(west.precision, Precision::Region);
    let gulf = find("Persian Gulf").expect("Persian Gulf");
    assert_eq!(gulf.place.kind, PlaceKind::Water);
    assert!(find("West Asia").is_some());
    // Every mention slices the original text to its own text.
    for m in &places.mentions {
        assert_eq!(doc.slice(m.span), m.text);
    }
    let d = places.dateline.as_ref().expect("dateline place");
    assert_eq!(d.place.geonameid, Some(112931));
}

#[test]
fn dates_of_the_reference_article() {
    let Some(doc) = article() else {
        eprintln!("skipped: {ARTICLE} not found");
        return;
    };
    let dates = DateResolver::embedded().expect("resolver").document(&doc);
    let find = |text: &str| dates.iter().find(|d| d.text == text);
    let sunday = find("on Sunday").expect("on Sunday");
    assert_eq!(sunday.date.to_string(), "2022-12-04");
    let saturday = find("late on Saturday").expect("late on Saturday");
    assert_eq!(saturday.date.to_string(), "2022-12-03");
    assert_eq!(saturday.precision, DatePrecision::Day);
    let week = find("last week").expect("last week");
    assert_eq!(week.precision, DatePrecision::Week);
    assert_eq!(week.date.to_string(), "2022-11-28");
    for d in &dates {
        assert_eq!(doc.slice(d.span), d.text);
    }
}
