//! Greedy arc-hybrid dependency parser: averaged-perceptron transition scorer with
//! Zhang & Nivre (2011)-style features, a separate arc-label classifier, and training with
//! the dynamic oracle of Goldberg & Nivre (2013) and exploration.
//!
//! Transitions: SHIFT moves the next word onto the stack; LEFT makes the first buffer word
//! the head of the stack top and pops it; RIGHT makes the second stack item the head of the
//! top and pops it. ROOT sits at the stack bottom and may take a dependent only when the
//! buffer is empty, so every parse is a single-rooted projective tree, built in `2n`
//! transitions with constant work each: time and memory are linear in sentence length.
//!
//! A [`Parser`] may be *stacked* (Nivre & McDonald 2008): a right-to-left pass parses the
//! reversed sentence first, and the left-to-right pass reads that guide tree as features.
//! The two directions make different mistakes, and the second pass learns when to trust the
//! first (trained on jackknifed guide trees, so that they are as wrong as at test time).

mod features;
mod state;

pub(crate) use state::State;

use sitrep_text::{DepRel, Upos, Xpos};

use crate::bin::{Reader, Writer};
use crate::hash::Rng;
use crate::lex::Lex;
use crate::perceptron::{
    argmax, Compression, DenseTrainer, DenseWeights, SparseTrainer, SparseWeights, ROW,
};
use crate::Error;
pub use features::Templates;
use features::{act_features, lab_features, Spec, MAX_ACT_FEATS, MAX_LAB_FEATS};

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
const N_ACTIONS: usize = 3;

const NO: u32 = u32::MAX;

/// Number of dependency labels (DepRel without its "none" default).
pub(crate) const N_LABELS: usize = DepRel::ALL.len();
const _: () = assert!(N_LABELS <= 64, "label sets are stored as u64 bitmasks");
const NO_LABEL: u8 = N_LABELS as u8;
/// Label scores as the label weights want them (a multiple of 16).
const LABEL_WIDTH: usize = N_LABELS.next_multiple_of(16);

/// What the parser sees of a token (index 0 is the artificial root).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Tok {
    /// Lowercase form hash.
    pub word: u64,
    /// XPOS index.
    pub tag: u64,
    /// UPOS index.
    pub upos: u64,
    /// Lowercase 3-character suffix hash.
    pub suf: u64,
    /// Word cluster ids, coarse to fine (`clusters`).
    pub clus: [u16; crate::clusters::LEVELS],
    /// Head in the guide tree (`NO` without one).
    pub gh: u32,
    /// Rightmost dependent in the guide tree (0 without one).
    pub grm: u32,
    /// Label in the guide tree.
    pub gl: u8,
}

impl Tok {
    /// A word given its lexical analysis and its predicted tags.
    pub(crate) fn new(l: &Lex, (u, x): (Upos, Xpos)) -> Tok {
        Tok {
            word: l.lower,
            tag: x.index() as u64,
            upos: u.index() as u64,
            suf: l.suf[2],
            clus: l.clus.map(|c| c as u16),
            gh: NO,
            grm: 0,
            gl: NO_LABEL,
        }
    }
}

const NONE_TOK: Tok = Tok {
    word: 3,
    tag: 251,
    upos: 251,
    suf: 3,
    clus: [0xFFFC; crate::clusters::LEVELS],
    gh: NO,
    grm: 0,
    gl: NO_LABEL,
};
/// The artificial root token.
pub(crate) const ROOT_TOK: Tok = Tok {
    word: 2,
    tag: 250,
    upos: 250,
    suf: 2,
    clus: [0xFFFD; crate::clusters::LEVELS],
    gh: NO,
    grm: 0,
    gl: NO_LABEL,
};

/// Write a guide tree (heads and labels by token, index 0 unused) into `toks`.
pub(crate) fn set_guide(toks: &mut [Tok], heads: &[u32], labels: &[u8]) {
    for t in toks.iter_mut() {
        t.grm = 0;
    }
    for d in 1..toks.len() {
        let h = heads.get(d).copied().unwrap_or(NO);
        toks[d].gh = h;
        toks[d].gl = labels.get(d).copied().unwrap_or(NO_LABEL);
        if let Some(t) = toks.get_mut(h as usize) {
            t.grm = t.grm.max(d as u32);
        }
    }
}

/// The same sentence right to left: the root stays first, word `i` of `n` becomes `n + 1 - i`.
pub(crate) fn reverse_toks(toks: &[Tok], out: &mut Vec<Tok>) {
    out.clear();
    out.push(ROOT_TOK);
    out.extend(toks.iter().skip(1).rev().copied());
}

/// Map heads and labels of a reversed sentence back to the original order (or the other way
/// round: the mapping is its own inverse).
pub(crate) fn reverse_tree(
    heads: &[u32],
    labels: &[u8],
    h_out: &mut Vec<u32>,
    l_out: &mut Vec<u8>,
) {
    let n = heads.len().saturating_sub(1) as u32;
    h_out.clear();
    l_out.clear();
    h_out.push(NO);
    l_out.push(NO_LABEL);
    for r in (1..heads.len()).rev() {
        let h = heads[r];
        h_out.push(if h == 0 || h == NO || h > n {
            h
        } else {
            n + 1 - h
        });
        l_out.push(labels.get(r).copied().unwrap_or(NO_LABEL));
    }
}

/// One parsing model: a direction, whether it reads a guide tree, transition and label
/// weights.
#[derive(Clone, Debug)]
pub(crate) struct Pass {
    reverse: bool,
    guided: bool,
    templates: Templates,
    /// Reads word-cluster features (models trained with clusters).
    clustered: bool,
    actions: DenseWeights,
    labels: SparseWeights,
}

impl Pass {
    fn spec(&self) -> Spec {
        Spec {
            templates: self.templates,
            guided: self.guided,
            clustered: self.clustered,
        }
    }

    fn best_label(&self, toks: &[Tok], st: &State, h: u32, d: u32) -> u8 {
        if h == 0 {
            return DepRel::Root.index() as u8;
        }
        let mut f = [0u64; MAX_LAB_FEATS];
        let n = lab_features(toks, st, h, d, self.spec(), &mut f);
        let mut s = [0i32; LABEL_WIDTH];
        self.labels.score(&f[..n], &mut s);
        let s = &mut s[..N_LABELS];
        s[DepRel::Root.index()] = i32::MIN;
        argmax(s) as u8
    }

    /// Parse `toks` (already in this pass's direction; `toks[0]` is the root) into `st`.
    fn parse(&self, toks: &[Tok], st: &mut State) {
        st.reset(toks.len().saturating_sub(1));
        let mut feats = [0u64; MAX_ACT_FEATS];
        while !st.terminal() {
            let m = st.allowed();
            let action = if m.count_ones() == 1 {
                m.trailing_zeros() as usize
            } else {
                let n = act_features(toks, st, self.spec(), &mut feats);
                let mut s = [0i32; ROW];
                self.actions.score(&feats[..n], &mut s);
                best_allowed(&s, m)
            };
            let label = if action == SHIFT {
                NO_LABEL
            } else {
                let (h, d) = st.arc(action);
                self.best_label(toks, st, h, d)
            };
            st.apply(action, label);
        }
    }

    fn size(&self) -> (usize, usize) {
        (
            self.actions.n_features() + self.labels.n_features(),
            self.actions.n_weights() + self.labels.n_weights(),
        )
    }

    fn write(&self, w: &mut Writer) {
        let templates = match self.templates {
            Templates::Full => 0,
            Templates::Small => 1,
            Templates::Guide => 2,
        };
        w.u8(u8::from(self.reverse)
            | u8::from(self.guided) << 1
            | templates << 2
            | u8::from(self.clustered) << 4);
        self.actions.write(w);
        self.labels.write(w);
    }

    fn read(r: &mut Reader<'_>) -> Result<Pass, Error> {
        let flags = r.u8()?;
        let actions = DenseWeights::read(r)?;
        let labels = SparseWeights::read(r)?;
        if actions.n_classes() != N_ACTIONS || labels.n_classes() != N_LABELS {
            return Err(r.err("parser weights do not match the transition or label set"));
        }
        Ok(Pass {
            reverse: flags & 1 != 0,
            guided: flags & 2 != 0,
            clustered: flags & 16 != 0,
            templates: match (flags >> 2) & 3 {
                0 => Templates::Full,
                1 => Templates::Small,
                2 => Templates::Guide,
                _ => return Err(r.err("unknown template set")),
            },
            actions,
            labels,
        })
    }
}

/// A trained parser: an optional guide pass and the main pass.
#[derive(Clone, Debug)]
pub struct Parser {
    guide: Option<Pass>,
    main: Pass,
}

/// Reusable buffers for parsing one sentence.
#[derive(Default)]
pub(crate) struct ParseBuf {
    /// The tree of the last parse, in sentence order.
    pub heads: Vec<u32>,
    /// Its labels.
    pub labels: Vec<u8>,
    state: State,
    rev: Vec<Tok>,
}

impl Parser {
    pub(crate) fn new(guide: Option<Pass>, main: Pass) -> Parser {
        Parser { guide, main }
    }

    /// Numbers of features and weights kept: (main pass, guide pass).
    pub fn size(&self) -> ((usize, usize), (usize, usize)) {
        (
            self.main.size(),
            self.guide.as_ref().map_or((0, 0), Pass::size),
        )
    }

    /// Whether a right-to-left guide pass runs first.
    pub fn is_stacked(&self) -> bool {
        self.guide.is_some()
    }

    /// Run one pass over `toks` (sentence order) and leave its tree in `buf.heads/labels`.
    pub(crate) fn run(pass: &Pass, toks: &[Tok], buf: &mut ParseBuf) {
        if pass.reverse {
            reverse_toks(toks, &mut buf.rev);
            pass.parse(&buf.rev, &mut buf.state);
            reverse_tree(
                &buf.state.head,
                &buf.state.label,
                &mut buf.heads,
                &mut buf.labels,
            );
        } else {
            pass.parse(toks, &mut buf.state);
            buf.heads.clone_from(&buf.state.head);
            buf.labels.clone_from(&buf.state.label);
        }
    }

    /// Parse: `toks[0]` is the root; on return `buf.heads/labels` hold the tree. A stacked
    /// parser writes its guide tree into `toks`.
    pub(crate) fn parse(&self, toks: &mut [Tok], buf: &mut ParseBuf) {
        if let Some(g) = &self.guide {
            Parser::run(g, toks, buf);
            set_guide(toks, &buf.heads, &buf.labels);
        }
        Parser::run(&self.main, toks, buf);
    }

    /// Encoded bytes of the guide pass (0 without one) and of the main pass.
    pub(crate) fn part_sizes(&self) -> (usize, usize) {
        let len = |p: &Pass| {
            let mut w = Writer::default();
            p.write(&mut w);
            w.buf.len()
        };
        (self.guide.as_ref().map_or(0, len), len(&self.main))
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        match &self.guide {
            Some(g) => {
                w.u8(1);
                g.write(w);
            }
            None => w.u8(0),
        }
        self.main.write(w);
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Parser, Error> {
        let guide = match r.u8()? {
            0 => None,
            _ => Some(Pass::read(r)?),
        };
        let main = Pass::read(r)?;
        if main.guided != guide.is_some() || guide.as_ref().is_some_and(|g| g.guided) {
            return Err(r.err("guided pass without a guide, or a guide that needs one"));
        }
        Ok(Parser { guide, main })
    }
}

fn best_allowed<T: Copy + PartialOrd>(s: &[T], m: u8) -> usize {
    let mut best = usize::MAX;
    for (i, &v) in s.iter().enumerate() {
        if m & (1 << i) != 0 && (best == usize::MAX || v > s[best]) {
            best = i;
        }
    }
    if best == usize::MAX {
        0
    } else {
        best
    }
}

/// A training sentence: tokens (index 0 = root) with (predicted) tags, gold tree.
#[derive(Clone, Debug)]
pub(crate) struct ParseExample {
    pub toks: Vec<Tok>,
    /// Gold heads, index 0 unused (projective).
    pub heads: Vec<u32>,
    /// Gold labels as `DepRel` indices, index 0 unused.
    pub labels: Vec<u8>,
}

impl ParseExample {
    /// The same example right to left.
    pub(crate) fn reversed(&self) -> ParseExample {
        let mut toks = Vec::new();
        reverse_toks(&self.toks, &mut toks);
        let (mut heads, mut labels) = (Vec::new(), Vec::new());
        reverse_tree(&self.heads, &self.labels, &mut heads, &mut labels);
        heads[0] = 0;
        labels[0] = 0;
        ParseExample {
            toks,
            heads,
            labels,
        }
    }
}

/// Make a tree projective by lifting the shortest non-projective arc to the grandparent
/// until none is left. Returns the number of lifts.
pub(crate) fn projectivize(heads: &mut [u32]) -> usize {
    let n = heads.len();
    let mut lifts = 0;
    let dominates = |heads: &[u32], h: u32, mut k: u32| -> bool {
        let mut steps = 0;
        while k != 0 && steps <= n {
            if k == h {
                return true;
            }
            k = heads[k as usize];
            steps += 1;
        }
        h == 0
    };
    loop {
        let mut worst: Option<(u32, usize)> = None;
        for d in 1..n {
            let h = heads[d] as usize;
            let (a, b) = if h < d { (h, d) } else { (d, h) };
            let nonproj = (a + 1..b).any(|k| !dominates(heads, h as u32, k as u32));
            if nonproj && worst.is_none_or(|(_, len)| b - a < len) {
                worst = Some((d as u32, b - a));
            }
        }
        match worst {
            Some((d, _)) if lifts < 4 * n => {
                let h = heads[d as usize];
                heads[d as usize] = heads[h as usize];
                lifts += 1;
            }
            _ => return lifts,
        }
    }
}

/// Training state of one parsing pass.
pub(crate) struct PassTrainer {
    reverse: bool,
    guided: bool,
    templates: Templates,
    clustered: bool,
    actions: DenseTrainer,
    labels: SparseTrainer,
}

/// Accuracy of one training epoch (on the paths actually followed).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct EpochStats {
    pub transitions: usize,
    pub errors: usize,
}

impl PassTrainer {
    fn spec(&self) -> Spec {
        Spec {
            templates: self.templates,
            guided: self.guided,
            clustered: self.clustered,
        }
    }

    pub(crate) fn new(
        reverse: bool,
        guided: bool,
        templates: Templates,
        clustered: bool,
        action_bits: u32,
        label_bits: u32,
    ) -> PassTrainer {
        PassTrainer {
            reverse,
            guided,
            templates,
            clustered,
            actions: DenseTrainer::new(N_ACTIONS, action_bits),
            labels: SparseTrainer::new(N_LABELS, label_bits),
        }
    }

    /// One pass over `train` (already in this pass's direction) in seeded random order.
    /// With `explore`, the parser follows its own wrong prediction with probability 0.9.
    pub(crate) fn epoch(
        &mut self,
        train: &[ParseExample],
        rng: &mut Rng,
        explore: bool,
    ) -> EpochStats {
        let mut order: Vec<usize> = (0..train.len()).collect();
        rng.shuffle(&mut order);
        let mut st = State::default();
        let mut feats = [0u64; MAX_ACT_FEATS];
        let mut lf = [0u64; MAX_LAB_FEATS];
        let mut s = [0i64; ROW];
        let mut ls = [0i64; N_LABELS];
        let mut costs = [0u32; N_ACTIONS];
        let mut stats = EpochStats::default();
        for &si in &order {
            let ex = &train[si];
            st.reset(ex.toks.len() - 1);
            while !st.terminal() {
                let m = st.allowed();
                st.costs(&ex.heads, &mut costs);
                let action;
                if m.count_ones() == 1 {
                    action = m.trailing_zeros() as usize;
                } else {
                    let n = act_features(&ex.toks, &st, self.spec(), &mut feats);
                    let feats = &feats[..n];
                    self.actions.score(feats, &mut s);
                    let pred = best_allowed(&s, m);
                    let min = costs.iter().copied().min().unwrap_or(0);
                    let mut gold_best = usize::MAX;
                    for a in 0..N_ACTIONS {
                        if costs[a] == min && (gold_best == usize::MAX || s[a] > s[gold_best]) {
                            gold_best = a;
                        }
                    }
                    stats.transitions += 1;
                    if costs[pred] > min {
                        stats.errors += 1;
                        self.actions.update(feats, gold_best, pred);
                        action = if explore && rng.chance(0.9) {
                            pred
                        } else {
                            gold_best
                        };
                    } else {
                        action = pred;
                    }
                    self.actions.tick();
                }
                let label = if action == SHIFT {
                    NO_LABEL
                } else {
                    let (h, d) = st.arc(action);
                    if h == 0 {
                        DepRel::Root.index() as u8
                    } else {
                        let n = lab_features(&ex.toks, &st, h, d, self.spec(), &mut lf);
                        let lf = &lf[..n];
                        self.labels.score(lf, &mut ls);
                        ls[DepRel::Root.index()] = i64::MIN;
                        let p = argmax(&ls);
                        if ex.heads[d as usize] == h {
                            let g = ex.labels[d as usize] as usize;
                            self.labels.update(lf, g, p);
                            self.labels.tick();
                        }
                        p as u8
                    }
                };
                st.apply(action, label);
            }
        }
        stats
    }

    pub(crate) fn snapshot(&self, c: Compression) -> Pass {
        Pass {
            reverse: self.reverse,
            guided: self.guided,
            templates: self.templates,
            clustered: self.clustered,
            actions: self.actions.compress(c),
            labels: self.labels.compress(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 1 <- 3 crossing 2 -> 4 : heads (1-based): 1:3, 2:0, 3:2, 4:1 is non-projective.
        let mut h = vec![0, 3, 0, 2, 1];
        let n = projectivize(&mut h);
        assert!(n >= 1);
        assert_eq!(projectivize(&mut h.clone()), 0);
        let mut p = vec![0, 2, 0, 2];
        assert_eq!(projectivize(&mut p), 0);
        assert_eq!(p, vec![0, 2, 0, 2]);
    }

    #[test]
    fn oracle_reaches_gold_tree() {
        // "the cat sat on the mat": heads 2 3 0 6 6 3
        let heads = vec![0u32, 2, 3, 0, 6, 6, 3];
        let mut st = State::default();
        st.reset(6);
        let mut c = [0u32; N_ACTIONS];
        while !st.terminal() {
            st.costs(&heads, &mut c);
            let a = (0..N_ACTIONS)
                .find(|&a| c[a] == 0)
                .expect("zero-cost action");
            st.apply(a, 0);
        }
        assert_eq!(&st.head[1..], &heads[1..]);
    }
}
