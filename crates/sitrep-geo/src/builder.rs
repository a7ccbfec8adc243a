//! Builds the compact gazetteer shipped in `data/geo/` from the GeoNames extract, the CAMEO
//! country codebook and an English treebank (for the list of names that are common words).
//!
//! Run as `sitrep build-gazetteer --geonames ../shared/data/geo --out data/geo/`. The output is
//! deterministic: the same inputs give byte-identical files, reviewed as diffs.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::normalize::{is_capitalised, key};
use crate::words::ToponymWords;
use crate::Error;

/// File name of the gazetteer table in the output folder.
pub const GAZETTEER_FILE: &str = "gazetteer.tsv";
/// File name of the list of words English mostly writes in lower case.
pub const COMMON_WORDS_FILE: &str = "common_words.tsv";
/// The columns of the gazetteer table, in order.
pub const GAZETTEER_COLUMNS: &str =
    "kind\tgeonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\talternates\tdemonyms";

/// Where the build reads from and writes to.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// Folder with `cities.tsv`, `cities5000.tsv`, `admin1.tsv`, `countries.tsv`.
    pub geonames: PathBuf,
    /// The CAMEO country codebook (`codebooks/countries.tsv`).
    pub codebook: PathBuf,
    /// CoNLL-U files counted for words English mostly writes in lower case ("nice", "mobile",
    /// "in"): place names among them need support, and a sentence-initial capitalised word
    /// outside them is taken for part of a name ("Michael Jordan").
    pub treebanks: Vec<PathBuf>,
    /// Output folder (`data/geo`).
    pub out: PathBuf,
    /// Cities smaller than this keep no alternate names (keeps the file small and avoids
    /// exonyms of small towns shadowing common words).
    pub alt_min_population: u64,
}

impl BuildOptions {
    /// Options with the default layout of the shared data folder around `geonames`.
    pub fn from_geonames(geonames: impl Into<PathBuf>, out: impl Into<PathBuf>) -> BuildOptions {
        let geonames = geonames.into();
        let data = geonames.parent().map(Path::to_path_buf).unwrap_or_default();
        BuildOptions {
            codebook: data.join("codebooks/countries.tsv"),
            treebanks: ["train", "dev", "test"]
                .iter()
                .map(|s| data.join(format!("ud/en_ewt/en_ewt-ud-{s}.conllu")))
                .collect(),
            geonames,
            out: out.into(),
            alt_min_population: 50_000,
        }
    }
}

/// What a build wrote.
#[derive(Clone, Debug, Default)]
pub struct BuildReport {
    /// Country rows.
    pub countries: usize,
    /// First-level division rows.
    pub admin1: usize,
    /// City rows.
    pub cities: usize,
    /// Alternate names kept, all rows together.
    pub alternates: usize,
    /// Words listed as usually written in lower case.
    pub common_words: usize,
    /// Size of the gazetteer table in bytes.
    pub bytes: usize,
}

/// A TSV file with a header row, read whole.
struct Table {
    path: PathBuf,
    columns: HashMap<String, usize>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn read(path: &Path) -> Result<Table, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let mut lines = text.lines().enumerate();
        let header = lines
            .next()
            .map(|(_, h)| h)
            .ok_or_else(|| Error::data(&path.display().to_string(), 1, "empty file"))?;
        let columns = header
            .split('\t')
            .enumerate()
            .map(|(i, c)| (c.to_string(), i))
            .collect();
        let rows = lines
            .filter(|(_, l)| !l.is_empty())
            .map(|(i, l)| (i + 1, l.split('\t').map(str::to_string).collect()))
            .collect();
        Ok(Table {
            path: path.to_path_buf(),
            columns,
            rows,
        })
    }

    fn col(&self, name: &str) -> Result<usize, Error> {
        self.columns.get(name).copied().ok_or_else(|| {
            Error::data(
                &self.path.display().to_string(),
                1,
                format!("no column {name:?}"),
            )
        })
    }

    fn get<'a>(&self, row: &'a (usize, Vec<String>), col: usize) -> Result<&'a str, Error> {
        row.1.get(col).map(String::as_str).ok_or_else(|| {
            Error::data(
                &self.path.display().to_string(),
                row.0,
                format!("missing field {}", col + 1),
            )
        })
    }

    fn num<T: std::str::FromStr>(
        &self,
        row: &(usize, Vec<String>),
        col: usize,
    ) -> Result<T, Error> {
        let s = self.get(row, col)?;
        s.trim().parse().map_err(|_| {
            Error::data(
                &self.path.display().to_string(),
                row.0,
                format!("not a number: {s:?}"),
            )
        })
    }
}

/// One output row before it is written.
struct Row {
    kind: &'static str,
    geonameid: u32,
    name: String,
    country: String,
    admin1: String,
    coord: Option<(String, String)>,
    population: u64,
    capital: Option<u32>,
    alternates: Vec<String>,
    demonyms: Vec<String>,
}

/// A town from the city tables.
struct Town {
    geonameid: u32,
    name: String,
    country: String,
    admin1: String,
    lat: String,
    lon: String,
    population: u64,
}

fn read_towns(table: &Table) -> Result<Vec<(Town, Vec<String>, String)>, Error> {
    let (id, name, ascii, alts) = (
        table.col("geonameid")?,
        table.col("name")?,
        table.col("asciiname")?,
        table.col("alternatenames")?,
    );
    let (lat, lon, cc, a1, pop) = (
        table.col("lat")?,
        table.col("lon")?,
        table.col("country_code")?,
        table.col("admin1_code")?,
        table.col("population")?,
    );
    let mut out = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let town = Town {
            geonameid: table.num(row, id)?,
            name: table.get(row, name)?.to_string(),
            country: table.get(row, cc)?.to_string(),
            admin1: table.get(row, a1)?.to_string(),
            lat: table.get(row, lat)?.to_string(),
            lon: table.get(row, lon)?.to_string(),
            population: table.num::<u64>(row, pop).unwrap_or(0),
        };
        let alternates = table
            .get(row, alts)?
            .split('|')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        out.push((town, alternates, table.get(row, ascii)?.to_string()));
    }
    Ok(out)
}

/// True for an alternate name worth keeping: Latin script, capitalised, not an all-caps code,
/// no digits, at least three letters.
fn usable_alternate(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && is_capitalised(name)
        && !name.chars().any(|c| c.is_ascii_digit())
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .any(|c| c.is_lowercase())
}

/// Strips the configured prefixes and suffixes from a division name ("Al Anbar" → "Anbar").
fn admin_short_forms(name: &str, words: &ToponymWords) -> Vec<String> {
    let mut out = Vec::new();
    let trimmed = name.trim_matches(|c: char| c == '\'' || c == 'ʼ' || c == '’');
    let mut cur = trimmed.to_string();
    for _ in 0..2 {
        let k = key(&cur);
        let mut changed = false;
        for p in &words.admin_prefixes {
            if k.starts_with(&format!("{p} ")) {
                // Drop as many leading words of the written name as the prefix has pieces.
                let n = p.split(' ').filter(|w| *w != "-").count();
                let rest: Vec<&str> = cur.split([' ', '-']).skip(n).collect();
                if !rest.is_empty() {
                    cur = rest.join(" ");
                    changed = true;
                }
                break;
            }
        }
        let k = key(&cur);
        for s in &words.admin_suffixes {
            if k.ends_with(&format!(" {s}")) {
                let n = s.split(' ').count();
                let words_of: Vec<&str> = cur.split(' ').collect();
                if words_of.len() > n {
                    cur = words_of[..words_of.len() - n].join(" ");
                    changed = true;
                }
                break;
            }
        }
        let c2 = cur
            .trim_matches(|c: char| c == '\'' || c == 'ʼ' || c == '’')
            .to_string();
        if c2 != cur {
            cur = c2;
            changed = true;
        }
        if !changed {
            break;
        }
    }
    for cand in [trimmed.to_string(), cur] {
        if !cand.is_empty() && key(&cand) != key(name) && !out.contains(&cand) {
            out.push(cand);
        }
    }
    out
}

/// Builds the gazetteer files; see the module doc.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Error> {
    let words = ToponymWords::embedded()?;
    let cities = Table::read(&opts.geonames.join("cities.tsv"))?;
    let towns5000 = Table::read(&opts.geonames.join("cities5000.tsv"))?;
    let admin1 = Table::read(&opts.geonames.join("admin1.tsv"))?;
    let countries = Table::read(&opts.geonames.join("countries.tsv"))?;
    let codebook = Table::read(&opts.codebook)?;

    let cities = read_towns(&cities)?;
    let towns5000 = read_towns(&towns5000)?;

    // Largest town and summed population per country and per division, for coordinates and
    // priors of entries GeoNames gives without them.
    let mut largest: HashMap<(String, String), &Town> = HashMap::new();
    let mut division_pop: HashMap<(String, String), u64> = HashMap::new();
    for (t, _, _) in &towns5000 {
        for k in [
            (t.country.clone(), String::new()),
            (t.country.clone(), t.admin1.clone()),
        ] {
            let e = largest.entry(k.clone()).or_insert(t);
            if t.population > e.population {
                *e = t;
            }
        }
        *division_pop
            .entry((t.country.clone(), t.admin1.clone()))
            .or_default() += t.population;
    }

    // Codebook rows by ISO alpha-2, for CAMEO codes, English names and demonyms.
    let (cb_code, cb_iso2, cb_name, cb_dem, cb_alt, cb_cap, cb_kind) = (
        codebook.col("code")?,
        codebook.col("iso2")?,
        codebook.col("name")?,
        codebook.col("demonyms")?,
        codebook.col("alt_names")?,
        codebook.col("capital")?,
        codebook.col("kind")?,
    );
    let mut by_iso2: HashMap<String, &(usize, Vec<String>)> = HashMap::new();
    for row in &codebook.rows {
        let kind = codebook.get(row, cb_kind)?;
        let iso2 = codebook.get(row, cb_iso2)?;
        if (kind == "state" || kind == "territory") && !iso2.is_empty() {
            by_iso2.entry(iso2.to_string()).or_insert(row);
        }
    }
    let split = |s: &str| -> Vec<String> {
        s.split('|')
            .map(|a| a.trim().trim_start_matches("the ").to_string())
            .filter(|a| !a.is_empty())
            .collect()
    };

    let (c_id, c_iso2, c_iso3, c_name, c_cap, c_pop) = (
        countries.col("geonameid")?,
        countries.col("iso2")?,
        countries.col("iso3")?,
        countries.col("name")?,
        countries.col("capital")?,
        countries.col("population")?,
    );
    let mut alpha3: HashMap<String, String> = HashMap::new();
    let mut admin_keys: HashMap<String, HashSet<String>> = HashMap::new();
    {
        let (a_cc, a_name) = (admin1.col("country_code")?, admin1.col("name")?);
        for row in &admin1.rows {
            admin_keys
                .entry(admin1.get(row, a_cc)?.to_string())
                .or_default()
                .insert(key(admin1.get(row, a_name)?));
        }
    }

    let mut rows: Vec<Row> = Vec::new();
    let mut country_keys: HashSet<String> = HashSet::new();
    for row in &countries.rows {
        let iso2 = countries.get(row, c_iso2)?.to_string();
        let cb = by_iso2.get(&iso2);
        let code = match cb {
            Some(r) => codebook.get(r, cb_code)?.to_string(),
            None => countries.get(row, c_iso3)?.to_string(),
        };
        alpha3.insert(iso2.clone(), code.clone());
        let name = countries.get(row, c_name)?.to_string();
        let mut alternates = Vec::new();
        let mut demonyms = Vec::new();
        let mut capitals = vec![countries.get(row, c_cap)?.to_string()];
        if let Some(r) = cb {
            alternates.push(codebook.get(r, cb_name)?.to_string());
            alternates.extend(split(codebook.get(r, cb_alt)?));
            demonyms = split(codebook.get(r, cb_dem)?);
            capitals.extend(split(codebook.get(r, cb_cap)?));
        }
        // "England" is a division of the United Kingdom, not another name for it.
        let own_admin = admin_keys.get(&iso2);
        let primary = key(&name);
        let mut seen: HashSet<String> = HashSet::from([primary.clone()]);
        alternates.retain(|a| {
            let k = key(a);
            !own_admin.is_some_and(|s| s.contains(&k)) && seen.insert(k)
        });
        country_keys.insert(primary);
        country_keys.extend(alternates.iter().map(|a| key(a)));
        // The capital: the largest town of that name in the country.
        let capital = capitals.iter().filter(|c| !c.is_empty()).find_map(|c| {
            let ck = key(c);
            let in_country = || cities.iter().filter(|(t, _, _)| t.country == iso2);
            // A town whose own name it is first ("New Delhi", not Delhi's alternate name).
            in_country()
                .filter(|(t, _, _)| key(&t.name) == ck)
                .max_by_key(|(t, _, _)| t.population)
                .or_else(|| {
                    in_country()
                        .filter(|(_, alts, _)| alts.iter().any(|a| key(a) == ck))
                        .max_by_key(|(t, _, _)| t.population)
                })
                .map(|(t, _, _)| t)
        });
        let coord = capital
            .or_else(|| largest.get(&(iso2.clone(), String::new())).copied())
            .map(|t| (t.lat.clone(), t.lon.clone()));
        rows.push(Row {
            kind: "country",
            geonameid: countries.num(row, c_id)?,
            name,
            country: code,
            admin1: String::new(),
            coord,
            population: countries.num::<u64>(row, c_pop).unwrap_or(0),
            capital: capital.map(|t| t.geonameid),
            alternates,
            demonyms,
        });
    }
    let n_countries = rows.len();

    let (a_cc, a_code, a_name, a_ascii, a_id) = (
        admin1.col("country_code")?,
        admin1.col("admin1_code")?,
        admin1.col("name")?,
        admin1.col("asciiname")?,
        admin1.col("geonameid")?,
    );
    for row in &admin1.rows {
        let cc = admin1.get(row, a_cc)?.to_string();
        let Some(code) = alpha3.get(&cc) else {
            continue;
        };
        let code1 = admin1.get(row, a_code)?.to_string();
        let name = admin1.get(row, a_name)?.to_string();
        let mut alternates = admin_short_forms(&name, &words);
        let ascii = admin1.get(row, a_ascii)?;
        if key(ascii) != key(&name) {
            alternates.push(ascii.to_string());
            alternates.extend(admin_short_forms(ascii, &words));
        }
        let mut seen: HashSet<String> = HashSet::from([key(&name)]);
        alternates.retain(|a| seen.insert(key(a)));
        let k = (cc.clone(), code1.clone());
        rows.push(Row {
            kind: "admin1",
            geonameid: admin1.num(row, a_id)?,
            name,
            country: code.clone(),
            admin1: code1,
            coord: largest.get(&k).map(|t| (t.lat.clone(), t.lon.clone())),
            population: division_pop.get(&k).copied().unwrap_or(0),
            capital: None,
            alternates,
            demonyms: Vec::new(),
        });
    }
    let n_admin1 = rows.len() - n_countries;

    for (t, alts, ascii) in &cities {
        let Some(code) = alpha3.get(&t.country) else {
            continue;
        };
        let mut alternates = Vec::new();
        let primary = key(&t.name);
        let mut seen: HashSet<String> = HashSet::from([primary]);
        if key(ascii) != key(&t.name) && seen.insert(key(ascii)) {
            alternates.push(ascii.clone());
        }
        if t.population >= opts.alt_min_population {
            for a in alts {
                let k = key(a);
                // A city named like a country ("Mexico" for Mexico City) would shadow it.
                if usable_alternate(a) && !country_keys.contains(&k) && seen.insert(k) {
                    alternates.push(a.clone());
                }
            }
        }
        rows.push(Row {
            kind: "city",
            geonameid: t.geonameid,
            name: t.name.clone(),
            country: code.clone(),
            admin1: t.admin1.clone(),
            coord: Some((t.lat.clone(), t.lon.clone())),
            population: t.population,
            capital: None,
            alternates,
            demonyms: Vec::new(),
        });
    }
    let n_cities = rows.len() - n_countries - n_admin1;

    // Words that English text mostly writes in lower case.
    let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for path in &opts.treebanks {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        for line in text.lines() {
            let mut f = line.split('\t');
            let (Some(id), Some(form)) = (f.next(), f.next()) else {
                continue;
            };
            if id.starts_with('#') || id.contains('-') || id.contains('.') {
                continue;
            }
            if !form.chars().all(char::is_alphabetic) {
                continue;
            }
            if form.chars().all(|c| !c.is_uppercase()) {
                counts.entry(key(form)).or_default().0 += 1;
            } else if id != "1"
                && is_capitalised(form)
                && !form.chars().skip(1).any(char::is_uppercase)
            {
                counts.entry(key(form)).or_default().1 += 1;
            }
        }
    }
    counts.retain(|_, (lower, upper)| *lower >= 4 && *lower >= 2 * *upper);

    let mut out = String::with_capacity(4 << 20);
    out.push_str(
        "# sitrep gazetteer, generated by `sitrep build-gazetteer`; do not edit by hand.\n\
         # Data: GeoNames (geonames.org), CC BY 4.0; country codes and demonyms from the CAMEO\n\
         # country codebook. See SOURCE.md.\n",
    );
    out.push_str(GAZETTEER_COLUMNS);
    out.push('\n');
    let mut n_alt = 0;
    for r in &rows {
        let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
        let (lat, lon) = r.coord.clone().unwrap_or_default();
        n_alt += r.alternates.len();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            r.kind,
            r.geonameid,
            clean(&r.name),
            r.country,
            r.admin1,
            lat,
            lon,
            r.population,
            r.capital.map(|c| c.to_string()).unwrap_or_default(),
            r.alternates
                .iter()
                .map(|a| clean(a))
                .collect::<Vec<_>>()
                .join("|"),
            r.demonyms
                .iter()
                .map(|a| clean(a))
                .collect::<Vec<_>>()
                .join("|"),
        ));
    }
    std::fs::create_dir_all(&opts.out).map_err(|e| Error::io(&opts.out, e))?;
    let gaz = opts.out.join(GAZETTEER_FILE);
    std::fs::write(&gaz, &out).map_err(|e| Error::io(&gaz, e))?;

    let mut common = String::from(
        "# Words English mostly writes in lower case, counted in UD English-EWT (CC BY-SA 4.0):\n\
         # key, lower-case count, capitalised count (not sentence-initial). Kept when seen at\n\
         # least 4 times in lower case and at least twice as often as capitalised.\n\
         # Generated by `sitrep build-gazetteer`; do not edit by hand.\n",
    );
    for (k, (lower, upper)) in &counts {
        common.push_str(&format!("{k}\t{lower}\t{upper}\n"));
    }
    let cpath = opts.out.join(COMMON_WORDS_FILE);
    std::fs::write(&cpath, &common).map_err(|e| Error::io(&cpath, e))?;

    Ok(BuildReport {
        countries: n_countries,
        admin1: n_admin1,
        cities: n_cities,
        alternates: n_alt,
        common_words: counts.len(),
        bytes: out.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_of_divisions() {
        let w = ToponymWords::embedded().expect("word list");
        assert_eq!(admin_short_forms("Al Anbar", &w), vec!["Anbar".to_string()]);
        assert_eq!(
            admin_short_forms("Lorestan Province", &w),
            vec!["Lorestan".to_string()]
        );
        assert_eq!(
            admin_short_forms("Muhafazat Karbala'", &w),
            vec!["Muhafazat Karbala".to_string(), "Karbala".to_string()]
        );
        assert_eq!(
            admin_short_forms("Republic of Tyva", &w),
            vec!["Tyva".to_string()]
        );
        assert!(admin_short_forms("Texas", &w).is_empty());
    }

    #[test]
    fn alternates_filter() {
        assert!(usable_alternate("Peking"));
        assert!(!usable_alternate("SHA"));
        assert!(!usable_alternate("beijing"));
        assert!(!usable_alternate("Ul"));
        assert!(!usable_alternate("Area 51"));
    }
}
