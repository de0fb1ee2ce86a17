//! The boolean rule for `do_not_contact`.
//!
//! A JSON boolean; with `lax_booleans` (the default) also what the API's lax parsing (pydantic)
//! takes: the numbers `0` and `1`, and the strings `true/false`, `yes/no`, `on/off`, `t/f`,
//! `y/n`, `1/0` in any case, surrounding white space trimmed.

use crate::issue::{Code, FieldIssue};
use crate::number::{self, F64};
use crate::Options;
use serde_json::Value;

/// Reads a boolean from a JSON value.
///
/// # Errors
/// `bool_parsing` when the value is not a boolean (or, with `lax_booleans`, a lax one).
///
/// # Example
/// ```
/// use contact_rules::{boolean, Options};
/// assert_eq!(boolean::parse(&"Yes".into(), &Options::default()), Ok(true));
/// assert!(boolean::parse(&"maybe".into(), &Options::default()).is_err());
/// ```
pub fn parse(value: &Value, options: &Options) -> Result<bool, FieldIssue> {
    match value {
        Value::Bool(b) => return Ok(*b),
        Value::Number(n) if options.lax_booleans => {
            // As `n.as_f64()` compared with 0.0 and 1.0, without the float parser.
            match number::classify(n.as_str()) {
                F64::Zero => return Ok(false),
                F64::One => return Ok(true),
                _ => {}
            }
        }
        Value::String(s) => return parse_text(s, options),
        _ => {}
    }
    Err(FieldIssue::new(Code::BoolParsing))
}

/// [`parse`] of a JSON string, read from its text (no copy as a `Value` first).
pub(crate) fn parse_text(s: &str, options: &Options) -> Result<bool, FieldIssue> {
    match parse_str(s) {
        Some(b) if options.lax_booleans => Ok(b),
        _ => Err(FieldIssue::new(Code::BoolParsing)),
    }
}

/// Reads a lax boolean string: `true/false`, `yes/no`, `on/off`, `t/f`, `y/n`, `1/0`, any case.
pub fn parse_str(s: &str) -> Option<bool> {
    let t = crate::text::trim(s).as_bytes();
    // Lower-cased into a buffer on the stack (no `String`): every word is at most 5 bytes.
    let mut buf = [0u8; 5];
    let lower = buf.get_mut(..t.len())?;
    lower.copy_from_slice(t);
    lower.make_ascii_lowercase();
    match &*lower {
        b"true" | b"yes" | b"on" | b"t" | b"y" | b"1" => Some(true),
        b"false" | b"no" | b"off" | b"f" | b"n" | b"0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lax_and_strict() {
        let lax = Options::default();
        let strict = Options {
            lax_booleans: false,
            ..Options::default()
        };
        for (v, b) in [
            (json!(true), true),
            (json!("YES"), true),
            (json!(" off "), false),
            (json!(1), true),
            (json!(0.0), false),
            (json!("F"), false),
        ] {
            assert_eq!(parse(&v, &lax), Ok(b), "{v}");
        }
        for v in [json!(2), json!("maybe"), json!([]), json!("truee")] {
            assert!(parse(&v, &lax).is_err(), "{v}");
        }
        assert_eq!(parse(&json!(false), &strict), Ok(false));
        assert!(parse(&json!("true"), &strict).is_err());
        assert!(parse(&json!(1), &strict).is_err());
    }
}
