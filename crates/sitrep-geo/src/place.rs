//! Gazetteer records: a place, its kind, and the precision a mention resolves to.

use serde::{Deserialize, Serialize};

/// An ISO 3166 / CAMEO alpha-3 country code (`IRN`, `IRQ`, `USA`), stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct CountryCode([u8; 3]);

impl CountryCode {
    /// Parses three ASCII upper-case letters; `None` otherwise.
    pub fn new(code: &str) -> Option<CountryCode> {
        let b = code.as_bytes();
        if b.len() == 3 && b.iter().all(|c| c.is_ascii_uppercase()) {
            Some(CountryCode([b[0], b[1], b[2]]))
        } else {
            None
        }
    }

    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        // Only ASCII upper-case letters get in (see `new`), so this never fails.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.as_str())
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.as_str().to_string()
    }
}

impl TryFrom<String> for CountryCode {
    type Error = String;
    fn try_from(s: String) -> Result<CountryCode, String> {
        CountryCode::new(&s).ok_or_else(|| format!("not an alpha-3 country code: {s:?}"))
    }
}

/// What kind of gazetteer entry a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A sovereign state or dependent territory.
    Country,
    /// A first-level administrative division (state, province, governorate, oblast).
    Admin1,
    /// A populated place.
    City,
    /// A region that is not an administrative unit ("West Asia", "Iraqi Kurdistan").
    Region,
    /// A sea, gulf, strait or other water body ("the Persian Gulf").
    Water,
}

impl PlaceKind {
    /// The kind as written in the gazetteer files and the output.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Water => "water",
        }
    }

    /// Parses the written form.
    pub fn parse(s: &str) -> Option<PlaceKind> {
        [
            PlaceKind::Country,
            PlaceKind::Admin1,
            PlaceKind::City,
            PlaceKind::Region,
            PlaceKind::Water,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// The precision a plain mention of this kind of place has.
    pub fn precision(self) -> Precision {
        match self {
            PlaceKind::Country => Precision::Country,
            PlaceKind::Admin1 => Precision::Admin1,
            PlaceKind::City => Precision::City,
            PlaceKind::Region | PlaceKind::Water => Precision::Region,
        }
    }
}

/// How precisely a mention locates something: the `precision` of an event location.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A city or town.
    City,
    /// A first-level division.
    Admin1,
    /// A whole country.
    Country,
    /// A region: part of a country ("northern Iraq"), several countries, or a water body.
    Region,
}

impl Precision {
    /// The precision as written in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::City => "city",
            Precision::Admin1 => "admin1",
            Precision::Country => "country",
            Precision::Region => "region",
        }
    }
}

/// A point in degrees (WGS84, as GeoNames gives it).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// GeoNames id; for curated regions, the id of the entry that represents them (their
    /// country), or `None` for regions spanning several countries.
    pub geonameid: Option<u32>,
    /// Preferred English name.
    pub name: String,
    /// What the entry is.
    pub kind: PlaceKind,
    /// Country (alpha-3); `None` for regions and water bodies spanning several countries.
    pub country: Option<CountryCode>,
    /// First-level division code within the country (GeoNames `admin1_code`, e.g. `08`).
    pub admin1: Option<String>,
    /// Representative point: the place itself for cities; the capital or largest town for
    /// countries and divisions; a hand-picked centre for regions. `None` when no town is known.
    pub coord: Option<LatLon>,
    /// Population (for divisions: the summed population of their towns; 0 when unknown).
    pub population: u64,
}
