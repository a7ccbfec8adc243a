//! Sparse rows for perceptrons with many classes (tags, arc labels): a table row lists only
//! the classes it has weights for, found through a compact index.
//!
//! Rows that have weights for many classes (the bias, the previous tag, common suffixes: the
//! features read most often) are stored dense as well, so that adding them is a short
//! vectorized loop instead of one scattered add per entry.

use super::table::{Probe, RowTable};
use super::{average, row_of, Compression};
use crate::bin::{Reader, Writer};
use crate::Error;

#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u16,
    w: i32,
    u: i64,
}

/// Training-time weights: per table row, a short list of `(class, w, u)`.
#[derive(Clone, Debug)]
pub(crate) struct SparseTrainer {
    bits: u32,
    n_classes: usize,
    rows: Vec<Vec<Entry>>,
    /// Examples seen + 1 (the averaging clock).
    clock: i64,
}

impl SparseTrainer {
    pub(crate) fn new(n_classes: usize, bits: u32) -> SparseTrainer {
        assert!(n_classes <= 256 && (8..=28).contains(&bits));
        SparseTrainer {
            bits,
            n_classes,
            rows: vec![Vec::new(); 1 << bits],
            clock: 1,
        }
    }

    /// Raw (non-averaged) scores (`scores.len() >= n_classes`), used while training.
    pub(crate) fn score(&self, keys: &[u64], scores: &mut [i64]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for &k in keys {
            for e in &self.rows[row_of(k, self.bits)] {
                scores[e.class as usize] += i64::from(e.w);
            }
        }
    }

    /// Advance the averaging clock by one example.
    pub(crate) fn tick(&mut self) {
        self.clock += 1;
    }

    /// Reward `gold`, penalise `pred` on every feature.
    pub(crate) fn update(&mut self, keys: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        let c = self.clock;
        for &k in keys {
            let row = &mut self.rows[row_of(k, self.bits)];
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
    pub(crate) fn compress(&self, opts: Compression) -> SparseWeights {
        let avg = |e: &Entry| average(e.w, e.u, self.clock);
        let max_abs = self
            .rows
            .iter()
            .flatten()
            .map(|e| avg(e).abs())
            .filter(|a| *a >= opts.prune)
            .fold(0.0, f64::max);
        let scale = opts.scale(max_abs);
        let mut index = Vec::new();
        let mut entries = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            let mut q: Vec<(u16, i16)> = row
                .iter()
                .filter(|e| avg(e).abs() >= opts.prune)
                .map(|e| (e.class, (avg(e) * scale).round() as i16))
                .filter(|&(_, v)| v != 0)
                .collect();
            q.sort_unstable();
            if !q.is_empty() {
                index.push((i as u32, pack(entries.len(), q.len())));
                entries.extend(q.iter().map(|&(c, v)| entry(c, v)));
            }
        }
        SparseWeights::new(self.bits, self.n_classes, scale as f32, index, entries)
    }
}

/// What a `SparseWeights::lookup` payload holds, in its top bits: up to two entries inline
/// (most rows: their weights come with the lookup, no second memory access), a span of
/// `entries`, or a dense row.
const KIND_SHIFT: u32 = 46;
const INLINE: u64 = 0;
const SPAN: u64 = 1;
const DENSE: u64 = 2;
/// An inline entry: class in 7 bits, weight in 16.
const INLINE_BITS: u32 = 23;
const INLINE_MAX_CLASSES: usize = 128;

#[inline]
fn add_inline(e: u64, scores: &mut [i32]) {
    if let Some(s) = scores.get_mut((e & 0x7F) as usize) {
        *s += i32::from((e >> 7) as u16 as i16);
    }
}

#[inline]
fn pack(start: usize, len: usize) -> u32 {
    ((start as u32) << 8) | len as u32
}

#[inline]
fn entry(class: u16, v: i16) -> u32 {
    (u32::from(v as u16) << 16) | u32::from(class)
}

/// Inference weights: `2^bits` rows, each `(start << 8 | len)` into a list of
/// `weight << 16 | class` entries; long rows also dense.
#[derive(Clone, Debug)]
pub struct SparseWeights {
    bits: u32,
    n_classes: usize,
    scale: f32,
    /// Non-empty rows in increasing order: `(row, start << 8 | len)`.
    index: Vec<(u32, u32)>,
    entries: Vec<u32>,
    /// What scoring reads for each non-empty row: its entries inline, its `index` span, or
    /// the number of its dense row (see `KIND_SHIFT`).
    lookup: RowTable,
    /// Dense rows of `width` weights each.
    dense: Vec<i16>,
    width: usize,
}

/// Features scored per batch: all rows of a batch are located before any is read, so that
/// their cache misses overlap.
const BATCH: usize = 64;

impl SparseWeights {
    fn new(
        bits: u32,
        n_classes: usize,
        scale: f32,
        index: Vec<(u32, u32)>,
        entries: Vec<u32>,
    ) -> SparseWeights {
        let width = n_classes.next_multiple_of(16);
        let mut lookup = Vec::new();
        let mut dense = Vec::new();
        for &(i, p) in &index {
            let (start, len) = ((p >> 8) as usize, (p & 0xFF) as usize);
            let row = entries.get(start..start + len).unwrap_or(&[]);
            if len <= 2 && n_classes <= INLINE_MAX_CLASSES {
                let inline = row.iter().enumerate().fold(0u64, |acc, (k, &e)| {
                    let e = u64::from(e & 0x7F) | u64::from(e >> 16) << 7;
                    acc | e << (INLINE_BITS * k as u32)
                });
                lookup.push((i, INLINE << KIND_SHIFT | inline));
                continue;
            }
            if len * 4 < width {
                lookup.push((i, SPAN << KIND_SHIFT | u64::from(p)));
                continue;
            }
            let n = dense.len() / width;
            dense.resize(dense.len() + width, 0);
            let row = &mut dense[n * width..];
            for &e in entries.get(start..start + len).unwrap_or(&[]) {
                if let Some(w) = row.get_mut((e & 0xFFFF) as usize) {
                    *w = (e >> 16) as u16 as i16;
                }
            }
            lookup.push((i, DENSE << KIND_SHIFT | n as u64));
        }
        let lookup = RowTable::build(bits, &lookup);
        SparseWeights {
            bits,
            n_classes,
            scale,
            index,
            entries,
            lookup,
            dense,
            width,
        }
    }

    /// Number of classes scored.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of non-empty rows.
    pub fn n_features(&self) -> usize {
        self.index.len()
    }

    /// Stored weight units per perceptron update.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of non-zero weights.
    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// Bytes of the lookup structures in memory.
    pub fn memory(&self) -> usize {
        self.lookup.bytes() + self.entries.len() * 4 + self.dense.len() * 2
    }

    /// Classes rounded up to a multiple of 16: the length `score` wants.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Add the weights of `keys` to `scores` (`scores.len() == width()`).
    ///
    /// In three sweeps over each batch of features: locate the rows, then look up their
    /// payloads and touch the entries they point to, then add. Each sweep issues all its
    /// memory reads before the next needs them, so that their cache misses overlap.
    #[inline]
    pub fn score(&self, keys: &[u64], scores: &mut [i32]) {
        let mut probes = [Probe::default(); BATCH];
        let mut payloads = [0u64; BATCH];
        for chunk in keys.chunks(BATCH) {
            for (p, &k) in probes.iter_mut().zip(chunk) {
                *p = self.lookup.start(row_of(k, self.bits));
            }
            let mut touched = 0u32;
            for (pl, &p) in payloads.iter_mut().zip(&probes[..chunk.len()]) {
                *pl = self.lookup.get_at(p);
                let at = match *pl >> KIND_SHIFT {
                    SPAN => Some((&self.entries, (*pl as u32 >> 8) as usize)),
                    _ => None,
                };
                if let Some((v, i)) = at {
                    touched ^= v.get(i).copied().unwrap_or(0);
                }
            }
            std::hint::black_box(touched);
            for &p in &payloads[..chunk.len()] {
                let kind = p >> KIND_SHIFT;
                if kind == INLINE {
                    // An absent row reads as two zero entries: it adds nothing.
                    add_inline(p, scores);
                    add_inline(p >> INLINE_BITS, scores);
                    continue;
                }
                let p = p as u32;
                if kind == DENSE {
                    let d = p as usize * self.width;
                    if let Some(row) = self.dense.get(d..d + self.width) {
                        // Fixed-width chunks, so that the loop compiles to vector adds.
                        for (s, w) in scores.chunks_exact_mut(16).zip(row.chunks_exact(16)) {
                            for (s, &w) in s.iter_mut().zip(w) {
                                *s += i32::from(w);
                            }
                        }
                    }
                    continue;
                }
                let (start, len) = ((p >> 8) as usize, (p & 0xFF) as usize);
                for &e in self.entries.get(start..start + len).unwrap_or(&[]) {
                    if let Some(s) = scores.get_mut((e & 0xFFFF) as usize) {
                        *s += (e as i32) >> 16;
                    }
                }
            }
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u8(self.bits as u8);
        w.varint(self.n_classes as u64);
        w.f32(self.scale);
        let used = &self.index;
        w.varint(used.len() as u64);
        w.coded(|w| {
            let mut prev = 0u32;
            for &(i, _) in used {
                w.varint(u64::from(i - prev));
                prev = i;
            }
        });
        let row = |p: u32| {
            let (start, len) = ((p >> 8) as usize, (p & 0xFF) as usize);
            &self.entries[start..start + len]
        };
        w.coded(|w| {
            for &(_, p) in used {
                w.u8((p & 0xFF) as u8);
            }
        });
        w.coded(|w| {
            for &(_, p) in used {
                let mut pc = 0u32;
                for &e in row(p) {
                    let c = e & 0xFFFF;
                    w.varint(u64::from(c - pc));
                    pc = c;
                }
            }
        });
        w.coded(|w| {
            for &(_, p) in used {
                for &e in row(p) {
                    w.zigzag(i64::from((e as i32) >> 16));
                }
            }
        });
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<SparseWeights, Error> {
        let bits = u32::from(r.u8()?);
        if !(8..=28).contains(&bits) {
            return Err(r.err("bad table size"));
        }
        let n_classes = r.len(256, "class count")?;
        let scale = r.f32()?;
        let at = super::read_row_ids(r, bits)?;
        let n = at.len();
        let lens = r.coded()?;
        if lens.len() != n {
            return Err(r.err("row lengths do not match the rows"));
        }
        let total: usize = lens.iter().map(|&l| usize::from(l)).sum();
        if total >= 1 << 24 {
            return Err(r.err("too many weights"));
        }
        let mut index = Vec::with_capacity(n);
        let mut classes = Vec::with_capacity(total);
        let block = r.coded()?;
        let mut cr = r.sub(&block);
        for (&i, &len) in at.iter().zip(&lens) {
            if len == 0 {
                return Err(r.err("empty row"));
            }
            index.push((i, pack(classes.len(), usize::from(len))));
            let mut c = 0u64;
            for k in 0..len {
                let d = cr.varint()?;
                if k > 0 && d == 0 {
                    return Err(cr.err("classes not increasing"));
                }
                c += d;
                if c >= n_classes as u64 {
                    return Err(cr.err("class out of range"));
                }
                classes.push(c as u16);
            }
        }
        cr.expect_end()?;
        let block = r.coded()?;
        let mut wr = r.sub(&block);
        let mut entries = Vec::with_capacity(total);
        for c in classes {
            let v = i16::try_from(wr.zigzag()?).map_err(|_| wr.err("weight out of range"))?;
            entries.push(entry(c, v));
        }
        wr.expect_end()?;
        Ok(SparseWeights::new(bits, n_classes, scale, index, entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::argmax;

    #[test]
    fn learns_and_roundtrips() {
        let mut t = SparseTrainer::new(3, 10);
        let data = [
            (vec![1u64 << 60, 10 << 54], 0usize),
            (vec![2 << 60, 10 << 54], 1),
            (vec![3 << 60, 10 << 54], 2),
        ];
        let mut s = vec![0i64; 3];
        for _ in 0..5 {
            for (f, g) in &data {
                t.score(f, &mut s);
                let p = argmax(&s);
                t.update(f, *g, p);
                t.tick();
            }
        }
        let w = t.compress(Compression { prune: 0.01 });
        let mut buf = Writer::default();
        w.write(&mut buf);
        let mut r = Reader::new(&buf.buf, "t");
        let w2 = SparseWeights::read(&mut r).expect("reads back");
        for (f, g) in &data {
            let mut sc = [0i32; 3];
            w2.score(f, &mut sc);
            assert_eq!(argmax(&sc), *g);
            let mut sc1 = [0i32; 3];
            w.score(f, &mut sc1);
            assert_eq!(sc, sc1);
        }
    }
}
