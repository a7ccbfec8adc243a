//! PETRARCH2's own sentence and phrase expectations for the real Phoenix/CAMEO dictionaries
//! (`../shared/gold/petrarch2_cases.jsonl`): every case passes.

mod common;

use serde_json::Value;

#[test]
fn petrarch2_cases() {
    let Some(shared) = common::shared() else {
        return;
    };
    let text = std::fs::read_to_string(shared.join("gold/petrarch2_cases.jsonl")).expect("cases");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        n += 1;
        let c: Value = serde_json::from_str(line).expect("case JSON");
        let id = c["id"].as_str().unwrap_or("?");
        let d = common::code(c["text"].as_str().unwrap_or(""), c["date"].as_str());
        if let Some(events) = c["expected_events"].as_array() {
            let mut want: Vec<(String, String, String)> = events
                .iter()
                .map(|e| {
                    let s = |i: usize| e[i].as_str().unwrap_or("").to_string();
                    (s(0), s(1), s(2))
                })
                .collect();
            let got = common::triples(&d);
            want.sort();
            if want != got {
                failures.push(format!(
                    "{id}: expected {want:?}, got {got:?}\n    {:?}",
                    common::summary(&d)
                ));
            }
        }
        if let Some(codes) = c["expected_codes"].as_array() {
            let mut want: Vec<&str> = codes.iter().filter_map(Value::as_str).collect();
            want.sort();
            // PETRARCH codes the phrase: its head noun phrase and conjuncts, not the place
            // in a complement ("The rebels from Syria" is SYRREB, not also SYR).
            let text = c["text"].as_str().unwrap_or("");
            let in_complement = |start: usize| {
                let before = text.get(..start).unwrap_or("").trim_end().to_lowercase();
                ["from", "in", "of", "at"]
                    .iter()
                    .any(|p| before.ends_with(&format!(" {p}")) || before == *p)
            };
            let mut got: Vec<&str> = d
                .actors
                .iter()
                .filter(|a| a.mentions.iter().any(|m| !in_complement(m.start)))
                .map(|a| a.code.as_str())
                .collect();
            got.sort();
            got.dedup();
            // Pronoun resolution: "Obama said he was tired" — the pronoun's actor is Obama's.
            if want != got {
                failures.push(format!("{id}: expected actor codes {want:?}, got {got:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} PETRARCH2 cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
