//! Character classes shared by cleanup and the tokenizer, and the normalised spelling of a token.
//!
//! Scraped text mixes ASCII with typographic quotes, dashes, no-break and zero-width spaces;
//! these helpers name what each character is to us so that offsets into the original text never
//! shift: nothing here rewrites text, [`normalize`] only produces the form the models see.

/// True for characters that separate tokens and are dropped: Unicode white space (including the
/// no-break space), zero-width spaces, the byte-order mark, soft hyphens and control characters.
#[inline]
pub fn is_space_like(c: char) -> bool {
    if c.is_ascii() {
        return c <= ' ' || c == '\x7f';
    }
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
        )
}

/// True for characters that end a line: the line feed, the carriage return, and the Unicode line
/// and paragraph separators.
#[inline]
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}')
}

/// Trim [`is_space_like`] characters from both ends of `s`; returns `(lead, trail)` byte counts.
pub fn trim_counts(s: &str) -> (usize, usize) {
    let rest = s.trim_start_matches(is_space_like);
    let lead = s.len() - rest.len();
    let trail = rest.len() - rest.trim_end_matches(is_space_like).len();
    (lead, trail)
}

/// Typographic opening quotes and their straight equivalents.
#[inline]
pub fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '„' | '‚' | '«' | '‹' | '‟' | '‛' | '`')
}

/// Typographic closing quotes (the right single quote is also the apostrophe).
#[inline]
pub fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '›' | '″')
}

/// Quotes that are opening or closing depending on where they stand.
#[inline]
pub fn is_ambiguous_quote(c: char) -> bool {
    matches!(c, '"' | '\'')
}

/// Any quotation mark.
#[inline]
pub fn is_quote(c: char) -> bool {
    is_open_quote(c) || is_close_quote(c) || is_ambiguous_quote(c)
}

/// An apostrophe as it appears inside words (`Iran’s`, `O'Neill`).
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Dashes and hyphens other than the ASCII hyphen-minus.
#[inline]
pub fn is_unicode_dash(c: char) -> bool {
    matches!(c, '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⁃')
}

/// Any hyphen or dash.
#[inline]
pub fn is_dash(c: char) -> bool {
    c == '-' || is_unicode_dash(c)
}

/// Opening brackets.
#[inline]
pub fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '（' | '［')
}

/// Closing brackets.
#[inline]
pub fn is_close_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '）' | '］')
}

/// Letters and digits of any script.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// Combining marks that belong to the letter before them (accents written separately).
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}')
}

/// Characters that glue onto the symbol before them: variation selectors, the zero-width joiner
/// of emoji sequences, skin-tone modifiers and keycap marks.
#[inline]
pub fn is_symbol_extender(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}'
        | '\u{E0020}'..='\u{E007F}')
}

/// The ASCII spelling of a typographic character as UD English EWT writes it, or `None` when the
/// character stays as it is. Quotes become `'`/`"`, en dashes and other hyphens `-`, em dashes
/// `--`, the ellipsis `...`; invisible characters map to the empty string.
#[inline]
pub fn ascii_equivalent(c: char) -> Option<&'static str> {
    Some(match c {
        '‘' | '’' | '‚' | '‛' | 'ʼ' | '′' | '‹' | '›' => "'",
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => "\"",
        '‐' | '‑' | '‒' | '–' | '−' | '⁃' => "-",
        '—' | '―' => "--",
        '…' => "...",
        '\u{00A0}' | '\u{202F}' | '\u{2007}' => " ",
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}' => "",
        '（' => "(",
        '）' => ")",
        '［' => "[",
        '］' => "]",
        _ => return None,
    })
}

/// The normalised form of `s` when it differs from `s`: typographic characters replaced by
/// [`ascii_equivalent`] and spaces inside the token dropped. `None` (no allocation) when `s` is
/// already in its normal form, which is the case for every ASCII token.
pub fn normalize(s: &str) -> Option<Box<str>> {
    if s.is_ascii() {
        return None;
    }
    let first = s
        .char_indices()
        .find(|&(_, c)| ascii_equivalent(c).is_some())?;
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first.0]);
    for c in s[first.0..].chars() {
        match ascii_equivalent(c) {
            Some(" ") => {}
            Some(rep) => out.push_str(rep),
            None => out.push(c),
        }
    }
    Some(out.into_boxed_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_rows() {
        let rows: &[(&str, Option<&str>)] = &[
            ("Iran", None),
            ("’s", Some("'s")),
            ("n’t", Some("n't")),
            ("“", Some("\"")),
            ("”", Some("\"")),
            ("–", Some("-")),
            ("—", Some("--")),
            ("…", Some("...")),
            ("10\u{00A0}000", Some("10000")),
            ("café", None),
            ("Tehran’s", Some("Tehran's")),
        ];
        for (input, want) in rows {
            assert_eq!(normalize(input).as_deref(), *want, "{input:?}");
        }
    }

    #[test]
    fn spaces() {
        for c in [
            ' ', '\t', '\u{00A0}', '\u{200B}', '\u{FEFF}', '\u{0000}', '\u{0007}', '\u{2003}',
        ] {
            assert!(is_space_like(c), "{c:?}");
        }
        for c in ['a', '’', '-', '\u{200D}'] {
            assert!(!is_space_like(c), "{c:?}");
        }
        assert_eq!(trim_counts("\u{00A0} ab \u{200B}"), (3, 4));
    }
}
