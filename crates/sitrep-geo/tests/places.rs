//! The place test set (`tests/cases/places.jsonl`): news sentences with the GeoNames entry each
//! place mention must resolve to, including the hard cases (Tripoli, Georgia, Paris, Texas,
//! Washington, Jordan, Victoria, Mobile, Nice, Reading, the Gulf, Kurdistan, Crimea, Gaza,
//! capitals as actors). At least 90 % must be right.

use serde_json::Value;
use sitrep_geo::{Geoparser, PlaceMention};
use sitrep_text::Document;

const CASES: &str = include_str!("cases/places.jsonl");

/// Checks one expectation against the mentions; `used` marks mentions already matched.
fn check(exp: &Value, mentions: &[PlaceMention], used: &mut [bool]) -> Result<(), String> {
    let text = exp["text"].as_str().unwrap_or_default();
    if exp["none"].as_bool() == Some(true) {
        return match mentions.iter().find(|m| m.text.contains(text)) {
            Some(m) => Err(format!(
                "{text:?} should be no place, got {} ({:?})",
                m.place.name, m.place.geonameid
            )),
            None => Ok(()),
        };
    }
    let Some(i) = (0..mentions.len()).find(|&i| !used[i] && mentions[i].text == text) else {
        let seen: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
        return Err(format!("{text:?} not found; mentions: {seen:?}"));
    };
    used[i] = true;
    let m = &mentions[i];
    let got = format!(
        "{} {:?} {} {} {:?} ({})",
        m.place.name,
        m.place.geonameid,
        m.place.country.map(|c| c.to_string()).unwrap_or_default(),
        m.precision.as_str(),
        m.place.kind,
        m.reason
    );
    if let Some(id) = exp["geonameid"].as_u64() {
        if m.place.geonameid != Some(id as u32) {
            return Err(format!("{text:?}: want {id}, got {got}"));
        }
    }
    if let Some(c) = exp["country"].as_str() {
        if m.place.country.map(|k| k.to_string()).as_deref() != Some(c) {
            return Err(format!("{text:?}: want country {c}, got {got}"));
        }
    }
    if let Some(p) = exp["precision"].as_str() {
        if m.precision.as_str() != p {
            return Err(format!("{text:?}: want precision {p}, got {got}"));
        }
    }
    if let Some(k) = exp["kind"].as_str() {
        if m.place.kind.as_str() != k {
            return Err(format!("{text:?}: want kind {k}, got {got}"));
        }
    }
    Ok(())
}

#[test]
fn place_test_set() {
    let geo = Geoparser::embedded().expect("geoparser");
    let (mut right, mut total) = (0, 0);
    let mut failures = Vec::new();
    for (n, line) in CASES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let case: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("places.jsonl:{}: {e}", n + 1));
        let mut doc = Document::new(
            case["id"].as_str().unwrap_or("case"),
            case["text"].as_str().unwrap_or(""),
        );
        sitrep_text::prepare(&mut doc).expect("prepare");
        let actors: Vec<String> = case["actors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let places = geo.parse(&doc, &actors);
        for m in &places.mentions {
            assert_eq!(doc.slice(m.span), m.text, "offsets of {}", case["id"]);
        }
        let mut used = vec![false; places.mentions.len()];
        for exp in case["expect"].as_array().into_iter().flatten() {
            total += 1;
            match check(exp, &places.mentions, &mut used) {
                Ok(()) => right += 1,
                Err(e) => failures.push(format!("{}: {e}", case["id"].as_str().unwrap_or(""))),
            }
        }
    }
    let acc = right as f64 / total as f64;
    eprintln!("places: {right}/{total} right ({:.1} %)", acc * 100.0);
    for f in &failures {
        eprintln!("  {f}");
    }
    assert!(
        total >= 60,
        "the set needs at least 60 mentions, has {total}"
    );
    assert!(
        acc >= 0.90,
        "place accuracy {:.1} % is below 90 %",
        acc * 100.0
    );
}
