//! `validate_contact_str` reads the common payload without building a `serde_json::Value`
//! first (a performance path, `contact::validate_simple`); these tests hold it to exactly the
//! result of `validate_contact` on the parsed value: generated payloads (many with faults) under
//! several options, and texts made to sit on each edge of the fast path (duplicate keys, escapes
//! in keys and values, nesting, numbers, non-objects, lone surrogates).

#[path = "support/generator.rs"]
mod generator;

use contact_rules::{validate_contact, validate_contact_str, Code, Options, Region, UnknownKeys};
use serde_json::Value;

fn option_sets() -> Vec<Options> {
    let us = Options {
        default_region: Some(Region::parse("US").expect("US is a region")),
        ..Options::default()
    };
    vec![
        Options::default(),
        us.clone(),
        generator::unusual_options(),
        Options {
            unknown_keys: UnknownKeys::Strip,
            derive_domain_from_email: true,
            ..us
        },
    ]
}

/// The fast path's result equals the general one's; texts that are not JSON give
/// `invalid_json` either way.
fn check(text: &str, options: &Options) {
    let fast = validate_contact_str(text, options);
    match serde_json::from_str::<Value>(text) {
        Ok(value) => assert_eq!(fast, validate_contact(&value, options), "{text}"),
        Err(_) => assert_eq!(fast.errors[0].code, Code::InvalidJson, "{text}"),
    }
}

#[test]
fn generated_payloads_same_result() {
    let options = option_sets();
    let samples = generator::Samples::new(7, generator::rate_ppm(0.4).unwrap_or(0));
    for (i, sample) in samples.take(6_000).enumerate() {
        let text = sample.payload.to_string();
        check(&text, &options[i % options.len()]);
        // The same payload pretty-printed (white space around every token).
        if i % 10 == 0 {
            let pretty = serde_json::to_string_pretty(&sample.payload).unwrap_or_default();
            check(&pretty, &options[(i / 10) % options.len()]);
        }
    }
}

#[test]
fn edges_same_result() {
    let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    let texts = [
        r#"{"email":"jane@acme.com"}"#.to_string(),
        r#"{"email":"jane@acme.com","email":"JOE@acme.com"}"#.to_string(),
        r#"{"email":"jane@acme.com","email":null,"title":"x"}"#.to_string(),
        r#"{"e\u006dail":"jane@acme.com"}"#.to_string(),
        r#"{"email":"jane\u0040acme.com"}"#.to_string(),
        r#"{"email":"jane@acme.com","title":"a\"b\\c\/d\n"}"#.to_string(),
        r#"{"email":"jane@acme.com","title":"\ud800"}"#.to_string(),
        r#"{"email":"jane@acme.com","title":"\ud83d\ude00 ok"}"#.to_string(),
        "{\"email\":\"jane@acme.com\",\"title\":\"tab\there\"}".to_string(),
        r#"{"email":"jane@acme.com","title":"é ́ e\u0301"}"#.to_string(),
        r#"{"email":"jane@acme.com","first_name":12,"last_name":true,"title":[],"location":{}}"#.to_string(),
        r#"{"email":"jane@acme.com","do_not_contact":"Yes","tags":["6BA7B810-9DAD-11D1-80B4-00C04FD430C8","x",null,1]}"#.to_string(),
        r#"{"email":"jane@acme.com","tags":[["6ba7b810-9dad-11d1-80b4-00c04fd430c8"]]}"#.to_string(),
        r#"{"email":"jane@acme.com","tags":"  ","domain":"  ","phone_number":""}"#.to_string(),
        r#"{"email":"jane@acme.com","custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8":123456789012345678901234567890}"#.to_string(),
        r#"{"email":"jane@acme.com","custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8":0.1,"custom_field_6BA7B810-9DAD-11D1-80B4-00C04FD430C8":1e400}"#.to_string(),
        r#"{"email":"jane@acme.com","custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8":{"a":[1]}}"#.to_string(),
        r#"{"email":"jane@acme.com","firstName":"Jane","phone":"+1 415 555 2671"}"#.to_string(),
        r#"{"email":"jane@acme.com","do_not_contact":1.0,"first_name":-0,"x":1E5,"custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8":-0.0e-0}"#.to_string(),
        r#"{"email":"jane@acme.com","do_not_contact":0e7,"title":true,"x":null,"y":false,"custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8":false}"#.to_string(),
        r#"{"email":"jane@acme.com","do_not_contact":" Off ","x":"v","custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8":" \t "}"#.to_string(),
        r#"{"email":"jane@acme.com","do_not_contact":"maybe","x":["a"],"custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8":["a"]}"#.to_string(),
        r#"{"email":"jane@acme.com","custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8":01}"#.to_string(),
        r#"{"email":"jane@acme.com","custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8":1.}"#.to_string(),
        r#"{"email":"jane@acme.com","do_not_contact":-}"#.to_string(),
        r#"{"email":"jane@acme.com","do_not_contact":1e+}"#.to_string(),
        r#"{"email":"jane@acme.com","do_not_contact":nul}"#.to_string(),
        r#"{"email":"jane@acme.com","do_not_contact":truefalse}"#.to_string(),
        r#"{"email":"jane@acme.com","tags":["{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}","[x]",{"a":"}"}]}"#.to_string(),
        r#"{"email":"jane@acme.com","tags":["\"[[[","\\",["\"]"]]}"#.to_string(),
        r#"{"email":"jane@acme.com","x":{"a":{"b":[["{\"}"]]}},"tags":[]}"#.to_string(),
        format!(r#"{{"email":"jane@acme.com","tags":["{}"]}}"#, "{[".repeat(300)),
        format!(r#"{{"email":"jane@acme.com","x":{}}}"#, deep(15)),
        format!(r#"{{"email":"jane@acme.com","x":{}}}"#, deep(16)),
        format!(r#"{{"email":"jane@acme.com","x":{}}}"#, deep(17)),
        format!(r#"{{"email":"jane@acme.com","tags":{}}}"#, deep(126)),
        format!(r#"{{"email":"jane@acme.com","tags":{}}}"#, deep(127)),
        format!(r#"{{"email":"jane@acme.com","tags":{}}}"#, deep(128)),
        format!(r#"{{"email":"jane@acme.com","x":{}}}"#, deep(200)),
        r#"[{"email":"jane@acme.com"}]"#.to_string(),
        r#""jane@acme.com""#.to_string(),
        "null".to_string(),
        "{}".to_string(),
        r#"{"email":"jane@acme.com"} x"#.to_string(),
        r#"{"email":"jane@acme.com",}"#.to_string(),
        r#"{"email":jane}"#.to_string(),
        "\u{feff}{\"email\":\"jane@acme.com\"}".to_string(),
    ];
    for options in option_sets() {
        for text in &texts {
            check(text, &options);
        }
    }
    // Many keys, around the limit and around the fast path's own cap.
    for n in [60, 63, 64, 65, 200, 1_001] {
        let mut text = String::from(r#"{"email":"jane@acme.com""#);
        for i in 0..n {
            text.push_str(&format!(r#","k{i}":"v""#));
        }
        text.push('}');
        for options in option_sets() {
            check(&text, &options);
        }
    }
}
