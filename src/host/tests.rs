//! The host module held to the crates it replaces (`idna` 1.1.0, `icu_normalizer`'s UTS #46
//! mapper, `icu_properties`, `url` 2.5), which stay dev-dependencies for this: every code point,
//! Unicode's IdnaTestV2.txt (shipped in the `idna` crate's source), and seeded generated hosts
//! and URLs shaped like the rules' inputs.

use super::http_url::{self, UrlError, UrlHost};
use super::punycode;
use super::tables::{self, Bidi, Joining};
use super::uts46::{self, DenyList, DnsLength, Hyphens};
use crate::test_rng::XorShift;
use icu_normalizer::uts46::Uts46MapperBorrowed;
use icu_properties::props::{BidiClass, GeneralCategory, JoiningType};
use icu_properties::CodePointMapData;

#[path = "../../tools/idna-tables/src/generate.rs"]
mod generate;

/// The committed tables are what the generator derives today from the ICU4X data in
/// Cargo.lock.
#[test]
fn tables_are_fresh() {
    assert!(
        generate::generate() == include_bytes!("uts46.bin"),
        "src/host/uts46.bin is stale: run \
         `cargo run --release --manifest-path tools/idna-tables/Cargo.toml`"
    );
}

/// Whether `c` can reach the property checks (as the generator decides).
fn reachable() -> Vec<bool> {
    let mut reachable = vec![false; 0x110000];
    let nfd = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        match generate::mapping(c) {
            generate::Mapping::Valid => reachable[c as usize] = true,
            generate::Mapping::Mapped(s) => s.iter().for_each(|&t| reachable[t as usize] = true),
            _ => {}
        }
        let s = c.to_string();
        if c.is_ascii() || nfd.normalize(&s) != s {
            reachable[c as usize] = true;
        }
    }
    reachable
}

/// Every code point maps as `icu_normalizer`'s UTS #46 mapper maps it (alone, and after an
/// `a`, so that composition with it shows), and has the properties `idna` reads.
#[test]
fn every_code_point_as_icu() {
    let mapper = Uts46MapperBorrowed::new();
    let reachable = reachable();
    let (bidi, joining, gc) = (
        CodePointMapData::<BidiClass>::new(),
        CodePointMapData::<JoiningType>::new(),
        CodePointMapData::<GeneralCategory>::new(),
    );
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let s = c.to_string();
        let want: String = mapper.map_normalize(s.chars()).collect();
        assert_eq!(uts46::map_normalize(&s), want, "U+{:04X}", c as u32);
        let s = format!("a{c}");
        let want: String = mapper.map_normalize(s.chars()).collect();
        assert_eq!(uts46::map_normalize(&s), want, "a U+{:04X}", c as u32);
        if !reachable[c as usize] {
            continue;
        }
        let want_bidi = match bidi.get(c) {
            BidiClass::LeftToRight => Bidi::L,
            BidiClass::RightToLeft => Bidi::R,
            BidiClass::ArabicLetter => Bidi::Al,
            BidiClass::ArabicNumber => Bidi::An,
            BidiClass::EuropeanNumber => Bidi::En,
            BidiClass::NonspacingMark => Bidi::Nsm,
            BidiClass::EuropeanSeparator
            | BidiClass::CommonSeparator
            | BidiClass::EuropeanTerminator
            | BidiClass::OtherNeutral
            | BidiClass::BoundaryNeutral => Bidi::Neutral,
            _ => Bidi::Other,
        };
        assert_eq!(tables::bidi(c), want_bidi, "U+{:04X}", c as u32);
        let want_joining = match joining.get(c) {
            JoiningType::LeftJoining => Joining::Left,
            JoiningType::RightJoining => Joining::Right,
            JoiningType::DualJoining => Joining::Dual,
            JoiningType::Transparent => Joining::Transparent,
            _ => Joining::Other,
        };
        assert_eq!(tables::joining(c), want_joining, "U+{:04X}", c as u32);
        let want_mark = matches!(
            gc.get(c),
            GeneralCategory::NonspacingMark
                | GeneralCategory::SpacingMark
                | GeneralCategory::EnclosingMark
        );
        assert_eq!(tables::is_mark(c), want_mark, "U+{:04X}", c as u32);
        assert_eq!(
            uts46::is_virama_for_tests(c),
            mapper.is_virama(c),
            "U+{:04X}",
            c as u32
        );
    }
}

/// The option sets compared with `idna`: the two the rules use, and others that exercise the
/// remaining branches.
fn option_sets() -> Vec<(
    DenyList,
    idna::AsciiDenyList,
    Hyphens,
    idna::uts46::Hyphens,
    DnsLength,
    idna::uts46::DnsLength,
)> {
    use idna::uts46::{DnsLength as D, Hyphens as H};
    use idna::AsciiDenyList as A;
    vec![
        (
            DenyList::STD3,
            A::STD3,
            Hyphens::CheckFirstLast,
            H::CheckFirstLast,
            DnsLength::Verify,
            D::Verify,
        ),
        (
            DenyList::URL,
            A::URL,
            Hyphens::Allow,
            H::Allow,
            DnsLength::Ignore,
            D::Ignore,
        ),
        (
            DenyList::EMPTY,
            A::EMPTY,
            Hyphens::Check,
            H::Check,
            DnsLength::VerifyAllowRootDot,
            D::VerifyAllowRootDot,
        ),
    ]
}

/// ToASCII of `input` by this module and by `idna`, under every option set, must agree;
/// counts in `ok` the option sets under which both accept it.
fn assert_to_ascii_agrees(input: &[u8], ok: &mut [usize; 3]) {
    let uts46 = idna::uts46::Uts46::new();
    for (n, (deny, a, hyphens, h, dns, d)) in option_sets().into_iter().enumerate() {
        let ours = uts46::to_ascii(input, deny, hyphens, dns)
            .map(|c| c.into_owned())
            .ok();
        let theirs = uts46.to_ascii(input, a, h, d).map(|c| c.into_owned()).ok();
        if ours.is_some() {
            ok[n] += 1;
        }
        assert_eq!(
            ours,
            theirs,
            "{:?} {deny:?} {hyphens:?} {dns:?}",
            String::from_utf8_lossy(input)
        );
    }
}

/// The IdnaTestV2.txt that ships in the `idna` crate's source (found through `cargo metadata`,
/// which fetches what the lockfile names if it is not there yet).
fn idna_test_v2() -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--manifest-path",
        ])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("run cargo metadata");
    assert!(out.status.success(), "cargo metadata failed");
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let manifest = meta["packages"]
        .as_array()
        .and_then(|packages| {
            packages
                .iter()
                .find(|p| p["name"] == "idna" && p["version"] == "1.1.0")
        })
        .and_then(|p| p["manifest_path"].as_str())
        .expect("the idna 1.1.0 package in cargo metadata");
    let path = std::path::Path::new(manifest)
        .parent()
        .expect("the idna crate's directory")
        .join("tests/IdnaTestV2.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}): `cargo fetch` brings the idna crate's source",
            path.display()
        )
    })
}

/// Unescapes IdnaTestV2's `\uXXXX` and `\x{XXXX}`; `None` for a lone surrogate (which a Rust
/// string cannot hold).
fn unescape(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (hex, len) = if let Some(t) = tail.strip_prefix("\\u") {
            (&t[..4], 6)
        } else if let Some(t) = tail.strip_prefix("\\x{") {
            let end = t.find('}').expect("closing brace");
            (&t[..end], end + 4)
        } else {
            out.push('\\');
            rest = &tail[1..];
            continue;
        };
        out.push(char::from_u32(u32::from_str_radix(hex, 16).expect("hex"))?);
        rest = &tail[len..];
    }
    out.push_str(rest);
    Some(out)
}

/// Every line of Unicode's IdnaTestV2.txt (its source, toUnicode and toAsciiN columns as
/// inputs): ToASCII, the mapping and Punycode agree with `idna` and `icu_normalizer`.
#[test]
fn idna_test_v2_agrees() {
    let text = idna_test_v2();
    let mapper = Uts46MapperBorrowed::new();
    let mut lines = 0;
    let mut ok = [0; 3];
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        let cols: Vec<&str> = line.split(';').map(str::trim).collect();
        for col in [0, 1, 3] {
            let Some(raw) = cols.get(col).filter(|c| !c.is_empty()) else {
                continue;
            };
            let input = if *raw == "\"\"" {
                String::new()
            } else if let Some(s) = unescape(raw) {
                s
            } else {
                continue;
            };
            assert_to_ascii_agrees(input.as_bytes(), &mut ok);
            let want: String = mapper.map_normalize(input.chars()).collect();
            assert_eq!(uts46::map_normalize(&input), want, "{input:?}");
            for label in input.split('.') {
                assert_eq!(
                    punycode::encode_str(label),
                    idna::punycode::encode_str(label),
                    "{label:?}"
                );
                let encoded = label.strip_prefix("xn--").unwrap_or(label);
                assert_eq!(
                    punycode::decode_to_string(encoded),
                    idna::punycode::decode_to_string(encoded),
                    "{encoded:?}"
                );
            }
        }
    }
    assert!(lines > 6000, "only {lines} test lines");
    assert!(ok.iter().all(|&n| n > 1000), "accepted: {ok:?}");
}

/// Pieces of generated hosts: ASCII of every kind, Unicode that maps, is disallowed, ignored,
/// joins, composes, is right-to-left or a mark, dots of other scripts, Punycode.
const HOST_PIECES: &[&str] = &[
    "a",
    "b",
    "Z",
    "q",
    "0",
    "9",
    "-",
    "--",
    ".",
    ".",
    ".",
    "_",
    " ",
    "!",
    "$",
    "%",
    "*",
    "~",
    "xn--",
    "XN--",
    "Xn--",
    "xn--bcher-kva",
    "xn--zca",
    "xn--a",
    "xn--1ug",
    "xn--ls8h",
    "xn--3e6h",
    "xn--0ugc",
    "xn--ab-",
    "xn--abc-9",
    "xn---",
    "com",
    "www",
    "ß",
    "ς",
    "Σ",
    "ü",
    "u\u{308}",
    "Ü",
    "é",
    "e\u{301}",
    "\u{301}",
    "\u{300}",
    "食",
    "狮",
    "\u{3002}",
    "\u{ff0e}",
    "\u{ff21}",
    "\u{ff41}",
    "\u{200c}",
    "\u{200d}",
    "\u{ad}",
    "\u{34f}",
    "\u{fe0f}",
    "\u{0627}",
    "\u{0644}",
    "\u{0628}",
    "\u{0661}",
    "1",
    "\u{05d0}",
    "\u{05d1}",
    "\u{05b4}",
    "\u{094d}",
    "\u{0915}",
    "\u{0915}\u{094d}\u{200d}",
    "\u{0627}\u{200c}\u{0628}",
    "\u{fffd}",
    "\u{1f600}",
    "\u{2488}",
    "\u{2474}",
    "\u{3392}",
    "\u{1d400}",
    "\u{fb01}",
    "\u{2163}",
    "İ",
    "\u{130}",
    "ǅ",
    "\u{e000}",
    "\u{10ffff}",
    "\u{e0001}",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{3000}",
    "\u{2024}",
    "\u{ff0f}",
    "\u{2100}",
    "\u{1e900}",
    "\u{1e922}",
    "\u{10d30}",
    "\u{06f0}",
    "\u{0e01}",
    "\u{0e48}",
    "\u{a8ff}",
];

/// A generated host.
fn host_like(rng: &mut XorShift) -> String {
    let len = rng.below(9);
    (0..len).map(|_| *rng.pick(HOST_PIECES)).collect()
}

/// Seeded generated hosts (and invalid UTF-8, and long labels): ToASCII agrees with `idna`,
/// the mapping with `icu_normalizer`, Punycode with `idna::punycode`.
#[test]
fn generated_hosts_agree() {
    let mapper = Uts46MapperBorrowed::new();
    let mut rng = XorShift(0x5DEE_CE66_D1CE_4E5B);
    let mut ok = [0; 3];
    for i in 0..120_000 {
        let mut host = host_like(&mut rng);
        if i % 50 == 0 {
            // Labels around the length limits.
            let n = 55 + rng.below(20);
            host.push_str(&"a".repeat(n));
            host.push_str(rng.pick::<&str>(&["", ".", ".com", "ü", ".xn--bcher-kva"]));
        }
        let mut bytes = host.clone().into_bytes();
        if i % 97 == 0 {
            bytes.insert(rng.below(bytes.len() + 1), *rng.pick(&[0x80u8, 0xC3, 0xFF]));
        }
        assert_to_ascii_agrees(&bytes, &mut ok);
        let want: String = mapper.map_normalize(host.chars()).collect();
        assert_eq!(uts46::map_normalize(&host), want, "{host:?}");
        for label in host.split('.') {
            assert_eq!(
                punycode::encode_str(label),
                idna::punycode::encode_str(label)
            );
            assert_eq!(
                punycode::decode_to_string(label),
                idna::punycode::decode_to_string(label),
                "{label:?}"
            );
        }
    }
    // Long non-ASCII labels and Punycode around idna's limits (1,000 and 2,000).
    for n in [998, 999, 1000, 1001, 1999, 2000, 2001] {
        for host in [
            "ü".repeat(n),
            format!("xn--{}", "a".repeat(n)),
            format!("xn--{}-", "a".repeat(n)),
            format!("xn--{}9", "ü".repeat(n)),
        ] {
            assert_to_ascii_agrees(host.as_bytes(), &mut ok);
        }
    }
    // A good share of the hosts is valid under each option set, so both paths are exercised.
    assert!(ok.iter().all(|&n| n > 12_000), "accepted: {ok:?}");
}

/// Punycode of random code points and random digit strings agrees with `idna::punycode`.
#[test]
fn punycode_agrees() {
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    for _ in 0..50_000 {
        let s: String = (0..rng.below(12))
            .filter_map(|_| {
                let cp = match rng.below(4) {
                    0 => rng.below(0x80),
                    1 => rng.below(0x800),
                    2 => rng.below(0x10000),
                    _ => rng.below(0x110000),
                };
                char::from_u32(cp as u32)
            })
            .collect();
        let encoded = punycode::encode_str(&s);
        assert_eq!(encoded, idna::punycode::encode_str(&s), "{s:?}");
        if let Some(e) = &encoded {
            assert_eq!(punycode::decode_to_string(e).as_deref(), Some(s.as_str()));
        }
        let digits: String = (0..rng.below(14))
            .map(|_| char::from(*rng.pick(b"abcxyz0189-AZ_")))
            .collect();
        assert_eq!(
            punycode::decode_to_string(&digits),
            idna::punycode::decode_to_string(&digits),
            "{digits:?}"
        );
    }
}

/// What the rules read from a URL: host, user info, port, path segments, the sign-in wall's
/// redirect; or the error's message.
type Read = Result<(UrlHost, bool, Option<u16>, Vec<String>, Option<String>), String>;

/// What the rules read from a URL, by this module.
fn ours(text: &str) -> Read {
    http_url::parse(text)
        .map(|u| {
            (
                u.host.clone(),
                u.has_userinfo,
                u.port,
                u.path_segments(),
                u.query_value("sessionRedirect"),
            )
        })
        .map_err(|e| e.to_string())
}

/// The same by the `url` crate.
fn theirs(text: &str) -> Read {
    let u = url::Url::parse(text).map_err(|e| e.to_string())?;
    let host = match u.host() {
        Some(url::Host::Domain(d)) => UrlHost::Domain(d.to_owned()),
        Some(url::Host::Ipv4(_)) => UrlHost::Ipv4,
        Some(url::Host::Ipv6(_)) => UrlHost::Ipv6,
        None => return Err("no host".into()),
    };
    Ok((
        host,
        !u.username().is_empty() || u.password().is_some(),
        u.port(),
        u.path_segments()
            .map(|s| s.map(str::to_owned).collect())
            .unwrap_or_default(),
        u.query_pairs()
            .find(|(k, _)| k == "sessionRedirect")
            .map(|(_, v)| v.into_owned()),
    ))
}

/// Seeded generated URLs shaped like the domain and LinkedIn rules' inputs (schemes in any
/// case and form, user info, Unicode and percent-encoded hosts, IPv4 and IPv6 addresses,
/// ports, paths with dot segments and backslashes, queries, fragments, tabs and newlines):
/// host, user info, port, path segments, the sign-in wall's redirect and errors agree with
/// `url::Url::parse`.
#[test]
fn generated_urls_agree() {
    const SCHEMES: &[&str] = &[
        "http://",
        "https://",
        "HTTP://",
        "HtTpS://",
        "http:",
        "https:/",
        "https:\\\\",
        "http:///",
        "https:\\/",
        " https://",
        "ht\ttp://",
        "\nhttps://",
        "ftp://",
        "mailto:",
        "javascript:",
        "//",
        "",
        "https//",
        "h_ttp://",
        "http;//",
    ];
    const USERINFO: &[&str] = &[
        "", "", "", "", "u@", ":@", "u:p@", ":p@", "u:@", "@", "a@b@", "%40@", "\u{e9}@", "u\t@",
    ];
    const HOSTS: &[&str] = &[
        "acme.com",
        "WWW.Acme.co.uk",
        "www.linkedin.com",
        "de.linkedin.com.",
        "linkedin.com",
        "lnkd.in",
        "127.0.0.1",
        "127.1",
        "0x7f.1",
        "0X7F000001",
        "017.0.0.1",
        "999.1.1.1",
        "1.2.3.4.5",
        "1.2.3.4.",
        "4294967295",
        "4294967296",
        "0x",
        "09",
        "1.0x",
        "a.1",
        "a.0x1g",
        "[::1]",
        "[2001:db8::1]",
        "[::ffff:1.2.3.4]",
        "[1:2:3:4:5:6:7:8]",
        "[1:2:3:4:5:6:7]",
        "[::1",
        "[:1]",
        "[1::2::3]",
        "[1:2:3:4:5:6:1.2.3.4]",
        "[::1.2.3]",
        "[::01.2.3.4]",
        "[::1.2.3.256]",
        "[g::]",
        "x[::1]",
        "bücher.de",
        "xn--bcher-kva.de",
        "xn--a.com",
        "ａｃｍｅ．ｃｏｍ",
        "acme%2Ecom",
        "%41cme.com",
        "%C3%BC.de",
        "%FF.de",
        "%zz.com",
        "a%20b.com",
        "食狮.公司.cn",
        "\u{200d}.example",
        "a\u{ad}b.com",
        "%C2%AD",
        "\u{ad}",
        "acme .com",
        "acme<x>.com",
        "a_b.com",
        "a!$&'()*+,;=b.com",
        "-a-.com",
        "xn--1ug.example",
        "\u{0627}\u{0644}.com",
        "a..b",
        ".",
        "..",
        "a:b",
        "",
        " ",
        "\u{3002}",
        "acme\u{3002}com",
        "a%2fb",
        "a%3Ab",
        "%5B::1%5D",
        "[::1]x",
    ];
    const PORTS: &[&str] = &[
        "",
        "",
        "",
        ":",
        ":80",
        ":443",
        ":8080",
        ":0",
        ":65535",
        ":65536",
        ":99999999",
        ":8o",
        ":-1",
        ": 80",
        ":\t80",
        ":080",
    ];
    const PATHS: &[&str] = &[
        "",
        "",
        "/",
        "/in/jane-doe",
        "/in/jane-doe/",
        "//in//jane-doe//",
        "\\in\\jane-doe",
        "/in/./jane",
        "/in/../in/jane",
        "/..",
        "/../x",
        "/a/..",
        "/a/../",
        "/.",
        "/./",
        "/%2e/x",
        "/a/%2E%2e",
        "/a/.%2e/b",
        "/a/%2e./b",
        "/a b",
        "/a\"b<c>`{d}",
        "/é",
        "/%C3%A9",
        "/%zz",
        "/a\tb",
        "/ACoAAB",
        "/m/in/x",
        "/mwlite/in/y",
        "/in/\u{1f600}",
        "/a\u{7f}b",
        "/a@b",
        "/a:b",
    ];
    const QUERIES: &[&str] = &[
        "",
        "",
        "?",
        "?trk=x",
        "?sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fjane",
        "?a=1&sessionRedirect=x+y%20z&sessionRedirect=2",
        "?&&sessionRedirect",
        "?sessionRedirect=%FF",
        "?session%52edirect=q",
        "?x=#frag",
        "?a=b?c",
    ];
    const FRAGMENTS: &[&str] = &["", "", "#", "#about", "#a?b", "#a/b"];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut http = 0;
    let mut outcomes = std::collections::BTreeMap::new();
    for i in 0..170_000 {
        let host = if i % 3 == 0 {
            host_like(&mut rng)
        } else {
            (*rng.pick(HOSTS)).to_owned()
        };
        let mut text = [
            *rng.pick(SCHEMES),
            *rng.pick(USERINFO),
            &host,
            *rng.pick(PORTS),
            *rng.pick(PATHS),
            *rng.pick(QUERIES),
            *rng.pick(FRAGMENTS),
        ]
        .concat();
        if rng.chance(5) {
            let at = rng.below(text.len() + 1);
            if text.is_char_boundary(at) {
                text.insert(
                    at,
                    *rng.pick(&[
                        '\t', '\n', '\r', '@', ':', '/', '\\', '?', '#', '[', ']', '%',
                    ]),
                );
            }
        }
        match ours(&text) {
            Err(e) if e == UrlError::NotHttp.to_string() => {
                let scheme = url::Url::parse(&text).map(|u| u.scheme().to_owned());
                assert!(
                    scheme
                        .as_deref()
                        .map_or(true, |s| s != "http" && s != "https"),
                    "{text:?}"
                );
            }
            mine => {
                http += 1;
                let outcome = match &mine {
                    Ok((UrlHost::Domain(_), ..)) => "domain".to_owned(),
                    Ok((UrlHost::Ipv4, ..)) => "ipv4".to_owned(),
                    Ok((UrlHost::Ipv6, ..)) => "ipv6".to_owned(),
                    Err(e) => e.clone(),
                };
                *outcomes.entry(outcome).or_insert(0) += 1;
                assert_eq!(mine, theirs(&text), "{text:?}");
            }
        }
    }
    assert!(http > 100_000, "only {http} http(s) URLs");
    // Every outcome is well represented.
    assert_eq!(outcomes.len(), 8, "{outcomes:?}");
    assert!(outcomes.values().all(|&n| n > 300), "{outcomes:?}");
}
