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

/// Appends one payload's result as JSON text, serialized straight from the outcome (no
/// `serde_json::Value` built first: the same text, fewer allocations).
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
    if serde_json::to_writer(&mut *buf, &result).is_err() {
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

// --- Spreadsheet imports (issue 16): the column mapping and the CSV importer of
// `crate::import`, the code the command line's `check` runs on CSV files.

/// Import settings as the package takes them: the command line's CSV flags, camelCase.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct JsImportSettings {
    encoding: Option<String>,
    delimiter: Option<String>,
    columns: Option<JsColumns>,
    unmapped: Option<JsUnmapped>,
    map: Option<Vec<(String, String)>>,
    max_row_bytes: Option<usize>,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum JsColumns {
    Auto,
    Exact,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum JsUnmapped {
    Drop,
    Keep,
}

fn import_settings(json: &str) -> Result<crate::import::Settings, String> {
    let bad = |e: String| format!("contact-rules: invalid import options: {e}");
    let js: JsImportSettings = if json.is_empty() {
        JsImportSettings::default()
    } else {
        serde_json::from_str(json).map_err(|e| bad(e.to_string()))?
    };
    let encoding = match js.encoding {
        None => None,
        Some(l) => Some(crate::import::dialect::Encoding::parse(&l).ok_or_else(|| {
            bad(format!(
                "unknown encoding {l:?}: use utf-8, utf-16le, utf-16be or windows-1252"
            ))
        })?),
    };
    let delimiter = match js.delimiter {
        None => None,
        Some(d) => Some(crate::import::dialect::parse_delimiter(&d).ok_or_else(|| {
            bad(format!(
                "{d:?} is not a delimiter: give one ASCII character, or tab"
            ))
        })?),
    };
    Ok(crate::import::Settings {
        encoding,
        delimiter,
        exact: js.columns == Some(JsColumns::Exact),
        keep_unmapped: js.unmapped == Some(JsUnmapped::Keep),
        map: js.map.unwrap_or_default(),
        max_row_bytes: js
            .max_row_bytes
            .unwrap_or(Limits::default().max_payload_bytes),
    })
}

/// The suggested mapping of a header row (a JSON array of strings), with the settings' `map`
/// and `unmapped` applied: `{columns, problems, report}` as JSON text.
#[wasm_bindgen(js_name = suggestMappingJson)]
pub fn suggest_mapping_json(headers: &str, settings: &str) -> String {
    let settings = match import_settings(settings) {
        Ok(s) => s,
        Err(e) => return misuse(e),
    };
    let headers: Vec<String> = match serde_json::from_str(headers) {
        Ok(h) => h,
        Err(e) => {
            return misuse(format!(
                "contact-rules: expected an array of header strings: {e}"
            ))
        }
    };
    let mut mapping = if settings.exact {
        crate::import::columns::Mapping::exact(&headers)
    } else {
        let unmapped = if settings.keep_unmapped {
            crate::import::columns::Unmapped::Keep
        } else {
            crate::import::columns::Unmapped::Drop
        };
        crate::import::columns::Mapping::suggest(&headers, unmapped)
    };
    let problems = match mapping.apply(&settings.map) {
        Ok(()) => mapping.problems(),
        Err(message) => vec![crate::import::columns::Problem {
            columns: Vec::new(),
            message,
        }],
    };
    json!({
        "columns": mapping.columns,
        "problems": problems,
        "report": if mapping.exact { String::new() } else { mapping.report() },
    })
    .to_string()
}

/// A CSV file read chunk by chunk, as the command line reads it (`crate::import::Importer`).
/// `push` and `finish` return `{dialect, rows}` as JSON text: `dialect` once the header is read
/// (`{encoding, delimiter, skipped, mapping, report}`), each row `{line, payload}` to validate
/// or `{line, result}` (the row's result, `ok: false`: a row that cannot be read or is too
/// large), `line` the 1-based line of the file where the row starts; or
/// `{error: {message, problems}, dialect}` when the file cannot be imported (an ambiguous
/// mapping, with the dialect and mapping for editing; a header that cannot be read, with
/// `dialect: null`); or `{misuse}` for settings of the wrong shape.
#[wasm_bindgen(js_name = CsvImport)]
pub struct CsvImport {
    importer: Result<crate::import::Importer, String>,
    max_row_bytes: usize,
    dialect_sent: bool,
}

#[wasm_bindgen(js_class = CsvImport)]
impl CsvImport {
    /// An import with these settings (JSON text; see `import_settings`).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: &str) -> CsvImport {
        let parsed = import_settings(settings);
        let max_row_bytes = parsed.as_ref().map_or(0, |s| s.max_row_bytes);
        CsvImport {
            importer: parsed.map(crate::import::Importer::new),
            max_row_bytes,
            dialect_sent: false,
        }
    }

    /// `{"misuse": ...}` when the settings were malformed, else `{}`.
    pub fn check(&self) -> String {
        match &self.importer {
            Ok(_) => "{}".into(),
            Err(e) => misuse(e.clone()),
        }
    }

    /// Feeds the next bytes of the file.
    pub fn push(&mut self, bytes: &[u8]) -> String {
        self.batch(Some(bytes))
    }

    /// Ends the file.
    pub fn finish(&mut self) -> String {
        self.batch(None)
    }

    fn batch(&mut self, bytes: Option<&[u8]>) -> String {
        let importer = match &mut self.importer {
            Ok(i) => i,
            Err(e) => return misuse(e.clone()),
        };
        let rows = match bytes {
            Some(b) => importer.push(b),
            None => importer.finish(),
        };
        let rows = match rows {
            Ok(r) => r,
            Err(e) => {
                let problems = match &e {
                    crate::import::reader::ImportError::Mapping(p) => p.clone(),
                    crate::import::reader::ImportError::Header(_) => Vec::new(),
                };
                let dialect = importer
                    .dialect()
                    .and_then(|d| serde_json::to_value(d).ok())
                    .unwrap_or(Value::Null);
                return json!({
                    "error": {"message": e.to_string(), "problems": problems},
                    "dialect": dialect,
                })
                .to_string();
            }
        };
        let dialect = match importer.dialect() {
            Some(d) if !self.dialect_sent => {
                self.dialect_sent = true;
                serde_json::to_value(d).unwrap_or(Value::Null)
            }
            _ => Value::Null,
        };
        let too_large = Options {
            limits: Limits {
                max_payload_bytes: self.max_row_bytes,
                ..Limits::default()
            },
            ..Options::default()
        };
        let rows: Vec<Value> = rows
            .into_iter()
            .map(|(line, row)| match row {
                crate::import::Row::Payload(p) => json!({ "line": line, "payload": p }),
                crate::import::Row::Invalid(issue) => json!({
                    "line": line,
                    "result": {"ok": false, "errors": [issue], "warnings": []},
                }),
                crate::import::Row::TooLarge => {
                    let out = crate::contact::too_large(&too_large);
                    json!({
                        "line": line,
                        "result": {"ok": false, "errors": out.errors, "warnings": []},
                    })
                }
            })
            .collect();
        json!({ "dialect": dialect, "rows": rows }).to_string()
    }
}
