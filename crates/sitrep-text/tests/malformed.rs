//! Malformed and hostile input: empty, blank, binary and control bytes, a 10 MB line with and
//! without spaces, deep brackets, lone combining marks. Cleanup and segmentation give sane
//! output in reasonable time and never panic.

mod common;

use std::time::{Duration, Instant};

use sitrep_text::segment::DEFAULT_MAX_SENTENCE_TOKENS;
use sitrep_text::{prepare, Document};

fn run(text: String) -> Document {
    let mut doc = Document::new("malformed", text);
    prepare(&mut doc).expect("prepare never fails on valid UTF-8");
    if let Err(e) = common::check(&doc) {
        panic!("{e}");
    }
    doc
}

#[test]
fn empty_and_blank() {
    for t in [
        "",
        " ",
        "\n",
        "\r\n\r\n",
        "\t \u{a0}\u{200B}\u{FEFF}\n\n",
        "\u{2028}\u{2029}",
    ] {
        let doc = run(t.to_string());
        assert!(doc.paragraphs.is_empty(), "{t:?}");
        assert!(doc.tokens.is_empty() && doc.sentences.is_empty(), "{t:?}");
        assert!(doc.title.is_none());
    }
}

#[test]
fn binary_bytes_read_lossily() {
    // Every byte value, twice, with NULs and an invalid UTF-8 tail: read with --lossy.
    let mut bytes: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
    bytes.extend_from_slice(b"\x00\x00 He said.\xff\xfe Then\x07 left.\x1b[0m");
    let mut doc = Document::from_bytes("bin", bytes, true).expect("lossy read");
    assert!(doc.lossy_replacements > 0);
    prepare(&mut doc).expect("prepare");
    common::check(&doc).expect("layers valid");
    // Control characters never end up inside a token.
    for t in &doc.tokens {
        assert!(!doc.slice(t.span).chars().any(char::is_control));
    }
    assert!(doc.tokens.iter().any(|t| doc.slice(t.span) == "He"));
}

#[test]
fn control_characters_between_words() {
    let doc = run("Talks\u{0}resumed\u{7} in\u{1b}Geneva.\u{8}\u{7f}They ended.".to_string());
    let forms: Vec<&str> = doc.tokens.iter().map(|t| doc.slice(t.span)).collect();
    assert_eq!(
        forms,
        ["Talks", "resumed", "in", "Geneva", ".", "They", "ended", "."]
    );
}

fn ten_mb_line(unit: &str) -> String {
    let mut s = String::with_capacity(10 << 20);
    while s.len() < 10 << 20 {
        s.push_str(unit);
    }
    s
}

#[test]
fn ten_megabyte_line_with_spaces() {
    let start = Instant::now();
    let doc = run(ten_mb_line("the minister said that talks would resume, "));
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(doc.paragraphs.len(), 1);
    assert!(doc.sentences.len() > 1000);
    assert!(doc
        .sentences
        .iter()
        .all(|s| s.len() <= DEFAULT_MAX_SENTENCE_TOKENS));
}

#[test]
fn ten_megabyte_line_without_spaces() {
    let start = Instant::now();
    for unit in ["abcdefghij", "a.b-c/d'e", "((((((((((", "…—–“”‘’", "🙂👍🏽"] {
        let doc = run(ten_mb_line(unit));
        assert!(
            doc.sentences
                .iter()
                .all(|s| s.len() <= DEFAULT_MAX_SENTENCE_TOKENS),
            "{unit:?}"
        );
    }
    assert!(
        start.elapsed() < Duration::from_secs(120),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn odd_unicode() {
    for t in [
        "\u{301}\u{301} lone combining marks.",
        "Ｆｕｌｌｗｉｄｔｈ　ｔｅｘｔ。",
        "مرحبا بالعالم. نص عربي",
        "混合テキスト、日本語。English too.",
        "\u{202E}reversed\u{202C} text",
        "a\u{200D}b \u{FE0F} \u{1F3FB}",
        "'''''\"\"\"\"((((]]]]....!!!!",
        "U.S.A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.",
        "----------- ========= ________",
    ] {
        run(t.to_string());
    }
}

#[test]
fn pseudo_random_text() {
    // A fixed-seed generator over tricky characters: the invariants hold for every output.
    let alphabet: Vec<char> =
        "aZ9 .,;:!?'\"’‘“”()[]-–—/…@#$%&*\n\t\u{a0}\u{200B}é漢🙂\u{301}\u{0}\u{7f}"
            .chars()
            .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..200 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        run(s);
    }
}
