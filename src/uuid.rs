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
    // Fast path, same result: the hyphenated form (nearly every UUID sent) parses, and the
    // parsed UUID formats back as the same text lower-cased; no parse and no formatter.
    let s = input.trim();
    if is_hyphenated(s) {
        return Ok(s.to_ascii_lowercase());
    }
    parse_general(input)
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
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
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

    #[test]
    fn hyphenated_only() {
        assert!(is_hyphenated("67E55044-10b1-426f-9247-bb680e5fe0c8"));
        assert!(!is_hyphenated("67e5504410b1426f9247bb680e5fe0c8"));
    }
}
