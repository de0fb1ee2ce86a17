//! From a record to its result line: validation of each kind of record, the NDJSON result
//! line, and the counts behind `--summary`.

use super::input::Record;
use contact_rules::import::reader::Converter;
use contact_rules::import::Row;
use contact_rules::{json_write, validate_contact, validate_contact_str, Code, FieldIssue, Issue};
use contact_rules::{Options, Outcome};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// What every worker needs to validate records.
pub struct Context {
    /// The validation options.
    pub options: Options,
    /// Invalid records in FastAPI's shape.
    pub fastapi: bool,
    /// What turns CSV rows into payloads (the crate's importer's, for a CSV input).
    pub csv: Option<Converter>,
}

/// An outcome with one error.
fn failed(issue: Issue) -> Outcome {
    Outcome {
        value: None,
        errors: vec![issue],
        warnings: Vec::new(),
    }
}

/// `invalid_json` for the payload, with what went wrong in `ctx.error`.
fn invalid_json(error: String) -> Outcome {
    failed(Issue::at(
        Vec::new(),
        FieldIssue::new(Code::InvalidJson).with_ctx("error", error),
        None,
    ))
}

/// `payload_too_large` for the payload, as `validate_contact_str` reports it.
fn too_large(max: usize) -> Outcome {
    failed(Issue::at(
        Vec::new(),
        FieldIssue::new(Code::PayloadTooLarge)
            .with_message(format!("The payload is too large: at most {max} bytes."))
            .with_ctx("max_bytes", max as u64),
        None,
    ))
}

/// Validates one record (a JSON text's bytes are at its place in `text`, its batch's).
pub fn validate(record: &Record, text: &[u8], cx: &Context) -> Outcome {
    match record {
        Record::Json(at) => match std::str::from_utf8(text.get(at.clone()).unwrap_or_default()) {
            Ok(text) => validate_contact_str(text, &cx.options),
            Err(e) => invalid_json(format!("invalid UTF-8 at byte {}", e.valid_up_to())),
        },
        Record::TooLarge => too_large(cx.options.limits.max_payload_bytes),
        Record::Csv(row) => match cx.csv.as_ref().map(|c| c.convert(row)) {
            Some(Row::Payload(payload)) => validate_contact(&payload, &cx.options),
            Some(Row::Invalid(issue)) => failed(issue),
            Some(Row::TooLarge) | None => too_large(cx.options.limits.max_payload_bytes),
        },
    }
}

/// Appends the record's NDJSON result line to `out`, written by the crate's `json_write`
/// (the bytes serde_json writes over the derives; the tests hold it to them):
/// `{"index":…,"ok":true,"value":{…},"warnings":[…]}` for a valid record, else
/// `{"index":…,"ok":false,"errors":[…],"warnings":[…]}`, or with `fastapi`
/// `{"index":…,"ok":false,"detail":[…]}` (FastAPI's 422 shape of the errors).
pub fn write_line(out: &mut Vec<u8>, index: u64, outcome: &Outcome, fastapi: bool) {
    out.extend_from_slice(b"{\"index\":");
    json_write::write_u64(index, out);
    match (&outcome.value, outcome.errors.is_empty()) {
        (Some(value), true) => {
            out.extend_from_slice(b",\"ok\":true,\"value\":");
            json_write::write_contact(value, out);
            out.extend_from_slice(b",\"warnings\":");
            json_write::write_issues(&outcome.warnings, out);
        }
        _ if fastapi => {
            out.extend_from_slice(b",\"ok\":false,\"detail\":");
            json_write::write_fastapi_issues(&outcome.errors, out);
        }
        _ => {
            out.extend_from_slice(b",\"ok\":false,\"errors\":");
            json_write::write_issues(&outcome.errors, out);
            out.extend_from_slice(b",\"warnings\":");
            json_write::write_issues(&outcome.warnings, out);
        }
    }
    out.extend_from_slice(b"}\n");
}

/// Counts of records and issue codes, for `--summary` and the exit status.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tally {
    /// Records seen.
    pub records: u64,
    /// Valid records.
    pub valid: u64,
    /// Issues by code (errors and warnings; the code tells which).
    pub codes: BTreeMap<Code, u64>,
}

impl Tally {
    /// Counts one record's outcome.
    pub fn add(&mut self, outcome: &Outcome) {
        self.records += 1;
        if outcome.errors.is_empty() {
            self.valid += 1;
        }
        for issue in outcome.errors.iter().chain(&outcome.warnings) {
            *self.codes.entry(issue.code).or_default() += 1;
        }
    }

    /// Adds another tally's counts.
    pub fn merge(&mut self, other: &Tally) {
        self.records += other.records;
        self.valid += other.valid;
        for (&code, &n) in &other.codes {
            *self.codes.entry(code).or_default() += n;
        }
    }

    /// Invalid records.
    pub fn invalid(&self) -> u64 {
        self.records - self.valid
    }

    /// The `--summary` report: totals, then counts per error code and per warning code (in the
    /// order of the code table).
    pub fn write_summary(&self, w: &mut impl Write) -> io::Result<()> {
        writeln!(w, "records   {}", self.records)?;
        writeln!(w, "valid     {}", self.valid)?;
        writeln!(w, "invalid   {}", self.invalid())?;
        for (title, errors) in [("errors", true), ("warnings", false)] {
            let rows: Vec<_> = self
                .codes
                .iter()
                .filter(|(c, _)| c.is_error() == errors)
                .collect();
            let total: u64 = rows.iter().map(|(_, &n)| n).sum();
            writeln!(w, "{title:<9} {total}")?;
            for (code, n) in rows {
                writeln!(w, "  {:<28}{n}", code.as_str())?;
            }
        }
        Ok(())
    }
}

/// The tests' payload generator (tests/support/generator.rs).
#[cfg(test)]
#[path = "../../tests/support/generator.rs"]
mod generator;

#[cfg(test)]
mod tests {
    use super::*;
    use contact_rules::{Contact, Region, UnknownKeys};
    use serde::Serialize;
    use serde_json::{json, Value};

    use super::generator;

    /// The three line shapes as `write_line` wrote them with serde's derives before it wrote
    /// them with `json_write`.
    #[derive(Serialize)]
    struct ValidLine<'a> {
        index: u64,
        ok: bool,
        value: &'a Contact,
        warnings: &'a [Issue],
    }

    #[derive(Serialize)]
    struct InvalidLine<'a> {
        index: u64,
        ok: bool,
        errors: &'a [Issue],
        warnings: &'a [Issue],
    }

    #[derive(Serialize)]
    struct FastApiLine {
        index: u64,
        ok: bool,
        detail: Vec<Value>,
    }

    fn serde_line(index: u64, outcome: &Outcome, fastapi: bool) -> Vec<u8> {
        let mut out = match (&outcome.value, outcome.errors.is_empty()) {
            (Some(value), true) => serde_json::to_vec(&ValidLine {
                index,
                ok: true,
                value,
                warnings: &outcome.warnings,
            }),
            _ if fastapi => serde_json::to_vec(&FastApiLine {
                index,
                ok: false,
                detail: outcome.errors.iter().map(Issue::to_fastapi).collect(),
            }),
            _ => serde_json::to_vec(&InvalidLine {
                index,
                ok: false,
                errors: &outcome.errors,
                warnings: &outcome.warnings,
            }),
        }
        .expect("a line serializes");
        out.push(b'\n');
        out
    }

    /// `write_line` gives serde_json's bytes over the former derives, in both shapes, on
    /// generated payloads (every fault, giant ones included) under the default options, a
    /// default region, and kept unknown keys (any key text in `value`), and on payload text
    /// that is not JSON.
    #[test]
    fn lines_are_written_as_serde_json_wrote_them() {
        let us = Options {
            default_region: Some(Region::parse("US").expect("US is a region")),
            ..Options::default()
        };
        let keep = Options {
            unknown_keys: UnknownKeys::Keep,
            ..us.clone()
        };
        let sets = [Options::default(), us, keep, generator::unusual_options()];
        let ppm = generator::rate_ppm(0.4).expect("a rate");
        let (mut valid, mut invalid) = (0, 0);
        for i in 0..4_000u64 {
            let s = generator::sample(20_261_206, i, ppm);
            let options = &sets[(i % sets.len() as u64) as usize];
            let outcome = validate_contact(&s.payload, options);
            if outcome.is_valid() {
                valid += 1;
            } else {
                invalid += 1;
            }
            let index = i * 7_919_000_003;
            for fastapi in [false, true] {
                let mut out = b"previous line\n".to_vec();
                write_line(&mut out, index, &outcome, fastapi);
                let want = serde_line(index, &outcome, fastapi);
                assert!(
                    out.get(14..) == Some(&want[..]),
                    "payload {i}, fastapi {fastapi}: {}\n ours:  {}\n serde: {}",
                    s.payload,
                    String::from_utf8_lossy(&out),
                    String::from_utf8_lossy(&want),
                );
            }
        }
        assert!(
            valid > 500 && invalid > 500,
            "{valid} valid, {invalid} invalid"
        );
        for text in ["{", "[]", r#"{"email": "\u0000\"x"}"#, r#""\u2028""#] {
            let outcome = validate_contact_str(text, &Options::default());
            for fastapi in [false, true] {
                let mut out = Vec::new();
                write_line(&mut out, u64::MAX, &outcome, fastapi);
                assert_eq!(out, serde_line(u64::MAX, &outcome, fastapi), "{text}");
            }
        }
    }

    fn cx() -> Context {
        Context {
            options: Options::default(),
            fastapi: false,
            csv: None,
        }
    }

    #[test]
    fn records_to_outcomes() {
        let cx = cx();
        // The texts of a batch, one after the other: `{`, `"\xff"`, `[]`.
        let text = b"{\"\xff\"[]";
        let codes = |r: Record| -> Vec<Code> {
            let out = validate(&r, text, &cx);
            out.errors.iter().map(|i| i.code).collect()
        };
        assert_eq!(codes(Record::Json(0..1)), [Code::InvalidJson]);
        assert_eq!(codes(Record::Json(1..4)), [Code::InvalidJson]);
        assert_eq!(codes(Record::TooLarge), [Code::PayloadTooLarge]);
        assert_eq!(codes(Record::Json(4..6)), [Code::ObjectType]);
        // CSV rows, made payloads by the importer's converter on the worker.
        let mut imp = contact_rules::import::Importer::new(contact_rules::import::Settings {
            exact: true,
            encoding: Some(contact_rules::import::dialect::Encoding::Utf8),
            max_row_bytes: 20,
            ..Default::default()
        });
        let mut rows = imp
            .push_rows(b"first_name\nJane\n\xff\nJo,x\n123456789012345678901\n")
            .unwrap();
        rows.extend(imp.finish_rows().unwrap());
        let csv = Context {
            options: Options::default(),
            fastapi: false,
            csv: imp.converter().cloned(),
        };
        let got: Vec<Vec<Code>> = rows
            .into_iter()
            .map(|r| {
                let out = validate(&Record::Csv(r), &[], &csv);
                out.errors.iter().map(|i| i.code).collect()
            })
            .collect();
        assert_eq!(
            got,
            [
                vec![Code::EmailOrLinkedinRequired],
                vec![Code::RowInvalid],
                vec![Code::RowInvalid],
                vec![Code::PayloadTooLarge]
            ]
        );
        let too_large = validate(&Record::TooLarge, &[], &cx);
        let from_lib = validate_contact_str(&" ".repeat((1 << 20) + 1), &cx.options);
        assert_eq!(too_large, from_lib);
    }

    #[test]
    fn line_shapes() {
        let outcome = validate_contact_str(
            r#"{"linkedinUrl": "x", "first_name": " Jane "}"#,
            &Options::default(),
        );
        let mut out = Vec::new();
        write_line(&mut out, 7, &outcome, false);
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["index"], 7);
        assert_eq!(v["ok"], false);
        assert_eq!(v["errors"][0]["code"], "extra_forbidden");
        assert_eq!(v["errors"][0]["path"], json!(["linkedinUrl"]));
        assert_eq!(v["warnings"], json!([]));
        assert!(out.ends_with(b"}\n"));
        let mut out = Vec::new();
        write_line(&mut out, 7, &outcome, true);
        let v: Value = serde_json::from_slice(&out).unwrap();
        let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["index", "ok", "detail"]);
        assert_eq!(v["detail"][0]["loc"], json!(["body", "linkedinUrl"]));
        assert_eq!(v["detail"][0]["type"], "extra_forbidden");
    }

    #[test]
    fn summary_text() {
        let mut t = Tally::default();
        t.add(&validate_contact_str("{", &Options::default()));
        t.add(&validate_contact_str("{}", &Options::default()));
        let mut s = Vec::new();
        t.write_summary(&mut s).unwrap();
        let s = String::from_utf8(s).unwrap();
        assert!(
            s.starts_with("records   2\nvalid     0\ninvalid   2\nerrors    2\n"),
            "{s}"
        );
        assert!(s.contains("  invalid_json                1\n"), "{s}");
        assert!(s.ends_with("warnings  0\n"), "{s}");
    }
}
