//! The end of every table generator under tools/ (`#[path]`-included by each): write the
//! generated file, or with `--check` only compare it with the committed one and fail if stale.

use std::path::Path;

/// Writes `bytes` to `out_path`, or, when the command line has `--check`, exits with status 1
/// if the file there differs from `bytes`.
pub fn write_or_check(out_path: &Path, bytes: &[u8]) {
    let check = std::env::args().any(|a| a == "--check");
    if check {
        let old = std::fs::read(out_path).unwrap_or_default();
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
        if let Some(dir) = out_path.parent() {
            std::fs::create_dir_all(dir).expect("create the output folder");
        }
        std::fs::write(out_path, bytes).expect("write the generated file");
        println!("wrote {} ({} bytes)", out_path.display(), bytes.len());
    }
}
