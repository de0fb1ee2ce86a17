//! The shared vectors in a browser: `wasm-pack test --headless --chrome -- --no-default-features`
//! runs this file in Chromium through the WebAssembly bindings (`src/wasm.rs`), with the same
//! runner as the native test (`tests/support/vector_runner.rs`).
#![cfg(target_arch = "wasm32")]

#[path = "support/vector_runner.rs"]
mod vector_runner;

use contact_rules::wasm::{normalize_field_json, validate_json};
use serde_json::{Map, Value};
use vector_runner::{brief, check, parse_files, Got};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every file of tests/vectors (a native test checks that none is missing here).
const FILES: &[(&str, &str)] = &[
    ("contact", include_str!("vectors/contact.json")),
    ("domain", include_str!("vectors/domain.json")),
    ("email", include_str!("vectors/email.json")),
    ("linkedin", include_str!("vectors/linkedin.json")),
    ("phone", include_str!("vectors/phone.json")),
    ("regressions", include_str!("vectors/regressions.json")),
    ("text", include_str!("vectors/text.json")),
];

/// Vector options are the Rust options (snake_case); the bindings take the JavaScript
/// (camelCase) names.
fn camel(options: &Value) -> Value {
    match options {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| {
                    let mut out = String::new();
                    let mut up = false;
                    for c in k.chars() {
                        if c == '_' {
                            up = true;
                        } else if up {
                            out.extend(c.to_uppercase());
                            up = false;
                        } else {
                            out.push(c);
                        }
                    }
                    (out, camel(v))
                })
                .collect::<Map<_, _>>(),
        ),
        other => other.clone(),
    }
}

#[wasm_bindgen_test]
fn shared_vectors_in_the_browser() {
    let files: Vec<(String, String)> = FILES
        .iter()
        .map(|(s, t)| (s.to_string(), t.to_string()))
        .collect();
    let cases = parse_files(&files);
    let failures = check(&cases, |input, text, options| {
        let options = options.map(|o| camel(o).to_string()).unwrap_or_default();
        let payload = match (input, text) {
            (Some(v), _) => v.to_string(),
            (None, Some(t)) => t.to_string(),
            (None, None) => unreachable!("the runner passes one of them"),
        };
        let out: Value = serde_json::from_str(&validate_json(&payload, &options))
            .expect("the bindings return JSON");
        assert!(out.get("misuse").is_none(), "misuse: {out}");
        Got {
            value: out.get("value").cloned(),
            errors: brief(&out["errors"]),
            warnings: brief(&out["warnings"]),
        }
    });
    assert!(
        failures.is_empty(),
        "{} of {} vector cases failed in the browser:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn field_bindings_in_the_browser() {
    let out: Value = serde_json::from_str(&normalize_field_json(
        "uuid",
        "{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}",
        "",
    ))
    .expect("JSON");
    assert_eq!(out["value"], "6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    let misuse: Value = serde_json::from_str(&normalize_field_json("zip", "x", "")).expect("JSON");
    assert!(misuse["misuse"].is_string());
    let bad_options: Value =
        serde_json::from_str(&validate_json("{}", "{\"default_region\": \"US\"}")).expect("JSON");
    assert!(bad_options["misuse"].is_string());
}

/// The bindings keep the options text they last read (src/wasm.rs, `options_from_json`): calls
/// that alternate options texts, one of them refused, each get the answer of their own text.
#[wasm_bindgen_test]
fn each_call_reads_its_own_options() {
    let payload = r#"{"email":"jane@acme.com","phone_number":"(415) 555-2671"}"#;
    let phone = |options: &str| -> Value {
        let out: Value = serde_json::from_str(&validate_json(payload, options)).expect("JSON");
        match out.get("misuse") {
            Some(m) => Value::String(format!("misuse: {}", m.as_str().unwrap_or_default())),
            None => out["value"]["phone_number"].clone(),
        }
    };
    let us = r#"{"defaultRegion":"US"}"#;
    let refused = r#"{"defaultRegion":"XX"}"#;
    for _ in 0..2 {
        assert_eq!(phone(us), Value::from("+14155552671"));
        assert_eq!(phone(us), Value::from("+14155552671"));
        assert!(phone(refused)
            .as_str()
            .is_some_and(|m| m.starts_with("misuse: ")));
        assert!(phone(refused)
            .as_str()
            .is_some_and(|m| m.starts_with("misuse: ")));
        // No region: a national number is refused, so the payload is (its value is null).
        assert_eq!(phone(""), Value::Null);
        assert_eq!(phone(us), Value::from("+14155552671"));
        assert_eq!(phone("{}"), Value::Null);
    }
}
