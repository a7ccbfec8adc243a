//! Arc-hybrid parser configurations: stack, buffer position, arcs built so far with the
//! child and label summaries that features read, and the dynamic oracle's action costs.

use super::{LEFT, NO, NO_LABEL, N_ACTIONS, RIGHT, SHIFT};

/// A parser configuration plus the arcs built so far.
#[derive(Default)]
pub(crate) struct State {
    pub(super) n: u32,
    stack: Vec<u32>,
    b: u32,
    /// Head of each token (`NO` while it has none).
    pub head: Vec<u32>,
    /// Label of each token's arc (`NO_LABEL` while it has none).
    pub label: Vec<u8>,
    /// Leftmost and second leftmost left child, rightmost and second rightmost right child.
    pub(super) lm: Vec<u32>,
    pub(super) lm2: Vec<u32>,
    pub(super) rm: Vec<u32>,
    pub(super) rm2: Vec<u32>,
    /// Numbers of left and right children.
    pub(super) nl: Vec<u16>,
    pub(super) nr: Vec<u16>,
    /// Labels of the left and right children, as bit sets.
    pub(super) lset: Vec<u64>,
    pub(super) rset: Vec<u64>,
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

    /// The `k`-th stack item from the top (`NO` if none).
    pub(super) fn s(&self, k: usize) -> u32 {
        let l = self.stack.len();
        if k < l {
            self.stack[l - 1 - k]
        } else {
            NO
        }
    }

    /// The `k`-th buffer item (`NO` if none).
    pub(super) fn bq(&self, k: u32) -> u32 {
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
    pub(super) fn costs(&self, gold: &[u32], out: &mut [u32; N_ACTIONS]) {
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
