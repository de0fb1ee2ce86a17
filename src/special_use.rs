//! Special-use domain names: email-validator 2.4's `SPECIAL_USE_DOMAIN_NAMES` (from the IANA
//! registry), which the API refuses after an `@`, and which the `domain` rule refuses too.

/// email-validator's list, exactly: `arpa`, `invalid`, `local`, `localhost`, `onion`, `test`.
/// (`example`, `example.com`, `example.net` and `example.org` are not on it.)
const SPECIAL_USE_DOMAIN_NAMES: [&str; 6] =
    ["arpa", "invalid", "local", "localhost", "onion", "test"];

/// Whether `domain` (lower-case ASCII, no trailing dot) is a special-use name or a name under
/// one: `localhost`, `printer.local`, `a.b.test`, `x.in-addr.arpa`, ...
pub(crate) fn is_special_use_domain(domain: &str) -> bool {
    // Every name is one label: `domain` is one or is under one exactly when its last label is
    // one (`last_label_is_the_suffix_check` in the tests compares).
    let last = &domain[domain.bytes().rposition(|b| b == b'.').map_or(0, |i| i + 1)..];
    SPECIAL_USE_DOMAIN_NAMES.contains(&last)
}

#[cfg(test)]
mod tests {
    use super::{is_special_use_domain, SPECIAL_USE_DOMAIN_NAMES};

    /// The last-label check is the general check (the name itself, or a suffix after a dot)
    /// on generated names.
    #[test]
    fn last_label_is_the_suffix_check() {
        let general = |domain: &str| {
            SPECIAL_USE_DOMAIN_NAMES.iter().any(|name| {
                domain == *name
                    || domain
                        .strip_suffix(name)
                        .is_some_and(|head| head.ends_with('.'))
            })
        };
        let mut pieces = vec![
            ".",
            "a",
            "x",
            "-",
            "é",
            "LOCAL",
            "home",
            "in-addr",
            "localhosts",
        ];
        pieces.extend(SPECIAL_USE_DOMAIN_NAMES);
        let mut rng = crate::test_rng::XorShift(0x2545_F491_4F6C_DD1D);
        let mut hits = 0;
        for _ in 0..50_000 {
            let mut s = String::new();
            for _ in 0..rng.below(5) {
                s.push_str(rng.pick::<&str>(&pieces));
            }
            let got = is_special_use_domain(&s);
            assert_eq!(got, general(&s), "{s:?}");
            hits += usize::from(got);
        }
        assert!(hits > 1_000, "{hits}");
    }

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
