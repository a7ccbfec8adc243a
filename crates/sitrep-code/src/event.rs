//! Events from syntax: predicates, their arguments, verb patterns and framing.
//!
//! For each verb (and each event noun such as "meeting", "visit", "assassination") the
//! parse gives the source (subject, passive agent, controller of an infinitive, possessor of
//! a noun) and the target (object, prepositional object, noun complement). The verb
//! dictionary's patterns for the verb's block are matched against the words of the clause;
//! the most specific matching pattern gives the code, else the verb's own code. Framing words
//! then change it: "ready to", "will", "pledged to" → intent (03x); "urged X to" → appeal
//! (02x) to X; "refused to" or negation → rejection or `negated`. Reported speech keeps the
//! inner event and notes the speaker, who stands in for the subject when the subject is the
//! speaker's own state or "we". No pattern, no event: a verb without a code yields nothing,
//! and a verb's default code needs a target.

use sitrep_dict::verbs::{Link, PatternItem, Term, VerbPattern, VerbSyntax};
use sitrep_dict::{Dictionaries, WordId};
use sitrep_text::{DepRel, Upos, Xpos};

use crate::mention::{Mention, MentionKind};
use crate::tree::Tree;
use crate::words::{lemma, FrameKind, Words};

/// A participant slot before it is turned into an output record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// A mention (index into the document's mention list).
    Mention(usize),
    /// The speaker of the quote or report the event sits in (a mention index).
    Speaker(usize),
    /// One of "the two countries" / "the two ministers" (a `Pair` mention): side 0 or 1 of
    /// the document's two main countries.
    PairMember(usize, u8),
}

impl Arg {
    /// The mention index behind the argument.
    pub fn mention(self) -> usize {
        match self {
            Arg::Mention(m) | Arg::Speaker(m) | Arg::PairMember(m, _) => m,
        }
    }
}

/// An event found in a sentence, before participants are coded.
#[derive(Clone, Debug)]
pub struct Found {
    /// Sentence index.
    pub sent: usize,
    /// Trigger token (sentence-local).
    pub trigger: usize,
    /// Who acted (`None` until reported speech supplies the speaker).
    pub source: Option<Arg>,
    /// Who was acted upon.
    pub target: Option<Arg>,
    /// Whether the clause has a subject of its own (coded or not): only a clause without one
    /// takes the reporting speaker as its source.
    pub has_subject: bool,
    /// The trigger is a framing word ("urged", "ready") coded on its own because what it
    /// frames may yield nothing.
    pub frame_word: bool,
    /// CAMEO code.
    pub code: String,
    /// Text negates it.
    pub negated: bool,
    /// asserted / intent / appeal / reject / reported.
    pub modality: &'static str,
    /// Pattern as written (or the verb line).
    pub pattern: String,
    /// Dictionary file and line.
    pub dictionary: String,
    /// The syntactic rule.
    pub rule: String,
    /// Notes (frames, speaker substitution).
    pub notes: Vec<String>,
    /// Coded with PETRARCH-1 semantics ([`crate::linear`]): no reported-speech
    /// substitution, and only a coded source and target are required of it.
    pub linear: bool,
    /// Source and target are one coordinated phrase (`%`): the event holds between each
    /// pair of its members.
    pub mutual: bool,
}

/// Everything event finding needs about one sentence.
pub struct SentenceCx<'a> {
    /// The tree.
    pub tree: &'a Tree<'a>,
    /// Dictionary word ids of the tokens.
    pub ids: &'a [Option<WordId>],
    /// All mentions of the document.
    pub mentions: &'a [Mention],
    /// For each token of the sentence, the mention it heads (document mention index).
    pub mention_at: &'a [Option<usize>],
    /// Dictionaries.
    pub dict: &'a Dictionaries,
    /// Word lists.
    pub words: &'a Words,
    /// Speaker of the sentence when it sits in a quote (mention index).
    pub quote_speaker: Option<usize>,
    /// Mention indices of "the two countries" partners, when known.
    pub lowered: &'a [String],
    /// Each mention's code (its actor's, else its own), by document mention index.
    pub codes: &'a [Option<String>],
    /// Whether sitrep's own vocabulary (evaluative predicates) codes events: not when the
    /// user's verb dictionary is PETRARCH-1 only, whose codes are not CAMEO's.
    pub own_vocabulary: bool,
}

impl SentenceCx<'_> {
    /// Whether mention `m` carries a code.
    pub fn coded(&self, m: usize) -> bool {
        self.codes.get(m).is_some_and(Option::is_some)
    }

    /// Mention `m`'s code.
    pub fn code(&self, m: usize) -> Option<&str> {
        self.codes.get(m).and_then(Option::as_deref)
    }
}

const LIGHT_VERBS: &[&str] = &[
    "make", "hold", "pay", "conduct", "carry", "launch", "stage", "have", "begin", "start",
    "attend", "host",
];

/// Find the events of one sentence.
pub fn find(cx: &SentenceCx) -> Vec<Found> {
    let t = cx.tree;
    let mut out = Vec::new();
    let mut clauses: Option<crate::linear::Clauses> = None;
    // Naming verbs whose judging predicate made an event (their own event gives way below).
    let mut named: Vec<usize> = Vec::new();
    for v in 0..t.len() {
        let upos = t.upos(v);
        if !matches!(upos, Upos::Verb | Upos::Adj | Upos::Noun) {
            continue;
        }
        let copular = t.child(v, &[DepRel::Cop]).is_some();
        if copular && cx.own_vocabulary {
            evaluative(cx, v, &mut out);
        }
        if !copular && upos != Upos::Verb && cx.own_vocabulary {
            named.extend(naming(cx, v, &mut out));
        }
        // Adjectives code as predicates: with a copula, or as a reported clause of their own
        // ("… very disappointed that China is allowing …," Trump tweeted).
        if upos == Upos::Adj
            && !copular
            && !matches!(t.rel(v), DepRel::Root | DepRel::Ccomp | DepRel::Parataxis)
        {
            continue;
        }
        let Some(vm) = cx.dict.verbs.verb_at(cx.ids, v) else {
            continue;
        };
        if vm.block.syntax == VerbSyntax::Petrarch1 {
            // PETRARCH-1 codes verbs (verb phrases), never nouns or predicates; a noun the
            // tagger got wrong shows it is a verb by its auxiliary or infinitive marker
            // ("did not clash", "will not wire tap", "begun to question").
            let verbal = upos == Upos::Verb
                || upos == Upos::Noun
                    && !copular
                    && t.children(v).any(|k| {
                        t.rel(k) == DepRel::Aux || t.rel(k) == DepRel::Mark && t.is(k, "to")
                    });
            if verbal {
                let cl = clauses.get_or_insert_with(|| crate::linear::Clauses::new(cx));
                crate::linear::code(cx, cl, v, &vm, &mut out);
            }
            continue;
        }
        if upos == Upos::Noun && !copular {
            nominal(cx, v, &vm, &mut out);
        } else {
            verbal(cx, v, &vm, &mut out);
        }
    }
    if cx.own_vocabulary {
        threats(cx, &mut out);
    }
    // "Iran called the strike a war crime": the naming verb's own event ("called X": a phone
    // call, 041) gives way to what it names.
    out.retain(|f| !named.contains(&f.trigger));
    // "Ankara had conveyed its concerns to Syria's ambassador": an event noun that is the
    // object of a verb coded the same, with no doer of its own but a pronoun or nobody, is
    // that verb's event, not a second one ("crushed an Iranian attack" is two).
    let verb_events: Vec<(usize, String)> = out
        .iter()
        .filter(|f| t.upos(f.trigger) != Upos::Noun)
        .map(|f| (f.trigger, f.code.clone()))
        .collect();
    let pronoun_or_none = |a: Option<Arg>| {
        a.is_none_or(|a| matches!(cx.mentions[a.mention()].kind, MentionKind::Pronoun(_)))
    };
    out.retain(|f| {
        t.upos(f.trigger) != Upos::Noun
            || t.rel(f.trigger) != DepRel::Obj
            || !pronoun_or_none(f.source)
            || !verb_events
                .iter()
                .any(|(v, c)| t.head(f.trigger) == Some(*v) && *c == f.code)
    });
    // A frame word's own event stands only when what it frames yielded none with a target.
    let framed_triggers: Vec<usize> = out
        .iter()
        .filter(|f| !f.frame_word && (f.target.is_some() || f.mutual))
        .map(|f| f.trigger)
        .collect();
    out.retain(|f| {
        !f.frame_word
            || !framed_triggers.iter().any(|&k| {
                t.head(k) == Some(f.trigger) && matches!(t.rel(k), DepRel::Xcomp | DepRel::Ccomp)
            })
    });
    dedup(out)
}

fn dedup(mut v: Vec<Found>) -> Vec<Found> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|f| seen.insert((f.trigger, f.source, f.target, f.code.clone())));
    v
}

/// Which verb is the clause's own (for AUX-led copular clauses the predicate).
pub(crate) fn subject_of(cx: &SentenceCx, v: usize, depth: usize) -> Option<(Arg, String)> {
    let t = cx.tree;
    if depth > 6 {
        return None;
    }
    if let Some(s) = t.child(v, &[DepRel::Nsubj, DepRel::NsubjOuter, DepRel::Csubj]) {
        // "X, who visited Syria, …": the relative pronoun stands for its antecedent.
        if t.rel(v) == DepRel::AclRelcl && cx.mention_at[s].is_none() && t.upos(s) == Upos::Pron {
            if let Some(a) = t.head(v).and_then(|h| arg_at(cx, h)) {
                return Some((a, "antecedent of the relative pronoun".to_string()));
            }
        }
        return arg_at(cx, s).map(|a| (a, "nsubj".to_string()));
    }
    let head = t.head(v)?;
    match t.rel(v) {
        DepRel::Xcomp => {
            let g = head;
            // Object control ("forced Iran to make", "urged Iraq to stop") when the frame
            // says so, or when an unframed verb's object is an actor; else subject control.
            let framed = frame_of(cx, g);
            if framed.is_none_or(|f| f.object_control) {
                if let Some(o) = t.child(g, &[DepRel::Obj, DepRel::Iobj]) {
                    // "allowing oil to go into North Korea": the object does it, even when
                    // it is no actor (then nobody codable does).
                    return arg_at(cx, o)
                        .map(|a| (a, "object of the governing verb (control)".to_string()));
                }
            }
            subject_of(cx, g, depth + 1).map(|(a, r)| (a, format!("{r} of the governing verb")))
        }
        // A bare past participle in an adverbial clause ("release men indefinitely detained
        // without charge", "Captured by rebels, the soldier …") has its patient as subject,
        // not the governing clause's agent.
        DepRel::Advcl if bare_participle(t, v) => None,
        DepRel::Conj | DepRel::Advcl => subject_of(cx, head, depth + 1)
            .map(|(a, r)| (a, format!("{r} shared with the first conjunct"))),
        DepRel::Acl => {
            // "militants attacking X": the modified noun acts; "no effort to help": the
            // subject of the clause the noun sits in.
            inner_arg(cx, head)
                .map(|a| (a, "noun the participle modifies".to_string()))
                .or_else(|| {
                    // One clause up, not a chain of participles ("… denied access to ships
                    // suspected of carrying goods banned by sanctions targeting X").
                    let g = t.head(head)?;
                    if depth > 1 || matches!(t.rel(g), DepRel::Acl | DepRel::AclRelcl) {
                        return None;
                    }
                    subject_of(cx, g, depth + 1)
                        .map(|(a, r)| (a, format!("{r} of the clause around the noun")))
                })
        }
        DepRel::AclRelcl => {
            // Only when the relative pronoun is the subject ("forces that attacked X").
            arg_at(cx, head).map(|a| (a, "antecedent of the relative clause".to_string()))
        }
        _ => None,
    }
}

/// A past participle with no auxiliary: as an adverbial clause ("men detained without
/// charge", "Captured by rebels, …") its subject is its patient.
fn bare_participle(t: &Tree, v: usize) -> bool {
    t.toks[v].xpos == Xpos::Vbn && t.child(v, &[DepRel::Aux, DepRel::AuxPass]).is_none()
}

/// Whether the clause of `v` has a subject token of its own or through control, coded or
/// not (an expletive "it" does not count).
fn has_subject_token(cx: &SentenceCx, v: usize, depth: usize) -> bool {
    let t = cx.tree;
    if depth > 6 {
        return false;
    }
    if let Some(s) = t.child(
        v,
        &[
            DepRel::Nsubj,
            DepRel::NsubjOuter,
            DepRel::NsubjPass,
            DepRel::Csubj,
        ],
    ) {
        return !t.is(s, "it");
    }
    let Some(head) = t.head(v) else { return false };
    match t.rel(v) {
        // A bare past participle's subject is its patient (see `subject_of`): no speaker
        // stands in for it.
        DepRel::Advcl if bare_participle(t, v) => true,
        DepRel::Xcomp | DepRel::Conj | DepRel::Advcl => {
            t.child(head, &[DepRel::Obj])
                .is_some_and(|o| cx.mention_at[o].is_some())
                || has_subject_token(cx, head, depth + 1)
        }
        DepRel::Acl | DepRel::AclRelcl => true,
        _ => false,
    }
}

/// The actor argument a token stands for: its own mention, else a mention inside a
/// non-actor noun ("efforts by the Iraqi armed forces", "Iraq's progress").
fn arg_at(cx: &SentenceCx, tok: usize) -> Option<Arg> {
    if let Some(m) = cx.mention_at[tok] {
        return Some(Arg::Mention(m));
    }
    // "sentenced ousted Islamist president Mohamed Morsi": a noun with a named apposition
    // is the person named.
    let t = cx.tree;
    if matches!(t.upos(tok), Upos::Noun | Upos::Propn) {
        if let Some(m) = t
            .children_with(tok, &[DepRel::Appos])
            .find_map(|k| cx.mention_at[k])
        {
            return Some(Arg::Mention(m));
        }
    }
    None
}

pub(crate) fn inner_arg(cx: &SentenceCx, tok: usize) -> Option<Arg> {
    let t = cx.tree;
    if let Some(a) = arg_at(cx, tok) {
        return Some(a);
    }
    // "condemned what it called Indian shelling", "what they described as an attack by X":
    // the free relative stands for the thing named.
    if t.is(tok, "what") {
        let naming = t.children_with(tok, &[DepRel::AclRelcl]).find(|&r| {
            let f = t.form(r).to_lowercase();
            ["call", "describ", "term", "label", "brand", "dub"]
                .iter()
                .any(|w| f.starts_with(w))
        });
        if let Some(r) = naming {
            let named = t.child(r, &[DepRel::Obj, DepRel::Xcomp]).or_else(|| {
                t.children_with(r, &[DepRel::Obl])
                    .find(|&k| t.child(k, &[DepRel::Case]).is_some_and(|c| t.is(c, "as")))
            });
            if let Some(n) = named.filter(|&n| n != tok) {
                return inner_arg(cx, n);
            }
        }
    }
    // A thing that belongs to or is done by an actor stands for the actor as a target: its
    // possessor, its by-phrase (the doer of an act), then its of-phrase.
    let nmod_with = |p: &str| {
        t.children(tok)
            .filter(|&k| t.rel(k) == DepRel::Nmod)
            .find_map(|k| {
                let prep = t
                    .child(k, &[DepRel::Case])
                    .map(|c| t.form(c).to_lowercase());
                (prep.as_deref() == Some(p))
                    .then(|| arg_at(cx, k))
                    .flatten()
            })
    };
    // ("its experience", "its debt": the pronoun "its" names the owner of a thing, which is
    // no party: it gives an agent phrase its country, "its ambassador", but is not an
    // argument by itself.)
    let its = |k: usize| {
        cx.mention_at[k].is_some_and(|m| {
            cx.mentions[m].kind == MentionKind::Pronoun(crate::words::PronounKind::Thing)
        })
    };
    t.children(tok)
        .filter(|&k| t.rel(k) == DepRel::NmodPoss && !its(k))
        .find_map(|k| arg_at(cx, k))
        .or_else(|| nmod_with("by"))
        // "condemned the Indian shelling", "welcomed the Turkish proposal": a nationality
        // adjective on the act names whose act it is.
        .or_else(|| {
            t.children(tok)
                .filter(|&k| t.rel(k) == DepRel::Amod)
                .find_map(|k| arg_at(cx, k))
        })
        // "opposes DPRK missile launches": a name compounded on the object does too (not on
        // a prepositional phrase: "launches against UN resolutions" are not aimed at the UN).
        .or_else(|| {
            t.children(tok)
                .filter(|&k| {
                    t.rel(tok) == DepRel::Obj
                        && t.rel(k) == DepRel::Compound
                        && t.upos(k) == Upos::Propn
                })
                .find_map(|k| arg_at(cx, k))
        })
        .or_else(|| nmod_with("of"))
        // "media reports from the United States claiming …": where the thing comes from.
        .or_else(|| nmod_with("from"))
}

/// Prepositional dependents of `v` as (preposition, argument token).
fn preps(cx: &SentenceCx, v: usize) -> Vec<(String, usize)> {
    let t = cx.tree;
    t.children(v)
        .filter(|&k| matches!(t.rel(k), DepRel::Obl | DepRel::Nmod | DepRel::OblAgent))
        .filter_map(|k| {
            t.child(k, &[DepRel::Case])
                .map(|c| (t.form(c).to_lowercase(), k))
        })
        .collect()
}

/// Prepositions that introduce a target after a verb or event noun.
const TARGET_PREPS: &[&str] = &[
    "with", "to", "against", "on", "at", "from", "toward", "towards", "into", "for", "upon",
];

pub(crate) fn is_passive(cx: &SentenceCx, v: usize) -> bool {
    let t = cx.tree;
    t.child(v, &[DepRel::AuxPass, DepRel::NsubjPass]).is_some() && t.toks[v].xpos == Xpos::Vbn
}

pub(crate) fn negated(cx: &SentenceCx, v: usize) -> bool {
    let t = cx.tree;
    t.children(v).any(|k| {
        let f = t.form(k).to_lowercase();
        matches!(t.rel(k), DepRel::Advmod | DepRel::Det | DepRel::Aux)
            && matches!(f.as_str(), "not" | "n't" | "never")
    })
}

fn frame_of(cx: &SentenceCx, g: usize) -> Option<crate::words::Frame> {
    let l = lemma(&cx.tree.form(g).to_lowercase());
    cx.words.frame(&l).or_else(|| {
        let vm = cx.dict.verbs.verb_at(cx.ids, g)?;
        cx.words.frame(&vm.verb.lemma.to_lowercase())
    })
}

/// Modal auxiliaries: intent for will/shall, none for would/could/may/might/should.
fn modal(cx: &SentenceCx, v: usize) -> Option<&'static str> {
    let t = cx.tree;
    let mut found = None;
    for k in t.children_with(v, &[DepRel::Aux]) {
        match t.form(k).to_lowercase().as_str() {
            "will" | "shall" | "'ll" | "wo" => found = Some("intent"),
            "would" | "could" | "may" | "might" | "should" | "must" | "can" | "ca" => {
                found = found.or(Some("conditional"))
            }
            _ => {}
        }
    }
    found
}

/// The country whose weapon or attack token `s` is (`data/weapon_nouns.txt`: "Russian
/// missiles", "Israel's jets", "U.S. drone"): its country modifier's mention. Not
/// "Iranian-made drones": a hyphenated modifier names a maker.
fn weapon_owner(cx: &SentenceCx, s: usize) -> Option<usize> {
    let t = cx.tree;
    if cx.mention_at[s].is_some() || !cx.words.is_weapon_noun(&t.form(s).to_lowercase()) {
        return None;
    }
    weapon_owner_any(cx, s)
}

/// The country modifying weapon noun `s` ("a U.S. drone"), whether or not the weapon
/// phrase is itself an actor mention.
fn weapon_owner_any(cx: &SentenceCx, s: usize) -> Option<usize> {
    let t = cx.tree;
    let country = |k: usize| {
        let m = cx.mention_at[k]?;
        (cx.mentions[m].kind == MentionKind::Country).then_some(m)
    };
    let mods = || t.children_with(s, &[DepRel::Amod, DepRel::NmodPoss, DepRel::Compound]);
    mods()
        .filter(|&k| !t.form(k).contains('-'))
        .find_map(country)
        // "Saudi-led coalition airstrikes", "U.S.-backed forces": the country that leads
        // or backs them (not "Iranian-made drones": a maker is no owner).
        .or_else(|| {
            mods()
                .filter(|&k| matches!(t.form(k).to_lowercase().as_str(), "led" | "backed"))
                .find_map(|k| t.children(k).filter(|&j| j < k).find_map(country))
        })
}

/// Whether a phrase head names a time ("Friday", "March", "last week", "this morning"): a
/// word of the date vocabulary, or "overnight" (which dates nothing).
fn is_time_word(cx: &SentenceCx, k: usize) -> bool {
    let w = cx.tree.form(k).to_lowercase();
    cx.words.is_time_word(&w) || w == "overnight"
}

/// Words the patterns of a verb are matched against, as PETRARCH-2 reads them: the heads
/// of the verb's dependent phrases with their modifiers (objects, prepositional phrases with
/// their preposition, particles, infinitives and their objects) and, one level down, the
/// prepositional phrases of those heads; split into the words before and after the verb.
fn context(cx: &SentenceCx, v: usize) -> (Vec<usize>, Vec<usize>) {
    let t = cx.tree;
    let mut all: Vec<usize> = Vec::new();
    let phrase = |c: usize, all: &mut Vec<usize>| {
        all.push(c);
        for k in t.children(c) {
            if matches!(
                t.rel(k),
                DepRel::Compound
                    | DepRel::Amod
                    | DepRel::Det
                    | DepRel::Nummod
                    | DepRel::Flat
                    | DepRel::Fixed
                    | DepRel::NmodDesc
                    | DepRel::Case
                    | DepRel::CompoundPrt
            ) {
                all.push(k);
                for kk in t.children(k) {
                    if matches!(t.rel(kk), DepRel::Fixed | DepRel::Flat | DepRel::Compound) {
                        all.push(kk);
                    }
                }
            }
        }
    };
    for c in t.children(v) {
        let rel = t.rel(c);
        let take = matches!(
            rel,
            DepRel::Obj
                | DepRel::Iobj
                | DepRel::Obl
                | DepRel::OblAgent
                | DepRel::OblTmod
                | DepRel::OblNpmod
                | DepRel::OblUnmarked
                | DepRel::Nmod
                | DepRel::Xcomp
                | DepRel::CompoundPrt
                | DepRel::Advmod
                | DepRel::Aux
                | DepRel::AuxPass
                | DepRel::Nsubj
                | DepRel::NsubjPass
                | DepRel::Compound
        );
        // "phoned Putin on Friday": a time phrase is no argument a pattern describes (CALL's
        // `(ON) [020]`, "call on X to", coded the call as an appeal).
        let time = matches!(
            rel,
            DepRel::Obl | DepRel::OblTmod | DepRel::OblNpmod | DepRel::Nmod
        ) && is_time_word(cx, c)
            // "in Moscow April 13" parsed with "Moscow" inside the date: still an argument.
            && !t.children(c).any(|k| cx.mention_at[k].is_some());
        if !take || time {
            continue;
        }
        phrase(c, &mut all);
        // One level down only below objects and infinitives: in "cooperating with Damascus in
        // the fight against terrorism", "against" belongs to "fight", not to the verb.
        if !matches!(rel, DepRel::Obj | DepRel::Iobj | DepRel::Xcomp) {
            continue;
        }
        // "…, Wang added, a reference to sanctions imposed by the United States": what a
        // reference or allusion points to is its topic, not the verb's argument.
        if ["reference", "references", "allusion", "allusions"]
            .iter()
            .any(|w| t.is(c, w))
        {
            continue;
        }
        for k in t.children(c) {
            let r = t.rel(k);
            if matches!(r, DepRel::Nmod | DepRel::Obl)
                || (rel == DepRel::Xcomp && matches!(r, DepRel::Obj | DepRel::Obl))
            {
                phrase(k, &mut all);
            }
        }
    }
    all.sort_unstable();
    all.dedup();
    let before = all.iter().copied().filter(|&k| k < v).collect();
    let after = all.into_iter().filter(|&k| k > v).collect();
    (before, after)
}

/// Match a pattern's elements against a token sequence; returns the number of terms matched
/// and the tokens filling `+` and `$`, or `None` when the pattern does not match.
#[derive(Default)]
struct Fit {
    score: usize,
    target: Option<usize>,
    source: Option<usize>,
    /// Mentions a `^` slot passed over (the victim in "KILLING (OF ^)"): never the target.
    skipped: Vec<usize>,
}

fn fit(cx: &SentenceCx, p: &VerbPattern, before: &[usize], after: &[usize]) -> Option<Fit> {
    let mut f = Fit::default();
    // After the verb: elements left to right over `after`.
    let mut pos = 0;
    for e in &p.after {
        let adjacent = e.link == Link::Adjacent && p.syntax == VerbSyntax::Petrarch1;
        pos = match_item(cx, &e.item, after, pos, adjacent, &mut f)?;
    }
    // Before the verb: elements right to left over `before`.
    if !p.before.is_empty() {
        let rev: Vec<usize> = before.iter().rev().copied().collect();
        let mut pos = 0;
        for e in p.before.iter().rev() {
            pos = match_item(cx, &e.item, &rev, pos, false, &mut f)?;
        }
    }
    Some(f)
}

/// Match one item at or after `seq[pos]`; returns the position after it.
fn match_item(
    cx: &SentenceCx,
    item: &PatternItem,
    seq: &[usize],
    pos: usize,
    adjacent: bool,
    f: &mut Fit,
) -> Option<usize> {
    let limit = if adjacent {
        (pos + 1).min(seq.len())
    } else {
        seq.len()
    };
    match item {
        PatternItem::Term(term) => {
            for i in pos..limit {
                if let Some(n) = match_term(cx, term, seq, i, f) {
                    // A pattern noun on its own names a phrase's head, not a word modifying
                    // another ("COUNCIL" does not match "the Security Council resolutions",
                    // `&MILITARY` not "military ties"; `{TRADE &TREATY}` still matches "trade
                    // agreements").
                    let last = seq[i + n - 1];
                    let modifier = matches!(cx.tree.rel(last), DepRel::Compound | DepRel::Amod)
                        && cx
                            .tree
                            .head(last)
                            .is_some_and(|h| h > last && seq.contains(&h));
                    if modifier && !term.is_slot() {
                        f.score -= 1;
                        continue;
                    }
                    return Some(i + n);
                }
            }
            None
        }
        PatternItem::Phrase(terms) => {
            'start: for i in pos..limit {
                let mut j = i;
                let mut local = Fit {
                    score: 0,
                    target: f.target,
                    source: f.source,
                    skipped: Vec::new(),
                };
                for term in terms {
                    match match_term(cx, term, seq, j, &mut local) {
                        Some(n) => j += n,
                        None => continue 'start,
                    }
                }
                f.score += local.score;
                f.target = local.target;
                f.source = local.source;
                f.skipped.extend(local.skipped);
                return Some(j);
            }
            None
        }
        PatternItem::Prep { prep, objects } => {
            for i in pos..limit {
                if let Some(n) = match_term(cx, prep, seq, i, f) {
                    let mut j = i + n;
                    let mut ok = true;
                    for o in objects {
                        match match_item(cx, o, seq, j, false, f) {
                            Some(k) => j = k,
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    if ok {
                        return Some(j);
                    }
                }
            }
            None
        }
    }
}

fn match_term(cx: &SentenceCx, term: &Term, seq: &[usize], i: usize, f: &mut Fit) -> Option<usize> {
    let tok = *seq.get(i)?;
    match term {
        Term::Source | Term::Target | Term::Compound | Term::Skip => {
            // A slot takes a mention, or for `$` and `+` a noun standing for one ("over
            // Japan's northern island": Japan).
            let slot = match cx.mention_at[tok] {
                Some(_) => tok,
                None if matches!(term, Term::Source | Term::Target) => {
                    let m = inner_arg(cx, tok)?.mention();
                    let head = cx.mentions[m].head;
                    (cx.mentions[m].sent == cx.tree.sent && cx.mention_at[head] == Some(m))
                        .then_some(head)?
                }
                None => return None,
            };
            let m = cx.mention_at[slot]?;
            match term {
                Term::Source => f.source = Some(slot),
                Term::Target => f.target = Some(slot),
                Term::Skip => f.skipped.push(m),
                _ => {}
            }
            // A mention's phrase counts as one position: skip its other tokens.
            let hi = if slot == tok { cx.mentions[m].hi } else { tok };
            let mut n = 1;
            while i + n < seq.len() && seq[i + n] <= hi {
                n += 1;
            }
            Some(n)
        }
        _ => {
            // Terms compare dictionary word ids over consecutive tokens of the sequence.
            let ids: Vec<Option<WordId>> = seq[i..].iter().take(6).map(|&k| cx.ids[k]).collect();
            let n = term.matches_at(&cx.dict.verbs, &ids, 0)?;
            f.score += 1;
            Some(n)
        }
    }
}

/// Choose the code for a verb match: best pattern, else the verb's own code.
fn choose<'d>(
    cx: &'d SentenceCx,
    vm: &sitrep_dict::VerbMatch<'d>,
    before: &[usize],
    after: &[usize],
    passive: bool,
) -> Option<(String, String, String, Fit, bool)> {
    let mut best: Option<(&VerbPattern, Fit)> = None;
    for (_, p) in cx.dict.verbs.patterns_of(vm.verb.block) {
        // A phrasal verb's particle ("- * ON [190] # PRESS": press on; "- * DOWN [173] #
        // CLAMP") belongs to the verb it was written for, not to every verb of its merged
        // block ("talk on that" is no assault).
        if p.particle
            && p.for_verb
                .as_deref()
                .is_some_and(|w| !w.eq_ignore_ascii_case(&vm.verb.lemma))
        {
            continue;
        }
        if let Some(f) = fit(cx, p, before, after) {
            let better = match &best {
                None => true,
                // More matched words wins; on a tie the later file (sitrep's additions), then
                // the pattern written for this very verb ("opposed sanctions": OPPOSE's 052,
                // not DEBATE's 040 listed first in their shared block).
                Some((bp, bf)) => {
                    let own = |p: &VerbPattern| {
                        p.for_verb
                            .as_deref()
                            .is_some_and(|w| w.eq_ignore_ascii_case(&vm.verb.lemma))
                    };
                    f.score > bf.score
                        || f.score == bf.score
                            && (p.origin.file != bp.origin.file || own(p) && !own(bp))
                }
            };
            if better && f.score > 0
                || better && best.is_none() && (f.target.is_some() || f.source.is_some())
            {
                best = Some((p, f));
            }
        }
    }
    if let Some((p, f)) = best {
        let code = p.code.get(passive)?.to_string();
        return Some((
            code,
            p.text.to_string(),
            format!("{}:{}", short(&p.origin.file), p.origin.line),
            f,
            true,
        ));
    }
    // A verb's code is its block's unless its line gives its own; an explicit `[---]` on
    // the verb line ("HOLD [---]" in CONFINE [170], "COME [---]" in ARRIVE [040]) means the
    // bare verb codes nothing, as in PETRARCH: only the block's patterns can.
    let code = vm.verb.code.get(passive)?.to_string();
    Some((
        code,
        format!("{} [{}]", vm.verb.lemma, vm.verb.code),
        format!("{}:{}", short(&vm.verb.origin.file), vm.verb.origin.line),
        Fit::default(),
        false,
    ))
}

fn short(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn verbal(cx: &SentenceCx, v: usize, vm: &sitrep_dict::VerbMatch, out: &mut Vec<Found>) {
    let t = cx.tree;
    // "ready to share", "urged X to stop": the framed verb is the event, not the frame word;
    // the frame word codes only when the framed verb codes nothing (`find` drops it else).
    let own_frame = frame_of(cx, v);
    let frames_a_clause = own_frame.is_some_and(|f| {
        !matches!(
            f.kind,
            FrameKind::Control | FrameKind::Allege | FrameKind::Deny
        )
    }) && t.child(v, &[DepRel::Xcomp, DepRel::Ccomp]).is_some();
    // "failed to keep the ships from trading": a negating frame is no event of its own.
    if frames_a_clause && own_frame.is_some_and(|f| f.kind == FrameKind::Negate) {
        return;
    }
    let lem = vm.verb.lemma.to_lowercase();
    let passive = is_passive(cx, v);
    let (mut before, mut after) = context(cx, v);
    // "The memorandum was signed by …": the passive subject is what the pattern's object
    // describes.
    if passive {
        if let Some(sp) = t.child(v, &[DepRel::NsubjPass]) {
            let (lo, hi) = t.subtree_bounds(sp, &|_| false);
            let moved: Vec<usize> = before
                .iter()
                .copied()
                .filter(|k| (lo..=hi).contains(k))
                .collect();
            before.retain(|k| !moved.contains(k));
            after.splice(0..0, moved);
        }
    }
    // "sanctions imposed on Chinese firms by the United States": a participle's noun is what
    // its patterns' object describes.
    // (Not when the noun is an actor: "Taliban insurgents struck at …" misparsed as one.)
    if t.rel(v) == DepRel::Acl && t.toks[v].xpos == Xpos::Vbn {
        if let Some(h) = t.head(v).filter(|&h| cx.mention_at[h].is_none()) {
            let mut noun: Vec<usize> = t
                .children(h)
                .filter(|&k| k < h && matches!(t.rel(k), DepRel::Amod | DepRel::Compound))
                .collect();
            noun.push(h);
            before.retain(|k| !noun.contains(k));
            after.splice(0..0, noun);
        }
    }
    let light = LIGHT_VERBS.contains(&lem.as_str());
    let (mut code, mut pattern, mut dictionary, fit, by_pattern) =
        match choose(cx, vm, &before, &after, passive) {
            Some(c) => c,
            // "Russia denied that its jets struck the hospital": a denial of a clause, which
            // no verb pattern can name, is CAMEO's 016 (deny responsibility).
            None if own_frame.is_some_and(|f| f.kind == FrameKind::Deny)
                && !passive
                && t.child(v, &[DepRel::Ccomp, DepRel::Xcomp]).is_some()
                && !confirm_or_deny(t, v) =>
            {
                (
                    "016".to_string(),
                    format!("{} + clause [016]", vm.verb.lemma),
                    "frames.tsv (deny)".to_string(),
                    Fit::default(),
                    true,
                )
            }
            None if light => (
                String::new(),
                String::new(),
                String::new(),
                Fit::default(),
                false,
            ),
            None => return,
        };
    // "made serious demands", "held talks": without a pattern of its own, a light verb takes
    // its code from the event noun it governs.
    let mut light_noun = None;
    if light && !by_pattern {
        for o in t.children_with(v, &[DepRel::Obj]).collect::<Vec<_>>() {
            let Some(nm) = cx.dict.verbs.verb_at(cx.ids, o) else {
                continue;
            };
            let (_, nafter) = context(cx, o);
            if let Some((c, p, d, _, _)) = choose(cx, &nm, &[], &nafter, false) {
                code = c;
                pattern = p;
                dictionary = d;
                light_noun = Some(o);
                break;
            }
        }
        // "China hosted Brazil": with an actor for its object and no event noun, a light verb
        // whose own code is a meeting (HOST 043) is that meeting. Not the other light verbs'
        // own codes: "holds a 29 pct interest", "paid Iranian officials" (measured on the
        // Reuters corpus: they only added wrong events).
        let actor_object = || {
            t.children_with(v, &[DepRel::Obj])
                .any(|o| cx.mention_at[o].is_some())
        };
        if light_noun.is_none() && !(code.starts_with("04") && actor_object()) {
            return;
        }
    }
    // Bare statements (CAMEO 01) are noise unless a pattern names what was said and to whom.
    // (A denial names what it denies with its object or its clause.)
    let said = if code == "016" {
        t.child(v, &[DepRel::Obj, DepRel::Ccomp, DepRel::Xcomp])
    } else {
        t.child(v, &[DepRel::Obj])
    };
    if code.starts_with("01") && (!by_pattern || fit.target.is_none() && said.is_none()) {
        return;
    }
    let mut notes = Vec::new();
    let mut rule;
    // Source.
    let mut source = fit.source.and_then(|k| arg_at(cx, k));
    rule = if source.is_some() {
        "$ slot of the pattern".to_string()
    } else {
        String::new()
    };
    let agent = preps(cx, v)
        .into_iter()
        .find(|(p, k)| p == "by" && (t.rel(*k) == DepRel::OblAgent || passive));
    let subj = subject_of(cx, v, 0);
    let mut target = fit.target.and_then(|k| arg_at(cx, k));
    // "the sanctions imposed by Japan on Chinese firms": a passive participle's by-agent acts.
    let participle = t.rel(v) == DepRel::Acl && t.toks[v].xpos == Xpos::Vbn;
    if source.is_none() && participle {
        if let Some((_, k)) = preps(cx, v).into_iter().find(|(p, _)| p == "by") {
            source = inner_arg(cx, k);
            if source.is_some() {
                rule = "by-agent of the participle".to_string();
            }
        }
    }
    if source.is_none() {
        if passive
            && !vm.verb.code.has_passive()
            && vm.block.code.has_passive().then_some(()).is_none()
        {
            // Plain passive: the agent acts on the subject.
            if let Some((_, k)) = agent {
                source = inner_arg(cx, k);
                if target.is_none() {
                    target = subj.as_ref().map(|(a, _)| *a);
                }
                // "The EU's move was welcomed by Beijing": the act's agent is the target.
                if target.is_none() {
                    target = t
                        .child(v, &[DepRel::NsubjPass])
                        .and_then(|s| agent_of_act(cx, s));
                }
                rule = "by-agent → passive subject".to_string();
            }
        } else if let Some((a, r)) = subj.clone() {
            source = Some(a);
            rule = r;
        }
        // "The memorandum was signed by X and Y": whatever the pattern's passive code, the
        // by-agent acted when the passive subject is no actor.
        if source.is_none() && passive {
            if let Some((_, k)) = agent {
                source = inner_arg(cx, k);
                rule = "by-agent of the passive".to_string();
                // ... and does what the active verb does: "the meeting is being hosted by
                // Tony Blair" is Blair hosting (043), not the passive code for a visitor
                // received (042).
                if source.is_some() && by_pattern {
                    if let Some((c, ..)) = choose(cx, vm, &before, &after, false) {
                        code = c;
                    }
                }
            }
        }
    }
    // "Russian missiles struck Kharkiv", "Israel's jets bombed …": in violence, a subject
    // that is a country's weapon or attack stands for the country; so does a passive
    // subject for the target ("a U.S. drone was shot down by Iranian forces").
    let violent = matches!(code.get(..2), Some("15" | "18" | "19" | "20"));
    if violent && source.is_none() {
        if let Some(m) = t
            .child(v, &[DepRel::Nsubj])
            .and_then(|s| weapon_owner(cx, s))
        {
            source = Some(Arg::Mention(m));
            rule = "country of the subject (its weapon or attack)".to_string();
        }
    }
    if violent && passive && target.is_none() && source.is_some() {
        if let Some(m) = t
            .child(v, &[DepRel::NsubjPass])
            .and_then(|s| weapon_owner(cx, s))
        {
            target = Some(Arg::Mention(m));
            rule.push_str(" → country of the passive subject (its weapon)");
        }
    }
    // "Britain recalled its ambassador to Moscow", "expelled the envoy in Doha": reducing
    // relations through one's own envoy is aimed at the country the envoy is posted to.
    if target.is_none() && code.starts_with("16") {
        let envoy = t.children_with(v, &[DepRel::Obj]).find(|&o| {
            matches!(
                lemma(&t.form(o).to_lowercase()).as_str(),
                "ambassador" | "envoy" | "diplomat"
            ) && cx.mention_at[o].is_none_or(|m| {
                // Unplaced, or placed by its possessor ("its", "Britain's"): one's own.
                cx.mentions[m].country.is_none() || cx.mentions[m].poss_head.is_some()
            })
        });
        if let Some(o) = envoy {
            let posted = preps(cx, o)
                .into_iter()
                .find(|(p, _)| p == "to" || p == "in")
                .and_then(|(p, k)| Some((p, inner_arg(cx, k)?)));
            if let Some((p, a)) = posted {
                target = Some(a);
                rule.push_str(&format!(" → {p}-phrase of the envoy"));
            }
        }
    }
    // Target: object, else a prepositional object, else a possessor inside the object.
    if target.is_none() {
        for o in t
            .children_with(v, &[DepRel::Obj, DepRel::Iobj])
            .collect::<Vec<_>>()
        {
            // "Iran test-fired a cruise missile": in violence and shows of force a weapon
            // object is the instrument, not a party (Phoenix's agents code CRUISE_MISSILE as
            // military); "shot down a U.S. drone" targets its owner. (An accusation against
            // "Turkish warplanes" still targets them.)
            if violent && cx.words.is_weapon_noun(&t.form(o).to_lowercase()) {
                target = weapon_owner_any(cx, o).map(Arg::Mention);
                if target.is_some() {
                    rule.push_str(" → country of the object (its weapon)");
                    break;
                }
                continue;
            }
            target = inner_arg(cx, o);
            if target.is_some() {
                rule.push_str(" → obj");
                break;
            }
        }
    }
    if target.is_none() && !passive {
        // "China slammed the United States" parsed with the object as an oblique without a
        // preposition: an actor right after the verb is its object.
        let bare_obl = t.children_with(v, &[DepRel::Obl]).find(|&k| {
            k > v
                && t.child(k, &[DepRel::Case]).is_none()
                && cx.mention_at[k].is_some_and(|m| {
                    matches!(
                        cx.mentions[m].kind,
                        MentionKind::Country | MentionKind::Name | MentionKind::Organisation
                    )
                })
        });
        if let Some(k) = bare_obl {
            target = arg_at(cx, k);
            rule.push_str(" → oblique without a preposition (as object)");
        }
    }
    // Where force comes from is no target: "fired missiles from the town of Hwangju",
    // "shelled the villages from across the border".
    let origin = |p: &str| p == "from" && matches!(code.get(..2), Some("15" | "18" | "19" | "20"));
    if target.is_none() {
        for (p, k) in preps(cx, v) {
            if origin(&p) {
                continue;
            }
            // "Egypt mediated between Israel and Hamas": each party of the between-phrase
            // (its conjuncts become events of their own). Only for mediation: other verbs'
            // between-phrases were measured to add wrong events ("exchanges between Britain
            // and the Soviet Union" as the object of "hoped").
            if TARGET_PREPS.contains(&p.as_str()) || p == "between" && code.starts_with("045") {
                if let Some(a) = inner_arg(cx, k) {
                    target = Some(a);
                    rule.push_str(&format!(" → {p}-phrase"));
                    break;
                }
            }
        }
    }
    if target.is_none() {
        for o in t.children_with(v, &[DepRel::Obj]).collect::<Vec<_>>() {
            if target.is_some() {
                break;
            }
            for (p, k) in preps(cx, o) {
                if origin(&p) {
                    continue;
                }
                if TARGET_PREPS.contains(&p.as_str()) || p == "between" {
                    if let Some(a) = inner_arg(cx, k) {
                        target = Some(a);
                        rule.push_str(&format!(" → {p}-phrase of the object"));
                        break;
                    }
                }
            }
        }
    }
    if target.is_none() {
        // Objects of an infinitive the verb governs ("help promote Iraq's progress").
        if let Some(x) = t.child(v, &[DepRel::Xcomp]) {
            if let Some(o) = t.child(x, &[DepRel::Obj]) {
                target = inner_arg(cx, o);
                if target.is_some() {
                    rule.push_str(" → object of the infinitive");
                }
            }
        }
    }
    if target.is_none() && !passive {
        // "Wang Yi visited Iran and signed a cooperation agreement", "summoned India's
        // deputy high commissioner to lodge a strong protest": a second verb of the same
        // subject, or its purpose, is aimed at the actor the first verb's object names.
        let purpose = t.rel(v) == DepRel::Advcl
            && t.children(v)
                .any(|k| t.rel(k) == DepRel::Mark && t.is(k, "to"));
        if t.rel(v) == DepRel::Conj || purpose {
            let first_obj = t
                .head(v)
                .filter(|&h| t.upos(h) == Upos::Verb)
                .and_then(|h| t.child(h, &[DepRel::Obj]))
                .filter(|&o| cx.mention_at[o].is_some());
            // (Not one's own: "Turkey will export … to help its state companies".)
            let country = |a: Option<Arg>| {
                a.and_then(|a| match a {
                    Arg::Mention(m) => cx.mentions[m].country.clone(),
                    _ => None,
                })
            };
            let own = |o: usize| {
                let c = country(arg_at(cx, o));
                c.is_none() || c == country(source)
            };
            if let Some(o) = first_obj.filter(|&o| !own(o)) {
                target = arg_at(cx, o);
                if target.is_some() {
                    rule.push_str(if purpose {
                        " → object of the verb it is the purpose of"
                    } else {
                        " → object of the first conjunct"
                    });
                }
            }
        }
    }
    if target.is_none()
        && (code.starts_with("02") || code.starts_with("10") || code.starts_with("11"))
    {
        // "demanded that the Syrian authorities arrest the suspects": an appeal or demand is
        // made to the subject of the clause it asks for; "very disappointed that China is
        // allowing …", "accused that …": disapproval is of the clause's subject.
        if let Some(c) = t.child(v, &[DepRel::Ccomp]) {
            if let Some(s) = t.child(c, &[DepRel::Nsubj, DepRel::NsubjPass]) {
                target = inner_arg(cx, s);
                if target.is_some() {
                    rule.push_str(" → subject of the clause demanded or judged");
                }
            }
        }
    }
    // A mention a `^` slot passed over is the act's victim, not the target: the doer in a
    // by-phrase anywhere in the object's phrase is ("condemned the killing of X by Y").
    if target.is_some_and(|a| fit.skipped.contains(&a.mention())) {
        target = t.children_with(v, &[DepRel::Obj]).find_map(|o| {
            let (lo, hi) = t.subtree_bounds(o, &|_| false);
            (lo..=hi).find_map(|k| {
                (t.rel(k) == DepRel::Nmod
                    && t.child(k, &[DepRel::Case]).is_some_and(|c| t.is(c, "by")))
                .then(|| arg_at(cx, k))
                .flatten()
            })
        });
        rule.push_str(" (the pattern's ^ passes over the of-phrase)");
    }
    // "Ethiopia and Sudan signed an agreement", "X and Y met", "the two sides agreed": a
    // coordinated subject with no other party acts on itself, one event per ordered pair of
    // members (as PETRARCH does), when the act is one done together: cooperation (03–08) or
    // fighting (19), not "both countries claim the farmland".
    let together = matches!(
        code.get(..2),
        Some("03" | "04" | "05" | "06" | "07" | "08" | "19")
    );
    let mutual = target.is_none()
        && together
        && source.is_some_and(|a| {
            let m = &cx.mentions[a.mention()];
            !m.conjuncts.is_empty() || m.kind == MentionKind::Pair
        });
    if mutual {
        rule.push_str(" → the other members of the coordinated subject");
    }
    // A verb's own code needs a target, except for reactions whose target the discourse may
    // supply ("we strongly criticize such provocative actions"; see `discourse_targets`).
    // Only a reaction to an act the sentence names as a noun ("criticize such provocative
    // actions", "denied the charge", "lashed out at the media reports") waits for one; not
    // demands, whose verbs (order, insist, need) name no reaction without their addressee.
    let reacts_to_act = is_reaction(&code)
        && !code.starts_with("10")
        && t.children(v).any(|k| {
            let noun = t.upos(k) == Upos::Noun && cx.mention_at[k].is_none();
            noun && (t.rel(k) == DepRel::Obj
                || t.rel(k).base() == DepRel::Obl
                    && t.child(k, &[DepRel::Case]).is_some_and(|c| {
                        ["at", "against", "over", "on"].contains(&t.form(c).to_lowercase().as_str())
                    }))
        });
    if !by_pattern && target.is_none() && !mutual && !reacts_to_act {
        return;
    }
    if let Some(o) = light_noun {
        notes.push(format!(
            "light verb with event noun \u{201c}{}\u{201d}",
            t.text(o)
        ));
    }
    notes.push(format!(
        "trigger \u{201c}{}\u{201d} is a form of {} in block {}",
        t.text(v),
        vm.verb.lemma,
        vm.block.name
    ));
    let mut f = Found {
        sent: t.sent,
        trigger: v,
        source,
        target,
        has_subject: has_subject_token(cx, v, 0),
        frame_word: frames_a_clause,
        code,
        negated: negated(cx, v),
        modality: "asserted",
        pattern,
        dictionary,
        rule: rule.trim().to_string(),
        notes,
        linear: false,
        mutual,
    };
    if frame(cx, v, &mut f) {
        out.push(f);
    }
}

/// Event nouns: "a meeting with X", "a trip to Iraq", "the U.S. assassination of X",
/// "demands from Iraq". The source is the possessor or modifier, else the subject of the
/// clause the noun sits in; the target comes from a prepositional complement.
fn nominal(cx: &SentenceCx, n: usize, vm: &sitrep_dict::VerbMatch, out: &mut Vec<Found>) {
    let t = cx.tree;
    // Nouns that are also ordinary verbs' nominalisations only count with explicit
    // participants; gerund-like "-ing" nouns that name no event ("meeting" is fine) pass.
    let mut source = None;
    let mut rule = String::new();
    for k in t.children(n) {
        if matches!(t.rel(k), DepRel::NmodPoss | DepRel::Compound | DepRel::Amod) {
            if let Some(a) = arg_at(cx, k) {
                source = Some(a);
                rule = format!("{} of the event noun", t.rel(k));
                break;
            }
        }
    }
    let mut target = None;
    let mut target_rule = String::new();
    for (p, k) in preps(cx, n) {
        // "the attacks on Nov 13": a date is no party.
        if is_time_word(cx, k) {
            continue;
        }
        if p == "by" && source.is_none() {
            source = inner_arg(cx, k);
            rule = "by-phrase of the event noun".into();
        } else if target.is_none()
            && (TARGET_PREPS.contains(&p.as_str()) || p == "of" || p == "between")
        {
            target = inner_arg(cx, k);
            target_rule = format!("{p}-phrase of the event noun");
        }
    }
    // The clause the noun belongs to gives the source: "X made a trip", "X made the
    // remarks during a meeting with Y", "X held talks".
    let mut light = None;
    if source.is_none() {
        let mut g = n;
        for _ in 0..4 {
            let Some(h) = t.head(g) else { break };
            let rel = t.rel(g);
            if matches!(t.upos(h), Upos::Verb | Upos::Aux) || t.child(h, &[DepRel::Cop]).is_some() {
                let light_verb = LIGHT_VERBS.contains(&lemma(&t.form(h).to_lowercase()).as_str());
                // The object of an ordinary verb is what the verb acts on ("condemned the
                // assassination"), not an act of the verb's subject.
                if (rel == DepRel::Obj && light_verb)
                    || matches!(
                        rel,
                        DepRel::Obl | DepRel::Nsubj | DepRel::NsubjPass | DepRel::Xcomp
                    )
                    || rel.base() == DepRel::Obl
                {
                    if rel == DepRel::Obj {
                        light = Some(h);
                    }
                    if let Some((a, r)) = subject_of(cx, h, 0) {
                        // "It is the first visit by X": a copular subject is not the actor.
                        if rel != DepRel::Nsubj && rel != DepRel::NsubjPass {
                            source = Some(a);
                            rule = format!("{r} of the clause around the event noun");
                        }
                    }
                }
                break;
            }
            if !matches!(rel, DepRel::Conj | DepRel::Nmod | DepRel::Appos) {
                break;
            }
            g = h;
        }
    }
    // "Kim's New Year address included a warning to the US": what an actor's address,
    // statement or letter includes or contains is that actor's act.
    if source.is_none() && t.rel(n) == DepRel::Obj {
        let h = t.head(n).filter(|&h| {
            [
                "include",
                "included",
                "includes",
                "contain",
                "contained",
                "contains",
            ]
            .iter()
            .any(|w| t.is(h, w))
        });
        if let Some(s) = h.and_then(|h| t.child(h, &[DepRel::Nsubj])) {
            if cx.mention_at[s].is_none() {
                // ("Kim's New Year address": the possessor may sit on a compound.)
                source = agent_of_act(cx, s).or_else(|| {
                    t.children_with(s, &[DepRel::Compound])
                        .find_map(|c| t.child(c, &[DepRel::NmodPoss]))
                        .and_then(|p| arg_at(cx, p))
                });
                rule = "author of the subject that includes the event noun".into();
            }
        }
    }
    let (before, after) = context(cx, n);
    let _ = before;
    let Some((code, pattern, dictionary, _fit, by_pattern)) = choose_nominal(cx, vm, n, &after)
    else {
        return;
    };
    // "responding to media reports from X": a bare statement is no event.
    if code == "010" {
        return;
    }
    // "a meeting on Palestinian reform", "talks on trade": with meetings, consultations and
    // cooperation an on-phrase is the topic, not the other party.
    if target_rule == "on-phrase of the event noun"
        && matches!(code.get(..2), Some("03" | "04" | "05" | "06"))
    {
        target = None;
    }
    // An event noun needs both parties, except violence by a named actor ("US air strikes in
    // the province of Kunduz"), whose target the place may give (`target_from_place`).
    let violent = matches!(code.get(..2), Some("18" | "19" | "20"));
    if target.is_none() && !(violent && source.is_some()) {
        return;
    }
    // "its fight against terrorism", "the war on drugs": violence against an abstraction
    // (an against/on-phrase naming no actor) is a campaign, not an attack on anyone.
    // (Only campaign nouns: "an attack on positions held by its army corps" is an attack.)
    let campaign = matches!(
        lemma(&t.form(n).to_lowercase()).as_str(),
        "fight" | "war" | "battle" | "campaign" | "struggle" | "crackdown"
    );
    let abstract_foe = campaign
        && preps(cx, n).iter().any(|(p, k)| {
            (p == "against" || p == "on") && !is_time_word(cx, *k) && inner_arg(cx, *k).is_none()
        });
    if violent && target.is_none() && abstract_foe {
        return;
    }
    let _ = by_pattern;
    let mut notes = vec![format!(
        "event noun \u{201c}{}\u{201d} (block {})",
        t.text(n),
        vm.block.name
    )];
    if let Some(l) = light {
        notes.push(format!("light verb \u{201c}{}\u{201d}", t.text(l)));
    }
    let mut f = Found {
        sent: t.sent,
        trigger: n,
        has_subject: source.is_some(),
        frame_word: false,
        source,
        target,
        code,
        // "there could be no dialogue with Islamabad": "no" on the noun negates it.
        negated: light.is_some_and(|l| negated(cx, l))
            || t.children_with(n, &[DepRel::Det]).any(|k| t.is(k, "no")),
        modality: "asserted",
        pattern,
        dictionary,
        rule: format!("{rule} → {target_rule}"),
        notes,
        linear: false,
        mutual: false,
    };
    let anchor = light.unwrap_or(n);
    if frame(cx, anchor, &mut f) {
        out.push(f);
    }
}

fn choose_nominal(
    cx: &SentenceCx,
    vm: &sitrep_dict::VerbMatch,
    n: usize,
    after: &[usize],
) -> Option<(String, String, String, Fit, bool)> {
    // Patterns written for the verb with a noun object do not describe the noun itself;
    // the words before the noun are its common-noun compounds ("truck bombing" matches
    // `- TRUCK *`), the words after it its phrase.
    let t = cx.tree;
    let before: Vec<usize> = t
        .children_with(n, &[DepRel::Compound])
        .filter(|&k| k < n && t.upos(k) == Upos::Noun)
        .collect();
    choose(cx, vm, &before, after, false)
}

/// Nouns that name a claim whose content a denial rejects ("denied reports that …").
const CLAIM_NOUNS: &[&str] = &[
    "report",
    "claim",
    "allegation",
    "accusation",
    "charge",
    "rumour",
    "rumor",
    "suggestion",
    "assertion",
    "speculation",
];

/// Whether `v` is what a denied claim says: "Syria denied reports that its army shelled the
/// town", "Russia rejected claims that Russian jets bombed the hospital", "dismissed
/// reports of an attack"; also when the clause hangs on the denial verb itself beside the
/// claim noun ("dismissed reports(obj) that its forces attacked(ccomp) …").
fn denied_content(cx: &SentenceCx, v: usize) -> bool {
    let t = cx.tree;
    let Some(h) = t.head(v) else { return false };
    let denial = |u: usize| {
        let l = lemma(&t.form(u).to_lowercase());
        l == "reject" || frame_of(cx, u).is_some_and(|f| f.kind == FrameKind::Deny)
    };
    let claim = |n: usize| CLAIM_NOUNS.contains(&lemma(&t.form(n).to_lowercase()).as_str());
    match t.rel(v) {
        DepRel::Acl | DepRel::Ccomp | DepRel::Nmod if claim(h) => t
            .head(h)
            .is_some_and(|u| t.rel(h) == DepRel::Obj && denial(u)),
        DepRel::Ccomp => denial(h) && t.children_with(h, &[DepRel::Obj]).any(claim),
        _ => false,
    }
}

/// "declined to confirm or deny that …", "neither confirmed nor denied": no denial.
fn confirm_or_deny(t: &Tree, v: usize) -> bool {
    let confirm = |k: usize| lemma(&t.form(k).to_lowercase()) == "confirm";
    (t.rel(v) == DepRel::Conj && t.head(v).is_some_and(confirm))
        || t.children_with(v, &[DepRel::Conj]).any(confirm)
}

/// Whether `v` is the act an accusation alleges: "accused India of violating …" (`advcl`
/// marked of/for/with), "accused Syrian forces of killing …" (`acl` of its object).
fn alleged(cx: &SentenceCx, v: usize) -> bool {
    let t = cx.tree;
    if !allegation_marked(cx, v) {
        return false;
    }
    let Some(h) = t.head(v) else { return false };
    let verb = match t.rel(v) {
        DepRel::Advcl => Some(h),
        DepRel::Acl if t.rel(h) == DepRel::Obj => t.head(h),
        _ => None,
    };
    verb.and_then(|verb| frame_of(cx, verb))
        .is_some_and(|f| f.kind == FrameKind::Allege)
}

/// Whether a clause is introduced as an accusation's content: "(accused X) of / for / with
/// doing".
fn allegation_marked(cx: &SentenceCx, v: usize) -> bool {
    let t = cx.tree;
    t.children(v).any(|k| {
        matches!(t.rel(k), DepRel::Mark | DepRel::Case)
            && matches!(t.form(k).to_lowercase().as_str(), "of" | "for" | "with")
    })
}

/// Apply framing (modal, governing frame words, negation, reported speech) to an event;
/// false when the framed event has no code (it is dropped).
fn frame(cx: &SentenceCx, v: usize, f: &mut Found) -> bool {
    let t = cx.tree;
    if alleged(cx, v) || denied_content(cx, v) {
        return false;
    }
    match modal(cx, v) {
        Some("intent") => {
            let Some(c) = cx.words.map_code(FrameKind::Intent, &f.code) else {
                return false;
            };
            f.notes
                .push(format!("future \u{2192} intent: {} \u{2192} {c}", f.code));
            f.code = c;
            f.modality = "intent";
        }
        Some(_) => {
            // Would, could, may, should: cooperation as intent, the rest is not an event.
            let root = f.code.get(..2).unwrap_or("");
            if root >= "14" {
                return false;
            }
            if let Some(c) = cx.words.map_code(FrameKind::Intent, &f.code) {
                f.notes
                    .push(format!("modal \u{2192} intent: {} \u{2192} {c}", f.code));
                f.code = c;
                f.modality = "intent";
            }
        }
        None => {}
    }
    // Walk up through infinitives and noun complements to framing words.
    let mut g = v;
    for _ in 0..4 {
        let Some(h) = t.head(g) else { break };
        let infinitival_advcl = t.rel(g) == DepRel::Advcl
            && t.children(g)
                .any(|k| t.rel(k) == DepRel::Mark && t.is(k, "to"));
        if !matches!(t.rel(g), DepRel::Xcomp | DepRel::Acl | DepRel::Ccomp) && !infinitival_advcl {
            break;
        }
        // "remained open to cooperating", "seems ready to help": the frame adjective is the
        // predicate of a linking verb the clause hangs from.
        let linking = [
            "remain", "stay", "seem", "appear", "become", "look", "prove", "be",
        ]
        .contains(&lemma(&t.form(h).to_lowercase()).as_str());
        let linked = || {
            if !linking {
                return None;
            }
            t.children_with(h, &[DepRel::Xcomp])
                .find(|&a| t.upos(a) == Upos::Adj && a != g)
                .and_then(|a| frame_of(cx, a))
        };
        let fr = frame_of(cx, h)
            .or_else(|| phrase_frame(cx, h))
            .or_else(linked);
        if let Some(mut fr) = fr {
            // "Britain wants Japan to agree", "we expect our Ethiopian brothers to ensure":
            // wanting or expecting an actor to act is an appeal to it, not one's own intent.
            // ("He expected Delors to submit proposals" is a prediction: "expect" appeals
            // only in the first person, "we expect Iran to comply".)
            let wish = match lemma(&t.form(h).to_lowercase()).as_str() {
                "want" | "wish" | "need" | "prefer" | "like" => true,
                "expect" => t
                    .child(h, &[DepRel::Nsubj])
                    .is_some_and(|s| ["we", "i"].iter().any(|w| t.is(s, w))),
                _ => false,
            };
            if fr.kind == FrameKind::Intent
                && wish
                && t.rel(g) == DepRel::Xcomp
                && t.child(h, &[DepRel::Obj])
                    .is_some_and(|o| arg_at(cx, o).is_some())
            {
                fr.kind = FrameKind::Appeal;
                fr.object_control = true;
            }
            match fr.kind {
                FrameKind::Intent | FrameKind::Reject | FrameKind::Appeal | FrameKind::Demand => {
                    let Some(c) = cx.words.map_code(fr.kind, &f.code) else {
                        return false;
                    };
                    f.notes.push(format!(
                        "framed by \u{201c}{}\u{201d} ({}): {} \u{2192} {c}",
                        t.text(h),
                        fr.kind.as_str(),
                        f.code
                    ));
                    f.code = c;
                    f.modality = fr.kind.modality();
                    let appeal = matches!(fr.kind, FrameKind::Appeal | FrameKind::Demand);
                    // The addressee: "Turkey demanded that Syria stop the attacks" — the
                    // subject of the clause asked for; "Iran urged Iraq to stop X" — the
                    // object of an object-control appeal.
                    let addressee = if appeal && t.rel(g) == DepRel::Ccomp {
                        t.child(g, &[DepRel::Nsubj, DepRel::NsubjPass])
                            .map(|o| (o, "subject of its clause"))
                    } else if appeal && fr.object_control {
                        t.child(h, &[DepRel::Obj, DepRel::Iobj])
                            .map(|o| (o, "its object"))
                    } else {
                        None
                    };
                    if let (Some(s), Some((o, which))) = (subject_of(cx, h, 0), addressee) {
                        if let Some(tgt) = arg_at(cx, o) {
                            f.source = Some(s.0);
                            f.target = Some(tgt);
                            f.rule = format!(
                                "appeal: {} of \u{201c}{}\u{201d} → {which}",
                                s.1,
                                t.text(h)
                            );
                        }
                    }
                    if negated(cx, h) {
                        f.negated = true;
                    }
                }
                FrameKind::Negate => f.negated = true,
                // "charges of hacking" alleges the hacking; "a terror suspect held in" does
                // not allege the holding.
                FrameKind::Allege if t.upos(h) == Upos::Verb || allegation_marked(cx, g) => {
                    return false
                }
                FrameKind::Allege => {}
                // "Russia denied that its jets bombed the hospital": the bombing is what is
                // denied.
                FrameKind::Deny => return false,
                FrameKind::Control => {}
            }
            if fr.kind != FrameKind::Control {
                break;
            }
        }
        g = h;
    }
    if f.negated && f.modality != "reject" {
        let root = f.code.get(..2).unwrap_or("");
        if ("03".."09").contains(&root) || root == "09" {
            if let Some(c) = cx.words.map_code(FrameKind::Reject, &f.code) {
                f.notes.push(format!(
                    "negated cooperation \u{2192} rejection: {} \u{2192} {c}",
                    f.code
                ));
                f.code = c;
                f.modality = "reject";
            }
        }
    }
    if !cx.dict.is_event_code(&f.code) {
        return false;
    }
    true
}

/// Threat idioms (`data/threat_phrases.tsv`): "all options are on the table", "Turkey will
/// take whatever measures are necessary" (the clause's subject, else the speaker, threatens;
/// the discourse supplies whom), "North Korea would face fire and fury" (the speaker
/// threatens the clause's subject).
fn threats(cx: &SentenceCx, out: &mut Vec<Found>) {
    let t = cx.tree;
    let n = t.len();
    // (Compared in place, without lowercasing every token of every sentence: the coder's
    // hot path.)
    let is = |k: usize, w: &str| w == "*" || t.form(k).eq_ignore_ascii_case(w);
    for th in &cx.words.threats {
        let len = th.words.len();
        for s in 0..n.saturating_sub(len - 1) {
            let hit = th.words.iter().enumerate().all(|(i, w)| is(s + i, w));
            if !hit {
                continue;
            }
            // The clause: the nearest verb (or predicate) at or above the idiom's words.
            let mut v = s;
            for _ in 0..n {
                if matches!(t.upos(v), Upos::Verb) || t.child(v, &[DepRel::Cop]).is_some() {
                    break;
                }
                match t.head(v) {
                    Some(h) => v = h,
                    None => break,
                }
            }
            let subject = t
                .child(v, &[DepRel::Nsubj, DepRel::NsubjPass])
                .and_then(|k| arg_at(cx, k));
            let (source, target) = if th.subject_threatens {
                (subject, None)
            } else {
                (None, subject)
            };
            if !th.subject_threatens && target.is_none() {
                continue;
            }
            let mut f = Found {
                sent: t.sent,
                trigger: s,
                source,
                target,
                has_subject: source.is_some(),
                frame_word: false,
                code: th.code.clone(),
                negated: false,
                modality: "asserted",
                pattern: format!("{} (threat idiom)", th.words.join(" ")),
                dictionary: "threat_phrases.tsv".into(),
                rule: if th.subject_threatens {
                    "subject of the clause, else the speaker → from the discourse".into()
                } else {
                    "speaker → subject of the clause".into()
                },
                notes: vec![format!(
                    "threat idiom \u{201c}{}\u{201d}",
                    th.words.join(" ")
                )],
                linear: false,
                mutual: false,
            };
            if frame(cx, v, &mut f) {
                out.push(f);
            }
            break;
        }
    }
}

/// "Y's attack was a crime", "the move is unacceptable": a judging predicate codes the
/// speaker (filled in by reported speech) against the actor behind the subject.
fn evaluative(cx: &SentenceCx, p: usize, out: &mut Vec<Found>) {
    let t = cx.tree;
    let lower = t.form(p).to_lowercase();
    let Some(code) = cx.words.evaluative(&lower) else {
        return;
    };
    let Some(subj) = t.child(p, &[DepRel::Nsubj, DepRel::NsubjPass]) else {
        return;
    };
    let Some(target) = agent_of_act(cx, subj) else {
        return;
    };
    let f = Found {
        source: None,
        has_subject: false,
        negated: negated(cx, p),
        pattern: format!("{lower} (evaluative predicate)"),
        rule: "speaker → actor behind the judged subject".into(),
        notes: vec![format!("\u{201c}{}\u{201d} judges its subject", t.text(p))],
        ..judgement(t, p, target, code)
    };
    push_framed(cx, p, f, out);
}

/// An event of a judging predicate (`evaluative.tsv`) at token `p` against `target`; the
/// caller fills in source, negation and the explanation.
fn judgement(t: &Tree, p: usize, target: Arg, code: &str) -> Found {
    Found {
        sent: t.sent,
        trigger: p,
        source: None,
        target: Some(target),
        has_subject: false,
        frame_word: false,
        code: code.to_string(),
        negated: false,
        modality: "asserted",
        pattern: String::new(),
        dictionary: "evaluative.tsv".into(),
        rule: String::new(),
        notes: Vec::new(),
        linear: false,
        mutual: false,
    }
}

/// Keep a judgement unless negated, framed by the words governing `v`.
fn push_framed(cx: &SentenceCx, v: usize, mut f: Found, out: &mut Vec<Found>) {
    if !f.negated && frame(cx, v, &mut f) {
        out.push(f);
    }
}

/// Verbs that name their object something: "described Trump as a dotard", "branded the
/// strike a war crime" (every form, lowercase: the lemmatiser does not know them all).
const NAMING_VERBS: &[&str] = &[
    "describe",
    "described",
    "describes",
    "describing",
    "call",
    "called",
    "calls",
    "calling",
    "brand",
    "branded",
    "brands",
    "branding",
    "label",
    "labelled",
    "labeled",
    "labels",
    "dub",
    "dubbed",
    "dubs",
    "term",
    "termed",
    "terms",
];

/// "Kim described Trump as a dotard", "Iran called the strike a war crime": a judging
/// predicate (`evaluative.tsv`) in the `as`-phrase or complement of a naming verb codes the
/// verb's subject against its object, or the actor behind it ("the U.S. strike").
/// Returns the naming verb when it made an event (whose own event then gives way).
fn naming(cx: &SentenceCx, p: usize, out: &mut Vec<Found>) -> Option<usize> {
    let t = cx.tree;
    let as_phrase = t.rel(p).base() == DepRel::Obl
        && t.child(p, &[DepRel::Case]).is_some_and(|c| t.is(c, "as"));
    if !(as_phrase || t.rel(p) == DepRel::Xcomp) {
        return None;
    }
    let v = t
        .head(p)
        .filter(|&v| NAMING_VERBS.iter().any(|w| t.is(v, w)))?;
    let lower = t.form(p).to_lowercase();
    let code = cx.words.evaluative(&lower)?;
    let target = t
        .child(v, &[DepRel::Obj])
        .and_then(|o| agent_of_act(cx, o))?;
    let source = subject_of(cx, v, 0).map(|(a, _)| a);
    let f = Found {
        source,
        has_subject: source.is_some(),
        negated: negated(cx, v),
        pattern: format!("{} … as {lower} (evaluative predicate)", t.text(v)),
        rule: "subject of the naming verb → its object".into(),
        notes: vec![format!(
            "\u{201c}{}\u{201d} names its object \u{201c}{}\u{201d}",
            t.text(v),
            t.text(p)
        )],
        ..judgement(t, p, target, code)
    };
    let before = out.len();
    push_framed(cx, v, f, out);
    (out.len() > before).then_some(v)
}

/// The actor behind an act noun: its possessor, compound or adjective ("the U.S.
/// assassination"), or its by-phrase; not its `of` complement, which names the victim.
fn agent_of_act(cx: &SentenceCx, n: usize) -> Option<Arg> {
    let t = cx.tree;
    if cx.mention_at[n].is_some() {
        return arg_at(cx, n);
    }
    for k in t.children(n) {
        if matches!(t.rel(k), DepRel::NmodPoss | DepRel::Compound | DepRel::Amod) {
            if let Some(a) = arg_at(cx, k) {
                return Some(a);
            }
        }
    }
    for (p, k) in preps(cx, n) {
        if p == "by" {
            return inner_arg(cx, k);
        }
    }
    None
}

/// Multiword frames ending at a noun: "spare no effort (to help …)".
fn phrase_frame(cx: &SentenceCx, h: usize) -> Option<crate::words::Frame> {
    let t = cx.tree;
    for (words, fr) in &cx.words.frame_phrases {
        let n = words.len();
        if n == 0 || h + 1 < n {
            continue;
        }
        let start = h + 1 - n;
        let ok = (0..n).all(|i| {
            let w = t.form(start + i).to_lowercase();
            w == words[i] || lemma(&w) == words[i]
        });
        if ok {
            return Some(*fr);
        }
    }
    None
}

/// Codes of reactions to another's act — demands, disapproval, rejection, threats,
/// sanctions and denials (CAMEO 10–13, 16, 016) — whose target the discourse may supply.
pub fn is_reaction(code: &str) -> bool {
    matches!(code.get(..2), Some("10" | "11" | "12" | "13" | "16")) || code == "016"
}

/// True when the mention is one the coder may use as an event participant.
pub fn usable(m: &Mention) -> bool {
    !matches!(m.kind, MentionKind::UnknownName) || m.actor.is_some()
}
