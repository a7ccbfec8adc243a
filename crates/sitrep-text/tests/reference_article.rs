//! The reference article `shared/gold/articles/000_224f590e902e362b.txt` against the
//! "cleaning" section of its gold file: title, dateline place and outlet, source trailer, the
//! repeated lead kept once, nothing of the `source :` line in any sentence.

mod common;

use sitrep_text::{prepare, Document, RemovalReason};

const ARTICLE: &str = "gold/articles/000_224f590e902e362b.txt";
const GOLD: &str = "gold/articles/000_224f590e902e362b.gold.json";

fn load() -> Option<(Document, serde_json::Value)> {
    let text = common::shared_file(ARTICLE)?;
    let gold: serde_json::Value =
        serde_json::from_str(&common::shared_file(GOLD)?).expect("gold JSON");
    let mut doc = Document::new("000_224f590e902e362b", text);
    prepare(&mut doc).expect("prepare");
    common::check(&doc).expect("layers valid");
    Some((doc, gold))
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[test]
fn title_dateline_source() {
    let Some((doc, gold)) = load() else { return };
    let c = &gold["cleaning"];
    assert_eq!(
        norm(doc.title.as_deref().unwrap_or("")),
        norm(c["title"].as_str().unwrap_or("?"))
    );
    let d = doc.dateline.as_ref().expect("dateline");
    assert_eq!(d.place_name.as_deref(), c["dateline_place"].as_str());
    assert_eq!(d.place.map(|p| doc.slice(p)), Some("TEHRAN"));
    assert_eq!(
        d.outlet.map(|o| doc.slice(o)),
        c["dateline_outlet"].as_str()
    );
    assert_eq!(doc.source.as_deref(), c["source_trailer"].as_str());
    assert_eq!(doc.source_span.map(|s| doc.slice(s)), Some("Tehrantimes"));
    // The dateline prefix is set aside, so the first sentence opens with the lead.
    let first = doc.slice(doc.sentences[0].span);
    assert!(first.starts_with("Iranian Defense Minister"), "{first:?}");
    assert!(doc
        .removed
        .iter()
        .any(|r| r.why == RemovalReason::Dateline && doc.slice(r.span) == "TEHRAN (Iran News) –"));
}

#[test]
fn duplicates_removed_once() {
    let Some((doc, gold)) = load() else { return };
    let whys: Vec<RemovalReason> = doc.removed.iter().map(|r| r.why).collect();
    for want in [
        RemovalReason::Title,
        RemovalReason::DuplicateTitle,
        RemovalReason::DuplicateParagraph,
    ] {
        assert_eq!(
            whys.iter().filter(|w| **w == want).count(),
            1,
            "{want:?} in {whys:?}"
        );
    }
    // As score_article.py counts it: the first 60 characters of the lead event's evidence.
    let lead: String = gold["events"]["must"][0]["evidence"]
        .as_str()
        .unwrap_or("")
        .chars()
        .take(60)
        .collect();
    assert!(!lead.is_empty());
    let n = doc
        .sentences
        .iter()
        .filter(|s| doc.slice(s.span).contains(&lead))
        .count();
    assert_eq!(
        n as u64,
        gold["cleaning"]["lead_sentence_occurrences_in_body"]
            .as_u64()
            .unwrap_or(1)
    );
    // The kept copy is the one after the dateline.
    let dl = doc.dateline.as_ref().expect("dateline");
    assert!(doc.sentences[0].span.start > dl.span.start);
}

#[test]
fn nothing_of_the_trailer_in_sentences() {
    let Some((doc, gold)) = load() else { return };
    for bad in gold["cleaning"]["body_must_not_contain"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let bad = bad.as_str().unwrap_or("");
        for s in &doc.sentences {
            assert!(
                !doc.slice(s.span).contains(bad),
                "{bad:?} in {:?}",
                doc.slice(s.span)
            );
        }
        assert!(!doc.slice(doc.body).contains(bad), "{bad:?} in the body");
    }
}

#[test]
fn sentences_of_the_article() {
    let Some((doc, _)) = load() else { return };
    let sents: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
    let has = |s: &str| sents.contains(&s);
    // Titles inside a sentence, a sentence ending after a closing quote, a quote closing the
    // sentence, the subheading after a no-break space, two sentences in one paragraph.
    assert!(sents.iter().any(|s| s.starts_with(
        "Brigadier Ashtiani also said the U.S. assassination of Lt. Gen. Qassem Soleimani"
    ) && s.ends_with("“was a great crime”.")));
    assert!(has("Ashtiani added, “The Ministry of Defense of the Islamic Republic of Iran is on your side with all its might.”"));
    assert!(has(
        "‘Extra-regional countries seek to provide security for Israel’"
    ));
    assert!(has("It is the first visit by the Iraqi defense minister to Iran after the formation of the new government in Baghdad."));
    assert!(has("He visited Iran late on Saturday."));
    assert!(has("“We are thankful to Iran”"));
    assert_eq!(sents.len(), 30);
    // Tokens: possessive split and normalised, hyphens as EWT writes them, titles whole.
    let forms: Vec<&str> = doc.tokens.iter().map(|t| t.form(&doc.text)).collect();
    let joined = forms.join(" ");
    for want in [
        "Iran 's defense minister",
        "self - sufficiency",
        "extra - regional countries",
        "Lt. Gen. Qassem Soleimani",
        "Abu Mahdi al - Muhandis",
        "\" was a great crime \" .",
        "the U.S. assassination",
        "( Iranian ) pilgrims",
        "three - day trip",
    ] {
        assert!(joined.contains(want), "{want:?} not in the token forms");
    }
}
