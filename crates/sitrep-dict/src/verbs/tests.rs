//! Unit tests of the verb readers on small inline dictionaries, one construct each.

use std::sync::Arc;

use super::*;
use crate::error::Diagnostic;
use crate::lexicon::Lexicon;

fn load_files(
    files: &[(&str, &str)],
    syntax: Option<VerbSyntax>,
) -> (Lexicon, VerbDictionary, Vec<Diagnostic>) {
    let mut lex = Lexicon::new();
    let mut b = VerbBuilder::default();
    let mut diags = Vec::new();
    for (name, text) in files {
        b.read(&mut lex, &Arc::from(*name), text, syntax, &mut diags);
    }
    let d = b.finish(&mut lex, &mut diags);
    (lex, d, diags)
}

fn load(text: &str) -> (Lexicon, VerbDictionary, Vec<Diagnostic>) {
    load_files(&[("t.verbs", text)], Some(VerbSyntax::Petrarch2))
}

fn ids(lex: &Lexicon, s: &str) -> Vec<Option<WordId>> {
    s.split_whitespace().map(|w| lex.get(w)).collect()
}

/// The lemma and code of the verb at word `i` of `s`.
fn verb(
    lex: &Lexicon,
    d: &VerbDictionary,
    s: &str,
    i: usize,
) -> Option<(String, Option<String>, usize)> {
    let w = ids(lex, s);
    d.verb_at(&w, i).map(|m| {
        (
            m.verb.lemma.to_string(),
            m.verb.code.active().map(str::to_string),
            m.len,
        )
    })
}

const ATTACK: &str = "\
&MILITARY
+SOLDIER
+ARMED_FORCES_
+ARMY

&AUXVERB1_
+WAS
+WERE

--- ATTACK [190] ---
ATTACK
RAID
STRIKE {STRIKES STRUCK STRICKEN STRIKING} [193]
BOMB # comment
+CALL_OFF {+CALLED_OFF} [160]
RE_+ARREST [173]
QUERY {}
- * &MILITARY (WITH {HEAVY WEAPONS}) [194]
- $ * (ON +) [:173]
- {MOCK ATTACK} * [062:062]
- * (BY/WITH &MILITARY) [190]
- * OFF (FROM ^)  [042]
";

#[test]
fn regular_and_irregular_verb_forms() {
    let (lex, d, diags) = load(ATTACK);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(d.blocks().len(), 1);
    assert_eq!(d.verbs().len(), 7);
    for (s, lemma, code) in [
        ("attacks", "ATTACK", "190"),
        ("attacked", "ATTACK", "190"),
        ("attacking", "ATTACK", "190"),
        ("raided", "RAID", "190"),
        ("struck", "STRIKE", "193"),
        ("stricken", "STRIKE", "193"),
        ("strikes", "STRIKE", "193"),
        ("bombed", "BOMB", "190"),
        ("query", "QUERY", "190"),
    ] {
        assert_eq!(
            verb(&lex, &d, s, 0),
            Some((lemma.into(), Some(code.into()), 1)),
            "{s}"
        );
    }
    // `{}`: no other forms; a `{...}` list that forgot one still finds the regular form.
    assert_eq!(verb(&lex, &d, "queried", 0), None);
    let strike = lex
        .get("striked")
        .and_then(|w| d.forms_of(w).first())
        .map(|f| f.source);
    assert_eq!(strike, Some(FormSource::Variant));
    assert_eq!(
        d.forms_of(lex.get("struck").unwrap())[0].source,
        FormSource::Listed
    );
}

#[test]
fn multi_word_verbs() {
    let (lex, d, _) = load(ATTACK);
    assert_eq!(
        verb(&lex, &d, "they called off the talks", 1),
        Some(("CALL OFF".into(), Some("160".into()), 2))
    );
    assert_eq!(
        verb(&lex, &d, "they call off", 1),
        Some(("CALL OFF".into(), Some("160".into()), 2))
    );
    assert_eq!(
        verb(&lex, &d, "they calls off", 1),
        Some(("CALL OFF".into(), Some("160".into()), 2))
    );
    // Without its particle the multi-word verb does not match (CALL is not a verb here).
    assert_eq!(verb(&lex, &d, "they called", 1), None);
    let w = ids(&lex, "police re arrested him");
    let m = d.verb_at(&w, 2).unwrap();
    assert_eq!((m.start, m.len, &*m.verb.lemma), (1, 2, "RE ARREST"));
    assert!(d.verb_at(&w, 1).is_none());
}

#[test]
fn synsets_with_plurals_and_no_plural_labels() {
    let (lex, d, _) = load(ATTACK);
    let mil = d.synset_by_name("&MILITARY").unwrap();
    let one = |s: &str| mil.longest_at(&ids(&lex, s), 0);
    assert_eq!(one("soldiers"), Some(1));
    assert_eq!(one("armies"), Some(1));
    assert_eq!(one("armed forces"), Some(2));
    assert_eq!(
        one("armed forceses"),
        None,
        "member ending in _ gets no plural"
    );
    assert!(mil.contains(lex.get("army").unwrap()));
    let aux = d.synset_by_name("AUXVERB1").unwrap();
    assert_eq!(aux.members.len(), 2, "label ending in _ gets no plurals");
    assert_eq!(mil.origin.as_ref().map(|o| o.line), Some(1));
}

#[test]
fn p2_patterns_are_typed() {
    let (lex, d, _) = load(ATTACK);
    let block = d.block_by_name("ATTACK").unwrap();
    let pats: Vec<&VerbPattern> = block.patterns.iter().map(|&p| d.pattern(p)).collect();
    assert_eq!(pats.len(), 5);

    let p = pats[0];
    assert!(p.before.is_empty());
    assert_eq!(p.code.active(), Some("194"));
    assert_eq!(p.origin.line, 18);
    assert_eq!(
        p.text.as_ref(),
        "- * &MILITARY (WITH {HEAVY WEAPONS}) [194]"
    );
    let mil = d
        .synset_by_name("MILITARY")
        .map(|_| d.synset_index["MILITARY"])
        .unwrap();
    assert_eq!(p.after[0].item, PatternItem::Term(Term::Synset(mil)));
    let w = |s: &str| lex.get(s).unwrap();
    assert_eq!(
        p.after[1].item,
        PatternItem::Prep {
            prep: Term::Word(w("WITH")),
            objects: vec![PatternItem::Phrase(vec![
                Term::Word(w("HEAVY")),
                Term::Word(w("WEAPONS"))
            ])]
        }
    );

    // Source before the verb, target inside a prepositional phrase, passive-only code.
    let p = pats[1];
    assert_eq!(p.before[0].item, PatternItem::Term(Term::Source));
    assert_eq!(
        p.after[0].item,
        PatternItem::Prep {
            prep: Term::Word(w("ON")),
            objects: vec![PatternItem::Term(Term::Target)]
        }
    );
    assert_eq!(
        (p.code.active(), p.code.passive(), p.code.to_string()),
        (None, Some("173"), ":173".to_string())
    );
    assert!(p.has_slot(&Term::Target) && p.has_slot(&Term::Source));

    let p = pats[2];
    assert_eq!(
        p.before[0].item,
        PatternItem::Phrase(vec![Term::Word(w("MOCK")), Term::Word(w("ATTACK"))])
    );
    assert_eq!(
        (p.code.active(), p.code.passive()),
        (Some("062"), Some("062"))
    );

    let p = pats[3];
    let PatternItem::Prep {
        prep: Term::AnyOf(alts),
        ..
    } = &p.after[0].item
    else {
        panic!("{:?}", p.after)
    };
    assert_eq!(alts.as_ref(), &[w("BY"), w("WITH")]);
    let p = pats[4];
    assert_eq!(
        p.after[1].item,
        PatternItem::Prep {
            prep: Term::Word(w("FROM")),
            objects: vec![PatternItem::Term(Term::Skip)]
        }
    );
    assert_eq!(
        p.code.passive(),
        Some("042"),
        "no passive part: passive is the active code"
    );
    assert!(!p.code.has_passive());

    // Term matching against a sentence.
    let s = ids(&lex, "the armed forces");
    assert_eq!(Term::Synset(mil).matches_at(&d, &s, 1), Some(2));
    assert_eq!(Term::Word(w("WITH")).matches_at(&d, &s, 1), None);
    assert_eq!(Term::Target.matches_at(&d, &s, 0), None);
}

#[test]
fn p1_patterns_keep_connectors() {
    let text = "&TIETYPES\n+MILITARY\n\n--- ACCORD [---] ---\nACCORD\n\
                - SO IN_AND_*_OUT_AGAIN NOW [074]\n- IN_ * [075]\n- $ * RESUMPTION OF_+ [050]\n- % * TALKS [031:031]\n\
                - * NEW_&TIETYPES_RELATIONS [903]\n- * {A | B} [000]\n";
    let (lex, d, diags) = load_files(&[("t.verbs", text)], Some(VerbSyntax::Petrarch1));
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].origin.line, 11);
    let pats = d.patterns();
    assert!(pats.iter().all(|p| p.syntax == VerbSyntax::Petrarch1));
    let links = |els: &[PatternElement]| els.iter().map(|e| e.link).collect::<Vec<_>>();
    use Link::{Adjacent as A, Gap as G};
    assert_eq!(links(&pats[0].before), [G, A, A]);
    assert_eq!(links(&pats[0].after), [A, A, G]);
    assert_eq!(
        links(&pats[1].before),
        [G],
        "`IN_ *` is TABARI's open match"
    );
    assert_eq!(pats[2].before[0].item, PatternItem::Term(Term::Source));
    assert_eq!(links(&pats[2].after), [G, G, A]);
    assert_eq!(pats[2].after[2].item, PatternItem::Term(Term::Target));
    assert_eq!(pats[3].before[0].item, PatternItem::Term(Term::Compound));
    let tie = d.synset_index["TIETYPES"];
    assert_eq!(pats[4].after[1].item, PatternItem::Term(Term::Synset(tie)));
    assert_eq!(links(&pats[4].after), [G, A, A]);
    assert!(lex.get("relations").is_some());
}

#[test]
fn nested_and_undefined_synsets() {
    let text = "&A\n+X\n+&B\n\n&B_\n+Y\n+&A\n\n--- V [010] ---\nV\n- * &A [011]\n- * &NOPE [012]\n- * (TO &A) [013]\n";
    let (lex, d, diags) = load(text);
    let a = d.synset_by_name("A").unwrap();
    let words: Vec<&str> = a.members.iter().map(|m| lex.word(m.words[0])).collect();
    assert!(
        words.contains(&"X") && words.contains(&"XES") && words.contains(&"Y"),
        "{words:?}"
    );
    assert!(!words.contains(&"YS"), "B's label ends in _");
    assert_eq!(d.patterns().len(), 2);
    let msgs: Vec<String> = diags.iter().map(|x| x.to_string()).collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("t.verbs:12: synset &NOPE is not defined")),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains("contains itself")),
        "{msgs:#?}"
    );
    let block = d.block_by_name("V").unwrap();
    assert_eq!(
        block
            .patterns
            .iter()
            .map(|&p| d.pattern(p).origin.line)
            .collect::<Vec<_>>(),
        [11, 13]
    );
}

#[test]
fn later_files_extend_blocks() {
    let base = "--- ACCUSE [112] ---\nACCUSE\n- * (OF &NOPE) [1121]\n";
    let extra = "--- ACCUSE [112] ---\nDENOUNCE\n- * (OF {WAR CRIMES}) [1122]\n--- NEWBLOCK [020] ---\nIMPLORE\n\
                 --- ACCUSE [111] ---\nCRITICIZE\n";
    let (lex, d, diags) = load_files(
        &[("CAMEO.2.0.txt", base), ("sitrep.verbs.txt", extra)],
        Some(VerbSyntax::Petrarch2),
    );
    assert_eq!(d.blocks().len(), 2);
    let m = d.verb_at(&ids(&lex, "denounced"), 0).unwrap();
    assert_eq!(
        (&*m.block.name, m.verb.code.active()),
        ("ACCUSE", Some("112"))
    );
    assert_eq!(&*m.verb.origin.file, "sitrep.verbs.txt");
    let pats: Vec<_> = d
        .patterns_of(d.block_index["ACCUSE"])
        .map(|(_, p)| p.origin.to_string())
        .collect();
    assert_eq!(pats, ["sitrep.verbs.txt:3"]);
    // A header with another code extends the block; its verbs take the new code.
    let m = d.verb_at(&ids(&lex, "criticized"), 0).unwrap();
    assert_eq!(
        (&*m.block.name, m.verb.code.active()),
        ("ACCUSE", Some("111"))
    );
    assert_eq!(diags.len(), 2);
    assert_eq!(
        diags[0].origin.to_string(),
        "sitrep.verbs.txt:6",
        "{diags:#?}"
    );
}

#[test]
fn malformed_verb_lines_are_reported_and_skipped() {
    let text = "ORPHAN\n--- [010] ---\n--- GOOD [010] ---\nA_+B_+C\nLASH OUT\nX {Y\n\
                - * NOCODE\n- * (TO [010]\n- * * [010]\n- NOSTAR [010]\n- * X [0 0]\n- * X [010] junk\n\
                ~ a (b ATTACK SAY = a b 1\n&\n&SYN\n+\n+&\nGOOD2 [01\n- * Y [080!]\n--- RULE OUT [025?] ---\n+RULE_OUT\n";
    let (lex, d, diags) = load(text);
    let lines: Vec<u32> = diags.iter().map(|x| x.origin.line).collect();
    assert_eq!(
        lines,
        [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 20],
        "{diags:#?}"
    );
    // Kept with a warning: "LASH OUT" as the multi-word verb LASH_OUT, the pattern with
    // trailing junk, the odd code 080!, the block name with a space and its odd code.
    assert_eq!(
        verb(&lex, &d, "lashed out", 0).map(|v| v.0),
        Some("LASH OUT".into())
    );
    assert_eq!(d.patterns().len(), 2);
    assert_eq!(d.patterns()[1].code.active(), Some("080!"));
    let m = d.verb_at(&ids(&lex, "ruled out"), 0).unwrap();
    assert_eq!(
        (&*m.block.name, m.verb.code.active()),
        ("RULE_OUT", Some("025?"))
    );
}

#[test]
fn transformations_are_read() {
    let text =
        "--- SAY [010] ---\nSAY {SAID}\n~ a (a b ATTACK) SAY = a b 015\n~ a (_ b Q) WANT = a b Q\n";
    let (_, d, diags) = load(text);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(d.transformations().len(), 2);
    assert_eq!(d.transformations()[1].code, TransformCode::Inherit);
    assert_eq!(d.transformations()[0].origin.line, 3);
}

#[test]
fn syntax_detection() {
    assert_eq!(
        VerbSyntax::detect("--- A [1] ---\nA\n- * (TO +) [1]\n- * X [2]\n"),
        VerbSyntax::Petrarch2
    );
    assert_eq!(
        VerbSyntax::detect("--- A [1] ---\nA\n- * TO_+ [1]\n- $ * X [2]\n"),
        VerbSyntax::Petrarch1
    );
}

#[test]
fn codes_display_as_written() {
    let c = pattern::parse_code("042:043").unwrap();
    assert_eq!(
        (c.to_string(), c.get(false), c.get(true)),
        ("042:043".into(), Some("042"), Some("043"))
    );
    assert!(pattern::parse_code("---").unwrap().is_null());
    assert_eq!(pattern::parse_code("---").unwrap().to_string(), "---");
    assert_eq!(pattern::parse_code("110:").unwrap().get(true), None);
}

#[test]
fn pattern_comments_name_the_verb_and_particles_are_flagged() {
    let text = "--- PUSH [170] ---\nPUSH\nPRESS\n- * ON [190] # PRESS\n- * (INTO) [192] # PUSH\n- * SANCTIONS [1312] # URGE\n- * TALKS [020]\n";
    let (_, d, _) = load(text);
    let p: Vec<_> = d
        .patterns()
        .iter()
        .map(|p| (p.for_verb.as_deref().map(str::to_string), p.particle))
        .collect();
    assert_eq!(
        p,
        vec![
            (Some("PRESS".to_string()), true),
            (Some("PUSH".to_string()), true),
            (Some("URGE".to_string()), false),
            (None, false),
        ]
    );
}
