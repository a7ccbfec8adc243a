//! Finding quoted text: paired quotation marks within a paragraph.
//!
//! Written by hand because quote pairing in scraped news is context work no crate does:
//! curly and straight marks mixed, apostrophes that look like single quotes (`Iran’s`),
//! nested quotes, and unbalanced marks. An opening mark with no partner is bounded by its
//! paragraph (news convention for quotes that continue in the next paragraph); a closing
//! mark with no partner is ignored, so one stray mark never swallows the following text.

use sitrep_text::Span;

/// A quoted stretch of text: the span inside the marks and the marks' span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The quoted text, without the marks and surrounding whitespace.
    pub inner: Span,
    /// From the opening mark to the closing mark (or the paragraph end when unclosed).
    pub outer: Span,
    /// True when no closing mark was found in the paragraph.
    pub unclosed: bool,
    /// Nesting depth: 0 for an outer quote, 1 for a quote inside a quote.
    pub depth: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Open(Kind),
    Close(Kind),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
}

/// Classify the quotation mark at byte `i` of `text` (char `c`), or `None` if it is not one
/// (an apostrophe, a prime in `5'10"`).
fn classify(text: &str, i: usize, c: char) -> Option<Mark> {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let space_after = next.is_none_or(|n| n.is_whitespace());
    let letter_before = prev.is_some_and(|p| p.is_alphanumeric());
    let letter_after = next.is_some_and(|n| n.is_alphanumeric());
    match c {
        '“' | '„' | '«' => Some(Mark::Open(Kind::Double)),
        '”' | '»' => Some(Mark::Close(Kind::Double)),
        '"' => {
            if prev.is_some_and(|p| p.is_ascii_digit()) && !space_after && !letter_after {
                None
            } else if space_before && !space_after {
                Some(Mark::Open(Kind::Double))
            } else if !space_before {
                Some(Mark::Close(Kind::Double))
            } else {
                None
            }
        }
        '‘' => (space_before || prev.is_some_and(|p| "“\"".contains(p)))
            .then_some(Mark::Open(Kind::Single)),
        '’' | '\'' => {
            if letter_before && letter_after {
                None // Iran’s, don't
            } else if space_before && !space_after && c == '\'' {
                Some(Mark::Open(Kind::Single))
            } else if !space_before && !letter_after {
                // `Muslims’ rights` (plural possessive) is also a closing-looking apostrophe:
                // it only closes when an opening single mark is pending (decided by the caller).
                Some(Mark::Close(Kind::Single))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// All quotes in `para` (a span of `text`), in order of their opening marks.
pub fn find_quotes(text: &str, para: Span) -> Vec<QuoteSpan> {
    let Some(body) = text.get(para.start..para.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Stack of open marks: (kind, byte offset of the mark, mark length).
    let mut stack: Vec<(Kind, usize, usize)> = Vec::new();
    for (i, c) in body.char_indices() {
        if !matches!(c, '“' | '”' | '„' | '«' | '»' | '"' | '‘' | '’' | '\'') {
            continue;
        }
        let Some(mark) = classify(body, i, c) else {
            continue;
        };
        let abs = para.start + i;
        match mark {
            Mark::Open(k) => {
                // A straight double mark that looks like an opener but a double quote is
                // already open at depth 0 closes it instead when followed by text? No: treat
                // as nested only for single marks; a second double opener closes the first.
                if k == Kind::Double && c == '"' && stack.iter().any(|s| s.0 == Kind::Double) {
                    // `"… Tiananmen Square. "There are still …"`: after a finished sentence,
                    // an opener before a capital is a continued quotation (the convention for
                    // a quote running into the next paragraph, whose break the scrape lost):
                    // the first quote ends there unclosed and a new one opens.
                    let before = body[..i].trim_end();
                    let continued = body[..i].ends_with(char::is_whitespace)
                        && before.ends_with(['.', '?', '!'])
                        && body[i + 1..].starts_with(|n: char| n.is_uppercase());
                    close(&mut stack, &mut out, Kind::Double, abs, c.len_utf8(), text);
                    if continued {
                        if let Some(q) = out.last_mut() {
                            q.outer = Span::new(q.outer.start, para.start + before.len());
                            q.unclosed = true;
                        }
                        stack.push((k, abs, c.len_utf8()));
                    }
                } else {
                    stack.push((k, abs, c.len_utf8()));
                }
            }
            Mark::Close(k) => {
                if stack.iter().any(|s| s.0 == k) {
                    close(&mut stack, &mut out, k, abs, c.len_utf8(), text);
                }
                // else: a stray closing mark (or a plural possessive); ignored.
            }
        }
    }
    // Unclosed double quotes run to the end of the paragraph; unclosed single marks were
    // most likely apostrophes and are dropped.
    for (k, start, len) in stack {
        if k == Kind::Double {
            let inner = Span::new(start + len, para.end).trim(text);
            if !inner.is_empty() {
                let depth = out
                    .iter()
                    .filter(|q: &&QuoteSpan| q.outer.contains(Span::new(start, start + len)))
                    .count();
                out.push(QuoteSpan {
                    inner: strip_punct_edges(text, inner),
                    outer: Span::new(start, para.end),
                    unclosed: true,
                    depth: depth.min(3) as u8,
                });
            }
        }
    }
    out.sort_by_key(|q| (q.outer.start, std::cmp::Reverse(q.outer.end)));
    out
}

fn close(
    stack: &mut Vec<(Kind, usize, usize)>,
    out: &mut Vec<QuoteSpan>,
    kind: Kind,
    abs: usize,
    len: usize,
    text: &str,
) {
    // Pop to the most recent mark of this kind; marks of the other kind opened inside it
    // and never closed were apostrophes.
    while let Some((k, start, mlen)) = stack.pop() {
        if k == kind {
            let inner = Span::new(start + mlen, abs).trim(text);
            if !inner.is_empty() {
                out.push(QuoteSpan {
                    inner,
                    outer: Span::new(start, abs + len),
                    unclosed: false,
                    depth: stack
                        .iter()
                        .filter(|s| s.0 == Kind::Double || s.0 == Kind::Single)
                        .count()
                        .min(3) as u8,
                });
            }
            return;
        }
    }
}

/// Drop a trailing closing-mark-like character the paragraph ended with.
fn strip_punct_edges(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let trimmed = s.trim_end_matches(['”', '"', '’']);
    Span::new(span.start, span.start + trimmed.len()).trim(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(t: &str) -> Vec<&str> {
        find_quotes(t, Span::new(0, t.len()))
            .iter()
            .map(|q| q.inner.slice(t))
            .collect()
    }

    #[test]
    fn forms() {
        let rows: &[(&str, &[&str])] = &[
            (
                "Ashtiani added, “The Ministry is on your side.”",
                &["The Ministry is on your side."],
            ),
            ("\"We will win,\" he said.", &["We will win,"]),
            ("He said \"no\" to it.", &["no"]),
            (
                "Iran’s minister said “I consider it necessary” to thank the forces.”",
                &["I consider it necessary"],
            ),
            (
                "“He told me ‘never again’ twice,” she said.",
                &["He told me ‘never again’ twice,", "never again"],
            ),
            ("The Muslims’ rights and Iran’s view.", &[]),
            ("He is 5'10\" tall.", &[]),
            (
                "“This continues into the next paragraph",
                &["This continues into the next paragraph"],
            ),
            (
                " ‘Extra-regional countries seek to provide security for Israel’",
                &["Extra-regional countries seek to provide security for Israel"],
            ),
            ("”stray” close", &[]),
            (
                "He said: \"This is a signal. \"There are still people missing.\" Then he left.",
                &["This is a signal.", "There are still people missing."],
            ),
            ("He said \"yes \"and no\" twice.", &["yes"]),
            ("", &[]),
        ];
        for (input, want) in rows {
            assert_eq!(quotes(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn offsets_are_char_boundaries() {
        let t = "«Oui», a-t-il dit. “x” ‘y’ \"z\"";
        for q in find_quotes(t, Span::new(0, t.len())) {
            assert!(t.get(q.inner.start..q.inner.end).is_some());
            assert!(t.get(q.outer.start..q.outer.end).is_some());
        }
    }
}
