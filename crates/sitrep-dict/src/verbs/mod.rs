//! Verb dictionaries: verb blocks, their inflected forms, synsets, patterns, transformations.
//!
//! A verb block (`--- ATTACK [190] ---`) groups synonymous verbs; the block's patterns apply
//! to all of them. The coder finds a verb token with [`VerbDictionary::verb_at`] (any
//! inflected form, multi-word verbs included), then tries the block's patterns
//! ([`VerbDictionary::patterns_of`]) against its parse, and falls back to the verb's own
//! code. Every pattern keeps its file and line for `--explain`.
//!
//! Blocks are keyed by name: a block whose name was seen before (in the same file or an
//! earlier one, e.g. `sitrep.verbs.txt` after `CAMEO.2.0.txt`) extends the earlier one.

mod pattern;
mod read;

pub(crate) use read::VerbBuilder;
mod transform;

use std::fmt;

use serde::Serialize;

pub use pattern::{Link, PatternElement, PatternItem, Term, VerbPattern, VerbSyntax};
pub use transform::{
    TransformCode, TransformNode, TransformTarget, TransformVar, TransformVerb, Transformation,
};

use crate::error::Origin;
use crate::hash::FxHashMap;
use crate::lexicon::WordId;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub struct $name(u32);

        impl $name {
            /// Position in the dictionary's table.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// A verb block.
    BlockId
);
id_type!(
    /// A verb (one verb line of a block).
    VerbId
);
id_type!(
    /// A synset.
    SynsetId
);
id_type!(
    /// A pattern.
    PatternId
);

/// The event code of a verb or pattern: `[042]`, `[042:043]` (active:passive), `[:173]`
/// (passive only), `[---]` (no event).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize)]
pub struct VerbCode {
    active: Option<Box<str>>,
    passive: Option<Option<Box<str>>>,
}

impl VerbCode {
    pub(crate) fn new(active: Option<Box<str>>, passive: Option<Option<Box<str>>>) -> VerbCode {
        VerbCode { active, passive }
    }

    /// The code in the active voice; `None` for `---` or an empty active part.
    pub fn active(&self) -> Option<&str> {
        self.active.as_deref()
    }

    /// The code in the passive voice: the part after `:` when given, else the active code.
    pub fn passive(&self) -> Option<&str> {
        match &self.passive {
            Some(p) => p.as_deref(),
            None => self.active(),
        }
    }

    /// The code for a verb in the given voice.
    pub fn get(&self, passive: bool) -> Option<&str> {
        if passive {
            self.passive()
        } else {
            self.active()
        }
    }

    /// Whether the file gave a separate passive code.
    pub fn has_passive(&self) -> bool {
        self.passive.is_some()
    }

    /// Whether this code yields no event in either voice.
    pub fn is_null(&self) -> bool {
        self.active().is_none() && self.passive().is_none()
    }
}

impl fmt::Display for VerbCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            self.active()
                .unwrap_or(if self.passive.is_some() { "" } else { "---" }),
        )?;
        if let Some(p) = &self.passive {
            write!(f, ":{}", p.as_deref().unwrap_or("---"))?;
        }
        Ok(())
    }
}

/// A verb block.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VerbBlock {
    /// Its name (`ATTACK`, `EXPLAIN_VERBAL`).
    pub name: Box<str>,
    /// The code of its verbs when they have none of their own.
    pub code: VerbCode,
    /// Where it was first defined.
    pub origin: Origin,
    /// Its verbs.
    pub verbs: Vec<VerbId>,
    /// Its patterns, in file order.
    pub patterns: Vec<PatternId>,
    /// Syntax of the file that defined it: PETRARCH-1 blocks are coded with TABARI's
    /// semantics (linear patterns, `[a:b]` paired events), PETRARCH-2 blocks with PETRARCH-2's.
    pub syntax: VerbSyntax,
}

/// A verb of a block: one verb line, with all its forms.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verb {
    /// The lemma as written, words separated by spaces (`ASK`, `CALL OFF`).
    pub lemma: Box<str>,
    /// Its block.
    pub block: BlockId,
    /// Its own code, or the block's.
    pub code: VerbCode,
    /// File and line of the verb line.
    pub origin: Origin,
}

/// Where a verb form comes from, best first (used to rank forms shared by two verbs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormSource {
    /// The lemma itself.
    Lemma,
    /// Given in `{...}` in the file.
    Listed,
    /// A regular form generated from the lemma.
    Regular,
    /// A second spelling where the regular rule is ambiguous, or a regular form the file's
    /// `{...}` list left out (`SAYS` for `SAY {SAID SAYING}`).
    Variant,
}

/// One surface form of a verb: the word the parser tags as the verb, plus the words a
/// multi-word verb needs around it (`CALL` + `OFF`, `RE` + `ARREST`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbForm {
    /// The verb.
    pub verb: VerbId,
    /// The verb word of this form (`CALLED`).
    pub word: WordId,
    /// Words directly before the verb word.
    pub before: Box<[WordId]>,
    /// Words directly after the verb word.
    pub after: Box<[WordId]>,
    /// How the form was obtained.
    pub source: FormSource,
}

/// A verb found in a word sequence.
#[derive(Clone, Copy, Debug)]
pub struct VerbMatch<'a> {
    /// First word of the match (before the verb word for `RE_+ARREST`).
    pub start: usize,
    /// Number of words matched (1 for a single-word verb).
    pub len: usize,
    /// The form that matched.
    pub form: &'a VerbForm,
    /// The verb.
    pub verb: &'a Verb,
    /// Its block.
    pub block: &'a VerbBlock,
}

/// A synset member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynsetMember {
    /// Its words.
    pub words: Box<[WordId]>,
    /// Whether it is a generated plural.
    pub plural: bool,
    /// Line of the `+` member line (for nested synsets, the inner synset's line).
    pub line: u32,
}

/// A synonym set (`&CURRENCY`): words and phrases a pattern may use interchangeably.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Synset {
    /// Name without `&` or trailing `_` (`CURRENCY`).
    pub name: Box<str>,
    /// Members, plurals included, nested synsets flattened; longest first.
    pub members: Vec<SynsetMember>,
    /// Where it is defined (`None` if only referenced: such patterns are dropped).
    pub origin: Option<Origin>,
    first: FxHashMap<WordId, Vec<u32>>,
}

impl Synset {
    /// Whether the single word `w` is a member.
    pub fn contains(&self, w: WordId) -> bool {
        self.first.get(&w).is_some_and(|ms| {
            ms.iter()
                .any(|&m| self.members[m as usize].words.len() == 1)
        })
    }

    /// The longest member starting at `words[i]`: its length in words.
    pub fn longest_at(&self, words: &[Option<WordId>], i: usize) -> Option<usize> {
        let w = words.get(i).copied().flatten()?;
        self.first
            .get(&w)?
            .iter()
            .map(|&m| &self.members[m as usize].words)
            .find_map(|m| {
                let end = i + m.len();
                (end <= words.len()
                    && words[i..end]
                        .iter()
                        .zip(m.iter())
                        .all(|(a, b)| *a == Some(*b)))
                .then_some(m.len())
            })
    }

    fn index(&mut self) {
        self.members
            .sort_by_key(|m| std::cmp::Reverse(m.words.len()));
        self.first.clear();
        for (k, m) in self.members.iter().enumerate() {
            if let Some(&w) = m.words.first() {
                self.first.entry(w).or_default().push(k as u32);
            }
        }
    }
}

/// Verb blocks, forms, synsets, patterns and transformations from one or more verb files.
#[derive(Clone, Debug, Default)]
pub struct VerbDictionary {
    blocks: Vec<VerbBlock>,
    block_index: FxHashMap<Box<str>, BlockId>,
    verbs: Vec<Verb>,
    forms: FxHashMap<WordId, Vec<VerbForm>>,
    synsets: Vec<Synset>,
    synset_index: FxHashMap<Box<str>, SynsetId>,
    patterns: Vec<VerbPattern>,
    transformations: Vec<Transformation>,
}

impl VerbDictionary {
    /// All blocks.
    pub fn blocks(&self) -> &[VerbBlock] {
        &self.blocks
    }

    /// A block.
    pub fn block(&self, id: BlockId) -> &VerbBlock {
        &self.blocks[id.index()]
    }

    /// The block called `name` (`ATTACK`).
    pub fn block_by_name(&self, name: &str) -> Option<&VerbBlock> {
        self.block_index.get(name).map(|&b| self.block(b))
    }

    /// All verbs.
    pub fn verbs(&self) -> &[Verb] {
        &self.verbs
    }

    /// A verb.
    pub fn verb(&self, id: VerbId) -> &Verb {
        &self.verbs[id.index()]
    }

    /// The verb whose lemma is `lemma` (`SAY`, `CALL OFF`; case-insensitive).
    pub fn verb_by_lemma(&self, lemma: &str) -> Option<&Verb> {
        let want = crate::lexicon::fold(&lemma.replace('_', " "));
        self.verbs.iter().find(|v| *v.lemma == *want)
    }

    /// All patterns.
    pub fn patterns(&self) -> &[VerbPattern] {
        &self.patterns
    }

    /// A pattern.
    pub fn pattern(&self, id: PatternId) -> &VerbPattern {
        &self.patterns[id.index()]
    }

    /// The patterns of a block, in file order.
    pub fn patterns_of(&self, block: BlockId) -> impl Iterator<Item = (PatternId, &VerbPattern)> {
        self.block(block)
            .patterns
            .iter()
            .map(|&p| (p, self.pattern(p)))
    }

    /// All synsets.
    pub fn synsets(&self) -> &[Synset] {
        &self.synsets
    }

    /// A synset.
    pub fn synset(&self, id: SynsetId) -> &Synset {
        &self.synsets[id.index()]
    }

    /// The synset called `name` (with or without `&`).
    pub fn synset_by_name(&self, name: &str) -> Option<&Synset> {
        let name = crate::lexicon::fold(name.trim_start_matches('&').trim_end_matches('_'));
        self.synset_index
            .get(name.as_str())
            .map(|&s| self.synset(s))
    }

    /// Transformation rules.
    pub fn transformations(&self) -> &[Transformation] {
        &self.transformations
    }

    /// Number of distinct verb words (inflected forms included).
    pub fn form_count(&self) -> usize {
        self.forms.values().map(Vec::len).sum()
    }

    /// Every form whose verb word is `word`, best first (longest multi-word context, then
    /// [`FormSource`] order).
    pub fn forms_of(&self, word: WordId) -> &[VerbForm] {
        self.forms.get(&word).map_or(&[], Vec::as_slice)
    }

    /// The verb whose verb word is `words[i]`, with the longest multi-word form whose
    /// other words are in place around it.
    pub fn verb_at(&self, words: &[Option<WordId>], i: usize) -> Option<VerbMatch<'_>> {
        let w = words.get(i).copied().flatten()?;
        self.forms.get(&w)?.iter().find_map(|f| {
            let start = i.checked_sub(f.before.len())?;
            let end = i + 1 + f.after.len();
            let ok = end <= words.len()
                && words[start..i]
                    .iter()
                    .zip(f.before.iter())
                    .all(|(a, b)| *a == Some(*b))
                && words[i + 1..end]
                    .iter()
                    .zip(f.after.iter())
                    .all(|(a, b)| *a == Some(*b));
            ok.then(|| {
                let verb = self.verb(f.verb);
                VerbMatch {
                    start,
                    len: end - start,
                    form: f,
                    verb,
                    block: self.block(verb.block),
                }
            })
        })
    }
}

#[cfg(test)]
mod tests;
