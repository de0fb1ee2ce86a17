//! Each field rule on realistic inputs: the strings of the seeded generator's payloads (the
//! same payloads as the command-line and Node benchmarks, 15% with deliberate faults), grouped
//! by the rule that reads them. Throughput is in inputs per second.
//!
//! ```text
//! cargo bench --bench rules                 # all rules
//! cargo bench --bench rules -- phone        # one rule
//! ```

#[path = "../tests/support/generator.rs"]
mod generator;

use contact_rules::{
    boolean, custom_field, domain, email, linkedin, phone, text, uuid, Options, Region,
};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use serde_json::Value;
use std::hint::black_box;

/// How many generated payloads the inputs are drawn from.
const PAYLOADS: usize = 2_000;

/// The inputs of each rule, drawn from the generator's payloads.
#[derive(Default)]
struct Inputs {
    email: Vec<String>,
    linkedin: Vec<String>,
    phone: Vec<String>,
    domain: Vec<String>,
    uuid: Vec<String>,
    text: Vec<String>,
    boolean: Vec<Value>,
    custom_key: Vec<String>,
    custom_value: Vec<Value>,
}

fn inputs() -> Inputs {
    let mut inputs = Inputs::default();
    let samples = generator::Samples::new(42, generator::rate_ppm(0.15).unwrap_or(0));
    for sample in samples.take(PAYLOADS) {
        let Value::Object(map) = sample.payload else {
            continue;
        };
        for (key, value) in map {
            // The rules see non-blank strings only (the contact module handles the rest), and
            // the benchmark skips the megabyte strings of the size faults.
            let string = match &value {
                Value::String(s) if !s.trim().is_empty() && s.len() < 4096 => Some(s.clone()),
                _ => None,
            };
            match (key.as_str(), string) {
                ("email", Some(s)) => inputs.email.push(s),
                ("linkedin_url", Some(s)) => inputs.linkedin.push(s),
                ("phone_number", Some(s)) => inputs.phone.push(s),
                ("domain", Some(s)) => inputs.domain.push(s),
                ("account_id", Some(s)) => inputs.uuid.push(s),
                ("first_name" | "last_name" | "title" | "location", Some(s)) => inputs.text.push(s),
                ("do_not_contact", _) => inputs.boolean.push(value),
                ("tags", _) => {
                    if let Value::Array(items) = value {
                        inputs
                            .uuid
                            .extend(items.into_iter().filter_map(|v| match v {
                                Value::String(s) if !s.trim().is_empty() => Some(s),
                                _ => None,
                            }));
                    }
                }
                (k, _) if k.len() > 13 && k[..13].eq_ignore_ascii_case("custom_field_") => {
                    inputs.custom_key.push(key.clone());
                    inputs.custom_value.push(value);
                }
                _ => {}
            }
        }
    }
    inputs
}

fn bench_str_rule(
    c: &mut Criterion,
    name: &str,
    values: &[String],
    options: &Options,
    rule: contact_rules::Rule,
) {
    let mut group = c.benchmark_group("rule");
    group.throughput(Throughput::Elements(values.len() as u64));
    group.bench_with_input(BenchmarkId::new(name, values.len()), values, |b, values| {
        b.iter(|| {
            for v in values {
                let _ = black_box(rule(black_box(v), options));
            }
        });
    });
    group.finish();
}

fn rules(c: &mut Criterion) {
    let inputs = inputs();
    let options = Options {
        default_region: Region::parse(generator::REGION).ok(),
        ..Options::default()
    };
    bench_str_rule(c, "email", &inputs.email, &options, email::normalize);
    bench_str_rule(c, "phone", &inputs.phone, &options, phone::normalize);
    bench_str_rule(
        c,
        "linkedin",
        &inputs.linkedin,
        &options,
        linkedin::normalize,
    );
    bench_str_rule(c, "domain", &inputs.domain, &options, domain::normalize);
    bench_str_rule(c, "uuid", &inputs.uuid, &options, uuid::normalize);
    bench_str_rule(c, "text", &inputs.text, &options, text::normalize);

    let mut group = c.benchmark_group("rule");
    group.throughput(Throughput::Elements(inputs.boolean.len() as u64));
    group.bench_function(BenchmarkId::new("boolean", inputs.boolean.len()), |b| {
        b.iter(|| {
            for v in &inputs.boolean {
                let _ = black_box(boolean::parse(black_box(v), &options));
            }
        });
    });
    group.throughput(Throughput::Elements(inputs.custom_key.len() as u64));
    group.bench_function(
        BenchmarkId::new("custom_field_key", inputs.custom_key.len()),
        |b| {
            b.iter(|| {
                for k in &inputs.custom_key {
                    let _ = black_box(custom_field::normalize_key(black_box(k)));
                }
            });
        },
    );
    group.throughput(Throughput::Elements(inputs.custom_value.len() as u64));
    group.bench_function(
        BenchmarkId::new("custom_field_value", inputs.custom_value.len()),
        |b| {
            b.iter(|| {
                for v in &inputs.custom_value {
                    let _ = black_box(custom_field::normalize_value(black_box(v), &options));
                }
            });
        },
    );
    group.finish();
}

criterion_group!(benches, rules);
criterion_main!(benches);
