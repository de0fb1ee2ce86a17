//! The `linkedin_url` rule: a LinkedIn **person** profile, normalized to
//! `https://www.linkedin.com/in/<slug>`.
//!
//! Accepted forms, as people paste them: with or without a scheme (`http` or `https`, any
//! case, `//` alone), the hosts `linkedin.com`, `www.`, `m.`, `mobile.`, `touch.` and the
//! two-letter country hosts (`de.`, `uk.`, `fr.`...), a trailing dot on the host, the default
//! port; the paths `/in/<slug>` and the mobile `/m/in/<slug>` and `/mwlite/in/<slug>`, with
//! any sub-page after the slug (`/details/experience/`, `/recent-activity/all/`,
//! `/overlay/contact-info/`, a locale such as `/en`), repeated or trailing slashes, any query
//! string (`?trk=...`, `?originalSubdomain=...`) and fragment; and LinkedIn's sign-in wall
//! (`/authwall?...&sessionRedirect=<profile URL>`), which is read through once.
//!
//! The slug is percent-decoded (UTF-8), lower-cased (Unicode), put in NFC and checked: 3 to
//! 100 characters, each a letter or digit (Unicode `Alphabetic` or `Numeric`), `-`, `_`, or a
//! combining mark after one of those. The output percent-encodes the slug's non-ASCII
//! characters as UTF-8 with upper-case hex, exactly as the `url` crate serializes a path, so
//! normalizing an output gives it back.

use crate::host::every_byte;
use crate::host::http_url::{self, HttpUrl, UrlHost};
use crate::issue::{Code, FieldIssue};
use crate::{strip_prefix_ignore_ascii_case, text, unicode, FieldResult, Normalized, Options};
use std::borrow::Cow;
#[cfg(test)]
use url::Url;

/// Inputs longer than this many bytes (after trimming) are refused before any parsing.
pub const MAX_INPUT_BYTES: usize = 2048;
/// The fewest characters in a profile slug.
pub const SLUG_MIN_CHARS: usize = 3;
/// The most characters in a profile slug.
pub const SLUG_MAX_CHARS: usize = 100;

/// The prefix of every normalized profile URL.
const PROFILE_PREFIX: &str = "https://www.linkedin.com/in/";

/// Normalizes a LinkedIn person-profile URL to `https://www.linkedin.com/in/<slug>`.
///
/// Surrounding white space is trimmed; the scheme may be missing; query strings, fragments
/// and sub-pages of the profile are dropped; the slug is lower-cased and its non-ASCII
/// characters percent-encoded (see the [module documentation](self) for every accepted
/// form). The options are not used.
///
/// # Errors
/// - `linkedin_url_invalid`: not a LinkedIn URL (another host, look-alikes such as
///   `linkedin.com.evil.io`, a scheme other than `http`/`https`), or a malformed one (white
///   space, credentials or a port in the URL, a slug with other characters or outside 3–100
///   characters, over [`MAX_INPUT_BYTES`]). A bare slug such as `jane-doe` is refused too,
///   with `ctx.suggestion` holding the profile URL it would be.
/// - `linkedin_url_not_profile`: a LinkedIn page that is not a person's profile (company,
///   school, showcase, group, feed, post, article, job, event, course, search, `/in/` without
///   a slug, other `*.linkedin.com` sites...).
/// - `linkedin_url_unsupported`: a LinkedIn URL from which the public profile cannot be
///   derived offline: Sales Navigator (`/sales/...`), Recruiter (`/talent/...`,
///   `/recruiter/...`), `lnkd.in` short links, legacy `/pub/<name>/...` and `/profile/view?id=`
///   URLs, and `/in/` URLs holding an internal member ID (`/in/ACoAA...`), which lower-casing
///   would break.
///
/// Each issue has a message for its case ("This is a LinkedIn company page, ..."); `ctx.page`
/// (`company`, `school`, `group`, `post`, `job`, `event`, `learning`, `search`, `no_slug`,
/// `home`, `directory`, `other_site`, `other`) or `ctx.kind` (`sales_navigator`, `recruiter`,
/// `short_link`, `legacy_pub`, `legacy_profile_view`, `member_id`) says which.
///
/// # Example
/// ```
/// use contact_rules::{linkedin, Code, Options};
/// let opts = Options::default();
/// let out = linkedin::normalize("de.linkedin.com/in/Peter-Müller-81a8/?trk=x", &opts).unwrap();
/// assert_eq!(out.value, "https://www.linkedin.com/in/peter-m%C3%BCller-81a8");
/// let err = linkedin::normalize("https://www.linkedin.com/company/acme", &opts).unwrap_err();
/// assert_eq!(err.code, Code::LinkedinUrlNotProfile);
/// ```
pub fn normalize(input: &str, options: &Options) -> FieldResult {
    let _ = options;
    profile_url(input, true).map(Normalized::new)
}

fn invalid(message: impl Into<Cow<'static, str>>) -> FieldIssue {
    FieldIssue::new(Code::LinkedinUrlInvalid).with_message(message)
}

fn not_profile(message: &'static str, page: &'static str) -> FieldIssue {
    FieldIssue::new(Code::LinkedinUrlNotProfile)
        .with_message(message)
        .with_ctx("page", page)
}

fn unsupported(message: &'static str, kind: &'static str) -> FieldIssue {
    FieldIssue::new(Code::LinkedinUrlUnsupported)
        .with_message(message)
        .with_ctx("kind", kind)
}

/// The whole rule; `follow_redirect` allows reading one `/authwall` redirect.
fn profile_url(input: &str, follow_redirect: bool) -> Result<String, FieldIssue> {
    match plain_profile_url(text::trim(input)) {
        Some(result) => result,
        None => parsed_profile_url(input, follow_redirect),
    }
}

/// The common input, `[http[s]://][<sub>.]linkedin.com[/m|/mwlite]/in/<slug>[<rest>]` (any
/// case), where `<sub>` is `www`, `m`, `mobile`, `touch` or two letters, the slug 3 to 100
/// ASCII letters, digits, `-` and `_` that is not a member ID, and the rest, if any, starts
/// with `/`, `?` or `#`: more path of letters, digits, `-`, `_` and `/` (no dot segment, no
/// percent-encoding, no backslash), then an optional query and fragment of printable ASCII.
/// It gives the profile URL with the slug lower-cased, which is what [`parsed_profile_url`]
/// gives for it (the URL parser keeps such a host and path as they are, the sub-pages, query
/// and fragment are not read, and lower-casing, NFC and percent-encoding leave the lower-cased
/// slug alone).
///
/// A slug that also holds non-ASCII characters (other than white space and controls) or
/// `%`, or that has the wrong length or is a member ID, in the same URL, gives what
/// [`slug_of_segment`] makes of it as typed: the URL parser percent-encodes the non-ASCII
/// characters of the segment and keeps the rest (a `%` too), so decoding its segment gives the
/// same bytes, and such a segment is never a dot segment (those with `%2e` are left out).
/// `None` for anything else. The tests compare both on generated URLs.
fn plain_profile_url(s: &str) -> Option<Result<String, FieldIssue>> {
    if s.len() > MAX_INPUT_BYTES {
        return None;
    }
    let strip = strip_prefix_ignore_ascii_case;
    let rest = strip(s, "https://")
        .or_else(|| strip(s, "http://"))
        .unwrap_or(s);
    // Byte searches (the characters sought are ASCII, so the places are char boundaries).
    let (host, path) = rest.split_at(rest.bytes().position(|b| b == b'/')?);
    // The host: `linkedin.com` or one of the profile hosts under it (as `site_of` reads them).
    let profile_host = host.eq_ignore_ascii_case("linkedin.com")
        || host
            .len()
            .checked_sub(".linkedin.com".len())
            .and_then(|cut| Some((host.get(..cut)?, host.get(cut..)?)))
            .is_some_and(|(sub, domain)| {
                domain.eq_ignore_ascii_case(".linkedin.com")
                    && (["www", "m", "mobile", "touch"]
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(sub))
                        || (sub.len() == 2 && sub.bytes().all(|b| b.is_ascii_alphabetic())))
            });
    if !profile_host {
        return None;
    }
    let path = &path[1..];
    let path = strip(path, "m/")
        .or_else(|| strip(path, "mwlite/"))
        .unwrap_or(path);
    let after_in = strip(path, "in/")?;
    let (slug, tail) = after_in.split_at(
        after_in
            .bytes()
            .position(|b| matches!(b, b'/' | b'?' | b'#'))
            .unwrap_or(after_in.len()),
    );
    let slug_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let (more_path, query) = tail.split_at(
        tail.bytes()
            .position(|b| b == b'?' || b == b'#')
            .unwrap_or(tail.len()),
    );
    if !every_byte(more_path, |b| slug_byte(b) || b == b'/')
        || !every_byte(query, |b| b.is_ascii_graphic())
    {
        return None;
    }
    if (SLUG_MIN_CHARS..=SLUG_MAX_CHARS).contains(&slug.len())
        && every_byte(slug, slug_byte)
        && !is_member_id(slug)
    {
        let mut out = String::with_capacity(PROFILE_PREFIX.len() + slug.len());
        out.push_str(PROFILE_PREFIX);
        out.push_str(slug);
        out[PROFILE_PREFIX.len()..].make_ascii_lowercase();
        return Some(Ok(out));
    }
    let other_char = |c: char| {
        if c.is_ascii() {
            slug_byte(c as u8) || c == '%'
        } else {
            !(c.is_whitespace() || c.is_control())
        }
    };
    if slug.is_empty()
        || !slug.chars().all(other_char)
        || slug.eq_ignore_ascii_case("%2e")
        || slug.eq_ignore_ascii_case("%2e%2e")
    {
        return None;
    }
    Some(profile_of_segment(slug))
}

/// [`profile_url`] through the URL parser: any input.
fn parsed_profile_url(input: &str, follow_redirect: bool) -> Result<String, FieldIssue> {
    let s = text::trim(input);
    if s.len() > MAX_INPUT_BYTES {
        return Err(invalid("This is too long to be a LinkedIn profile URL.")
            .with_ctx("max_length", MAX_INPUT_BYTES as u64));
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid(
            "A LinkedIn profile URL has no spaces or line breaks inside; remove them.",
        ));
    }
    let scheme = scheme_of(s);
    let text = match scheme {
        Some(sc) if sc.eq_ignore_ascii_case("http") || sc.eq_ignore_ascii_case("https") => {
            Cow::Borrowed(s)
        }
        Some(_) => {
            return Err(invalid(
                "A LinkedIn profile URL starts with https://, such as https://www.linkedin.com/in/jane-doe.",
            ))
        }
        None if s.starts_with("//") => Cow::Owned(format!("https:{s}")),
        None => Cow::Owned(format!("https://{s}")),
    };
    let url = http_url::parse(&text)
        .map_err(|e| invalid("This is not a valid URL.").with_ctx("error", e.to_string()))?;

    let host = match &url.host {
        UrlHost::Domain(d) => d.as_str(),
        UrlHost::Ipv4 | UrlHost::Ipv6 => return Err(not_linkedin(s, scheme.is_some())),
    };
    let host = host.strip_suffix('.').unwrap_or(host);
    let site = site_of(host);
    if site == Site::Other {
        return Err(not_linkedin(s, scheme.is_some()));
    }
    if url.has_userinfo {
        return Err(invalid(
            "A LinkedIn profile URL has no user name or password before the host; remove them.",
        ));
    }
    if url.port.is_some() {
        return Err(invalid(
            "A LinkedIn profile URL has no port number; remove it.",
        ));
    }
    match site {
        Site::ShortLink => Err(unsupported(
            "This is a lnkd.in short link; open it and copy the profile's /in/ URL.",
            "short_link",
        )),
        Site::Service => Err(not_profile(
            "This LinkedIn site has no member profiles; use the profile URL on www.linkedin.com/in/.",
            "other_site",
        )),
        _ => profile_path(&url, follow_redirect),
    }
}

/// The scheme of `s`, if it starts with one (`https:`, `javascript:`...). A prefix with a dot
/// before the first colon is a host with a port (`linkedin.com:443`), not a scheme.
fn scheme_of(s: &str) -> Option<&str> {
    let (scheme, _) = s.split_once(':')?;
    let mut bytes = scheme.bytes();
    let first_ok = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    (first_ok && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-'))
        .then_some(scheme)
}

/// The error for a URL whose host is not LinkedIn's, with a suggestion when the input is a
/// bare slug (`jane-doe`).
fn not_linkedin(s: &str, had_scheme: bool) -> FieldIssue {
    if !had_scheme {
        if let Ok(slug) = checked_slug(s) {
            let suggestion = format!("{PROFILE_PREFIX}{slug}");
            return invalid(format!(
                "Enter the whole LinkedIn profile URL, such as {suggestion}."
            ))
            .with_ctx("suggestion", suggestion);
        }
    }
    invalid("This is not a LinkedIn URL; enter a profile URL such as https://www.linkedin.com/in/jane-doe.")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Site {
    /// `linkedin.com` and the hosts that serve profiles.
    Main,
    /// Another `*.linkedin.com` site (business., learning., developer., ...).
    Service,
    /// `lnkd.in`.
    ShortLink,
    /// Not LinkedIn.
    Other,
}

/// Classifies a lower-case ASCII host (as the `url` crate gives it), without a trailing dot.
fn site_of(host: &str) -> Site {
    if host == "linkedin.com" {
        return Site::Main;
    }
    if host == "lnkd.in" || host == "www.lnkd.in" {
        return Site::ShortLink;
    }
    match host.strip_suffix(".linkedin.com") {
        Some(sub) if sub.split('.').any(str::is_empty) => Site::Other,
        Some("www" | "m" | "mobile" | "touch") => Site::Main,
        Some(sub) if sub.len() == 2 && sub.bytes().all(|b| b.is_ascii_lowercase()) => Site::Main,
        Some(_) => Site::Service,
        None => Site::Other,
    }
}

/// Reads the path (and, for the sign-in wall, the query) of a URL on a profile host.
fn profile_path(url: &HttpUrl<'_>, follow_redirect: bool) -> Result<String, FieldIssue> {
    let segments = url.path_segments();
    let mut segs = segments
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .peekable();
    // The mobile sites' prefixes: /m/in/<slug>, /mwlite/in/<slug>.
    if segs
        .peek()
        .is_some_and(|s| s.eq_ignore_ascii_case("m") || s.eq_ignore_ascii_case("mwlite"))
    {
        segs.next();
    }
    let Some(first) = segs.next() else {
        return Err(not_profile(
            "This is LinkedIn's home page, not a person's profile; use the profile's /in/ URL.",
            "home",
        ));
    };
    let second = segs.next();
    let is = |s: &str, names: &[&str]| names.iter().any(|n| s.eq_ignore_ascii_case(n));
    let first_is = |names: &[&str]| is(first, names);
    if first_is(&["in"]) {
        return match second {
            Some(raw) => profile_of_segment(raw),
            None => Err(not_profile(
                "This LinkedIn URL has no profile name after /in/.",
                "no_slug",
            )),
        };
    }
    if first_is(&["pub"]) {
        return match second {
            Some(s) if !is(s, &["dir"]) => Err(unsupported(
                "This is a legacy /pub/ profile URL; open it and copy the profile's /in/ URL.",
                "legacy_pub",
            )),
            _ => Err(not_profile(
                "This is LinkedIn's member directory, not a person's profile.",
                "directory",
            )),
        };
    }
    if first_is(&["profile"]) {
        return Err(unsupported(
            "This is a legacy /profile/view URL; open it and copy the profile's /in/ URL.",
            "legacy_profile_view",
        ));
    }
    if first_is(&["sales"]) {
        return match second {
            Some(s) if is(s, &["company", "accounts"]) => Err(not_profile(
                "This is a Sales Navigator account page, not a person's profile.",
                "company",
            )),
            _ => Err(unsupported(
                "This is a Sales Navigator URL; open the lead's public LinkedIn profile and copy its /in/ URL.",
                "sales_navigator",
            )),
        };
    }
    if first_is(&["talent", "recruiter"]) {
        return Err(unsupported(
            "This is a LinkedIn Recruiter URL; open the candidate's public LinkedIn profile and copy its /in/ URL.",
            "recruiter",
        ));
    }
    if first_is(&["authwall"]) && follow_redirect {
        if let Some(target) = url.query_value("sessionRedirect") {
            return profile_url(&target, false);
        }
    }
    Err(match first.to_ascii_lowercase().as_str() {
        "company" | "company-beta" | "showcase" => not_profile(
            "This is a LinkedIn company page, not a person's profile; use the person's /in/ URL.",
            "company",
        ),
        "school" | "edu" => not_profile(
            "This is a LinkedIn school page, not a person's profile; use the person's /in/ URL.",
            "school",
        ),
        "groups" | "group" => not_profile(
            "This is a LinkedIn group, not a person's profile; use the person's /in/ URL.",
            "group",
        ),
        "feed" | "posts" | "pulse" | "newsletters" | "embed" | "video" | "hashtag" => not_profile(
            "This is a LinkedIn post or article, not a person's profile; use the author's /in/ URL.",
            "post",
        ),
        "jobs" | "job" => not_profile(
            "This is a LinkedIn job page, not a person's profile; use the person's /in/ URL.",
            "job",
        ),
        "events" => not_profile(
            "This is a LinkedIn event, not a person's profile; use the person's /in/ URL.",
            "event",
        ),
        "learning" => not_profile(
            "This is a LinkedIn Learning page, not a person's profile; use the person's /in/ URL.",
            "learning",
        ),
        "search" => not_profile(
            "These are LinkedIn search results, not a person's profile; open the profile and copy its /in/ URL.",
            "search",
        ),
        _ => FieldIssue::new(Code::LinkedinUrlNotProfile).with_ctx("page", "other"),
    })
}

/// The profile URL of a raw `/in/` path segment: [`slug_of_segment`] after the prefix.
fn profile_of_segment(raw: &str) -> Result<String, FieldIssue> {
    slug_of_segment(raw).map(|slug| format!("{PROFILE_PREFIX}{slug}"))
}

/// The normalized, percent-encoded slug of a raw `/in/` path segment (as the `url` crate
/// serialized it: percent-encoded, any case).
fn slug_of_segment(raw: &str) -> Result<String, FieldIssue> {
    let decoded = String::from_utf8(percent_decode(raw))
        .map_err(|_| invalid("This LinkedIn profile name is not valid percent-encoded UTF-8."))?;
    if is_member_id(&decoded) {
        return Err(unsupported(
            "This profile URL holds an internal LinkedIn member ID; open it and copy the /in/ URL it shows.",
            "member_id",
        ));
    }
    checked_slug(&decoded)
}

/// LinkedIn's internal member IDs (`ACoAAB...`, `ACwAAB...`, base64url, 39 characters) work
/// in `/in/` URLs but are case-sensitive: lower-casing would break them.
fn is_member_id(s: &str) -> bool {
    (s.starts_with("ACoA") || s.starts_with("ACwA"))
        && (30..=60).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Lower-cases, composes (NFC) and checks a decoded slug; returns it percent-encoded.
fn checked_slug(decoded: &str) -> Result<String, FieldIssue> {
    // `decoded` is at most MAX_INPUT_BYTES long, so this is bounded work.
    let lower = decoded.to_lowercase();
    let slug = match unicode::nfc(&lower) {
        Cow::Borrowed(_) => lower,
        Cow::Owned(s) => s,
    };
    let mut after_base = false;
    for c in slug.chars() {
        let ok = if c.is_alphanumeric() {
            after_base = true;
            true
        } else if c == '-' || c == '_' {
            after_base = false;
            true
        } else {
            // A combining mark (accents NFC cannot compose, Thai tone marks...) is part of
            // the letter before it.
            after_base && (unicode::canonical_combining_class(c) != 0 || is_script_mark(c))
        };
        if !ok {
            return Err(
                invalid("A LinkedIn profile name has only letters, digits, - and _.")
                    .with_ctx("character", format!("U+{:04X}", c as u32)),
            );
        }
    }
    let n = slug.chars().count();
    if !(SLUG_MIN_CHARS..=SLUG_MAX_CHARS).contains(&n) {
        return Err(invalid(format!(
            "A LinkedIn profile name has {SLUG_MIN_CHARS} to {SLUG_MAX_CHARS} characters; this one has {n}."
        ))
        .with_ctx("min_length", SLUG_MIN_CHARS as u64)
        .with_ctx("max_length", SLUG_MAX_CHARS as u64));
    }
    Ok(percent_encode(&slug))
}

/// The combining marks of living scripts that are neither `Alphabetic` nor of a non-zero
/// combining class (Unicode 16: Gujarati, Oriya, Thai, Lao, Tibetan, Khmer, Vedic, Meetei
/// Mayek, Sharada, Zanabazar Square, Soyombo), such as Thai THANTHAKHAT (U+0E4C). Variation
/// selectors and the combining grapheme joiner are left out on purpose.
fn is_script_mark(c: char) -> bool {
    matches!(c as u32,
        0x0AFD..=0x0AFF
        | 0x0B55
        | 0x0E47
        | 0x0E4C
        | 0x0E4E
        | 0x0ECC
        | 0x0F3E..=0x0F3F
        | 0x17C9..=0x17D1
        | 0x17D3
        | 0x1CE1
        | 0x1CF7
        | 0xABEC
        | 0x111C9
        | 0x111CB..=0x111CC
        | 0x11A33
        | 0x11A98
    )
}

/// Decodes `%XX` sequences (any hex case); a `%` not followed by two hex digits stays.
fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            if let (Some(h), Some(l)) = (
                b.get(i + 1).and_then(|&x| hex(x)),
                b.get(i + 2).and_then(|&x| hex(x)),
            ) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// Percent-encodes the non-ASCII bytes of a checked slug, upper-case hex, as the `url` crate
/// serializes a path segment (the slug's ASCII characters are all left as they are).
fn percent_encode(slug: &str) -> String {
    let mut out = String::with_capacity(slug.len() * 3);
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in slug.as_bytes() {
        if b.is_ascii() {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Result<String, Code> {
        normalize(s, &Options::default())
            .map(|n| n.value)
            .map_err(|e| e.code)
    }

    #[test]
    fn plain_profile_fast_path_matches_the_url_parser() {
        const PIECES: &[&str] = &[
            "https://",
            "HTTP://",
            "http:/",
            "www.",
            "WWW.",
            "m.",
            "linkedin.com",
            "LinkedIn.COM",
            "linkedin.com.",
            "/in/",
            "/IN/",
            "/in",
            "/",
            "//",
            "jane",
            "Doe",
            "-",
            "_",
            "0",
            "ACoAAB",
            "ACwAAAbcdefghijklmnopqrstuvwxyz0123",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "é",
            "%41",
            "%C3%A9",
            "%2e",
            "%2E%2e",
            "%",
            "%FF",
            "Ü",
            "\u{3000}",
            "\u{85}",
            "\u{308}",
            "?",
            "#",
            ".",
            ":443",
            " ",
            "@",
        ];
        const SLUG: &[&str] = &["jane", "Doe", "-", "_", "0", "ACoAAB", "x", "/"];
        const PREFIXES: &[&str] = &[
            "https://www.linkedin.com/in/",
            "linkedin.com/in/",
            "HTTP://WWW.LinkedIn.com/IN/",
        ];
        let mut rng = crate::test_rng::XorShift(0x853C_49E6_748F_EA9B);
        let mut fast = 0;
        for i in 0..60_000 {
            // Half the inputs start as a plain profile URL, so the fast path is well covered.
            let mut s = String::new();
            if i % 2 == 0 {
                s.push_str(rng.pick::<&str>(PREFIXES));
            }
            for _ in 0..rng.below(9) {
                let pieces = if i % 2 == 0 && !rng.chance(10) {
                    SLUG
                } else {
                    PIECES
                };
                s.push_str(rng.pick::<&str>(pieces));
            }
            if plain_profile_url(s.trim()).is_some() {
                fast += 1;
            }
            assert_eq!(profile_url(&s, true), parsed_profile_url(&s, true), "{s:?}");
        }
        assert!(fast > 5_000, "only {fast} inputs took the fast path");
    }

    /// The plain path's wider forms (profile hosts, mobile prefixes, sub-pages, queries and
    /// fragments) give the URL parser's result, with look-alike hosts, dot segments,
    /// percent-encoding, backslashes, spaces and non-ASCII characters around them.
    #[test]
    fn plain_profile_forms_match_the_url_parser() {
        const SCHEMES: &[&str] = &[
            "", "https://", "HTTP://", "//", "http:/", "https:", "ftp://",
        ];
        const HOSTS: &[&str] = &[
            "linkedin.com",
            "www.linkedin.com",
            "WWW.LinkedIn.COM",
            "m.linkedin.com",
            "Mobile.linkedin.com",
            "touch.linkedin.com",
            "br.linkedin.com",
            "DE.linkedin.com",
            "b2.linkedin.com",
            "xyz.linkedin.com",
            "business.linkedin.com",
            "linkedin.com.",
            "x.www.linkedin.com",
            ".linkedin.com",
            "..linkedin.com",
            "linkedin.com:443",
            "linkedin.co",
            "evil-linkedin.com",
            "lnkd.in",
            "linkedin.com@evil.io",
            "é.linkedin.com",
        ];
        const MOBILE: &[&str] = &["", "", "", "/m", "/mwlite", "/M", "/mw", "/m/"];
        const IN: &[&str] = &["/in/", "/in/", "/IN/", "/in//", "/pub/", "/in", "/in/./"];
        const SLUG: &[&str] = &[
            "jane",
            "Doe",
            "-",
            "_",
            "0",
            "ACoAAB",
            "x",
            "é",
            "%41",
            ".",
            "@",
            "%C3%A9",
            "%c3%a9",
            "%2e",
            "%2E",
            "%",
            "%zz",
            "%FF",
            "Ü",
            "İ",
            "a\u{308}",
            "\u{308}",
            "\u{3000}",
            "\u{85}",
            "\u{200b}",
            "%E2%80%8B",
            "中文",
            "%2F",
            "ACwAAAbcdefghijklmnopqrstuvwxyz0123",
        ];
        const TAIL: &[&str] = &[
            "",
            "/",
            "/details/experience/",
            "/recent-activity/all",
            "?trk=x",
            "?locale=en_US",
            "#about",
            "?a=%zz#b",
            "//",
            "/..",
            "/../../company/x",
            "/%2e%2e/x",
            "\\x",
            "/./",
            "/ x",
            "?x y",
            "/é",
            "?é",
            "?",
            "#",
            "?sessionRedirect=x",
            ":1",
            "\t",
        ];
        let mut rng = crate::test_rng::XorShift(0x9E37_79B9_7F4A_7C15);
        let (mut fast, mut wide) = (0, 0);
        // Mostly the first pieces of each list, which make a plain profile URL.
        let pick = |rng: &mut crate::test_rng::XorShift, items: &[&'static str], good| {
            let items = if rng.chance(85) {
                &items[..good]
            } else {
                items
            };
            *rng.pick::<&str>(items)
        };
        for _ in 0..60_000 {
            let mut s = String::new();
            for (part, good) in [(SCHEMES, 4), (HOSTS, 8), (MOBILE, MOBILE.len()), (IN, 3)] {
                s.push_str(pick(&mut rng, part, good));
            }
            for _ in 0..1 + rng.below(4) {
                s.push_str(pick(&mut rng, SLUG, 5));
            }
            for _ in 0..rng.below(3) {
                s.push_str(pick(&mut rng, TAIL, 9));
            }
            if plain_profile_url(s.trim()).is_some() {
                fast += 1;
                if !s.is_ascii() || s.contains('%') {
                    wide += 1;
                }
            }
            assert_eq!(profile_url(&s, true), parsed_profile_url(&s, true), "{s:?}");
        }
        assert!(
            wide > 2_000,
            "only {wide} non-ASCII or percent-encoded inputs took the fast path"
        );
        assert!(fast > 5_000, "only {fast} inputs took the fast path");
    }

    #[test]
    fn accepted_forms() {
        let jane = "https://www.linkedin.com/in/jane-doe";
        for s in [
            "https://www.linkedin.com/in/jane-doe",
            "  https://www.linkedin.com/in/jane-doe/ \n",
            "http://www.linkedin.com/in/jane-doe",
            "HTTPS://WWW.LINKEDIN.COM/IN/JANE-DOE",
            "linkedin.com/in/Jane-Doe/",
            "www.linkedin.com/in/jane-doe",
            "//www.linkedin.com/in/jane-doe",
            "https:www.linkedin.com/in/jane-doe",
            "uk.linkedin.com/in/jane-doe",
            "https://de.linkedin.com/in/jane-doe?originalSubdomain=de",
            "https://m.linkedin.com/in/jane-doe",
            "https://mobile.linkedin.com/in/jane-doe",
            "https://touch.linkedin.com/in/jane-doe",
            "https://www.linkedin.com./in/jane-doe",
            "https://www.linkedin.com:443/in/jane-doe",
            "http://www.linkedin.com:80/in/jane-doe",
            "linkedin.com:443/in/jane-doe",
            "https://www.linkedin.com/in/jane-doe/details/experience/",
            "https://www.linkedin.com/in/jane-doe/recent-activity/all/",
            "https://www.linkedin.com/in/jane-doe/overlay/contact-info/",
            "https://www.linkedin.com/in/jane-doe/en",
            "https://www.linkedin.com/in/jane-doe/?locale=de_DE",
            "https://www.linkedin.com/in/jane-doe?trk=public_profile_browse",
            "https://www.linkedin.com/in/jane-doe#about",
            "https://linkedin.com//in//jane-doe//",
            "https://www.linkedin.com/mwlite/in/jane-doe",
            "https://www.linkedin.com/m/in/jane-doe",
            "https://www.linkedin.com/in/jane%2Ddoe",
            "https://www.linkedin.com\\in\\jane-doe",
            "https://www.linkedin.com/authwall?trk=bf&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fjane-doe",
        ] {
            assert_eq!(norm(s).as_deref(), Ok(jane), "{s:?}");
        }
        for (s, want) in [
            (
                "https://linkedin.com/in/à-nous-la-lune-",
                "%C3%A0-nous-la-lune-",
            ),
            (
                "https://de.linkedin.com/in/peter-müller-81a8/",
                "peter-m%C3%BCller-81a8",
            ),
            (
                "https://de.linkedin.com/in/PETER-M%c3%9cLLER-81a8/",
                "peter-m%C3%BCller-81a8",
            ),
            ("linkedin.com/in/peter-mu\u{308}ller", "peter-m%C3%BCller"),
            ("linkedin.com/in/ÉLODIE_Ü", "%C3%A9lodie_%C3%BC"),
            ("linkedin.com/in/王小明", "%E7%8E%8B%E5%B0%8F%E6%98%8E"),
            (
                "linkedin.com/in/ก่อศักดิ์",
                "%E0%B8%81%E0%B9%88%E0%B8%AD%E0%B8%A8%E0%B8%B1%E0%B8%81%E0%B8%94%E0%B8%B4%E0%B9%8C",
            ),
            ("linkedin.com/in/abc", "abc"),
            ("linkedin.com/in/acoaab", "acoaab"),
        ] {
            assert_eq!(norm(s), Ok(format!("{PROFILE_PREFIX}{want}")), "{s:?}");
        }
        let long = "a".repeat(100);
        assert_eq!(
            norm(&format!("linkedin.com/in/{long}")),
            Ok(format!("{PROFILE_PREFIX}{long}"))
        );
    }

    #[test]
    fn encoding_matches_the_url_crate() {
        for slug in ["à-nous-la-lune-", "王小明", "peter-müller_81a8", "ก่อศักดิ์"]
        {
            let mut u = Url::parse("https://www.linkedin.com/in/").unwrap();
            u.path_segments_mut().unwrap().pop_if_empty().push(slug);
            assert_eq!(
                u.as_str(),
                format!("{PROFILE_PREFIX}{}", percent_encode(slug))
            );
        }
    }

    #[test]
    fn refused() {
        use Code::{
            LinkedinUrlInvalid as I, LinkedinUrlNotProfile as N, LinkedinUrlUnsupported as U,
        };
        for (s, want) in [
            // Not LinkedIn, or malformed.
            ("https://linkedin.com.evil.io/in/jane-doe", I),
            ("https://notlinkedin.com/in/jane-doe", I),
            ("https://mylinkedin.com/in/jane-doe", I),
            ("https://linkedin.co/in/jane-doe", I),
            ("https://linkedn.com/in/jane-doe", I),
            ("www.test.com/in/test", I),
            ("https://www.linkedin2com/company/test", I),
            ("https://https://linkedin.com/in/test", I),
            ("https://linkedin.com@evil.io/in/jane-doe", I),
            ("https://jane:pw@linkedin.com/in/jane-doe", I),
            ("https://jane@www.linkedin.com/in/jane-doe", I),
            ("https://www.linkedin.com:8080/in/jane-doe", I),
            ("javascript:alert(1)//linkedin.com/in/jane-doe", I),
            ("ftp://linkedin.com/in/jane-doe", I),
            ("mailto:jane@linkedin.com", I),
            ("https://93.184.216.34/in/jane-doe", I),
            ("https://[::1]/in/jane-doe", I),
            ("https://.linkedin.com/in/jane-doe", I),
            ("linkedin.com/in/jane doe", I),
            ("linkedin.com/in/jane%20doe", I),
            ("linkedin.com/in/ja\nne", I),
            ("linkedin.com/in/jane.doe", I),
            ("linkedin.com/in/jane%2Fdoe", I),
            ("linkedin.com/in/jane%zzdoe", I),
            ("linkedin.com/in/jane%FFdoe", I),
            ("linkedin.com/in/jo", I),
            ("linkedin.com/in/me", I),
            ("linkedin.com/in/\u{301}abc", I),
            ("gkucmierz", I),
            ("http://", I),
            ("https://", I),
            // LinkedIn, but not a profile.
            ("https://www.linkedin.com/company/acme", N),
            ("https://www.linkedin.com/company/", N),
            ("https://www.linkedin.com/school/mit", N),
            ("https://www.linkedin.com/showcase/x", N),
            ("https://www.linkedin.com/groups/123", N),
            ("https://www.linkedin.com/feed/", N),
            (
                "https://www.linkedin.com/feed/update/urn:li:activity:6665508550111912345/",
                N,
            ),
            ("https://www.linkedin.com/posts/jane-doe_activity-123", N),
            ("https://www.linkedin.com/pulse/some-article-jane-doe", N),
            ("https://www.linkedin.com/jobs/view/123", N),
            ("https://www.linkedin.com/events/123", N),
            ("https://www.linkedin.com/learning/python", N),
            (
                "https://www.linkedin.com/search/results/people/?keywords=jane",
                N,
            ),
            ("https://www.linkedin.com/pub/dir/jane/doe", N),
            ("https://www.linkedin.com/in/", N),
            ("https://www.linkedin.com/mwlite/in/", N),
            ("https://www.linkedin.com/mwlite/company/acme", N),
            ("https://www.linkedin.com", N),
            ("linkedin.com", N),
            ("https://www.linkedin.com/authwall?trk=bf", N),
            ("https://business.linkedin.com/in/jane-doe", N),
            ("https://www.linkedin.com/sales/company/123", N),
            // No public profile can be derived offline.
            (
                "https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH,abc",
                U,
            ),
            ("https://www.linkedin.com/sales/people/ACwAAAbcd,name", U),
            ("https://www.linkedin.com/talent/profile/AEMAAA", U),
            ("https://www.linkedin.com/recruiter/profile/123", U),
            ("https://lnkd.in/abcDEF", U),
            ("lnkd.in/abcDEF", U),
            ("https://www.linkedin.com/pub/karl-lorey/1/2/3", U),
            ("https://linkedin.com/pub/test/01/01", U),
            ("https://www.linkedin.com/profile/view?id=12345", U),
            (
                "https://www.linkedin.com/in/ACoAABTaBq8BbTJ0HRuU-4ZCvN1GiDbSjoxQm8Y",
                U,
            ),
        ] {
            assert_eq!(norm(s), Err(want), "{s:?}");
        }
        assert_eq!(
            norm(&format!("linkedin.com/in/{}", "a".repeat(101))),
            Err(I)
        );
        assert_eq!(
            norm(&format!("linkedin.com/in/a?{}", "a".repeat(3000))),
            Err(I)
        );
    }

    #[test]
    fn messages_and_ctx() {
        let o = Options::default();
        let e = normalize("gkucmierz", &o).unwrap_err();
        let ctx = e.ctx.unwrap();
        assert_eq!(ctx["suggestion"], "https://www.linkedin.com/in/gkucmierz");
        let e = normalize("https://www.linkedin.com/company/acme", &o).unwrap_err();
        assert!(e.message.starts_with("This is a LinkedIn company page"));
        let e = normalize("linkedin.com/in/jo", &o).unwrap_err();
        assert_eq!(e.ctx.unwrap()["max_length"], 100);
        for code in [Code::LinkedinUrlInvalid, Code::LinkedinUrlNotProfile] {
            assert!(code.message().ends_with('.'));
        }
    }

    #[test]
    fn huge_input_is_refused_at_once() {
        let big = format!("https://www.linkedin.com/in/{}", "a".repeat(20 << 20));
        let t = std::time::Instant::now();
        assert_eq!(norm(&big), Err(Code::LinkedinUrlInvalid));
        assert!(t.elapsed() < std::time::Duration::from_secs(2));
    }

    /// No panic on any input, and every output normalizes to itself.
    #[test]
    fn xorshift_never_panics_and_is_idempotent() {
        const PIECES: &[&str] = &[
            "h",
            "t",
            "p",
            "s",
            ":",
            "/",
            "//",
            "\\",
            ".",
            "?",
            "#",
            "&",
            "=",
            "@",
            "%",
            "%2",
            "%C3",
            "%A9",
            "%2F",
            "%zz",
            "-",
            "_",
            " ",
            "\t",
            "\n",
            "\u{0}",
            "linkedin",
            ".com",
            "www.",
            "m.",
            "de.",
            "in",
            "/in/",
            "mwlite",
            "pub",
            "company",
            "sales",
            "authwall",
            "sessionRedirect=",
            "lnkd.in",
            "https://",
            "http:",
            "[",
            "]",
            ":443",
            ":8080",
            "a",
            "Z",
            "0",
            "9",
            "é",
            "É",
            "e\u{301}",
            "\u{301}",
            "İ",
            "ß",
            "ẞ",
            "王",
            "ก่",
            "\u{200b}",
            "\u{feff}",
            "\u{10FFFF}",
            "ﬀ",
            "Ⅻ",
            "²",
            "ACoAA",
            "xn--",
            "..",
            "%2e%2e",
        ];
        const PREFIXES: &[&str] = &[
            "https://www.linkedin.com/in/",
            "linkedin.com/in/",
            "HTTP://DE.LINKEDIN.COM/IN/",
            "//m.linkedin.com/mwlite/in/",
            "www.linkedin.com:443//in//",
        ];
        const SLUGGY: &[&str] = &[
            "a", "Z", "7", "-", "_", "é", "É", "e\u{301}", "İ", "ß", "ẞ", "王", "ก่", "์", "%C3%A9",
            "%c3%89", "%2D", "Ⅻ", "ﬀ", "ς", "Σ",
        ];
        let mut rng = crate::test_rng::XorShift(0x9E37_79B9_7F4A_7C15);
        let mut next = move || rng.next();
        let o = Options::default();
        let mut accepted = 0;
        for round in 0..40_000 {
            let mut s = String::new();
            if round % 2 == 0 {
                // A profile URL, then slug-like pieces, then anything.
                s.push_str(PREFIXES[(next() % PREFIXES.len() as u64) as usize]);
                for _ in 0..(3 + next() % 6) {
                    s.push_str(SLUGGY[(next() % SLUGGY.len() as u64) as usize]);
                }
            }
            for _ in 0..(next() % 12) {
                s.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            if let Ok(n) = normalize(&s, &o) {
                accepted += 1;
                assert!(n.value.starts_with(PROFILE_PREFIX), "{s:?} -> {}", n.value);
                let again = normalize(&n.value, &o).map(|m| m.value);
                assert_eq!(again.as_ref(), Ok(&n.value), "not idempotent: {s:?}");
                assert!(
                    Url::parse(&n.value).is_ok_and(|u| u.as_str() == n.value),
                    "{s:?}"
                );
            }
        }
        assert!(accepted > 1000, "only {accepted} accepted");
    }
}
