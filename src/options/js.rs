//! Options as the JavaScript package passes them (camelCase JSON text, SPEC.md §3), read from a
//! parsed `serde_json::Value` without serde's derive machinery (README, "Size": the derive's
//! visitors and the float formatting of its error messages do not reach the `.wasm`).
//!
//! It accepts what the serde derive it replaced accepted (every key optional, `null` for
//! "default", `limits` also as an array in field order as serde reads a struct from a sequence,
//! an enum also as `{"variant": null}`) and refuses the rest with serde's wording, less serde_json's
//! ` at line L column C` suffix: a parsed value has no positions. `tests/js_options.rs` holds
//! both to each other on generated option objects.

use super::{Blank, DomainMode, EmailCase, Limits, Options, PhoneValidity, Region, UnknownKeys};
use serde_json::Value;

const FIELDS: &str = "`defaultRegion`, `phoneValidity`, `unknownKeys`, `blank`, `emailCase`, \
                      `domainMode`, `laxBooleans`, `deriveDomainFromEmail`, `limits`";
const LIMIT_FIELDS: &str =
    "`textMaxChars`, `customFieldMaxChars`, `maxPayloadBytes`, `maxKeys`, `maxTags`";

impl Options {
    /// Reads the JavaScript package's options: a camelCase JSON object (`{"defaultRegion":
    /// "US", "limits": {"maxTags": 10}}`); the empty text and `null` are the defaults.
    ///
    /// # Errors
    /// A message starting `contact-rules: invalid options: ` for text that is not JSON, an
    /// unknown key, a value of the wrong type or an unknown region or variant.
    ///
    /// # Example
    /// ```
    /// use contact_rules::{Options, PhoneValidity};
    /// let o = Options::from_js_json(r#"{"phoneValidity": "possible", "limits": {"maxTags": 3}}"#).unwrap();
    /// assert_eq!((o.phone_validity, o.limits.max_tags), (PhoneValidity::Possible, 3));
    /// assert_eq!(Options::from_js_json(r#"{"nope": 1}"#).unwrap_err().split(", expected").next(),
    ///            Some("contact-rules: invalid options: unknown field `nope`"));
    /// ```
    pub fn from_js_json(json: &str) -> Result<Options, String> {
        if json.is_empty() || json == "null" {
            return Ok(Options::default());
        }
        let v: Value = serde_json::from_str(json)
            .map_err(|e| format!("contact-rules: invalid options: {e}"))?;
        read_options(&v).map_err(|e| format!("contact-rules: invalid options: {e}"))
    }
}

/// The top-level object (or array, in field order).
fn read_options(v: &Value) -> Result<Options, String> {
    let mut o = Options::default();
    let mut region: Option<String> = None;
    let mut set = |key: &str, v: &Value, o: &mut Options| -> Result<(), String> {
        if v.is_null() {
            return Ok(());
        }
        match key {
            // Checked once the whole object is read, as before.
            "defaultRegion" => region = Some(string(v)?.to_owned()),
            "phoneValidity" => {
                o.phone_validity = match variant(v, &["valid", "possible"])? {
                    0 => PhoneValidity::Valid,
                    _ => PhoneValidity::Possible,
                }
            }
            "unknownKeys" => {
                o.unknown_keys = match variant(v, &["error", "strip", "keep"])? {
                    0 => UnknownKeys::Error,
                    1 => UnknownKeys::Strip,
                    _ => UnknownKeys::Keep,
                }
            }
            "blank" => {
                o.blank = match variant(v, &["null", "omit"])? {
                    0 => Blank::Null,
                    _ => Blank::Omit,
                }
            }
            "emailCase" => {
                o.email_case = match variant(
                    v,
                    // serde's order for the name and its aliases in its message.
                    &["lower", "preserve-local", "preserveLocal", "preserve_local"],
                )? {
                    0 => EmailCase::Lower,
                    _ => EmailCase::PreserveLocal,
                }
            }
            "domainMode" => {
                o.domain_mode = match variant(v, &["registrable", "host"])? {
                    0 => DomainMode::Registrable,
                    _ => DomainMode::Host,
                }
            }
            "laxBooleans" => o.lax_booleans = boolean(v)?,
            "deriveDomainFromEmail" => o.derive_domain_from_email = boolean(v)?,
            _ => o.limits = read_limits(v)?,
        }
        Ok(())
    };
    const KEYS: [&str; 9] = [
        "defaultRegion",
        "phoneValidity",
        "unknownKeys",
        "blank",
        "emailCase",
        "domainMode",
        "laxBooleans",
        "deriveDomainFromEmail",
        "limits",
    ];
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                if !KEYS.contains(&k.as_str()) {
                    return Err(format!("unknown field `{k}`, expected one of {FIELDS}"));
                }
                set(k, v, &mut o)?;
            }
        }
        Value::Array(items) => {
            for (k, v) in KEYS.iter().zip(items) {
                set(k, v, &mut o)?;
            }
            // serde reads a struct's fields from the first elements and serde_json then finds
            // the others where the array should have ended.
            if items.len() > KEYS.len() {
                return Err("trailing characters".to_owned());
            }
        }
        other => return Err(invalid_type(other, "struct JsOptions")),
    }
    if let Some(r) = region {
        o.default_region = Some(Region::parse(&r).map_err(|e| e.to_string())?);
    }
    Ok(o)
}

/// `limits`: an object of the five caps (or an array of them, in order).
fn read_limits(v: &Value) -> Result<Limits, String> {
    const KEYS: [&str; 5] = [
        "textMaxChars",
        "customFieldMaxChars",
        "maxPayloadBytes",
        "maxKeys",
        "maxTags",
    ];
    let mut l = Limits::default();
    let mut set = |key: &str, v: &Value| -> Result<(), String> {
        if v.is_null() {
            return Ok(());
        }
        let n = usize_of(v)?;
        match key {
            "textMaxChars" => l.text_max_chars = n,
            "customFieldMaxChars" => l.custom_field_max_chars = n,
            "maxPayloadBytes" => l.max_payload_bytes = n,
            "maxKeys" => l.max_keys = n,
            _ => l.max_tags = n,
        }
        Ok(())
    };
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                if !KEYS.contains(&k.as_str()) {
                    return Err(format!(
                        "unknown field `{k}`, expected one of {LIMIT_FIELDS}"
                    ));
                }
                set(k, v)?;
            }
        }
        Value::Array(items) => {
            for (k, v) in KEYS.iter().zip(items) {
                set(k, v)?;
            }
            // serde reads a struct's fields from the first elements and serde_json then finds
            // the others where the array should have ended.
            if items.len() > KEYS.len() {
                return Err("trailing characters".to_owned());
            }
        }
        other => return Err(invalid_type(other, "struct JsLimits")),
    }
    Ok(l)
}

fn string(v: &Value) -> Result<&str, String> {
    v.as_str().ok_or_else(|| invalid_type(v, "a string"))
}

fn boolean(v: &Value) -> Result<bool, String> {
    v.as_bool().ok_or_else(|| invalid_type(v, "a boolean"))
}

/// A unit variant by name (or `{"name": null}`): its index in `names`.
fn variant(v: &Value, names: &[&str]) -> Result<usize, String> {
    let (name, map) = match v {
        Value::String(s) => (s.as_str(), None),
        Value::Object(m) => match m.iter().next() {
            Some((k, v)) => (k.as_str(), Some((v, m.len()))),
            None => return Err("expected value".to_owned()),
        },
        // serde_json's enum reader takes only a string or an object.
        _ => return Err("expected value".to_owned()),
    };
    let Some(i) = names.iter().position(|n| *n == name) else {
        let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        let expected = match list.len() {
            2 => format!("{} or {}", list[0], list[1]),
            _ => format!("one of {}", list.join(", ")),
        };
        return Err(format!("unknown variant `{name}`, expected {expected}"));
    };
    match map {
        Some((v, _)) if !v.is_null() => Err(invalid_type(v, "unit")),
        Some((_, len)) if len > 1 => Err("expected value".to_owned()),
        _ => Ok(i),
    }
}

/// A `usize` as serde reads it from JSON: an integer from 0 to `usize::MAX`.
fn usize_of(v: &Value) -> Result<usize, String> {
    let Value::Number(n) = v else {
        return Err(invalid_type(v, "usize"));
    };
    let text = n.as_str();
    // serde_json reads `-0` as the double -0.0.
    if is_float_syntax(text) || text == "-0" {
        return Err(format!("invalid type: {}, expected usize", float(text)));
    }
    if text.starts_with('-') {
        return Err(format!("invalid value: integer `{text}`, expected usize"));
    }
    text.parse::<usize>()
        .map_err(|_| format!("invalid value: integer `{text}`, expected usize"))
}

/// Whether serde_json reads this number as a float: a fraction or an exponent, or an integer
/// beyond 64 bits.
fn is_float_syntax(text: &str) -> bool {
    if text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
        return true;
    }
    match text.strip_prefix('-') {
        Some(d) => d.parse::<u64>().map_or(true, |n| n > 1 << 63),
        None => text.parse::<u64>().is_err(),
    }
}

/// serde's "invalid type" message for `v` where `expected` was wanted (also
/// `Issue::list_from_json`'s).
pub(crate) fn invalid_type(v: &Value, expected: &str) -> String {
    format!("invalid type: {}, expected {expected}", unexpected(v))
}

/// serde_json's words for a value in an error message.
fn unexpected(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => {
            // serde_json (arbitrary_precision) names a number it only peeked at by its
            // integer value when that fits 64 bits, else just "number".
            let t = n.as_str();
            let integer = match t.strip_prefix('-') {
                Some(_) => t != "-0" && t.parse::<i64>().is_ok(),
                None => t.parse::<u64>().is_ok(),
            };
            if integer {
                format!("integer `{t}`")
            } else {
                "number".to_owned()
            }
        }
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    }
}

/// A number as serde_json's messages print it: an integer as its digits, a float as `zmij`
/// formats the double (shortest digits; fixed notation for decimal exponents -5 to 15, with
/// `.0` when whole; else `d.ddde±X`). The digits are the text's own with its zeros trimmed,
/// which is the double's shortest form when the text is one (every number JavaScript's
/// `JSON.stringify` writes is).
fn float(text: &str) -> String {
    let (neg, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text),
    };
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], body[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = int.chars().chain(frac.chars()).collect();
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_start_matches('0').trim_end_matches('0');
    let mut out = String::from(if neg { "-" } else { "" });
    if digits.is_empty() {
        out.push_str("0.0");
        return format!("floating point `{out}`");
    }
    // The decimal exponent of the first significant digit.
    let e = exp.saturating_add(int.len() as i64 - 1 - lead as i64);
    if (-5..=15).contains(&e) {
        if e >= 0 {
            let e = e as usize;
            if digits.len() <= e + 1 {
                out.push_str(digits);
                out.extend(std::iter::repeat_n('0', e + 1 - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..=e]);
                out.push('.');
                out.push_str(&digits[e + 1..]);
            }
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-e - 1) as usize));
            out.push_str(digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!(
            "e{}{}",
            if e >= 0 { "+" } else { "-" },
            e.unsigned_abs()
        ));
    }
    format!("floating point `{out}`")
}
