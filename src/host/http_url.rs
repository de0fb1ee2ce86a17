//! The parts of the [URL Standard](https://url.spec.whatwg.org/)'s parser that the domain and
//! LinkedIn rules read, for `http` and `https` URLs without a base, with the `url` crate 2.5's
//! results: its errors, the host (a domain through UTS #46 ToASCII, an IPv4 address in any form
//! the standard reads, an IPv6 address in brackets), whether there is a user name or password,
//! the port unless it is the scheme's default, the path's segments (dot segments resolved,
//! percent-encoded as the crate serializes them) and the query's form-encoded values. Not a
//! general URL parser: no serialization, no other schemes, no relative references. The tests
//! hold it to `url::Url::parse` on generated URLs.

use super::uts46::{self, DenyList, DnsLength, Hyphens};
use std::borrow::Cow;
use std::fmt;

/// Why a URL does not parse (the `url` crate's `ParseError` variants these URLs can meet).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UrlError {
    /// `empty host`.
    EmptyHost,
    /// `invalid international domain name`.
    IdnaError,
    /// `invalid port number`.
    InvalidPort,
    /// `invalid IPv4 address`.
    InvalidIpv4Address,
    /// `invalid IPv6 address`.
    InvalidIpv6Address,
    /// Not an `http:` or `https:` URL (the rules never ask for another).
    NotHttp,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UrlError::EmptyHost => "empty host",
            UrlError::IdnaError => "invalid international domain name",
            UrlError::InvalidPort => "invalid port number",
            UrlError::InvalidIpv4Address => "invalid IPv4 address",
            UrlError::InvalidIpv6Address => "invalid IPv6 address",
            UrlError::NotHttp => "not an http or https URL",
        })
    }
}

/// A URL's host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum UrlHost {
    /// A domain, in its ASCII form (lower case).
    Domain(String),
    /// An IPv4 address.
    Ipv4,
    /// An IPv6 address.
    Ipv6,
}

/// A parsed `http` or `https` URL.
#[derive(Clone, Debug)]
pub(crate) struct HttpUrl<'a> {
    /// The host.
    pub(crate) host: UrlHost,
    /// Whether the URL has a user name or a password.
    pub(crate) has_userinfo: bool,
    /// The port, unless absent or the scheme's default.
    pub(crate) port: Option<u16>,
    /// The input without tabs and newlines (and surrounding C0 controls and spaces).
    text: Cow<'a, str>,
    /// Where the path is in `text`, as written, up to the query or fragment.
    path: (usize, usize),
    /// Where the query is in `text`, if any (without `?`, up to the fragment).
    query: Option<(usize, usize)>,
}

/// Parses an `http:` or `https:` URL (scheme in any case) as `url::Url::parse` does.
pub(crate) fn parse(input: &str) -> Result<HttpUrl<'_>, UrlError> {
    // Leading and trailing C0 controls and spaces go, tabs and newlines anywhere.
    let input = input.trim_matches(|c: char| c <= ' ');
    let input: Cow<'_, str> = if input.contains(['\t', '\n', '\r']) {
        Cow::Owned(
            input
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect(),
        )
    } else {
        Cow::Borrowed(input)
    };
    let (scheme, rest) = input.split_once(':').ok_or(UrlError::NotHttp)?;
    let default_port = if scheme.eq_ignore_ascii_case("http") {
        80
    } else if scheme.eq_ignore_ascii_case("https") {
        443
    } else {
        return Err(UrlError::NotHttp);
    };
    // Any number of slashes and backslashes.
    let rest = rest.trim_start_matches(['/', '\\']);
    // The user info ends at the last `@` of the authority.
    let authority_end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let (has_userinfo, rest) = match rest[..authority_end].rfind('@') {
        None => (false, rest),
        Some(0) => {
            let after = &rest[1..];
            if after.starts_with(['/', '?', '#', '\\']) {
                return Err(UrlError::EmptyHost);
            }
            (false, after)
        }
        Some(at) => (&rest[..at] != ":", &rest[at + 1..]),
    };
    // The host ends at a `:` outside brackets, or where the authority ends.
    let mut in_brackets = false;
    let host_end = rest
        .char_indices()
        .find(|&(_, c)| match c {
            ':' if !in_brackets => true,
            '/' | '?' | '#' | '\\' => true,
            '[' => {
                in_brackets = true;
                false
            }
            ']' => {
                in_brackets = false;
                false
            }
            _ => false,
        })
        .map_or(rest.len(), |(i, _)| i);
    let (host, rest) = rest.split_at(host_end);
    if host.is_empty() {
        return Err(UrlError::EmptyHost);
    }
    let host = parse_host(host)?;
    let (port, rest) = match rest.strip_prefix(':') {
        Some(after) => {
            let end = after.find(['/', '?', '#', '\\']).unwrap_or(after.len());
            let (digits, rest) = after.split_at(end);
            let mut port = 0u32;
            for b in digits.bytes() {
                if !b.is_ascii_digit() {
                    return Err(UrlError::InvalidPort);
                }
                port = port * 10 + u32::from(b - b'0');
                if port > 65_535 {
                    return Err(UrlError::InvalidPort);
                }
            }
            let port = u16::try_from(port).map_err(|_| UrlError::InvalidPort)?;
            (
                (!digits.is_empty() && port != default_port).then_some(port),
                rest,
            )
        }
        None => (None, rest),
    };
    // `rest` is the end of `input`: positions in it are positions from there.
    let path_start = input.len() - rest.len();
    let path_end = path_start + rest.find(['?', '#']).unwrap_or(rest.len());
    let query = input[path_end..]
        .strip_prefix('?')
        .map(|q| (path_end + 1, path_end + 1 + q.find('#').unwrap_or(q.len())));
    Ok(HttpUrl {
        host,
        has_userinfo,
        port,
        path: (path_start, path_end),
        query,
        text: input,
    })
}

impl HttpUrl<'_> {
    /// The path's segments as `url::Url::path_segments` gives them: `.` and `..` segments
    /// (also percent-encoded) resolved (as the crate does: a `..` after a segment like a
    /// Windows drive letter removes nothing), characters outside the URL Standard's path set
    /// percent-encoded (upper-case hex).
    pub(crate) fn path_segments(&self) -> Vec<String> {
        let path = self.text.get(self.path.0..self.path.1).unwrap_or("");
        let path = path.strip_prefix(['/', '\\']).unwrap_or(path);
        let pieces: Vec<&str> = path.split(['/', '\\']).collect();
        let mut out: Vec<String> = Vec::with_capacity(pieces.len());
        for (i, piece) in pieces.iter().enumerate() {
            let last = i + 1 == pieces.len();
            if is_double_dot(piece) {
                // The `url` crate keeps a segment that looks like a Windows drive letter
                // (`a:`, `c|`) whatever the scheme.
                let drive_letter = out.last().is_some_and(|prev| {
                    let b = prev.as_bytes();
                    b.len() == 2 && b[0].is_ascii_alphabetic() && matches!(b[1], b':' | b'|')
                });
                if !drive_letter {
                    out.pop();
                }
                if last {
                    out.push(String::new());
                }
            } else if is_single_dot(piece) {
                if last {
                    out.push(String::new());
                }
            } else {
                out.push(percent_encode_path(piece));
            }
        }
        out
    }

    /// The value of the first `name=value` pair of the query named `name`, as
    /// `url::Url::query_pairs` decodes them (`+` as a space, percent-decoding, invalid UTF-8 as
    /// U+FFFD).
    pub(crate) fn query_value(&self, name: &str) -> Option<String> {
        let (start, end) = self.query?;
        self.text
            .get(start..end)?
            .split('&')
            .filter(|pair| !pair.is_empty())
            .find_map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (form_decode(key) == name).then(|| form_decode(value).into_owned())
            })
    }
}

/// `application/x-www-form-urlencoded` decoding of one name or value.
fn form_decode(s: &str) -> Cow<'_, str> {
    if !s.contains(['+', '%']) {
        return Cow::Borrowed(s);
    }
    let plus_free = s.replace('+', " ");
    Cow::Owned(String::from_utf8_lossy(&percent_decode(plus_free.as_bytes())).into_owned())
}

/// A `.` segment: `.` or `%2e` (either case).
fn is_single_dot(s: &str) -> bool {
    s == "." || s.eq_ignore_ascii_case("%2e")
}

/// A `..` segment: two of `.` or `%2e` (either case).
fn is_double_dot(s: &str) -> bool {
    match s.len() {
        2 => s == "..",
        4 => s.eq_ignore_ascii_case(".%2e") || s.eq_ignore_ascii_case("%2e."),
        6 => s.eq_ignore_ascii_case("%2e%2e"),
        _ => false,
    }
}

/// Percent-encodes a path segment as the `url` crate does (its `PATH` set: C0 controls,
/// space, `"`, `#`, `<`, `>`, `?`, `` ` ``, `{`, `}`, DEL and every non-ASCII byte).
fn percent_encode_path(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if !(0x20..0x7f).contains(&b)
            || matches!(
                b,
                b' ' | b'"' | b'#' | b'<' | b'>' | b'?' | b'`' | b'{' | b'}'
            )
        {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push(char::from(b));
        }
    }
    out
}

/// Decodes `%XX` (either case); a `%` not followed by two hex digits stays.
fn percent_decode(s: &[u8]) -> Cow<'_, [u8]> {
    if !s.contains(&b'%') {
        return Cow::Borrowed(s);
    }
    let hex = |b: u8| {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    };
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        if b == b'%' {
            if let (Some(h), Some(l)) = (
                s.get(i + 1).copied().and_then(hex),
                s.get(i + 2).copied().and_then(hex),
            ) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    Cow::Owned(out)
}

/// The URL Standard's host parser for special URLs.
fn parse_host(input: &str) -> Result<UrlHost, UrlError> {
    if let Some(inner) = input.strip_prefix('[') {
        let inner = inner
            .strip_suffix(']')
            .ok_or(UrlError::InvalidIpv6Address)?;
        return if is_ipv6(inner.as_bytes()) {
            Ok(UrlHost::Ipv6)
        } else {
            Err(UrlError::InvalidIpv6Address)
        };
    }
    let decoded = percent_decode(input.as_bytes());
    let domain = uts46::to_ascii(&decoded, DenyList::URL, Hyphens::Allow, DnsLength::Ignore)
        .map_err(|_| UrlError::IdnaError)?;
    if domain.is_empty() {
        return Err(UrlError::EmptyHost);
    }
    if ends_in_a_number(&domain) {
        return if is_ipv4(&domain) {
            Ok(UrlHost::Ipv4)
        } else {
            Err(UrlError::InvalidIpv4Address)
        };
    }
    Ok(UrlHost::Domain(domain.into_owned()))
}

/// Whether the last label (before an optional trailing dot) is a number: all digits, or an
/// IPv4 number (`0x1f`, `017`...).
fn ends_in_a_number(domain: &str) -> bool {
    let mut labels = domain.rsplit('.');
    let last = match labels.next() {
        Some("") => match labels.next() {
            Some(l) => l,
            None => return false,
        },
        Some(l) => l,
        None => return false,
    };
    (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())) || ipv4_number(last).is_ok()
}

/// An IPv4 number (decimal, `0x` hex, `0` octal): `Ok(None)` when it overflows 32 bits.
fn ipv4_number(mut s: &str) -> Result<Option<u32>, ()> {
    if s.is_empty() {
        return Err(());
    }
    let mut radix = 10;
    if s.starts_with("0x") || s.starts_with("0X") {
        s = &s[2..];
        radix = 16;
    } else if s.len() >= 2 && s.starts_with('0') {
        s = &s[1..];
        radix = 8;
    }
    if s.is_empty() {
        return Ok(Some(0));
    }
    let valid = match radix {
        8 => s.bytes().all(|b| (b'0'..=b'7').contains(&b)),
        10 => s.bytes().all(|b| b.is_ascii_digit()),
        _ => s.bytes().all(|b| b.is_ascii_hexdigit()),
    };
    if !valid {
        return Err(());
    }
    Ok(u32::from_str_radix(s, radix).ok())
}

/// Whether a host that ends in a number is a valid IPv4 address.
fn is_ipv4(s: &str) -> bool {
    let mut parts: Vec<&str> = s.split('.').collect();
    if parts.last() == Some(&"") {
        parts.pop();
    }
    if parts.len() > 4 {
        return false;
    }
    let mut numbers = Vec::with_capacity(parts.len());
    for part in parts {
        match ipv4_number(part) {
            Ok(Some(n)) => numbers.push(n),
            _ => return false,
        }
    }
    let Some(last) = numbers.pop() else {
        return false;
    };
    let shift = 8 * numbers.len() as u32;
    (shift >= 32 || last <= u32::MAX >> shift) && numbers.iter().all(|&n| n <= 255)
}

/// Whether the text between brackets is a valid IPv6 address (the `url` crate's parser).
fn is_ipv6(input: &[u8]) -> bool {
    let len = input.len();
    if len < 2 {
        return false;
    }
    let mut piece_pointer = 0usize;
    let mut compress = false;
    let mut i = 0;
    if input[0] == b':' {
        if input[1] != b':' {
            return false;
        }
        i = 2;
        piece_pointer = 1;
        compress = true;
    }
    let mut is_ipv4 = false;
    while i < len {
        if piece_pointer == 8 {
            return false;
        }
        if input[i] == b':' {
            if compress {
                return false;
            }
            i += 1;
            piece_pointer += 1;
            compress = true;
            continue;
        }
        let start = i;
        let end = len.min(start + 4);
        while i < end && input[i].is_ascii_hexdigit() {
            i += 1;
        }
        if i < len {
            match input[i] {
                b'.' => {
                    if i == start || piece_pointer > 6 {
                        return false;
                    }
                    i = start;
                    is_ipv4 = true;
                }
                b':' => {
                    i += 1;
                    if i == len {
                        return false;
                    }
                }
                _ => return false,
            }
        }
        if is_ipv4 {
            break;
        }
        piece_pointer += 1;
    }
    if is_ipv4 {
        if piece_pointer > 6 {
            return false;
        }
        let mut numbers_seen = 0;
        while i < len {
            if numbers_seen > 0 {
                if numbers_seen < 4 && input[i] == b'.' {
                    i += 1;
                } else {
                    return false;
                }
            }
            let mut piece: Option<u16> = None;
            while let Some(&b) = input.get(i) {
                if !b.is_ascii_digit() {
                    break;
                }
                let digit = u16::from(b - b'0');
                piece = match piece {
                    None => Some(digit),
                    Some(0) => return false,
                    Some(v) => {
                        let v = v * 10 + digit;
                        if v > 255 {
                            return false;
                        }
                        Some(v)
                    }
                };
                i += 1;
            }
            if piece.is_none() {
                return false;
            }
            numbers_seen += 1;
            if numbers_seen == 2 || numbers_seen == 4 {
                piece_pointer += 1;
            }
        }
        if numbers_seen != 4 {
            return false;
        }
    }
    if i < len {
        return false;
    }
    // Without `::`, all eight pieces.
    compress || piece_pointer == 8
}
