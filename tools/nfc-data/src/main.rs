//! Generates `src/unicode/nfc.bin`, the packed NFC tables of contact-rules (`src/unicode/nfc.rs`),
//! from ICU4X's `icu_normalizer` (the version contact-rules' Cargo.lock pins; Unicode 18.0).
//!
//! ```text
//! cargo run --release --manifest-path tools/nfc-data/Cargo.toml            # write the file
//! cargo run --release --manifest-path tools/nfc-data/Cargo.toml -- --check # compare only
//! ```
//!
//! The derivation itself is `derive.rs`, which contact-rules' tests include and run again, so the
//! committed file cannot differ from what ICU4X says.

mod derive;

#[path = "../../common/write_or_check.rs"]
mod write_or_check;

use std::path::Path;

fn main() {
    let out_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src/unicode/nfc.bin");
    write_or_check::write_or_check(&out_path, &derive::packed());
}
