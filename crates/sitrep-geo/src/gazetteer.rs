//! The gazetteer: places from GeoNames plus curated regions, indexed by normalised name.
//!
//! Loaded from the files embedded from `data/geo/` (built by `sitrep build-gazetteer`) or from
//! any text in the same format. Lookup is a hash of name keys (see [`crate::normalize`]); every
//! proper prefix of a name is in the index too, so a scan over tokens can stop as soon as no
//! name continues.

use std::sync::OnceLock;

use crate::builder::GAZETTEER_COLUMNS;
use crate::hash::{FxHashMap, FxHashSet};
use crate::normalize::key;
use crate::place::{CountryCode, LatLon, Place, PlaceKind};
use crate::words::{rows, ToponymWords};
use crate::Error;

/// Index of a place in its [`Gazetteer`].
pub type PlaceId = u32;

const GAZETTEER: &str = include_str!("../../../data/geo/gazetteer.tsv");
const REGIONS: &str = include_str!("../../../data/geo/regions.tsv");
const COMMON_WORDS: &str = include_str!("../../../data/geo/common_words.tsv");

/// One way of naming a place, as found in the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMatch {
    /// The place.
    pub id: PlaceId,
    /// True when the key is the place's own name, false for an alternate name.
    pub primary: bool,
}

/// Index entry of one name key.
#[derive(Debug, Default)]
pub(crate) struct NameEntry {
    /// Places with this name (empty when the key is only a prefix of longer names).
    pub(crate) places: Vec<NameMatch>,
    /// True when a longer name starts with this key.
    pub(crate) prefix: bool,
}

/// Places, their names, demonyms and the word lists the recogniser needs.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    names: FxHashMap<Box<str>, NameEntry>,
    demonyms: FxHashMap<String, PlaceId>,
    capital_of: FxHashMap<PlaceId, PlaceId>,
    countries: FxHashMap<CountryCode, PlaceId>,
    admin1: FxHashMap<(CountryCode, String), PlaceId>,
    geonameids: FxHashMap<u32, PlaceId>,
    common: FxHashSet<String>,
    words: ToponymWords,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary, loaded once on first use and shared.
    pub fn embedded() -> Result<&'static Gazetteer, &'static Error> {
        static GAZ: OnceLock<Result<Gazetteer, Error>> = OnceLock::new();
        GAZ.get_or_init(|| {
            Gazetteer::parse(GAZETTEER, REGIONS, COMMON_WORDS, ToponymWords::embedded()?)
        })
        .as_ref()
    }

    /// Builds a gazetteer from the text of the three data files and the word lists.
    pub fn parse(
        gazetteer: &str,
        regions: &str,
        common_words: &str,
        words: ToponymWords,
    ) -> Result<Gazetteer, Error> {
        let mut g = Gazetteer {
            places: Vec::with_capacity(40_000),
            names: FxHashMap::with_capacity_and_hasher(160_000, Default::default()),
            demonyms: FxHashMap::default(),
            capital_of: FxHashMap::default(),
            countries: FxHashMap::default(),
            admin1: FxHashMap::default(),
            geonameids: FxHashMap::with_capacity_and_hasher(40_000, Default::default()),
            common: FxHashSet::default(),
            words,
        };
        let mut capitals: Vec<(PlaceId, u32)> = Vec::new();
        let file = "data/geo/gazetteer.tsv";
        let mut header_seen = false;
        for (line, f) in rows(gazetteer) {
            if !header_seen {
                if f.join("\t") != GAZETTEER_COLUMNS {
                    return Err(Error::data(
                        file,
                        line,
                        "header does not match the expected columns",
                    ));
                }
                header_seen = true;
                continue;
            }
            if f.len() != 11 {
                return Err(Error::data(
                    file,
                    line,
                    format!("expected 11 fields, found {}", f.len()),
                ));
            }
            let kind = PlaceKind::parse(f[0])
                .ok_or_else(|| Error::data(file, line, format!("unknown kind {:?}", f[0])))?;
            let geonameid: u32 = f[1]
                .parse()
                .map_err(|_| Error::data(file, line, format!("bad geonameid {:?}", f[1])))?;
            let country = CountryCode::new(f[3])
                .ok_or_else(|| Error::data(file, line, format!("bad country code {:?}", f[3])))?;
            let coord = parse_coord(f[5], f[6]).map_err(|m| Error::data(file, line, m))?;
            let population = f[7].parse().unwrap_or(0);
            let place = Place {
                geonameid: Some(geonameid),
                name: f[2].to_string(),
                kind,
                country: Some(country),
                admin1: (!f[4].is_empty()).then(|| f[4].to_string()),
                coord,
                population,
            };
            let id = g.push(place, f[9].split('|').filter(|s| !s.is_empty()));
            g.geonameids.entry(geonameid).or_insert(id);
            match kind {
                PlaceKind::Country => {
                    g.countries.entry(country).or_insert(id);
                    for d in f[10].split('|').filter(|s| !s.is_empty()) {
                        g.demonyms.entry(key(d)).or_insert(id);
                    }
                    if let Ok(cap) = f[8].parse::<u32>() {
                        capitals.push((id, cap));
                    }
                }
                PlaceKind::Admin1 => {
                    g.admin1.entry((country, f[4].to_string())).or_insert(id);
                }
                _ => {}
            }
        }
        if !header_seen {
            return Err(Error::data(file, 1, "no header row"));
        }
        for (country, cap) in capitals {
            if let Some(&city) = g.geonameids.get(&cap) {
                g.capital_of.insert(city, country);
            }
        }
        g.add_regions(regions)?;
        for (_, f) in rows(common_words) {
            if let Some(k) = f.first() {
                g.common.insert((*k).to_string());
            }
        }
        Ok(g)
    }

    fn add_regions(&mut self, text: &str) -> Result<(), Error> {
        let file = "data/geo/regions.tsv";
        let mut header_seen = false;
        for (line, f) in rows(text) {
            if !header_seen {
                header_seen = true;
                continue;
            }
            if f.len() != 6 {
                return Err(Error::data(
                    file,
                    line,
                    format!("expected 6 fields, found {}", f.len()),
                ));
            }
            let kind = match PlaceKind::parse(f[2]) {
                Some(k @ (PlaceKind::Region | PlaceKind::Water)) => k,
                _ => {
                    return Err(Error::data(
                        file,
                        line,
                        format!("kind must be region or water, not {:?}", f[2]),
                    ))
                }
            };
            let country = match f[3].trim() {
                "" => None,
                c => Some(
                    CountryCode::new(c)
                        .ok_or_else(|| Error::data(file, line, format!("bad country {c:?}")))?,
                ),
            };
            let geonameid = match country {
                Some(c) => {
                    let Some(&cid) = self.countries.get(&c) else {
                        return Err(Error::data(
                            file,
                            line,
                            format!("country {c} is not in the gazetteer"),
                        ));
                    };
                    self.places[cid as usize].geonameid
                }
                None => None,
            };
            let coord = parse_coord(f[4], f[5]).map_err(|m| Error::data(file, line, m))?;
            let place = Place {
                geonameid,
                name: f[0].to_string(),
                kind,
                country,
                admin1: None,
                coord,
                population: 0,
            };
            self.push(place, f[1].split('|').filter(|s| !s.is_empty()));
        }
        Ok(())
    }

    fn push<'a>(&mut self, place: Place, alternates: impl Iterator<Item = &'a str>) -> PlaceId {
        let id = self.places.len() as PlaceId;
        let primary = key(&place.name);
        self.index(&primary, NameMatch { id, primary: true });
        for a in alternates {
            let k = key(a);
            if k != primary {
                self.index(&k, NameMatch { id, primary: false });
            }
        }
        self.places.push(place);
        id
    }

    fn index(&mut self, k: &str, m: NameMatch) {
        if k.is_empty() {
            return;
        }
        match self.names.get_mut(k) {
            Some(e) => {
                if !e.places.iter().any(|p| p.id == m.id) {
                    e.places.push(m);
                }
            }
            None => {
                self.names.insert(
                    k.into(),
                    NameEntry {
                        places: vec![m],
                        prefix: false,
                    },
                );
            }
        }
        let mut end = k.len();
        while let Some(i) = k[..end].rfind(' ') {
            end = i;
            match self.names.get_mut(&k[..end]) {
                Some(e) if e.prefix => break,
                Some(e) => e.prefix = true,
                None => {
                    self.names.insert(
                        k[..end].into(),
                        NameEntry {
                            places: Vec::new(),
                            prefix: true,
                        },
                    );
                }
            }
        }
    }

    /// The place with this index.
    pub fn place(&self, id: PlaceId) -> Option<&Place> {
        self.places.get(id as usize)
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when there are no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place with this GeoNames id.
    pub fn by_geonameid(&self, geonameid: u32) -> Option<&Place> {
        self.geonameids.get(&geonameid).and_then(|&i| self.place(i))
    }

    /// Index entry of a name key (crate-internal scanning API).
    pub(crate) fn entry(&self, key: &str) -> Option<&NameEntry> {
        self.names.get(key)
    }

    /// All places a name can refer to, with whether it is their own name.
    pub fn lookup(&self, name: &str) -> Vec<(&Place, NameMatch)> {
        match self.names.get(key(name).as_str()) {
            Some(e) => e
                .places
                .iter()
                .filter_map(|m| self.place(m.id).map(|p| (p, *m)))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The country entry of an alpha-3 code.
    pub fn country(&self, code: CountryCode) -> Option<&Place> {
        self.countries.get(&code).and_then(|&i| self.place(i))
    }

    /// The first-level division a place lies in (itself for a division).
    pub fn admin1_of(&self, place: &Place) -> Option<&Place> {
        let (c, a) = (place.country?, place.admin1.as_ref()?);
        self.admin1
            .get(&(c, a.clone()))
            .and_then(|&i| self.place(i))
    }

    /// The country whose capital this place is ("Tehran" → Iran), for capitals used as actors.
    pub fn capital_of(&self, id: PlaceId) -> Option<&Place> {
        self.capital_of.get(&id).and_then(|&c| self.place(c))
    }

    /// The country a demonym names ("Iranian", "Iraqis" → the country entry).
    pub fn demonym(&self, word: &str) -> Option<&Place> {
        self.demonym_id(&key(word)).and_then(|i| self.place(i))
    }

    /// Demonym lookup by key.
    pub(crate) fn demonym_id(&self, key: &str) -> Option<PlaceId> {
        self.demonyms.get(key).copied()
    }

    /// True when English mostly writes this word in lower case ("nice", "mobile", "in").
    pub(crate) fn is_common_word(&self, key: &str) -> bool {
        self.common.contains(key)
    }

    /// The word lists the recogniser uses.
    pub fn words(&self) -> &ToponymWords {
        &self.words
    }

    /// A place for a word or name the event coder treats as an actor: a demonym ("Iranian"),
    /// a country name ("Iran", "the United States") or a capital ("Tehran", "Washington").
    /// Countries win over cities; among cities a national capital, then the largest. The text
    /// is matched whole; `None` when it names no country or city.
    pub fn actor_place(&self, text: &str) -> Option<&Place> {
        let k = key(text
            .trim()
            .trim_start_matches("the ")
            .trim_start_matches("The "));
        if let Some(p) = self.demonym_id(&k).and_then(|i| self.place(i)) {
            return Some(p);
        }
        let e = self.names.get(k.as_str())?;
        e.places
            .iter()
            .filter_map(|m| self.place(m.id).map(|p| (m, p)))
            .filter(|(_, p)| matches!(p.kind, PlaceKind::Country | PlaceKind::City))
            .max_by_key(|(m, p)| {
                let rank = match p.kind {
                    PlaceKind::Country => 3,
                    _ if self.capital_of.contains_key(&m.id) => 2,
                    _ => 1,
                };
                (rank, m.primary, p.population)
            })
            .map(|(_, p)| p)
    }
}

fn parse_coord(lat: &str, lon: &str) -> Result<Option<LatLon>, String> {
    if lat.trim().is_empty() && lon.trim().is_empty() {
        return Ok(None);
    }
    let lat: f64 = lat
        .trim()
        .parse()
        .map_err(|_| format!("bad latitude {lat:?}"))?;
    let lon: f64 = lon
        .trim()
        .parse()
        .map_err(|_| format!("bad longitude {lon:?}"))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("coordinates out of range: {lat}, {lon}"));
    }
    Ok(Some(LatLon { lat, lon }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = "# test\n\
        kind\tgeonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\talternates\tdemonyms\n\
        country\t130758\tIran\tIRN\t\t35.69\t51.42\t77000000\t112931\tIslamic Republic of Iran|Persia\tIranian|Iranians\n\
        admin1\t110791\tTehran\tIRN\t26\t35.69\t51.42\t9000000\t\t\t\n\
        city\t112931\tTehran\tIRN\t26\t35.69\t51.42\t7153309\t\tTeheran\t\n";

    fn mini() -> Gazetteer {
        let regions = "name\taliases\tkind\tcountry\tlat\tlon\nIraqi Kurdistan\tKurdistan\tregion\tIRN\t36\t44\n";
        Gazetteer::parse(MINI, regions, "nice\t10\t1\n", ToponymWords::default()).expect("parse")
    }

    #[test]
    fn names_and_prefixes() {
        let g = mini();
        assert_eq!(g.lookup("Tehran").len(), 2);
        assert_eq!(g.lookup("TEHERAN")[0].0.geonameid, Some(112931));
        assert!(g
            .entry("islamic republic of")
            .is_some_and(|e| e.prefix && e.places.is_empty()));
        assert_eq!(g.demonym("Iranians").map(|p| p.name.as_str()), Some("Iran"));
        assert!(g.is_common_word("nice"));
        let k = g.lookup("Kurdistan");
        assert_eq!(k[0].0.kind, PlaceKind::Region);
        assert_eq!(
            k[0].0.geonameid,
            Some(130758),
            "a region takes its country's id"
        );
    }

    #[test]
    fn actor_places() {
        let g = mini();
        assert_eq!(
            g.actor_place("Tehran").and_then(|p| p.geonameid),
            Some(112931)
        );
        assert_eq!(
            g.actor_place("Iranian").and_then(|p| p.geonameid),
            Some(130758)
        );
        assert_eq!(
            g.actor_place("Persia").map(|p| p.kind),
            Some(PlaceKind::Country)
        );
        let tehran = g.geonameids[&112931];
        assert_eq!(g.capital_of(tehran).map(|p| p.name.as_str()), Some("Iran"));
        assert!(g.actor_place("Atlantis").is_none());
    }

    #[test]
    fn errors_name_the_line() {
        let bad = MINI.replace("\t35.69\t51.42\t7153309", "\tx\t51.42\t7153309");
        let err = Gazetteer::parse(&bad, "", "", ToponymWords::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "data/geo/gazetteer.tsv:5: bad latitude \"x\""
        );
        let err = Gazetteer::parse("kind\tx\n", "", "", ToponymWords::default()).unwrap_err();
        assert!(err.to_string().contains(":1: header"));
        let regions = "h\nX\t\tregion\tZZZ\t1\t2\n";
        let err = Gazetteer::parse(MINI, regions, "", ToponymWords::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "data/geo/regions.tsv:2: country ZZZ is not in the gazetteer"
        );
    }

    #[test]
    fn embedded_loads() {
        let g = Gazetteer::embedded().expect("embedded gazetteer");
        assert!(g.len() > 30_000);
        let tehran = g.by_geonameid(112931).expect("Tehran");
        assert_eq!(
            tehran.country.map(|c| c.to_string()).as_deref(),
            Some("IRN")
        );
    }
}
