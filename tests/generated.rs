//! Property tests over the seeded payload generator (`tests/support/generator.rs`): the library
//! never panics, its outputs are idempotent and valid again, faultless payloads are valid and
//! every deliberate fault is refused with its code.
//!
//! Runs of a few thousand payloads keep `cargo test` quick; `examples/generate.rs` and
//! `scripts/agreement.py` run the same generator at scale.

#[path = "support/generator.rs"]
mod generator;

use contact_rules::{validate_contact, Options, Outcome, Region};
use generator::{rate_ppm, sample, Fault, Sample, Samples};
use serde_json::Value;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};

const SEED: u64 = 20_240_601;

fn us() -> Options {
    Options {
        default_region: Some(Region::parse(generator::REGION).expect("US is a region")),
        ..Options::default()
    }
}

/// Validates, turning a panic into a test failure that names the payload.
fn validate(s: &Sample, options: &Options) -> Outcome {
    match panic::catch_unwind(AssertUnwindSafe(|| validate_contact(&s.payload, options))) {
        Ok(out) => out,
        Err(_) => panic!(
            "validate_contact panicked on payload {} (faults {:?}): {}",
            s.index, s.faults, s.payload
        ),
    }
}

fn codes(out: &Outcome) -> Vec<&'static str> {
    out.errors.iter().map(|i| i.code.as_str()).collect()
}

fn json_text(out: &Outcome) -> String {
    let c = out.value.as_ref().expect("a valid outcome has a value");
    serde_json::to_string(c).expect("a contact serializes")
}

// ----- the generator itself -----

#[test]
fn generator_is_deterministic() {
    let ppm = rate_ppm(0.3).unwrap();
    let a: Vec<Sample> = Samples::new(7, ppm).take(300).collect();
    let b: Vec<Sample> = Samples::new(7, ppm).take(300).collect();
    assert_eq!(a, b, "same seed, same payloads");
    // Random access: payload i does not depend on where the run starts.
    let window: Vec<Sample> = Samples::starting_at(7, ppm, 100).take(50).collect();
    assert_eq!(&a[100..150], &window[..]);
    assert_eq!(sample(7, 123, ppm), a[123]);
    // Another seed gives other payloads.
    let c: Vec<Sample> = Samples::new(8, ppm).take(300).collect();
    assert!(
        a.iter()
            .zip(&c)
            .filter(|(x, y)| x.payload == y.payload)
            .count()
            < 3
    );
    // The fault layer does not change the faultless base.
    for (i, s) in a.iter().enumerate() {
        if s.faults.is_empty() {
            assert_eq!(s.payload, sample(7, i as u64, 0).payload, "payload {i}");
        }
    }
    let faulty = a.iter().filter(|s| !s.faults.is_empty()).count();
    assert!(
        (50..=130).contains(&faulty),
        "{faulty} of 300 faulty at rate 0.3"
    );
    // The output is pinned: a change to the generator changes every benchmark and report, so
    // it must be deliberate (update this fingerprint with it).
    let text: String = Samples::new(42, 0)
        .take(20)
        .map(|s| s.payload.to_string())
        .collect();
    assert_eq!(
        fnv1a(text.as_bytes()),
        FINGERPRINT,
        "generator output changed"
    );
}

/// FNV-1a of the first 20 payloads of seed 42 without faults.
const FINGERPRINT: u64 = 2_247_648_265_648_893_963;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn generator_covers_the_real_world_forms() {
    let all: Vec<String> = Samples::new(SEED, 0)
        .take(6000)
        .map(|s| s.payload.to_string())
        .collect();
    let text = all.join("\n");
    let wanted: &[(&str, &str)] = &[
        ("NBSP", "\u{a0}"),
        ("tab", "\\t"),
        ("ideographic space", "\u{3000}"),
        ("decomposed accent", "\u{301}"),
        ("Latin accents", "é"),
        ("Cyrillic", "Ольга"),
        ("Greek", "Ελένη"),
        ("CJK", "佐藤"),
        ("Hangul", "김"),
        ("Arabic", "محمد"),
        ("Devanagari with ZWJ", "\u{94d}\u{200d}"),
        ("Hebrew", "כהן"),
        ("display name", "\\\" <"),
        ("mailto", "mailto:"),
        ("MAILTO", "MAILTO:"),
        ("IDN email domain", "@bücher.de"),
        ("punycode", "xn--"),
        ("plus addressing", "+crm@"),
        ("free provider", "@gmail.com"),
        ("role account", "\"info@"),
        ("typo", "gmial.com"),
        ("US national", "\"("),
        ("+1", "+1-"),
        ("exit code 011", "\"011 "),
        ("GB trunk zero", "+44 (0)"),
        ("extension", " ext. "),
        ("extension x", " x"),
        ("vanity", "1-800-FLOWERS"),
        ("full-width digits", "\u{ff0b}"),
        ("Arabic-Indic digits", "\u{0669}"),
        ("BR", "+55 "),
        ("JP", "+81 "),
        ("linkedin bare", "\"linkedin.com/in/"),
        ("linkedin country", "uk.linkedin.com/in/"),
        ("linkedin trk", "?trk="),
        ("mwlite", "/mwlite/in/"),
        ("mobile", "m.linkedin.com/in/"),
        ("sub-page", "/details/experience/"),
        ("percent-encoded slug", "%C3%"),
        ("domain port", ":8080/"),
        ("domain trailing dot", ".\","),
        ("co.uk", ".co.uk"),
        ("com.au", ".com.au"),
        ("co.jp", ".co.jp"),
        ("braced uuid", "\"{"),
        ("urn uuid", "urn:uuid:"),
        ("lax boolean", "\"do_not_contact\":\"Yes\""),
        ("custom field", "custom_field_"),
        ("null", ":null"),
        ("blank", ":\"\""),
    ];
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(_, needle)| !text.contains(needle))
        .map(|(name, _)| *name)
        .collect();
    assert!(missing.is_empty(), "forms never generated: {missing:?}");

    let faults: BTreeMap<Fault, usize> = Samples::new(SEED, 1_000_000)
        .take(3000)
        .flat_map(|s| s.faults)
        .fold(BTreeMap::new(), |mut m, f| {
            *m.entry(f).or_default() += 1;
            m
        });
    let never: Vec<&str> = Fault::ALL
        .iter()
        .filter(|f| !faults.contains_key(f))
        .map(|f| f.name())
        .collect();
    assert!(never.is_empty(), "faults never drawn: {never:?}");
}

// ----- the library over generated payloads (these need the real rules) -----

#[test]
fn never_panics_and_valid_outputs_are_idempotent() {
    let mut checked = 0;
    for options in [us(), Options::default(), generator::unusual_options()] {
        for s in Samples::new(SEED, rate_ppm(0.15).unwrap()).take(2500) {
            let out = validate(&s, &options);
            assert_eq!(out.is_valid(), out.value.is_some(), "payload {}", s.index);
            if !out.is_valid() {
                continue;
            }
            let once = json_text(&out);
            let value: Value = serde_json::from_str(&once).expect("output is JSON");
            let again = validate_contact(&value, &options);
            assert!(
                again.is_valid(),
                "payload {}: the output {once} is not valid again: {:?}",
                s.index,
                codes(&again)
            );
            assert_eq!(
                json_text(&again),
                once,
                "payload {}: not idempotent",
                s.index
            );
            checked += 1;
        }
    }
    assert!(checked > 3000, "only {checked} valid outputs checked");
}

/// Reasons a faultless payload may still be refused, with the largest share allowed.
///
/// `phone_invalid`: the generator draws subscriber numbers at random inside ranges that
/// libphonenumber's metadata marks valid; metadata versions differ slightly at the edges of
/// those ranges. Nothing else may refuse a faultless payload.
const ALLOWED_REFUSALS: &[(&str, f64)] = &[("phone_invalid", 0.005)];

#[test]
fn faultless_payloads_are_valid() {
    let n = 4000;
    let options = us();
    let mut per_code: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut examples: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut refused = 0;
    for s in Samples::new(SEED, 0).take(n) {
        let out = validate(&s, &options);
        if out.is_valid() {
            continue;
        }
        refused += 1;
        for i in &out.errors {
            let code = i.code.as_str();
            *per_code.entry(code).or_default() += 1;
            let ex = examples.entry(code).or_default();
            if ex.len() < 3 {
                ex.push(format!(
                    "payload {}: {:?} at {:?}",
                    s.index, i.input, i.path
                ));
            }
        }
    }
    let report: Vec<String> = per_code
        .iter()
        .map(|(code, count)| format!("{code}: {count} e.g. {:?}", examples[code]))
        .collect();
    println!(
        "faultless payloads refused: {refused} of {n}\n{}",
        report.join("\n")
    );
    for (code, count) in &per_code {
        let allowed = ALLOWED_REFUSALS
            .iter()
            .find(|(c, _)| c == code)
            .map_or(0.0, |(_, share)| *share);
        assert!(
            (*count as f64) <= allowed * n as f64,
            "{count} faultless payloads refused with {code} (allowed {allowed}):\n{}",
            report.join("\n")
        );
    }
}

#[test]
fn faulty_payloads_are_refused_with_their_codes() {
    let options = us();
    let mut misses: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut total = 0;
    for s in Samples::new(SEED, 1_000_000).take(3000) {
        let out = validate(&s, &options);
        let got = codes(&out);
        for f in &s.faults {
            total += 1;
            if !f.codes().iter().any(|c| got.contains(c)) {
                misses.entry(f.name()).or_default().push(format!(
                    "payload {}: want one of {:?}, got {got:?}: {}",
                    s.index,
                    f.codes(),
                    s.payload.to_string().chars().take(300).collect::<String>()
                ));
            }
        }
    }
    let report: Vec<String> = misses
        .iter()
        .map(|(name, list)| format!("{name}: {} missed, first: {}", list.len(), list[0]))
        .collect();
    assert!(
        misses.is_empty(),
        "faults not reported (of {total}):\n{}",
        report.join("\n")
    );
}

// ----- the export shape (issue 14's judged benchmark file) -----

#[test]
fn export_shape_looks_like_a_crm_export_and_its_faults_are_refused() {
    let options = us();
    let n = 3000;
    let (mut bytes, mut largest, mut phone, mut linkedin, mut domain, mut non_ascii, mut faulty) =
        (0usize, 0usize, 0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for s in Samples::new(SEED, rate_ppm(0.15).unwrap())
        .shaped(generator::Shape::Export)
        .take(n)
    {
        let text = s.payload.to_string();
        bytes += text.len();
        largest = largest.max(text.len());
        let has = |k: &str| s.payload.get(k).is_some_and(Value::is_string);
        phone += usize::from(has("phone_number"));
        linkedin += usize::from(has("linkedin_url"));
        domain += usize::from(s.payload.get("domain").is_some());
        non_ascii += usize::from(["first_name", "last_name"].iter().any(|k| {
            s.payload
                .get(*k)
                .and_then(Value::as_str)
                .is_some_and(|v| !v.is_ascii())
        }));
        let out = validate(&s, &options);
        if s.faults.is_empty() {
            if !out.is_valid() && codes(&out) != ["phone_invalid"] {
                misses.push(format!(
                    "faultless payload {} refused: {:?}",
                    s.index,
                    codes(&out)
                ));
            }
        } else {
            faulty += 1;
            let got = codes(&out);
            assert!(
                !got.contains(&"payload_too_large"),
                "payload {}: a giant one",
                s.index
            );
            for f in &s.faults {
                if !f.codes().iter().any(|c| got.contains(c)) {
                    misses.push(format!(
                        "payload {}: {} not reported: {got:?}",
                        s.index,
                        f.name()
                    ));
                }
            }
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
    let pct = |x: usize| 100.0 * x as f64 / n as f64;
    let mean = bytes / n;
    assert!((400..=650).contains(&mean), "mean payload {mean} bytes");
    assert!(largest <= 1_500, "largest payload {largest} bytes");
    // Objects only (a `not_object` fault replaces the payload), so a little under the draw.
    assert!(pct(phone) > 85.0, "phone in {:.1}%", pct(phone));
    assert!(
        (75.0..=85.0).contains(&pct(linkedin)),
        "LinkedIn URL in {:.1}%",
        pct(linkedin)
    );
    assert!(pct(domain) > 98.0, "domain in {:.1}%", pct(domain));
    assert!(
        (40.0..=60.0).contains(&pct(non_ascii)),
        "non-ASCII names in {:.1}%",
        pct(non_ascii)
    );
    assert!(
        (12.0..=18.0).contains(&pct(faulty)),
        "faults in {:.1}%",
        pct(faulty)
    );
}
