//! Issues read back from JSON text without serde's derive (the WebAssembly `toFastApiErrorsJson`
//! binding; README, "Size": the derive's untagged-enum machinery does not reach the `.wasm`).
//!
//! It accepts what `serde_json::from_str::<Vec<Issue>>` accepts (an issue as an object with
//! `path`, `code` and `message`, other keys ignored, `input` kept even when `null`, `ctx` an
//! object or `null`; an issue also as an array in field order, as serde reads a struct from a
//! sequence) and refuses the rest with serde's wording, less serde_json's
//! ` at line L column C`. Keys are read from a parsed value, where a repeated key keeps its last
//! value; serde refused it (`duplicate field`). `tests/js_options.rs` holds both to each other.

use super::{Code, Issue, PathSegment};
use crate::options::js::invalid_type;
use serde_json::Value;
use std::borrow::Cow;

impl Issue {
    /// Reads a JSON array of issues as serialized by this crate
    /// (`[{"path": [...], "code": ..., "message": ..., "input"?: ..., "ctx"?: {...}}]`).
    ///
    /// # Errors
    /// serde's message for text that is not such an array (without its position).
    ///
    /// # Example
    /// ```
    /// use contact_rules::{Code, Issue, PathSegment};
    /// let list = Issue::list_from_json(r#"[{"path": ["tags", 0], "code": "uuid_parsing", "message": "m"}]"#).unwrap();
    /// assert_eq!((list[0].code, &list[0].path[1]), (Code::UuidParsing, &PathSegment::Index(0)));
    /// assert!(Issue::list_from_json(r#"[{"code": "nope"}]"#).is_err());
    /// ```
    pub fn list_from_json(json: &str) -> Result<Vec<Issue>, String> {
        let v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        match v {
            Value::Array(items) => items.iter().map(read_issue).collect(),
            other => Err(invalid_type(&other, "a sequence")),
        }
    }
}

const FIELDS: [&str; 5] = ["path", "code", "message", "input", "ctx"];

fn read_issue(v: &Value) -> Result<Issue, String> {
    let mut path = None;
    let mut code = None;
    let mut message = None;
    let mut input = None;
    let mut ctx = None;
    let mut set = |key: &str, v: &Value| -> Result<(), String> {
        match key {
            "path" => path = Some(read_path(v)?),
            "code" => code = Some(read_code(v)?),
            "message" => match v {
                Value::String(s) => message = Some(s.clone()),
                other => return Err(invalid_type(other, "a string")),
            },
            "input" => input = Some(v.clone()),
            "ctx" => {
                ctx = Some(match v {
                    Value::Null => None,
                    Value::Object(m) => Some(m.clone()),
                    other => return Err(invalid_type(other, "a map")),
                })
            }
            _ => {}
        }
        Ok(())
    };
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                set(k, v)?;
            }
        }
        Value::Array(items) => {
            for (k, v) in FIELDS.iter().zip(items) {
                set(k, v)?;
            }
            if items.len() < 3 {
                return Err(format!(
                    "invalid length {}, expected struct Issue with 5 elements",
                    items.len()
                ));
            }
            if items.len() > FIELDS.len() {
                return Err("trailing characters".to_owned());
            }
        }
        other => return Err(invalid_type(other, "struct Issue")),
    }
    let path = path.ok_or("missing field `path`")?;
    let code = code.ok_or("missing field `code`")?;
    let message = message.ok_or("missing field `message`")?;
    Ok(Issue {
        path,
        code,
        message: Cow::Owned(message),
        input,
        ctx: ctx.flatten(),
    })
}

fn read_path(v: &Value) -> Result<Vec<PathSegment>, String> {
    let Value::Array(items) = v else {
        return Err(invalid_type(v, "a sequence"));
    };
    items
        .iter()
        .map(|s| match s {
            Value::String(k) => Ok(PathSegment::Key(k.clone())),
            Value::Number(n) => match n.as_str().parse::<usize>() {
                Ok(i) if !n.as_str().starts_with('-') => Ok(PathSegment::Index(i)),
                _ => Err(UNTAGGED.to_owned()),
            },
            _ => Err(UNTAGGED.to_owned()),
        })
        .collect()
}

const UNTAGGED: &str = "data did not match any variant of untagged enum Raw";

fn read_code(v: &Value) -> Result<Code, String> {
    match v {
        Value::String(s) => {
            Code::from_code_str(s).ok_or_else(|| format!("unknown issue code {s:?}"))
        }
        other => Err(invalid_type(other, "a string")),
    }
}
