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

use std::path::Path;

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let out_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src/host/uts46.bin");
    let bytes = generate::generate();
    if check {
        let old = std::fs::read(&out_path).unwrap_or_default();
        if old != bytes {
            eprintln!(
                "{} is stale: run this tool without --check",
                out_path.display()
            );
            std::process::exit(1);
        }
        println!(
            "{} is up to date ({} bytes)",
            out_path.display(),
            bytes.len()
        );
    } else {
        std::fs::write(&out_path, &bytes).expect("write uts46.bin");
        println!("wrote {} ({} bytes)", out_path.display(), bytes.len());
    }
}
