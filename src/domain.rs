//! The `domain` rule: a company domain for account resolution.
//!
//! Accepts a bare host (`acme.com`), a host with `www.`, upper case, a trailing dot, a port, or a
//! whole `http`/`https` URL with or without its scheme (`https://www.Acme.co.uk/about?x#y`,
//! `www.acme.co.uk:8080/about`, `//acme.co.uk`). The host is read as the
//! [URL Standard](https://url.spec.whatwg.org/#host-parsing) reads it (as the `url` crate
//! does: percent decoding, UTS #46 mapping, IDNA to ASCII, IPv4 and IPv6 detection), then held
//! to the rules of DNS host names: letters, digits and hyphens, no label starting or ending with
//! a hyphen, labels of 1 to 63 bytes, at most 253 bytes in all, `xn--` labels that decode to
//! valid IDNA (UTS #46 with STD3 rules).
//!
//! The output (with [`DomainMode::Registrable`], the default) is the registrable domain by the
//! Public Suffix List, ICANN and private sections (`shop.acme.co.uk` → `acme.co.uk`,
//! `jane.github.io` stays), in lower-case ASCII (`bücher.de` → `xn--bcher-kva.de`). A top-level
//! domain missing from the list counts as a public suffix of one label (the list's default `*`
//! rule), so a new TLD is never refused because the embedded list is older than it.
//! With [`DomainMode::Host`] the output is the whole host in lower-case ASCII, without its
//! trailing dot and without leading `www.` labels (as long as what is left is still at least the
//! registrable domain: `www.acme.com` → `acme.com`, but `www.ck`, itself registrable, stays).
//!
//! Refused, with `domain_not_public`: IP addresses (v4 in every form the URL Standard reads, such
//! as `127.1`, and v6 in brackets), single labels (`localhost`, `intranet`, `com`), public
//! suffixes themselves (`co.uk`, `github.io`), and special-use names: those of email-validator
//! (`localhost`, `local`, `test`, `invalid`, `onion`, `arpa` including `home.arpa`, and any name
//! under them) plus `alt` (RFC 9476) and `internal` (reserved by ICANN for private use).
//! `example`, `example.com`, `.net` and `.org` are accepted, as RFC 6761 §6.5 asks of
//! applications and as email-validator does.
//!
//! Refused, with `domain_invalid`: anything that is not a host name, an email address
//! (`jane@acme.com`; `ctx.suggestion` holds the domain), a URL with a user name or password, a
//! URL of another scheme (`ftp://`), an invalid port, and input over 2,048 bytes.
//!
//! A registrable domain at a free mailbox provider (`gmail.com`) passes with a
//! `domain_free_provider` warning.

use crate::host::every_byte;
use crate::host::http_url::{self, UrlError, UrlHost};
use crate::host::uts46::{self, DenyList, DnsLength, Hyphens};
use crate::issue::{Code, FieldIssue};
use crate::options::DomainMode;
use crate::{strip_prefix_ignore_ascii_case, FieldResult, Normalized, Options};

#[cfg(any(test, target_arch = "wasm32"))]
mod psl_lite;

/// Longer input is refused at once, before any parsing (a URL is rarely over 2,000 bytes).
const MAX_INPUT_BYTES: usize = 2048;

/// Top-level names reserved for private or non-DNS use that email-validator's special-use list
/// (see [`crate::special_use`]) does not hold: `alt` (RFC 9476) and `internal` (ICANN, 2024).
const RESERVED_TLDS: &[&str] = &["alt", "internal"];

/// Normalizes a company domain: the registrable domain (default) or the whole host, in
/// lower-case ASCII. Surrounding white space is trimmed.
///
/// # Errors
/// `domain_invalid` when the input is not a host name or an `http(s)` URL of one (bad
/// characters, an empty label, a label over 63 bytes, a name over 253 bytes, invalid IDNA, an
/// email address, a URL with credentials or of another scheme, a bad port, over 2,048 bytes);
/// `domain_not_public` for an IP address, a single label, a public suffix itself or a
/// special-use name. `ctx.reason` tells which.
///
/// # Example
/// ```
/// use contact_rules::{domain, Code, DomainMode, Options};
/// let opts = Options::default();
/// assert_eq!(domain::normalize("https://www.Acme.co.uk/about", &opts).unwrap().value, "acme.co.uk");
/// assert_eq!(domain::normalize("bücher.de", &opts).unwrap().value, "xn--bcher-kva.de");
/// assert_eq!(domain::normalize("co.uk", &opts).unwrap_err().code, Code::DomainNotPublic);
/// assert_eq!(domain::normalize("acme..com", &opts).unwrap_err().code, Code::DomainInvalid);
///
/// let host = Options { domain_mode: DomainMode::Host, ..Options::default() };
/// assert_eq!(domain::normalize("WWW.Shop.Acme.co.uk.:443", &host).unwrap().value, "shop.acme.co.uk");
/// ```
pub fn normalize(input: &str, options: &Options) -> FieldResult {
    if input.len() > MAX_INPUT_BYTES {
        return Err(invalid(
            "too_long",
            "This is too long for a domain or a website address.",
        )
        .with_ctx("max_length", MAX_INPUT_BYTES as u64));
    }
    let parsed = parse(crate::text::trim(input))?;
    let result = parsed.host.and_then(|host| classify(host, options));
    if parsed.has_userinfo {
        let mut issue = if parsed.explicit_scheme {
            invalid(
                "credentials",
                "Remove the user name and password from this address; enter only the company domain, such as acme.com.",
            )
        } else {
            invalid(
                "email_address",
                "This is an email address; enter only the company domain, such as acme.com.",
            )
        };
        if let Ok(n) = result {
            issue = issue.with_ctx("suggestion", n.value);
        }
        return Err(issue);
    }
    result
}

/// An input read as a URL.
struct Parsed {
    /// The host, validated (lower-case ASCII, no trailing dot), or why it is refused.
    host: Result<String, FieldIssue>,
    /// The input had a user name or password (`jane@acme.com`, `https://u:p@acme.com`).
    has_userinfo: bool,
    /// The input started with `http:` or `https:`.
    explicit_scheme: bool,
}

/// Reads the host out of a bare host or an `http(s)` URL (already trimmed) and checks that it
/// is a DNS host name (or reports an IP address). Errors in the URL's structure come out at
/// once; errors in its host wait in [`Parsed::host`], so that an email address is reported as
/// one whatever its domain.
fn parse(s: &str) -> Result<Parsed, FieldIssue> {
    if let Some((host, explicit_scheme)) = simple_url_host(s) {
        return Ok(Parsed {
            host: check_host_name(host),
            has_userinfo: false,
            explicit_scheme,
        });
    }
    parse_url(s)
}

/// The common forms around a bare ASCII host (see [`bare_ascii_host`]): an optional `http://`
/// or `https://` (any case) before it; after it an optional port (`:` and one to five digits,
/// a valid port number) and an optional rest that starts with `/`, `?` or `#` and holds
/// only printable ASCII other than `\` and `@`. The URL parser finds no user name and no other
/// host in such input, never fails on such a port, path, query or fragment, and returns the
/// host lower-cased; so the host is taken without building and parsing a URL. Returns it and
/// whether the scheme was written; `None` for anything else, which [`parse_url`] reads. The
/// tests compare both on generated inputs.
fn simple_url_host(s: &str) -> Option<(String, bool)> {
    let strip = |prefix: &str| strip_prefix_ignore_ascii_case(s, prefix);
    let (rest, explicit_scheme) = match strip("http://").or_else(|| strip("https://")) {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    // Byte searches (the characters sought are ASCII, so the places are char boundaries).
    let (host, tail) = rest.split_at(
        rest.bytes()
            .position(|b| matches!(b, b':' | b'/' | b'?' | b'#'))
            .unwrap_or(rest.len()),
    );
    // `https:0/x` is a URL whose host is `0`, not the host `https` with a port.
    let is_scheme = |h: &str| h.eq_ignore_ascii_case("http") || h.eq_ignore_ascii_case("https");
    if !explicit_scheme && tail.starts_with(':') && is_scheme(host) {
        return None;
    }
    let host = bare_ascii_host(host)?;
    let tail = match tail.strip_prefix(':') {
        Some(port_and_rest) => {
            let (port, rest) = port_and_rest.split_at(
                port_and_rest
                    .find(['/', '?', '#'])
                    .unwrap_or(port_and_rest.len()),
            );
            // An empty "port" may be a scheme's colon (`ftp://acme.com`): left to the parser.
            let valid_port = (1..=5).contains(&port.len())
                && port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u32>().is_ok_and(|p| p <= 65_535);
            if !valid_port {
                return None;
            }
            rest
        }
        None => tail,
    };
    every_byte(tail, |b| b.is_ascii_graphic() && b != b'\\' && b != b'@')
        .then_some((host, explicit_scheme))
}

/// The common input, a bare host name in ASCII (`www.Acme.co.uk`), lower-cased: only letters,
/// digits, hyphens and dots, a last label (before an optional trailing dot) of letters only,
/// and no `xn--` label. The URL parser returns exactly this host for such input (lower-cased,
/// no user name, no port; a last label of letters is never read as an IPv4 number, and without
/// `xn--` there is no Punycode to check), so it is taken without building and parsing a URL.
/// `None` for anything else, which [`parse_url`] reads.
fn bare_ascii_host(s: &str) -> Option<String> {
    let name = s.strip_suffix('.').unwrap_or(s);
    let last = &name[name.bytes().rposition(|b| b == b'.').map_or(0, |i| i + 1)..];
    let ldh = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'.';
    if last.is_empty() || !every_byte(last, |b| b.is_ascii_alphabetic()) || !every_byte(s, ldh) {
        return None;
    }
    let host = s.to_ascii_lowercase();
    (!has_xn_label(&host)).then_some(host)
}

/// Whether a lower-case name has a label starting with `xn--` (Punycode).
fn has_xn_label(name: &str) -> bool {
    // One pass over the bytes: `xn--` at the start or after a dot.
    let b = name.as_bytes();
    b.starts_with(b"xn--")
        || b.iter()
            .enumerate()
            .any(|(i, &c)| c == b'.' && b.get(i + 1..i + 5) == Some(b"xn--"))
}

/// [`parse`] through the URL parser: any input.
fn parse_url(s: &str) -> Result<Parsed, FieldIssue> {
    if s.is_empty() {
        return Err(invalid(
            "empty",
            "Enter a company domain, such as acme.com.",
        ));
    }
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        return Err(invalid(
            "character",
            "Remove the control characters from this domain.",
        )
        .with_ctx("character", format!("U+{:04X}", c as u32)));
    }
    let (text, explicit_scheme) = match scheme_of(s) {
        Some(scheme)
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            (s.to_owned(), true)
        }
        Some(scheme) if s.get(scheme.len()..).is_some_and(|r| r.starts_with("://")) => {
            return Err(invalid(
                "scheme",
                "Only http and https addresses can give a company domain; enter the domain, such as acme.com.",
            )
            .with_ctx("scheme", scheme.to_ascii_lowercase()));
        }
        _ if s.starts_with("//") || s.starts_with("\\\\") => (format!("http:{s}"), false),
        _ if s.starts_with(['/', '\\']) => {
            return Err(invalid(
                "path",
                "This is a path, not a domain; enter a company domain, such as acme.com.",
            ));
        }
        _ => (format!("http://{s}"), false),
    };
    let url = http_url::parse(&text).map_err(|e| match e {
        UrlError::InvalidPort => {
            invalid("port", "The port after the domain is not a valid port number.")
        }
        UrlError::InvalidIpv4Address | UrlError::InvalidIpv6Address => invalid(
            "ip_address",
            "This is neither a domain name nor a valid IP address; enter a company domain, such as acme.com.",
        ),
        UrlError::IdnaError => invalid(
            "idna",
            "This domain has characters or parts that are not allowed in domain names.",
        ),
        UrlError::EmptyHost | UrlError::NotHttp => {
            invalid("syntax", "Enter a company domain, such as acme.com.")
        }
    })?;
    let host = match url.host {
        UrlHost::Domain(d) => check_host_name(d),
        UrlHost::Ipv4 | UrlHost::Ipv6 => Err(not_public(
            "ip_address",
            "This is an IP address; enter a company domain, such as acme.com.",
        )),
    };
    Ok(Parsed {
        host,
        has_userinfo: url.has_userinfo,
        explicit_scheme,
    })
}

/// The scheme of `s` if it starts with one followed by `:` (RFC 3986: a letter, then letters,
/// digits, `+`, `-`, `.`). `acme.com:8080` has the "scheme" `acme.com`; callers look further.
fn scheme_of(s: &str) -> Option<&str> {
    let end = s.find(':')?;
    let scheme = s.get(..end)?;
    let mut bytes = scheme.bytes();
    let first_is_letter = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    (first_is_letter && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
        .then_some(scheme)
}

/// Checks a host the URL parser returned (lower-case ASCII) against the rules of DNS host
/// names; returns it without its trailing dot.
fn check_host_name(mut host: String) -> Result<String, FieldIssue> {
    if host.ends_with('.') {
        host.pop();
    }
    if is_plain_host_name(&host) {
        return Ok(host);
    }
    check_host_name_general(host)
}

/// [`check_host_name`] of any name, without its trailing dot (the one-pass check above gives
/// the same result on the names it accepts).
fn check_host_name_general(host: String) -> Result<String, FieldIssue> {
    let name = host.as_str();
    if name.is_empty() {
        return Err(invalid(
            "empty",
            "Enter a company domain, such as acme.com.",
        ));
    }
    if name.len() > 253 {
        return Err(invalid(
            "name_too_long",
            "This domain is too long: at most 253 characters.",
        )
        .with_ctx("max_length", 253u64));
    }
    for label in name.split('.') {
        if label.is_empty() {
            return Err(invalid(
                "empty_label",
                "This domain has an empty part between dots.",
            ));
        }
        if label.len() > 63 {
            return Err(invalid(
                "label_too_long",
                "A part of this domain between dots is too long: at most 63 characters.",
            )
            .with_ctx("max_length", 63u64));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(invalid(
                "character",
                "Domain names can only hold letters, digits, hyphens and dots.",
            )
            .with_ctx("character", c.to_string()));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(invalid(
                "hyphen",
                "A part of a domain name cannot start or end with a hyphen.",
            ));
        }
    }
    // The checks above hold for the ASCII form; this one also holds every `xn--` label's Unicode
    // form to UTS #46 (valid Punycode, STD3 rules, no leading or trailing hyphen, bidi and
    // joiner rules). Hyphens in the third and fourth places of other labels stay allowed
    // (`r3---sn-abc.googlevideo.com`), as the URL Standard allows them. Without an `xn--`
    // label, a name that passed the checks above is its own UTS #46 ASCII form (lower-case
    // letters, digits and hyphens are valid and unmapped), so the check is skipped
    // (`uts46_skip_is_exact` in the tests compares).
    if (!has_xn_label(name) && !name.bytes().any(|b| b.is_ascii_uppercase()))
        || uts46_ascii(name).is_some_and(|ascii| ascii == name)
    {
        return Ok(host);
    }
    Err(invalid(
        "idna",
        "This domain is not a valid internationalized domain name.",
    ))
}

/// The common name, which [`check_host_name`] accepts as it is, in one pass over its bytes:
/// 1 to 253 bytes of labels of 1 to 63 lower-case letters, digits and hyphens, no hyphen at
/// either end of a label, no label starting with `xn--`. `false` for anything else, which the
/// checks of [`check_host_name`] read (`plain_host_name_is_the_general_check` compares).
fn is_plain_host_name(name: &str) -> bool {
    let b = name.as_bytes();
    if b.is_empty() || b.len() > 253 {
        return false;
    }
    let mut label_start = 0;
    let mut previous = b'.';
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'a'..=b'z' | b'0'..=b'9' => {}
            b'-' if previous == b'.' => return false,
            b'-' => {}
            b'.' => {
                if previous == b'.' || previous == b'-' || i - label_start > 63 {
                    return false;
                }
                label_start = i + 1;
                if b.get(label_start..label_start + 4) == Some(b"xn--") {
                    return false;
                }
            }
            _ => return false,
        }
        previous = c;
    }
    b.len() - label_start <= 63 && previous != b'-' && previous != b'.' && !b.starts_with(b"xn--")
}

/// UTS #46 ToASCII with STD3 rules, hyphens checked first and last, DNS lengths verified.
fn uts46_ascii(name: &str) -> Option<String> {
    uts46::to_ascii(
        name.as_bytes(),
        DenyList::STD3,
        Hyphens::CheckFirstLast,
        DnsLength::Verify,
    )
    .ok()
    .map(|ascii| ascii.into_owned())
}

/// Applies the public-name rules and the domain mode to a checked host.
fn classify(mut host: String, options: &Options) -> FieldResult {
    if !host.bytes().any(|b| b == b'.') {
        return Err(not_public(
            "single_label",
            "A company domain has at least two parts, such as acme.com.",
        ));
    }
    if is_special_use(&host) {
        return Err(not_public(
            "special_use",
            "This domain is reserved for local or special use; enter a public company domain.",
        ));
    }
    let Some(registrable) = registrable_domain(&host) else {
        return Err(not_public(
            "public_suffix",
            "This is a public suffix under which anyone can register names, not a company domain; enter the full domain, such as acme.co.uk.",
        ));
    };
    // Both values are suffixes of the host: the host's own buffer is kept, shifted.
    let kept = match options.domain_mode {
        DomainMode::Registrable => registrable.len(),
        DomainMode::Host => without_www(&host, registrable).len(),
    };
    let warnings = if crate::free_mail::is_free_mail_domain(registrable) {
        vec![FieldIssue::new(Code::DomainFreeProvider).with_ctx("domain", registrable)]
    } else {
        Vec::new()
    };
    host.drain(..host.len() - kept);
    Ok(Normalized {
        value: host,
        warnings,
    })
}

/// The registrable domain of `host` (lower-case ASCII, no trailing dot) by the Public Suffix
/// List, or `None` when `host` is a public suffix itself.
///
/// The one place the list is consulted. Natively it is the `psl` crate; in WebAssembly, where
/// that crate weighs about 263 KB gzipped, `psl_lite`, a compact form of the same list
/// (`data/public_suffix_list.dat`) that gives the same answers.
#[cfg(not(target_arch = "wasm32"))]
fn registrable_domain(host: &str) -> Option<&str> {
    // `psl::domain_str` without its UTF-8 check of the answer, which is the end of `host`
    // (without a trailing dot): it is cut from `host` by its length, and a cut that is no
    // character boundary gives `None` as that check does (`registrable_cut_is_domain_str`).
    let len = psl::domain(host.as_bytes())?.trim().as_bytes().len();
    let name = host.strip_suffix('.').unwrap_or(host);
    name.get(name.len().checked_sub(len)?..)
}

/// The registrable domain of `host` (lower-case ASCII, no trailing dot) by the Public Suffix
/// List, or `None` when `host` is a public suffix itself.
///
/// The one place the list is consulted. In WebAssembly it is `psl_lite`, a compact form of
/// the list of the `psl` crate used natively (which weighs about 263 KB gzipped there), with
/// the same answers.
#[cfg(target_arch = "wasm32")]
fn registrable_domain(host: &str) -> Option<&str> {
    psl_lite::domain_str(host)
}

/// Whether `host` is, or is under, a special-use or reserved name.
fn is_special_use(host: &str) -> bool {
    let tld = &host[host.bytes().rposition(|b| b == b'.').map_or(0, |i| i + 1)..];
    crate::special_use::is_special_use_domain(host) || RESERVED_TLDS.contains(&tld)
}

/// `host` without its leading `www.` labels, as long as the registrable domain is left whole.
fn without_www<'a>(host: &'a str, registrable: &str) -> &'a str {
    let mut h = host;
    while let Some(rest) = h.strip_prefix("www.") {
        if rest.len() < registrable.len() {
            break;
        }
        h = rest;
    }
    h
}

fn invalid(reason: &'static str, message: &'static str) -> FieldIssue {
    FieldIssue::new(Code::DomainInvalid)
        .with_message(message)
        .with_ctx("reason", reason)
}

fn not_public(reason: &'static str, message: &'static str) -> FieldIssue {
    FieldIssue::new(Code::DomainNotPublic)
        .with_message(message)
        .with_ctx("reason", reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::XorShift;

    /// `registrable_domain` is `psl::domain_str` on generated names.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn registrable_cut_is_domain_str() {
        let pieces = [
            "acme",
            "www",
            ".",
            "co",
            "uk",
            "com",
            "github",
            "io",
            "jp",
            "kobe",
            "city",
            "é",
            "食狮",
            "xn--85x722f",
            "-",
            "",
            "ck",
            "blogspot",
            "..",
        ];
        let mut rng = XorShift(0x6A09_E667_F3BC_C908);
        let mut some = 0;
        for _ in 0..50_000 {
            let mut s = String::new();
            for _ in 0..rng.below(7) {
                s.push_str(rng.pick::<&str>(&pieces));
            }
            let got = registrable_domain(&s);
            assert_eq!(got, psl::domain_str(&s), "{s:?}");
            some += usize::from(got.is_some());
        }
        assert!(some > 5_000, "{some}");
    }

    /// The byte scan of `has_xn_label` is the search over the labels on generated names.
    #[test]
    fn xn_label_scan_is_the_label_search() {
        let pieces = [
            "xn--", "xn-", "x", "n--", ".", "a", "-", "xn--.", ".xn", "é",
        ];
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let mut hits = 0;
        for _ in 0..50_000 {
            let mut s = String::new();
            for _ in 0..rng.below(6) {
                s.push_str(rng.pick::<&str>(&pieces));
            }
            let general = s.split('.').any(|label| label.starts_with("xn--"));
            assert_eq!(has_xn_label(&s), general, "{s:?}");
            hits += usize::from(general);
        }
        assert!(hits > 5_000, "{hits}");
    }

    fn reg(s: &str) -> FieldResult {
        normalize(s, &Options::default())
    }

    fn host(s: &str) -> FieldResult {
        let o = Options {
            domain_mode: DomainMode::Host,
            ..Options::default()
        };
        normalize(s, &o)
    }

    fn reason(r: &FieldResult) -> String {
        match r {
            Err(e) => e
                .ctx
                .as_ref()
                .and_then(|c| c.get("reason"))
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned(),
            Ok(n) => format!("ok {}", n.value),
        }
    }

    #[test]
    fn accepted_forms() {
        for (input, want) in [
            ("acme.com", "acme.com"),
            ("  ACME.com \n", "acme.com"),
            ("www.acme.com", "acme.com"),
            ("acme.com.", "acme.com"),
            ("acme.com:8080", "acme.com"),
            ("acme.com:", "acme.com"),
            ("www.acme.com/about?x=1#top", "acme.com"),
            ("https://www.Acme.co.uk/about", "acme.co.uk"),
            ("HTTP://ACME.COM", "acme.com"),
            ("https:acme.com", "acme.com"),
            ("http:\\\\acme.com\\about", "acme.com"),
            ("//acme.com/x", "acme.com"),
            ("https://shop.eu.acme.co.uk:443/cart", "acme.co.uk"),
            ("https://acme.com/@jane", "acme.com"),
            ("http://:@acme.com", "acme.com"),
            ("acme.com/redirect?to=ftp://x", "acme.com"),
            ("bücher.de", "xn--bcher-kva.de"),
            ("BÜCHER.de", "xn--bcher-kva.de"),
            ("xn--bcher-kva.de", "xn--bcher-kva.de"),
            ("https://www.食狮.公司.cn/", "xn--85x722f.xn--55qx5d.cn"),
            ("ａｃｍｅ．ｃｏｍ", "acme.com"),
            ("acme%2Ecom", "acme.com"),
            ("jane.github.io", "jane.github.io"),
            ("a.b.jane.blogspot.com", "jane.blogspot.com"),
            ("b.c.mm", "b.c.mm"),
            ("www.ck", "www.ck"),
            ("a.www.ck", "www.ck"),
            ("city.kobe.jp", "city.kobe.jp"),
            ("acme.unlistedtld", "acme.unlistedtld"),
            ("example.com", "example.com"),
            ("www.example", "www.example"),
            ("123.com", "123.com"),
            ("r3---sn-abc.googlevideo.com", "googlevideo.com"),
            ("ab--c.com", "ab--c.com"),
        ] {
            assert_eq!(reason(&reg(input)), format!("ok {want}"), "{input:?}");
        }
    }

    #[test]
    fn host_mode() {
        for (input, want) in [
            ("https://WWW.Shop.Acme.co.uk./x", "shop.acme.co.uk"),
            ("www.acme.com", "acme.com"),
            ("www.www.acme.com", "acme.com"),
            ("www2.acme.com", "www2.acme.com"),
            ("www.ck", "www.ck"),
            ("www.www.ck", "www.ck"),
            ("www.co.uk", "www.co.uk"),
            ("shop.www.acme.com", "shop.www.acme.com"),
            ("bücher.de", "xn--bcher-kva.de"),
        ] {
            assert_eq!(reason(&host(input)), format!("ok {want}"), "{input:?}");
            // Idempotent.
            assert_eq!(reason(&host(want)), format!("ok {want}"), "{want:?}");
        }
    }

    #[test]
    fn invalid() {
        let long_label = format!("{}.com", "a".repeat(64));
        let long_name = format!("{}com", "abcdefghi.".repeat(26));
        let max_name = format!("{}com", "abcdefghi.".repeat(25));
        assert_eq!(
            reg(&max_name).map(|n| n.value).ok().as_deref(),
            Some(&max_name[max_name.len() - 13..])
        );
        let huge = "a".repeat(20 << 20);
        for (input, why) in [
            ("", "empty"),
            ("acme..com", "empty_label"),
            (".acme.com", "empty_label"),
            ("acme.com..", "empty_label"),
            (".", "empty"),
            ("acme .com", "idna"),
            ("acme.com<script>", "idna"),
            ("acme_corp.com", "character"),
            ("acme,corp.com", "character"),
            ("acme.com,acme.org", "character"),
            ("-acme.com", "hyphen"),
            ("acme-.com", "hyphen"),
            (long_label.as_str(), "label_too_long"),
            (long_name.as_str(), "name_too_long"),
            (huge.as_str(), "too_long"),
            ("acme\u{7}.com", "character"),
            ("ac\tme.com", "character"),
            ("xn--a.com", "idna"),
            ("xn--1ug.example", "idna"),
            ("\u{200d}.example", "idna"),
            ("jane@acme.com", "email_address"),
            ("jane@localhost", "email_address"),
            ("jane@127.0.0.1", "email_address"),
            ("mailto:jane@acme.com", "email_address"),
            ("https://jane:secret@acme.com/", "credentials"),
            ("ftp://acme.com", "scheme"),
            ("acme.com:99999", "port"),
            ("acme.com:http", "port"),
            ("acme.123", "ip_address"),
            ("999.1.1.1", "ip_address"),
            ("[::1", "ip_address"),
            ("/about", "path"),
            ("http://", "syntax"),
        ] {
            let r = reg(input);
            let shown: String = input.chars().take(60).collect();
            assert_eq!(
                r.as_ref().map_err(|e| e.code).err(),
                Some(Code::DomainInvalid),
                "{shown:?}"
            );
            assert_eq!(reason(&r), why, "{shown:?}");
        }
        let e = reg("Jane@Acme.COM").unwrap_err();
        assert_eq!(e.ctx.unwrap()["suggestion"], "acme.com");
        let e = host("https://u:p@www.shop.acme.com").unwrap_err();
        assert_eq!(e.ctx.unwrap()["suggestion"], "shop.acme.com");
    }

    #[test]
    fn not_public() {
        for (input, why) in [
            ("127.0.0.1", "ip_address"),
            ("http://127.1:8080/", "ip_address"),
            ("0x7f000001", "ip_address"),
            ("[::1]", "ip_address"),
            ("https://[2001:db8::1]/x", "ip_address"),
            ("localhost", "single_label"),
            ("intranet", "single_label"),
            ("com", "single_label"),
            ("COM.", "single_label"),
            ("co.uk", "public_suffix"),
            ("www.co.uk.", "ok www.co.uk"),
            ("github.io", "public_suffix"),
            ("公司.cn", "public_suffix"),
            ("c.mm", "public_suffix"),
            ("kyoto.jp", "public_suffix"),
            ("acme.internal", "special_use"),
            ("www.acme.alt", "special_use"),
        ] {
            let r = reg(input);
            if !why.starts_with("ok") {
                assert_eq!(
                    r.as_ref().map_err(|e| e.code).err(),
                    Some(Code::DomainNotPublic),
                    "{input:?}"
                );
            }
            assert_eq!(reason(&r), why, "{input:?}");
        }
    }

    /// Random host-like text: letters of both cases, digits, hyphens, dots, `xn--` and other
    /// pieces the URL parser treats specially.
    fn host_like(rng: &mut XorShift) -> String {
        const LDH: &[&str] = &[
            "a",
            "B",
            "z",
            "q",
            "0",
            "7",
            "-",
            "--",
            ".",
            ".",
            ".",
            "www.",
            "com",
            "CO.uk",
            "xn--",
            "XN--",
            "xn--bcher-kva",
            "0x",
            "1",
            "255",
            "a-",
            "-b",
        ];
        const OTHER: &[&str] = &[
            ":", "/", "@", "_", " ", "%41", "\u{fc}", "http://", "HTTPS://", "https:", "//",
            ":443", ":0", ":65535", ":65536", ":123456", ":8o", "?", "#", "?a=b&c", "/about", "\\",
            "[", "]", "\t", "..",
        ];
        let len = rng.below(10);
        (0..len)
            .map(|_| {
                let pieces = if rng.chance(5) { OTHER } else { LDH };
                *rng.pick(pieces)
            })
            .collect()
    }

    #[test]
    fn simple_url_fast_path_matches_the_url_parser() {
        const SCHEMES: &[&str] = &["", "", "http://", "HTTPS://", "https:", "//", "ftp://"];
        const PORTS: &[&str] = &[
            "", "", "", ":443", ":0", ":080", ":65535", ":65536", ":123456", ":", ":8o",
        ];
        const TAILS: &[&str] = &[
            "", "", "/", "/about", "?a=b&c", "#x", "/a b", "/a\\b", "/@x", "/%41", "?[]", "/..",
            "\u{e9}",
        ];
        const HOSTS: &[&str] = &[
            "acme.com",
            "WWW.Acme.co.uk",
            "a-b.io",
            "xn--bcher-kva.de",
            "shop.acme.com.",
            "localhost",
            "1.2.3.4",
            "acme.123",
            "http",
            "HTTPS",
            "ftp",
        ];
        let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
        let mut fast = 0;
        for _ in 0..100_000 {
            let host = if rng.chance(50) {
                (*rng.pick(HOSTS)).to_owned()
            } else {
                host_like(&mut rng)
            };
            let s = [
                *rng.pick(SCHEMES),
                &host,
                *rng.pick(PORTS),
                *rng.pick(TAILS),
            ]
            .concat();
            if simple_url_host(&s).is_none() {
                continue;
            }
            fast += 1;
            let (a, b) = (parse(&s), parse_url(&s));
            let view = |p: Result<Parsed, FieldIssue>| {
                p.map(|p| (p.host, p.has_userinfo, p.explicit_scheme))
            };
            assert_eq!(view(a), view(b), "{s:?}");
        }
        assert!(fast > 8_000, "only {fast} inputs took the fast path");
    }

    /// The one-pass check of the common name gives the general checks' result on generated
    /// names (only its acceptances matter: a refused name goes through the general checks).
    #[test]
    fn plain_host_name_is_the_general_check() {
        let mut rng = XorShift(0x5851_F42D_4C95_7F2D);
        let mut plain = 0;
        let long = ["a".repeat(63), "b".repeat(64), "c".repeat(250)];
        for i in 0..100_000 {
            let mut s = host_like(&mut rng);
            if i % 10 == 0 {
                s.push_str(rng.pick::<String>(&long));
            }
            if i % 7 == 0 {
                s = s.to_ascii_lowercase();
            }
            if is_plain_host_name(&s) {
                plain += 1;
                let general = check_host_name_general(s.clone());
                assert_eq!(general.as_deref(), Ok(s.as_str()), "{s:?}");
            }
        }
        assert!(plain > 2_000, "only {plain} names took the one-pass check");
    }

    #[test]
    fn uts46_skip_is_exact() {
        let mut rng = XorShift(0xD1B5_4A32_D192_ED03);
        let mut skipped = 0;
        for _ in 0..50_000 {
            let s = host_like(&mut rng);
            let name = s.strip_suffix('.').unwrap_or(&s);
            let structurally_fine = !name.is_empty()
                && name.len() <= 253
                && name.split('.').all(|l| {
                    (1..=63).contains(&l.len())
                        && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                        && !l.starts_with('-')
                        && !l.ends_with('-')
                });
            if structurally_fine && !has_xn_label(name) && name == name.to_ascii_lowercase() {
                skipped += 1;
                assert_eq!(uts46_ascii(name).as_deref(), Some(name), "{s:?}");
            }
        }
        assert!(skipped > 2_000, "only {skipped} names skip the check");
    }

    #[test]
    fn never_panics_and_idempotent() {
        const ALPHABET: &[&str] = &[
            "a",
            "b",
            "z",
            "0",
            "9",
            "-",
            ".",
            ".",
            ":",
            "/",
            "\\",
            "@",
            "?",
            "#",
            "%",
            "[",
            "]",
            "_",
            " ",
            "www.",
            "xn--",
            "http://",
            "https:",
            "com",
            "co.uk",
            "ß",
            "ü",
            "食",
            "\u{200d}",
            "\u{3002}",
            "\u{ff0e}",
            "\u{0627}",
            "\u{05d0}",
            "1",
            "255",
            "0x",
            "::",
            "\u{fffd}",
            "\u{1f600}",
            "\u{301}",
            "xn--zca",
            "-",
            "%2e",
            "\t",
            "localhost",
        ];
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let opts = [
            Options::default(),
            Options {
                domain_mode: DomainMode::Host,
                ..Options::default()
            },
        ];
        for _ in 0..20_000 {
            let len = (rng.next() % 12) as usize;
            let s: String = (0..len)
                .map(|_| ALPHABET[(rng.next() % ALPHABET.len() as u64) as usize])
                .collect();
            for o in &opts {
                if let Ok(n) = normalize(&s, o) {
                    assert!(
                        n.value.is_ascii() && n.value == n.value.to_ascii_lowercase(),
                        "{s:?}"
                    );
                    let again = normalize(&n.value, o).map(|m| m.value);
                    assert_eq!(again.as_deref(), Ok(n.value.as_str()), "{s:?}");
                }
            }
        }
    }
}
