//! PETRARCH-1 / TABARI verb coding: patterns matched as word sequences around the verb.
//!
//! A verb of a block read from a PETRARCH-1 dictionary (`VerbSyntax::Petrarch1`) is coded
//! the way TABARI and PETRARCH-1 code it, with sitrep's parse standing in for their shallow
//! one:
//! - the *lower* sequence is the verb phrase after the verb (the verb's subtree without its
//!   subject, coordinated clauses and parenthetical clauses), the *upper* sequence the words
//!   before the verb back to a clause comma; comma-delimited clauses of 2–8 words are left out
//!   of both, as PETRARCH-1 does;
//! - noun phrases are units: `$` and `+` take a whole coded phrase, `%` a coordinated one,
//!   `^` skips any; words match literally (no stemming), `&SYNSET`s by any member (multiword
//!   and nested members included); `_` requires the neighbouring word, a space allows words
//!   between;
//! - the matching pattern with the most elements wins (ties: file order), else the verb's
//!   code; a `[---]` pattern means "no event", a `[+++]` pattern (TABARI's "complex") is
//!   passed over;
//! - without `$`, the source is the clause's subject, else the nearest coded phrase before
//!   the verb; without `+`, the target is the first coded phrase after the verb; no target,
//!   no event; a passive with a `by` agent swaps the two;
//! - `[a:b]` is a paired event: source→target `a` and target→source `b`;
//! - a verb that takes a code takes its verb phrase with it: verbs inside the phrase are not
//!   coded again ("X said Y would attack Z" is one event, as in PETRARCH-1).
//!
//! None of sitrep's own framing applies (modality, negation, frame words, reported
//! speech): PETRARCH-1 dictionaries write those into their patterns (`WILL NOT *`,
//! `REFUSAL TO *`, `SAID *`).

use sitrep_dict::verbs::{Link, PatternElement, PatternItem, Term, VerbPattern};
use sitrep_dict::{VerbMatch, WordId};
use sitrep_text::{DepRel, Upos};

use crate::event::{inner_arg, is_passive, negated, subject_of, Arg, Found, SentenceCx};
use crate::mention::MentionKind;

/// Comma-delimited clauses of this many words (inclusive) are left out (PETRARCH-1's
/// defaults, inherited from TABARI: `comma_min`/`comma_max`, `comma_emin`/`comma_emax`).
const COMMA_CLAUSE_WORDS: std::ops::RangeInclusive<usize> = 2..=8;

/// A noun phrase of the sentence: the unit the slots `$ + ^ %` take.
#[derive(Clone, Copy, Debug)]
struct Chunk {
    lo: usize,
    hi: usize,
    /// The actor the phrase stands for: its own mention, else the first coded mention inside
    /// it ("the affected Ithilen villages"), else its possessor or `of`/`by` complement.
    arg: Option<Arg>,
}

/// What the linear coder knows about one sentence: its noun phrases and the tokens
/// PETRARCH-1's comma rule leaves out.
pub struct Clauses {
    deleted: Vec<bool>,
    chunk_of: Vec<Option<usize>>,
    chunks: Vec<Chunk>,
    /// Tokens inside the verb phrase of a verb already coded.
    consumed: Vec<bool>,
}

/// Relations that keep a token inside its head's noun phrase (for the slots).
fn chunk_internal(cx: &SentenceCx, k: usize) -> bool {
    let t = cx.tree;
    match t.rel(k) {
        DepRel::Compound
        | DepRel::Flat
        | DepRel::Amod
        | DepRel::Det
        | DepRel::Fixed
        | DepRel::Goeswith
        | DepRel::Nummod
        | DepRel::NmodDesc
        | DepRel::NmodPoss => true,
        // The possessive 's belongs to its possessor's phrase; other case markers
        // (prepositions) stay outside, so `IN $` sees the preposition, then the phrase.
        DepRel::Case => t.head(k).is_some_and(|h| t.rel(h) == DepRel::NmodPoss),
        _ => false,
    }
}

impl Clauses {
    /// Noun phrases and the comma rule of the sentence in `cx`.
    pub fn new(cx: &SentenceCx) -> Clauses {
        let t = cx.tree;
        let n = t.len();
        // Phrase heads: climb NP-internal relations.
        let mut head_of: Vec<Option<usize>> = vec![None; n];
        for (k, slot) in head_of.iter_mut().enumerate() {
            let mut h = k;
            for _ in 0..n {
                if !chunk_internal(cx, h) {
                    break;
                }
                match t.head(h) {
                    Some(p) => h = p,
                    None => break,
                }
            }
            let nominal = matches!(
                t.upos(h),
                Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num | Upos::X
            );
            if (nominal || cx.mention_at[h].is_some()) && t.upos(k) != Upos::Punct {
                *slot = Some(h);
            }
        }
        // A mention is one phrase even when the parse spreads it over several.
        for m in cx.mention_at.iter().flatten() {
            let mm = &cx.mentions[*m];
            if mm.sent != t.sent || mm.hi >= n {
                continue;
            }
            let h = head_of[mm.head].unwrap_or(mm.head);
            for slot in head_of.iter_mut().take(mm.hi + 1).skip(mm.lo) {
                *slot = Some(h);
            }
        }
        let mut chunks: Vec<Chunk> = Vec::new();
        let mut index: Vec<Option<usize>> = vec![None; n];
        let mut chunk_of: Vec<Option<usize>> = vec![None; n];
        for k in 0..n {
            let Some(h) = head_of[k] else { continue };
            let c = *index[h].get_or_insert_with(|| {
                chunks.push(Chunk {
                    lo: k,
                    hi: k,
                    arg: None,
                });
                chunks.len() - 1
            });
            chunks[c].lo = chunks[c].lo.min(k);
            chunks[c].hi = chunks[c].hi.max(k);
            chunk_of[k] = Some(c);
        }
        for (h, c) in index.iter().enumerate() {
            let Some(c) = *c else { continue };
            let (lo, hi) = (chunks[c].lo, chunks[c].hi);
            let own = cx.mention_at[h].filter(|&m| cx.coded(m));
            // A possessive pronoun does not make its phrase that actor ("their credentials").
            let pronoun = |m: usize| matches!(cx.mentions[m].kind, MentionKind::Pronoun(_));
            let inside = (lo..=hi)
                .filter(|&k| chunk_of[k] == Some(c) && k != h)
                .find_map(|k| cx.mention_at[k].filter(|&m| cx.coded(m) && !pronoun(m)));
            chunks[c].arg = own
                .or(inside)
                .map(Arg::Mention)
                .or_else(|| {
                    inner_arg(cx, h).filter(|a| cx.coded(a.mention()) && !pronoun(a.mention()))
                })
                .or_else(|| cx.mention_at[h].map(Arg::Mention));
        }
        let deleted = comma_clauses(cx, &chunk_of, &chunks);
        Clauses {
            deleted,
            chunk_of,
            chunks,
            consumed: vec![false; n],
        }
    }

    fn chunk(&self, k: usize) -> Option<usize> {
        self.chunk_of.get(k).copied().flatten()
    }

    fn coded_chunk(&self, cx: &SentenceCx, c: usize) -> Option<Arg> {
        self.chunks[c].arg.filter(|a| cx.coded(a.mention()))
    }

    /// A coded phrase the positional rules may take: not a pronoun, which PETRARCH-1 leaves
    /// uncoded ("whether he really has a future with the Morgul Orcs": the orcs).
    fn coded_noun_chunk(&self, cx: &SentenceCx, c: usize) -> Option<Arg> {
        self.coded_chunk(cx, c)
            .filter(|a| !matches!(cx.mentions[a.mention()].kind, MentionKind::Pronoun(_)))
    }
}

fn is_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
}

/// PETRARCH-1's comma rule: the clause after the last comma, and a clause between two
/// commas, are left out when they have 2–8 words ("…, a senior official said on Saturday.",
/// "X, in remarks published on Monday, urged …"). Commas inside a noun phrase do not count.
fn comma_clauses(cx: &SentenceCx, chunk_of: &[Option<usize>], chunks: &[Chunk]) -> Vec<bool> {
    let t = cx.tree;
    let n = t.len();
    let mut deleted = vec![false; n];
    let commas: Vec<usize> = (0..n)
        .filter(|&k| t.form(k) == ",")
        .filter(|&k| {
            let inside = chunk_of[k].is_some_and(|c| chunks[c].lo < k && k < chunks[c].hi);
            // "complete, full diplomatic ties": a comma between modifiers of one phrase.
            let between = k > 0
                && k + 1 < n
                && chunk_of[k - 1].is_some()
                && chunk_of[k - 1] == chunk_of[k + 1];
            !inside && !between
        })
        .collect();
    let mut end = n;
    while end > 0 && t.upos(end - 1) == Upos::Punct && t.form(end - 1) != "," {
        end -= 1;
    }
    let words = |a: usize, b: usize, deleted: &[bool]| {
        (a..b)
            .filter(|&k| !deleted[k] && is_word(t.form(k)))
            .count()
    };
    if let Some(&c) = commas.last() {
        if COMMA_CLAUSE_WORDS.contains(&words(c + 1, end, &deleted)) {
            for d in deleted.iter_mut().take(end).skip(c) {
                *d = true;
            }
        }
    }
    for pair in commas.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if deleted[b] && b + 1 >= end {
            continue;
        }
        if COMMA_CLAUSE_WORDS.contains(&words(a + 1, b, &deleted)) {
            for d in deleted.iter_mut().take(b + 1).skip(a) {
                *d = true;
            }
        }
    }
    deleted
}

/// The words before the verb (text order) back to a clause comma.
fn upper_seq(cx: &SentenceCx, cl: &Clauses, start: usize) -> Vec<usize> {
    let t = cx.tree;
    let mut out = Vec::new();
    let mut k = start;
    while k > 0 {
        k -= 1;
        if cl.deleted[k] {
            continue;
        }
        if t.form(k) == "," {
            if cl.chunk(k).is_some_and(|c| cl.chunks[c].lo < k) {
                continue;
            }
            break;
        }
        if t.upos(k) == Upos::Punct {
            continue;
        }
        out.push(k);
    }
    out.reverse();
    out
}

/// The verb phrase after the verb: its subtree without subject, coordinated and
/// parenthetical clauses (text order).
fn lower_seq(cx: &SentenceCx, cl: &Clauses, v: usize, end: usize) -> Vec<usize> {
    let t = cx.tree;
    let mut inside = vec![false; t.len()];
    let mut stack = vec![v];
    let mut steps = 0;
    while let Some(x) = stack.pop() {
        steps += 1;
        if steps > 2 * t.len() + 4 || inside[x] {
            continue;
        }
        inside[x] = true;
        for k in t.children(x) {
            let leave_out = x == v
                && matches!(
                    t.rel(k),
                    DepRel::Conj
                        | DepRel::Cc
                        | DepRel::Parataxis
                        | DepRel::Nsubj
                        | DepRel::NsubjPass
                        | DepRel::NsubjOuter
                        | DepRel::Csubj
                        | DepRel::Expl
                );
            if !leave_out {
                stack.push(k);
            }
        }
    }
    (end + 1..t.len())
        .filter(|&k| inside[k] && !cl.deleted[k] && t.upos(k) != Upos::Punct)
        .collect()
}

/// What a pattern's slots took.
#[derive(Clone, Copy, Default, Debug)]
struct Fill {
    source: Option<Arg>,
    target: Option<Arg>,
    /// `%`: a coordinated phrase that is source and target at once.
    compound: Option<Arg>,
}

/// A side of the verb as the matcher sees it: tokens and their dictionary words.
struct Side {
    toks: Vec<usize>,
    ids: Vec<Option<WordId>>,
    /// After the verb: `%` there is a coordinated target, not a phrase acting on itself.
    lower: bool,
}

impl Side {
    fn new(cx: &SentenceCx, toks: Vec<usize>, lower: bool) -> Side {
        let ids = toks.iter().map(|&k| cx.ids[k]).collect();
        Side { toks, ids, lower }
    }

    /// Sequence positions `(first, last)` of the phrase that token position `i` is in.
    fn chunk_bounds(&self, cl: &Clauses, i: usize) -> Option<(usize, usize, usize)> {
        let c = cl.chunk(self.toks[i])?;
        let mut a = i;
        while a > 0 && cl.chunk(self.toks[a - 1]) == Some(c) {
            a -= 1;
        }
        let mut b = i;
        while b + 1 < self.toks.len() && cl.chunk(self.toks[b + 1]) == Some(c) {
            b += 1;
        }
        Some((c, a, b))
    }
}

/// What a slot term accepts of a phrase: its argument, or `None` when it cannot take it.
fn slot_arg(cx: &SentenceCx, cl: &Clauses, term: &Term, c: usize) -> Option<Option<Arg>> {
    match term {
        Term::Skip => Some(None),
        Term::Source | Term::Target => cl.coded_chunk(cx, c).map(Some),
        Term::Compound => cl
            .coded_chunk(cx, c)
            .filter(|a| !cx.mentions[a.mention()].conjuncts.is_empty())
            .map(Some),
        _ => None,
    }
}

fn fill_slot(term: &Term, arg: Option<Arg>, lower: bool, f: &mut Fill) {
    match term {
        Term::Source => f.source = arg,
        Term::Target => f.target = arg,
        // "* WITH % [031]": a coordinated target, each member the source's target.
        Term::Compound if lower => f.target = arg,
        Term::Compound => f.compound = arg,
        _ => {}
    }
}

fn terms(item: &PatternItem) -> Vec<&Term> {
    match item {
        PatternItem::Term(t) => vec![t],
        PatternItem::Phrase(ts) => ts.iter().collect(),
        // PETRARCH-1 files have no prepositional groups; read one as its words in order.
        PatternItem::Prep { prep, objects } => {
            let mut v = vec![prep];
            for o in objects {
                v.extend(terms(o));
            }
            v
        }
    }
}

/// Match the elements after the verb, left to right from position `pos`.
fn match_after(
    cx: &SentenceCx,
    cl: &Clauses,
    side: &Side,
    elems: &[PatternElement],
    pos: usize,
    fill: Fill,
) -> Option<Fill> {
    let Some((first, rest)) = elems.split_first() else {
        return Some(fill);
    };
    let ts = terms(&first.item);
    let last = if first.link == Link::Adjacent {
        pos.min(side.toks.len())
    } else {
        side.toks.len().saturating_sub(1)
    };
    for s in pos..=last {
        if s >= side.toks.len() {
            break;
        }
        let mut f = fill;
        if let Some(next) = match_terms_forward(cx, cl, side, &ts, s, &mut f) {
            if let Some(done) = match_after(cx, cl, side, rest, next, f) {
                return Some(done);
            }
        }
    }
    None
}

/// Consecutive terms starting exactly at `s`; the position after them.
fn match_terms_forward(
    cx: &SentenceCx,
    cl: &Clauses,
    side: &Side,
    ts: &[&Term],
    s: usize,
    f: &mut Fill,
) -> Option<usize> {
    let mut p = s;
    for term in ts {
        if p >= side.toks.len() {
            return None;
        }
        if term.is_slot() {
            let (c, a, b) = side.chunk_bounds(cl, p)?;
            if a != p {
                return None;
            }
            let arg = slot_arg(cx, cl, term, c)?;
            fill_slot(term, arg, side.lower, f);
            p = b + 1;
        } else {
            p += term.matches_at(&cx.dict.verbs, &side.ids, p)?;
        }
    }
    Some(p)
}

/// Match the elements before the verb, right to left, ending before position `end`.
fn match_before(
    cx: &SentenceCx,
    cl: &Clauses,
    side: &Side,
    elems: &[PatternElement],
    end: usize,
    fill: Fill,
) -> Option<Fill> {
    let Some((last, rest)) = elems.split_last() else {
        return Some(fill);
    };
    let ts = terms(&last.item);
    // Candidate starts, nearest the verb first; the terms must end at `end` when adjacent.
    for s in (0..end).rev() {
        let mut f = fill;
        let Some(next) = match_terms_forward(cx, cl, side, &ts, s, &mut f) else {
            continue;
        };
        // A slot takes its phrase up to the phrase's end, which may run past `end`.
        if next > end {
            continue;
        }
        if last.link == Link::Adjacent && next != end {
            continue;
        }
        if let Some(done) = match_before(cx, cl, side, rest, s, f) {
            return Some(done);
        }
    }
    None
}

fn fit(cx: &SentenceCx, cl: &Clauses, p: &VerbPattern, upper: &Side, lower: &Side) -> Option<Fill> {
    let f = match_after(cx, cl, lower, &p.after, 0, Fill::default())?;
    match_before(cx, cl, upper, &p.before, upper.toks.len(), f)
}

fn short(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Whether a code is TABARI's "complex" marker or otherwise not an event code.
fn is_complex(code: &str) -> bool {
    code == "+++"
}

/// Code verb `v` (matched as `vm`) with PETRARCH-1 semantics; events go to `out`.
pub fn code(cx: &SentenceCx, cl: &mut Clauses, v: usize, vm: &VerbMatch, out: &mut Vec<Found>) {
    let t = cx.tree;
    if cl.consumed[v] || cl.deleted[v] {
        return;
    }
    let start = vm.start.min(v);
    let end = (vm.start + vm.len).saturating_sub(1).max(v);
    let upper = Side::new(cx, upper_seq(cx, cl, start), false);
    let lower_toks = lower_seq(cx, cl, v, end);
    let lower = Side::new(cx, lower_toks.clone(), true);

    let mut best: Option<(usize, &VerbPattern, Fill)> = None;
    for (_, p) in cx.dict.verbs.patterns_of(vm.verb.block) {
        if p.code.active().is_some_and(is_complex) {
            continue;
        }
        let Some(f) = fit(cx, cl, p, &upper, &lower) else {
            continue;
        };
        let score = p.before.len() + p.after.len();
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, p, f));
        }
    }
    let (code, pattern, dictionary, fill) = match best {
        Some((_, p, f)) => (
            p.code.clone(),
            p.text.to_string(),
            format!("{}:{}", short(&p.origin.file), p.origin.line),
            f,
        ),
        None => {
            let c = if vm.verb.code.is_null() {
                &vm.block.code
            } else {
                &vm.verb.code
            };
            (
                c.clone(),
                format!("{} [{}]", vm.verb.lemma, c),
                format!("{}:{}", short(&vm.verb.origin.file), vm.verb.origin.line),
                Fill::default(),
            )
        }
    };
    // `[---]`: the pattern says there is no event here.
    let Some(forward) = code.active().filter(|c| !is_complex(c)) else {
        return;
    };
    let forward = forward.to_string();
    let backward = if code.has_passive() {
        code.passive()
            .filter(|c| !is_complex(c))
            .map(str::to_string)
    } else {
        None
    };
    // The verb's phrase is coded: verbs inside it are not coded again.
    for &k in &lower_toks {
        cl.consumed[k] = true;
    }

    let mut notes = vec![format!(
        "PETRARCH-1 pattern semantics: \u{201c}{}\u{201d} is a form of {} in block {}",
        t.text(v),
        vm.verb.lemma,
        vm.block.name
    )];
    let mut rule = Vec::new();
    let mutual = fill.compound.is_some();
    let mut source = fill.source.or(fill.compound);
    let mut target = fill.target.or(fill.compound);
    if fill.source.is_some() {
        rule.push("$ slot".to_string());
    }
    if fill.target.is_some() {
        rule.push("+ slot".to_string());
    }
    if mutual {
        rule.push("% slot: a coordinated phrase acts on itself".to_string());
    }
    if target.is_none() {
        target = lower
            .toks
            .iter()
            .filter_map(|&k| cl.chunk(k))
            .find_map(|c| cl.coded_noun_chunk(cx, c));
        if target.is_some() {
            rule.push("target: first coded phrase after the verb".to_string());
        }
    }
    let same = |a: Arg, b: Option<Arg>| {
        b.is_some_and(|b| {
            a.mention() == b.mention() || cx.code(a.mention()) == cx.code(b.mention())
        })
    };
    if source.is_none() {
        // The clause's own subject (active or passive) when it has one, coded or not;
        // else the subject it shares (control, coordination).
        let own = t.child(
            v,
            &[
                DepRel::Nsubj,
                DepRel::NsubjPass,
                DepRel::NsubjOuter,
                DepRel::Csubj,
            ],
        );
        let subject = match own {
            // Its own mention, else an appositive naming it ("Dagolath's first Deputy,
            // Prime Minister Telemar"), else the actor its phrase stands for.
            Some(s) => cx.mention_at[s]
                .filter(|&m| cx.coded(m))
                .or_else(|| {
                    t.children(s)
                        .filter(|&k| t.rel(k) == DepRel::Appos)
                        .find_map(|k| cx.mention_at[k].filter(|&m| cx.coded(m)))
                })
                .map(Arg::Mention)
                .or_else(|| cl.chunk(s).and_then(|c| cl.coded_chunk(cx, c)))
                .map(|a| (a, format!("{} of the verb", t.rel(s)))),
            // "a woman ... extradited to": the participle's noun.
            None if t.rel(v) == DepRel::Acl => t
                .head(v)
                .and_then(|h| cl.chunk(h))
                .and_then(|c| cl.coded_chunk(cx, c))
                .map(|a| (a, "noun the participle modifies".to_string())),
            None => subject_of(cx, v, 0).filter(|(a, _)| cx.coded(a.mention())),
        };
        if let Some((a, r)) = subject {
            if !same(a, target) {
                source = Some(a);
                rule.push(format!("source: {r}"));
            }
        }
    }
    if source.is_none() {
        source = upper
            .toks
            .iter()
            .rev()
            .filter_map(|&k| cl.chunk(k))
            .filter_map(|c| cl.coded_noun_chunk(cx, c))
            .find(|&a| !same(a, target));
        if source.is_some() {
            rule.push("source: nearest coded phrase before the verb".to_string());
        }
    }
    let (Some(mut source), Some(mut target)) = (source, target) else {
        return;
    };
    // PETRARCH-1's passive: a past participle with a `by` in its verb phrase.
    let by_agent = lower_toks.iter().any(|&k| t.is(k, "by"));
    if is_passive(cx, v) && by_agent && !mutual {
        std::mem::swap(&mut source, &mut target);
        rule.push("passive with a by-agent: source and target swapped".to_string());
    }
    if backward.is_some() {
        notes.push(format!(
            "paired event [{code}]: {forward} one way, the other code back"
        ));
    }
    let rule = rule.join("; ");
    let make = |s: Arg, g: Arg, c: String| Found {
        sent: t.sent,
        trigger: v,
        source: Some(s),
        target: Some(g),
        has_subject: true,
        frame_word: false,
        code: c,
        negated: negated(cx, v),
        modality: "asserted",
        pattern: pattern.clone(),
        dictionary: dictionary.clone(),
        rule: rule.clone(),
        notes: notes.clone(),
        linear: true,
        mutual,
    };
    out.push(make(source, target, forward));
    if let Some(b) = backward {
        out.push(make(target, source, b));
    }
}
