//! Averaged perceptrons over hashed features: integer training weights and compact
//! quantized inference tables.
//!
//! A feature is a well-mixed 64-bit key; its top `bits` bits pick a row of a table of
//! `2^bits` rows ("feature hashing"). Training and inference use the same rows, so the model
//! learns around the rare collisions and no key is stored or compared: scoring a feature is
//! one memory access (dense rows, [`DenseWeights`]) or two (sparse rows, [`SparseWeights`]).
//!
//! Training keeps integer weights `w` and the running sums `u` of `clock × update`, so the
//! averaged weights `w - u / clock` are exact and reproducible. [`Compression`] prunes
//! near-zero averaged weights and quantizes the rest to `i16` steps.

mod dense;
mod sparse;
mod table;

pub use dense::DenseWeights;
pub(crate) use dense::{DenseTrainer, ROW};
pub(crate) use sparse::SparseTrainer;
pub use sparse::SparseWeights;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::hash;

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

/// How to compress trained weights.
#[derive(Clone, Copy, Debug)]
pub struct Compression {
    /// Drop averaged weights whose magnitude is below this (in perceptron update units).
    pub prune: f64,
}

impl Default for Compression {
    fn default() -> Compression {
        Compression { prune: 2.0 }
    }
}

impl Compression {
    /// Quantization scale (stored value = averaged weight × scale) for weights up to
    /// `max_abs`: steps of half the pruning threshold, unless that would overflow `i16`.
    /// Small integers encode in one or two varint bytes; a finer step made no measurable
    /// difference to accuracy.
    fn scale(&self, max_abs: f64) -> f64 {
        let step = if self.prune > 0.0 {
            self.prune / 2.0
        } else {
            0.01
        };
        let fit = if max_abs > 0.0 {
            32000.0 / max_abs
        } else {
            1.0 / step
        };
        (1.0 / step).min(fit)
    }
}

/// The row of a feature key in a table of `2^bits` rows.
#[inline]
pub(crate) fn row_of(key: u64, bits: u32) -> usize {
    (key >> (64 - bits)) as usize
}

/// Index of the largest score (first on ties).
#[inline]
pub(crate) fn argmax<T: Copy + PartialOrd>(s: &[T]) -> usize {
    let mut best = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[best] {
            best = i;
        }
    }
    best
}

/// The averaged weight of a trained entry.
#[inline]
fn average(w: i32, u: i64, clock: i64) -> f64 {
    f64::from(w) - u as f64 / clock as f64
}

/// Read a row count and the delta-coded, strictly increasing row numbers of a table of
/// `2^bits` rows (the layout both weight kinds write).
pub(crate) fn read_row_ids(
    r: &mut crate::bin::Reader<'_>,
    bits: u32,
) -> Result<Vec<u32>, crate::Error> {
    let n = r.len(1 << bits, "row count")?;
    let mut ids = Vec::with_capacity(n);
    let mut prev = 0u64;
    let block = r.coded()?;
    let mut kr = r.sub(&block);
    for i in 0..n {
        let d = kr.varint()?;
        if i > 0 && d == 0 {
            return Err(r.err("row indices not increasing"));
        }
        prev += d;
        if prev >= 1 << bits {
            return Err(r.err("row index out of range"));
        }
        ids.push(prev as u32);
    }
    kr.expect_end()?;
    Ok(ids)
}
