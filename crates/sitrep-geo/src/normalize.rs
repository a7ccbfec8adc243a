//! Name keys: how a place name and a run of text tokens are reduced to the same lookup string.
//!
//! A key is the lower-cased, accent-folded sequence of word pieces joined by single spaces,
//! where a piece is a run of letters/digits or one punctuation character. "U.S.", "U. S." and
//! the tokens `U.S` `.` all give `u . s .`, so the key does not depend on how a segmenter split
//! the text; apostrophes and dashes of any shape become `'` and `-`.

use unicode_normalization::UnicodeNormalization;

/// Appends the pieces of `text` to `key` (space separated), folded to lower-case ASCII where
/// a folding exists. Returns the number of pieces appended.
pub fn push_pieces(key: &mut String, text: &str) -> usize {
    let mut pieces = 0;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                if !key.is_empty() {
                    key.push(' ');
                }
                pieces += 1;
                in_word = true;
            }
            push_folded(key, c);
        } else {
            in_word = false;
            if c.is_whitespace() || c.is_control() {
                continue;
            }
            if !key.is_empty() {
                key.push(' ');
            }
            pieces += 1;
            key.push(fold_punct(c));
        }
    }
    pieces
}

/// The key of a whole name (`"Paris, Texas"` → `"paris , texas"`).
pub fn key(name: &str) -> String {
    let mut k = String::with_capacity(name.len() + 4);
    push_pieces(&mut k, name);
    k
}

/// Lower-cases and strips diacritics from one letter; letters without an ASCII decomposition
/// that news spells with a plain letter (ø, ł, ß, æ, đ, ı) get their usual transliteration.
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let special = match c {
        'ø' | 'Ø' => Some("o"),
        'ł' | 'Ł' => Some("l"),
        'ß' => Some("ss"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        'đ' | 'Đ' | 'ð' | 'Ð' => Some("d"),
        'ı' => Some("i"),
        'þ' | 'Þ' => Some("th"),
        // Transliteration marks for ayn and hamza: news writes "Karbala", not "Karbala'".
        'ʼ' | 'ʻ' | 'ʿ' | 'ʾ' => Some(""),
        _ => None,
    };
    if let Some(s) = special {
        out.push_str(s);
        return;
    }
    for d in std::iter::once(c).nfkd() {
        if unicode_normalization::char::is_combining_mark(d) {
            continue;
        }
        for l in d.to_lowercase() {
            out.push(l);
        }
    }
}

/// One shape for apostrophes and dashes, so `Iran’s` and `Iran's` key alike.
fn fold_punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
        _ => c,
    }
}

/// True when the word begins with an upper-case letter (the capitalisation test for names).
pub fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase())
}

/// True when every letter of the word is upper-case and it has at least two letters
/// (`TEHRAN`, `U.S.`), as in datelines and shouted headlines.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! k {
        ($name:ident, $input:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(key($input), $want);
            }
        };
    }

    k!(plain, "Tehran", "tehran");
    k!(accents, "Kürdǝmir", "kurdǝmir");
    k!(arabic_translit, "Karbalāʼ", "karbala");
    k!(dots, "U.S.", "u . s .");
    k!(spaced_dots, "U. S.", "u . s .");
    k!(comma, "Paris, Texas", "paris , texas");
    k!(curly_apostrophe, "Iran’s", "iran ' s");
    k!(dash, "Baalbek–Hermel", "baalbek - hermel");
    k!(stroke, "Łódź", "lodz");
    k!(spaces, "  New   York ", "new york");

    #[test]
    fn pieces_accumulate() {
        let mut s = String::new();
        assert_eq!(push_pieces(&mut s, "U.S"), 3);
        assert_eq!(push_pieces(&mut s, "."), 1);
        assert_eq!(s, "u . s .");
    }

    #[test]
    fn caps() {
        assert!(is_capitalised("Tehran"));
        assert!(!is_capitalised("tehran"));
        assert!(is_all_caps("TEHRAN"));
        assert!(is_all_caps("U.S."));
        assert!(!is_all_caps("A"));
        assert!(!is_all_caps("Iran"));
    }
}
