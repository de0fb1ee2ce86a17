//! The shared-vector runner, used by the native test (`tests/vectors.rs`) and the browser test
//! (`tests/wasm.rs`), so both judge the same cases in the same way.
//!
//! A case is `{name, input | input_text, options?, output | errors, warnings?, text_only?,
//! source?}`: `output` is the
//! exact normalized payload (compared as JSON text, so key order counts) and must validate to
//! itself again; `errors` the exact list of `{path, code}` in order; `warnings` the exact list
//! of warnings (none when left out). `text_only` marks JSON text that a JavaScript value cannot
//! hold (invalid JSON, numbers beyond f64): the Node runner skips those, saying why.

use serde_json::{json, Value};

/// What one validation produced, reduced to what vectors assert.
pub struct Got {
    /// The normalized payload, when valid.
    pub value: Option<Value>,
    /// `[{path, code}]` of the errors.
    pub errors: Value,
    /// `[{path, code}]` of the warnings.
    pub warnings: Value,
}

/// Reduces an issue list (`[{path, code, ...}]`) to `[{path, code}]`.
pub fn brief(issues: &Value) -> Value {
    issues
        .as_array()
        .map(|l| {
            l.iter()
                .map(|i| json!({"path": i["path"], "code": i["code"]}))
                .collect()
        })
        .unwrap_or_else(|| json!([]))
}

/// Parses vector files (`(file stem, text)`) into `(file stem, case)` pairs.
pub fn parse_files(files: &[(String, String)]) -> Vec<(String, Value)> {
    let mut cases = Vec::new();
    for (stem, text) in files {
        let list: Vec<Value> = serde_json::from_str(text)
            .unwrap_or_else(|e| panic!("{stem}.json: not a JSON array of cases: {e}"));
        cases.extend(list.into_iter().map(|c| (stem.clone(), c)));
    }
    cases
}

/// Runs every case; `run(input, input_text, options)` validates one payload (`input` as a JSON
/// value or `input_text` as JSON text). Returns one message per failing case.
pub fn check(
    cases: &[(String, Value)],
    run: impl Fn(Option<&Value>, Option<&str>, Option<&Value>) -> Got,
) -> Vec<String> {
    let mut failures = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for (file, case) in cases {
        let name = case["name"].as_str().unwrap_or("(no name)");
        let mut problems = Vec::new();
        if !names.insert(format!("{file}: {name}")) {
            problems.push("duplicate case name".to_string());
        }
        let options = case.get("options");
        let got = match (case.get("input"), case.get("input_text")) {
            (Some(input), None) => run(Some(input), None, options),
            (None, Some(Value::String(text))) => run(None, Some(text), options),
            _ => {
                failures.push(format!(
                    "{file}: {name}: needs exactly one of input, input_text"
                ));
                continue;
            }
        };
        match (case.get("output"), case.get("errors")) {
            (Some(want), None) => {
                let got_text = got.value.as_ref().map(Value::to_string);
                if got_text.as_deref() != Some(want.to_string().as_str()) {
                    problems.push(format!("value: want {want}, got {got_text:?}"));
                }
                if got.errors != json!([]) {
                    problems.push(format!("unexpected errors {}", got.errors));
                }
                if let Some(v) = &got.value {
                    let again = run(Some(v), None, options).value.map(|a| a.to_string());
                    if again.as_deref() != Some(v.to_string().as_str()) {
                        problems.push(format!("not idempotent: {v} -> {again:?}"));
                    }
                }
            }
            (None, Some(errors)) => {
                let want = brief(errors);
                if got.errors != want {
                    problems.push(format!("errors: want {want}, got {}", got.errors));
                }
                if got.value.is_some() {
                    problems.push("a value despite errors".into());
                }
            }
            _ => problems.push("needs exactly one of output, errors".into()),
        }
        let want_w = brief(case.get("warnings").unwrap_or(&json!([])));
        if got.warnings != want_w {
            problems.push(format!("warnings: want {want_w}, got {}", got.warnings));
        }
        if !problems.is_empty() {
            failures.push(format!("{file}: {name}:\n    {}", problems.join("\n    ")));
        }
    }
    failures
}
