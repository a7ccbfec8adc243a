//! Dictionary phrases as word sequences, and their tokenisation variants.
//!
//! PETRARCH writes phrases with `_` or spaces between words (`CARL_XVI_GUSTAF_`), both
//! meaning "the next word". Words may carry punctuation that a tokenizer splits off:
//! `PEOPLE'S` (`PEOPLE` `'S`), `AL-QAEDA` (`AL` `-` `QAEDA`), `(AAIA)`. Each phrase is stored
//! as written and, when different, fully split, so it matches either way of tokenizing.

use crate::lexicon::{fold, Lexicon, WordId};

/// Split a dictionary phrase into folded words at spaces and underscores.
pub(crate) fn words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// Split one folded word the way a treebank tokenizer would: brackets, quotes and commas off
/// the edges, hyphens between letters, possessive `'S` and trailing `'`.
fn split_word(w: &str, out: &mut Vec<String>) {
    let mut rest = w;
    let mut tail = Vec::new();
    while let Some(c) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '[' | '"' | '\'' | '`'))
    {
        if rest.len() == c.len_utf8() {
            break;
        }
        out.push(c.to_string());
        rest = &rest[c.len_utf8()..];
    }
    while let Some(c) = rest
        .chars()
        .next_back()
        .filter(|c| matches!(c, ')' | ']' | '"' | ',' | ';' | ':'))
    {
        if rest.len() == c.len_utf8() {
            break;
        }
        tail.push(c.to_string());
        rest = &rest[..rest.len() - c.len_utf8()];
    }
    let mut possessive = None;
    if rest.len() > 2 && rest.ends_with("'S") {
        possessive = Some("'S");
        rest = &rest[..rest.len() - 2];
    } else if rest.len() > 1 && rest.ends_with('\'') {
        possessive = Some("'");
        rest = &rest[..rest.len() - 1];
    }
    let mut start = 0;
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let inner = i > 0 && i + 1 < bytes.len();
        if b == b'-' && inner && bytes[i - 1] != b'-' && bytes[i + 1] != b'-' {
            out.push(rest[start..i].to_string());
            out.push("-".to_string());
            start = i + 1;
        }
    }
    out.push(rest[start..].to_string());
    if let Some(p) = possessive {
        out.push(p.to_string());
    }
    out.extend(tail.into_iter().rev());
}

/// The phrase as written plus, when it differs, the fully split variant (and, for a plural
/// possessive `PEOPLES'`, the singular one `PEOPLE 'S`).
pub(crate) fn variants(words: &[String]) -> Vec<Vec<String>> {
    let mut split = Vec::with_capacity(words.len() + 2);
    for w in words {
        split_word(w, &mut split);
    }
    let mut out = vec![words.to_vec()];
    if split.as_slice() != words {
        // "PEOPLES'" is how Phoenix writes what news writes "People's" (`PEOPLE` `'S`).
        let mut singular: Vec<String> = Vec::with_capacity(split.len());
        let mut changed = false;
        for (i, w) in split.iter().enumerate() {
            if w == "'" && i > 0 && split[i - 1].len() > 3 && split[i - 1].ends_with('S') {
                let mut stem = singular.pop().unwrap_or_default();
                stem.pop();
                singular.push(stem);
                singular.push("'S".to_string());
                changed = true;
            } else {
                singular.push(w.clone());
            }
        }
        out.push(split);
        if changed {
            out.push(singular);
        }
    }
    out
}

/// Intern the words of a phrase.
pub(crate) fn intern(lex: &mut Lexicon, words: &[String]) -> Vec<WordId> {
    words.iter().map(|w| lex.intern_folded(w)).collect()
}

/// Characters a tokenizer may split off a word (see [`variants`]).
fn splittable(c: char) -> bool {
    matches!(
        c,
        '(' | ')' | '[' | ']' | '"' | '\'' | '`' | ',' | ';' | ':' | '-'
    )
}

/// The interned variants of the phrase `text` (words separated by `_` or spaces): the
/// fast path of [`words`] + [`variants`] + [`intern`], allocating only for new words and
/// for phrases with punctuation.
pub(crate) fn intern_variants(lex: &mut Lexicon, text: &str) -> Vec<Vec<WordId>> {
    let parts = text
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty());
    if text.contains(splittable) {
        let ws: Vec<String> = parts.map(fold).collect();
        return variants(&ws).iter().map(|v| intern(lex, v)).collect();
    }
    let ids: Vec<WordId> = parts.map(|w| lex.intern(w)).collect();
    if ids.is_empty() {
        Vec::new()
    } else {
        vec![ids]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vec<Vec<String>> {
        variants(&words(s))
    }

    #[test]
    fn words_split_on_underscores_and_spaces() {
        assert_eq!(words("CARL_XVI_GUSTAF_ "), ["CARL", "XVI", "GUSTAF"]);
        assert_eq!(words("Carlos Santos_Cruz_"), ["CARLOS", "SANTOS", "CRUZ"]);
    }

    #[test]
    fn fast_path_agrees_with_the_general_one() {
        let mut lex = Lexicon::new();
        for p in [
            "CARL_XVI_GUSTAF_ ",
            "People's_Army",
            "AL-QAEDA",
            "U.S.",
            "",
            "_ _",
        ] {
            let slow: Vec<Vec<WordId>> = variants(&words(p))
                .iter()
                .map(|v| intern(&mut lex, v))
                .collect();
            let slow: Vec<_> = slow.into_iter().filter(|v| !v.is_empty()).collect();
            assert_eq!(intern_variants(&mut lex, p), slow, "{p}");
        }
    }

    #[test]
    fn tokenizer_variants() {
        assert_eq!(v("IRAN"), vec![vec!["IRAN".to_string()]]);
        assert_eq!(v("PEOPLE'S_ARMY")[1], ["PEOPLE", "'S", "ARMY"]);
        assert_eq!(v("AL-QAEDA")[1], ["AL", "-", "QAEDA"]);
        assert_eq!(v("ARMY_(AAIA)_")[1], ["ARMY", "(", "AAIA", ")"]);
        assert_eq!(v("ANARCHISTS'_ATTACK")[1], ["ANARCHISTS", "'", "ATTACK"]);
        assert_eq!(
            v("DEMOCRATIC_PEOPLES'_REPUBLIC")[2],
            ["DEMOCRATIC", "PEOPLE", "'S", "REPUBLIC"]
        );
        assert_eq!(v("PEOPLE'S_ARMY").len(), 2);
        assert_eq!(v("U.S.").len(), 1);
        assert_eq!(v("-").len(), 1);
        assert_eq!(v("A--B").len(), 1);
    }
}
