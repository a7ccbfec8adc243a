//! In-document coreference: mentions grouped into actors.
//!
//! Rules, in the order news text needs them: a name joins the earlier actor whose name
//! contains it ("Ashtiani" → "Mohammad Reza Gharaei Ashtiani"); a singular role description
//! ("the Iranian defense minister", "the defense chief") joins the most recent named person
//! it is compatible with (same country, overlapping sectors); he/she/his join the most
//! recent person, preferring subjects; they/their the most recent plural group; countries
//! and organisations join by code. Each actor then takes its fullest name and the most
//! informative code among its mentions; an actor with a role but no country takes the
//! dateline's country, and says so.

use std::collections::HashMap;

use sitrep_dict::Dictionaries;
use sitrep_text::{DepRel, Document, Span};

use crate::mention::{compose, split_code, Mention, MentionKind};
use crate::words::PronounKind;

/// One actor: a cluster of mentions with one code.
#[derive(Clone, Debug, Default)]
pub struct Actor {
    /// Indices into the document's mention list, in text order.
    pub mentions: Vec<usize>,
    /// Fullest proper name, else fullest description.
    pub name: String,
    /// Country code.
    pub country: Option<String>,
    /// Role codes.
    pub sectors: Vec<String>,
    /// Dictionary code of a named entry, if any.
    pub dict_code: Option<String>,
    /// Prefix agent codes (`NGO`).
    pub prefix: Vec<String>,
    /// Title or role text (the first title the text gives).
    pub role: Option<String>,
    /// Every title or role text of its mentions, for matching later descriptions.
    pub roles: Vec<String>,
    /// True for a named or singular person.
    pub person: bool,
    /// True for a plural group.
    pub plural: bool,
    /// True for a state (country, capital, demonym).
    pub state: bool,
    /// Grammatical gender a role word or honorific gives ("spokeswoman", "Mr"): `Some(true)`
    /// female, `Some(false)` male; "he" and "she" agree with it.
    pub female: Option<bool>,
    /// How the code was reached.
    pub why: Vec<String>,
}

impl Actor {
    /// The actor's CAMEO code, `None` when nothing codes it.
    pub fn code(&self) -> Option<String> {
        compose(
            self.dict_code.as_deref(),
            self.country.as_deref(),
            &self.sectors,
            &self.prefix,
        )
    }
}

/// Context the resolver needs beyond the mentions.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Dictionaries (country names for "the Islamic Republic").
    pub dict: &'a Dictionaries,
    /// Country of the dateline place, if any.
    pub dateline_country: Option<String>,
    /// For each mention, true when it is the subject of its clause.
    pub is_subject: Vec<bool>,
}

/// Group `mentions` (in text order) into actors; sets `Mention::actor`.
pub fn resolve(mentions: &mut [Mention], cx: &Context) -> Vec<Actor> {
    let mut actors: Vec<Actor> = Vec::new();
    let mut keyed: HashMap<String, usize> = HashMap::new();
    let countries_in_doc: Vec<String> = mentions.iter().filter_map(|m| m.country.clone()).collect();

    for i in 0..mentions.len() {
        // Companions of a distributed coordination get actors of their own below, so that
        // no other mention joins them.
        if mentions[i].companion_of.is_some() {
            continue;
        }
        let target = match mentions[i].kind {
            MentionKind::Name | MentionKind::UnknownName => match_name(mentions, i, &actors, cx)
                .or_else(|| apposed_role(mentions, i, cx))
                .or_else(|| {
                    country_alias(mentions, i, cx, &countries_in_doc, &mut keyed, &mut actors)
                }),
            MentionKind::Country => {
                if mentions[i].poss_pronoun.is_some() && mentions[i].country.is_none() {
                    // "his country": the possessor's country, once the possessor is resolved.
                    let (sent, tok) = (
                        mentions[i].sent,
                        mentions[i].poss_pronoun.unwrap_or(usize::MAX),
                    );
                    let c = mentions
                        .iter()
                        .find(|p| p.sent == sent && p.head == tok)
                        .and_then(|p| p.actor)
                        .and_then(|a| actors.get(a))
                        .and_then(|a| a.country.clone());
                    mentions[i].country = c;
                }
                mentions[i]
                    .country
                    .clone()
                    .map(|c| keyed_actor(&mut keyed, &mut actors, format!("C:{c}")))
            }
            MentionKind::Organisation => mentions[i]
                .own_code()
                .map(|c| keyed_actor(&mut keyed, &mut actors, format!("O:{c}"))),
            MentionKind::Description => if mentions[i].person_role {
                if mentions[i].country.is_none() {
                    inherit_possessor_country(mentions, i, &actors);
                }
                // "Chinese Foreign Ministry spokeswoman, Hua Chunying": a role with a name in
                // apposition introduces that person; it is no later mention of someone
                // earlier (it took Foreign Minister Wang Yi's actor).
                if introduces_name(mentions, i, cx) {
                    actors.push(Actor::default());
                    Some(actors.len() - 1)
                } else {
                    appositive_of(mentions, i, cx)
                        .or_else(|| match_description(mentions, i, &actors, cx))
                }
            } else {
                if mentions[i].country.is_none() {
                    inherit_possessor_country(mentions, i, &actors);
                }
                None
            }
            .or_else(|| {
                mentions[i]
                    .own_code()
                    .map(|c| keyed_actor(&mut keyed, &mut actors, format!("D:{c}")))
            }),
            MentionKind::Pronoun(
                k @ (PronounKind::Person | PronounKind::Plural | PronounKind::Thing),
            ) => match_pronoun(mentions, i, &actors, cx, k),
            MentionKind::Pronoun(PronounKind::Speaker) | MentionKind::Pair => None,
        };
        let a = match target {
            Some(a) => a,
            None if matches!(
                mentions[i].kind,
                MentionKind::Name | MentionKind::UnknownName
            ) =>
            {
                actors.push(Actor::default());
                actors.len() - 1
            }
            None => continue,
        };
        mentions[i].actor = Some(a);
        absorb(&mut actors[a], i, &mentions[i], cx);
    }
    for (i, m) in mentions.iter_mut().enumerate() {
        if m.companion_of.is_some() && m.own_code().is_some() {
            let mut a = Actor::default();
            absorb(&mut a, i, m, cx);
            m.actor = Some(actors.len());
            actors.push(a);
        }
    }
    finish(&mut actors, mentions, cx);
    actors
}

/// "Lt. Col. Rajiv Sehgal, a spokesman for the Indian Army": a role description in
/// apposition to a name is that person (and gives the person its country and sectors).
fn appositive_of(mentions: &[Mention], i: usize, cx: &Context) -> Option<usize> {
    let m = &mentions[i];
    let s = cx.doc.sentences.get(m.sent)?;
    let t = cx.doc.tokens.get(s.tokens())?.get(m.head)?;
    if t.deprel != DepRel::Appos || t.head == 0 {
        return None;
    }
    let h = t.head as usize - 1;
    mentions[..i]
        .iter()
        .rev()
        .find(|p| {
            p.sent == m.sent
                && p.head == h
                && matches!(p.kind, MentionKind::Name | MentionKind::UnknownName)
        })
        .and_then(|p| p.actor)
}

/// The token a name is in apposition to: `appos`, or a conjunct after a comma in a
/// coordination without a conjunction.
fn apposed_role_head(mentions: &[Mention], i: usize, cx: &Context) -> Option<usize> {
    let m = &mentions[i];
    let s = cx.doc.sentences.get(m.sent)?;
    let toks = cx.doc.tokens.get(s.tokens())?;
    let t = toks.get(m.head)?;
    // "Japan's Ambassador to the United Nations, Koro Bessho, told reporters" parsed as a
    // coordination: a conjunct after a comma with no conjunction anywhere in the
    // coordination is an apposition.
    let comma_conj = t.deprel == DepRel::Conj
        && m.lo > 0
        && toks[m.lo - 1].xpos == sitrep_text::Xpos::Comma
        && !toks.iter().enumerate().any(|(k, x)| {
            x.deprel == DepRel::Cc
                && (x.head as usize == m.head + 1
                    || toks
                        .get((x.head as usize).wrapping_sub(1))
                        .is_some_and(|c| {
                            c.deprel == DepRel::Conj && c.head == t.head && k != m.head
                        }))
        });
    if !(t.deprel == DepRel::Appos || comma_conj) || t.head == 0 {
        return None;
    }
    Some(t.head as usize - 1)
}

/// "his Sudanese counterpart, Hashim el-Nur Badawi": a name in apposition to a singular
/// role description is the person described.
fn apposed_role(mentions: &[Mention], i: usize, cx: &Context) -> Option<usize> {
    let m = &mentions[i];
    let h = apposed_role_head(mentions, i, cx)?;
    mentions[..i]
        .iter()
        .rev()
        .find(|p| {
            p.sent == m.sent
                && p.head == h
                && p.kind == MentionKind::Description
                && p.person_role
                && !p.plural
        })
        .and_then(|p| p.actor)
}

/// Whether a singular role description is followed, in its sentence, by a name in
/// apposition to it (the person it introduces).
fn introduces_name(mentions: &[Mention], i: usize, cx: &Context) -> bool {
    let m = &mentions[i];
    if m.plural {
        return false;
    }
    mentions[i + 1..]
        .iter()
        .take_while(|p| p.sent == m.sent)
        .enumerate()
        .any(|(j, p)| {
            matches!(p.kind, MentionKind::Name | MentionKind::UnknownName)
                && apposed_role_head(mentions, i + 1 + j, cx) == Some(m.head)
        })
}

fn keyed_actor(keyed: &mut HashMap<String, usize>, actors: &mut Vec<Actor>, key: String) -> usize {
    *keyed.entry(key).or_insert_with(|| {
        actors.push(Actor::default());
        actors.len() - 1
    })
}

fn words_of(doc: &Document, m: &Mention) -> Vec<String> {
    m.name
        .map(|s| {
            s.slice(&doc.text)
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .filter(|w| !w.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn compatible(a: &Actor, m: &Mention) -> bool {
    let country_ok = match (&a.country, &m.country) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let sectors_ok = a.sectors.is_empty()
        || m.sectors.is_empty()
        || a.sectors.iter().any(|s| m.sectors.contains(s));
    country_ok && sectors_ok
}

/// "his country's government": a description without a country takes its possessor's.
fn inherit_possessor_country(mentions: &mut [Mention], i: usize, actors: &[Actor]) {
    let (sent, Some(tok)) = (mentions[i].sent, mentions[i].poss_head) else {
        return;
    };
    let found = mentions
        .iter()
        .find(|p| p.sent == sent && p.head == tok)
        .and_then(|p| {
            let c = p
                .actor
                .and_then(|a| actors[a].country.clone())
                .or_else(|| p.country.clone())?;
            Some((c, p.span))
        });
    if let Some((c, span)) = found {
        let m = &mut mentions[i];
        m.why.insert(
            0,
            format!("{c} from possessor at {}..{}", span.start, span.end),
        );
        m.country = Some(c);
    }
}

/// A name joins the earlier named actor whose name words contain all of its words.
fn match_name(mentions: &[Mention], i: usize, actors: &[Actor], cx: &Context) -> Option<usize> {
    let m = &mentions[i];
    let w = words_of(cx.doc, m);
    if w.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize)> = None; // (actor, last mention position)
    for (ai, a) in actors.iter().enumerate() {
        if !a.person && !a.mentions.iter().any(|&k| mentions[k].name.is_some()) {
            continue;
        }
        let names: Vec<String> = a
            .mentions
            .iter()
            .flat_map(|&k| words_of(cx.doc, &mentions[k]))
            .collect();
        if names.is_empty() || !compatible(a, m) {
            continue;
        }
        let contained = w.iter().all(|x| names.contains(x));
        // The new mention may be the fuller one ("Ashtiani" first, full name later).
        let contains = a
            .mentions
            .iter()
            .filter(|&&k| mentions[k].name.is_some())
            .any(|&k| words_of(cx.doc, &mentions[k]).iter().all(|x| w.contains(x)));
        if contained || contains {
            let last = a.mentions.last().copied().unwrap_or(0);
            if best.is_none_or(|(_, l)| last > l) {
                best = Some((ai, last));
            }
        }
    }
    best.map(|(a, _)| a)
}

/// "the Islamic Republic": the start of a country's alternative name, for a country the
/// document mentions.
fn country_alias(
    mentions: &mut [Mention],
    i: usize,
    cx: &Context,
    in_doc: &[String],
    keyed: &mut HashMap<String, usize>,
    actors: &mut Vec<Actor>,
) -> Option<usize> {
    let m = &mentions[i];
    if !matches!(m.kind, MentionKind::UnknownName | MentionKind::Name)
        || m.dict_code.is_some()
        || m.country.is_some()
    {
        return None;
    }
    let lo = cx.doc.tokens[cx.doc.sentences[m.sent].token_start + m.lo]
        .span
        .start;
    let text = Span::new(lo, m.span.end).slice(&cx.doc.text).to_lowercase();
    let text = text.strip_prefix("the ").unwrap_or(&text).to_string();
    // One word only for "the North" / "the South" of a divided pair named in the document
    // (North Korea, South Sudan); "the Republic" or "the United" name nothing.
    if text.split_whitespace().count() < 2 && !matches!(text.as_str(), "north" | "south") {
        return None;
    }
    let mut hits = cx.dict.codebook.countries().iter().filter(|c| {
        in_doc.iter().any(|d| **d == *c.code)
            && c.alt_names
                .iter()
                // (The name itself too: "the North" begins "North Korea".)
                .chain(std::iter::once(&c.name))
                .any(|alt| {
                    let alt = alt.to_lowercase();
                    alt.starts_with(&text) && alt[text.len()..].starts_with(' ')
                })
    });
    let c = hits.next()?;
    if hits.next().is_some() {
        return None; // ambiguous between two countries of the document
    }
    let code = c.code.to_string();
    let m = &mut mentions[i];
    m.kind = MentionKind::Country;
    m.why.push(format!(
        "{code}: \u{201c}{text}\u{201d} begins an alternative name of {} (countries.tsv)",
        c.name
    ));
    m.country = Some(code.clone());
    m.sectors.clear();
    m.name = None;
    Some(keyed_actor(keyed, actors, format!("C:{code}")))
}

/// A singular role description joins the most recent compatible named person; an actor
/// whose country and sectors agree outranks one that merely does not disagree.
fn match_description(
    mentions: &[Mention],
    i: usize,
    actors: &[Actor],
    cx: &Context,
) -> Option<usize> {
    let m = &mentions[i];
    // The role's distinctive words: its modifiers ("defense" of "defense chief"), or the
    // head alone when that is all there is ("the president").
    let role_text = m
        .role
        .map(|r| r.slice(&cx.doc.text).to_lowercase())
        .unwrap_or_default();
    let all: Vec<&str> = role_text.split_whitespace().collect();
    let role_words: Vec<String> = match all.split_last() {
        Some((head, [])) => vec![head.to_string()],
        Some((_, mods)) => mods
            .iter()
            .filter(|w| w.len() > 3)
            .map(|w| w.to_string())
            .collect(),
        None => Vec::new(),
    };
    let mut best: Option<(usize, (u8, usize))> = None;
    for (ai, a) in actors.iter().enumerate() {
        if !a.person || !compatible(a, m) {
            continue;
        }
        if a.country.is_none() && a.sectors.is_empty() && a.dict_code.is_none() {
            continue; // an uncoded name cannot be told apart from anyone
        }
        let last = a.mentions.last().copied().unwrap_or(0);
        if mentions[last].sent + 12 < m.sent {
            continue;
        }
        let strength = u8::from(m.country.is_some() && a.country == m.country)
            + u8::from(!m.sectors.is_empty() && a.sectors.iter().any(|s| m.sectors.contains(s)));
        // Without both country and sector agreeing, the description must share a role word
        // with the person's title ("the defense chief" ~ "Defense Minister").
        let shares_role_word = a.roles.iter().any(|r| {
            let r = r.to_lowercase();
            role_words
                .iter()
                .any(|w| r.split_whitespace().any(|x| x == w))
        });
        // A "defense minister" is not a "foreign minister": the description's sectors must
        // all be the person's.
        if !m.sectors.is_empty()
            && !a.sectors.is_empty()
            && !m.sectors.iter().all(|s| a.sectors.contains(s))
        {
            continue;
        }
        if strength < 2 && !shares_role_word {
            continue;
        }
        let score = (strength + u8::from(shares_role_word), last);
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((ai, score));
        }
    }
    best.map(|(a, _)| a)
}

/// he/she (person) or they (plural): the most recent fitting actor, preferring subjects,
/// in this sentence or the two before.
fn match_pronoun(
    mentions: &[Mention],
    i: usize,
    actors: &[Actor],
    cx: &Context,
    kind: PronounKind,
) -> Option<usize> {
    let m = &mentions[i];
    let mut best: Option<(usize, (bool, usize, bool, usize))> = None;
    // "its" looks back within its own sentence and the one before only: a country or an
    // organisation named as such (not a pronoun), singular.
    let reach = if kind == PronounKind::Thing { 1 } else { 2 };
    for k in (0..i).rev() {
        let c = &mentions[k];
        if c.sent + reach < m.sent {
            break;
        }
        let Some(a) = c.actor else { continue };
        let actor = &actors[a];
        let fits = match kind {
            // "he" is not the spokeswoman, "she" not Mr Abbas.
            PronounKind::Person => {
                actor.person
                    && actor
                        .female
                        .is_none_or(|f| f == she(m.span.slice(&cx.doc.text)))
            }
            PronounKind::Plural => actor.plural || actor.state && c.plural,
            _ => {
                !actor.person
                    && !c.plural
                    && matches!(
                        c.kind,
                        MentionKind::Country | MentionKind::Organisation | MentionKind::Name
                    )
            }
        };
        if !fits || c.kind == MentionKind::Pronoun(PronounKind::Speaker) {
            continue;
        }
        // A possessive pronoun inside its antecedent's own phrase cannot refer to it.
        if c.sent == m.sent && c.lo <= m.lo && m.hi <= c.hi {
            continue;
        }
        // For "she", an actor whose role word is female ("spokeswoman", "Mrs") outranks one
        // of unknown gender. (Not for "he": news' unnamed-gender actors are mostly men, and
        // preferring "Mr Blair" over a more recent "Gordon Brown" lost speakers on dev.)
        let agrees = kind == PronounKind::Person
            && actor.female == Some(true)
            && she(m.span.slice(&cx.doc.text));
        let score = (
            agrees,
            c.sent,
            cx.is_subject.get(k).copied().unwrap_or(false),
            c.lo,
        );
        if best.is_none_or(|(_, s)| (score.0, score.1, score.2) > (s.0, s.1, s.2)) {
            best = Some((a, score));
        }
    }
    best.map(|(a, _)| a)
}

/// Female and male role words and honorifics, lowercase.
const FEMALE_WORDS: &[&str] = &[
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "councilwoman",
    "woman",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "madam",
    "madame",
    "queen",
    "princess",
    "duchess",
    "lady",
    "dame",
    "actress",
    "mother",
    "wife",
    "daughter",
    "sister",
    "girl",
    "grandmother",
    "widow",
];
const MALE_WORDS: &[&str] = &[
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "councilman",
    "man",
    "mr",
    "mr.",
    "king",
    "prince",
    "duke",
    "lord",
    "sir",
    "father",
    "husband",
    "son",
    "brother",
    "boy",
    "grandfather",
    "widower",
];

/// The gender a mention's words give, if one does (and not both).
fn gender(text: &str) -> Option<bool> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.to_lowercase())
        .collect();
    let f = words.iter().any(|w| FEMALE_WORDS.contains(&w.as_str()));
    let m = words.iter().any(|w| MALE_WORDS.contains(&w.as_str()));
    (f != m).then_some(f)
}

/// Whether a person pronoun is feminine ("she", "her", "hers", "herself").
fn she(pronoun: &str) -> bool {
    matches!(
        pronoun.to_lowercase().as_str(),
        "she" | "her" | "hers" | "herself"
    )
}

/// Words that make a name an organisation's ("the PLA Navy", "the Kremlin", "the Security
/// Council"): he/she never refer to it.
const ORG_WORDS: &[&str] = &[
    "administration",
    "agency",
    "army",
    "assembly",
    "authority",
    "bank",
    "brigade",
    "brigades",
    "bureau",
    "cabinet",
    "command",
    "commission",
    "committee",
    "company",
    "congress",
    "corps",
    "council",
    "court",
    "department",
    "embassy",
    "force",
    "forces",
    "front",
    "government",
    "group",
    "guard",
    "guards",
    "house",
    "kremlin",
    "league",
    "military",
    "ministry",
    "movement",
    "navy",
    "office",
    "organisation",
    "organization",
    "palace",
    "parliament",
    "party",
    "pentagon",
    "police",
    "service",
    "services",
    "union",
    "agency",
    "network",
    "news",
    "times",
    "post",
    "tribunal",
    "senate",
    "duma",
    "knesset",
];

/// Whether a named mention names a person rather than an organisation.
fn names_a_person(m: &Mention, cx: &Context) -> bool {
    if m.dict_code.as_deref().is_some_and(|c| {
        ["IGO", "NGO", "IMG", "MNC"]
            .iter()
            .any(|p| c.starts_with(p))
    }) {
        return false;
    }
    let text = m.name.unwrap_or(m.span).slice(&cx.doc.text).to_lowercase();
    !text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ORG_WORDS.contains(&w))
}

fn absorb(a: &mut Actor, i: usize, m: &Mention, cx: &Context) {
    a.mentions.push(i);
    match m.kind {
        MentionKind::Name | MentionKind::UnknownName if names_a_person(m, cx) => a.person = true,
        MentionKind::Description if m.person_role => a.person = true,
        MentionKind::Country => a.state = true,
        _ => {}
    }
    if m.plural && !a.person {
        a.plural = true;
    }
    if matches!(m.kind, MentionKind::Pronoun(_)) {
        return;
    }
    if a.female.is_none() {
        a.female = gender(m.span.slice(&cx.doc.text));
    }
    if a.country.is_none() {
        if let Some(c) = m.country.clone() {
            a.country = Some(c);
        }
    }
    if m.dict_code.is_some() && a.dict_code.is_none() {
        a.dict_code = m.dict_code.clone();
    }
    if m.sectors.len() > a.sectors.len() {
        a.sectors = m.sectors.clone();
    }
    for p in &m.prefix {
        if !a.prefix.contains(p) {
            a.prefix.push(p.clone());
        }
    }
    if let Some(r) = m.role {
        let r = r.slice(&cx.doc.text).to_string();
        if a.role.is_none() {
            a.role = Some(r.clone());
        }
        if !a.roles.contains(&r) {
            a.roles.push(r);
        }
    }
    for w in &m.why {
        if !a.why.contains(w) {
            a.why.push(w.clone());
        }
    }
}

/// Sectors of state institutions: an actor with one of them and no country is the home
/// country's.
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "JUD", "COP", "LEG", "SPY"];

/// The country a story without a dateline is about: the one mentioned most, mentions in
/// the first sentence counting three times, when it leads the next by half as much again.
/// Only states count: a story about Britain's politics that names "Europe" four times is
/// not at home in EUR (its Conservative MP was coded EURLEG).
fn home_country(mentions: &[Mention], is_state: impl Fn(&str) -> bool) -> Option<String> {
    let mut score: HashMap<&str, usize> = HashMap::new();
    let first = mentions.iter().map(|m| m.sent).min()?;
    for m in mentions {
        if let Some(c) = m.country.as_deref().filter(|c| is_state(c)) {
            *score.entry(c).or_default() += if m.sent == first { 3 } else { 1 };
        }
    }
    let mut v: Vec<(&str, usize)> = score.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match v.as_slice() {
        [(c, _)] => Some(c.to_string()),
        [(c, a), (_, b), ..] if 2 * a >= 3 * b => Some(c.to_string()),
        _ => None,
    }
}

fn finish(actors: &mut [Actor], mentions: &[Mention], cx: &Context) {
    let home = home_country(mentions, |c| {
        cx.dict.is_state_code(c)
            && cx
                .dict
                .codebook
                .country(c)
                .is_none_or(|k| k.kind != sitrep_dict::codebook::CountryKind::Region)
    });
    let home = home.as_ref();
    for a in actors.iter_mut() {
        let text = &cx.doc.text;
        a.name = a
            .mentions
            .iter()
            .filter_map(|&k| mentions[k].name)
            .map(|s| s.slice(text))
            .max_by_key(|s| s.len())
            .or_else(|| {
                a.mentions
                    .iter()
                    .filter(|&&k| !matches!(mentions[k].kind, MentionKind::Pronoun(_)))
                    .map(|&k| mentions[k].span.slice(text))
                    .max_by_key(|s| s.len())
            })
            .unwrap_or("")
            .to_string();
        if a.state && a.sectors.is_empty() && a.dict_code.is_none() {
            if let Some(c) = a
                .country
                .as_deref()
                .and_then(|c| cx.dict.codebook.country(c))
            {
                a.name = c.name.to_string();
            }
        }
        // A dictionary person whose text title gives other sectors: the text is newer than
        // the dictionary, so its sectors win; the dictionary still gives the country.
        if let Some(d) = a.dict_code.clone() {
            let (c, s) = split_code(cx.dict, &d);
            let titled = a
                .mentions
                .iter()
                .any(|&k| mentions[k].role.is_some() && !mentions[k].sectors.is_empty());
            if titled && a.person && c.is_some() && !s.is_empty() {
                a.why.push(format!(
                    "dictionary code {d}; sectors from the title in the text"
                ));
                if a.country.is_none() {
                    a.country = c;
                }
                a.dict_code = None;
            }
        }
        let named = a
            .mentions
            .iter()
            .any(|&k| mentions[k].kind == MentionKind::Name && mentions[k].name.is_some());
        // Institutions of a state ("a Defense Ministry spokesman", "the military", "the
        // court") named without their state belong to the story's home country.
        // Only plain singular descriptions: not groups ("the paramilitary Rapid Support
        // Forces", "officials"), not "its armed forces" (the possessor's).
        let institutional = a.prefix.is_empty()
            && !a.plural
            && !a.sectors.iter().any(|s| s == "MED")
            && a.sectors
                .iter()
                .any(|s| STATE_SECTORS.contains(&s.as_str()))
            && a.mentions.iter().all(|&k| {
                let m = &mentions[k];
                m.poss_pronoun.is_none()
                    && m.name.is_none()
                    && matches!(m.kind, MentionKind::Description | MentionKind::Pronoun(_))
            });
        if a.country.is_none()
            && a.dict_code.is_none()
            && !a.sectors.is_empty()
            && (named || institutional)
        {
            if let Some(c) = &cx.dateline_country {
                a.country = Some(c.clone());
                a.why
                    .push(format!("{c} from the dateline (no country in the text)"));
            } else if let Some(c) = home {
                a.country = Some(c.clone());
                a.why.push(format!(
                    "{c}, the story's home country (no country in the text, no dateline)"
                ));
            }
        }
        if a.dict_code.is_none()
            && a.country.is_some()
            && a.sectors.is_empty()
            && a.mentions
                .iter()
                .all(|&k| mentions[k].kind == MentionKind::Country)
        {
            a.state = true;
        }
    }
}

/// True when mention `m` is the subject of its clause.
pub fn is_subject_rel(rel: DepRel) -> bool {
    matches!(rel, DepRel::Nsubj | DepRel::NsubjPass | DepRel::NsubjOuter)
}
