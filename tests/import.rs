//! The import vectors (`tests/import/*.json`): CSV text, the command line's flags, and the
//! result of each row, run through the built `contact-rules check`. The Node test of the
//! package (`js/test/import.test.mjs`) runs the same files through the package's import API.
//!
//! A case is `{name, csv, args, results: [{output} | {errors: [{path, code}]}], source?}`:
//! `output` is the exact normalized payload (key order counts), `errors` the exact list of
//! `{path, code}`; warnings are not compared.
#![cfg(feature = "cli")]

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

fn cases() -> Vec<(String, Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/import exists")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let list: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
        out.extend(list.into_iter().map(|c| (stem.clone(), c)));
    }
    out
}

#[test]
fn import_vectors_through_the_command_line() {
    let mut failures = Vec::new();
    for (file, case) in cases() {
        let name = case["name"].as_str().unwrap_or("(no name)");
        let mut args = vec![
            "check".to_owned(),
            "--input".into(),
            "csv".into(),
            "--jobs".into(),
            "1".into(),
        ];
        args.extend(
            case["args"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|v| v.as_str().unwrap().to_owned())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default(),
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_contact-rules"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(case["csv"].as_str().unwrap().as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let got: Vec<Value> = stdout
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                if v["ok"] == true {
                    json!({"output": v["value"]})
                } else {
                    let errors: Vec<Value> = v["errors"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|i| json!({"path": i["path"], "code": i["code"]}))
                        .collect();
                    json!({"errors": errors})
                }
            })
            .collect();
        let want = case["results"].as_array().cloned().unwrap_or_default();
        // Compared as text, so that key order counts.
        let (got, want) = (
            serde_json::to_string(&got).unwrap(),
            serde_json::to_string(&want).unwrap(),
        );
        if got != want {
            failures.push(format!(
                "{file}: {name}:\n  want {want}\n  got  {got}\n  stderr {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The exports of tests/fixtures/exports/ (written by its generate.py in the layouts, encodings
/// and delimiters the tools write) go through `check` with no mapping flag, giving the results
/// and the mapping report kept in expected/ (the Node test compares the package with the same).
#[test]
fn export_fixtures_map_with_no_flag() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports");
    let manifest: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    assert!(manifest.len() >= 8);
    for case in manifest {
        let file = case["file"].as_str().unwrap();
        let mut args = vec!["check", "--jobs", "1"];
        args.extend(
            case["args"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap()),
        );
        assert!(
            args.iter()
                .all(|a| !a.starts_with("--map") && !a.starts_with("--columns")),
            "{file}: fixtures map with no flag"
        );
        let out = Command::new(env!("CARGO_BIN_EXE_contact-rules"))
            .args(&args)
            .arg(file)
            .current_dir(&dir)
            .output()
            .unwrap();
        let want_out =
            std::fs::read_to_string(dir.join(format!("expected/{file}.ndjson"))).unwrap();
        let want_err =
            std::fs::read_to_string(dir.join(format!("expected/{file}.stderr"))).unwrap();
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            want_out,
            "{file}: results"
        );
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            want_err,
            "{file}: mapping report"
        );
        assert_eq!(
            want_out.lines().count(),
            8,
            "{file}: one result per generated person"
        );
        assert!(!want_err.contains("error:"), "{file}: {want_err}");
    }
}
