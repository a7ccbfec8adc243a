//! Verb patterns: what must surround a verb for a pattern's code to apply.
//!
//! Two syntaxes are read into one typed form:
//! - PETRARCH-2 (`CAMEO.2.0.txt`): `- &MILITARY * {MOCK ATTACKS} (AGAINST +) [062:062]`,
//!   nouns are phrase heads, `{...}` noun phrases, `(PREP ...)` prepositional phrases;
//! - PETRARCH-1 / TABARI (`CAMEO.verbpatterns.150430.txt`, `PETR.Validate.verbs.txt`):
//!   `- $ * RESUMPTION OF_+ [050]`, a flat word sequence where `_` means "next word" and a
//!   space "possibly after other words".

use std::fmt;

use serde::Serialize;

use crate::error::{Diagnostic, Origin};
use crate::lexicon::{fold, Lexicon, WordId};

use super::{BlockId, SynsetId, VerbCode, VerbDictionary};

/// Which verb-dictionary syntax a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerbSyntax {
    /// PETRARCH-2 (`CAMEO.2.0.txt`): structured noun and prepositional phrases.
    Petrarch2,
    /// PETRARCH-1 / TABARI flat patterns with `_` / space connectors.
    Petrarch1,
}

impl VerbSyntax {
    /// Guess the syntax of a verb file: PETRARCH-2 files group pattern words in `(...)` and
    /// `{...}`, PETRARCH-1 files (almost) never do.
    pub fn detect(text: &str) -> VerbSyntax {
        let (mut patterns, mut grouped) = (0usize, 0usize);
        for line in text.lines() {
            let t = line.trim_start();
            if t.starts_with('-') && !t.starts_with("---") {
                patterns += 1;
                let body = t.split('#').next().unwrap_or("");
                if body.contains('(') || body.contains('{') {
                    grouped += 1;
                }
            }
        }
        if patterns > 0 && grouped * 20 >= patterns {
            VerbSyntax::Petrarch2
        } else {
            VerbSyntax::Petrarch1
        }
    }
}

/// One word position of a pattern.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    /// A literal word.
    Word(WordId),
    /// Any one of several words (`BY/WITH`).
    AnyOf(Box<[WordId]>),
    /// Any member of a synset (`&MILITARY`).
    Synset(SynsetId),
    /// `$`: the source actor is here.
    Source,
    /// `+`: the target actor is here.
    Target,
    /// `^`: skip an actor / noun phrase here.
    Skip,
    /// `%`: a compound actor (source and target together) is here.
    Compound,
}

impl Term {
    /// Whether the term is a slot (`$ + ^ %`) rather than something that matches words.
    pub fn is_slot(&self) -> bool {
        matches!(
            self,
            Term::Source | Term::Target | Term::Skip | Term::Compound
        )
    }

    /// Number of words of `words` starting at `i` this term matches (longest, for a
    /// synset); `None` for no match and for slots, which the coder fills from its parse.
    pub fn matches_at(
        &self,
        dict: &VerbDictionary,
        words: &[Option<WordId>],
        i: usize,
    ) -> Option<usize> {
        match self {
            Term::Word(w) => (words.get(i).copied().flatten() == Some(*w)).then_some(1),
            Term::AnyOf(ws) => words
                .get(i)
                .copied()
                .flatten()
                .filter(|w| ws.contains(w))
                .map(|_| 1),
            Term::Synset(s) => dict.synset(*s).longest_at(words, i),
            _ => None,
        }
    }
}

/// An element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PatternItem {
    /// A single term: a noun (the head of its phrase) in PETRARCH-2, any word in PETRARCH-1.
    Term(Term),
    /// `{ADJ NOUN}` or `WORD_WORD`: consecutive terms, the last one the head.
    Phrase(Vec<Term>),
    /// `(PREP OBJECT ...)`: a prepositional phrase; objects are terms or phrases.
    Prep {
        /// The preposition.
        prep: Term,
        /// What it governs (may be empty: `(TO)`).
        objects: Vec<PatternItem>,
    },
}

/// How an element attaches to its neighbour on the verb's side (PETRARCH-1 connectors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// `_`: no word may come between.
    Adjacent,
    /// ` `: other words may come between (always so in PETRARCH-2 patterns).
    Gap,
}

/// An item with its link toward the verb.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PatternElement {
    /// What must be there.
    pub item: PatternItem,
    /// Whether other words may separate it from its neighbour nearer the verb (for an
    /// element before the verb: the next element or the verb; after: the previous one).
    pub link: Link,
}

/// A verb pattern with its code and origin.
#[derive(Clone, Debug, PartialEq)]
pub struct VerbPattern {
    /// The verb block whose verbs the pattern applies to.
    pub block: BlockId,
    /// Elements before the verb, in text order.
    pub before: Vec<PatternElement>,
    /// Elements after the verb, in text order.
    pub after: Vec<PatternElement>,
    /// The event code(s) it yields.
    pub code: VerbCode,
    /// Syntax the pattern was written in (and so how to match it).
    pub syntax: VerbSyntax,
    /// The pattern line as written, comment removed.
    pub text: Box<str>,
    /// The verb the pattern was written for, where its comment names one (CAMEO.2.0 merges
    /// synonyms into blocks and notes each pattern's verb: `- * SANCTIONS [052] # OPPOSE`
    /// beside `- * SANCTIONS [040] # DEBATE`); the coder prefers it on a tie.
    pub for_verb: Option<Box<str>>,
    /// Whether the pattern is a bare particle after the verb (`- * DOWN [173]`, `- * (INTO)
    /// [192]`): a phrasal verb's, meaningful only for the verb it was written for.
    pub particle: bool,
    /// File and line.
    pub origin: Origin,
}

impl VerbPattern {
    /// All elements, before then after.
    pub fn elements(&self) -> impl Iterator<Item = &PatternElement> {
        self.before.iter().chain(&self.after)
    }

    /// All terms, recursively (phrase members, prepositions and their objects).
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        let mut out = Vec::new();
        for e in self.elements() {
            collect_terms(&e.item, &mut out);
        }
        out.into_iter()
    }

    /// Whether the pattern says where the source (`$`) or target (`+`) is.
    pub fn has_slot(&self, slot: &Term) -> bool {
        self.terms().any(|t| t == slot)
    }
}

fn collect_terms<'a>(item: &'a PatternItem, out: &mut Vec<&'a Term>) {
    match item {
        PatternItem::Term(t) => out.push(t),
        PatternItem::Phrase(ts) => out.extend(ts),
        PatternItem::Prep { prep, objects } => {
            out.push(prep);
            for o in objects {
                collect_terms(o, out);
            }
        }
    }
}

impl fmt::Display for VerbPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.text, self.origin)
    }
}

/// Parsing context: the lexicon and synset table to resolve names into.
pub(crate) struct TermCx<'a> {
    pub(crate) lex: &'a mut Lexicon,
    pub(crate) synset: &'a mut dyn FnMut(&str) -> SynsetId,
}

impl TermCx<'_> {
    fn term(&mut self, tok: &str) -> Result<Term, String> {
        Ok(match tok {
            "$" => Term::Source,
            "+" => Term::Target,
            "^" => Term::Skip,
            "%" => Term::Compound,
            _ if tok.starts_with('&') => {
                let name = tok[1..].trim_end_matches('_');
                if name.is_empty() {
                    return Err("'&' without a synset name".into());
                }
                Term::Synset((self.synset)(&fold(name)))
            }
            _ if tok.contains('/') && tok.len() > 1 => {
                let alts: Vec<WordId> = tok
                    .split('/')
                    .filter(|w| !w.is_empty())
                    .map(|w| self.lex.intern_folded(&fold(w)))
                    .collect();
                Term::AnyOf(alts.into())
            }
            _ if tok.contains(['*', '(', ')', '{', '}', '[', ']']) => {
                return Err(format!("unexpected {tok:?} in a pattern"));
            }
            _ => Term::Word(self.lex.intern_folded(&fold(tok))),
        })
    }

    /// Terms of a `_`-joined token (`AIR_STRIKE`, `FIGHTER_&AIRCRAFT`).
    fn terms(&mut self, tok: &str) -> Result<Vec<Term>, String> {
        tok.split('_')
            .filter(|p| !p.is_empty())
            .map(|p| self.term(p))
            .collect()
    }
}

/// Split a PETRARCH-2 pattern side into tokens: brackets alone, words by whitespace.
fn p2_tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for word in s.split_whitespace() {
        let mut start = 0;
        for (i, c) in word.char_indices() {
            if matches!(c, '(' | ')' | '{' | '}') {
                if start < i {
                    out.push(&word[start..i]);
                }
                out.push(&word[i..i + 1]);
                start = i + 1;
            }
        }
        if start < word.len() {
            out.push(&word[start..]);
        }
    }
    out
}

/// Parse one side (before or after `*`) of a PETRARCH-2 pattern.
pub(crate) fn parse_p2_side(s: &str, cx: &mut TermCx<'_>) -> Result<Vec<PatternElement>, String> {
    let toks = p2_tokens(s);
    let mut items = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (item, next) = p2_item(&toks, i, cx, false)?;
        items.push(PatternElement {
            item,
            link: Link::Gap,
        });
        i = next;
    }
    Ok(items)
}

/// Parse the item starting at `toks[i]`; returns it and the index after it.
fn p2_item(
    toks: &[&str],
    i: usize,
    cx: &mut TermCx<'_>,
    in_prep: bool,
) -> Result<(PatternItem, usize), String> {
    match toks[i] {
        "(" => {
            if in_prep {
                return Err("'(' inside a prepositional phrase".into());
            }
            let mut j = i + 1;
            let prep = match toks.get(j) {
                Some(&t) if !matches!(t, "(" | ")" | "{" | "}") => {
                    j += 1;
                    let mut ts = cx.terms(t)?;
                    if ts.len() != 1 {
                        return Err(format!("preposition {t:?} is not one word"));
                    }
                    ts.remove(0)
                }
                _ => return Err("'(' not followed by a preposition".into()),
            };
            let mut objects = Vec::new();
            loop {
                match toks.get(j) {
                    None => return Err("'(' without ')'".into()),
                    Some(&")") => return Ok((PatternItem::Prep { prep, objects }, j + 1)),
                    Some(_) => {
                        let (item, next) = p2_item(toks, j, cx, true)?;
                        objects.push(item);
                        j = next;
                    }
                }
            }
        }
        "{" => {
            let mut j = i + 1;
            let mut terms = Vec::new();
            loop {
                match toks.get(j) {
                    None => return Err("'{' without '}'".into()),
                    Some(&"}") => break,
                    Some(&t) if matches!(t, "(" | ")" | "{") => {
                        return Err(format!("{t:?} inside {{...}}"))
                    }
                    Some(&t) => terms.extend(cx.terms(t)?),
                }
                j += 1;
            }
            if terms.is_empty() {
                return Err("empty {}".into());
            }
            Ok((PatternItem::Phrase(terms), j + 1))
        }
        ")" | "}" => Err(format!("unbalanced {:?}", toks[i])),
        t => {
            let mut terms = cx.terms(t)?;
            // The head noun (the last word) also matches its plural: CAMEO.2.0 lists
            // `- * ALLEGATION [016]`, and news writes "rejected the allegations".
            if let Some(Term::Word(w)) = terms.last() {
                let word = t.rsplit('_').next().unwrap_or(t);
                if word.chars().all(|c| c.is_alphabetic() || c == '-') {
                    let mut alts = vec![*w];
                    for p in crate::inflect::noun_plurals(&fold(word)) {
                        alts.push(cx.lex.intern_folded(&p));
                    }
                    alts.dedup();
                    if alts.len() > 1 {
                        if let Some(last) = terms.last_mut() {
                            *last = Term::AnyOf(alts.into());
                        }
                    }
                }
            }
            let item = match terms.len() {
                0 => return Err(format!("empty word {t:?}")),
                1 => PatternItem::Term(terms.remove(0)),
                _ => PatternItem::Phrase(terms),
            };
            Ok((item, i + 1))
        }
    }
}

/// Parse one side of a PETRARCH-1 pattern. `before` says which side: the link of an element
/// is the connector on its verb side, `toward_verb` the connector next to the `*`.
pub(crate) fn parse_p1_side(
    s: &str,
    before: bool,
    toward_verb: Link,
    cx: &mut TermCx<'_>,
) -> Result<Vec<PatternElement>, String> {
    if s.contains(['{', '}', '(', ')']) {
        return Err(
            "TABARI disjunctions and brackets are not part of the PETRARCH-1 syntax".into(),
        );
    }
    // Words with the connector that follows each.
    let mut words: Vec<(&str, Link)> = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c == '_' || c.is_whitespace() {
            if let Some(st) = start.take() {
                let link = if c == '_' { Link::Adjacent } else { Link::Gap };
                words.push((&s[st..i], link));
            } else if c.is_whitespace() {
                // "X_ Y": TABARI's open-match "_ " reads as a plain space.
                if let Some(last) = words.last_mut() {
                    last.1 = Link::Gap;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        words.push((&s[st..], Link::Gap));
    }
    let mut out = Vec::with_capacity(words.len());
    for (k, &(w, after)) in words.iter().enumerate() {
        let link = if before {
            if k + 1 == words.len() {
                toward_verb
            } else {
                after
            }
        } else if k == 0 {
            toward_verb
        } else {
            words[k - 1].1
        };
        out.push(PatternElement {
            item: PatternItem::Term(cx.term(w)?),
            link,
        });
    }
    Ok(out)
}

/// Parse a pattern code: `042`, `042:043`, `:173`, `---`.
pub(crate) fn parse_code(body: &str) -> Result<VerbCode, String> {
    let body = body.trim();
    let one = |s: &str| -> Result<Option<Box<str>>, String> {
        let s = s.trim();
        if s.is_empty() || s.chars().all(|c| c == '-') {
            return Ok(None);
        }
        if s.contains(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | ':')) {
            return Err(format!("bad code {s:?}"));
        }
        Ok(Some(s.into()))
    };
    match body.split_once(':') {
        Some((a, p)) => Ok(VerbCode::new(one(a)?, Some(one(p)?))),
        None => Ok(VerbCode::new(one(body)?, None)),
    }
}

/// A warning for codes that are not plain alphanumeric (`080!`, `025?`, `+++`): kept as
/// written, since PETRARCH treats codes as opaque strings, but no codebook will know them.
pub(crate) fn code_warning(code: &VerbCode) -> Option<String> {
    fn odd(c: Option<&str>) -> Option<&str> {
        c.filter(|c| !c.chars().all(|ch| ch.is_ascii_alphanumeric()))
    }
    odd(code.active())
        .or_else(|| odd(code.passive()))
        .map(|c| format!("code {c:?} is not alphanumeric; kept as written"))
}

/// Report a pattern problem.
pub(crate) fn pattern_diag(origin: &Origin, msg: impl fmt::Display) -> Diagnostic {
    Diagnostic {
        origin: origin.clone(),
        message: format!("{msg}; pattern skipped"),
    }
}
