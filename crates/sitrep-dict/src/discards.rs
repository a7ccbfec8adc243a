//! Discard lists (`Phoenix.discards.txt`): phrases that mark a sentence or story as not
//! codable (sports, entertainment, history).
//!
//! One phrase per line; a leading `+` discards the whole story, otherwise the sentence.
//! Matching is by whole words, case-insensitive (PETRARCH2 `read_discard_list`).

use std::sync::Arc;

use serde::Serialize;

use crate::error::{Diagnostic, Origin};
use crate::lexicon::{Lexicon, WordId};
use crate::phrase;
use crate::source::Lines;
use crate::trie::PhraseTrie;

/// What a discard phrase discards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscardScope {
    /// The sentence containing it.
    Sentence,
    /// The whole story (`+` prefix).
    Story,
}

/// One discard phrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiscardEntry {
    /// The phrase, words separated by spaces.
    pub phrase: Box<str>,
    /// Sentence or story.
    pub scope: DiscardScope,
    /// Where it is defined.
    pub origin: Origin,
}

/// A discard phrase found in a word sequence.
#[derive(Clone, Copy, Debug)]
pub struct DiscardMatch<'a> {
    /// Index of the first word.
    pub start: usize,
    /// Number of words.
    pub len: usize,
    /// The entry.
    pub entry: &'a DiscardEntry,
}

/// Discard phrases from one or more files.
#[derive(Clone, Debug, Default)]
pub struct DiscardList {
    entries: Vec<DiscardEntry>,
    trie: PhraseTrie<u32>,
}

impl DiscardList {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no entry is loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries.
    pub fn entries(&self) -> &[DiscardEntry] {
        &self.entries
    }

    /// Every discard phrase in `words`, left to right (longest at each position).
    pub fn find_iter<'a>(
        &'a self,
        words: &'a [Option<WordId>],
    ) -> impl Iterator<Item = DiscardMatch<'a>> + 'a {
        (0..words.len()).filter_map(move |start| {
            self.trie
                .longest_at(words, start)
                .map(|(len, &e)| DiscardMatch {
                    start,
                    len,
                    entry: &self.entries[e as usize],
                })
        })
    }

    /// The match that decides the fate of a sentence: the first story-level discard if
    /// any, else the first sentence-level one.
    pub fn check<'a>(&'a self, words: &'a [Option<WordId>]) -> Option<DiscardMatch<'a>> {
        let mut first = None;
        for m in self.find_iter(words) {
            if m.entry.scope == DiscardScope::Story {
                return Some(m);
            }
            first.get_or_insert(m);
        }
        first
    }

    /// Read one discard file.
    pub(crate) fn read(
        &mut self,
        lex: &mut Lexicon,
        file: &Arc<str>,
        text: &str,
        diags: &mut Vec<Diagnostic>,
    ) {
        for line in Lines::new(text, false) {
            let (scope, body) = match line.text.strip_prefix('+') {
                Some(rest) => (DiscardScope::Story, rest),
                None => (DiscardScope::Sentence, line.text),
            };
            let words = phrase::words(body);
            if words.is_empty() {
                diags.push(Diagnostic::new(
                    file,
                    line.number,
                    "empty discard phrase; skipped",
                ));
                continue;
            }
            let idx = self.entries.len() as u32;
            self.entries.push(DiscardEntry {
                phrase: words.join(" ").into(),
                scope,
                origin: Origin {
                    file: file.clone(),
                    line: line.number,
                },
            });
            for v in phrase::variants(&words) {
                let ids = phrase::intern(lex, &v);
                self.trie.insert(&ids, idx);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_and_story_discards() {
        let mut lex = Lexicon::new();
        let mut d = DiscardList::default();
        let mut diags = Vec::new();
        let text =
            "# header\nMONTHS LATER\n+World Golf Championships   # pas\n+ ESPN2\nBASEBALL\n+\n";
        d.read(&mut lex, &Arc::from("t.discards"), text, &mut diags);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].origin.line, 6);
        assert_eq!(d.len(), 4);
        let ids: Vec<_> = "Baseball fans watched the world golf championships on espn2"
            .split(' ')
            .map(|w| lex.get(w))
            .collect();
        let found: Vec<_> = d
            .find_iter(&ids)
            .map(|m| (m.start, m.len, m.entry.scope))
            .collect();
        assert_eq!(
            found,
            vec![
                (0, 1, DiscardScope::Sentence),
                (4, 3, DiscardScope::Story),
                (8, 1, DiscardScope::Story)
            ]
        );
        assert_eq!(d.check(&ids).map(|m| m.start), Some(4));
        let ids: Vec<_> = "months later".split(' ').map(|w| lex.get(w)).collect();
        assert_eq!(
            d.check(&ids).map(|m| m.entry.scope),
            Some(DiscardScope::Sentence)
        );
        let ids: Vec<_> = "months".split(' ').map(|w| lex.get(w)).collect();
        assert!(d.check(&ids).is_none());
    }
}
