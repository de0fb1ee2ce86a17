//! Generates `src/host/uts46.bin`, the packed UTS #46 mapping and IDNA property tables of
//! contact-rules' host parsing (`src/host/`), from the ICU4X data the `idna` crate uses.
//!
//! ```text
//! cargo run --release --manifest-path tools/idna-tables/Cargo.toml            # write the file
//! cargo run --release --manifest-path tools/idna-tables/Cargo.toml -- --check # compare only
//! ```
//!
//! The format is described in `generate.rs`, which contact-rules' freshness test includes and
//! runs too (`src/host/tests.rs`), so the committed file cannot go stale.

mod generate;

#[path = "../../common/write_or_check.rs"]
mod write_or_check;

use std::path::Path;

fn main() {
    let out_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src/host/uts46.bin");
    write_or_check::write_or_check(&out_path, &generate::generate());
}
