//! Dense rows for perceptrons with up to three classes (the parser's transitions): a row
//! holds all its class weights, so scoring a feature reads one 8-byte table slot.

use super::table::{Probe, RowTable};
use super::{average, row_of, Compression};
use crate::bin::{Reader, Writer};
use crate::Error;

/// Classes per dense row: three `i16` weights fill a 48-bit [`RowTable`] payload.
pub(crate) const ROW: usize = 3;

/// Training-time weights: `w` and the averaging sums `u`, one dense row per table row.
#[derive(Clone, Debug)]
pub(crate) struct DenseTrainer {
    bits: u32,
    n_classes: usize,
    w: Vec<[i32; ROW]>,
    u: Vec<[i64; ROW]>,
    /// Examples seen + 1 (the averaging clock).
    clock: i64,
}

impl DenseTrainer {
    pub(crate) fn new(n_classes: usize, bits: u32) -> DenseTrainer {
        assert!(n_classes <= ROW && (8..=28).contains(&bits));
        DenseTrainer {
            bits,
            n_classes,
            w: vec![[0; ROW]; 1 << bits],
            u: vec![[0; ROW]; 1 << bits],
            clock: 1,
        }
    }

    /// Raw (non-averaged) scores, used while training.
    pub(crate) fn score(&self, keys: &[u64], out: &mut [i64; ROW]) {
        *out = [0; ROW];
        for &k in keys {
            let r = &self.w[row_of(k, self.bits)];
            for (o, &v) in out.iter_mut().zip(r) {
                *o += i64::from(v);
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
            let r = row_of(k, self.bits);
            self.w[r][gold] += 1;
            self.u[r][gold] += c;
            self.w[r][pred] -= 1;
            self.u[r][pred] -= c;
        }
    }

    /// Averaged, pruned and quantized inference weights.
    pub(crate) fn compress(&self, opts: Compression) -> DenseWeights {
        let avg = |r: usize, c: usize| average(self.w[r][c], self.u[r][c], self.clock);
        let mut max_abs: f64 = 0.0;
        for r in 0..self.w.len() {
            for c in 0..self.n_classes {
                let a = avg(r, c).abs();
                if a >= opts.prune {
                    max_abs = max_abs.max(a);
                }
            }
        }
        let scale = opts.scale(max_abs);
        let mut rows = Vec::new();
        for r in 0..self.w.len() {
            let mut row = [0i16; ROW];
            for (c, q) in row.iter_mut().enumerate().take(self.n_classes) {
                let a = avg(r, c);
                if a.abs() >= opts.prune {
                    *q = (a * scale).round() as i16;
                }
            }
            if row != [0; ROW] {
                rows.push((r as u32, row));
            }
        }
        DenseWeights::new(self.bits, self.n_classes, scale as f32, &rows)
    }
}

/// Features located per batch before any is read (see [`RowTable::start`]).
const BATCH: usize = 128;

/// Inference weights: the non-zero rows of a `2^bits`-row table, each three quantized `i16`
/// class weights, in a compact [`RowTable`].
#[derive(Clone, Debug)]
pub struct DenseWeights {
    bits: u32,
    n_classes: usize,
    scale: f32,
    table: RowTable,
}

#[inline]
fn pack(r: &[i16; ROW]) -> u64 {
    r.iter()
        .enumerate()
        .fold(0, |p, (c, &w)| p | u64::from(w as u16) << (16 * c))
}

#[inline]
fn unpack(p: u64) -> [i16; ROW] {
    [
        p as u16 as i16,
        (p >> 16) as u16 as i16,
        (p >> 32) as u16 as i16,
    ]
}

impl DenseWeights {
    fn new(bits: u32, n_classes: usize, scale: f32, rows: &[(u32, [i16; ROW])]) -> DenseWeights {
        let packed: Vec<(u32, u64)> = rows
            .iter()
            .map(|(i, r)| (*i, pack(r)))
            .filter(|&(_, p)| p != 0)
            .collect();
        DenseWeights {
            bits,
            n_classes,
            scale,
            table: RowTable::build(bits, &packed),
        }
    }

    /// Number of classes scored.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of non-empty rows.
    pub fn n_features(&self) -> usize {
        self.table.len()
    }

    /// Number of non-zero weights.
    pub fn n_weights(&self) -> usize {
        self.rows().flat_map(|(_, r)| r).filter(|&v| v != 0).count()
    }

    /// Bytes of the lookup table in memory.
    pub fn memory(&self) -> usize {
        self.table.bytes()
    }

    fn rows(&self) -> impl Iterator<Item = (u32, [i16; ROW])> + '_ {
        self.table.iter().map(|(i, p)| (i, unpack(p)))
    }

    /// Add the rows of `keys` to `out`.
    #[inline]
    pub fn score(&self, keys: &[u64], out: &mut [i32; ROW]) {
        let mut probes = [Probe::default(); BATCH];
        for chunk in keys.chunks(BATCH) {
            for (p, &k) in probes.iter_mut().zip(chunk) {
                *p = self.table.start(row_of(k, self.bits));
            }
            for &p in &probes[..chunk.len()] {
                let r = unpack(self.table.get_at(p));
                for (o, w) in out.iter_mut().zip(r) {
                    *o += i32::from(w);
                }
            }
        }
    }

    /// Rows as: row number deltas, a byte of which classes are non-zero per row, then the
    /// non-zero weights class by class (similar values sit together).
    pub(crate) fn write(&self, w: &mut Writer) {
        let rows: Vec<(u32, [i16; ROW])> = self.rows().collect();
        w.u8(self.bits as u8);
        w.u8(self.n_classes as u8);
        w.f32(self.scale);
        w.varint(rows.len() as u64);
        w.coded(|w| {
            let mut prev = 0u32;
            for &(i, _) in &rows {
                w.varint(u64::from(i - prev));
                prev = i;
            }
        });
        w.coded(|w| {
            for (_, r) in &rows {
                let mask = r
                    .iter()
                    .enumerate()
                    .fold(0u8, |m, (c, &v)| m | u8::from(v != 0) << c);
                w.u8(mask);
            }
        });
        for c in 0..self.n_classes {
            w.coded(|w| {
                for (_, r) in rows.iter().filter(|(_, r)| r[c] != 0) {
                    w.zigzag(i64::from(r[c]));
                }
            });
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<DenseWeights, Error> {
        let bits = u32::from(r.u8()?);
        if !(8..=28).contains(&bits) {
            return Err(r.err("bad table size"));
        }
        let n_classes = usize::from(r.u8()?);
        if n_classes > ROW {
            return Err(r.err("too many classes for dense rows"));
        }
        let scale = r.f32()?;
        let mut rows: Vec<(u32, [i16; ROW])> = super::read_row_ids(r, bits)?
            .into_iter()
            .map(|id| (id, [0i16; ROW]))
            .collect();
        let n = rows.len();
        let masks = r.coded()?;
        if masks.len() != n || masks.iter().any(|&m| m == 0 || m >> n_classes != 0) {
            return Err(r.err("bad row masks"));
        }
        for c in 0..n_classes {
            let block = r.coded()?;
            let mut wr = r.sub(&block);
            for (row, &m) in rows.iter_mut().zip(&masks) {
                if m & (1 << c) != 0 {
                    let v = wr.zigzag()?;
                    row.1[c] = i16::try_from(v).map_err(|_| wr.err("weight out of range"))?;
                }
            }
            wr.expect_end()?;
        }
        Ok(DenseWeights::new(bits, n_classes, scale, &rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::argmax;

    #[test]
    fn learns_and_roundtrips() {
        let mut t = DenseTrainer::new(3, 12);
        let data = [
            (vec![1u64 << 60, 10 << 54], 0usize),
            (vec![2 << 60, 10 << 54], 1),
            (vec![3 << 60, 10 << 54], 2),
        ];
        let mut s = [0i64; ROW];
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
        let w2 = DenseWeights::read(&mut r).expect("reads back");
        for (f, g) in &data {
            let mut sc = [0i32; ROW];
            w2.score(f, &mut sc);
            assert_eq!(argmax(&sc), *g);
            let mut sc1 = [0i32; ROW];
            w.score(f, &mut sc1);
            assert_eq!(sc, sc1);
        }
        assert!(DenseWeights::read(&mut Reader::new(&buf.buf[..buf.buf.len() - 1], "t")).is_err());
    }
}
