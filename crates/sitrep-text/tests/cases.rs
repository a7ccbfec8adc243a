//! Behaviour as data: `tests/cases/*.json` rows run against the tokenizer, the sentence
//! splitter, cleanup and the dateline parser. Each test reports every failing row at once.

use serde_json::Value;
use sitrep_text::cleanup::dateline::DatelineParser;
use sitrep_text::{Cleaner, Document, Segmenter, Span, Stage};

fn cases(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(name);
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn str_of(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
}

/// Segment `text` as one paragraph: (tokens, sentences) as text.
fn segment(text: &str) -> (Vec<String>, Vec<String>) {
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    Segmenter::default()
        .segment_spans(
            text,
            &[Span::new(0, text.len())],
            &mut tokens,
            &mut sentences,
        )
        .expect("segments");
    (
        tokens
            .iter()
            .map(|t| t.span.slice(text).to_string())
            .collect(),
        sentences
            .iter()
            .map(|s| s.span.slice(text).to_string())
            .collect(),
    )
}

fn report(bad: Vec<String>, total: usize) {
    assert!(
        bad.is_empty(),
        "{} of {total} rows failed:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn token_cases() {
    let c = cases("tokens.json");
    let rows = c["rows"].as_array().expect("rows");
    let mut bad = Vec::new();
    for row in rows {
        let (input, want) = (str_of(&row[0]), str_of(&row[1]));
        let got = segment(input).0.join(" ");
        if got != want {
            bad.push(format!("{input:?}: got {got:?}, want {want:?}"));
        }
    }
    report(bad, rows.len());
}

#[test]
fn sentence_cases() {
    let c = cases("sentences.json");
    let rows = c["rows"].as_array().expect("rows");
    let mut bad = Vec::new();
    for row in rows {
        let input = str_of(&row[0]);
        let want: Vec<&str> = row[1]
            .as_array()
            .expect("sentences")
            .iter()
            .map(str_of)
            .collect();
        let got = segment(input).1;
        if got != want {
            bad.push(format!("{input:?}:\n   got  {got:?}\n   want {want:?}"));
        }
    }
    report(bad, rows.len());
}

#[test]
fn cleanup_cases() {
    let c = cases("cleanup.json");
    let rows = c["rows"].as_array().expect("rows");
    let mut bad = Vec::new();
    for row in rows {
        let name = str_of(&row["name"]);
        let mut doc = Document::new(name, str_of(&row["text"]));
        doc.title = row["title"].as_str().map(str::to_string);
        Cleaner::default().run(&mut doc).expect("cleanup");
        let kept: Vec<&str> = doc.paragraphs.iter().map(|p| doc.slice(*p)).collect();
        let want_kept: Vec<&str> = row["kept"]
            .as_array()
            .expect("kept")
            .iter()
            .map(str_of)
            .collect();
        let removed: Vec<(&str, &str)> = doc
            .removed
            .iter()
            .map(|r| (r.why.as_str(), doc.slice(r.span)))
            .collect();
        let want_removed: Vec<(&str, &str)> = row["removed"]
            .as_array()
            .expect("removed")
            .iter()
            .map(|r| (str_of(&r[0]), str_of(&r[1])))
            .collect();
        let mut problems = Vec::new();
        if kept != want_kept {
            problems.push(format!("kept {kept:?}\n     want {want_kept:?}"));
        }
        if removed != want_removed {
            problems.push(format!(
                "removed {removed:?}\n     want    {want_removed:?}"
            ));
        }
        if let Some(t) = row.get("title_out") {
            if doc.title.as_deref() != t.as_str() {
                problems.push(format!("title {:?}, want {t}", doc.title));
            }
        }
        if let Some(s) = row.get("source") {
            if doc.source.as_deref() != s.as_str() {
                problems.push(format!("source {:?}, want {s}", doc.source));
            }
        }
        if let Some(p) = row.get("place") {
            let got = doc.dateline.as_ref().and_then(|d| d.place_name.as_deref());
            if got != p.as_str() {
                problems.push(format!("dateline place {got:?}, want {p}"));
            }
        }
        if !problems.is_empty() {
            bad.push(format!("[{name}]\n  {}", problems.join("\n  ")));
        }
    }
    report(bad, rows.len());
}

#[test]
fn dateline_cases() {
    let c = cases("datelines.json");
    let p = DatelineParser::get().expect("dateline data");
    let rows = c["rows"].as_array().expect("rows");
    let mut bad = Vec::new();
    for row in rows {
        let t = str_of(&row["input"]);
        let Some(d) = p.parse(t, Span::new(0, t.len())) else {
            bad.push(format!("{t:?}: no dateline"));
            continue;
        };
        let got = (
            d.span.slice(t),
            d.place.map(|s| s.slice(t)),
            d.place_name.as_deref(),
            d.outlet.map(|s| s.slice(t)),
            d.date.map(|s| s.slice(t)),
        );
        let want = (
            str_of(&row["dateline"]),
            row["place"].as_str(),
            row["name"].as_str(),
            row["outlet"].as_str(),
            row["date"].as_str(),
        );
        if got != want {
            bad.push(format!("{t:?}:\n   got  {got:?}\n   want {want:?}"));
        }
    }
    for t in c["not"].as_array().expect("not").iter().map(str_of) {
        if let Some(d) = p.parse(t, Span::new(0, t.len())) {
            bad.push(format!("{t:?}: not a dateline, got {:?}", d.span.slice(t)));
        }
    }
    report(bad, rows.len());
}
