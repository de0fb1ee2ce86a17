//! The whole payload: the typed [`Contact`], and [`validate_contact`], which only orchestrates —
//! each field's rule lives in its own module.

use crate::issue::{Code, FieldIssue, Issue, PathSegment};
use crate::options::{Blank, DomainMode, Options, UnknownKeys};
use crate::{boolean, custom_field, domain, email, linkedin, phone, text, uuid, Rule};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashSet;

mod scan;

/// A payload field's three states: absent (leave as is), null (clear) or a value.
///
/// Serialized inside [`Contact`], `Absent` leaves the key out and `Null` writes `null`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Field<T> {
    /// The key was not in the payload: the API leaves the stored value as it is.
    #[default]
    Absent,
    /// The key was `null` (or blank, by default): the API clears the stored value.
    Null,
    /// A value.
    Value(T),
}

impl<T> Field<T> {
    /// Whether the key is absent.
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// The value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Value(v) => v.serialize(s),
            Field::Absent | Field::Null => s.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(d)? {
            Some(v) => Field::Value(v),
            None => Field::Null,
        })
    }
}

/// A contact payload for `PUT /v1/contacts`, keeping absent, null and value apart.
///
/// Serializes to the API body in the payload table's key order, then custom fields in input
/// order. Deserializing a `Contact` does **not** validate; use [`ValidContact`] or
/// [`validate_contact`] for input from outside.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Contact {
    /// Email address, local part lower-cased (by default), domain in Unicode form.
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub email: Field<String>,
    /// `https://www.linkedin.com/in/<slug>`.
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub linkedin_url: Field<String>,
    /// First name (text hygiene).
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub first_name: Field<String>,
    /// Last name (text hygiene).
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub last_name: Field<String>,
    /// Job title (text hygiene).
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub title: Field<String>,
    /// Phone number in E.164, with `;ext=NNN` when it has an extension.
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub phone_number: Field<String>,
    /// Location (text hygiene).
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub location: Field<String>,
    /// Account UUID, lower-case hyphenated.
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub account_id: Field<String>,
    /// Company domain: the registrable domain (by default), lower-case ASCII.
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub domain: Field<String>,
    /// Do-not-contact flag.
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub do_not_contact: Field<bool>,
    /// Tag UUIDs, lower-case hyphenated, without duplicates.
    #[serde(default, skip_serializing_if = "Field::is_absent")]
    pub tags: Field<Vec<String>>,
    /// `custom_field_<uuid>` keys (lower-cased) and their values, in input order; with
    /// `unknown_keys: keep`, the kept unknown keys too.
    #[serde(flatten)]
    pub custom_fields: Map<String, Value>,
}

impl Contact {
    /// How many keys the serialized contact has. A derived `domain` is added only while this
    /// is under `max_keys`, so that the output validates again (stripped unknown keys and
    /// omitted blanks are not in the output, so the payload's own count would be wrong).
    fn key_count(&self) -> usize {
        [
            self.email.is_absent(),
            self.linkedin_url.is_absent(),
            self.first_name.is_absent(),
            self.last_name.is_absent(),
            self.title.is_absent(),
            self.phone_number.is_absent(),
            self.location.is_absent(),
            self.account_id.is_absent(),
            self.domain.is_absent(),
            self.do_not_contact.is_absent(),
            self.tags.is_absent(),
        ]
        .iter()
        .filter(|absent| !**absent)
        .count()
            + self.custom_fields.len()
    }
}

/// The result of validating one payload.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Outcome {
    /// The normalized contact, when there are no errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Contact>,
    /// Errors, in payload order; the payload is valid when there are none.
    pub errors: Vec<Issue>,
    /// Warnings, in payload order; they never make the payload invalid.
    pub warnings: Vec<Issue>,
}

impl Outcome {
    /// Whether the payload is valid (no errors).
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors as FastAPI's 422 body, `{"detail": [...]}`.
    pub fn to_fastapi(&self) -> Value {
        crate::issue::to_fastapi_errors(&self.errors)
    }

    fn failed(issue: Issue) -> Self {
        Outcome {
            value: None,
            errors: vec![issue],
            warnings: Vec::new(),
        }
    }
}

/// The keys of the payload, in output order.
pub const KNOWN_KEYS: [&str; 11] = [
    "email",
    "linkedin_url",
    "first_name",
    "last_name",
    "title",
    "phone_number",
    "location",
    "account_id",
    "domain",
    "do_not_contact",
    "tags",
];

/// Validates and normalizes a JSON text: the payload limits (size in bytes) and `invalid_json`
/// first, then as [`validate_contact`].
///
/// # Example
/// ```
/// use contact_rules::{validate_contact_str, Code, Options};
/// let out = validate_contact_str("{\"email\": \"jane@acme\"}", &Options::default());
/// assert_eq!(out.errors[0].code, Code::EmailInvalid);
/// assert_eq!(validate_contact_str("{", &Options::default()).errors[0].code, Code::InvalidJson);
/// ```
pub fn validate_contact_str(json: &str, options: &Options) -> Outcome {
    if json.len() > options.limits.max_payload_bytes {
        return too_large(options);
    }
    if let Some(outcome) = validate_simple(json, options) {
        return outcome;
    }
    match serde_json::from_str::<Value>(json) {
        Ok(v) => validate_contact(&v, options),
        Err(e) => Outcome::failed(invalid_json(&e.to_string())),
    }
}

/// The outcome of a record whose JSON text is over [`crate::Limits::max_payload_bytes`].
pub(crate) fn too_large(options: &Options) -> Outcome {
    let max = options.limits.max_payload_bytes;
    Outcome::failed(Issue::at(
        Vec::new(),
        FieldIssue::new(Code::PayloadTooLarge)
            .with_message(format!("The payload is too large: at most {max} bytes."))
            .with_ctx("max_bytes", max as u64),
        None,
    ))
}

/// The `invalid_json` issue for a record that could not be parsed.
pub(crate) fn invalid_json(error: &str) -> Issue {
    Issue::at(
        Vec::new(),
        FieldIssue::new(Code::InvalidJson).with_ctx("error", error),
        None,
    )
}

/// Validates and normalizes one payload, collecting every issue.
///
/// Errors and warnings come in payload order (each key's issues where the key stands), then
/// the rules across fields. `value` is the normalized contact when there are no errors.
///
/// # Example
/// ```
/// use contact_rules::{validate_contact, Code, Options};
/// use serde_json::json;
/// let out = validate_contact(&json!({"email": null, "tags": ["nope"]}), &Options::default());
/// let codes: Vec<_> = out.errors.iter().map(|i| i.code).collect();
/// assert_eq!(codes, [Code::UuidParsing, Code::EmailOrLinkedinRequired]);
/// assert_eq!(serde_json::to_value(&out.errors[0].path).unwrap(), json!(["tags", 0]));
/// ```
pub fn validate_contact(payload: &Value, options: &Options) -> Outcome {
    let Value::Object(map) = payload else {
        return Outcome::failed(Issue::at(
            Vec::new(),
            FieldIssue::new(Code::ObjectType),
            Some(payload.clone()),
        ));
    };
    if map.len() > options.limits.max_keys {
        let max = options.limits.max_keys;
        return Outcome::failed(Issue::at(
            Vec::new(),
            FieldIssue::new(Code::PayloadTooLarge)
                .with_message(format!("The payload has too many keys: at most {max}."))
                .with_ctx("max_keys", max as u64),
            None,
        ));
    }
    let mut v = Validation::new(options);
    for (key, value) in map {
        v.key(key, In::Json(value));
    }
    v.finish()
}

/// A payload's value as the validation reads it: a string borrowed from the JSON text (the
/// fast path of [`validate_contact_str`]), or a parsed JSON value.
#[derive(Clone, Copy)]
enum In<'a> {
    Str(&'a str),
    /// An array of strings, each borrowed from the text (none has an escape).
    Strs(&'a [&'a str]),
    Json(&'a Value),
}

impl In<'_> {
    /// The value as a `serde_json::Value` (a copy of borrowed strings).
    fn as_json(&self) -> Cow<'_, Value> {
        match *self {
            In::Json(v) => Cow::Borrowed(v),
            other => Cow::Owned(other.to_value()),
        }
    }

    /// An owned copy, for an issue's `input`.
    fn to_value(self) -> Value {
        match self {
            In::Str(s) => Value::String(s.to_owned()),
            In::Strs(items) => Value::Array(items.iter().map(|&s| Value::from(s)).collect()),
            In::Json(v) => v.clone(),
        }
    }
}

/// A tag as `tags` reads it: a string or any other JSON value (an error).
trait TagItem {
    fn as_str(&self) -> Option<&str>;
    fn to_value(&self) -> Value;
}

impl TagItem for Value {
    fn as_str(&self) -> Option<&str> {
        Value::as_str(self)
    }
    fn to_value(&self) -> Value {
        self.clone()
    }
}

impl TagItem for &str {
    fn as_str(&self) -> Option<&str> {
        Some(self)
    }
    fn to_value(&self) -> Value {
        Value::from(*self)
    }
}

/// The fast path of [`validate_contact_str`] for the common payload: an object whose keys are
/// distinct and free of escapes, whose values are strings (borrowed from the text when they
/// have no escapes) or values at most one level deep (`tags`, numbers, booleans, null). The
/// payload is not first built as a `serde_json::Value` (a hash map, a string per key and per
/// value): the same result with far fewer allocations. `None` for anything else, which then
/// takes the general path, so every result is the same as [`validate_contact`]'s on the
/// parsed value.
fn validate_simple(json: &str, options: &Options) -> Option<Outcome> {
    let entries = scan::object(json)?;
    if entries.len() > options.limits.max_keys || entries.len() > 64 {
        return None;
    }
    // Duplicate keys (the last value wins, at the first one's place) take the general path.
    for (i, (key, _)) in entries.iter().enumerate() {
        if entries[..i].iter().any(|(k, _)| k == key) {
            return None;
        }
    }
    // Each value as the rules will read it, handed to its rule at once (nothing is kept: the
    // rules copy what they keep): an escape-free JSON string as its text between the quotes,
    // an array of such strings as their texts, a string with escapes unescaped, a literal as
    // its value, a number by serde_json's number parser, anything else parsed by serde_json
    // (which also checks what the scan only delimited: numbers, escapes, nested values). A
    // value serde_json refuses sends the payload to the general path (the validation so far is
    // dropped), as before.
    let mut v = Validation::new(options);
    for (key, value) in entries {
        match value {
            scan::Raw::Text(text) => v.key(key, In::Str(text)),
            scan::Raw::Texts(items) => v.key(key, In::Strs(&items)),
            scan::Raw::Other(text) => match *text.as_bytes().first()? {
                // A string with escapes (`"\tOffice Manager\r\n"`: a third of the export
                // payloads have one) unescaped here (serde_json for what `unescape` leaves).
                b'"' => match text
                    .strip_prefix('"')
                    .and_then(|t| t.strip_suffix('"'))
                    .and_then(scan::unescape)
                {
                    Some(unescaped) => v.key(key, In::Str(&unescaped)),
                    None => v.key(key, In::Json(&serde_json::from_str(text).ok()?)),
                },
                // The scan delimits a literal as exactly its word.
                b'n' if text == "null" => v.key(key, In::Json(&Value::Null)),
                b't' if text == "true" => v.key(key, In::Json(&Value::Bool(true))),
                b'f' if text == "false" => v.key(key, In::Json(&Value::Bool(false))),
                // What `serde_json::from_str::<Value>` gives for a number's text, without the
                // deserializer around the number parser (held by `number_text_as_value`).
                b'-' | b'0'..=b'9' => {
                    let n = text.parse::<serde_json::Number>().ok()?;
                    v.key(key, In::Json(&Value::Number(n)));
                }
                _ => v.key(key, In::Json(&serde_json::from_str(text).ok()?)),
            },
        }
    }
    Some(v.finish())
}

/// Up to this many tags, duplicates are found by looking through the tags kept so far.
const FEW_TAGS: usize = 16;

/// One payload's validation in progress: the contact built so far and the issues found.
struct Validation<'o> {
    options: &'o Options,
    out: Contact,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
    /// An email or LinkedIn URL was given (not absent, null or blank), valid or not.
    identity_given: bool,
}

impl<'o> Validation<'o> {
    fn new(options: &'o Options) -> Self {
        Validation {
            options,
            out: Contact::default(),
            errors: Vec::new(),
            warnings: Vec::new(),
            identity_given: false,
        }
    }

    fn error(&mut self, path: Vec<PathSegment>, issue: FieldIssue, input: Option<Value>) {
        self.errors.push(Issue::at(path, issue, input));
    }

    fn key(&mut self, key: &str, value: In<'_>) {
        // One dispatch on the key: the rule, whether the key gives an identity, and the slot.
        type Slot = fn(&mut Contact) -> &mut Field<String>;
        let (rule, identity, slot): (Rule, bool, Slot) = match key {
            "email" => (email::normalize, true, |c| &mut c.email),
            "linkedin_url" => (linkedin::normalize, true, |c| &mut c.linkedin_url),
            "first_name" => (text::normalize, false, |c| &mut c.first_name),
            "last_name" => (text::normalize, false, |c| &mut c.last_name),
            "title" => (text::normalize, false, |c| &mut c.title),
            "phone_number" => (phone::normalize, false, |c| &mut c.phone_number),
            "location" => (text::normalize, false, |c| &mut c.location),
            "account_id" => (uuid::normalize, false, |c| &mut c.account_id),
            "domain" => (domain::normalize, false, |c| &mut c.domain),
            "do_not_contact" => return self.do_not_contact(value),
            "tags" => {
                return match value {
                    In::Strs(items) => self.tag_items(items),
                    _ => self.tags(&value.as_json()),
                }
            }
            _ => {
                match custom_field::normalize_key(key) {
                    Some(Ok(norm)) => self.custom_field(key, norm, value),
                    Some(Err(issue)) => self.error(vec![key.into()], issue, None),
                    None => self.unknown_key(key, value),
                }
                return;
            }
        };
        let field = self.string_field(key, value, rule);
        if identity && !matches!(field, Normal::Null | Normal::Blank) {
            self.identity_given = true;
        }
        *slot(&mut self.out) = field.into_field(self.options.blank);
    }

    /// A string field: null, blank, the rule's value, or an error (reported here).
    fn string_field(&mut self, key: &str, value: In<'_>, rule: Rule) -> Normal<String> {
        let s = match value {
            In::Str(s) => s,
            In::Json(Value::String(s)) => s.as_str(),
            In::Json(Value::Null) => return Normal::Null,
            In::Json(_) | In::Strs(_) => {
                self.error(
                    vec![key.into()],
                    FieldIssue::new(Code::StringType),
                    Some(value.to_value()),
                );
                return Normal::Invalid;
            }
        };
        if text::is_blank(s) {
            return Normal::Blank;
        }
        match rule(s, self.options) {
            Ok(n) => {
                // Most values have no warning: the empty list then costs no iterator to drop.
                if !n.warnings.is_empty() {
                    for w in n.warnings {
                        self.warnings.push(Issue::at(vec![key.into()], w, None));
                    }
                }
                Normal::Value(n.value)
            }
            Err(issue) => {
                self.error(vec![key.into()], issue, Some(value.to_value()));
                Normal::Invalid
            }
        }
    }

    fn do_not_contact(&mut self, value: In<'_>) {
        self.out.do_not_contact = match value {
            // A string read as it is, the same as its copy as a JSON string below.
            In::Str(s) => self.do_not_contact_text(s, value),
            _ => match &*value.as_json() {
                Value::Null => Field::Null,
                Value::String(s) => self.do_not_contact_text(s, value),
                other => {
                    let parsed = boolean::parse(other, self.options);
                    self.do_not_contact_parsed(parsed, value)
                }
            },
        };
    }

    /// `do_not_contact` given as a string: blank, or a lax boolean's text.
    fn do_not_contact_text(&mut self, s: &str, value: In<'_>) -> Field<bool> {
        if text::is_blank(s) {
            return Normal::<bool>::Blank.into_field(self.options.blank);
        }
        let parsed = boolean::parse_text(s, self.options);
        self.do_not_contact_parsed(parsed, value)
    }

    /// `do_not_contact` as read, or its issue (with the value as its input).
    fn do_not_contact_parsed(
        &mut self,
        parsed: Result<bool, FieldIssue>,
        value: In<'_>,
    ) -> Field<bool> {
        match parsed {
            Ok(b) => Field::Value(b),
            Err(issue) => {
                self.error(vec!["do_not_contact".into()], issue, Some(value.to_value()));
                Field::Absent
            }
        }
    }

    fn tags(&mut self, value: &Value) {
        let items = match value {
            Value::Null => {
                self.out.tags = Field::Null;
                return;
            }
            Value::String(s) if s.trim().is_empty() => {
                self.out.tags = Normal::<Vec<String>>::Blank.into_field(self.options.blank);
                return;
            }
            Value::Array(items) => items,
            _ => {
                self.error(
                    vec!["tags".into()],
                    FieldIssue::new(Code::ListType),
                    Some(value.clone()),
                );
                return;
            }
        };
        self.tag_items(items);
    }

    /// The tags of a list (JSON values, or strings borrowed from the text by the fast path).
    fn tag_items<T: TagItem>(&mut self, items: &[T]) {
        let max = self.options.limits.max_tags;
        if items.len() > max {
            self.error(
                vec!["tags".into()],
                FieldIssue::new(Code::PayloadTooLarge)
                    .with_message(format!("Too many tags: at most {max}."))
                    .with_ctx("max_items", max as u64),
                None,
            );
            return;
        }
        // Duplicates: a look through the tags kept so far for the few tags of a usual payload
        // (no hashing, no copy of each tag), a set of them for long lists.
        let mut seen = HashSet::new();
        let few = items.len() <= FEW_TAGS;
        let mut tags: Vec<String> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let parsed = match item.as_str() {
                Some(s) => uuid::parse(s),
                None => Err(FieldIssue::new(Code::UuidParsing)),
            };
            match parsed {
                Ok(u) => {
                    let new = if few {
                        !tags.contains(&u)
                    } else {
                        seen.insert(u.clone())
                    };
                    if new {
                        tags.push(u);
                    }
                }
                Err(issue) => {
                    self.error(vec!["tags".into(), i.into()], issue, Some(item.to_value()))
                }
            }
        }
        self.out.tags = Field::Value(tags);
    }

    fn custom_field(&mut self, key: &str, norm: String, value: In<'_>) {
        if self.out.custom_fields.contains_key(&norm) {
            self.error(
                vec![key.into()],
                FieldIssue::new(Code::CustomFieldKeyInvalid)
                    .with_message("This custom field appears twice (keys differ only in case).")
                    .with_ctx("duplicate_of", norm),
                None,
            );
            return;
        }
        // A string read as it is (`normalize_value` on its copy as a JSON string gives the
        // same), anything else as a JSON value.
        let text = match value {
            In::Str(s) => Some(s),
            In::Json(Value::String(s)) => Some(s.as_str()),
            _ => None,
        };
        let normalized = match text {
            Some(s) if text::is_blank(s) => match self.options.blank {
                Blank::Null => Ok(Value::Null),
                Blank::Omit => return,
            },
            Some(s) => custom_field::normalize_text(s, self.options),
            None => custom_field::normalize_value(&value.as_json(), self.options),
        };
        let normalized = match normalized {
            Ok(v) => v,
            Err(issue) => {
                self.error(vec![key.into()], issue, Some(value.to_value()));
                return;
            }
        };
        self.out.custom_fields.insert(norm, normalized);
    }

    fn unknown_key(&mut self, key: &str, value: In<'_>) {
        match self.options.unknown_keys {
            UnknownKeys::Strip => {}
            UnknownKeys::Keep => {
                self.out
                    .custom_fields
                    .insert(key.to_owned(), value.to_value());
            }
            UnknownKeys::Error => {
                let mut issue = FieldIssue::new(Code::ExtraForbidden);
                if let Some(s) = suggest_key(key) {
                    issue = issue
                        .with_message(format!(
                            "This key is not part of the contact payload; did you mean \"{s}\"?"
                        ))
                        .with_ctx("suggestion", s);
                }
                self.error(vec![key.into()], issue, Some(value.to_value()));
            }
        }
    }

    /// The rules across fields, then the outcome.
    fn finish(mut self) -> Outcome {
        self.across_fields();
        let Validation {
            out,
            errors,
            warnings,
            ..
        } = self;
        Outcome {
            value: errors.is_empty().then_some(out),
            errors,
            warnings,
        }
    }

    fn across_fields(&mut self) {
        if !self.identity_given {
            self.error(
                Vec::new(),
                FieldIssue::new(Code::EmailOrLinkedinRequired),
                None,
            );
        }
        let Some(address) = self.out.email.value() else {
            return;
        };
        let email_domain = address.rsplit_once('@').map_or("", |(_, d)| d);
        // A free mailbox has no company behind it, and a typo'd domain is already reported with
        // its correction: neither is compared with `domain`.
        let typo = self.warnings.iter().any(|w| w.code == Code::EmailTypo);
        if typo || crate::free_mail::is_free_mail_domain(email_domain) {
            return;
        }
        // Shortcut, same result: a company domain equal to the email's domain (half of the
        // export-shaped payloads) is a normalized registrable domain in the registrable mode,
        // which normalizes to itself (the idempotence that tests/properties.rs holds on
        // generated domains under every option set): no mismatch to report, nothing to derive.
        if matches!(self.options.domain_mode, DomainMode::Registrable)
            && self.out.domain.value().is_some_and(|c| c == email_domain)
        {
            return;
        }
        let registrable = Options {
            domain_mode: DomainMode::Registrable,
            ..Options::default()
        };
        let Ok(from_email) = domain::normalize(email_domain, &registrable) else {
            return;
        };
        match &self.out.domain {
            Field::Absent
                if self.options.derive_domain_from_email
                    && self.out.key_count() < self.options.limits.max_keys =>
            {
                self.out.domain = match self.options.domain_mode {
                    DomainMode::Registrable => Field::Value(from_email.value),
                    DomainMode::Host => match domain::normalize(email_domain, self.options) {
                        Ok(n) => Field::Value(n.value),
                        Err(_) => Field::Absent,
                    },
                };
            }
            Field::Value(company) => {
                // In the registrable mode `company` already is a normalized registrable domain,
                // which normalizes to itself: skip the second pass.
                let company = match self.options.domain_mode {
                    DomainMode::Registrable => Ok(company.clone()),
                    DomainMode::Host => domain::normalize(company, &registrable).map(|n| n.value),
                };
                if company.as_ref().is_ok_and(|c| *c != from_email.value) {
                    self.warnings.push(Issue::at(
                        vec!["email".into()],
                        FieldIssue::new(Code::EmailDomainMismatch)
                            .with_ctx("email_domain", from_email.value)
                            .with_ctx("domain", company.unwrap_or_default()),
                        None,
                    ));
                }
            }
            _ => {}
        }
    }
}

/// A string field after its rule, before the blank option is applied.
enum Normal<T> {
    Null,
    Blank,
    Invalid,
    Value(T),
}

impl<T> Normal<T> {
    fn into_field(self, blank: Blank) -> Field<T> {
        match self {
            Normal::Null => Field::Null,
            Normal::Blank => match blank {
                Blank::Null => Field::Null,
                Blank::Omit => Field::Absent,
            },
            Normal::Invalid => Field::Absent,
            Normal::Value(v) => Field::Value(v),
        }
    }
}

/// Common names for the payload's keys, squashed (lower-case letters and digits only).
const ALIASES: &[(&str, &str)] = &[
    ("mail", "email"),
    ("emailaddress", "email"),
    ("workemail", "email"),
    ("linkedin", "linkedin_url"),
    ("linkedinprofile", "linkedin_url"),
    ("linkedinprofileurl", "linkedin_url"),
    ("linkedinlink", "linkedin_url"),
    ("first", "first_name"),
    ("fname", "first_name"),
    ("givenname", "first_name"),
    ("forename", "first_name"),
    ("last", "last_name"),
    ("lname", "last_name"),
    ("surname", "last_name"),
    ("familyname", "last_name"),
    ("jobtitle", "title"),
    ("position", "title"),
    ("role", "title"),
    ("phone", "phone_number"),
    ("mobile", "phone_number"),
    ("mobilephone", "phone_number"),
    ("cellphone", "phone_number"),
    ("telephone", "phone_number"),
    ("tel", "phone_number"),
    ("city", "location"),
    ("address", "location"),
    ("country", "location"),
    ("account", "account_id"),
    ("accountuuid", "account_id"),
    ("companyid", "account_id"),
    ("website", "domain"),
    ("url", "domain"),
    ("web", "domain"),
    ("companydomain", "domain"),
    ("companywebsite", "domain"),
    ("companyurl", "domain"),
    ("emaildomain", "domain"),
    ("dnc", "do_not_contact"),
    ("donotcall", "do_not_contact"),
    ("donotemail", "do_not_contact"),
    ("optout", "do_not_contact"),
    ("unsubscribed", "do_not_contact"),
    ("tag", "tags"),
    ("tagids", "tags"),
    ("labels", "tags"),
];

/// A known key that an unknown key probably meant: its camelCase or kebab-case spelling, a
/// common alias, or within two edits.
///
/// # Example
/// ```
/// use contact_rules::contact::suggest_key;
/// assert_eq!(suggest_key("firstName"), Some("first_name"));
/// assert_eq!(suggest_key("phone"), Some("phone_number"));
/// assert_eq!(suggest_key("emial"), Some("email"));
/// assert_eq!(suggest_key("favourite_colour"), None);
/// ```
pub fn suggest_key(key: &str) -> Option<&'static str> {
    if key.len() > 64 {
        return None;
    }
    let mut buf = [0u8; 64];
    let squashed = squash(key, &mut buf);
    if squashed.is_empty() {
        return None;
    }
    // The known keys squashed alike (their `_` dropped) into a second buffer.
    let mut known = [0u8; 64];
    if let Some(k) = KNOWN_KEYS
        .iter()
        .find(|k| squash(k, &mut known) == squashed)
    {
        return Some(k);
    }
    if let Some((_, k)) = ALIASES.iter().find(|(a, _)| a.as_bytes() == squashed) {
        return Some(k);
    }
    KNOWN_KEYS
        .iter()
        .map(|k| (edit_distance(squash(k, &mut known), squashed), *k))
        .filter(|&(d, _)| d <= 2)
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// `key`'s ASCII letters and digits, lower-cased, in `buf` (on the stack, no `String`; a key
/// over 64 bytes is cut there, and `suggest_key` refuses those first).
fn squash<'b>(key: &str, buf: &'b mut [u8; 64]) -> &'b [u8] {
    let mut n = 0;
    for b in key.bytes().filter(u8::is_ascii_alphanumeric) {
        if let Some(slot) = buf.get_mut(n) {
            *slot = b.to_ascii_lowercase();
            n += 1;
        }
    }
    buf.get(..n).unwrap_or_default()
}

/// Levenshtein distance over bytes (both inputs are short ASCII here: at most 64 bytes, rows
/// on the stack).
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut prev = [0usize; 65];
    let mut cur = [0usize; 65];
    let b = b.get(..64).unwrap_or(b);
    for (j, slot) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *slot = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// A contact that passed validation with the default options: deserialize a request body
/// straight into it (e.g. `axum::Json<ValidContact>`), and invalid payloads fail to
/// deserialize with their issues in the error message.
///
/// # Example
/// ```
/// use contact_rules::{Field, ValidContact};
/// let c: ValidContact = serde_json::from_str(r#"{"email": " Jane@Acme.com "}"#).unwrap();
/// assert_eq!(c.0.email, Field::Value("jane@acme.com".to_string()));
/// let err = serde_json::from_str::<ValidContact>(r#"{"email": "jane@acme"}"#).unwrap_err();
/// assert!(err.to_string().contains("email_invalid"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ValidContact(pub Contact);

impl ValidContact {
    /// Validates `payload` with `options`.
    ///
    /// # Errors
    /// The errors, when the payload is invalid (render them with
    /// [`crate::to_fastapi_errors`] for a 422 response).
    pub fn from_value(payload: &Value, options: &Options) -> Result<ValidContact, Vec<Issue>> {
        let out = validate_contact(payload, options);
        match out.value {
            Some(c) => Ok(ValidContact(c)),
            None => Err(out.errors),
        }
    }
}

impl<'de> Deserialize<'de> for ValidContact {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        ValidContact::from_value(&v, &Options::default()).map_err(|errors| {
            let list: Vec<String> = errors
                .iter()
                .map(|i| {
                    let path: Vec<String> = i
                        .path
                        .iter()
                        .map(|p| match p {
                            PathSegment::Key(k) => k.clone(),
                            PathSegment::Index(n) => n.to_string(),
                        })
                        .collect();
                    format!("{} at [{}]: {}", i.code, path.join("."), i.message)
                })
                .collect();
            serde::de::Error::custom(format!("invalid contact: {}", list.join("; ")))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut of `across_fields` (a company domain equal to the email's domain) rests
    /// on a registrable domain normalizing to itself: held here on domains generated from
    /// labels, public suffixes (`co.uk`, `github.io`, ...), case, Unicode labels and
    /// subdomains, and on the issues of the whole payload, which must hold no mismatch.
    #[test]
    fn equal_domains_shortcut_rests_on_idempotence() {
        let registrable = Options::default();
        let mut rng = crate::test_rng::XorShift(0x5eed_0003);
        let labels = [
            "acme",
            "ACME",
            "fourth-coffee",
            "bücher",
            "xn--bcher-kva",
            "a1",
            "www",
            "mail",
        ];
        let suffixes = [
            "com",
            "co.uk",
            "com.br",
            "github.io",
            "de",
            "blogspot.com",
            "ORG",
            "рф",
        ];
        for _ in 0..2_000 {
            let mut d = String::new();
            for _ in 0..rng.below(3) {
                d.push_str(labels[rng.below(labels.len())]);
                d.push('.');
            }
            d.push_str(labels[rng.below(labels.len())]);
            d.push('.');
            d.push_str(suffixes[rng.below(suffixes.len())]);
            let Ok(company) = domain::normalize(&d, &registrable) else {
                continue;
            };
            let again = domain::normalize(&company.value, &registrable).map(|n| n.value);
            assert_eq!(again.as_deref(), Ok(company.value.as_str()), "{d:?}");
            let payload = serde_json::json!({"email": format!("jane@{d}"), "domain": d});
            let out = validate_contact(&payload, &registrable);
            assert!(
                out.warnings
                    .iter()
                    .all(|w| w.code != Code::EmailDomainMismatch),
                "{d:?}: {:?}",
                out.warnings
            );
        }
    }

    /// The fast path reads a number's text with `Number`'s parser instead of as a whole JSON
    /// value: the same value, and refused alike, on generated texts of the characters the scan
    /// delimits a number by (valid numbers, leading zeros, signs, dots and exponents anywhere).
    #[test]
    fn number_text_as_value() {
        let mut rng = crate::test_rng::XorShift(0x5eed_0014);
        let alphabet = b"0123456789-+.eE";
        let mut accepted = 0;
        for _ in 0..50_000 {
            let len = 1 + rng.below(24);
            let text: String = (0..len)
                .map(|i| {
                    // Mostly digits (long runs: integers past u64, exponents past f64).
                    if i > 0 && rng.below(3) > 0 {
                        char::from(b'0' + rng.below(10) as u8)
                    } else {
                        char::from(alphabet[rng.below(alphabet.len())])
                    }
                })
                .collect();
            let general = serde_json::from_str::<Value>(&text).ok();
            let fast = text.parse::<serde_json::Number>().ok().map(Value::Number);
            assert_eq!(fast, general, "{text:?}");
            accepted += usize::from(general.is_some());
        }
        assert!(accepted > 10_000, "{accepted}");
    }

    #[test]
    fn edit_distance_works() {
        assert_eq!(edit_distance(b"email", b"emial"), 2);
        assert_eq!(edit_distance(b"title", b"titel"), 2);
        assert_eq!(edit_distance(b"", b"abc"), 3);
        assert_eq!(edit_distance(b"abc", b""), 3);
    }

    /// The stack-buffer `suggest_key` gives the answers of its first version (which built
    /// `String`s) on generated keys: known keys and aliases in other spellings, with typos,
    /// and noise.
    #[test]
    fn suggest_key_is_the_string_version() {
        fn by_strings(key: &str) -> Option<&'static str> {
            if key.len() > 64 {
                return None;
            }
            let squashed: String = key
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if squashed.is_empty() {
                return None;
            }
            let squash = |k: &str| k.replace('_', "");
            if let Some(k) = KNOWN_KEYS.iter().find(|k| squash(k) == squashed) {
                return Some(k);
            }
            if let Some((_, k)) = ALIASES.iter().find(|(a, _)| *a == squashed) {
                return Some(k);
            }
            KNOWN_KEYS
                .iter()
                .map(|k| (edit_distance(squash(k).as_bytes(), squashed.as_bytes()), *k))
                .filter(|&(d, _)| d <= 2)
                .min_by_key(|&(d, _)| d)
                .map(|(_, k)| k)
        }
        let mut rng = crate::test_rng::XorShift(0x5eed_0015);
        let words: Vec<&str> = KNOWN_KEYS
            .iter()
            .copied()
            .chain(ALIASES.iter().map(|(a, _)| *a))
            .chain(["x", "_", "-", "É", "Name", "ID", "url", "ö", " "])
            .collect();
        for _ in 0..30_000 {
            let mut key = String::new();
            for _ in 0..1 + rng.below(3) {
                key.push_str(rng.pick::<&str>(&words));
            }
            let mut bytes: Vec<char> = key.chars().collect();
            if rng.chance(50) && !bytes.is_empty() {
                let at = rng.below(bytes.len());
                match rng.below(3) {
                    0 => drop(bytes.remove(at)),
                    1 => bytes.insert(at, char::from(b'a' + rng.below(26) as u8)),
                    _ => bytes[at] = bytes[at].to_ascii_uppercase(),
                }
            }
            let key: String = bytes.into_iter().collect();
            assert_eq!(suggest_key(&key), by_strings(&key), "{key:?}");
        }
        let long = "a".repeat(64);
        assert_eq!(suggest_key(&long), by_strings(&long));
    }
}
