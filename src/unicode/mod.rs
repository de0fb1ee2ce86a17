//! Unicode algorithms the rules need, on our own packed tables instead of ICU4X's (for the size
//! of the WebAssembly build), held to ICU4X by the tests.
//!
//! - [`nfc`]: Normalization Form C, its quick check and the canonical combining class
//!   (`nfc.bin`, generated from `icu_normalizer` by `tools/nfc-data`).

//! - [`trim`]: [`str::trim`] with a shortcut for the common value that needs none.

mod nfc;

pub(crate) use nfc::{canonical_combining_class, is_nfc, nfc};

/// [`str::trim`] (Unicode white space at both ends), without the character-by-character
/// search when both ends are printable ASCII, which is no white space: nothing is trimmed.
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    if b.first().is_some_and(u8::is_ascii_graphic) && b.last().is_some_and(u8::is_ascii_graphic) {
        return s;
    }
    s.trim()
}

#[cfg(test)]
mod tests {
    /// The shortcut of `trim` is `str::trim` on generated strings.
    #[test]
    fn trim_is_str_trim() {
        let pieces = [
            "a", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1c}", "\u{85}", "\u{a0}", "\u{2028}",
            "\u{3000}", "\u{7f}", "é", "~", "\0",
        ];
        let mut rng = crate::test_rng::XorShift(0x5DEE_CE66_D1CE_4E5B);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..rng.below(5) {
                s.push_str(rng.pick::<&str>(&pieces));
            }
            assert_eq!(super::trim(&s), s.trim(), "{s:?}");
        }
    }
}
