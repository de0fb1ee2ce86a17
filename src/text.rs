//! The text rule for `first_name`, `last_name`, `title`, `location` and custom field strings.
//!
//! Trim; every run of white space (space, NBSP, tab, newline, other Unicode spaces) becomes one
//! space; Unicode NFC; control characters and format characters (zero-width space, BOM, bidi
//! overrides and isolates, soft hyphen, ...) are errors, except ZWJ and ZWNJ (U+200D, U+200C),
//! which some scripts need; at most `max_chars` code points, counted as pydantic counts.

use crate::issue::{Code, FieldIssue};
use crate::{FieldResult, Normalized, Options};

/// Normalizes a text field with the cap of `first_name`, `last_name`, `title` and `location`
/// ([`crate::Limits::text_max_chars`], 255 by default).
///
/// # Errors
/// `control_characters` for control or format characters, `string_too_long` over the cap.
///
/// # Example
/// ```
/// use contact_rules::{text, Options};
/// let out = text::normalize("  Jane \u{a0} Marie\t ", &Options::default()).unwrap();
/// assert_eq!(out.value, "Jane Marie");
/// ```
pub fn normalize(input: &str, options: &Options) -> FieldResult {
    normalize_with_max(input, options.limits.text_max_chars)
}

/// Normalizes text with an explicit cap in code points.
///
/// # Errors
/// As [`normalize`].
pub fn normalize_with_max(input: &str, max_chars: usize) -> FieldResult {
    // Same result as the general rule below, in one pass that builds the output once: ASCII
    // bytes are classified without decoding a character (white space, control or kept), runs
    // of kept characters are copied whole, and ASCII output skips NFC (which leaves ASCII as
    // it is) and counts one code point per byte.
    let bytes = input.as_bytes();
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    let mut ascii = true;
    // A kept character's first byte of 0xCC or more: a character from U+0300 up. Below U+0300
    // every character is NFC as it is and composes with nothing before it (the combining marks
    // start at U+0300), so text without one skips NFC.
    let mut composable = false;
    // The start of the run of kept characters not yet copied.
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if (0x21..0x7F).contains(&b) {
            // Printable ASCII other than the space: kept, in the current run.
            i += 1;
            continue;
        }
        let (width, space) = if b < 0x80 {
            match b {
                b'\t'..=b'\r' | b' ' => (1, true),
                0..=0x1F | 0x7F => return Err(forbidden(char::from(b))),
                _ => (1, false),
            }
        } else {
            let Some(c) = input.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            if c.is_whitespace() {
                // Becomes a space (or nothing): the output stays as ASCII as it was.
                (c.len_utf8(), true)
            } else if is_forbidden(c) {
                return Err(forbidden(c));
            } else {
                ascii = false;
                composable |= b >= 0xCC;
                (c.len_utf8(), false)
            }
        };
        if space {
            if run < i {
                if pending_space {
                    out.push(' ');
                }
                out.push_str(input.get(run..i).unwrap_or_default());
            }
            pending_space = !out.is_empty();
            run = i + width;
        }
        i += width;
    }
    if run < bytes.len() {
        if pending_space {
            out.push(' ');
        }
        out.push_str(input.get(run..).unwrap_or_default());
    }
    let (value, chars) = if ascii {
        let n = out.len();
        (out, n)
    } else if !composable {
        let n = out.chars().count();
        (out, n)
    } else {
        let value = match crate::unicode::nfc(&out) {
            std::borrow::Cow::Borrowed(_) => out,
            std::borrow::Cow::Owned(s) => s,
        };
        let n = value.chars().count();
        (value, n)
    };
    if chars > max_chars {
        return Err(too_long(max_chars));
    }
    Ok(Normalized::new(value))
}

/// Whether `b` is an ASCII byte other than white space: a string that starts (or ends) with
/// one has nothing to trim there, and no character needs decoding to say so.
fn is_plain_ascii(b: u8) -> bool {
    b < 0x80 && !matches!(b, b'\t'..=b'\r' | b' ')
}

/// `s.trim()` (Unicode white space at both ends), the crate's one copy, without decoding a
/// character when the ends say enough: `s` itself when it starts and ends with ASCII other
/// than white space (the common value), else the ASCII trim when what it leaves does (a value
/// with ASCII spaces around it), else `str::trim` (the vertical tab is white space to
/// `str::trim` but not to `trim_ascii`, and is no plain end). Held to `str::trim` by
/// `trim_and_blank_are_str_trim`.
pub(crate) fn trim(s: &str) -> &str {
    let plain_ends = |t: &str| {
        let b = t.as_bytes();
        b.first().is_some_and(|&a| is_plain_ascii(a))
            && b.last().is_some_and(|&z| is_plain_ascii(z))
    };
    if plain_ends(s) {
        return s;
    }
    let t = s.trim_ascii();
    if plain_ends(t) {
        t
    } else {
        s.trim()
    }
}

/// `s.trim().is_empty()`, answered from the first byte when it is ASCII other than white
/// space (held to `str::trim` by `trim_and_blank_are_str_trim`).
pub(crate) fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(&b) if is_plain_ascii(b) => false,
        _ => s.trim().is_empty(),
    }
}

/// `control_characters` for `c`.
fn forbidden(c: char) -> FieldIssue {
    FieldIssue::new(Code::ControlCharacters).with_ctx("character", format!("U+{:04X}", c as u32))
}

/// The rule for any text, char by char (the one-pass [`normalize_with_max`] gives the same
/// result; the tests compare both).
#[cfg(test)]
fn normalize_general(input: &str, max_chars: usize) -> FieldResult {
    let mut collapsed = String::with_capacity(input.len());
    let mut pending_space = false;
    for c in input.chars() {
        if c.is_whitespace() {
            pending_space = !collapsed.is_empty();
            continue;
        }
        if is_forbidden(c) {
            return Err(forbidden(c));
        }
        if pending_space {
            collapsed.push(' ');
            pending_space = false;
        }
        collapsed.push(c);
    }
    let value = match crate::unicode::nfc(&collapsed) {
        std::borrow::Cow::Borrowed(_) => collapsed,
        std::borrow::Cow::Owned(s) => s,
    };
    let chars = value.chars().count();
    if chars > max_chars {
        return Err(too_long(max_chars));
    }
    Ok(Normalized::new(value))
}

/// `string_too_long` for a cap of `max_chars` code points.
fn too_long(max_chars: usize) -> FieldIssue {
    FieldIssue::new(Code::StringTooLong)
        .with_message(format!(
            "This text is too long: at most {max_chars} characters."
        ))
        .with_ctx("max_length", max_chars as u64)
}

/// Whether `c` is a control (Cc) or format (Cf) character other than ZWNJ/ZWJ.
/// White space is handled before this is asked.
pub(crate) fn is_forbidden(c: char) -> bool {
    let u = c as u32;
    if u < 0x20 || (0x7F..=0x9F).contains(&u) {
        return true;
    }
    // General category Cf (Unicode 16), without U+200C/U+200D.
    matches!(u,
        0x00AD
        | 0x0600..=0x0605
        | 0x061C
        | 0x06DD
        | 0x070F
        | 0x0890..=0x0891
        | 0x08E2
        | 0x180E
        | 0x200B
        | 0x200E..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x206F
        | 0xFEFF
        | 0xFFF9..=0xFFFB
        | 0x110BD
        | 0x110CD
        | 0x13430..=0x1343F
        | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A
        | 0xE0001
        | 0xE0020..=0xE007F)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass rule gives the general rule's result on generated text: ASCII and
    /// Unicode white space, controls (C0, DEL, C1, NEL), format characters, joiners,
    /// combining marks NFC composes, Hangul jamo, CJK and emoji, in every order, under caps
    /// around the lengths.
    #[test]
    fn one_pass_is_the_general_rule() {
        const PIECES: &[&str] = &[
            "a",
            "Jane",
            "O'Brien",
            " ",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "\u{b}",
            "\u{c}",
            "\u{1c}",
            "\u{1f}",
            "\u{0}",
            "\u{7f}",
            "\u{85}",
            "\u{9f}",
            "\u{a0}",
            "\u{3000}",
            "\u{2028}",
            "\u{2009}",
            "\u{200b}",
            "\u{200c}",
            "\u{200d}",
            "\u{feff}",
            "\u{ad}",
            "é",
            "e\u{301}",
            "\u{301}",
            "\u{1100}\u{1161}",
            "가",
            "上海",
            "ß",
            "😀",
            "Ǆ",
            "Ñ",
            "ø",
            "\u{2ff}",
            "\u{300}",
            "\u{340}",
            "\u{e0020}",
            "x",
        ];
        let mut rng = crate::test_rng::XorShift(0x6C07_8965_D5A1_2F3B);
        for _ in 0..100_000 {
            let mut s = String::new();
            for _ in 0..rng.below(8) {
                s.push_str(rng.pick::<&str>(PIECES));
            }
            for max in [0, 1, 3, 6, 255] {
                assert_eq!(
                    normalize_with_max(&s, max),
                    normalize_general(&s, max),
                    "{s:?} {max}"
                );
            }
        }
    }

    #[test]
    fn ascii_fast_path_is_the_general_rule() {
        let (long, longer) = ("x".repeat(255), "x".repeat(256));
        let samples = [
            "Jane",
            "Jane Marie",
            "O'Brien-Smith",
            "VP, Sales & Marketing (EMEA)",
            "a",
            "~!@#$%^&*()_+{}|:<>?`-=[];',./\\\"",
            "x y z",
            long.as_str(),
            longer.as_str(),
        ];
        for s in samples {
            for max in [0, 1, 3, 255] {
                assert_eq!(
                    normalize_with_max(s, max),
                    normalize_general(s, max),
                    "{s:?} {max}"
                );
            }
        }
        // Every printable ASCII pair and triple, spaces included.
        let printable: Vec<char> = (0x20u8..0x7F).map(char::from).collect();
        for &a in &printable {
            for &b in &printable {
                let s = format!("{a}{b}");
                assert_eq!(
                    normalize_with_max(&s, 255),
                    normalize_general(&s, 255),
                    "{s:?}"
                );
                let t = format!("{a} {b}");
                assert_eq!(
                    normalize_with_max(&t, 255),
                    normalize_general(&t, 255),
                    "{t:?}"
                );
            }
        }
    }

    /// Text below U+0300 skips NFC: every such character, alone and before every other one,
    /// is NFC as it is.
    #[test]
    fn below_u0300_is_nfc() {
        let chars: Vec<char> = (0u32..0x300).filter_map(char::from_u32).collect();
        for &a in &chars {
            for &b in &chars {
                let s = format!("{a}{b}");
                assert!(
                    matches!(crate::unicode::nfc(&s), std::borrow::Cow::Borrowed(_)),
                    "{s:?}"
                );
            }
        }
    }

    /// The byte shortcuts of `trim` and `is_blank` give `str::trim`'s answers on generated
    /// text: every character below U+0100 and Unicode white space at either end, and around
    /// ASCII and non-ASCII letters.
    #[test]
    fn trim_and_blank_are_str_trim() {
        let mut pieces: Vec<String> = (0u32..0x100)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect();
        for extra in [
            "\u{2028}", "\u{3000}", "\u{1680}", "\u{200b}", "é", "上", "٣", "ab", "  ",
        ] {
            pieces.push(extra.to_owned());
        }
        let mut rng = crate::test_rng::XorShift(0x7219_0001);
        for _ in 0..100_000 {
            let mut s = String::new();
            for _ in 0..rng.below(7) {
                s.push_str(rng.pick::<String>(&pieces));
            }
            assert_eq!(trim(&s), s.trim(), "{s:?}");
            assert_eq!(is_blank(&s), s.trim().is_empty(), "{s:?}");
        }
    }

    fn ok(s: &str) -> String {
        normalize_with_max(s, 255).unwrap().value
    }

    #[test]
    fn collapses_white_space() {
        assert_eq!(ok("  Jane \u{a0} Marie  "), "Jane Marie");
        assert_eq!(ok("a\t\n\r\u{3000}\u{2028}b"), "a b");
        assert_eq!(ok("   "), "");
    }

    #[test]
    fn nfc() {
        assert_eq!(ok("Jose\u{301}"), "Jos\u{e9}");
        assert_eq!(ok("Jos\u{e9}"), "Jos\u{e9}");
    }

    #[test]
    fn control_and_format_characters() {
        for bad in [
            "a\u{0}b",
            "a\u{200b}b",
            "\u{feff}a",
            "a\u{202e}b",
            "a\u{2066}b",
            "a\u{7f}",
        ] {
            assert_eq!(
                normalize_with_max(bad, 255).unwrap_err().code,
                Code::ControlCharacters,
                "{bad:?}"
            );
        }
        assert_eq!(
            ok("\u{915}\u{94d}\u{200d}\u{937}"),
            "\u{915}\u{94d}\u{200d}\u{937}"
        );
        assert_eq!(ok("a\u{200c}b"), "a\u{200c}b");
    }

    #[test]
    fn length_in_code_points() {
        assert_eq!(ok(&"é".repeat(255)).chars().count(), 255);
        let e = normalize_with_max(&"é".repeat(256), 255).unwrap_err();
        assert_eq!(e.code, Code::StringTooLong);
        assert_eq!(e.ctx.unwrap()["max_length"], 255);
    }

    #[test]
    fn idempotent() {
        for s in ["  Jane \u{a0} Marie  ", "Jose\u{301}  x", "ß  Ǆ"] {
            let once = ok(s);
            assert_eq!(ok(&once), once);
        }
    }
}
