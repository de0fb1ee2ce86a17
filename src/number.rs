//! Exact answers about a JSON number's `f64` value, read from its text.
//!
//! With `serde_json`'s `arbitrary_precision`, a number is kept as its text, and
//! [`serde_json::Number::as_f64`] parses that text with `str::parse::<f64>`, whose correctly
//! rounded algorithm carries ~14 KB gzip of tables and code into the WebAssembly build. The
//! rules only ask three questions of a number — is it finite, is it `0.0`, is it `1.0` (as the
//! API's `float` reads it) — and each is a comparison of the exact decimal value with the
//! rounding boundary, done here on the digits. The tests check the answers against
//! `str::parse::<f64>` (boundaries, their neighbours, and random numbers).

use std::cmp::Ordering;

/// A decimal `0.d1 d2 d3… × 10^point`: its digits are `int` then `frac` (no leading zero at
/// the start of `int`, or of `frac` when `int` is empty; no trailing zero at the end of `frac`,
/// or of `int` when `frac` is empty; both empty: zero), borrowed from the text (no copy).
struct Decimal<'a> {
    negative: bool,
    int: &'a [u8],
    frac: &'a [u8],
    point: i64,
}

impl Decimal<'_> {
    fn digits(&self) -> impl Iterator<Item = &u8> {
        self.int.iter().chain(self.frac)
    }

    fn is_zero(&self) -> bool {
        self.int.is_empty() && self.frac.is_empty()
    }
}

/// Saturation bound for exponents: far beyond any `f64` and any input length, far from overflow.
const EXP_LIMIT: i64 = 1 << 40;

/// Reads `[+|-]int[.frac][(e|E)[+|-]exp]` (`int` or `frac` may be empty, not both), the decimal
/// forms `str::parse::<f64>` takes; `None` if malformed.
fn decimal(text: &str) -> Option<Decimal<'_>> {
    let (negative, t) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let t = t.as_bytes();
    let (mantissa, exp) = match t.iter().position(|&b| b == b'e' || b == b'E') {
        Some(i) => (t.get(..i)?, Some(t.get(i + 1..)?)),
        None => (t, None),
    };
    let exp: i64 = match exp {
        None => 0,
        Some(e) => {
            let (sign, e) = match e.first() {
                Some(b'-') => (-1, e.get(1..)?),
                Some(b'+') => (1, e.get(1..)?),
                _ => (1, e),
            };
            if e.is_empty() || !e.iter().all(u8::is_ascii_digit) {
                return None;
            }
            sign * e
                .iter()
                .fold(0i64, |a, &b| (a * 10 + i64::from(b - b'0')).min(EXP_LIMIT))
        }
    };
    let (int, frac) = match mantissa.iter().position(|&b| b == b'.') {
        Some(i) => (mantissa.get(..i)?, mantissa.get(i + 1..)?),
        None => (mantissa, &[][..]),
    };
    if int.len() + frac.len() == 0 || !int.iter().chain(frac).all(u8::is_ascii_digit) {
        return None;
    }
    let int_len = int.len();
    // The zeros at the start of the digits (`int` then `frac`), then those at their end.
    let int_lead = int.iter().take_while(|&&b| b == b'0').count();
    let (mut int, mut frac, lead) = if int_lead < int.len() {
        (int.get(int_lead..)?, frac, int_lead)
    } else {
        let frac_lead = frac.iter().take_while(|&&b| b == b'0').count();
        (&[][..], frac.get(frac_lead..)?, int_len + frac_lead)
    };
    let frac_trail = frac.iter().rev().take_while(|&&b| b == b'0').count();
    frac = frac.get(..frac.len() - frac_trail)?;
    if frac.is_empty() {
        let int_trail = int.iter().rev().take_while(|&&b| b == b'0').count();
        int = int.get(..int.len() - int_trail)?;
    }
    // The integer part's length is at most the input length: no overflow with
    // |exp| <= EXP_LIMIT.
    let point = int_len as i64 - lead as i64 + exp;
    Some(Decimal {
        negative,
        int,
        frac,
        point,
    })
}

/// Compares the magnitudes of two non-zero decimals.
fn cmp_magnitude(a: &Decimal, digits: &str, point: i64) -> Ordering {
    a.point
        .cmp(&point)
        .then_with(|| a.digits().cmp(digits.as_bytes()))
}

/// 2^1024 - 2^970, halfway between `f64::MAX` and 2^1024: from there up, a value rounds to
/// infinity (the tie goes to the even side, infinity). 309 integer digits.
const OVERFLOW_DIGITS: &str = concat!(
    "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490",
    "1797758720709633028641669288791094655554785194040263065748867150582068190890200070838367",
    "6273854845817711531764475730270069855571366959622842914819860834936475292719074168444365",
    "510704342711559699508093042880177904174497792",
);
const OVERFLOW_POINT: i64 = 309;

/// 2^-1075 = 0.247…e-323, half the smallest subnormal: up to it included, a value rounds to
/// zero (the tie goes to the even side, zero). The digits of 5^1075.
const UNDERFLOW_DIGITS: &str = concat!(
    "2470328229206232720882843964341106861825299013071623822127928412503377536351043759326499",
    "1818081799618989828234772285886546332835517796989819938739800539093906315035659515570226",
    "3922908583924491051844359318028499365361525003193704576782492193656236698636584807570015",
    "8576926990370631192827955855133292783433840935197801553124659726357957462276646527282722",
    "0056374006485499977096599470454020828166226237857393450736339007967761930577506740176324",
    "6736009689513405355374585166611342237666786041621596804619144672918403005300575308490487",
    "6539171138659164623952491262365388187963623937328042389101867234849766823508986338858792",
    "5628302755995657524455507255189313690836254779186948667994968324049705821028513185451396",
    "213837722826145437693412532098591327667236328125",
);
const UNDERFLOW_POINT: i64 = -323;

/// 1 - 2^-54 and 1 + 2^-53: the values that round to 1.0, both ends included (ties to even).
const ONE_LOW_DIGITS: &str = "999999999999999944488848768742172978818416595458984375";
const ONE_LOW_POINT: i64 = 0;
const ONE_HIGH_DIGITS: &str = "100000000000000011102230246251565404236316680908203125";
const ONE_HIGH_POINT: i64 = 1;

/// What `text.parse::<f64>()` gives, reduced to what the rules ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum F64 {
    /// Not a number's text (`parse` fails).
    Malformed,
    /// Rounds to infinity.
    Infinite,
    /// Rounds to 0.0 or -0.0.
    Zero,
    /// Rounds to 1.0.
    One,
    /// Any other finite value.
    Finite,
}

/// Classifies the `f64` value of a JSON number's text (`-? int (. frac)? ((e|E) (+|-)? exp)?`,
/// and the other decimal forms `parse` takes: `+1`, `.5`, `5.`) exactly as `text.parse::<f64>()`
/// rounds it (correct rounding, ties to even). `inf` and `nan` are `Malformed` here: `as_f64`
/// gives `None` for them as for malformed text, and JSON has neither.
pub(crate) fn classify(text: &str) -> F64 {
    let Some(d) = decimal(text) else {
        return F64::Malformed;
    };
    if d.is_zero() || cmp_magnitude(&d, UNDERFLOW_DIGITS, UNDERFLOW_POINT).is_le() {
        return F64::Zero;
    }
    if cmp_magnitude(&d, OVERFLOW_DIGITS, OVERFLOW_POINT).is_ge() {
        return F64::Infinite;
    }
    if !d.negative
        && cmp_magnitude(&d, ONE_LOW_DIGITS, ONE_LOW_POINT).is_ge()
        && cmp_magnitude(&d, ONE_HIGH_DIGITS, ONE_HIGH_POINT).is_le()
    {
        return F64::One;
    }
    F64::Finite
}

#[cfg(test)]
mod tests;
