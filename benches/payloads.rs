//! Whole payloads natively: the seeded generator's payloads (the same as the command-line and
//! Node benchmarks: seed 42, 15% with deliberate faults) as JSON text through
//! `validate_contact_str` (parsing included), as parsed values through `validate_contact`, and
//! the result serialized back to JSON as the command line writes it. Throughput is in payloads
//! per second. Group `payload` holds the mixed payloads (giant ones included), group
//! `export` the export-shaped ones (`Shape::Export`, issue 14's judged file).
//!
//! ```text
//! cargo bench --bench payloads
//! ```

#[path = "../tests/support/generator.rs"]
mod generator;

use contact_rules::{validate_contact, validate_contact_str, Options, Region};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde_json::Value;
use std::hint::black_box;

/// How many generated payloads one iteration validates.
const PAYLOADS: usize = 1_000;

fn payloads(c: &mut Criterion) {
    group(c, "payload", generator::Shape::Mixed);
    group(c, "export", generator::Shape::Export);
}

fn group(c: &mut Criterion, name: &str, shape: generator::Shape) {
    let samples: Vec<Value> = generator::Samples::new(42, generator::rate_ppm(0.15).unwrap_or(0))
        .shaped(shape)
        .take(PAYLOADS)
        .map(|s| s.payload)
        .collect();
    let texts: Vec<String> = samples.iter().map(Value::to_string).collect();
    let options = Options {
        default_region: Region::parse(generator::REGION).ok(),
        ..Options::default()
    };

    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(PAYLOADS as u64));
    group.bench_function("validate_contact_str", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(validate_contact_str(black_box(t), &options));
            }
        });
    });
    group.bench_function("validate_contact", |b| {
        b.iter(|| {
            for v in &samples {
                black_box(validate_contact(black_box(v), &options));
            }
        });
    });
    group.bench_function("validate_contact_str+serialize", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for t in &texts {
                let outcome = validate_contact_str(black_box(t), &options);
                let _ = serde_json::to_writer(&mut out, &outcome);
                out.push(b'\n');
            }
            black_box(out.len())
        });
    });
    // The same job with the crate's own writer (serde_json's bytes, without serde's derives),
    // as the command line and the WebAssembly entry write results.
    group.bench_function("validate_contact_str+json_write", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for t in &texts {
                let outcome = validate_contact_str(black_box(t), &options);
                contact_rules::json_write::write_result(&outcome, &mut out);
                out.push(b'\n');
            }
            black_box(out.len())
        });
    });
    group.finish();
}

criterion_group!(benches, payloads);
criterion_main!(benches);
