//! Unicode algorithms the rules need, on our own packed tables instead of ICU4X's (for the size
//! of the WebAssembly build), held to ICU4X by the tests.
//!
//! - [`nfc`]: Normalization Form C, its quick check and the canonical combining class
//!   (`nfc.bin`, generated from `icu_normalizer` by `tools/nfc-data`).

mod nfc;

pub(crate) use nfc::{canonical_combining_class, is_nfc, nfc};
