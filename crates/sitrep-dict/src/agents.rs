//! Agent dictionaries (`Phoenix.agents.txt`): role nouns to sector codes.
//!
//! Format (PETRARCH2 `read_agent_dictionary`):
//! ```text
//! !MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES   # a substitution set
//! FOREIGN_!MINIST! [~GOV]      # one entry per member of the set, no further plurals
//! POLICE {} [~COP]             # {} : no plural
//! CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]   # an irregular plural
//! TROOP [~MIL]                 # regular plural (TROOPS) generated
//! HUMAN_RIGHTS_BODY [NGO~]     # code goes before the actor code instead of after
//! ```

use std::sync::Arc;

use serde::Serialize;

use crate::error::{Diagnostic, Origin};
use crate::hash::FxHashMap;
use crate::inflect;
use crate::lexicon::{Lexicon, WordId};
use crate::phrase;
use crate::source::Lines;
use crate::trie::PhraseTrie;

/// Where an agent code goes relative to the actor code it modifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// `[~GOV]`: appended (`IRN` + `GOV` = `IRNGOV`).
    After,
    /// `[NGO~]`: prefixed (`NGO` + `IRN`).
    Before,
}

/// An agent's code: one or more three-letter sectors (`GOV`, `GOVMED`) and its placement.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct AgentCode {
    /// The code without `~` (`GOV`, `GOVMED`, `NGO`).
    pub code: Box<str>,
    /// Before or after the actor code.
    pub placement: Placement,
}

impl AgentCode {
    /// The three-letter sectors of the code (`GOVMED` gives `GOV`, `MED`).
    pub fn sectors(&self) -> impl Iterator<Item = &str> {
        let c: &str = &self.code;
        (0..c.len() / 3).filter_map(move |i| c.get(i * 3..i * 3 + 3))
    }

    /// Combine with an actor code as PETRARCH does, skipping the agent when the actor code
    /// already contains it (`IRNGOV` + `~GOV` stays `IRNGOV`).
    pub fn apply(&self, actor: &str) -> String {
        if actor.contains(&*self.code) {
            return actor.to_string();
        }
        match self.placement {
            Placement::After => format!("{actor}{}", self.code),
            Placement::Before => format!("{}{actor}", self.code),
        }
    }
}

/// One agent entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgentEntry {
    /// The phrase as written, words separated by spaces (`FOREIGN MINISTER`).
    pub name: Box<str>,
    /// Its code.
    pub code: AgentCode,
    /// Where it is defined.
    pub origin: Origin,
}

#[derive(Clone, Copy, Debug)]
struct PhraseRef {
    entry: u32,
    plural: bool,
}

/// An agent phrase found in a word sequence.
#[derive(Clone, Copy, Debug)]
pub struct AgentMatch<'a> {
    /// Number of words matched.
    pub len: usize,
    /// The entry.
    pub entry: &'a AgentEntry,
    /// Whether the matched form is a plural generated or given for the entry.
    pub plural: bool,
}

/// Agent phrases from one or more agent files, matched longest first.
#[derive(Clone, Debug, Default)]
pub struct AgentDictionary {
    entries: Vec<AgentEntry>,
    trie: PhraseTrie<PhraseRef>,
}

impl AgentDictionary {
    /// Number of entries (a substitution-set line counts once per member).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no entry is loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries, in load order.
    pub fn entries(&self) -> &[AgentEntry] {
        &self.entries
    }

    /// Number of distinct phrases, plurals and tokenisation variants included.
    pub fn phrase_count(&self) -> usize {
        self.trie.len()
    }

    /// The longest agent phrase starting at `words[start]`.
    pub fn longest_match(&self, words: &[Option<WordId>], start: usize) -> Option<AgentMatch<'_>> {
        self.trie
            .longest_at(words, start)
            .map(|(len, r)| AgentMatch {
                len,
                entry: &self.entries[r.entry as usize],
                plural: r.plural,
            })
    }

    /// Read one agent file into the dictionary.
    pub(crate) fn read(
        &mut self,
        lex: &mut Lexicon,
        file: &Arc<str>,
        text: &str,
        diags: &mut Vec<Diagnostic>,
    ) {
        let mut sets: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for line in Lines::new(text, false) {
            let t = line.text;
            let diag = |m: String| Diagnostic::new(file, line.number, m);
            if t.contains('!') && t.contains('=') && !t.contains('[') {
                match parse_set(t) {
                    Some((name, members)) => {
                        sets.insert(name, members);
                    }
                    None => diags.push(diag(
                        "substitution set not of the form !NAME! = A, B; skipped".into(),
                    )),
                }
                continue;
            }
            let Some(open) = t.find('[') else {
                diags.push(diag(format!("agent {t:?} has no [code]; skipped")));
                continue;
            };
            let Some(close) = t[open..].find(']').map(|c| open + c) else {
                diags.push(diag("code bracket without ']'; skipped".into()));
                continue;
            };
            let code = match parse_code(&t[open + 1..close]) {
                Ok((code, warn)) => {
                    if let Some(w) = warn {
                        diags.push(diag(w));
                    }
                    code
                }
                Err(e) => {
                    diags.push(diag(e));
                    continue;
                }
            };
            let head = t[..open].trim();
            let (phrase_text, plural) = match head.find('{') {
                Some(b) => match head[b..].find('}') {
                    Some(e) => (head[..b].trim(), Some(head[b + 1..b + e].trim())),
                    None => {
                        diags.push(diag("'{' without '}'; skipped".into()));
                        continue;
                    }
                },
                None => (head, None),
            };
            if phrase_text.is_empty() {
                diags.push(diag("code without an agent phrase; skipped".into()));
                continue;
            }
            let expanded = match expand_sets(phrase_text, &sets) {
                Ok(e) => e,
                Err(e) => {
                    diags.push(diag(e));
                    continue;
                }
            };
            let substituted =
                expanded.len() > 1 || expanded.first().map(String::as_str) != Some(phrase_text);
            for form in expanded {
                let words = phrase::words(&form);
                if words.is_empty() {
                    continue;
                }
                let idx = self.entries.len() as u32;
                self.entries.push(AgentEntry {
                    name: words.join(" ").into(),
                    code: code.clone(),
                    origin: Origin {
                        file: file.clone(),
                        line: line.number,
                    },
                });
                self.insert(
                    lex,
                    &words,
                    PhraseRef {
                        entry: idx,
                        plural: false,
                    },
                );
                let plurals: Vec<Vec<String>> = match plural {
                    Some(p) => vec![phrase::words(p)],
                    None if substituted => Vec::new(),
                    None => inflect::noun_plurals(&words.join(" "))
                        .iter()
                        .map(|p| phrase::words(p))
                        .collect(),
                };
                for p in plurals.into_iter().filter(|p| !p.is_empty()) {
                    self.insert(
                        lex,
                        &p,
                        PhraseRef {
                            entry: idx,
                            plural: true,
                        },
                    );
                }
            }
        }
    }

    fn insert(&mut self, lex: &mut Lexicon, words: &[String], r: PhraseRef) {
        for variant in phrase::variants(words) {
            let ids = phrase::intern(lex, &variant);
            // An explicit singular outranks a generated plural of another entry.
            if let Some(old) = self.trie.insert(&ids, r) {
                if r.plural && !old.plural {
                    self.trie.insert(&ids, old);
                }
            }
        }
    }
}

/// `!NAME! = A, B, C` → (`NAME`, [A, B, C]).
fn parse_set(t: &str) -> Option<(String, Vec<String>)> {
    let (lhs, rhs) = t.split_once('=')?;
    let name = lhs.trim().strip_prefix('!')?.strip_suffix('!')?;
    if name.is_empty() || name.contains('!') {
        return None;
    }
    let members: Vec<String> = rhs
        .split(',')
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty())
        .collect();
    (!members.is_empty()).then(|| (name.to_string(), members))
}

/// Replace every `!NAME!` marker by each member of its set.
fn expand_sets(phrase: &str, sets: &FxHashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(start) = phrase.find('!') else {
        return Ok(vec![phrase.to_string()]);
    };
    let Some(len) = phrase[start + 1..].find('!') else {
        return Err("substitution marker without closing '!'; skipped".into());
    };
    let name = &phrase[start + 1..start + 1 + len];
    let Some(members) = sets.get(name) else {
        return Err(format!("substitution set !{name}! is not defined; skipped"));
    };
    let (before, after) = (&phrase[..start], &phrase[start + len + 2..]);
    let mut out = Vec::new();
    for m in members {
        out.extend(expand_sets(&format!("{before}{m}{after}"), sets)?);
    }
    Ok(out)
}

/// `~GOV` / `NGO~` → the code; a warning when the `~` is missing.
fn parse_code(body: &str) -> Result<(AgentCode, Option<String>), String> {
    let body = body.trim();
    let (code, placement, warn) = if let Some(c) = body.strip_prefix('~') {
        (c, Placement::After, None)
    } else if let Some(c) = body.strip_suffix('~') {
        (c, Placement::Before, None)
    } else {
        (
            body,
            Placement::After,
            Some(format!("agent code {body} has no '~'; read as ~{body}")),
        )
    };
    let code = code.trim();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("bad agent code {body:?}; skipped"));
    }
    Ok((
        AgentCode {
            code: code.to_ascii_uppercase().into(),
            placement,
        },
        warn,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> (Lexicon, AgentDictionary, Vec<Diagnostic>) {
        let mut lex = Lexicon::new();
        let mut dict = AgentDictionary::default();
        let mut diags = Vec::new();
        dict.read(&mut lex, &Arc::from("t.agents"), text, &mut diags);
        (lex, dict, diags)
    }

    fn code(lex: &Lexicon, d: &AgentDictionary, s: &str) -> Option<(usize, String, bool)> {
        let ids: Vec<_> = s.split_whitespace().map(|w| lex.get(w)).collect();
        d.longest_match(&ids, 0)
            .map(|m| (m.len, m.entry.code.code.to_string(), m.plural))
    }

    #[test]
    fn plurals_sets_and_placement() {
        let text = "!PERSON! = MAN, MEN, WOMAN\n!MINIST! = MINISTER, MINISTRY\n\
                    POLICE {} [~COP]\nCHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\nTROOP [~MIL]\n\
                    MILITIA [~UAF]\nBOSS [~BUS]\nCONGRESS!PERSON! [~LEG]\nFOREIGN_!MINIST! [~GOV]\n\
                    HUMAN_RIGHTS_BODY  [NGO~]\nARMY_CHIEF [~MIL]\nPOLICE_OFFICER [ ~COP]\n";
        let (lex, d, diags) = load(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(code(&lex, &d, "police"), Some((1, "COP".into(), false)));
        assert_eq!(code(&lex, &d, "polices"), None);
        assert_eq!(
            code(&lex, &d, "Chambers of Commerce"),
            Some((3, "BUS".into(), true))
        );
        assert_eq!(code(&lex, &d, "troops"), Some((1, "MIL".into(), true)));
        assert_eq!(code(&lex, &d, "militias"), Some((1, "UAF".into(), true)));
        assert_eq!(code(&lex, &d, "bosses"), Some((1, "BUS".into(), true)));
        assert_eq!(
            code(&lex, &d, "congressmen"),
            Some((1, "LEG".into(), false))
        );
        assert_eq!(
            code(&lex, &d, "congresswoman"),
            Some((1, "LEG".into(), false))
        );
        assert_eq!(
            code(&lex, &d, "foreign ministry"),
            Some((2, "GOV".into(), false))
        );
        assert_eq!(
            code(&lex, &d, "foreign ministries"),
            None,
            "no plurals after substitution"
        );
        assert_eq!(code(&lex, &d, "army chiefs"), Some((2, "MIL".into(), true)));
        assert_eq!(
            code(&lex, &d, "police officers"),
            Some((2, "COP".into(), true))
        );
        let body = d
            .entries()
            .iter()
            .find(|e| &*e.name == "HUMAN RIGHTS BODY")
            .unwrap();
        assert_eq!(body.code.placement, Placement::Before);
        assert_eq!(body.code.apply("IRN"), "NGOIRN");
        let gov = AgentCode {
            code: "GOVMED".into(),
            placement: Placement::After,
        };
        assert_eq!(gov.apply("IRN"), "IRNGOVMED");
        assert_eq!(gov.sectors().collect::<Vec<_>>(), ["GOV", "MED"]);
        assert_eq!(
            AgentCode {
                code: "GOV".into(),
                placement: Placement::After
            }
            .apply("IRNGOV"),
            "IRNGOV"
        );
    }

    #[test]
    fn malformed_lines_are_reported_and_skipped() {
        let text = "ISLAMIC_EXTREMIST\n!BAD = X\nHEAD_OF_!NOPE! [~GOV]\nX {Y [~GOV]\n[~GOV]\nA [~G-V]\nB [GOV]\nC [~GOV\n";
        let (lex, d, diags) = load(text);
        let lines: Vec<u32> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5, 6, 7, 8], "{diags:#?}");
        assert_eq!(d.len(), 1);
        assert_eq!(code(&lex, &d, "b"), Some((1, "GOV".into(), false)));
    }
}
