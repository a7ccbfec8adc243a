//! Segmentation scored on the English treebanks in `shared/data/ud`, with floors a regression
//! would break (the full figures are in the crate README).

mod common;

use sitrep_text::segment::eval::{evaluate, read_conllu, Layout, Report};
use sitrep_text::Segmenter;

fn score(files: &[String], layout: Layout) -> Option<Report> {
    let dir = common::shared()?.join("data/ud");
    let mut total = Report::default();
    for f in files {
        let path = dir.join(f);
        let src = std::fs::read_to_string(&path).ok()?;
        let gold = read_conllu(f, &src, layout).expect("treebank reads");
        total.add(evaluate(&gold, &Segmenter::default()).expect("segments"));
    }
    Some(total)
}

#[test]
fn ewt_test_floors() {
    let files = vec!["en_ewt/en_ewt-ud-test.conllu".to_string()];
    let Some(iso) = score(&files, Layout::Isolated) else {
        return;
    };
    assert!(iso.tokens.f1() > 0.985, "tokens {:?}", iso.tokens);
    assert!(iso.words.f1() > 0.98, "words {:?}", iso.words);
    assert!(
        iso.sentences.f1() > 0.98,
        "isolated sentences {:?}",
        iso.sentences
    );
    let Some(run) = score(&files, Layout::Running) else {
        return;
    };
    assert!(
        run.sentences.f1() > 0.80,
        "running sentences {:?}",
        run.sentences
    );
}

#[test]
fn gum_news_floors() {
    let Some(dir) = common::shared() else { return };
    let Ok(entries) = std::fs::read_dir(dir.join("data/ud/en_gum")) else {
        return;
    };
    let mut files: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("GUM_news_") && n.ends_with(".conllu"))
        .map(|n| format!("en_gum/{n}"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let Some(run) = score(&files, Layout::Running) else {
        return;
    };
    assert!(run.tokens.f1() > 0.99, "tokens {:?}", run.tokens);
    assert!(run.words.f1() > 0.99, "words {:?}", run.words);
    assert!(
        run.sentences.f1() > 0.93,
        "running sentences {:?}",
        run.sentences
    );
}
