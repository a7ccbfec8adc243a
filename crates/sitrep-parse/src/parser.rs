//! Greedy arc-hybrid dependency parser: averaged-perceptron transition scorer with
//! Zhang & Nivre (2011)-style features, a separate arc-label classifier, and training with
//! the dynamic oracle of Goldberg & Nivre (2013) and exploration.
//!
//! Transitions: SHIFT moves the next word onto the stack; LEFT makes the first buffer word
//! the head of the stack top and pops it; RIGHT makes the second stack item the head of the
//! top and pops it. ROOT sits at the stack bottom and may take a dependent only when the
//! buffer is empty, so every parse is a single-rooted projective tree, built in `2n`
//! transitions with constant work each: time and memory are linear in sentence length.

use sitrep_text::DepRel;

use crate::bin::{Reader, Writer};
use crate::hash::{self, Rng};
use crate::perceptron::{Compression, Trainer, Weights};
use crate::tagger::argmax_i32;
use crate::Error;

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
const N_ACTIONS: usize = 3;

const NO: u32 = u32::MAX;
const N_ACT_FEATS: usize = 96;
const N_LAB_FEATS: usize = 40;

/// Number of dependency labels (DepRel without its "none" default).
pub(crate) const N_LABELS: usize = DepRel::ALL.len();
const _: () = assert!(N_LABELS <= 64, "label sets are stored as u64 bitmasks");
const NO_LABEL: u8 = N_LABELS as u8;

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
}

const NONE_TOK: Tok = Tok {
    word: 3,
    tag: 251,
    upos: 251,
    suf: 3,
};
/// The artificial root token.
pub(crate) const ROOT_TOK: Tok = Tok {
    word: 2,
    tag: 250,
    upos: 250,
    suf: 2,
};

/// A parser configuration plus the arcs built so far.
#[derive(Default)]
pub(crate) struct State {
    n: u32,
    stack: Vec<u32>,
    b: u32,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    lm: Vec<u32>,
    lm2: Vec<u32>,
    rm: Vec<u32>,
    rm2: Vec<u32>,
    nl: Vec<u16>,
    nr: Vec<u16>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    /// Reset for a sentence of `n` words (tokens `1..=n`).
    pub(crate) fn reset(&mut self, n: usize) {
        let n1 = n + 1;
        self.n = n as u32;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        for v in [
            &mut self.head,
            &mut self.lm,
            &mut self.lm2,
            &mut self.rm,
            &mut self.rm2,
        ] {
            v.clear();
            v.resize(n1, NO);
        }
        self.label.clear();
        self.label.resize(n1, NO_LABEL);
        for v in [&mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n1, 0);
        }
    }

    fn s(&self, k: usize) -> u32 {
        let l = self.stack.len();
        if k < l {
            self.stack[l - 1 - k]
        } else {
            NO
        }
    }

    fn bq(&self, k: u32) -> u32 {
        let p = self.b + k;
        if p <= self.n {
            p
        } else {
            NO
        }
    }

    pub(crate) fn terminal(&self) -> bool {
        self.b > self.n && self.stack.len() <= 1
    }

    /// Allowed actions as a bitmask.
    pub(crate) fn allowed(&self) -> u8 {
        let buf = self.b <= self.n;
        let l = self.stack.len();
        let mut m = 0u8;
        if buf {
            m |= 1 << SHIFT;
        }
        if buf && l >= 2 {
            m |= 1 << LEFT;
        }
        if l >= 3 || (l == 2 && !buf) {
            m |= 1 << RIGHT;
        }
        m
    }

    /// The (head, dependent) an arc action would create.
    pub(crate) fn arc(&self, action: usize) -> (u32, u32) {
        match action {
            LEFT => (self.b, self.s(0)),
            _ => (self.s(1), self.s(0)),
        }
    }

    fn attach(&mut self, h: u32, d: u32, label: u8) {
        let (hu, du) = (h as usize, d as usize);
        self.head[du] = h;
        self.label[du] = label;
        let bit = if (label as usize) < 64 {
            1u64 << label
        } else {
            0
        };
        if d < h {
            self.nl[hu] = self.nl[hu].saturating_add(1);
            self.lset[hu] |= bit;
            if self.lm[hu] == NO || d < self.lm[hu] {
                self.lm2[hu] = self.lm[hu];
                self.lm[hu] = d;
            } else if self.lm2[hu] == NO || d < self.lm2[hu] {
                self.lm2[hu] = d;
            }
        } else {
            self.nr[hu] = self.nr[hu].saturating_add(1);
            self.rset[hu] |= bit;
            if self.rm[hu] == NO || d > self.rm[hu] {
                self.rm2[hu] = self.rm[hu];
                self.rm[hu] = d;
            } else if self.rm2[hu] == NO || d > self.rm2[hu] {
                self.rm2[hu] = d;
            }
        }
    }

    /// Apply an allowed action; arc actions take the label of the new arc.
    pub(crate) fn apply(&mut self, action: usize, label: u8) {
        match action {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            LEFT => {
                let d = self.stack.pop().unwrap_or(0);
                self.attach(self.b, d, label);
            }
            _ => {
                let d = self.stack.pop().unwrap_or(0);
                let h = self.stack.last().copied().unwrap_or(0);
                self.attach(h, d, label);
            }
        }
    }

    /// Cost of each action under the dynamic oracle: gold arcs it makes unreachable.
    fn costs(&self, gold: &[u32], out: &mut [u32; N_ACTIONS]) {
        let s0 = self.s(0);
        let s1 = self.s(1);
        let b0 = self.b;
        let in_buf = |x: u32| x != NO && x >= self.b && x <= self.n && x != 0;
        let deps_in_buf =
            |h: u32| (self.b..=self.n).filter(|&d| gold[d as usize] == h).count() as u32;
        *out = [u32::MAX; N_ACTIONS];
        let m = self.allowed();
        if m & (1 << LEFT) != 0 {
            let g = gold[s0 as usize];
            let mut c = u32::from(g != b0 && (g == s1 || in_buf(g)));
            c += deps_in_buf(s0);
            out[LEFT] = c;
        }
        if m & (1 << RIGHT) != 0 {
            let g = gold[s0 as usize];
            let mut c = u32::from(g != s1 && in_buf(g));
            c += deps_in_buf(s0);
            out[RIGHT] = c;
        }
        if m & (1 << SHIFT) != 0 {
            let g = gold[b0 as usize];
            let mut c = 0;
            for &x in &self.stack {
                if x == g && x != s0 {
                    c += 1;
                }
                if x != 0 && gold[x as usize] == b0 {
                    c += 1;
                }
            }
            out[SHIFT] = c;
        }
    }
}

#[inline]
fn dist(a: u32, b: u32) -> u64 {
    if a == NO || b == NO {
        return 0;
    }
    let d = a.abs_diff(b);
    match d {
        0..=4 => u64::from(d),
        5..=6 => 5,
        7..=10 => 6,
        _ => 7,
    }
}

#[inline]
fn g1(t: u64, a: u64) -> u64 {
    hash::mix(t, a)
}
#[inline]
fn g2(t: u64, a: u64, b: u64) -> u64 {
    hash::mix(hash::mix(t, a), b)
}
#[inline]
fn g3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    hash::mix(hash::mix(hash::mix(t, a), b), c)
}

fn tok(toks: &[Tok], p: u32) -> Tok {
    if p == NO {
        NONE_TOK
    } else {
        toks.get(p as usize).copied().unwrap_or(NONE_TOK)
    }
}

fn act_features(toks: &[Tok], st: &State, out: &mut [u64; N_ACT_FEATS]) {
    let (s0p, s1p, s2p) = (st.s(0), st.s(1), st.s(2));
    let (b0p, b1p, b2p) = (st.bq(0), st.bq(1), st.bq(2));
    let at = |v: &Vec<u32>, p: u32| if p == NO { NO } else { v[p as usize] };
    let lab = |p: u32| {
        if p == NO {
            255
        } else {
            u64::from(st.label[p as usize])
        }
    };
    let val = |v: &Vec<u16>, p: u32| {
        if p == NO {
            99
        } else {
            u64::from(v[p as usize].min(8))
        }
    };
    let set = |v: &Vec<u64>, p: u32| if p == NO { 1 << 63 } else { v[p as usize] };
    let (s0, s1, s2) = (tok(toks, s0p), tok(toks, s1p), tok(toks, s2p));
    let (b0, b1, b2) = (tok(toks, b0p), tok(toks, b1p), tok(toks, b2p));
    let (s0lp, s0l2p, s0rp, s0r2p) = (
        at(&st.lm, s0p),
        at(&st.lm2, s0p),
        at(&st.rm, s0p),
        at(&st.rm2, s0p),
    );
    let (s1lp, s1rp, s1r2p) = (at(&st.lm, s1p), at(&st.rm, s1p), at(&st.rm2, s1p));
    let (b0lp, b0l2p) = (at(&st.lm, b0p), at(&st.lm2, b0p));
    let (s0l, s0l2, s0r, s0r2) = (
        tok(toks, s0lp),
        tok(toks, s0l2p),
        tok(toks, s0rp),
        tok(toks, s0r2p),
    );
    let (s1l, s1r, s1r2) = (tok(toks, s1lp), tok(toks, s1rp), tok(toks, s1r2p));
    let (b0l, b0l2) = (tok(toks, b0lp), tok(toks, b0l2p));
    let d_sb = dist(s0p, b0p);
    let d_ss = dist(s1p, s0p);
    let s0wt = hash::mix(s0.word, s0.tag);
    let b0wt = hash::mix(b0.word, b0.tag);
    let s1wt = hash::mix(s1.word, s1.tag);
    *out = [
        // Unigrams.
        g1(1, s0wt),
        g1(2, s0.word),
        g1(3, s0.tag),
        g1(4, b0wt),
        g1(5, b0.word),
        g1(6, b0.tag),
        g1(7, hash::mix(b1.word, b1.tag)),
        g1(8, b1.word),
        g1(9, b1.tag),
        g1(10, b2.word),
        g1(11, b2.tag),
        g1(12, s1wt),
        g1(13, s1.word),
        g1(14, s1.tag),
        g1(15, s2.tag),
        g1(16, s2.word),
        // Pairs: stack top and buffer front.
        g2(17, s0wt, b0wt),
        g2(18, s0wt, b0.word),
        g2(19, s0.word, b0wt),
        g2(20, s0wt, b0.tag),
        g2(21, s0.tag, b0wt),
        g2(22, s0.word, b0.word),
        g2(23, s0.tag, b0.tag),
        // Pairs: the two stack tops.
        g2(24, s1wt, s0wt),
        g2(25, s1wt, s0.word),
        g2(26, s1.word, s0wt),
        g2(27, s1wt, s0.tag),
        g2(28, s1.tag, s0wt),
        g2(29, s1.word, s0.word),
        g2(30, s1.tag, s0.tag),
        g2(31, b0.tag, b1.tag),
        g2(32, s0.tag, b1.tag),
        g2(33, s0.word, b1.tag),
        // Tag trigrams.
        g3(34, b0.tag, b1.tag, b2.tag),
        g3(35, s0.tag, b0.tag, b1.tag),
        g3(36, s1.tag, s0.tag, b0.tag),
        g3(37, s2.tag, s1.tag, s0.tag),
        g3(38, s0.tag, s0l.tag, b0.tag),
        g3(39, s0.tag, s0r.tag, b0.tag),
        g3(40, s0.tag, b0.tag, b0l.tag),
        g3(41, s1.tag, s0.tag, s0l.tag),
        g3(42, s1.tag, s1r.tag, s0.tag),
        g3(43, s1.tag, s0.tag, s0r.tag),
        g3(44, s1.tag, s1l.tag, s0.tag),
        // Distance.
        g2(45, s0.word, d_sb),
        g2(46, s0.tag, d_sb),
        g2(47, b0.word, d_sb),
        g2(48, b0.tag, d_sb),
        g3(49, s0.tag, b0.tag, d_sb),
        g2(50, s1.word, d_ss),
        g2(51, s1.tag, d_ss),
        g2(52, s0.word, d_ss),
        g2(53, s0.tag, d_ss),
        g3(54, s1.tag, s0.tag, d_ss),
        // Valency.
        g2(55, s0.word, val(&st.nl, s0p)),
        g2(56, s0.tag, val(&st.nl, s0p)),
        g2(57, s0.word, val(&st.nr, s0p)),
        g2(58, s0.tag, val(&st.nr, s0p)),
        g2(59, b0.word, val(&st.nl, b0p)),
        g2(60, b0.tag, val(&st.nl, b0p)),
        g2(61, s1.tag, val(&st.nr, s1p)),
        g2(62, s1.tag, val(&st.nl, s1p)),
        // Children.
        g1(63, s0l.word),
        g1(64, s0l.tag),
        g1(65, lab(s0lp)),
        g1(66, s0r.word),
        g1(67, s0r.tag),
        g1(68, lab(s0rp)),
        g1(69, b0l.word),
        g1(70, b0l.tag),
        g1(71, lab(b0lp)),
        g2(72, s1l.tag, lab(s1lp)),
        g2(73, s1r.tag, lab(s1rp)),
        g1(74, s1r.word),
        // Third order.
        g1(75, s0l2.word),
        g2(76, s0l2.tag, lab(s0l2p)),
        g1(77, s0r2.word),
        g2(78, s0r2.tag, lab(s0r2p)),
        g1(79, b0l2.word),
        g2(80, b0l2.tag, lab(b0l2p)),
        g3(81, s0.tag, s0l.tag, s0l2.tag),
        g3(82, s0.tag, s0r.tag, s0r2.tag),
        g3(83, b0.tag, b0l.tag, b0l2.tag),
        g3(84, s1.tag, s1r.tag, s1r2.tag),
        // Label sets.
        g2(85, s0.word, set(&st.lset, s0p)),
        g2(86, s0.tag, set(&st.lset, s0p)),
        g2(87, s0.word, set(&st.rset, s0p)),
        g2(88, s0.tag, set(&st.rset, s0p)),
        g2(89, b0.word, set(&st.lset, b0p)),
        g2(90, b0.tag, set(&st.lset, b0p)),
        g2(91, s1.tag, set(&st.rset, s1p)),
        g2(92, s1.tag, set(&st.lset, s1p)),
        // Universal tags, coarser but more robust to XPOS errors.
        g3(93, s1.upos, s0.upos, b0.upos),
        g3(94, s0.upos, b0.upos, b1.upos),
        g2(95, s0.suf, b0.tag),
        g2(96, s1.suf, s0.tag),
    ];
}

fn lab_features(toks: &[Tok], st: &State, h: u32, d: u32, out: &mut [u64; N_LAB_FEATS]) {
    let at = |v: &Vec<u32>, p: u32| if p == NO { NO } else { v[p as usize] };
    let lab = |p: u32| {
        if p == NO {
            255
        } else {
            u64::from(st.label[p as usize])
        }
    };
    let (ht, dt) = (tok(toks, h), tok(toks, d));
    let dir = u64::from(h < d);
    let ds = dist(h, d);
    let (dl, dr) = (at(&st.lm, d), at(&st.rm, d));
    let (dlt, drt) = (tok(toks, dl), tok(toks, dr));
    let (hl, hr) = (at(&st.lm, h), at(&st.rm, h));
    let hlt = tok(toks, hl);
    let dm1 = tok(toks, d.wrapping_sub(1));
    let dp1 = tok(toks, if d < st.n { d + 1 } else { NO });
    let hm1 = tok(toks, h.wrapping_sub(1));
    let hp1 = tok(toks, if h < st.n { h + 1 } else { NO });
    let hdt = hash::mix(ht.tag, dt.tag);
    *out = [
        g1(1, dir),
        g2(2, ht.word, dir),
        g2(3, ht.tag, dir),
        g2(4, dt.word, dir),
        g2(5, dt.tag, dir),
        g3(6, ht.word, ht.tag, dir),
        g3(7, dt.word, dt.tag, dir),
        g2(8, hdt, dir),
        g3(9, hdt, dir, ds),
        g3(10, ht.word, dt.tag, dir),
        g3(11, ht.tag, dt.word, dir),
        g3(12, ht.word, dt.word, dir),
        g3(13, dt.tag, dlt.word, dir),
        g3(14, dt.tag, lab(dl), dir),
        g3(15, dt.tag, drt.word, dir),
        g3(16, dt.tag, lab(dr), dir),
        g3(17, hdt, dlt.word, dir),
        g3(18, dlt.word, drt.word, dt.tag),
        g3(19, dt.tag, st.lset[d as usize], dir),
        g3(20, dt.tag, st.rset[d as usize], dir),
        g3(
            21,
            ht.tag,
            st.lset.get(h as usize).copied().unwrap_or(0),
            dir,
        ),
        g3(
            22,
            ht.tag,
            st.rset.get(h as usize).copied().unwrap_or(0),
            dir,
        ),
        g3(23, hdt, st.lset.get(h as usize).copied().unwrap_or(0), dir),
        g3(24, hdt, dm1.tag, dir),
        g3(25, hdt, dp1.tag, dir),
        g3(26, hdt, hm1.tag, dir),
        g3(27, hdt, hp1.tag, dir),
        g3(28, dt.suf, dt.tag, ht.tag),
        g3(29, ht.upos, dt.upos, dir),
        g3(30, ht.word, dlt.word, dir),
        g3(31, hdt, lab(hl), hlt.tag),
        g3(32, dt.word, ht.tag, ds),
        g3(
            33,
            dt.tag,
            u64::from(st.nl[d as usize].min(5)),
            u64::from(st.nr[d as usize].min(5)),
        ),
        g3(34, hdt, dlt.tag, drt.tag),
        g3(35, ht.suf, dt.tag, dir),
        g3(36, dt.word, dlt.word, dir),
        g3(37, ht.word, dt.word, dlt.word),
        g2(38, dm1.word, dt.tag),
        g3(39, hdt, lab(hr), dir),
        g3(40, ht.tag, dt.tag, tok(toks, hr).word),
    ];
}

/// A trained parser: transition and label weights.
#[derive(Clone, Debug)]
pub struct Parser {
    actions: Weights,
    labels: Weights,
}

/// Reusable buffers for parsing one sentence.
#[derive(Default)]
pub(crate) struct ParseBuf {
    pub state: State,
}

impl Parser {
    /// Numbers of features and weights kept: (actions, labels).
    pub fn size(&self) -> ((usize, usize), (usize, usize)) {
        (
            (self.actions.n_features(), self.actions.n_weights()),
            (self.labels.n_features(), self.labels.n_weights()),
        )
    }

    fn best_label(&self, toks: &[Tok], st: &State, h: u32, d: u32) -> u8 {
        if h == 0 {
            return DepRel::Root.index() as u8;
        }
        let mut f = [0u64; N_LAB_FEATS];
        lab_features(toks, st, h, d, &mut f);
        let mut s = [0i32; N_LABELS];
        self.labels.score(&f, &mut s);
        s[DepRel::Root.index()] = i32::MIN;
        argmax_i32(&s) as u8
    }

    /// Parse: `toks[0]` is the root; on return `buf.state.head/label` hold the tree.
    pub(crate) fn parse(&self, toks: &[Tok], buf: &mut ParseBuf) {
        let st = &mut buf.state;
        st.reset(toks.len().saturating_sub(1));
        let mut feats = [0u64; N_ACT_FEATS];
        while !st.terminal() {
            let m = st.allowed();
            let action = if m.count_ones() == 1 {
                m.trailing_zeros() as usize
            } else {
                act_features(toks, st, &mut feats);
                let mut s = [0i32; N_ACTIONS];
                self.actions.score(&feats, &mut s);
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

    pub(crate) fn write(&self, w: &mut Writer) {
        self.actions.write(w);
        self.labels.write(w);
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Parser, Error> {
        let actions = Weights::read(r)?;
        let labels = Weights::read(r)?;
        if actions.n_classes() != N_ACTIONS || labels.n_classes() != N_LABELS {
            return Err(r.err("parser weights do not match the transition or label set"));
        }
        Ok(Parser { actions, labels })
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

/// Training state of the parser.
pub(crate) struct ParserTrainer {
    actions: Trainer,
    labels: Trainer,
}

/// Accuracy of one training epoch (on the paths actually followed).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct EpochStats {
    pub transitions: usize,
    pub errors: usize,
}

impl ParserTrainer {
    pub(crate) fn new() -> ParserTrainer {
        ParserTrainer {
            actions: Trainer::new(N_ACTIONS),
            labels: Trainer::new(N_LABELS),
        }
    }

    /// One pass over `train` in seeded random order. From `explore_from` epochs on, the
    /// parser follows its own (possibly wrong) prediction with probability `p_explore`.
    pub(crate) fn epoch(
        &mut self,
        train: &[ParseExample],
        rng: &mut Rng,
        explore: bool,
    ) -> EpochStats {
        let mut order: Vec<usize> = (0..train.len()).collect();
        rng.shuffle(&mut order);
        let mut st = State::default();
        let mut feats = [0u64; N_ACT_FEATS];
        let mut lf = [0u64; N_LAB_FEATS];
        let mut s = [0i64; N_ACTIONS];
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
                    act_features(&ex.toks, &st, &mut feats);
                    self.actions.score(&feats, &mut s);
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
                        self.actions.update(&feats, gold_best, pred);
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
                        lab_features(&ex.toks, &st, h, d, &mut lf);
                        self.labels.score(&lf, &mut ls);
                        ls[DepRel::Root.index()] = i64::MIN;
                        let p = argmax_i64(&ls);
                        if ex.heads[d as usize] == h {
                            let g = ex.labels[d as usize] as usize;
                            self.labels.update(&lf, g, p);
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

    pub(crate) fn snapshot(&self, c: Compression) -> Parser {
        Parser {
            actions: self.actions.compress(c),
            labels: self.labels.compress(c),
        }
    }
}

fn argmax_i64(s: &[i64]) -> usize {
    let mut best = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[best] {
            best = i;
        }
    }
    best
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
