//! A comparison key for lines: equal keys mean "the same paragraph" to duplicate detection.
//!
//! Two copies of a paragraph in a scrape often differ only in curly versus straight quotes,
//! dash style, no-break spaces or letter case; the key folds those away without allocating.

use crate::segment::chars::{ascii_equivalent, is_space_like};

/// Feed the normalised characters of `s` to `f`: lower case, typographic quotes and dashes in
/// ASCII, runs of white space as one space, no leading or trailing space. ASCII text takes a
/// byte loop; this runs over every line of every article.
pub fn fold(s: &str, mut f: impl FnMut(char)) {
    let bytes = s.as_bytes();
    let mut pending_space = false;
    let mut started = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            if b.is_ascii_whitespace() || b.is_ascii_control() {
                pending_space = started;
                continue;
            }
            if pending_space {
                f(' ');
                pending_space = false;
            }
            started = true;
            f(b.to_ascii_lowercase() as char);
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        let ascii = ascii_equivalent(c);
        // Invisible characters (zero-width space, soft hyphen) are not spaces.
        if ascii == Some("") {
            continue;
        }
        if is_space_like(c) {
            pending_space = started;
            continue;
        }
        match ascii {
            Some(rep) => {
                if pending_space {
                    f(' ');
                    pending_space = false;
                }
                started = true;
                rep.chars().for_each(&mut f);
            }
            None => {
                if pending_space {
                    f(' ');
                    pending_space = false;
                }
                started = true;
                c.to_lowercase().for_each(&mut f);
            }
        }
    }
}

/// The normalised text of `s` (see [`fold`]).
pub fn normalized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold(s, |c| out.push(c));
    out
}

/// A 64-bit FNV-1a hash of the normalised characters with the number of characters and
/// words: cheap to compare and to keep in a map; equal keys are confirmed with [`same`].
pub fn key(s: &str) -> Key {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut len = 0usize;
    let mut words = 0usize;
    let mut in_word = false;
    if s.is_ascii() {
        // The same fold as below, on bytes: most lines are ASCII.
        let mut pending_space = false;
        let mut started = false;
        for &b in s.as_bytes() {
            if b <= b' ' || b == 0x7f {
                pending_space = started;
                continue;
            }
            if pending_space {
                hash = (hash ^ u64::from(b' ')).wrapping_mul(0x0000_0100_0000_01b3);
                len += 1;
                in_word = false;
                pending_space = false;
            }
            started = true;
            let c = b.to_ascii_lowercase();
            hash = (hash ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
            len += 1;
            let w = c.is_ascii_alphanumeric();
            if w && !in_word {
                words += 1;
            }
            in_word = w;
        }
        return Key { hash, len, words };
    }
    fold(s, |c| {
        hash ^= c as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        len += 1;
        let w = c.is_alphanumeric();
        if w && !in_word {
            words += 1;
        }
        in_word = w;
    });
    Key { hash, len, words }
}

/// Hashes a [`Key`] by its own FNV hash: no second hash function over a hash.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = self.0.rotate_left(7) ^ n as u64;
    }
}

/// Builds [`KeyHasher`]s for maps keyed by [`Key`].
pub type KeyHasherBuilder = std::hash::BuildHasherDefault<KeyHasher>;

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
    key(a) == key(b) && normalized(a) == normalized(b)
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
        assert_eq!(normalized(a), "iran's \"defense\" minister - said");
        assert!(!same("a b", "ab"));
        assert_eq!(key("two words").words, 2);
        assert_eq!(normalized("x—y"), "x--y");
        assert_eq!(normalized("\u{200B} Zürich\u{00AD}er \t"), "züricher");
        assert!(same("ÉTAT", "état"));
        // The ASCII fast path and the general fold agree.
        for s in ["  A  b\tC\x0b-d ", "x", "", "Tom's 2 dogs.", "\x7fa"] {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            let (mut n, mut w, mut in_w) = (0, 0, false);
            fold(s, |c| {
                h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
                n += 1;
                let a = c.is_alphanumeric();
                if a && !in_w {
                    w += 1;
                }
                in_w = a;
            });
            assert_eq!(
                key(s),
                Key {
                    hash: h,
                    len: n,
                    words: w
                },
                "{s:?}"
            );
        }
    }
}
