//! What spreadsheets do to values, as the rules can see it in one value (issue 16): a number
//! written in scientific notation (`4.15555E+09`: a phone number or an ID that a spreadsheet
//! took for a number, digits lost), a UUID cut into parts. The phone rule's check for a lost
//! leading `0` or `+` needs the phone engine and lives in `phone/mod.rs`.

/// Whether `s` (trimmed) is a number in scientific notation as spreadsheets write it:
/// `[+-]digits[(.|,)digits](E|e)[+-]digits`, e.g. `4.15555E+09`, `4,15555E+09`, `1E+12`.
pub(crate) fn is_scientific_notation(s: &str) -> bool {
    let b = crate::text::trim(s).as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    if digits(&mut i) == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'.' | b',')) {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if !matches!(b.get(i), Some(b'e' | b'E')) {
        return false;
    }
    i += 1;
    if matches!(b.get(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let exp = digits(&mut i);
    (1..=3).contains(&exp) && i == b.len()
}

/// The hyphenated UUID layout: `x` a hex digit.
const LAYOUT: &[u8; 36] = b"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

fn fits(s: &[u8], layout: &[u8]) -> bool {
    s.len() == layout.len()
        && s.iter().zip(layout).all(|(&c, &l)| match l {
            b'-' => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Whether `s` (trimmed) is a leading or trailing part of a hyphenated UUID cut where its groups
/// meet (at a hyphen, on either side of it), as a split into cells leaves it: `6ba7b810-9dad`,
/// `6ba7b810-9dad-11d1-80b4-`, `-80b4-00c04fd430c8`, `9dad-11d1-80b4-00c04fd430c8`. A lone
/// group without a hyphen could be anything, and a UUID a digit short is a typo, not a split.
pub(crate) fn is_uuid_part(s: &str) -> bool {
    // Prefix lengths ending at a group's end or just after its hyphen; suffix lengths starting
    // at a group's start or at the hyphen before it (each with at least one hyphen).
    const PREFIX: [usize; 7] = [9, 13, 14, 18, 19, 23, 24];
    const SUFFIX: [usize; 7] = [13, 17, 18, 22, 23, 27, 28];
    let b = s.trim().as_bytes();
    let n = b.len();
    (PREFIX.contains(&n) && fits(b, LAYOUT.get(..n).unwrap_or_default()))
        || (SUFFIX.contains(&n) && fits(b, LAYOUT.get(LAYOUT.len() - n..).unwrap_or_default()))
}

/// A UUID broken by white space or line breaks (`6ba7b810-9dad-11d1-80b4-\n00c04fd430c8`): the
/// UUID without them, when that is a hyphenated UUID.
pub(crate) fn joined_uuid(s: &str) -> Option<String> {
    let t = s.trim();
    if !t.contains(char::is_whitespace) {
        return None;
    }
    let joined: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    fits(joined.as_bytes(), LAYOUT).then(|| joined.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scientific_notation() {
        for yes in [
            "4.15555E+09",
            "4,15555E+09",
            " 1E+12 ",
            "6.02e23",
            "-1.5E-3",
            "4.4791E+11",
        ] {
            assert!(is_scientific_notation(yes), "{yes}");
        }
        for no in [
            "4155552671",
            "+1 415 555 2671",
            "E+09",
            "4.E+09",
            "4.1E",
            "4.1E+1234",
            "1-800-FLOWERS",
            "ext 4e5 x",
        ] {
            assert!(!is_scientific_notation(no), "{no}");
        }
    }

    #[test]
    fn uuid_parts() {
        for yes in [
            "6ba7b810-9dad",
            "6ba7b810-9dad-11d1-80b4-",
            "6ba7b810-",
            "-80b4-00c04fd430c8",
            "9dad-11d1-80b4-00c04fd430c8",
        ] {
            assert!(is_uuid_part(yes), "{yes}");
        }
        for no in [
            "6ba7b810",
            "00c04fd430c8",
            "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            "ad-11d1-80b4-00c04fd430c8",
            "2024-01-05",
            "6ba7b81-9dad",
            "6ba7b810-9dad-11d1-80b4-00c04fd4",
            "67e55044-10b1-426f-9247-bb680e5fe0c",
        ] {
            assert!(!is_uuid_part(no), "{no}");
        }
        assert_eq!(
            joined_uuid("6BA7B810-9DAD-11D1-80B4-\n00C04FD430C8").as_deref(),
            Some("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
        );
        assert_eq!(joined_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), None);
        assert_eq!(joined_uuid("a b"), None);
    }
}
