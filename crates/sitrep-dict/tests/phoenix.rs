//! The full PETRARCH dictionaries in `shared/data/petrarch` load, with sane sizes, few
//! diagnostics, and the actor expectations of PETRARCH2's own tests.

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use sitrep_dict::{DictConfig, DictSource, Dictionaries};

fn load(config: DictConfig) -> (Dictionaries, Vec<sitrep_dict::Diagnostic>) {
    match Dictionaries::load(&config) {
        Ok(x) => x,
        Err(e) => panic!("load failed: {e}"),
    }
}

#[test]
fn full_phoenix_dictionaries_load() {
    let Some(shared) = common::shared() else {
        return;
    };
    let p = shared.join("data/petrarch");
    let config = DictConfig {
        actors: [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        ]
        .iter()
        .map(|f| DictSource::path(p.join(f)))
        .collect(),
        agents: vec![DictSource::path(p.join("Phoenix.agents.txt"))],
        discards: vec![DictSource::path(p.join("Phoenix.discards.txt"))],
        ..DictConfig::empty()
    };
    let (d, diags) = load(config);
    assert!(d.actors.len() > 25_000, "{} actors", d.actors.len());
    assert!(d.actors.phrase_count() > 33_000);
    assert!(d.agents.len() > 3_000, "{} agents", d.agents.len());
    assert!(d.agents.phrase_count() > 5_000);
    assert!(d.discards.len() > 450, "{} discards", d.discards.len());
    // A handful of known defects of the files, each reported with its file and line.
    assert!(diags.len() < 30, "{diags:#?}");
    assert!(diags
        .iter()
        .any(|x| x.origin.file.ends_with("Phoenix.agents.txt") && x.origin.line == 544));
    for x in &diags {
        assert!(
            x.origin.line > 0 && x.origin.file.contains("Phoenix."),
            "{x}"
        );
    }
}

#[test]
fn embedded_dictionaries_match_the_shared_ones() {
    let Some(shared) = common::shared() else {
        return;
    };
    for src in sitrep_dict::embedded::ALL {
        let DictSource::Embedded(name, text) = src else {
            continue;
        };
        for dir in ["data/petrarch", "data/codebooks"] {
            let p = shared.join(dir).join(name);
            if let Ok(orig) = std::fs::read_to_string(&p) {
                assert!(
                    orig == *text,
                    "data/dict/{name} differs from {}",
                    p.display()
                );
            }
        }
    }
}

#[test]
fn validation_dictionaries_load() {
    let Some(shared) = common::shared() else {
        return;
    };
    let v = shared.join("data/petrarch/validation");
    let config = DictConfig {
        actors: vec![DictSource::path(v.join("PETR.Validate.actors.txt"))],
        agents: vec![DictSource::path(v.join("PETR.Validate.agents.txt"))],
        discards: vec![DictSource::path(v.join("PETR.Validate.discards.txt"))],
        ..DictConfig::empty()
    };
    let (d, diags) = load(config);
    assert!(d.actors.len() > 120, "{}", d.actors.len());
    assert!(d.agents.len() > 80, "{}", d.agents.len());
    assert_eq!(d.discards.len(), 9);
    eprintln!("validation diagnostics: {diags:#?}");
    let date = NaiveDate::from_ymd_opt(2000, 1, 1);
    let ids = d.word_ids(["Smeagol"]);
    assert_eq!(
        d.actors.longest_match(&ids, 0).and_then(|m| m.code(date)),
        Some("HOBREB")
    );
    let ids = d.word_ids(["congresswomen"]);
    assert_eq!(
        d.agents.longest_match(&ids, 0).map(|m| &*m.entry.code.code),
        Some("LEG")
    );
    let ids = d.word_ids(["Ministries", "of", "silly", "walks"]);
    assert_eq!(d.agents.longest_match(&ids, 0).map(|m| m.len), Some(4));
}

const PREPOSITIONS: &[&str] = &["in", "from", "to", "of", "with", "at", "on", "for", "by"];

/// What dictionary lookup alone says a phrase codes as, PETRARCH2-style: actors and agents of
/// the noun phrase (before its first preposition), else actors of the prepositional phrase;
/// each actor code combined with each agent code.
fn codes_of(d: &Dictionaries, text: &str, date: Option<NaiveDate>) -> BTreeSet<String> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words
        .first()
        .is_some_and(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    let split = words
        .iter()
        .position(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        .unwrap_or(words.len());
    let scan = |ws: &[&str]| {
        let ids = d.word_ids(ws.iter().copied());
        let (mut actors, mut agents) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < ids.len() {
            if let Some(m) = d.actors.longest_match(&ids, i) {
                actors.extend(m.code(date).map(str::to_string));
                i += m.len;
            } else if let Some(m) = d.agents.longest_match(&ids, i) {
                agents.push(m.entry.code.clone());
                i += m.len;
            } else {
                i += 1;
            }
        }
        (actors, agents)
    };
    let (mut actors, agents) = scan(&words[..split]);
    if actors.is_empty() {
        actors = scan(&words[split..]).0;
    }
    actors
        .iter()
        .map(|a| agents.iter().fold(a.clone(), |code, ag| ag.apply(&code)))
        .collect()
}

#[test]
fn petrarch2_actor_cases() {
    let Some(shared) = common::shared() else {
        return;
    };
    let text =
        std::fs::read_to_string(shared.join("gold/petrarch2_cases.jsonl")).unwrap_or_default();
    let d = Dictionaries::embedded();
    let mut checked = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        if case["kind"] != "actor" || case.get("note").is_some() {
            continue; // pronoun resolution is the coder's job
        }
        let date = case["date"]
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        let want: BTreeSet<String> = case["expected_codes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect();
        let got = codes_of(d, case["text"].as_str().unwrap_or_default(), date);
        assert_eq!(got, want, "{}: {}", case["id"], case["text"]);
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} actor cases checked");
}

#[test]
fn built_in_files_load_with_known_diagnostics_only() {
    let diags = Dictionaries::embedded_diagnostics();
    // The Phoenix/CAMEO files' own defects (bad dates, uncoded entries, broken pattern
    // lines); sitrep's own files and the codebooks must be clean.
    assert!(diags.len() <= 25, "{diags:#?}");
    for d in diags {
        assert!(
            d.origin.file.starts_with("Phoenix.") || d.origin.file.starts_with("CAMEO."),
            "{d}"
        );
    }
    let d = Dictionaries::embedded();
    assert!(d.actors.len() > 27_000 && d.agents.len() > 3_300 && d.verbs.patterns().len() > 4_600);
}
