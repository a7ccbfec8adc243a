//! Interned, case-folded word forms shared by every dictionary.
//!
//! PETRARCH matches upper-cased words. Every word of every loaded dictionary is folded the
//! same way and given a [`WordId`]; the coder maps each token of a sentence to its id once
//! ([`Lexicon::get`], no allocation for ordinary tokens) and all phrase lookups then compare
//! integers.

use std::num::NonZeroU32;

use crate::hash::FxHashMap;

/// An interned dictionary word (upper-cased). `Option<WordId>` is 4 bytes; `None` is a word
/// no loaded dictionary contains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WordId(NonZeroU32);

impl WordId {
    /// Position of the word in the lexicon (0-based), for tables indexed by word.
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

/// The set of words the loaded dictionaries use, each with its [`WordId`].
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    ids: FxHashMap<Box<str>, WordId>,
    words: Vec<Box<str>>,
}

/// Longest folded token looked up without allocating.
const STACK_BYTES: usize = 128;

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when no word has been interned.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The folded form of a word id.
    pub fn word(&self, id: WordId) -> &str {
        &self.words[id.index()]
    }

    /// The id of a token form, folded as dictionaries are (upper case, curly apostrophes to
    /// ASCII); `None` when no dictionary uses the word. Does not allocate for tokens up to
    /// 128 bytes.
    pub fn get(&self, form: &str) -> Option<WordId> {
        let mut buf = [0u8; STACK_BYTES];
        match fold_into(form, &mut buf) {
            Some(len) => {
                // fold_into writes whole UTF-8 encoded chars only.
                let folded = std::str::from_utf8(&buf[..len]).ok()?;
                self.ids.get(folded).copied()
            }
            None => self.ids.get(fold(form).as_str()).copied(),
        }
    }

    /// Map every form to its id, reusing `out` (cleared first): the per-sentence step the
    /// coder runs once before phrase lookups.
    pub fn get_all<'a>(
        &self,
        forms: impl IntoIterator<Item = &'a str>,
        out: &mut Vec<Option<WordId>>,
    ) {
        out.clear();
        out.extend(forms.into_iter().map(|f| self.get(f)));
    }

    /// Intern an already folded word.
    pub(crate) fn intern_folded(&mut self, folded: &str) -> WordId {
        if let Some(&id) = self.ids.get(folded) {
            return id;
        }
        let n = u32::try_from(self.words.len() + 1).unwrap_or(u32::MAX);
        // A lexicon of four billion words cannot be built from text that fits in memory.
        let id = WordId(NonZeroU32::new(n).unwrap_or(NonZeroU32::MAX));
        self.words.push(folded.into());
        self.ids.insert(folded.into(), id);
        id
    }

    /// Fold and intern a word; allocates only for a word not seen before.
    pub(crate) fn intern(&mut self, word: &str) -> WordId {
        let mut buf = [0u8; STACK_BYTES];
        if let Some(len) = fold_into(word, &mut buf) {
            if let Ok(folded) = std::str::from_utf8(&buf[..len]) {
                if let Some(&id) = self.ids.get(folded) {
                    return id;
                }
                let folded = folded.to_string();
                return self.intern_folded(&folded);
            }
        }
        let folded = fold(word);
        self.intern_folded(&folded)
    }
}

/// Fold one character: upper case, typographic apostrophes to `'`.
fn fold_char(c: char) -> impl Iterator<Item = char> {
    let c = match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
        c => c,
    };
    c.to_uppercase()
}

/// Fold a word the way dictionary words are stored: upper case, ASCII apostrophes.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        s.extend(fold_char(c));
    }
    s
}

/// Fold into `buf`; `None` when the result does not fit.
fn fold_into(word: &str, buf: &mut [u8]) -> Option<usize> {
    let mut len = 0;
    for c in word.chars() {
        if c.is_ascii() && c != '\'' {
            let b = c.to_ascii_uppercase() as u8;
            *buf.get_mut(len)? = b;
            len += 1;
            continue;
        }
        for u in fold_char(c) {
            let n = u.len_utf8();
            let dst = buf.get_mut(len..len + n)?;
            u.encode_utf8(dst);
            len += n;
        }
    }
    Some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_is_case_insensitive_and_folds_apostrophes() {
        let mut lex = Lexicon::new();
        let id = lex.intern("People's");
        assert_eq!(lex.word(id), "PEOPLE'S");
        assert_eq!(lex.get("PEOPLE'S"), Some(id));
        assert_eq!(lex.get("people\u{2019}s"), Some(id));
        assert_eq!(lex.get("peoples"), None);
        let long = "x".repeat(300);
        let lid = lex.intern(&long);
        assert_eq!(lex.get(&long), Some(lid));
        let cyr = lex.intern("СССР");
        assert_eq!(lex.get("ссср"), Some(cyr));
    }

    #[test]
    fn ids_are_stable_and_dense() {
        let mut lex = Lexicon::new();
        let a = lex.intern("a");
        let b = lex.intern("B");
        assert_eq!(lex.intern("A"), a);
        assert_eq!((a.index(), b.index()), (0, 1));
        assert_eq!(lex.len(), 2);
        let mut out = Vec::new();
        lex.get_all(["a", "zzz", "b"], &mut out);
        assert_eq!(out, vec![Some(a), None, Some(b)]);
    }
}
