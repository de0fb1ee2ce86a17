//! UTS #46 processing (non-transitional), as the `idna` crate 1.1.0 does it: the mapping, and
//! ToASCII with its exact checks (ASCII deny lists, hyphens, Punycode labels and their
//! round trip through the validating normalization, a leading combining mark, ContextJ, the
//! Bidi Rule, DNS lengths). The tests hold it to `idna` and `icu_normalizer` on every code
//! point, on Unicode's IdnaTestV2.txt and on generated hosts.

use super::punycode;
use super::tables::{self, Bidi, Joining, Mapping};
use std::borrow::Cow;

/// The longest Punycode `idna` decodes (after `xn--`).
const PUNYCODE_DECODE_MAX_INPUT_LENGTH: usize = 2000;
/// The longest non-ASCII label `idna` encodes, in characters.
const PUNYCODE_ENCODE_MAX_INPUT_LENGTH: usize = 1000;

/// The ASCII characters a caller refuses in a host, as a bit set (bit `b` for byte `b`); upper
/// case letters are always in it, and are lower-cased instead of refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DenyList(u128);

/// Bits of the ASCII upper case letters.
const UPPER_CASE: u128 = ((1u128 << 26) - 1) << b'A';

impl DenyList {
    /// STD3 rules: everything but lower-case letters, digits, `-` and `.`.
    pub(crate) const STD3: DenyList = DenyList(
        !(((1u128 << 26) - 1) << b'a' | ((1u128 << 10) - 1) << b'0' | 1 << b'-' | 1 << b'.'),
    );
    /// The URL Standard's forbidden domain code points: C0 controls, space, DEL and
    /// `%#/:<>?@[\]^|`.
    pub(crate) const URL: DenyList = DenyList(
        UPPER_CASE
            | ((1u128 << 0x21) - 1)
            | 1 << 0x7f
            | 1 << b'%'
            | 1 << b'#'
            | 1 << b'/'
            | 1 << b':'
            | 1 << b'<'
            | 1 << b'>'
            | 1 << b'?'
            | 1 << b'@'
            | 1 << b'['
            | 1 << b'\\'
            | 1 << b']'
            | 1 << b'^'
            | 1 << b'|',
    );
    /// Nothing refused (upper case still lower-cased).
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) const EMPTY: DenyList = DenyList(UPPER_CASE);

    /// Whether ASCII byte `b` is in the list.
    fn denies(self, b: u32) -> bool {
        b < 128 && self.0 & (1u128 << b) != 0
    }
}

/// What ToASCII checks about hyphens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hyphens {
    /// Nothing.
    Allow,
    /// No label starts or ends with `-`.
    CheckFirstLast,
    /// That, and no `-` in both the third and the fourth place.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    Check,
}

/// Whether ToASCII checks DNS lengths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DnsLength {
    /// No.
    Ignore,
    /// Labels of 1 to 63 bytes, at most 253 bytes, no trailing dot.
    Verify,
    /// The same, with a trailing dot allowed.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    VerifyAllowRootDot,
}

/// NFC of `s` (our own tables, src/unicode/).
fn nfc(s: &str) -> Cow<'_, str> {
    crate::unicode::nfc(s)
}

/// Whether the Canonical_Combining_Class of `c` is Virama (9).
fn is_virama(c: char) -> bool {
    crate::unicode::canonical_combining_class(c) == 9
}

/// [`is_virama`], for the tests' comparison with `idna`'s.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn is_virama_for_tests(c: char) -> bool {
    is_virama(c)
}

/// Appends the UTS #46 mapping of `s` to `out` (disallowed characters as U+FFFD; ignored ones
/// dropped, or as U+FFFD when `ignored_as_error`), before normalization.
fn push_mapped(s: impl Iterator<Item = char>, ignored_as_error: bool, out: &mut String) {
    for c in s {
        match tables::mapping(c) {
            Mapping::Valid => out.push(c),
            Mapping::Char(m) => out.push(m),
            Mapping::Str(m) => out.push_str(m),
            Mapping::Ignored if !ignored_as_error => {}
            Mapping::Ignored | Mapping::Disallowed => out.push('\u{FFFD}'),
        }
    }
}

/// UTS #46 mapping then NFC, as `icu_normalizer`'s `Uts46Mapper::map_normalize`: disallowed
/// characters become U+FFFD, ignored ones go.
pub(crate) fn map_normalize(s: &str) -> String {
    let mut mapped = String::with_capacity(s.len());
    push_mapped(s.chars(), false, &mut mapped);
    if mapped.is_ascii() {
        // Its own NFC.
        return mapped;
    }
    match nfc(&mapped) {
        Cow::Borrowed(_) => mapped,
        Cow::Owned(n) => n,
    }
}

/// The same with ignored characters as U+FFFD too, as `Uts46Mapper::normalize_validate` (which
/// `idna` runs on decoded Punycode: only text that comes out unchanged is valid).
fn normalize_validate(chars: &[char]) -> String {
    let mut mapped = String::with_capacity(chars.len());
    push_mapped(chars.iter().copied(), true, &mut mapped);
    match nfc(&mapped) {
        Cow::Borrowed(_) => mapped,
        Cow::Owned(n) => n,
    }
}

/// Where a label of the output comes from.
#[derive(Clone, Copy)]
enum Origin<'a> {
    /// An ASCII label without `xn--`: written lower-cased.
    Ascii(&'a [u8]),
    /// An ASCII `xn--` label: written lower-cased (if it decoded to non-ASCII).
    Punycode(&'a [u8]),
    /// A mapped label: written as it is if ASCII, else Punycode-encoded.
    Mapped,
}

/// The refusal of ToASCII (`idna` gives no detail either).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Invalid;

/// UTS #46 ToASCII of `domain` (bytes: the URL parser's percent-decoding may leave invalid
/// UTF-8, which is refused) with `idna`'s `Uts46::to_ascii` semantics for these options.
pub(crate) fn to_ascii(
    domain: &[u8],
    deny: DenyList,
    hyphens: Hyphens,
    dns_length: DnsLength,
) -> Result<Cow<'_, str>, Invalid> {
    // The common case, lower-case letters and dots only, is its own ASCII form.
    let out = match domain
        .iter()
        .position(|&b| !(b.is_ascii_lowercase() || b == b'.'))
    {
        None => Cow::Borrowed(std::str::from_utf8(domain).map_err(|_| Invalid)?),
        Some(first) => {
            let label_start = domain[..first]
                .iter()
                .rposition(|&b| b == b'.')
                .map_or(0, |dot| dot + 1);
            process(domain, label_start, deny, hyphens)?
        }
    };
    let verify = match dns_length {
        DnsLength::Ignore => return Ok(out),
        DnsLength::Verify => false,
        #[cfg(all(test, not(target_arch = "wasm32")))]
        DnsLength::VerifyAllowRootDot => true,
    };
    if verify_dns_length(&out, verify) {
        Ok(out)
    } else {
        Err(Invalid)
    }
}

/// `idna`'s `verify_dns_length`.
fn verify_dns_length(name: &str, allow_trailing_dot: bool) -> bool {
    let name = match name.strip_suffix('.') {
        Some(without) if allow_trailing_dot => without,
        Some(_) => return false,
        None => name,
    };
    name.len() <= 253 && name.split('.').all(|l| (1..=63).contains(&l.len()))
}

/// A label `idna` passes through untouched at the start of the name: empty, or a lower-case
/// letter then lower-case letters, digits and hyphens, not ending with `-`, no `--` in the
/// third and fourth places.
fn is_passthrough_ascii_label(label: &[u8]) -> bool {
    if label.len() >= 4 && label[2] == b'-' && label[3] == b'-' {
        return false;
    }
    match label.split_first() {
        None => true,
        Some((first, tail)) => {
            first.is_ascii_lowercase()
                && tail
                    .iter()
                    .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && label.last() != Some(&b'-')
        }
    }
}

/// Whether `label` starts with `xn--` in any case.
fn has_punycode_prefix(label: &[u8]) -> bool {
    label.len() >= 4 && label[..2].eq_ignore_ascii_case(b"xn") && &label[2..4] == b"--"
}

/// An ASCII byte of the input through the deny list: upper case lower-cased, denied bytes
/// refused.
fn ascii_through(b: u8, deny: DenyList) -> Result<char, Invalid> {
    if !deny.denies(u32::from(b)) {
        Ok(char::from(b))
    } else if b.is_ascii_uppercase() {
        Ok(char::from(b.to_ascii_lowercase()))
    } else {
        Err(Invalid)
    }
}

/// The processing of the labels from `start` on (the ones before are passed through).
fn process(
    domain: &[u8],
    start: usize,
    deny: DenyList,
    hyphens: Hyphens,
) -> Result<Cow<'_, str>, Invalid> {
    let deny_dot = DenyList(deny.0 | 1 << b'.');
    let mut passthrough_up_to = start;
    let mut buffer: Vec<char> = Vec::with_capacity(domain.len() - start);
    let mut origins: Vec<Origin<'_>> = Vec::with_capacity(4);
    let mut seen_label = false;
    let mut in_prefix = true;
    for label in domain[start..].split(|&b| b == b'.') {
        if in_prefix && is_passthrough_ascii_label(label) {
            if seen_label {
                passthrough_up_to += 1;
            }
            seen_label = true;
            passthrough_up_to += label.len();
            continue;
        }
        if seen_label {
            if in_prefix {
                passthrough_up_to += 1;
            } else {
                buffer.push('.');
            }
        }
        seen_label = true;
        in_prefix = false;
        let mut label_start = buffer.len();
        if label.is_empty() {
            origins.push(Origin::Ascii(label));
            continue;
        }
        // The ASCII before the last ASCII character ahead of the first non-ASCII one is taken
        // as it is; the rest is mapped (so that a combining mark composes with that character).
        let (ascii, non_ascii) = match label.iter().position(|b| !b.is_ascii()) {
            None => (label, &label[label.len()..]),
            Some(p) => label.split_at(p.saturating_sub(1)),
        };
        if non_ascii.is_empty() {
            if has_punycode_prefix(ascii) {
                if ascii.last() == Some(&b'-') || ascii.len() - 4 > PUNYCODE_DECODE_MAX_INPUT_LENGTH
                {
                    return Err(Invalid);
                }
                let decoded = punycode::decode(&ascii[4..], true).ok_or(Invalid)?;
                after_punycode_decode(&mut buffer, label_start, &decoded, deny_dot)?;
                check_label(hyphens, &buffer[label_start..])?;
                origins.push(Origin::Punycode(label));
                continue;
            }
            for &b in ascii {
                buffer.push(ascii_through(b, deny)?);
            }
            check_hyphens(hyphens, &buffer[label_start..])?;
            origins.push(Origin::Ascii(label));
            continue;
        }
        for &b in ascii {
            buffer.push(ascii_through(b, deny)?);
        }
        origins.push(Origin::Mapped);
        let non_ascii = std::str::from_utf8(non_ascii).map_err(|_| Invalid)?;
        let mapped = map_normalize(non_ascii);
        let mut chars = mapped.chars();
        loop {
            let next = chars.next();
            match next {
                None | Some('.') => {
                    if buffer[label_start..].starts_with(&['x', 'n', '-', '-']) {
                        let encoded = &buffer[label_start + 4..];
                        if !encoded.iter().all(char::is_ascii)
                            || buffer.last() == Some(&'-')
                            || encoded.len() > PUNYCODE_DECODE_MAX_INPUT_LENGTH
                        {
                            return Err(Invalid);
                        }
                        let bytes: Vec<u8> = encoded.iter().map(|&c| c as u8).collect();
                        let decoded = punycode::decode(&bytes, false).ok_or(Invalid)?;
                        buffer.truncate(label_start);
                        after_punycode_decode(&mut buffer, label_start, &decoded, deny_dot)?;
                    }
                    check_label(hyphens, &buffer[label_start..])?;
                    if next.is_none() {
                        break;
                    }
                    buffer.push('.');
                    label_start = buffer.len();
                    origins.push(Origin::Mapped);
                }
                Some(c) => {
                    if c == '\u{FFFD}' || deny.denies(u32::from(c)) {
                        return Err(Invalid);
                    }
                    buffer.push(c);
                }
            }
        }
    }
    if passthrough_up_to == domain.len() {
        // Every label passed through (the input is ASCII up to here).
        return std::str::from_utf8(domain)
            .map(Cow::Borrowed)
            .map_err(|_| Invalid);
    }
    check_bidi(&buffer)?;
    let prefix = std::str::from_utf8(&domain[..passthrough_up_to]).map_err(|_| Invalid)?;
    let mut out = String::with_capacity(domain.len() + 8);
    out.push_str(prefix);
    for (i, (label, origin)) in buffer.split(|&c| c == '.').zip(origins).enumerate() {
        if i > 0 {
            out.push('.');
        }
        let is_ascii = label.iter().all(char::is_ascii);
        match origin {
            Origin::Ascii(original) => {
                out.extend(original.iter().map(|b| char::from(b.to_ascii_lowercase())));
            }
            Origin::Punycode(original) if !is_ascii => {
                out.extend(original.iter().map(|b| char::from(b.to_ascii_lowercase())));
            }
            _ if is_ascii => out.extend(label.iter()),
            _ => {
                out.push_str("xn--");
                out.push_str(&punycode::encode(label).ok_or(Invalid)?);
            }
        }
    }
    Ok(Cow::Owned(out))
}

/// After decoding an `xn--` label: its validating normalization (through `deny_dot`) must
/// give it back unchanged; appended to `buffer`.
fn after_punycode_decode(
    buffer: &mut Vec<char>,
    label_start: usize,
    decoded: &[char],
    deny_dot: DenyList,
) -> Result<(), Invalid> {
    for c in normalize_validate(decoded).chars() {
        if c == '\u{FFFD}' || deny_dot.denies(u32::from(c)) {
            return Err(Invalid);
        }
        buffer.push(c);
    }
    if buffer[label_start..]
        .iter()
        .zip(decoded)
        .any(|(normalized, decoded)| normalized != decoded)
    {
        return Err(Invalid);
    }
    Ok(())
}

/// `idna`'s hyphen checks.
fn check_hyphens(hyphens: Hyphens, label: &[char]) -> Result<(), Invalid> {
    let allow_third_fourth = match hyphens {
        Hyphens::Allow => return Ok(()),
        Hyphens::CheckFirstLast => true,
        #[cfg(all(test, not(target_arch = "wasm32")))]
        Hyphens::Check => false,
    };
    if label.first() == Some(&'-') || label.last() == Some(&'-') {
        return Err(Invalid);
    }
    if !allow_third_fourth && label.len() >= 4 && label[2] == '-' && label[3] == '-' {
        return Err(Invalid);
    }
    Ok(())
}

/// `idna`'s checks of a mapped or decoded label: hyphens, no leading combining mark, ContextJ
/// (a joiner after a virama; a ZWNJ between joining characters), at most 1,000 characters
/// when not ASCII.
fn check_label(hyphens: Hyphens, label: &[char]) -> Result<(), Invalid> {
    check_hyphens(hyphens, label)?;
    if label.first().is_some_and(|&c| tables::is_mark(c)) {
        return Err(Invalid);
    }
    for (i, &c) in label.iter().enumerate() {
        if c != '\u{200C}' && c != '\u{200D}' {
            continue;
        }
        let Some(&previous) = i.checked_sub(1).and_then(|p| label.get(p)) else {
            return Err(Invalid);
        };
        if is_virama(previous) {
            continue;
        }
        if c == '\u{200D}' {
            return Err(Invalid);
        }
        let joins = |chars: &mut dyn Iterator<Item = &char>, side: Joining| {
            for &c in chars {
                match tables::joining(c) {
                    Joining::Dual => return true,
                    j if j == side => return true,
                    Joining::Transparent => continue,
                    _ => return false,
                }
            }
            false
        };
        if !joins(&mut label[..i].iter().rev(), Joining::Left)
            || !joins(&mut label[i + 1..].iter(), Joining::Right)
        {
            return Err(Invalid);
        }
    }
    if label.len() > PUNYCODE_ENCODE_MAX_INPUT_LENGTH && !label.iter().all(char::is_ascii) {
        return Err(Invalid);
    }
    Ok(())
}

/// Whether the name is a Bidi domain name (a character of class R, AL or AN), with `idna`'s
/// ranges that hold none skipped.
fn is_bidi(buffer: &[char]) -> bool {
    buffer.iter().any(|&c| {
        let cp = u32::from(c);
        cp >= 0x0590
            && !(0x0900..=0xFB1C).contains(&cp)
            && !(0x1F000..=0x3FFFF).contains(&cp)
            && !(0xFF00..=0x107FF).contains(&cp)
            && !(0x11000..=0x1E7FF).contains(&cp)
            && matches!(tables::bidi(c), Bidi::R | Bidi::Al | Bidi::An)
    })
}

/// The Bidi Rule (RFC 5893) on every label of a Bidi domain name, as `idna` applies it.
fn check_bidi(buffer: &[char]) -> Result<(), Invalid> {
    if !is_bidi(buffer) {
        return Ok(());
    }
    for label in buffer.split(|&c| c == '.') {
        let Some((&first, tail)) = label.split_first() else {
            continue;
        };
        let first_bc = tables::bidi(first);
        if !matches!(first_bc, Bidi::L | Bidi::R | Bidi::Al) {
            return Err(Invalid);
        }
        let is_ltr = first_bc == Bidi::L;
        // The last character that is not NSM, and the ones between it and the first.
        let Some(last_at) = tail.iter().rposition(|&c| tables::bidi(c) != Bidi::Nsm) else {
            continue;
        };
        let last_bc = tables::bidi(tail[last_at]);
        let middle = &tail[..last_at];
        if is_ltr {
            if !matches!(last_bc, Bidi::L | Bidi::En) {
                return Err(Invalid);
            }
            if middle.iter().any(|&c| {
                !matches!(
                    tables::bidi(c),
                    Bidi::L | Bidi::En | Bidi::Neutral | Bidi::Nsm
                )
            }) {
                return Err(Invalid);
            }
        } else {
            if !matches!(last_bc, Bidi::R | Bidi::Al | Bidi::En | Bidi::An) {
                return Err(Invalid);
            }
            // European and Arabic digits may not both appear.
            let mut numerals = None;
            for &c in middle {
                let bc = tables::bidi(c);
                if !matches!(
                    bc,
                    Bidi::R | Bidi::Al | Bidi::An | Bidi::En | Bidi::Neutral | Bidi::Nsm
                ) {
                    return Err(Invalid);
                }
                if matches!(bc, Bidi::En | Bidi::An) {
                    match numerals {
                        None => numerals = Some(bc),
                        Some(seen) if seen != bc => return Err(Invalid),
                        Some(_) => {}
                    }
                }
            }
            if matches!(
                (numerals, last_bc),
                (Some(Bidi::En), Bidi::An) | (Some(Bidi::An), Bidi::En)
            ) {
                return Err(Invalid);
            }
        }
    }
    Ok(())
}
