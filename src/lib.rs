//! # contact-rules
//!
//! Validate and normalize the contact payload of a CRM's `PUT /v1/contacts` upsert API — email,
//! LinkedIn URL, names, title, phone number, location, account UUID, company domain,
//! do-not-contact flag, tag UUIDs and `custom_field_<uuid>` keys — with the same rules natively
//! and in WebAssembly.
//!
//! The whole payload:
//!
//! ```
//! use contact_rules::{validate_contact, Options};
//! use serde_json::json;
//!
//! let opts = Options { default_region: Some("US".parse().unwrap()), ..Options::default() };
//! let out = validate_contact(&json!({
//!     "email": "  Jane.Doe@ACME.com ",
//!     "phone_number": "(415) 555-2671",
//!     "domain": "https://www.Acme.com/about",
//! }), &opts);
//! assert!(out.is_valid());
//! assert_eq!(
//!     serde_json::to_value(out.value.unwrap()).unwrap(),
//!     json!({"email": "jane.doe@acme.com", "phone_number": "+14155552671", "domain": "acme.com"})
//! );
//! ```
//!
//! One field at a time, each rule in its own module:
//!
//! ```
//! use contact_rules::{email, Code, Options};
//! assert_eq!(email::normalize("\"Jane Doe\" <jane@acme.com>", &Options::default()).unwrap().value, "jane@acme.com");
//! assert_eq!(email::normalize("jane@acme", &Options::default()).unwrap_err().code, Code::EmailInvalid);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod boolean;
pub mod contact;
pub mod custom_field;
pub mod domain;
pub mod email;
pub mod envelope;
#[cfg(feature = "import")]
pub mod import;
pub mod issue;
pub mod json_write;
pub mod linkedin;
pub mod options;
pub mod phone;
pub mod text;
pub mod uuid;

mod free_mail;
mod host;
mod number;
mod special_use;
mod spreadsheet;
mod table_reader;
#[cfg(test)]
mod test_rng;
mod unicode;

pub use contact::{validate_contact, validate_contact_str, Contact, Field, Outcome, ValidContact};
pub use envelope::{ContactResponse, Envelope, Meta};
pub use issue::{to_fastapi_errors, Code, FieldIssue, Issue, PathSegment, Severity};
pub use options::{
    Blank, DomainMode, EmailCase, Limits, Options, PhoneValidity, Region, UnknownKeys,
    UnknownRegion,
};

/// A field rule's result: the normalized value and any warnings about it.
///
/// Every field rule (`email::normalize`, `phone::normalize`, ...) returns
/// `Result<Normalized, FieldIssue>`: the normalized value, or the one error that stops it.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    /// The normalized value, as the API stores it.
    pub value: String,
    /// Warnings about the value; they never make it invalid.
    pub warnings: Vec<FieldIssue>,
}

impl Normalized {
    /// A normalized value without warnings.
    pub fn new(value: String) -> Self {
        Normalized {
            value,
            warnings: Vec::new(),
        }
    }
}

/// The result type of every field rule.
pub type FieldResult = Result<Normalized, FieldIssue>;

/// A field rule: `normalize(input, options)`.
pub type Rule = fn(&str, &Options) -> FieldResult;

/// `s` without `prefix`, compared ignoring ASCII case (`HTTPS://`, `Mailto:`); `None` when `s`
/// does not start with it.
pub(crate) fn strip_prefix_ignore_ascii_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

/// A field rule by its short name — `email`, `phone`, `linkedin`, `domain`, `uuid` or `text`,
/// the names `contact-rules normalize` and the JavaScript field functions use.
///
/// # Example
/// ```
/// use contact_rules::{field_rule, Options};
/// let rule = field_rule("uuid").unwrap();
/// assert_eq!(rule("{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}", &Options::default()).unwrap().value,
///            "6ba7b810-9dad-11d1-80b4-00c04fd430c8");
/// assert!(field_rule("zip").is_none());
/// ```
pub fn field_rule(name: &str) -> Option<Rule> {
    Some(match name {
        "email" => email::normalize,
        "phone" => phone::normalize,
        "linkedin" => linkedin::normalize,
        "domain" => domain::normalize,
        "uuid" => uuid::normalize,
        "text" => text::normalize,
        _ => return None,
    })
}

#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(all(feature = "axum", not(target_arch = "wasm32")))]
pub mod axum;
