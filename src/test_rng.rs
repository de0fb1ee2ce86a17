//! The unit tests' random numbers: a xorshift generator, without a dependency and
//! reproducible from its seed (test builds only).

// The wasm32 test build leaves out the native-only tests that draw with `below`, `chance` and
// `pick` (the phone engines' equivalence, the PSL comparison).
#![cfg_attr(target_arch = "wasm32", allow(dead_code))]

/// Marsaglia's xorshift64 (13, 7, 17). The seed must not be 0.
pub(crate) struct XorShift(pub(crate) u64);

impl XorShift {
    /// The next number.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// One item of a non-empty slice.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
