//! Writes seeded, realistic contact payloads as NDJSON on stdout.
//!
//! ```text
//! cargo run --release --example generate -- --seed 42 --count 100000 [--faults 0.15] [--start N] [--annotate]
//!     [--shape mixed|export]
//! ```
//!
//! The same seed gives the same payloads on every machine; payload `i` does not depend on
//! `--count`, so a shorter run is a prefix of a longer one. `--faults RATE` (0 to 1) puts one
//! or more deliberate faults into that share of the payloads. `--annotate` writes
//! `{"index": i, "faults": [...], "payload": ...}` instead of the bare payload. Phone numbers
//! are written for the default region `US` (national formats only for North America).
//! `--shape export` writes payloads shaped like a CRM export (about 500 bytes each, no giant
//! ones: see `Shape::Export`); the default `mixed` holds every form and fault the rules handle,
//! giant payloads included.

#[path = "../tests/support/generator.rs"]
mod generator;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: generate [--seed N] [--count N] [--faults RATE] [--start N] [--annotate] [--shape mixed|export]";

struct Args {
    seed: u64,
    count: u64,
    start: u64,
    fault_ppm: u32,
    annotate: bool,
    shape: generator::Shape,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        seed: 42,
        count: 1000,
        start: 0,
        fault_ppm: 0,
        annotate: false,
        shape: generator::Shape::Mixed,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--seed" => args.seed = number(&value("--seed")?)?,
            "--count" => args.count = number(&value("--count")?)?,
            "--start" => args.start = number(&value("--start")?)?,
            "--faults" => {
                let v = value("--faults")?;
                let rate: f64 = v
                    .parse()
                    .map_err(|_| format!("--faults: not a number: {v}"))?;
                args.fault_ppm = generator::rate_ppm(rate)
                    .ok_or_else(|| format!("--faults: {v} is not between 0 and 1"))?;
            }
            "--annotate" => args.annotate = true,
            "--shape" => {
                args.shape = match value("--shape")?.as_str() {
                    "mixed" => generator::Shape::Mixed,
                    "export" => generator::Shape::Export,
                    other => return Err(format!("--shape: {other} is neither mixed nor export")),
                }
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(args)
}

fn number(s: &str) -> Result<u64, String> {
    s.parse()
        .map_err(|_| format!("not a non-negative integer: {s}"))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let samples = generator::Samples::starting_at(args.seed, args.fault_ppm, args.start)
        .shaped(args.shape)
        .take(args.count as usize);
    for s in samples {
        let line = if args.annotate {
            let faults: Vec<&str> = s.faults.iter().map(|f| f.name()).collect();
            serde_json::json!({"index": s.index, "faults": faults, "payload": s.payload})
                .to_string()
        } else {
            s.payload.to_string()
        };
        if writeln!(out, "{line}").is_err() {
            // A closed pipe (`| head`) ends the run quietly.
            return ExitCode::SUCCESS;
        }
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    ExitCode::SUCCESS
}
