//! `psl_lite` against the `psl` crate it stands in for: the vendored list is the crate's, and
//! both give the same suffix, registrable domain and section on every rule of the list, on the
//! public test data and on random names.

use super::*;
use crate::test_rng::XorShift;
use std::collections::BTreeSet;

/// The vendored list, as `build.rs` reads it.
const LIST: &str = include_str!("../../../data/public_suffix_list.dat");

/// A rule of the list: its text (`*.ck`, `!www.ck`, `公司.cn`) and section (1 ICANN, 2 private).
struct Rule {
    text: &'static str,
    section: Section,
}

fn rules() -> Vec<Rule> {
    let mut section = 0;
    let mut out = Vec::new();
    for line in LIST.lines().map(str::trim) {
        match line {
            "// ===BEGIN ICANN DOMAINS===" => section = 1,
            "// ===BEGIN PRIVATE DOMAINS===" => section = 2,
            "// ===END ICANN DOMAINS===" | "// ===END PRIVATE DOMAINS===" => section = 0,
            _ => {}
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let text = line.split_whitespace().next().unwrap_or(line);
        assert_ne!(section, 0, "{text} outside the sections");
        out.push(Rule { text, section });
    }
    out
}

/// A label in Punycode when it is not ASCII.
fn ascii_label(label: &str) -> String {
    if label.is_ascii() {
        label.to_owned()
    } else {
        format!("xn--{}", idna::punycode::encode_str(label).unwrap())
    }
}

fn ascii_name(name: &str) -> String {
    name.split('.')
        .map(ascii_label)
        .collect::<Vec<_>>()
        .join(".")
}

/// The `psl` crate's answer: suffix, section, registrable domain.
fn reference(name: &str) -> (Option<&str>, Section, Option<&str>) {
    let section = match psl::suffix(name.as_bytes()).and_then(|s| s.typ()) {
        None => 0,
        Some(psl::Type::Icann) => 1,
        Some(psl::Type::Private) => 2,
    };
    (psl::suffix_str(name), section, psl::domain_str(name))
}

/// `psl_lite`'s answer, in the same shape.
fn lite(name: &str) -> (Option<&str>, Section, Option<&str>) {
    let section = suffix(name).map_or(0, |(_, s, _)| s);
    (suffix_str(name), section, domain_str(name))
}

/// Compares both on `name`; returns 1 so that callers can count.
fn same(name: &str) -> usize {
    assert_eq!(lite(name), reference(name), "{name:?}");
    1
}

#[test]
fn the_list_is_the_one_psl_answers_with() {
    let rules = rules();
    assert_eq!(rules.len(), 10_397);
    let mut seen = BTreeSet::new();
    for rule in &rules {
        assert!(seen.insert(rule.text), "{} listed twice", rule.text);
        for form in [rule.text.to_owned(), ascii_name(rule.text)] {
            // What the rule says of a name it covers: its suffix and section.
            let (name, want) = if let Some(exception) = form.strip_prefix('!') {
                let parent = exception.split_once('.').map_or("", |(_, p)| p);
                (exception.to_owned(), parent.to_owned())
            } else if let Some(parent) = form.strip_prefix("*.") {
                let name = format!("zz-psl-test.{parent}");
                (name.clone(), name)
            } else {
                (form.clone(), form.clone())
            };
            let (suffix, section, _) = reference(&name);
            assert_eq!(
                suffix,
                Some(want.as_str()),
                "{}: psl's suffix of {name}",
                rule.text
            );
            assert_eq!(section, rule.section, "{}: psl's section", rule.text);
        }
    }
    eprintln!(
        "psl 2.1.247 agrees with all {} rules of data/public_suffix_list.dat",
        rules.len()
    );
}

#[test]
fn the_trie_is_well_formed() {
    let trie = trie();
    let mut stored = 0;
    for node in &trie.nodes {
        let start = node.first_child as usize;
        let children = &trie.nodes[start..start + node.children as usize];
        assert!(children
            .windows(2)
            .all(|w| trie.label(&w[0]) < trie.label(&w[1])));
        assert!(node.children == 0 || node.has_children);
        stored += usize::from(node.rule != 0) + usize::from(node.wildcard != 0);
    }
    assert_eq!(stored, rules().len());
}

#[test]
fn same_answers_on_every_rule() {
    let mut compared = 0;
    for rule in rules() {
        let bare = rule.text.trim_start_matches('!');
        for form in [bare.to_owned(), ascii_name(bare)] {
            let mut names = Vec::new();
            for wild in ["zz", "", "www", "city"] {
                let name = match form.strip_prefix("*.") {
                    Some(rest) => format!("{wild}.{rest}"),
                    None => form.clone(),
                };
                let parent = name.split_once('.').map_or("", |(_, p)| p).to_owned();
                names.extend([
                    format!("a.{name}"),
                    format!("b.a.{name}"),
                    format!("{name}."),
                    format!("a.{name}."),
                    name.to_ascii_uppercase(),
                    format!(".{name}"),
                    format!("a..{name}"),
                    parent,
                    name,
                ]);
            }
            compared += names.iter().map(|n| same(n)).sum::<usize>();
        }
    }
    eprintln!("same answers on {compared} names made from the list's rules");
}

#[test]
fn same_answers_on_public_test_data() {
    let dir = std::env::var_os("CONTACT_RULES_TESTDATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/public")
        });
    let Ok(tsv) = std::fs::read_to_string(dir.join("domains.tsv")) else {
        eprintln!("no {}: skipped", dir.join("domains.tsv").display());
        return;
    };
    let mut compared = 0;
    for line in tsv.lines().skip(1) {
        let input = line.split('\t').next().unwrap_or_default();
        let lower = input.to_lowercase();
        compared += same(input) + same(&lower) + same(&ascii_name(&lower));
        if let Ok(host) = idna::domain_to_ascii(input) {
            compared += same(&host);
        }
    }
    eprintln!("same answers on {compared} names from domains.tsv");
}

#[test]
fn same_answers_on_random_names() {
    const NAMES: usize = 200_000;
    let rules = rules();
    let mut labels: Vec<String> = rules
        .iter()
        .flat_map(|r| r.text.trim_start_matches('!').split('.'))
        .flat_map(|l| [l.to_owned(), ascii_label(l)])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    labels.extend(["", "xn--", "WWW", "Com", "ü", "公司", "-", "a-b"].map(String::from));
    let mut rng = XorShift(0x5DEE_CE66_D1CE_4E5B);
    let random_label = |rng: &mut XorShift| -> String {
        const CHARS: &[u8] = b"abcxyz019-";
        let len = 1 + rng.below(8);
        (0..len).map(|_| char::from(*rng.pick(CHARS))).collect()
    };
    let mut compared = 0;
    for _ in 0..NAMES {
        let mut parts: Vec<String> = Vec::new();
        if rng.below(5) > 0 {
            // A rule, each Unicode label in Unicode, in Punycode, or either at random.
            let rule = rng.pick(&rules).text.trim_start_matches('!');
            let style = rng.below(3);
            for label in rule.split('.') {
                let label = if label == "*" {
                    random_label(&mut rng)
                } else {
                    label.to_owned()
                };
                let ascii = style == 1 || (style == 2 && rng.below(2) == 0);
                parts.push(if ascii { ascii_label(&label) } else { label });
            }
            let drop = rng.below(3).min(parts.len());
            parts.drain(..drop);
        }
        for _ in 0..rng.below(4) {
            let label = match rng.below(3) {
                0 => random_label(&mut rng),
                _ => rng.pick(&labels).clone(),
            };
            parts.insert(0, label);
        }
        let mut name = parts.join(".");
        match rng.below(20) {
            0 => name.push('.'),
            1 => name = name.to_ascii_uppercase(),
            2 => name.insert(0, '.'),
            _ => {}
        }
        compared += same(&name);
    }
    eprintln!("same answers on {compared} random names");
}

#[test]
fn examples() {
    for (name, suffix, domain) in [
        ("www.acme.co.uk", Some("co.uk"), Some("acme.co.uk")),
        ("co.uk", Some("co.uk"), None),
        ("jane.github.io", Some("github.io"), Some("jane.github.io")),
        ("github.io", Some("github.io"), None),
        ("www.ck", Some("ck"), Some("www.ck")),
        ("a.b.ck", Some("b.ck"), Some("a.b.ck")),
        ("ex.futurecms.at", Some("at"), Some("futurecms.at")),
        (
            "acme.unlistedtld",
            Some("unlistedtld"),
            Some("acme.unlistedtld"),
        ),
        (
            "x.xn--85x722f.xn--55qx5d.cn",
            Some("xn--55qx5d.cn"),
            Some("xn--85x722f.xn--55qx5d.cn"),
        ),
        ("x.個人.香港", Some("個人.香港"), Some("x.個人.香港")),
        (
            "x.個人.xn--j6w193g",
            Some("xn--j6w193g"),
            Some("個人.xn--j6w193g"),
        ),
        ("acme.com.", Some("com"), Some("acme.com")),
        ("", None, None),
    ] {
        assert_eq!(
            (suffix_str(name), domain_str(name)),
            (suffix, domain),
            "{name:?}"
        );
    }
}

/// Timings, natively: `cargo test --release --lib psl_lite::tests::speed -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement; run it in release"]
fn speed() {
    use std::time::Instant;
    let names = [
        "www.acme.co.uk",
        "shop.acme.com",
        "jane.github.io",
        "a.b.c.kawasaki.jp",
        "x.unlistedtld",
        "foo.bar.s3.amazonaws.com",
        "xn--bcher-kva.de",
        "www.example.org",
    ];
    let t = Instant::now();
    let nodes = trie().nodes.len();
    let read = t.elapsed();
    const N: usize = 1_000_000;
    let t = Instant::now();
    let lite_sum: usize = (0..N)
        .map(|i| domain_str(names[i % 8]).map_or(0, str::len))
        .sum();
    let lite = t.elapsed().as_nanos() as f64 / N as f64;
    let t = Instant::now();
    let psl_sum: usize = (0..N)
        .map(|i| psl::domain_str(names[i % 8]).map_or(0, str::len))
        .sum();
    let psl = t.elapsed().as_nanos() as f64 / N as f64;
    assert_eq!(lite_sum, psl_sum);
    eprintln!(
        "psl_lite: trie of {nodes} nodes read in {read:?}; {lite:.0} ns a lookup; psl: {psl:.0} ns"
    );
}
