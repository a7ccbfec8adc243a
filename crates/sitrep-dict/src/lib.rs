//! sitrep's dictionary layer: CAMEO/PLOVER codebooks and PETRARCH-format actor, agent,
//! discard and verb dictionaries, read natively from their text formats.
//!
//! # Overview
//! - [`Dictionaries`]: everything the coder needs, built once ([`Dictionaries::embedded`]
//!   for the built-in files, [`Dictionaries::load`] for users' own), `Send + Sync`.
//! - [`Lexicon`] / [`WordId`]: every dictionary word, upper-cased and interned. The coder
//!   maps a sentence's tokens to ids once ([`Dictionaries::word_ids`]); phrase lookups then
//!   compare integers and never allocate.
//! - [`Codebook`]: event codes (Goldstein, quad class, PLOVER), actor types, countries (by
//!   code, name, demonym, capital), known groups, religions, ethnic groups.
//! - [`ActorDictionary`]: names to date-bounded actor codes, longest match.
//! - [`AgentDictionary`]: role nouns to sector codes (`~GOV`), with plurals.
//! - [`DiscardList`]: phrases that discard a sentence or story.
//! - [`VerbDictionary`]: verb blocks with every inflected form ([`VerbDictionary::verb_at`]),
//!   synsets, typed [`VerbPattern`]s (PETRARCH-2 and PETRARCH-1 syntax), transformations.
//!
//! Every record keeps its [`Origin`] (file and line) for `sitrep code --explain`. Readers
//! never abort on a bad line: they skip it and return a [`Diagnostic`].
//!
//! ```
//! use sitrep_dict::Dictionaries;
//! let dict = Dictionaries::embedded();
//! let ids = dict.word_ids(["Carl", "XVI", "Gustaf", "said"]);
//! let m = dict.actors.longest_match(&ids, 0).unwrap();
//! let date = chrono::NaiveDate::from_ymd_opt(2015, 8, 13);
//! assert_eq!((m.len, m.code(date)), (3, Some("SWEGOV")));
//! assert_eq!(dict.codebook.event("0312").unwrap().goldstein, 5.2);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod actors;
pub mod agents;
pub mod codebook;
pub mod date;
pub mod discards;
pub mod embedded;
pub mod error;
mod hash;
pub mod inflect;
pub mod lexicon;
mod phrase;
pub mod source;
mod trie;
pub mod verbs;

use std::sync::OnceLock;

pub use actors::{ActorDictionary, ActorEntry, ActorMatch, DatedCode};
pub use agents::{AgentCode, AgentDictionary, AgentEntry, AgentMatch, Placement};
pub use codebook::{Codebook, CodebookSources, Country, EventCode, QuadClass};
pub use date::Validity;
pub use discards::{DiscardEntry, DiscardList, DiscardMatch, DiscardScope};
pub use error::{Diagnostic, Error, Origin};
pub use lexicon::{Lexicon, WordId};
pub use source::DictSource;
pub use verbs::{VerbCode, VerbDictionary, VerbMatch, VerbPattern, VerbSyntax};

/// Which files to load. [`DictConfig::default`] is the built-in set; the CLI replaces a list
/// when the user passes `--actors F` (repeatable), `--agents F`, `--discards F`, `--verbs F`.
#[derive(Clone, Debug)]
pub struct DictConfig {
    /// Codebook tables.
    pub codebook: CodebookSources,
    /// Actor files, in load order (later entries override earlier ones).
    pub actors: Vec<DictSource>,
    /// Agent files, in load order.
    pub agents: Vec<DictSource>,
    /// Discard files.
    pub discards: Vec<DictSource>,
    /// Verb files, in load order (a block name seen before extends that block).
    pub verbs: Vec<DictSource>,
    /// Syntax of the verb files; `None` detects it per file (the built-in files are
    /// PETRARCH-2), so a user's PETRARCH-1 file given with `--verbs` is read as one.
    pub verb_syntax: Option<VerbSyntax>,
}

impl Default for DictConfig {
    /// The embedded Phoenix/CAMEO dictionaries plus sitrep's additions.
    fn default() -> Self {
        DictConfig {
            codebook: CodebookSources::default(),
            actors: vec![
                embedded::PHOENIX_COUNTRIES,
                embedded::PHOENIX_INTERNATIONAL,
                embedded::PHOENIX_MILNONSTATE,
                embedded::SITREP_ACTORS,
                embedded::SITREP_ORGANISATIONS,
            ],
            agents: vec![embedded::PHOENIX_AGENTS, embedded::SITREP_AGENTS],
            discards: vec![embedded::PHOENIX_DISCARDS],
            verbs: vec![embedded::CAMEO_VERBS, embedded::SITREP_VERBS],
            verb_syntax: None,
        }
    }
}

impl DictConfig {
    /// The embedded codebooks and no dictionaries: a base for tests and custom sets.
    pub fn empty() -> DictConfig {
        DictConfig {
            codebook: CodebookSources::default(),
            actors: Vec::new(),
            agents: Vec::new(),
            discards: Vec::new(),
            verbs: Vec::new(),
            verb_syntax: None,
        }
    }
}

/// All dictionaries and codebooks, sharing one [`Lexicon`].
#[derive(Clone, Debug)]
pub struct Dictionaries {
    /// The words of every dictionary.
    pub lexicon: Lexicon,
    /// CAMEO/PLOVER codebooks.
    pub codebook: Codebook,
    /// Actor phrases.
    pub actors: ActorDictionary,
    /// Agent phrases.
    pub agents: AgentDictionary,
    /// Discard phrases.
    pub discards: DiscardList,
    /// Verbs, synsets and patterns.
    pub verbs: VerbDictionary,
    /// Three-letter codes the actor dictionaries give to whole states (`IRN`; in users'
    /// dictionaries also their own, such as the validation suite's `ARN`).
    state_codes: hash::FxHashSet<Box<str>>,
    /// Event codes the loaded verb dictionaries use (users' dictionaries may use codes
    /// outside CAMEO, such as the validation suite's WEIS-era `903`).
    verb_codes: hash::FxHashSet<Box<str>>,
}

impl Dictionaries {
    /// Load the files named in `config`. Unreadable files are errors; malformed lines are
    /// skipped and returned as diagnostics.
    pub fn load(config: &DictConfig) -> Result<(Dictionaries, Vec<Diagnostic>), Error> {
        let (codebook, mut diags) = Codebook::load(&config.codebook)?;
        let mut lexicon = Lexicon::new();
        let mut actors = ActorDictionary::default();
        for src in &config.actors {
            let (name, text) = src.read(&mut diags)?;
            actors.read(&mut lexicon, &name, &text, &mut diags);
        }
        let mut agents = AgentDictionary::default();
        for src in &config.agents {
            let (name, text) = src.read(&mut diags)?;
            agents.read(&mut lexicon, &name, &text, &mut diags);
        }
        let mut discards = DiscardList::default();
        for src in &config.discards {
            let (name, text) = src.read(&mut diags)?;
            discards.read(&mut lexicon, &name, &text, &mut diags);
        }
        let mut verbs = verbs::VerbBuilder::default();
        for src in &config.verbs {
            let (name, text) = src.read(&mut diags)?;
            // The built-in verb files are PETRARCH-2; a user's file says by its form.
            let syntax = config.verb_syntax.or(match src {
                DictSource::Embedded(..) => Some(VerbSyntax::Petrarch2),
                _ => None,
            });
            verbs.read(&mut lexicon, &name, &text, syntax, &mut diags);
        }
        let verbs = verbs.finish(&mut lexicon, &mut diags);
        let mut d = Dictionaries {
            lexicon,
            codebook,
            actors,
            agents,
            discards,
            verbs,
            state_codes: Default::default(),
            verb_codes: Default::default(),
        };
        d.index_codes();
        Ok((d, diags))
    }

    /// The built-in dictionaries, loaded on first use and shared.
    pub fn embedded() -> &'static Dictionaries {
        &embedded_loaded().0
    }

    /// Diagnostics from loading the built-in dictionaries (lines of the Phoenix files that
    /// PETRARCH also skips or misreads).
    pub fn embedded_diagnostics() -> &'static [Diagnostic] {
        &embedded_loaded().1
    }

    fn index_codes(&mut self) {
        for e in self.actors.entries() {
            for c in e.codes.iter().filter_map(|c| c.code.as_deref()) {
                if c.len() == 3 && self.codebook.actor_type(c).is_none() {
                    self.state_codes.insert(c.into());
                }
            }
        }
        let mut add = |code: &VerbCode| {
            for c in [code.active(), code.passive()].into_iter().flatten() {
                self.verb_codes.insert(c.into());
            }
        };
        for b in self.verbs.blocks() {
            add(&b.code);
        }
        for v in self.verbs.verbs() {
            add(&v.code);
        }
        for p in self.verbs.patterns() {
            add(&p.code);
        }
    }

    /// Whether a three-letter code stands for a state: a codebook country, or a code the
    /// actor dictionaries give to a whole state.
    pub fn is_state_code(&self, code: &str) -> bool {
        code.len() == 3
            && (self.codebook.country(code).is_some() || self.state_codes.contains(code))
    }

    /// Whether an event code is one the coder may emit: a CAMEO code of the codebook, or a
    /// code the loaded verb dictionaries use.
    pub fn is_event_code(&self, code: &str) -> bool {
        self.codebook.is_valid_event_code(code) || self.verb_codes.contains(code)
    }

    /// The word ids of a sequence of token forms, for the phrase lookups.
    pub fn word_ids<'a>(&self, forms: impl IntoIterator<Item = &'a str>) -> Vec<Option<WordId>> {
        let mut out = Vec::new();
        self.lexicon.get_all(forms, &mut out);
        out
    }

    /// Whether `code` is an actor code the codebooks validate or the loaded actor
    /// dictionaries use verbatim (Phoenix codes carry pieces such as `KID`, `WBK` that the
    /// codebook tables list, and some they do not).
    pub fn is_known_actor_code(&self, code: &str) -> bool {
        self.codebook.is_valid_actor_code(code) || self.actors.uses_code(code)
    }
}

fn embedded_loaded() -> &'static (Dictionaries, Vec<Diagnostic>) {
    static EMBEDDED: OnceLock<(Dictionaries, Vec<Diagnostic>)> = OnceLock::new();
    EMBEDDED.get_or_init(|| {
        // Embedded sources are in memory and cannot fail to read; should that ever change,
        // the coder gets empty dictionaries and the reason as a diagnostic, not a panic.
        Dictionaries::load(&DictConfig::default()).unwrap_or_else(|e| {
            let (codebook, mut diags) = Codebook::embedded();
            diags.push(Diagnostic::new(
                &std::sync::Arc::from("<embedded>"),
                0,
                e.to_string(),
            ));
            let empty = Dictionaries {
                lexicon: Lexicon::new(),
                codebook,
                actors: ActorDictionary::default(),
                agents: AgentDictionary::default(),
                discards: DiscardList::default(),
                verbs: VerbDictionary::default(),
                state_codes: Default::default(),
                verb_codes: Default::default(),
            };
            (empty, diags)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Dictionaries>();
    }
}
