//! Runs every input through the `phonenumber` and `rlibphonenumber` crates and reports, per
//! input and per crate, whether the number is valid and its E.164 form (with `;ext=` and the
//! extension, if any), and per crate the time per number.
//!
//! Usage: `phone-compare INPUTS.tsv > results.jsonl` where each line of INPUTS.tsv is
//! `region<TAB>input` (region empty = none). Output: one JSON object per input,
//! `{"rlib": [valid, e164|null], "pn": [valid, e164|null]}`, then a last line
//! `{"timing": {"rlib": {"wall": µs, "cpu": µs}, "pn": {...}}, "runs": {...}}` (µs per number:
//! `RUNS` (default 5) timed passes after a first pass for rlibphonenumber, and `RUNS_PN`
//! (default 0: the first pass) for phonenumber; wall = best pass, CPU = mean of the passes).
//! A panic inside a crate counts as "not valid" and is reported as `"panic"`.

use std::io::{BufRead, BufWriter, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// One crate's answer: valid?, E.164 (+ extension) when valid, or a panic.
#[derive(Clone, PartialEq)]
enum Answer {
    Valid(String),
    Invalid,
    Panic,
}

fn rlib(input: &str, region: Option<rlibphonenumber::Region>) -> Answer {
    use rlibphonenumber::{PhoneNumberFormat, PHONE_NUMBER_UTIL};
    match PHONE_NUMBER_UTIL.parse(input, region) {
        Ok(n) if PHONE_NUMBER_UTIL.is_valid_number(&n) => {
            let mut s = PHONE_NUMBER_UTIL
                .format(&n, PhoneNumberFormat::E164)
                .into_owned();
            if let Some(ext) = n.extension.as_deref().filter(|e| !e.is_empty()) {
                s.push_str(";ext=");
                s.push_str(&PHONE_NUMBER_UTIL.normalize_digits_only(ext));
            }
            Answer::Valid(s)
        }
        _ => Answer::Invalid,
    }
}

fn pn(input: &str, region: Option<phonenumber::country::Id>) -> Answer {
    match phonenumber::parse(region, input) {
        Ok(n) if phonenumber::is_valid(&n) => {
            let mut s = n.format().mode(phonenumber::Mode::E164).to_string();
            if let Some(ext) = n.extension().filter(|e| !e.is_empty()) {
                s.push_str(";ext=");
                s.extend(
                    ext.chars()
                        .filter_map(|c| c.to_digit(10))
                        .map(|d| char::from_digit(d, 10).unwrap_or('?')),
                );
            }
            Answer::Valid(s)
        }
        _ => Answer::Invalid,
    }
}

/// Process CPU time in seconds (user + system), from `/proc/self/stat` (Linux; clock ticks
/// of 1/100 s). CPU time is steadier than wall time on a shared, busy machine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may contain spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Per-number time of one pass, in µs: wall clock and CPU.
#[derive(Clone, Copy)]
struct Timing {
    wall: f64,
    cpu: Option<f64>,
}

/// Runs `f` over all inputs, catching panics; returns the answers and the time per number.
fn run<R: Copy>(
    inputs: &[(Option<R>, String)],
    f: impl Fn(&str, Option<R>) -> Answer,
) -> (Vec<Answer>, Timing) {
    let cpu0 = cpu_seconds();
    let start = Instant::now();
    let answers: Vec<Answer> = inputs
        .iter()
        .map(|(r, s)| catch_unwind(AssertUnwindSafe(|| f(s, *r))).unwrap_or(Answer::Panic))
        .collect();
    let n = inputs.len().max(1) as f64;
    let wall = start.elapsed().as_secs_f64() * 1e6 / n;
    let cpu = match (cpu0, cpu_seconds()) {
        (Some(a), Some(b)) => Some((b - a) * 1e6 / n),
        _ => None,
    };
    (answers, Timing { wall, cpu })
}

/// The answers of a first pass, and the time of `runs` timed passes after it (the first pass
/// is the timed one when `runs` is 0): the best pass's wall time, and the mean CPU time over
/// the timed passes (the clock ticks every 10 ms, so CPU is summed over all of them).
fn measure<R: Copy>(
    inputs: &[(Option<R>, String)],
    f: impl Fn(&str, Option<R>) -> Answer + Copy,
    runs: usize,
) -> (Vec<Answer>, Timing) {
    let (answers, first) = run(inputs, f);
    if runs == 0 {
        return (answers, first);
    }
    let cpu0 = cpu_seconds();
    let mut wall = f64::INFINITY;
    for _ in 0..runs {
        wall = wall.min(run(inputs, f).1.wall);
    }
    let per = (runs * inputs.len().max(1)) as f64;
    let cpu = match (cpu0, cpu_seconds()) {
        (Some(a), Some(b)) => Some((b - a) * 1e6 / per),
        _ => None,
    };
    (answers, Timing { wall, cpu })
}

fn json(a: &Answer) -> serde_json::Value {
    match a {
        Answer::Valid(s) => serde_json::json!([true, s]),
        Answer::Invalid => serde_json::json!([false, null]),
        Answer::Panic => serde_json::json!("panic"),
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: phone-compare INPUTS.tsv");
    // Timed passes after the first (answers) pass: rlibphonenumber is cheap to repeat; the
    // phonenumber crate is slow on a many-country mix (its regex LRU cache holds 100 entries),
    // so by default its first pass is the timed one.
    let env = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let (rl_runs, pn_runs) = (env("RUNS", 5), env("RUNS_PN", 0));
    let file = std::fs::File::open(&path).expect("inputs file");
    let lines: Vec<(String, String)> = std::io::BufReader::new(file)
        .lines()
        .map(|l| {
            let l = l.expect("UTF-8 line");
            let (region, input) = l.split_once('\t').expect("region<TAB>input");
            (region.to_owned(), input.to_owned())
        })
        .collect();
    let rl_inputs: Vec<_> = lines
        .iter()
        .map(|(r, s)| (rlibphonenumber::Region::from_code(r).ok(), s.clone()))
        .collect();
    let pn_inputs: Vec<_> = lines
        .iter()
        .map(|(r, s)| (r.parse::<phonenumber::country::Id>().ok(), s.clone()))
        .collect();
    // Silence the default panic message: panics are counted, not printed.
    std::panic::set_hook(Box::new(|_| {}));
    // Load both crates' metadata before timing.
    let _ = rlib("+1 650 253 0000", None);
    let _ = pn("+1 650 253 0000", None);
    let (rl_ans, rl_t) = measure(&rl_inputs, rlib, rl_runs);
    let (pn_ans, pn_t) = measure(&pn_inputs, pn, pn_runs);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (a, b) in rl_ans.iter().zip(&pn_ans) {
        writeln!(
            out,
            "{}",
            serde_json::json!({"rlib": json(a), "pn": json(b)})
        )
        .expect("write");
    }
    let t = |t: Timing| serde_json::json!({"wall": t.wall, "cpu": t.cpu});
    let summary = serde_json::json!({
        "timing": {"rlib": t(rl_t), "pn": t(pn_t)},
        "runs": {"rlib": rl_runs, "pn": pn_runs},
    });
    writeln!(out, "{summary}").expect("write");
}
