//! The custom field rule: `custom_field_<uuid>` keys and their scalar values.
//!
//! The key's suffix is a hyphenated UUID in any case; the output key has it lower-cased. A value
//! is a string (text hygiene, at most [`crate::Limits::custom_field_max_chars`] characters), a
//! finite number (kept exactly: integers stay integers), a boolean or null; arrays and objects
//! are errors.

use crate::issue::{Code, FieldIssue};
use crate::number::{self, F64};
use crate::{text, Options};
use serde_json::Value;

/// The prefix every custom field key starts with.
pub const PREFIX: &str = "custom_field_";

/// Normalizes a custom field key: `custom_field_` + a hyphenated UUID, lower-cased.
/// Returns `None` when the key does not start with [`PREFIX`] (it is then an unknown key).
///
/// # Errors
/// `custom_field_key_invalid` when the suffix is not a hyphenated UUID.
///
/// # Example
/// ```
/// use contact_rules::custom_field;
/// assert_eq!(
///     custom_field::normalize_key("custom_field_6BA7B810-9DAD-11D1-80B4-00C04FD430C8"),
///     Some(Ok("custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8".to_string()))
/// );
/// assert!(custom_field::normalize_key("custom_field_42").unwrap().is_err());
/// assert_eq!(custom_field::normalize_key("company"), None);
/// ```
pub fn normalize_key(key: &str) -> Option<Result<String, FieldIssue>> {
    // Case-insensitive prefix: `Custom_Field_...` is a custom field key with a bad prefix case,
    // reported as invalid rather than as an unknown key.
    let head = key.get(..PREFIX.len())?;
    if !head.eq_ignore_ascii_case(PREFIX) {
        return None;
    }
    let suffix = &key[PREFIX.len()..];
    if head == PREFIX && crate::uuid::is_hyphenated(suffix) {
        // One allocation: the prefix and the suffix copied, then lower-cased in place.
        let mut norm = String::with_capacity(key.len());
        norm.push_str(PREFIX);
        norm.push_str(suffix);
        norm.make_ascii_lowercase();
        Some(Ok(norm))
    } else {
        Some(Err(FieldIssue::new(Code::CustomFieldKeyInvalid)))
    }
}

/// Normalizes a custom field value. Strings get text hygiene (blank strings are handled by the
/// contact as for every field); numbers must be finite and are kept exactly.
///
/// # Errors
/// `custom_field_type` for arrays, objects and non-finite numbers; `control_characters` and
/// `string_too_long` from the text rule.
///
/// # Example
/// ```
/// use contact_rules::{custom_field, Options};
/// use serde_json::json;
/// let o = Options::default();
/// assert_eq!(custom_field::normalize_value(&json!(" gold  tier "), &o).unwrap(), json!("gold tier"));
/// assert_eq!(custom_field::normalize_value(&json!(42), &o).unwrap(), json!(42));
/// assert!(custom_field::normalize_value(&json!([1]), &o).is_err());
/// ```
pub fn normalize_value(value: &Value, options: &Options) -> Result<Value, FieldIssue> {
    match value {
        Value::Null | Value::Bool(_) => Ok(value.clone()),
        // As `n.as_f64()` (finite or `None`), without the float parser.
        Value::Number(n) => match number::classify(n.as_str()) {
            F64::Zero | F64::One | F64::Finite => Ok(value.clone()),
            F64::Infinite | F64::Malformed => Err(FieldIssue::new(Code::CustomFieldType)),
        },
        Value::String(s) => normalize_text(s, options),
        Value::Array(_) | Value::Object(_) => Err(FieldIssue::new(Code::CustomFieldType)),
    }
}

/// [`normalize_value`] of a JSON string, read from its text (no copy as a `Value` first).
pub(crate) fn normalize_text(s: &str, options: &Options) -> Result<Value, FieldIssue> {
    text::normalize_with_max(s, options.limits.custom_field_max_chars)
        .map(|n| Value::String(n.value))
}
