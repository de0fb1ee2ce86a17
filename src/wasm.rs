//! The WebAssembly bindings: the only module that names JavaScript, compiled only for `wasm32`.
//!
//! Values cross the boundary as JSON text: the package's JavaScript wrapper (`js/index.js`)
//! turns a payload into JSON with `JSON.stringify` (refusing what is not JSON-like with one
//! `TypeError`), and parses the result with `JSON.parse`. Strings are the cheapest way into
//! WebAssembly, and JSON keeps the three states of a field (absent, `null`, value) exactly.
//!
//! Every function here returns JSON text and never throws for invalid data: invalid data is a
//! value (`{"ok": false, "errors": [...]}`). Misuse (options of the wrong shape) is reported as
//! `{"misuse": "message"}`, which the wrapper turns into a `TypeError`.

use crate::issue::{FieldIssue, Issue};
use crate::options::{Blank, DomainMode, EmailCase, Limits, Options, PhoneValidity, UnknownKeys};
use crate::{validate_contact_str, Contact, Outcome, Region};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// Options as the JavaScript package takes them: camelCase names (SPEC.md §3).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct JsOptions {
    default_region: Option<String>,
    phone_validity: Option<PhoneValidity>,
    unknown_keys: Option<UnknownKeys>,
    blank: Option<Blank>,
    email_case: Option<JsEmailCase>,
    domain_mode: Option<DomainMode>,
    lax_booleans: Option<bool>,
    derive_domain_from_email: Option<bool>,
    limits: Option<JsLimits>,
}

#[derive(Deserialize)]
enum JsEmailCase {
    #[serde(rename = "lower")]
    Lower,
    #[serde(
        rename = "preserve_local",
        alias = "preserveLocal",
        alias = "preserve-local"
    )]
    PreserveLocal,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct JsLimits {
    text_max_chars: Option<usize>,
    custom_field_max_chars: Option<usize>,
    max_payload_bytes: Option<usize>,
    max_keys: Option<usize>,
    max_tags: Option<usize>,
}

fn options_from_json(json: &str) -> Result<Options, String> {
    if json.is_empty() || json == "null" {
        return Ok(Options::default());
    }
    let js: JsOptions =
        serde_json::from_str(json).map_err(|e| format!("contact-rules: invalid options: {e}"))?;
    let mut o = Options::default();
    if let Some(r) = js.default_region {
        o.default_region =
            Some(Region::parse(&r).map_err(|e| format!("contact-rules: invalid options: {e}"))?);
    }
    o.phone_validity = js.phone_validity.unwrap_or(o.phone_validity);
    o.unknown_keys = js.unknown_keys.unwrap_or(o.unknown_keys);
    o.blank = js.blank.unwrap_or(o.blank);
    o.email_case = match js.email_case {
        Some(JsEmailCase::Lower) | None => EmailCase::Lower,
        Some(JsEmailCase::PreserveLocal) => EmailCase::PreserveLocal,
    };
    o.domain_mode = js.domain_mode.unwrap_or(o.domain_mode);
    o.lax_booleans = js.lax_booleans.unwrap_or(o.lax_booleans);
    o.derive_domain_from_email = js
        .derive_domain_from_email
        .unwrap_or(o.derive_domain_from_email);
    if let Some(l) = js.limits {
        let d = Limits::default();
        o.limits = Limits {
            text_max_chars: l.text_max_chars.unwrap_or(d.text_max_chars),
            custom_field_max_chars: l.custom_field_max_chars.unwrap_or(d.custom_field_max_chars),
            max_payload_bytes: l.max_payload_bytes.unwrap_or(d.max_payload_bytes),
            max_keys: l.max_keys.unwrap_or(d.max_keys),
            max_tags: l.max_tags.unwrap_or(d.max_tags),
        };
    }
    Ok(o)
}

fn misuse(message: String) -> String {
    json!({ "misuse": message }).to_string()
}

/// One payload's result as the package returns it: `{ok, value?, errors, warnings}`.
#[derive(Serialize)]
struct JsResult<'a> {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a Contact>,
    errors: &'a [Issue],
    warnings: &'a [Issue],
}

/// serde_json's compact format, with every character outside ASCII written as a `\uXXXX`
/// escape (a surrogate pair above U+FFFF): the results' text is then ASCII only, which the
/// JavaScript side decodes from WebAssembly memory (TextDecoder) several times faster than
/// UTF-8 with accented letters, and `JSON.parse` gives the same strings (issue 14: 2.9 → 0.6 µs
/// per result decoded in batches of 1,000 export-shaped results, 1.2 → 0.4 µs for one, for 2%
/// more bytes).
struct AsciiFormatter;

impl serde_json::ser::Formatter for AsciiFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = fragment.as_bytes();
        let mut start = 0;
        while let Some(offset) = bytes[start..].iter().position(|b| !b.is_ascii()) {
            let at = start + offset;
            writer.write_all(&bytes[start..at])?;
            // `at` starts a character (what precedes it is ASCII), which is not ASCII.
            let c = fragment
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .unwrap_or('\u{fffd}');
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let u = *unit as usize;
                writer.write_all(&[
                    b'\\',
                    b'u',
                    HEX[u >> 12],
                    HEX[(u >> 8) & 0xf],
                    HEX[(u >> 4) & 0xf],
                    HEX[u & 0xf],
                ])?;
            }
            start = (at + c.len_utf8()).min(bytes.len());
        }
        writer.write_all(&bytes[start..])
    }
}

/// Appends one payload's result as JSON text (ASCII only: [`AsciiFormatter`]), serialized
/// straight from the outcome (no `serde_json::Value` built first: fewer allocations).
fn write_result(out: &Outcome, buf: &mut Vec<u8>) {
    let result = JsResult {
        ok: out.is_valid(),
        value: out.value.as_ref(),
        errors: &out.errors,
        warnings: &out.warnings,
    };
    let start = buf.len();
    // A Contact and issues hold strings, bools and JSON values under string keys only, so
    // serializing cannot fail; were it to, the result would still be one JSON object.
    let mut serializer = serde_json::Serializer::with_formatter(&mut *buf, AsciiFormatter);
    if result.serialize(&mut serializer).is_err() {
        buf.truncate(start);
        buf.extend_from_slice(br#"{"ok":false,"errors":[],"warnings":[]}"#);
    }
}

/// One payload's result as JSON text.
fn result_json(out: &Outcome) -> String {
    let mut buf = Vec::with_capacity(512);
    write_result(out, &mut buf);
    // serde_json writes UTF-8 only.
    String::from_utf8(buf).unwrap_or_default()
}

/// Validates one payload given as JSON text; returns the result as JSON text.
///
/// Text that is not JSON (e.g. a lone surrogate escaped by `JSON.stringify`) gets an
/// `invalid_json` issue, as on the command line.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(payload: &str, options: &str) -> String {
    match options_from_json(options) {
        Ok(o) => result_json(&validate_contact_str(payload, &o)),
        Err(e) => misuse(e),
    }
}

/// The result for a payload whose JSON text is over the size limit: the wrapper stops
/// serializing a payload as soon as its text is known to be too large, and asks for this.
#[wasm_bindgen(js_name = payloadTooLargeJson)]
pub fn payload_too_large_json(options: &str) -> String {
    match options_from_json(options) {
        Ok(o) => result_json(&crate::contact::too_large(&o)),
        Err(e) => misuse(e),
    }
}

/// Validates a JSON array of payloads; returns a JSON array of results, in order.
#[wasm_bindgen(js_name = validateManyJson)]
pub fn validate_many_json(payloads: &str, options: &str) -> String {
    let options = match options_from_json(options) {
        Ok(o) => o,
        Err(e) => return misuse(e),
    };
    let list: Vec<&RawValue> = match serde_json::from_str(payloads) {
        Ok(l) => l,
        Err(e) => return misuse(format!("contact-rules: expected an array of payloads: {e}")),
    };
    // Each result is written straight into the output text as soon as it is known, so
    // WebAssembly memory holds the input, the output text and one result at a time.
    let mut buf = Vec::with_capacity(list.len() * 512 + 2);
    buf.push(b'[');
    for (i, raw) in list.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        write_result(&validate_contact_str(raw.get(), &options), &mut buf);
    }
    buf.push(b']');
    // serde_json writes UTF-8 only.
    String::from_utf8(buf).unwrap_or_default()
}

/// Normalizes one field value (`email`, `phone`, `linkedin`, `domain`, `uuid`, `text`);
/// returns `{ok: true, value, warnings}` or `{ok: false, error}` as JSON text.
#[wasm_bindgen(js_name = normalizeFieldJson)]
pub fn normalize_field_json(field: &str, value: &str, options: &str) -> String {
    let options = match options_from_json(options) {
        Ok(o) => o,
        Err(e) => return misuse(e),
    };
    let Some(rule) = crate::field_rule(field) else {
        return misuse(format!("contact-rules: unknown field rule {field:?}"));
    };
    let issue_json = |i: FieldIssue| {
        // Always serializable: strings and JSON values.
        serde_json::to_value(Issue::at(Vec::new(), i, None)).unwrap_or(Value::Null)
    };
    match rule(value, &options) {
        Ok(n) => json!({
            "ok": true,
            "value": n.value,
            "warnings": n.warnings.into_iter().map(issue_json).collect::<Vec<_>>(),
        }),
        Err(e) => json!({"ok": false, "error": issue_json(e)}),
    }
    .to_string()
}

/// The FastAPI 422 body for a JSON array of issues (`{path, code, message, input?, ctx?}`).
#[wasm_bindgen(js_name = toFastApiErrorsJson)]
pub fn to_fastapi_errors_json(issues: &str) -> String {
    match serde_json::from_str::<Vec<Issue>>(issues) {
        Ok(list) => crate::issue::to_fastapi_errors(&list).to_string(),
        Err(e) => misuse(format!("contact-rules: expected an array of issues: {e}")),
    }
}

// The spreadsheet import's bindings (feature `import`): only in the import module and Node's
// module, so that a page that never imports a file does not download them (README, "Size").
#[cfg(feature = "import")]
mod import;
