//! Feature templates of the transition scorer and of the label classifier.

use super::state::State;
use super::{Tok, NO, NONE_TOK};
use crate::hash;

/// Transition templates of every parser.
const N_BASE: usize = 96;
/// Transition templates reading word clusters (parsers trained with clusters only).
const N_CLUS: usize = 18;
/// Transition templates reading a guide parse (stacked parsers only).
const N_GUIDE: usize = 10;
/// Most transition features per configuration.
pub(super) const MAX_ACT_FEATS: usize = N_BASE + N_CLUS + N_GUIDE;
/// Label templates of every parser.
const N_LAB_BASE: usize = 40;
/// Label templates reading word clusters.
const N_LAB_CLUS: usize = 6;
/// Label templates reading a guide parse.
const N_LAB_GUIDE: usize = 4;
/// Most label features per arc.
pub(super) const MAX_LAB_FEATS: usize = N_LAB_BASE + N_LAB_CLUS + N_LAB_GUIDE;

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

/// Two values as one (for templates over more than three).
#[inline]
fn pair(a: u64, b: u64) -> u64 {
    a.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(31) ^ b
}

#[inline]
fn g1(t: u64, a: u64) -> u64 {
    hash::key(t, [a])
}
#[inline]
fn g2(t: u64, a: u64, b: u64) -> u64 {
    hash::key(t, [a, b])
}
#[inline]
fn g3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    hash::key(t, [a, b, c])
}

#[inline]
/// `v[p]`, or `NO` for an absent position (a child index of a missing word).
fn at(v: &[u32], p: u32) -> u32 {
    if p == NO {
        NO
    } else {
        v[p as usize]
    }
}

/// The arc label of position `p` (255 when absent).
fn label(st: &State, p: u32) -> u64 {
    if p == NO {
        255
    } else {
        u64::from(st.label[p as usize])
    }
}

/// A valency count capped at 8 (99 when absent).
fn val(v: &[u16], p: u32) -> u64 {
    if p == NO {
        99
    } else {
        u64::from(v[p as usize].min(8))
    }
}

/// A label set (the top bit alone when absent).
fn set(v: &[u64], p: u32) -> u64 {
    if p == NO {
        1 << 63
    } else {
        v[p as usize]
    }
}

/// The cluster id of a token at granularity `level`.
#[inline]
fn c(t: Tok, level: usize) -> u64 {
    u64::from(t.clus[level])
}

fn tok(toks: &[Tok], p: u32) -> Tok {
    if p == NO {
        NONE_TOK
    } else {
        toks.get(p as usize).copied().unwrap_or(NONE_TOK)
    }
}

/// Where the guide parse attaches token `x`, seen from the configuration: no guide, root, b0,
/// s0, s1, further right, further left, or between `x` and b0.
#[inline]
fn guide_loc(toks: &[Tok], st: &State, x: u32) -> u64 {
    if x == NO {
        return 15;
    }
    let g = tok(toks, x).gh;
    let (b0, s0, s1) = (st.bq(0), st.s(0), st.s(1));
    if g == NO {
        0
    } else if g == 0 {
        1
    } else if g == b0 {
        2
    } else if g == s0 {
        3
    } else if g == s1 {
        4
    } else if b0 != NO && g > b0 {
        5
    } else if g < x {
        6
    } else {
        7
    }
}

/// Which templates a pass uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Templates {
    /// All base templates (and the guide's, for a guided pass).
    Full,
    /// All transition templates, half the label templates: a guide pass.
    Guide,
    /// A third of the transition templates, half the label templates: a fast guide pass.
    Small,
}

/// Transition templates of a small pass.
const N_SMALL: usize = 41;
/// Label templates of a small pass (the first of the full set).
const N_LAB_SMALL: usize = 20;

/// Which templates a parsing pass reads.
#[derive(Clone, Copy, Debug)]
pub(super) struct Spec {
    pub templates: Templates,
    /// Guide-tree templates (stacked parsers).
    pub guided: bool,
    /// Word-cluster templates (models trained with clusters; never with small templates).
    pub clustered: bool,
}

/// Features of a configuration for the transition scorer; returns how many were written.
pub(super) fn act_features(
    toks: &[Tok],
    st: &State,
    spec: Spec,
    out: &mut [u64; MAX_ACT_FEATS],
) -> usize {
    let Spec {
        templates,
        guided,
        clustered,
    } = spec;
    let mut n = if templates == Templates::Small {
        small_act_features(toks, st, &mut out[..N_SMALL]);
        N_SMALL
    } else {
        base_act_features(toks, st, &mut out[..N_BASE]);
        N_BASE
    };
    if clustered && templates != Templates::Small {
        clus_act_features(toks, st, &mut out[n..n + N_CLUS]);
        n += N_CLUS;
    }
    if !guided {
        return n;
    }
    let guide = &mut out[n..n + N_GUIDE];
    let (s0p, s1p, b0p) = (st.s(0), st.s(1), st.bq(0));
    let (s0, s1, b0) = (tok(toks, s0p), tok(toks, s1p), tok(toks, b0p));
    let (ls0, ls1, lb0) = (
        guide_loc(toks, st, s0p),
        guide_loc(toks, st, s1p),
        guide_loc(toks, st, b0p),
    );
    let pending = u64::from(b0p != NO && s0p != NO && s0.grm >= b0p);
    guide.copy_from_slice(&[
        g2(97, ls0, s0.tag),
        g2(98, lb0, b0.tag),
        g2(99, ls0, lb0),
        g3(100, ls0, u64::from(s0.gl), s0.tag),
        g3(101, lb0, u64::from(b0.gl), b0.tag),
        g2(102, ls1, s1.tag),
        g3(103, ls0, pending, s0.tag),
        g2(104, ls0, ls1),
        g3(105, ls0, s0.tag, b0.tag),
        g2(106, ls0, s0.word),
    ]);
    n + N_GUIDE
}

fn small_act_features(toks: &[Tok], st: &State, out: &mut [u64]) {
    let (s0p, s1p, s2p) = (st.s(0), st.s(1), st.s(2));
    let (b0p, b1p, b2p) = (st.bq(0), st.bq(1), st.bq(2));
    let lab = |p: u32| label(st, p);
    let (s0, s1, s2) = (tok(toks, s0p), tok(toks, s1p), tok(toks, s2p));
    let (b0, b1, b2) = (tok(toks, b0p), tok(toks, b1p), tok(toks, b2p));
    let (s0lp, s0rp) = (at(&st.lm, s0p), at(&st.rm, s0p));
    let (s1lp, s1rp, b0lp) = (at(&st.lm, s1p), at(&st.rm, s1p), at(&st.lm, b0p));
    let (s0l, s0r) = (tok(toks, s0lp), tok(toks, s0rp));
    let (s1l, s1r, b0l) = (tok(toks, s1lp), tok(toks, s1rp), tok(toks, b0lp));
    let d_sb = dist(s0p, b0p);
    let d_ss = dist(s1p, s0p);
    let s0wt = pair(s0.word, s0.tag);
    let b0wt = pair(b0.word, b0.tag);
    let s1wt = pair(s1.word, s1.tag);
    out.copy_from_slice(&[
        g1(1, s0wt),
        g1(2, s0.word),
        g1(3, s0.tag),
        g1(4, b0wt),
        g1(5, b0.word),
        g1(6, b0.tag),
        g2(7, b1.word, b1.tag),
        g1(9, b1.tag),
        g1(11, b2.tag),
        g1(12, s1wt),
        g1(14, s1.tag),
        g2(17, s0wt, b0wt),
        g2(19, s0.word, b0wt),
        g2(22, s0.word, b0.word),
        g2(23, s0.tag, b0.tag),
        g2(27, s1wt, s0.tag),
        g2(28, s1.tag, s0wt),
        g2(30, s1.tag, s0.tag),
        g2(31, b0.tag, b1.tag),
        g3(34, b0.tag, b1.tag, b2.tag),
        g3(35, s0.tag, b0.tag, b1.tag),
        g3(36, s1.tag, s0.tag, b0.tag),
        g3(37, s2.tag, s1.tag, s0.tag),
        g3(38, s0.tag, s0l.tag, b0.tag),
        g3(39, s0.tag, s0r.tag, b0.tag),
        g3(40, s0.tag, b0.tag, b0l.tag),
        g3(49, s0.tag, b0.tag, d_sb),
        g3(54, s1.tag, s0.tag, d_ss),
        g2(56, s0.tag, val(&st.nl, s0p)),
        g2(58, s0.tag, val(&st.nr, s0p)),
        g2(60, b0.tag, val(&st.nl, b0p)),
        g2(64, s0l.tag, lab(s0lp)),
        g2(67, s0r.tag, lab(s0rp)),
        g2(70, b0l.tag, lab(b0lp)),
        g2(72, s1l.tag, lab(s1lp)),
        g2(73, s1r.tag, lab(s1rp)),
        g2(86, s0.tag, set(&st.lset, s0p)),
        g2(88, s0.tag, set(&st.rset, s0p)),
        g2(90, b0.tag, set(&st.lset, b0p)),
        g3(93, s1.upos, s0.upos, b0.upos),
        g2(95, s0.suf, b0.tag),
    ]);
}

fn base_act_features(toks: &[Tok], st: &State, out: &mut [u64]) {
    let (s0p, s1p, s2p) = (st.s(0), st.s(1), st.s(2));
    let (b0p, b1p, b2p) = (st.bq(0), st.bq(1), st.bq(2));
    let lab = |p: u32| label(st, p);
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
    let s0wt = pair(s0.word, s0.tag);
    let b0wt = pair(b0.word, b0.tag);
    let s1wt = pair(s1.word, s1.tag);
    out.copy_from_slice(&[
        // Unigrams.
        g1(1, s0wt),
        g1(2, s0.word),
        g1(3, s0.tag),
        g1(4, b0wt),
        g1(5, b0.word),
        g1(6, b0.tag),
        g2(7, b1.word, b1.tag),
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
    ]);
}

/// Word-cluster templates (coarse 0 to fine 2): cluster ids stand in for words seen too
/// rarely in the treebanks, alone and in place of one word of a word pair (Koo et al. 2008).
fn clus_act_features(toks: &[Tok], st: &State, out: &mut [u64]) {
    let (s0p, s1p, s2p) = (st.s(0), st.s(1), st.s(2));
    let (b0p, b1p, b2p) = (st.bq(0), st.bq(1), st.bq(2));
    let (s0, s1, s2) = (tok(toks, s0p), tok(toks, s1p), tok(toks, s2p));
    let (b0, b1, b2) = (tok(toks, b0p), tok(toks, b1p), tok(toks, b2p));
    let s0l = tok(toks, at(&st.lm, s0p));
    let b0l = tok(toks, at(&st.lm, b0p));
    let d_sb = dist(s0p, b0p);
    out.copy_from_slice(&[
        g1(110, c(s0, 2)),
        g1(111, c(b0, 2)),
        g1(112, c(s1, 2)),
        g1(113, c(b1, 2)),
        g2(114, c(s0, 1), c(b0, 1)),
        g2(115, c(s0, 2), b0.tag),
        g2(116, s0.tag, c(b0, 2)),
        g2(117, c(s1, 1), c(s0, 1)),
        g3(118, c(s0, 0), c(b0, 0), c(b1, 0)),
        g3(119, c(s0, 1), c(b0, 1), d_sb),
        g1(121, c(b2, 1)),
        g1(122, c(s2, 1)),
        g2(124, s0.word, c(b0, 2)),
        g2(125, c(s0, 2), b0.word),
        g2(126, c(s1, 2), s0.word),
        g2(127, s1.word, c(s0, 2)),
        g2(128, c(s0l, 1), c(s0, 1)),
        g2(129, c(b0l, 1), c(b0, 1)),
    ]);
}

/// Features of an arc `h -> d` for the label classifier; returns how many were written.
pub(super) fn lab_features(
    toks: &[Tok],
    st: &State,
    h: u32,
    d: u32,
    spec: Spec,
    out: &mut [u64; MAX_LAB_FEATS],
) -> usize {
    let Spec {
        templates,
        guided,
        clustered,
    } = spec;
    base_lab_features(toks, st, h, d, &mut out[..N_LAB_BASE]);
    if templates != Templates::Full {
        return N_LAB_SMALL;
    }
    let mut n = N_LAB_BASE;
    let (ht, dt) = (tok(toks, h), tok(toks, d));
    let dir = u64::from(h < d);
    if clustered {
        out[n..n + N_LAB_CLUS].copy_from_slice(&[
            g2(45, c(dt, 2), dir),
            g2(46, c(ht, 2), dir),
            g3(47, c(ht, 1), c(dt, 1), dir),
            g3(48, ht.tag, c(dt, 2), dir),
            g3(49, ht.word, c(dt, 2), dir),
            g3(50, c(ht, 2), dt.word, dir),
        ]);
        n += N_LAB_CLUS;
    }
    if !guided {
        return n;
    }
    let guide = &mut out[n..n + N_LAB_GUIDE];
    // The guide's label for this very arc, if the guide made it.
    let agree = if dt.gh == h { u64::from(dt.gl) } else { 200 };
    guide.copy_from_slice(&[
        g2(41, agree, dt.tag),
        g1(42, agree),
        g3(43, agree, ht.tag, dt.tag),
        g2(44, u64::from(dt.gl), dir),
    ]);
    n + N_LAB_GUIDE
}

fn base_lab_features(toks: &[Tok], st: &State, h: u32, d: u32, out: &mut [u64]) {
    let lab = |p: u32| label(st, p);
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
    let hdt = pair(ht.tag, dt.tag);
    out.copy_from_slice(&[
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
    ]);
}
