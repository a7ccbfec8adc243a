//! The combined agent dictionaries (Phoenix + sitrep additions) resolve the role nouns news
//! uses to the sectors issue 3 names.

use sitrep_dict::{DictConfig, Dictionaries};

/// (phrase, expected agent code) with the built-in dictionaries.
const CASES: &[(&str, &str)] = &[
    ("defense minister", "GOVMIL"),
    ("Defence Minister", "GOVMIL"),
    ("defense ministers", "GOVMIL"),
    ("army chief", "MIL"),
    ("militants", "REB"),
    ("militant", "REB"),
    ("separatists", "REB"),
    ("insurgents", "REB"),
    ("rebels", "REB"),
    ("pilgrims", "CVL"),
    ("protesters", "CVL"),
    ("civilians", "CVL"),
    ("lawmakers", "LEG"),
    ("parliament", "LEG"),
    ("judge", "JUD"),
    ("court", "JUD"),
    ("police", "COP"),
    ("company", "BUS"),
    ("companies", "BUS"),
    ("firm", "BUS"),
    ("minister", "GOV"),
    ("ministry", "GOV"),
    ("president", "GOV"),
    ("government", "GOV"),
    ("military", "MIL"),
    ("armed forces", "MIL"),
    ("forces", "MIL"),
    ("political forces", "PTY"),
    ("brigadier general", "MIL"),
    ("opposition", "OPP"),
    ("ships", "BUS"),
    ("vessel", "BUS"),
    ("navy ship", "MIL"),
    ("coast guard vessel", "MIL"),
    ("warships", "MIL"),
    ("gendarmes", "COP"),
    ("shadow foreign secretary", "OPP"),
];

fn code_of(d: &Dictionaries, phrase: &str) -> Option<(usize, String)> {
    let ids = d.word_ids(phrase.split_whitespace());
    d.agents
        .longest_match(&ids, 0)
        .map(|m| (m.len, m.entry.code.code.to_string()))
}

#[test]
fn role_nouns_resolve_to_the_right_sectors() {
    let d = Dictionaries::embedded();
    let mut wrong = Vec::new();
    for &(phrase, want) in CASES {
        let n = phrase.split_whitespace().count();
        match code_of(d, phrase) {
            Some((len, code)) if len == n && code == want => {}
            got => wrong.push(format!("{phrase:?}: want {want}, got {got:?}")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn sitrep_additions_are_needed() {
    // Each sitrep.agents.txt entry must change something: without the file, at least one
    // case above resolves differently.
    let config = DictConfig {
        agents: vec![sitrep_dict::embedded::PHOENIX_AGENTS],
        ..DictConfig::default()
    };
    let (phoenix_only, _) = Dictionaries::load(&config).unwrap();
    let missing: Vec<&str> = CASES
        .iter()
        .filter(|(p, want)| code_of(&phoenix_only, p).map(|(_, c)| c) != Some(want.to_string()))
        .map(|(p, _)| *p)
        .collect();
    assert!(!missing.is_empty());
    eprintln!("resolved only thanks to sitrep.agents.txt: {missing:?}");
}
