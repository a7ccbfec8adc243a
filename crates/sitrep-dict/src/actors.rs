//! Actor dictionaries (`Phoenix.*.actors.txt`): names and synonyms to date-bounded codes.
//!
//! Format (PETRARCH2 `read_actor_dictionary`):
//! ```text
//! CARL_XVI_GUSTAF_  # a new entry: its primary phrase, optionally followed by codes
//! +KING_CARL_GUSTAF # a synonym of the current entry
//!     [SWEELI 640101-000101]   # codes, tried in order; the first valid on the date wins
//!     [SWEGOV >730915]
//!     [SWEELI]
//! ```
//! Several codes may share a line (`[IGOUNO 820101-911231] [ELI]`); `[---]` marks a phrase
//! that is known but coded as nothing. Entry lines that follow each other directly with no
//! code between them form one entry with the codes that follow (PETRARCH2 would leave all
//! but the last uncoded; the Phoenix files use this layout for name variants). When two entries define the same phrase the later one
//! wins, as in PETRARCH, so files loaded later override earlier ones.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::date::Validity;
use crate::error::{Diagnostic, Origin};
use crate::hash::FxHashSet;
use crate::lexicon::{Lexicon, WordId};
use crate::phrase;
use crate::source::Lines;
use crate::trie::PhraseTrie;

/// An actor code with the dates it applies to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DatedCode {
    /// The CAMEO actor code (`SWEGOV`); `None` for `[---]`, "known, not an actor".
    pub code: Option<Box<str>>,
    /// When it applies.
    pub validity: Validity,
}

/// One entry of an actor dictionary: its primary phrase, codes and where it is defined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActorEntry {
    /// The primary phrase, words separated by spaces (`CARL XVI GUSTAF`).
    pub name: Box<str>,
    /// Codes in file order.
    pub codes: Vec<DatedCode>,
    /// Line of the primary phrase.
    pub origin: Origin,
}

impl ActorEntry {
    /// The code that applies on `date`: the first listed whose date restriction contains
    /// it, else the first undated code (PETRARCH's `get_actor_code`: a restriction that
    /// holds beats the default, wherever the default is listed). Without a date, the first
    /// undated code, else the last listed (the most recent role, by the files' habit of
    /// listing roles in order).
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&DatedCode> {
        match date {
            Some(d) => self
                .codes
                .iter()
                .find(|c| c.validity != Validity::Always && c.validity.contains(d))
                .or_else(|| self.codes.iter().find(|c| c.validity == Validity::Always)),
            None => self
                .codes
                .iter()
                .find(|c| c.validity == Validity::Always)
                .or_else(|| self.codes.last()),
        }
    }
}

/// Which phrase of which entry a trie node stands for.
#[derive(Clone, Copy, Debug)]
struct PhraseRef {
    entry: u32,
    line: u32,
}

/// A phrase found in a word sequence.
#[derive(Clone, Copy, Debug)]
pub struct ActorMatch<'a> {
    /// Number of words matched.
    pub len: usize,
    /// The entry.
    pub entry: &'a ActorEntry,
    /// Line of the phrase that matched (the primary phrase or a `+` synonym).
    pub line: u32,
}

impl<'a> ActorMatch<'a> {
    /// The actor code valid on `date`; `None` when the entry has none then or is `[---]`.
    pub fn code(&self, date: Option<NaiveDate>) -> Option<&'a str> {
        self.entry.code_on(date).and_then(|c| c.code.as_deref())
    }

    /// Where the matched phrase is defined.
    pub fn origin(&self) -> Origin {
        Origin {
            file: self.entry.origin.file.clone(),
            line: self.line,
        }
    }
}

/// Actor phrases from one or more actor files, matched longest first.
#[derive(Clone, Debug, Default)]
pub struct ActorDictionary {
    entries: Vec<ActorEntry>,
    trie: PhraseTrie<PhraseRef>,
    replaced: usize,
    codes: FxHashSet<Box<str>>,
    /// Office holders (entries with dated codes) by the first and last word of each of
    /// their names of two words or more: "President Trump", "President Moon".
    by_name_word: crate::hash::FxHashMap<WordId, Vec<u32>>,
}

/// An entry being read: its phrases wait until its codes are known.
struct Pending<'t> {
    entry: ActorEntry,
    phrases: Vec<(u32, &'t str)>,
}

impl ActorDictionary {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no entry is loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries, in load order.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.entries
    }

    /// Number of distinct phrases (with tokenisation variants).
    pub fn phrase_count(&self) -> usize {
        self.trie.len()
    }

    /// Whether some entry uses exactly this code.
    pub fn uses_code(&self, code: &str) -> bool {
        self.codes.contains(code)
    }

    /// How many phrases a later entry redefined.
    pub fn replaced_phrases(&self) -> usize {
        self.replaced
    }

    /// The longest actor phrase starting at `words[start]`.
    pub fn longest_match(&self, words: &[Option<WordId>], start: usize) -> Option<ActorMatch<'_>> {
        self.trie
            .longest_at(words, start)
            .map(|(len, r)| ActorMatch {
                len,
                entry: &self.entries[r.entry as usize],
                line: r.line,
            })
    }

    /// Office holders one of whose names of two words or more starts or ends with `word`
    /// (the family name of "President Trump", "President Moon"), in file order.
    pub fn office_holders_named(&self, word: WordId) -> impl Iterator<Item = &ActorEntry> + '_ {
        self.by_name_word
            .get(&word)
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i as usize])
    }

    /// Every actor phrase starting at `words[start]`, shortest first.
    pub fn matches_at<'a>(
        &'a self,
        words: &'a [Option<WordId>],
        start: usize,
    ) -> impl Iterator<Item = ActorMatch<'a>> + 'a {
        self.trie.all_at(words, start).map(|(len, r)| ActorMatch {
            len,
            entry: &self.entries[r.entry as usize],
            line: r.line,
        })
    }

    /// Read one actor file into the dictionary.
    pub(crate) fn read(
        &mut self,
        lex: &mut Lexicon,
        file: &Arc<str>,
        text: &str,
        diags: &mut Vec<Diagnostic>,
    ) {
        let mut pending: Option<Pending<'_>> = None;
        let mut last_line = 0;
        for line in Lines::new(text, false) {
            let t = line.text;
            let adjacent = line.number == last_line + 1;
            last_line = line.number;
            if t.starts_with('[') {
                match pending.as_mut() {
                    Some(p) => parse_codes(t, &mut p.entry.codes, file, line.number, diags),
                    None => diags.push(Diagnostic::new(
                        file,
                        line.number,
                        "code line before any actor; skipped",
                    )),
                }
                continue;
            }
            let (phrase_text, codes_text) = match t.find('[') {
                Some(p) => (&t[..p], Some(&t[p..])),
                None => (t, None),
            };
            if let Some(syn) = phrase_text.strip_prefix('+') {
                let words = syn;
                match pending.as_mut() {
                    None => diags.push(Diagnostic::new(
                        file,
                        line.number,
                        "synonym before any actor; skipped",
                    )),
                    Some(_) if is_blank(words) => {
                        diags.push(Diagnostic::new(file, line.number, "empty synonym; skipped"))
                    }
                    Some(p) => {
                        p.phrases.push((line.number, words));
                        if let Some(c) = codes_text {
                            parse_codes(c, &mut p.entry.codes, file, line.number, diags);
                        }
                    }
                }
                continue;
            }
            let words = phrase_text;
            // Consecutive bare names share the codes that follow them (LEONID_BREZHNEV_,
            // LEONID_ILYICH_BREZHNEV, ..., then the codes): PETRARCH2 leaves all but the last
            // without a code, which is plainly not what the files mean.
            if let Some(p) = pending.as_mut() {
                if adjacent && p.entry.codes.is_empty() && !is_blank(words) {
                    p.phrases.push((line.number, words));
                    if let Some(c) = codes_text {
                        parse_codes(c, &mut p.entry.codes, file, line.number, diags);
                    }
                    continue;
                }
            }
            if let Some(p) = pending.take() {
                self.commit(lex, p, diags);
            }
            if is_blank(words) {
                diags.push(Diagnostic::new(
                    file,
                    line.number,
                    "line has codes but no actor phrase; skipped",
                ));
                continue;
            }
            let mut entry = ActorEntry {
                name: phrase::words(words).join(" ").into(),
                codes: Vec::new(),
                origin: Origin {
                    file: file.clone(),
                    line: line.number,
                },
            };
            if let Some(c) = codes_text {
                parse_codes(c, &mut entry.codes, file, line.number, diags);
            }
            pending = Some(Pending {
                entry,
                phrases: vec![(line.number, words)],
            });
        }
        if let Some(p) = pending.take() {
            self.commit(lex, p, diags);
        }
    }

    fn commit(&mut self, lex: &mut Lexicon, p: Pending<'_>, diags: &mut Vec<Diagnostic>) {
        if p.entry.codes.is_empty() {
            diags.push(Diagnostic::new(
                &p.entry.origin.file,
                p.entry.origin.line,
                format!("actor {} has no code; skipped", p.entry.name),
            ));
            return;
        }
        let idx = self.entries.len() as u32;
        let office_holder = p.entry.codes.iter().any(|c| c.validity != Validity::Always);
        for (line, words) in &p.phrases {
            for ids in phrase::intern_variants(lex, words) {
                if office_holder && ids.len() >= 2 {
                    for w in [ids[0], ids[ids.len() - 1]] {
                        let v = self.by_name_word.entry(w).or_default();
                        if !v.contains(&idx) {
                            v.push(idx);
                        }
                    }
                }
                if self
                    .trie
                    .insert(
                        &ids,
                        PhraseRef {
                            entry: idx,
                            line: *line,
                        },
                    )
                    .is_some()
                {
                    self.replaced += 1;
                }
            }
        }
        for c in p.entry.codes.iter().filter_map(|c| c.code.as_ref()) {
            if !self.codes.contains(c) {
                self.codes.insert(c.clone());
            }
        }
        self.entries.push(p.entry);
    }
}

/// Whether a phrase has no words (only `_` and spaces).
fn is_blank(phrase: &str) -> bool {
    phrase.chars().all(|c| c == '_' || c.is_whitespace())
}

/// Parse every `[CODE dates]` group of `text` into `out`.
fn parse_codes(
    text: &str,
    out: &mut Vec<DatedCode>,
    file: &Arc<str>,
    line: u32,
    diags: &mut Vec<Diagnostic>,
) {
    let mut rest = text.trim();
    while !rest.is_empty() {
        let Some(inner) = rest.strip_prefix('[') else {
            diags.push(Diagnostic::new(
                file,
                line,
                format!("unexpected text {rest:?} after codes; ignored"),
            ));
            return;
        };
        let Some(end) = inner.find(']') else {
            diags.push(Diagnostic::new(
                file,
                line,
                "code bracket without ']'; skipped",
            ));
            return;
        };
        let body = inner[..end].trim();
        rest = inner[end + 1..].trim_start();
        let (code, dates) = match body.find(char::is_whitespace) {
            Some(p) => (&body[..p], &body[p..]),
            None => (body, ""),
        };
        if code.is_empty() {
            diags.push(Diagnostic::new(file, line, "empty code bracket; skipped"));
            continue;
        }
        let mut warnings = Vec::new();
        let validity = match Validity::parse_reporting(dates, &mut warnings) {
            Ok(v) => {
                for w in warnings {
                    diags.push(Diagnostic::new(file, line, w));
                }
                v
            }
            Err(e) => {
                diags.push(Diagnostic::new(
                    file,
                    line,
                    format!("{e}; code {code} skipped"),
                ));
                continue;
            }
        };
        let code = if code == "---" {
            None
        } else {
            if code.bytes().any(|b| b.is_ascii_lowercase()) {
                diags.push(Diagnostic::new(
                    file,
                    line,
                    format!("code {code} is not upper case; upper-cased"),
                ));
            }
            Some(code.to_ascii_uppercase().into_boxed_str())
        };
        out.push(DatedCode { code, validity });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> (Lexicon, ActorDictionary, Vec<Diagnostic>) {
        let mut lex = Lexicon::new();
        let mut dict = ActorDictionary::default();
        let mut diags = Vec::new();
        dict.read(&mut lex, &Arc::from("t.actors"), text, &mut diags);
        (lex, dict, diags)
    }

    fn ids(lex: &Lexicon, s: &str) -> Vec<Option<WordId>> {
        s.split_whitespace().map(|w| lex.get(w)).collect()
    }

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn synonyms_multiword_and_longest_match() {
        let text = "IRAN_ [IRN]\n+ISLAMIC_REPUBLIC_OF_IRAN\n+PERSIA\nIRANIAN_ARMY [IRNMIL]\n";
        let (lex, d, diags) = load(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.len(), 2);
        let s = ids(&lex, "the Islamic Republic of Iran said");
        let m = d.longest_match(&s, 1).unwrap();
        assert_eq!((m.len, m.code(None), m.line), (4, Some("IRN"), 2));
        assert_eq!(&*m.entry.name, "IRAN");
        let s = ids(&lex, "iranian army");
        assert_eq!(d.longest_match(&s, 0).unwrap().code(None), Some("IRNMIL"));
        assert!(d.longest_match(&s, 1).is_none());
        assert_eq!(d.matches_at(&ids(&lex, "persia"), 0).count(), 1);
    }

    #[test]
    fn date_restricted_codes() {
        let text = "CARL_XVI_GUSTAF_  # CountryInfo.txt\n\t[SWEELI 640101-000101]\n\t[SWEGOV >730915]\n\t[SWEELI]\n\
                    ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]\n\
                    GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n";
        let (lex, d, diags) = load(text);
        assert!(diags.is_empty(), "{diags:?}");
        let carl = d.longest_match(&ids(&lex, "Carl XVI Gustaf"), 0).unwrap();
        assert_eq!(carl.len, 3);
        assert_eq!(carl.code(date("2015-08-13")), Some("SWEGOV"));
        assert_eq!(carl.code(date("1972-08-13")), Some("SWEELI"));
        assert_eq!(carl.code(None), Some("SWEELI"));
        let ann = d.longest_match(&ids(&lex, "Ann Veneman"), 0).unwrap();
        assert_eq!(ann.code(date("2003-01-01")), Some("USAGOV"));
        assert_eq!(ann.code(date("2005-03-01")), None);
        assert_eq!(ann.code(date("2006-01-01")), Some("IGOUNOKID"));
        let g = d.longest_match(&ids(&lex, "Smeagol"), 0).unwrap();
        assert_eq!(g.code(date("1990-01-01")), Some("HOB"));
        assert_eq!(g.code(date("1997-01-01")), Some("HOBGOV"));
        assert_eq!(g.code(date("1999-08-15")), None);
        assert_eq!(g.code(date("2001-01-01")), Some("HOBREB"));
    }

    #[test]
    fn a_restriction_that_holds_beats_the_default() {
        // PETRARCH's validation actor SAM_GAMGEE: the undated default comes first.
        let text = "SAM_GAMGEE [HOB]\n\t[HOBCIV <20080120]\n\t[HOBMIL 20080120-20121109]\n";
        let (lex, d, diags) = load(text);
        assert!(diags.is_empty(), "{diags:?}");
        let sam = d.longest_match(&ids(&lex, "Sam Gamgee"), 0).unwrap();
        assert_eq!(sam.code(date("2005-01-01")), Some("HOBCIV"));
        assert_eq!(sam.code(date("2010-01-01")), Some("HOBMIL"));
        assert_eq!(sam.code(date("2015-01-01")), Some("HOB"));
        assert_eq!(sam.code(None), Some("HOB"));
    }

    #[test]
    fn malformed_lines_are_reported_and_skipped() {
        let text = "[ABC]\n+ORPHAN\nNOCODE_ENTRY\n\nGOOD [GOD]\n+GOOD_TOO\n\t[XYZ 991340]\n\t[QQQ 990101\nBAD2 [AAA] junk\nNULL_ONE [---]\nLOW [pse]\n";
        let (lex, d, diags) = load(text);
        let lines: Vec<u32> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, vec![1, 2, 3, 7, 8, 9, 11], "{diags:#?}");
        assert!(diags.iter().all(|d| &*d.origin.file == "t.actors"));
        assert_eq!(d.len(), 4);
        assert!(d.longest_match(&ids(&lex, "NOCODE ENTRY"), 0).is_none());
        assert_eq!(
            d.longest_match(&ids(&lex, "good too"), 0)
                .unwrap()
                .code(None),
            Some("GOD")
        );
        assert_eq!(
            d.longest_match(&ids(&lex, "bad2"), 0).unwrap().code(None),
            Some("AAA")
        );
        let null = d.longest_match(&ids(&lex, "null one"), 0).unwrap();
        assert_eq!(null.code(None), None);
        assert_eq!(null.entry.codes.len(), 1);
        assert_eq!(
            d.longest_match(&ids(&lex, "low"), 0).unwrap().code(None),
            Some("PSE")
        );
    }

    #[test]
    fn consecutive_bare_names_share_the_following_codes() {
        let text = "MIKHAIL_GORBACHEV_\n+GORBACHEV\nPRESIDENT_MIKHAIL_S._GORBACHEV\n\t[RUSGOV 850311-910824]\n\tU.N._\n\nKOFI_ANNAN [IGOUNO]\n";
        let (lex, d, diags) = load(text);
        assert_eq!(d.len(), 2);
        let date = date("1990-01-01");
        for name in [
            "Mikhail Gorbachev",
            "Gorbachev",
            "President Mikhail S. Gorbachev",
        ] {
            let m = d.longest_match(&ids(&lex, name), 0).unwrap();
            assert_eq!(
                (m.code(date), &*m.entry.name),
                (Some("RUSGOV"), "MIKHAIL GORBACHEV"),
                "{name}"
            );
        }
        assert_eq!(
            diags.len(),
            1,
            "U.N. stays uncoded: a blank line separates it: {diags:?}"
        );
        assert_eq!(diags[0].origin.line, 5);
    }

    #[test]
    fn later_definitions_win_and_tokenizer_variants_match() {
        let text = "HEZBOLLAH [LBNREB]\nPEOPLE'S_LIBERATION_ARMY [CHNMIL]\nAL-QAEDA [IMGMUSALQ]\nHEZBOLLAH [LBNMIL]\n";
        let (lex, d, _) = load(text);
        assert_eq!(
            d.longest_match(&ids(&lex, "Hezbollah"), 0)
                .unwrap()
                .code(None),
            Some("LBNMIL")
        );
        assert_eq!(d.replaced_phrases(), 1);
        let pla = ids(&lex, "People 's Liberation Army");
        assert_eq!(d.longest_match(&pla, 0).unwrap().len, 4);
        assert_eq!(
            d.longest_match(&ids(&lex, "People's Liberation Army"), 0)
                .unwrap()
                .len,
            3
        );
        assert_eq!(d.longest_match(&ids(&lex, "al - Qaeda"), 0).unwrap().len, 3);
        assert_eq!(d.longest_match(&ids(&lex, "al-Qaeda"), 0).unwrap().len, 1);
    }
}
