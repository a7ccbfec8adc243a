//! The sentence splitter: decides where sentences end among the tokens of one paragraph.
//!
//! A sentence ends after terminal punctuation (`.`, `!`, `?`, an ellipsis) together with the
//! closing quotes and brackets written against it (`…crime.” He added`), when the next token
//! can open a sentence: a capitalised word, a number, an opening quote or bracket before one.
//! After an abbreviation that may end a sentence (`U.S.`, `Inc.`, an initial) the next word must
//! be a usual sentence opener (`The`, `He`); titles (`Gen.`, `Mr.`) never end one. A sentence
//! longer than the cap is cut, at the last comma, semicolon or dash of its second half when
//! there is one, so that no input makes the parser's work grow without bound.

use super::lexicon::Lexicon;
use super::tokenize::{Kind, Piece};

/// Append to `ends` the end index (exclusive, into `pieces`) of each sentence of the paragraph,
/// in order; the last one is `pieces.len()`. Sentences hold at most `max_len` pieces.
pub fn sentence_ends(
    text: &str,
    pieces: &[Piece],
    lex: &Lexicon,
    max_len: usize,
    ends: &mut Vec<usize>,
) {
    let n = pieces.len();
    let max_len = max_len.max(2);
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let kind = pieces[i].kind;
        let mut end = None;
        let mut last = i;
        match kind {
            Kind::Terminal | Kind::AbbrevEither => {
                let mut j = i + 1;
                let mut closed = false;
                while j < n
                    && ((matches!(
                        pieces[j].kind,
                        Kind::Terminal | Kind::CloseQuote | Kind::CloseBracket
                    ) && pieces[j].start == pieces[j - 1].end)
                        || standalone_closer(pieces, j))
                {
                    closed |= pieces[j].kind != Kind::Terminal;
                    j += 1;
                }
                last = j - 1;
                let boundary = if j >= n {
                    true
                } else if kind == Kind::Terminal || closed {
                    starts_sentence(text, pieces, j)
                        || (!closed
                            && kind == Kind::Terminal
                            && lowercase_restart(text, pieces, i, j))
                } else {
                    opens_with_starter(text, pieces, j, lex)
                };
                if boundary {
                    end = Some(j);
                }
            }
            _ => {}
        }
        if let Some(e) = end {
            ends.push(e);
            start = e;
            i = e;
            continue;
        }
        i = last + 1;
        if i - start >= max_len && i < n {
            let cut = soft_cut(text, pieces, start, i).unwrap_or(i);
            ends.push(cut);
            start = cut;
        }
    }
    if start < n {
        ends.push(n);
    }
}

/// A closing quote standing apart after the sentence's end (`…still there. " Next`): white
/// space on both sides, or the paragraph's end after it.
fn standalone_closer(pieces: &[Piece], j: usize) -> bool {
    pieces[j].kind == Kind::CloseQuote
        && pieces[j].start > pieces[j - 1].end
        && pieces
            .get(j + 1)
            .is_none_or(|next| next.start > pieces[j].end)
}

/// Where to cut an over-long sentence `pieces[start..end]`: after the last comma, semicolon,
/// colon or dash in its second half.
fn soft_cut(text: &str, pieces: &[Piece], start: usize, end: usize) -> Option<usize> {
    let lo = start + (end - start) / 2;
    (lo..end).rev().find_map(|k| {
        let p = pieces[k];
        let is_soft = p.kind == Kind::Dash
            || (p.kind == Kind::Punct && matches!(text.get(p.start..p.end), Some(";" | ":" | ",")));
        is_soft.then_some(k + 1)
    })
}

/// True when the piece at `j` can be the first of a sentence: a word that does not start with a
/// lowercase letter, or an opening quote, bracket or dash in front of one, or a symbol.
fn starts_sentence(text: &str, pieces: &[Piece], mut j: usize) -> bool {
    while j < pieces.len() {
        let p = pieces[j];
        match p.kind {
            Kind::OpenQuote | Kind::OpenBracket | Kind::Dash => {
                if j + 1 == pieces.len() {
                    return true;
                }
                j += 1;
            }
            Kind::Word | Kind::AbbrevTitle | Kind::AbbrevEither => {
                let first = text.get(p.start..p.end).and_then(|s| s.chars().next());
                return first
                    .is_some_and(|c| !c.is_lowercase() && (c.is_alphanumeric() || c == '\''));
            }
            Kind::Symbol => return true,
            Kind::Terminal | Kind::CloseQuote | Kind::CloseBracket | Kind::Punct => return false,
        }
    }
    false
}

/// Informal text starts sentences in lower case (`…are mean? why do you…`). After `?` or `!`,
/// or after a period that follows a plain lowercase word (not an unlisted abbreviation), a
/// lowercase word still opens a new sentence.
fn lowercase_restart(text: &str, pieces: &[Piece], i: usize, j: usize) -> bool {
    let p = pieces[j];
    let next_lower = p.kind == Kind::Word
        && text
            .get(p.start..p.end)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_lowercase);
    if !next_lower {
        return false;
    }
    let term = text.get(pieces[i].start..pieces[i].end).unwrap_or("");
    if term.starts_with(['?', '!']) {
        return true;
    }
    if term != "." || i == 0 {
        return false;
    }
    let prev = pieces[i - 1];
    let word = text.get(prev.start..prev.end).unwrap_or("");
    prev.kind == Kind::Word
        && prev.end == pieces[i].start
        && word.chars().count() >= 3
        && word.chars().all(char::is_lowercase)
}

/// True when the piece at `j` (after opening quotes) is a usual sentence opener (`The`, `He`).
fn opens_with_starter(text: &str, pieces: &[Piece], mut j: usize, lex: &Lexicon) -> bool {
    while j < pieces.len() && matches!(pieces[j].kind, Kind::OpenQuote | Kind::OpenBracket) {
        j += 1;
    }
    pieces.get(j).is_some_and(|p| {
        p.kind == Kind::Word && text.get(p.start..p.end).is_some_and(|w| lex.is_starter(w))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::Tokenizer;
    use super::*;

    fn sentences(input: &str, max_len: usize) -> Vec<String> {
        let lex = Lexicon::get().expect("lexicon");
        let mut pieces = Vec::new();
        Tokenizer::new(lex).tokenize(input, 0, input.len(), &mut pieces);
        let mut ends = Vec::new();
        sentence_ends(input, &pieces, lex, max_len, &mut ends);
        let mut out = Vec::new();
        let mut a = 0;
        for e in ends {
            out.push(input[pieces[a].start..pieces[e - 1].end].to_string());
            a = e;
        }
        out
    }

    /// (paragraph, expected sentences joined by " | ")
    const ROWS: &[(&str, &str)] = &[
        ("He left. She stayed.", "He left. | She stayed."),
        ("Is it? Yes! Fine.", "Is it? | Yes! | Fine."),
        ("The U.S. Army said so.", "The U.S. Army said so."),
        (
            "He moved to the U.S. The move was quick.",
            "He moved to the U.S. | The move was quick.",
        ),
        (
            "Lt. Gen. Qassem Soleimani was killed.",
            "Lt. Gen. Qassem Soleimani was killed.",
        ),
        (
            "Maj. Gen. Smith and Brig. Gen. Jones met.",
            "Maj. Gen. Smith and Brig. Gen. Jones met.",
        ),
        (
            "Dr. Jones met Sen. Smith on Jan. 5 at No. 10.",
            "Dr. Jones met Sen. Smith on Jan. 5 at No. 10.",
        ),
        (
            "Mr. Smith of Acme Inc. said it. He left.",
            "Mr. Smith of Acme Inc. said it. | He left.",
        ),
        (
            "It ended at 5 p.m. The talks resume at 9 a.m. Monday.",
            "It ended at 5 p.m. | The talks resume at 9 a.m. Monday.",
        ),
        (
            "J. R. R. Tolkien wrote it. George W. Bush read it.",
            "J. R. R. Tolkien wrote it. | George W. Bush read it.",
        ),
        (
            "It was 3.5% of 1,000.5 units. Prices rose.",
            "It was 3.5% of 1,000.5 units. | Prices rose.",
        ),
        (
            "“This is it,” he said. “We go.”",
            "“This is it,” he said. | “We go.”",
        ),
        (
            "It was “a great crime.” He added more.",
            "It was “a great crime.” | He added more.",
        ),
        (
            "He said, “The ministry is on your side.” Then he left.",
            "He said, “The ministry is on your side.” | Then he left.",
        ),
        ("\"What?\" he asked.", "\"What?\" he asked."),
        ("He said \"No.\" Then left.", "He said \"No.\" | Then left."),
        ("(Laughter.) Then more.", "(Laughter.) | Then more."),
        (
            "They came (as planned). Others did not.",
            "They came (as planned). | Others did not.",
        ),
        ("Wait... what happened?", "Wait... what happened?"),
        (
            "Prices fell... Then they rose.",
            "Prices fell... | Then they rose.",
        ),
        (
            "It happened in 2005. 15 people died.",
            "It happened in 2005. | 15 people died.",
        ),
        (
            "The U.N. Security Council met.",
            "The U.N. Security Council met.",
        ),
        (
            "no terminal punctuation here",
            "no terminal punctuation here",
        ),
        (
            "Visit www.example.com. It is new.",
            "Visit www.example.com. | It is new.",
        ),
        ("Hi. 🙂 Bye.", "Hi. | 🙂 Bye."),
        ("He won — again. She lost.", "He won — again. | She lost."),
    ];

    #[test]
    fn sentence_rows() {
        let mut bad = Vec::new();
        for (input, want) in ROWS {
            let got = sentences(input, 250).join(" | ");
            if got != *want {
                bad.push(format!("{input:?}:\n   got {got:?}\n  want {want:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn cap_splits_long_sentences() {
        let long = "word, ".repeat(1000);
        let s = sentences(&long, 100);
        assert!(s.len() >= 10, "{}", s.len());
        let lex = Lexicon::get().expect("lexicon");
        let mut pieces = Vec::new();
        Tokenizer::new(lex).tokenize(&long, 0, long.len(), &mut pieces);
        let mut ends = Vec::new();
        sentence_ends(&long, &pieces, lex, 100, &mut ends);
        let mut a = 0;
        for e in ends {
            assert!(e - a <= 100, "sentence of {} pieces", e - a);
            // Cut after a comma, not inside a word-comma pair.
            assert_eq!(&long[pieces[e - 1].start..pieces[e - 1].end], ",");
            a = e;
        }
    }
}
