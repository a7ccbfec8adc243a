//! Part-of-speech tagger: a greedy left-to-right averaged perceptron over joint `UPOS|XPOS`
//! classes, with rich lexical and context features and an ambiguity-class dictionary.

use sitrep_text::{Upos, Xpos};

use std::sync::Arc;

use crate::bin::{Reader, Writer};
use crate::clusters::Clusters;
use crate::hash::{self, Rng};
use crate::lex::{init_upper, Lex};
use crate::perceptron::{argmax, Compression, IdMap, SparseTrainer, SparseWeights};
use crate::Error;

/// Number of feature templates per token without word clusters.
const N_BASE: usize = 42;
/// Number of feature templates per token, word clusters included.
const N_FEATS: usize = N_BASE + 11;
/// Templates of the second pass: the first pass's plus right-context tags.
const N_FEATS2: usize = N_FEATS + 5;

/// Words seen fewer times than this get no ambiguity class.
const DICT_MIN_COUNT: u32 = 3;
/// A class joins a word's ambiguity class when it covers at least this share of its uses.
const DICT_MIN_SHARE: f64 = 0.02;

/// Words seen at least this often with one class in at least `SURE_MIN_SHARE` of their uses
/// get that class without scoring.
const SURE_MIN_COUNT: u32 = 20;
/// See `SURE_MIN_COUNT`.
const SURE_MIN_SHARE: f64 = 0.995;

/// The second pass rescores only tokens whose first-pass margin (best score minus the
/// runner-up's, in perceptron updates) is below this: it rarely changes a confident tag, and
/// skipping those makes two passes cost little more than one (measured on EWT dev + test:
/// same UPOS and UAS as rescoring every token, tagging 1.9 times faster).
const SURE_MARGIN: f32 = 10.0;

/// Class index standing for "no token here" (before the sentence start).
const NONE_TAG: u64 = 0xFFFF;

/// A trained tagger: tag set, ambiguity dictionary and weights.
#[derive(Clone, Debug)]
pub struct Tagger {
    pub(crate) classes: Vec<(Upos, Xpos)>,
    dict: IdMap<u32, u32>,
    /// Frequent words with one class (by form hash): tagged without scoring.
    sure: IdMap<u32, u16>,
    weights: SparseWeights,
    /// Second left-to-right pass that also sees the first pass's tags to the right.
    second: Option<SparseWeights>,
    /// Word clusters read as features (by the parser too); empty in a model without them.
    pub(crate) clusters: Arc<Clusters>,
}

/// Gold-tagged sentence for training: forms' lexical hashes and class indices.
#[derive(Clone, Debug)]
pub(crate) struct TagExample {
    pub lex: Vec<Lex>,
    pub gold: Vec<u16>,
}

fn amb_of(dict: &IdMap<u32, u32>, l: &Lex) -> u64 {
    dict.get(&hash::fold32(l.lower))
        .map_or(1, |&a| u64::from(a) + 2)
}

#[inline]
fn f(t: u64, v: u64) -> u64 {
    hash::key(t, [v])
}

#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    hash::key(t, [a, b])
}

/// Fill `out` with the features of token `i` given the two previous predicted classes.
fn features(lex: &[Lex], amb: &[u64], i: usize, p1: u64, p2: u64, out: &mut [u64; N_FEATS]) {
    const NONE: Lex = Lex {
        form: 1,
        lower: 1,
        pre: [1; 4],
        suf: [1; 5],
        shape: 1,
        flags: 1 << 20,
        clus: [0xFFFE; crate::clusters::LEVELS],
    };
    let at = |j: isize| -> (&Lex, u64) {
        if j < 0 || j as usize >= lex.len() {
            (&NONE, 0)
        } else {
            (&lex[j as usize], amb[j as usize])
        }
    };
    let i = i as isize;
    let (w, a0) = at(i);
    let (m1, am1) = at(i - 1);
    let (m2, _) = at(i - 2);
    let (n1, an1) = at(i + 1);
    let (n2, an2) = at(i + 2);
    let first = u64::from(i == 0) << 1 | u64::from(init_upper(w));
    *out = [
        f(0, 0),
        f(1, w.form),
        f(2, w.lower),
        f(3, w.suf[0]),
        f(4, w.suf[1]),
        f(5, w.suf[2]),
        f(6, w.suf[3]),
        f(7, w.pre[0]),
        f(8, w.pre[1]),
        f(9, w.pre[2]),
        f(10, w.shape),
        f(11, w.flags),
        f(12, p1),
        f2(13, p1, p2),
        f2(14, p1, w.lower),
        f(15, m1.lower),
        f(16, m2.lower),
        f(17, n1.lower),
        f(18, n2.lower),
        f(19, m1.suf[2]),
        f(20, n1.suf[2]),
        f2(21, m1.lower, w.lower),
        f2(22, w.lower, n1.lower),
        f(23, a0),
        f2(24, a0, p1),
        f2(25, a0, an1),
        f(26, an1),
        f(27, an2),
        f2(28, an1, an2),
        f(29, n1.shape),
        f(30, m1.shape),
        f2(31, first, w.shape),
        f2(32, p1, w.suf[2]),
        f(33, p2),
        f2(34, am1, a0),
        f2(35, p1, an1),
        f2(36, w.suf[1], n1.lower),
        f2(37, m1.lower, n1.lower),
        f(38, n1.suf[1]),
        f2(39, p2, w.lower),
        f(40, w.suf[4]),
        f(41, w.pre[3]),
        // Word clusters from unlabelled text (`clusters`).
        f(60, w.clus[0]),
        f(61, w.clus[1]),
        f(62, w.clus[2]),
        f(63, m1.clus[1]),
        f(64, n1.clus[1]),
        f2(65, p1, w.clus[2]),
        f2(66, w.clus[2], n1.clus[1]),
        f2(67, m1.clus[1], w.clus[2]),
        f(68, m2.clus[1]),
        f(69, n2.clus[1]),
        f2(70, w.clus[2], w.suf[2]),
    ];
}

/// Second-pass features: the first pass's `nf` plus the first-pass tags of `i+1` and `i+2`;
/// returns how many were written.
#[allow(clippy::too_many_arguments)]
fn features2(
    lex: &[Lex],
    amb: &[u64],
    i: usize,
    p1: u64,
    p2: u64,
    right: &[u16],
    nf: usize,
    out: &mut [u64; N_FEATS2],
) -> usize {
    let mut base = [0u64; N_FEATS];
    features(lex, amb, i, p1, p2, &mut base);
    out[..nf].copy_from_slice(&base[..nf]);
    let r1 = right.get(i + 1).map_or(NONE_TAG, |&t| u64::from(t));
    let r2 = right.get(i + 2).map_or(NONE_TAG, |&t| u64::from(t));
    out[nf..nf + 5].copy_from_slice(&[
        f(50, r1),
        f2(51, r1, r2),
        f2(52, p1, r1),
        f2(53, r1, lex[i].lower),
        f2(54, r1, lex[i].suf[2]),
    ]);
    nf + 5
}

/// How many first-pass templates a tagger with (or without) word clusters reads.
fn n_feats(clusters: &Clusters) -> usize {
    if clusters.is_empty() {
        N_BASE
    } else {
        N_FEATS
    }
}

fn prev_tags(out: &[u16], i: usize) -> (u64, u64) {
    let p1 = if i >= 1 {
        u64::from(out[i - 1])
    } else {
        NONE_TAG
    };
    let p2 = if i >= 2 {
        u64::from(out[i - 2])
    } else {
        NONE_TAG
    };
    (p1, p2)
}

/// Marks a token whose class is not known in advance (see `Tagger::sure`).
const UNSURE: u16 = u16::MAX;

/// Look up the ambiguity class and sure class of every token.
fn lookup(
    dict: &IdMap<u32, u32>,
    sure: &IdMap<u32, u16>,
    lex: &[Lex],
    amb: &mut Vec<u64>,
    fixed: &mut Vec<u16>,
) {
    amb.clear();
    amb.extend(lex.iter().map(|l| amb_of(dict, l)));
    fixed.clear();
    fixed.extend(
        lex.iter()
            .map(|l| sure.get(&hash::fold32(l.form)).copied().unwrap_or(UNSURE)),
    );
}

/// Reusable buffers for tagging one sentence.
#[derive(Default)]
pub(crate) struct TagBuf {
    amb: Vec<u64>,
    fixed: Vec<u16>,
    first: Vec<u16>,
    /// First-pass score margins of the scored tokens.
    margin: Vec<i32>,
}

/// The best class and how far its score is above the runner-up's.
#[inline]
fn best_and_margin(s: &[i32]) -> (usize, i32) {
    let best = argmax(s);
    let second = s
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &v)| v)
        .max()
        .unwrap_or(i32::MIN);
    (best, s[best].saturating_sub(second))
}

impl Tagger {
    /// The tag pairs the tagger predicts, by class index.
    pub fn classes(&self) -> &[(Upos, Xpos)] {
        &self.classes
    }

    /// Number of features and weights kept (both passes).
    pub fn size(&self) -> (usize, usize) {
        let s = self
            .second
            .as_ref()
            .map_or((0, 0), |w| (w.n_features(), w.n_weights()));
        (
            self.weights.n_features() + s.0,
            self.weights.n_weights() + s.1,
        )
    }

    /// Number of words tagged without scoring.
    pub fn sure_words(&self) -> usize {
        self.sure.len()
    }

    /// Tag a sentence given its lexical analysis; `out` receives one class index per token.
    pub(crate) fn tag(&self, lex: &[Lex], buf: &mut TagBuf, out: &mut Vec<u16>) {
        lookup(&self.dict, &self.sure, lex, &mut buf.amb, &mut buf.fixed);
        let n = self.classes.len();
        let mut scores = [0i32; 256];
        out.clear();
        buf.margin.clear();
        let mut feats = [0u64; N_FEATS];
        let nf = n_feats(&self.clusters);
        for i in 0..lex.len() {
            if buf.fixed[i] != UNSURE {
                out.push(buf.fixed[i]);
                continue;
            }
            let (p1, p2) = prev_tags(out, i);
            features(lex, &buf.amb, i, p1, p2, &mut feats);
            let s = &mut scores[..self.weights.width()];
            s.fill(0);
            self.weights.score(&feats[..nf], s);
            let (best, margin) = best_and_margin(&s[..n]);
            out.push(best as u16);
            buf.margin.push(margin);
        }
        if let Some(w2) = &self.second {
            std::mem::swap(out, &mut buf.first);
            out.clear();
            let mut feats = [0u64; N_FEATS2];
            let sure = (SURE_MARGIN * self.weights.scale()) as i32;
            let mut m = buf.margin.iter();
            for i in 0..lex.len() {
                if buf.fixed[i] != UNSURE {
                    out.push(buf.fixed[i]);
                    continue;
                }
                if m.next().is_some_and(|&m| m >= sure) {
                    out.push(buf.first[i]);
                    continue;
                }
                let (p1, p2) = prev_tags(out, i);
                let k = features2(lex, &buf.amb, i, p1, p2, &buf.first, nf, &mut feats);
                let s = &mut scores[..w2.width()];
                s.fill(0);
                w2.score(&feats[..k], s);
                out.push(argmax(&s[..n]) as u16);
            }
        }
    }

    /// The same tagger without its second pass (to measure what that adds).
    pub fn without_second_pass(&self) -> Tagger {
        Tagger {
            second: None,
            ..self.clone()
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        self.clusters.write(w);
        w.varint(self.classes.len() as u64);
        for &(u, x) in &self.classes {
            w.u8(u.index() as u8);
            w.u8(x.index() as u8);
        }
        let mut d: Vec<(u32, u32)> = self.dict.iter().map(|(&k, &v)| (k, v)).collect();
        d.sort_unstable();
        w.varint(d.len() as u64);
        let mut prev = 0u32;
        for &(k, v) in &d {
            w.varint(u64::from(k - prev));
            w.u32(v);
            prev = k;
        }
        let mut s: Vec<(u32, u16)> = self.sure.iter().map(|(&k, &v)| (k, v)).collect();
        s.sort_unstable();
        w.varint(s.len() as u64);
        let mut prev = 0u32;
        for &(k, v) in &s {
            w.varint(u64::from(k - prev));
            w.u8(v as u8);
            prev = k;
        }
        self.weights.write(w);
        match &self.second {
            Some(w2) => {
                w.u8(1);
                w2.write(w);
            }
            None => w.u8(0),
        }
    }

    /// Read a tagger; model files before version 3 have no word clusters.
    pub(crate) fn read(r: &mut Reader<'_>, version: u32) -> Result<Tagger, Error> {
        let clusters = if version >= 3 {
            Clusters::read(r)?
        } else {
            Clusters::default()
        };
        let n = r.len(255, "tag class count")?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let u = Upos::from_index(r.u8()? as usize).ok_or_else(|| r.err("bad UPOS index"))?;
            let x = Xpos::from_index(r.u8()? as usize).ok_or_else(|| r.err("bad XPOS index"))?;
            classes.push((u, x));
        }
        let nd = r.len(1 << 24, "dictionary size")?;
        let mut dict = IdMap::default();
        let mut prev = 0u64;
        for _ in 0..nd {
            prev += r.varint()?;
            let k = u32::try_from(prev).map_err(|_| r.err("bad dictionary key"))?;
            dict.insert(k, r.u32()?);
        }
        let ns = r.len(1 << 24, "sure word count")?;
        let mut sure = IdMap::default();
        let mut prev = 0u64;
        for _ in 0..ns {
            prev += r.varint()?;
            let k = u32::try_from(prev).map_err(|_| r.err("bad sure word key"))?;
            let c = r.u8()?;
            if usize::from(c) >= n {
                return Err(r.err("sure word class out of range"));
            }
            sure.insert(k, u16::from(c));
        }
        let weights = SparseWeights::read(r)?;
        let second = match r.u8()? {
            0 => None,
            _ => Some(SparseWeights::read(r)?),
        };
        if weights.n_classes() != n || second.as_ref().is_some_and(|w| w.n_classes() != n) {
            return Err(r.err("tagger weights do not match its tag set"));
        }
        Ok(Tagger {
            classes,
            dict,
            sure,
            weights,
            second,
            clusters: Arc::new(clusters),
        })
    }
}

/// Per-word class counts (by lowercase hash and by form hash) over training sentences.
fn count_classes(
    train: &[TagExample],
    n_classes: usize,
    key: impl Fn(&Lex) -> u64,
) -> IdMap<u32, Vec<u32>> {
    let mut counts: IdMap<u32, Vec<u32>> = IdMap::default();
    for s in train {
        for (l, &g) in s.lex.iter().zip(&s.gold) {
            if let Some(c) = counts
                .entry(hash::fold32(key(l)))
                .or_insert_with(|| vec![0; n_classes])
                .get_mut(g as usize)
            {
                *c += 1;
            }
        }
    }
    counts
}

/// Build the ambiguity-class dictionary from training sentences.
fn build_dict(train: &[TagExample], n_classes: usize) -> IdMap<u32, u32> {
    let mut dict = IdMap::default();
    for (k, row) in count_classes(train, n_classes, |l| l.lower) {
        let total: u32 = row.iter().sum();
        if total < DICT_MIN_COUNT {
            continue;
        }
        let mut h = 0xA3Bu64;
        for (c, &n) in row.iter().enumerate() {
            if f64::from(n) >= DICT_MIN_SHARE * f64::from(total) {
                h = hash::mix(h, c as u64);
            }
        }
        dict.insert(k, hash::fold32(h));
    }
    dict
}

/// Frequent words (by form) that nearly always have one class.
fn build_sure(train: &[TagExample], n_classes: usize) -> IdMap<u32, u16> {
    let mut sure = IdMap::default();
    for (k, row) in count_classes(train, n_classes, |l| l.form) {
        let total: u32 = row.iter().sum();
        let best = argmax(&row);
        if total >= SURE_MIN_COUNT && f64::from(row[best]) >= SURE_MIN_SHARE * f64::from(total) {
            sure.insert(k, best as u16);
        }
    }
    sure
}

/// Training state of the tagger.
pub(crate) struct TaggerTrainer {
    classes: Vec<(Upos, Xpos)>,
    dict: IdMap<u32, u32>,
    sure: IdMap<u32, u16>,
    model: SparseTrainer,
    clusters: Arc<Clusters>,
}

impl TaggerTrainer {
    pub(crate) fn new(
        classes: Vec<(Upos, Xpos)>,
        train: &[TagExample],
        bits: u32,
        clusters: Arc<Clusters>,
    ) -> TaggerTrainer {
        let dict = build_dict(train, classes.len());
        let sure = build_sure(train, classes.len());
        let model = SparseTrainer::new(classes.len(), bits);
        TaggerTrainer {
            classes,
            dict,
            sure,
            model,
            clusters,
        }
    }

    /// One pass over `train` in a seeded random order; returns training accuracy.
    pub(crate) fn epoch(&mut self, train: &[TagExample], rng: &mut Rng) -> f64 {
        let mut order: Vec<usize> = (0..train.len()).collect();
        rng.shuffle(&mut order);
        let mut scores = vec![0i64; self.classes.len()];
        let mut feats = [0u64; N_FEATS];
        let nf = n_feats(&self.clusters);
        let (mut amb, mut fixed) = (Vec::new(), Vec::new());
        let mut pred: Vec<u16> = Vec::new();
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let s = &train[si];
            lookup(&self.dict, &self.sure, &s.lex, &mut amb, &mut fixed);
            pred.clear();
            for (i, (&g, &f)) in s.gold.iter().zip(&fixed).enumerate() {
                let g = usize::from(g);
                let p = if f != UNSURE {
                    usize::from(f)
                } else {
                    let (p1, p2) = prev_tags(&pred, i);
                    features(&s.lex, &amb, i, p1, p2, &mut feats);
                    let feats = &feats[..nf];
                    self.model.score(feats, &mut scores);
                    let p = argmax(&scores);
                    self.model.update(feats, g, p);
                    self.model.tick();
                    p
                };
                right += usize::from(p == g);
                total += 1;
                pred.push(p as u16);
            }
        }
        right as f64 / total.max(1) as f64
    }

    /// The averaged, compressed tagger as it stands.
    pub(crate) fn snapshot(&self, c: Compression) -> Tagger {
        Tagger {
            classes: self.classes.clone(),
            dict: self.dict.clone(),
            sure: self.sure.clone(),
            weights: self.model.compress(c),
            second: None,
            clusters: self.clusters.clone(),
        }
    }
}

/// Training state of the second tagging pass, on top of a trained first pass.
pub(crate) struct SecondPassTrainer {
    first: Tagger,
    model: SparseTrainer,
}

impl SecondPassTrainer {
    pub(crate) fn new(first: Tagger, bits: u32) -> SecondPassTrainer {
        let model = SparseTrainer::new(first.classes.len(), bits);
        SecondPassTrainer { first, model }
    }

    /// One pass over `train`, whose first-pass tags are `right` (jackknifed, so that they
    /// are as wrong as at test time).
    pub(crate) fn epoch(&mut self, train: &[TagExample], right: &[Vec<u16>], rng: &mut Rng) {
        let mut order: Vec<usize> = (0..train.len()).collect();
        rng.shuffle(&mut order);
        let mut scores = vec![0i64; self.first.classes.len()];
        let mut feats = [0u64; N_FEATS2];
        let nf = n_feats(&self.first.clusters);
        let (mut amb, mut fixed) = (Vec::new(), Vec::new());
        let mut pred: Vec<u16> = Vec::new();
        for &si in &order {
            let (s, r) = (&train[si], &right[si]);
            lookup(
                &self.first.dict,
                &self.first.sure,
                &s.lex,
                &mut amb,
                &mut fixed,
            );
            pred.clear();
            for (i, (&g, &f)) in s.gold.iter().zip(&fixed).enumerate() {
                if f != UNSURE {
                    pred.push(f);
                    continue;
                }
                let (p1, p2) = prev_tags(&pred, i);
                let n = features2(&s.lex, &amb, i, p1, p2, r, nf, &mut feats);
                let feats = &feats[..n];
                self.model.score(feats, &mut scores);
                let p = argmax(&scores);
                self.model.update(feats, usize::from(g), p);
                self.model.tick();
                pred.push(p as u16);
            }
        }
    }

    pub(crate) fn snapshot(&self, c: Compression) -> Tagger {
        Tagger {
            second: Some(self.model.compress(c)),
            ..self.first.clone()
        }
    }
}
