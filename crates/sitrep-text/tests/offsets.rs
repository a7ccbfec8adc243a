//! Every span of every layer slices the original text: tokens, sentences, paragraphs and
//! removed pieces of the reference article and the real corpora in `shared/`.

mod common;

use sitrep_text::{prepare, Document};

fn run(id: &str, title: Option<String>, text: String) -> Document {
    let mut doc = Document::new(id, text);
    doc.title = title;
    prepare(&mut doc).unwrap_or_else(|e| panic!("{id}: {e}"));
    if let Err(e) = common::check(&doc) {
        panic!("{e}");
    }
    doc
}

#[test]
fn reference_article_offsets() {
    let Some(text) = common::shared_file("gold/articles/000_224f590e902e362b.txt") else {
        return;
    };
    let doc = run("000_224f590e902e362b", None, text);
    assert!(doc.tokens.len() > 500);
    // Curly quotes and apostrophes are normalised for the models, offsets untouched.
    let iran_s = doc
        .tokens
        .iter()
        .position(|t| doc.slice(t.span) == "’s")
        .expect("’s token");
    assert_eq!(doc.tokens[iran_s].form(&doc.text), "'s");
    assert_eq!(doc.slice(doc.tokens[iran_s - 1].span), "Iran");
}

#[test]
fn news_cluster_offsets() {
    let docs = common::corpus("data/corpora/news_cluster.jsonl");
    for (id, title, text) in &docs {
        run(id, title.clone(), text.clone());
        // Without the metadata title as well: cleanup then guesses the headline.
        run(id, None, text.clone());
    }
}

#[test]
fn bbc_offsets() {
    for (id, title, text) in common::corpus("data/corpora/bbc.jsonl") {
        run(&id, title, text);
    }
}

#[test]
fn reuters_sample_offsets() {
    for (id, title, text) in common::corpus("data/corpora/reuters21578.jsonl")
        .into_iter()
        .step_by(10)
    {
        run(&id, title, text);
    }
}
