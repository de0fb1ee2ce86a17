//! Host names as the rules read them, without the `idna` crate: UTS #46 processing ([`uts46`],
//! as `idna` 1.1.0 does it, over packed tables generated from the same ICU4X data by
//! `tools/idna-tables`) and Punycode ([`punycode`]). `idna` stays a dev-dependency: the tests
//! hold this module to it (and to `icu_normalizer`'s UTS #46 mapper and `icu_properties`) on
//! every code point, on Unicode's IdnaTestV2.txt and on generated hosts (`tests.rs`).

pub(crate) mod punycode;
mod tables;
pub(crate) mod uts46;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
