//! Invariants over real articles and malformed input: every span slices the original text
//! to the record's text, every code exists in the codebooks, nothing panics.

mod common;

use sitrep_code::record::CodedDocument;
use sitrep_dict::Dictionaries;

fn check(text: &str, d: &CodedDocument) -> Vec<String> {
    let dict = Dictionaries::embedded();
    let mut bad = Vec::new();
    let slice = |s: usize, e: usize| text.get(s..e).map(str::to_string);
    for e in &d.events {
        if slice(e.evidence.start, e.evidence.end).as_deref() != Some(e.evidence.text.as_str()) {
            bad.push(format!(
                "{}: evidence text differs from the original at its span",
                e.id
            ));
        }
        for p in std::iter::once(&e.source).chain(e.target.as_ref()) {
            if slice(p.start, p.end).as_deref() != Some(p.text.as_str()) {
                bad.push(format!(
                    "{}: participant {:?} differs from its span",
                    e.id, p.text
                ));
            }
            if !dict.is_known_actor_code(&p.code) {
                bad.push(format!(
                    "{}: actor code {} is not in the codebooks or dictionaries",
                    e.id, p.code
                ));
            }
        }
        match dict.codebook.event(&e.cameo) {
            Some(ev) => {
                if Some(ev.goldstein) != e.goldstein || ev.root() != e.root {
                    bad.push(format!(
                        "{}: goldstein/root disagree with the codebook",
                        e.id
                    ));
                }
            }
            None => bad.push(format!(
                "{}: CAMEO code {} is not in the codebook",
                e.id, e.cameo
            )),
        }
        if e.sentence >= d.sentences.len() {
            bad.push(format!("{}: sentence index out of range", e.id));
        }
    }
    for a in &d.actors {
        for m in &a.mentions {
            if slice(m.start, m.end).as_deref() != Some(m.text.as_str()) {
                bad.push(format!(
                    "{}: mention {:?} differs from its span",
                    a.id, m.text
                ));
            }
        }
        if !dict.is_known_actor_code(&a.code) {
            bad.push(format!("{}: actor code {} unknown", a.id, a.code));
        }
    }
    for q in &d.quotes {
        if slice(q.start, q.end).as_deref() != Some(q.text.as_str()) {
            bad.push(format!("{}: quote differs from its span", q.id));
        }
    }
    for s in &d.sentences {
        if text.get(s.start..s.end).is_none() {
            bad.push(format!(
                "sentence {}..{} is not a valid slice",
                s.start, s.end
            ));
        }
    }
    bad
}

#[test]
fn real_articles_keep_every_invariant() {
    let Some(shared) = common::shared() else {
        return;
    };
    let mut failures = Vec::new();
    let mut events = 0;
    for (file, n) in [
        ("news_cluster.jsonl", 120),
        ("bbc.jsonl", 60),
        ("reuters21578.jsonl", 60),
    ] {
        let data = std::fs::read_to_string(shared.join("data/corpora").join(file)).expect("corpus");
        for line in data.lines().take(n) {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus JSON");
            let text = v["text"].as_str().unwrap_or("");
            let d = common::code(text, v["date"].as_str().and_then(|s| s.get(..10)));
            events += d.events.len();
            for b in check(text, &d) {
                failures.push(format!("{file} {}: {b}", v["id"]));
            }
        }
    }
    assert!(events > 50, "only {events} events from 240 articles");
    assert!(
        failures.is_empty(),
        "{} violations:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn malformed_input_does_not_panic() {
    let long_line = "Iran said Iraq attacked Syria. ".repeat(20_000);
    let inputs: Vec<String> = vec![
        String::new(),
        " \n\t \n".into(),
        "\u{0}\u{1}\u{2}\u{7f}\u{fffd}\u{fffd} \u{200b}".into(),
        "“unclosed quote".into(),
        "” ” “ “ ‘ ’".into(),
        "A".repeat(100_000),
        long_line,
        "🙂🙂🙂 Iran 🙂 Iraq 🙂".into(),
        "He said, \"".into(),
        "-- -- --".into(),
    ];
    for text in inputs {
        let d = common::code(&text, Some("2022-12-05"));
        let bad = check(&text, &d);
        assert!(bad.is_empty(), "{bad:?}");
    }
}
