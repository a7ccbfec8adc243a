//! Byte spans into the original input text.
//!
//! Every derived unit of a [`crate::Document`] (removed piece, paragraph, sentence, token,
//! and in later crates mentions, events, quotes, places) is a half-open byte range
//! `[start, end)` into `Document::text`, so evidence is always `&text[span]`.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original document text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped so that `start <= end` always holds.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers; empty when the span is out of range or splits a character.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the byte offset lies inside this span.
    pub fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// This span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

/// Anything that covers a span of the original text (ruff's `Ranged`).
pub trait Ranged {
    /// The byte span this item covers.
    fn span(&self) -> Span;

    /// The original text this item covers.
    fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        self.span().slice(doc_text)
    }
}

impl Ranged for Span {
    fn span(&self) -> Span {
        *self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_and_trim() {
        let t = "  Iran’s  ";
        let s = Span::new(0, t.len());
        assert_eq!(s.trim(t).slice(t), "Iran’s");
        // A span that splits the curly apostrophe slices to nothing rather than panicking.
        assert_eq!(Span::new(2, 7).slice(t), "");
        assert!(Span::new(0, 4).overlaps(Span::new(3, 9)));
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 9)));
        assert_eq!(Span::new(5, 2), Span::new(5, 5));
    }
}
