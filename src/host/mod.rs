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
