//! A comparison key for lines: equal keys mean "the same paragraph" to duplicate detection.
//!
//! Two copies of a paragraph in a scrape often differ only in curly versus straight quotes,
//! dash style, no-break spaces or letter case; the key folds those away without allocating.

use crate::segment::chars::{ascii_equivalent, is_space_like};

/// The normalised characters of `s`: lower case, typographic quotes and dashes in ASCII, runs
/// of white space as one space, no leading or trailing space.
pub fn chars(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut pending_space = false;
    let mut started = false;
    let mut buf: [char; 3] = ['\0'; 3];
    let mut buf_len = 0usize;
    let mut buf_pos = 0usize;
    let mut it = s.chars();
    std::iter::from_fn(move || loop {
        if buf_pos < buf_len {
            let c = buf[buf_pos];
            buf_pos += 1;
            return Some(c);
        }
        let c = it.next()?;
        if is_space_like(c) || c == '\u{00A0}' {
            pending_space = started;
            continue;
        }
        buf_len = 0;
        buf_pos = 0;
        if pending_space {
            buf[buf_len] = ' ';
            buf_len += 1;
            pending_space = false;
        }
        started = true;
        match ascii_equivalent(c) {
            Some(rep) => {
                for r in rep.chars().take(2) {
                    buf[buf_len] = r;
                    buf_len += 1;
                }
            }
            None => {
                let mut low = c.to_lowercase();
                buf[buf_len] = low.next().unwrap_or(c);
                buf_len += 1;
            }
        }
    })
}

/// A 64-bit FNV-1a hash of [`chars`] with the number of characters and words: cheap to
/// compare and to keep in a map; equal hashes are confirmed with [`same`].
pub fn key(s: &str) -> Key {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut len = 0usize;
    let mut words = 0usize;
    let mut in_word = false;
    for c in chars(s) {
        hash ^= c as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        len += 1;
        let w = c.is_alphanumeric();
        if w && !in_word {
            words += 1;
        }
        in_word = w;
    }
    Key { hash, len, words }
}

/// A line's comparison key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    /// FNV-1a over the normalised characters.
    pub hash: u64,
    /// Number of normalised characters.
    pub len: usize,
    /// Number of words (runs of letters and digits).
    pub words: usize,
}

/// True when `a` and `b` have the same normalised characters.
pub fn same(a: &str, b: &str) -> bool {
    chars(a).eq(chars(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_spaces_case() {
        let a = "Iran’s  “defense”\u{a0}minister – said";
        let b = "iran's \"Defense\" minister - said ";
        assert!(same(a, b));
        assert_eq!(key(a), key(b));
        assert_eq!(
            chars(a).collect::<String>(),
            "iran's \"defense\" minister - said"
        );
        assert!(!same("a b", "ab"));
        assert_eq!(key("two words").words, 2);
        assert_eq!(chars("x—y").collect::<String>(), "x--y");
    }
}
