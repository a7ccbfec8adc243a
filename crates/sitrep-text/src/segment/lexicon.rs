//! The word lists the tokenizer and sentence splitter consult, loaded once from `data/`.
//!
//! Abbreviations (with how they behave at a sentence end), usual sentence openers, hyphen
//! prefixes kept attached, unit suffixes split from numbers, contractions and clitics.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::datafile::{fields, rows, DataError};

/// How an abbreviation with a final period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Precedes a name (`Mr.`, `Gen.`): never ends a sentence.
    Title,
    /// An abbreviation only before a number (`No. 5`).
    Num,
    /// May end a sentence (`U.S.`, `Inc.`, `a.m.`).
    Either,
}

/// Word lists used by segmentation.
#[derive(Debug)]
pub struct Lexicon {
    abbrevs: HashMap<&'static str, AbbrevClass>,
    abbrevs_upper: HashMap<String, AbbrevClass>,
    starters: HashSet<&'static str>,
    prefixes: HashSet<&'static str>,
    units: HashSet<&'static str>,
    contractions: HashMap<&'static str, &'static str>,
    clitics: Vec<&'static str>,
    name_particles: HashSet<&'static str>,
    name_split_suffixes: HashSet<&'static str>,
    /// Shortest and longest contraction, to skip the lookup for most words.
    contraction_lens: (usize, usize),
}

const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.tsv");
const STARTERS: &str = include_str!("../../data/sentence_starters.txt");
const PREFIXES: &str = include_str!("../../data/hyphen_prefixes.txt");
const UNITS: &str = include_str!("../../data/units.txt");
const CONTRACTIONS: &str = include_str!("../../data/contractions.tsv");
const CLITICS: &str = include_str!("../../data/apostrophe_clitics.txt");
const HYPHEN_NAMES: &str = include_str!("../../data/hyphen_names.txt");

impl Lexicon {
    /// The lexicon built from the embedded data files, loaded on first use.
    pub fn get() -> Result<&'static Lexicon, DataError> {
        static LEXICON: OnceLock<Result<Lexicon, DataError>> = OnceLock::new();
        LEXICON
            .get_or_init(Lexicon::load)
            .as_ref()
            .map_err(Clone::clone)
    }

    fn load() -> Result<Lexicon, DataError> {
        let mut abbrevs = HashMap::new();
        let mut abbrevs_upper = HashMap::new();
        for (line, row) in rows(ABBREVIATIONS) {
            let [word, class] = fields::<2>("abbreviations.tsv", line, row)?;
            let class = match class {
                "title" => AbbrevClass::Title,
                "num" => AbbrevClass::Num,
                "either" => AbbrevClass::Either,
                other => {
                    return Err(DataError {
                        file: "abbreviations.tsv",
                        line,
                        message: format!("unknown class {other:?} (title, num or either)"),
                    })
                }
            };
            if !word.ends_with('.') {
                return Err(DataError {
                    file: "abbreviations.tsv",
                    line,
                    message: format!("{word:?} does not end with a period"),
                });
            }
            abbrevs.insert(word, class);
            abbrevs_upper.entry(word.to_uppercase()).or_insert(class);
        }
        let single =
            |file: &'static str, text: &'static str| -> Result<HashSet<&'static str>, DataError> {
                let mut set = HashSet::new();
                for (line, row) in rows(text) {
                    let [w] = fields::<1>(file, line, row)?;
                    set.insert(w);
                }
                Ok(set)
            };
        let starters = single("sentence_starters.txt", STARTERS)?;
        let prefixes = single("hyphen_prefixes.txt", PREFIXES)?;
        let units = single("units.txt", UNITS)?;
        let mut contractions = HashMap::new();
        for (line, row) in rows(CONTRACTIONS) {
            let [word, split] = fields::<2>("contractions.tsv", line, row)?;
            if split.replace('|', "") != word || !split.contains('|') {
                return Err(DataError {
                    file: "contractions.tsv",
                    line,
                    message: format!("split {split:?} does not spell {word:?} with a | cut"),
                });
            }
            contractions.insert(word, split);
        }
        let mut clitics: Vec<&'static str> = single("apostrophe_clitics.txt", CLITICS)?
            .into_iter()
            .collect();
        // Longest first so that `n't` is tried before `'t`-like shorter entries.
        clitics.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let contraction_lens = (
            contractions.keys().map(|k| k.len()).min().unwrap_or(0),
            contractions
                .keys()
                .map(|k| k.len())
                .max()
                .unwrap_or(0)
                .min(8),
        );
        let mut name_particles = HashSet::new();
        let mut name_split_suffixes = HashSet::new();
        for (line, row) in rows(HYPHEN_NAMES) {
            let [kind, word] = fields::<2>("hyphen_names.txt", line, row)?;
            match kind {
                "particle" => name_particles.insert(word),
                "suffix" => name_split_suffixes.insert(word),
                other => {
                    return Err(DataError {
                        file: "hyphen_names.txt",
                        line,
                        message: format!("unknown kind {other:?} (particle or suffix)"),
                    })
                }
            };
        }
        Ok(Lexicon {
            abbrevs,
            abbrevs_upper,
            starters,
            prefixes,
            units,
            contractions,
            clitics,
            name_particles,
            name_split_suffixes,
            contraction_lens,
        })
    }

    /// The class of a listed abbreviation (`word` includes its final period). An all-capitals
    /// spelling of a listed abbreviation matches too.
    pub fn abbrev(&self, word: &str) -> Option<AbbrevClass> {
        if let Some(c) = self.abbrevs.get(word) {
            return Some(*c);
        }
        let has_lower = word.chars().any(char::is_lowercase);
        if !has_lower && word.len() <= 16 {
            return self.abbrevs_upper.get(word).copied();
        }
        None
    }

    /// True when `word` usually opens a sentence (`The`, `He`, `But`).
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// True when a hyphenated word whose first part is `part` stays one token (`e-mail`).
    pub fn is_hyphen_prefix(&self, part: &str) -> bool {
        if part.len() > 8 {
            return false;
        }
        if part.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.prefixes.contains(part);
        }
        self.prefixes.contains(part.to_ascii_lowercase().as_str())
    }

    /// True when `first-second` after the family name `family` is a romanised given name that
    /// keeps its hyphen (`Kim Jong-un`, `Yau Wai-ching`): see `data/hyphen_names.txt`.
    pub fn is_hyphenated_given_name(&self, family: &str, first: &str, second: &str) -> bool {
        let titlecase = |w: &str, min: usize, max: usize| {
            let mut cs = w.chars();
            let n = w.chars().count();
            (min..=max).contains(&n)
                && cs.next().is_some_and(|c| c.is_ascii_uppercase())
                && cs.all(|c| c.is_ascii_lowercase())
        };
        let second_ok = {
            let n = second.chars().count();
            (2..=5).contains(&n)
                && second.chars().all(|c| c.is_ascii_alphabetic())
                && second.chars().skip(1).all(|c| c.is_ascii_lowercase())
        };
        titlecase(family, 2, 6)
            && titlecase(first, 2, 5)
            && second_ok
            && !self
                .name_particles
                .contains(first.to_ascii_lowercase().as_str())
            && !self
                .name_split_suffixes
                .contains(second.to_ascii_lowercase().as_str())
    }

    /// True when `suffix` is a unit split from a number written against it (`5pm`).
    pub fn is_unit(&self, suffix: &str) -> bool {
        self.units.contains(suffix)
    }

    /// Where to cut a contraction without apostrophe (`cannot` -> `can|not`), as byte offsets
    /// into `word`; empty when `word` is not one.
    pub fn contraction_cuts(&self, word: &str, cuts: &mut Vec<usize>) {
        cuts.clear();
        if !(self.contraction_lens.0..=self.contraction_lens.1).contains(&word.len())
            || !word.is_ascii()
        {
            return;
        }
        let mut buf = [0u8; 8];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let Ok(lower) = std::str::from_utf8(lower) else {
            return;
        };
        if let Some(split) = self.contractions.get(lower) {
            let mut pos = 0;
            for part in split.split('|') {
                pos += part.len();
                if pos < word.len() {
                    cuts.push(pos);
                }
            }
        }
    }

    /// The byte length of an apostrophe clitic ending `word` (`’s`, `n't`), if the rest of the
    /// word is long enough to stand alone.
    pub fn clitic_len(&self, word: &str) -> Option<usize> {
        // Most words have no apostrophe near their end: look at the last bytes first (0x99 and
        // 0xBC end the UTF-8 of ’ and ʼ).
        let b = word.as_bytes();
        if !b[b.len().saturating_sub(6)..]
            .iter()
            .any(|&x| matches!(x, b'\'' | 0x99 | 0xBC))
        {
            return None;
        }
        for clitic in &self.clitics {
            if let Some(len) = ends_with_clitic(word, clitic) {
                let stem = &word[..word.len() - len];
                let stem_ok = if clitic.starts_with('n') {
                    // `n't` needs a verb before it (`do`, `ca`, `wo`), not a bare `n't`.
                    stem.chars().filter(|c| c.is_alphabetic()).count() >= 1
                } else {
                    stem.chars().any(super::chars::is_word_char)
                };
                if stem_ok {
                    return Some(len);
                }
            }
        }
        None
    }
}

/// Byte length of the suffix of `word` spelling `clitic` case-insensitively, with `'` matching
/// a straight or curly apostrophe.
fn ends_with_clitic(word: &str, clitic: &str) -> Option<usize> {
    let mut w = word.chars().rev();
    let mut len = 0;
    for want in clitic.chars().rev() {
        let got = w.next()?;
        let ok = if want == '\'' {
            super::chars::is_apostrophe(got)
        } else {
            got.to_ascii_lowercase() == want
        };
        if !ok {
            return None;
        }
        len += got.len_utf8();
    }
    Some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_answers() {
        let lex = Lexicon::get().expect("embedded data loads");
        assert_eq!(lex.abbrev("Gen."), Some(AbbrevClass::Title));
        assert_eq!(lex.abbrev("GEN."), Some(AbbrevClass::Title));
        assert_eq!(lex.abbrev("No."), Some(AbbrevClass::Num));
        assert_eq!(lex.abbrev("Inc."), Some(AbbrevClass::Either));
        assert_eq!(lex.abbrev("said."), None);
        assert!(lex.is_starter("The"));
        assert!(!lex.is_starter("Bush"));
        assert!(lex.is_hyphen_prefix("e"));
        assert!(lex.is_hyphen_prefix("Anti"));
        assert!(!lex.is_hyphen_prefix("self"));
        assert!(lex.is_unit("pm"));
        let mut cuts = Vec::new();
        lex.contraction_cuts("Cannot", &mut cuts);
        assert_eq!(cuts, vec![3]);
        lex.contraction_cuts("canon", &mut cuts);
        assert!(cuts.is_empty());
        assert_eq!(lex.clitic_len("Iran’s"), Some(4));
        assert_eq!(lex.clitic_len("don't"), Some(3));
        assert_eq!(lex.clitic_len("DON'T"), Some(3));
        assert_eq!(lex.clitic_len("n't"), None);
        assert_eq!(lex.clitic_len("'s"), None);
        assert_eq!(lex.clitic_len("I'm"), Some(2));
        assert_eq!(lex.clitic_len("Iran"), None);
        assert!(lex.is_hyphenated_given_name("Kim", "Jong", "un"));
        assert!(lex.is_hyphenated_given_name("Kim", "Min", "Woo"));
        assert!(!lex.is_hyphenated_given_name("Abu", "Al", "Abbas"));
        assert!(!lex.is_hyphenated_given_name("President", "Trump", "Kim"));
        assert!(!lex.is_hyphenated_given_name("Rio", "Tinto", "led"));
        assert!(!lex.is_hyphenated_given_name("the", "Saudi", "led"));
    }
}
