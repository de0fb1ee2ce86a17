//! Special-use domain names: email-validator 2.4's `SPECIAL_USE_DOMAIN_NAMES` (from the IANA
//! registry), which the API refuses after an `@`, and which the `domain` rule refuses too.

/// email-validator's list, exactly: `arpa`, `invalid`, `local`, `localhost`, `onion`, `test`.
/// (`example`, `example.com`, `example.net` and `example.org` are not on it.)
const SPECIAL_USE_DOMAIN_NAMES: [&str; 6] =
    ["arpa", "invalid", "local", "localhost", "onion", "test"];

/// Whether `domain` (lower-case ASCII, no trailing dot) is a special-use name or a name under
/// one: `localhost`, `printer.local`, `a.b.test`, `x.in-addr.arpa`, ...
pub(crate) fn is_special_use_domain(domain: &str) -> bool {
    SPECIAL_USE_DOMAIN_NAMES.iter().any(|name| {
        domain == *name
            || domain
                .strip_suffix(name)
                .is_some_and(|head| head.ends_with('.'))
    })
}

#[cfg(test)]
mod tests {
    use super::is_special_use_domain;

    #[test]
    fn names_and_names_under_them() {
        for d in [
            "localhost",
            "local",
            "printer.local",
            "a.b.test",
            "test",
            "x.invalid",
            "1.0.0.127.in-addr.arpa",
            "arpa",
            "abc.onion",
        ] {
            assert!(is_special_use_domain(d), "{d}");
        }
        for d in [
            "example.com",
            "example",
            "acme.com",
            "mytest",
            "localhost.com",
            "notlocal",
            "test.com",
            "local.dev",
            "onion.to",
            "invalid.org",
        ] {
            assert!(!is_special_use_domain(d), "{d}");
        }
    }
}
