//! The document model every stage reads and extends.
//!
//! `Document::text` holds the input verbatim; cleanup, segmentation and parsing add layers of
//! [`Span`]s over it and never rewrite it. Later crates (actors, events, quotes, places) keep
//! their own records, again as spans into this text.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::span::{Ranged, Span};
use crate::tags::{DepRel, Upos, Xpos};

/// Why a piece of the original text was set aside by cleanup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
#[non_exhaustive]
pub enum RemovalReason {
    /// The title line as the first line of the body (kept as `Document::title`).
    Title,
    /// The title line repeated.
    DuplicateTitle,
    /// A paragraph that repeats an earlier one (typically the lead after the dateline).
    DuplicateParagraph,
    /// The dateline prefix of the first body paragraph (`TEHRAN (Iran News) –`).
    Dateline,
    /// A trailer line naming the source (`source : Tehrantimes`).
    SourceTrailer,
    /// A byline or timestamp line (`Xinhua | Updated: 2017-09-15 17:52`, `By Jane Doe`).
    Byline,
    /// Photo caption residue (`Hide Caption 3 of 8`, `Photo: Reuters`).
    Caption,
    /// Inline advertising or navigation (`Advertisement`, `Continue reading the main story`).
    Advertisement,
    /// Links to other stories (`Read more: …`, `Related: …`).
    ReadMore,
    /// Social sharing and subscription prompts (`Share this article`, `Sign up for …`).
    Share,
    /// A lone bullet or decoration line.
    Bullet,
    /// Other boilerplate (copyright lines, cookie notices).
    Boilerplate,
}

impl RemovalReason {
    /// Every reason, for parsing and listing.
    pub const ALL: &'static [RemovalReason] = &[
        RemovalReason::Title,
        RemovalReason::DuplicateTitle,
        RemovalReason::DuplicateParagraph,
        RemovalReason::Dateline,
        RemovalReason::SourceTrailer,
        RemovalReason::Byline,
        RemovalReason::Caption,
        RemovalReason::Advertisement,
        RemovalReason::ReadMore,
        RemovalReason::Share,
        RemovalReason::Bullet,
        RemovalReason::Boilerplate,
    ];

    /// The reason as written in the output (`doc.removed[].why`).
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::Title => "title",
            RemovalReason::DuplicateTitle => "duplicate title",
            RemovalReason::DuplicateParagraph => "duplicate paragraph",
            RemovalReason::Dateline => "dateline",
            RemovalReason::SourceTrailer => "source trailer",
            RemovalReason::Byline => "byline",
            RemovalReason::Caption => "photo caption",
            RemovalReason::Advertisement => "advertisement",
            RemovalReason::ReadMore => "read more link",
            RemovalReason::Share => "share prompt",
            RemovalReason::Bullet => "bullet",
            RemovalReason::Boilerplate => "boilerplate",
        }
    }
}

impl TryFrom<String> for RemovalReason {
    type Error = String;
    fn try_from(s: String) -> Result<RemovalReason, String> {
        RemovalReason::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown removal reason {s:?}"))
    }
}

impl From<RemovalReason> for &'static str {
    fn from(r: RemovalReason) -> &'static str {
        r.as_str()
    }
}

/// A piece of the original text that cleanup set aside, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// What was set aside.
    pub span: Span,
    /// Why.
    pub why: RemovalReason,
}

impl Ranged for Removed {
    fn span(&self) -> Span {
        self.span
    }
}

/// The dateline of a news story: `BAGHDAD, Dec 4 (Reuters) -`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline including its closing dash.
    pub span: Span,
    /// The place as written (`TEHRAN`, `KYIV, Ukraine`).
    pub place: Option<Span>,
    /// The place in display case (`Tehran`, `Kyiv, Ukraine`).
    pub place_name: Option<String>,
    /// The outlet in parentheses (`Iran News`, `Reuters`, `AP`).
    pub outlet: Option<Span>,
    /// A date written in the dateline (`Dec 4`), as written.
    pub date: Option<Span>,
}

/// One token: a span of the original text plus its analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is in the original text.
    pub span: Span,
    /// The normalised form when it differs from the original (curly quotes and dashes to
    /// ASCII, no-break spaces dropped): what the tagger and dictionaries see. `None` = as written.
    pub norm: Option<Box<str>>,
    /// Universal POS tag (filled by the tagger).
    pub upos: Upos,
    /// Penn Treebank tag (filled by the tagger).
    pub xpos: Xpos,
    /// Head as in CoNLL-U: 0 for the root, else the 1-based index of the head within the
    /// sentence (filled by the parser).
    pub head: u32,
    /// Relation to the head (filled by the parser).
    pub deprel: DepRel,
    /// Whether whitespace follows the token in the original text.
    pub space_after: bool,
}

impl Token {
    /// A token over `span` with no analysis yet.
    pub fn new(span: Span) -> Token {
        Token {
            span,
            ..Token::default()
        }
    }

    /// The form the models and dictionaries see: `norm` if set, else the original text.
    pub fn form<'a>(&'a self, text: &'a str) -> &'a str {
        match &self.norm {
            Some(n) => n,
            None => self.span.slice(text),
        }
    }
}

impl Ranged for Token {
    fn span(&self) -> Span {
        self.span
    }
}

/// A sentence: its span and the range of its tokens in `Document::tokens`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// From the first byte of the first token to the last byte of the last token.
    pub span: Span,
    /// Index of the first token in `Document::tokens`.
    pub token_start: usize,
    /// One past the index of the last token in `Document::tokens`.
    pub token_end: usize,
    /// Index of the paragraph the sentence belongs to.
    pub paragraph: usize,
}

impl Sentence {
    /// The token index range of this sentence in `Document::tokens`.
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.token_start..self.token_end
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.token_end - self.token_start
    }

    /// True when the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.token_end == self.token_start
    }
}

impl Ranged for Sentence {
    fn span(&self) -> Span {
        self.span
    }
}

/// A news article: the verbatim input and every layer derived from it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Document {
    /// Identifier (file stem, `--id`, or the `id` of a JSON Lines record).
    pub id: String,
    /// Publication date, from `--date` or the input's metadata.
    pub date: Option<NaiveDate>,
    /// The original input, verbatim (after `--lossy` repair, if that was asked for).
    pub text: String,
    /// Number of invalid UTF-8 sequences replaced by U+FFFD when read with `--lossy`.
    pub lossy_replacements: usize,
    /// Title: given by metadata or taken from the text by cleanup.
    pub title: Option<String>,
    /// Where the title is in the text, when it was taken from the text.
    pub title_span: Option<Span>,
    /// The dateline, when the body opens with one.
    pub dateline: Option<Dateline>,
    /// Source named by a trailer line (`source : Tehrantimes`) or by metadata.
    pub source: Option<String>,
    /// Where the source name is in the text, when it came from a trailer.
    pub source_span: Option<Span>,
    /// From the first to the last byte of kept text.
    pub body: Span,
    /// Pieces of the original set aside by cleanup, in text order.
    pub removed: Vec<Removed>,
    /// Kept paragraphs, in text order (never overlapping a removed span).
    pub paragraphs: Vec<Span>,
    /// Sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// All tokens of all sentences, in text order.
    pub tokens: Vec<Token>,
}

impl Document {
    /// A document over valid UTF-8 text; nothing derived yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let body = Span::new(0, text.len());
        Document {
            id: id.into(),
            text,
            body,
            ..Document::default()
        }
    }

    /// A document from raw bytes. Invalid UTF-8 is an error naming the byte offset of the
    /// first bad sequence, unless `lossy` is set: then each bad sequence becomes U+FFFD and
    /// is counted in `lossy_replacements` (offsets then refer to the repaired text).
    pub fn from_bytes(
        id: impl Into<String>,
        bytes: Vec<u8>,
        lossy: bool,
    ) -> Result<Document, Error> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document::new(id, text)),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                if !lossy {
                    return Err(Error::InvalidUtf8 { offset });
                }
                let bytes = e.into_bytes();
                let mut count = 0;
                let mut text = String::with_capacity(bytes.len() + 16);
                for chunk in bytes.utf8_chunks() {
                    text.push_str(chunk.valid());
                    if !chunk.invalid().is_empty() {
                        text.push('\u{FFFD}');
                        count += 1;
                    }
                }
                let mut doc = Document::new(id, text);
                doc.lossy_replacements = count;
                Ok(doc)
            }
        }
    }

    /// The original text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        match self.sentences.get(i) {
            Some(s) => &self.tokens[s.tokens()],
            None => &[],
        }
    }

    /// True when `span` overlaps text that cleanup set aside.
    pub fn is_removed(&self, span: Span) -> bool {
        self.removed.iter().any(|r| r.span.overlaps(span))
    }
}

/// A processing step over a document: built once from its resources, shared across threads.
pub trait Stage: Send + Sync {
    /// Add this stage's layer to `doc`.
    fn run(&self, doc: &mut Document) -> Result<(), Error>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_offset() {
        let bytes = b"abc\xffdef".to_vec();
        match Document::from_bytes("x", bytes.clone(), false) {
            Err(Error::InvalidUtf8 { offset }) => assert_eq!(offset, 3),
            other => panic!("expected error, got {other:?}"),
        }
        let d = Document::from_bytes("x", bytes, true).expect("lossy read");
        assert_eq!(d.text, "abc\u{FFFD}def");
        assert_eq!(d.lossy_replacements, 1);
    }
}
