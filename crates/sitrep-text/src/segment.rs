//! Sentences and tokens: the [`Segmenter`] stage over the paragraphs cleanup kept.
//!
//! Tokens follow UD English EWT, the treebank the parser learns from: possessive `'s` and
//! `n't` split off, `cannot` as `can not`, hyphenated compounds split except after prefixes
//! like `e-`/`non-`, numbers like `1,000.5` whole and `3.5%` as `3.5 %`, abbreviations keep
//! their period. A token's `norm` carries the ASCII spelling EWT uses when the text has curly
//! quotes, typographic dashes or an ellipsis character. Sentences never cross a paragraph and
//! hold at most [`Segmenter::max_sentence_tokens`] tokens.
//!
//! Modules: [`tokenize`] (the tokenizer), [`sentences`] (the sentence splitter), [`chars`]
//! (character classes and normalisation), [`lexicon`] (word lists from `data/`), [`eval`]
//! (scoring against CoNLL-U treebanks).

pub mod chars;
pub(crate) mod datafile;
pub mod eval;
pub mod lexicon;
pub mod sentences;
pub mod tokenize;

pub use datafile::DataError;

use crate::{Document, Error, Sentence, Span, Stage, Token};
use lexicon::Lexicon;
use tokenize::{Piece, Tokenizer};

/// Default cap on sentence length in tokens: news sentences rarely pass 80; a run-on line of
/// scraped text is cut so the parser's cost stays bounded.
pub const DEFAULT_MAX_SENTENCE_TOKENS: usize = 250;

/// Splits the kept paragraphs of a document into sentences and tokens.
#[derive(Clone, Debug)]
pub struct Segmenter {
    /// Longest sentence, in tokens, before a sentence is cut.
    pub max_sentence_tokens: usize,
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter {
            max_sentence_tokens: DEFAULT_MAX_SENTENCE_TOKENS,
        }
    }
}

impl Segmenter {
    /// Tokens and sentences of `paragraphs` (spans into `text`), appended to the two vectors;
    /// each sentence records the index of its paragraph in `paragraphs`.
    pub fn segment_spans(
        &self,
        text: &str,
        paragraphs: &[Span],
        tokens: &mut Vec<Token>,
        sentences: &mut Vec<Sentence>,
    ) -> Result<(), Error> {
        let lex = Lexicon::get().map_err(|e| Error::Stage {
            stage: "segment",
            message: e.to_string(),
        })?;
        let mut tokenizer = Tokenizer::new(lex);
        let mut pieces: Vec<Piece> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        for (pi, para) in paragraphs.iter().enumerate() {
            pieces.clear();
            ends.clear();
            let (start, end) = (para.start.min(text.len()), para.end.min(text.len()));
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                return Err(Error::Stage {
                    stage: "segment",
                    message: format!("paragraph {pi} [{start}, {end}) splits a UTF-8 character"),
                });
            }
            tokenizer.tokenize(text, start, end, &mut pieces);
            sentences::sentence_ends(text, &pieces, lex, self.max_sentence_tokens, &mut ends);
            let mut a = 0;
            for &e in &ends {
                let token_start = tokens.len();
                for p in &pieces[a..e] {
                    let form = &text[p.start..p.end];
                    let space_after = text[p.end..]
                        .chars()
                        .next()
                        .is_some_and(chars::is_space_like);
                    tokens.push(Token {
                        span: Span::new(p.start, p.end),
                        norm: chars::normalize(form),
                        space_after,
                        ..Token::default()
                    });
                }
                let span = Span::new(pieces[a].start, pieces[e - 1].end);
                sentences.push(Sentence {
                    span,
                    token_start,
                    token_end: tokens.len(),
                    paragraph: pi,
                });
                a = e;
            }
        }
        Ok(())
    }
}

impl Stage for Segmenter {
    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        doc.tokens.clear();
        doc.sentences.clear();
        let Document {
            text,
            paragraphs,
            tokens,
            sentences,
            ..
        } = doc;
        self.segment_spans(text, paragraphs, tokens, sentences)
    }
}
