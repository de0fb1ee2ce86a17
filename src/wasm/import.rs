//! The spreadsheet import's bindings (feature `import`, issue 16): the column mapping and the
//! CSV importer of `crate::import`, the code the command line's `check` runs on CSV files. Only
//! in the modules built with the feature (the npm package's import module and Node's module), so
//! that the browsers' default module stays without them.

use super::misuse;
use crate::options::{Limits, Options};
use serde::Deserialize;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

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
