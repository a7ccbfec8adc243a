//! Name indexes for codebook lookups: case-insensitive, except for acronyms.
//!
//! "Iranian", "iranian" and "IRANIAN" find the same country, but an all-capital alias such
//! as `US`, `UK` or `AU` only matches itself: "us" is a pronoun, "Au" is gold.

use crate::hash::FxHashMap;

/// Maps names to the indexes of the records that carry them (several when ambiguous, e.g.
/// "Congolese"), in the order the records were added.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameIndex {
    folded: FxHashMap<Box<str>, Vec<u32>>,
    exact: FxHashMap<Box<str>, Vec<u32>>,
}

/// An alias written in capitals (with optional dots) that must match case-sensitively.
fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0
        && letters <= 6
        && name
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit() || c == '&')
}

/// Lower case, single spaces, straight apostrophes.
pub(crate) fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{2018}' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

impl NameIndex {
    /// Record that `name` names record `idx`.
    pub(crate) fn add(&mut self, name: &str, idx: u32) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let (map, k) = if is_acronym(name) {
            (&mut self.exact, name.to_string())
        } else {
            (&mut self.folded, key(name))
        };
        let v = map.entry(k.into_boxed_str()).or_default();
        if !v.contains(&idx) {
            v.push(idx);
        }
    }

    /// The records named `name`. A leading "the " is optional on either side.
    pub(crate) fn get(&self, name: &str) -> &[u32] {
        let name = name.trim();
        if let Some(v) = self.exact.get(name) {
            return v;
        }
        let k = key(name);
        if let Some(v) = self.folded.get(k.as_str()) {
            return v;
        }
        if let Some(rest) = k.strip_prefix("the ") {
            if let Some(v) = self.folded.get(rest) {
                return v;
            }
        } else if let Some(v) = self.folded.get(format!("the {k}").as_str()) {
            return v;
        }
        &[]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_case_sensitive_names_are_not() {
        let mut ix = NameIndex::default();
        ix.add("US", 1);
        ix.add("U.S.", 1);
        ix.add("United States", 1);
        ix.add("the Gulf", 2);
        ix.add("Congolese", 3);
        ix.add("Congolese", 4);
        assert_eq!(ix.get("US"), &[1]);
        assert!(ix.get("us").is_empty());
        assert_eq!(ix.get("U.S."), &[1]);
        assert_eq!(ix.get("united  states"), &[1]);
        assert_eq!(ix.get("Gulf"), &[2]);
        assert_eq!(ix.get("The Gulf"), &[2]);
        assert_eq!(ix.get("CONGOLESE"), &[3, 4]);
    }
}
