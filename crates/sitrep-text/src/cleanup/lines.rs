//! Lines of the original text as trimmed spans: the unit cleanup classifies.
//!
//! Scraped articles put one paragraph on a line (the reference article separates some with a
//! blank line, news_cluster.jsonl with a single line feed), so a non-blank line is a paragraph
//! candidate. Line feeds, carriage returns and CRLF all end a line.

use crate::segment::chars::trim_counts;
use crate::Span;

/// A non-blank line: its span with surrounding white space (including no-break and zero-width
/// spaces) trimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// The trimmed line.
    pub span: Span,
    /// Whether one or more blank lines precede it (or it is the first line).
    pub blank_before: bool,
}

/// The non-blank lines of `text`, in order.
pub fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut blank_before = true;
    while start <= bytes.len() {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |k| start + k);
        let raw = &text[start..end];
        let (lead, trail) = trim_counts(raw);
        if lead == raw.len() {
            blank_before = true;
        } else {
            out.push(Line {
                span: Span::new(start + lead, end - trail),
                blank_before,
            });
            blank_before = false;
        }
        if end >= bytes.len() {
            break;
        }
        // CRLF is one line break.
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_rows() {
        let t = "Title\r\n\r\n  \u{a0}Body one.\nBody two.\rLast";
        let got: Vec<(&str, bool)> = split_lines(t)
            .iter()
            .map(|l| (l.span.slice(t), l.blank_before))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Title", true),
                ("Body one.", true),
                ("Body two.", false),
                ("Last", false)
            ]
        );
        assert!(split_lines("").is_empty());
        assert!(split_lines(" \n\t\n").is_empty());
    }
}
