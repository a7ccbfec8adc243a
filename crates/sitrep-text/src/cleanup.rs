//! Cleanup of scraped articles (placeholder: keeps everything as one body).

use crate::{Document, Error, Span, Stage};

/// Sets aside scraping artifacts; fills title, dateline, source, body, paragraphs.
#[derive(Debug, Default)]
pub struct Cleaner {}

impl Stage for Cleaner {
    fn run(&self, doc: &mut Document) -> Result<(), Error> {
        doc.body = Span::new(0, doc.text.len()).trim(&doc.text);
        let mut paragraphs = Vec::new();
        let mut start = 0;
        for line in doc.text.split_inclusive('\n') {
            let span = Span::new(start, start + line.len()).trim(&doc.text);
            if !span.is_empty() {
                paragraphs.push(span);
            }
            start += line.len();
        }
        doc.paragraphs = paragraphs;
        Ok(())
    }
}
