//! Behaviour as data: each row of `tests/cases/coding.json` is an article with the actors,
//! events, quotes and coreference chains `sitrep code` must (and must not) produce.

mod common;

use serde_json::Value;

fn norm(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .to_lowercase()
}

fn event_matches(e: &sitrep_code::record::EventRecord, want: &Value) -> bool {
    let w: Vec<&str> = want
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let (src, tgt, code) = (w[0], w[1], w[2]);
    let tgt_code = e.target.as_ref().map_or("", |t| t.code.as_str());
    e.source.code == src && (tgt == tgt_code) && e.cameo.starts_with(code)
}

#[test]
fn coding_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/coding.json")).expect("valid JSON");
    let mut failures = Vec::new();
    for c in &cases {
        let name = c["name"].as_str().unwrap_or("?");
        let text = c["text"].as_str().unwrap_or("");
        let d = common::code(text, c["date"].as_str());
        let summary = common::summary(&d);
        let mut fail =
            |why: String| failures.push(format!("{name}: {why}\n    events: {summary:?}"));
        for want in c["events"].as_array().into_iter().flatten() {
            if !d.events.iter().any(|e| event_matches(e, want)) {
                fail(format!("missing event {want}"));
            }
        }
        if c["only"].as_bool() == Some(true) {
            let n = c["events"].as_array().map_or(0, Vec::len);
            if d.events.len() != n {
                fail(format!("expected exactly {n} events"));
            }
        }
        for bad in c["forbid"].as_array().into_iter().flatten() {
            let w: Vec<&str> = bad
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if d.events.iter().any(|e| {
                e.source.code == w[0]
                    && (w[1].is_empty() || e.target.as_ref().is_some_and(|t| t.code == w[1]))
                    && e.cameo.starts_with(w[2])
            }) {
                fail(format!("forbidden event {bad}"));
            }
        }
        for bad in c["forbid_unnegated"].as_array().into_iter().flatten() {
            if d.events.iter().any(|e| event_matches(e, bad) && !e.negated) {
                fail(format!("event {bad} is not marked negated"));
            }
        }
        for want in c["dates"].as_array().into_iter().flatten() {
            let (code, date, precision) = (
                want[0].as_str().unwrap_or(""),
                want[1].as_str().unwrap_or(""),
                want[2].as_str().unwrap_or(""),
            );
            let ok = d.events.iter().any(|e| {
                e.cameo.starts_with(code)
                    && e.date.as_deref() == Some(date)
                    && e.date_precision.as_deref() == Some(precision)
            });
            if !ok {
                let got: Vec<String> = d
                    .events
                    .iter()
                    .map(|e| format!("{} {:?} {:?}", e.cameo, e.date, e.date_precision))
                    .collect();
                fail(format!(
                    "no {code} event dated {date} ({precision}): {got:?}"
                ));
            }
        }
        if let Some(m) = c["modality"].as_str() {
            if !d.events.iter().any(|e| e.modality == m) {
                fail(format!("no event with modality {m}"));
            }
        }
        for a in c["actors"].as_array().into_iter().flatten() {
            let (text, code) = (a[0].as_str().unwrap_or(""), a[1].as_str().unwrap_or(""));
            let ok = d.actors.iter().any(|x| {
                x.code == code
                    && (norm(&x.name) == norm(text)
                        || x.mentions.iter().any(|m| norm(&m.text) == norm(text)))
            });
            if !ok {
                let got: Vec<String> = d
                    .actors
                    .iter()
                    .map(|x| format!("{}={}", x.name, x.code))
                    .collect();
                fail(format!("actor {text:?} not coded {code}; actors: {got:?}"));
            }
        }
        // The name the speaker mention resolves to, for people with no actor record.
        for q in c["quote_names"].as_array().into_iter().flatten() {
            let (text, name) = (q[0].as_str().unwrap_or(""), q[1].as_str().unwrap_or(""));
            let ok = d.quotes.iter().any(|x| {
                norm(&x.text) == norm(text)
                    && x.speaker
                        .as_ref()
                        .and_then(|s| s.name.as_deref())
                        .is_some_and(|n| norm(n) == norm(name))
            });
            if !ok {
                fail(format!("quote {text:?} has no speaker named {name:?}"));
            }
        }
        for q in c["quotes"].as_array().into_iter().flatten() {
            let (text, speaker) = (q[0].as_str().unwrap_or(""), q[1].as_str().unwrap_or(""));
            let ok = d.quotes.iter().any(|x| {
                norm(&x.text) == norm(text)
                    && x.speaker.as_ref().is_some_and(|s| {
                        // The speaker's words, or the name of the actor they resolve to
                        // ("he" → Igor Petrov).
                        norm(&s.text).contains(&norm(speaker))
                            || s.actor
                                .as_ref()
                                .and_then(|id| d.actors.iter().find(|a| &a.id == id))
                                .is_some_and(|a| norm(&a.name).contains(&norm(speaker)))
                    })
            });
            if !ok {
                let got: Vec<String> = d
                    .quotes
                    .iter()
                    .map(|x| {
                        format!(
                            "{:?} <- {:?}",
                            x.text,
                            x.speaker.as_ref().map(|s| s.text.clone())
                        )
                    })
                    .collect();
                fail(format!(
                    "quote {text:?} by {speaker:?} not found; quotes: {got:?}"
                ));
            }
        }
        // Speakers a quote must not get (a wrong attribution is worse than none).
        for q in c["quotes_not"].as_array().into_iter().flatten() {
            let (text, speaker) = (q[0].as_str().unwrap_or(""), q[1].as_str().unwrap_or(""));
            let bad = d.quotes.iter().any(|x| {
                norm(&x.text) == norm(text)
                    && x.speaker
                        .as_ref()
                        .is_some_and(|s| norm(&s.text).contains(&norm(speaker)))
            });
            if bad {
                fail(format!("quote {text:?} attributed to {speaker:?}"));
            }
        }
        if let Some(n) = c["quote_count"].as_u64() {
            let direct = d.quotes.iter().filter(|q| q.kind == "direct").count() as u64;
            if direct != n {
                fail(format!("expected {n} direct quotes, got {direct}"));
            }
        }
        for ch in c["chains"].as_array().into_iter().flatten() {
            let name = ch[0].as_str().unwrap_or("");
            let Some(actor) = d.actors.iter().find(|a| a.name == name) else {
                fail(format!("no actor named {name:?}"));
                continue;
            };
            for m in ch[1].as_array().into_iter().flatten() {
                let m = m.as_str().unwrap_or("");
                if !actor.mentions.iter().any(|x| norm(&x.text) == norm(m)) {
                    let got: Vec<&str> = actor.mentions.iter().map(|x| x.text.as_str()).collect();
                    fail(format!("{m:?} is not a mention of {name:?}: {got:?}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
