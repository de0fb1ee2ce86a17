//! What the fuzz targets share: options decoded from the input's first bytes, and the checks
//! every result must pass (no panic is the first; then the invariants below).
//!
//! An input is `[header bytes][UTF-8 text]`; inputs whose text is not UTF-8 are skipped (the
//! command line reports them as `invalid_json` before any rule runs, and Rust `&str` cannot hold
//! them). `scripts/fuzz.sh` builds the seed corpus in the same layout from `tests/vectors/`.

use contact_rules::{
    validate_contact, validate_contact_str, Blank, DomainMode, EmailCase, FieldIssue, FieldResult,
    Issue, Limits, Options, PhoneValidity, Region, UnknownKeys,
};

/// Default regions a header byte can pick (index 0: none). Codes that phone metadata lacks
/// would be `None` too, so the list may hold any code.
pub const REGIONS: [&str; 64] = [
    "", "US", "GB", "DE", "FR", "IN", "BR", "CN", "JP", "AU", "CA", "MX", "RU", "IT", "ES", "NL",
    "CH", "SE", "NO", "AR", "ZA", "NG", "KR", "IL", "AE", "SA", "TR", "PL", "UA", "ID", "PH", "VN",
    "EG", "KE", "NZ", "SG", "HK", "TW", "AD", "VA", "IR", "PK", "BD", "TH", "MY", "CL", "CO", "PE",
    "VE", "AT", "BE", "DK", "FI", "IE", "PT", "GR", "CZ", "HU", "RO", "BY", "KZ", "UZ", "GE", "AM",
];

/// The region a byte picks (its low 6 bits; 0 is none).
pub fn region(byte: u8) -> Option<Region> {
    let code = REGIONS.get(usize::from(byte & 0x3f)).copied().unwrap_or("");
    Region::parse(code).ok()
}

/// Small limits, so that every limit is reached by short inputs.
pub const TIGHT_LIMITS: Limits = Limits {
    text_max_chars: 8,
    custom_field_max_chars: 8,
    max_payload_bytes: 256,
    max_keys: 4,
    max_tags: 3,
};

/// Whole-payload options from two header bytes.
///
/// Byte 0, bit by bit: 0 `phone_validity: possible`, 1–2 `unknown_keys` (0 error, 1 strip,
/// 2 keep, 3 error), 3 `blank: omit`, 4 `email_case: preserve_local`, 5 `domain_mode: host`,
/// 6 `lax_booleans: false`, 7 `derive_domain_from_email`. Byte 1: low 6 bits the region
/// ([`REGIONS`]), high 2 bits the limits (3: [`TIGHT_LIMITS`], else the defaults).
pub fn contact_options(b0: u8, b1: u8) -> Options {
    Options {
        default_region: region(b1),
        phone_validity: if b0 & 1 != 0 {
            PhoneValidity::Possible
        } else {
            PhoneValidity::Valid
        },
        unknown_keys: match (b0 >> 1) & 3 {
            1 => UnknownKeys::Strip,
            2 => UnknownKeys::Keep,
            _ => UnknownKeys::Error,
        },
        blank: if b0 & 8 != 0 {
            Blank::Omit
        } else {
            Blank::Null
        },
        email_case: if b0 & 16 != 0 {
            EmailCase::PreserveLocal
        } else {
            EmailCase::Lower
        },
        domain_mode: if b0 & 32 != 0 {
            DomainMode::Host
        } else {
            DomainMode::Registrable
        },
        lax_booleans: b0 & 64 == 0,
        derive_domain_from_email: b0 & 128 != 0,
        limits: if b1 >> 6 == 3 {
            TIGHT_LIMITS
        } else {
            Limits::default()
        },
    }
}

/// Field-rule options from one header byte: bit 0 `phone_validity: possible`, bit 1
/// `email_case: preserve_local`, bit 2 `domain_mode: host`; the region from bits 3–7 (an index
/// into the first 32 [`REGIONS`]).
pub fn field_options(b0: u8) -> Options {
    Options {
        default_region: region(b0 >> 3),
        phone_validity: if b0 & 1 != 0 {
            PhoneValidity::Possible
        } else {
            PhoneValidity::Valid
        },
        email_case: if b0 & 2 != 0 {
            EmailCase::PreserveLocal
        } else {
            EmailCase::Lower
        },
        domain_mode: if b0 & 4 != 0 {
            DomainMode::Host
        } else {
            DomainMode::Registrable
        },
        ..Options::default()
    }
}

/// Splits `[n header bytes][UTF-8 text]`; `None` when too short or not UTF-8.
pub fn split<const N: usize>(data: &[u8]) -> Option<([u8; N], &str)> {
    let head: [u8; N] = data.get(..N)?.try_into().ok()?;
    let text = std::str::from_utf8(data.get(N..)?).ok()?;
    Some((head, text))
}

/// An issue must have a code, a message, and serialize.
pub fn check_issue(issue: &FieldIssue) {
    assert!(!issue.code.as_str().is_empty());
    assert!(!issue.message.is_empty(), "{issue:?} has no message");
    let issue = Issue::at(Vec::new(), issue.clone(), None);
    serde_json::to_string(&issue).expect("an issue serializes");
}

/// A field rule: its issues are well formed, and a normalized value is accepted by the rule
/// again and normalizes to itself (idempotence).
pub fn check_field(
    name: &str,
    rule: fn(&str, &contact_rules::Options) -> FieldResult,
    input: &str,
    options: &Options,
) {
    match rule(input, options) {
        Ok(n) => {
            n.warnings.iter().for_each(check_issue);
            match rule(&n.value, options) {
                Ok(again) => assert_eq!(
                    again.value, n.value,
                    "{name}: not idempotent: {input:?} -> {:?} -> {:?}",
                    n.value, again.value
                ),
                Err(e) => panic!(
                    "{name}: the output {:?} of {input:?} is refused: {:?}",
                    n.value, e.code
                ),
            }
        }
        Err(e) => check_issue(&e),
    }
}

/// The whole payload: `value` exactly when there are no errors, the outcome serializes (also
/// in FastAPI's shape), and a normalized payload validates to itself.
pub fn check_contact(json: &str, options: &Options) {
    let out = validate_contact_str(json, options);
    assert_eq!(out.value.is_some(), out.errors.is_empty());
    // validate_contact_str reads common payloads without building a serde_json::Value (a
    // performance path): within the size limit its result must be validate_contact's on the
    // parsed value, to the last issue.
    if json.len() <= options.limits.max_payload_bytes {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(json) {
            assert_eq!(
                out,
                validate_contact(&value, options),
                "the fast path differs: {json:?}"
            );
        }
    }
    serde_json::to_string(&out).expect("an outcome serializes");
    serde_json::to_string(&out.to_fastapi()).expect("the FastAPI body serializes");
    for issue in out.errors.iter().chain(&out.warnings) {
        assert!(!issue.message.is_empty());
    }
    let Some(contact) = &out.value else {
        return;
    };
    let text = serde_json::to_string(contact).expect("a contact serializes");
    let value: serde_json::Value = serde_json::from_str(&text).expect("the output is JSON");
    // Through the Value, so that the payload size limit (a normalized UUID or LinkedIn URL is
    // longer than some of the forms it comes from) does not count here.
    let again = validate_contact(&value, options);
    assert!(
        again.errors.is_empty(),
        "the output of {json:?} is refused: {text} -> {:?}",
        again
            .errors
            .iter()
            .map(|i| (&i.path, i.code))
            .collect::<Vec<_>>()
    );
    let again_text = serde_json::to_string(&again.value).expect("a contact serializes");
    assert_eq!(again_text, text, "not idempotent: {json:?}");
}
