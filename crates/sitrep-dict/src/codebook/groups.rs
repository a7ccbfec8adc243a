//! Actor-code tables besides countries: sector types, known groups, ethnic groups, religions.

use serde::Serialize;

/// A CAMEO actor type (role or sector) code: `GOV`, `MIL`, `REB`, ... (`cameo_actor_types.tsv`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActorType {
    /// Three-letter code.
    pub code: Box<str>,
    /// Name.
    pub name: Box<str>,
    /// Which list the code comes from.
    pub source: Box<str>,
}

/// What kind of organisation a known group is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// Intergovernmental organisation.
    Igo,
    /// Non-governmental organisation.
    Ngo,
    /// Armed group.
    Armed,
    /// Political party.
    Party,
    /// Movement.
    Movement,
    /// Anything else.
    Other,
}

impl GroupKind {
    pub(crate) fn parse(s: &str) -> Option<GroupKind> {
        Some(match s {
            "igo" => GroupKind::Igo,
            "ngo" => GroupKind::Ngo,
            "armed" => GroupKind::Armed,
            "party" => GroupKind::Party,
            "movement" => GroupKind::Movement,
            "other" => GroupKind::Other,
            _ => return None,
        })
    }
}

/// A CAMEO known-group code (`NAT` NATO, `HMS` Hamas) with its aliases (`known_groups.tsv`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KnownGroup {
    /// Three-letter code.
    pub code: Box<str>,
    /// Name.
    pub name: Box<str>,
    /// Kind of group.
    pub kind: GroupKind,
    /// Names, acronyms and spellings seen in news.
    pub aliases: Vec<Box<str>>,
}

/// A CAMEO ethnic code (`cameo_ethnic.tsv`); codes are not unique (see the table's notes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EthnicGroup {
    /// Code, lower case as GDELT writes it (a few are upper case).
    pub code: Box<str>,
    /// Name.
    pub name: Box<str>,
    /// Words that name the group in text (adjectives, plurals), when curated.
    pub forms: Vec<Box<str>>,
}

/// A CAMEO religion code (`cameo_religion.tsv`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Religion {
    /// GDELT code (`MOS`).
    pub code: Box<str>,
    /// Name.
    pub name: Box<str>,
    /// Words that name it in text.
    pub forms: Vec<Box<str>>,
    /// The code the Phoenix dictionaries use instead (`MUS`, `CHRCTH`), if any.
    pub phoenix_code: Option<Box<str>>,
}
