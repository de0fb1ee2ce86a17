//! Issues: the one table of issue codes, and the issue types every rule returns.
//!
//! Every code's string, severity and default message come from the single `codes!` table
//! below; the README's table of codes is checked against [`Code::ALL`] by a test.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

mod read;

/// Whether an issue makes the payload invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The payload is invalid.
    Error,
    /// Worth showing to a person; the payload stays valid.
    Warning,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $severity:ident, $message:literal; )*) => {
        /// A stable, snake_case issue code (SPEC.md §2). Codes are never renamed.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, errors first, in the order of the table.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as it appears on the wire, e.g. `"email_invalid"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Whether the code is an error or a warning.
            pub const fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// The default English message: one sentence saying what to fix.
            pub const fn message(self) -> &'static str {
                match self { $(Code::$variant => $message,)* }
            }

            /// The code for a wire string, if there is one.
            pub fn from_code_str(s: &str) -> Option<Code> {
                match s { $($code => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    /// The payload is not a JSON object.
    ObjectType = "object_type", Error, "The payload must be a JSON object.";
    /// A string field holds something else.
    StringType = "string_type", Error, "This field must be a string or null.";
    /// `do_not_contact` is not a boolean (or a lax boolean when allowed).
    BoolParsing = "bool_parsing", Error, "This field must be true, false or null.";
    /// `tags` is not an array.
    ListType = "list_type", Error, "This field must be an array of UUIDs or null.";
    /// A UUID field does not hold a UUID.
    UuidParsing = "uuid_parsing", Error, "This field must be a UUID, such as 6ba7b810-9dad-11d1-80b4-00c04fd430c8.";
    /// An unknown key (with the default `unknown_keys: error`).
    ExtraForbidden = "extra_forbidden", Error, "This key is not part of the contact payload.";
    /// Neither `email` nor `linkedin_url` was given.
    EmailOrLinkedinRequired = "email_or_linkedin_required", Error, "Give an email address or a LinkedIn profile URL.";
    /// A string exceeds its length cap.
    StringTooLong = "string_too_long", Error, "This text is too long.";
    /// Control or invisible format characters in text.
    ControlCharacters = "control_characters", Error, "Remove the control or invisible formatting characters from this text.";
    /// Not an email address the API accepts.
    EmailInvalid = "email_invalid", Error, "Enter a valid email address, such as jane@example.com.";
    /// Not a valid phone number.
    PhoneInvalid = "phone_invalid", Error, "Enter a valid phone number, with its country code if it is not from the default region.";
    /// Too few digits for a phone number.
    PhoneTooShort = "phone_too_short", Error, "This phone number is too short.";
    /// Too many digits for a phone number.
    PhoneTooLong = "phone_too_long", Error, "This phone number is too long.";
    /// A number of a possible length that no range of its country is assigned to
    /// (`+1-555-123-4567`); `ctx`: `country_code`, `e164` (the number as read), `reason`.
    PhoneUnassigned = "phone_unassigned", Error, "This phone number has a possible length, but no range of its country is assigned to it; check the digits.";
    /// A national number without a default region to read it in.
    PhoneRegionMissing = "phone_region_missing", Error, "Add the country code (starting with +), or set a default region.";
    /// Not a LinkedIn URL, or a malformed one.
    LinkedinUrlInvalid = "linkedin_url_invalid", Error, "Enter a LinkedIn profile URL, such as https://www.linkedin.com/in/jane-doe.";
    /// A LinkedIn URL of a company, school, group, feed, job...
    LinkedinUrlNotProfile = "linkedin_url_not_profile", Error, "This LinkedIn URL is not a person's profile; use the /in/ profile URL.";
    /// A LinkedIn URL from which no public profile can be derived offline.
    LinkedinUrlUnsupported = "linkedin_url_unsupported", Error, "This kind of LinkedIn URL cannot be turned into a public profile URL; open it and copy the /in/ URL.";
    /// Not a domain name.
    DomainInvalid = "domain_invalid", Error, "Enter a company domain, such as acme.com.";
    /// An IP address, a single label, a public suffix or a special-use name.
    DomainNotPublic = "domain_not_public", Error, "This is not a public company domain.";
    /// A `custom_field_` key whose suffix is not a UUID, or a duplicate key.
    CustomFieldKeyInvalid = "custom_field_key_invalid", Error, "Custom field keys are custom_field_ followed by the field's UUID, each at most once.";
    /// A custom field value that is an array or an object (or a non-finite number).
    CustomFieldType = "custom_field_type", Error, "A custom field value must be a string, a finite number, a boolean or null.";
    /// The record exceeds a size limit.
    PayloadTooLarge = "payload_too_large", Error, "The payload is too large.";
    /// Command line: a record that is not JSON (or not UTF-8).
    InvalidJson = "invalid_json", Error, "This record is not valid JSON.";
    // --- Spreadsheet imports (src/import/, issue 16): damage a spreadsheet does to values, and
    // rows of a file that cannot be read. Kept together so that other additions merge apart.
    /// A phone number or an ID that a spreadsheet turned into a number in scientific notation.
    SpreadsheetScientificNotation = "spreadsheet_scientific_notation", Error, "A spreadsheet turned this value into a number in scientific notation (such as 4.15555E+09), which loses digits; format the column as text and export it again.";
    /// Digits only, valid only with the leading 0 or + (00) that a spreadsheet drops.
    PhoneLeadingZeroLost = "phone_leading_zero_lost", Error, "This phone number is only valid with a leading 0 or + that a spreadsheet may have dropped; format the column as text and export it again.";
    /// Part of a UUID, or a UUID broken by spaces or line breaks.
    UuidSplit = "uuid_split", Error, "This is part of a UUID, or a UUID broken by spaces or line breaks; give the whole UUID (8-4-4-4-12 hex digits).";
    /// A row of an imported file that cannot be read (a value beyond the header's columns,
    /// text not in the file's encoding).
    RowInvalid = "row_invalid", Error, "This row of the file cannot be read as a contact.";
    // --- end of the spreadsheet import block.
    /// The email is at a free mailbox provider.
    EmailFreeProvider = "email_free_provider", Warning, "This is a free mailbox address; no company can be derived from it.";
    /// The email's domain looks like a typo.
    EmailTypo = "email_typo", Warning, "This address may contain a typo.";
    /// The email is a role account (info@, sales@...).
    EmailRoleAccount = "email_role_account", Warning, "This looks like a shared role address rather than a person's.";
    /// The domain field is a free mailbox provider.
    DomainFreeProvider = "domain_free_provider", Warning, "This is a free mailbox provider, not a company domain.";
    /// The email's registrable domain differs from `domain`.
    EmailDomainMismatch = "email_domain_mismatch", Warning, "The email's domain differs from the company domain.";
    /// The phone number is possible but not known to be valid.
    PhonePossibleOnly = "phone_possible_only", Warning, "This phone number has a possible length but is not known to be in service.";
}

impl Code {
    /// Whether this code is an error (makes the payload invalid).
    pub const fn is_error(self) -> bool {
        matches!(self.severity(), Severity::Error)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Code::from_code_str(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown issue code {s:?}")))
    }
}

/// One step of an issue's path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

impl Serialize for PathSegment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PathSegment::Key(k) => s.serialize_str(k),
            PathSegment::Index(i) => s.serialize_u64(*i as u64),
        }
    }
}

impl<'de> Deserialize<'de> for PathSegment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Key(String),
            Index(usize),
        }
        Ok(match Raw::deserialize(d)? {
            Raw::Key(k) => PathSegment::Key(k),
            Raw::Index(i) => PathSegment::Index(i),
        })
    }
}

impl From<&str> for PathSegment {
    fn from(k: &str) -> Self {
        PathSegment::Key(k.to_owned())
    }
}

impl From<usize> for PathSegment {
    fn from(i: usize) -> Self {
        PathSegment::Index(i)
    }
}

/// What a field rule reports about one value: a code, a message and optional details.
///
/// Field rules know nothing of paths; [`crate::validate_contact`] turns a `FieldIssue` into an
/// [`Issue`] at the field's path.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldIssue {
    /// The issue code.
    pub code: Code,
    /// The message for people; the code's default unless the rule says more.
    pub message: Cow<'static, str>,
    /// Details, e.g. `{"suggestion": "jane@gmail.com"}` or `{"max_length": 255}`.
    pub ctx: Option<Map<String, Value>>,
}

impl FieldIssue {
    /// An issue with the code's default message and no details.
    pub fn new(code: Code) -> Self {
        FieldIssue {
            code,
            message: Cow::Borrowed(code.message()),
            ctx: None,
        }
    }

    /// Replaces the message.
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = message.into();
        self
    }

    /// Adds one detail to `ctx`.
    pub fn with_ctx(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.ctx
            .get_or_insert_with(Map::new)
            .insert(key.to_owned(), value.into());
        self
    }
}

impl fmt::Display for FieldIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for FieldIssue {}

/// A problem found in a payload, at a path (SPEC.md §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// Keys and indexes from the payload root; empty for the payload itself.
    pub path: Vec<PathSegment>,
    /// The stable issue code.
    pub code: Code,
    /// One English sentence saying what to fix.
    pub message: Cow<'static, str>,
    /// The offending value, when there is one (`null` included).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub input: Option<Value>,
    /// Details such as a suggestion or a limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ctx: Option<Map<String, Value>>,
}

/// A key that is present deserializes to `Some`, even when its value is `null`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

impl Issue {
    /// An issue at `path` from a field rule's report.
    pub fn at(path: Vec<PathSegment>, issue: FieldIssue, input: Option<Value>) -> Self {
        Issue {
            path,
            code: issue.code,
            message: issue.message,
            input,
            ctx: issue.ctx,
        }
    }

    /// This issue in FastAPI's 422 shape:
    /// `{"type", "loc": ["body", ...path], "msg", "input"?, "ctx"?}`.
    pub fn to_fastapi(&self) -> Value {
        let mut loc = Vec::with_capacity(self.path.len() + 1);
        loc.push(Value::from("body"));
        loc.extend(self.path.iter().map(|p| match p {
            PathSegment::Key(k) => Value::from(k.as_str()),
            PathSegment::Index(i) => Value::from(*i as u64),
        }));
        let mut m = Map::new();
        m.insert("type".into(), self.code.as_str().into());
        m.insert("loc".into(), Value::Array(loc));
        m.insert("msg".into(), Value::from(self.message.as_ref()));
        if let Some(input) = &self.input {
            m.insert("input".into(), input.clone());
        }
        if let Some(ctx) = &self.ctx {
            m.insert("ctx".into(), Value::Object(ctx.clone()));
        }
        Value::Object(m)
    }
}

/// The FastAPI 422 body for a list of errors: `{"detail": [...]}`.
pub fn to_fastapi_errors(issues: &[Issue]) -> Value {
    let detail = issues.iter().map(Issue::to_fastapi).collect();
    let mut m = Map::new();
    m.insert("detail".into(), Value::Array(detail));
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_snake_case() {
        for &c in Code::ALL {
            assert_eq!(Code::from_code_str(c.as_str()), Some(c));
            assert!(c
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert!(c.message().ends_with('.'), "{c}");
        }
    }

    #[test]
    fn fastapi_shape() {
        let i = Issue::at(
            vec!["tags".into(), 2.into()],
            FieldIssue::new(Code::UuidParsing),
            Some("x".into()),
        );
        let v = to_fastapi_errors(&[i]);
        assert_eq!(v["detail"][0]["type"], "uuid_parsing");
        assert_eq!(
            v["detail"][0]["loc"],
            serde_json::json!(["body", "tags", 2])
        );
        assert_eq!(v["detail"][0]["input"], "x");
    }
}
