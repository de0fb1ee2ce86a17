//! `contact_rules::json_write` (the result JSON the WebAssembly package returns, written
//! without serde) against `serde_json::to_writer` over the `Serialize` derives it replaced, in
//! UTF-8 and in ASCII (the bindings' former `AsciiFormatter`):
//! byte for byte on the shared vectors, on generated payloads under several option sets, and
//! on hostile strings (every control character, U+2028/U+2029, non-ASCII, emoji) in every
//! place a string can be written (known fields, kept unknown keys and their values, issue
//! inputs, nested custom values). The same for the issues in FastAPI's shape
//! (`write_fastapi_issues`, the command line's `--fastapi`) against serde_json over
//! `Issue::to_fastapi`.
//!
//! The generated run is `JSON_WRITE_COUNT` payloads per option set (default 20,000; the
//! commit that added the writer ran 100,000).

#[path = "support/generator.rs"]
mod generator;

use contact_rules::{
    json_write, validate_contact, validate_contact_str, Blank, Contact, DomainMode, Issue, Limits,
    Options, Outcome, Region, UnknownKeys,
};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::path::Path;

/// The result as the WebAssembly bindings serialized it before `json_write`.
#[derive(Serialize)]
struct JsResult<'a> {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a Contact>,
    errors: &'a [Issue],
    warnings: &'a [Issue],
}

fn serde_text(out: &Outcome) -> String {
    serde_json::to_string(&JsResult {
        ok: out.is_valid(),
        value: out.value.as_ref(),
        errors: &out.errors,
        warnings: &out.warnings,
    })
    .expect("a result serializes")
}

/// serde_json's compact format with every character outside ASCII as `\uXXXX` (a surrogate
/// pair above U+FFFF): the bindings' `AsciiFormatter` before `json_write` (src/wasm.rs at
/// af74a20).
struct AsciiFormatter;

impl serde_json::ser::Formatter for AsciiFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        for c in fragment.chars() {
            if c.is_ascii() {
                writer.write_all(&[c as u8])?;
            } else {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
            }
        }
        Ok(())
    }
}

fn serde_ascii(out: &Outcome) -> String {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, AsciiFormatter);
    JsResult {
        ok: out.is_valid(),
        value: out.value.as_ref(),
        errors: &out.errors,
        warnings: &out.warnings,
    }
    .serialize(&mut ser)
    .expect("a result serializes");
    String::from_utf8(buf).expect("UTF-8")
}

fn ours(out: &Outcome) -> String {
    let mut buf = Vec::new();
    json_write::write_result(out, &mut buf);
    String::from_utf8(buf).expect("json_write writes UTF-8")
}

fn ours_ascii(out: &Outcome) -> String {
    let mut buf = Vec::new();
    json_write::write_result_ascii(out, &mut buf);
    assert!(buf.is_ascii());
    String::from_utf8(buf).expect("ASCII")
}

/// Asserts both writers agree on `out`, in UTF-8 and in ASCII; `what` names the case.
fn same(out: &Outcome, what: &dyn Fn() -> String) {
    let (a, b) = (ours(out), serde_text(out));
    assert!(a == b, "{}:\n ours:  {a}\n serde: {b}", what());
    let (a, b) = (ours_ascii(out), serde_ascii(out));
    assert!(a == b, "{} (ASCII):\n ours:  {a}\n serde: {b}", what());
    for issues in [&out.errors, &out.warnings] {
        let mut buf = Vec::new();
        json_write::write_fastapi_issues(issues, &mut buf);
        let a = String::from_utf8(buf).expect("json_write writes UTF-8");
        let detail: Vec<Value> = issues.iter().map(Issue::to_fastapi).collect();
        let b = serde_json::to_string(&detail).expect("issues serialize");
        assert!(a == b, "{} (FastAPI):\n ours:  {a}\n serde: {b}", what());
        // The 422 body as the bindings' toFastApiErrorsJson writes it.
        let body = format!("{{\"detail\":{a}}}");
        let want = serde_json::to_string(&contact_rules::to_fastapi_errors(issues))
            .expect("a body serializes");
        assert!(
            body == want,
            "{} (422 body):\n ours:  {body}\n serde: {want}",
            what()
        );
    }
}

/// The option sets the payloads are written under: every option away from its default once,
/// and small limits, so that every issue with `ctx` numbers appears.
fn option_sets() -> Vec<Options> {
    let us = Options {
        default_region: Some(Region::parse(generator::REGION).expect("US is a region")),
        ..Options::default()
    };
    vec![
        Options::default(),
        us.clone(),
        generator::unusual_options(),
        Options {
            unknown_keys: UnknownKeys::Strip,
            blank: Blank::Omit,
            domain_mode: DomainMode::Host,
            ..us.clone()
        },
        Options {
            limits: Limits {
                text_max_chars: 5,
                custom_field_max_chars: 3,
                max_payload_bytes: 300,
                max_keys: 4,
                max_tags: 2,
            },
            unknown_keys: UnknownKeys::Keep,
            ..us
        },
    ]
}

#[test]
fn vectors_are_written_as_serde_json_writes_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/vectors exists") {
        let path = entry.expect("a dir entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("UTF-8");
        let cases: Vec<Value> = serde_json::from_str(&text).expect("an array of cases");
        for case in &cases {
            let mut sets = option_sets();
            if let Some(o) = case.get("options") {
                sets.push(serde_json::from_value(o.clone()).expect("vector options are valid"));
            }
            for options in &sets {
                let out = match (case.get("input"), case.get("input_text")) {
                    (Some(v), _) => validate_contact(v, options),
                    (None, Some(Value::String(t))) => validate_contact_str(t, options),
                    _ => continue,
                };
                same(&out, &|| format!("{}: {}", path.display(), case["name"]));
                n += 1;
            }
        }
    }
    assert!(n > 1_000, "only {n} vector results compared");
}

#[test]
fn generated_payloads_are_written_as_serde_json_writes_them() {
    let count: u64 = std::env::var("JSON_WRITE_COUNT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let ppm = generator::rate_ppm(0.3).expect("a rate");
    let sets = option_sets();
    let (mut valid, mut invalid) = (0u64, 0u64);
    for i in 0..count {
        let s = generator::sample(20_261_205, i, ppm);
        // Each payload under one option set, rotating (every set sees count / 5 payloads),
        // and the payload text itself under the defaults (the string entry point).
        let options = &sets[(i % sets.len() as u64) as usize];
        let out = validate_contact(&s.payload, options);
        if out.is_valid() {
            valid += 1;
        } else {
            invalid += 1;
        }
        same(&out, &|| format!("payload {i}: {}", s.payload));
        let text = serde_json::to_string(&s.payload).expect("a payload serializes");
        same(&validate_contact_str(&text, &sets[0]), &|| {
            format!("payload {i} as text: {text}")
        });
    }
    assert!(
        valid > count / 10 && invalid > count / 10,
        "{valid} valid, {invalid} invalid"
    );
}

/// Strings with every control character, the JSON escapes, U+2028/U+2029, U+007F, non-ASCII
/// of every UTF-8 length and emoji, alone and mixed with plain text.
fn hostile_strings() -> Vec<String> {
    let mut out: Vec<String> = (0u32..0x80)
        .chain([
            0x85, 0xa0, 0xad, 0x2028, 0x2029, 0xfeff, 0xfffd, 0xffff, 0x1f600, 0x10ffff,
        ])
        .filter_map(char::from_u32)
        .map(|c| format!("a{c}b"))
        .collect();
    out.push((0u32..0x20).filter_map(char::from_u32).collect());
    out.push("\"\\/\u{8}\u{c}\n\r\t\u{1}\u{1f}\u{7f}".to_string());
    out.push("Zoë 👩‍👩‍👧 \u{2028}line\u{2029} 中文 \u{200b}".to_string());
    out.push(String::new());
    out.push("\\u0041".to_string());
    // Random strings over a mix of ASCII, controls and multi-byte characters.
    let mut state = 0x2026_1205_u64;
    for _ in 0..2_000 {
        let len = (generator::splitmix64(&mut state) % 24) as usize;
        let s: String = (0..len)
            .filter_map(|_| {
                let r = generator::splitmix64(&mut state);
                char::from_u32(match r % 4 {
                    0 => (r >> 8) as u32 % 0x20,
                    1 => (r >> 8) as u32 % 0x80,
                    2 => (r >> 8) as u32 % 0x800,
                    _ => (r >> 8) as u32 % 0x11_0000,
                })
            })
            .collect();
        out.push(s);
    }
    out
}

#[test]
fn hostile_strings_are_written_as_serde_json_writes_them() {
    let cf = "custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    for s in hostile_strings() {
        let nested = json!({ "x": [s, 1.5e300, -0, 12345678901234567890123_u128.to_string()] });
        let payloads = [
            json!({ "email": "jane@acme.com", "first_name": s, "title": s, cf: s }),
            json!({ "email": s, "linkedin_url": s, "phone_number": s, "domain": s, "tags": [s] }),
            json!({ "email": "jane@acme.com", s.clone(): s, cf: nested }),
        ];
        for options in option_sets() {
            for p in &payloads {
                same(&validate_contact(p, &options), &|| format!("{p}"));
            }
        }
        let mut buf = Vec::new();
        json_write::write_str(&s, &mut buf);
        assert_eq!(
            String::from_utf8(buf).expect("UTF-8"),
            serde_json::to_string(&s).expect("a string serializes")
        );
    }
}

#[test]
fn values_and_numbers_are_written_as_serde_json_writes_them() {
    let text = r#"[0, -0, 1.5, -1e-7, 1E+400, 0.1000000000000000055511151231257827, 123456789012345678901234567890,
        -9223372036854775809, 18446744073709551616, 2.5e-324, {"a": {"b": [true, false, null, {}], "": []}},
        "\u0000\u2028", {"dup": 1, "dup": 2, "z": 1, "a": 2}]"#;
    let v: Value = serde_json::from_str(text).expect("valid JSON");
    let mut buf = Vec::new();
    json_write::write_value(&v, &mut buf);
    assert_eq!(
        String::from_utf8(buf).expect("UTF-8"),
        serde_json::to_string(&v).expect("serializes")
    );
    let mut m = Map::new();
    m.insert("k".into(), v);
    let mut buf = Vec::new();
    json_write::write_object(&m, &mut buf);
    assert_eq!(
        String::from_utf8(buf).expect("UTF-8"),
        serde_json::to_string(&m).expect("serializes")
    );
    for n in [0u64, 7, 10, 99, 100, 12_345, u64::MAX] {
        let mut buf = Vec::new();
        json_write::write_u64(n, &mut buf);
        assert_eq!(buf, n.to_string().into_bytes());
    }
}
