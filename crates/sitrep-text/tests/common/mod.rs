//! Helpers shared by the integration tests: where `shared/` is, and the invariants every
//! cleaned and segmented document must satisfy.
#![allow(dead_code)]

use std::path::PathBuf;

use sitrep_text::segment::chars::is_space_like;
use sitrep_text::{Document, Span};

/// `shared/` beside the repository (`../../../shared` from this crate), if present.
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("note: {} not found; test skipped", p.display());
        None
    }
}

/// Read a file under `shared/`, or `None` (with a note) when it is absent.
pub fn shared_file(rel: &str) -> Option<String> {
    let p = shared()?.join(rel);
    match std::fs::read_to_string(&p) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("note: cannot read {}: {e}; test skipped", p.display());
            None
        }
    }
}

/// The `text` (and `title`, `id`) of each record of a JSON Lines corpus under `shared/`.
pub fn corpus(rel: &str) -> Vec<(String, Option<String>, String)> {
    let Some(src) = shared_file(rel) else {
        return Vec::new();
    };
    src.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
            let s = |k: &str| v[k].as_str().map(str::to_string);
            (
                s("id").unwrap_or_default(),
                s("title").filter(|t| !t.is_empty()),
                s("text").unwrap_or_default(),
            )
        })
        .collect()
}

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// Check every layer of a cleaned and segmented document against the original text: spans on
/// character boundaries, tokens non-empty without white space, sentences and tokens in order
/// and inside kept paragraphs, paragraphs clear of removed spans, `norm` set only when it
/// differs. Returns a description of the first violation.
pub fn check(doc: &Document) -> Result<(), String> {
    let t = &doc.text;
    let id = &doc.id;
    for r in &doc.removed {
        if !valid(t, r.span) || r.span.is_empty() {
            return Err(format!("{id}: bad removed span {:?}", r.span));
        }
    }
    for w in doc.removed.windows(2) {
        if w[0].span.start > w[1].span.start {
            return Err(format!("{id}: removed spans out of order"));
        }
    }
    let mut last_end = 0;
    for p in &doc.paragraphs {
        if !valid(t, *p) || p.is_empty() || p.start < last_end {
            return Err(format!("{id}: bad paragraph {p:?}"));
        }
        if doc.is_removed(*p) {
            return Err(format!("{id}: paragraph {p:?} overlaps a removed span"));
        }
        if p.trim(t) != *p {
            return Err(format!("{id}: paragraph {p:?} has surrounding white space"));
        }
        last_end = p.end;
    }
    if let (Some(a), Some(b)) = (doc.paragraphs.first(), doc.paragraphs.last()) {
        if doc.body != Span::new(a.start, b.end) {
            return Err(format!(
                "{id}: body {:?} is not first..last kept byte",
                doc.body
            ));
        }
    }
    let mut prev_end = 0;
    for (i, tok) in doc.tokens.iter().enumerate() {
        let s = tok.span;
        if !valid(t, s) || s.is_empty() || s.start < prev_end {
            return Err(format!("{id}: token {i} bad span {s:?}"));
        }
        let form = &t[s.start..s.end];
        if form.chars().any(char::is_whitespace) {
            return Err(format!("{id}: token {i} {form:?} contains white space"));
        }
        if tok.norm.as_deref() == Some(form) {
            return Err(format!("{id}: token {i} norm equals the original"));
        }
        if form.chars().any(is_space_like) {
            return Err(format!(
                "{id}: token {i} {form:?} contains an invisible or control character"
            ));
        }
        if tok.form(t).is_empty() {
            return Err(format!("{id}: token {i} {form:?} normalises to nothing"));
        }
        if tok.space_after != t[s.end..].chars().next().is_some_and(is_space_like) {
            return Err(format!("{id}: token {i} {form:?} space_after is wrong"));
        }
        prev_end = s.end;
    }
    let mut next_token = 0;
    for (k, s) in doc.sentences.iter().enumerate() {
        if s.token_start != next_token
            || s.token_end <= s.token_start
            || s.token_end > doc.tokens.len()
        {
            return Err(format!(
                "{id}: sentence {k} token range {}..{}",
                s.token_start, s.token_end
            ));
        }
        next_token = s.token_end;
        let span = doc.tokens[s.token_start]
            .span
            .cover(doc.tokens[s.token_end - 1].span);
        if span != s.span {
            return Err(format!("{id}: sentence {k} span does not cover its tokens"));
        }
        let Some(p) = doc.paragraphs.get(s.paragraph) else {
            return Err(format!("{id}: sentence {k} paragraph index out of range"));
        };
        if !p.contains(s.span) {
            return Err(format!("{id}: sentence {k} crosses its paragraph"));
        }
    }
    if next_token != doc.tokens.len() {
        return Err(format!("{id}: tokens outside sentences"));
    }
    Ok(())
}
