//! Regular English inflection of dictionary words: noun plurals and verb forms.
//!
//! PETRARCH generates `-S/-ES/-IES` plurals for agents and synset members and `-S`, `-ED`,
//! `-ING` forms for verbs. We follow its rules and add what it misses (`-IED`, consonant
//! doubling, `-CH`/`-SH` plurals); where English is ambiguous (is the last syllable of
//! COMMIT stressed?) both spellings are produced, the likelier one marked primary. Extra
//! spellings are harmless: they only ever match the word they were made from.

/// How sure we are that a generated form is the real one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormKind {
    /// The regular form by the usual rule.
    Regular,
    /// A second spelling produced where the rule is ambiguous (doubling, `-OES`/`-OS`).
    Variant,
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// Plurals of the last word of `phrase` (words separated by single spaces), upper case.
pub fn noun_plurals(phrase: &str) -> Vec<String> {
    let (head, last) = match phrase.rfind(' ') {
        Some(p) => (&phrase[..=p], &phrase[p + 1..]),
        None => ("", phrase),
    };
    word_plurals(last)
        .into_iter()
        .map(|p| format!("{head}{p}"))
        .collect()
}

fn word_plurals(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let n = b.len();
    if n == 0 || !b[n - 1].is_ascii_alphabetic() {
        return Vec::new();
    }
    let last = b[n - 1];
    let prev = if n >= 2 { b[n - 2] } else { 0 };
    let mut out = Vec::with_capacity(2);
    if last == b'Y' && n >= 2 && !is_vowel(prev) {
        out.push(format!("{}IES", &w[..n - 1]));
    } else if matches!(last, b'S' | b'X' | b'Z') || (last == b'H' && prev == b'S') {
        out.push(format!("{w}ES"));
    } else if last == b'H' && prev == b'C' {
        // CHURCHES but MONARCHS.
        out.push(format!("{w}ES"));
        out.push(format!("{w}S"));
    } else {
        out.push(format!("{w}S"));
    }
    if w.ends_with("MAN") && n > 3 {
        out.push(format!("{}MEN", &w[..n - 3]));
    }
    out
}

/// Regular forms of the verb `stem` (one upper-case word): third person, past, present
/// participle, each with its [`FormKind`].
pub fn verb_forms(stem: &str) -> Vec<(String, FormKind)> {
    let b = stem.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(6);
    if n == 0
        || !b
            .iter()
            .all(|c| c.is_ascii_uppercase() || *c == b'-' || *c == b'\'')
    {
        return out;
    }
    let last = b[n - 1];
    let prev = if n >= 2 { b[n - 2] } else { 0 };
    let consonant_y = last == b'Y' && n >= 2 && !is_vowel(prev);

    // Third person singular.
    if consonant_y {
        out.push((format!("{}IES", &stem[..n - 1]), FormKind::Regular));
    } else if matches!(last, b'S' | b'X' | b'Z') || (last == b'H' && matches!(prev, b'S' | b'C')) {
        out.push((format!("{stem}ES"), FormKind::Regular));
    } else if last == b'O' && !is_vowel(prev) {
        out.push((format!("{stem}ES"), FormKind::Regular));
        out.push((format!("{stem}S"), FormKind::Variant));
    } else {
        out.push((format!("{stem}S"), FormKind::Regular));
    }

    // Past and -ING.
    if last == b'E' {
        out.push((format!("{stem}D"), FormKind::Regular));
        if prev == b'I' {
            out.push((format!("{}YING", &stem[..n - 2]), FormKind::Regular));
        } else if matches!(prev, b'E' | b'O' | b'Y') {
            out.push((format!("{stem}ING"), FormKind::Regular));
        } else {
            out.push((format!("{}ING", &stem[..n - 1]), FormKind::Regular));
        }
        return out;
    }
    if consonant_y {
        out.push((format!("{}IED", &stem[..n - 1]), FormKind::Regular));
        out.push((format!("{stem}ING"), FormKind::Regular));
        return out;
    }
    match doubling(b) {
        Doubling::Always => {
            let d = last as char;
            out.push((format!("{stem}{d}ED"), FormKind::Regular));
            out.push((format!("{stem}{d}ING"), FormKind::Regular));
            out.push((format!("{stem}ED"), FormKind::Variant));
            out.push((format!("{stem}ING"), FormKind::Variant));
        }
        Doubling::Maybe => {
            let d = last as char;
            out.push((format!("{stem}ED"), FormKind::Regular));
            out.push((format!("{stem}ING"), FormKind::Regular));
            out.push((format!("{stem}{d}ED"), FormKind::Variant));
            out.push((format!("{stem}{d}ING"), FormKind::Variant));
        }
        Doubling::Never => {
            out.push((format!("{stem}ED"), FormKind::Regular));
            out.push((format!("{stem}ING"), FormKind::Regular));
        }
    }
    if stem.ends_with("IC") {
        out.push((format!("{stem}KED"), FormKind::Variant));
        out.push((format!("{stem}KING"), FormKind::Variant));
    }
    out
}

enum Doubling {
    /// One-syllable consonant–vowel–consonant ending: STOP → STOPPED.
    Always,
    /// Longer word with that ending: COMMITTED but VISITED, so both.
    Maybe,
    Never,
}

fn doubling(b: &[u8]) -> Doubling {
    let n = b.len();
    if n < 3 {
        return Doubling::Never;
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    let cvc = !is_vowel(c1) && is_vowel(v) && !is_vowel(c2) && !matches!(c2, b'W' | b'X' | b'Y');
    // QU acts as a consonant: QUIT → QUITTING.
    let qu = n >= 4 && b[n - 4] == b'Q' && b[n - 3] == b'U' && is_vowel(v) && !is_vowel(c2);
    if !(cvc || qu) || !c1.is_ascii_alphabetic() {
        return Doubling::Never;
    }
    let syllables = b
        .iter()
        .enumerate()
        .filter(|&(i, &c)| (is_vowel(c) || (c == b'Y' && i > 0)) && (i == 0 || !is_vowel(b[i - 1])))
        .count();
    if syllables <= 1 || (qu && syllables <= 2) {
        Doubling::Always
    } else {
        Doubling::Maybe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regular(stem: &str) -> Vec<String> {
        verb_forms(stem)
            .into_iter()
            .filter(|(_, k)| *k == FormKind::Regular)
            .map(|(f, _)| f)
            .collect()
    }

    fn all(stem: &str) -> Vec<String> {
        verb_forms(stem).into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn verb_inflections() {
        assert_eq!(regular("ACCUSE"), ["ACCUSES", "ACCUSED", "ACCUSING"]);
        assert_eq!(regular("AGREE"), ["AGREES", "AGREED", "AGREEING"]);
        assert_eq!(regular("TIE"), ["TIES", "TIED", "TYING"]);
        assert_eq!(regular("DENY"), ["DENIES", "DENIED", "DENYING"]);
        assert_eq!(regular("DESTROY"), ["DESTROYS", "DESTROYED", "DESTROYING"]);
        assert_eq!(regular("STOP"), ["STOPS", "STOPPED", "STOPPING"]);
        assert_eq!(regular("QUIT"), ["QUITS", "QUITTED", "QUITTING"]);
        assert_eq!(regular("PUNCH"), ["PUNCHES", "PUNCHED", "PUNCHING"]);
        assert_eq!(regular("FIX"), ["FIXES", "FIXED", "FIXING"]);
        assert_eq!(regular("VISIT"), ["VISITS", "VISITED", "VISITING"]);
        assert!(all("COMMIT").contains(&"COMMITTED".to_string()));
        assert!(all("VETO").contains(&"VETOES".to_string()));
        assert!(all("PANIC").contains(&"PANICKED".to_string()));
        assert_eq!(regular("ATTACK"), ["ATTACKS", "ATTACKED", "ATTACKING"]);
        assert_eq!(regular("SHOW"), ["SHOWS", "SHOWED", "SHOWING"]);
        assert!(verb_forms("").is_empty());
        assert!(verb_forms("U.N.").is_empty());
    }

    #[test]
    fn plurals() {
        assert_eq!(noun_plurals("MINISTER"), ["MINISTERS"]);
        assert_eq!(noun_plurals("FOREIGN MINISTRY"), ["FOREIGN MINISTRIES"]);
        assert_eq!(noun_plurals("ATTORNEY"), ["ATTORNEYS"]);
        assert_eq!(noun_plurals("BOSS"), ["BOSSES"]);
        assert_eq!(noun_plurals("CHURCH"), ["CHURCHES", "CHURCHS"]);
        assert_eq!(noun_plurals("CONGRESSMAN"), ["CONGRESSMANS", "CONGRESSMEN"]);
        assert!(noun_plurals("U.S.").is_empty());
    }
}
