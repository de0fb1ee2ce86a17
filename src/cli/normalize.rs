//! `contact-rules normalize FIELD VALUE`: one value through one field's rule.

use super::args::{FieldName, NormalizeArgs};
use super::exit;
use contact_rules::{domain, email, linkedin, phone, text, uuid, FieldIssue};
use std::io::{self, Write};
use std::process::ExitCode;

/// Prints the normalized value on stdout (exit 0; warnings on stderr), or the issue on stderr
/// (exit 1).
pub fn run(args: &NormalizeArgs) -> ExitCode {
    let options = args.flags.options();
    let rule = match args.field {
        FieldName::Email => email::normalize,
        FieldName::Phone => phone::normalize,
        FieldName::Linkedin => linkedin::normalize,
        FieldName::Domain => domain::normalize,
        FieldName::Uuid => uuid::normalize,
        FieldName::Text => text::normalize,
    };
    let mut err = io::stderr().lock();
    match rule(&args.value, &options) {
        Ok(normalized) => {
            // A closed stdout (`| head -c0`) is not an error worth a status of its own.
            let mut out = io::stdout().lock();
            let _ = writeln!(out, "{}", normalized.value).and_then(|()| out.flush());
            for w in &normalized.warnings {
                let _ = write_issue(&mut err, "warning: ", w);
            }
            ExitCode::SUCCESS
        }
        Err(issue) => {
            let _ = write_issue(&mut err, "", &issue);
            exit::invalid()
        }
    }
}

/// `code: message`, then each `ctx` detail on its own indented line (`  key: value`).
fn write_issue(w: &mut impl Write, prefix: &str, issue: &FieldIssue) -> io::Result<()> {
    writeln!(w, "{prefix}{}: {}", issue.code, issue.message)?;
    for (key, value) in issue.ctx.iter().flatten() {
        match value {
            serde_json::Value::String(s) => writeln!(w, "  {key}: {s}")?,
            other => writeln!(w, "  {key}: {other}")?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use contact_rules::Code;

    #[test]
    fn issue_text() {
        let mut out = Vec::new();
        let issue = FieldIssue::new(Code::EmailTypo).with_ctx("suggestion", "jane@gmail.com");
        write_issue(&mut out, "warning: ", &issue).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "warning: email_typo: This address may contain a typo.\n  suggestion: jane@gmail.com\n"
        );
    }
}
