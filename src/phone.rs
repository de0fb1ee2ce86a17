//! The `phone_number` rule: Google libphonenumber's parsing and validation (through the
//! `rlibphonenumber` crate, metadata v9.0.42), output in E.164.
//!
//! A number is read in the default region ([`Options::default_region`]) unless it carries its
//! country code: a leading `+`, the default region's international prefix (`011` from the US,
//! `00` from most of the world), or `00` in any case (see below). Vanity letters are read as
//! keypad digits (`1-800-FLOWERS`), RFC 3966 `tel:` URIs are understood, and an extension
//! (`ext. 1234`, `x1234`, `;ext=1234`, …) is kept as `;ext=1234` after the E.164 number.
//!
//! Decisions where libphonenumber alone would answer differently (documented in the README):
//! - **`00` needs no default region.** libphonenumber reads `00` as an international prefix only
//!   when the default region dials abroad with `00`. When the number is not valid as read in
//!   the default region (or there is none) and its digits start with `00` (no `+` before
//!   them), it is read again as `+` followed by the rest; that reading is taken when it gives
//!   a valid number (or, with no default region, whatever its verdict is). A number valid in
//!   the default region is never reinterpreted.
//! - **Local-only numbers are too short.** A number that is only dialable locally (a US
//!   number without its area code) has no E.164 form; it is `phone_too_short`, even with
//!   [`PhoneValidity::Possible`].
//! - **Extension digits are ASCII.** An extension written in other decimal digits (full-width,
//!   Arabic-Indic) is output with ASCII digits.
//! - **The output reads back as itself.** A merely possible number whose E.164 form parses to
//!   another number (`+49001176` reads back as `+4901176`) is `phone_invalid`.
//!
//! Input longer than libphonenumber's 250 characters is refused before parsing, and one input
//! form that makes `rlibphonenumber` 2.2.15 panic (`tel:` after `;phone-context=`) is refused
//! as libphonenumber refuses it (`phone_invalid`).

use crate::issue::{Code, FieldIssue};
use crate::{FieldResult, Normalized, Options, PhoneValidity};
use rlibphonenumber::{
    NumberLengthType, ParseError, PhoneNumber, PhoneNumberFormat, ValidationError,
    PHONE_NUMBER_UTIL,
};

/// libphonenumber's `MAX_INPUT_STRING_LENGTH`: longer input is refused before parsing.
pub const MAX_INPUT_CHARS: usize = 250;

/// A region whose international prefix is exactly `00`, used to read `00`-prefixed numbers.
const IDD_00_REGION: rlibphonenumber::Region = rlibphonenumber::Region::DE;

/// Normalizes a phone number to E.164, with any extension kept as `;ext=NNN`.
///
/// The number is parsed by Google libphonenumber's rules in `options.default_region` (a
/// number written with `+`, `00` or the region's international prefix needs no region) and
/// must be valid by its metadata. With `options.phone_validity` set to
/// [`PhoneValidity::Possible`], a number of a possible length that is not known to be valid
/// passes too, with a `phone_possible_only` warning.
///
/// # Errors
/// - `phone_region_missing`: a national number (no `+` or `00`) and no default region.
/// - `phone_too_short` / `phone_too_long`: too few or too many digits for the country (also
///   input longer than 250 characters, white space included, as libphonenumber counts; and numbers
///   only dialable locally).
/// - `phone_invalid`: anything else that is not a valid number (not a number at all, an
///   unknown country code, a length no number of the country has, or a possible number
///   outside any known range).
///
/// # Example
/// ```
/// use contact_rules::{phone, Code, Options, PhoneValidity};
///
/// let us = Options { default_region: Some("US".parse().unwrap()), ..Options::default() };
/// assert_eq!(phone::normalize("(415) 555-2671", &us).unwrap().value, "+14155552671");
/// assert_eq!(phone::normalize("213-373-4253 ext. 1234", &us).unwrap().value, "+12133734253;ext=1234");
///
/// let none = Options::default();
/// assert_eq!(phone::normalize("+44 (0)20 8006 0227", &none).unwrap().value, "+442080060227");
/// assert_eq!(phone::normalize("0049 170 44564819", &none).unwrap().value, "+4917044564819");
/// assert_eq!(phone::normalize("415 555 2671", &none).unwrap_err().code, Code::PhoneRegionMissing);
///
/// // Possible but not valid (no such US area code): an error, or a warning when allowed.
/// assert_eq!(phone::normalize("(123) 456-7890", &us).unwrap_err().code, Code::PhoneInvalid);
/// let lax = Options { phone_validity: PhoneValidity::Possible, ..us };
/// let out = phone::normalize("(123) 456-7890", &lax).unwrap();
/// assert_eq!((out.value.as_str(), out.warnings[0].code), ("+11234567890", Code::PhonePossibleOnly));
/// ```
pub fn normalize(s: &str, options: &Options) -> FieldResult {
    // Bounded count: a 20 MB string is refused after looking at 251 characters.
    if s.chars().take(MAX_INPUT_CHARS + 1).count() > MAX_INPUT_CHARS {
        return Err(FieldIssue::new(Code::PhoneTooLong).with_ctx("max_length", MAX_INPUT_CHARS));
    }
    let region = options.default_region.and_then(to_lib_region);
    let primary = verdict(s, region);
    let chosen = match primary {
        Verdict::Valid(_) => primary,
        _ if starts_with_00(s) => {
            let alt = verdict(s, Some(IDD_00_REGION));
            match (&alt, &primary) {
                (Verdict::Valid(_), _) => alt,
                // With no region, the `00` reading is the only one there is.
                _ if region.is_none() => alt,
                (Verdict::PossibleOnly(_), Verdict::Invalid(_)) => alt,
                _ => primary,
            }
        }
        _ => primary,
    };
    let (number, warnings) = match chosen {
        Verdict::Valid(n) => (n, Vec::new()),
        Verdict::PossibleOnly(n) => match options.phone_validity {
            PhoneValidity::Possible => (n, vec![FieldIssue::new(Code::PhonePossibleOnly)]),
            PhoneValidity::Valid => return Err(FieldIssue::new(Code::PhoneInvalid)),
        },
        Verdict::Invalid(code) => return Err(FieldIssue::new(code)),
    };
    let value = e164(&number);
    // The output must read back as itself (idempotence). A few merely possible numbers do
    // not: `+49001176` reads back as `+4901176` (the `0` is taken for a national prefix).
    if !round_trips(&value) {
        return Err(FieldIssue::new(Code::PhoneInvalid));
    }
    Ok(Normalized { value, warnings })
}

/// Whether an E.164 value (with any extension) parses back to itself.
fn round_trips(value: &str) -> bool {
    PHONE_NUMBER_UTIL
        .parse(value, None)
        .is_ok_and(|n| e164(&n) == value)
}

/// Whether libphonenumber has metadata for this region (so it can be a default region).
///
/// # Example
/// ```
/// use contact_rules::{phone, Region};
/// assert!(phone::is_supported_region("GB".parse::<Region>().unwrap()));
/// assert!(Region::parse("XX").is_err()); // Region::parse asks this function
/// ```
pub fn is_supported_region(region: crate::Region) -> bool {
    to_lib_region(region).is_some()
}

/// Our region as rlibphonenumber's, when it has metadata for it.
fn to_lib_region(region: crate::Region) -> Option<rlibphonenumber::Region> {
    let r = rlibphonenumber::Region::from_code(region.as_str()).ok()?;
    PHONE_NUMBER_UTIL
        .get_country_code_for_region(r)
        .is_some()
        .then_some(r)
}

/// What one reading of the input gives.
enum Verdict {
    /// Valid by the metadata.
    Valid(PhoneNumber),
    /// A possible length (dialable from abroad) but not valid.
    PossibleOnly(PhoneNumber),
    /// Not a phone number we can store: the error code.
    Invalid(Code),
}

/// Parses `s` in `region` and classifies the result.
fn verdict(s: &str, region: Option<rlibphonenumber::Region>) -> Verdict {
    if tel_prefix_after_phone_context(s) {
        return Verdict::Invalid(Code::PhoneInvalid);
    }
    let number = match PHONE_NUMBER_UTIL.parse(s, region) {
        Ok(n) => n,
        Err(e) => return Verdict::Invalid(parse_error_code(&e, s, region.is_some())),
    };
    if PHONE_NUMBER_UTIL.is_valid_number(&number) {
        return Verdict::Valid(number);
    }
    match PHONE_NUMBER_UTIL.is_possible_number_with_reason(&number) {
        Ok(NumberLengthType::IsPossible) => Verdict::PossibleOnly(number),
        // Dialable only inside its area (no area code): no E.164 form to store.
        Ok(NumberLengthType::IsPossibleLocalOnly) => Verdict::Invalid(Code::PhoneTooShort),
        Err(ValidationError::TooShort) => Verdict::Invalid(Code::PhoneTooShort),
        Err(ValidationError::TooLong) => Verdict::Invalid(Code::PhoneTooLong),
        Err(ValidationError::InvalidLength | ValidationError::InvalidCountryCode) => {
            Verdict::Invalid(Code::PhoneInvalid)
        }
    }
}

/// The issue code for a libphonenumber parse error.
fn parse_error_code(e: &ParseError, s: &str, has_region: bool) -> Code {
    match e {
        // Without a region, libphonenumber reports a national number as a bad country code.
        ParseError::InvalidCountryCode if !has_region && !plus_before_digits(s) => {
            Code::PhoneRegionMissing
        }
        ParseError::InvalidCountryCode | ParseError::NotANumber(_) => Code::PhoneInvalid,
        ParseError::TooShortAfterIdd | ParseError::TooShortNsn => Code::PhoneTooShort,
        ParseError::TooLongNsn => Code::PhoneTooLong,
    }
}

/// The number in E.164, followed by `;ext=` and the extension's digits (in ASCII) if any.
fn e164(n: &PhoneNumber) -> String {
    let mut out = PHONE_NUMBER_UTIL
        .format(n, PhoneNumberFormat::E164)
        .into_owned();
    if let Some(ext) = n.extension.as_deref().filter(|e| !e.is_empty()) {
        out.push_str(";ext=");
        out.push_str(&PHONE_NUMBER_UTIL.normalize_digits_only(ext));
    }
    out
}

/// Whether `tel:` first appears after `;phone-context=`. rlibphonenumber 2.2.15 panics on
/// such input (it slices from after `tel:` to the phone context); libphonenumber reads an
/// empty number there, which is not a number.
fn tel_prefix_after_phone_context(s: &str) -> bool {
    match (s.find(";phone-context="), s.find("tel:")) {
        (Some(context), Some(tel)) => tel > context,
        _ => false,
    }
}

/// Whether `c` is a decimal digit in any script (what libphonenumber reads as a digit).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric() && digit_value(c).is_some())
}

/// The value of a decimal digit in any script, by libphonenumber's digit normalization.
fn digit_value(c: char) -> Option<u8> {
    let mut buf = [0u8; 4];
    let d = PHONE_NUMBER_UTIL.normalize_digits_only(c.encode_utf8(&mut buf));
    match d.as_bytes() {
        [b] => Some(b - b'0'),
        _ => None,
    }
}

/// Whether a `+` (or full-width `＋`) comes before the first digit.
fn plus_before_digits(s: &str) -> bool {
    s.chars()
        .take_while(|&c| !is_digit(c))
        .any(|c| c == '+' || c == '\u{FF0B}')
}

/// Whether the number is written with the `00` international prefix: no `+` before the
/// digits, and the digits start with `00` followed by a non-zero digit (country codes never
/// start with 0).
fn starts_with_00(s: &str) -> bool {
    if plus_before_digits(s) {
        return false;
    }
    let mut digits = s.chars().filter(|&c| is_digit(c)).map(digit_value);
    matches!(
        (digits.next(), digits.next(), digits.next()),
        (Some(Some(0)), Some(Some(0)), Some(Some(d))) if d != 0
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Region;

    fn opts(region: Option<&str>) -> Options {
        Options {
            default_region: region.map(|r| Region::parse(r).expect("known region")),
            ..Options::default()
        }
    }

    fn possible(region: Option<&str>) -> Options {
        Options {
            phone_validity: PhoneValidity::Possible,
            ..opts(region)
        }
    }

    #[test]
    fn valid_numbers() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            // SPEC.md §1 examples.
            ("(415) 555-2671", Some("US"), "+14155552671"),
            ("+44 (0)20 8006 0227", None, "+442080060227"),
            ("+49 170 44564819", None, "+4917044564819"),
            (
                "213-373-4253 ext. 1234",
                Some("US"),
                "+12133734253;ext=1234",
            ),
            // Extensions in their many spellings.
            ("+1 213 373 4253 x1234", None, "+12133734253;ext=1234"),
            ("+12133734253;ext=1234", None, "+12133734253;ext=1234"),
            ("tel:+1-213-373-4253;ext=77", None, "+12133734253;ext=77"),
            ("020 8006 0227 ext 12", Some("GB"), "+442080060227;ext=12"),
            ("+1 213 373 4253 ext. １２", None, "+12133734253;ext=12"),
            // Vanity numbers.
            ("1-800-FLOWERS", Some("US"), "+18003569377"),
            ("+1 650 GOO OGLE", None, "+16504666453"),
            // International prefixes.
            ("0049 170 44564819", None, "+4917044564819"),
            ("00 44 20 8006 0227", Some("US"), "+442080060227"),
            ("011 44 20 8006 0227", Some("US"), "+442080060227"),
            ("0033 1 42 68 53 00", Some("FR"), "+33142685300"),
            // National numbers in their region, and from abroad.
            ("020 8006 0227", Some("GB"), "+442080060227"),
            ("030 123456", Some("DE"), "+4930123456"),
            ("01 42 68 53 00", Some("FR"), "+33142685300"),
            ("(11) 98765-4321", Some("BR"), "+5511987654321"),
            ("098765 43210", Some("IN"), "+919876543210"),
            ("03-1234-5678", Some("JP"), "+81312345678"),
            ("0412 345 678", Some("AU"), "+61412345678"),
            ("+33 1 42 68 53 00", Some("US"), "+33142685300"),
            // Full-width and Arabic-Indic digits.
            ("＋４４ ２０ ８００６ ０２２７", None, "+442080060227"),
            ("+٩٧١ ٥٠ ١٢٣ ٤٥٦٧", None, "+971501234567"),
            // Surrounding white space.
            ("  +1 415 555 2671\n", None, "+14155552671"),
        ];
        for &(input, region, want) in cases {
            let got = normalize(input, &opts(region));
            assert_eq!(
                got.as_ref().map(|n| n.value.as_str()),
                Ok(want),
                "{input:?} in {region:?}"
            );
            let got = got.unwrap_or_else(|e| panic!("{input}: {e}"));
            assert!(got.warnings.is_empty(), "{input}");
            // Idempotent, with or without a region.
            for r in [None, Some("US"), Some("GB")] {
                let again = normalize(&got.value, &opts(r)).map(|n| n.value);
                assert_eq!(again.as_deref(), Ok(want), "again {want} in {r:?}");
            }
        }
    }

    #[test]
    fn errors() {
        let cases: &[(&str, Option<&str>, Code)] = &[
            ("415 555 2671", None, Code::PhoneRegionMissing),
            ("(415) 555-2671", None, Code::PhoneRegionMissing),
            (
                "tel:8005553535;phone-context=example.com",
                None,
                Code::PhoneRegionMissing,
            ),
            ("gibberish", None, Code::PhoneInvalid),
            ("gibberish", Some("US"), Code::PhoneInvalid),
            ("+", None, Code::PhoneInvalid),
            ("1", Some("US"), Code::PhoneInvalid),
            ("+999 1234 5678", None, Code::PhoneInvalid),
            ("+999 1234 5678", Some("US"), Code::PhoneInvalid),
            ("0099 1234 5678", None, Code::PhoneInvalid),
            ("(123) 456-7890", Some("US"), Code::PhoneInvalid),
            ("+1 415 555", None, Code::PhoneTooShort),
            ("253 0000", Some("US"), Code::PhoneTooShort),
            ("12", Some("US"), Code::PhoneTooShort),
            ("+49 1", None, Code::PhoneTooShort),
            ("+1 415 555 2671 1234", None, Code::PhoneTooLong),
            ("+44 20 8006 0227 1234 5678 9", None, Code::PhoneTooLong),
            ("+33 1 23 45 67 8", None, Code::PhoneTooShort),
            ("+47 1234567", None, Code::PhoneInvalid),
            ("tel:1234;phone-context=+1tel:", None, Code::PhoneInvalid),
            ("1234;phone-context=+1;tel:5678", None, Code::PhoneInvalid),
        ];
        for &(input, region, want) in cases {
            let got = normalize(input, &opts(region)).map(|n| n.value);
            assert_eq!(
                got.map_err(|e| e.code),
                Err(want),
                "{input:?} in {region:?}"
            );
        }
    }

    #[test]
    fn possible_only() {
        for (input, region, want) in [
            ("(123) 456-7890", Some("US"), "+11234567890"),
            ("+1 123 456 7890", None, "+11234567890"),
            ("+44 11 1111 1111", None, "+441111111111"),
        ] {
            assert_eq!(
                normalize(input, &opts(region)).map_err(|e| e.code),
                Err(Code::PhoneInvalid),
                "{input}"
            );
            let got = normalize(input, &possible(region)).expect(input);
            assert_eq!(got.value, want);
            let codes: Vec<_> = got.warnings.iter().map(|w| w.code).collect();
            assert_eq!(codes, [Code::PhonePossibleOnly], "{input}");
            // Idempotent.
            assert_eq!(normalize(&got.value, &possible(None)), Ok(got));
        }
        // Valid numbers carry no warning; too short stays an error; local-only is too short.
        assert!(normalize("(415) 555-2671", &possible(Some("US")))
            .unwrap()
            .warnings
            .is_empty());
        for (input, want) in [
            ("+1 415 555", Code::PhoneTooShort),
            ("253 0000", Code::PhoneTooShort),
        ] {
            let got = normalize(input, &possible(Some("US")));
            assert_eq!(got.map_err(|e| e.code), Err(want), "{input}");
        }
    }

    #[test]
    fn length_cap() {
        let long = format!("+1 415 555 2671{}", " ".repeat(MAX_INPUT_CHARS - 15));
        assert!(normalize(&long, &opts(None)).is_ok(), "250 characters pass");
        let long = format!("+1 415 555 2671{}", " ".repeat(MAX_INPUT_CHARS - 14));
        let got = normalize(&long, &opts(None)).map_err(|e| e.code);
        assert_eq!(
            got,
            Err(Code::PhoneTooLong),
            "white space counts, as in libphonenumber"
        );
        let long = format!("+1 415 555 2671 {}", "x".repeat(MAX_INPUT_CHARS));
        assert_eq!(
            normalize(&long, &opts(None)).unwrap_err().code,
            Code::PhoneTooLong
        );
        let huge = "1".repeat(20 << 20);
        let t = std::time::Instant::now();
        assert_eq!(
            normalize(&huge, &opts(Some("US"))).unwrap_err().code,
            Code::PhoneTooLong
        );
        assert!(t.elapsed() < std::time::Duration::from_millis(500));
    }

    #[test]
    fn supported_regions() {
        for r in [
            "US", "GB", "DE", "FR", "BR", "IN", "JP", "AU", "AC", "TA", "XK",
        ] {
            assert!(Region::parse(r).is_ok(), "{r}");
        }
        for r in ["XX", "ZZ", "AA", "EU", "UK", "US ", "U", "001"] {
            assert!(Region::parse(r).is_err(), "{r}");
        }
    }

    #[test]
    fn zeros_prefix_detection() {
        assert!(starts_with_00("0049 170"));
        assert!(starts_with_00("(00) 49 170"));
        assert!(starts_with_00("００４９"));
        assert!(!starts_with_00("+0049"));
        assert!(!starts_with_00("00"));
        assert!(!starts_with_00("000 49"));
        assert!(!starts_with_00("049"));
    }

    /// A tiny xorshift generator over phone-ish fragments: no panic on any input, and every
    /// accepted value reads back as itself. `PHONE_FUZZ_ITERS` and `PHONE_FUZZ_SEED` vary the run.
    #[test]
    fn fuzz_never_panics() {
        let fragments: Vec<&str> = concat!(
            "0|1|2|3|4|5|6|7|8|9|0|1|4|5|7|00|011|+|+|+1|+44|+49|+800|+979|(|)|-|.| | |/|",
            "e|x|t|ext.| ext |;ext=|#|*|A|Z|q|tel:|;phone-context=|;isub=|;|=|٣|١|１|＋|é|",
            "\u{200b}|\u{0}|\n|\t|💥|ｘ|,|~|%|2133734253|4155552671|020 8006 0227|17044564819"
        )
        .split('|')
        .collect();
        let iters: u32 = std::env::var("PHONE_FUZZ_ITERS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(20_000);
        let seed: u64 = std::env::var("PHONE_FUZZ_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0x9E37_79B9_7F4A_7C15);
        let mut state = seed | 1;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let regions = [
            None,
            Some("US"),
            Some("GB"),
            Some("DE"),
            Some("BR"),
            Some("IT"),
        ];
        let options: Vec<_> = regions
            .iter()
            .flat_map(|&r| [opts(r), possible(r)])
            .collect();
        let mut accepted = 0u32;
        for _ in 0..iters {
            let len = (next() % 24) as usize;
            let mut s = String::new();
            for _ in 0..len {
                s.push_str(fragments[(next() % fragments.len() as u64) as usize]);
            }
            let o = &options[(next() % options.len() as u64) as usize];
            if let Ok(n) = normalize(&s, o) {
                accepted += 1;
                let again = normalize(&n.value, o).map(|a| a.value);
                assert_eq!(again.as_ref(), Ok(&n.value), "{s:?} -> {}", n.value);
            }
        }
        assert!(
            accepted > iters / 100,
            "only {accepted} of {iters} accepted"
        );
    }
}
