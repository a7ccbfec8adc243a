//! Averaged perceptron: integer training weights and compact quantized inference tables.
//!
//! Training keeps, per feature, a sparse list of `(class, w, u)` with integer updates, so the
//! averaged weights `w - u / c` are exactly reproducible. `Trainer::compress` turns them
//! into [`Weights`]: 32-bit folded feature keys in an open-addressing table, pruned of
//! near-zero weights and quantized to `i16`, scored without allocation.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::bin::{Reader, Writer};
use crate::hash;
use crate::Error;

/// A hasher for keys that are already well-mixed 64-bit values.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash::bytes(bytes);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = hash::avalanche(u64::from(v));
    }
}

/// A `HashMap` keyed by pre-mixed ids.
pub(crate) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u16,
    w: i32,
    u: i64,
}

/// Training-time weights of a multi-class averaged perceptron.
#[derive(Clone, Debug)]
pub(crate) struct Trainer {
    n_classes: usize,
    map: IdMap<u64, Vec<Entry>>,
    /// Examples seen + 1 (the averaging clock).
    clock: i64,
}

/// How to compress trained weights.
#[derive(Clone, Copy, Debug)]
pub struct Compression {
    /// Drop averaged weights whose magnitude is below this (in perceptron update units).
    pub prune: f64,
}

impl Default for Compression {
    fn default() -> Compression {
        Compression { prune: 1.0 }
    }
}

impl Trainer {
    pub(crate) fn new(n_classes: usize) -> Trainer {
        Trainer {
            n_classes,
            map: IdMap::default(),
            clock: 1,
        }
    }

    /// Raw (non-averaged) scores: used while training.
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i64]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for f in feats {
            if let Some(row) = self.map.get(f) {
                for e in row {
                    scores[e.class as usize] += i64::from(e.w);
                }
            }
        }
    }

    /// Advance the averaging clock by one example.
    pub(crate) fn tick(&mut self) {
        self.clock += 1;
    }

    /// Reward `gold`, penalise `pred` on every feature.
    pub(crate) fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        let c = self.clock;
        for &f in feats {
            let row = self.map.entry(f).or_default();
            for (class, delta) in [(gold, 1i32), (pred, -1i32)] {
                match row.iter_mut().find(|e| e.class as usize == class) {
                    Some(e) => {
                        e.w += delta;
                        e.u += c * i64::from(delta);
                    }
                    None => row.push(Entry {
                        class: class as u16,
                        w: delta,
                        u: c * i64::from(delta),
                    }),
                }
            }
        }
    }

    /// Averaged, pruned and quantized inference weights.
    pub(crate) fn compress(&self, opts: Compression) -> Weights {
        let c = self.clock as f64;
        // Fold keys to 32 bits (summing the rare collisions) and average.
        let mut folded: IdMap<u32, Vec<(u16, f64)>> = IdMap::default();
        let mut max_abs: f64 = 0.0;
        for (&k, row) in &self.map {
            for e in row {
                let avg = f64::from(e.w) - e.u as f64 / c;
                if avg.abs() < opts.prune {
                    continue;
                }
                let r = folded.entry(hash::fold32(k)).or_default();
                match r.iter_mut().find(|(cl, _)| *cl == e.class) {
                    Some((_, v)) => *v += avg,
                    None => r.push((e.class, avg)),
                }
            }
        }
        for r in folded.values() {
            for &(_, v) in r {
                max_abs = max_abs.max(v.abs());
            }
        }
        // Quantize in steps of a quarter of the pruning threshold, unless that would overflow
        // i16: small integers encode in one or two varint bytes.
        let step = if opts.prune > 0.0 {
            opts.prune / 4.0
        } else {
            0.01
        };
        let fit = if max_abs > 0.0 {
            32000.0 / max_abs
        } else {
            1.0 / step
        };
        let scale = (1.0 / step).min(fit);
        let mut rows: Vec<(u32, Vec<(u8, i16)>)> = folded
            .into_iter()
            .map(|(k, r)| {
                let mut q: Vec<(u8, i16)> = r
                    .into_iter()
                    .map(|(cl, v)| (cl as u8, (v * scale).round() as i16))
                    .filter(|&(_, v)| v != 0)
                    .collect();
                q.sort_unstable();
                (k, q)
            })
            .filter(|(_, q)| !q.is_empty())
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        Weights::from_rows(self.n_classes, scale as f32, &rows)
    }
}

/// Inference weights: a compact open-addressing table from folded feature keys to sparse
/// rows of `i16` class weights.
#[derive(Clone, Debug)]
pub struct Weights {
    n_classes: usize,
    scale: f32,
    mask: usize,
    /// `key << 32 | start << 8 | len`; key 0 marks an empty slot.
    slots: Vec<u64>,
    /// `weight << 16 | class`.
    entries: Vec<u32>,
    n_rows: usize,
}

impl Weights {
    fn from_rows(n_classes: usize, scale: f32, rows: &[(u32, Vec<(u8, i16)>)]) -> Weights {
        let keys: Vec<u32> = rows.iter().map(|r| r.0).collect();
        let lens: Vec<u8> = rows.iter().map(|r| r.1.len() as u8).collect();
        let entries = rows
            .iter()
            .flat_map(|r| {
                r.1.iter()
                    .map(|&(cl, v)| (u32::from(v as u16) << 16) | u32::from(cl))
            })
            .collect();
        Weights::from_parts(n_classes, scale, &keys, &lens, entries)
    }

    /// Build the table from distinct keys, their row lengths and the rows' entries in order.
    fn from_parts(
        n_classes: usize,
        scale: f32,
        keys: &[u32],
        lens: &[u8],
        entries: Vec<u32>,
    ) -> Weights {
        let cap = (keys.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![0u64; cap];
        let mut start = 0u64;
        for (&k, &len) in keys.iter().zip(lens) {
            let mut i = slot_of(k) & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (u64::from(k) << 32) | (start << 8) | u64::from(len);
            start += u64::from(len);
        }
        Weights {
            n_classes,
            scale,
            mask,
            slots,
            entries,
            n_rows: keys.len(),
        }
    }

    /// Number of classes scored.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features kept.
    pub fn n_features(&self) -> usize {
        self.n_rows
    }

    /// Number of non-zero weights kept.
    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// Where the row of `key` is in `entries`: `(start, len)`, `(0, 0)` when absent.
    #[inline]
    fn find(&self, key: u32) -> (usize, usize) {
        let mut i = slot_of(key) & self.mask;
        loop {
            let s = self.slots[i];
            if (s >> 32) as u32 == key {
                return (((s >> 8) & 0xFF_FFFF) as usize, (s & 0xFF) as usize);
            }
            if s == 0 {
                return (0, 0);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Add the weights of `feats` to `scores` (one slot per class, `len >= n_classes`).
    ///
    /// All rows are located first and read second, so that the table's cache misses
    /// overlap instead of queueing behind each other.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        let mut rows = [(0usize, 0usize); 128];
        for chunk in feats.chunks(rows.len()) {
            for (r, &f) in rows.iter_mut().zip(chunk) {
                *r = self.find(hash::fold32(f));
            }
            for &(start, len) in &rows[..chunk.len()] {
                for &e in self.entries.get(start..start + len).unwrap_or(&[]) {
                    if let Some(s) = scores.get_mut((e & 0xFF) as usize) {
                        *s += (e as i32) >> 16;
                    }
                }
            }
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        let mut rows: Vec<(u32, &[u32])> = self
            .slots
            .iter()
            .filter(|&&s| s != 0)
            .map(|&s| {
                let start = ((s >> 8) & 0xFF_FFFF) as usize;
                let len = (s & 0xFF) as usize;
                ((s >> 32) as u32, &self.entries[start..start + len])
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        w.varint(self.n_classes as u64);
        w.f32(self.scale);
        w.varint(rows.len() as u64);
        let mut prev = 0u32;
        for (k, _) in &rows {
            w.varint(u64::from(k - prev));
            prev = *k;
        }
        for (_, r) in &rows {
            w.u8(r.len() as u8);
        }
        for (_, r) in &rows {
            let mut pc = 0u32;
            for &e in *r {
                let cl = e & 0xFF;
                w.u8((cl - pc) as u8);
                pc = cl;
            }
        }
        for (_, r) in &rows {
            for &e in *r {
                w.zigzag(i64::from((e as i32) >> 16));
            }
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Weights, Error> {
        let n_classes = r.len(255, "class count")?;
        let scale = r.f32()?;
        let n = r.len(1 << 24, "feature count")?;
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u64;
        for _ in 0..n {
            prev += r.varint()?;
            if prev > u64::from(u32::MAX) || (prev == 0) {
                return Err(r.err("bad feature key"));
            }
            keys.push(prev as u32);
        }
        let lens = r.take(n)?.to_vec();
        let total: usize = lens.iter().map(|&l| l as usize).sum();
        if total >= 1 << 24 {
            return Err(r.err("too many weights"));
        }
        let mut entries = Vec::with_capacity(total);
        for &len in &lens {
            let mut c = 0u32;
            for _ in 0..len {
                c += u32::from(r.u8()?);
                if c as usize >= n_classes {
                    return Err(r.err("class out of range"));
                }
                entries.push(c);
            }
        }
        for e in entries.iter_mut() {
            let v = r.zigzag()?;
            let v = i16::try_from(v).map_err(|_| r.err("weight out of range"))?;
            *e |= u32::from(v as u16) << 16;
        }
        Ok(Weights::from_parts(n_classes, scale, &keys, &lens, entries))
    }
}

#[inline]
fn slot_of(key: u32) -> usize {
    (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_roundtrips() {
        let mut t = Trainer::new(3);
        let data = [(vec![1u64, 10], 0usize), (vec![2, 10], 1), (vec![3, 10], 2)];
        let mut s = vec![0i64; 3];
        for _ in 0..5 {
            for (f, g) in &data {
                t.score(f, &mut s);
                let p = (0..3)
                    .max_by_key(|&i| (s[i], std::cmp::Reverse(i)))
                    .unwrap_or(0);
                t.update(f, *g, p);
                t.tick();
            }
        }
        let w = t.compress(Compression { prune: 0.01 });
        let mut buf = Writer::default();
        w.write(&mut buf);
        let mut r = Reader::new(&buf.buf, "t");
        let w2 = Weights::read(&mut r).expect("reads back");
        for (f, g) in &data {
            let mut sc = [0i32; 3];
            w2.score(f, &mut sc);
            let p = (0..3).max_by_key(|&i| sc[i]).unwrap_or(9);
            assert_eq!(p, *g);
            let mut sc1 = [0i32; 3];
            w.score(f, &mut sc1);
            assert_eq!(sc, sc1);
        }
    }
}
