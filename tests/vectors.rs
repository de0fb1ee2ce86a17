//! Runs the shared test vectors (`tests/vectors/*.json`) against the native API.
//!
//! The same files are run by `wasm-pack test` in Chromium and by the Node tests of `pkg/`.
//! A case is `{name, input | input_text, options?, output | errors, warnings?}`: `output` is
//! the exact normalized payload (the case must be valid), `errors` the exact list of
//! `{path, code}` (in order), and `warnings` the exact list of warnings (none when left out).

use contact_rules::{validate_contact, validate_contact_str, Code, Issue, Options};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

fn load() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files in {}", dir.display());
    let mut cases = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("vector file is UTF-8");
        let list: Vec<Value> = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not a JSON array of cases: {e}", f.display()));
        let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
        for c in list {
            cases.push((stem.clone(), c));
        }
    }
    cases
}

fn brief(issues: &[Issue]) -> Value {
    issues
        .iter()
        .map(|i| json!({"path": i.path, "code": i.code}))
        .collect()
}

fn expected_issues(case: &Value, key: &str) -> Value {
    let list = case.get(key).cloned().unwrap_or(json!([]));
    list.as_array()
        .expect("issue list is an array")
        .iter()
        .map(|i| json!({"path": i["path"], "code": i["code"]}))
        .collect()
}

#[test]
fn shared_vectors() {
    let cases = load();
    let mut failures = Vec::new();
    let mut names = BTreeSet::new();
    for (file, case) in &cases {
        let name = case["name"].as_str().expect("every case has a name");
        assert!(names.insert(format!("{file}: {name}")), "duplicate case name {file}: {name}");
        let options: Options = match case.get("options") {
            Some(o) => serde_json::from_value(o.clone())
                .unwrap_or_else(|e| panic!("{file}: {name}: bad options: {e}")),
            None => Options::default(),
        };
        let out = match (case.get("input"), case.get("input_text")) {
            (Some(input), None) => validate_contact(input, &options),
            (None, Some(Value::String(text))) => validate_contact_str(text, &options),
            _ => panic!("{file}: {name}: needs exactly one of input, input_text"),
        };
        let got_value = out.value.as_ref().map(|c| serde_json::to_value(c).unwrap());
        let mut problems = Vec::new();
        match (case.get("output"), case.get("errors")) {
            (Some(want), None) => {
                // Compared as text: key order is part of the contract.
                let got = got_value.as_ref().map(Value::to_string);
                if got.as_deref() != Some(want.to_string().as_str()) {
                    problems.push(format!("value: want {want}, got {got:?}"));
                }
                if !out.errors.is_empty() {
                    problems.push(format!("unexpected errors {}", brief(&out.errors)));
                }
                // Idempotence: the output validates to itself.
                if let Some(v) = &got_value {
                    let again = validate_contact(v, &options);
                    let again_value = again.value.map(|c| serde_json::to_value(c).unwrap());
                    if again_value.as_ref().map(Value::to_string) != Some(v.to_string()) {
                        problems.push(format!("not idempotent: {v} -> {again_value:?}"));
                    }
                }
            }
            (None, Some(_)) => {
                let want = expected_issues(case, "errors");
                if brief(&out.errors) != want {
                    problems.push(format!("errors: want {want}, got {}", brief(&out.errors)));
                }
                if out.value.is_some() {
                    problems.push("a value despite errors".into());
                }
            }
            _ => panic!("{file}: {name}: needs exactly one of output, errors"),
        }
        let want_w = expected_issues(case, "warnings");
        if brief(&out.warnings) != want_w {
            problems.push(format!("warnings: want {want_w}, got {}", brief(&out.warnings)));
        }
        if !problems.is_empty() {
            failures.push(format!("{file}: {name}:\n    {}", problems.join("\n    ")));
        }
    }
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
    for (_, case) in load() {
        for key in ["errors", "warnings"] {
            if let Some(list) = case.get(key).and_then(Value::as_array) {
                for i in list {
                    seen.insert(i["code"].as_str().unwrap_or_default().to_owned());
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
