//! Real scraping artifacts in `shared/data/corpora/news_cluster.jsonl` (383 articles from 94
//! outlets) are set aside, and real content that resembles them is kept.

mod common;

use std::collections::HashMap;

use sitrep_text::{prepare, Document, RemovalReason};

fn cleaned() -> Vec<Document> {
    common::corpus("data/corpora/news_cluster.jsonl")
        .into_iter()
        .map(|(id, title, text)| {
            let mut doc = Document::new(id, text);
            doc.title = title;
            prepare(&mut doc).expect("prepare");
            doc
        })
        .collect()
}

/// Markers that never belong in the text of a kept paragraph.
const ARTIFACTS: &[&str] = &[
    "Hide Caption",
    "Continue reading the main story",
    "| Updated:",
    "Image copyright",
    "Image caption",
    "toggle caption",
    "Media playback is",
    "Read or Share this story",
    "All rights reserved",
    "Newsletter Sign Up",
    "Scroll down for video",
    "Photos: Mass shooting",
    "NPR transcripts are created",
    "We pay for your stories",
    "contributed to this report",
    "(Reporting by",
    "READ MORE:",
    "Read more:",
];

/// Whole lines that are artifacts when they stand alone.
const ARTIFACT_LINES: &[&str] = &[
    "Photo",
    "Video",
    "Advertisement",
    "Read more",
    "Read More",
    "Reuters",
    "___",
    "SaveSave",
];

#[test]
fn artifacts_are_set_aside() {
    let docs = cleaned();
    if docs.is_empty() {
        return;
    }
    let mut bad = Vec::new();
    for doc in &docs {
        for p in &doc.paragraphs {
            let s = doc.slice(*p);
            if let Some(a) = ARTIFACTS.iter().find(|a| s.contains(**a)) {
                bad.push(format!(
                    "{}: {a:?} kept in {:?}",
                    doc.id,
                    s.chars().take(120).collect::<String>()
                ));
            }
            if ARTIFACT_LINES.contains(&s) {
                bad.push(format!("{}: line {s:?} kept", doc.id));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_kind_of_artifact_is_found() {
    let docs = cleaned();
    if docs.is_empty() {
        return;
    }
    let mut counts: HashMap<RemovalReason, usize> = HashMap::new();
    for doc in &docs {
        for r in &doc.removed {
            *counts.entry(r.why).or_default() += 1;
        }
    }
    // Lower bounds from a reviewed run (see the crate README for the full counts).
    for (why, at_least) in [
        (RemovalReason::Title, 25),
        (RemovalReason::Dateline, 60),
        (RemovalReason::Byline, 25),
        (RemovalReason::Caption, 300),
        (RemovalReason::Advertisement, 50),
        (RemovalReason::ReadMore, 60),
        (RemovalReason::Share, 25),
        (RemovalReason::Boilerplate, 40),
        (RemovalReason::DuplicateParagraph, 5),
        (RemovalReason::Bullet, 5),
    ] {
        let n = counts.get(&why).copied().unwrap_or(0);
        assert!(
            n >= at_least,
            "{why:?}: {n} found, expected at least {at_least} ({counts:?})"
        );
    }
}

#[test]
fn real_content_is_kept() {
    let docs = cleaned();
    if docs.is_empty() {
        return;
    }
    // Lines from the corpus that open like boilerplate but are reporting.
    let keep = [
        "By now people were in danger of missing their connections.",
        "Video footage emerged on Saturday revealing some of the chilling moments",
        "Posted on Weibo, the images look like official Galaxy S9 press renders",
        "Shares of Goldman Sachs Group Inc. rose slightly before the opening bell.",
        "Videos posted online showed panicked people running from the scene in fear.",
        "Read more about the letter obtained by the NYT here.",
        "More than 27 million passengers used the service in 2015/16.",
        "Now accounts begin to differ again.",
        "A few more minutes passed, and then he saw it:",
    ];
    let mut missing = Vec::new();
    for want in keep {
        let found = docs
            .iter()
            .any(|d| d.paragraphs.iter().any(|p| d.slice(*p).starts_with(want)));
        let present = docs.iter().any(|d| d.text.contains(want));
        if present && !found {
            missing.push(want);
        }
    }
    assert!(
        missing.is_empty(),
        "set aside though real content: {missing:?}"
    );
    // No kept paragraph is empty or overlaps a removed piece. Only a page without an article
    // (a China Daily footer, a CNN photo gallery, a messenger prompt) loses all its text, and
    // then only to the rule table, never to title, dateline or duplicate detection.
    let mut emptied = Vec::new();
    for d in &docs {
        common::check(d).expect("layers valid");
        if !d.text.trim().is_empty() && d.paragraphs.is_empty() {
            assert!(
                d.removed.iter().all(|r| !matches!(
                    r.why,
                    RemovalReason::Title
                        | RemovalReason::DuplicateTitle
                        | RemovalReason::DuplicateParagraph
                        | RemovalReason::Dateline
                )),
                "{}: everything removed: {:?}",
                d.id,
                d.removed
                    .iter()
                    .map(|r| (r.why, d.slice(r.span)))
                    .collect::<Vec<_>>()
            );
            emptied.push(d.id.clone());
        }
    }
    assert!(emptied.len() <= 3, "{emptied:?}");
}
