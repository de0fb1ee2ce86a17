//! Runs the shared test vectors (`tests/vectors/*.json`) against the native API.
//!
//! The same files run in Chromium (`tests/wasm.rs`, `wasm-pack test`) and in Node (the tests of
//! the built package, `js/test/vectors.test.mjs`). The runner is `tests/support/vector_runner.rs`.

#[path = "support/vector_runner.rs"]
mod vector_runner;

use contact_rules::{validate_contact, validate_contact_str, Code, Options};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use vector_runner::{brief, check, parse_files, Got};

fn vector_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files in {}", dir.display());
    files
        .iter()
        .map(|f| {
            let stem = f
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (
                stem,
                std::fs::read_to_string(f).expect("vector file is UTF-8"),
            )
        })
        .collect()
}

#[test]
fn shared_vectors() {
    let cases = parse_files(&vector_files());
    let failures = check(&cases, |input, text, options| {
        let options: Options = options
            .map(|o| serde_json::from_value(o.clone()).expect("vector options are valid"))
            .unwrap_or_default();
        let out = match (input, text) {
            (Some(v), _) => validate_contact(v, &options),
            (None, Some(t)) => validate_contact_str(t, &options),
            (None, None) => unreachable!("the runner passes one of them"),
        };
        Got {
            value: out
                .value
                .map(|c| serde_json::to_value(c).expect("a contact serializes")),
            errors: brief(&serde_json::to_value(&out.errors).expect("issues serialize")),
            warnings: brief(&serde_json::to_value(&out.warnings).expect("issues serialize")),
        }
    });
    assert!(
        failures.is_empty(),
        "{} of {} vector cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn vectors_cover_every_code() {
    let mut seen = BTreeSet::new();
    for (_, case) in parse_files(&vector_files()) {
        for key in ["errors", "warnings"] {
            if let Some(list) = case.get(key).and_then(Value::as_array) {
                for i in list {
                    seen.insert(i["code"].as_str().unwrap_or_default().to_owned());
                }
            }
        }
    }
    // The codes only a file's import gives (row_invalid) are covered by the import vectors,
    // which run through the command line (tests/import.rs) and the package in Node.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import");
    for entry in std::fs::read_dir(&dir).expect("tests/import exists") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let cases: Vec<Value> =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("readable"))
                    .expect("a JSON array of cases");
            for case in cases {
                for result in case["results"].as_array().into_iter().flatten() {
                    for i in result["errors"].as_array().into_iter().flatten() {
                        seen.insert(i["code"].as_str().unwrap_or_default().to_owned());
                    }
                }
            }
        }
    }
    let missing: Vec<_> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !seen.contains(*c))
        .collect();
    assert!(missing.is_empty(), "codes without a vector: {missing:?}");
}

/// The browser runner embeds the vector files by name: every file must be listed there.
#[test]
fn browser_runner_lists_every_vector_file() {
    let wasm_test =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wasm.rs"))
            .expect("tests/wasm.rs exists");
    for (stem, _) in vector_files() {
        let include = format!("include_str!(\"vectors/{stem}.json\")");
        assert!(
            wasm_test.contains(&include),
            "tests/wasm.rs does not include vectors/{stem}.json"
        );
    }
}
