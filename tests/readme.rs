//! The README's table of issue codes is checked against the one code table (`Code::ALL`).

use contact_rules::{Code, Severity};
use std::collections::BTreeMap;

#[test]
fn readme_code_table_matches_the_code_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md exists");
    // Rows look like: | `email_invalid` | error | ... |
    let mut documented = BTreeMap::new();
    for line in readme.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 || !cells[1].starts_with('`') {
            continue;
        }
        let code = cells[1].trim_matches('`');
        if let Some(c) = Code::from_code_str(code) {
            let severity = match cells[2] {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                other => panic!("README: {code}: severity {other:?} is neither error nor warning"),
            };
            assert!(
                documented.insert(c, severity).is_none(),
                "README lists {code} twice"
            );
        }
    }
    for &c in Code::ALL {
        assert_eq!(
            documented.get(&c),
            Some(&c.severity()),
            "README's code table: {} missing or with the wrong severity",
            c.as_str()
        );
    }
    assert_eq!(documented.len(), Code::ALL.len());
}

/// Every ```console block of the README is run: each `$ command` line (through `sh -c`, with the
/// built `contact-rules` first on PATH) must print exactly the lines that follow it.
#[test]
fn readme_console_blocks_are_real_output() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md exists");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_contact-rules"));
    let path = format!(
        "{}:{}",
        bin.parent()
            .expect("the binary is in a directory")
            .display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut commands: Vec<(String, String)> = Vec::new();
    let mut in_block = false;
    for line in readme.lines() {
        if line == "```console" {
            in_block = true;
        } else if in_block && line == "```" {
            in_block = false;
        } else if in_block {
            if let Some(cmd) = line.strip_prefix("$ ") {
                commands.push((cmd.to_string(), String::new()));
            } else if let Some((_, out)) = commands.last_mut() {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    assert!(commands.len() >= 5, "the README shows its commands");
    for (cmd, want) in commands {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(&cmd)
            .env("PATH", &path)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("sh runs");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            want,
            "README command: {cmd}"
        );
    }
}
