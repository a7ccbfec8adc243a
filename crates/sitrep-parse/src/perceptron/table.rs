//! A compact exact map from row numbers to small payloads: ordered linear probing.
//!
//! Models are trained over large hashed tables (2^23 rows) so that features rarely collide,
//! but after pruning only a few hundred thousand rows are non-zero. Looking rows up in the
//! full table would touch a 64 MB array at random (a cache and TLB miss per feature); this
//! table holds only the non-zero rows, about 8 bytes each, and still tells an absent row
//! from a present one exactly, so that an unseen feature scores nothing.
//!
//! Row `id` has its home slot at `id >> lo_bits`. Rows are inserted in increasing order, so
//! each run of occupied slots is sorted by home and a search stops as soon as it passes the
//! home it looks for. A slot packs an occupied bit, the distance from its home slot and the
//! row's low `lo_bits` bits (together they give back the row number) above a 48-bit payload.

/// Payload bits per slot.
pub(crate) const PAYLOAD_BITS: u32 = 48;
const PAYLOAD: u64 = (1 << PAYLOAD_BITS) - 1;
const OCCUPIED: u64 = 1 << 63;
/// Bits for the low part of the row number and the distance from home, below `OCCUPIED`.
const TAG_BITS: u32 = 63 - PAYLOAD_BITS;
/// Slots `get` compares without branching.
const PROBES: usize = 4;
/// Slots per stored row at most (a load factor of at least 1 / 1.25).
const SPACE: f64 = 1.25;

/// A lookup under way: see [`RowTable::start`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Probe {
    id: usize,
    home: usize,
    first: u64,
    last: u64,
}

/// Row numbers of `id_bits` bits mapped to 48-bit payloads.
#[derive(Clone, Debug, Default)]
pub(crate) struct RowTable {
    lo_bits: u32,
    slots: Vec<u64>,
}

impl RowTable {
    /// Build from `(row, payload)` pairs with distinct rows below `2^id_bits`, in increasing
    /// row order, payloads non-zero and below `2^48`.
    pub(crate) fn build(id_bits: u32, rows: &[(u32, u64)]) -> RowTable {
        debug_assert!(rows.windows(2).all(|w| w[0].0 < w[1].0));
        let want = ((rows.len() as f64 * SPACE) as u64).max(1);
        let mut k = (64 - want.leading_zeros()).min(id_bits);
        loop {
            if let Some(t) = RowTable::try_build(id_bits, k, rows) {
                return t;
            }
            k += 1;
        }
    }

    fn try_build(id_bits: u32, k: u32, rows: &[(u32, u64)]) -> Option<RowTable> {
        let lo_bits = id_bits.saturating_sub(k);
        if lo_bits >= TAG_BITS {
            return None;
        }
        let max_disp = (1u64 << (TAG_BITS - lo_bits)) - 1;
        let mut slots = vec![0u64; 1 << k];
        let mut next = 0usize;
        for &(id, payload) in rows {
            let home = (id >> lo_bits) as usize;
            let pos = home.max(next);
            let disp = (pos - home) as u64;
            if disp > max_disp {
                return None;
            }
            if pos >= slots.len() {
                slots.resize(pos + 1, 0);
            }
            let lo = u64::from(id) & ((1 << lo_bits) - 1);
            slots[pos] = OCCUPIED
                | (disp << (PAYLOAD_BITS + lo_bits))
                | (lo << PAYLOAD_BITS)
                | (payload & PAYLOAD);
            next = pos + 1;
        }
        // Empty slots after the last run end every search and let `get` read `PROBES`
        // slots from any home.
        slots.resize(slots.len() + PROBES, 0);
        Some(RowTable { lo_bits, slots })
    }

    /// The payload of row `id`, 0 when it has none.
    #[cfg(test)]
    pub(crate) fn get(&self, id: usize) -> u64 {
        self.get_at(self.start(id))
    }

    /// Where the search for row `id` starts, with the first and last of the slots `get_at`
    /// reads. Calling this for a batch of rows before `get_at` on each lets their cache
    /// misses overlap: the loop here is short, so the processor runs far ahead in it.
    #[inline]
    pub(crate) fn start(&self, id: usize) -> Probe {
        let home = id >> self.lo_bits;
        let first = self.slots.get(home).copied().unwrap_or(0);
        let last = self.slots.get(home + PROBES - 1).copied().unwrap_or(0);
        Probe {
            id,
            home,
            first,
            last,
        }
    }

    /// The payload of the row a [`RowTable::start`] looked for, 0 when it has none.
    ///
    /// The first `PROBES` slots from home are compared without branches (a row is there
    /// unless its run is unusually long), so that lookups of present and absent rows cost
    /// the same and successive lookups overlap their cache misses.
    #[inline]
    pub(crate) fn get_at(&self, p: Probe) -> u64 {
        let lo = (p.id as u64) & ((1 << self.lo_bits) - 1);
        let want = OCCUPIED | (lo << PAYLOAD_BITS);
        let step = 1u64 << (PAYLOAD_BITS + self.lo_bits);
        let Some(mid) = self.slots.get(p.home + 1..p.home + PROBES - 1) else {
            return 0;
        };
        let mut found = if p.first & !PAYLOAD == want {
            p.first & PAYLOAD
        } else {
            0
        };
        let mut tag = want.wrapping_add(step);
        for &v in mid {
            found |= if v & !PAYLOAD == tag { v & PAYLOAD } else { 0 };
            tag = tag.wrapping_add(step);
        }
        found |= if p.last & !PAYLOAD == tag {
            p.last & PAYLOAD
        } else {
            0
        };
        // Past the probes only if the run goes on with rows of this home or earlier.
        // (`&` on booleans, not `&&`: one branch, almost never taken, instead of a branch on
        // whether the row was found, which the processor cannot predict.)
        let more = (found == 0)
            & (p.last & OCCUPIED != 0)
            & (self.home_of(p.last, p.home + PROBES - 1) <= p.home);
        if more {
            return self.get_slow(p.id, p.home + PROBES);
        }
        found
    }

    /// The home slot of the row stored in slot `pos`.
    #[inline]
    fn home_of(&self, s: u64, pos: usize) -> usize {
        let tag = (s & !OCCUPIED) >> PAYLOAD_BITS;
        pos - (tag >> self.lo_bits) as usize
    }

    #[cold]
    fn get_slow(&self, id: usize, from: usize) -> u64 {
        let home = id >> self.lo_bits;
        let lo = (id as u64) & ((1 << self.lo_bits) - 1);
        let mut pos = from;
        while let Some(&s) = self.slots.get(pos) {
            if s & OCCUPIED == 0 {
                return 0;
            }
            let s_home = self.home_of(s, pos);
            let s_lo = (s >> PAYLOAD_BITS) & ((1 << self.lo_bits) - 1);
            if s_home > home || (s_home == home && s_lo > lo) {
                return 0;
            }
            if s_home == home && s_lo == lo {
                return s & PAYLOAD;
            }
            pos += 1;
        }
        0
    }

    /// The stored `(row, payload)` pairs in increasing row order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        self.slots.iter().enumerate().filter_map(|(pos, &s)| {
            if s & OCCUPIED == 0 {
                return None;
            }
            let tag = (s & !OCCUPIED) >> PAYLOAD_BITS;
            let home = self.home_of(s, pos) as u64;
            let id = (home << self.lo_bits) | (tag & ((1 << self.lo_bits) - 1));
            Some((id as u32, s & PAYLOAD))
        })
    }

    /// Number of rows stored.
    pub(crate) fn len(&self) -> usize {
        self.slots.iter().filter(|&&s| s & OCCUPIED != 0).count()
    }

    /// Bytes of slots.
    pub(crate) fn bytes(&self) -> usize {
        self.slots.len() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::Rng;

    #[test]
    fn finds_exactly_the_rows_stored() {
        for (id_bits, n) in [(23u32, 5000usize), (12, 3000), (8, 256), (20, 1)] {
            let mut r = Rng::new(u64::from(id_bits));
            let mut ids: Vec<u32> = (0..n).map(|_| r.below(1 << id_bits) as u32).collect();
            ids.sort_unstable();
            ids.dedup();
            let rows: Vec<(u32, u64)> = ids.iter().map(|&i| (i, u64::from(i) * 7 + 1)).collect();
            let t = RowTable::build(id_bits, &rows);
            for &(i, p) in &rows {
                assert_eq!(t.get(i as usize), p);
            }
            assert_eq!(t.iter().collect::<Vec<_>>(), rows);
            let mut absent = 0;
            for q in 0..(1usize << id_bits).min(1 << 16) {
                let q = if id_bits > 16 {
                    q << (id_bits - 16) | 5
                } else {
                    q
                };
                if ids.binary_search(&(q as u32)).is_err() {
                    assert_eq!(t.get(q), 0, "row {q} is absent");
                    absent += 1;
                }
            }
            assert!(absent > 0 || n >= 1 << id_bits);
            assert_eq!(t.get(usize::MAX >> 8), 0);
        }
    }
}
