//! Sentences and tokens (placeholder: whitespace and punctuation split, split at . ! ?).

use crate::{Document, Error, Sentence, Span, Stage, Token};

/// Splits the kept paragraphs of a document into sentences and tokens.
#[derive(Debug, Default)]
pub struct Segmenter {}

impl Stage for Segmenter {
    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        doc.tokens.clear();
        doc.sentences.clear();
        for (pi, para) in doc.paragraphs.clone().into_iter().enumerate() {
            let text = para.slice(&doc.text);
            let mut sent_start = doc.tokens.len();
            let mut i = 0;
            let bytes: Vec<(usize, char)> = text.char_indices().collect();
            while i < bytes.len() {
                let (off, c) = bytes[i];
                if c.is_whitespace() {
                    i += 1;
                    continue;
                }
                let start = off;
                let mut end = off + c.len_utf8();
                if c.is_alphanumeric() {
                    i += 1;
                    while i < bytes.len() && bytes[i].1.is_alphanumeric() {
                        end = bytes[i].0 + bytes[i].1.len_utf8();
                        i += 1;
                    }
                } else {
                    i += 1;
                }
                let mut tok = Token::new(Span::new(para.start + start, para.start + end));
                tok.space_after = i < bytes.len() && bytes[i].1.is_whitespace();
                doc.tokens.push(tok);
                if matches!(c, '.' | '!' | '?') {
                    push_sentence(doc, sent_start, pi);
                    sent_start = doc.tokens.len();
                }
            }
            push_sentence(doc, sent_start, pi);
        }
        Ok(())
    }
}

fn push_sentence(doc: &mut Document, start: usize, paragraph: usize) {
    let end = doc.tokens.len();
    if end > start {
        let span = doc.tokens[start].span.cover(doc.tokens[end - 1].span);
        doc.sentences.push(Sentence { span, token_start: start, token_end: end, paragraph });
    }
}
