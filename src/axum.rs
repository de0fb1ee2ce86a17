//! The axum integration (feature `axum`, off by default, never in the WebAssembly build): the
//! [`ValidatedContact`] extractor, which answers every body it refuses exactly as a FastAPI
//! server with the same contract answers it.
//!
//! The extractor reads the request body (at most [`crate::Limits::max_payload_bytes`]), validates it
//! with the [`Options`] the application keeps in its state (through [`FromRef`], as
//! `axum_garde` takes its validation context), and rejects with a [`ContactRejection`]:
//!
//! | request | status | body |
//! |---|---|---|
//! | a JSON object that breaks a rule | 422 | [`crate::to_fastapi_errors`] of the issues, the same bytes the browser package's `toFastApiErrors` gives |
//! | not JSON (sent as JSON) | 422 | `{"detail":[{"type":"json_invalid","loc":["body",POS],"msg":"JSON decode error","input":{},"ctx":{"error":MSG}}]}`, `POS` and `MSG` as Python's `json.loads` reports them |
//! | an empty body | 422 | `{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}` |
//! | no `Content-Type`, or one that is not `application/json` or `application/*+json` | 422 | `{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":BODY}]}` |
//! | larger than `max_payload_bytes` | 413 | the `payload_too_large` body of [`crate::validate_contact_str`] |
//! | bytes that are not text in the encoding JSON detection picks, or a body that could not be read | 400 | `{"detail":"There was an error parsing the body"}` |
//!
//! The FastAPI answers are those of `fastapi/routing.py` (0.132 and later, where
//! `strict_content_type` is on by default: a body without `Content-Type` is not read as JSON)
//! and of its tests (`tests/test_tutorial/test_body/test_tutorial001.py`). FastAPI itself sets
//! no size limit; 413 is what the server in front of it (nginx's `client_max_body_size`)
//! answers, here with the same JSON body the browser package gives for that payload.
//! Deliberate differences, so that the server never answers 5xx and always agrees with the
//! browser: FastAPI answers 500 for a non-JSON `Content-Type` with a body that is not UTF-8
//! (its error encoder decodes the body); here `input` is the body decoded with U+FFFD
//! replacements. A JSON text Python parses but the crate refuses (`NaN`, a lone surrogate in a
//! `\u` escape, nesting deeper than 128) gets the crate's `invalid_json` issue, as in the
//! browser. JSON `null` is the crate's `object_type` (FastAPI: `missing`).
//!
//! # Example
//! ```
//! use axum::{routing::put, Router};
//! use contact_rules::axum::ValidatedContact;
//! use contact_rules::{Options, Region};
//!
//! async fn upsert(ValidatedContact { contact, .. }: ValidatedContact) -> String {
//!     // `contact` is normalized (absent, null and values apart): store it.
//!     serde_json::to_string(&contact).unwrap_or_default()
//! }
//!
//! let options = Options { default_region: Some(Region::parse("US").unwrap()), ..Options::default() };
//! let app: Router = Router::new().route("/v1/contacts", put(upsert)).with_state(options);
//!
//! // The rejection is a value too: status and body.
//! let err = ValidatedContact::from_body(Some(b"application/json"), br#"{"email": "jane@acme"}"#, &Options::default())
//!     .unwrap_err();
//! assert_eq!(err.status(), 422);
//! assert_eq!(err.body()["detail"][0]["type"], "email_invalid");
//! let err = ValidatedContact::from_body(Some(b"application/json"), b"{some broken json}", &Options::default())
//!     .unwrap_err();
//! assert_eq!(
//!     err.body_text(),
//!     r#"{"detail":[{"type":"json_invalid","loc":["body",1],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting property name enclosed in double quotes"}}]}"#
//! );
//! ```
//!
//! An application state with more in it gives the options through [`FromRef`]:
//!
//! ```
//! use axum::extract::FromRef;
//! use contact_rules::Options;
//!
//! #[derive(Clone)]
//! struct AppState {
//!     options: Options,
//!     // a database pool, ...
//! }
//!
//! impl FromRef<AppState> for Options {
//!     fn from_ref(state: &AppState) -> Options {
//!         state.options.clone()
//!     }
//! }
//! ```

mod python_json;

use crate::issue::Issue;
use crate::{validate_contact_str, Contact, Options};
use ::axum::body::Body;
use ::axum::extract::{FromRef, FromRequest, Request};
use ::axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use ::axum::http::{HeaderValue, StatusCode};
use ::axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde_json::{json, Value};
use std::fmt;

/// A contact payload read from a JSON request body and validated: the extractor.
///
/// `contact` is the normalized contact (absent, `null` and values kept apart), `warnings` the
/// warnings about it. Any refused body is a [`ContactRejection`], which answers with FastAPI's
/// status and body (see the [module documentation](self)).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidatedContact {
    /// The normalized contact.
    pub contact: Contact,
    /// Warnings about it (never a reason to refuse it).
    pub warnings: Vec<Issue>,
}

impl std::ops::Deref for ValidatedContact {
    type Target = Contact;
    fn deref(&self) -> &Contact {
        &self.contact
    }
}

impl ValidatedContact {
    /// Judges a body as the extractor does, once it is read: `content_type` is the
    /// `Content-Type` header's bytes, if any.
    ///
    /// # Errors
    /// The [`ContactRejection`] the extractor would answer with (a body over
    /// `max_payload_bytes` included).
    pub fn from_body(
        content_type: Option<&[u8]>,
        body: &[u8],
        options: &Options,
    ) -> Result<ValidatedContact, ContactRejection> {
        if body.len() > options.limits.max_payload_bytes {
            return Err(ContactRejection::TooLarge(too_large(options)));
        }
        if body.is_empty() {
            return Err(ContactRejection::MissingBody);
        }
        if !content_type.is_some_and(is_json_content_type) {
            return Err(ContactRejection::NotJson(
                String::from_utf8_lossy(body).into_owned(),
            ));
        }
        let text = decode(body).ok_or(ContactRejection::Unreadable)?;
        if let Some((position, error)) = python_json::syntax_error(&text) {
            return Err(ContactRejection::JsonInvalid { position, error });
        }
        let out = validate_contact_str(&text, options);
        match out.value {
            Some(contact) => Ok(ValidatedContact {
                contact,
                warnings: out.warnings,
            }),
            None => Err(ContactRejection::Invalid(out.errors)),
        }
    }
}

impl<S> FromRequest<S> for ValidatedContact
where
    Options: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ContactRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let options = Options::from_ref(state);
        let max = options.limits.max_payload_bytes;
        let (parts, body) = req.into_parts();
        // A declared length over the limit is refused before reading anything.
        let declared = parts
            .headers
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > max as u64) {
            return Err(ContactRejection::TooLarge(too_large(&options)));
        }
        let bytes = read_limited(body, max, &options).await?;
        let content_type = parts.headers.get(CONTENT_TYPE).map(HeaderValue::as_bytes);
        ValidatedContact::from_body(content_type, &bytes, &options)
    }
}

/// Reads at most `max` bytes of `body` (one more byte is a 413).
async fn read_limited(
    body: Body,
    max: usize,
    options: &Options,
) -> Result<::axum::body::Bytes, ContactRejection> {
    match Limited::new(body, max).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => {
            Err(ContactRejection::TooLarge(too_large(options)))
        }
        Err(_) => Err(ContactRejection::Unreadable),
    }
}

fn too_large(options: &Options) -> Vec<Issue> {
    crate::contact::too_large(options).errors
}

/// Whether FastAPI reads a body with this `Content-Type` as JSON: Python's
/// `email.message.Message` reads the type (the value before the first `;`, trimmed and
/// lower-cased; `text/plain` unless it has exactly one `/`), and FastAPI takes main type
/// `application` with subtype `json` or `*+json`. Header bytes are read as Latin-1, as
/// Starlette reads them.
fn is_json_content_type(value: &[u8]) -> bool {
    let value: String = value.iter().map(|&b| char::from(b)).collect();
    let ctype = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    if ctype.matches('/').count() != 1 {
        return false;
    }
    match ctype.split_once('/') {
        Some(("application", sub)) => sub == "json" || sub.ends_with("+json"),
        _ => false,
    }
}

/// The body as text, as Python's `json.loads` decodes bytes (`json.detect_encoding`): UTF-8
/// (a BOM dropped), or UTF-16/UTF-32 when the BOM or the zero bytes say so. `None` when the
/// bytes are not text in that encoding (FastAPI: 400). Lone surrogates, which Python keeps
/// (`surrogatepass`), are refused here too: a Rust string cannot hold them.
fn decode(b: &[u8]) -> Option<String> {
    const BOM8: &[u8] = b"\xEF\xBB\xBF";
    if b.starts_with(b"\x00\x00\xFE\xFF") {
        return utf32(&b[4..], u32::from_be_bytes);
    }
    if b.starts_with(b"\xFF\xFE\x00\x00") {
        return utf32(&b[4..], u32::from_le_bytes);
    }
    if b.starts_with(b"\xFE\xFF") {
        return utf16(&b[2..], u16::from_be_bytes);
    }
    if b.starts_with(b"\xFF\xFE") {
        return utf16(&b[2..], u16::from_le_bytes);
    }
    if let Some(rest) = b.strip_prefix(BOM8) {
        return std::str::from_utf8(rest).ok().map(str::to_owned);
    }
    if b.len() >= 4 {
        if b[0] == 0 {
            return if b[1] != 0 {
                utf16(b, u16::from_be_bytes)
            } else {
                utf32(b, u32::from_be_bytes)
            };
        }
        if b[1] == 0 {
            return if b[2] != 0 || b[3] != 0 {
                utf16(b, u16::from_le_bytes)
            } else {
                utf32(b, u32::from_le_bytes)
            };
        }
    } else if b.len() == 2 {
        if b[0] == 0 {
            return utf16(b, u16::from_be_bytes);
        }
        if b[1] == 0 {
            return utf16(b, u16::from_le_bytes);
        }
    }
    std::str::from_utf8(b).ok().map(str::to_owned)
}

fn utf16(b: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if !b.len().is_multiple_of(2) {
        return None;
    }
    let units = b.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

fn utf32(b: &[u8], unit: fn([u8; 4]) -> u32) -> Option<String> {
    if !b.len().is_multiple_of(4) {
        return None;
    }
    b.chunks_exact(4)
        .map(|c| char::from_u32(unit([c[0], c[1], c[2], c[3]])))
        .collect()
}

/// Why [`ValidatedContact`] refused a request: each answers with FastAPI's status and body
/// (see the [module documentation](self)).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ContactRejection {
    /// The body is a JSON text the rules refuse: 422 with [`crate::to_fastapi_errors`].
    Invalid(Vec<Issue>),
    /// The body is not JSON: 422 `json_invalid`, at `position` (in characters) with Python's
    /// message `error`.
    JsonInvalid {
        /// Where Python's `json.loads` stops, in characters from the start.
        position: usize,
        /// Python's message, e.g. `"Expecting value"`.
        error: &'static str,
    },
    /// The body is empty: 422 `missing`.
    MissingBody,
    /// The body was not sent as JSON (no `Content-Type`, or another type): 422
    /// `model_attributes_type` with the body as `input`.
    NotJson(String),
    /// The body is over `max_payload_bytes`: 413 with the `payload_too_large` issue.
    TooLarge(Vec<Issue>),
    /// The body could not be read, or is not text: 400.
    Unreadable,
}

impl ContactRejection {
    /// The response status.
    pub fn status(&self) -> StatusCode {
        match self {
            ContactRejection::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ContactRejection::Unreadable => StatusCode::BAD_REQUEST,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// The response body (JSON).
    pub fn body(&self) -> Value {
        match self {
            ContactRejection::Invalid(issues) | ContactRejection::TooLarge(issues) => {
                crate::to_fastapi_errors(issues)
            }
            ContactRejection::JsonInvalid { position, error } => json!({"detail": [{
                "type": "json_invalid",
                "loc": ["body", position],
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": error},
            }]}),
            ContactRejection::MissingBody => json!({"detail": [{
                "type": "missing", "loc": ["body"], "msg": "Field required", "input": null,
            }]}),
            ContactRejection::NotJson(input) => json!({"detail": [{
                "type": "model_attributes_type",
                "loc": ["body"],
                "msg": "Input should be a valid dictionary or object to extract fields from",
                "input": input,
            }]}),
            ContactRejection::Unreadable => {
                json!({"detail": "There was an error parsing the body"})
            }
        }
    }

    /// The response body as JSON text (compact, as FastAPI writes it).
    pub fn body_text(&self) -> String {
        self.body().to_string()
    }
}

impl fmt::Display for ContactRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContactRejection::Invalid(issues) => {
                write!(f, "invalid contact payload ({} errors)", issues.len())
            }
            ContactRejection::JsonInvalid { position, error } => {
                write!(f, "the body is not JSON: {error} (char {position})")
            }
            ContactRejection::MissingBody => f.write_str("the request has no body"),
            ContactRejection::NotJson(_) => f.write_str("the body was not sent as JSON"),
            ContactRejection::TooLarge(_) => f.write_str("the body is too large"),
            ContactRejection::Unreadable => f.write_str("the body could not be read as text"),
        }
    }
}

impl std::error::Error for ContactRejection {}

impl IntoResponse for ContactRejection {
    fn into_response(self) -> Response {
        json_response(self.status(), &self.body())
    }
}

/// A response with `status`, `Content-Type: application/json` and `body` as compact JSON.
pub fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        body.to_string(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: Option<&[u8]> = Some(b"application/json");

    #[test]
    fn content_types_as_fastapi_reads_them() {
        for ok in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "  application/json  ;x",
            "application/geo+json",
            "application/vnd.api+json",
        ] {
            assert!(is_json_content_type(ok.as_bytes()), "{ok}");
        }
        for no in [
            "",
            "text/plain",
            "application/geo+json-seq",
            "application/not-really-json",
            "application/json/x",
            "application",
            "application/ json",
            "text/json",
            "multipart/form-data; boundary=x",
        ] {
            assert!(!is_json_content_type(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn fastapi_bodies() {
        let o = Options::default();
        let r = |ct, body: &[u8]| ValidatedContact::from_body(ct, body, &o).unwrap_err();
        let e = r(Some(b"text/plain"), br#"{"name": "Foo", "price": 50.5}"#);
        assert_eq!(e.status(), 422);
        assert_eq!(
            e.body_text(),
            r#"{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"{\"name\": \"Foo\", \"price\": 50.5}"}]}"#
        );
        assert_eq!(
            r(None, b"{}").body()["detail"][0]["type"],
            "model_attributes_type"
        );
        assert_eq!(
            r(JSON, b"").body_text(),
            r#"{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}"#
        );
        assert_eq!(
            r(JSON, b"{\"email\": \"\xff\"}").body_text(),
            r#"{"detail":"There was an error parsing the body"}"#
        );
        assert_eq!(r(JSON, b"{\"email\": \"\xff\"}").status(), 400);
        let big = format!("{{\"email\": \"{}\"}}", "a".repeat(1 << 20));
        let e = r(JSON, big.as_bytes());
        assert_eq!(e.status(), 413);
        assert_eq!(
            e.body_text(),
            r#"{"detail":[{"type":"payload_too_large","loc":["body"],"msg":"The payload is too large: at most 1048576 bytes.","ctx":{"max_bytes":1048576}}]}"#
        );
        // The browser's body for the same payload (validate_contact_str is what it runs).
        assert_eq!(
            e.body(),
            validate_contact_str(&big, &o).to_fastapi(),
            "413 carries the crate's body"
        );
        let e = r(JSON, br#"{"email": "jane@acme", "tags": ["x"]}"#);
        assert_eq!(
            e.body(),
            validate_contact_str(r#"{"email": "jane@acme", "tags": ["x"]}"#, &o).to_fastapi()
        );
        assert_eq!(r(JSON, b"NaN").body()["detail"][0]["type"], "invalid_json");
        assert_eq!(r(JSON, b"null").body()["detail"][0]["type"], "object_type");
    }

    #[test]
    fn encodings_as_python_detects_them() {
        let o = Options::default();
        let text = r#"{"email": "Jäne@Acme.com"}"#;
        let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let utf32le: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let mut bom8 = b"\xEF\xBB\xBF".to_vec();
        bom8.extend_from_slice(text.as_bytes());
        let mut bom16 = b"\xFF\xFE".to_vec();
        bom16.extend_from_slice(&utf16le);
        for body in [
            text.as_bytes().to_vec(),
            utf16le,
            utf16be,
            utf32le,
            bom8,
            bom16,
        ] {
            let got = ValidatedContact::from_body(JSON, &body, &o).expect("decodes");
            assert_eq!(got.email.value().map(String::as_str), Some("jäne@acme.com"));
        }
        assert_eq!(decode(b"\x00{\x00\x22\x00"), None, "odd UTF-16");
        assert_eq!(
            decode(b"\x00{\x00").as_deref(),
            Some("\0{\0"),
            "3 bytes: UTF-8"
        );
    }
}
