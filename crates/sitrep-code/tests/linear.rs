//! PETRARCH-1 semantics for a PETRARCH-1 verb dictionary (`src/linear.rs`), one construct
//! per row, with small in-memory dictionaries (no `../shared` needed).

mod common;

use std::sync::OnceLock;

use sitrep_dict::{DictConfig, DictSource, Dictionaries};

const VERBS: &str = "\
&TIES
+MILITARY
+ECONOMIC

&NEGAUX
+DID N'T
+WILL NOT

--- RESTORE [064] ---
RESTORE
- * &TIES TIES [902]
- * FULL_TIES [903]
- &NEGAUX * TIES [904]
- * CHEESE [---]

--- ARRIVE [032:033] ---
ARRIVE

--- AGREE [081] ---
AGREE
- % * [030:030]

--- SAY [023] ---
SAY {SAID}

--- ATTACK [190] ---
ATTACK
";

const ACTORS: &str = "\
NORVIA [NRV]
OSTRAL [OST]
PELAGO [PEL]
";

const AGENTS: &str = "\
MINISTER [~GOV]
";

fn dict() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| {
        let config = DictConfig {
            verbs: vec![DictSource::text("t.verbs", VERBS)],
            actors: vec![DictSource::text("t.actors", ACTORS)],
            agents: vec![DictSource::text("t.agents", AGENTS)],
            discards: Vec::new(),
            ..DictConfig::default()
        };
        Dictionaries::load(&config).expect("test dictionaries").0
    })
}

/// (source code, target code, event code).
type Triple = (String, String, String);

fn triples(text: &str) -> Vec<Triple> {
    common::triples(&common::code_with(text, Some("2020-01-01"), dict()))
}

fn t(s: &str, g: &str, c: &str) -> Triple {
    (s.into(), g.into(), c.into())
}

#[test]
fn linear_pattern_semantics() {
    let rows: &[(&str, &str, Vec<Triple>)] = &[
        (
            "synset member, words between allowed",
            "Norvia will restore economic ties with Ostral.",
            vec![t("NRV", "OST", "902")],
        ),
        (
            "no modality mapping: the dictionary's code stands",
            "Norvia will restore relations with Ostral.",
            vec![t("NRV", "OST", "064")],
        ),
        (
            "_ needs the next word",
            "Norvia restored full diplomatic ties with Ostral.",
            vec![t("NRV", "OST", "064")],
        ),
        (
            "_ matched",
            "Norvia restored full ties with Ostral.",
            vec![t("NRV", "OST", "903")],
        ),
        (
            "multiword synset member before the verb",
            "Norvia will not restore ties with Ostral.",
            vec![t("NRV", "OST", "904")],
        ),
        (
            "[---] pattern: no event",
            "Norvia restored cheese to Ostral.",
            vec![],
        ),
        (
            "[a:b] paired event",
            "The Norvia minister arrived in Ostral on Monday.",
            vec![t("NRVGOV", "OST", "032"), t("OST", "NRVGOV", "033")],
        ),
        (
            "% before the verb: the coordination acts on itself",
            "Norvia and Ostral agree that the border should be reopened.",
            vec![t("NRV", "OST", "030"), t("OST", "NRV", "030")],
        ),
        (
            "coordinated target",
            "Norvia attacked Ostral and Pelago.",
            vec![t("NRV", "OST", "190"), t("NRV", "PEL", "190")],
        ),
        (
            "a coded verb takes its verb phrase: one event",
            "Norvia said Ostral attacked Pelago.",
            vec![t("NRV", "OST", "023")],
        ),
        (
            "short comma clause left out",
            "Ostral attacked Pelago, a Norvia minister said on Monday.",
            vec![t("OST", "PEL", "190")],
        ),
    ];
    let mut failures = Vec::new();
    for (name, text, want) in rows {
        let got = triples(text);
        let mut want = want.clone();
        want.sort();
        if got != want {
            failures.push(format!(
                "{name}: {text}\n    want {want:?}\n    got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
