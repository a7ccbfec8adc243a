//! Countries, territories and regions (`countries.tsv`): codes, names, demonyms, capitals.

use serde::Serialize;

/// What a `countries.tsv` row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountryKind {
    /// A sovereign state.
    State,
    /// A dependent territory.
    Territory,
    /// A part of a state with its own code (West Bank, Gaza Strip, Baghdad).
    Subnational,
    /// A region (Middle East, Balkans, the West).
    Region,
    /// A state that no longer exists (USSR, Yugoslavia).
    Historical,
}

impl CountryKind {
    pub(crate) fn parse(s: &str) -> Option<CountryKind> {
        Some(match s {
            "state" => CountryKind::State,
            "territory" => CountryKind::Territory,
            "subnational" => CountryKind::Subnational,
            "region" => CountryKind::Region,
            "historical" => CountryKind::Historical,
            _ => return None,
        })
    }
}

/// A country, territory or region with its CAMEO code.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Country {
    /// CAMEO/ISO 3166-1 alpha-3 code (`IRN`), or a CAMEO region code (`MEA`).
    pub code: Box<str>,
    /// ISO 3166-1 alpha-2 code, when there is one.
    pub iso2: Option<Box<str>>,
    /// Common English name.
    pub name: Box<str>,
    /// Adjectives and demonyms, singular then plural (`Iranian`, `Iranians`).
    pub demonyms: Vec<Box<str>>,
    /// Other English names (`Persia`, `U.S.`, `DPRK`).
    pub alt_names: Vec<Box<str>>,
    /// Capital(s), official first.
    pub capitals: Vec<Box<str>>,
    /// State, territory, region, ...
    pub kind: CountryKind,
    /// The code GDELT uses when it differs from `code` (`ROM` for Romania), if any.
    pub gdelt_code: Option<Box<str>>,
    /// Endonyms and transliterations (matched only when asked for).
    pub native_names: Vec<Box<str>>,
    /// FIPS 10-4 code (GDELT's geography columns).
    pub fips: Option<Box<str>>,
    /// Line in `countries.tsv`.
    pub line: u32,
}

/// How a name matched a country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountryNameKind {
    /// The country's name or an English alternative name.
    Name,
    /// A demonym or adjective ("Iranian", "Iranians").
    Demonym,
    /// A capital used as a metonym ("Tehran").
    Capital,
    /// A native name ("Deutschland").
    Native,
}
