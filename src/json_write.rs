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
use crate::issue::{Code, Issue, PathSegment};
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
    write_code(issue.code, buf);
    buf.extend_from_slice(b",\"message\":");
    write_str_as::<ASCII>(&issue.message, buf);
    write_details_as::<ASCII>(issue, buf);
    buf.push(b'}');
}

/// Appends an issue code as a JSON string: its text needs no escape (lower-case ASCII letters
/// and `_`, `issue::tests::codes_round_trip_and_are_snake_case`), in UTF-8 as in ASCII.
fn write_code(code: Code, buf: &mut Vec<u8>) {
    let text = code.as_str().as_bytes();
    buf.reserve(text.len() + 2);
    buf.push(b'"');
    buf.extend_from_slice(text);
    buf.push(b'"');
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
        write_code(issue.code, buf);
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

/// How a byte is written inside a JSON string ([`ESCAPE`], [`ESCAPE_ASCII`]): 0 as itself,
/// [`NON_ASCII`] as a `\uXXXX` escape of its character, `b'u'` as `\u00XX`, any other value `v`
/// as `\` and `v`.
const fn escape_table(ascii: bool) -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    if ascii {
        let mut b = 0x80;
        while b < 0x100 {
            t[b] = NON_ASCII;
            b += 1;
        }
    }
    t
}

/// The [`escape_table`] mark of a byte outside ASCII (in ASCII output).
const NON_ASCII: u8 = 1;
/// Escapes in UTF-8 output: `"`, `\` and the controls.
static ESCAPE: [u8; 256] = escape_table(false);
/// Escapes in ASCII output: those of [`ESCAPE`] and every byte outside ASCII.
static ESCAPE_ASCII: [u8; 256] = escape_table(true);

/// The length of the longest prefix of `bytes` written as it is (no byte escaped): eight bytes
/// at a time, the last word overlapping the one before it, or byte by byte in a string shorter
/// than eight bytes.
fn plain_prefix<const ASCII: bool>(bytes: &[u8]) -> usize {
    let len = bytes.len();
    if len < 8 {
        let table = if ASCII { &ESCAPE_ASCII } else { &ESCAPE };
        return bytes
            .iter()
            .position(|&b| table[usize::from(b)] != 0)
            .unwrap_or(len);
    }
    let mut n = 0;
    while n + 8 < len {
        if let Some(at) = bytes.get(n..n + 8).and_then(escape_in_word::<ASCII>) {
            return n + at;
        }
        n += 8;
    }
    // The last eight bytes: those before `n` in them are known plain, so the first byte to
    // escape in them, if any, is at `n` or later.
    let last = len - 8;
    match bytes.get(last..).and_then(escape_in_word::<ASCII>) {
        Some(at) => last + at,
        None => len,
    }
}

/// The index of the first byte of an eight-byte `word` to escape (a control, `"`, `\\`, or,
/// when `ASCII`, a byte outside ASCII); `None` when there is none, or when `word` is not eight
/// bytes long.
fn escape_in_word<const ASCII: bool>(word: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(<[u8; 8]>::try_from(word).ok()?);
    let quote = x ^ (ONES * u64::from(b'"'));
    let backslash = x ^ (ONES * u64::from(b'\\'));
    // A byte of `x` below 0x20 sets its high bit in `(x - 0x20) & !x`, and a zero byte of `v`
    // its high bit in `(v - 1) & !v`; a borrow only starts at such a byte, so the lowest high
    // bit set is exact (those above it may not be). `quote` and `backslash` have the high bits
    // of `x`, so one `!x` serves the three.
    let low = x.wrapping_sub(ONES * 0x20) | quote.wrapping_sub(ONES) | backslash.wrapping_sub(ONES);
    let hit = if ASCII { (low & !x) | x } else { low & !x } & HIGH;
    // Little-endian: the lowest bit is the first byte's.
    (hit != 0).then(|| hit.trailing_zeros() as usize / 8)
}

/// Appends a JSON string: `"` and `\` escaped, `\b \t \n \f \r` for those controls, `\u00XX`
/// (lower-case hex) for the other controls below U+0020; every other character as UTF-8, or,
/// when `ASCII`, every character outside ASCII as `\uXXXX` (lower-case hex; a surrogate pair
/// above U+FFFF). Runs of bytes written as they are are found by [`plain_prefix`] and copied
/// whole: a string without escapes is one scan and one copy.
fn write_str_as<const ASCII: bool>(s: &str, buf: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let table = if ASCII { &ESCAPE_ASCII } else { &ESCAPE };
    let bytes = s.as_bytes();
    let plain = plain_prefix::<ASCII>(bytes);
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    if plain == bytes.len() {
        buf.extend_from_slice(bytes);
        buf.push(b'"');
        return;
    }
    let mut start = 0;
    let mut i = plain;
    while let Some(&b) = bytes.get(i) {
        // Every byte split at is ASCII or starts a character, so each run is whole UTF-8.
        buf.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        match table[usize::from(b)] {
            NON_ASCII => {
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
            }
            b'u' => {
                buf.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xf)],
                ]);
                i += 1;
            }
            short => {
                buf.extend_from_slice(&[b'\\', short]);
                i += 1;
            }
        }
        start = i;
        i += plain_prefix::<ASCII>(bytes.get(i..).unwrap_or_default());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::XorShift;

    /// The general path: every byte looked at one by one (the writer before the word scan).
    fn reference<const ASCII: bool>(s: &str) -> Vec<u8> {
        let mut buf = vec![b'"'];
        for c in s.chars() {
            match c {
                '"' => buf.extend_from_slice(b"\\\""),
                '\\' => buf.extend_from_slice(b"\\\\"),
                '\u{8}' => buf.extend_from_slice(b"\\b"),
                '\t' => buf.extend_from_slice(b"\\t"),
                '\n' => buf.extend_from_slice(b"\\n"),
                '\u{c}' => buf.extend_from_slice(b"\\f"),
                '\r' => buf.extend_from_slice(b"\\r"),
                '\0'..='\u{1f}' => buf.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes()),
                _ if ASCII && !c.is_ascii() => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        buf.extend_from_slice(format!("\\u{unit:04x}").as_bytes());
                    }
                }
                _ => buf.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            }
        }
        buf.push(b'"');
        buf
    }

    fn check(s: &str) {
        let mut buf = b"x".to_vec();
        write_str_as::<false>(s, &mut buf);
        assert_eq!(buf.get(1..), Some(&reference::<false>(s)[..]), "{s:?}");
        let mut buf = b"x".to_vec();
        write_str_as::<true>(s, &mut buf);
        assert_eq!(
            buf.get(1..),
            Some(&reference::<true>(s)[..]),
            "{s:?} (ASCII)"
        );
    }

    /// Characters on both sides of every boundary the word scan tests (0x1f/0x20, `"`, `\`,
    /// 0x7f/0x80), and of every UTF-8 length.
    const SPECIAL: &[char] = &[
        '\0',
        '\u{1}',
        '\u{8}',
        '\t',
        '\n',
        '\u{c}',
        '\r',
        '\u{1f}',
        ' ',
        '!',
        '"',
        '#',
        '[',
        '\\',
        ']',
        '\u{7f}',
        '\u{80}',
        'é',
        '\u{2028}',
        '€',
        '\u{ffff}',
        '😀',
        '\u{10ffff}',
    ];

    /// The word scan against the general path: one special character at every place of plain
    /// strings of every length up to 40 (every position in a word, the overlapping last word,
    /// strings shorter than a word), two of them at every pair of places up to 20, and random
    /// strings over a mix of plain, special and multi-byte characters.
    #[test]
    fn strings_as_the_general_path_writes_them() {
        let plain: String = ('a'..='z').chain('A'..='N').collect();
        for len in 0..=40 {
            let base = plain.get(..len).unwrap_or_default();
            check(base);
            for at in 0..=len {
                for &c in SPECIAL {
                    let (a, b) = base.split_at(at);
                    check(&format!("{a}{c}{b}"));
                }
            }
        }
        for len in 0..=20 {
            let base = plain.get(..len).unwrap_or_default();
            for i in 0..=len {
                for j in i..=len {
                    let (a, rest) = base.split_at(i);
                    let (b, c) = rest.split_at(j - i);
                    check(&format!("{a}\"{b}é{c}"));
                    check(&format!("{a}\u{1}{b}\\{c}"));
                }
            }
        }
        let mut rng = XorShift(0x2026_1206);
        for _ in 0..20_000 {
            let len = rng.below(48);
            let s: String = (0..len)
                .map(|_| match rng.below(8) {
                    0 => *rng.pick(SPECIAL),
                    1 => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('x'),
                    _ => char::from(b' ' + rng.below(95) as u8),
                })
                .collect();
            check(&s);
        }
    }

    /// `write_str` is serde_json's string writer.
    #[test]
    fn strings_as_serde_json_writes_them() {
        let mut rng = XorShift(0x1205_2026);
        for _ in 0..5_000 {
            let len = rng.below(40);
            let s: String = (0..len)
                .map(|_| match rng.below(4) {
                    0 => *rng.pick(SPECIAL),
                    _ => char::from(b' ' + rng.below(95) as u8),
                })
                .collect();
            let mut buf = Vec::new();
            write_str(&s, &mut buf);
            assert_eq!(
                String::from_utf8(buf).ok(),
                serde_json::to_string(&s).ok(),
                "{s:?}"
            );
        }
    }
}
