//! The fast path's reading of a payload's JSON text: one pass over the bytes that delimits the
//! top-level object's members without building anything, keys and plain strings borrowed.
//!
//! It answers only for the common shape and says `None` for everything else, which then takes
//! serde_json's path (so every error message stays serde_json's): a key with an escape, a value
//! nested deeper than [`MAX_DEPTH`], any byte out of place. Strings are checked here as
//! serde_json checks them (no control characters; the text is already UTF-8); numbers, escapes
//! and nested values are only delimited here and then parsed by serde_json on their own.

/// A member's value as the scan delimited it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Raw<'a> {
    /// A string without escapes: its text between the quotes.
    Text(&'a str),
    /// An array whose items are all strings without escapes: their texts.
    Texts(Vec<&'a str>),
    /// Anything else, as its JSON text (for serde_json to parse).
    Other(&'a str),
}

/// The deepest nesting of a member's value the scan accepts. The payload object adds one level,
/// and serde_json refuses a document nested deeper than 128; a value parsed on its own counts
/// from zero again, so deep values must take the general path.
pub(super) const MAX_DEPTH: usize = 16;

/// The members of the JSON object that is the whole of `text` (white space around it allowed),
/// in order; `None` when the text is not such an object or not of the common shape.
pub(super) fn object(text: &str) -> Option<Vec<(&str, Raw<'_>)>> {
    let mut s = Scan { text, at: 0 };
    s.space();
    s.eat(b'{')?;
    let mut members = Vec::with_capacity(16);
    s.space();
    if s.peek() == Some(b'}') {
        s.at += 1;
    } else {
        loop {
            s.space();
            let (key, escaped) = s.string()?;
            if escaped {
                return None;
            }
            s.space();
            s.eat(b':')?;
            s.space();
            let value = s.member_value()?;
            members.push((key, value));
            s.space();
            match s.next()? {
                b',' => continue,
                b'}' => break,
                _ => return None,
            }
        }
    }
    s.space();
    (s.at == text.len()).then_some(members)
}

/// The text of a JSON string's inside that holds escapes (`inner`, between the quotes, as the
/// scan delimited it), unescaped; `None` for an escape that is not one of JSON's or a `\u`
/// escape of a surrogate (serde_json then parses the value and says what is wrong, or pairs
/// the surrogates).
pub(super) fn unescape(inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(at) = rest.find('\\') {
        out.push_str(rest.get(..at)?);
        let bytes = rest.as_bytes();
        let c = match *bytes.get(at + 1)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hex = rest.get(at + 2..at + 6)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                let code = u32::from_str_radix(hex, 16).ok()?;
                rest = rest.get(at + 6..)?;
                // A surrogate (paired or not) is left to serde_json.
                out.push(char::from_u32(code)?);
                continue;
            }
            _ => return None,
        };
        out.push(c);
        rest = rest.get(at + 2..)?;
    }
    out.push_str(rest);
    Some(out)
}

/// The end of the run of string bytes from `at` that need no look: the index of the first `"`,
/// `\` or control character (or the length), eight bytes at a time as serde_json's own
/// `skip_to_escape` does. In each mask the lowest flagged byte is exact (a borrow can only flag
/// bytes above a flagged one), so the lowest flag of the three is the first byte to look at.
fn plain_run_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = u64::MAX / 255;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let control = w.wrapping_sub(ONES * 0x20) & !w;
        let q = w ^ (ONES * u64::from(b'"'));
        let quote = q.wrapping_sub(ONES) & !q;
        let bs = w ^ (ONES * u64::from(b'\\'));
        let backslash = bs.wrapping_sub(ONES) & !bs;
        let flagged = (control | quote | backslash) & (ONES << 7);
        if flagged != 0 {
            return at + (flagged.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes
        .get(at..)
        .unwrap_or_default()
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len().saturating_sub(at))
}

struct Scan<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn eat(&mut self, want: u8) -> Option<()> {
        (self.next()? == want).then_some(())
    }

    /// JSON's white space (serde_json's: space, tab, line feed, carriage return).
    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// A string at the cursor: its text between the quotes, and whether it holds an escape
    /// (then the text is still JSON-escaped). `None` on a control character or no end.
    fn string(&mut self) -> Option<(&'a str, bool)> {
        self.eat(b'"')?;
        let start = self.at;
        let bytes = self.text.as_bytes();
        let mut escaped = false;
        loop {
            self.at = plain_run_end(bytes, self.at);
            let b = *bytes.get(self.at)?;
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    // The escaped byte is skipped (so `\"` does not end the string); whether the
                    // escape is valid is serde_json's to say when it parses the value.
                    bytes.get(self.at)?;
                    self.at += 1;
                }
                0..=0x1f => return None,
                _ => {}
            }
        }
        Some((self.text.get(start..self.at - 1)?, escaped))
    }

    /// A member's value: a plain string, an array of plain strings, or anything else delimited.
    fn member_value(&mut self) -> Option<Raw<'a>> {
        let start = self.at;
        match self.peek()? {
            b'"' => {
                let (inner, escaped) = self.string()?;
                if !escaped {
                    return Some(Raw::Text(inner));
                }
            }
            b'[' => {
                if let Some(items) = self.plain_strings() {
                    return Some(Raw::Texts(items));
                }
                self.at = start;
                self.skip_value(1)?;
            }
            _ => self.skip_value(1)?,
        }
        Some(Raw::Other(self.text.get(start..self.at)?))
    }

    /// An array of strings without escapes; `None` (cursor anywhere) for any other array.
    fn plain_strings(&mut self) -> Option<Vec<&'a str>> {
        self.eat(b'[')?;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Some(items);
        }
        loop {
            self.space();
            let (item, escaped) = self.string()?;
            if escaped {
                return None;
            }
            items.push(item);
            self.space();
            match self.next()? {
                b',' => continue,
                b']' => return Some(items),
                _ => return None,
            }
        }
    }

    /// Moves past one value of any kind at nesting `depth` (1 for a member's value).
    fn skip_value(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            open @ (b'[' | b'{') => {
                if depth > MAX_DEPTH {
                    return None;
                }
                self.at += 1;
                let close = if open == b'[' { b']' } else { b'}' };
                self.space();
                if self.peek() == Some(close) {
                    self.at += 1;
                    return Some(());
                }
                loop {
                    self.space();
                    if open == b'{' {
                        self.string()?;
                        self.space();
                        self.eat(b':')?;
                        self.space();
                    }
                    self.skip_value(depth + 1)?;
                    self.space();
                    match self.next()? {
                        b',' => continue,
                        b if b == close => break,
                        _ => return None,
                    }
                }
            }
            b't' => self.literal("true")?,
            b'f' => self.literal("false")?,
            b'n' => self.literal("null")?,
            b'-' | b'0'..=b'9' => {
                // Delimited only: serde_json parses (and checks) the number.
                while matches!(
                    self.peek(),
                    Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                ) {
                    self.at += 1;
                }
            }
            _ => return None,
        }
        Some(())
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        let rest = self.text.get(self.at..)?;
        rest.starts_with(word).then(|| self.at += word.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn depth(v: &Value) -> usize {
        match v {
            Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
            Value::Object(m) => 1 + m.values().map(depth).max().unwrap_or(0),
            _ => 0,
        }
    }

    /// What the scan says about a text, held to serde_json: an object the scan reads is one
    /// serde_json reads, with the same members in the same order (keys and values equal after
    /// parsing); the scan declines only texts of another shape.
    fn held_to_serde(text: &str) {
        let Some(members) = object(text) else {
            // Declined: fine for anything; but the common shape must not be declined.
            if let Ok(Value::Object(m)) = serde_json::from_str::<Value>(text) {
                let plain_keys = !text.contains("\\");
                let shallow = m.values().all(|v| depth(v) < MAX_DEPTH);
                let unique = m.len() == count_keys(text);
                assert!(
                    !(plain_keys && shallow && unique),
                    "declined a plain object: {text}"
                );
            }
            return;
        };
        let parsed = match serde_json::from_str::<Value>(text) {
            Ok(parsed) => parsed,
            Err(e) => {
                // Then a member the scan only delimited must fail on its own (the fast path
                // gives up there and serde_json reports the error on the whole text).
                let fails = members.iter().any(|(_, raw)| {
                    matches!(raw, Raw::Other(t) if serde_json::from_str::<Value>(t).is_err())
                });
                assert!(
                    fails,
                    "the scan read what serde_json refuses ({e}): {text:?}"
                );
                return;
            }
        };
        let Value::Object(map) = parsed else {
            panic!("the scan read a non-object: {text}")
        };
        // Values parsed member by member (as the fast path does), in order, equal serde_json's
        // (duplicate keys aside: the fast path sends those to the general path).
        let mut seen = Vec::new();
        for (key, raw) in &members {
            let value = match raw {
                Raw::Text(t) => Value::from(*t),
                Raw::Texts(items) => Value::Array(items.iter().map(|&t| Value::from(t)).collect()),
                Raw::Other(t) => serde_json::from_str(t)
                    .unwrap_or_else(|e| panic!("member {key} of {text:?} does not parse: {e}")),
            };
            if !seen.contains(key) {
                seen.push(*key);
                if members.iter().filter(|(k, _)| k == key).count() == 1 {
                    assert_eq!(map.get(*key), Some(&value), "{text}");
                }
            }
            // Texts without escapes are borrowed as written.
            if let Raw::Text(t) = raw {
                assert!(!t.contains('\\') && !t.contains('"'));
            }
        }
        assert_eq!(
            seen,
            map.keys().map(String::as_str).collect::<Vec<_>>(),
            "{text}"
        );
    }

    /// How many members the text's top-level object has (serde_json merges duplicates).
    fn count_keys(text: &str) -> usize {
        let mut n = 0;
        let mut de = serde_json::Deserializer::from_str(text);
        struct Count<'a>(&'a mut usize);
        impl<'de> serde::de::Visitor<'de> for Count<'_> {
            type Value = ();
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
                while m
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {
                    *self.0 += 1;
                }
                Ok(())
            }
        }
        let _ = serde::Deserializer::deserialize_map(&mut de, Count(&mut n));
        n
    }

    /// `plain_run_end` against a byte-by-byte look, on generated byte strings of every length
    /// up to 40 from every start, with the three stop bytes, their neighbours and high bytes.
    #[test]
    fn plain_run_end_is_the_first_stop_byte() {
        let mut rng = crate::test_rng::XorShift(0x5eed_0006);
        let alphabet = [
            b'"', b'\\', 0x00, 0x1f, 0x20, b'!', b'#', b'[', b']', b'a', 0x7f, 0x80, 0xc3, 0xff,
        ];
        for _ in 0..20_000 {
            let len = rng.below(41);
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    if rng.chance(85) {
                        b'a' + rng.below(26) as u8
                    } else {
                        *rng.pick(&alphabet)
                    }
                })
                .collect();
            for at in 0..=len {
                let want = at
                    + bytes[at..]
                        .iter()
                        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                        .unwrap_or(len - at);
                assert_eq!(plain_run_end(&bytes, at), want, "{bytes:?} from {at}");
            }
        }
    }

    /// `unescape` against serde_json on generated strings: serde_json's own escaping of strings
    /// full of quotes, backslashes, control characters and non-ASCII, the same with `\u`
    /// escapes of every character, and byte mutations of both (invalid escapes, surrogates).
    #[test]
    fn unescape_is_serde_json() {
        let mut rng = crate::test_rng::XorShift(0x5eed_0007);
        let chars = [
            '"', '\\', '/', '\u{0}', '\u{8}', '\u{c}', '\r', '\u{1f}', '\n', '\t', 'a', 'é',
            '\u{2028}', '😀', '\u{ffff}',
        ];
        for _ in 0..30_000 {
            let raw: String = (0..rng.below(8)).map(|_| *rng.pick(&chars)).collect();
            let plain = serde_json::to_string(&raw).expect("a string serializes");
            let mut spelled = String::from("\"");
            for c in raw.chars() {
                if rng.chance(50) {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        spelled.push_str(&format!("\\u{:04x}", u));
                    }
                } else {
                    // serde_json's own escaping of the character, without the quotes.
                    let quoted = serde_json::to_string(&c.to_string()).expect("serializes");
                    spelled.push_str(&quoted[1..quoted.len() - 1]);
                }
            }
            spelled.push('"');
            for text in [plain, spelled] {
                let mut variants = vec![text.clone()];
                let mut bytes = text.clone().into_bytes();
                if bytes.len() > 2 {
                    let at = 1 + rng.below(bytes.len() - 2);
                    bytes[at] = *rng.pick(b"\\u0dDxX\"n/");
                    if let Ok(m) = String::from_utf8(bytes) {
                        variants.push(m);
                    }
                }
                for t in variants {
                    // Only what the scan delimits as one string reaches `unescape`.
                    let mut scan = Scan { text: &t, at: 0 };
                    if scan.string().is_none() || scan.at != t.len() {
                        continue;
                    }
                    let Some(inner) = t.get(1..t.len() - 1) else {
                        continue;
                    };
                    let serde = serde_json::from_str::<String>(&t).ok();
                    if let Some(ours) = unescape(inner) {
                        assert_eq!(Some(&ours), serde.as_ref(), "{t}");
                    }
                    // Declined only for surrogates (serde_json's to pair) or what serde_json
                    // refuses too.
                    if unescape(inner).is_none() && serde.is_some() {
                        assert!(inner.to_ascii_lowercase().contains("\\ud"), "{t}");
                    }
                }
            }
        }
    }

    #[test]
    fn edges() {
        let ok = [
            r#"{}"#,
            " \t\r\n{ } \n",
            r#"{"email":"jane@acme.com","tags":[],"n":-1.5e+3,"b":true,"z":null,"f":false}"#,
            r#"{"tags":["{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}","[x]"],"x":{"a":"}"}}"#,
            r#"{"t":"a\"b\\c","k":["\"[[[","\\"],"o":{"a":{"b":[["{\"}"]]}}}"#,
            r#"{ "a" : [ "x" , "y" ] , "b" : [ 1 , "x" ] }"#,
            "{\"a\":\"\u{7f}é\u{10FFFF}\"}",
        ];
        for text in ok {
            assert!(object(text).is_some(), "{text}");
            held_to_serde(text);
        }
        let declined = [
            "",
            "[]",
            "null",
            "\u{feff}{}",
            r#"{"a":1,}"#,
            r#"{"a":1} x"#,
            r#"{"a":1}}"#,
            r#"{"a" 1}"#,
            r#"{"a":}"#,
            r#"{"a":tru}"#,
            r#"{"a":truex}"#,
            r#"{"a":nul}"#,
            r#"{"a":[1,]}"#,
            r#"{"a":"x"#,
            "{\"a\":\"tab\there\"}",
            "{\"a\":\"new\nline\"}",
            r#"{"e\u006dail":"x"}"#,
            r#"{"a":"x\"}"#,
            r#"{a:1}"#,
            r#"{"a":'x'}"#,
            r#"{"a":+1}"#,
        ];
        for text in declined {
            let got = object(text);
            // Some of these are valid JSON of another shape (escaped keys): declined all the same.
            assert!(
                got.is_none() || serde_json::from_str::<Value>(text).is_ok(),
                "{text}: {got:?}"
            );
            held_to_serde(text);
        }
        assert_eq!(
            object(r#"{"a":"x","b":["y","z"],"c":[1],"d":"q\n"}"#),
            Some(vec![
                ("a", Raw::Text("x")),
                ("b", Raw::Texts(vec!["y", "z"])),
                ("c", Raw::Other("[1]")),
                ("d", Raw::Other(r#""q\n""#)),
            ])
        );
        let deep = |n: usize| format!("{{\"a\":{}1{}}}", "[".repeat(n), "]".repeat(n));
        assert!(object(&deep(MAX_DEPTH)).is_some());
        assert!(object(&deep(MAX_DEPTH + 1)).is_none());
    }

    /// Generated texts: JSON values built from pieces full of brackets, quotes, escapes and
    /// numbers, serialized compactly and with white space, then mutated byte by byte (a byte
    /// dropped, repeated or replaced by a JSON-significant one): the scan never reads what
    /// serde_json refuses, and never declines a plain object.
    #[test]
    fn generated_texts_held_to_serde() {
        let mut rng = crate::test_rng::XorShift(0x5eed_0005);
        let pieces = [
            "[", "]", "{", "}", "\"", "\\", "a", "é", ":", ",", "\n", "\u{1}", "1", "-",
        ];
        fn gen(rng: &mut crate::test_rng::XorShift, pieces: &[&str], level: usize) -> Value {
            match rng.below(if level > 3 { 3 } else { 5 }) {
                0 => Value::String((0..rng.below(5)).map(|_| *rng.pick(pieces)).collect()),
                1 => Value::from(rng.below(1000) as i64 - 500),
                2 => [Value::Null, Value::Bool(true), Value::from(0.5)][rng.below(3)].clone(),
                3 => Value::Array(
                    (0..rng.below(4))
                        .map(|_| gen(rng, pieces, level + 1))
                        .collect(),
                ),
                _ => Value::Object(
                    (0..rng.below(4))
                        .map(|i| {
                            (
                                format!("k{i}{}", rng.pick(pieces)),
                                gen(rng, pieces, level + 1),
                            )
                        })
                        .collect(),
                ),
            }
        }
        let significant = b"[]{}\":,\\ \n0-etfn";
        for round in 0..30_000 {
            let members: serde_json::Map<String, Value> = (0..rng.below(6))
                .map(|i| {
                    (
                        format!("m{i}{}", if rng.chance(10) { "\\u0041" } else { "" }),
                        gen(&mut rng, &pieces, 1),
                    )
                })
                .collect();
            let value = Value::Object(members);
            let text = if round % 3 == 0 {
                serde_json::to_string_pretty(&value)
            } else {
                serde_json::to_string(&value)
            }
            .expect("a Value serializes");
            held_to_serde(&text);
            let mut bytes = text.into_bytes();
            if !bytes.is_empty() {
                let at = rng.below(bytes.len());
                match rng.below(3) {
                    0 => {
                        bytes.remove(at);
                    }
                    1 => bytes.insert(at, bytes[at]),
                    _ => bytes[at] = *rng.pick(significant),
                }
            }
            if let Ok(mutated) = String::from_utf8(bytes) {
                held_to_serde(&mutated);
            }
        }
    }
}
