//! Free mailbox providers: addresses with no company behind them.
//!
//! A compact list of the large free (or consumer ISP) mailbox domains worldwide, used for the
//! `email_free_provider` and `domain_free_provider` warnings, to skip the email/domain mismatch
//! warning, and to keep `derive_domain_from_email` from deriving `gmail.com`. Exact names only:
//! a company's own domain that merely resembles one (`gmail.acme.com`) is not on it.

/// The domains, sorted (a test checks it) for binary search.
const FREE_MAIL_DOMAINS: [&str; 111] = [
    "126.com",
    "163.com",
    "aim.com",
    "aliyun.com",
    "aol.com",
    "bk.ru",
    "daum.net",
    "email.com",
    "fastmail.com",
    "fastmail.fm",
    "foxmail.com",
    "free.fr",
    "freenet.de",
    "gmail.com",
    "gmx.at",
    "gmx.ch",
    "gmx.com",
    "gmx.de",
    "gmx.fr",
    "gmx.net",
    "gmx.us",
    "googlemail.com",
    "hanmail.net",
    "hey.com",
    "hotmail.be",
    "hotmail.ca",
    "hotmail.co.uk",
    "hotmail.com",
    "hotmail.de",
    "hotmail.es",
    "hotmail.fr",
    "hotmail.it",
    "hotmail.nl",
    "hushmail.com",
    "icloud.com",
    "inbox.ru",
    "interia.pl",
    "internet.ru",
    "laposte.net",
    "libero.it",
    "list.ru",
    "live.ca",
    "live.co.uk",
    "live.com",
    "live.de",
    "live.fr",
    "live.it",
    "live.nl",
    "mac.com",
    "mail.com",
    "mail.ru",
    "mailbox.org",
    "me.com",
    "msn.com",
    "naver.com",
    "o2.pl",
    "onet.pl",
    "orange.fr",
    "outlook.com",
    "outlook.de",
    "outlook.es",
    "outlook.fr",
    "outlook.it",
    "passport.com",
    "pm.me",
    "posteo.de",
    "posteo.net",
    "proton.me",
    "protonmail.ch",
    "protonmail.com",
    "qq.com",
    "rambler.ru",
    "rediffmail.com",
    "rocketmail.com",
    "seznam.cz",
    "sfr.fr",
    "sina.cn",
    "sina.com",
    "sohu.com",
    "t-online.de",
    "tuta.io",
    "tutamail.com",
    "tutanota.com",
    "tutanota.de",
    "virgilio.it",
    "wanadoo.fr",
    "web.de",
    "wp.pl",
    "ya.ru",
    "yahoo.ca",
    "yahoo.co.in",
    "yahoo.co.jp",
    "yahoo.co.uk",
    "yahoo.com",
    "yahoo.com.au",
    "yahoo.com.br",
    "yahoo.de",
    "yahoo.es",
    "yahoo.fr",
    "yahoo.in",
    "yahoo.it",
    "yandex.by",
    "yandex.com",
    "yandex.kz",
    "yandex.ru",
    "yandex.ua",
    "yeah.net",
    "ymail.com",
    "yopmail.com",
    "zoho.com",
    "zohomail.com",
];

/// Whether `domain` (lower-case, no trailing dot, ASCII or Unicode form) is a free mailbox
/// provider such as `gmail.com`, `yahoo.co.uk` or `proton.me`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn is_free_mail_domain(domain: &str) -> bool {
    find_by_prefix(&FREE_MAIL_DOMAINS, &PREFIXES, domain, |d| d).is_some()
}

/// The item of `items` whose name is `key`, where `items` is sorted by name, no name holds a
/// zero byte and `prefixes[i]` is `prefix` of item i's name: a binary search over the names'
/// first eight bytes as numbers, which compares without calling `memcmp`; only the items that
/// share the key's first eight bytes are then compared whole. (The free-mailbox names here, the
/// email rule's typo tables.)
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn find_by_prefix<'t, T>(
    items: &'t [T],
    prefixes: &[u64],
    key: &str,
    name: impl Fn(&T) -> &str,
) -> Option<&'t T> {
    let p = prefix(key.as_bytes());
    let start = prefixes.partition_point(|&x| x < p);
    prefixes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .zip(items.get(start..).unwrap_or_default())
        .take_while(|&(&x, _)| x == p)
        .map(|(_, item)| item)
        .find(|item| name(item) == key)
}

/// Whether `domain` (lower-case, no trailing dot, ASCII or Unicode form) is a free mailbox
/// provider such as `gmail.com`, `yahoo.co.uk` or `proton.me`. (In WebAssembly the plain
/// binary search: the native build's table of keys would add its bytes to the download.)
#[cfg(target_arch = "wasm32")]
pub(crate) fn is_free_mail_domain(domain: &str) -> bool {
    FREE_MAIL_DOMAINS.binary_search(&domain).is_ok()
}

/// The first eight bytes of `s` as a big-endian number, zero-padded: for strings without zero
/// bytes, `prefix(a) < prefix(b)` implies `a < b`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const fn prefix(s: &[u8]) -> u64 {
    let mut p = 0u64;
    let mut i = 0;
    while i < 8 {
        p <<= 8;
        if i < s.len() {
            p |= s[i] as u64;
        }
        i += 1;
    }
    p
}

/// [`prefix`] of each name of [`FREE_MAIL_DOMAINS`], in the same (sorted) order.
#[cfg(not(target_arch = "wasm32"))]
const PREFIXES: [u64; FREE_MAIL_DOMAINS.len()] = {
    let mut out = [0u64; FREE_MAIL_DOMAINS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = prefix(FREE_MAIL_DOMAINS[i].as_bytes());
        i += 1;
    }
    out
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_lower_case() {
        assert!(FREE_MAIL_DOMAINS.windows(2).all(|w| w[0] < w[1]));
        for d in FREE_MAIL_DOMAINS {
            assert!(
                d.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'.'
                    || b == b'-'),
                "{d}"
            );
            assert!(d.contains('.'), "{d}");
        }
    }

    /// The prefix search is the binary search of the whole names: every name, every name
    /// cut short or lengthened by one character, and generated near-misses.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn prefix_search_is_the_binary_search() {
        let mut inputs: Vec<String> = vec![String::new(), "a".into(), "zzzzzzzzzz".into()];
        for d in FREE_MAIL_DOMAINS {
            inputs.push(d.to_string());
            inputs.push(d[..d.len() - 1].to_string());
            inputs.push(d[1..].to_string());
            for c in ['.', 'a', 'm', 'z', '0', '\u{0}', '\u{e9}'] {
                inputs.push(format!("{d}{c}"));
                inputs.push(format!("{c}{d}"));
                for i in 0..d.len() {
                    let mut s = d.to_string();
                    s.replace_range(i..=i, &c.to_string());
                    inputs.push(s);
                }
            }
        }
        assert!(FREE_MAIL_DOMAINS.iter().all(|d| !d.contains('\u{0}')));
        for s in &inputs {
            assert_eq!(
                is_free_mail_domain(s),
                FREE_MAIL_DOMAINS.binary_search(&s.as_str()).is_ok(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn lookups() {
        for d in [
            "gmail.com",
            "googlemail.com",
            "yahoo.co.uk",
            "hotmail.fr",
            "outlook.com",
            "live.com",
            "msn.com",
            "aol.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "proton.me",
            "protonmail.com",
            "gmx.de",
            "web.de",
            "mail.ru",
            "yandex.ru",
            "qq.com",
            "163.com",
            "126.com",
            "zoho.com",
            "fastmail.com",
            "hey.com",
            "tutanota.com",
        ] {
            assert!(is_free_mail_domain(d), "{d}");
        }
        for d in [
            "acme.com",
            "gmail.acme.com",
            "mail.google.com",
            "gmail.co",
            "GMAIL.COM",
            "",
            "com",
        ] {
            assert!(!is_free_mail_domain(d), "{d}");
        }
    }
}
