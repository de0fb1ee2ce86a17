//! The result JSON written without serde: the text the WebAssembly package returns for each
//! payload, `{"ok", "value"?, "errors", "warnings"}`, byte for byte what `serde_json::to_writer`
//! writes over the crate's `Serialize` derives (README, "Size": the derives' and serde_json's
//! serializer code no longer reach the `.wasm`).
//!
//! The same key order as the derives (a [`Contact`]'s fields in the payload table's order, absent
//! ones left out, then its custom fields in input order; an [`Issue`]'s `path`, `code`,
//! `message`, then `input` and `ctx` when present), and serde_json's compact formatting and
//! escaping: only `"`, `\` and the control characters U+0000–U+001F are escaped (`\b`, `\t`,
//! `\n`, `\f`, `\r`, else `\u00XX` in lower-case hex); everything else, non-ASCII included, is
//! written as UTF-8. Numbers are written as their text (`arbitrary_precision` keeps it).
//! [`write_result_ascii`] writes the same text with every character outside ASCII escaped
//! (serde_json's output through the bindings' former `AsciiFormatter`).
//!
//! `tests/json_write.rs` holds it to serde_json on the vectors, generated payloads under every
//! option set and hostile strings.

use crate::contact::Field;
use crate::issue::{Issue, PathSegment};
use crate::{Contact, Outcome};
use serde_json::{Map, Value};

/// Appends one payload's result, `{"ok":…,"value":…,"errors":[…],"warnings":[…]}` (`value`
/// only when the outcome has one), as serde_json writes it.
///
/// # Example
/// ```
/// use contact_rules::{json_write, validate_contact_str, Options};
/// let out = validate_contact_str(r#"{"email": "Jane@Acme.com"}"#, &Options::default());
/// let mut buf = Vec::new();
/// json_write::write_result(&out, &mut buf);
/// assert_eq!(buf, br#"{"ok":true,"value":{"email":"jane@acme.com"},"errors":[],"warnings":[]}"#);
/// ```
pub fn write_result(out: &Outcome, buf: &mut Vec<u8>) {
    write_result_as::<false>(out, buf);
}

/// [`write_result`] in ASCII only: every character outside ASCII, in keys and values, written
/// as a `\uXXXX` escape (lower-case hex; a surrogate pair above U+FFFF), as the WebAssembly
/// bindings return results (`JSON.parse` gives the same strings; JavaScript decodes ASCII
/// from WebAssembly memory faster than UTF-8).
///
/// # Example
/// ```
/// use contact_rules::{json_write, validate_contact_str, Options};
/// let out = validate_contact_str(r#"{"email": "zoë@acme.com"}"#, &Options::default());
/// let mut buf = Vec::new();
/// json_write::write_result_ascii(&out, &mut buf);
/// assert!(buf.starts_with(br#"{"ok":true,"value":{"email":"zo\u00eb@acme.com"}"#));
/// ```
pub fn write_result_ascii(out: &Outcome, buf: &mut Vec<u8>) {
    write_result_as::<true>(out, buf);
}

/// Appends a list of issues as a JSON array.
pub fn write_issues(issues: &[Issue], buf: &mut Vec<u8>) {
    write_issues_as::<false>(issues, buf);
}

/// Appends one issue: `{"path":[…],"code":…,"message":…,"input"?:…,"ctx"?:{…}}`.
pub fn write_issue(issue: &Issue, buf: &mut Vec<u8>) {
    write_issue_as::<false>(issue, buf);
}

/// Appends a contact as its `Serialize` derive writes it: the known fields that are not absent,
/// in the payload table's order, then the custom fields in their order.
pub fn write_contact(c: &Contact, buf: &mut Vec<u8>) {
    write_contact_as::<false>(c, buf);
}

/// Appends a JSON value as serde_json's compact writer does (numbers as their text).
pub fn write_value(v: &Value, buf: &mut Vec<u8>) {
    write_value_as::<false>(v, buf);
}

/// Appends a JSON object, its entries in the map's order.
pub fn write_object(m: &Map<String, Value>, buf: &mut Vec<u8>) {
    write_object_as::<false>(m, buf);
}

/// Appends a JSON string as serde_json writes it: `"` and `\` escaped, `\b \t \n \f \r` for
/// those controls, `\u00XX` (lower-case hex) for the other controls below U+0020, every other
/// character as UTF-8.
pub fn write_str(s: &str, buf: &mut Vec<u8>) {
    write_str_as::<false>(s, buf);
}

/// `write_result` with strings written as `ASCII` says.
fn write_result_as<const ASCII: bool>(out: &Outcome, buf: &mut Vec<u8>) {
    buf.extend_from_slice(if out.is_valid() {
        b"{\"ok\":true"
    } else {
        b"{\"ok\":false"
    });
    if let Some(c) = &out.value {
        buf.extend_from_slice(b",\"value\":");
        write_contact_as::<ASCII>(c, buf);
    }
    buf.extend_from_slice(b",\"errors\":");
    write_issues_as::<ASCII>(&out.errors, buf);
    buf.extend_from_slice(b",\"warnings\":");
    write_issues_as::<ASCII>(&out.warnings, buf);
    buf.push(b'}');
}

/// Appends a list of issues as a JSON array.
fn write_issues_as<const ASCII: bool>(issues: &[Issue], buf: &mut Vec<u8>) {
    buf.push(b'[');
    for (i, issue) in issues.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        write_issue_as::<ASCII>(issue, buf);
    }
    buf.push(b']');
}

/// Appends one issue: `{"path":[…],"code":…,"message":…,"input"?:…,"ctx"?:{…}}`.
fn write_issue_as<const ASCII: bool>(issue: &Issue, buf: &mut Vec<u8>) {
    buf.extend_from_slice(b"{\"path\":[");
    write_path_as::<ASCII>(&issue.path, buf);
    buf.extend_from_slice(b"],\"code\":");
    write_str_as::<ASCII>(issue.code.as_str(), buf);
    buf.extend_from_slice(b",\"message\":");
    write_str_as::<ASCII>(&issue.message, buf);
    write_details_as::<ASCII>(issue, buf);
    buf.push(b'}');
}

/// Appends an issue's path segments, comma-separated (without the brackets).
fn write_path_as<const ASCII: bool>(path: &[PathSegment], buf: &mut Vec<u8>) {
    for (i, seg) in path.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        match seg {
            PathSegment::Key(k) => write_str_as::<ASCII>(k, buf),
            PathSegment::Index(n) => write_u64(*n as u64, buf),
        }
    }
}

/// Appends an issue's `,"input":…` and `,"ctx":{…}` when it has them.
fn write_details_as<const ASCII: bool>(issue: &Issue, buf: &mut Vec<u8>) {
    if let Some(input) = &issue.input {
        buf.extend_from_slice(b",\"input\":");
        write_value_as::<ASCII>(input, buf);
    }
    if let Some(ctx) = &issue.ctx {
        buf.extend_from_slice(b",\"ctx\":");
        write_object_as::<ASCII>(ctx, buf);
    }
}

/// Appends issues in FastAPI's 422 shape, as serde_json writes [`Issue::to_fastapi`] of each:
/// `[{"type":…,"loc":["body",…path],"msg":…,"input"?:…,"ctx"?:{…}},…]` (the `detail` of
/// [`crate::to_fastapi_errors`]).
///
/// # Example
/// ```
/// use contact_rules::{json_write, validate_contact_str, Options};
/// let out = validate_contact_str(r#"{"email": 1}"#, &Options::default());
/// let mut buf = Vec::new();
/// json_write::write_fastapi_issues(&out.errors, &mut buf);
/// let detail: Vec<_> = out.errors.iter().map(|i| i.to_fastapi()).collect();
/// assert_eq!(buf, serde_json::to_vec(&detail).unwrap());
/// ```
pub fn write_fastapi_issues(issues: &[Issue], buf: &mut Vec<u8>) {
    buf.push(b'[');
    for (i, issue) in issues.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"type\":");
        write_str_as::<false>(issue.code.as_str(), buf);
        buf.extend_from_slice(b",\"loc\":[\"body\"");
        if !issue.path.is_empty() {
            buf.push(b',');
            write_path_as::<false>(&issue.path, buf);
        }
        buf.extend_from_slice(b"],\"msg\":");
        write_str_as::<false>(&issue.message, buf);
        write_details_as::<false>(issue, buf);
        buf.push(b'}');
    }
    buf.push(b']');
}

/// Appends a contact as its `Serialize` derive writes it: the known fields that are not absent,
/// in the payload table's order, then the custom fields in their order.
fn write_contact_as<const ASCII: bool>(c: &Contact, buf: &mut Vec<u8>) {
    // Each known key with its quotes and colon, after `{` or `,`: the names need no escape,
    // in UTF-8 as in ASCII.
    let mut first = true;
    let mut key = |quoted: &[u8], buf: &mut Vec<u8>| {
        buf.push(if first { b'{' } else { b',' });
        first = false;
        buf.extend_from_slice(quoted);
    };
    let strings: [(&[u8], &Field<String>); 9] = [
        (b"\"email\":", &c.email),
        (b"\"linkedin_url\":", &c.linkedin_url),
        (b"\"first_name\":", &c.first_name),
        (b"\"last_name\":", &c.last_name),
        (b"\"title\":", &c.title),
        (b"\"phone_number\":", &c.phone_number),
        (b"\"location\":", &c.location),
        (b"\"account_id\":", &c.account_id),
        (b"\"domain\":", &c.domain),
    ];
    for (name, field) in strings {
        match field {
            Field::Absent => {}
            Field::Null => {
                key(name, buf);
                buf.extend_from_slice(b"null");
            }
            Field::Value(s) => {
                key(name, buf);
                write_str_as::<ASCII>(s, buf);
            }
        }
    }
    match &c.do_not_contact {
        Field::Absent => {}
        Field::Null => {
            key(b"\"do_not_contact\":", buf);
            buf.extend_from_slice(b"null");
        }
        Field::Value(b) => {
            key(b"\"do_not_contact\":", buf);
            buf.extend_from_slice(if *b { b"true" } else { b"false" });
        }
    }
    match &c.tags {
        Field::Absent => {}
        Field::Null => {
            key(b"\"tags\":", buf);
            buf.extend_from_slice(b"null");
        }
        Field::Value(tags) => {
            key(b"\"tags\":", buf);
            buf.push(b'[');
            for (i, t) in tags.iter().enumerate() {
                if i > 0 {
                    buf.push(b',');
                }
                write_str_as::<ASCII>(t, buf);
            }
            buf.push(b']');
        }
    }
    for (k, v) in &c.custom_fields {
        buf.push(if first { b'{' } else { b',' });
        first = false;
        write_str_as::<ASCII>(k, buf);
        buf.push(b':');
        write_value_as::<ASCII>(v, buf);
    }
    if first {
        buf.push(b'{');
    }
    buf.push(b'}');
}

/// Appends a JSON value as serde_json's compact writer does (numbers as their text).
fn write_value_as<const ASCII: bool>(v: &Value, buf: &mut Vec<u8>) {
    match v {
        Value::Null => buf.extend_from_slice(b"null"),
        Value::Bool(true) => buf.extend_from_slice(b"true"),
        Value::Bool(false) => buf.extend_from_slice(b"false"),
        Value::Number(n) => buf.extend_from_slice(n.as_str().as_bytes()),
        Value::String(s) => write_str_as::<ASCII>(s, buf),
        Value::Array(items) => {
            buf.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    buf.push(b',');
                }
                write_value_as::<ASCII>(item, buf);
            }
            buf.push(b']');
        }
        Value::Object(m) => write_object_as::<ASCII>(m, buf),
    }
}

/// Appends a JSON object, its entries in the map's order.
fn write_object_as<const ASCII: bool>(m: &Map<String, Value>, buf: &mut Vec<u8>) {
    buf.push(b'{');
    for (i, (k, v)) in m.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        write_str_as::<ASCII>(k, buf);
        buf.push(b':');
        write_value_as::<ASCII>(v, buf);
    }
    buf.push(b'}');
}

/// Appends a JSON string: `"` and `\` escaped, `\b \t \n \f \r` for those controls, `\u00XX`
/// (lower-case hex) for the other controls below U+0020; every other character as UTF-8, or,
/// when `ASCII`, every character outside ASCII as `\uXXXX` (lower-case hex; a surrogate pair
/// above U+FFFF).
fn write_str_as<const ASCII: bool>(s: &str, buf: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if ASCII && !b.is_ascii() {
            buf.extend_from_slice(bytes.get(start..i).unwrap_or_default());
            // `i` starts a character: every byte before it was ASCII or a whole character.
            let c = s
                .get(i..)
                .and_then(|r| r.chars().next())
                .unwrap_or('\u{fffd}');
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let u = usize::from(*unit);
                buf.extend_from_slice(&[
                    b'\\',
                    b'u',
                    HEX[u >> 12],
                    HEX[(u >> 8) & 0xf],
                    HEX[(u >> 4) & 0xf],
                    HEX[u & 0xf],
                ]);
            }
            i = (i + c.len_utf8()).min(bytes.len());
            start = i;
            continue;
        }
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0c => b'f',
            b'\r' => b'r',
            0x00..=0x1f => 0,
            _ => {
                i += 1;
                continue;
            }
        };
        // Every byte split at is ASCII, so each run is whole UTF-8.
        buf.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        i += 1;
        start = i;
        if short == 0 {
            buf.extend_from_slice(b"\\u00");
            buf.push(HEX[usize::from(b >> 4)]);
            buf.push(HEX[usize::from(b & 0xf)]);
        } else {
            buf.push(b'\\');
            buf.push(short);
        }
    }
    buf.extend_from_slice(bytes.get(start..).unwrap_or_default());
    buf.push(b'"');
}

/// Appends an unsigned integer in decimal.
pub fn write_u64(mut n: u64, buf: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}
