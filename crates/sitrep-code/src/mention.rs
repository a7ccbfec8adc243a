//! Actor mentions: noun phrases read off the parse and coded from dictionary pieces.
//!
//! A sentence is first scanned for dictionary *pieces* (longest matches of actor phrases such
//! as `Iran`, `Iranian`, `Barack Obama`, and agent phrases such as `Defense Minister`,
//! `rebels`). Each noun-phrase head of the parse then becomes a mention when its phrase holds
//! pieces that make it an actor; its code is composed from them: the country from a
//! nationality adjective, possessive, compound or `of`/`from`/`in` phrase, the sectors from the
//! titles and role nouns. A person no dictionary knows is coded from the title the text gives.

use chrono::NaiveDate;
use sitrep_dict::{AgentCode, Dictionaries, Placement, WordId};
use sitrep_text::{DepRel, Span, Upos};

use crate::tree::Tree;
use crate::words::{PronounKind, Words};

/// What a dictionary piece is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// An actor phrase with its code on the document date (`IRN`, `USAGOV`, `IGOWSTNAT`).
    Actor {
        /// The full code.
        code: String,
        /// True when the code is a bare country code (`IRN` from `Iran`, `Iranian`, `Tehran`).
        country_only: bool,
    },
    /// An actor phrase the dictionary marks as not an actor (`[---]`).
    NotActor,
    /// A name the dictionary knows, with no code valid on the document date.
    Dormant,
    /// A role noun with its sector code (`GOVMIL` from `Defense Minister`).
    Agent(AgentCode),
    /// An ethnic group adjective or noun (`Kurdish`), coded as a group.
    Ethnic(String),
}

/// A dictionary match over tokens `lo..=hi` of a sentence.
#[derive(Clone, Debug)]
pub struct Piece {
    /// First token (sentence-local).
    pub lo: usize,
    /// Last token (inclusive).
    pub hi: usize,
    /// What matched.
    pub kind: PieceKind,
    /// Dictionary file and line, or the codebook table, for `--explain`.
    pub origin: String,
    /// Syntactic head of the matched tokens.
    pub head: usize,
}

/// What sort of mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name (with or without a title).
    Name,
    /// A definite or indefinite role description (`the defense chief`, `Iraqi officials`).
    Description,
    /// A country, capital or demonym standing for a state (`Iran`, `Tehran`, `Iranians`).
    Country,
    /// An organisation or group named by a dictionary phrase (`NATO`, `Islamic State`).
    Organisation,
    /// A pronoun to resolve.
    Pronoun(PronounKind),
    /// `the two countries`: the two most prominent countries of the document.
    Pair,
    /// A capitalised name no dictionary knows and no title codes (kept for coreference).
    UnknownName,
}

/// One mention of a (possible) actor in a sentence.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Sentence index.
    pub sent: usize,
    /// Head token (sentence-local).
    pub head: usize,
    /// Leftmost token of the mention.
    pub lo: usize,
    /// Rightmost token of the mention.
    pub hi: usize,
    /// Byte span of the mention.
    pub span: Span,
    /// The proper-name part (`Mohammad Reza Gharaei Ashtiani`), if any.
    pub name: Option<Span>,
    /// The title or role words (`Defense Minister`), if any.
    pub role: Option<Span>,
    /// Kind.
    pub kind: MentionKind,
    /// A full code from an actor dictionary entry (person, organisation).
    pub dict_code: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Role codes, in order.
    pub sectors: Vec<String>,
    /// Agent codes placed before the country (`NGO~`).
    pub prefix: Vec<String>,
    /// Plural (`officials`, `militants`).
    pub plural: bool,
    /// A singular person-role head (`minister`, `chief`): refers back to a named person.
    pub person_role: bool,
    /// The possessor is a pronoun (`his country`; its token, sentence-local): the mention's
    /// country comes from the pronoun's referent.
    pub poss_pronoun: Option<usize>,
    /// The possessor's head token (sentence-local) when the possessor is a mention: a
    /// description without a country takes the possessor's ("his country's government").
    pub poss_head: Option<usize>,
    /// How the code was reached.
    pub why: Vec<String>,
    /// Actor index after coreference.
    pub actor: Option<usize>,
    /// Other tokens that stand for this mention (the head of a title merged into the name).
    pub alias_heads: Vec<usize>,
    /// The head token (sentence-local) of the possessor or `of`/`from`/`in` phrase the
    /// mention's country came from ("the ambassadors of Arnor").
    pub country_from: Option<usize>,
    /// Countries of country words coordinated with the one that gave [`Mention::country`]
    /// inside the phrase ("Iranian and Iraqi officials": `IRQ` and the token of "Iraqi");
    /// each makes a companion mention.
    pub conj_countries: Vec<(String, usize)>,
    /// The token of the country word that gave [`Mention::country`], when inside the phrase.
    pub country_token: Option<usize>,
    /// For a copy made for one member of a distributed complement ("the ambassadors of
    /// Arnor, | Osgiliath | and Gondor"), the mention it copies: no token stands for it.
    pub companion_of: Option<usize>,
    /// The other members of a coordination this mention belongs to ("Iran, Iraq and
    /// Syria"), as document mention indices: an event of one member is an event of each.
    pub conjuncts: Vec<usize>,
}

impl Mention {
    /// The code this mention carries on its own (before coreference).
    pub fn own_code(&self) -> Option<String> {
        compose(
            self.dict_code.as_deref(),
            self.country.as_deref(),
            &self.sectors,
            &self.prefix,
        )
    }

    /// True when the mention carries any coding information.
    pub fn is_coded(&self) -> bool {
        self.dict_code.is_some() || self.country.is_some() || !self.sectors.is_empty()
    }
}

/// Compose an actor code: a dictionary code with sectors appended, or country + sectors.
pub fn compose(
    dict: Option<&str>,
    country: Option<&str>,
    sectors: &[String],
    prefix: &[String],
) -> Option<String> {
    let mut code = match (dict, country) {
        (Some(d), _) => d.to_string(),
        (None, Some(c)) => c.to_string(),
        (None, None) if !sectors.is_empty() || !prefix.is_empty() => String::new(),
        (None, None) => return None,
    };
    for s in sectors {
        if !contains_piece(&code, s) {
            code.push_str(s);
        }
    }
    for p in prefix.iter().rev() {
        if !contains_piece(&code, p) {
            code.insert_str(0, p);
        }
    }
    (!code.is_empty()).then_some(code)
}

/// True when the 3-letter `piece` is one of the 3-letter pieces of `code`.
pub fn contains_piece(code: &str, piece: &str) -> bool {
    (0..code.len() / 3).any(|i| code.get(i * 3..i * 3 + 3) == Some(piece))
}

/// Split a code into its country (first piece, when a country) and its role sectors.
pub fn split_code(dict: &Dictionaries, code: &str) -> (Option<String>, Vec<String>) {
    let pieces: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    let mut country = None;
    let mut sectors = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if i == 0 && dict.is_state_code(p) {
            country = Some(p.to_string());
        } else if dict.codebook.actor_type(p).is_some() && !sectors.iter().any(|s| s == p) {
            sectors.push(p.to_string());
        }
    }
    (country, sectors)
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// A one-word match of at most three letters written with lower-case letters ("Un" in "Kim
/// Jong Un", "Who"): dictionary acronyms (UN, WHO, AU) are written in capitals, so this is
/// another word.
fn mixed_case_acronym(form: &str) -> bool {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 3 && form.chars().any(char::is_lowercase)
}

/// A place name written in capitals in running text is an acronym of something else ("the
/// state news agency SANA" is not Yemen's capital): an all-capital word of three letters or
/// more matching a country's entry but none of the codebook's names of a country (USA, UK,
/// DPRK and UAE are), in a sentence that is not itself in capitals.
fn place_as_acronym(tree: &Tree, i: usize, dict: &Dictionaries, code: Option<&str>) -> bool {
    let f = tree.form(i);
    let letters = f.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = letters >= 3 && !f.chars().any(char::is_lowercase);
    if !all_caps || !code.is_some_and(|c| dict.is_state_code(c)) {
        return false;
    }
    if dict.codebook.country_by_name(f).is_some()
        || dict.codebook.country_by_name(&f.replace('.', "")).is_some()
    {
        return false;
    }
    let lower_words = (0..tree.len())
        .filter(|&k| tree.form(k).chars().any(char::is_lowercase))
        .count();
    2 * lower_words > tree.len()
}

/// Find the dictionary pieces of a sentence.
pub fn pieces(
    tree: &Tree,
    ids: &[Option<WordId>],
    dict: &Dictionaries,
    date: Option<NaiveDate>,
) -> Vec<Piece> {
    let n = tree.len();
    let mut out = Vec::new();
    let the_id = dict.lexicon.get("THE");
    let mut i = 0;
    while i < n {
        // Names are capitalised in English; a lower-case match ("may", "bush") is a word. A
        // leading "the" does not count ("the Islamic State").
        let content = if tree.is(i, "the") && i + 1 < n {
            i + 1
        } else {
            i
        };
        let mut actor = dict.actors.longest_match(ids, i).filter(|m| {
            capitalised(tree.form(content))
                && !(tree.upos(i) == Upos::Verb && m.len == 1)
                && !(m.len == 1 && mixed_case_acronym(tree.form(i)))
                && !(m.len == 1 && place_as_acronym(tree, i, dict, m.code(date)))
        });
        let mut alen = actor.as_ref().map_or(0, |m| m.len);
        // Phoenix writes some names with their article ("THE ISLAMIC STATE"): match them
        // when the text leaves it out.
        if actor.is_none() && capitalised(tree.form(i)) && (i == 0 || !tree.is(i - 1, "the")) {
            if let Some(the) = the_id {
                let mut with_the = Vec::with_capacity(9);
                with_the.push(Some(the));
                with_the.extend(ids[i..].iter().take(8).copied());
                if let Some(m) = dict
                    .actors
                    .longest_match(&with_the, 0)
                    .filter(|m| m.len >= 2 && !(m.len == 2 && mixed_case_acronym(tree.form(i))))
                {
                    alen = m.len - 1;
                    actor = Some(m);
                }
            }
        }
        let mut agent = dict.agents.longest_match(ids, i);
        // Phoenix's AMBASSADOR_TO, EMBASSY_IN, OBSERVERS_IN end with a preposition: the
        // phrase after it is another mention ("Japan's Ambassador to | the United Nations
        // Koro Bessho"), so the agent stops before it.
        if let Some(m) = agent.as_ref().filter(|m| m.len >= 2) {
            let last = i + m.len - 1;
            if tree.upos(last) == Upos::Adp {
                agent = dict.agents.longest_match(&ids[..last], i);
            }
        }
        let glen = agent.as_ref().map_or(0, |m| m.len);
        if alen == 0 && glen == 0 {
            if capitalised(tree.form(i)) {
                // The codebook's country table is newer than Phoenix and lists plurals of
                // demonyms ("Iranians") that Phoenix leaves out.
                // Capitals are left to the actor dictionaries: "Hamilton" is more often a
                // person than Bermuda's capital.
                let form = tree.form(i);
                let hit = dict
                    .codebook
                    .country_by_name(form)
                    .map(|c| (c, "name"))
                    .or_else(|| {
                        dict.codebook
                            .country_by_demonym(form)
                            .map(|c| (c, "demonym"))
                    });
                if let Some((c, kind)) = hit {
                    let code = c.code.to_string();
                    out.push(piece(
                        tree,
                        i,
                        i,
                        PieceKind::Actor {
                            code,
                            country_only: true,
                        },
                        format!("countries.tsv:{} ({kind})", c.line),
                    ));
                } else if let Some(g) = dict.codebook.ethnic_groups_by_form(tree.form(i)).next() {
                    out.push(piece(
                        tree,
                        i,
                        i,
                        PieceKind::Ethnic(g.code.to_uppercase()),
                        "cameo_ethnic.tsv".into(),
                    ));
                }
            }
            i += 1;
            continue;
        }
        let actor_blocks = actor.as_ref().is_some_and(|m| m.code(date).is_none());
        // "South Korea's Joint Chiefs of Staff", "the Pakistani Senate": a phrase that is
        // both one country's institution in the actor dictionaries (Phoenix lists JOINT
        // CHIEFS OF STAFF under the United States military) and a generic agent is the
        // agent when another country owns it right before it.
        let owner = out.last().and_then(|p: &Piece| {
            let gap = if i >= 1 && matches!(tree.form(i - 1), "'s" | "\u{2019}s") {
                2
            } else {
                1
            };
            let PieceKind::Actor {
                code,
                country_only: true,
            } = &p.kind
            else {
                return None;
            };
            (p.hi + gap == i).then_some(code.as_str())
        });
        let foreign_owned = alen == glen
            && owner.is_some_and(|c| {
                actor
                    .as_ref()
                    .and_then(|m| m.code(date))
                    .is_some_and(|code| !code.starts_with(c))
            });
        if alen > glen || alen == glen && !actor_blocks && !foreign_owned {
            let Some(m) = actor else { break };
            let o = m.origin();
            let origin = format!("{}:{}", short_file(&o.file), o.line);
            let kind = match m.code(date) {
                Some(code) => PieceKind::Actor {
                    country_only: dict.is_state_code(code),
                    code: code.to_string(),
                },
                // `[---]`: known, and not an actor. No code on this date: a known name whose
                // dated roles do not cover it; the text's titles may still code it.
                None if m.entry.code_on(date).is_some() => PieceKind::NotActor,
                None => PieceKind::Dormant,
            };
            out.push(piece(tree, i, i + alen - 1, kind, origin));
            i += alen;
        } else {
            let Some(m) = agent else { break };
            let origin = format!(
                "{}:{}",
                short_file(&m.entry.origin.file),
                m.entry.origin.line
            );
            out.push(piece(
                tree,
                i,
                i + glen - 1,
                PieceKind::Agent(m.entry.code.clone()),
                origin,
            ));
            i += glen;
        }
    }
    out
}

fn short_file(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn piece(tree: &Tree, lo: usize, hi: usize, kind: PieceKind, origin: String) -> Piece {
    // The token of the phrase nearest the root of the tree.
    let head = (lo..=hi)
        .filter(|&k| tree.head(k).is_none_or(|h| h < lo || h > hi))
        .min_by_key(|&k| depth(tree, k))
        .unwrap_or(hi);
    Piece {
        lo,
        hi,
        kind,
        origin,
        head,
    }
}

/// Relations that keep a token inside its head's noun phrase.
fn np_internal(rel: DepRel) -> bool {
    matches!(
        rel,
        DepRel::Compound
            | DepRel::Flat
            | DepRel::Amod
            | DepRel::Det
            | DepRel::Fixed
            | DepRel::Goeswith
            | DepRel::Nummod
            | DepRel::NmodDesc
    )
}

/// The noun-phrase head a token belongs to (itself when it heads its phrase).
fn np_head(tree: &Tree, mut i: usize) -> usize {
    for _ in 0..tree.len() {
        match tree.head(i) {
            Some(h) if np_internal(tree.rel(i)) && h != i => i = h,
            _ => break,
        }
    }
    i
}

/// All mentions of a sentence, in token order.
pub fn mentions(tree: &Tree, pieces: &[Piece], dict: &Dictionaries, words: &Words) -> Vec<Mention> {
    let n = tree.len();
    // piece_at[k]: the piece covering token k.
    let mut piece_at: Vec<Option<usize>> = vec![None; n];
    for (pi, p) in pieces.iter().enumerate() {
        for slot in piece_at.iter_mut().take(p.hi + 1).skip(p.lo) {
            *slot = Some(pi);
        }
    }
    // NP membership: every token's phrase head; pieces count at their own head.
    let mut heads: Vec<usize> = (0..n)
        .map(|k| match piece_at[k] {
            Some(pi) => np_head(tree, pieces[pi].head),
            None => np_head(tree, k),
        })
        .collect();
    // A dictionary phrase is one unit even when the parse spreads it over two phrases
    // ("German | Chancellor Olaf Scholz"): whatever hangs off any of its tokens joins it.
    for _ in 0..2 {
        for k in 0..n {
            if let Some(pi) = piece_at[heads[k]] {
                let h = heads[pieces[pi].head];
                if heads[k] != h {
                    heads[k] = h;
                }
            }
        }
    }

    let mut out: Vec<Mention> = Vec::new();
    let mut by_head: Vec<Option<usize>> = vec![None; n];
    // Possessors and prepositional dependents are mentions of their own that feed their
    // head's country, so visit heads deepest first.
    let mut order: Vec<usize> = (0..n).filter(|&k| heads[k] == k).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(depth(tree, k)));
    for h in order {
        if let Some(m) = mention_at(
            tree, h, &heads, pieces, &piece_at, &by_head, &out, dict, words,
        ) {
            by_head[h] = Some(out.len());
            out.push(m);
        }
    }
    // A country word inside a phrase that is not an actor ("the U.S. sanctions", "Iraq's
    // progress") is still a mention of that country: the actor behind the act.
    // So is a named actor modifying an act ("a Taliban truck bombing", "NATO air strikes").
    for p in pieces {
        if let PieceKind::Actor { code, country_only } = &p.kind {
            if !out.iter().any(|m| m.lo <= p.head && p.head <= m.hi) {
                let span = tree.span(p.lo, p.hi);
                if !country_only {
                    if tree.upos(p.head) != Upos::Propn {
                        continue;
                    }
                    let mut m = bare(tree, p.head, p.lo, p.hi, span, MentionKind::Name);
                    m.dict_code = Some(code.clone());
                    m.name = Some(span);
                    m.why.push(format!(
                        "{code} from \u{201c}{}\u{201d} ({}), a name modifying a noun",
                        span.slice(&tree.doc.text),
                        p.origin
                    ));
                    out.push(m);
                    continue;
                }
                let mut m = bare(tree, p.head, p.lo, p.hi, span, MentionKind::Country);
                m.country = Some(code.clone());
                m.why.push(format!(
                    "{code} from \u{201c}{}\u{201d} ({})",
                    span.slice(&tree.doc.text),
                    p.origin
                ));
                out.push(m);
            }
        }
    }
    out.sort_by_key(|m| m.lo);
    merge_titles(tree, out)
}

/// Surnames the tagger took for common words ("Moon on Tuesday welcomed …" after "President
/// Moon Jae-in"): a capitalised token outside every mention that repeats the first or last
/// word of an earlier name of two words or more becomes a name mention of its own, for
/// coreference to join. `mentions` is in document order; the new ones are inserted in order.
pub fn surname_mentions(trees: &[Tree], mentions: &mut Vec<Mention>) {
    let mut surnames: Vec<(String, usize)> = Vec::new(); // (lowercase surname, first sentence)
    for m in mentions.iter() {
        if !matches!(m.kind, MentionKind::Name | MentionKind::UnknownName) {
            continue;
        }
        let Some(name) = m.name else { continue };
        let t = &trees[m.sent];
        let toks: Vec<usize> = (m.lo..=m.hi)
            .filter(|&k| name.contains(t.toks[k].span))
            .collect();
        if toks.len() >= 2 {
            // The family name ends Western names and starts East Asian ones ("Moon Jae-in").
            for k in [toks[0], toks[toks.len() - 1]] {
                let w = t.form(k).to_lowercase();
                if w.chars().count() > 2 && !surnames.iter().any(|(s, _)| *s == w) {
                    surnames.push((w, m.sent));
                }
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for (si, t) in trees.iter().enumerate() {
        for k in 0..t.len() {
            let f = t.form(k);
            if !capitalised(f) || matches!(t.upos(k), Upos::Propn | Upos::Pron | Upos::Det) {
                continue;
            }
            let lower = f.to_lowercase();
            if !surnames.iter().any(|(s, first)| *s == lower && *first < si) {
                continue;
            }
            let covered = mentions
                .iter()
                .any(|m| m.sent == si && m.lo <= k && k <= m.hi);
            if covered {
                continue;
            }
            let span = t.toks[k].span;
            let mut m = bare(t, k, k, k, span, MentionKind::UnknownName);
            m.name = Some(span);
            m.why.push(format!(
                "\u{201c}{f}\u{201d} repeats the surname of an earlier name"
            ));
            added.push(m);
        }
    }
    if added.is_empty() {
        return;
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.sent, m.lo));
}

/// Acronyms the text defines: "the Palestinian Authority (PA)", "the Inter-Services Public
/// Relations (ISPR)". A later capitalised token spelling the acronym outside every mention is a
/// mention of the same actor (its code copied; coreference joins them by code).
pub fn defined_acronyms(trees: &[Tree], mentions: &mut Vec<Mention>) {
    let mut defs: Vec<(String, usize)> = Vec::new(); // (acronym, mention index)
    for (mi, m) in mentions.iter().enumerate() {
        if m.own_code().is_none() || matches!(m.kind, MentionKind::Pronoun(_) | MentionKind::Pair) {
            continue;
        }
        let t = &trees[m.sent];
        // "( ACRONYM )" right after the mention or at its end.
        for start in [m.hi + 1, m.hi.saturating_sub(2)] {
            if start + 2 >= t.len() {
                continue;
            }
            let (a, b, c) = (t.form(start), t.form(start + 1), t.form(start + 2));
            let acro = b.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && b.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '-' || c == '.');
            if a == "(" && c == ")" && acro && !defs.iter().any(|(x, _)| x == b) {
                defs.push((b.to_string(), mi));
            }
        }
    }
    if defs.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for (si, t) in trees.iter().enumerate() {
        for k in 0..t.len() {
            // "… with the PA." may come tokenized with the sentence's period.
            let form = t.form(k).trim_end_matches('.');
            let Some(&(_, mi)) = defs.iter().find(|(x, _)| x == form) else {
                continue;
            };
            let m = &mentions[mi];
            let defined_here = si == m.sent && k <= m.hi + 3;
            let covered = mentions
                .iter()
                .any(|o| o.sent == si && o.lo <= k && k <= o.hi);
            if defined_here || covered || (si, k) < (m.sent, m.hi) {
                continue;
            }
            let span = t.toks[k].span;
            let mut a = bare(t, k, k, k, span, m.kind);
            a.name = Some(span);
            a.dict_code = m.dict_code.clone();
            a.country = m.country.clone();
            a.sectors = m.sectors.clone();
            a.prefix = m.prefix.clone();
            a.plural = m.plural;
            a.why.push(format!(
                "\u{201c}{}\u{201d} as the text defined it: {}",
                t.form(k),
                m.span.slice(&t.doc.text)
            ));
            added.push(a);
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.sent, m.lo));
    }
}

/// "President Trump", "Foreign Minister Lavrov": a title with a family name alone names the
/// office holder of the dictionaries with that family name who holds an office of the
/// title's sector on the document's date, when exactly one does (one code among them).
pub fn titled_surnames(
    trees: &[Tree],
    ids: &[Vec<Option<WordId>>],
    dict: &Dictionaries,
    date: Option<NaiveDate>,
    mentions: &mut [Mention],
) {
    for m in mentions.iter_mut() {
        if m.kind != MentionKind::Name || m.dict_code.is_some() || m.country.is_some() {
            continue;
        }
        let (Some(name), Some(_)) = (m.name, m.role) else {
            continue;
        };
        let t = &trees[m.sent];
        let toks: Vec<usize> = (m.lo..=m.hi)
            .filter(|&k| name.contains(t.toks[k].span))
            .collect();
        let [k] = toks[..] else { continue };
        let Some(w) = ids[m.sent][k] else { continue };
        // "The UN envoy": a word that starts an actor entry of its own ("UN", "UN envoy") is
        // no one's family name (the last word of "Kim Jong Un" made the UN envoy North
        // Korea's government).
        if dict.actors.longest_match(&ids[m.sent], k).is_some() {
            continue;
        }
        let mut codes: Vec<&str> = dict
            .actors
            .office_holders_named(w)
            .filter_map(|e| e.code_on(date).and_then(|c| c.code.as_deref()))
            .filter(|c| {
                let (country, sectors) = split_code(dict, c);
                country.is_some() && sectors.iter().any(|x| m.sectors.contains(x))
            })
            .collect();
        codes.sort_unstable();
        codes.dedup();
        if let [code] = codes[..] {
            m.why.push(format!(
                "{code}: the one office holder of the dictionaries called \u{201c}{}\u{201d} with this title's sector on this date",
                t.form(k)
            ));
            m.dict_code = Some(code.to_string());
        }
    }
}

/// A role description directly followed by a name is that person's title, whatever the
/// parse made of it: "Iranian Defense Minister | Mohammad Reza Gharaei Ashtiani".
fn merge_titles(tree: &Tree, v: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(v.len());
    for m in v {
        if let Some(prev) = out.last_mut() {
            let adjacent = prev.hi + 1 == m.lo;
            let title =
                prev.kind == MentionKind::Description && !prev.plural && prev.dict_code.is_none();
            // A lone demonym the parse left outside the phrase it modifies ("French |
            // President Emmanuel Macron").
            // A dictionary person of that country counts too ("French | President Emmanuel
            // Macron", FRAGOV).
            let same_country = |c: &Option<String>| {
                prev.country
                    .as_deref()
                    .is_some_and(|p| c.as_deref().is_some_and(|c| c.starts_with(p)))
            };
            let demonym = prev.kind == MentionKind::Country
                && prev.lo == prev.hi
                && tree.upos(prev.head) == Upos::Adj
                && (m.country.is_none() || same_country(&m.country))
                && (m.dict_code.is_none() || same_country(&m.dict_code))
                && matches!(
                    m.kind,
                    MentionKind::Name | MentionKind::UnknownName | MentionKind::Description
                );
            if adjacent && demonym {
                let mut merged = m.clone();
                merged.lo = prev.lo;
                merged.span = prev.span.cover(m.span);
                merged.country = prev.country.clone();
                if merged.kind == MentionKind::UnknownName {
                    merged.kind = MentionKind::Name;
                }
                let mut why = prev.why.clone();
                why.extend(m.why.iter().cloned());
                merged.why = why;
                merged.alias_heads.push(prev.head);
                *prev = merged;
                continue;
            }
            if adjacent
                && title
                && matches!(m.kind, MentionKind::Name | MentionKind::UnknownName)
                && m.dict_code.is_none()
            {
                let mut merged = m.clone();
                merged.kind = MentionKind::Name;
                merged.lo = prev.lo;
                merged.span = prev.span.cover(m.span);
                merged.country = m.country.clone().or_else(|| prev.country.clone());
                for s in &prev.sectors {
                    if !merged.sectors.contains(s) {
                        merged.sectors.push(s.clone());
                    }
                }
                merged.role = match (prev.role, m.role) {
                    (Some(a), Some(b)) => Some(a.cover(b)),
                    (a, b) => a.or(b).or(Some(prev.span)),
                };
                let mut why = prev.why.clone();
                why.extend(m.why.iter().cloned());
                merged.why = why;
                merged.alias_heads.push(prev.head);
                merged.alias_heads.extend(prev.alias_heads.iter().copied());
                *prev = merged;
                continue;
            }
        }
        out.push(m);
    }
    out
}

fn depth(tree: &Tree, mut i: usize) -> usize {
    let mut d = 0;
    while let Some(h) = tree.head(i) {
        d += 1;
        i = h;
        if d > tree.len() {
            break;
        }
    }
    d
}

#[allow(clippy::too_many_arguments)]
fn mention_at(
    tree: &Tree,
    h: usize,
    heads: &[usize],
    pieces: &[Piece],
    piece_at: &[Option<usize>],
    by_head: &[Option<usize>],
    done: &[Mention],
    dict: &Dictionaries,
    words: &Words,
) -> Option<Mention> {
    let n = tree.len();
    let upos = tree.upos(h);
    let lower = tree.form(h).to_lowercase();
    let members: Vec<usize> = (0..n).filter(|&k| heads[k] == h).collect();
    let own: Vec<usize> = {
        let mut v: Vec<usize> = members.iter().filter_map(|&k| piece_at[k]).collect();
        v.dedup();
        v
    };
    let head_piece = piece_at[h].filter(|&pi| own.contains(&pi));

    // Pronouns and "the two countries" first: no pieces needed.
    if matches!(upos, Upos::Pron | Upos::Det)
        || (upos == Upos::None && words.pronoun(&lower).is_some())
    {
        let kind = words.pronoun(&lower)?;
        let span = tree.toks[h].span;
        return Some(bare(tree, h, h, h, span, MentionKind::Pronoun(kind)));
    }
    if words.is_pair_noun(&lower)
        && tree
            .children(h)
            .any(|k| tree.is(k, "two") || tree.is(k, "both"))
        && head_piece.is_none()
    {
        let (lo, hi) = bounds(tree, &members);
        return Some(bare(tree, h, lo, hi, tree.span(lo, hi), MentionKind::Pair));
    }
    if !matches!(
        upos,
        Upos::Noun | Upos::Propn | Upos::Num | Upos::X | Upos::Adj | Upos::None
    ) && head_piece.is_none()
    {
        return None;
    }

    let mut m = {
        let (lo, hi) = bounds(tree, &members);
        bare(tree, h, lo, hi, tree.span(lo, hi), MentionKind::UnknownName)
    };
    let mut has_agent_head = false;
    let mut title_tokens: Vec<usize> = Vec::new();
    let mut country_why: Option<String> = None;
    let mut country_head: Option<usize> = None;
    // Of several named entries in one phrase, the last is the entity and the earlier ones
    // are its titles ("German Chancellor | Olaf Scholz").
    let last_entity = own
        .iter()
        .copied()
        .filter(|&pi| {
            matches!(
                pieces[pi].kind,
                PieceKind::Actor {
                    country_only: false,
                    ..
                } | PieceKind::Dormant
            )
        })
        .max_by_key(|&pi| pieces[pi].lo);
    // Phoenix codes SPOKESMAN as media; a spokesperson speaks for the body named with them.
    let mut spokes_med = false;
    for &pi in &own {
        let p = &pieces[pi];
        let text = tree.span(p.lo, p.hi).slice(&tree.doc.text);
        match &p.kind {
            PieceKind::Actor {
                code,
                country_only: false,
            } if Some(pi) != last_entity && last_entity.is_some_and(|l| pieces[l].lo > p.hi) => {
                let (c, s) = split_code(dict, code);
                if m.country.is_none() {
                    if let Some(c) = c {
                        country_why = Some(format!(
                            "{c} from title \u{201c}{text}\u{201d} ({})",
                            p.origin
                        ));
                        m.country = Some(c);
                    }
                }
                for x in s {
                    if !m.sectors.contains(&x) {
                        m.sectors.push(x);
                    }
                }
                m.why.push(format!(
                    "{code} from title \u{201c}{text}\u{201d} ({})",
                    p.origin
                ));
                title_tokens.extend(p.lo..=p.hi);
            }
            PieceKind::Actor { code, country_only } => {
                if *country_only {
                    if m.country.is_none() {
                        m.country = Some(code.clone());
                        country_head = Some(p.head);
                        country_why =
                            Some(format!("{code} from \u{201c}{text}\u{201d} ({})", p.origin));
                    } else if m.country.as_ref() != Some(code)
                        && tree.rel(p.head) == DepRel::Conj
                        && tree.head(p.head).is_some_and(|h| Some(h) == country_head)
                    {
                        // "Eriadori and Calenardhon leaders": a coordinated country word.
                        m.conj_countries.push((code.clone(), p.head));
                    }
                } else if Some(pi) == head_piece
                    || m.dict_code.is_none()
                        // The entry is a name ("The UN": its head may be the article).
                        && (p.lo..=p.hi).any(|k| tree.upos(k) == Upos::Propn)
                        // "the UN Security Council resolutions" is a thing, not the UN ("the
                        // KU basketball team" is KU's).
                        && (tree.upos(h) != Upos::Noun
                            || capitalised(tree.form(h))
                            || words.is_collective(&lower)
                            // "the UN envoy", "UN peacekeepers": a person or body of the
                            // entry's (an agent noun) is the entry's, not its country's.
                            || piece_at[h]
                                .is_some_and(|a| matches!(pieces[a].kind, PieceKind::Agent(_))))
                {
                    m.dict_code = Some(code.clone());
                    m.why
                        .push(format!("{code} from \u{201c}{text}\u{201d} ({})", p.origin));
                } else {
                    // A coded actor used as a modifier ("Obama administration"): its country.
                    let (c, _) = split_code(dict, code);
                    if m.country.is_none() {
                        if let Some(c) = c {
                            country_why =
                                Some(format!("{c} from \u{201c}{text}\u{201d} ({})", p.origin));
                            m.country = Some(c);
                        }
                    }
                }
            }
            PieceKind::Agent(a) => {
                if Some(pi) == head_piece {
                    has_agent_head = true;
                }
                if text.to_lowercase().starts_with("spokes") && a.sectors().any(|s| s == "MED") {
                    spokes_med = true;
                }
                for s in a.sectors() {
                    let target = if a.placement == Placement::Before {
                        &mut m.prefix
                    } else {
                        &mut m.sectors
                    };
                    if !target.iter().any(|x| x == s) {
                        target.push(s.to_string());
                    }
                }
                m.why.push(format!(
                    "{} from \u{201c}{text}\u{201d} ({})",
                    a.code, p.origin
                ));
                title_tokens.extend(p.lo..=p.hi);
            }
            PieceKind::Ethnic(code) => {
                if m.country.is_none() {
                    m.country = Some(code.clone());
                    country_why = Some(format!(
                        "{code} from \u{201c}{text}\u{201d} (cameo_ethnic.tsv)"
                    ));
                }
            }
            PieceKind::NotActor => {
                if Some(pi) == head_piece {
                    return None;
                }
            }
            PieceKind::Dormant => {
                m.why.push(format!(
                    "\u{201c}{text}\u{201d} has no dictionary role on this date ({})",
                    p.origin
                ));
            }
        }
    }

    // "Foreign Office spokesperson", "army spokesman", "Kremlin spokesman": the body's
    // sector, not media's (the body may be the phrase's dictionary entry: Kremlin, RUSGOV).
    if spokes_med {
        if let Some(d) = &m.dict_code {
            for x in split_code(dict, d).1 {
                if !m.sectors.contains(&x) {
                    m.sectors.push(x);
                }
            }
        }
    }
    if spokes_med && m.sectors.iter().any(|x| x != "MED") {
        m.sectors.retain(|x| x != "MED");
        m.why.push(
            "MED of \u{201c}spokesperson\u{201d} dropped: the body spoken for gives the sector"
                .into(),
        );
    }

    // Abbreviated titles the agent dictionary lacks ("Lt.", "Gen.", "Dr.") are role words,
    // not part of the name.
    // Honorifics written without a period ("Mr Abbas", British style) are titles too.
    for &k in &members {
        let f = tree.form(k);
        let honorific = matches!(
            f.trim_end_matches('.'),
            "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Sir" | "Dame" | "Lord" | "Lady" | "Mister"
        );
        if piece_at[k].is_none()
            && (f.ends_with('.') || honorific)
            && f.len() <= 6
            && capitalised(f)
            && k < h.max(1) + 8
        {
            let next_is_name = k + 1 < n && capitalised(tree.form(k + 1));
            if next_is_name && f.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                title_tokens.push(k);
            }
        }
    }

    // Possessor and prepositional phrase: countries for agents and titled people.
    let takes_outer_country = has_agent_head
        || !m.sectors.is_empty()
        || words.is_collective(&lower)
        || crate::words::STATE_NOUNS.contains(&lower.as_str());
    for k in tree.children(h).collect::<Vec<_>>() {
        let rel = tree.rel(k);
        let Some(mi) = by_head[k] else { continue };
        let dep = &done[mi];
        if rel == DepRel::NmodPoss {
            m.poss_head = Some(dep.head);
            if let MentionKind::Pronoun(_) = dep.kind {
                m.poss_pronoun = Some(dep.head);
            } else if m.country.is_none() && takes_outer_country {
                if let Some(c) = dep
                    .country
                    .clone()
                    .or_else(|| dep.dict_code.as_ref().and_then(|d| split_code(dict, d).0))
                {
                    country_why = Some(format!(
                        "{c} from possessor \u{201c}{}\u{201d}",
                        dep.span.slice(&tree.doc.text)
                    ));
                    m.country = Some(c);
                    m.country_from = Some(dep.head);
                }
            }
            // The possessor is part of the mention's text ("Iran's defense minister").
            if takes_outer_country || m.dict_code.is_some() {
                m.lo = m.lo.min(dep.lo);
            }
        } else if matches!(rel, DepRel::Nmod | DepRel::Obl)
            && m.country.is_none()
            && takes_outer_country
        {
            let prep = tree
                .child(k, &[DepRel::Case])
                .map(|c| tree.form(c).to_lowercase());
            // "a spokesman for the Indian Army": the body one speaks or acts for gives the
            // country, whatever kind of mention it is.
            let for_body = prep.as_deref() == Some("for")
                && dep.kind != MentionKind::Pronoun(PronounKind::Person);
            // "its embassy in Baghdad", "the German ambassador in Tehran": a diplomatic post
            // is the sending country's, not the host's.
            let posted = prep.as_deref() == Some("in")
                && matches!(
                    crate::words::lemma(&lower).as_str(),
                    "embassy" | "consulate" | "ambassador" | "envoy" | "diplomat" | "mission"
                );
            if (matches!(prep.as_deref(), Some("of" | "from" | "in")) || for_body) && !posted {
                if let Some(c) = dep
                    .country
                    .clone()
                    .filter(|_| matches!(dep.kind, MentionKind::Country) || for_body)
                {
                    country_why = Some(format!(
                        "{c} from \u{201c}{} {}\u{201d}",
                        prep.unwrap_or_default(),
                        dep.span.slice(&tree.doc.text)
                    ));
                    m.country = Some(c);
                    m.country_from = Some(dep.head);
                }
            }
        }
    }
    if let Some(w) = country_why {
        m.why.insert(0, w);
    }
    if m.country_from.is_none() {
        m.country_token = country_head;
    }

    // A title an actor entry spells out ("PRESIDENT_XI_JINPING" matching "President Xi
    // Jinping"): its first word, when the agent dictionary knows it alone and a name
    // follows, is the title, not part of the name.
    let entry_title = |k: usize| {
        piece_at[k].is_some_and(|pi| {
            pieces[pi].lo == k
                && pieces[pi].hi > k
                && matches!(pieces[pi].kind, PieceKind::Actor { .. })
        }) && dict
            .lexicon
            .get(&tree.form(k).to_uppercase())
            .and_then(|id| dict.agents.longest_match(&[Some(id)], 0))
            .is_some()
    };
    // The proper-name part: capitalised member tokens outside titles and country words.
    let name_tokens: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&k| {
            !title_tokens.contains(&k)
                && !entry_title(k)
                // (Inside a dictionary name any capitalised word counts: "the United(VERB)
                // Nations", "Human Rights Watch(VERB)".)
                && (matches!(
                    tree.upos(k),
                    Upos::Propn | Upos::X | Upos::Noun | Upos::Adj | Upos::None
                ) || piece_at[k].is_some_and(|pi| {
                    matches!(pieces[pi].kind, PieceKind::Actor { .. }) && pieces[pi].hi > pieces[pi].lo
                }))
                && capitalised(tree.form(k))
                && tree.form(k).chars().any(|c| c.is_alphabetic())
                && !piece_at[k].is_some_and(|pi| {
                    matches!(
                        &pieces[pi].kind,
                        PieceKind::Actor {
                            country_only: true,
                            ..
                        } | PieceKind::Ethnic(_)
                    ) || matches!(pieces[pi].kind, PieceKind::Agent(_))
                })
        })
        .collect();
    // A hyphen glued between two name words is part of the name ("Hossein Amir-Abdollahian",
    // which the tokenizer splits at the hyphen; the name stopped at "Amir").
    let glued = |a: usize, b: usize| tree.toks[a].span.end == tree.toks[b].span.start;
    let mut name_tokens = name_tokens;
    let hyphens: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&k| {
            k > 0
                && tree.form(k) == "-"
                && name_tokens.contains(&(k - 1))
                && name_tokens.contains(&(k + 1))
                && glued(k - 1, k)
                && glued(k, k + 1)
        })
        .collect();
    name_tokens.extend(hyphens);
    name_tokens.sort_unstable();
    // A dictionary entry followed by a name it does not cover is a title there ("German
    // Chancellor | Olaf Scholz", coded DEUGOV by the entry): the name is what follows.
    let bare_name: Vec<usize> = name_tokens
        .iter()
        .copied()
        .filter(|&k| piece_at[k].is_none_or(|pi| pieces[pi].kind == PieceKind::Dormant))
        .collect();
    let name_tokens = if !bare_name.is_empty()
        && bare_name.len() < name_tokens.len()
        && name_tokens
            .iter()
            .any(|&k| piece_at[k].is_some() && k < bare_name[0])
    {
        bare_name
    } else {
        name_tokens
    };
    let name_run = longest_run(&name_tokens, h);
    let has_name = name_run.is_some_and(|(a, b)| {
        (a..=b).any(|k| tree.upos(k) == Upos::Propn || piece_at[k].is_some())
    });

    m.plural = lower.ends_with('s')
        && matches!(
            tree.toks[h].xpos,
            sitrep_text::Xpos::Nns | sitrep_text::Xpos::Nnps
        )
        || matches!(lower.as_str(), "people" | "police" | "militants" | "forces");
    m.person_role = !m.plural && words.is_person_role(&last_word(&lower));
    if let Some((a, b)) = title_tokens
        .iter()
        .fold(None, |acc: Option<(usize, usize)>, &k| {
            Some(acc.map_or((k, k), |(a, b)| (a.min(k), b.max(k))))
        })
    {
        m.role = Some(tree.span(a, b));
    }

    let head_actor = head_piece.and_then(|pi| match &pieces[pi].kind {
        PieceKind::Actor { country_only, .. } => Some(*country_only),
        _ => None,
    });
    m.kind = match head_actor {
        // A demonym the parse made the head of a titled name ("Iranian | Foreign Minister
        // Hossein …"): the name is the head.
        Some(true) if has_name && (tree.upos(h) == Upos::Adj || !m.sectors.is_empty()) => {
            MentionKind::Name
        }
        Some(true) if m.sectors.is_empty() && m.prefix.is_empty() => MentionKind::Country,
        Some(true) => MentionKind::Description,
        Some(false) if tree.upos(h) == Upos::Propn || capitalised(tree.form(h)) => {
            if has_name && looks_like_person(dict, m.dict_code.as_deref()) {
                MentionKind::Name
            } else {
                MentionKind::Organisation
            }
        }
        Some(false) => MentionKind::Organisation,
        // "the UN Security Council resolutions", "DPRK missile launches": names modifying a
        // common noun that is no role name a thing; the names are mentions of their own.
        None if has_name
            && tree.upos(h) == Upos::Noun
            && !capitalised(tree.form(h))
            && !has_agent_head
            && !words.is_collective(&lower)
            && !crate::words::STATE_NOUNS.contains(&lower.as_str()) =>
        {
            return None
        }
        None if has_name => {
            if m.sectors.is_empty() && m.country.is_none() && m.prefix.is_empty() {
                MentionKind::UnknownName
            } else {
                MentionKind::Name
            }
        }
        None if crate::words::STATE_NOUNS.contains(&lower.as_str())
            && (m.poss_pronoun.is_some() || m.country.is_some()) =>
        {
            if m.poss_pronoun.is_some() {
                m.country = None;
            }
            MentionKind::Country
        }
        None if has_agent_head => MentionKind::Description,
        None if words.is_collective(&lower) && (!m.sectors.is_empty() || m.country.is_some()) => {
            MentionKind::Description
        }
        None => return None,
    };
    if matches!(
        m.kind,
        MentionKind::Name | MentionKind::UnknownName | MentionKind::Organisation
    ) {
        if let Some((a, b)) = name_run {
            m.name = Some(tree.span(a, b));
        }
        m.person_role = false;
    }
    // A bare singular role noun ("intelligence", "security") with no determiner, possessor,
    // country or title names a field, not an actor: "foster intelligence cooperation".
    if m.kind == MentionKind::Description
        && !m.plural
        && m.country.is_none()
        && m.poss_head.is_none()
        && !capitalised(tree.form(m.lo))
        && !tree
            .children(h)
            .any(|k| matches!(tree.rel(k), DepRel::Det | DepRel::NmodPoss))
        && !matches!(tree.rel(h), DepRel::Nsubj | DepRel::NsubjPass)
        && !coordinated_with_placed_role(tree, h, pieces, piece_at)
    {
        return None;
    }
    if m.kind == MentionKind::UnknownName
        && (!matches!(upos, Upos::Propn) || words.is_calendar(&lower))
    {
        return None;
    }
    // An agent piece as the head without any country or name is still an actor ("police",
    // "rebels"): kept; coreference or the dateline may give it a country.
    // "the two ministers", "both delegations": role holders of the story's two countries.
    if m.kind == MentionKind::Description
        && m.plural
        && m.country.is_none()
        && m.poss_head.is_none()
        && tree
            .children(h)
            .any(|k| tree.is(k, "two") || tree.is(k, "both"))
    {
        m.kind = MentionKind::Pair;
    }
    m.hi = m.hi.max(m.lo);
    m.span = tree.span(m.lo, m.hi);
    Some(m)
}

/// "Danish media and government": a role noun coordinated with one whose country word
/// comes before the coordination is an actor of that country (see [`crate::compound`]).
fn coordinated_with_placed_role(
    tree: &Tree,
    h: usize,
    pieces: &[Piece],
    piece_at: &[Option<usize>],
) -> bool {
    if tree.rel(h) != DepRel::Conj {
        return false;
    }
    let Some(g) = tree.head(h) else { return false };
    let role =
        |k: usize| piece_at[k].is_some_and(|pi| matches!(pieces[pi].kind, PieceKind::Agent(_)));
    let country = |k: usize| {
        piece_at[k].is_some_and(|pi| {
            matches!(
                pieces[pi].kind,
                PieceKind::Actor {
                    country_only: true,
                    ..
                }
            )
        })
    };
    role(g)
        && tree
            .children(g)
            .any(|k| k < g && matches!(tree.rel(k), DepRel::Amod | DepRel::Compound) && country(k))
}

fn looks_like_person(dict: &Dictionaries, code: Option<&str>) -> bool {
    // Person entries carry a country and a role (USAGOV, SWEELI); organisations start with
    // IGO/NGO/IMG or have no country.
    match code {
        Some(c) => split_code(dict, c).0.is_some() && c.len() > 3,
        None => true,
    }
}

fn last_word(s: &str) -> String {
    s.rsplit(['-', ' ']).next().unwrap_or(s).to_string()
}

/// The longest run of consecutive token indices in `toks` that contains `h`, else the
/// longest run.
fn longest_run(toks: &[usize], h: usize) -> Option<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &k in toks {
        match runs.last_mut() {
            Some((_, b)) if *b + 1 == k => *b = k,
            _ => runs.push((k, k)),
        }
    }
    runs.iter()
        .copied()
        .find(|&(a, b)| a <= h && h <= b)
        .or_else(|| {
            runs.iter()
                .copied()
                .max_by_key(|&(a, b)| (b - a, std::cmp::Reverse(a)))
        })
}

/// Token bounds of a phrase's members, trimmed of punctuation at the edges.
fn bounds(tree: &Tree, members: &[usize]) -> (usize, usize) {
    let mut lo = members.iter().copied().min().unwrap_or(0);
    let mut hi = members.iter().copied().max().unwrap_or(0);
    while lo < hi && tree.upos(lo) == Upos::Punct {
        lo += 1;
    }
    while hi > lo && tree.upos(hi) == Upos::Punct {
        hi -= 1;
    }
    (lo, hi)
}

fn bare(tree: &Tree, h: usize, lo: usize, hi: usize, span: Span, kind: MentionKind) -> Mention {
    Mention {
        sent: tree.sent,
        head: h,
        lo,
        hi,
        span,
        name: None,
        role: None,
        kind,
        dict_code: None,
        country: None,
        sectors: Vec::new(),
        prefix: Vec::new(),
        plural: false,
        person_role: false,
        poss_pronoun: None,
        poss_head: None,
        why: Vec::new(),
        actor: None,
        alias_heads: Vec::new(),
        conjuncts: Vec::new(),
        country_from: None,
        companion_of: None,
        conj_countries: Vec::new(),
        country_token: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_codes() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            compose(None, Some("IRN"), &s(&["GOV", "MIL"]), &[]).as_deref(),
            Some("IRNGOVMIL")
        );
        assert_eq!(
            compose(Some("USAGOV"), None, &s(&["GOV"]), &[]).as_deref(),
            Some("USAGOV")
        );
        assert_eq!(
            compose(None, None, &s(&["REB"]), &[]).as_deref(),
            Some("REB")
        );
        assert_eq!(
            compose(None, Some("IRN"), &[], &s(&["NGO"])).as_deref(),
            Some("NGOIRN")
        );
        assert_eq!(compose(None, None, &[], &[]), None);
        assert!(contains_piece("IRNGOVMIL", "MIL"));
        assert!(!contains_piece("IRNGOVMIL", "OVM"));
    }
}
