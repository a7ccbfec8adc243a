//! Toponym recognition: finds the token runs of a sentence that name gazetteer places.
//!
//! A run starts at a capitalised token and is the longest sequence whose name key is in the
//! gazetteer. Runs that look like parts of person or organisation names ("Michael Jordan",
//! "Washington Post", "Lake Victoria") are dropped; runs that are weak on their own (small
//! towns, common words such as "Nice", person-like names such as "Victoria") are kept with a
//! flag and must find support during resolution. Direction words before a run ("northern
//! Iraq", "west and northwest Iran") and area nouns after it ("the Kurdistan region") extend it.

use sitrep_text::{Document, Span, Upos};

use crate::dates::DateWords;
use crate::gazetteer::{Gazetteer, NameMatch};
use crate::normalize::{is_all_caps, is_capitalised, push_pieces};
use crate::place::PlaceKind;

/// Towns below this population need support from context to count as places.
pub(crate) const SMALL_TOWN: u64 = 100_000;
/// Longest name, in tokens, the scan tries.
const MAX_TOKENS: usize = 10;

/// Why a run is weak evidence of a place on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Weakness {
    /// Strong: a country, a big city, a division, a curated region.
    None,
    /// Only small towns carry the name.
    SmallTown,
    /// English mostly writes the name as a common word ("Nice", "Reading", "Mobile").
    CommonWord,
    /// The name is also a common personal name ("Victoria", "Jordan").
    Person,
    /// Only alternate names of towns match: needs its country in context.
    AlternateName,
}

/// A place-name run found in a sentence, before resolution.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// Sentence index.
    pub sentence: usize,
    /// Token range of the name itself, as indices into `Document::tokens`.
    pub name_tokens: (usize, usize),
    /// Span of the name itself.
    pub name_span: Span,
    /// Span with the direction words and area noun it was extended by.
    pub span: Span,
    /// The places the name can refer to.
    pub matches: Vec<NameMatch>,
    /// Direction words before the name ("west and northwest"), as written.
    pub direction: Option<String>,
    /// The direction words follow an article ("the northern Tigray region"): they describe
    /// where the whole place lies instead of naming a part of it.
    pub descriptive: bool,
    /// An area noun after the name ("region", "province"), lower-cased.
    pub area: Option<String>,
    /// Preceded by a locative word ("in", "near", "visited").
    pub marked: bool,
    /// Whether the name needs support from context.
    pub weakness: Weakness,
    /// The name is the first word of its sentence.
    pub sentence_initial: bool,
    /// Index (into the candidate list) of the place that qualifies this one ("Paris, Texas").
    pub qualified_by: Option<usize>,
    /// Index of the candidate this one qualifies.
    pub qualifies: Option<usize>,
}

/// Per-token facts the scan reads.
struct Tok {
    key: (usize, usize),
    cap: bool,
    caps: bool,
    alpha: bool,
    upos: Upos,
    span: Span,
}

/// A demonym found in a sentence ("Iranian"), used as context.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DemonymHit {
    /// Index of the country entry.
    pub country: crate::PlaceId,
}

/// Scans one sentence; pushes candidates and demonym hits.
pub(crate) fn scan_sentence(
    gaz: &Gazetteer,
    dates: &DateWords,
    doc: &Document,
    si: usize,
    out: &mut Vec<Candidate>,
    demonyms: &mut Vec<DemonymHit>,
) {
    let Some(sent) = doc.sentences.get(si) else {
        return;
    };
    let range = sent.tokens();
    let Some(tokens) = doc.tokens.get(range.clone()) else {
        return;
    };
    let words = gaz.words();
    let mut buf = String::with_capacity(doc.text.len().min(4096));
    let mut toks: Vec<Tok> = Vec::with_capacity(tokens.len());
    for t in tokens {
        let text = t.span.slice(&doc.text);
        let before = buf.len();
        // The key of a run of tokens is then one slice of `buf`: keys joined by one space.
        let pieces = push_pieces(&mut buf, text);
        let start = if pieces > 0 && before > 0 {
            before + 1
        } else {
            before
        };
        toks.push(Tok {
            key: (start, buf.len()),
            cap: is_capitalised(text),
            caps: is_all_caps(text),
            alpha: text.chars().any(char::is_alphabetic),
            upos: t.upos,
            span: t.span,
        });
    }
    let key = |i: usize| -> &str { toks.get(i).map(|t| &buf[t.key.0..t.key.1]).unwrap_or("") };
    // Headlines in title case capitalise nearly every word: the neighbour rules do not apply.
    let long: Vec<&Tok> = toks.iter().filter(|t| t.alpha && key_len(t) >= 4).collect();
    let headline = long.len() >= 3 && long.iter().filter(|t| !t.cap).count() * 10 <= long.len();

    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap || !toks[i].alpha {
            i += 1;
            continue;
        }
        // Longest run whose key names a place; each step extends the key by one token.
        let mut best: Option<(usize, &[NameMatch])> = None;
        for j in i..toks.len().min(i + MAX_TOKENS) {
            let run = run_key(&buf, &toks, i, j + 1);
            let Some(entry) = gaz.entry(run) else { break };
            let last_ok = !toks[j].alpha || toks[j].cap || j == i;
            let inner_ok = (i + 1..j).all(|k| !toks[k].alpha || toks[k].cap || key(k).len() <= 3);
            if !entry.places.is_empty() && last_ok && inner_ok {
                best = Some((j + 1, &entry.places));
            }
            if !entry.prefix {
                break;
            }
        }
        let Some((end, matches)) = best else {
            if let Some(c) = demonym_at(gaz, &buf, &toks, i) {
                demonyms.push(DemonymHit { country: c });
            }
            i += 1;
            continue;
        };
        let single = end == i + 1;
        let first_key = key(i);
        // A lone direction word ("Northern", "Central") or month or weekday ("March") is never
        // a place by itself; nor is a demonym ("German" is also a sheading of the Isle of Man).
        let demonym = single && gaz.demonym_id(first_key).is_some();
        let country_match = matches.iter().any(|m| {
            gaz.place(m.id)
                .is_some_and(|p| p.kind == PlaceKind::Country)
        });
        if single
            && (words.directions.contains(first_key)
                || dates.is_calendar_word(first_key)
                || (demonym && !country_match))
        {
            if demonym {
                if let Some(c) = gaz.demonym_id(first_key) {
                    demonyms.push(DemonymHit { country: c });
                }
            }
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1);
        let prev_key = prev.map(key).unwrap_or("");
        let sentence_initial = i == 0 || (i == 1 && !toks[0].alpha);
        // "Lake Victoria", "Mr Jordan", "Queen Victoria": not the place.
        if words.titles.contains(prev_key.trim_end_matches(" .")) {
            i = end;
            continue;
        }
        let is_country = matches.iter().any(|m| {
            gaz.place(m.id)
                .is_some_and(|p| p.kind == PlaceKind::Country)
        });
        let person = words.persons.contains(run_key(&buf, &toks, i, end));
        if !headline {
            // A capitalised word before the name that is not itself sentence-initial, a
            // direction or a demonym makes the run part of a longer name ("Michael Jordan").
            if let Some(p) = prev {
                let pt = &toks[p];
                let p_initial = p == 0 || (p == 1 && !toks[0].alpha);
                // Sentence-initial words are capitalised anyway: only an uncommon one
                // ("Michael") is taken for part of a name.
                if pt.cap
                    && pt.alpha
                    && (!p_initial || !gaz.is_common_word(prev_key))
                    && !pt.caps
                    && !words.directions.contains(prev_key)
                    && demonym_at(gaz, &buf, &toks, p).is_none()
                    && !dates.is_calendar_word(prev_key)
                {
                    i = end;
                    continue;
                }
            }
            // A capitalised word after it makes an organisation or a person ("Washington
            // Post", "Jordan Peterson"); countries keep their reading ("U.S. President").
            if let Some(nt) = toks.get(end) {
                let nk = key(end);
                if nt.cap
                    && nt.alpha
                    && !nt.caps
                    && (!is_country || person)
                    && !words.followers.contains(nk)
                    && !words.areas.contains(nk)
                    && !dates.is_calendar_word(nk)
                    && gaz.entry(nk).is_none_or(|e| e.places.is_empty())
                {
                    i = end;
                    continue;
                }
            }
        }
        // Part-of-speech, when the tagger has run: a common word must be tagged a proper noun.
        let common = single && gaz.is_common_word(first_key) && !toks[i].caps && !is_country;
        if common && !matches!(toks[i].upos, Upos::None | Upos::Propn) {
            i = end;
            continue;
        }
        let small = matches.iter().all(|m| {
            gaz.place(m.id).is_some_and(|p| {
                matches!(p.kind, PlaceKind::City | PlaceKind::Admin1) && p.population < SMALL_TOWN
            })
        });
        // Reached only through alternate names of towns ("Google" is an old nickname of
        // Topeka, "Twickenham" a former name of Huntsville).
        let alternate_only = matches
            .iter()
            .all(|m| !m.primary && gaz.place(m.id).is_some_and(|p| p.kind == PlaceKind::City));
        // A person-like name is weak only when no big place carries it ("Victoria" but not
        // "Houston" or "Georgia").
        let big = matches.iter().any(|m| {
            gaz.place(m.id)
                .is_some_and(|p| p.kind != PlaceKind::City || p.population >= 1_000_000)
        });
        let weakness = if common {
            Weakness::CommonWord
        } else if person && !big {
            Weakness::Person
        } else if small {
            Weakness::SmallTown
        } else if alternate_only {
            Weakness::AlternateName
        } else {
            Weakness::None
        };

        // "University of ...", "Bank of ...": a weak name before "of" heads an organisation.
        if weakness != Weakness::None && key(end) == "of" {
            i = end;
            continue;
        }

        // Extensions: direction words before, area noun after.
        let mut start_tok = i;
        let mut direction_from = None;
        let mut k = i;
        while k > 0 {
            let pk = key(k - 1);
            if words.directions.contains(pk) {
                direction_from = Some(k - 1);
            } else if !((words.joiners.contains(pk) || pk == "-")
                && k >= 2
                && words.directions.contains(key(k - 2)))
            {
                break;
            }
            k -= 1;
        }
        let descriptive = direction_from
            .and_then(|d| d.checked_sub(1))
            .is_some_and(|d| matches!(key(d), "the" | "a" | "an"));
        let direction = direction_from.map(|d| {
            start_tok = d;
            Span::new(toks[d].span.start, toks[i - 1].span.end)
                .slice(&doc.text)
                .to_string()
        });
        let mut end_tok = end;
        let area = toks.get(end).and_then(|_| {
            let nk = key(end);
            words.areas.contains(nk).then(|| {
                end_tok = end + 1;
                nk.to_string()
            })
        });
        let before = start_tok.checked_sub(1).map(key).unwrap_or("");
        let before2 = start_tok.checked_sub(2).map(key).unwrap_or("");
        let marked = words.locatives.contains(before)
            || (before == "the" && words.locatives.contains(before2));

        out.push(Candidate {
            sentence: si,
            name_tokens: (range.start + i, range.start + end),
            name_span: toks[i].span.cover(toks[end - 1].span),
            span: toks[start_tok].span.cover(toks[end_tok - 1].span),
            matches: matches.to_vec(),
            direction,
            descriptive,
            area,
            marked,
            weakness,
            sentence_initial,
            qualified_by: None,
            qualifies: None,
        });
        i = end;
    }
}

fn key_len(t: &Tok) -> usize {
    t.key.1 - t.key.0
}

/// The key of tokens `i..end`: a slice of the sentence's key buffer.
fn run_key<'b>(buf: &'b str, toks: &[Tok], i: usize, end: usize) -> &'b str {
    let (Some(a), Some(b)) = (toks.get(i), toks.get(end.saturating_sub(1))) else {
        return "";
    };
    buf.get(a.key.0..b.key.1).unwrap_or("")
}

/// A demonym of one or two tokens starting at `i` ("Iranian", "South Korean").
fn demonym_at(gaz: &Gazetteer, buf: &str, toks: &[Tok], i: usize) -> Option<crate::PlaceId> {
    if !toks.get(i)?.cap {
        return None;
    }
    if toks.len() > i + 1 {
        if let Some(c) = gaz.demonym_id(run_key(buf, toks, i, i + 2)) {
            return Some(c);
        }
    }
    gaz.demonym_id(run_key(buf, toks, i, i + 1))
}

/// Links "Paris, Texas": a run followed by a comma and a run naming a division or country
/// that contains one of its places.
pub(crate) fn link_qualifiers(gaz: &Gazetteer, doc: &Document, cands: &mut [Candidate]) {
    for a in 0..cands.len().saturating_sub(1) {
        let b = a + 1;
        if cands[a].sentence != cands[b].sentence || cands[a].qualified_by.is_some() {
            continue;
        }
        let (ae, bs) = (cands[a].name_tokens.1, cands[b].name_tokens.0);
        if bs != ae + 1
            || doc
                .tokens
                .get(ae)
                .is_none_or(|t| t.span.slice(&doc.text) != ",")
        {
            continue;
        }
        let inside: Vec<NameMatch> = cands[a]
            .matches
            .iter()
            .copied()
            .filter(|m| cands[b].matches.iter().any(|q| contains(gaz, q.id, m.id)))
            .collect();
        if inside.is_empty() {
            continue;
        }
        let containers: Vec<NameMatch> = cands[b]
            .matches
            .iter()
            .copied()
            .filter(|q| inside.iter().any(|m| contains(gaz, q.id, m.id)))
            .collect();
        cands[a].matches = inside;
        cands[a].qualified_by = Some(b);
        cands[b].matches = containers;
        cands[b].qualifies = Some(a);
    }
}

/// True when place `outer` contains place `inner` (a country its divisions and towns, a
/// division its towns).
pub(crate) fn contains(gaz: &Gazetteer, outer: crate::PlaceId, inner: crate::PlaceId) -> bool {
    let (Some(o), Some(p)) = (gaz.place(outer), gaz.place(inner)) else {
        return false;
    };
    if outer == inner || o.country.is_none() || o.country != p.country {
        return false;
    }
    match o.kind {
        PlaceKind::Country => p.kind != PlaceKind::Country,
        PlaceKind::Admin1 => p.kind == PlaceKind::City && p.admin1 == o.admin1,
        _ => false,
    }
}
