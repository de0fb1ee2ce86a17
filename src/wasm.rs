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
use crate::options::Options;
use crate::{json_write, validate_contact_str, Outcome};
use serde_json::value::RawValue;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

// The options text last read and what it read to: the wrapper hands the same options text with
// every call (a form's options do not change between keystrokes, nor a bulk import's between
// batches), so reading it again each time is work repeated (issue 14). Reading is a pure
// function of the text, so the cache answers what reading would; options the rules refuse are
// not kept.
thread_local! {
    static LAST_OPTIONS: RefCell<Option<(String, Options)>> = const { RefCell::new(None) };
}

/// The package's camelCase options (`Options::from_js_json`, without serde's derive).
fn options_from_json(json: &str) -> Result<Options, String> {
    LAST_OPTIONS.with_borrow_mut(|last| match last {
        Some((text, options)) if text == json => Ok(options.clone()),
        _ => {
            let options = Options::from_js_json(json)?;
            *last = Some((json.to_owned(), options.clone()));
            Ok(options)
        }
    })
}

fn misuse(message: String) -> String {
    let mut buf = Vec::with_capacity(message.len() + 16);
    buf.extend_from_slice(b"{\"misuse\":");
    json_write::write_str(&message, &mut buf);
    buf.push(b'}');
    text(buf)
}

/// JSON text written by `json_write`, which writes UTF-8 only.
fn text(buf: Vec<u8>) -> String {
    String::from_utf8(buf).unwrap_or_default()
}

/// Appends one payload's result as JSON text in ASCII only, written straight from the outcome
/// by `json_write` (serde_json's text over the derives, every character outside ASCII as a
/// `\uXXXX` escape: the JavaScript side decodes ASCII from WebAssembly memory several times
/// faster than UTF-8 with accented letters, and `JSON.parse` gives the same strings; issue 14:
/// 2.9 → 0.6 µs per result decoded in batches of 1,000 export-shaped results, 1.2 → 0.4 µs for
/// one, for 2% more bytes).
fn write_result(out: &Outcome, buf: &mut Vec<u8>) {
    json_write::write_result_ascii(out, buf);
}

/// One payload's result as JSON text.
fn result_json(out: &Outcome) -> String {
    let mut buf = Vec::with_capacity(512);
    write_result(out, &mut buf);
    text(buf)
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
    let mut buf = Vec::with_capacity(256);
    match rule(value, &options) {
        Ok(n) => {
            buf.extend_from_slice(b"{\"ok\":true,\"value\":");
            json_write::write_str(&n.value, &mut buf);
            buf.extend_from_slice(b",\"warnings\":");
            let warnings: Vec<Issue> = n
                .warnings
                .into_iter()
                .map(|i: FieldIssue| Issue::at(Vec::new(), i, None))
                .collect();
            json_write::write_issues(&warnings, &mut buf);
        }
        Err(e) => {
            buf.extend_from_slice(b"{\"ok\":false,\"error\":");
            json_write::write_issue(&Issue::at(Vec::new(), e, None), &mut buf);
        }
    }
    buf.push(b'}');
    text(buf)
}

/// The FastAPI 422 body for a JSON array of issues (`{path, code, message, input?, ctx?}`).
#[wasm_bindgen(js_name = toFastApiErrorsJson)]
pub fn to_fastapi_errors_json(issues: &str) -> String {
    // Read without serde's derive (`Issue::list_from_json`; README, "Size"), written straight
    // by `json_write` (the bytes of `to_fastapi_errors` through serde_json, without building
    // its `Value`s).
    match Issue::list_from_json(issues) {
        Ok(list) => {
            let mut buf = Vec::with_capacity(256 * list.len() + 16);
            buf.extend_from_slice(b"{\"detail\":");
            json_write::write_fastapi_issues(&list, &mut buf);
            buf.push(b'}');
            text(buf)
        }
        Err(e) => misuse(format!("contact-rules: expected an array of issues: {e}")),
    }
}

// The spreadsheet import's bindings (feature `import`): only in the import module and Node's
// module, so that a page that never imports a file does not download them (README, "Size").
#[cfg(feature = "import")]
mod import;
