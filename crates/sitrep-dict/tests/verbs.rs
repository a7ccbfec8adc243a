//! The full verb dictionaries (PETRARCH-2 `CAMEO.2.0.txt`, PETRARCH-1
//! `CAMEO.verbpatterns.150430.txt` and the validation suite's verbs) load with sane sizes,
//! and the built-in ones find the verbs of PETRARCH2's sentence tests.

mod common;

use sitrep_dict::verbs::{Term, VerbSyntax};
use sitrep_dict::{DictConfig, DictSource, Dictionaries};

fn load_verbs(path: std::path::PathBuf) -> (Dictionaries, Vec<sitrep_dict::Diagnostic>) {
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    eprintln!(
        "{}: detected {:?}",
        path.display(),
        VerbSyntax::detect(&text)
    );
    let config = DictConfig {
        verbs: vec![DictSource::path(path)],
        ..DictConfig::empty()
    };
    match Dictionaries::load(&config) {
        Ok(x) => x,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn cameo_2_0_loads() {
    let Some(shared) = common::shared() else {
        return;
    };
    let (d, diags) = load_verbs(shared.join("data/petrarch/CAMEO.2.0.txt"));
    let v = &d.verbs;
    assert!(v.blocks().len() >= 390, "{} blocks", v.blocks().len());
    assert!(v.verbs().len() >= 1800, "{} verbs", v.verbs().len());
    assert!(v.form_count() >= 7000, "{} forms", v.form_count());
    assert!(
        v.patterns().len() >= 4600,
        "{} patterns",
        v.patterns().len()
    );
    assert!(v.synsets().len() >= 40, "{} synsets", v.synsets().len());
    assert_eq!(v.transformations().len(), 8);
    assert!(v
        .patterns()
        .iter()
        .all(|p| p.syntax == VerbSyntax::Petrarch2));
    // Five defective pattern lines (unbalanced brackets, `[080!]`, undefined synsets).
    assert!(diags.len() <= 8, "{diags:#?}");
    assert!(diags
        .iter()
        .all(|x| x.origin.file.ends_with("CAMEO.2.0.txt") && x.origin.line > 700));
    let with_prep = v.patterns().iter().filter(|p| p.text.contains('(')).count();
    assert!(with_prep > 1000);
    let passive = v.patterns().iter().filter(|p| p.code.has_passive()).count();
    assert!(passive > 100, "{passive} patterns with a passive code");
}

#[test]
fn petrarch1_verb_files_load() {
    let Some(shared) = common::shared() else {
        return;
    };
    let (d, diags) = load_verbs(shared.join("data/petrarch/CAMEO.verbpatterns.150430.txt"));
    let v = &d.verbs;
    assert!(v
        .patterns()
        .iter()
        .all(|p| p.syntax == VerbSyntax::Petrarch1));
    assert!(v.blocks().len() >= 390, "{} blocks", v.blocks().len());
    assert!(
        v.patterns().len() >= 10_900,
        "{} patterns",
        v.patterns().len()
    );
    let targets = v
        .patterns()
        .iter()
        .filter(|p| p.has_slot(&Term::Target))
        .count();
    assert!(targets > 4000, "{targets} patterns with a target slot");
    assert!(diags.len() < 40, "{diags:#?}");

    let (d, diags) = load_verbs(shared.join("data/petrarch/validation/PETR.Validate.verbs.txt"));
    let v = &d.verbs;
    assert!(v
        .patterns()
        .iter()
        .all(|p| p.syntax == VerbSyntax::Petrarch1));
    assert!(v.blocks().len() >= 250, "{} blocks", v.blocks().len());
    assert!(v.patterns().len() >= 460, "{} patterns", v.patterns().len());
    assert!(diags.len() < 20, "{diags:#?}");
    // The validation suite's embedded synset (&ACCORDSYN contains &TIETYPES and &CURRENCY).
    let acc = v.synset_by_name("ACCORDSYN").expect("ACCORDSYN");
    let s = d.word_ids(["cultural"]);
    assert_eq!(acc.longest_at(&s, 0), Some(1));
    let s = d.word_ids(["swiss", "francs"]);
    assert_eq!(acc.longest_at(&s, 0), Some(2));
    // KLM_NOP_+RST [002]: a multi-word verb with the verb word last.
    let s = d.word_ids(["KLM", "NOP", "RST"]);
    let m = v.verb_at(&s, 2).expect("KLM NOP RST");
    assert_eq!((m.start, m.len, m.verb.code.active()), (0, 3, Some("002")));
}

#[test]
fn built_in_verbs_code_petrarch2_sentences() {
    let d = Dictionaries::embedded();
    for (word, lemma, code) in [
        ("invaded", "INVADE", "192"),
        ("arrested", "ARREST", "173"),
        ("jailed", "JAIL", "173"),
        ("said", "SAY", "010"),
        ("says", "SAY", "010"),
        ("accuses", "ACCUSE", "112"),
    ] {
        let ids = d.word_ids([word]);
        let m = d
            .verbs
            .verb_at(&ids, 0)
            .unwrap_or_else(|| panic!("{word} not found"));
        assert_eq!(&*m.verb.lemma, lemma, "{word}");
        assert_eq!(m.verb.code.active(), Some(code), "{word}");
    }
    let ids = d.word_ids(["met"]);
    assert!(d.verbs.verb_at(&ids, 0).is_some());
}
