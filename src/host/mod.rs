//! Host names as the rules read them, without the `url` and `idna` crates: UTS #46 processing
//! ([`uts46`], as `idna` 1.1.0 does it, over packed tables generated from the same ICU4X data by
//! `tools/idna-tables`), Punycode ([`punycode`]) and the parts of the URL Standard's parser the
//! domain and LinkedIn rules read ([`http_url`], as `url` 2.5 parses). `url` and `idna` stay
//! dev-dependencies: the tests hold this module to them (and to `icu_normalizer`'s UTS #46
//! mapper and `icu_properties`) on every code point, on Unicode's IdnaTestV2.txt and on
//! generated hosts and URLs (`tests.rs`).

pub(crate) mod http_url;
pub(crate) mod punycode;
mod tables;
pub(crate) mod uts46;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

/// Whether `f` holds for every byte of `s`: `s.bytes().all(f)` without stopping at the first
/// byte for which it fails, a loop the compiler can run on several bytes at a time (the rules'
/// fast paths ask this of whole hosts, paths and queries, which nearly always pass).
pub(crate) fn every_byte(s: &str, f: impl Fn(u8) -> bool) -> bool {
    s.bytes().fold(true, |ok, b| ok & f(b))
}

#[cfg(test)]
mod every_byte_tests {
    /// `every_byte` is `bytes().all` on generated strings and predicates.
    #[test]
    fn every_byte_is_all() {
        let pieces = ["a", "Z", "-", "/", "?", "\\", "@", " ", "\r", "é", "%"];
        let predicates: [fn(u8) -> bool; 3] = [
            |b| b.is_ascii_graphic(),
            |b| b.is_ascii_alphanumeric() || b == b'-',
            |b| b != b'\r' && b != b'\n',
        ];
        let mut rng = crate::test_rng::XorShift(0x3C6E_F372_FE94_F82B);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..rng.below(6) {
                s.push_str(rng.pick::<&str>(&pieces));
            }
            for f in predicates {
                assert_eq!(super::every_byte(&s, f), s.bytes().all(f), "{s:?}");
            }
        }
    }
}
