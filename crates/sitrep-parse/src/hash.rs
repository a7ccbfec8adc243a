//! Fast, fixed (seed-free) hashing of strings and feature ids.
//!
//! Feature keys are 64-bit mixes of a template number and value hashes; nothing is allocated
//! per feature. The functions are fixed so that trained models stay valid across runs and
//! machines.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Finalise a 64-bit value so that every input bit affects every output bit (splitmix64).
#[inline]
pub fn avalanche(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Combine two values into one well-mixed value (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    avalanche(a.rotate_left(23) ^ b.wrapping_mul(K) ^ K)
}

/// The key of a feature: template `t` over the values `v` (hashes or small integers).
///
/// One multiply per value and one to finish: cheap, because a parser scores ~100 features per
/// transition. Only the top bits are used (as a row number), and the final multiply makes
/// them depend on every input bit.
#[inline]
pub fn key<const N: usize>(t: u64, v: [u64; N]) -> u64 {
    let mut h = t.wrapping_mul(0xA24B_AED4_963E_E407) ^ 0x5851_F42D_4C95_7F2D;
    for x in v {
        h = (h ^ x).wrapping_mul(K).rotate_left(29);
    }
    h.wrapping_mul(0xD6E8_FEB8_6659_FD93)
}

/// Hash a byte string (FxHash-style word-at-a-time loop, then an avalanche).
#[inline]
pub fn bytes(s: &[u8]) -> u64 {
    let mut h: u64 = s.len() as u64;
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    avalanche(h)
}

/// Hash a string.
#[inline]
pub fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// Fold a 64-bit feature key to the 32-bit key stored in model files (never 0: 0 marks an
/// empty slot).
#[inline]
pub fn fold32(k: u64) -> u32 {
    let f = (k ^ (k >> 32)) as u32;
    if f == 0 {
        1
    } else {
        f
    }
}

/// A deterministic pseudo-random generator (splitmix64) for shuffling and exploration.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(K);
        avalanche(self.0)
    }

    /// A uniform number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// Shuffle a slice in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_values() {
        // Model files depend on these staying fixed.
        assert_eq!(str("the"), str("the"));
        assert_ne!(str("the"), str("The"));
        assert_ne!(mix(1, 2), mix(2, 1));
        assert_ne!(fold32(0), 0);
        let mut r = Rng::new(7);
        let a: Vec<usize> = (0..5).map(|_| r.below(10)).collect();
        let mut r = Rng::new(7);
        let b: Vec<usize> = (0..5).map(|_| r.below(10)).collect();
        assert_eq!(a, b);
        assert!(a.iter().all(|&x| x < 10));
    }
}
