use super::*;

/// What the rules read before: `str::parse::<f64>`, reduced to the same classes (the guards
/// are the comparisons the rules made, `-0.0 == 0.0` included).
#[allow(clippy::redundant_guards)]
fn reference(text: &str) -> F64 {
    match text.parse::<f64>() {
        Err(_) => F64::Malformed,
        Ok(f) if f.is_infinite() => F64::Infinite,
        Ok(f) if f == 0.0 => F64::Zero,
        Ok(f) if f == 1.0 => F64::One,
        Ok(_) => F64::Finite,
    }
}

fn check(text: &str) {
    assert_eq!(classify(text), reference(text), "{text}");
}

/// Texts of `0.digits × 10^point` in several written forms, and their neighbours.
fn forms(digits: &str, point: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut variants = vec![
        digits.to_owned(),
        format!("{digits}0"),
        format!("{digits}1"),
    ];
    variants.push(format!("{digits}{}", "0".repeat(400)));
    variants.push(format!("{digits}{}1", "0".repeat(400)));
    // The last digit one up and one down (digits end in a non-zero digit).
    let (head, last) = digits.split_at(digits.len() - 1);
    let last = last.as_bytes()[0];
    variants.push(format!("{head}{}", (last - 1) as char));
    if last < b'9' {
        variants.push(format!("{head}{}", (last + 1) as char));
    }
    variants.push(format!("{head}{}{}", (last - 1) as char, "9".repeat(30)));
    for v in &variants {
        for sign in ["", "-"] {
            out.push(format!("{sign}0.{v}e{point}"));
            out.push(format!("{sign}0.{v}E+{point}"));
            out.push(format!("{sign}0.000{v}e{}", point + 3));
            let (a, b) = v.split_at(1);
            let b = if b.is_empty() { "0" } else { b };
            out.push(format!("{sign}{a}.{b}e{}", point - 1));
            out.push(format!("{sign}{v}e{}", point - v.len() as i64));
            out.push(format!("{sign}{v}00e{}", point - v.len() as i64 - 2));
            // Plain positional form where it is short enough.
            if (0..=400).contains(&point) && (point as usize) < v.len() {
                let (i, f) = v.split_at(point as usize);
                let i = if i.is_empty() { "0" } else { i };
                out.push(format!("{sign}{i}.{f}"));
            }
            if (-400..=0).contains(&point) {
                out.push(format!("{sign}0.{}{v}", "0".repeat((-point) as usize)));
            }
        }
    }
    out
}

#[test]
fn boundaries_and_their_neighbours() {
    for (digits, point) in [
        (OVERFLOW_DIGITS, OVERFLOW_POINT),
        (UNDERFLOW_DIGITS, UNDERFLOW_POINT),
        (ONE_LOW_DIGITS, ONE_LOW_POINT),
        (ONE_HIGH_DIGITS, ONE_HIGH_POINT),
        ("17976931348623157", 309),
        ("49406564584124654", -323),
        ("1", 1),
        ("1", 0),
        ("5", 0),
    ] {
        for text in forms(digits, point) {
            check(&text);
        }
    }
}

#[test]
fn the_boundaries_are_exact() {
    // The boundaries as the parser sees them: each is the tie, and rounds to the even side.
    assert_eq!(
        reference(&format!("0.{OVERFLOW_DIGITS}e{OVERFLOW_POINT}")),
        F64::Infinite
    );
    assert_eq!(
        reference(&format!("0.{OVERFLOW_DIGITS}9e{OVERFLOW_POINT}")),
        F64::Infinite
    );
    assert_eq!(
        format!("0.{OVERFLOW_DIGITS}").parse::<f64>().ok(),
        "0.17976931348623158079".parse().ok()
    );
    assert_eq!(
        reference(&format!("0.{UNDERFLOW_DIGITS}e{UNDERFLOW_POINT}")),
        F64::Zero
    );
    assert_eq!(
        reference(&format!("0.{UNDERFLOW_DIGITS}1e{UNDERFLOW_POINT}")),
        F64::Finite
    );
    assert_eq!(reference(&format!("0.{ONE_LOW_DIGITS}")), F64::One);
    assert_eq!(reference(&format!("0.{ONE_LOW_DIGITS}")), F64::One);
    assert_eq!(
        reference("0.99999999999999994448884876874217297881841659545898437"),
        F64::Finite
    );
    assert_eq!(reference(&format!("1.{}", &ONE_HIGH_DIGITS[1..])), F64::One);
    assert_eq!(
        reference("1.000000000000000111022302462515654042363166809082031251"),
        F64::Finite
    );
}

#[test]
fn plain_numbers() {
    #[rustfmt::skip]
    let texts = [
        "0", "-0", "0.0", "-0.0", "0e0", "0E-5", "0e999999999999999999999999", "1", "-1", "1.0",
        "1e0", "10e-1", "0.1e1", "100E-2", "1.00000", "2", "0.5", "1.5", "42", "-3.25e-2",
        "1e308", "1e309", "-1e309", "1e-323", "1e-324", "3e-324", "2e-324",
        "1e999999999999999999999", "1e-999999999999999999999", "123456789012345678901234567890",
        "0.000001", "+1", "+0", ".5", "5.", "-.5", "+.0e1", "1.e0", ".1e1", "00.10e+1", "-00001",
    ];
    for text in texts {
        check(text);
    }
    for text in [
        "", "-", "+", ".", "-.", "1e", "1e+", "1.2.3", "0x10", "1a", "e5", "- 1", "--1",
    ] {
        check(text);
        assert_eq!(classify(text), F64::Malformed, "{text}");
    }
    // `parse` reads these as infinity and NaN; `as_f64` gave `None` for both, as for malformed.
    for text in ["inf", "-Infinity", "nan", "NaN"] {
        assert_eq!(classify(text), F64::Malformed, "{text}");
    }
}

#[test]
fn long_inputs() {
    check(&format!("1{}", "0".repeat(10_000)));
    check(&format!("0.{}1", "0".repeat(10_000)));
    check(&format!("1.{}1", "0".repeat(10_000)));
    check(&format!("0.{}", "9".repeat(10_000)));
    check(&format!("{}e-9990", "1".repeat(10_000)));
}

#[test]
fn random_numbers() {
    // xorshift64*: deterministic, no dependency.
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let prefixes = [
        "",
        "1",
        "0.9999999999999999",
        "1.000000000000000",
        "17976931348623158",
        "2470328229206232",
        "0.00000",
    ];
    for _ in 0..100_000 {
        let r = next();
        let prefix = prefixes[(r % prefixes.len() as u64) as usize];
        let mut s = String::new();
        if r >> 8 & 1 == 1 {
            s.push('-');
        }
        let n_int = (r >> 9) % 20;
        let n_frac = (r >> 14) % 25;
        if prefix.is_empty() {
            let first = (next() % 10) as u8;
            s.push((b'0' + first) as char);
            if first != 0 {
                for _ in 0..n_int {
                    s.push((b'0' + (next() % 10) as u8) as char);
                }
            }
        } else {
            s.push_str(prefix);
        }
        if n_frac > 0 {
            if !s.contains('.') {
                s.push('.');
            }
            for _ in 0..n_frac {
                s.push((b'0' + (next() % 10) as u8) as char);
            }
        }
        match (r >> 20) % 4 {
            0 => {}
            1 => s.push_str(&format!("e{}", (next() % 700) as i64 - 350)),
            2 => {
                // Exponents that put the value near a boundary for this prefix.
                let e = match prefix {
                    "17976931348623158" => 292,
                    "2470328229206232" => -339,
                    _ => (next() % 7) as i64 - 3,
                };
                s.push_str(&format!("E{e:+}"));
            }
            _ => s.push_str(&format!("e-{}", 300 + next() % 40)),
        }
        check(&s);
    }
}
