//! `Options::from_js_json` (the package's camelCase options read without serde's derive) against
//! the serde derive it replaced in the WebAssembly bindings, kept here as the reference: the same
//! options accepted, the same values, and the same message for what is refused, less the
//! ` at line L column C` that serde_json adds to a message and a parsed value cannot know.
//!
//! The objects are generated: every key (and unknown ones) with values of every JSON type,
//! the accepted words and near misses, integers of every size and floats written as
//! `JSON.stringify` writes them (shortest digits, exponent from 1e21 and below 1e-6).

#[path = "support/generator.rs"]
mod generator;

use contact_rules::{
    Blank, DomainMode, EmailCase, Limits, Options, PhoneValidity, Region, UnknownKeys,
};
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct JsOptions {
    default_region: Option<String>,
    phone_validity: Option<PhoneValidity>,
    unknown_keys: Option<UnknownKeys>,
    blank: Option<Blank>,
    email_case: Option<JsEmailCase>,
    domain_mode: Option<DomainMode>,
    lax_booleans: Option<bool>,
    derive_domain_from_email: Option<bool>,
    limits: Option<JsLimits>,
}

#[derive(Deserialize)]
enum JsEmailCase {
    #[serde(rename = "lower")]
    Lower,
    #[serde(
        rename = "preserve_local",
        alias = "preserveLocal",
        alias = "preserve-local"
    )]
    PreserveLocal,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct JsLimits {
    text_max_chars: Option<usize>,
    custom_field_max_chars: Option<usize>,
    max_payload_bytes: Option<usize>,
    max_keys: Option<usize>,
    max_tags: Option<usize>,
}

/// The bindings' reader before `from_js_json` (src/wasm.rs at f9863b3), its message's position
/// cut off.
fn reference(json: &str) -> Result<Options, String> {
    if json.is_empty() || json == "null" {
        return Ok(Options::default());
    }
    let js: JsOptions = serde_json::from_str(json)
        .map_err(|e| format!("contact-rules: invalid options: {}", cut(e.to_string())))?;
    let mut o = Options::default();
    if let Some(r) = js.default_region {
        o.default_region =
            Some(Region::parse(&r).map_err(|e| format!("contact-rules: invalid options: {e}"))?);
    }
    o.phone_validity = js.phone_validity.unwrap_or(o.phone_validity);
    o.unknown_keys = js.unknown_keys.unwrap_or(o.unknown_keys);
    o.blank = js.blank.unwrap_or(o.blank);
    o.email_case = match js.email_case {
        Some(JsEmailCase::Lower) | None => EmailCase::Lower,
        Some(JsEmailCase::PreserveLocal) => EmailCase::PreserveLocal,
    };
    o.domain_mode = js.domain_mode.unwrap_or(o.domain_mode);
    o.lax_booleans = js.lax_booleans.unwrap_or(o.lax_booleans);
    o.derive_domain_from_email = js
        .derive_domain_from_email
        .unwrap_or(o.derive_domain_from_email);
    if let Some(l) = js.limits {
        let d = Limits::default();
        o.limits = Limits {
            text_max_chars: l.text_max_chars.unwrap_or(d.text_max_chars),
            custom_field_max_chars: l.custom_field_max_chars.unwrap_or(d.custom_field_max_chars),
            max_payload_bytes: l.max_payload_bytes.unwrap_or(d.max_payload_bytes),
            max_keys: l.max_keys.unwrap_or(d.max_keys),
            max_tags: l.max_tags.unwrap_or(d.max_tags),
        };
    }
    Ok(o)
}

/// A message without serde_json's position.
fn cut(m: String) -> String {
    match m.rfind(" at line ") {
        Some(i) => m[..i].to_owned(),
        None => m,
    }
}

/// The message with the float between "floating point `" and "`" taken out.
fn without_float(m: &str) -> Option<String> {
    let (head, rest) = m.split_once("floating point `")?;
    let (_, tail) = rest.split_once('`')?;
    Some(format!("{head}floating point `…`{tail}"))
}

/// Compares the two readers on `json`; returns whether they differ only in a float's last
/// digits (serde_json's float parser without `float_roundtrip` can be a unit or two in the
/// last place off, and its message prints that double: `1.3470115044e-59` is printed
/// `1.3470115043999999e-59`).
fn check(json: &str) -> bool {
    let (a, b) = (Options::from_js_json(json).map_err(cut), reference(json));
    if a == b {
        return false;
    }
    match (&a, &b) {
        (Err(x), Err(y)) if without_float(x).is_some() && without_float(x) == without_float(y) => {
            // Ours is the number the text says (correctly rounded), serde's a few units in the
            // last place away from it (1 or 2 seen).
            let (ours, theirs) = (float_in(x), float_in(y));
            let written = written_float(json);
            assert_eq!(ours.to_bits(), written.to_bits(), "{json}: {x}");
            assert!(
                ours.to_bits().abs_diff(theirs.to_bits()) <= 4,
                "{json}: {y}"
            );
            true
        }
        _ => panic!("{json}:\n ours:  {a:?}\n serde: {b:?}"),
    }
}

/// The float a message prints.
fn float_in(m: &str) -> f64 {
    let (_, rest) = m.split_once("floating point `").expect("a float message");
    rest.split('`')
        .next()
        .and_then(|t| t.parse().ok())
        .expect("a float")
}

/// The one float the options text holds in a `limits` field (the one a float message is
/// about), correctly rounded.
fn written_float(json: &str) -> f64 {
    let v: Value = serde_json::from_str(json).expect("valid JSON");
    let mut found = Vec::new();
    fn walk(v: &Value, found: &mut Vec<f64>) {
        match v {
            Value::Number(n) => {
                // What serde_json reads as a double for a usize.
                let t = n.as_str();
                let float = t.contains(['.', 'e', 'E'])
                    || t == "-0"
                    || match t.strip_prefix('-') {
                        Some(_) => t.parse::<i64>().is_err(),
                        None => t.parse::<u64>().is_err(),
                    };
                if float {
                    found.extend(t.parse::<f64>().ok());
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, found)),
            Value::Object(m) => m.values().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    walk(&v["limits"], &mut found);
    *found.first().expect("a float in limits")
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        generator::splitmix64(&mut self.0)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A double's text as `JSON.stringify` writes it: the shortest digits (Rust's `{:e}` gives
/// them), in fixed notation from 1e-6 to below 1e21, else `d.ddde±X`.
fn js_number(x: f64) -> String {
    let sci = format!("{x:e}");
    let (mant, exp) = sci.split_once('e').expect("{:e} has an e");
    let exp: i32 = exp.parse().expect("an exponent");
    let (neg, mant) = match mant.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mant),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    if x == 0.0 {
        return "0".into();
    }
    if (-7..21).contains(&exp) {
        if exp >= 0 {
            let e = exp as usize;
            if digits.len() <= e + 1 {
                format!("{neg}{digits}{}", "0".repeat(e + 1 - digits.len()))
            } else {
                format!("{neg}{}.{}", &digits[..=e], &digits[e + 1..])
            }
        } else {
            format!("{neg}0.{}{digits}", "0".repeat((-exp - 1) as usize))
        }
    } else {
        let rest = if digits.len() > 1 {
            format!(".{}", &digits[1..])
        } else {
            String::new()
        };
        format!(
            "{neg}{}{rest}e{}{}",
            &digits[..1],
            if exp > 0 { "+" } else { "-" },
            exp.abs()
        )
    }
}

/// A double rounded to `digits` significant digits (1 to 15): its shortest form is then
/// those digits (trailing zeros trimmed), the one decimal of at most 15 digits that maps to
/// it (DBL_DIG; normal range only).
fn round(x: f64, digits: u64) -> f64 {
    let x = if x.is_finite() && x.abs() > 1e-300 && x.abs() < 1e300 {
        x
    } else {
        1.25
    };
    format!("{:.*e}", digits.clamp(1, 15) as usize - 1, x)
        .parse()
        .expect("a float")
}

fn number(rng: &mut Rng) -> String {
    let digits = 1 + rng.below(15);
    match rng.below(8) {
        0 => rng.below(2_000).to_string(),
        1 => format!("-{}", rng.below(2_000)),
        2 => rng.next().to_string(),
        3 => js_number(round(
            rng.next() as f64 * (1 + rng.below(100_000)) as f64,
            digits,
        )),
        4 => js_number(round(
            f64::from_bits(rng.next() >> 2 | 0x3000_0000_0000_0000),
            digits,
        )),
        5 => js_number((rng.below(100_000) as f64) / 8.0 + 0.5),
        6 => js_number(10f64.powi(rng.below(60) as i32 - 30) * (1.0 + rng.below(9) as f64)),
        _ => js_number(-round(f64::from_bits(rng.next()) % 1e30, digits)),
    }
}

fn value(rng: &mut Rng, words: &[&str], depth: u32) -> String {
    match rng.below(if depth > 1 { 6 } else { 9 }) {
        0 => "null".into(),
        1 => rng.pick(&["true", "false"]).into(),
        2 => number(rng),
        3..=5 => serde_json::to_string(rng.pick(words)).expect("a string"),
        6 => format!(
            "{{{}:null}}",
            serde_json::to_string(rng.pick(words)).expect("a string")
        ),
        7 => format!("[{}]", value(rng, words, depth + 1)),
        _ => format!("{{\"x\":{}}}", value(rng, words, depth + 1)),
    }
}

const WORDS: &[&str] = &[
    "valid",
    "possible",
    "error",
    "strip",
    "keep",
    "null",
    "omit",
    "lower",
    "preserve_local",
    "preserveLocal",
    "preserve-local",
    "registrable",
    "host",
    "US",
    "gb",
    "XX",
    "de",
    "Valid",
    "",
    "a\"b\n\u{1}é",
    "1.5",
];

fn limits(rng: &mut Rng) -> String {
    let keys = [
        "textMaxChars",
        "customFieldMaxChars",
        "maxPayloadBytes",
        "maxKeys",
        "maxTags",
        "maxtags",
    ];
    if rng.below(6) == 0 {
        let n = rng.below(7);
        let items: Vec<String> = (0..n)
            .map(|_| {
                if rng.below(3) == 0 {
                    "null".into()
                } else {
                    number(rng)
                }
            })
            .collect();
        return format!("[{}]", items.join(","));
    }
    let mut m = Map::new();
    for _ in 0..rng.below(4) {
        let k = rng.pick(&keys);
        let v = if rng.below(3) > 0 {
            number(rng)
        } else {
            value(rng, WORDS, 1)
        };
        m.insert(k.into(), serde_json::from_str(&v).expect("valid JSON"));
    }
    Value::Object(m).to_string()
}

fn options(rng: &mut Rng) -> String {
    let keys = [
        "defaultRegion",
        "phoneValidity",
        "unknownKeys",
        "blank",
        "emailCase",
        "domainMode",
        "laxBooleans",
        "deriveDomainFromEmail",
        "limits",
        "default_region",
        "nope",
    ];
    let mut m = Map::new();
    for _ in 0..rng.below(5) {
        let k = rng.pick(&keys);
        let v = if k == "limits" && rng.below(4) > 0 {
            limits(rng)
        } else {
            value(rng, WORDS, 0)
        };
        m.insert(k.into(), serde_json::from_str(&v).expect("valid JSON"));
    }
    Value::Object(m).to_string()
}

#[test]
fn generated_options_are_read_as_the_serde_derive_read_them() {
    let mut rng = Rng(0x2026_1205);
    let (mut floats, mut off) = (0, 0);
    for _ in 0..100_000 {
        let json = options(&mut rng);
        let ours = Options::from_js_json(&json);
        if ours.as_ref().is_err_and(|e| e.contains("floating point")) {
            floats += 1;
        }
        if check(&json) {
            off += 1;
        }
    }
    // Most float messages agree to the digit; the rest are serde_json's parsing error.
    eprintln!("{floats} float messages, {off} with serde_json's last digit off");
    assert!(
        floats > 1_000 && off * 5 < floats,
        "{floats} float messages, {off} off"
    );
}

#[test]
fn written_cases() {
    for json in [
        "",
        "null",
        "{}",
        "[]",
        "1",
        "\"x\"",
        "true",
        "{",
        "{\"limits\":{\"textMaxChars\":1.5}}",
        "{\"limits\":{\"maxKeys\":-0}}",
        "{\"limits\":{\"maxKeys\":-1}}",
        "{\"limits\":{\"maxKeys\":18446744073709551615}}",
        "{\"limits\":{\"maxKeys\":18446744073709552000}}",
        "{\"limits\":{\"maxKeys\":-9223372036854775808}}",
        "{\"limits\":{\"maxKeys\":-9223372036854776000}}",
        "{\"blank\":-9223372036854775808}",
        "{\"blank\":-9223372036854776000}",
        "{\"blank\":-0}",
        "{\"blank\":18446744073709552000}",
        "{\"limits\":{\"maxKeys\":1e21}}",
        "{\"limits\":{\"maxKeys\":1e+21}}",
        "{\"limits\":{\"maxKeys\":1e-7}}",
        "{\"limits\":{\"maxKeys\":0.000001}}",
        "{\"limits\":{\"maxKeys\":123456789012345680000}}",
        "{\"limits\":{\"maxKeys\":-0.0}}",
        "{\"limits\":[1,2,3,4,5]}",
        "{\"limits\":[1,2,3,4,5,6]}",
        "{\"limits\":null}",
        "{\"blank\":{\"omit\":null}}",
        "{\"blank\":{\"omit\":1}}",
        "{\"blank\":{}}",
        "{\"blank\":{\"omit\":null,\"null\":null}}",
        "{\"blank\":1}",
        "{\"blank\":[\"omit\"]}",
        "{\"laxBooleans\":\"yes\"}",
        "{\"defaultRegion\":5}",
        "{\"defaultRegion\":\"XX\"}",
        "{\"emailCase\":\"preserveLocal\"}",
        "{\"x\":1}",
        "{\"limits\":{\"x\":1}}",
        "[\"US\"]",
        "[null,\"possible\",\"keep\"]",
    ] {
        check(json);
    }
    // Exponents beyond any double: serde_json refused them while reading ("number out of
    // range"); the value reader keeps their text, and the message must still come without a
    // panic or an overflow.
    for json in [
        "{\"limits\":{\"maxKeys\":1e9223372036854775807}}",
        "{\"limits\":{\"maxKeys\":-1e-9223372036854775808}}",
        "{\"limits\":{\"maxKeys\":12e99999999999999999999999}}",
        "{\"limits\":{\"maxKeys\":0.000e-9223372036854775808}}",
    ] {
        let e = Options::from_js_json(json).expect_err("not a usize");
        assert!(e.contains("floating point `"), "{json}: {e}");
        assert!(reference(json).is_err(), "{json}");
    }
}

// ----- issues read back (`Issue::list_from_json`, the bindings' `toFastApiErrorsJson`) -----

/// serde's reading of an issue list, its message's position cut off.
fn issues_reference(json: &str) -> Result<Vec<contact_rules::Issue>, String> {
    serde_json::from_str(json).map_err(|e| cut(e.to_string()))
}

fn check_issues(json: &str) {
    let (a, b) = (
        contact_rules::Issue::list_from_json(json).map_err(cut),
        issues_reference(json),
    );
    assert!(a == b, "{json}:\n ours:  {a:?}\n serde: {b:?}");
}

/// Issue lists as the package returns them (the generator's payloads validated), then
/// mutated: keys dropped, renamed, values of other types, path segments of every type,
/// arrays in place of objects.
#[test]
fn issue_lists_are_read_as_the_serde_derive_read_them() {
    let ppm = generator::rate_ppm(0.5).expect("a rate");
    let mut rng = Rng(0x0015_50e5);
    let others = [
        "null",
        "true",
        "1",
        "-1",
        "1.5",
        "-0",
        "18446744073709551616",
        "\"x\"",
        "[]",
        "{}",
        "[\"a\", 1]",
        "[1.5]",
        "[-1]",
        "[null]",
        "{\"a\":1}",
        "\"uuid_parsing\"",
        "\"nope\"",
    ];
    let mut n = 0;
    for i in 0..3_000 {
        let s = generator::sample(7, i, ppm);
        let out = contact_rules::validate_contact(&s.payload, &Options::default());
        let issues: Vec<Value> = out
            .errors
            .iter()
            .chain(&out.warnings)
            .map(|i| serde_json::to_value(i).expect("serializes"))
            .collect();
        check_issues(&Value::Array(issues.clone()).to_string());
        n += 1;
        for _ in 0..3 {
            let mut list = issues.clone();
            if list.is_empty() {
                list.push(json_issue());
            }
            let at = rng.below(list.len() as u64) as usize;
            let item = &mut list[at];
            match rng.below(6) {
                0 => {
                    let k = rng.pick(&["path", "code", "message", "input", "ctx"]);
                    if let Some(m) = item.as_object_mut() {
                        m.shift_remove(k);
                    }
                }
                1 => {
                    let k = rng.pick(&["path", "code", "message", "input", "ctx", "x"]);
                    let v: Value = serde_json::from_str(rng.pick(&others)).expect("JSON");
                    if let Some(m) = item.as_object_mut() {
                        m.insert(k.into(), v);
                    }
                }
                2 => {
                    let seg: Value = serde_json::from_str(rng.pick(&others)).expect("JSON");
                    if let Some(p) = item.get_mut("path").and_then(Value::as_array_mut) {
                        p.push(seg);
                    }
                }
                3 => {
                    let fields: Vec<Value> = ["path", "code", "message", "input", "ctx"]
                        .iter()
                        .map(|k| item.get(*k).cloned().unwrap_or(Value::Null))
                        .take(rng.below(7) as usize)
                        .collect();
                    *item = Value::Array(fields);
                }
                4 => *item = serde_json::from_str(rng.pick(&others)).expect("JSON"),
                _ => {}
            }
            check_issues(&Value::Array(list).to_string());
            n += 1;
        }
    }
    for json in [
        "",
        "1",
        "{}",
        "null",
        "[]",
        "[[]]",
        "[1]",
        "\"x\"",
        "[{}]",
        "{\"a\":[]}",
    ] {
        check_issues(json);
    }
    assert!(n > 10_000);
}

fn json_issue() -> Value {
    serde_json::json!({"path": ["email"], "code": "email_invalid", "message": "m", "input": null})
}
