//! The older PETRARCH unit-test suite (`../shared/data/petrarch/validation`,
//! `PETR.UnitTest.records.xml` with its own `PETR.Validate.*` dictionaries and PETRARCH-1
//! pattern semantics), coded with sitrep's tokenizer and parser: a record passes when the
//! set of (source, target, event code) triples equals the expected set, as
//! `../shared/tools/petrarch_suite.py score` counts it. Prints the per-category table and
//! asserts a floor just under what the coder reaches.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use sitrep_dict::{DictConfig, DictSource, Dictionaries};

/// Passing records the suite must keep (of 282); the coder reaches 230.
const FLOOR: usize = 225;

struct Record {
    id: String,
    category: String,
    date: Option<String>,
    text: String,
    expected: BTreeSet<(String, String, String)>,
}

/// The value of attribute `name` in a start tag's text (`name="v"`, `name = 'v'`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name).map(|i| i + from) {
        from = i + name.len();
        let word_start = i == 0 || tag[..i].ends_with(char::is_whitespace);
        let rest = tag[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=').filter(|_| word_start) else {
            continue;
        };
        let rest = rest.trim_start();
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value = &rest[1..];
        let end = value.find(quote)?;
        return Some(value[..end].to_string());
    }
    None
}

/// The records of the XML file, comments removed (a small reader for this one file's
/// regular layout; the parse trees are ignored).
fn records(xml: &str) -> Vec<Record> {
    let mut text = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find("<!--") {
        text.push_str(&rest[..i]);
        rest = match rest[i..].find("-->") {
            Some(j) => &rest[i + j + 3..],
            None => "",
        };
    }
    text.push_str(rest);
    let mut out = Vec::new();
    for chunk in text.split("<Sentence ").skip(1) {
        let body = chunk.split("</Sentence>").next().unwrap_or("");
        let tag = body.split('>').next().unwrap_or("");
        let (Some(id), Some(category)) = (attr(tag, "id"), attr(tag, "category")) else {
            continue;
        };
        let date = attr(tag, "date")
            .filter(|d| d.len() == 8)
            .map(|d| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8]));
        let mut expected = BTreeSet::new();
        for ec in body.split("<EventCoding").skip(1) {
            let ec = ec.split('>').next().unwrap_or("");
            if attr(ec, "noevents").is_some() || attr(ec, "noevent").is_some() {
                continue;
            }
            if let Some(code) = attr(ec, "eventcode").filter(|c| !c.is_empty()) {
                expected.insert((
                    attr(ec, "sourcecode").unwrap_or_default(),
                    attr(ec, "targetcode").unwrap_or_default(),
                    code,
                ));
            }
        }
        let sentence = body
            .split("<Text>")
            .nth(1)
            .and_then(|t| t.split("</Text>").next())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Record {
            id,
            category: category.trim_end_matches('x').to_string(),
            date,
            text: sentence,
            expected,
        });
    }
    out
}

#[test]
fn petrarch_unit_test_records() {
    let Some(shared) = common::shared() else {
        return;
    };
    let dir = shared.join("data/petrarch/validation");
    let Ok(xml) = std::fs::read_to_string(dir.join("PETR.UnitTest.records.xml")) else {
        eprintln!("note: PETR.UnitTest.records.xml is absent; skipping the suite");
        return;
    };
    let file = |name: &str| DictSource::path(Path::new(&dir).join(name));
    let config = DictConfig {
        verbs: vec![file("PETR.Validate.verbs.txt")],
        actors: vec![file("PETR.Validate.actors.txt")],
        agents: vec![file("PETR.Validate.agents.txt")],
        discards: vec![file("PETR.Validate.discards.txt")],
        ..DictConfig::default()
    };
    let (dict, _) = Dictionaries::load(&config).expect("validation dictionaries load");
    // Later records with the same id replace earlier ones, as the scorer reads them.
    let mut by_id: HashMap<String, Record> = HashMap::new();
    for r in records(&xml) {
        by_id.insert(r.id.clone(), r);
    }
    let mut table: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut passed = 0;
    let mut failures = Vec::new();
    let mut ids: Vec<&String> = by_id.keys().collect();
    ids.sort();
    for id in ids {
        let r = &by_id[id];
        let d = common::code_with(&r.text, r.date.as_deref(), &dict);
        let got: BTreeSet<(String, String, String)> = common::triples(&d).into_iter().collect();
        let row = table.entry(r.category.clone()).or_default();
        row.1 += 1;
        if got == r.expected {
            row.0 += 1;
            passed += 1;
        } else {
            failures.push(format!("{id}: expected {:?}, got {got:?}", r.expected));
        }
    }
    let total = by_id.len();
    println!(
        "PETRARCH unit-test records: {passed}/{total} ({:.1} %)",
        100.0 * passed as f64 / total.max(1) as f64
    );
    for (cat, (p, n)) in &table {
        println!("  {cat:<10} {p:>3}/{n:<3}");
    }
    // `SITREP_SUITE_FAILURES=1 cargo test … -- --nocapture` lists every failing record.
    if std::env::var_os("SITREP_SUITE_FAILURES").is_some() {
        for f in &failures {
            println!("{f}");
        }
    }
    assert!(
        passed >= FLOOR,
        "{passed} of {total} PETRARCH unit-test records pass, under the floor {FLOOR}:\n{}",
        failures.join("\n")
    );
}
