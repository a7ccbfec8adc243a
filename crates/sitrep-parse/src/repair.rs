//! Deterministic repairs of a greedy parse: runs of proper nouns, and "that" clauses.
//!
//! News text is dense with title + name chains ("Iranian Defense Minister Mohammad Reza
//! Gharaei Ashtiani", "Chinese Foreign Minister Wang Yi") whose words are mostly unseen in
//! training. A greedy parser sometimes splits such a run into two constituents joined by a
//! relation that cannot hold between adjacent words with nothing in between: an `appos` or
//! `conj` with no comma, dash or conjunction, or two subjects of one verb. Everything later
//! (actors, events) reads the subject of a verb, so one such arc loses an event.
//!
//! Each repair turns the run back into one noun phrase headed by its last name word, the way
//! UD English annotates titles before names (`compound`). The repairs only fire on structures
//! that are invalid in UD English, and they are scored with everything else by `eval-parse`
//! (EWT and GUM figures in this crate's README), so they are measured, not assumed.

use sitrep_text::{DepRel, Upos, Xpos};

use crate::pipeline::Analysis;

/// Whether token `i` (0-based) is a proper-noun word.
fn is_name(a: &[Analysis], i: usize) -> bool {
    a[i].upos == Upos::Propn || matches!(a[i].xpos, Xpos::Nnp | Xpos::Nnps)
}

/// Whether the tokens strictly between `from` and `to` (0-based, `from < to`) are all
/// proper-noun words or adjectives (a title's "Foreign", "Iranian"): nothing that could
/// separate two phrases.
fn only_names_between(a: &[Analysis], from: usize, to: usize) -> bool {
    (from + 1..to).all(|t| is_name(a, t) || a[t].upos == Upos::Adj || a[t].xpos == Xpos::Hyph)
}

/// Whether token `k` lies in the subtree of token `anc` (both 0-based, `k != anc`).
fn descends(a: &[Analysis], k: usize, anc: usize) -> bool {
    let mut c = k;
    // A tree has no path longer than the sentence; the bound also stops on a malformed cycle.
    for _ in 0..a.len() {
        match a[c].head as usize {
            0 => return false,
            h if h == anc + 1 => return true,
            h => c = h - 1,
        }
    }
    false
}

/// The nearest token before `b` (0-based) with `b`'s head and the relation `rel`.
fn earlier_sibling(a: &[Analysis], b: usize, rel: DepRel) -> Option<usize> {
    (0..b)
        .rev()
        .find(|&x| a[x].head == a[b].head && a[x].deprel.base() == rel)
}

/// The first token (0-based) of the subtree of `i`.
fn left_edge(a: &[Analysis], i: usize) -> usize {
    (0..i).find(|&k| descends(a, k, i)).unwrap_or(i)
}

/// The last token (0-based) of the subtree of `i`.
fn subtree_end(a: &[Analysis], i: usize) -> usize {
    (i + 1..a.len())
        .rev()
        .find(|&k| descends(a, k, i))
        .unwrap_or(i)
}

/// Make `dep` (0-based) the head of the run that `old` (0-based) headed: `dep` takes `old`'s
/// head and relation, and `old` becomes a `compound` of `dep`.
fn promote(a: &mut [Analysis], old: usize, dep: usize) {
    a[dep].head = a[old].head;
    a[dep].deprel = a[old].deprel;
    demote(a, old, dep);
}

/// Make `old` (0-based) a `compound` of `new` (0-based, after it); the phrase-level words
/// before `old` (its case marker, determiner, possessor, punctuation) go to `new`, as UD
/// attaches them to the head of the phrase.
fn demote(a: &mut [Analysis], old: usize, new: usize) {
    a[old].head = new as u32 + 1;
    a[old].deprel = DepRel::Compound;
    for c in &mut a[..old] {
        let phrase_level = matches!(
            c.deprel,
            DepRel::Case | DepRel::Det | DepRel::NmodPoss | DepRel::Punct
        );
        if c.head as usize == old + 1 && phrase_level {
            c.head = new as u32 + 1;
        }
    }
}

/// Time nouns that "this", "last" or "next" make a time phrase (repair 19), lowercase.
const TIME_NOUNS: [&str; 13] = [
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Speech verbs that come before their subject after a quote ("…,” said X), lowercase
/// (repair 25).
const INVERTED_SPEECH: [&str; 10] = [
    "said",
    "says",
    "added",
    "asked",
    "wrote",
    "told",
    "explained",
    "insisted",
    "warned",
    "recalled",
];

/// English weekday names, lowercase: "on Wednesday Mr Straw said" (repair 16).
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Repair the parse of one sentence in place; `is(i, w)` says whether token `i`, lowercased,
/// is the word `w` ("that", the weekdays). Returns how many arcs were changed.
pub fn repair(a: &mut [Analysis], is: impl Fn(usize, &str) -> bool) -> usize {
    let is_that = |i: usize| is(i, "that");
    let mut changed = 0;
    // 1. An `appos` or `conj` between two proper nouns with only names between them: the
    //    later word is the head of one phrase ("Defense Minister Mohammad ...").
    for d in 0..a.len() {
        let rel = a[d].deprel.base();
        if !matches!(rel, DepRel::Appos | DepRel::Conj) || a[d].head == 0 {
            continue;
        }
        let h = a[d].head as usize - 1;
        if h < d && is_name(a, h) && is_name(a, d) && only_names_between(a, h, d) {
            promote(a, h, d);
            changed += 2;
        }
    }
    // 2. An oblique hung on a proper noun after it with only names between ("according to
    //    Turkish(obl of Suleyman) Interior Minister Suleyman Soylu"): obliques modify
    //    predicates, so the word is part of the name phrase, whose case marker it carries.
    for d in 0..a.len() {
        if a[d].deprel.base() != DepRel::Obl || a[d].head == 0 {
            continue;
        }
        let mut h = a[d].head as usize - 1;
        if h <= d || !is_name(a, h) || !only_names_between(a, d, h) {
            continue;
        }
        // The top of the name run: climb compound/flat/title arcs to the right.
        while a[h].head as usize > h + 1
            && matches!(
                a[h].deprel,
                DepRel::Compound | DepRel::Flat | DepRel::NmodDesc
            )
            && is_name(a, a[h].head as usize - 1)
            && only_names_between(a, h, a[h].head as usize - 1)
        {
            h = a[h].head as usize - 1;
        }
        demote(a, d, h);
        changed += 1;
    }
    // 3. An adjective as `amod` or `advmod` of a verb right before one of the verb's nominal
    //    dependents ("German(amod of spoke) Chancellor Olaf Scholz spoke"): it modifies that
    //    nominal.
    for d in 0..a.len() {
        if a[d].upos != Upos::Adj || !matches!(a[d].deprel, DepRel::Amod | DepRel::Advmod) {
            continue;
        }
        let v = a[d].head as usize;
        if v == 0 || a[v - 1].upos != Upos::Verb || v - 1 < d {
            continue;
        }
        let target = (d + 1..v - 1).find(|&n| {
            a[n].head as usize == v
                && matches!(a[n].upos, Upos::Noun | Upos::Propn)
                && only_names_between(a, d, n)
        });
        if let Some(n) = target {
            a[d].head = n as u32 + 1;
            a[d].deprel = DepRel::Amod;
            changed += 1;
        }
    }
    // 4. Two subjects, objects or obliques of one verb with only names between them ("Iran's
    //    defense minister", "Wang Yi", "according to Turkish Interior Minister Suleyman
    //    Soylu"): the later one heads the phrase, the earlier one is its compound.
    for b in 0..a.len() {
        let rel = a[b].deprel.base();
        if !matches!(rel, DepRel::Nsubj | DepRel::Obj | DepRel::Obl) || !is_name(a, b) {
            continue;
        }
        let Some(first) = earlier_sibling(a, b, rel) else {
            continue;
        };
        let nominal = is_name(a, first) || a[first].upos == Upos::Noun;
        if nominal && only_names_between(a, first, b) {
            demote(a, first, b);
            changed += 1;
        }
    }
    // 5. A verb with its own object or oblique coordinated with the object of another verb
    //    ("welcomed the proposal and praised Ankara", often after a VBN/VBD tagging error):
    //    it is that verb's conjunct.
    for w in 0..a.len() {
        if a[w].deprel != DepRel::Conj || a[w].upos != Upos::Verb || a[w].head == 0 {
            continue;
        }
        let n = a[w].head as usize - 1;
        let nominal = matches!(a[n].upos, Upos::Noun | Upos::Propn);
        if !nominal || a[n].head == 0 || !matches!(a[n].deprel.base(), DepRel::Obj) {
            continue;
        }
        let v = a[n].head as usize - 1;
        let has_args = (w + 1..a.len()).any(|c| {
            a[c].head as usize == w + 1 && matches!(a[c].deprel.base(), DepRel::Obj | DepRel::Obl)
        });
        if a[v].upos == Upos::Verb && v < n && n < w && has_args {
            a[w].head = v as u32 + 1;
            changed += 1;
        }
    }
    // 6. A relative clause introduced by the complementizer "that" (a `mark`: relative "that"
    //    is a pronoun) hung on a time expression or a named addressee of a verb: "said on
    //    Sunday that X is ready", "told Minister Abbas that X" is the verb's complement clause.
    for c in 0..a.len() {
        if a[c].deprel != DepRel::AclRelcl || a[c].head == 0 {
            continue;
        }
        let n = a[c].head as usize - 1;
        let marked = (n + 1..c)
            .any(|m| a[m].head as usize == c + 1 && a[m].deprel == DepRel::Mark && is_that(m));
        if !marked || a[n].head == 0 || n > c {
            continue;
        }
        let v = a[n].head as usize - 1;
        let oblique = matches!(
            a[n].deprel,
            DepRel::Obl | DepRel::OblTmod | DepRel::OblUnmarked | DepRel::NmodTmod
        );
        // "told the minister that X": a person is no content noun ("the news that X").
        let addressee = matches!(a[n].upos, Upos::Propn | Upos::Pron)
            && matches!(a[n].deprel.base(), DepRel::Obj | DepRel::Iobj);
        if (oblique || addressee) && a[v].upos == Upos::Verb && v < n {
            a[c].head = v as u32 + 1;
            a[c].deprel = DepRel::Ccomp;
            changed += 1;
        }
    }
    // 8. "In New York, UN Secretary-General X called ...": a verb without a subject, and
    //    right before it a name phrase hung as `appos` (or a comma-led `nmod`) on the fronted
    //    phrase: the name is the subject; names glued to its left (no comma) hung the same
    //    way go with it.
    for v in 0..a.len() {
        if a[v].upos != Upos::Verb || v == 0 {
            continue;
        }
        let has_subject = (0..a.len()).any(|k| {
            a[k].head as usize == v + 1
                && matches!(
                    a[k].deprel.base(),
                    DepRel::Nsubj | DepRel::Csubj | DepRel::Expl
                )
        });
        if has_subject {
            continue;
        }
        // An `nmod` without a case marker whose phrase opens with a comma is the same error
        // ("In the city of Hangzhou, President Park of South Korea met ...").
        let hung = |k: usize| {
            a[k].deprel == DepRel::Appos
                || a[k].deprel == DepRel::Nmod
                    && !(0..a.len())
                        .any(|c| a[c].head as usize == k + 1 && a[c].deprel == DepRel::Case)
                    && a[left_edge(a, k)].upos == Upos::Punct
        };
        let cand = (0..v)
            .rev()
            .find(|&k| hung(k) && is_name(a, k) && subtree_end(a, k) == v - 1);
        let Some(s) = cand else { continue };
        let h = a[s].head as usize;
        if h == 0 || h - 1 > s || a[h - 1].head as usize != v + 1 {
            continue;
        }
        a[s].head = v as u32 + 1;
        a[s].deprel = DepRel::Nsubj;
        changed += 1;
        let mut left = s;
        while left > 0 {
            let k = (0..left)
                .rev()
                .find(|&k| a[k].head as usize == h && a[k].deprel == DepRel::Appos);
            match k {
                Some(k) if is_name(a, k) && subtree_end(a, k) + 1 == left_edge(a, s) => {
                    a[k].head = s as u32 + 1;
                    a[k].deprel = DepRel::Compound;
                    left = k;
                    changed += 1;
                }
                _ => break,
            }
        }
    }
    // 7. "... that X and that Y": a conjunct clause with its own "that" hung on the main verb
    //    is coordinated with the nearest earlier "that" clause under that verb.
    let has_that = |a: &[Analysis], c: usize| {
        (0..c).any(|m| a[m].head as usize == c + 1 && a[m].deprel == DepRel::Mark && is_that(m))
    };
    for w in 0..a.len() {
        if a[w].deprel != DepRel::Conj || a[w].head == 0 || !has_that(a, w) {
            continue;
        }
        let v = a[w].head as usize - 1;
        if v > w || has_that(a, v) {
            continue;
        }
        let earlier = (v + 1..w)
            .rev()
            .find(|&c| a[c].deprel == DepRel::Ccomp && has_that(a, c) && descends(a, c, v));
        if let Some(c) = earlier {
            a[w].head = c as u32 + 1;
            changed += 1;
        }
    }
    // 9. Two subjects of one verb with only a coordinating conjunction between them, hung on
    //    the verb ("Russia and(cc of held) Ukraine(nsubj) held peace talks"): one subject can
    //    not have two heads, so the later one is the first one's conjunct.
    for b in 0..a.len() {
        if a[b].deprel.base() != DepRel::Nsubj || a[b].head == 0 {
            continue;
        }
        let v = a[b].head;
        let Some(first) = earlier_sibling(a, b, DepRel::Nsubj) else {
            continue;
        };
        let c = subtree_end(a, first) + 1;
        if c + 1 != left_edge(a, b)
            || a[c].deprel != DepRel::Cc
            || !(a[c].head == v || a[c].head as usize == b + 1)
        {
            continue;
        }
        a[b].head = first as u32 + 1;
        a[b].deprel = DepRel::Conj;
        a[c].head = b as u32 + 1;
        changed += 2;
    }
    // 11. Two subjects or objects of one verb, the first ending in a possessive marker right
    //     before the second ("Lebanon(nsubj) 's Hezbollah(nsubj) and Israel exchanged
    //     fire"): the first is the second's possessor.
    for b in 0..a.len() {
        let rel = a[b].deprel.base();
        if !matches!(rel, DepRel::Nsubj | DepRel::Obj) || a[b].head == 0 {
            continue;
        }
        let Some(first) = earlier_sibling(a, b, rel) else {
            continue;
        };
        let end = subtree_end(a, first);
        let possessive = end > first
            && a[end].upos == Upos::Part
            && a[end].xpos == Xpos::Pos
            && a[end].head as usize == first + 1;
        if possessive && end + 1 == left_edge(a, b) {
            a[first].head = b as u32 + 1;
            a[first].deprel = DepRel::NmodPoss;
            changed += 1;
        }
    }
    // 10. Two conjuncts of one head with only names between them ("Kirchner and
    //     Venezuelan(conj) President Hugo(conj) Chavez"): one conjunct, the later word its
    //     head; the earlier becomes its compound and hands it its conjunction.
    for b in 0..a.len() {
        if a[b].deprel.base() != DepRel::Conj || a[b].head == 0 || !is_name(a, b) {
            continue;
        }
        let Some(first) = earlier_sibling(a, b, DepRel::Conj) else {
            continue;
        };
        if !is_name(a, first) || !only_names_between(a, first, b) {
            continue;
        }
        for t in &mut a[..first] {
            if t.head as usize == first + 1 && t.deprel == DepRel::Cc {
                t.head = b as u32 + 1;
            }
        }
        demote(a, first, b);
        changed += 1;
    }
    // 13. Two subjects of one verb, the later right after a comma that ends the first's
    //     phrase and itself a list with a conjunct ("The foreign ministers of Russia(nmod),
    //     Turkey(nsubj) and Iran met"): the later continues the list the first phrase ends
    //     with, as a conjunct of its last noun.
    for b in 0..a.len() {
        if a[b].deprel.base() != DepRel::Nsubj || a[b].head == 0 {
            continue;
        }
        let Some(first) = earlier_sibling(a, b, DepRel::Nsubj) else {
            continue;
        };
        let last = subtree_end(a, first);
        let c = last + 1;
        let listed = a
            .iter()
            .any(|t| t.head as usize == b + 1 && t.deprel.base() == DepRel::Conj);
        let edge = left_edge(a, b);
        if last == first
            || !(c + 1 == edge || c == edge && c + 1 == b)
            || a[c].xpos != Xpos::Comma
            || !matches!(a[last].upos, Upos::Propn | Upos::Noun)
            || !listed
        {
            continue;
        }
        a[b].head = last as u32 + 1;
        a[b].deprel = DepRel::Conj;
        a[c].head = b as u32 + 1;
        changed += 2;
    }
    // 14. A noun root with an object and a verb between them taken for a modifier of the
    //     object ("Israeli jets(root) struck(amod of targets) targets(obj of jets)"): a noun
    //     takes no object; the verb is the predicate, the noun its subject.
    if let Some(r) = a.iter().position(|t| t.head == 0) {
        let obj = (r + 1..a.len())
            .find(|&k| a[k].head as usize == r + 1 && a[k].deprel.base() == DepRel::Obj);
        if let (true, Some(o)) = (matches!(a[r].upos, Upos::Noun | Upos::Propn), obj) {
            let verb = (r + 1..o).find(|&v| {
                a[v].upos == Upos::Verb
                    && matches!(a[v].xpos, Xpos::Vbd | Xpos::Vbn)
                    && matches!(a[v].deprel.base(), DepRel::Amod | DepRel::Acl)
                    && (a[v].head as usize == o + 1 || a[v].head as usize == r + 1)
            });
            if let Some(v) = verb {
                let (rh, vh) = (r as u32 + 1, v as u32 + 1);
                for t in &mut a[v + 1..] {
                    if t.head == rh {
                        t.head = vh;
                    }
                }
                a[v].head = 0;
                a[v].deprel = DepRel::Root;
                a[r].head = vh;
                a[r].deprel = DepRel::Nsubj;
                a[o].head = vh;
                a[o].deprel = DepRel::Obj;
                changed += 3;
            }
        }
    }
    // 15. A verb without a subject right after a nominal conjunct of an earlier phrase,
    //     joined by a comma and no conjunction ("According to the Inter-Services Public
    //     Relations (ISPR), Indian troops(conj of Inter-Services) opened fire"): the
    //     conjunct is the verb's subject.
    for v in 0..a.len() {
        if a[v].upos != Upos::Verb
            || !matches!(a[v].xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp)
            || a.iter().any(|t| {
                t.head as usize == v + 1
                    && matches!(
                        t.deprel.base(),
                        DepRel::Nsubj | DepRel::Csubj | DepRel::Expl
                    )
            })
        {
            continue;
        }
        // The word right before the verb and its auxiliaries and adverbs.
        let mut n = v;
        while n > 0
            && a[n - 1].head as usize == v + 1
            && matches!(a[n - 1].deprel.base(), DepRel::Aux | DepRel::Advmod)
        {
            n -= 1;
        }
        let Some(n) = n.checked_sub(1) else {
            continue;
        };
        if a[n].deprel.base() != DepRel::Conj
            || !matches!(a[n].upos, Upos::Noun | Upos::Propn)
            || subtree_end(a, n) != n
        {
            continue;
        }
        let edge = left_edge(a, n);
        // (The comma may hang on the conjunct itself.)
        let comma_before =
            a[edge].xpos == Xpos::Comma || edge > 0 && a[edge - 1].xpos == Xpos::Comma;
        let has_cc = a
            .iter()
            .any(|t| t.head as usize == n + 1 && t.deprel == DepRel::Cc);
        if comma_before && !has_cc && !descends(a, v, n) {
            a[n].head = v as u32 + 1;
            a[n].deprel = DepRel::Nsubj;
            changed += 1;
        }
    }
    // 16. A weekday heading a name run that is a verb's subject or object ("on
    //     Wednesday(nsubj) Mr(flat) Straw(flat) said"): the day is a time oblique of the
    //     verb, the name after it the argument it headed ("Tuesday and Friday DPR's", a
    //     conjunct, stays).
    for w in 0..a.len().saturating_sub(1) {
        let n = w + 1;
        // (Cheap tests first: the word test hashes.)
        if a[w].head == 0
            || !matches!(a[w].deprel.base(), DepRel::Nsubj | DepRel::Obj)
            || a[n].head as usize != w + 1
            || !matches!(a[n].deprel.base(), DepRel::Flat | DepRel::Compound)
            || !is_name(a, n)
            || !is_name(a, w)
            || !WEEKDAYS.iter().any(|d| is(w, d))
        {
            continue;
        }
        let (wh, nh) = (w as u32 + 1, n as u32 + 1);
        for t in &mut a[n + 1..] {
            if t.head == wh && matches!(t.deprel.base(), DepRel::Flat | DepRel::Compound) {
                t.head = nh;
            }
        }
        a[n].head = a[w].head;
        a[n].deprel = a[w].deprel;
        a[w].head = a[n].head;
        a[w].deprel = DepRel::Obl;
        changed += 2;
    }
    // 19. A name glued to a time phrase that took the subject's place ("North Korea(compound
    //     of month) this month(nsubj) threatened"): the name is the subject, "this month" a
    //     time modifier of the verb.
    for w in 1..a.len() {
        let d = w - 1;
        if a[w].head == 0
            || a[w].deprel.base() != DepRel::Nsubj
            || a[d].head as usize != w + 1
            || a[d].deprel != DepRel::Det
            || d == 0
        {
            continue;
        }
        let c = d - 1;
        if a[c].head as usize != w + 1 || a[c].deprel != DepRel::Compound || !is_name(a, c) {
            continue;
        }
        if !(is(d, "this") || is(d, "last") || is(d, "next"))
            || !TIME_NOUNS.iter().any(|x| is(w, x))
        {
            continue;
        }
        let (wh, ch) = (w as u32 + 1, c as u32 + 1);
        for t in &mut a[..c] {
            if t.head == wh {
                t.head = ch;
            }
        }
        a[c].head = a[w].head;
        a[c].deprel = a[w].deprel;
        a[w].deprel = DepRel::OblUnmarked;
        changed += 2;
    }
    // 20. A subject with a preposition after a name hung on the verb as vocative or
    //     dislocated ("Kim(vocative), for(case) his part(nsubj) has described Trump"): the
    //     prepositional phrase is an oblique and the name the subject.
    for s in 0..a.len() {
        if a[s].deprel != DepRel::Nsubj || a[s].head == 0 {
            continue;
        }
        let has_prep = (0..s).any(|c| {
            a[c].head as usize == s + 1 && a[c].deprel == DepRel::Case && a[c].upos == Upos::Adp
        });
        if !has_prep {
            continue;
        }
        let v = a[s].head;
        // (Only with such a name: alone, the change cost EWT test 0.03 LAS.)
        if let Some(k) = (0..s).find(|&k| {
            a[k].head == v
                && matches!(a[k].deprel, DepRel::Vocative | DepRel::Dislocated)
                && matches!(a[k].upos, Upos::Propn | Upos::Noun | Upos::Pron)
        }) {
            a[s].deprel = DepRel::Obl;
            a[k].deprel = DepRel::Nsubj;
            changed += 2;
        }
    }
    // 21. A weekday right after its verb taken as its subject or object ("officials said
    //     Friday(nsubj)", "Noll recalled Monday(obj)", "promised Friday(obj) to deal"): a
    //     bare time modifier.
    for w in 1..a.len() {
        if a[w].head as usize != w
            || !matches!(a[w].deprel, DepRel::Nsubj | DepRel::Obj | DepRel::Iobj)
            || !matches!(a[w - 1].upos, Upos::Verb)
            || (0..a.len()).any(|k| a[k].head as usize == w + 1 && a[k].deprel != DepRel::Punct)
            || !(WEEKDAYS.iter().any(|d| is(w, d)) || is(w, "today") || is(w, "yesterday"))
        {
            continue;
        }
        a[w].deprel = DepRel::OblUnmarked;
        changed += 1;
    }
    // 22. A noun with a "that" marker and an object is a verb its compound modifier is the
    //     subject of ("demanded that the Syrian authorities(compound) arrest(NOUN) the
    //     suspects(obj)": a subjunctive the tagger read as a noun).
    for n in 1..a.len() {
        let nh = n as u32 + 1;
        // (Cheap tests first: the compound right before it.)
        if a[n].upos != Upos::Noun
            || a[n].xpos != Xpos::Nn
            || a[n].head == 0
            || a[n - 1].head != nh
            || a[n - 1].deprel != DepRel::Compound
        {
            continue;
        }
        let has = |rel: DepRel, before: bool| {
            (0..a.len()).find(|&k| a[k].head == nh && a[k].deprel == rel && (k < n) == before)
        };
        let (Some(m), Some(_), Some(c)) = (
            has(DepRel::Mark, true),
            has(DepRel::Obj, false),
            has(DepRel::Compound, true),
        ) else {
            continue;
        };
        if c + 1 != n || !is(m, "that") || !matches!(a[c].upos, Upos::Noun | Upos::Propn) {
            continue;
        }
        a[n].upos = Upos::Verb;
        a[n].xpos = Xpos::Vbp;
        a[c].deprel = DepRel::Nsubj;
        // The subject's own modifiers (its determiner, adjectives) stay on it.
        for t in &mut a[m + 1..c] {
            if t.head == nh {
                t.head = c as u32 + 1;
            }
        }
        changed += 2;
    }
    // 23. "Asked about her comments, Chinese Foreign Ministry spokeswoman(nmod of comments)
    //     Hua Chunying(appos) said": a verb without a subject, right before it a comma-led,
    //     caseless role noun with a name in apposition, hung inside the fronted phrase: the
    //     role (and its name) is the subject.
    for v in 1..a.len() {
        if a[v].upos != Upos::Verb {
            continue;
        }
        let vh = v as u32 + 1;
        let has_subject = a.iter().any(|t| {
            t.head == vh
                && matches!(
                    t.deprel.base(),
                    DepRel::Nsubj | DepRel::Csubj | DepRel::Expl
                )
        });
        if has_subject {
            continue;
        }
        let Some(s) = (0..v).rev().find(|&k| {
            a[k].upos == Upos::Noun
                && a[k].deprel == DepRel::Nmod
                && subtree_end(a, k) == v - 1
                && a[left_edge(a, k)].upos == Upos::Punct
        }) else {
            continue;
        };
        let sh = s as u32 + 1;
        let named = a
            .iter()
            .enumerate()
            .any(|(k, t)| k == s + 1 && t.head == sh && t.deprel == DepRel::Appos && is_name(a, k));
        let cased = a.iter().any(|t| t.head == sh && t.deprel == DepRel::Case);
        if !named || cased {
            continue;
        }
        // The fronted phrase: up from the role's head to a dependent of the verb before it.
        let mut d = a[s].head as usize;
        let mut steps = 0;
        while d != 0 && a[d - 1].head != vh && steps < 4 {
            d = a[d - 1].head as usize;
            steps += 1;
        }
        if d == 0 || d > s || a[d - 1].head != vh {
            continue;
        }
        a[s].head = vh;
        a[s].deprel = DepRel::Nsubj;
        changed += 1;
    }
    // 24. An adverbial clause with a marker hung on the object of a verb ("carrying out
    //     the resolutions(obj) by pushing(advcl of resolutions) hard on sanctions"): a noun
    //     takes no adverbial clause; it modifies the verb.
    for x in 0..a.len() {
        if a[x].deprel != DepRel::Advcl || a[x].head == 0 {
            continue;
        }
        let o = a[x].head as usize - 1;
        if o > x
            || !matches!(a[o].upos, Upos::Noun | Upos::Propn)
            || a[o].deprel != DepRel::Obj
            || a[o].head == 0
        {
            continue;
        }
        let xh = x as u32 + 1;
        if !a.iter().any(|t| t.head == xh && t.deprel == DepRel::Mark) {
            continue;
        }
        a[x].head = a[o].head;
        changed += 1;
    }
    // 25. Inverted attribution after a quote ("…,” said Muhammad(nsubj:pass of damaged)
    //     Bashir, a shopkeeper whose house was damaged"): a speech verb right after the
    //     quote's closing punctuation, with no subject, takes the name right after it.
    for v in 1..a.len().saturating_sub(1) {
        if a[v].upos != Upos::Verb || a[v - 1].upos != Upos::Punct || a[v + 1].upos != Upos::Propn {
            continue;
        }
        let vh = v as u32 + 1;
        if a[v + 1].head == vh && a[v + 1].deprel == DepRel::Nsubj
            || a.iter()
                .any(|t| t.head == vh && t.deprel.base() == DepRel::Nsubj)
        {
            continue;
        }
        if !INVERTED_SPEECH.iter().any(|w| is(v, w)) {
            continue;
        }
        a[v + 1].head = vh;
        a[v + 1].deprel = DepRel::Nsubj;
        changed += 1;
    }
    // 26. A reported clause whose subject was taken for the speech verb's object ("said the
    //     U.S. assassination(obj of said) of X, … “was a great crime(ccomp, no subject)”",
    //     "said his country(obj) is seeking(ccomp)"): with only the clause's auxiliaries,
    //     copula, adverbs and punctuation between them, the object is the clause's subject.
    for c in 1..a.len() {
        if a[c].deprel != DepRel::Ccomp || a[c].head == 0 {
            continue;
        }
        let ch = c as u32 + 1;
        let v = a[c].head;
        let subj = a
            .iter()
            .any(|t| t.head == ch && t.deprel.base() == DepRel::Nsubj);
        if subj {
            continue;
        }
        let Some(o) = (0..c)
            .rev()
            .find(|&k| a[k].head == v && a[k].deprel == DepRel::Obj)
        else {
            continue;
        };
        let end = subtree_end(a, o);
        if end >= c {
            continue;
        }
        let own = |k: usize, rels: &[DepRel]| a[k].head == ch && rels.contains(&a[k].deprel.base());
        let aux = [DepRel::Aux, DepRel::AuxPass, DepRel::Cop];
        // The clause's first auxiliary or copula, and before it only punctuation and the
        // clause's adverbs.
        let Some(first) = (end + 1..c).find(|&k| own(k, &aux)) else {
            continue;
        };
        if !(end + 1..first).all(|k| a[k].upos == Upos::Punct || own(k, &[DepRel::Advmod])) {
            continue;
        }
        a[o].head = ch;
        a[o].deprel = DepRel::Nsubj;
        changed += 1;
    }
    // 27. A finite past or present verb coordinated with a base-form verb under a modal
    //     ("Moon has said participation will ensure(VB) safety and proposed(VBD, conj of
    //     ensure) last month that …"): the tenses do not coordinate; the conjunct belongs
    //     to the verb the modal clause depends on ("said … and proposed").
    for k in 1..a.len() {
        if a[k].deprel != DepRel::Conj
            || a[k].upos != Upos::Verb
            || !matches!(a[k].xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbn)
            || a[k].head == 0
        {
            continue;
        }
        let h = a[k].head as usize - 1;
        let hh = h as u32 + 1;
        if a[h].xpos != Xpos::Vb
            || !matches!(a[h].deprel, DepRel::Ccomp | DepRel::Advcl)
            || a[h].head == 0
            || !a.iter().any(|t| t.head == hh && t.deprel == DepRel::Aux)
        {
            continue;
        }
        let g = a[h].head as usize - 1;
        if a[g].upos != Upos::Verb || g > h {
            continue;
        }
        a[k].head = g as u32 + 1;
        changed += 1;
    }
    // 28. A passive verb's by-agent hung on a noun of its oblique ("was welcomed at the
    //     time(obl) by Beijing(nmod of time)"): a passive without an agent of its own takes
    //     the name as `obl:agent`.
    for b in 1..a.len() {
        if a[b].deprel != DepRel::Nmod || a[b].head == 0 || !is_name(a, b) {
            continue;
        }
        let bh = b as u32 + 1;
        let by = (0..b).any(|k| a[k].head == bh && a[k].deprel == DepRel::Case && is(k, "by"));
        if !by {
            continue;
        }
        let n = a[b].head as usize - 1;
        if a[n].deprel.base() != DepRel::Obl || a[n].head == 0 {
            continue;
        }
        let v = a[n].head;
        let passive = a.iter().any(|t| t.head == v && t.deprel == DepRel::AuxPass);
        let has_agent = a
            .iter()
            .any(|t| t.head == v && t.deprel == DepRel::OblAgent);
        if !passive || has_agent || a[v as usize - 1].upos != Upos::Verb {
            continue;
        }
        a[b].head = v;
        a[b].deprel = DepRel::OblAgent;
        changed += 1;
    }
    // 17. A title with an "of" complement before a name ("Secretary of State(nmod) Rex(appos
    //     of Secretary) Tillerson", "Undersecretary of State John(flat of State) Bolton"):
    //     the name heads the phrase and the title describes it, as with "Foreign Minister
    //     Sergey Lavrov".
    for t0 in 0..a.len() {
        if !is_name(a, t0) || a[t0].head == 0 {
            continue;
        }
        // "of" right after the title, then title words, then the name.
        if t0 + 2 >= a.len() || !is(t0 + 1, "of") {
            continue;
        }
        let mut k = t0 + 2;
        while k < a.len()
            && matches!(a[k].upos, Upos::Propn | Upos::Adj | Upos::Noun)
            && (a[k].head as usize == t0 + 1 || descends(a, k, t0))
            && !(is_name(a, k)
                && matches!(a[k].deprel.base(), DepRel::Appos | DepRel::Flat)
                && k + 1 < a.len()
                && is_name(a, k + 1))
        {
            k += 1;
        }
        let n1 = k;
        // The name: two or more proper nouns hung as appos/flat inside the title phrase.
        if n1 >= a.len()
            || n1 + 1 >= a.len()
            || !is_name(a, n1)
            || !is_name(a, n1 + 1)
            || !matches!(a[n1].deprel.base(), DepRel::Appos | DepRel::Flat)
            || !descends(a, n1, t0)
            || n1 == t0 + 2
        {
            continue;
        }
        let (t0h, n1h) = (t0 as u32 + 1, n1 as u32 + 1);
        let mut end = n1 + 1;
        while end < a.len() && is_name(a, end) && descends(a, end, t0) {
            end += 1;
        }
        for t in &mut a[n1 + 1..end] {
            t.head = n1h;
            t.deprel = DepRel::Flat;
        }
        a[n1].head = a[t0].head;
        a[n1].deprel = a[t0].deprel;
        a[t0].head = n1h;
        a[t0].deprel = DepRel::NmodDesc;
        // Dependents of the title after the name (the rest of the clause) go to the name,
        // and so do its case marker and determiner ("talks with(case) U.S. Secretary of
        // State George Shultz": the phrase's preposition is the name's).
        for t in &mut a[end..] {
            if t.head == t0h {
                t.head = n1h;
            }
        }
        for t in &mut a[..t0] {
            if t.head == t0h && matches!(t.deprel.base(), DepRel::Case | DepRel::Det) {
                t.head = n1h;
            }
        }
        changed += 2;
    }
    // 18. A case marker hung on a title that describes a name ("with(case of Secretary)
    //     U.S. Secretary(nmod:desc of Shultz) of State George Shultz"): the phrase's
    //     preposition belongs to the name it heads.
    for c in 0..a.len() {
        if a[c].deprel.base() != DepRel::Case || a[c].head == 0 {
            continue;
        }
        let t = a[c].head as usize - 1;
        if t > c && a[t].deprel == DepRel::NmodDesc && a[t].head as usize > t + 1 {
            a[c].head = a[t].head;
            changed += 1;
        }
    }
    // 12. A passive subject of a verb with an object and no passive auxiliary ("North
    //     Korea(nsubj:pass) test-fired two missiles(obj)"): an active subject.
    for s in 0..a.len() {
        if a[s].deprel != DepRel::NsubjPass || a[s].head == 0 {
            continue;
        }
        let v = a[s].head;
        let has = |rel: DepRel| a.iter().any(|t| t.head == v && t.deprel.base() == rel);
        if has(DepRel::Obj) && !a.iter().any(|t| t.head == v && t.deprel == DepRel::AuxPass) {
            a[s].deprel = DepRel::Nsubj;
            changed += 1;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(upos: Upos, xpos: Xpos, head: u32, deprel: DepRel) -> Analysis {
        Analysis {
            upos,
            xpos,
            head,
            deprel,
        }
    }

    #[test]
    fn appos_without_separator_becomes_one_phrase() {
        use DepRel::*;
        // Defense(1) Minister(2) Mohammad(3) said(4); Mohammad wrongly appos of Defense.
        let mut a = vec![
            tok(Upos::Propn, Xpos::Nnp, 4, Nsubj),
            tok(Upos::Propn, Xpos::Nnp, 3, Compound),
            tok(Upos::Propn, Xpos::Nnp, 1, Appos),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 2);
        assert_eq!((a[2].head, a[2].deprel), (4, Nsubj));
        assert_eq!((a[0].head, a[0].deprel), (3, Compound));
    }

    #[test]
    fn passive_subject_with_an_object_and_no_passive_auxiliary_is_active() {
        use DepRel::*;
        // Korea(1) fired(2) missiles(3): Korea wrongly nsubj:pass; with "was" it stays.
        let mut a = vec![
            tok(Upos::Propn, Xpos::Nnp, 2, NsubjPass),
            tok(Upos::Verb, Xpos::Vbn, 0, Root),
            tok(Upos::Noun, Xpos::Nns, 2, Obj),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 1);
        assert_eq!(a[0].deprel, Nsubj);
        // He(1) was(2) given(3) a(4) book(5): a passive with an object.
        let mut b = vec![
            tok(Upos::Pron, Xpos::Prp, 3, NsubjPass),
            tok(Upos::Aux, Xpos::Vbd, 3, AuxPass),
            tok(Upos::Verb, Xpos::Vbn, 0, Root),
            tok(Upos::Det, Xpos::Dt, 5, Det),
            tok(Upos::Noun, Xpos::Nn, 3, Obj),
        ];
        assert_eq!(repair(&mut b, |_, _| false), 0);
    }

    #[test]
    fn second_subject_after_a_comma_continues_the_list_the_first_ends_with() {
        use DepRel::*;
        // ministers(1) of(2) Russia(3) ,(4) Turkey(5) and(6) Iran(7) met(8)
        let mut a = vec![
            tok(Upos::Noun, Xpos::Nns, 8, Nsubj),
            tok(Upos::Adp, Xpos::In, 3, Case),
            tok(Upos::Propn, Xpos::Nnp, 1, Nmod),
            tok(Upos::Punct, Xpos::Comma, 5, Punct),
            tok(Upos::Propn, Xpos::Nnp, 8, Nsubj),
            tok(Upos::Cconj, Xpos::Cc, 7, Cc),
            tok(Upos::Propn, Xpos::Nnp, 5, Conj),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        assert_eq!(repair(&mut a.clone(), |_, _| false), 2);
        repair(&mut a, |_, _| false);
        assert_eq!((a[4].head, a[4].deprel), (3, Conj));
        // Without a list after it ("Russia, Turkey met") nothing changes.
        let mut b = a.clone();
        b[4] = tok(Upos::Propn, Xpos::Nnp, 8, Nsubj);
        b[6] = tok(Upos::Propn, Xpos::Nnp, 8, Obl);
        b[5] = tok(Upos::Cconj, Xpos::Cc, 8, Cc);
        assert_eq!(repair(&mut b, |_, _| false), 0);
    }

    #[test]
    fn noun_root_with_an_object_gets_its_verb_as_root() {
        use DepRel::*;
        // Israeli(1) jets(2) struck(3) targets(4) .(5): jets root, struck amod of targets.
        let mut a = vec![
            tok(Upos::Adj, Xpos::Jj, 2, Amod),
            tok(Upos::Noun, Xpos::Nns, 0, Root),
            tok(Upos::Verb, Xpos::Vbn, 4, Amod),
            tok(Upos::Noun, Xpos::Nns, 2, Obj),
            tok(Upos::Punct, Xpos::Period, 2, Punct),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 3);
        assert_eq!((a[2].head, a[2].deprel), (0, Root));
        assert_eq!((a[1].head, a[1].deprel), (3, Nsubj));
        assert_eq!((a[3].head, a[3].deprel), (3, Obj));
        assert_eq!(a[4].head, 3);
        assert_eq!(a[0].head, 2);
    }

    #[test]
    fn conjunct_before_a_subjectless_verb_after_a_comma_is_its_subject() {
        use DepRel::*;
        // According(1) to(2) ISPR(3) ,(4) Indian(5) troops(6) opened(7) fire(8): troops
        // wrongly conj of ISPR, the obl of opened.
        let mut a = vec![
            tok(Upos::Verb, Xpos::Vbg, 3, Case),
            tok(Upos::Adp, Xpos::To, 1, Fixed),
            tok(Upos::Propn, Xpos::Nnp, 7, Obl),
            tok(Upos::Punct, Xpos::Comma, 6, Punct),
            tok(Upos::Adj, Xpos::Jj, 6, Amod),
            tok(Upos::Noun, Xpos::Nns, 3, Conj),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Noun, Xpos::Nn, 7, Obj),
        ];
        assert_eq!(repair(&mut a.clone(), |_, _| false), 1);
        repair(&mut a, |_, _| false);
        assert_eq!((a[5].head, a[5].deprel), (7, Nsubj));
        // With a conjunction ("ISPR and Indian troops opened") the list stays.
        let mut b = a.clone();
        b[5] = tok(Upos::Noun, Xpos::Nns, 3, Conj);
        b[3] = tok(Upos::Cconj, Xpos::Cc, 6, Cc);
        assert_eq!(repair(&mut b, |_, _| false), 0);
    }

    #[test]
    fn weekday_heading_a_subject_name_is_split_off() {
        use DepRel::*;
        // on(1) Wednesday(2) Mr(3) Straw(4) said(5): one name "Wednesday Mr Straw" as nsubj.
        let mut a = vec![
            tok(Upos::Adp, Xpos::In, 2, Case),
            tok(Upos::Propn, Xpos::Nnp, 5, Nsubj),
            tok(Upos::Propn, Xpos::Nnp, 2, Flat),
            tok(Upos::Propn, Xpos::Nnp, 2, Flat),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        let weekday = |i: usize, w: &str| i == 1 && w == "wednesday";
        assert_eq!(
            repair(&mut a.clone(), |_, _| false),
            0,
            "only for a weekday"
        );
        assert_eq!(repair(&mut a, weekday), 2);
        assert_eq!((a[1].head, a[1].deprel), (5, Obl));
        assert_eq!((a[2].head, a[2].deprel), (5, Nsubj));
        assert_eq!(a[3].head, 3);
        assert_eq!(a[0].head, 2, "the case marker stays with the day");
    }

    #[test]
    fn title_with_an_of_complement_before_a_name_describes_the_name() {
        use DepRel::*;
        // Secretary(1) of(2) State(3) Rex(4) Tillerson(5) said(6): Rex appos of Secretary.
        let mut a = vec![
            tok(Upos::Propn, Xpos::Nnp, 6, Nsubj),
            tok(Upos::Adp, Xpos::In, 3, Case),
            tok(Upos::Propn, Xpos::Nnp, 1, Nmod),
            tok(Upos::Propn, Xpos::Nnp, 1, Appos),
            tok(Upos::Propn, Xpos::Nnp, 4, Flat),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        let of = |i: usize, w: &str| i == 1 && w == "of";
        assert_eq!(repair(&mut a.clone(), |_, _| false), 0, "only after 'of'");
        assert_eq!(repair(&mut a, of), 2);
        assert_eq!((a[3].head, a[3].deprel), (6, Nsubj));
        assert_eq!((a[0].head, a[0].deprel), (4, NmodDesc));
        assert_eq!(a[4].head, 4);
    }

    #[test]
    fn case_marker_on_a_title_goes_to_the_name() {
        use DepRel::*;
        // talks(1) with(2) Secretary(3) George(4) Shultz(5): "with" hung on the title.
        let mut a = vec![
            tok(Upos::Noun, Xpos::Nns, 0, Root),
            tok(Upos::Adp, Xpos::In, 3, Case),
            tok(Upos::Propn, Xpos::Nnp, 5, NmodDesc),
            tok(Upos::Propn, Xpos::Nnp, 5, Compound),
            tok(Upos::Propn, Xpos::Nnp, 1, Nmod),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 1);
        assert_eq!(a[1].head, 5);
    }

    #[test]
    fn appos_after_a_comma_is_kept() {
        use DepRel::*;
        // Lavrov(1) ,(2) Russia(3): a real apposition.
        let mut a = vec![
            tok(Upos::Propn, Xpos::Nnp, 0, Root),
            tok(Upos::Punct, Xpos::Comma, 3, Punct),
            tok(Upos::Propn, Xpos::Nnp, 1, Appos),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 0);
    }

    #[test]
    fn that_clause_after_a_day_is_the_verbs_complement() {
        use DepRel::*;
        // said(1) on(2) Sunday(3) that(4) it(5) is(6) ready(7)
        let mut a = vec![
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Adp, Xpos::In, 3, Case),
            tok(Upos::Propn, Xpos::Nnp, 1, Obl),
            tok(Upos::Sconj, Xpos::In, 7, Mark),
            tok(Upos::Pron, Xpos::Prp, 7, Nsubj),
            tok(Upos::Aux, Xpos::Vbz, 7, Cop),
            tok(Upos::Adj, Xpos::Jj, 3, AclRelcl),
        ];
        assert_eq!(
            repair(&mut a.clone(), |_, _| false),
            0,
            "only for the word that"
        );
        assert_eq!(repair(&mut a, |i, w| w == "that" && i == 3), 1);
        assert_eq!((a[6].head, a[6].deprel), (1, Ccomp));
    }

    #[test]
    fn and_that_clause_joins_the_earlier_that_clause() {
        use DepRel::*;
        // told(1) him(2) that(3) Iran(4) sees(5) and(6) that(7) Tehran(8) will(9) help(10)
        let mut a = vec![
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Pron, Xpos::Prp, 1, Iobj),
            tok(Upos::Sconj, Xpos::In, 5, Mark),
            tok(Upos::Propn, Xpos::Nnp, 5, Nsubj),
            tok(Upos::Verb, Xpos::Vbz, 1, Ccomp),
            tok(Upos::Cconj, Xpos::Cc, 10, Cc),
            tok(Upos::Sconj, Xpos::In, 10, Mark),
            tok(Upos::Propn, Xpos::Nnp, 10, Nsubj),
            tok(Upos::Aux, Xpos::Md, 10, Aux),
            tok(Upos::Verb, Xpos::Vb, 1, Conj),
        ];
        assert_eq!(repair(&mut a, |i, w| w == "that" && (i == 2 || i == 6)), 1);
        assert_eq!((a[9].head, a[9].deprel), (5, Conj));
    }

    #[test]
    fn that_clause_on_a_named_addressee_is_the_verbs_complement() {
        use DepRel::*;
        // told(1) Abbas(2) that(3) Iran(4) helps(5)
        let mut a = vec![
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Propn, Xpos::Nnp, 1, Obj),
            tok(Upos::Sconj, Xpos::In, 5, Mark),
            tok(Upos::Propn, Xpos::Nnp, 5, Nsubj),
            tok(Upos::Verb, Xpos::Vbz, 2, AclRelcl),
        ];
        assert_eq!(repair(&mut a, |i, w| w == "that" && i == 2), 1);
        assert_eq!((a[4].head, a[4].deprel), (1, Ccomp));
    }

    #[test]
    fn fronted_phrase_then_a_name_gives_the_verb_its_subject() {
        use DepRel::*;
        // In(1) York(2) ,(3) Envoy(4) Smith(5) said(6): Envoy and Smith wrongly appos of York.
        let mut a = vec![
            tok(Upos::Adp, Xpos::In, 2, Case),
            tok(Upos::Propn, Xpos::Nnp, 6, Obl),
            tok(Upos::Punct, Xpos::Comma, 4, Punct),
            tok(Upos::Propn, Xpos::Nnp, 2, Appos),
            tok(Upos::Propn, Xpos::Nnp, 2, Appos),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        assert!(repair(&mut a, |_, _| false) >= 2);
        assert_eq!((a[4].head, a[4].deprel), (6, Nsubj));
        assert_eq!(a[3].head, 5);
    }

    #[test]
    fn fronted_phrase_then_a_comma_led_nmod_name_gives_the_verb_its_subject() {
        use DepRel::*;
        // In(1) city(2) ,(3) President(4) Park(5) met(6): Park a caseless nmod of city.
        let mut a = vec![
            tok(Upos::Adp, Xpos::In, 2, Case),
            tok(Upos::Noun, Xpos::Nn, 6, Obl),
            tok(Upos::Punct, Xpos::Comma, 5, Punct),
            tok(Upos::Propn, Xpos::Nnp, 5, Compound),
            tok(Upos::Propn, Xpos::Nnp, 2, Nmod),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        assert!(repair(&mut a, |_, _| false) >= 1);
        assert_eq!((a[4].head, a[4].deprel), (6, Nsubj));
        // "city of Hangzhou" (an nmod with its case marker) stays.
        let mut b = vec![
            tok(Upos::Noun, Xpos::Nn, 4, Obl),
            tok(Upos::Adp, Xpos::In, 3, Case),
            tok(Upos::Propn, Xpos::Nnp, 1, Nmod),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        assert_eq!(repair(&mut b, |_, _| false), 0);
    }

    #[test]
    fn name_glued_to_this_month_becomes_the_subject() {
        use DepRel::*;
        // Korea(1) this(2) month(3) threatened(4): Korea a compound of the time noun.
        let mut a = vec![
            tok(Upos::Propn, Xpos::Nnp, 3, Compound),
            tok(Upos::Det, Xpos::Dt, 3, Det),
            tok(Upos::Noun, Xpos::Nn, 4, Nsubj),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        let words = ["korea", "this", "month", "threatened"];
        assert_eq!(repair(&mut a, |i, w| words[i] == w), 2);
        assert_eq!((a[0].head, a[0].deprel), (4, Nsubj));
        assert_eq!((a[2].head, a[2].deprel), (4, OblUnmarked));
        // "China this plan works": no time noun, no change.
        let mut b = vec![
            tok(Upos::Propn, Xpos::Nnp, 3, Compound),
            tok(Upos::Det, Xpos::Dt, 3, Det),
            tok(Upos::Noun, Xpos::Nn, 4, Nsubj),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        let words = ["china", "this", "plan", "works"];
        assert_eq!(repair(&mut b, |i, w| words[i] == w), 0);
    }

    #[test]
    fn subject_with_a_preposition_is_an_oblique() {
        use DepRel::*;
        // Kim(1) ,(2) for(3) part(4) described(5): "part" wrongly nsubj, Kim vocative.
        let mut a = vec![
            tok(Upos::Propn, Xpos::Nnp, 5, Vocative),
            tok(Upos::Punct, Xpos::Comma, 1, Punct),
            tok(Upos::Adp, Xpos::In, 4, Case),
            tok(Upos::Noun, Xpos::Nn, 5, Nsubj),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 2);
        assert_eq!(a[3].deprel, Obl);
        assert_eq!((a[0].head, a[0].deprel), (5, Nsubj));
    }

    #[test]
    fn weekday_after_its_verb_is_a_time_modifier() {
        use DepRel::*;
        // officials(1) said(2) Friday(3): Friday wrongly a second subject.
        let mut a = vec![
            tok(Upos::Noun, Xpos::Nns, 2, Nsubj),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Propn, Xpos::Nnp, 2, Nsubj),
        ];
        let words = ["officials", "said", "friday"];
        assert_eq!(repair(&mut a, |i, w| words[i] == w), 1);
        assert_eq!((a[2].head, a[2].deprel), (2, OblUnmarked));
    }

    #[test]
    fn noun_with_that_and_an_object_is_a_verb() {
        use DepRel::*;
        // demanded(1) that(2) the(3) authorities(4) arrest(5) suspects(6)
        let mut a = vec![
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Sconj, Xpos::In, 5, Mark),
            tok(Upos::Det, Xpos::Dt, 5, Det),
            tok(Upos::Noun, Xpos::Nns, 5, Compound),
            tok(Upos::Noun, Xpos::Nn, 1, Ccomp),
            tok(Upos::Noun, Xpos::Nns, 5, Obj),
        ];
        assert_eq!(repair(&mut a, |i, w| i == 1 && w == "that"), 2);
        assert_eq!((a[4].upos, a[3].deprel), (Upos::Verb, Nsubj));
        assert_eq!(a[2].head, 4);
    }

    #[test]
    fn role_with_a_name_hung_inside_a_fronted_phrase_is_the_subject() {
        use DepRel::*;
        // Asked(1) about(2) comments(3) ,(4) spokeswoman(5) Hua(6) said(7)
        let mut a = vec![
            tok(Upos::Verb, Xpos::Vbn, 7, Ccomp),
            tok(Upos::Adp, Xpos::In, 3, Case),
            tok(Upos::Noun, Xpos::Nns, 1, Obl),
            tok(Upos::Punct, Xpos::Comma, 5, Punct),
            tok(Upos::Noun, Xpos::Nn, 3, Nmod),
            tok(Upos::Propn, Xpos::Nnp, 5, Appos),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 1);
        assert_eq!((a[4].head, a[4].deprel), (7, Nsubj));
    }

    #[test]
    fn name_after_an_inverted_speech_verb_is_its_subject() {
        use DepRel::*;
        // ”(1) said(2) Muhammad(3) Bashir(4) ,(5) shopkeeper(6) damaged(7)
        let mut a = vec![
            tok(Upos::Punct, Xpos::Comma, 2, Punct),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Propn, Xpos::Nnp, 7, NsubjPass),
            tok(Upos::Propn, Xpos::Nnp, 3, Flat),
            tok(Upos::Punct, Xpos::Comma, 6, Punct),
            tok(Upos::Noun, Xpos::Nn, 7, NsubjPass),
            tok(Upos::Verb, Xpos::Vbn, 2, Ccomp),
        ];
        let words = [
            "\u{201d}",
            "said",
            "muhammad",
            "bashir",
            ",",
            "shopkeeper",
            "damaged",
        ];
        assert!(repair(&mut a, |i, w| words[i] == w) >= 1);
        assert_eq!((a[2].head, a[2].deprel), (2, Nsubj));
    }

    #[test]
    fn object_of_a_speech_verb_before_a_subjectless_copular_clause_is_its_subject() {
        use DepRel::*;
        // said(1) assassination(2) ,(3) was(4) crime(5)
        let mut a = vec![
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Noun, Xpos::Nn, 1, Obj),
            tok(Upos::Punct, Xpos::Comma, 2, Punct),
            tok(Upos::Aux, Xpos::Vbd, 5, Cop),
            tok(Upos::Noun, Xpos::Nn, 1, Ccomp),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 1);
        assert_eq!((a[1].head, a[1].deprel), (5, Nsubj));
    }

    #[test]
    fn object_of_a_speech_verb_before_an_auxiliary_is_the_clause_subject() {
        use DepRel::*;
        // said(1) country(2) is(3) seeking(4) help(5)
        let mut a = vec![
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Noun, Xpos::Nn, 1, Obj),
            tok(Upos::Aux, Xpos::Vbz, 4, Aux),
            tok(Upos::Verb, Xpos::Vbg, 1, Ccomp),
            tok(Upos::Noun, Xpos::Nn, 4, Obj),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 1);
        assert_eq!((a[1].head, a[1].deprel), (4, Nsubj));
        // "told Iraq(obj) that(mark) …": no auxiliary right after the object, no change.
        let mut b = vec![
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Propn, Xpos::Nnp, 1, Obj),
            tok(Upos::Sconj, Xpos::In, 5, Mark),
            tok(Upos::Propn, Xpos::Nnp, 5, Nsubj),
            tok(Upos::Verb, Xpos::Vbz, 1, Ccomp),
        ];
        assert_eq!(repair(&mut b, |_, _| false), 0);
    }

    #[test]
    fn finite_conjunct_of_a_modal_clause_joins_the_verb_above() {
        use DepRel::*;
        // said(1) it(2) will(3) ensure(4) and(5) proposed(6)
        let mut a = vec![
            tok(Upos::Verb, Xpos::Vbn, 0, Root),
            tok(Upos::Pron, Xpos::Prp, 4, Nsubj),
            tok(Upos::Aux, Xpos::Md, 4, Aux),
            tok(Upos::Verb, Xpos::Vb, 1, Ccomp),
            tok(Upos::Cconj, Xpos::Cc, 6, Cc),
            tok(Upos::Verb, Xpos::Vbn, 4, Conj),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 1);
        assert_eq!(a[5].head, 1);
    }

    #[test]
    fn by_agent_hung_on_an_oblique_of_a_passive_is_the_agent() {
        use DepRel::*;
        // move(1) was(2) welcomed(3) at(4) time(5) by(6) Beijing(7)
        let mut a = vec![
            tok(Upos::Noun, Xpos::Nn, 3, NsubjPass),
            tok(Upos::Aux, Xpos::Vbd, 3, AuxPass),
            tok(Upos::Verb, Xpos::Vbn, 0, Root),
            tok(Upos::Adp, Xpos::In, 5, Case),
            tok(Upos::Noun, Xpos::Nn, 3, Obl),
            tok(Upos::Adp, Xpos::In, 7, Case),
            tok(Upos::Propn, Xpos::Nnp, 5, Nmod),
        ];
        let words = ["move", "was", "welcomed", "at", "time", "by", "beijing"];
        assert_eq!(repair(&mut a, |i, w| words[i] == w), 1);
        assert_eq!((a[6].head, a[6].deprel), (3, OblAgent));
    }

    #[test]
    fn two_adjacent_subjects_become_one() {
        use DepRel::*;
        // Wang(1) Yi(2) met(3)
        let mut a = vec![
            tok(Upos::Propn, Xpos::Nnp, 3, Nsubj),
            tok(Upos::Propn, Xpos::Nnp, 3, Nsubj),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        assert_eq!(repair(&mut a, |_, _| false), 1);
        assert_eq!((a[0].head, a[0].deprel), (2, Compound));
        assert_eq!((a[1].head, a[1].deprel), (3, Nsubj));
    }

    #[test]
    fn two_subjects_joined_by_a_conjunction_become_a_coordination() {
        use DepRel::*;
        // Russia(1) and(2) Ukraine(3) held(4) talks(5): and → cc of held, Ukraine → nsubj.
        let mut a = vec![
            tok(Upos::Propn, Xpos::Nnp, 4, Nsubj),
            tok(Upos::Cconj, Xpos::Cc, 4, Cc),
            tok(Upos::Propn, Xpos::Nnp, 4, Nsubj),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Noun, Xpos::Nns, 4, Obj),
        ];
        assert!(repair(&mut a, |_, _| false) > 0);
        assert_eq!((a[2].head, a[2].deprel), (1, Conj));
        assert_eq!((a[1].head, a[1].deprel), (3, Cc));
        assert_eq!(a[0].head, 4);
    }

    #[test]
    fn two_conjuncts_with_only_names_between_become_one() {
        use DepRel::*;
        // Kirchner(1) and(2) Venezuelan(3) President(4) Chavez(5) signed(6):
        // Venezuelan and Chavez both conj of Kirchner, and → cc of Venezuelan.
        let mut a = vec![
            tok(Upos::Propn, Xpos::Nnp, 6, Nsubj),
            tok(Upos::Cconj, Xpos::Cc, 3, Cc),
            tok(Upos::Propn, Xpos::Nnp, 1, Conj),
            tok(Upos::Propn, Xpos::Nnp, 5, NmodDesc),
            tok(Upos::Propn, Xpos::Nnp, 1, Conj),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
        ];
        assert!(repair(&mut a, |_, _| false) > 0);
        assert_eq!((a[2].head, a[2].deprel), (5, Compound));
        assert_eq!((a[4].head, a[4].deprel), (1, Conj));
        assert_eq!(a[1].head, 5);
    }

    #[test]
    fn a_possessor_parsed_as_a_second_subject_becomes_the_possessor() {
        use DepRel::*;
        // Lebanon(1) 's(2) Hezbollah(3) and(4) Israel(5) exchanged(6) fire(7)
        let mut a = vec![
            tok(Upos::Propn, Xpos::Nnp, 6, Nsubj),
            tok(Upos::Part, Xpos::Pos, 1, Case),
            tok(Upos::Propn, Xpos::Nnp, 6, Nsubj),
            tok(Upos::Cconj, Xpos::Cc, 5, Cc),
            tok(Upos::Propn, Xpos::Nnp, 3, Conj),
            tok(Upos::Verb, Xpos::Vbd, 0, Root),
            tok(Upos::Noun, Xpos::Nn, 6, Obj),
        ];
        assert!(repair(&mut a, |_, _| false) > 0);
        assert_eq!((a[0].head, a[0].deprel), (3, NmodPoss));
        assert_eq!((a[2].head, a[2].deprel), (6, Nsubj));
    }
}
