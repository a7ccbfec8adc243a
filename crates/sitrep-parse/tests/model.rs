//! The committed model: loads, scores above a floor on EWT dev, and never panics on odd input.

use std::path::Path;
use std::time::Instant;

use sitrep_parse::{conllu, evaluate, reparse_conllu, Pipeline};
use sitrep_text::{DepRel, Document, Sentence, Span, Stage, Token};

fn ewt_dev() -> Option<Vec<conllu::Sentence>> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu");
    if !p.exists() {
        eprintln!(
            "note: {} is absent; skipping the accuracy floor",
            p.display()
        );
        return None;
    }
    Some(conllu::read_file(&p).expect("EWT dev reads").sentences)
}

#[test]
fn embedded_model_loads_fast_and_scores_above_floor() {
    let t = Instant::now();
    let p = Pipeline::embedded().expect("embedded model loads");
    eprintln!("embedded model decoded in {:?}", t.elapsed());
    let again = Pipeline::embedded().expect("second load");
    assert_eq!(again.about(), p.about());
    let Some(dev) = ewt_dev() else { return };
    let s = evaluate(&p, &dev[..300.min(dev.len())]);
    eprintln!("first 300 sentences of EWT dev: {s}");
    assert!(s.upos_pct() >= 93.0, "{s}");
    assert!(s.uas_pct() >= 82.0, "{s}");
    assert!(s.las_pct() >= 78.0, "{s}");
}

fn check_tree(forms: &[&str], p: &Pipeline) {
    let a = p.analyze(forms);
    assert_eq!(a.len(), forms.len());
    let roots = a.iter().filter(|x| x.head == 0).count();
    if !forms.is_empty() {
        assert_eq!(roots, 1, "exactly one root");
    }
    for (i, x) in a.iter().enumerate() {
        assert!(x.head as usize <= forms.len());
        assert_ne!(x.head as usize, i + 1, "no self loops");
        assert_eq!(x.head == 0, x.deprel == DepRel::Root);
    }
    // Following heads from any word reaches the root without cycles.
    for i in 0..a.len() {
        let mut k = i + 1;
        let mut steps = 0;
        while k != 0 {
            k = a[k - 1].head as usize;
            steps += 1;
            assert!(steps <= a.len(), "cycle");
        }
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    let p = Pipeline::embedded().expect("embedded model loads");
    check_tree(&[], &p);
    check_tree(&["Hello"], &p);
    check_tree(&["", " ", "\u{0}", "\u{FEFF}"], &p);
    check_tree(
        &[
            "\u{1F600}",
            "ﬁ",
            "İstanbul",
            "Ǆ",
            "\u{0301}",
            "ß",
            "日本語",
            "\u{202E}abc",
            "Iran\u{2019}s",
        ],
        &p,
    );
    let long: Vec<String> = (0..5000)
        .map(|i| ["the", "cat", "sat", ",", "and", "Iran", "said", "."][i % 8].to_string())
        .collect();
    let forms: Vec<&str> = long.iter().map(String::as_str).collect();
    let t = Instant::now();
    check_tree(&forms, &p);
    eprintln!("5,000-token sentence in {:?}", t.elapsed());
    let huge = "x".repeat(100_000);
    check_tree(&[huge.as_str(), "is", "long"], &p);
}

#[test]
fn stage_fills_every_token() {
    let p = Pipeline::embedded().expect("embedded model loads");
    let text = "Iran said on Sunday it would help Iraq. Talks end.";
    let mut doc = Document::new("t", text);
    let mut starts = Vec::new();
    for (i, w) in text.split(' ').enumerate() {
        let start = text
            .match_indices(w)
            .map(|(s, _)| s)
            .find(|s| !starts.contains(s) && *s >= starts.last().copied().unwrap_or(0))
            .unwrap_or(0);
        let _ = i;
        starts.push(start);
        let w = w.trim_end_matches('.');
        doc.tokens
            .push(Token::new(Span::new(start, start + w.len())));
        if text[start..].starts_with(&format!("{w}.")) {
            doc.tokens
                .push(Token::new(Span::new(start + w.len(), start + w.len() + 1)));
        }
    }
    doc.sentences.push(Sentence {
        span: Span::new(0, 39),
        token_start: 0,
        token_end: 9,
        paragraph: 0,
    });
    doc.sentences.push(Sentence {
        span: Span::new(40, text.len()),
        token_start: 9,
        token_end: doc.tokens.len(),
        paragraph: 0,
    });
    p.run(&mut doc).expect("stage runs");
    let forms: Vec<&str> = doc.tokens.iter().map(|t| t.form(text)).collect();
    assert_eq!(
        forms[..9],
        ["Iran", "said", "on", "Sunday", "it", "would", "help", "Iraq", "."]
    );
    for s in &doc.sentences {
        let toks = &doc.tokens[s.tokens()];
        assert_eq!(toks.iter().filter(|t| t.head == 0).count(), 1);
        assert!(toks
            .iter()
            .all(|t| t.deprel != DepRel::None && t.upos != Default::default()));
    }
    assert_eq!(doc.tokens[1].head, 0, "'said' is the root");
    assert_eq!(doc.tokens[0].deprel, DepRel::Nsubj);
}

#[test]
fn reparse_keeps_tokens_and_columns() {
    let p = Pipeline::embedded().expect("embedded model loads");
    let text = "# sent_id = x\n# text = I don't know.\n1\tI\tI\t_\t_\t_\t_\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\t_\t_\t_\t_\t_\t_\t_\n3\tn't\tnot\t_\t_\t_\t_\t_\t_\t_\n4\tknow\tknow\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t.\t_\t_\t_\t_\t_\t_\t_\n\nbroken line\n\n";
    let r = reparse_conllu(text, "in.conllu", &p);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].line, 10);
    let again = conllu::read_str(&r.conllu, "out");
    assert!(again.errors.is_empty());
    let s = &again.sentences[0];
    assert_eq!(s.forms(), vec!["I", "do", "n't", "know", "."]);
    assert_eq!(s.words[3].head, Some(0));
    assert_eq!(s.words[3].upos, "VERB");
    assert_eq!(s.words[0].deprel, "nsubj");
    assert_eq!(s.words[4].misc, "_");
    assert_eq!(s.words[3].misc, "SpaceAfter=No");
    assert!(r.conllu.contains("\n2-3\tdon't\t"));
}

#[test]
fn pipeline_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Pipeline>();
}
