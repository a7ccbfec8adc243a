//! Toponym resolution: picks one gazetteer entry per place-name run using document context.
//!
//! Context is, in order of weight: the dateline place, the countries of coded actors (given by
//! the caller), countries named unambiguously in the document (by place names or demonyms),
//! places in the same sentence; population and kind (country over division over town) break
//! what is left. Every resolved mention carries a short `reason` for `--explain`.

use std::collections::HashMap;

use serde::Serialize;
use sitrep_text::{Document, Span};

use crate::dates::DateWords;
use crate::gazetteer::{Gazetteer, NameMatch, PlaceId};
use crate::place::{CountryCode, Place, PlaceKind, Precision};
use crate::toponym::{contains, link_qualifiers, scan_sentence, Candidate, DemonymHit, Weakness};
use crate::Error;

/// A resolved place mention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceMention {
    /// The mention in the original text, with its direction words and area noun
    /// ("west and northwest Iran", "Iraqi Kurdistan region").
    pub span: Span,
    /// The place name alone, without direction words or area noun.
    pub name_span: Span,
    /// Index of the sentence.
    pub sentence: usize,
    /// The mention as written.
    pub text: String,
    /// The place. For a direction or area form of a country ("northern Iraq") this is the
    /// country's entry renamed to the mention, with kind `region`.
    pub place: Place,
    /// Index of the gazetteer entry the place comes from.
    pub entry: PlaceId,
    /// Name of the first-level division the place lies in, when known.
    pub admin1_name: Option<String>,
    /// How precise the location is.
    pub precision: Precision,
    /// Why this entry was chosen ("dateline country", "largest population", ...).
    pub reason: String,
    /// How many gazetteer entries the name could refer to.
    pub candidates: usize,
    /// Preceded by a locative word ("in", "near", "visited"): names where, not who.
    pub locative: bool,
    /// This mention only qualifies the one before it ("Texas" in "Paris, Texas").
    pub qualifier: bool,
}

/// The dateline place of a document, resolved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DatelinePlace {
    /// The place as written in the dateline.
    pub span: Span,
    /// The place.
    pub place: Place,
    /// Index of its gazetteer entry.
    pub entry: PlaceId,
    /// Why this entry was chosen.
    pub reason: String,
}

/// All place mentions of a document, with the dateline place and the context used.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Places {
    /// Mentions in text order.
    pub mentions: Vec<PlaceMention>,
    /// The dateline place, when the document has one that resolves.
    pub dateline: Option<DatelinePlace>,
    /// Context weight per country, as used for resolution (dateline, actors, mentions).
    pub context: Vec<(CountryCode, f32)>,
}

impl Places {
    /// The mentions of one sentence.
    pub fn in_sentence(&self, sentence: usize) -> impl Iterator<Item = &PlaceMention> {
        self.mentions.iter().filter(move |m| m.sentence == sentence)
    }
}

/// Recognises and resolves place mentions; built once, shared across threads.
#[derive(Debug)]
pub struct Geoparser<'g> {
    gaz: &'g Gazetteer,
    dates: DateWords,
}

impl Geoparser<'static> {
    /// A geoparser over the embedded gazetteer and word lists.
    pub fn embedded() -> Result<Geoparser<'static>, Error> {
        let gaz = Gazetteer::embedded()
            .map_err(|e| Error::data("embedded gazetteer", 0, e.to_string()))?;
        Ok(Geoparser {
            gaz,
            dates: DateWords::embedded()?,
        })
    }
}

impl<'g> Geoparser<'g> {
    /// A geoparser over `gaz`; `dates` supplies month and weekday words.
    pub fn new(gaz: &'g Gazetteer, dates: DateWords) -> Geoparser<'g> {
        Geoparser { gaz, dates }
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gaz
    }

    /// Finds and resolves the place mentions of a segmented document. `actor_countries` are
    /// alpha-3 codes of the document's coded actors (may be empty): they count as context.
    pub fn parse(&self, doc: &Document, actor_countries: &[String]) -> Places {
        let gaz = self.gaz;
        let mut cands = Vec::new();
        let mut demonyms: Vec<DemonymHit> = Vec::new();
        for si in 0..doc.sentences.len() {
            scan_sentence(gaz, &self.dates, doc, si, &mut cands, &mut demonyms);
        }
        link_qualifiers(gaz, doc, &mut cands);

        let dateline = self.dateline(doc, &cands);
        let mut ctx: HashMap<CountryCode, f32> = HashMap::new();
        let mut add = |c: CountryCode, w: f32| *ctx.entry(c).or_default() += w;
        if let Some(d) = &dateline {
            if let Some(c) = d.place.country {
                add(c, 3.0);
            }
        }
        for a in actor_countries {
            if let Some(c) = CountryCode::new(a) {
                add(c, 2.0);
            }
        }
        for d in &demonyms {
            if let Some(c) = gaz.place(d.country).and_then(|p| p.country) {
                add(c, 0.5);
            }
        }
        // What each name says about the document's countries: a name all of whose places lie
        // in one country says it fully, a name with a clear best reading half as much.
        let said: Vec<Option<(CountryCode, f32)>> = cands
            .iter()
            .map(|c| {
                if c.weakness != Weakness::None {
                    return None;
                }
                match single_country(gaz, &c.matches) {
                    Some(k) => Some((k, 1.0)),
                    None => default_country(gaz, c).map(|k| (k, 0.5)),
                }
            })
            .collect();
        let names: Vec<String> = cands
            .iter()
            .map(|c| doc.slice(c.name_span).to_lowercase())
            .collect();

        for (k, w) in said.iter().flatten() {
            *ctx.entry(*k).or_default() += w;
        }
        // Context for a name leaves out every mention of the same name, so that "Tripoli"
        // cannot vouch for its own most likely reading.
        let mut own: HashMap<&str, Vec<(CountryCode, f32)>> = HashMap::new();
        for (n, s) in names.iter().zip(&said) {
            if let Some(kw) = s {
                own.entry(n.as_str()).or_default().push(*kw);
            }
        }
        let mut mentions = Vec::with_capacity(cands.len());
        for (ci, c) in cands.iter().enumerate() {
            let mine = own.get(names[ci].as_str());
            let weight = |k: CountryCode| -> f32 {
                let total = ctx.get(&k).copied().unwrap_or(0.0);
                let self_said: f32 = mine.map_or(0.0, |v| {
                    v.iter().filter(|(o, _)| *o == k).map(|(_, w)| w).sum()
                });
                total - self_said
            };
            // Candidates are in text order: the same sentence is one contiguous run.
            let lo = cands.partition_point(|o| o.sentence < c.sentence);
            let hi = cands.partition_point(|o| o.sentence <= c.sentence);
            let sentence_countries: Vec<CountryCode> = (lo..hi)
                .filter(|&oi| names[oi] != names[ci])
                .filter_map(|oi| said[oi].map(|(k, _)| k))
                .collect();
            let Some((m, reason)) = self.choose(
                c,
                &cands,
                lo..hi,
                &weight,
                &sentence_countries,
                dateline.as_ref(),
            ) else {
                continue;
            };
            if let Some(men) = self.mention(doc, c, m, reason) {
                mentions.push(men);
            }
        }
        let mut context: Vec<(CountryCode, f32)> = ctx.into_iter().collect();
        context.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Places {
            mentions,
            dateline,
            context,
        }
    }

    /// Picks the entry for one candidate, or `None` when a weak name finds no support.
    fn choose(
        &self,
        c: &Candidate,
        all: &[Candidate],
        same_sentence: std::ops::Range<usize>,
        ctx: &dyn Fn(CountryCode) -> f32,
        sentence_countries: &[CountryCode],
        dateline: Option<&DatelinePlace>,
    ) -> Option<(NameMatch, String)> {
        let gaz = self.gaz;
        let ctx_of = |p: &Place| p.country.map_or(0.0, ctx);
        let dateline_id = dateline.map(|d| d.entry);
        let dateline_country = dateline.and_then(|d| d.place.country);
        // Weak names need support: a qualifier or the dateline always does; then a locative
        // word for small towns and person-like names, both a locative and context for alternate
        // names and common words (never at the start of a sentence).
        if c.weakness != Weakness::None {
            let context = c
                .matches
                .iter()
                .any(|m| gaz.place(m.id).is_some_and(|p| ctx_of(p) > 0.0));
            let anchored = c.qualified_by.is_some()
                || c.qualifies.is_some()
                || c.matches.iter().any(|m| Some(m.id) == dateline_id);
            let ok = anchored
                || match c.weakness {
                    Weakness::None => true,
                    Weakness::SmallTown | Weakness::Person => c.marked,
                    Weakness::AlternateName => context && c.marked,
                    Weakness::CommonWord => c.marked && context && !c.sentence_initial,
                };
            if !ok {
                return None;
            }
        }
        let mut scored: Vec<(f32, f32, NameMatch)> = Vec::with_capacity(c.matches.len());
        for m in &c.matches {
            let Some(p) = gaz.place(m.id) else { continue };
            let prior = prior(gaz, c, *m);
            let mut context = 0.0;
            let w = ctx_of(p);
            if w > 0.0 {
                context += 1.5 + 0.5 * w.min(3.0);
            }
            if p.country.is_some_and(|k| sentence_countries.contains(&k)) {
                context += 1.0;
            }
            if Some(m.id) == dateline_id {
                context += 4.0;
            }
            // A town near another named town of the same division.
            if p.kind == PlaceKind::City
                && all[same_sentence.clone()].iter().any(|o| {
                    o.matches.len() == 1
                        && o.matches[0].id != m.id
                        && gaz.place(o.matches[0].id).is_some_and(|q| {
                            q.country == p.country
                                && q.admin1 == p.admin1
                                && q.kind == PlaceKind::City
                        })
                })
            {
                context += 1.0;
            }
            scored.push((prior, context, *m));
        }
        scored.sort_by(|a, b| (b.0 + b.1).total_cmp(&(a.0 + a.1)));
        let (best_prior, best_ctx, best) = *scored.first()?;
        let bp = gaz.place(best.id)?;
        let reason = if let Some(q) = c.qualified_by.and_then(|q| all.get(q)) {
            format!(
                "qualified by {}",
                q.matches
                    .first()
                    .and_then(|m| gaz.place(m.id))
                    .map_or("", |p| p.name.as_str())
            )
        } else if c.qualifies.is_some() {
            "contains the place it qualifies".to_string()
        } else if scored.len() == 1 {
            if c.weakness != Weakness::None {
                "only entry, supported by context".to_string()
            } else {
                "only entry".to_string()
            }
        } else if Some(best.id) == dateline_id {
            "dateline place".to_string()
        } else if best_ctx > 0.0 && scored.iter().skip(1).any(|s| s.0 >= best_prior) {
            if bp.country.is_some() && bp.country == dateline_country {
                "dateline country".to_string()
            } else {
                format!(
                    "document context ({})",
                    bp.country.map(|k| k.to_string()).unwrap_or_default()
                )
            }
        } else if c.area.is_some() && bp.kind == PlaceKind::Admin1 {
            "area noun prefers a division".to_string()
        } else if bp.kind == PlaceKind::Country {
            "country over other places of the name".to_string()
        } else {
            "largest population".to_string()
        };
        Some((best, reason))
    }

    fn mention(
        &self,
        doc: &Document,
        c: &Candidate,
        m: NameMatch,
        reason: String,
    ) -> Option<PlaceMention> {
        let gaz = self.gaz;
        let base = gaz.place(m.id)?;
        let mut place = base.clone();
        let mut precision = base.kind.precision();
        let mut span = c.name_span;
        let mut reason = reason;
        // "northern Iraq", "west and northwest Iran", "the Kurdistan region": an area of it.
        let areal = matches!(
            base.kind,
            PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region | PlaceKind::Water
        );
        let part_of = c.direction.is_some() && !c.descriptive;
        if areal && (c.direction.is_some() || (c.area.is_some() && base.kind != PlaceKind::Admin1))
        {
            span = c.span;
            if (base.kind != PlaceKind::Admin1 && !c.descriptive) || part_of {
                precision = Precision::Region;
                if matches!(base.kind, PlaceKind::Country | PlaceKind::Admin1) {
                    place.kind = PlaceKind::Region;
                    place.name = span.slice(&doc.text).to_string();
                }
            }
            if part_of {
                reason.push_str("; direction word makes a region");
            }
        } else if c.area.is_some() && base.kind == PlaceKind::Admin1 {
            span = c.span;
        }
        let admin1_name = gaz
            .admin1_of(base)
            .filter(|a| a.kind == PlaceKind::Admin1)
            .map(|a| a.name.clone());
        Some(PlaceMention {
            span,
            name_span: c.name_span,
            sentence: c.sentence,
            text: span.slice(&doc.text).to_string(),
            place,
            entry: m.id,
            admin1_name,
            precision,
            reason,
            candidates: c.matches.len(),
            locative: c.marked,
            qualifier: c.qualifies.is_some(),
        })
    }

    /// Resolves the dateline place: from `doc.dateline`, else an all-caps place opening one of
    /// the first paragraphs and followed by a comma, a parenthesis or a dash (`TEHRAN (Iran
    /// News) –`).
    fn dateline(&self, doc: &Document, cands: &[Candidate]) -> Option<DatelinePlace> {
        let gaz = self.gaz;
        if let Some(d) = &doc.dateline {
            let span = d.place?;
            let written = d
                .place_name
                .clone()
                .unwrap_or_else(|| span.slice(&doc.text).to_string());
            let (name, qual) = match written.split_once(',') {
                Some((a, b)) => (a.trim().to_string(), Some(b.trim().to_string())),
                None => (written.trim().to_string(), None),
            };
            let mut options = gaz.lookup(&name);
            if let Some(q) = qual {
                let outer: Vec<PlaceId> = gaz.lookup(&q).iter().map(|(_, m)| m.id).collect();
                let inside: Vec<_> = options
                    .iter()
                    .copied()
                    .filter(|(_, m)| outer.iter().any(|&o| contains(gaz, o, m.id)))
                    .collect();
                if !inside.is_empty() {
                    options = inside;
                }
            }
            let (p, m) = options
                .into_iter()
                .max_by(|a, b| dateline_rank(gaz, a).total_cmp(&dateline_rank(gaz, b)))?;
            return Some(DatelinePlace {
                span,
                place: p.clone(),
                entry: m.id,
                reason: "dateline".to_string(),
            });
        }
        let first_paragraphs = doc.sentences.first().map_or(0, |s| s.paragraph) + 5;
        for c in cands {
            let Some(sent) = doc.sentences.get(c.sentence) else {
                continue;
            };
            if sent.paragraph > first_paragraphs {
                break;
            }
            let caps = c
                .name_span
                .slice(&doc.text)
                .chars()
                .filter(|ch| ch.is_alphabetic())
                .all(char::is_uppercase);
            let next = doc
                .tokens
                .get(c.name_tokens.1)
                .map(|t| t.span.slice(&doc.text))
                .unwrap_or("");
            let opens = c.name_tokens.0 == sent.token_start;
            let marks = matches!(next, "," | "(" | "-" | "–" | "—");
            if caps && opens && marks {
                let (p, m) = c
                    .matches
                    .iter()
                    .filter_map(|m| gaz.place(m.id).map(|p| (p, *m)))
                    .max_by(|a, b| dateline_rank(gaz, a).total_cmp(&dateline_rank(gaz, b)))?;
                return Some(DatelinePlace {
                    span: c.name_span,
                    place: p.clone(),
                    entry: m.id,
                    reason: "all-caps place opening the story".to_string(),
                });
            }
        }
        None
    }
}

/// Datelines name cities: the largest town of the name, a capital first.
fn dateline_rank(gaz: &Gazetteer, (p, m): &(&Place, NameMatch)) -> f32 {
    let kind = match p.kind {
        PlaceKind::City => 2.0,
        PlaceKind::Admin1 | PlaceKind::Country => 1.0,
        _ => 0.0,
    };
    let cap = if gaz.capital_of(m.id).is_some() {
        1.0
    } else {
        0.0
    };
    kind * 10.0 + cap + (p.population.max(1) as f32).log10() + if m.primary { 0.5 } else { 0.0 }
}

/// How likely a reading is before context: kind, population, capital, own name or alternate,
/// and an area noun after the name.
fn prior(gaz: &Gazetteer, c: &Candidate, m: NameMatch) -> f32 {
    let Some(p) = gaz.place(m.id) else {
        return f32::MIN;
    };
    let mut prior = match p.kind {
        PlaceKind::Country => 8.0,
        PlaceKind::City => {
            let cap = if gaz.capital_of(m.id).is_some() {
                1.5
            } else {
                0.0
            };
            (p.population.max(1000) as f32).log10() + cap
        }
        // A division named like a town inside it ("Odessa", "Baghdad") is the town unless
        // an area noun says otherwise; division populations sum their towns, so discount them.
        PlaceKind::Admin1 => {
            let namesake = c.matches.iter().any(|o| contains(gaz, m.id, o.id));
            (p.population.max(1000) as f32).log10() - if namesake { 2.0 } else { 1.0 }
        }
        PlaceKind::Region | PlaceKind::Water => 7.5,
    };
    if !m.primary {
        prior -= 0.5;
    }
    if c.area.is_some() {
        prior += match p.kind {
            PlaceKind::Admin1 | PlaceKind::Region | PlaceKind::Water => 3.0,
            PlaceKind::City => -2.0,
            PlaceKind::Country => 0.0,
        };
    }
    prior
}

/// The country a name stands for before context: the country of its best reading when no
/// reading in another country comes within one point of it ("Lebanon" the country, not
/// Lebanon, Tennessee).
fn default_country(gaz: &Gazetteer, c: &Candidate) -> Option<CountryCode> {
    let mut scored: Vec<(f32, Option<CountryCode>)> = c
        .matches
        .iter()
        .map(|m| (prior(gaz, c, *m), gaz.place(m.id).and_then(|p| p.country)))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best, country) = *scored.first()?;
    let country = country?;
    scored
        .iter()
        .skip(1)
        .all(|(s, k)| *k == Some(country) || best - s >= 1.0)
        .then_some(country)
}

/// The country all of a name's places share, if they share one.
fn single_country(gaz: &Gazetteer, matches: &[NameMatch]) -> Option<CountryCode> {
    let mut it = matches.iter().filter_map(|m| gaz.place(m.id));
    let first = it.next()?.country?;
    it.all(|p| p.country == Some(first)).then_some(first)
}
