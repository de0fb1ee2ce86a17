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
pub(crate) fn is_free_mail_domain(domain: &str) -> bool {
    FREE_MAIL_DOMAINS.binary_search(&domain).is_ok()
}

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
