//! The hostile payload corpus (SPEC.md §5), shared by the command line's test
//! (`tests/hostile.rs`) and the server's (`server/tests/http.rs`, over HTTP): non-object JSON,
//! 100,000-deep nesting, 5 and 20 MB strings, 5,000 tags, 2,000 custom fields, invalid UTF-8,
//! lone surrogate escapes, CRLF, `__proto__` and `constructor` keys, numbers out of range,
//! control and bidi characters, each with what the rules must answer.
//!
//! Include it with `#[path = "support/hostile_corpus.rs"] mod hostile_corpus;`.

// Each including target uses a different part of it.
#![allow(dead_code)]

use serde_json::{json, Value};

pub const MIB: usize = 1 << 20;
pub const EMAIL: &str = "\"email\":\"jane@acme.com\"";

/// What one record must give: `Ok`, or exactly these `(path, code)` errors in order.
#[derive(Debug, Clone)]
pub enum Want {
    Ok,
    Errors(Vec<(Value, &'static str)>),
}

pub fn err(path: Value, code: &'static str) -> Want {
    Want::Errors(vec![(path, code)])
}

/// One hostile record: a name, a recipe for its bytes (made when it is written, so big ones do
/// not all sit in memory at once), whether it is one balanced JSON value (so it can also be an
/// element of a `--input json` array), and what it must give.
pub struct Case {
    pub name: &'static str,
    pub bytes: Box<dyn Fn() -> Vec<u8> + Send + Sync>,
    pub balanced: bool,
    pub want: Want,
}

pub fn case(
    name: &'static str,
    balanced: bool,
    want: Want,
    bytes: impl Fn() -> Vec<u8> + Send + Sync + 'static,
) -> Case {
    Case {
        name,
        bytes: Box::new(bytes),
        balanced,
        want,
    }
}

pub fn uuid(i: usize) -> String {
    format!("{i:08x}-0000-4000-8000-000000000000")
}

/// `{"email":"jane@acme.com", <rest>}`.
pub fn with_email(rest: &str) -> Vec<u8> {
    format!("{{{EMAIL},{rest}}}").into_bytes()
}

pub fn corpus() -> Vec<Case> {
    let root = || json!([]);
    vec![
        // Not an object.
        case("array", true, err(root(), "object_type"), || {
            b"[1,2,3]".to_vec()
        }),
        case("string", true, err(root(), "object_type"), || {
            b"\"jane@acme.com\"".to_vec()
        }),
        case("number", true, err(root(), "object_type"), || {
            b"42".to_vec()
        }),
        case("null", true, err(root(), "object_type"), || {
            b"null".to_vec()
        }),
        case("boolean", true, err(root(), "object_type"), || {
            b"true".to_vec()
        }),
        case(
            "empty object",
            true,
            err(root(), "email_or_linkedin_required"),
            || b"{}".to_vec(),
        ),
        // Deep nesting: 100,000 levels (serde_json stops at 128: invalid_json, no stack overflow).
        case(
            "100,000 nested arrays",
            true,
            err(root(), "invalid_json"),
            || {
                let mut v = vec![b'['; 100_000];
                v.extend(vec![b']'; 100_000]);
                v
            },
        ),
        case(
            "100,000 nested objects in a payload",
            true,
            err(root(), "invalid_json"),
            || {
                let mut v = format!("{{{EMAIL},\"x\":").into_bytes();
                for _ in 0..100_000 {
                    v.extend_from_slice(b"{\"a\":");
                }
                v.push(b'1');
                v.extend(vec![b'}'; 100_001]);
                v
            },
        ),
        case(
            "100,000 unclosed arrays",
            false,
            err(root(), "invalid_json"),
            || vec![b'['; 100_000],
        ),
        case(
            "nesting within serde_json's limit",
            true,
            err(
                json!(["custom_field_00000001-0000-4000-8000-000000000000"]),
                "custom_field_type",
            ),
            || {
                let deep = format!("{}1{}", "[".repeat(100), "]".repeat(100));
                with_email(&format!("\"custom_field_{}\":{deep}", uuid(1)))
            },
        ),
        // Huge strings: over the 1 MiB record limit, reported without keeping their bytes.
        case("5 MB title", true, err(root(), "payload_too_large"), || {
            with_email(&format!("\"title\":\"{}\"", "x".repeat(5 * MIB)))
        }),
        case(
            "20 MB title",
            true,
            err(root(), "payload_too_large"),
            || with_email(&format!("\"title\":\"{}\"", "é".repeat(10 * MIB))),
        ),
        case(
            "20 MB of bare letters",
            false,
            err(root(), "payload_too_large"),
            || vec![b'a'; 20 * MIB],
        ),
        // More than the memory bound in one line: only its first 1 MiB + 1 byte is kept.
        case(
            "150 MB string",
            true,
            err(root(), "payload_too_large"),
            || with_email(&format!("\"title\":\"{}\"", "z".repeat(150 * MIB))),
        ),
        // Under the record limit but over the field's: the rule's own error.
        case(
            "1,000,000-character title",
            true,
            Want::Errors(vec![(json!(["title"]), "string_too_long")]),
            || with_email(&format!("\"title\":\"{}\"", "x".repeat(1_000_000))),
        ),
        case(
            "900 KB key",
            true,
            err(json!(["k".repeat(900_000)]), "extra_forbidden"),
            || with_email(&format!("\"{}\":1", "k".repeat(900_000))),
        ),
        // Many items.
        case(
            "5,000 tags",
            true,
            err(json!(["tags"]), "payload_too_large"),
            || {
                let tags: Vec<String> = (0..5000).map(uuid).collect();
                with_email(&format!("\"tags\":{}", json!(tags)))
            },
        ),
        case("1,000 tags (the limit)", true, Want::Ok, || {
            let tags: Vec<String> = (0..1000).map(uuid).collect();
            with_email(&format!("\"tags\":{}", json!(tags)))
        }),
        case(
            "2,000 custom fields",
            true,
            err(root(), "payload_too_large"),
            || {
                let fields: Vec<String> = (0..2000)
                    .map(|i| format!("\"custom_field_{}\":{i}", uuid(i)))
                    .collect();
                with_email(&fields.join(","))
            },
        ),
        case("1,000 keys (the limit)", true, Want::Ok, || {
            let fields: Vec<String> = (0..999)
                .map(|i| format!("\"custom_field_{}\":\"v{i}\"", uuid(i)))
                .collect();
            with_email(&fields.join(","))
        }),
        // Not UTF-8, not Unicode.
        case(
            "invalid UTF-8 byte",
            true,
            err(root(), "invalid_json"),
            || b"{\"email\":\"jane@acme.com\",\"title\":\"B\xe9a \xff\xfe\"}".to_vec(),
        ),
        case(
            "truncated UTF-8 sequence",
            true,
            err(root(), "invalid_json"),
            || b"{\"email\":\"jane@acme.com\",\"title\":\"\xe2\x82\"}".to_vec(),
        ),
        case(
            "overlong UTF-8 encoding",
            true,
            err(root(), "invalid_json"),
            || b"{\"email\":\"jane@acme.com\",\"title\":\"\xc0\xaf\"}".to_vec(),
        ),
        case(
            "UTF-16 surrogate encoded in UTF-8",
            true,
            err(root(), "invalid_json"),
            || b"{\"email\":\"jane@acme.com\",\"title\":\"\xed\xa0\x80\"}".to_vec(),
        ),
        case(
            "lone high surrogate escape",
            true,
            err(root(), "invalid_json"),
            || with_email("\"first_name\":\"Ja\\ud800ne\""),
        ),
        case(
            "lone low surrogate escape",
            true,
            err(root(), "invalid_json"),
            || with_email("\"first_name\":\"\\udc00\""),
        ),
        case(
            "reversed surrogate pair",
            true,
            err(root(), "invalid_json"),
            || with_email("\"first_name\":\"\\ude00\\ud83d\""),
        ),
        case("surrogate pair escape (an emoji)", true, Want::Ok, || {
            with_email("\"first_name\":\"\\ud83d\\ude00\"")
        }),
        case("NUL byte", false, err(root(), "invalid_json"), || {
            b"\0".to_vec()
        }),
        case(
            "raw tab inside a string",
            true,
            err(root(), "invalid_json"),
            || with_email("\"title\":\"a\tb\""),
        ),
        // Line ends.
        case("escaped CRLF inside a name", true, Want::Ok, || {
            with_email("\"first_name\":\"Jane\\r\\nMarie\"")
        }),
        case(
            "two payloads joined by a bare CR",
            false,
            err(root(), "invalid_json"),
            || format!("{{{EMAIL}}}\r{{{EMAIL}}}").into_bytes(),
        ),
        case(
            "trailing garbage",
            false,
            err(root(), "invalid_json"),
            || format!("{{{EMAIL}}} x").into_bytes(),
        ),
        // Keys that mean something to JavaScript.
        case(
            "__proto__ and constructor keys",
            true,
            Want::Errors(vec![
                (json!(["__proto__"]), "extra_forbidden"),
                (json!(["constructor"]), "extra_forbidden"),
            ]),
            || {
                with_email("\"__proto__\":{\"polluted\":1},\"constructor\":{\"prototype\":{\"polluted\":1}}")
            },
        ),
        case(
            "__proto__ holding the payload",
            true,
            Want::Errors(vec![
                (json!(["__proto__"]), "extra_forbidden"),
                (json!([]), "email_or_linkedin_required"),
            ]),
            || format!("{{\"__proto__\":{{{EMAIL}}}}}").into_bytes(),
        ),
        // Numbers: kept as written (arbitrary precision); not finite as a double is an error.
        case(
            "custom field 1e400",
            true,
            err(
                json!([format!("custom_field_{}", uuid(1))]),
                "custom_field_type",
            ),
            || with_email(&format!("\"custom_field_{}\":1e400", uuid(1))),
        ),
        case(
            "custom field -1e400",
            true,
            err(
                json!([format!("custom_field_{}", uuid(1))]),
                "custom_field_type",
            ),
            || with_email(&format!("\"custom_field_{}\":-1e400", uuid(1))),
        ),
        case(
            "do_not_contact 1e400",
            true,
            err(json!(["do_not_contact"]), "bool_parsing"),
            || with_email("\"do_not_contact\":1e400"),
        ),
        case(
            "do_not_contact 2",
            true,
            err(json!(["do_not_contact"]), "bool_parsing"),
            || with_email("\"do_not_contact\":2"),
        ),
        case(
            "number where a string belongs",
            true,
            err(json!(["phone_number"]), "string_type"),
            || with_email("\"phone_number\":14155552671"),
        ),
        case(
            "a 100,000-digit number",
            true,
            err(
                json!([format!("custom_field_{}", uuid(1))]),
                "custom_field_type",
            ),
            || {
                with_email(&format!(
                    "\"custom_field_{}\":{}",
                    uuid(1),
                    "9".repeat(100_000)
                ))
            },
        ),
        // Control and bidi characters.
        case(
            "BEL in a name",
            true,
            err(json!(["first_name"]), "control_characters"),
            || with_email("\"first_name\":\"Ja\\u0007ne\""),
        ),
        case(
            "NUL escape in a title",
            true,
            err(json!(["title"]), "control_characters"),
            || with_email("\"title\":\"\\u0000\""),
        ),
        case(
            "right-to-left override",
            true,
            err(json!(["last_name"]), "control_characters"),
            || with_email("\"last_name\":\"\u{202e}evil\""),
        ),
        case(
            "bidi isolate",
            true,
            err(json!(["location"]), "control_characters"),
            || with_email("\"location\":\"Paris\u{2066}\""),
        ),
        case(
            "zero-width space in a custom field",
            true,
            err(
                json!([format!("custom_field_{}", uuid(1))]),
                "control_characters",
            ),
            || with_email(&format!("\"custom_field_{}\":\"a\u{200b}b\"", uuid(1))),
        ),
        case("zero-width joiner (allowed)", true, Want::Ok, || {
            with_email("\"first_name\":\"\u{915}\u{94d}\u{200d}\u{937}\"")
        }),
        case(
            "C1 control in an email",
            true,
            err(json!(["email"]), "email_invalid"),
            || b"{\"email\":\"jane\\u0085@acme.com\"}".to_vec(),
        ),
        case("last record", true, Want::Ok, || {
            format!("{{{EMAIL}}}").into_bytes()
        }),
    ]
}
