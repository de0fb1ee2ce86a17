//! Punycode (RFC 3492), as the `idna` crate 1.1.0 encodes and decodes it: the same arithmetic,
//! the same overflow checks and the same error cases (the tests compare the two).

/// RFC 3492's `base`: the number of digits.
const BASE: u32 = 36;
/// RFC 3492's `tmin`.
const T_MIN: u32 = 1;
/// RFC 3492's `tmax`.
const T_MAX: u32 = 26;
/// RFC 3492's `skew`.
const SKEW: u32 = 38;
/// RFC 3492's `damp`.
const DAMP: u32 = 700;
/// RFC 3492's `initial_bias`.
const INITIAL_BIAS: u32 = 72;
/// RFC 3492's `initial_n`: the first code point that is not basic.
const INITIAL_N: u32 = 0x80;

/// RFC 3492's bias adaptation.
fn adapt(mut delta: u32, num_points: u32, first_time: bool) -> u32 {
    delta /= if first_time { DAMP } else { 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

/// The threshold `t` for position `k` under `bias`.
fn threshold(k: u32, bias: u32) -> u32 {
    if k <= bias {
        T_MIN
    } else if k >= bias + T_MAX {
        T_MAX
    } else {
        k - bias
    }
}

/// The value of a Punycode digit (either case), if it is one.
fn digit_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0') + 26),
        b'A'..=b'Z' => Some(u32::from(b - b'A')),
        b'a'..=b'z' => Some(u32::from(b - b'a')),
        _ => None,
    }
}

/// The Punycode digit of a value below 36 (lower case).
fn digit_char(value: u32) -> char {
    // `value` is always below BASE by construction (a remainder, or `q < t <= 26`).
    b"abcdefghijklmnopqrstuvwxyz0123456789"
        .get(value as usize)
        .map_or('?', |&b| char::from(b))
}

/// Decodes the Punycode `input` (without `xn--`): the code points before the last `-` are
/// copied (they must be ASCII; lower-cased when `lowercase_base`, as `idna` does inside UTS #46
/// processing, kept otherwise, as its `punycode::decode`), the digits after it (either case)
/// insert the others. `None` where `idna` fails: a non-digit, a truncated number, an overflow,
/// a code point that is not a scalar value. A `-` that is the first byte delimits nothing: it
/// is read as a digit, and fails.
pub(crate) fn decode(input: &[u8], lowercase_base: bool) -> Option<Vec<char>> {
    let (base, digits) = match input.iter().rposition(|&b| b == b'-') {
        Some(position) if position > 0 => (&input[..position], &input[position + 1..]),
        _ => (&input[..0], input),
    };
    if !base.is_ascii() {
        return None;
    }
    let mut out: Vec<char> = base
        .iter()
        .map(|&b| {
            char::from(if lowercase_base {
                b.to_ascii_lowercase()
            } else {
                b
            })
        })
        .collect();
    let mut code_point = INITIAL_N;
    let mut bias = INITIAL_BIAS;
    let mut i = 0u32;
    let mut iter = digits.iter();
    while let Some(&first) = iter.next() {
        let previous_i = i;
        let mut weight = 1u32;
        let mut k = BASE;
        let mut byte = first;
        loop {
            let digit = digit_value(byte)?;
            i = i.checked_add(digit.checked_mul(weight)?)?;
            let t = threshold(k, bias);
            if digit < t {
                break;
            }
            weight = weight.checked_mul(BASE - t)?;
            k = k.checked_add(BASE)?;
            byte = *iter.next()?;
        }
        let length = u32::try_from(out.len()).ok()?.checked_add(1)?;
        bias = adapt(i - previous_i, length, previous_i == 0);
        code_point = code_point.checked_add(i / length)?;
        i %= length;
        let c = char::from_u32(code_point)?;
        let at = i as usize;
        if at > out.len() {
            return None;
        }
        out.insert(at, c);
        i += 1;
    }
    Some(out)
}

/// [`decode`] of a string into a string, as `idna::punycode::decode_to_string`.
pub(crate) fn decode_to_string(input: &str) -> Option<String> {
    decode(input.as_bytes(), false).map(|chars| chars.into_iter().collect())
}

/// Encodes `input` in Punycode (without `xn--`), as `idna::punycode::encode`: its ASCII
/// characters as they are, then `-` if there were any, then the deltas. `None` on overflow.
pub(crate) fn encode(input: &[char]) -> Option<String> {
    let input_length = u32::try_from(input.len()).ok()?;
    let mut out = String::with_capacity(input.len());
    let mut basic_length = 0u32;
    for &c in input {
        if c.is_ascii() {
            out.push(c);
            basic_length += 1;
        }
    }
    if basic_length > 0 {
        out.push('-');
    }
    let mut code_point = INITIAL_N;
    let mut delta = 0u32;
    let mut bias = INITIAL_BIAS;
    let mut processed = basic_length;
    while processed < input_length {
        let min_code_point = input
            .iter()
            .map(|&c| u32::from(c))
            .filter(|&c| c >= code_point)
            .min()?;
        delta = delta.checked_add((min_code_point - code_point).checked_mul(processed + 1)?)?;
        code_point = min_code_point;
        for &c in input {
            let c = u32::from(c);
            if c < code_point {
                delta = delta.checked_add(1)?;
            }
            if c == code_point {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if q < t {
                        break;
                    }
                    out.push(digit_char(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit_char(q));
                bias = adapt(delta, processed + 1, processed == basic_length);
                delta = 0;
                processed += 1;
            }
        }
        delta = delta.wrapping_add(1);
        code_point += 1;
    }
    Some(out)
}

/// [`encode`] of a string, as `idna::punycode::encode_str`.
pub(crate) fn encode_str(input: &str) -> Option<String> {
    encode(&input.chars().collect::<Vec<char>>())
}
