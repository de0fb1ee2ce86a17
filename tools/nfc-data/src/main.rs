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

use std::path::Path;

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let out_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src/unicode/nfc.bin");
    let bytes = derive::packed();
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
        std::fs::create_dir_all(out_path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&out_path, &bytes).expect("write nfc.bin");
        println!("wrote {} ({} bytes)", out_path.display(), bytes.len());
    }
}
