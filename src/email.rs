//! The `email` rule (SPEC.md §1 and §2).
//!
//! The value is trimmed; a `mailto:` prefix (any case, with any `?subject=...` query after the
//! address) and a display name (`Jane Doe <jane@acme.com>`, `"Jane Doe" <jane@acme.com>`) are
//! stripped. What is left is judged exactly as the API judges it: pydantic's `EmailStr`
//! (pydantic 2.14's `validate_email`: at most 2,048 characters, no line breaks, its display-name
//! pattern) over email-validator 2.4's `validate_email(..., check_deliverability=False)` with
//! its default options. So a quoted local part (`"jane doe"@acme.com`), an IP-literal domain
//! (`jane@[192.0.2.1]`), a special-use domain (`localhost`, `.local`, `.test`, `.invalid`,
//! `.onion`, `.arpa`), a domain without a period or whose last label does not end in a letter,
//! more than 254 bytes of address, and unsafe Unicode (controls, format characters, spaces,
//! unassigned code points, a leading combining mark) are refused; an internationalized local
//! part and an internationalized domain (IDNA 2008 after UTS #46 mapping, with its contextual
//! and bidi rules) are accepted.
//!
//! The output is email-validator's normalized address: the local part in NFC, the domain
//! lower-cased in its Unicode form (`jane@xn--mnchen-3ya.de` becomes `jane@münchen.de`). With
//! [`EmailCase::Lower`] (the default) the local part is lower-cased too; with
//! [`EmailCase::PreserveLocal`] it is kept as typed (except the RFC 2142 mailbox names such as
//! `INFO`, which email-validator itself lower-cases). The output passes `EmailStr` and
//! normalizes to itself.
//!
//! Warnings: `email_typo` (a misspelt provider such as `gmial.com` or a misspelt `.com` such as
//! `.con`, with the corrected address in `ctx.suggestion`), otherwise `email_free_provider` (a
//! free mailbox such as `gmail.com`), and `email_role_account` (`info@`, `sales@`,
//! `noreply@`, ...), in that order.
//!
//! The Unicode data the reference reads (Python 3.11's `unicodedata`, Unicode 14.0, and the
//! `idna` package's IDNA 2008 tables) is mirrored by the tables at the end of this file, so
//! characters are judged as the API judges them, not by a newer Unicode version.

use crate::host::{punycode, uts46};
use crate::issue::{Code, FieldIssue};
use crate::{strip_prefix_ignore_ascii_case, unicode, EmailCase, FieldResult, Normalized, Options};

/// pydantic's `MAX_EMAIL_LENGTH`: a longer value, in code points before trimming, is refused.
const MAX_INPUT_CHARS: usize = 2048;
/// email-validator's `EMAIL_MAX_LENGTH`, in UTF-8 bytes.
const EMAIL_MAX_BYTES: usize = 254;
/// email-validator's `DOMAIN_MAX_LENGTH`.
const DOMAIN_MAX_LENGTH: usize = 253;
/// email-validator's `DNS_LABEL_LENGTH_LIMIT`.
const LABEL_MAX_LENGTH: usize = 63;
/// The `idna` package's limit on a label it checks (`valid_string_length(label, True)`).
const IDNA_LABEL_MAX_CHARS: usize = 254;

/// Normalizes an email address.
///
/// Trims the value, strips a `mailto:` prefix and a display name, checks the address as the
/// API's `EmailStr` does and returns it normalized: local part in NFC and lower-cased (unless
/// `options.email_case` is [`EmailCase::PreserveLocal`]), domain lower-cased in its Unicode form.
/// Warnings say when the domain looks misspelt (`email_typo`, with the corrected address in
/// `ctx.suggestion`), is a free mailbox provider (`email_free_provider`), or the local part is a
/// role account (`email_role_account`).
///
/// # Errors
/// `email_invalid`, with a message saying what is wrong, for anything `EmailStr` refuses:
/// no `@`, an invalid character, dots out of place, a quoted local part, an IP address or a
/// special-use name after the `@`, a domain without a period, more than 254 bytes, ...
///
/// # Example
/// ```
/// use contact_rules::{email, Code, EmailCase, Options};
/// let opts = Options::default();
/// assert_eq!(email::normalize("  Jane.Doe@ACME.com ", &opts).unwrap().value, "jane.doe@acme.com");
/// assert_eq!(email::normalize("\"Jane Doe\" <jane@acme.com>", &opts).unwrap().value, "jane@acme.com");
/// assert_eq!(email::normalize("MAILTO:jane@acme.com?subject=Hi", &opts).unwrap().value, "jane@acme.com");
/// assert_eq!(email::normalize("jane@xn--mnchen-3ya.de", &opts).unwrap().value, "jane@münchen.de");
/// assert_eq!(email::normalize("jane@acme", &opts).unwrap_err().code, Code::EmailInvalid);
///
/// let typo = email::normalize("jane@gmial.com", &opts).unwrap();
/// assert_eq!(typo.warnings[0].code, Code::EmailTypo);
/// assert_eq!(typo.warnings[0].ctx.as_ref().unwrap()["suggestion"], "jane@gmail.com");
///
/// let keep = Options { email_case: EmailCase::PreserveLocal, ..Options::default() };
/// assert_eq!(email::normalize("Jane.Doe@ACME.com", &keep).unwrap().value, "Jane.Doe@acme.com");
/// ```
pub fn normalize(input: &str, options: &Options) -> FieldResult {
    let email = extract(input).map_err(Reason::issue)?;
    let value = match plain_output(email, options.email_case) {
        Some(value) => value,
        None => validate(email)
            .map_err(Reason::issue)?
            .output(options.email_case),
    };
    let warnings = warnings(&value);
    Ok(Normalized { value, warnings })
}

/// The common address (as [`extract`] leaves it), all ASCII: a dot-atom local part of `atext`
/// and a domain of LDH labels without `--`, with a period, ending in a letter, not special-use,
/// within every length. For such an address [`validate`] leaves the local part as it is (NFC
/// and the unsafe character check do nothing to ASCII; an RFC 2142 name is lower-cased), maps
/// the domain by lower-casing it and finds no A-label in it; and [`Address::output`]
/// lower-cases the local part (by default). So the output is built here in one pass, without
/// the intermediate strings. `None` for anything else, which the general path reads; the tests
/// compare both on generated inputs.
fn plain_output(email: &str, case: EmailCase) -> Option<String> {
    if !email.is_ascii() {
        return None;
    }
    let at = email.bytes().position(|b| b == b'@')?;
    let (local, domain) = (&email[..at], &email[at + 1..]);
    // The local part: a dot-atom.
    let l = local.as_bytes();
    if l.first().is_none_or(|&b| b == b'.') || l.last() == Some(&b'.') {
        return None;
    }
    let mut previous = 0u8;
    for &b in l {
        let bad = if b == b'.' {
            previous == b'.'
        } else {
            !is_atext(char::from(b))
        };
        if bad {
            return None;
        }
        previous = b;
    }
    // The domain: LDH labels of 1 to 63 bytes, no hyphen at either end and no `--` (so no
    // A-label and no reserved label), a period, a last letter, at most 253 bytes.
    let d = domain.as_bytes();
    if d.len() > DOMAIN_MAX_LENGTH
        || l.len() + 1 + d.len() > EMAIL_MAX_BYTES
        || !d.last().is_some_and(u8::is_ascii_alphabetic)
    {
        return None;
    }
    let (mut label_len, mut previous, mut periods) = (0usize, b'.', 0usize);
    for &b in d {
        match b {
            b'.' if previous == b'.' || previous == b'-' => return None,
            b'.' => {
                periods += 1;
                label_len = 0;
            }
            b'-' if previous == b'.' || previous == b'-' => return None,
            b'-' => label_len += 1,
            _ if b.is_ascii_alphanumeric() => label_len += 1,
            _ => return None,
        }
        if label_len > LABEL_MAX_LENGTH {
            return None;
        }
        previous = b;
    }
    if periods == 0 {
        return None;
    }
    let mut out = String::with_capacity(email.len());
    out.push_str(local);
    if case == EmailCase::Lower || is_rfc2142_mailbox(local) {
        out.make_ascii_lowercase();
    }
    out.push('@');
    let domain_start = out.len();
    out.push_str(domain);
    let lower_domain = &mut out[domain_start..];
    lower_domain.make_ascii_lowercase();
    if crate::special_use::is_special_use_domain(lower_domain) {
        return None;
    }
    Some(out)
}

/// Why an address is refused; each reason has the message the issue carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    TooLong,
    LineBreak,
    NoAtSign,
    DisplayName,
    QuotedLocal,
    LocalEmpty,
    LocalCharacters,
    LocalDots,
    Unsafe,
    DomainEmpty,
    DomainLiteral,
    DomainCharacters,
    DomainDotsHyphens,
    DomainIdna,
    DomainNoPeriod,
    DomainTld,
    SpecialUse,
}

impl Reason {
    fn message(self) -> &'static str {
        match self {
            Reason::TooLong => "This email address is too long.",
            Reason::LineBreak => "An email address cannot contain a line break.",
            Reason::NoAtSign => "An email address must have an @-sign, such as jane@example.com.",
            Reason::DisplayName => {
                "Enter the address alone or as Name <address>, the name in letters, digits and spaces or in double quotes."
            }
            Reason::QuotedLocal => "Quotes before the @-sign are not accepted.",
            Reason::LocalEmpty => "There must be something before the @-sign.",
            Reason::LocalCharacters => "The part before the @-sign contains characters that are not allowed.",
            Reason::LocalDots => {
                "The part before the @-sign cannot start or end with a period or have two periods in a row."
            }
            Reason::Unsafe => {
                "The email address contains invisible, control, space or unassigned characters."
            }
            Reason::DomainEmpty => "There must be a domain name after the @-sign.",
            Reason::DomainLiteral => "An IP address after the @-sign is not accepted; use a domain name.",
            Reason::DomainCharacters => "The part after the @-sign contains characters that are not allowed.",
            Reason::DomainDotsHyphens => {
                "The part after the @-sign has a period or a hyphen out of place."
            }
            Reason::DomainIdna => "The part after the @-sign is not a valid internationalized domain name.",
            Reason::DomainNoPeriod => "The part after the @-sign must be a domain name with a period, such as example.com.",
            Reason::DomainTld => "The part after the @-sign does not end in a valid top-level domain.",
            Reason::SpecialUse => {
                "The part after the @-sign is a special-use or reserved name that cannot receive email."
            }
        }
    }

    fn issue(self) -> FieldIssue {
        FieldIssue::new(Code::EmailInvalid).with_message(self.message())
    }
}

/// A valid address as email-validator normalizes it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Address {
    /// The local part in NFC (RFC 2142 mailbox names lower-cased).
    local: String,
    /// The domain, lower-cased, in its Unicode form.
    domain: String,
}

impl Address {
    /// The normalized address for the option; always one that validates to itself.
    fn output(&self, case: EmailCase) -> String {
        let api = format!("{}@{}", self.local, self.domain);
        if case == EmailCase::PreserveLocal {
            return api;
        }
        if self.local.is_ascii() && self.domain.is_ascii() && !self.domain.contains("xn--") {
            // Fast path, same result: lower-casing ASCII letters keeps every character of the
            // local part in `atext` and every length as it is, NFC leaves ASCII alone, and an
            // ASCII domain without A-labels validates to itself, so the check below would
            // always pass.
            if !self.local.bytes().any(|b| b.is_ascii_uppercase()) {
                return api;
            }
            return format!("{}@{}", self.local.to_ascii_lowercase(), self.domain);
        }
        let lower = nfc(&self.local.to_lowercase());
        if lower == self.local {
            return api;
        }
        // Lower-casing can change the length in bytes (`İ` becomes `i̇`): keep the lower-cased
        // form only if the API accepts it as it is.
        let candidate = format!("{lower}@{}", self.domain);
        match validate(&candidate) {
            Ok(again) if again.local == lower && again.domain == self.domain => candidate,
            _ => api,
        }
    }
}

/// The whole rule without warnings: pydantic's `validate_email` after our own trimming and
/// `mailto:` stripping.
#[cfg(test)]
fn parse(input: &str) -> Result<Address, Reason> {
    validate(extract(input)?)
}

/// The address to validate: the value trimmed, without `mailto:` and without a display name;
/// refused when too long or with a line break (pydantic's steps before email-validator's).
fn extract(input: &str) -> Result<&str, Reason> {
    // Refuse absurd input before any work (four bytes per code point at most), then apply
    // pydantic's cap on the value as sent.
    if input.len() > MAX_INPUT_CHARS * 4
        || (input.len() > MAX_INPUT_CHARS && input.chars().count() > MAX_INPUT_CHARS)
    {
        return Err(Reason::TooLong);
    }
    let value = strip_mailto(trim(input));
    if !crate::host::every_byte(value, |b| b != b'\r' && b != b'\n') {
        return Err(Reason::LineBreak);
    }
    Ok(match display_name_address(value) {
        Some(inner) => strip_mailto(trim(inner)),
        None => value,
    })
}

/// Python's `str.isspace()`, which `str.strip()` and the `\s` of pydantic's pattern use: Rust's
/// white space plus the four information separators U+001C..U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
fn trim(s: &str) -> &str {
    // Shortcut, same result: printable ASCII at both ends is no space, nothing is trimmed.
    let b = s.as_bytes();
    if b.first().is_some_and(u8::is_ascii_graphic) && b.last().is_some_and(u8::is_ascii_graphic) {
        return s;
    }
    s.trim_matches(is_py_space)
}

/// Strips a `mailto:` prefix (any case) and the `?` query after the address.
fn strip_mailto(s: &str) -> &str {
    match strip_prefix_ignore_ascii_case(s, "mailto:") {
        Some(rest) => trim(rest.split_once('?').map_or(rest, |(address, _)| address)),
        None => s,
    }
}

/// A character of an unquoted display name in pydantic's pattern: `[\w.!#$%&'*+\-/=?^_`{|}~]`.
fn is_name_char(c: char) -> bool {
    if c.is_ascii() {
        // Same result without the table search: the ASCII letters and digits are the ASCII
        // characters of categories L and N (`ascii_name_chars` in the tests), and the symbols
        // are RFC 5322's atext symbols and the dot.
        return c == '.' || is_atext(c);
    }
    category(c) == Cat::LetterNumber
}

/// pydantic's `pretty_email_regex`, matched in full:
/// `\s*(?:((?:N+\s+)*N+)|"((?:[^"]|\")+)")?\s*<(.+)>\s*` (N a name character). Returns the text
/// between the angle brackets, or `None` when the pattern does not match. Linear time: each
/// alternative is decided by one scan.
fn display_name_address(s: &str) -> Option<&str> {
    // `>\s*$`: the final `>` is the last character that is not a space.
    let gt = s.trim_end_matches(is_py_space).strip_suffix('>')?.len();
    let start = s.len() - s.trim_start_matches(is_py_space).len();
    let lt = match s[start..].chars().next()? {
        '<' => start,
        '"' => quoted_name_end(s, start, gt)?,
        c if is_name_char(c) => unquoted_name_end(s, start)?,
        _ => return None,
    };
    // `<(.+)>`: at least one character between the brackets.
    (lt + 1 < gt).then(|| &s[lt + 1..gt])
}

/// After an unquoted name starting at `start` (words of name characters separated by spaces),
/// the index of the `<` that must follow it, after optional spaces.
fn unquoted_name_end(s: &str, start: usize) -> Option<usize> {
    let mut i = start;
    loop {
        let word = s[i..].len() - s[i..].trim_start_matches(is_name_char).len();
        if word == 0 {
            return None;
        }
        i += word;
        let spaces = s[i..].len() - s[i..].trim_start_matches(is_py_space).len();
        i += spaces;
        match s[i..].chars().next() {
            Some('<') => return Some(i),
            Some(c) if spaces > 0 && is_name_char(c) => {}
            _ => return None,
        }
    }
}

/// After a quoted name whose opening quote is at `start`, the index of the `<` that follows its
/// closing quote. The pattern's quoted group takes any characters, greedily: the closing quote
/// is the last one followed by optional spaces, a `<` and at least one character before the
/// final `>` at `gt`.
fn quoted_name_end(s: &str, start: usize, gt: usize) -> Option<usize> {
    let content_start = start + 1;
    s[content_start..gt]
        .rmatch_indices('"')
        // The quoted group holds at least one character.
        .filter(|&(offset, _)| offset > 0)
        .find_map(|(offset, _)| {
            let after = &s[content_start + offset + 1..];
            let rest = after.trim_start_matches(is_py_space);
            let lt = s.len() - rest.len();
            (rest.starts_with('<') && lt + 1 < gt).then_some(lt)
        })
}

/// email-validator's `validate_email` with its default options and no deliverability check.
fn validate(email: &str) -> Result<Address, Reason> {
    let at = split_at_sign(email)?;
    let (local_raw, domain_raw) = (&email[..at], &email[at + 1..]);
    let local = validate_local(local_raw)?;
    if domain_raw.is_empty() {
        return Err(Reason::DomainEmpty);
    }
    if domain_raw.starts_with('[') && domain_raw.ends_with(']') {
        return Err(Reason::DomainLiteral);
    }
    let (ascii_len, domain) = validate_domain(domain_raw)?;
    // `validate_email_length`: the address as given, normalized, and with the ASCII domain.
    if local_raw.len() + 1 + domain_raw.len() > EMAIL_MAX_BYTES
        || local.len() + 1 + domain.len() > EMAIL_MAX_BYTES
        || local.len() + 1 + ascii_len > EMAIL_MAX_BYTES
    {
        return Err(Reason::TooLong);
    }
    Ok(Address { local, domain })
}

/// email-validator's `split_email` without display names and quoted local parts (both refused
/// by default): the index of the first `@`. A `<` or `"` before it can only start a display
/// name or a quoted local part, or be a character the local part cannot hold.
fn split_at_sign(email: &str) -> Result<usize, Reason> {
    for (i, c) in email.char_indices() {
        match c {
            '@' => return Ok(i),
            '<' => return Err(Reason::DisplayName),
            '"' => return Err(Reason::QuotedLocal),
            _ => {}
        }
    }
    Err(Reason::NoAtSign)
}

/// RFC 5322 `atext`.
fn is_atext(c: char) -> bool {
    // A bit test rather than a search of a string of the symbols: this runs on every character
    // of every local part.
    u32::from(c) < 128 && ATEXT >> u32::from(c) & 1 == 1
}

/// The ASCII characters of [`is_atext`] as bits of a number: letters, digits and the symbols
/// `` !#$%&'*+-/=?^_`{|}~ `` (`atext_bits` in the tests compares with the list).
const ATEXT: u128 = {
    let mut bits = 0u128;
    let mut c = 0u8;
    while c < 128 {
        let symbol = matches!(
            c,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'-'
                | b'/'
                | b'='
                | b'?'
                | b'^'
                | b'_'
                | b'`'
                | b'{'
                | b'|'
                | b'}'
                | b'~'
        );
        if c.is_ascii_alphanumeric() || symbol {
            bits |= 1 << c;
        }
        c += 1;
    }
    bits
};

/// email-validator's `validate_email_local_part` (unquoted, SMTPUTF8 allowed), then its NFC
/// step and the RFC 2142 lower-casing. Returns the normalized local part.
fn validate_local(local: &str) -> Result<String, Reason> {
    check_local(local)?;
    // NFC leaves ASCII as it is.
    let mut normalized = if local.is_ascii() {
        local.to_owned()
    } else {
        nfc(local)
    };
    if normalized != local {
        check_local(&normalized)?;
    }
    if normalized.is_ascii() && is_rfc2142_mailbox(&normalized) {
        normalized.make_ascii_lowercase();
    }
    Ok(normalized)
}

/// A dot-atom of `atext` and any non-ASCII character, and then no unsafe character.
fn check_local(local: &str) -> Result<(), Reason> {
    if local.is_empty() {
        return Err(Reason::LocalEmpty);
    }
    if local.is_ascii() {
        // Fast path, same result: one pass over the bytes makes the checks below (for ASCII,
        // every character is one byte and none needs `check_unsafe`).
        let bytes = local.as_bytes();
        let mut previous_dot = false;
        for &b in bytes {
            let dot = b == b'.';
            if !dot && !is_atext(char::from(b)) {
                return Err(Reason::LocalCharacters);
            }
            if dot && previous_dot {
                // `..`; a character the general path would refuse first can only come later,
                // and it looks for those first.
                return check_local_general(local);
            }
            previous_dot = dot;
        }
        if bytes.first() == Some(&b'.') || previous_dot {
            return Err(Reason::LocalDots);
        }
        return Ok(());
    }
    check_local_general(local)
}

/// [`check_local`] for any non-empty local part (the ASCII pass above gives the same result).
fn check_local_general(local: &str) -> Result<(), Reason> {
    if !local
        .chars()
        .all(|c| is_atext(c) || c == '.' || !c.is_ascii())
    {
        return Err(Reason::LocalCharacters);
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(Reason::LocalDots);
    }
    if local.is_ascii() {
        Ok(())
    } else {
        check_unsafe(local)
    }
}

/// email-validator's `CASE_INSENSITIVE_MAILBOX_NAMES` (RFC 2142), compared case-insensitively.
fn is_rfc2142_mailbox(local: &str) -> bool {
    const NAMES: [&str; 15] = [
        "abuse",
        "ftp",
        "hostmaster",
        "info",
        "marketing",
        "news",
        "noc",
        "postmaster",
        "sales",
        "security",
        "support",
        "usenet",
        "uucp",
        "webmaster",
        "www",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(local))
}

/// email-validator's `check_unsafe_chars` (spaces not allowed): letters, numbers, punctuation
/// and symbols pass; a combining mark passes unless it comes first; spaces, line and paragraph
/// separators, controls, format characters, private-use and unassigned code points do not.
fn check_unsafe(s: &str) -> Result<(), Reason> {
    for (i, c) in s.chars().enumerate() {
        match category(c) {
            Cat::LetterNumber | Cat::PunctuationSymbol => {}
            Cat::Mark if i > 0 => {}
            _ => return Err(Reason::Unsafe),
        }
    }
    Ok(())
}

/// NFC of `s`.
fn nfc(s: &str) -> String {
    unicode::nfc(s).into_owned()
}

/// `ATEXT_HOSTNAME_INTL`: an ASCII letter, digit, hyphen or period, or any non-ASCII character.
fn is_hostname_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '.' || !c.is_ascii()
}

/// Characters whose decomposition holds a full stop, which email-validator's `uts46_valid_char`
/// refuses (`⒈`, `․`, `㏂`, ...): the exhaustive list for Unicode 14.0.
fn decomposes_to_full_stop(c: char) -> bool {
    matches!(
        c as u32,
        0x2024..=0x2026 | 0x2488..=0x249B | 0x33C2 | 0x33C7 | 0x33D8 | 0xFE52 | 0x1F100
    )
}

/// `DOT_ATOM_TEXT_HOSTNAME`: ASCII labels of letters, digits and hyphens, not starting or ending
/// with a hyphen, separated by single periods.
fn is_ldh_hostname(s: &str) -> bool {
    s.split('.').all(|label| {
        !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    })
}

/// email-validator's `validate_email_domain_name` (globally deliverable, not a test
/// environment). Returns the length in bytes of the ASCII (IDNA) form and the Unicode form,
/// both lower-case.
fn validate_domain(raw: &str) -> Result<(usize, String), Reason> {
    if raw.chars().count() > DOMAIN_MAX_LENGTH {
        return Err(Reason::TooLong);
    }
    if !raw.chars().all(is_hostname_char) {
        return Err(Reason::DomainCharacters);
    }
    // ASCII hostname characters (letters, digits, `-`, `.`) are all safe.
    if !raw.is_ascii() {
        check_unsafe(raw)?;
    }
    if raw.chars().any(decomposes_to_full_stop) {
        return Err(Reason::DomainCharacters);
    }
    // UTS #46 mapping (non-transitional, no STD3 rules) and NFC, as `idna.uts46_remap`; a
    // disallowed character comes out as U+FFFD, itself disallowed.
    let mapped: String = if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else {
        uts46::map_normalize(raw)
    };
    if mapped.contains('\u{FFFD}') || !mapped.chars().all(is_hostname_char) {
        return Err(Reason::DomainCharacters);
    }
    if mapped.starts_with(['.', '-'])
        || mapped.ends_with(['.', '-'])
        || mapped.contains("..")
        || mapped.contains(".-")
        || mapped.contains("-.")
        || mapped.split('.').any(is_reserved_ldh_label)
    {
        return Err(Reason::DomainDotsHyphens);
    }
    let ascii = if is_ldh_hostname(&mapped) {
        mapped
    } else {
        let mut ascii = String::with_capacity(mapped.len() * 2);
        for (i, label) in mapped.split('.').enumerate() {
            if i > 0 {
                ascii.push('.');
            }
            ascii.push_str(&alabel(label)?);
        }
        if !is_ldh_hostname(&ascii) {
            return Err(Reason::DomainIdna);
        }
        ascii
    };
    if ascii.len() > DOMAIN_MAX_LENGTH || ascii.split('.').any(|l| l.len() > LABEL_MAX_LENGTH) {
        return Err(Reason::TooLong);
    }
    if !ascii.contains('.') {
        return Err(Reason::DomainNoPeriod);
    }
    if !ascii.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(Reason::DomainTld);
    }
    if crate::special_use::is_special_use_domain(&ascii) {
        return Err(Reason::SpecialUse);
    }
    if !ascii.contains("xn--") {
        return Ok((ascii.len(), ascii));
    }
    // `idna.decode`: the canonical Unicode form, checking each A-label on the way.
    let mut unicode = String::with_capacity(ascii.len());
    for (i, label) in ascii.split('.').enumerate() {
        if i > 0 {
            unicode.push('.');
        }
        unicode.push_str(&ulabel(label)?);
    }
    if !unicode.chars().all(is_hostname_char) {
        return Err(Reason::DomainCharacters);
    }
    check_unsafe(&unicode)?;
    // When any label is right-to-left, the Bidi Rule applies to every label.
    if unicode
        .chars()
        .any(|c| c != '.' && matches!(bidi(c), Bidi::R | Bidi::AL | Bidi::AN))
    {
        for label in unicode.split('.') {
            let chars: Vec<char> = label.chars().collect();
            check_bidi(&chars, true)?;
        }
    }
    // email-validator finally checks that `idna.encode` takes the Unicode form back; every label
    // has just passed the same checks, so that cannot fail.
    Ok((ascii.len(), unicode))
}

/// RFC 5890's reserved LDH labels: two characters other than `xn` followed by `--`.
fn is_reserved_ldh_label(label: &str) -> bool {
    let mut chars = label.chars();
    let (Some(a), Some(b), Some(c), Some(d)) =
        (chars.next(), chars.next(), chars.next(), chars.next())
    else {
        return false;
    };
    c == '-' && d == '-' && !(a.eq_ignore_ascii_case(&'x') && b.eq_ignore_ascii_case(&'n'))
}

/// `idna.alabel`: the A-label of a label (an ASCII label is checked and kept).
fn alabel(label: &str) -> Result<String, Reason> {
    if label.is_ascii() {
        ulabel(label)?;
        if label.len() > LABEL_MAX_LENGTH {
            return Err(Reason::TooLong);
        }
        return Ok(label.to_owned());
    }
    let chars: Vec<char> = label.chars().collect();
    check_label(&chars)?;
    let encoded = punycode::encode_str(label).ok_or(Reason::DomainIdna)?;
    if encoded.len() + 4 > LABEL_MAX_LENGTH {
        return Err(Reason::TooLong);
    }
    Ok(format!("xn--{encoded}"))
}

/// `idna.ulabel` of an ASCII label: an A-label is decoded, must be the canonical encoding of
/// what it decodes to, and that must be a valid label; another label must be valid as it is.
fn ulabel(label: &str) -> Result<String, Reason> {
    let label = label.to_ascii_lowercase();
    let Some(encoded) = label.strip_prefix("xn--") else {
        let chars: Vec<char> = label.chars().collect();
        check_label(&chars)?;
        return Ok(label);
    };
    if encoded.is_empty() || encoded.ends_with('-') {
        return Err(Reason::DomainIdna);
    }
    let decoded = punycode::decode_to_string(encoded).ok_or(Reason::DomainIdna)?;
    if punycode::encode_str(&decoded).as_deref() != Some(encoded) {
        return Err(Reason::DomainIdna);
    }
    let chars: Vec<char> = decoded.chars().collect();
    check_label(&chars)?;
    Ok(decoded)
}

/// `idna.check_label`: IDNA 2008 validity of one label (NFC, hyphens, no leading combining
/// mark, PVALID code points, the CONTEXTO rules, the Bidi Rule).
fn check_label(label: &[char]) -> Result<(), Reason> {
    let Some(&first) = label.first() else {
        return Err(Reason::DomainDotsHyphens);
    };
    if label.len() > IDNA_LABEL_MAX_CHARS {
        return Err(Reason::TooLong);
    }
    let text: String = label.iter().collect();
    if !unicode::is_nfc(&text) {
        return Err(Reason::DomainIdna);
    }
    if label.get(2..4) == Some(&['-', '-'][..]) || first == '-' || label.last() == Some(&'-') {
        return Err(Reason::DomainDotsHyphens);
    }
    if category(first) == Cat::Mark {
        return Err(Reason::DomainIdna);
    }
    for (pos, &c) in label.iter().enumerate() {
        // The joiners U+200C/U+200D (CONTEXTJ) never get through: a format character is refused
        // as it is typed and again in the decoded Unicode form, so they are refused here.
        if !(is_pvalid(c) || valid_contexto(label, pos)) {
            return Err(Reason::DomainIdna);
        }
    }
    check_bidi(label, false)
}

/// Whether `label[pos]` is a CONTEXTO code point in a context RFC 5892 Appendix A allows.
fn valid_contexto(label: &[char], pos: usize) -> bool {
    let Some(&c) = label.get(pos) else {
        return false;
    };
    let before = pos.checked_sub(1).and_then(|p| label.get(p)).copied();
    let after = label.get(pos + 1).copied();
    match c {
        // MIDDLE DOT between two `l`s (Catalan).
        '\u{B7}' => before == Some('l') && after == Some('l'),
        // GREEK LOWER NUMERAL SIGN before a Greek character.
        '\u{375}' => after.is_some_and(|a| in_ranges(&tables::GREEK, a)),
        // HEBREW PUNCTUATION GERESH and GERSHAYIM after a Hebrew character.
        '\u{5F3}' | '\u{5F4}' => before.is_some_and(|b| in_ranges(&tables::HEBREW, b)),
        // KATAKANA MIDDLE DOT in a label with Hiragana, Katakana or Han.
        '\u{30FB}' => label
            .iter()
            .any(|&x| x != '\u{30FB}' && in_ranges(&tables::HIRAGANA_KATAKANA_HAN, x)),
        // Arabic-Indic digits and extended Arabic-Indic digits do not mix.
        '\u{660}'..='\u{669}' => !label.iter().any(|x| ('\u{6F0}'..='\u{6F9}').contains(x)),
        '\u{6F0}'..='\u{6F9}' => !label.iter().any(|x| ('\u{660}'..='\u{669}').contains(x)),
        _ => false,
    }
}

/// `idna.check_bidi`: the Bidi Rule of RFC 5893 for one label of valid code points; applied
/// only to a label with right-to-left characters unless `check_ltr`.
fn check_bidi(label: &[char], check_ltr: bool) -> Result<(), Reason> {
    let mut has_rtl = false;
    for &c in label {
        match bidi(c) {
            // A code point unassigned in the reference's Unicode version has no direction.
            Bidi::Unknown => return Err(Reason::DomainIdna),
            Bidi::R | Bidi::AL | Bidi::AN => has_rtl = true,
            _ => {}
        }
    }
    if !has_rtl && !check_ltr {
        return Ok(());
    }
    let Some(&first) = label.first() else {
        return Err(Reason::DomainIdna);
    };
    let rtl = match bidi(first) {
        Bidi::R | Bidi::AL => true,
        Bidi::L => false,
        _ => return Err(Reason::DomainIdna),
    };
    let mut valid_ending = false;
    let mut number_type = None;
    for &c in label {
        let d = bidi(c);
        let allowed = if rtl {
            // Rules 2 to 4 (the classes CS, ET and BN never occur among valid code points).
            !matches!(d, Bidi::L | Bidi::Unknown)
        } else {
            // Rule 5.
            matches!(d, Bidi::L | Bidi::EN | Bidi::ES | Bidi::ON | Bidi::NSM)
        };
        if !allowed {
            return Err(Reason::DomainIdna);
        }
        let ends_well = if rtl {
            matches!(d, Bidi::R | Bidi::AL | Bidi::EN | Bidi::AN)
        } else {
            matches!(d, Bidi::L | Bidi::EN)
        };
        if ends_well {
            valid_ending = true;
        } else if d != Bidi::NSM {
            valid_ending = false;
        }
        if rtl && matches!(d, Bidi::AN | Bidi::EN) {
            match number_type {
                None => number_type = Some(d),
                Some(t) if t != d => return Err(Reason::DomainIdna),
                Some(_) => {}
            }
        }
    }
    if valid_ending {
        Ok(())
    } else {
        Err(Reason::DomainIdna)
    }
}

// ---------------------------------------------------------------------------------------------
// Warnings

/// The warnings for a normalized address.
fn warnings(address: &str) -> Vec<FieldIssue> {
    let mut out = Vec::new();
    let Some(at) = address.bytes().rposition(|b| b == b'@') else {
        return out;
    };
    let (local, domain) = (&address[..at], &address[at + 1..]);
    if let Some(fixed) = typo_fix(domain) {
        let suggestion = format!("{local}@{fixed}");
        out.push(
            FieldIssue::new(Code::EmailTypo)
                .with_message(format!(
                    "This address may contain a typo: did you mean {suggestion}?"
                ))
                .with_ctx("suggestion", suggestion),
        );
    } else if crate::free_mail::is_free_mail_domain(domain) {
        out.push(FieldIssue::new(Code::EmailFreeProvider));
    }
    if is_role_account(local) {
        out.push(FieldIssue::new(Code::EmailRoleAccount));
    }
    out
}

/// Misspelt top-level domains that are not top-level domains, and the one meant. Sorted.
const TLD_TYPOS: [(&str, &str); 16] = [
    ("c0m", "com"),
    ("ccom", "com"),
    ("cim", "com"),
    ("cmo", "com"),
    ("comm", "com"),
    ("con", "com"),
    ("coom", "com"),
    ("cpm", "com"),
    ("ner", "net"),
    ("nett", "net"),
    ("nte", "net"),
    ("ocm", "com"),
    ("ogr", "org"),
    ("orgg", "org"),
    ("vom", "com"),
    ("xom", "com"),
];

/// Misspelt domains of the largest free mailbox providers, and the one meant. Sorted. Only
/// names no one receives mail at; `ymail.com`, `rocketmail.com`, `mail.com`, `email.com`,
/// `gmx.com`, `live.com`... are real and not listed.
const DOMAIN_TYPOS: [(&str, &str); 56] = [
    ("aol.co", "aol.com"),
    ("gamil.com", "gmail.com"),
    ("gmai.com", "gmail.com"),
    ("gmaik.com", "gmail.com"),
    ("gmail.cm", "gmail.com"),
    ("gmail.co", "gmail.com"),
    ("gmail.om", "gmail.com"),
    ("gmaill.com", "gmail.com"),
    ("gmal.com", "gmail.com"),
    ("gmali.com", "gmail.com"),
    ("gmaul.com", "gmail.com"),
    ("gmeil.com", "gmail.com"),
    ("gmial.com", "gmail.com"),
    ("gmil.com", "gmail.com"),
    ("gmsil.com", "gmail.com"),
    ("gnail.com", "gmail.com"),
    ("googlemail.co", "googlemail.com"),
    ("googlmail.com", "googlemail.com"),
    ("hitmail.com", "hotmail.com"),
    ("homail.com", "hotmail.com"),
    ("hormail.com", "hotmail.com"),
    ("hotamil.com", "hotmail.com"),
    ("hotmai.com", "hotmail.com"),
    ("hotmail.cm", "hotmail.com"),
    ("hotmaill.com", "hotmail.com"),
    ("hotmal.com", "hotmail.com"),
    ("hotmali.com", "hotmail.com"),
    ("hotmial.com", "hotmail.com"),
    ("hotmil.com", "hotmail.com"),
    ("hotnail.com", "hotmail.com"),
    ("htmail.com", "hotmail.com"),
    ("iclod.com", "icloud.com"),
    ("icloud.co", "icloud.com"),
    ("icloude.com", "icloud.com"),
    ("iclould.com", "icloud.com"),
    ("icluod.com", "icloud.com"),
    ("icoud.com", "icloud.com"),
    ("otlook.com", "outlook.com"),
    ("oulook.com", "outlook.com"),
    ("outllok.com", "outlook.com"),
    ("outlok.com", "outlook.com"),
    ("outloo.com", "outlook.com"),
    ("outlook.co", "outlook.com"),
    ("outlool.com", "outlook.com"),
    ("outloook.com", "outlook.com"),
    ("protonmai.com", "protonmail.com"),
    ("protonmial.com", "protonmail.com"),
    ("yaho.com", "yahoo.com"),
    ("yahoo.cm", "yahoo.com"),
    ("yahoo.om", "yahoo.com"),
    ("yahooo.com", "yahoo.com"),
    ("yahou.com", "yahoo.com"),
    ("yaoo.com", "yahoo.com"),
    ("yhaoo.com", "yahoo.com"),
    ("yhoo.com", "yahoo.com"),
    ("yshoo.com", "yahoo.com"),
];

/// The correct top-level domain for a misspelt one.
fn tld_typo(tld: &str) -> Option<&'static str> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        const PREFIXES: [u64; TLD_TYPOS.len()] = key_prefixes(&TLD_TYPOS);
        lookup(&TLD_TYPOS, &PREFIXES, tld)
    }
    #[cfg(target_arch = "wasm32")]
    {
        lookup(&TLD_TYPOS, tld)
    }
}

/// The correct domain for a misspelt provider's domain.
fn domain_typo(domain: &str) -> Option<&'static str> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        const PREFIXES: [u64; DOMAIN_TYPOS.len()] = key_prefixes(&DOMAIN_TYPOS);
        lookup(&DOMAIN_TYPOS, &PREFIXES, domain)
    }
    #[cfg(target_arch = "wasm32")]
    {
        lookup(&DOMAIN_TYPOS, domain)
    }
}

/// The value of `key` in a sorted table (in WebAssembly the plain binary search: the native
/// build's numbers for the keys would add their bytes to the download).
#[cfg(target_arch = "wasm32")]
fn lookup<'a>(table: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    table
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .and_then(|i| table.get(i))
        .map(|(_, v)| *v)
}

/// The value of `key` in a sorted table, searched by its keys' first eight bytes as numbers
/// (`prefixes`; `free_mail::find_by_prefix`).
#[cfg(not(target_arch = "wasm32"))]
fn lookup<'a>(table: &[(&str, &'a str)], prefixes: &[u64], key: &str) -> Option<&'a str> {
    crate::free_mail::find_by_prefix(table, prefixes, key, |&(k, _)| k).map(|&(_, v)| v)
}

/// [`crate::free_mail::prefix`] of each key of a table, in its order.
#[cfg(not(target_arch = "wasm32"))]
const fn key_prefixes<const N: usize>(table: &[(&str, &str); N]) -> [u64; N] {
    let mut out = [0u64; N];
    let mut i = 0;
    while i < N {
        out[i] = crate::free_mail::prefix(table[i].0.as_bytes());
        i += 1;
    }
    out
}

/// The corrected domain when `domain` (normalized) looks misspelt: its top-level domain is a
/// known misspelling of `com`, `net` or `org`, or it is a known misspelling of a large free
/// mailbox provider (after that correction).
fn typo_fix(domain: &str) -> Option<String> {
    let dot = domain.bytes().rposition(|b| b == b'.')?;
    let (head, tld) = (&domain[..dot], &domain[dot + 1..]);
    // Every misspelt top-level domain has three or four letters; every misspelt provider's
    // domain ends in `.co`, `.cm`, `.om` or `.com` (`typo_tables_are_sorted_and_not_real_tlds`
    // checks both): the searches are skipped for other names.
    let tld_fixed = if (3..=4).contains(&tld.len()) {
        tld_typo(tld)
    } else {
        None
    };
    if tld_fixed.is_none() && !matches!(tld, "co" | "cm" | "om" | "com") {
        return None;
    }
    // Borrowed when the TLD is not a known misspelling: no copy of every address's domain.
    let candidate: std::borrow::Cow<'_, str> = match tld_fixed {
        Some(t) => format!("{head}.{t}").into(),
        None => domain.into(),
    };
    match domain_typo(&candidate) {
        Some(fixed) => Some(fixed.to_owned()),
        None => tld_fixed.map(|_| candidate.into_owned()),
    }
}

/// Local parts of shared role mailboxes (compared without a `+tag`). Sorted.
const ROLE_ACCOUNTS: [&str; 64] = [
    "abuse",
    "accounting",
    "accounts",
    "admin",
    "administrator",
    "all",
    "billing",
    "bookings",
    "careers",
    "compliance",
    "contact",
    "contactus",
    "customercare",
    "customerservice",
    "do-not-reply",
    "do_not_reply",
    "donotreply",
    "enquiries",
    "enquiry",
    "feedback",
    "finance",
    "hello",
    "help",
    "helpdesk",
    "hiring",
    "hostmaster",
    "hr",
    "info",
    "information",
    "inquiries",
    "inquiry",
    "invoices",
    "it",
    "jobs",
    "legal",
    "mail",
    "mailer-daemon",
    "marketing",
    "media",
    "news",
    "newsletter",
    "no-reply",
    "no_reply",
    "noc",
    "noreply",
    "office",
    "orders",
    "postmaster",
    "press",
    "privacy",
    "recruiting",
    "recruitment",
    "reservations",
    "root",
    "sales",
    "security",
    "service",
    "staff",
    "support",
    "sysadmin",
    "team",
    "webmaster",
    "welcome",
    "www",
];

/// Whether the local part (any case, without a `+tag`) is a role mailbox.
fn is_role_account(local: &str) -> bool {
    let base = &local.as_bytes()[..local.bytes().position(|b| b == b'+').unwrap_or(local.len())];
    // Every name in the list is at most 16 lower-case letters, `-` and `_`
    // (`typo_tables_are_sorted_and_not_real_tlds` checks): anything else is not one. The candidate is
    // lower-cased on the stack and searched for.
    let mut lower = [0u8; 16];
    if base.len() > lower.len() {
        return false;
    }
    for (l, &b) in lower.iter_mut().zip(base) {
        if !(b.is_ascii_alphabetic() || b == b'-' || b == b'_') {
            return false;
        }
        *l = b.to_ascii_lowercase();
    }
    let key = &lower[..base.len()];
    ROLE_ACCOUNTS
        .binary_search_by(|r| r.as_bytes().cmp(key))
        .is_ok()
}

// ---------------------------------------------------------------------------------------------
// Unicode data, as the reference sees it

/// A coarse general category (Unicode 14.0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    /// L* or N*.
    LetterNumber,
    /// P* or S*.
    PunctuationSymbol,
    /// M*.
    Mark,
    /// Zs.
    SpaceSeparator,
    /// C* (control, format, surrogate, private use, unassigned), Zl, Zp.
    Other,
}

fn category(c: char) -> Cat {
    if c.is_ascii() {
        // Same result without the table search (`ascii_shortcuts_are_the_tables` compares):
        // the ASCII letters and digits are L and N, the space Zs, the controls Cc, the rest P
        // or S.
        return if c.is_ascii_alphanumeric() {
            Cat::LetterNumber
        } else if c == ' ' {
            Cat::SpaceSeparator
        } else if c.is_ascii_control() {
            Cat::Other
        } else {
            Cat::PunctuationSymbol
        };
    }
    category_in_table(c)
}

/// [`category`] by the table.
fn category_in_table(c: char) -> Cat {
    let cp = c as u32;
    let runs = tables::category();
    let i = runs.partition_point(|&e| e >> 3 <= cp);
    match i.checked_sub(1).and_then(|i| runs.get(i)) {
        Some(e) => match e & 7 {
            0 => Cat::LetterNumber,
            1 => Cat::PunctuationSymbol,
            2 => Cat::Mark,
            3 => Cat::SpaceSeparator,
            _ => Cat::Other,
        },
        None => Cat::Other,
    }
}

/// A bidi class (Unicode 14.0) of a valid IDNA code point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::upper_case_acronyms)]
enum Bidi {
    Unknown,
    L,
    R,
    AL,
    AN,
    EN,
    ES,
    ON,
    NSM,
}

fn bidi(c: char) -> Bidi {
    // The ASCII characters of domain labels without the table search
    // (`ascii_shortcuts_are_the_tables` compares).
    match c {
        'a'..='z' => return Bidi::L,
        '0'..='9' => return Bidi::EN,
        _ => {}
    }
    bidi_in_table(c)
}

/// [`bidi`] by the table.
fn bidi_in_table(c: char) -> Bidi {
    let cp = c as u32;
    let runs = tables::bidi();
    let i = runs.partition_point(|&e| e >> 4 <= cp);
    match i.checked_sub(1).and_then(|i| runs.get(i)).map(|e| e & 15) {
        Some(1) => Bidi::L,
        Some(2) => Bidi::R,
        Some(3) => Bidi::AL,
        Some(4) => Bidi::AN,
        Some(5) => Bidi::EN,
        Some(6) => Bidi::ES,
        Some(7) => Bidi::ON,
        Some(8) => Bidi::NSM,
        _ => Bidi::Unknown,
    }
}

/// Whether `c` is in one of the sorted half-open ranges.
fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    let i = ranges.partition_point(|&(start, _)| start <= cp);
    i.checked_sub(1)
        .and_then(|i| ranges.get(i))
        .is_some_and(|&(_, end)| cp < end)
}

fn is_pvalid(c: char) -> bool {
    if c.is_ascii() {
        // Same result without the table search (`ascii_shortcuts_are_the_tables` compares):
        // the PVALID ASCII characters are the lower-case letters, the digits and `-`.
        return c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    }
    in_ranges(tables::pvalid(), c)
}

/// Tables generated from the reference Python: `unicodedata` of Python 3.11 (Unicode 14.0) and
/// `idna` 3.20's `idnadata` (IDNA 2008 derived properties and scripts, Unicode 18.0).
///
/// The three large tables are compile-time constants: what the binary holds is their packed
/// form (`Packed`: the differences between consecutive sorted values as LEB128 varints, about a
/// quarter of the bytes and half the gzip size in WebAssembly), unpacked once on first use.
#[rustfmt::skip]
mod tables {
    use std::sync::OnceLock;

    /// A non-decreasing `u32` sequence packed at compile time: each value minus the one before,
    /// as a LEB128 varint. `N` is the packed length, computed by [`packed_len`].
    struct Packed<const N: usize>([u8; N]);

    /// The packed length of a non-decreasing sequence (a decreasing one fails to compile).
    const fn packed_len(values: &[u32]) -> usize {
        let (mut n, mut i, mut prev) = (0, 0, 0);
        while i < values.len() {
            let mut d = values[i] - prev;
            prev = values[i];
            n += 1;
            while d >= 0x80 {
                d >>= 7;
                n += 1;
            }
            i += 1;
        }
        n
    }

    impl<const N: usize> Packed<N> {
        const fn new(values: &[u32]) -> Self {
            let mut out = [0u8; N];
            let (mut n, mut i, mut prev) = (0, 0, 0);
            while i < values.len() {
                let mut d = values[i] - prev;
                prev = values[i];
                while d >= 0x80 {
                    out[n] = (d & 0x7F) as u8 | 0x80;
                    d >>= 7;
                    n += 1;
                }
                out[n] = d as u8;
                n += 1;
                i += 1;
            }
            assert!(n == N);
            Packed(out)
        }

        fn unpack(&self) -> Vec<u32> {
            let mut out = Vec::new();
            let (mut prev, mut d, mut shift) = (0u32, 0u32, 0u32);
            for &b in &self.0 {
                d |= u32::from(b & 0x7F).wrapping_shl(shift);
                if b & 0x80 == 0 {
                    prev = prev.wrapping_add(d);
                    out.push(prev);
                    (d, shift) = (0, 0);
                } else {
                    shift += 7;
                }
            }
            out
        }
    }

    /// Pairs flattened (`PVALID`'s ranges are sorted and disjoint, so the result is sorted).
    const fn flatten<const M: usize>(pairs: &[(u32, u32)]) -> [u32; M] {
        let mut out = [0u32; M];
        let mut i = 0;
        while i < pairs.len() {
            out[2 * i] = pairs[i].0;
            out[2 * i + 1] = pairs[i].1;
            i += 1;
        }
        out
    }

    const PVALID_FLAT: [u32; 2 * PVALID.len()] = flatten(&PVALID);
    static CATEGORY_PACKED: Packed<{ packed_len(&CATEGORY) }> = Packed::new(&CATEGORY);
    static PVALID_PACKED: Packed<{ packed_len(&PVALID_FLAT) }> = Packed::new(&PVALID_FLAT);
    static BIDI_PACKED: Packed<{ packed_len(&BIDI) }> = Packed::new(&BIDI);

    /// [`CATEGORY`], unpacked on first use.
    pub(super) fn category() -> &'static [u32] {
        static RUNS: OnceLock<Vec<u32>> = OnceLock::new();
        RUNS.get_or_init(|| CATEGORY_PACKED.unpack())
    }

    /// [`PVALID`], unpacked on first use.
    pub(super) fn pvalid() -> &'static [(u32, u32)] {
        static RANGES: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
        RANGES.get_or_init(|| {
            PVALID_PACKED
                .unpack()
                .chunks_exact(2)
                .filter_map(|p| Some((*p.first()?, *p.get(1)?)))
                .collect()
        })
    }

    /// [`BIDI`], unpacked on first use.
    pub(super) fn bidi() -> &'static [u32] {
        static RUNS: OnceLock<Vec<u32>> = OnceLock::new();
        RUNS.get_or_init(|| BIDI_PACKED.unpack())
    }

    /// General category classes by Unicode 14.0 (Python 3.11's `unicodedata`), one entry per run:
    /// `start << 3 | class`, class 0 = L/N, 1 = P/S, 2 = M, 3 = Zs, 4 = other (C*, Zl, Zp).
    pub(super) const CATEGORY: [u32; 2078] = [
    0x00000004, 0x00000103, 0x00000109, 0x00000180, 0x000001D1, 0x00000208, 0x000002D9, 0x00000308,
    0x000003D9, 0x000003FC, 0x00000503, 0x00000509, 0x00000550, 0x00000559, 0x0000056C, 0x00000571,
    0x00000590, 0x000005A1, 0x000005A8, 0x000005B1, 0x000005C8, 0x000005D9, 0x000005E0, 0x000005F9,
    0x00000600, 0x000006B9, 0x000006C0, 0x000007B9, 0x000007C0, 0x00001611, 0x00001630, 0x00001691,
    0x00001700, 0x00001729, 0x00001760, 0x00001769, 0x00001770, 0x00001779, 0x00001802, 0x00001B80,
    0x00001BA9, 0x00001BB0, 0x00001BC4, 0x00001BD0, 0x00001BF1, 0x00001BF8, 0x00001C04, 0x00001C21,
    0x00001C30, 0x00001C39, 0x00001C40, 0x00001C5C, 0x00001C60, 0x00001C6C, 0x00001C70, 0x00001D14,
    0x00001D18, 0x00001FB1, 0x00001FB8, 0x00002411, 0x0000241A, 0x00002450, 0x00002984, 0x00002988,
    0x00002ABC, 0x00002AC8, 0x00002AD1, 0x00002B00, 0x00002C49, 0x00002C5C, 0x00002C69, 0x00002C84,
    0x00002C8A, 0x00002DF1, 0x00002DFA, 0x00002E01, 0x00002E0A, 0x00002E19, 0x00002E22, 0x00002E31,
    0x00002E3A, 0x00002E44, 0x00002E80, 0x00002F5C, 0x00002F78, 0x00002F99, 0x00002FAC, 0x00003031,
    0x00003082, 0x000030D9, 0x000030E4, 0x000030E9, 0x00003100, 0x0000325A, 0x00003300, 0x00003351,
    0x00003370, 0x00003382, 0x00003388, 0x000036A1, 0x000036A8, 0x000036B2, 0x000036EC, 0x000036F1,
    0x000036FA, 0x00003728, 0x0000373A, 0x00003749, 0x00003752, 0x00003770, 0x000037E9, 0x000037F8,
    0x00003801, 0x00003874, 0x00003880, 0x0000388A, 0x00003890, 0x00003982, 0x00003A5C, 0x00003A68,
    0x00003D32, 0x00003D88, 0x00003D94, 0x00003E00, 0x00003F5A, 0x00003FA0, 0x00003FB1, 0x00003FD0,
    0x00003FDC, 0x00003FEA, 0x00003FF1, 0x00004000, 0x000040B2, 0x000040D0, 0x000040DA, 0x00004120,
    0x0000412A, 0x00004140, 0x0000414A, 0x00004174, 0x00004181, 0x000041FC, 0x00004200, 0x000042CA,
    0x000042E4, 0x000042F1, 0x000042FC, 0x00004300, 0x0000435C, 0x00004380, 0x00004441, 0x00004448,
    0x0000447C, 0x000044C2, 0x00004500, 0x00004652, 0x00004714, 0x0000471A, 0x00004820, 0x000049D2,
    0x000049E8, 0x000049F2, 0x00004A80, 0x00004A8A, 0x00004AC0, 0x00004B12, 0x00004B21, 0x00004B30,
    0x00004B81, 0x00004B88, 0x00004C0A, 0x00004C24, 0x00004C28, 0x00004C6C, 0x00004C78, 0x00004C8C,
    0x00004C98, 0x00004D4C, 0x00004D50, 0x00004D8C, 0x00004D90, 0x00004D9C, 0x00004DB0, 0x00004DD4,
    0x00004DE2, 0x00004DE8, 0x00004DF2, 0x00004E2C, 0x00004E3A, 0x00004E4C, 0x00004E5A, 0x00004E70,
    0x00004E7C, 0x00004EBA, 0x00004EC4, 0x00004EE0, 0x00004EF4, 0x00004EF8, 0x00004F12, 0x00004F24,
    0x00004F30, 0x00004F91, 0x00004FA0, 0x00004FD1, 0x00004FE0, 0x00004FE9, 0x00004FF2, 0x00004FFC,
    0x0000500A, 0x00005024, 0x00005028, 0x0000505C, 0x00005078, 0x0000508C, 0x00005098, 0x0000514C,
    0x00005150, 0x0000518C, 0x00005190, 0x000051A4, 0x000051A8, 0x000051BC, 0x000051C0, 0x000051D4,
    0x000051E2, 0x000051EC, 0x000051F2, 0x0000521C, 0x0000523A, 0x0000524C, 0x0000525A, 0x00005274,
    0x0000528A, 0x00005294, 0x000052C8, 0x000052EC, 0x000052F0, 0x000052FC, 0x00005330, 0x00005382,
    0x00005390, 0x000053AA, 0x000053B1, 0x000053BC, 0x0000540A, 0x00005424, 0x00005428, 0x00005474,
    0x00005478, 0x00005494, 0x00005498, 0x0000554C, 0x00005550, 0x0000558C, 0x00005590, 0x000055A4,
    0x000055A8, 0x000055D4, 0x000055E2, 0x000055E8, 0x000055F2, 0x00005634, 0x0000563A, 0x00005654,
    0x0000565A, 0x00005674, 0x00005680, 0x0000568C, 0x00005700, 0x00005712, 0x00005724, 0x00005730,
    0x00005781, 0x00005794, 0x000057C8, 0x000057D2, 0x00005804, 0x0000580A, 0x00005824, 0x00005828,
    0x0000586C, 0x00005878, 0x0000588C, 0x00005898, 0x0000594C, 0x00005950, 0x0000598C, 0x00005990,
    0x000059A4, 0x000059A8, 0x000059D4, 0x000059E2, 0x000059E8, 0x000059F2, 0x00005A2C, 0x00005A3A,
    0x00005A4C, 0x00005A5A, 0x00005A74, 0x00005AAA, 0x00005AC4, 0x00005AE0, 0x00005AF4, 0x00005AF8,
    0x00005B12, 0x00005B24, 0x00005B30, 0x00005B81, 0x00005B88, 0x00005BC4, 0x00005C12, 0x00005C18,
    0x00005C24, 0x00005C28, 0x00005C5C, 0x00005C70, 0x00005C8C, 0x00005C90, 0x00005CB4, 0x00005CC8,
    0x00005CDC, 0x00005CE0, 0x00005CEC, 0x00005CF0, 0x00005D04, 0x00005D18, 0x00005D2C, 0x00005D40,
    0x00005D5C, 0x00005D70, 0x00005DD4, 0x00005DF2, 0x00005E1C, 0x00005E32, 0x00005E4C, 0x00005E52,
    0x00005E74, 0x00005E80, 0x00005E8C, 0x00005EBA, 0x00005EC4, 0x00005F30, 0x00005F99, 0x00005FDC,
    0x00006002, 0x00006028, 0x0000606C, 0x00006070, 0x0000608C, 0x00006090, 0x0000614C, 0x00006150,
    0x000061D4, 0x000061E2, 0x000061E8, 0x000061F2, 0x0000622C, 0x00006232, 0x0000624C, 0x00006252,
    0x00006274, 0x000062AA, 0x000062BC, 0x000062C0, 0x000062DC, 0x000062E8, 0x000062F4, 0x00006300,
    0x00006312, 0x00006324, 0x00006330, 0x00006384, 0x000063B9, 0x000063C0, 0x000063F9, 0x00006400,
    0x0000640A, 0x00006421, 0x00006428, 0x0000646C, 0x00006470, 0x0000648C, 0x00006490, 0x0000654C,
    0x00006550, 0x000065A4, 0x000065A8, 0x000065D4, 0x000065E2, 0x000065E8, 0x000065F2, 0x0000662C,
    0x00006632, 0x0000664C, 0x00006652, 0x00006674, 0x000066AA, 0x000066BC, 0x000066E8, 0x000066FC,
    0x00006700, 0x00006712, 0x00006724, 0x00006730, 0x00006784, 0x00006788, 0x0000679C, 0x00006802,
    0x00006820, 0x0000686C, 0x00006870, 0x0000688C, 0x00006890, 0x000069DA, 0x000069E8, 0x000069F2,
    0x00006A2C, 0x00006A32, 0x00006A4C, 0x00006A52, 0x00006A70, 0x00006A79, 0x00006A84, 0x00006AA0,
    0x00006ABA, 0x00006AC0, 0x00006B12, 0x00006B24, 0x00006B30, 0x00006BC9, 0x00006BD0, 0x00006C04,
    0x00006C0A, 0x00006C24, 0x00006C28, 0x00006CBC, 0x00006CD0, 0x00006D94, 0x00006D98, 0x00006DE4,
    0x00006DE8, 0x00006DF4, 0x00006E00, 0x00006E3C, 0x00006E52, 0x00006E5C, 0x00006E7A, 0x00006EAC,
    0x00006EB2, 0x00006EBC, 0x00006EC2, 0x00006F04, 0x00006F30, 0x00006F84, 0x00006F92, 0x00006FA1,
    0x00006FAC, 0x00007008, 0x0000718A, 0x00007190, 0x000071A2, 0x000071DC, 0x000071F9, 0x00007200,
    0x0000723A, 0x00007279, 0x00007280, 0x000072D1, 0x000072E4, 0x00007408, 0x0000741C, 0x00007420,
    0x0000742C, 0x00007430, 0x0000745C, 0x00007460, 0x00007524, 0x00007528, 0x00007534, 0x00007538,
    0x0000758A, 0x00007590, 0x000075A2, 0x000075E8, 0x000075F4, 0x00007600, 0x0000762C, 0x00007630,
    0x0000763C, 0x00007642, 0x00007674, 0x00007680, 0x000076D4, 0x000076E0, 0x00007704, 0x00007800,
    0x00007809, 0x000078C2, 0x000078D1, 0x00007900, 0x000079A1, 0x000079AA, 0x000079B1, 0x000079BA,
    0x000079C1, 0x000079CA, 0x000079D1, 0x000079F2, 0x00007A00, 0x00007A44, 0x00007A48, 0x00007B6C,
    0x00007B8A, 0x00007C29, 0x00007C32, 0x00007C40, 0x00007C6A, 0x00007CC4, 0x00007CCA, 0x00007DEC,
    0x00007DF1, 0x00007E32, 0x00007E39, 0x00007E6C, 0x00007E71, 0x00007EDC, 0x00008000, 0x0000815A,
    0x000081F8, 0x00008251, 0x00008280, 0x000082B2, 0x000082D0, 0x000082F2, 0x00008308, 0x00008312,
    0x00008328, 0x0000833A, 0x00008370, 0x0000838A, 0x000083A8, 0x00008412, 0x00008470, 0x0000847A,
    0x00008480, 0x000084D2, 0x000084F1, 0x00008500, 0x00008634, 0x00008638, 0x00008644, 0x00008668,
    0x00008674, 0x00008680, 0x000087D9, 0x000087E0, 0x0000924C, 0x00009250, 0x00009274, 0x00009280,
    0x000092BC, 0x000092C0, 0x000092CC, 0x000092D0, 0x000092F4, 0x00009300, 0x0000944C, 0x00009450,
    0x00009474, 0x00009480, 0x0000958C, 0x00009590, 0x000095B4, 0x000095C0, 0x000095FC, 0x00009600,
    0x0000960C, 0x00009610, 0x00009634, 0x00009640, 0x000096BC, 0x000096C0, 0x0000988C, 0x00009890,
    0x000098B4, 0x000098C0, 0x00009ADC, 0x00009AEA, 0x00009B01, 0x00009B48, 0x00009BEC, 0x00009C00,
    0x00009C81, 0x00009CD4, 0x00009D00, 0x00009FB4, 0x00009FC0, 0x00009FF4, 0x0000A001, 0x0000A008,
    0x0000B369, 0x0000B378, 0x0000B403, 0x0000B408, 0x0000B4D9, 0x0000B4EC, 0x0000B500, 0x0000B759,
    0x0000B770, 0x0000B7CC, 0x0000B800, 0x0000B892, 0x0000B8B4, 0x0000B8F8, 0x0000B992, 0x0000B9A9,
    0x0000B9BC, 0x0000BA00, 0x0000BA92, 0x0000BAA4, 0x0000BB00, 0x0000BB6C, 0x0000BB70, 0x0000BB8C,
    0x0000BB92, 0x0000BBA4, 0x0000BC00, 0x0000BDA2, 0x0000BEA1, 0x0000BEB8, 0x0000BEC1, 0x0000BEE0,
    0x0000BEEA, 0x0000BEF4, 0x0000BF00, 0x0000BF54, 0x0000BF80, 0x0000BFD4, 0x0000C001, 0x0000C05A,
    0x0000C074, 0x0000C07A, 0x0000C080, 0x0000C0D4, 0x0000C100, 0x0000C3CC, 0x0000C400, 0x0000C42A,
    0x0000C438, 0x0000C54A, 0x0000C550, 0x0000C55C, 0x0000C580, 0x0000C7B4, 0x0000C800, 0x0000C8FC,
    0x0000C902, 0x0000C964, 0x0000C982, 0x0000C9E4, 0x0000CA01, 0x0000CA0C, 0x0000CA21, 0x0000CA30,
    0x0000CB74, 0x0000CB80, 0x0000CBAC, 0x0000CC00, 0x0000CD64, 0x0000CD80, 0x0000CE54, 0x0000CE80,
    0x0000CEDC, 0x0000CEF1, 0x0000D000, 0x0000D0BA, 0x0000D0E4, 0x0000D0F1, 0x0000D100, 0x0000D2AA,
    0x0000D2FC, 0x0000D302, 0x0000D3EC, 0x0000D3FA, 0x0000D400, 0x0000D454, 0x0000D480, 0x0000D4D4,
    0x0000D501, 0x0000D538, 0x0000D541, 0x0000D574, 0x0000D582, 0x0000D67C, 0x0000D802, 0x0000D828,
    0x0000D9A2, 0x0000DA28, 0x0000DA6C, 0x0000DA80, 0x0000DAD1, 0x0000DB5A, 0x0000DBA1, 0x0000DBFC,
    0x0000DC02, 0x0000DC18, 0x0000DD0A, 0x0000DD70, 0x0000DF32, 0x0000DFA4, 0x0000DFE1, 0x0000E000,
    0x0000E122, 0x0000E1C4, 0x0000E1D9, 0x0000E200, 0x0000E254, 0x0000E268, 0x0000E3F1, 0x0000E400,
    0x0000E44C, 0x0000E480, 0x0000E5DC, 0x0000E5E8, 0x0000E601, 0x0000E644, 0x0000E682, 0x0000E699,
    0x0000E6A2, 0x0000E748, 0x0000E76A, 0x0000E770, 0x0000E7A2, 0x0000E7A8, 0x0000E7BA, 0x0000E7D0,
    0x0000E7DC, 0x0000E800, 0x0000EE02, 0x0000F000, 0x0000F8B4, 0x0000F8C0, 0x0000F8F4, 0x0000F900,
    0x0000FA34, 0x0000FA40, 0x0000FA74, 0x0000FA80, 0x0000FAC4, 0x0000FAC8, 0x0000FAD4, 0x0000FAD8,
    0x0000FAE4, 0x0000FAE8, 0x0000FAF4, 0x0000FAF8, 0x0000FBF4, 0x0000FC00, 0x0000FDAC, 0x0000FDB0,
    0x0000FDE9, 0x0000FDF0, 0x0000FDF9, 0x0000FE10, 0x0000FE2C, 0x0000FE30, 0x0000FE69, 0x0000FE80,
    0x0000FEA4, 0x0000FEB0, 0x0000FEE4, 0x0000FEE9, 0x0000FF00, 0x0000FF69, 0x0000FF84, 0x0000FF90,
    0x0000FFAC, 0x0000FFB0, 0x0000FFE9, 0x0000FFFC, 0x00010003, 0x0001005C, 0x00010081, 0x00010144,
    0x0001017B, 0x00010181, 0x000102FB, 0x00010304, 0x00010380, 0x00010394, 0x000103A0, 0x000103D1,
    0x000103F8, 0x00010451, 0x0001047C, 0x00010480, 0x000104EC, 0x00010501, 0x0001060C, 0x00010682,
    0x0001078C, 0x00010801, 0x00010810, 0x00010819, 0x00010838, 0x00010841, 0x00010850, 0x000108A1,
    0x000108A8, 0x000108B1, 0x000108C8, 0x000108F1, 0x00010920, 0x00010929, 0x00010930, 0x00010939,
    0x00010940, 0x00010949, 0x00010950, 0x00010971, 0x00010978, 0x000109D1, 0x000109E0, 0x00010A01,
    0x00010A28, 0x00010A51, 0x00010A70, 0x00010A79, 0x00010A80, 0x00010C51, 0x00010C64, 0x00010C81,
    0x0001213C, 0x00012201, 0x0001225C, 0x00012300, 0x000124E1, 0x00012750, 0x00012801, 0x00013BB0,
    0x00013CA1, 0x00015BA4, 0x00015BB1, 0x00015CB4, 0x00015CB9, 0x00016000, 0x00016729, 0x00016758,
    0x0001677A, 0x00016790, 0x000167A4, 0x000167C9, 0x000167E8, 0x000167F1, 0x00016800, 0x00016934,
    0x00016938, 0x00016944, 0x00016968, 0x00016974, 0x00016980, 0x00016B44, 0x00016B78, 0x00016B81,
    0x00016B8C, 0x00016BFA, 0x00016C00, 0x00016CBC, 0x00016D00, 0x00016D3C, 0x00016D40, 0x00016D7C,
    0x00016D80, 0x00016DBC, 0x00016DC0, 0x00016DFC, 0x00016E00, 0x00016E3C, 0x00016E40, 0x00016E7C,
    0x00016E80, 0x00016EBC, 0x00016EC0, 0x00016EFC, 0x00016F02, 0x00017001, 0x00017178, 0x00017181,
    0x000172F4, 0x00017401, 0x000174D4, 0x000174D9, 0x000177A4, 0x00017801, 0x00017EB4, 0x00017F81,
    0x00017FE4, 0x00018003, 0x00018009, 0x00018028, 0x00018041, 0x00018108, 0x00018152, 0x00018181,
    0x00018188, 0x000181B1, 0x000181C0, 0x000181E9, 0x00018204, 0x00018208, 0x000184BC, 0x000184CA,
    0x000184D9, 0x000184E8, 0x00018501, 0x00018508, 0x000187D9, 0x000187E0, 0x00018804, 0x00018828,
    0x00018984, 0x00018988, 0x00018C7C, 0x00018C81, 0x00018C90, 0x00018CB1, 0x00018D00, 0x00018E01,
    0x00018F24, 0x00018F80, 0x00019001, 0x000190FC, 0x00019100, 0x00019151, 0x00019240, 0x00019281,
    0x00019288, 0x00019301, 0x00019400, 0x00019451, 0x00019588, 0x00019601, 0x0001A000, 0x00026E01,
    0x00027000, 0x0005246C, 0x00052481, 0x0005263C, 0x00052680, 0x000527F1, 0x00052800, 0x00053069,
    0x00053080, 0x00053164, 0x00053200, 0x0005337A, 0x00053399, 0x000533A2, 0x000533F1, 0x000533F8,
    0x000534F2, 0x00053500, 0x00053782, 0x00053791, 0x000537C4, 0x00053801, 0x000538B8, 0x00053901,
    0x00053910, 0x00053C49, 0x00053C58, 0x00053E5C, 0x00053E80, 0x00053E94, 0x00053E98, 0x00053EA4,
    0x00053EA8, 0x00053ED4, 0x00053F90, 0x00054012, 0x00054018, 0x00054032, 0x00054038, 0x0005405A,
    0x00054060, 0x0005411A, 0x00054141, 0x00054162, 0x0005416C, 0x00054180, 0x000541B1, 0x000541D4,
    0x00054200, 0x000543A1, 0x000543C4, 0x00054402, 0x00054410, 0x000545A2, 0x00054634, 0x00054671,
    0x00054680, 0x000546D4, 0x00054702, 0x00054790, 0x000547C1, 0x000547D8, 0x000547E1, 0x000547E8,
    0x000547FA, 0x00054800, 0x00054932, 0x00054971, 0x00054980, 0x00054A3A, 0x00054AA4, 0x00054AF9,
    0x00054B00, 0x00054BEC, 0x00054C02, 0x00054C20, 0x00054D9A, 0x00054E09, 0x00054E74, 0x00054E78,
    0x00054ED4, 0x00054EF1, 0x00054F00, 0x00054F2A, 0x00054F30, 0x00054FFC, 0x00055000, 0x0005514A,
    0x000551BC, 0x00055200, 0x0005521A, 0x00055220, 0x00055262, 0x00055274, 0x00055280, 0x000552D4,
    0x000552E1, 0x00055300, 0x000553B9, 0x000553D0, 0x000553DA, 0x000553F0, 0x00055582, 0x00055588,
    0x00055592, 0x000555A8, 0x000555BA, 0x000555C8, 0x000555F2, 0x00055600, 0x0005560A, 0x00055610,
    0x0005561C, 0x000556D8, 0x000556F1, 0x00055700, 0x0005575A, 0x00055781, 0x00055790, 0x000557AA,
    0x000557BC, 0x00055808, 0x0005583C, 0x00055848, 0x0005587C, 0x00055888, 0x000558BC, 0x00055900,
    0x0005593C, 0x00055940, 0x0005597C, 0x00055980, 0x00055AD9, 0x00055AE0, 0x00055B51, 0x00055B64,
    0x00055B80, 0x00055F1A, 0x00055F59, 0x00055F62, 0x00055F74, 0x00055F80, 0x00055FD4, 0x00056000,
    0x0006BD24, 0x0006BD80, 0x0006BE3C, 0x0006BE58, 0x0006BFE4, 0x0007C800, 0x0007D374, 0x0007D380,
    0x0007D6D4, 0x0007D800, 0x0007D83C, 0x0007D898, 0x0007D8C4, 0x0007D8E8, 0x0007D8F2, 0x0007D8F8,
    0x0007D949, 0x0007D950, 0x0007D9BC, 0x0007D9C0, 0x0007D9EC, 0x0007D9F0, 0x0007D9FC, 0x0007DA00,
    0x0007DA14, 0x0007DA18, 0x0007DA2C, 0x0007DA30, 0x0007DD91, 0x0007DE1C, 0x0007DE98, 0x0007E9F1,
    0x0007EA80, 0x0007EC84, 0x0007EC90, 0x0007EE44, 0x0007EE79, 0x0007EE84, 0x0007EF80, 0x0007EFE1,
    0x0007F002, 0x0007F081, 0x0007F0D4, 0x0007F102, 0x0007F181, 0x0007F29C, 0x0007F2A1, 0x0007F33C,
    0x0007F341, 0x0007F364, 0x0007F380, 0x0007F3AC, 0x0007F3B0, 0x0007F7EC, 0x0007F809, 0x0007F880,
    0x0007F8D1, 0x0007F908, 0x0007F9D9, 0x0007FA08, 0x0007FAD9, 0x0007FB30, 0x0007FDFC, 0x0007FE10,
    0x0007FE44, 0x0007FE50, 0x0007FE84, 0x0007FE90, 0x0007FEC4, 0x0007FED0, 0x0007FEEC, 0x0007FF01,
    0x0007FF3C, 0x0007FF41, 0x0007FF7C, 0x0007FFE1, 0x0007FFF4, 0x00080000, 0x00080064, 0x00080068,
    0x0008013C, 0x00080140, 0x000801DC, 0x000801E0, 0x000801F4, 0x000801F8, 0x00080274, 0x00080280,
    0x000802F4, 0x00080400, 0x000807DC, 0x00080801, 0x0008081C, 0x00080838, 0x000809A4, 0x000809B9,
    0x00080A00, 0x00080BC9, 0x00080C50, 0x00080C61, 0x00080C7C, 0x00080C81, 0x00080CEC, 0x00080D01,
    0x00080D0C, 0x00080E81, 0x00080FEA, 0x00080FF4, 0x00081400, 0x000814EC, 0x00081500, 0x0008168C,
    0x00081702, 0x00081708, 0x000817E4, 0x00081800, 0x00081924, 0x00081968, 0x00081A5C, 0x00081A80,
    0x00081BB2, 0x00081BDC, 0x00081C00, 0x00081CF4, 0x00081CF9, 0x00081D00, 0x00081E24, 0x00081E40,
    0x00081E81, 0x00081E88, 0x00081EB4, 0x00082000, 0x000824F4, 0x00082500, 0x00082554, 0x00082580,
    0x000826A4, 0x000826C0, 0x000827E4, 0x00082800, 0x00082944, 0x00082980, 0x00082B24, 0x00082B79,
    0x00082B80, 0x00082BDC, 0x00082BE0, 0x00082C5C, 0x00082C60, 0x00082C9C, 0x00082CA0, 0x00082CB4,
    0x00082CB8, 0x00082D14, 0x00082D18, 0x00082D94, 0x00082D98, 0x00082DD4, 0x00082DD8, 0x00082DEC,
    0x00083000, 0x000839BC, 0x00083A00, 0x00083AB4, 0x00083B00, 0x00083B44, 0x00083C00, 0x00083C34,
    0x00083C38, 0x00083D8C, 0x00083D90, 0x00083DDC, 0x00084000, 0x00084034, 0x00084040, 0x0008404C,
    0x00084050, 0x000841B4, 0x000841B8, 0x000841CC, 0x000841E0, 0x000841EC, 0x000841F8, 0x000842B4,
    0x000842B9, 0x000842C0, 0x000843B9, 0x000843C8, 0x000844FC, 0x00084538, 0x00084584, 0x00084700,
    0x0008479C, 0x000847A0, 0x000847B4, 0x000847D8, 0x000848E4, 0x000848F9, 0x00084900, 0x000849D4,
    0x000849F9, 0x00084A04, 0x00084C00, 0x00084DC4, 0x00084DE0, 0x00084E84, 0x00084E90, 0x0008500A,
    0x00085024, 0x0008502A, 0x0008503C, 0x00085062, 0x00085080, 0x000850A4, 0x000850A8, 0x000850C4,
    0x000850C8, 0x000851B4, 0x000851C2, 0x000851DC, 0x000851FA, 0x00085200, 0x0008524C, 0x00085281,
    0x000852CC, 0x00085300, 0x000853F9, 0x00085400, 0x00085504, 0x00085600, 0x00085641, 0x00085648,
    0x0008572A, 0x0008573C, 0x00085758, 0x00085781, 0x000857BC, 0x00085800, 0x000859B4, 0x000859C9,
    0x00085A00, 0x00085AB4, 0x00085AC0, 0x00085B9C, 0x00085BC0, 0x00085C94, 0x00085CC9, 0x00085CEC,
    0x00085D48, 0x00085D84, 0x00086000, 0x0008624C, 0x00086400, 0x0008659C, 0x00086600, 0x0008679C,
    0x000867D0, 0x00086922, 0x00086944, 0x00086980, 0x000869D4, 0x00087300, 0x000873FC, 0x00087400,
    0x00087554, 0x0008755A, 0x00087569, 0x00087574, 0x00087580, 0x00087594, 0x00087800, 0x00087944,
    0x00087980, 0x00087A32, 0x00087A88, 0x00087AA9, 0x00087AD4, 0x00087B80, 0x00087C12, 0x00087C31,
    0x00087C54, 0x00087D80, 0x00087E64, 0x00087F00, 0x00087FBC, 0x00088002, 0x00088018, 0x000881C2,
    0x00088239, 0x00088274, 0x00088290, 0x00088382, 0x00088388, 0x0008839A, 0x000883A8, 0x000883B4,
    0x000883FA, 0x00088418, 0x00088582, 0x000885D9, 0x000885EC, 0x000885F1, 0x00088612, 0x0008861C,
    0x00088680, 0x0008874C, 0x00088780, 0x000887D4, 0x00088802, 0x00088818, 0x0008893A, 0x000889AC,
    0x000889B0, 0x00088A01, 0x00088A20, 0x00088A2A, 0x00088A38, 0x00088A44, 0x00088A80, 0x00088B9A,
    0x00088BA1, 0x00088BB0, 0x00088BBC, 0x00088C02, 0x00088C18, 0x00088D9A, 0x00088E08, 0x00088E29,
    0x00088E4A, 0x00088E69, 0x00088E72, 0x00088E80, 0x00088ED9, 0x00088EE0, 0x00088EE9, 0x00088F04,
    0x00088F08, 0x00088FAC, 0x00089000, 0x00089094, 0x00089098, 0x00089162, 0x000891C1, 0x000891F2,
    0x000891FC, 0x00089400, 0x0008943C, 0x00089440, 0x0008944C, 0x00089450, 0x00089474, 0x00089478,
    0x000894F4, 0x000894F8, 0x00089549, 0x00089554, 0x00089580, 0x000896FA, 0x0008975C, 0x00089780,
    0x000897D4, 0x00089802, 0x00089824, 0x00089828, 0x0008986C, 0x00089878, 0x0008988C, 0x00089898,
    0x0008994C, 0x00089950, 0x0008998C, 0x00089990, 0x000899A4, 0x000899A8, 0x000899D4, 0x000899DA,
    0x000899E8, 0x000899F2, 0x00089A2C, 0x00089A3A, 0x00089A4C, 0x00089A5A, 0x00089A74, 0x00089A80,
    0x00089A8C, 0x00089ABA, 0x00089AC4, 0x00089AE8, 0x00089B12, 0x00089B24, 0x00089B32, 0x00089B6C,
    0x00089B82, 0x00089BAC, 0x0008A000, 0x0008A1AA, 0x0008A238, 0x0008A259, 0x0008A280, 0x0008A2D1,
    0x0008A2E4, 0x0008A2E9, 0x0008A2F2, 0x0008A2F8, 0x0008A314, 0x0008A400, 0x0008A582, 0x0008A620,
    0x0008A631, 0x0008A638, 0x0008A644, 0x0008A680, 0x0008A6D4, 0x0008AC00, 0x0008AD7A, 0x0008ADB4,
    0x0008ADC2, 0x0008AE09, 0x0008AEC0, 0x0008AEE2, 0x0008AEF4, 0x0008B000, 0x0008B182, 0x0008B209,
    0x0008B220, 0x0008B22C, 0x0008B280, 0x0008B2D4, 0x0008B301, 0x0008B36C, 0x0008B400, 0x0008B55A,
    0x0008B5C0, 0x0008B5C9, 0x0008B5D4, 0x0008B600, 0x0008B654, 0x0008B800, 0x0008B8DC, 0x0008B8EA,
    0x0008B964, 0x0008B980, 0x0008B9E1, 0x0008BA00, 0x0008BA3C, 0x0008C000, 0x0008C162, 0x0008C1D9,
    0x0008C1E4, 0x0008C500, 0x0008C79C, 0x0008C7F8, 0x0008C83C, 0x0008C848, 0x0008C854, 0x0008C860,
    0x0008C8A4, 0x0008C8A8, 0x0008C8BC, 0x0008C8C0, 0x0008C982, 0x0008C9B4, 0x0008C9BA, 0x0008C9CC,
    0x0008C9DA, 0x0008C9F8, 0x0008CA02, 0x0008CA08, 0x0008CA12, 0x0008CA21, 0x0008CA3C, 0x0008CA80,
    0x0008CAD4, 0x0008CD00, 0x0008CD44, 0x0008CD50, 0x0008CE8A, 0x0008CEC4, 0x0008CED2, 0x0008CF08,
    0x0008CF11, 0x0008CF18, 0x0008CF22, 0x0008CF2C, 0x0008D000, 0x0008D00A, 0x0008D058, 0x0008D19A,
    0x0008D1D0, 0x0008D1DA, 0x0008D1F9, 0x0008D23A, 0x0008D244, 0x0008D280, 0x0008D28A, 0x0008D2E0,
    0x0008D452, 0x0008D4D1, 0x0008D4E8, 0x0008D4F1, 0x0008D51C, 0x0008D580, 0x0008D7CC, 0x0008E000,
    0x0008E04C, 0x0008E050, 0x0008E17A, 0x0008E1BC, 0x0008E1C2, 0x0008E200, 0x0008E209, 0x0008E234,
    0x0008E280, 0x0008E36C, 0x0008E381, 0x0008E390, 0x0008E484, 0x0008E492, 0x0008E544, 0x0008E54A,
    0x0008E5BC, 0x0008E800, 0x0008E83C, 0x0008E840, 0x0008E854, 0x0008E858, 0x0008E98A, 0x0008E9BC,
    0x0008E9D2, 0x0008E9DC, 0x0008E9E2, 0x0008E9F4, 0x0008E9FA, 0x0008EA30, 0x0008EA3A, 0x0008EA44,
    0x0008EA80, 0x0008EAD4, 0x0008EB00, 0x0008EB34, 0x0008EB38, 0x0008EB4C, 0x0008EB50, 0x0008EC52,
    0x0008EC7C, 0x0008EC82, 0x0008EC94, 0x0008EC9A, 0x0008ECC0, 0x0008ECCC, 0x0008ED00, 0x0008ED54,
    0x0008F700, 0x0008F79A, 0x0008F7B9, 0x0008F7CC, 0x0008FD80, 0x0008FD8C, 0x0008FE00, 0x0008FEA9,
    0x0008FF94, 0x0008FFF9, 0x00090000, 0x00091CD4, 0x00092000, 0x0009237C, 0x00092381, 0x000923AC,
    0x00092400, 0x00092A24, 0x00097C80, 0x00097F89, 0x00097F9C, 0x00098000, 0x0009A17C, 0x000A2000,
    0x000A323C, 0x000B4000, 0x000B51CC, 0x000B5200, 0x000B52FC, 0x000B5300, 0x000B5354, 0x000B5371,
    0x000B5380, 0x000B55FC, 0x000B5600, 0x000B5654, 0x000B5680, 0x000B5774, 0x000B5782, 0x000B57A9,
    0x000B57B4, 0x000B5800, 0x000B5982, 0x000B59B9, 0x000B5A00, 0x000B5A21, 0x000B5A34, 0x000B5A80,
    0x000B5AD4, 0x000B5AD8, 0x000B5B14, 0x000B5B18, 0x000B5BC4, 0x000B5BE8, 0x000B5C84, 0x000B7200,
    0x000B74B9, 0x000B74DC, 0x000B7800, 0x000B7A5C, 0x000B7A7A, 0x000B7A80, 0x000B7A8A, 0x000B7C44,
    0x000B7C7A, 0x000B7C98, 0x000B7D04, 0x000B7F00, 0x000B7F11, 0x000B7F18, 0x000B7F22, 0x000B7F2C,
    0x000B7F82, 0x000B7F94, 0x000B8000, 0x000C3FC4, 0x000C4000, 0x000C66B4, 0x000C6800, 0x000C684C,
    0x000D7F80, 0x000D7FA4, 0x000D7FA8, 0x000D7FE4, 0x000D7FE8, 0x000D7FFC, 0x000D8000, 0x000D891C,
    0x000D8A80, 0x000D8A9C, 0x000D8B20, 0x000D8B44, 0x000D8B80, 0x000D97E4, 0x000DE000, 0x000DE35C,
    0x000DE380, 0x000DE3EC, 0x000DE400, 0x000DE44C, 0x000DE480, 0x000DE4D4, 0x000DE4E1, 0x000DE4EA,
    0x000DE4F9, 0x000DE504, 0x000E7802, 0x000E7974, 0x000E7982, 0x000E7A3C, 0x000E7A81, 0x000E7E24,
    0x000E8001, 0x000E87B4, 0x000E8801, 0x000E893C, 0x000E8949, 0x000E8B2A, 0x000E8B51, 0x000E8B6A,
    0x000E8B9C, 0x000E8BDA, 0x000E8C19, 0x000E8C2A, 0x000E8C61, 0x000E8D52, 0x000E8D71, 0x000E8F5C,
    0x000E9001, 0x000E9212, 0x000E9229, 0x000E9234, 0x000E9700, 0x000E97A4, 0x000E9801, 0x000E9ABC,
    0x000E9B00, 0x000E9BCC, 0x000EA000, 0x000EA2AC, 0x000EA2B0, 0x000EA4EC, 0x000EA4F0, 0x000EA504,
    0x000EA510, 0x000EA51C, 0x000EA528, 0x000EA53C, 0x000EA548, 0x000EA56C, 0x000EA570, 0x000EA5D4,
    0x000EA5D8, 0x000EA5E4, 0x000EA5E8, 0x000EA624, 0x000EA628, 0x000EA834, 0x000EA838, 0x000EA85C,
    0x000EA868, 0x000EA8AC, 0x000EA8B0, 0x000EA8EC, 0x000EA8F0, 0x000EA9D4, 0x000EA9D8, 0x000EA9FC,
    0x000EAA00, 0x000EAA2C, 0x000EAA30, 0x000EAA3C, 0x000EAA50, 0x000EAA8C, 0x000EAA90, 0x000EB534,
    0x000EB540, 0x000EB609, 0x000EB610, 0x000EB6D9, 0x000EB6E0, 0x000EB7D9, 0x000EB7E0, 0x000EB8A9,
    0x000EB8B0, 0x000EB9A9, 0x000EB9B0, 0x000EBA79, 0x000EBA80, 0x000EBB79, 0x000EBB80, 0x000EBC49,
    0x000EBC50, 0x000EBD49, 0x000EBD50, 0x000EBE19, 0x000EBE20, 0x000EBE64, 0x000EBE70, 0x000EC001,
    0x000ED002, 0x000ED1B9, 0x000ED1DA, 0x000ED369, 0x000ED3AA, 0x000ED3B1, 0x000ED422, 0x000ED429,
    0x000ED464, 0x000ED4DA, 0x000ED504, 0x000ED50A, 0x000ED584, 0x000EF800, 0x000EF8FC, 0x000F0002,
    0x000F003C, 0x000F0042, 0x000F00CC, 0x000F00DA, 0x000F0114, 0x000F011A, 0x000F012C, 0x000F0132,
    0x000F015C, 0x000F0800, 0x000F096C, 0x000F0982, 0x000F09B8, 0x000F09F4, 0x000F0A00, 0x000F0A54,
    0x000F0A70, 0x000F0A79, 0x000F0A84, 0x000F1480, 0x000F1572, 0x000F157C, 0x000F1600, 0x000F1762,
    0x000F1780, 0x000F17D4, 0x000F17F9, 0x000F1804, 0x000F3F00, 0x000F3F3C, 0x000F3F40, 0x000F3F64,
    0x000F3F68, 0x000F3F7C, 0x000F3F80, 0x000F3FFC, 0x000F4000, 0x000F462C, 0x000F4638, 0x000F4682,
    0x000F46BC, 0x000F4800, 0x000F4A22, 0x000F4A58, 0x000F4A64, 0x000F4A80, 0x000F4AD4, 0x000F4AF1,
    0x000F4B04, 0x000F6388, 0x000F6561, 0x000F6568, 0x000F6581, 0x000F6588, 0x000F65AC, 0x000F6808,
    0x000F6971, 0x000F6978, 0x000F69F4, 0x000F7000, 0x000F7024, 0x000F7028, 0x000F7104, 0x000F7108,
    0x000F711C, 0x000F7120, 0x000F712C, 0x000F7138, 0x000F7144, 0x000F7148, 0x000F719C, 0x000F71A0,
    0x000F71C4, 0x000F71C8, 0x000F71D4, 0x000F71D8, 0x000F71E4, 0x000F7210, 0x000F721C, 0x000F7238,
    0x000F7244, 0x000F7248, 0x000F7254, 0x000F7258, 0x000F7264, 0x000F7268, 0x000F7284, 0x000F7288,
    0x000F729C, 0x000F72A0, 0x000F72AC, 0x000F72B8, 0x000F72C4, 0x000F72C8, 0x000F72D4, 0x000F72D8,
    0x000F72E4, 0x000F72E8, 0x000F72F4, 0x000F72F8, 0x000F7304, 0x000F7308, 0x000F731C, 0x000F7320,
    0x000F732C, 0x000F7338, 0x000F735C, 0x000F7360, 0x000F739C, 0x000F73A0, 0x000F73C4, 0x000F73C8,
    0x000F73EC, 0x000F73F0, 0x000F73FC, 0x000F7400, 0x000F7454, 0x000F7458, 0x000F74E4, 0x000F7508,
    0x000F7524, 0x000F7528, 0x000F7554, 0x000F7558, 0x000F75E4, 0x000F7781, 0x000F7794, 0x000F8001,
    0x000F8164, 0x000F8181, 0x000F84A4, 0x000F8501, 0x000F857C, 0x000F8589, 0x000F8604, 0x000F8609,
    0x000F8684, 0x000F8689, 0x000F87B4, 0x000F8800, 0x000F8869, 0x000F8D74, 0x000F8F31, 0x000F901C,
    0x000F9081, 0x000F91E4, 0x000F9201, 0x000F924C, 0x000F9281, 0x000F9294, 0x000F9301, 0x000F9334,
    0x000F9801, 0x000FB6C4, 0x000FB6E9, 0x000FB76C, 0x000FB781, 0x000FB7EC, 0x000FB801, 0x000FBBA4,
    0x000FBC01, 0x000FBECC, 0x000FBF01, 0x000FBF64, 0x000FBF81, 0x000FBF8C, 0x000FC001, 0x000FC064,
    0x000FC081, 0x000FC244, 0x000FC281, 0x000FC2D4, 0x000FC301, 0x000FC444, 0x000FC481, 0x000FC574,
    0x000FC581, 0x000FC594, 0x000FC801, 0x000FD2A4, 0x000FD301, 0x000FD374, 0x000FD381, 0x000FD3AC,
    0x000FD3C1, 0x000FD3EC, 0x000FD401, 0x000FD43C, 0x000FD481, 0x000FD56C, 0x000FD581, 0x000FD5DC,
    0x000FD601, 0x000FD634, 0x000FD681, 0x000FD6D4, 0x000FD701, 0x000FD744, 0x000FD781, 0x000FD7BC,
    0x000FD801, 0x000FDC9C, 0x000FDCA1, 0x000FDE5C, 0x000FDF80, 0x000FDFD4, 0x00100000, 0x00153704,
    0x00153800, 0x0015B9CC, 0x0015BA00, 0x0015C0F4, 0x0015C100, 0x00167514, 0x00167580, 0x00175F0C,
    0x0017C000, 0x0017D0F4, 0x00180000, 0x00189A5C, 0x00700802, 0x00700F84,
    ];

    /// IDNA 2008 PVALID code points (RFC 5892, the `idna` package's tables for Unicode 18.0),
    /// half-open ranges `(start, end)`.
    pub(super) const PVALID: [(u32, u32); 1266] = [
    (0x2D, 0x2E), (0x30, 0x3A), (0x61, 0x7B), (0xDF, 0xF7), (0xF8, 0x100),
    (0x101, 0x102), (0x103, 0x104), (0x105, 0x106), (0x107, 0x108), (0x109, 0x10A),
    (0x10B, 0x10C), (0x10D, 0x10E), (0x10F, 0x110), (0x111, 0x112), (0x113, 0x114),
    (0x115, 0x116), (0x117, 0x118), (0x119, 0x11A), (0x11B, 0x11C), (0x11D, 0x11E),
    (0x11F, 0x120), (0x121, 0x122), (0x123, 0x124), (0x125, 0x126), (0x127, 0x128),
    (0x129, 0x12A), (0x12B, 0x12C), (0x12D, 0x12E), (0x12F, 0x130), (0x131, 0x132),
    (0x135, 0x136), (0x137, 0x139), (0x13A, 0x13B), (0x13C, 0x13D), (0x13E, 0x13F),
    (0x142, 0x143), (0x144, 0x145), (0x146, 0x147), (0x148, 0x149), (0x14B, 0x14C),
    (0x14D, 0x14E), (0x14F, 0x150), (0x151, 0x152), (0x153, 0x154), (0x155, 0x156),
    (0x157, 0x158), (0x159, 0x15A), (0x15B, 0x15C), (0x15D, 0x15E), (0x15F, 0x160),
    (0x161, 0x162), (0x163, 0x164), (0x165, 0x166), (0x167, 0x168), (0x169, 0x16A),
    (0x16B, 0x16C), (0x16D, 0x16E), (0x16F, 0x170), (0x171, 0x172), (0x173, 0x174),
    (0x175, 0x176), (0x177, 0x178), (0x17A, 0x17B), (0x17C, 0x17D), (0x17E, 0x17F),
    (0x180, 0x181), (0x183, 0x184), (0x185, 0x186), (0x188, 0x189), (0x18C, 0x18E),
    (0x192, 0x193), (0x195, 0x196), (0x199, 0x19C), (0x19E, 0x19F), (0x1A1, 0x1A2),
    (0x1A3, 0x1A4), (0x1A5, 0x1A6), (0x1A8, 0x1A9), (0x1AA, 0x1AC), (0x1AD, 0x1AE),
    (0x1B0, 0x1B1), (0x1B4, 0x1B5), (0x1B6, 0x1B7), (0x1B9, 0x1BC), (0x1BD, 0x1C4),
    (0x1CE, 0x1CF), (0x1D0, 0x1D1), (0x1D2, 0x1D3), (0x1D4, 0x1D5), (0x1D6, 0x1D7),
    (0x1D8, 0x1D9), (0x1DA, 0x1DB), (0x1DC, 0x1DE), (0x1DF, 0x1E0), (0x1E1, 0x1E2),
    (0x1E3, 0x1E4), (0x1E5, 0x1E6), (0x1E7, 0x1E8), (0x1E9, 0x1EA), (0x1EB, 0x1EC),
    (0x1ED, 0x1EE), (0x1EF, 0x1F1), (0x1F5, 0x1F6), (0x1F9, 0x1FA), (0x1FB, 0x1FC),
    (0x1FD, 0x1FE), (0x1FF, 0x200), (0x201, 0x202), (0x203, 0x204), (0x205, 0x206),
    (0x207, 0x208), (0x209, 0x20A), (0x20B, 0x20C), (0x20D, 0x20E), (0x20F, 0x210),
    (0x211, 0x212), (0x213, 0x214), (0x215, 0x216), (0x217, 0x218), (0x219, 0x21A),
    (0x21B, 0x21C), (0x21D, 0x21E), (0x21F, 0x220), (0x221, 0x222), (0x223, 0x224),
    (0x225, 0x226), (0x227, 0x228), (0x229, 0x22A), (0x22B, 0x22C), (0x22D, 0x22E),
    (0x22F, 0x230), (0x231, 0x232), (0x233, 0x23A), (0x23C, 0x23D), (0x23F, 0x241),
    (0x242, 0x243), (0x247, 0x248), (0x249, 0x24A), (0x24B, 0x24C), (0x24D, 0x24E),
    (0x24F, 0x2B0), (0x2B9, 0x2C2), (0x2C6, 0x2D2), (0x2EC, 0x2ED), (0x2EE, 0x2EF),
    (0x300, 0x340), (0x342, 0x343), (0x346, 0x34F), (0x350, 0x370), (0x371, 0x372),
    (0x373, 0x374), (0x377, 0x378), (0x37B, 0x37E), (0x390, 0x391), (0x3AC, 0x3CF),
    (0x3D7, 0x3D8), (0x3D9, 0x3DA), (0x3DB, 0x3DC), (0x3DD, 0x3DE), (0x3DF, 0x3E0),
    (0x3E1, 0x3E2), (0x3E3, 0x3E4), (0x3E5, 0x3E6), (0x3E7, 0x3E8), (0x3E9, 0x3EA),
    (0x3EB, 0x3EC), (0x3ED, 0x3EE), (0x3EF, 0x3F0), (0x3F3, 0x3F4), (0x3F8, 0x3F9),
    (0x3FB, 0x3FD), (0x430, 0x460), (0x461, 0x462), (0x463, 0x464), (0x465, 0x466),
    (0x467, 0x468), (0x469, 0x46A), (0x46B, 0x46C), (0x46D, 0x46E), (0x46F, 0x470),
    (0x471, 0x472), (0x473, 0x474), (0x475, 0x476), (0x477, 0x478), (0x479, 0x47A),
    (0x47B, 0x47C), (0x47D, 0x47E), (0x47F, 0x480), (0x481, 0x482), (0x483, 0x488),
    (0x48B, 0x48C), (0x48D, 0x48E), (0x48F, 0x490), (0x491, 0x492), (0x493, 0x494),
    (0x495, 0x496), (0x497, 0x498), (0x499, 0x49A), (0x49B, 0x49C), (0x49D, 0x49E),
    (0x49F, 0x4A0), (0x4A1, 0x4A2), (0x4A3, 0x4A4), (0x4A5, 0x4A6), (0x4A7, 0x4A8),
    (0x4A9, 0x4AA), (0x4AB, 0x4AC), (0x4AD, 0x4AE), (0x4AF, 0x4B0), (0x4B1, 0x4B2),
    (0x4B3, 0x4B4), (0x4B5, 0x4B6), (0x4B7, 0x4B8), (0x4B9, 0x4BA), (0x4BB, 0x4BC),
    (0x4BD, 0x4BE), (0x4BF, 0x4C0), (0x4C2, 0x4C3), (0x4C4, 0x4C5), (0x4C6, 0x4C7),
    (0x4C8, 0x4C9), (0x4CA, 0x4CB), (0x4CC, 0x4CD), (0x4CE, 0x4D0), (0x4D1, 0x4D2),
    (0x4D3, 0x4D4), (0x4D5, 0x4D6), (0x4D7, 0x4D8), (0x4D9, 0x4DA), (0x4DB, 0x4DC),
    (0x4DD, 0x4DE), (0x4DF, 0x4E0), (0x4E1, 0x4E2), (0x4E3, 0x4E4), (0x4E5, 0x4E6),
    (0x4E7, 0x4E8), (0x4E9, 0x4EA), (0x4EB, 0x4EC), (0x4ED, 0x4EE), (0x4EF, 0x4F0),
    (0x4F1, 0x4F2), (0x4F3, 0x4F4), (0x4F5, 0x4F6), (0x4F7, 0x4F8), (0x4F9, 0x4FA),
    (0x4FB, 0x4FC), (0x4FD, 0x4FE), (0x4FF, 0x500), (0x501, 0x502), (0x503, 0x504),
    (0x505, 0x506), (0x507, 0x508), (0x509, 0x50A), (0x50B, 0x50C), (0x50D, 0x50E),
    (0x50F, 0x510), (0x511, 0x512), (0x513, 0x514), (0x515, 0x516), (0x517, 0x518),
    (0x519, 0x51A), (0x51B, 0x51C), (0x51D, 0x51E), (0x51F, 0x520), (0x521, 0x522),
    (0x523, 0x524), (0x525, 0x526), (0x527, 0x528), (0x529, 0x52A), (0x52B, 0x52C),
    (0x52D, 0x52E), (0x52F, 0x530), (0x559, 0x55A), (0x560, 0x587), (0x588, 0x589),
    (0x591, 0x5BE), (0x5BF, 0x5C0), (0x5C1, 0x5C3), (0x5C4, 0x5C6), (0x5C7, 0x5CA),
    (0x5D0, 0x5EB), (0x5EF, 0x5F3), (0x610, 0x61B), (0x620, 0x640), (0x641, 0x660),
    (0x66E, 0x675), (0x679, 0x6D4), (0x6D5, 0x6DD), (0x6DF, 0x6E9), (0x6EA, 0x6F0),
    (0x6FA, 0x700), (0x710, 0x74B), (0x74D, 0x7B2), (0x7C0, 0x7F6), (0x7FD, 0x7FE),
    (0x800, 0x82E), (0x840, 0x85C), (0x860, 0x86B), (0x870, 0x888), (0x889, 0x890),
    (0x897, 0x8E2), (0x8E3, 0x958), (0x960, 0x964), (0x966, 0x970), (0x971, 0x984),
    (0x985, 0x98D), (0x98F, 0x991), (0x993, 0x9A9), (0x9AA, 0x9B1), (0x9B2, 0x9B3),
    (0x9B6, 0x9BA), (0x9BC, 0x9C5), (0x9C7, 0x9C9), (0x9CB, 0x9CF), (0x9D7, 0x9D8),
    (0x9E0, 0x9E4), (0x9E6, 0x9F2), (0x9FC, 0x9FD), (0x9FE, 0x9FF), (0xA01, 0xA04),
    (0xA05, 0xA0B), (0xA0F, 0xA11), (0xA13, 0xA29), (0xA2A, 0xA31), (0xA32, 0xA33),
    (0xA35, 0xA36), (0xA38, 0xA3A), (0xA3C, 0xA3D), (0xA3E, 0xA43), (0xA47, 0xA49),
    (0xA4B, 0xA4E), (0xA51, 0xA52), (0xA5C, 0xA5D), (0xA66, 0xA76), (0xA81, 0xA84),
    (0xA85, 0xA8E), (0xA8F, 0xA92), (0xA93, 0xAA9), (0xAAA, 0xAB1), (0xAB2, 0xAB4),
    (0xAB5, 0xABA), (0xABC, 0xAC6), (0xAC7, 0xACA), (0xACB, 0xACE), (0xAD0, 0xAD1),
    (0xAE0, 0xAE4), (0xAE6, 0xAF0), (0xAF9, 0xB00), (0xB01, 0xB04), (0xB05, 0xB0D),
    (0xB0F, 0xB11), (0xB13, 0xB29), (0xB2A, 0xB31), (0xB32, 0xB34), (0xB35, 0xB3A),
    (0xB3C, 0xB45), (0xB47, 0xB49), (0xB4B, 0xB4E), (0xB53, 0xB58), (0xB5F, 0xB64),
    (0xB66, 0xB70), (0xB71, 0xB72), (0xB82, 0xB84), (0xB85, 0xB8B), (0xB8E, 0xB91),
    (0xB92, 0xB96), (0xB99, 0xB9B), (0xB9C, 0xB9D), (0xB9E, 0xBA0), (0xBA3, 0xBA5),
    (0xBA8, 0xBAB), (0xBAE, 0xBBA), (0xBBE, 0xBC3), (0xBC6, 0xBC9), (0xBCA, 0xBCE),
    (0xBD0, 0xBD1), (0xBD7, 0xBD8), (0xBE6, 0xBF0), (0xC00, 0xC0D), (0xC0E, 0xC11),
    (0xC12, 0xC29), (0xC2A, 0xC3A), (0xC3C, 0xC45), (0xC46, 0xC49), (0xC4A, 0xC4E),
    (0xC55, 0xC57), (0xC58, 0xC5B), (0xC5C, 0xC5E), (0xC60, 0xC64), (0xC66, 0xC70),
    (0xC80, 0xC84), (0xC85, 0xC8D), (0xC8E, 0xC91), (0xC92, 0xCA9), (0xCAA, 0xCB4),
    (0xCB5, 0xCBA), (0xCBC, 0xCC5), (0xCC6, 0xCC9), (0xCCA, 0xCCE), (0xCD5, 0xCD7),
    (0xCDC, 0xCDF), (0xCE0, 0xCE4), (0xCE6, 0xCF0), (0xCF1, 0xCF4), (0xD00, 0xD0D),
    (0xD0E, 0xD11), (0xD12, 0xD45), (0xD46, 0xD49), (0xD4A, 0xD4F), (0xD54, 0xD58),
    (0xD5F, 0xD64), (0xD66, 0xD70), (0xD7A, 0xD80), (0xD81, 0xD84), (0xD85, 0xD97),
    (0xD9A, 0xDB2), (0xDB3, 0xDBC), (0xDBD, 0xDBE), (0xDC0, 0xDC7), (0xDCA, 0xDCB),
    (0xDCF, 0xDD5), (0xDD6, 0xDD7), (0xDD8, 0xDE0), (0xDE6, 0xDF0), (0xDF2, 0xDF4),
    (0xE01, 0xE33), (0xE34, 0xE3B), (0xE40, 0xE4F), (0xE50, 0xE5A), (0xE81, 0xE83),
    (0xE84, 0xE85), (0xE86, 0xE8B), (0xE8C, 0xEA4), (0xEA5, 0xEA6), (0xEA7, 0xEB3),
    (0xEB4, 0xEBE), (0xEC0, 0xEC5), (0xEC6, 0xEC7), (0xEC8, 0xECF), (0xED0, 0xEDA),
    (0xEDE, 0xEE0), (0xF00, 0xF01), (0xF0B, 0xF0C), (0xF18, 0xF1A), (0xF20, 0xF2A),
    (0xF35, 0xF36), (0xF37, 0xF38), (0xF39, 0xF3A), (0xF3E, 0xF43), (0xF44, 0xF48),
    (0xF49, 0xF4D), (0xF4E, 0xF52), (0xF53, 0xF57), (0xF58, 0xF5C), (0xF5D, 0xF69),
    (0xF6A, 0xF6D), (0xF71, 0xF73), (0xF74, 0xF75), (0xF7A, 0xF81), (0xF82, 0xF85),
    (0xF86, 0xF93), (0xF94, 0xF98), (0xF99, 0xF9D), (0xF9E, 0xFA2), (0xFA3, 0xFA7),
    (0xFA8, 0xFAC), (0xFAD, 0xFB9), (0xFBA, 0xFBD), (0xFC6, 0xFC7), (0x1000, 0x104A),
    (0x1050, 0x109E), (0x10D0, 0x10FB), (0x10FD, 0x1100), (0x1200, 0x1249), (0x124A, 0x124E),
    (0x1250, 0x1257), (0x1258, 0x1259), (0x125A, 0x125E), (0x1260, 0x1289), (0x128A, 0x128E),
    (0x1290, 0x12B1), (0x12B2, 0x12B6), (0x12B8, 0x12BF), (0x12C0, 0x12C1), (0x12C2, 0x12C6),
    (0x12C8, 0x12D7), (0x12D8, 0x1311), (0x1312, 0x1316), (0x1318, 0x135B), (0x135D, 0x1360),
    (0x1380, 0x1390), (0x13A0, 0x13F6), (0x1401, 0x166D), (0x166F, 0x1680), (0x1681, 0x169B),
    (0x16A0, 0x16EB), (0x16F1, 0x16F9), (0x1700, 0x1716), (0x171F, 0x1735), (0x1740, 0x1754),
    (0x1760, 0x176D), (0x176E, 0x1771), (0x1772, 0x1774), (0x1780, 0x17B4), (0x17B6, 0x17D4),
    (0x17D7, 0x17D8), (0x17DC, 0x17DE), (0x17E0, 0x17EA), (0x1810, 0x181A), (0x1820, 0x1879),
    (0x1880, 0x18AB), (0x18B0, 0x18F6), (0x1900, 0x191F), (0x1920, 0x192C), (0x1930, 0x193C),
    (0x1946, 0x196E), (0x1970, 0x1975), (0x1980, 0x19AC), (0x19B0, 0x19CA), (0x19D0, 0x19DA),
    (0x1A00, 0x1A1C), (0x1A20, 0x1A5F), (0x1A60, 0x1A7D), (0x1A7F, 0x1A8A), (0x1A90, 0x1A9A),
    (0x1AA7, 0x1AA8), (0x1AB0, 0x1ABE), (0x1ABF, 0x1AF1), (0x1B00, 0x1B4D), (0x1B50, 0x1B5A),
    (0x1B6B, 0x1B74), (0x1B80, 0x1BF4), (0x1C00, 0x1C38), (0x1C40, 0x1C4A), (0x1C4D, 0x1C7E),
    (0x1C8A, 0x1C8B), (0x1CD0, 0x1CD3), (0x1CD4, 0x1CFB), (0x1D00, 0x1D2C), (0x1D2F, 0x1D30),
    (0x1D3B, 0x1D3C), (0x1D4E, 0x1D4F), (0x1D6B, 0x1D78), (0x1D79, 0x1D9B), (0x1DC0, 0x1E00),
    (0x1E01, 0x1E02), (0x1E03, 0x1E04), (0x1E05, 0x1E06), (0x1E07, 0x1E08), (0x1E09, 0x1E0A),
    (0x1E0B, 0x1E0C), (0x1E0D, 0x1E0E), (0x1E0F, 0x1E10), (0x1E11, 0x1E12), (0x1E13, 0x1E14),
    (0x1E15, 0x1E16), (0x1E17, 0x1E18), (0x1E19, 0x1E1A), (0x1E1B, 0x1E1C), (0x1E1D, 0x1E1E),
    (0x1E1F, 0x1E20), (0x1E21, 0x1E22), (0x1E23, 0x1E24), (0x1E25, 0x1E26), (0x1E27, 0x1E28),
    (0x1E29, 0x1E2A), (0x1E2B, 0x1E2C), (0x1E2D, 0x1E2E), (0x1E2F, 0x1E30), (0x1E31, 0x1E32),
    (0x1E33, 0x1E34), (0x1E35, 0x1E36), (0x1E37, 0x1E38), (0x1E39, 0x1E3A), (0x1E3B, 0x1E3C),
    (0x1E3D, 0x1E3E), (0x1E3F, 0x1E40), (0x1E41, 0x1E42), (0x1E43, 0x1E44), (0x1E45, 0x1E46),
    (0x1E47, 0x1E48), (0x1E49, 0x1E4A), (0x1E4B, 0x1E4C), (0x1E4D, 0x1E4E), (0x1E4F, 0x1E50),
    (0x1E51, 0x1E52), (0x1E53, 0x1E54), (0x1E55, 0x1E56), (0x1E57, 0x1E58), (0x1E59, 0x1E5A),
    (0x1E5B, 0x1E5C), (0x1E5D, 0x1E5E), (0x1E5F, 0x1E60), (0x1E61, 0x1E62), (0x1E63, 0x1E64),
    (0x1E65, 0x1E66), (0x1E67, 0x1E68), (0x1E69, 0x1E6A), (0x1E6B, 0x1E6C), (0x1E6D, 0x1E6E),
    (0x1E6F, 0x1E70), (0x1E71, 0x1E72), (0x1E73, 0x1E74), (0x1E75, 0x1E76), (0x1E77, 0x1E78),
    (0x1E79, 0x1E7A), (0x1E7B, 0x1E7C), (0x1E7D, 0x1E7E), (0x1E7F, 0x1E80), (0x1E81, 0x1E82),
    (0x1E83, 0x1E84), (0x1E85, 0x1E86), (0x1E87, 0x1E88), (0x1E89, 0x1E8A), (0x1E8B, 0x1E8C),
    (0x1E8D, 0x1E8E), (0x1E8F, 0x1E90), (0x1E91, 0x1E92), (0x1E93, 0x1E94), (0x1E95, 0x1E9A),
    (0x1E9C, 0x1E9E), (0x1E9F, 0x1EA0), (0x1EA1, 0x1EA2), (0x1EA3, 0x1EA4), (0x1EA5, 0x1EA6),
    (0x1EA7, 0x1EA8), (0x1EA9, 0x1EAA), (0x1EAB, 0x1EAC), (0x1EAD, 0x1EAE), (0x1EAF, 0x1EB0),
    (0x1EB1, 0x1EB2), (0x1EB3, 0x1EB4), (0x1EB5, 0x1EB6), (0x1EB7, 0x1EB8), (0x1EB9, 0x1EBA),
    (0x1EBB, 0x1EBC), (0x1EBD, 0x1EBE), (0x1EBF, 0x1EC0), (0x1EC1, 0x1EC2), (0x1EC3, 0x1EC4),
    (0x1EC5, 0x1EC6), (0x1EC7, 0x1EC8), (0x1EC9, 0x1ECA), (0x1ECB, 0x1ECC), (0x1ECD, 0x1ECE),
    (0x1ECF, 0x1ED0), (0x1ED1, 0x1ED2), (0x1ED3, 0x1ED4), (0x1ED5, 0x1ED6), (0x1ED7, 0x1ED8),
    (0x1ED9, 0x1EDA), (0x1EDB, 0x1EDC), (0x1EDD, 0x1EDE), (0x1EDF, 0x1EE0), (0x1EE1, 0x1EE2),
    (0x1EE3, 0x1EE4), (0x1EE5, 0x1EE6), (0x1EE7, 0x1EE8), (0x1EE9, 0x1EEA), (0x1EEB, 0x1EEC),
    (0x1EED, 0x1EEE), (0x1EEF, 0x1EF0), (0x1EF1, 0x1EF2), (0x1EF3, 0x1EF4), (0x1EF5, 0x1EF6),
    (0x1EF7, 0x1EF8), (0x1EF9, 0x1EFA), (0x1EFB, 0x1EFC), (0x1EFD, 0x1EFE), (0x1EFF, 0x1F08),
    (0x1F10, 0x1F16), (0x1F20, 0x1F28), (0x1F30, 0x1F38), (0x1F40, 0x1F46), (0x1F50, 0x1F58),
    (0x1F60, 0x1F68), (0x1F70, 0x1F71), (0x1F72, 0x1F73), (0x1F74, 0x1F75), (0x1F76, 0x1F77),
    (0x1F78, 0x1F79), (0x1F7A, 0x1F7B), (0x1F7C, 0x1F7D), (0x1FB0, 0x1FB2), (0x1FB6, 0x1FB7),
    (0x1FC6, 0x1FC7), (0x1FD0, 0x1FD3), (0x1FD6, 0x1FD8), (0x1FE0, 0x1FE3), (0x1FE4, 0x1FE8),
    (0x1FF6, 0x1FF7), (0x208F, 0x2090), (0x214E, 0x214F), (0x2184, 0x2185), (0x2C30, 0x2C60),
    (0x2C61, 0x2C62), (0x2C65, 0x2C67), (0x2C68, 0x2C69), (0x2C6A, 0x2C6B), (0x2C6C, 0x2C6D),
    (0x2C71, 0x2C72), (0x2C73, 0x2C75), (0x2C76, 0x2C7C), (0x2C81, 0x2C82), (0x2C83, 0x2C84),
    (0x2C85, 0x2C86), (0x2C87, 0x2C88), (0x2C89, 0x2C8A), (0x2C8B, 0x2C8C), (0x2C8D, 0x2C8E),
    (0x2C8F, 0x2C90), (0x2C91, 0x2C92), (0x2C93, 0x2C94), (0x2C95, 0x2C96), (0x2C97, 0x2C98),
    (0x2C99, 0x2C9A), (0x2C9B, 0x2C9C), (0x2C9D, 0x2C9E), (0x2C9F, 0x2CA0), (0x2CA1, 0x2CA2),
    (0x2CA3, 0x2CA4), (0x2CA5, 0x2CA6), (0x2CA7, 0x2CA8), (0x2CA9, 0x2CAA), (0x2CAB, 0x2CAC),
    (0x2CAD, 0x2CAE), (0x2CAF, 0x2CB0), (0x2CB1, 0x2CB2), (0x2CB3, 0x2CB4), (0x2CB5, 0x2CB6),
    (0x2CB7, 0x2CB8), (0x2CB9, 0x2CBA), (0x2CBB, 0x2CBC), (0x2CBD, 0x2CBE), (0x2CBF, 0x2CC0),
    (0x2CC1, 0x2CC2), (0x2CC3, 0x2CC4), (0x2CC5, 0x2CC6), (0x2CC7, 0x2CC8), (0x2CC9, 0x2CCA),
    (0x2CCB, 0x2CCC), (0x2CCD, 0x2CCE), (0x2CCF, 0x2CD0), (0x2CD1, 0x2CD2), (0x2CD3, 0x2CD4),
    (0x2CD5, 0x2CD6), (0x2CD7, 0x2CD8), (0x2CD9, 0x2CDA), (0x2CDB, 0x2CDC), (0x2CDD, 0x2CDE),
    (0x2CDF, 0x2CE0), (0x2CE1, 0x2CE2), (0x2CE3, 0x2CE5), (0x2CEC, 0x2CED), (0x2CEE, 0x2CF2),
    (0x2CF3, 0x2CF4), (0x2D00, 0x2D26), (0x2D27, 0x2D28), (0x2D2D, 0x2D2E), (0x2D30, 0x2D68),
    (0x2D7F, 0x2D97), (0x2DA0, 0x2DA7), (0x2DA8, 0x2DAF), (0x2DB0, 0x2DB7), (0x2DB8, 0x2DBF),
    (0x2DC0, 0x2DC7), (0x2DC8, 0x2DCF), (0x2DD0, 0x2DD7), (0x2DD8, 0x2DDF), (0x2DE0, 0x2E00),
    (0x2E2F, 0x2E30), (0x3005, 0x3008), (0x302A, 0x302E), (0x303C, 0x303D), (0x3041, 0x3097),
    (0x3099, 0x309B), (0x309D, 0x309F), (0x30A1, 0x30FB), (0x30FC, 0x30FF), (0x3105, 0x3130),
    (0x31A0, 0x31C0), (0x31F0, 0x3200), (0x3400, 0x4DC0), (0x4E00, 0xA48D), (0xA4D0, 0xA4FE),
    (0xA500, 0xA60D), (0xA610, 0xA62C), (0xA641, 0xA642), (0xA643, 0xA644), (0xA645, 0xA646),
    (0xA647, 0xA648), (0xA649, 0xA64A), (0xA64B, 0xA64C), (0xA64D, 0xA64E), (0xA64F, 0xA650),
    (0xA651, 0xA652), (0xA653, 0xA654), (0xA655, 0xA656), (0xA657, 0xA658), (0xA659, 0xA65A),
    (0xA65B, 0xA65C), (0xA65D, 0xA65E), (0xA65F, 0xA660), (0xA661, 0xA662), (0xA663, 0xA664),
    (0xA665, 0xA666), (0xA667, 0xA668), (0xA669, 0xA66A), (0xA66B, 0xA66C), (0xA66D, 0xA670),
    (0xA674, 0xA67E), (0xA67F, 0xA680), (0xA681, 0xA682), (0xA683, 0xA684), (0xA685, 0xA686),
    (0xA687, 0xA688), (0xA689, 0xA68A), (0xA68B, 0xA68C), (0xA68D, 0xA68E), (0xA68F, 0xA690),
    (0xA691, 0xA692), (0xA693, 0xA694), (0xA695, 0xA696), (0xA697, 0xA698), (0xA699, 0xA69A),
    (0xA69B, 0xA69C), (0xA69E, 0xA6E6), (0xA6F0, 0xA6F2), (0xA717, 0xA720), (0xA723, 0xA724),
    (0xA725, 0xA726), (0xA727, 0xA728), (0xA729, 0xA72A), (0xA72B, 0xA72C), (0xA72D, 0xA72E),
    (0xA72F, 0xA732), (0xA733, 0xA734), (0xA735, 0xA736), (0xA737, 0xA738), (0xA739, 0xA73A),
    (0xA73B, 0xA73C), (0xA73D, 0xA73E), (0xA73F, 0xA740), (0xA741, 0xA742), (0xA743, 0xA744),
    (0xA745, 0xA746), (0xA747, 0xA748), (0xA749, 0xA74A), (0xA74B, 0xA74C), (0xA74D, 0xA74E),
    (0xA74F, 0xA750), (0xA751, 0xA752), (0xA753, 0xA754), (0xA755, 0xA756), (0xA757, 0xA758),
    (0xA759, 0xA75A), (0xA75B, 0xA75C), (0xA75D, 0xA75E), (0xA75F, 0xA760), (0xA761, 0xA762),
    (0xA763, 0xA764), (0xA765, 0xA766), (0xA767, 0xA768), (0xA769, 0xA76A), (0xA76B, 0xA76C),
    (0xA76D, 0xA76E), (0xA76F, 0xA770), (0xA771, 0xA779), (0xA77A, 0xA77B), (0xA77C, 0xA77D),
    (0xA77F, 0xA780), (0xA781, 0xA782), (0xA783, 0xA784), (0xA785, 0xA786), (0xA787, 0xA789),
    (0xA78C, 0xA78D), (0xA78E, 0xA790), (0xA791, 0xA792), (0xA793, 0xA796), (0xA797, 0xA798),
    (0xA799, 0xA79A), (0xA79B, 0xA79C), (0xA79D, 0xA79E), (0xA79F, 0xA7A0), (0xA7A1, 0xA7A2),
    (0xA7A3, 0xA7A4), (0xA7A5, 0xA7A6), (0xA7A7, 0xA7A8), (0xA7A9, 0xA7AA), (0xA7AF, 0xA7B0),
    (0xA7B5, 0xA7B6), (0xA7B7, 0xA7B8), (0xA7B9, 0xA7BA), (0xA7BB, 0xA7BC), (0xA7BD, 0xA7BE),
    (0xA7BF, 0xA7C0), (0xA7C1, 0xA7C2), (0xA7C3, 0xA7C4), (0xA7C8, 0xA7C9), (0xA7CA, 0xA7CB),
    (0xA7CD, 0xA7CE), (0xA7CF, 0xA7D0), (0xA7D1, 0xA7D2), (0xA7D3, 0xA7D4), (0xA7D5, 0xA7D6),
    (0xA7D7, 0xA7D8), (0xA7D9, 0xA7DA), (0xA7DB, 0xA7DC), (0xA7F6, 0xA7F8), (0xA7FA, 0xA828),
    (0xA82C, 0xA82D), (0xA840, 0xA874), (0xA880, 0xA8C6), (0xA8D0, 0xA8DA), (0xA8E0, 0xA8F8),
    (0xA8FB, 0xA8FC), (0xA8FD, 0xA92E), (0xA930, 0xA954), (0xA980, 0xA9C1), (0xA9CF, 0xA9DA),
    (0xA9E0, 0xA9FF), (0xAA00, 0xAA37), (0xAA40, 0xAA4E), (0xAA50, 0xAA5A), (0xAA60, 0xAA77),
    (0xAA7A, 0xAAC3), (0xAADB, 0xAADE), (0xAAE0, 0xAAF0), (0xAAF2, 0xAAF7), (0xAB01, 0xAB07),
    (0xAB09, 0xAB0F), (0xAB11, 0xAB17), (0xAB20, 0xAB27), (0xAB28, 0xAB2F), (0xAB30, 0xAB5B),
    (0xAB60, 0xAB69), (0xABC0, 0xABEB), (0xABEC, 0xABEE), (0xABF0, 0xABFA), (0xAC00, 0xD7A4),
    (0xFA0E, 0xFA10), (0xFA11, 0xFA12), (0xFA13, 0xFA15), (0xFA1F, 0xFA20), (0xFA21, 0xFA22),
    (0xFA23, 0xFA25), (0xFA27, 0xFA2A), (0xFB1E, 0xFB1F), (0xFE20, 0xFE30), (0xFE73, 0xFE74),
    (0x10000, 0x1000C), (0x1000D, 0x10027), (0x10028, 0x1003B), (0x1003C, 0x1003E), (0x1003F, 0x1004E),
    (0x10050, 0x1005E), (0x10080, 0x100FB), (0x101FD, 0x101FE), (0x10280, 0x1029D), (0x102A0, 0x102D1),
    (0x102E0, 0x102E1), (0x10300, 0x10320), (0x1032D, 0x10341), (0x10342, 0x1034A), (0x10350, 0x1037B),
    (0x10380, 0x1039E), (0x103A0, 0x103C4), (0x103C8, 0x103D0), (0x10428, 0x1049E), (0x104A0, 0x104AA),
    (0x104D8, 0x104FC), (0x10500, 0x10528), (0x10530, 0x10564), (0x10597, 0x105A2), (0x105A3, 0x105B2),
    (0x105B3, 0x105BA), (0x105BB, 0x105BD), (0x105C0, 0x105F4), (0x10600, 0x10737), (0x10740, 0x10756),
    (0x10760, 0x10768), (0x10780, 0x10781), (0x10800, 0x10806), (0x10808, 0x10809), (0x1080A, 0x10836),
    (0x10837, 0x10839), (0x1083C, 0x1083D), (0x1083F, 0x10856), (0x10860, 0x10877), (0x10880, 0x1089F),
    (0x108E0, 0x108F3), (0x108F4, 0x108F6), (0x10900, 0x10916), (0x10920, 0x1093A), (0x10940, 0x1095A),
    (0x10980, 0x109B8), (0x109BE, 0x109C0), (0x10A00, 0x10A04), (0x10A05, 0x10A07), (0x10A0C, 0x10A14),
    (0x10A15, 0x10A18), (0x10A19, 0x10A36), (0x10A38, 0x10A3B), (0x10A3F, 0x10A40), (0x10A60, 0x10A7D),
    (0x10A80, 0x10A9D), (0x10AC0, 0x10AC8), (0x10AC9, 0x10AE7), (0x10B00, 0x10B36), (0x10B40, 0x10B56),
    (0x10B60, 0x10B73), (0x10B80, 0x10B92), (0x10C00, 0x10C49), (0x10CC0, 0x10CF3), (0x10D00, 0x10D28),
    (0x10D30, 0x10D3A), (0x10D40, 0x10D50), (0x10D69, 0x10D6E), (0x10D6F, 0x10D86), (0x10E80, 0x10EAA),
    (0x10EAB, 0x10EAD), (0x10EB0, 0x10EB2), (0x10EC2, 0x10EC8), (0x10ECB, 0x10ED0), (0x10ED9, 0x10EEF),
    (0x10EF0, 0x10F1D), (0x10F27, 0x10F28), (0x10F30, 0x10F51), (0x10F70, 0x10F86), (0x10FB0, 0x10FC5),
    (0x10FE0, 0x10FF7), (0x11000, 0x11047), (0x11066, 0x11076), (0x1107F, 0x110BB), (0x110C2, 0x110C3),
    (0x110D0, 0x110E9), (0x110F0, 0x110FA), (0x11100, 0x11135), (0x11136, 0x11140), (0x11144, 0x11148),
    (0x11150, 0x11174), (0x11176, 0x11177), (0x11180, 0x111C5), (0x111C9, 0x111CD), (0x111CE, 0x111DB),
    (0x111DC, 0x111DD), (0x11200, 0x11212), (0x11213, 0x11238), (0x1123E, 0x11242), (0x11280, 0x11287),
    (0x11288, 0x11289), (0x1128A, 0x1128E), (0x1128F, 0x1129E), (0x1129F, 0x112A9), (0x112B0, 0x112EB),
    (0x112F0, 0x112FA), (0x11300, 0x11304), (0x11305, 0x1130D), (0x1130F, 0x11311), (0x11313, 0x11329),
    (0x1132A, 0x11331), (0x11332, 0x11334), (0x11335, 0x1133A), (0x1133B, 0x11345), (0x11347, 0x11349),
    (0x1134B, 0x1134E), (0x11350, 0x11351), (0x11357, 0x11358), (0x1135D, 0x11364), (0x11366, 0x1136D),
    (0x11370, 0x11375), (0x11380, 0x1138A), (0x1138B, 0x1138C), (0x1138E, 0x1138F), (0x11390, 0x113B6),
    (0x113B7, 0x113C1), (0x113C2, 0x113C3), (0x113C5, 0x113C6), (0x113C7, 0x113CB), (0x113CC, 0x113D4),
    (0x113E1, 0x113E3), (0x11400, 0x1144B), (0x11450, 0x1145A), (0x1145E, 0x11462), (0x11480, 0x114C6),
    (0x114C7, 0x114C8), (0x114D0, 0x114DA), (0x11580, 0x115B6), (0x115B8, 0x115C1), (0x115D8, 0x115DE),
    (0x11600, 0x11641), (0x11644, 0x11645), (0x11650, 0x1165A), (0x11680, 0x116B9), (0x116C0, 0x116CA),
    (0x116D0, 0x116E4), (0x11700, 0x1171B), (0x1171D, 0x1172C), (0x11730, 0x1173A), (0x11740, 0x11747),
    (0x11800, 0x1183B), (0x118C0, 0x118EA), (0x118FF, 0x11907), (0x11909, 0x1190A), (0x1190C, 0x11914),
    (0x11915, 0x11917), (0x11918, 0x11936), (0x11937, 0x11939), (0x1193B, 0x11944), (0x11950, 0x1195A),
    (0x119A0, 0x119A8), (0x119AA, 0x119D8), (0x119DA, 0x119E2), (0x119E3, 0x119E5), (0x11A00, 0x11A3F),
    (0x11A47, 0x11A48), (0x11A50, 0x11A9A), (0x11A9D, 0x11A9E), (0x11AB0, 0x11AF9), (0x11B0A, 0x11B0B),
    (0x11B60, 0x11B68), (0x11BC0, 0x11BE1), (0x11BF0, 0x11BFA), (0x11C00, 0x11C09), (0x11C0A, 0x11C37),
    (0x11C38, 0x11C41), (0x11C50, 0x11C5A), (0x11C72, 0x11C90), (0x11C92, 0x11CA8), (0x11CA9, 0x11CB7),
    (0x11D00, 0x11D07), (0x11D08, 0x11D0A), (0x11D0B, 0x11D37), (0x11D3A, 0x11D3B), (0x11D3C, 0x11D3E),
    (0x11D3F, 0x11D48), (0x11D50, 0x11D5A), (0x11D60, 0x11D66), (0x11D67, 0x11D69), (0x11D6A, 0x11D8F),
    (0x11D90, 0x11D92), (0x11D93, 0x11D99), (0x11DA0, 0x11DAA), (0x11DB0, 0x11DDC), (0x11DE0, 0x11DEA),
    (0x11DF0, 0x11DF2), (0x11EE0, 0x11EF7), (0x11F00, 0x11F11), (0x11F12, 0x11F3B), (0x11F3E, 0x11F43),
    (0x11F50, 0x11F5B), (0x11FB0, 0x11FB1), (0x12000, 0x1239A), (0x12480, 0x12544), (0x12F90, 0x12FF1),
    (0x13000, 0x13430), (0x13440, 0x13456), (0x13460, 0x143FB), (0x14400, 0x14647), (0x16100, 0x1613A),
    (0x16800, 0x16A39), (0x16A40, 0x16A5F), (0x16A60, 0x16A6A), (0x16A70, 0x16ABF), (0x16AC0, 0x16ACA),
    (0x16AD0, 0x16AEE), (0x16AF0, 0x16AF5), (0x16B00, 0x16B37), (0x16B40, 0x16B44), (0x16B50, 0x16B5A),
    (0x16B63, 0x16B78), (0x16B7D, 0x16B90), (0x16D40, 0x16D6D), (0x16D70, 0x16D7A), (0x16E60, 0x16E80),
    (0x16EBB, 0x16ED4), (0x16F00, 0x16F4B), (0x16F4F, 0x16F88), (0x16F8F, 0x16FA0), (0x16FE0, 0x16FE2),
    (0x16FE3, 0x16FE5), (0x16FF0, 0x16FF4), (0x17000, 0x18CDB), (0x18CFF, 0x18D21), (0x18D80, 0x18DF3),
    (0x18E00, 0x19192), (0x191A0, 0x191D3), (0x1AFF0, 0x1AFF4), (0x1AFF5, 0x1AFFC), (0x1AFFD, 0x1AFFF),
    (0x1B000, 0x1B123), (0x1B127, 0x1B129), (0x1B132, 0x1B133), (0x1B150, 0x1B153), (0x1B155, 0x1B156),
    (0x1B164, 0x1B169), (0x1B170, 0x1B2FC), (0x1BC00, 0x1BC6B), (0x1BC70, 0x1BC7D), (0x1BC80, 0x1BC89),
    (0x1BC90, 0x1BC9A), (0x1BC9D, 0x1BC9F), (0x1CF00, 0x1CF2E), (0x1CF30, 0x1CF47), (0x1D250, 0x1D253),
    (0x1D25B, 0x1D25D), (0x1D25F, 0x1D260), (0x1D280, 0x1D282), (0x1DA00, 0x1DA37), (0x1DA3B, 0x1DA6D),
    (0x1DA75, 0x1DA76), (0x1DA84, 0x1DA85), (0x1DA9B, 0x1DAA0), (0x1DAA1, 0x1DAB0), (0x1DF00, 0x1DF40),
    (0x1DF41, 0x1DF48), (0x1DF49, 0x1DF4A), (0x1DF4B, 0x1DF4D), (0x1DF4E, 0x1DF51), (0x1DF52, 0x1DF68),
    (0x1DF69, 0x1DF6A), (0x1DF6B, 0x1DF6C), (0x1DF6D, 0x1DF6E), (0x1DF6F, 0x1DF72), (0x1DF73, 0x1DF74),
    (0x1DF75, 0x1DF76), (0x1DF77, 0x1DF78), (0x1DF79, 0x1DF7A), (0x1DF7B, 0x1DF7C), (0x1DF7D, 0x1DF7E),
    (0x1DF7F, 0x1DF82), (0x1DF90, 0x1DF95), (0x1DF96, 0x1DF97), (0x1E000, 0x1E007), (0x1E008, 0x1E019),
    (0x1E01B, 0x1E022), (0x1E023, 0x1E025), (0x1E026, 0x1E02B), (0x1E08F, 0x1E090), (0x1E100, 0x1E12D),
    (0x1E130, 0x1E13E), (0x1E140, 0x1E14A), (0x1E14E, 0x1E14F), (0x1E290, 0x1E2AF), (0x1E2C0, 0x1E2FA),
    (0x1E4D0, 0x1E4FA), (0x1E5D0, 0x1E5FB), (0x1E6C0, 0x1E6DF), (0x1E6E0, 0x1E6F6), (0x1E6FE, 0x1E700),
    (0x1E7E0, 0x1E7E7), (0x1E7E8, 0x1E7EC), (0x1E7ED, 0x1E7EF), (0x1E7F0, 0x1E7FF), (0x1E800, 0x1E8C5),
    (0x1E8D0, 0x1E8D7), (0x1E922, 0x1E94C), (0x1E950, 0x1E95A), (0x20000, 0x2A6E0), (0x2A700, 0x2B81F),
    (0x2B820, 0x2CEAE), (0x2CEB0, 0x2EBE1), (0x2EBF0, 0x2EE5E), (0x30000, 0x3134B), (0x31350, 0x3347A),
    (0x3D000, 0x3FC40),
    ];

    /// Bidi classes by Unicode 14.0 of the PVALID and CONTEXTO code points (other code points
    /// are never looked up and share their neighbour's run): `start << 4 | class`, class 0 =
    /// unassigned in Unicode 14.0, 1 = L, 2 = R, 3 = AL, 4 = AN, 5 = EN, 6 = ES, 7 = ON, 8 = NSM.
    pub(super) const BIDI: [u32; 637] = [
    0x00000006, 0x00000305, 0x00000611, 0x00000B77, 0x00000DF1, 0x00002B97, 0x00002BB1, 0x00002C67,
    0x00002D01, 0x00002EC7, 0x00002EE1, 0x00003008, 0x00003711, 0x00003757, 0x00003771, 0x00004838,
    0x000048B1, 0x00005918, 0x00005C80, 0x00005D02, 0x00006108, 0x00006203, 0x000064B8, 0x00006604,
    0x000066E3, 0x00006708, 0x00006713, 0x00006D68, 0x00006E53, 0x00006E78, 0x00006EE3, 0x00006F05,
    0x00006FA3, 0x00007118, 0x00007123, 0x00007308, 0x000074D3, 0x00007A68, 0x00007B13, 0x00007C02,
    0x00007EB8, 0x00007F42, 0x00007FD8, 0x00008002, 0x00008168, 0x000081A2, 0x000081B8, 0x00008242,
    0x00008258, 0x00008282, 0x00008298, 0x00008402, 0x00008598, 0x00008603, 0x000088F0, 0x00008988,
    0x00008A03, 0x00008CA8, 0x00009031, 0x000093A8, 0x000093B1, 0x000093C8, 0x000093D1, 0x00009418,
    0x00009491, 0x000094D8, 0x000094E1, 0x00009518, 0x00009601, 0x00009628, 0x00009661, 0x00009818,
    0x00009821, 0x00009BC8, 0x00009BD1, 0x00009C18, 0x00009C71, 0x00009CD8, 0x00009CE1, 0x00009E28,
    0x00009E61, 0x00009FE8, 0x0000A031, 0x0000A3C8, 0x0000A3E1, 0x0000A418, 0x0000A5C1, 0x0000A708,
    0x0000A721, 0x0000A758, 0x0000A831, 0x0000ABC8, 0x0000ABD1, 0x0000AC18, 0x0000AC91, 0x0000ACD8,
    0x0000AD01, 0x0000AE28, 0x0000AE61, 0x0000AFA8, 0x0000B021, 0x0000B3C8, 0x0000B3D1, 0x0000B3F8,
    0x0000B401, 0x0000B418, 0x0000B471, 0x0000B4D8, 0x0000B530, 0x0000B558, 0x0000B571, 0x0000B628,
    0x0000B661, 0x0000B828, 0x0000B831, 0x0000BC08, 0x0000BC11, 0x0000BCD8, 0x0000BD01, 0x0000C008,
    0x0000C011, 0x0000C048, 0x0000C051, 0x0000C3C8, 0x0000C3D1, 0x0000C3E8, 0x0000C411, 0x0000C468,
    0x0000C581, 0x0000C5C0, 0x0000C5D1, 0x0000C628, 0x0000C661, 0x0000C818, 0x0000C821, 0x0000CBC8,
    0x0000CBD1, 0x0000CCC8, 0x0000CD51, 0x0000CDC0, 0x0000CDD1, 0x0000CE28, 0x0000CE61, 0x0000CF30,
    0x0000D008, 0x0000D021, 0x0000D3B8, 0x0000D3D1, 0x0000D418, 0x0000D461, 0x0000D4D8, 0x0000D4E1,
    0x0000D628, 0x0000D661, 0x0000D818, 0x0000D821, 0x0000DCA8, 0x0000DCF1, 0x0000DD28, 0x0000DD81,
    0x0000E318, 0x0000E321, 0x0000E348, 0x0000E401, 0x0000E478, 0x0000E501, 0x0000EB18, 0x0000EB21,
    0x0000EB48, 0x0000EBD1, 0x0000EC88, 0x0000ECE0, 0x0000ED01, 0x0000F188, 0x0000F201, 0x0000F358,
    0x0000F3E1, 0x0000F718, 0x0000F7F1, 0x0000F808, 0x0000F881, 0x0000F8D8, 0x00010001, 0x000102D8,
    0x00010311, 0x00010328, 0x00010381, 0x00010398, 0x000103B1, 0x000103D8, 0x000103F1, 0x00010588,
    0x000105A1, 0x000105E8, 0x00010611, 0x00010718, 0x00010751, 0x00010828, 0x00010831, 0x00010858,
    0x00010871, 0x000108D8, 0x000108E1, 0x000109D8, 0x00010D01, 0x000135D8, 0x00013801, 0x00017128,
    0x00017151, 0x00017328, 0x00017341, 0x00017528, 0x00017601, 0x00017728, 0x00017801, 0x00017B78,
    0x00017BE1, 0x00017C68, 0x00017C71, 0x00017C98, 0x00017D71, 0x00017DD8, 0x00017E01, 0x00018858,
    0x00018871, 0x00018A98, 0x00018AA1, 0x00019208, 0x00019231, 0x00019278, 0x00019291, 0x00019328,
    0x00019331, 0x00019398, 0x00019461, 0x0001A178, 0x0001A191, 0x0001A1B8, 0x0001A201, 0x0001A568,
    0x0001A571, 0x0001A588, 0x0001A611, 0x0001A628, 0x0001A631, 0x0001A658, 0x0001A6D1, 0x0001A738,
    0x0001A801, 0x0001AB08, 0x0001ACF0, 0x0001B008, 0x0001B041, 0x0001B348, 0x0001B351, 0x0001B368,
    0x0001B3B1, 0x0001B3C8, 0x0001B3D1, 0x0001B428, 0x0001B431, 0x0001B6B8, 0x0001B821, 0x0001BA28,
    0x0001BA61, 0x0001BA88, 0x0001BAA1, 0x0001BAB8, 0x0001BAE1, 0x0001BE68, 0x0001BE71, 0x0001BE88,
    0x0001BEA1, 0x0001BED8, 0x0001BEE1, 0x0001BEF8, 0x0001BF21, 0x0001C2C8, 0x0001C341, 0x0001C368,
    0x0001C401, 0x0001C8A0, 0x0001CD08, 0x0001CE11, 0x0001CE28, 0x0001CE91, 0x0001CED8, 0x0001CEE1,
    0x0001CF48, 0x0001CF51, 0x0001CF88, 0x0001CFA1, 0x0001DC08, 0x0001E011, 0x000208F0, 0x000214E1,
    0x0002CEF8, 0x0002CF31, 0x0002D7F8, 0x0002D801, 0x0002DE08, 0x0002E2F7, 0x00030051, 0x000302A8,
    0x000303C1, 0x00030998, 0x000309D1, 0x00030FB7, 0x00030FC1, 0x000A66F8, 0x000A67F7, 0x000A6811,
    0x000A69E8, 0x000A6A01, 0x000A6F08, 0x000A7177, 0x000A7231, 0x000A7887, 0x000A78C1, 0x000A7CD0,
    0x000A7D11, 0x000A7DB0, 0x000A7F61, 0x000A8028, 0x000A8031, 0x000A8068, 0x000A8071, 0x000A80B8,
    0x000A80C1, 0x000A8258, 0x000A8271, 0x000A82C8, 0x000A8401, 0x000A8C48, 0x000A8D01, 0x000A8E08,
    0x000A8F21, 0x000A8FF8, 0x000A9001, 0x000A9268, 0x000A9301, 0x000A9478, 0x000A9521, 0x000A9808,
    0x000A9831, 0x000A9B38, 0x000A9B41, 0x000A9B68, 0x000A9BA1, 0x000A9BC8, 0x000A9BE1, 0x000A9E58,
    0x000A9E61, 0x000AA298, 0x000AA2F1, 0x000AA318, 0x000AA331, 0x000AA358, 0x000AA401, 0x000AA438,
    0x000AA441, 0x000AA4C8, 0x000AA4D1, 0x000AA7C8, 0x000AA7D1, 0x000AAB08, 0x000AAB11, 0x000AAB28,
    0x000AAB51, 0x000AAB78, 0x000AAB91, 0x000AABE8, 0x000AAC01, 0x000AAC18, 0x000AAC21, 0x000AAEC8,
    0x000AAEE1, 0x000AAF68, 0x000AB011, 0x000ABE58, 0x000ABE61, 0x000ABE88, 0x000ABE91, 0x000ABED8,
    0x000ABF01, 0x000FB1E8, 0x000FE733, 0x00100001, 0x00101FD8, 0x00102801, 0x00102E08, 0x00103001,
    0x00103768, 0x00103801, 0x00105C00, 0x00106001, 0x00108002, 0x00109400, 0x00109802, 0x0010A018,
    0x0010A102, 0x0010A388, 0x0010A602, 0x0010AE58, 0x0010B002, 0x0010D003, 0x0010D248, 0x0010D304,
    0x0010D400, 0x0010E802, 0x0010EAB8, 0x0010EB02, 0x0010EC20, 0x0010F002, 0x0010F303, 0x0010F468,
    0x0010F702, 0x0010F828, 0x0010FB02, 0x00110001, 0x00110018, 0x00110021, 0x00110388, 0x00110661,
    0x00110708, 0x00110711, 0x00110738, 0x00110751, 0x001107F8, 0x00110821, 0x00110B38, 0x00110B71,
    0x00110B98, 0x00110D01, 0x00111008, 0x00111031, 0x00111278, 0x001112C1, 0x001112D8, 0x00111361,
    0x00111738, 0x00111761, 0x00111808, 0x00111821, 0x00111B68, 0x00111BF1, 0x00111C98, 0x00111CE1,
    0x00111CF8, 0x00111D01, 0x001122F8, 0x00112321, 0x00112348, 0x00112351, 0x00112368, 0x001123F0,
    0x00112801, 0x00112DF8, 0x00112E01, 0x00112E38, 0x00112F01, 0x00113008, 0x00113021, 0x001133B8,
    0x001133D1, 0x00113408, 0x00113411, 0x00113668, 0x00113800, 0x00114001, 0x00114388, 0x00114401,
    0x00114428, 0x00114451, 0x00114468, 0x00114471, 0x001145E8, 0x001145F1, 0x00114B38, 0x00114B91,
    0x00114BA8, 0x00114BB1, 0x00114BF8, 0x00114C11, 0x00114C28, 0x00114C41, 0x00115B28, 0x00115B81,
    0x00115BC8, 0x00115BE1, 0x00115BF8, 0x00115D81, 0x00115DC8, 0x00116001, 0x00116338, 0x001163B1,
    0x001163D8, 0x001163E1, 0x001163F8, 0x00116441, 0x00116AB8, 0x00116AC1, 0x00116AD8, 0x00116AE1,
    0x00116B08, 0x00116B61, 0x00116B78, 0x00116B81, 0x00116D00, 0x00117001, 0x001171D8, 0x00117201,
    0x00117228, 0x00117261, 0x00117278, 0x00117301, 0x001182F8, 0x00118381, 0x00118398, 0x00118C01,
    0x001193B8, 0x001193D1, 0x001193E8, 0x001193F1, 0x00119438, 0x00119501, 0x00119D48, 0x00119DC1,
    0x00119E08, 0x00119E11, 0x0011A018, 0x0011A071, 0x0011A098, 0x0011A0B1, 0x0011A338, 0x0011A391,
    0x0011A3B8, 0x0011A501, 0x0011A518, 0x0011A571, 0x0011A598, 0x0011A5C1, 0x0011A8A8, 0x0011A971,
    0x0011A988, 0x0011A9D1, 0x0011B0A0, 0x0011C001, 0x0011C308, 0x0011C3E1, 0x0011C928, 0x0011CA91,
    0x0011CAA8, 0x0011CB11, 0x0011CB28, 0x0011CB41, 0x0011CB58, 0x0011D001, 0x0011D318, 0x0011D461,
    0x0011D478, 0x0011D501, 0x0011D908, 0x0011D931, 0x0011D958, 0x0011D961, 0x0011D978, 0x0011D981,
    0x0011DB00, 0x0011EE01, 0x0011EF38, 0x0011EF51, 0x0011F000, 0x0011FB01, 0x001342F0, 0x00144001,
    0x00161000, 0x00168001, 0x0016AF08, 0x0016B001, 0x0016B308, 0x0016B401, 0x0016D400, 0x0016E601,
    0x0016EBB0, 0x0016F001, 0x0016F4F8, 0x0016F501, 0x0016F8F8, 0x0016F931, 0x0016FE48, 0x0016FF01,
    0x0016FF20, 0x00170001, 0x00187F80, 0x00188001, 0x0018CD60, 0x0018D001, 0x0018D090, 0x001AFF01,
    0x001B1270, 0x001B1501, 0x001B1550, 0x001B1641, 0x001B1680, 0x001B1701, 0x001BC9D8, 0x001D2500,
    0x001DA008, 0x001DF001, 0x001DF1F0, 0x001E0008, 0x001E08F0, 0x001E1001, 0x001E1308, 0x001E1371,
    0x001E2AE8, 0x001E2C01, 0x001E2EC8, 0x001E2F01, 0x001E4D00, 0x001E7E01, 0x001E8002, 0x001E8D08,
    0x001E9222, 0x001E9448, 0x001E94B2, 0x00200001, 0x002B7390, 0x002B7401, 0x002B81E0, 0x002B8201,
    0x002CEA20, 0x002CEB01, 0x002EBF00, 0x00300001, 0x00313500,
    ];

    /// Script Greek (for the CONTEXTO rules), half-open ranges.
    pub(super) static GREEK: [(u32, u32); 37] = [
    (0x370, 0x374), (0x375, 0x378), (0x37A, 0x37E), (0x37F, 0x380), (0x384, 0x385),
    (0x386, 0x387), (0x388, 0x38B), (0x38C, 0x38D), (0x38E, 0x3A2), (0x3A3, 0x3E2),
    (0x3F0, 0x400), (0x1D26, 0x1D2B), (0x1D5D, 0x1D62), (0x1D66, 0x1D6B), (0x1DBF, 0x1DC0),
    (0x1F00, 0x1F16), (0x1F18, 0x1F1E), (0x1F20, 0x1F46), (0x1F48, 0x1F4E), (0x1F50, 0x1F58),
    (0x1F59, 0x1F5A), (0x1F5B, 0x1F5C), (0x1F5D, 0x1F5E), (0x1F5F, 0x1F7E), (0x1F80, 0x1FB5),
    (0x1FB6, 0x1FC5), (0x1FC6, 0x1FD4), (0x1FD6, 0x1FDC), (0x1FDD, 0x1FF0), (0x1FF2, 0x1FF5),
    (0x1FF6, 0x1FFF), (0x2126, 0x2127), (0xAB65, 0xAB66), (0x10140, 0x1018F), (0x101A0, 0x101A1),
    (0x1D200, 0x1D246), (0x1DFF3, 0x1DFF5),
    ];

    /// Script Hebrew (for the CONTEXTO rules), half-open ranges.
    pub(super) static HEBREW: [(u32, u32); 9] = [
    (0x591, 0x5CA), (0x5D0, 0x5EB), (0x5EF, 0x5F5), (0xFB1D, 0xFB37), (0xFB38, 0xFB3D),
    (0xFB3E, 0xFB3F), (0xFB40, 0xFB42), (0xFB43, 0xFB45), (0xFB46, 0xFB50),
    ];

    /// Script Hiragana/Katakana/Han (for the CONTEXTO rules), half-open ranges.
    pub(super) static HIRAGANA_KATAKANA_HAN: [(u32, u32); 43] = [
    (0x2E80, 0x2E9A), (0x2E9B, 0x2EF4), (0x2F00, 0x2FD6), (0x3005, 0x3006), (0x3007, 0x3008),
    (0x3021, 0x302A), (0x3038, 0x303C), (0x3041, 0x3097), (0x309D, 0x30A0), (0x30A1, 0x30FB),
    (0x30FD, 0x3100), (0x31F0, 0x3200), (0x32D0, 0x32FF), (0x3300, 0x3358), (0x3400, 0x4DC0),
    (0x4E00, 0xA000), (0xF900, 0xFA6E), (0xFA70, 0xFADA), (0xFF66, 0xFF70), (0xFF71, 0xFF9E),
    (0x16FE2, 0x16FE4), (0x16FF0, 0x16FF7), (0x1AFF0, 0x1AFF4), (0x1AFF5, 0x1AFFC), (0x1AFFD, 0x1AFFF),
    (0x1B000, 0x1B001), (0x1B001, 0x1B120), (0x1B120, 0x1B123), (0x1B123, 0x1B124), (0x1B124, 0x1B129),
    (0x1B132, 0x1B133), (0x1B150, 0x1B153), (0x1B155, 0x1B156), (0x1B164, 0x1B169), (0x1F200, 0x1F201),
    (0x20000, 0x2A6E0), (0x2A700, 0x2B81F), (0x2B820, 0x2CEAE), (0x2CEB0, 0x2EBE1), (0x2EBF0, 0x2EE5E),
    (0x2F800, 0x2FA1E), (0x30000, 0x3134B), (0x31350, 0x3347A),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII pass of `check_local` gives the general check's result: every string of up
    /// to three characters over all of ASCII (controls and DEL included), and longer ones
    /// made from dots, letters and a few refused characters in every order.
    #[test]
    fn check_local_ascii_pass_is_the_general_check() {
        let ascii: Vec<char> = (0u8..0x80).map(char::from).collect();
        let mut inputs: Vec<String> = ascii.iter().map(|c| c.to_string()).collect();
        for &a in &ascii {
            for &b in &ascii {
                inputs.push(format!("{a}{b}"));
            }
        }
        let small = ['.', 'a', 'Z', '9', '+', '@', ' ', '"', '(', '\\', '\u{7f}'];
        for &a in &small {
            for &b in &small {
                for &c in &small {
                    inputs.push(format!("{a}{b}{c}"));
                    for &d in &small {
                        inputs.push(format!("{a}{b}{c}{d}"));
                        inputs.push(format!("jane{a}{b}{c}{d}doe"));
                    }
                }
            }
        }
        for s in &inputs {
            assert_eq!(check_local(s), check_local_general(s), "{s:?}");
        }
    }

    /// The ASCII shortcut of `is_name_char` is the pattern's class.
    #[test]
    fn ascii_name_chars() {
        for c in (0..128u8).map(char::from) {
            let general =
                c == '_' || category(c) == Cat::LetterNumber || ".!#$%&'*+-/=?^`{|}~".contains(c);
            assert_eq!(is_name_char(c), general, "{c:?}");
        }
    }

    /// The plain ASCII path gives the general path's output on generated addresses: pieces
    /// of local parts and domains in every order, with white space, `mailto:`, display names,
    /// line breaks, special-use names, A-labels, long labels and non-ASCII characters.
    #[test]
    fn plain_output_is_the_general_path() {
        let long_label = "a".repeat(64);
        let max_label = "b".repeat(63);
        let local_pieces: &[&str] = &[
            "jane", "Jane", "DOE", "info", "INFO", "Sales", "+", "_", "1", ".", "..", "-", "!",
            "\"", "<", " ", "é", "(", "@", "a",
        ];
        let domain_pieces: &[&str] = &[
            "acme",
            "ACME",
            "com",
            "Com",
            "1",
            "9",
            ".",
            "-",
            "xn--mnchen-3ya",
            "--",
            "xn--",
            ".",
            "local",
            "test",
            "localhost",
            "arpa",
            "onion",
            "invalid",
            "ü",
            "_",
            "[",
            "]",
            "<",
            ">",
            long_label.as_str(),
            max_label.as_str(),
            "gmail",
            "gmial",
            "con",
            "@",
        ];
        let before: &[&str] = &[
            "", "", "", " ", "\t", "\u{1c}", "\u{a0}", "mailto:", "MAILTO: ", "Jane <", "\"J\" <",
            "\n",
        ];
        let after: &[&str] = &[
            "",
            "",
            "",
            " ",
            "\r\n",
            "\u{1f}",
            "?subject=x",
            ">",
            "> ",
            "\u{3000}",
            "?a@b",
        ];
        let mut rng = crate::test_rng::XorShift(0x2545_F491_4F6C_DD1D);
        let mut fast = 0;
        for i in 0..80_000 {
            let mut s = String::from(*rng.pick::<&str>(before));
            // Half the inputs are built from pieces that mostly make a plain address.
            let plain = i % 2 == 0;
            for _ in 0..1 + rng.below(4) {
                let pieces = if plain {
                    &local_pieces[..10]
                } else {
                    local_pieces
                };
                s.push_str(rng.pick::<&str>(pieces));
            }
            if !rng.chance(5) {
                s.push('@');
            }
            for _ in 0..1 + rng.below(6) {
                let pieces = if plain {
                    &domain_pieces[..8]
                } else {
                    domain_pieces
                };
                s.push_str(rng.pick::<&str>(pieces));
            }
            if rng.chance(70) {
                s.push_str(rng.pick::<&str>(&[".com", ".co.uk", ".de", ".c0m", ".org"]));
            }
            s.push_str(rng.pick::<&str>(after));
            if i == 0 {
                s = format!("{}@{}.com", "x".repeat(64), "y".repeat(185));
            }
            let Ok(email) = extract(&s) else {
                continue;
            };
            for case in [EmailCase::Lower, EmailCase::PreserveLocal] {
                let general = validate(email).map(|a| a.output(case));
                if let Some(plain) = plain_output(email, case) {
                    fast += 1;
                    assert_eq!(Ok(plain), general, "{s:?} {case:?}");
                }
            }
        }
        assert!(fast > 10_000, "only {fast} inputs took the plain path");
    }

    fn ok(s: &str) -> String {
        match normalize(s, &Options::default()) {
            Ok(n) => n.value,
            Err(e) => panic!("{s:?} refused: {}", e.message),
        }
    }

    fn reason(s: &str) -> Reason {
        match parse(s) {
            Ok(a) => panic!("{s:?} accepted as {a:?}"),
            Err(r) => r,
        }
    }

    fn codes(s: &str) -> Vec<&'static str> {
        normalize(s, &Options::default())
            .unwrap()
            .warnings
            .iter()
            .map(|w| w.code.as_str())
            .collect()
    }

    #[test]
    fn nfc_leaves_ascii_alone() {
        // validate_local skips NFC for ASCII on this ground.
        let all: String = (0..128u8).map(char::from).collect();
        assert_eq!(nfc(&all), all);
        let pairs: String = (0..128u8)
            .flat_map(|a| (0..128u8).flat_map(move |b| [char::from(a), char::from(b)]))
            .collect();
        assert_eq!(nfc(&pairs), pairs);
    }

    #[test]
    fn ascii_hostname_characters_are_safe() {
        // validate_domain skips check_unsafe for ASCII domains on this ground.
        for c in (0..128u8).map(char::from).filter(|&c| is_hostname_char(c)) {
            assert!(
                matches!(category(c), Cat::LetterNumber | Cat::PunctuationSymbol),
                "{c:?}"
            );
        }
    }

    #[test]
    fn normalizes() {
        for (input, want) in [
            ("  Jane.Doe@ACME.com ", "jane.doe@acme.com"),
            ("\t\u{a0}jane@acme.com\u{3000}\u{1c}", "jane@acme.com"),
            ("mailto:jane@acme.com", "jane@acme.com"),
            (
                "MailTo:Jane@Acme.com?subject=Hello%20there&cc=x@y.com",
                "jane@acme.com",
            ),
            ("Jane Doe <jane@acme.com>", "jane@acme.com"),
            ("\"Jane Doe\" <jane@acme.com>", "jane@acme.com"),
            ("\"Doe, Jane\" <jane@acme.com>", "jane@acme.com"),
            ("Jane <mailto:jane@acme.com>", "jane@acme.com"),
            ("<jane@acme.com>", "jane@acme.com"),
            ("José <jose@acme.com>", "jose@acme.com"),
            ("\"a\"b\" <jane@acme.com>", "jane@acme.com"),
            ("Jane < jane@acme.com >", "jane@acme.com"),
            ("jane@xn--mnchen-3ya.de", "jane@münchen.de"),
            ("jane@XN--MNCHEN-3YA.DE", "jane@münchen.de"),
            ("jane@MÜNCHEN.de", "jane@münchen.de"),
            ("jane@ｅｘａｍｐｌｅ。com", "jane@example.com"),
            ("Jose\u{301}@acme.com", "jos\u{e9}@acme.com"),
            ("ΣΑΣ@acme.com", "σας@acme.com"),
            ("用户@例子.广告", "用户@例子.广告"),
            ("jane@faß.de", "jane@faß.de"),
            ("user+tag@sub.acme.co.uk", "user+tag@sub.acme.co.uk"),
            (
                "!#$%&'*+-/=?^_`{|}~@acme.com",
                "!#$%&'*+-/=?^_`{|}~@acme.com",
            ),
            ("jane@l·l.cat", "jane@l·l.cat"),
            ("jane@xn--4dbc.com", "jane@אב.com"),
        ] {
            assert_eq!(ok(input), want, "{input:?}");
            assert_eq!(ok(want), want, "idempotent: {want:?}");
        }
    }

    #[test]
    fn preserve_local() {
        let keep = Options {
            email_case: EmailCase::PreserveLocal,
            ..Options::default()
        };
        for (input, want) in [
            ("Jane.Doe@ACME.COM", "Jane.Doe@acme.com"),
            ("INFO@Acme.com", "info@acme.com"),
            ("Info+x@Acme.com", "Info+x@acme.com"),
            ("Jose\u{301}@acme.com", "Jos\u{e9}@acme.com"),
        ] {
            assert_eq!(normalize(input, &keep).unwrap().value, want, "{input:?}");
            assert_eq!(normalize(want, &keep).unwrap().value, want);
        }
    }

    #[test]
    fn lower_casing_never_breaks_the_address() {
        // `İ` lower-cases to `i` + U+0307: two bytes more. At the 254-byte limit the API's own
        // normalized form is kept instead.
        let domain = format!(
            "{}.{}.{}.com",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(63)
        );
        let local = format!("{}\u{130}", "x".repeat(254 - domain.len() - 1 - 2));
        let address = format!("{local}@{domain}");
        assert_eq!(address.len(), 254);
        assert_eq!(ok(&address), address);
        assert_eq!(ok("\u{130}@acme.com"), "i\u{307}@acme.com");
    }

    #[test]
    fn refuses() {
        use Reason::*;
        for (input, want) in [
            ("jane@acme", DomainNoPeriod),
            ("jane", NoAtSign),
            ("jane＠acme.com", NoAtSign),
            ("@acme.com", LocalEmpty),
            ("jane@", DomainEmpty),
            ("\"jane\"@acme.com", QuotedLocal),
            ("\"jane doe\"@acme.com", QuotedLocal),
            ("jane@[192.0.2.1]", DomainLiteral),
            ("jane@[IPv6:2001:db8::1]", DomainLiteral),
            ("jane@localhost", DomainNoPeriod),
            ("jane@printer.local", SpecialUse),
            ("jane@acme.test", SpecialUse),
            ("jane@x.invalid", SpecialUse),
            ("jane@abc.onion", SpecialUse),
            ("jane@1.0.0.127.in-addr.arpa", SpecialUse),
            ("jane@acme.123", DomainTld),
            ("jane@acme.c0", DomainTld),
            ("jane.@acme.com", LocalDots),
            (".jane@acme.com", LocalDots),
            ("ja..ne@acme.com", LocalDots),
            ("ja ne@acme.com", LocalCharacters),
            ("ja(ne)@acme.com", LocalCharacters),
            ("ja\u{a0}ne@acme.com", Unsafe),
            ("ja\u{200b}ne@acme.com", Unsafe),
            ("\u{301}jane@acme.com", Unsafe),
            ("ja\u{378}ne@acme.com", Unsafe),
            ("ja\u{e000}ne@acme.com", Unsafe),
            ("jane@acme..com", DomainDotsHyphens),
            ("jane@-acme.com", DomainDotsHyphens),
            ("jane@acme-.com", DomainDotsHyphens),
            ("jane@ab--cd.com", DomainDotsHyphens),
            ("jane@acme.com.", DomainDotsHyphens),
            ("jane@acme_corp.com", DomainCharacters),
            ("jane@acme.com>", DomainCharacters),
            ("jane@⒈.com", DomainCharacters),
            ("jane@a\u{fffd}.com", DomainCharacters),
            ("jane@i❤.ws", DomainIdna),
            ("jane@xn--ls8h.la", DomainIdna),
            ("jane@xn---bbk.com", DomainIdna),
            ("jane@xn--.com", DomainDotsHyphens),
            ("jane@xn--a.com", DomainIdna),
            ("jane@xn--99999999.com", DomainIdna),
            ("jane@a·.cat", DomainIdna),
            ("jane@1.xn--4dbc.com", DomainIdna),
            ("jane@xn--4dbc.1.com", DomainIdna),
            ("Doe, Jane <jane@acme.com>", DisplayName),
            ("Jane <jane@acme.com", DisplayName),
            ("<jane@acme.com> x", DisplayName),
            ("jane@acme.com\r\nBcc: x@y.com", LineBreak),
            ("jane\n@acme.com", LineBreak),
            ("mailto:", NoAtSign),
        ] {
            assert_eq!(reason(input), want, "{input:?}");
            assert_eq!(
                normalize(input, &Options::default()).unwrap_err().code,
                Code::EmailInvalid
            );
        }
    }

    #[test]
    fn lengths() {
        // 64 + 1 + 189 = 254 bytes: the most there can be.
        let domain = format!(
            "{}.{}.{}.com",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(57)
        );
        assert_eq!(domain.len(), 189);
        let at_limit = format!("{}@{domain}", "x".repeat(64));
        assert_eq!(ok(&at_limit), at_limit);
        assert_eq!(reason(&format!("x{at_limit}")), Reason::TooLong);
        assert_eq!(
            reason(&format!("jane@{}.com", "a".repeat(64))),
            Reason::TooLong
        );
        // The length of the ASCII form counts: 190 bytes of Punycode behind 93 characters.
        let idn = format!(
            "jane@{}.de",
            ["ü".repeat(25), "ö".repeat(25), "ä".repeat(25)].join(".")
        );
        assert!(ok(&idn).ends_with(".de"));
        let idn = format!(
            "{}@{}.de",
            "x".repeat(80),
            vec!["ü".repeat(30); 5].join(".")
        );
        assert_eq!(reason(&idn), Reason::TooLong);
        // pydantic's cap on the whole value: 2,048 characters, leading and trailing spaces
        // included; refused at once however long the value is.
        let padded = format!("{}jane@acme.com", " ".repeat(2048 - 13));
        assert_eq!(ok(&padded), "jane@acme.com");
        assert_eq!(reason(&format!(" {padded}")), Reason::TooLong);
        assert_eq!(reason(&"a".repeat(20_000_000)), Reason::TooLong);
        let name = format!("\"{}\" <jane@acme.com>", "n".repeat(2000));
        assert_eq!(ok(&name), "jane@acme.com");
    }

    #[test]
    fn long_hostile_input_is_linear() {
        // Quadratic scans would take minutes on these.
        let many_quotes = format!("\"{}<x>", "\" ".repeat(1000));
        assert!(parse(&many_quotes).is_err());
        let many_words = format!("{}<jane@acme.com", "a ".repeat(1000));
        assert!(parse(&many_words).is_err());
    }

    #[test]
    fn warnings_for_typos_free_mail_and_roles() {
        for (input, want) in [
            ("jane@gmial.com", "jane@gmail.com"),
            ("jane@gmal.com", "jane@gmail.com"),
            ("jane@hotmial.com", "jane@hotmail.com"),
            ("jane@yaho.com", "jane@yahoo.com"),
            ("jane@gmail.con", "jane@gmail.com"),
            ("jane@gmial.con", "jane@gmail.com"),
            ("jane@gmail.co", "jane@gmail.com"),
            ("jane@acme.con", "jane@acme.com"),
            ("jane@acme.cmo", "jane@acme.com"),
            ("jane@acme.ocm", "jane@acme.com"),
            ("jane@acme.comm", "jane@acme.com"),
            ("jane@acme.coom", "jane@acme.com"),
            ("jane@mail.acme.con", "jane@mail.acme.com"),
            ("jane@acme.ogr", "jane@acme.org"),
        ] {
            let out = normalize(input, &Options::default()).unwrap();
            assert_eq!(out.warnings.len(), 1, "{input:?}");
            assert_eq!(out.warnings[0].code, Code::EmailTypo);
            let suggestion = &out.warnings[0].ctx.as_ref().unwrap()["suggestion"];
            assert_eq!(suggestion, want, "{input:?}");
            assert_eq!(ok(want), want, "the suggestion is valid");
        }
        assert_eq!(codes("jane@gmail.com"), ["email_free_provider"]);
        assert_eq!(codes("Jane@GoogleMail.com"), ["email_free_provider"]);
        assert_eq!(codes("info@acme.com"), ["email_role_account"]);
        assert_eq!(codes("No-Reply+news@acme.com"), ["email_role_account"]);
        assert_eq!(
            codes("support@gmail.com"),
            ["email_free_provider", "email_role_account"]
        );
        assert_eq!(
            codes("sales@gmial.com"),
            ["email_typo", "email_role_account"]
        );
        // Real domains and real top-level domains are not typos.
        for quiet in [
            "jane@acme.co",
            "jane@acme.cm",
            "jane@acme.om",
            "jane@acme.com.co",
            "jane@gmail.acme.com",
            "jane@email.cz",
            "jane@mail.co.uk",
            "jane@acme.net",
            "jane@acme.org",
            "jane@acme.community",
            "jane@acme.co.uk",
            "jane@hotmail.co.uk",
            "jane@yahoo.co.jp",
            "information.desk@acme.com",
            "jane.info@acme.com",
            "jane@acme.io",
        ] {
            assert!(!codes(quiet).contains(&"email_typo"), "{quiet:?}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // the psl crate is native-only
    fn typo_tables_are_sorted_and_not_real_tlds() {
        assert!(TLD_TYPOS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(DOMAIN_TYPOS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ROLE_ACCOUNTS.windows(2).all(|w| w[0] < w[1]));
        for (typo, _) in TLD_TYPOS {
            let name = format!("acme.{typo}");
            let suffix = psl::suffix(name.as_bytes()).unwrap();
            assert!(!suffix.is_known(), "{typo} is a real top-level domain");
        }
        for (typo, fixed) in DOMAIN_TYPOS {
            assert!(crate::free_mail::is_free_mail_domain(fixed), "{fixed}");
            assert!(!crate::free_mail::is_free_mail_domain(typo), "{typo}");
        }
        // What typo_fix, lookup and is_role_account rest on.
        assert!(TLD_TYPOS.iter().all(|(t, _)| (3..=4).contains(&t.len())));
        assert!(TLD_TYPOS
            .iter()
            .chain(&DOMAIN_TYPOS)
            .all(|(t, _)| !t.contains('\0')));
        for (typo, _) in DOMAIN_TYPOS {
            let tld = typo.rsplit_once('.').unwrap().1;
            assert!(["co", "cm", "om", "com"].contains(&tld), "{typo}");
        }
        for r in ROLE_ACCOUNTS {
            assert!(r.len() <= 16, "{r}");
            assert!(r
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'_'));
        }
    }

    /// The shortcut of `trim` is the general trim on generated strings.
    #[test]
    fn trim_shortcut_is_the_general_trim() {
        let pieces = [
            "a", " ", "\t", "\u{1c}", "\u{1f}", "\u{a0}", "\u{3000}", "\u{7f}", "é", "@", "\n",
        ];
        let mut rng = crate::test_rng::XorShift(0x0DDB_1A5E_5BAD_5EED);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..rng.below(5) {
                s.push_str(rng.pick::<&str>(&pieces));
            }
            assert_eq!(trim(&s), s.trim_matches(is_py_space), "{s:?}");
        }
    }

    /// The ASCII shortcuts of `category`, `bidi` and `is_pvalid` give the tables' answers.
    #[test]
    fn ascii_shortcuts_are_the_tables() {
        for c in (0..128u8).map(char::from) {
            assert_eq!(category(c), category_in_table(c), "{c:?}");
            assert_eq!(bidi(c), bidi_in_table(c), "{c:?}");
            assert_eq!(is_pvalid(c), in_ranges(tables::pvalid(), c), "{c:?}");
        }
    }

    /// The bits of `ATEXT` are RFC 5322's atext.
    #[test]
    fn atext_bits() {
        for c in (0..=0x2FFu32).filter_map(char::from_u32) {
            let general = c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
            assert_eq!(is_atext(c), general, "{c:?}");
        }
    }

    /// The shortcuts of typo_fix and is_role_account give the plain searches' results (the
    /// general path: every table entry compared) on generated domains and local parts.
    #[test]
    fn warning_lookups_are_the_general_path() {
        fn typo_general(domain: &str) -> Option<String> {
            let (head, tld) = domain.rsplit_once('.')?;
            let tld_fixed = TLD_TYPOS.iter().find(|(k, _)| *k == tld).map(|(_, v)| *v);
            let candidate = match tld_fixed {
                Some(t) => format!("{head}.{t}"),
                None => domain.to_owned(),
            };
            match DOMAIN_TYPOS.iter().find(|(k, _)| *k == candidate) {
                Some((_, fixed)) => Some((*fixed).to_owned()),
                None => tld_fixed.map(|_| candidate),
            }
        }
        fn role_general(local: &str) -> bool {
            let base = local.split_once('+').map_or(local, |(b, _)| b);
            ROLE_ACCOUNTS.iter().any(|r| r.eq_ignore_ascii_case(base))
        }
        let mut pieces: Vec<&str> = vec![
            "", ".", "+", "-", "_", "a", "Z", "1", "é", "com", "co", "cm", "om", "c0m", "CON",
        ];
        pieces.extend(TLD_TYPOS.iter().flat_map(|(k, v)| [*k, *v]));
        pieces.extend(DOMAIN_TYPOS.iter().flat_map(|(k, v)| [*k, *v]));
        pieces.extend(ROLE_ACCOUNTS);
        pieces.extend(["INFO", "No-Reply", "Do_Not_Reply", "customerservicex"]);
        let mut rng = crate::test_rng::XorShift(0x1234_5678_9ABC_DEF1);
        let (mut typos, mut roles) = (0, 0);
        for _ in 0..200_000 {
            let mut s = String::new();
            for _ in 0..1 + rng.below(3) {
                s.push_str(rng.pick::<&str>(&pieces));
            }
            let typo = typo_fix(&s);
            assert_eq!(typo, typo_general(&s), "{s:?}");
            typos += usize::from(typo.is_some());
            let role = is_role_account(&s);
            assert_eq!(role, role_general(&s), "{s:?}");
            roles += usize::from(role);
        }
        assert!(typos > 1_000 && roles > 1_000, "{typos} {roles}");
    }

    #[test]
    fn display_name_pattern() {
        assert_eq!(display_name_address("Jane Doe <a@b.c>"), Some("a@b.c"));
        assert_eq!(display_name_address("  <a@b.c>  "), Some("a@b.c"));
        assert_eq!(
            display_name_address("\"x\" <y> \"z\" <a@b.c>"),
            Some("a@b.c")
        );
        assert_eq!(
            display_name_address("\"x\" <a@b.c> \"<>"),
            Some("a@b.c> \"<")
        );
        assert_eq!(
            display_name_address("Jane <a@b.c> <d@e.f>"),
            Some("a@b.c> <d@e.f")
        );
        assert_eq!(display_name_address("J.D. <a@b.c>"), Some("a@b.c"));
        assert_eq!(display_name_address("Jane<a@b.c>"), Some("a@b.c"));
        assert_eq!(display_name_address("Jane <>"), None);
        assert_eq!(display_name_address("Doe, Jane <a@b.c>"), None);
        assert_eq!(display_name_address("Jose\u{301} <a@b.c>"), None);
        assert_eq!(display_name_address("\"\" <a@b.c>"), None);
        assert_eq!(display_name_address("a@b.c"), None);
        assert_eq!(display_name_address("♥ <a@b.c>"), None);
    }

    #[test]
    fn unicode_tables() {
        assert_eq!(category('a'), Cat::LetterNumber);
        assert_eq!(category('٣'), Cat::LetterNumber);
        assert_eq!(category('-'), Cat::PunctuationSymbol);
        assert_eq!(category('\u{301}'), Cat::Mark);
        assert_eq!(category('\u{3000}'), Cat::SpaceSeparator);
        assert_eq!(category('\u{200b}'), Cat::Other);
        assert_eq!(category('\u{378}'), Cat::Other);
        // Assigned in Unicode 15, so unassigned for the API.
        assert_eq!(category('\u{1F6DC}'), Cat::Other);
        assert_eq!(category(char::MAX), Cat::Other);
        assert!(is_pvalid('a') && is_pvalid('ü') && !is_pvalid('A') && !is_pvalid('❤'));
        assert_eq!(bidi('a'), Bidi::L);
        assert_eq!(bidi('א'), Bidi::R);
        assert_eq!(bidi('ا'), Bidi::AL);
        assert_eq!(bidi('1'), Bidi::EN);
        // The packed forms give back the tables exactly.
        assert_eq!(tables::category(), &tables::CATEGORY[..]);
        assert_eq!(tables::pvalid(), &tables::PVALID[..]);
        assert_eq!(tables::bidi(), &tables::BIDI[..]);
    }

    #[test]
    fn normalize_is_idempotent_and_output_passes_again() {
        for input in [
            "Jane Doe <Jane.Doe@MÜNCHEN.de>",
            "mailto:X@xn--4dbc.com",
            "\u{212A}elvin@acme.com",
            "ǅ@acme.com",
            "ﬀ@acme.com",
            "ẞtraße@acme.com",
            "\u{130}stanbul@acme.com",
        ] {
            for case in [EmailCase::Lower, EmailCase::PreserveLocal] {
                let opts = Options {
                    email_case: case,
                    ..Options::default()
                };
                let once = normalize(input, &opts).unwrap().value;
                assert_eq!(normalize(&once, &opts).unwrap().value, once, "{input:?}");
            }
        }
    }
}
