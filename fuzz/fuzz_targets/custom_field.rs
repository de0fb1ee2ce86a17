//! A custom field: byte 0 is the key's length n, the next n bytes the key, the rest the value
//! (parsed as JSON when it is JSON, else taken as a string). The key and the value normalize to
//! themselves again.
#![no_main]
use contact_rules::{custom_field, Limits, Options};
use contact_rules_fuzz::check_issue;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let n = usize::from(n).min(rest.len());
    let (key, value) = rest.split_at(n);
    if let Ok(key) = std::str::from_utf8(key) {
        match custom_field::normalize_key(key) {
            Some(Ok(norm)) => assert_eq!(
                custom_field::normalize_key(&norm),
                Some(Ok(norm.clone())),
                "key {key:?}"
            ),
            Some(Err(e)) => check_issue(&e),
            None => {}
        }
    }
    let Ok(text) = std::str::from_utf8(value) else {
        return;
    };
    let value = serde_json::from_str::<Value>(text).unwrap_or_else(|_| Value::String(text.into()));
    for options in [
        Options::default(),
        Options {
            limits: Limits {
                custom_field_max_chars: 8,
                ..Limits::default()
            },
            ..Options::default()
        },
    ] {
        match custom_field::normalize_value(&value, &options) {
            Ok(v) => {
                let again = custom_field::normalize_value(&v, &options);
                assert_eq!(
                    again.as_ref().ok(),
                    Some(&v),
                    "value {value} -> {v} -> {again:?}"
                );
                // The value as it would be written and read again (JSON text).
                let reread: Value = serde_json::from_str(&v.to_string()).expect("JSON");
                assert_eq!(reread, v, "value {v} changes through JSON text");
            }
            Err(e) => check_issue(&e),
        }
    }
});
