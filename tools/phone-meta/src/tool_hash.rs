//! The fingerprint of the phone-meta tool's sources, written into `metadata.bin` by the tool and
//! recomputed by contact-rules' freshness test (`src/phone/equivalence.rs` includes this file),
//! so that the two can never compute it differently.

use std::path::{Path, PathBuf};

/// FNV-1a (64 bits, lower-case hex) of the tool's sources: Cargo.toml, Cargo.lock and src/*.rs
/// in name order, each as its file name, a 0 byte, its text with LF line ends, a 0 byte.
pub fn tool_hash(tool: &Path) -> String {
    let mut files: Vec<PathBuf> = vec![tool.join("Cargo.toml"), tool.join("Cargo.lock")];
    let mut src: Vec<PathBuf> = std::fs::read_dir(tool.join("src"))
        .expect("tools/phone-meta/src")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    src.sort();
    files.extend(src);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        let name = f.file_name().expect("name").to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&f)
            .expect("read source")
            .replace("\r\n", "\n");
        for b in name.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
