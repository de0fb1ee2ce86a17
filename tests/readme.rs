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
