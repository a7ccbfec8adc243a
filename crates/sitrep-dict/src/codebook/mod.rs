//! CAMEO and PLOVER codebooks: event codes, actor codes, countries, groups, religions.
//!
//! Loaded from the TSV tables in `data/dict/` (embedded) or from user files with the same
//! columns. Lookups are by code, and for countries and groups also by name, demonym and
//! capital; [`Codebook::is_valid_actor_code`] checks composite actor codes piece by piece.

mod countries;
mod events;
mod groups;
mod names;
mod tsv;

use std::sync::Arc;

pub use countries::{Country, CountryKind, CountryNameKind};
pub use events::{code_root, EventCode, PloverEntry, PloverKind, QuadClass};
pub use groups::{ActorType, EthnicGroup, GroupKind, KnownGroup, Religion};

use crate::embedded;
use crate::error::{Diagnostic, Error};
use crate::hash::{FxHashMap, FxHashSet};
use crate::source::DictSource;
use names::NameIndex;
use tsv::Table;

/// Where each codebook table comes from.
#[derive(Clone, Debug)]
pub struct CodebookSources {
    /// `cameo_events.tsv`.
    pub events: DictSource,
    /// `plover.tsv`.
    pub plover: DictSource,
    /// `cameo_actor_types.tsv`.
    pub actor_types: DictSource,
    /// `countries.tsv`.
    pub countries: DictSource,
    /// `known_groups.tsv`.
    pub known_groups: DictSource,
    /// `cameo_ethnic.tsv`.
    pub ethnic: DictSource,
    /// `cameo_religion.tsv`.
    pub religion: DictSource,
}

impl Default for CodebookSources {
    /// The tables embedded in the binary.
    fn default() -> Self {
        CodebookSources {
            events: embedded::CAMEO_EVENTS,
            plover: embedded::PLOVER,
            actor_types: embedded::CAMEO_ACTOR_TYPES,
            countries: embedded::COUNTRIES,
            known_groups: embedded::KNOWN_GROUPS,
            ethnic: embedded::CAMEO_ETHNIC,
            religion: embedded::CAMEO_RELIGION,
        }
    }
}

/// The CAMEO/PLOVER codebooks with their indexes.
#[derive(Clone, Debug, Default)]
pub struct Codebook {
    events: Vec<EventCode>,
    event_index: FxHashMap<Box<str>, u32>,
    plover: Vec<PloverEntry>,
    actor_types: Vec<ActorType>,
    actor_type_index: FxHashMap<Box<str>, u32>,
    countries: Vec<Country>,
    country_index: FxHashMap<Box<str>, u32>,
    iso2_index: FxHashMap<Box<str>, u32>,
    country_names: NameIndex,
    demonyms: NameIndex,
    capitals: NameIndex,
    native_names: NameIndex,
    groups: Vec<KnownGroup>,
    group_index: FxHashMap<Box<str>, u32>,
    group_aliases: NameIndex,
    ethnic: Vec<EthnicGroup>,
    ethnic_forms: NameIndex,
    religions: Vec<Religion>,
    religion_index: FxHashMap<Box<str>, u32>,
    religion_forms: NameIndex,
    /// Every three-letter piece a composite actor code may contain.
    pieces: FxHashSet<[u8; 3]>,
}

impl Codebook {
    /// Load the codebooks; malformed rows are skipped and reported.
    pub fn load(sources: &CodebookSources) -> Result<(Codebook, Vec<Diagnostic>), Error> {
        let mut diags = Vec::new();
        let mut cb = Codebook::default();
        let (name, text) = sources.events.read(&mut diags)?;
        cb.read_events(&name, &text, &mut diags);
        let (name, text) = sources.plover.read(&mut diags)?;
        cb.read_plover(&name, &text, &mut diags);
        let (name, text) = sources.actor_types.read(&mut diags)?;
        cb.read_actor_types(&name, &text, &mut diags);
        let (name, text) = sources.countries.read(&mut diags)?;
        cb.read_countries(&name, &text, &mut diags);
        let (name, text) = sources.known_groups.read(&mut diags)?;
        cb.read_groups(&name, &text, &mut diags);
        let (name, text) = sources.ethnic.read(&mut diags)?;
        cb.read_ethnic(&name, &text, &mut diags);
        let (name, text) = sources.religion.read(&mut diags)?;
        cb.read_religions(&name, &text, &mut diags);
        cb.collect_pieces();
        Ok((cb, diags))
    }

    /// The embedded codebooks.
    pub fn embedded() -> (Codebook, Vec<Diagnostic>) {
        // Embedded sources cannot fail to read.
        Codebook::load(&CodebookSources::default()).unwrap_or_default()
    }

    fn read_events(&mut self, name: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) {
        let table = Table::parse(
            name,
            text,
            &["code", "name", "goldstein", "quad_class"],
            diags,
        );
        for row in table.rows() {
            let code = row.get("code");
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("bad event code {code:?}; row skipped"),
                ));
                continue;
            }
            let Ok(goldstein) = row.get("goldstein").parse::<f64>() else {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    "goldstein is not a number; row skipped",
                ));
                continue;
            };
            let Some(quad_class) = row
                .get("quad_class")
                .parse::<u8>()
                .ok()
                .and_then(QuadClass::from_number)
            else {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    "quad_class is not 1-4; row skipped",
                ));
                continue;
            };
            let opt = |s: &str| (!s.is_empty()).then(|| Box::from(s));
            let ev = EventCode {
                code: code.into(),
                name: row.get("name").into(),
                goldstein,
                quad_class,
                plover: opt(row.get("plover")),
                plover_mode: opt(row.get("plover_mode")),
                plover_context: row.list("plover_context"),
                line: row.line,
            };
            if self
                .event_index
                .insert(code.into(), self.events.len() as u32)
                .is_some()
            {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("event code {code} repeated; later row wins"),
                ));
            }
            self.events.push(ev);
        }
    }

    fn read_plover(&mut self, name: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) {
        let table = Table::parse(name, text, &["kind", "event_type", "name"], diags);
        for row in table.rows() {
            let kind = match row.get("kind") {
                "event" => PloverKind::Event,
                "mode" => PloverKind::Mode,
                "context" => PloverKind::Context,
                "auxiliary" => PloverKind::Auxiliary,
                k => {
                    diags.push(Diagnostic::new(
                        name,
                        row.line,
                        format!("unknown kind {k:?}; row skipped"),
                    ));
                    continue;
                }
            };
            self.plover.push(PloverEntry {
                kind,
                event_type: row.get("event_type").into(),
                name: row.get("name").into(),
                quad_class: row
                    .get("quad_class")
                    .parse::<u8>()
                    .ok()
                    .and_then(QuadClass::from_number),
                requires_recipient: match row.get("requires_recipient") {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                },
                score: row.get("plover_score").parse().ok(),
                definition: row.get("definition").into(),
            });
        }
    }

    fn read_actor_types(&mut self, name: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) {
        let table = Table::parse(name, text, &["code", "name"], diags);
        for row in table.rows() {
            let code = row.get("code");
            if !is_piece(code) {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("bad actor type {code:?}; row skipped"),
                ));
                continue;
            }
            self.actor_type_index
                .insert(code.into(), self.actor_types.len() as u32);
            self.actor_types.push(ActorType {
                code: code.into(),
                name: row.get("name").into(),
                source: row.get("source").into(),
            });
        }
    }

    fn read_countries(&mut self, name: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) {
        let table = Table::parse(
            name,
            text,
            &["code", "name", "demonyms", "capital", "kind"],
            diags,
        );
        for row in table.rows() {
            let code = row.get("code");
            if !is_piece(code) {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("bad country code {code:?}; row skipped"),
                ));
                continue;
            }
            let Some(kind) = CountryKind::parse(row.get("kind")) else {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("unknown kind {:?}; row skipped", row.get("kind")),
                ));
                continue;
            };
            let opt = |s: &str| (!s.is_empty()).then(|| Box::from(s));
            let c = Country {
                code: code.into(),
                iso2: opt(row.get("iso2")),
                name: row.get("name").into(),
                demonyms: row.list("demonyms"),
                alt_names: row.list("alt_names"),
                capitals: row.list("capital"),
                kind,
                gdelt_code: opt(row.get("gdelt_code")),
                native_names: row.list("native_names"),
                fips: opt(row.get("fips")),
                line: row.line,
            };
            let idx = self.countries.len() as u32;
            if self.country_index.insert(code.into(), idx).is_some() {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("country code {code} repeated; later row wins"),
                ));
            }
            if let Some(iso2) = &c.iso2 {
                self.iso2_index.entry(iso2.clone()).or_insert(idx);
            }
            self.country_names.add(&c.name, idx);
            for n in &c.alt_names {
                self.country_names.add(n, idx);
            }
            for n in &c.demonyms {
                self.demonyms.add(n, idx);
            }
            for n in &c.capitals {
                self.capitals.add(n, idx);
            }
            for n in &c.native_names {
                self.native_names.add(n, idx);
            }
            self.countries.push(c);
        }
    }

    fn read_groups(&mut self, name: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) {
        let table = Table::parse(name, text, &["code", "name", "kind"], diags);
        for row in table.rows() {
            let code = row.get("code");
            let Some(kind) = GroupKind::parse(row.get("kind")) else {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("unknown kind {:?}; row skipped", row.get("kind")),
                ));
                continue;
            };
            if !is_piece(code) {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("bad group code {code:?}; row skipped"),
                ));
                continue;
            }
            let idx = self.groups.len() as u32;
            let g = KnownGroup {
                code: code.into(),
                name: row.get("name").into(),
                kind,
                aliases: row.list("aliases"),
            };
            self.group_index.insert(code.into(), idx);
            self.group_aliases.add(&g.name, idx);
            for a in &g.aliases {
                self.group_aliases.add(a, idx);
            }
            self.groups.push(g);
        }
    }

    fn read_ethnic(&mut self, name: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) {
        let table = Table::parse(name, text, &["code", "name"], diags);
        for row in table.rows() {
            let code = row.get("code");
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("bad ethnic code {code:?}; row skipped"),
                ));
                continue;
            }
            let idx = self.ethnic.len() as u32;
            let e = EthnicGroup {
                code: code.into(),
                name: row.get("name").into(),
                forms: row.list("forms"),
            };
            for f in &e.forms {
                self.ethnic_forms.add(f, idx);
            }
            self.ethnic.push(e);
        }
    }

    fn read_religions(&mut self, name: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) {
        let table = Table::parse(name, text, &["code", "name"], diags);
        for row in table.rows() {
            let code = row.get("code");
            if !is_piece(code) {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("bad religion code {code:?}; row skipped"),
                ));
                continue;
            }
            let phoenix = row.get("phoenix_code");
            if !phoenix.is_empty() && !is_composite(phoenix) {
                diags.push(Diagnostic::new(
                    name,
                    row.line,
                    format!("bad phoenix_code {phoenix:?}; row skipped"),
                ));
                continue;
            }
            let idx = self.religions.len() as u32;
            let r = Religion {
                code: code.into(),
                name: row.get("name").into(),
                forms: row.list("forms"),
                phoenix_code: (!phoenix.is_empty()).then(|| phoenix.into()),
            };
            self.religion_index.insert(code.into(), idx);
            for f in &r.forms {
                self.religion_forms.add(f, idx);
            }
            self.religions.push(r);
        }
    }

    fn collect_pieces(&mut self) {
        let mut add = |code: &str| {
            for chunk in code.as_bytes().chunks(3) {
                if let Ok(p) = <[u8; 3]>::try_from(chunk) {
                    self.pieces.insert(p.map(|b| b.to_ascii_uppercase()));
                }
            }
        };
        self.countries.iter().for_each(|c| add(&c.code));
        self.countries
            .iter()
            .filter_map(|c| c.gdelt_code.as_deref())
            .for_each(&mut add);
        self.actor_types.iter().for_each(|t| add(&t.code));
        self.groups.iter().for_each(|g| add(&g.code));
        self.religions.iter().for_each(|r| add(&r.code));
        self.religions
            .iter()
            .filter_map(|r| r.phoenix_code.as_deref())
            .for_each(&mut add);
        self.ethnic.iter().for_each(|e| add(&e.code));
    }

    /// The event code `code` (`0312`, `190`).
    pub fn event(&self, code: &str) -> Option<&EventCode> {
        self.event_index
            .get(code)
            .map(|&i| &self.events[i as usize])
    }

    /// Whether `code` is a CAMEO event code in the table.
    pub fn is_valid_event_code(&self, code: &str) -> bool {
        self.event_index.contains_key(code)
    }

    /// All event codes, in table order.
    pub fn events(&self) -> &[EventCode] {
        &self.events
    }

    /// All PLOVER rows.
    pub fn plover(&self) -> &[PloverEntry] {
        &self.plover
    }

    /// The PLOVER event type `name` (`ASSAULT`).
    pub fn plover_event(&self, name: &str) -> Option<&PloverEntry> {
        self.plover
            .iter()
            .find(|p| p.kind == PloverKind::Event && &*p.name == name)
    }

    /// The actor type (sector) `code` (`GOV`).
    pub fn actor_type(&self, code: &str) -> Option<&ActorType> {
        self.actor_type_index
            .get(code)
            .map(|&i| &self.actor_types[i as usize])
    }

    /// All actor types.
    pub fn actor_types(&self) -> &[ActorType] {
        &self.actor_types
    }

    /// The country or region with CAMEO code `code` (`IRN`, `MEA`).
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index
            .get(code)
            .map(|&i| &self.countries[i as usize])
    }

    /// The country with ISO 3166-1 alpha-2 code `iso2`.
    pub fn country_by_iso2(&self, iso2: &str) -> Option<&Country> {
        self.iso2_index
            .get(iso2)
            .map(|&i| &self.countries[i as usize])
    }

    /// All countries, territories and regions.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    fn resolve<'a>(&'a self, idx: &'a [u32]) -> impl Iterator<Item = &'a Country> + 'a {
        idx.iter().map(|&i| &self.countries[i as usize])
    }

    /// Countries called `name` ("Iran", "Persia", "U.S."): all of them when ambiguous.
    pub fn countries_by_name<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a Country> + 'a {
        self.resolve(self.country_names.get(name))
    }

    /// The country called `name`; the first listed when ambiguous.
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        self.countries_by_name(name).next()
    }

    /// Countries with demonym `word` ("Iranian", "Iranians", "Congolese" gives two).
    pub fn countries_by_demonym<'a>(
        &'a self,
        word: &str,
    ) -> impl Iterator<Item = &'a Country> + 'a {
        self.resolve(self.demonyms.get(word))
    }

    /// The country with demonym `word`; the first listed when ambiguous.
    pub fn country_by_demonym(&self, word: &str) -> Option<&Country> {
        self.countries_by_demonym(word).next()
    }

    /// The country whose capital is `city` ("Tehran").
    pub fn country_by_capital(&self, city: &str) -> Option<&Country> {
        self.resolve(self.capitals.get(city)).next()
    }

    /// The country with native name `name` ("Deutschland").
    pub fn country_by_native_name(&self, name: &str) -> Option<&Country> {
        self.resolve(self.native_names.get(name)).next()
    }

    /// The country `text` refers to by name, demonym or capital (in that order of
    /// preference; native names are not tried), and how it matched.
    pub fn country_by_any(&self, text: &str) -> Option<(&Country, CountryNameKind)> {
        self.country_by_name(text)
            .map(|c| (c, CountryNameKind::Name))
            .or_else(|| {
                self.country_by_demonym(text)
                    .map(|c| (c, CountryNameKind::Demonym))
            })
            .or_else(|| {
                self.country_by_capital(text)
                    .map(|c| (c, CountryNameKind::Capital))
            })
    }

    /// The known group with code `code` (`NAT`).
    pub fn known_group(&self, code: &str) -> Option<&KnownGroup> {
        self.group_index
            .get(code)
            .map(|&i| &self.groups[i as usize])
    }

    /// The known group called `name` (its name or an alias: "NATO", "Hezbollah").
    pub fn known_group_by_name(&self, name: &str) -> Option<&KnownGroup> {
        self.group_aliases
            .get(name)
            .first()
            .map(|&i| &self.groups[i as usize])
    }

    /// All known groups.
    pub fn known_groups(&self) -> &[KnownGroup] {
        &self.groups
    }

    /// Ethnic groups named by `word` ("Kurdish", "Kurds").
    pub fn ethnic_groups_by_form<'a>(
        &'a self,
        word: &str,
    ) -> impl Iterator<Item = &'a EthnicGroup> + 'a {
        self.ethnic_forms
            .get(word)
            .iter()
            .map(|&i| &self.ethnic[i as usize])
    }

    /// All ethnic codes.
    pub fn ethnic_groups(&self) -> &[EthnicGroup] {
        &self.ethnic
    }

    /// The religion with GDELT code `code` (`MOS`).
    pub fn religion(&self, code: &str) -> Option<&Religion> {
        self.religion_index
            .get(code)
            .map(|&i| &self.religions[i as usize])
    }

    /// The religion named by `word` ("Muslim", "Shiite").
    pub fn religion_by_form(&self, word: &str) -> Option<&Religion> {
        self.religion_forms
            .get(word)
            .first()
            .map(|&i| &self.religions[i as usize])
    }

    /// All religions.
    pub fn religions(&self) -> &[Religion] {
        &self.religions
    }

    /// Whether `code` is a well-formed CAMEO actor code whose every three-letter piece is a
    /// known country/region, group, sector type, religion or ethnic code: `IRNGOVMIL` yes,
    /// `XYZQQQ` no.
    pub fn is_valid_actor_code(&self, code: &str) -> bool {
        is_composite(code) && self.unknown_pieces(code).next().is_none()
    }

    /// The three-letter pieces of `code` that no codebook table knows (the whole code when
    /// it is not a sequence of three-letter pieces).
    pub fn unknown_pieces<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let whole = (!is_composite(code)).then_some(code);
        let pieces = is_composite(code)
            .then(|| code.as_bytes().chunks(3).enumerate())
            .into_iter()
            .flatten()
            .filter(|(_, c)| <[u8; 3]>::try_from(*c).map_or(true, |p| !self.pieces.contains(&p)))
            .map(move |(i, _)| &code[i * 3..i * 3 + 3]);
        whole.into_iter().chain(pieces)
    }
}

/// A three-letter upper-case ASCII code.
fn is_piece(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// A non-empty sequence of three-letter upper-case ASCII pieces.
fn is_composite(code: &str) -> bool {
    !code.is_empty() && code.len() % 3 == 0 && code.bytes().all(|b| b.is_ascii_uppercase())
}
