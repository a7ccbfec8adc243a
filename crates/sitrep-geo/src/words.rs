//! Word lists kept as data (`data/geo/toponym_words.tsv`): directions, area nouns, titles,
//! person-like place names and the affixes the builder strips from division names.

use crate::hash::FxHashSet as HashSet;
use crate::normalize::key;
use crate::Error;

/// The embedded toponym word list.
pub(crate) const TOPONYM_WORDS: &str = include_str!("../../../data/geo/toponym_words.tsv");
/// Name of the embedded word list in error messages.
pub(crate) const TOPONYM_WORDS_FILE: &str = "data/geo/toponym_words.tsv";

/// Reads `KIND<TAB>VALUE[<TAB>...]` lines, skipping blanks and `#` comments; each row comes
/// back with its 1-based line number and its fields.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').collect()))
        }
    })
}

/// The toponym word lists, as sets of name keys.
#[derive(Debug, Default, Clone)]
pub struct ToponymWords {
    /// Leading words of division names that news drops (builder only).
    pub admin_prefixes: Vec<String>,
    /// Trailing words of division names that news drops (builder only).
    pub admin_suffixes: Vec<String>,
    /// Compass and position words ("northern").
    pub directions: HashSet<String>,
    /// Words joining two directions ("and").
    pub joiners: HashSet<String>,
    /// Nouns after a place that make it an area ("region", "province").
    pub areas: HashSet<String>,
    /// Words before a place that mark it as a location ("in").
    pub locatives: HashSet<String>,
    /// Words before a name that make it a person or a non-place ("Mr", "Lake").
    pub titles: HashSet<String>,
    /// Place names that are also common personal names.
    pub persons: HashSet<String>,
    /// Capitalised words that may follow a place name ("Airport").
    pub followers: HashSet<String>,
}

impl ToponymWords {
    /// The embedded lists.
    pub fn embedded() -> Result<ToponymWords, Error> {
        ToponymWords::parse(TOPONYM_WORDS, TOPONYM_WORDS_FILE)
    }

    /// Parses a word list; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<ToponymWords, Error> {
        let mut w = ToponymWords::default();
        for (line, fields) in rows(text) {
            let (kind, value) = match fields.as_slice() {
                [kind, value, ..] if !value.trim().is_empty() => (*kind, key(value)),
                _ => return Err(Error::data(file, line, "expected KIND<TAB>WORDS")),
            };
            match kind {
                "admin_prefix" => w.admin_prefixes.push(value),
                "admin_suffix" => w.admin_suffixes.push(value),
                "direction" => {
                    w.directions.insert(value);
                }
                "joiner" => {
                    w.joiners.insert(value);
                }
                "area" => {
                    w.areas.insert(value);
                }
                "locative" => {
                    w.locatives.insert(value);
                }
                "title" => {
                    w.titles.insert(value);
                }
                "person" => {
                    w.persons.insert(value);
                }
                "follower" => {
                    w.followers.insert(value);
                }
                other => return Err(Error::data(file, line, format!("unknown kind {other:?}"))),
            }
        }
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse() {
        let w = ToponymWords::embedded().expect("embedded word list");
        assert!(w.directions.contains("northern"));
        assert!(w.directions.contains("north - west"));
        assert!(w.persons.contains("jordan"));
        assert!(w.admin_suffixes.iter().any(|s| s == "governorate"));
    }

    #[test]
    fn bad_kind_names_line() {
        let err = ToponymWords::parse("# c\n\ndirection\tnorth\nbogus\tx\n", "t.tsv").unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:4: unknown kind \"bogus\"");
        let err = ToponymWords::parse("direction\n", "t.tsv").unwrap_err();
        assert!(err.to_string().starts_with("t.tsv:1:"));
    }
}
