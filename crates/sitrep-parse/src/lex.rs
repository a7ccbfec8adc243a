//! Per-token lexical features computed once per sentence: hashes of the form, its lowercase,
//! prefixes, suffixes and shape, and orthographic flags.
//!
//! Curly quotes are folded to ASCII here as well, so that a form from the treebank and the
//! same form from `Token::form` hash alike.

use crate::hash;

/// Hashes describing one token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Lex {
    /// The form as written (after quote folding).
    pub form: u64,
    /// The lowercased form.
    pub lower: u64,
    /// Lowercase prefixes of 1..=4 characters.
    pub pre: [u64; 4],
    /// Lowercase suffixes of 1..=5 characters.
    pub suf: [u64; 5],
    /// Word shape (`Xx`, `d,d`, `x-x`).
    pub shape: u64,
    /// Orthographic flags packed in bits.
    pub flags: u64,
    /// Word cluster ids at each granularity (`clusters::UNKNOWN` until the model's clusters
    /// are filled in).
    pub clus: [u64; crate::clusters::LEVELS],
}

const HAS_DIGIT: u64 = 1;
const HAS_HYPHEN: u64 = 2;
const HAS_UPPER: u64 = 4;
const INIT_UPPER: u64 = 8;
const ALL_UPPER: u64 = 16;
const ALL_DIGIT: u64 = 32;
const HAS_ALPHA: u64 = 64;
const HAS_PERIOD: u64 = 128;

/// A coarse class of the spelling: 1 all capitals, 2 capitalised, 3 with digits, 4 lowercase
/// letters, 5 anything else.
pub(crate) fn spelling_class(l: &Lex) -> u64 {
    if l.flags & ALL_UPPER != 0 {
        1
    } else if l.flags & INIT_UPPER != 0 {
        2
    } else if l.flags & HAS_DIGIT != 0 {
        3
    } else if l.flags & HAS_ALPHA != 0 {
        4
    } else {
        5
    }
}

/// Whether the token starts with an uppercase letter.
pub(crate) fn init_upper(l: &Lex) -> bool {
    l.flags & INIT_UPPER != 0
}

/// Reusable buffers for lexical analysis (no allocation per token).
#[derive(Default)]
pub(crate) struct LexBuf {
    norm: String,
    lower: String,
    bounds: Vec<usize>,
}

/// Fold typographic quotes and dashes the way `sitrep-text` normalises tokens.
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{00A0}' => ' ',
        c => c,
    }
}

impl LexBuf {
    /// Analyse one form.
    pub(crate) fn lex(&mut self, form: &str) -> Lex {
        self.norm.clear();
        self.lower.clear();
        // Very long "tokens" (a URL, a base64 blob) carry no more information past 64 bytes.
        let mut end = form.len().min(64);
        while !form.is_char_boundary(end) {
            end -= 1;
        }
        let form = &form[..end];
        let mut flags = 0u64;
        let mut n_chars = 0usize;
        let mut all_upper = true;
        let mut all_digit = true;
        let mut shape = 0xC0FFEEu64;
        let mut last_code = 0u32;
        for (i, c) in form.chars().enumerate() {
            let c = fold(c);
            self.norm.push(c);
            n_chars += 1;
            let code: u32 = if c.is_uppercase() {
                flags |= HAS_UPPER | HAS_ALPHA;
                if i == 0 {
                    flags |= INIT_UPPER;
                }
                all_digit = false;
                'X' as u32
            } else if c.is_alphabetic() {
                flags |= HAS_ALPHA;
                all_upper = false;
                all_digit = false;
                'x' as u32
            } else if c.is_ascii_digit() || c.is_numeric() {
                flags |= HAS_DIGIT;
                all_upper = false;
                'd' as u32
            } else {
                all_upper = false;
                all_digit = false;
                if c == '-' {
                    flags |= HAS_HYPHEN;
                }
                if c == '.' {
                    flags |= HAS_PERIOD;
                }
                if c.is_ascii() {
                    c as u32
                } else {
                    'o' as u32
                }
            };
            if code != last_code {
                shape = hash::mix(shape, u64::from(code));
                last_code = code;
            }
            if c.is_ascii() {
                self.lower.push(c.to_ascii_lowercase());
            } else {
                self.lower.extend(c.to_lowercase());
            }
        }
        if all_upper && flags & HAS_UPPER != 0 {
            flags |= ALL_UPPER;
        }
        if all_digit && flags & HAS_DIGIT != 0 {
            flags |= ALL_DIGIT;
        }
        flags |= (n_chars.min(6) as u64) << 8;
        self.bounds.clear();
        self.bounds
            .extend(self.lower.char_indices().map(|(i, _)| i));
        self.bounds.push(self.lower.len());
        let nb = self.bounds.len() - 1;
        let lb = self.lower.as_bytes();
        let mut pre = [0u64; 4];
        for (k, p) in pre.iter_mut().enumerate() {
            let e = self.bounds[(k + 1).min(nb)];
            *p = hash::mix(k as u64 + 1, hash::bytes(&lb[..e]));
        }
        let mut suf = [0u64; 5];
        for (k, s) in suf.iter_mut().enumerate() {
            let b = self.bounds[nb.saturating_sub(k + 1)];
            *s = hash::mix(k as u64 + 11, hash::bytes(&lb[b..]));
        }
        Lex {
            form: hash::str(&self.norm),
            lower: hash::str(&self.lower),
            pre,
            suf,
            shape,
            flags,
            clus: [crate::clusters::UNKNOWN; crate::clusters::LEVELS],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_and_lowercases() {
        let mut b = LexBuf::default();
        let a = b.lex("Iran\u{2019}s");
        let c = b.lex("Iran's");
        assert_eq!(a.form, c.form);
        let d = b.lex("IRAN's");
        assert_eq!(a.lower, d.lower);
        assert_ne!(a.form, d.form);
        assert!(init_upper(&a));
        let e = b.lex("");
        let f = b.lex("\u{1F600}\u{0301}x");
        assert_ne!(e.lower, f.lower);
        let long = "é".repeat(100);
        let _ = b.lex(&long);
    }
}
