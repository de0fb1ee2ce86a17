//! The UUID rule for `account_id`, each of `tags`, and custom field keys.
//!
//! Accepts every form the API's UUID parser takes — pydantic parses with the Rust `uuid`
//! crate's `Uuid::parse_str`: hyphenated, 32 hex digits, braced `{...}` and `urn:uuid:`, in any
//! case and of any version — and outputs the lower-case hyphenated form.

use crate::issue::{Code, FieldIssue};
use crate::{FieldResult, Normalized, Options};

/// Normalizes a UUID to lower-case hyphenated form. Surrounding white space is trimmed.
///
/// # Errors
/// `uuid_parsing` when the input is not a UUID.
///
/// # Example
/// ```
/// use contact_rules::{uuid, Options};
/// let out = uuid::normalize("{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}", &Options::default()).unwrap();
/// assert_eq!(out.value, "6ba7b810-9dad-11d1-80b4-00c04fd430c8");
/// ```
pub fn normalize(input: &str, options: &Options) -> FieldResult {
    let _ = options;
    parse(input).map(Normalized::new)
}

/// Parses a UUID in any accepted form into the lower-case hyphenated form.
pub(crate) fn parse(input: &str) -> Result<String, FieldIssue> {
    // Fast path, same result: the four forms the parser takes (hyphenated, 32 hex digits,
    // braced, `urn:uuid:` in any case) hold the UUID's hex digits in order, and the parsed UUID
    // formats back as those digits lower-cased and hyphenated; no parse and no formatter.
    plain(crate::text::trim(input)).map_or_else(|| parse_general(input), Ok)
}

/// The lower-case hyphenated form of `s` in one of the four accepted forms, without the
/// parser; `None` for anything else (the tests compare with [`parse_general`]).
fn plain(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let hyphenated = match b.len() {
        36 => s,
        38 if b.first() == Some(&b'{') && b.last() == Some(&b'}') => s.get(1..37)?,
        45 if b.get(..9)?.eq_ignore_ascii_case(b"urn:uuid:") => s.get(9..)?,
        32 if all_hex(b) => {
            let mut out = String::with_capacity(36);
            for (i, (start, end)) in [(0, 8), (8, 12), (12, 16), (16, 20), (20, 32)]
                .into_iter()
                .enumerate()
            {
                if i > 0 {
                    out.push('-');
                }
                out.push_str(s.get(start..end)?);
            }
            out.make_ascii_lowercase();
            return Some(out);
        }
        _ => return None,
    };
    is_hyphenated(hyphenated).then(|| hyphenated.to_ascii_lowercase())
}

/// [`parse`] for any input (the hyphenated fast path above gives the same result).
fn parse_general(input: &str) -> Result<String, FieldIssue> {
    let s = input.trim();
    // The longest accepted form (urn:uuid:...) is 45 bytes; refuse longer input at once.
    if s.len() > 45 {
        return Err(FieldIssue::new(Code::UuidParsing));
    }
    match ::uuid::Uuid::try_parse(s) {
        Ok(u) => Ok(u.hyphenated().to_string()),
        Err(e) => Err(spreadsheet_damage(s).unwrap_or_else(|| {
            FieldIssue::new(Code::UuidParsing).with_ctx("error", e.to_string())
        })),
    }
}

/// A precise issue for a value that is not a UUID because a spreadsheet damaged it: turned
/// into a number in scientific notation, cut into parts, broken across lines.
fn spreadsheet_damage(s: &str) -> Option<FieldIssue> {
    if crate::spreadsheet::is_scientific_notation(s) {
        return Some(FieldIssue::new(Code::SpreadsheetScientificNotation));
    }
    if let Some(joined) = crate::spreadsheet::joined_uuid(s) {
        return Some(FieldIssue::new(Code::UuidSplit).with_ctx("suggestion", joined));
    }
    crate::spreadsheet::is_uuid_part(s).then(|| FieldIssue::new(Code::UuidSplit))
}

/// Whether `s` is a hyphenated UUID (any case): the only form custom field keys take.
pub(crate) fn is_hyphenated(s: &str) -> bool {
    let Ok(b) = <&[u8; 36]>::try_from(s.as_bytes()) else {
        return false;
    };
    // Hyphens at 8, 13, 18 and 23, hex digits elsewhere: one pass over the 36 bytes without
    // an early exit, which the compiler unrolls.
    b.iter().enumerate().fold(true, |ok, (i, &c)| {
        ok & if matches!(i, 8 | 13 | 18 | 23) {
            c == b'-'
        } else {
            HEX[usize::from(c)]
        }
    })
}

/// Whether each byte is an ASCII hex digit, by byte (a table: this runs on every UUID).
const HEX: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_hexdigit();
        i += 1;
    }
    t
};

/// Whether every byte is an ASCII hex digit.
fn all_hex(b: &[u8]) -> bool {
    b.iter().all(|&c| HEX[usize::from(c)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let want = "67e55044-10b1-426f-9247-bb680e5fe0c8";
        for s in [
            "67e55044-10b1-426f-9247-bb680e5fe0c8",
            "67E5504410B1426F9247BB680E5FE0C8",
            "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
            "urn:uuid:67E55044-10B1-426F-9247-BB680E5FE0C8",
            " 67e55044-10b1-426f-9247-bb680e5fe0c8\n",
        ] {
            assert_eq!(parse(s).unwrap(), want, "{s}");
        }
        for s in [
            "",
            "67e55044-10b1-426f-9247-bb680e5fe0c",
            "{67e5504410b1426f9247bb680e5fe0c8}",
            "g7e55044-10b1-426f-9247-bb680e5fe0c8",
        ] {
            assert_eq!(parse(s).unwrap_err().code, Code::UuidParsing, "{s}");
        }
    }

    /// The hyphenated fast path gives the general parse's result: generated hyphenated UUIDs
    /// in mixed case, with white space around them, and with one byte changed anywhere into a
    /// character that is not a hex digit, or a hyphen moved.
    #[test]
    fn hyphenated_fast_path_is_the_general_parse() {
        let mut rng = crate::test_rng::XorShift(0x5eed_0001);
        let hex = b"0123456789abcdefABCDEF";
        let odd = ['g', 'G', '-', ' ', '{', '}', 'é', '\u{a0}', '0', 'F'];
        let spaces = ["", " ", "\t", "\u{a0}", "\n "];
        for _ in 0..5_000 {
            let mut u: Vec<char> = (0..36)
                .map(|i| match i {
                    8 | 13 | 18 | 23 => '-',
                    _ => char::from(*rng.pick(hex)),
                })
                .collect();
            if rng.chance(50) {
                let at = rng.below(36);
                u[at] = *rng.pick(&odd);
            }
            let body: String = u.into_iter().collect();
            let s = format!("{}{body}{}", rng.pick(&spaces), rng.pick(&spaces));
            assert_eq!(parse(&s), parse_general(&s), "{s:?}");
        }
    }

    /// The fast path of the other forms gives the general parse's result: generated simple,
    /// braced and URN forms in mixed case, with one byte changed into a character that is not
    /// a hex digit (or a brace, hyphen or colon moved), with white space around them.
    #[test]
    fn other_forms_fast_path_is_the_general_parse() {
        let mut rng = crate::test_rng::XorShift(0x5eed_0002);
        let hex = b"0123456789abcdefABCDEF";
        let odd = [
            'g', 'G', '-', ' ', '{', '}', ':', 'é', '\u{a0}', '0', 'F', 'N', 'u',
        ];
        let spaces = ["", "", " ", "\t", "\u{a0}"];
        let prefixes = [
            "urn:uuid:",
            "URN:UUID:",
            "Urn:Uuid:",
            "urn:uuid",
            "urn:uid:",
            "{",
            "",
        ];
        let mut fast = 0;
        for _ in 0..20_000 {
            let hyphens = rng.chance(70);
            let mut u: Vec<char> = (0..if hyphens { 36 } else { 32 })
                .map(|i| match i {
                    8 | 13 | 18 | 23 if hyphens => '-',
                    _ => char::from(*rng.pick(hex)),
                })
                .collect();
            if hyphens {
                let prefix = *rng.pick(&prefixes);
                u.splice(0..0, prefix.chars());
                if prefix == "{" || rng.chance(10) {
                    u.push('}');
                }
            }
            if rng.chance(40) {
                let at = rng.below(u.len());
                u[at] = *rng.pick(&odd);
            }
            let body: String = u.into_iter().collect();
            let s = format!("{}{body}{}", rng.pick(&spaces), rng.pick(&spaces));
            if plain(s.trim()).is_some() {
                fast += 1;
            }
            assert_eq!(parse(&s), parse_general(&s), "{s:?}");
        }
        assert!(fast > 5_000, "only {fast} inputs took the fast path");
    }

    /// The table check is the byte-by-byte definition: every byte value at every place of
    /// generated hyphenated UUIDs.
    #[test]
    fn is_hyphenated_is_the_definition() {
        let definition = |s: &str| {
            let b = s.as_bytes();
            b.len() == 36
                && b.iter().enumerate().all(|(i, &c)| match i {
                    8 | 13 | 18 | 23 => c == b'-',
                    _ => c.is_ascii_hexdigit(),
                })
        };
        let base = "67e55044-10b1-426F-9247-bb680e5fe0c8";
        for at in 0..36 {
            for c in (0u8..128).map(char::from).chain(['é', '\u{a0}']) {
                let mut s = base.to_string();
                s.replace_range(at..=at, &c.to_string());
                assert_eq!(is_hyphenated(&s), definition(&s), "{s:?}");
            }
        }
        // A byte above ASCII at every place (two bytes of one character, the length kept).
        for at in 0..35 {
            for c in ['é', '\u{a0}', '\u{7ff}'] {
                let mut s = base.to_string();
                s.replace_range(at..at + 2, &c.to_string());
                assert_eq!(is_hyphenated(&s), definition(&s), "{s:?}");
            }
        }
        for s in ["", base, &base[1..], &format!("{base}0")] {
            assert_eq!(is_hyphenated(s), definition(s), "{s:?}");
        }
    }

    #[test]
    fn hyphenated_only() {
        assert!(is_hyphenated("67E55044-10b1-426f-9247-bb680e5fe0c8"));
        assert!(!is_hyphenated("67e5504410b1426f9247bb680e5fe0c8"));
    }
}
