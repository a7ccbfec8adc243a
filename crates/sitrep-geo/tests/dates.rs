//! The date test set (`tests/cases/dates.jsonl`): relative and absolute date expressions in
//! news sentences with their publication dates, including year boundaries and leap days.
//! At least 95 % must be resolved to the right date and precision.

use serde_json::Value;
use sitrep_geo::DateResolver;
use sitrep_text::{Document, Span};

const CASES: &str = include_str!("cases/dates.jsonl");

#[test]
fn date_test_set() {
    let resolver = DateResolver::embedded().expect("date words");
    let (mut right, mut total, mut spurious) = (0, 0, 0);
    let mut failures = Vec::new();
    for (n, line) in CASES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let case: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("dates.jsonl:{}: {e}", n + 1));
        let id = case["id"].as_str().unwrap_or("");
        let text = case["text"].as_str().unwrap_or("");
        let mut doc = Document::new(id, text);
        doc.date = case["date"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        sitrep_text::prepare(&mut doc).expect("prepare");
        let mut found: Vec<(String, chrono::NaiveDate, &str, &str)> = resolver
            .document(&doc)
            .into_iter()
            .map(|d| {
                assert_eq!(doc.slice(d.span), d.text, "{id}: offsets");
                (d.text, d.date, d.precision.as_str(), d.rule)
            })
            .collect();
        // A date in the dateline is not in any sentence: cleanup sets the dateline aside.
        if let Some((span, date, precision)) = resolver.dateline_date(&doc) {
            found.push((
                doc.slice(span).to_string(),
                date,
                precision.as_str(),
                "dateline",
            ));
        }
        if found.is_empty() {
            // Without a dateline stage, the raw text must still give the expression.
            for (span, date, precision, rule) in
                resolver.in_text(text, Span::new(0, text.len()), doc.date)
            {
                found.push((span.slice(text).to_string(), date, precision.as_str(), rule));
            }
        }
        let expect = case["expect"].as_array().cloned().unwrap_or_default();
        spurious += found.len().saturating_sub(expect.len());
        for exp in &expect {
            total += 1;
            let want = exp["text"].as_str().unwrap_or("");
            match found.iter().find(|d| d.0 == want) {
                Some(d)
                    if Some(d.1.to_string().as_str()) == exp["date"].as_str()
                        && Some(d.2) == exp["precision"].as_str() =>
                {
                    right += 1;
                }
                Some(d) => failures.push(format!("{id}: {want:?} got {} {} ({})", d.1, d.2, d.3)),
                None => {
                    let seen: Vec<&str> = found.iter().map(|d| d.0.as_str()).collect();
                    failures.push(format!("{id}: {want:?} not found; found {seen:?}"));
                }
            }
        }
    }
    let acc = right as f64 / total as f64;
    eprintln!(
        "dates: {right}/{total} right ({:.1} %), {spurious} extra expressions",
        acc * 100.0
    );
    for f in &failures {
        eprintln!("  {f}");
    }
    assert!(
        total >= 40,
        "the set needs at least 40 expressions, has {total}"
    );
    assert!(
        acc >= 0.95,
        "date accuracy {:.1} % is below 95 %",
        acc * 100.0
    );
}
