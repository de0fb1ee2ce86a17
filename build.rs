//! Compiles the vendored Public Suffix List (`data/public_suffix_list.dat`) into the compact trie
//! that `src/domain/psl_lite.rs` reads in WebAssembly builds, written to
//! `$OUT_DIR/public_suffix_trie.bin`. The format is described in that module; in short, the
//! trie of reversed labels listed breadth first, each node's children as `label flag` pairs in
//! byte order, each list closed by `/`.
//!
//! Labels in Unicode are stored as `xn--` Punycode (the lookup encodes a name's Unicode labels
//! the same way). Anything the lookup could not reproduce exactly as the `psl` crate answers
//! (a wildcard or an exception with rules under it, a wildcard that is not a whole leftmost
//! label, a character outside `a-z 0-9 -`, a label over 63 bytes, a rule outside the ICANN and
//! PRIVATE sections) stops the build with a message.

use std::collections::{BTreeMap, VecDeque};
use std::path::PathBuf;
use std::{env, fs};

const LIST: &str = "data/public_suffix_list.dat";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Section {
    Icann,
    Private,
}

/// What a trie node is: only on the way to longer rules, a rule, or an exception (`!`) rule.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Path,
    Rule(Section),
    Exception(Section),
}

#[derive(Default)]
struct Node {
    kind: Option<Kind>,
    children: BTreeMap<Vec<u8>, Node>,
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={LIST}");
    let text = fs::read_to_string(LIST).unwrap_or_else(|e| panic!("cannot read {LIST}: {e}"));
    let mut root = Node::default();
    let mut section = None;
    let mut rules = 0usize;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        match line {
            "// ===BEGIN ICANN DOMAINS===" => section = Some(Section::Icann),
            "// ===BEGIN PRIVATE DOMAINS===" => section = Some(Section::Private),
            "// ===END ICANN DOMAINS===" | "// ===END PRIVATE DOMAINS===" => section = None,
            _ => {}
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let rule = line.split_whitespace().next().unwrap_or(line);
        let at = format!("{LIST}:{}: {rule:?}", n + 1);
        let section =
            section.unwrap_or_else(|| panic!("{at}: rule outside the ICANN and PRIVATE sections"));
        insert(&mut root, rule, section, &at);
        rules += 1;
    }
    assert!(
        rules > 5000,
        "{LIST}: only {rules} rules; is it the whole list?"
    );
    check(&root, true, "");
    let blob = serialize(&root);
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("public_suffix_trie.bin"), blob).expect("cannot write the trie");
}

/// Adds one rule of the list to the trie.
fn insert(root: &mut Node, rule: &str, section: Section, at: &str) {
    let (exception, name) = match rule.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, rule),
    };
    let labels: Vec<&str> = name.split('.').collect();
    let mut node = root;
    for (i, label) in labels.iter().rev().enumerate() {
        let leftmost = i + 1 == labels.len();
        let key = if *label == "*" {
            assert!(
                leftmost && !exception,
                "{at}: `*` only as the leftmost label of a rule"
            );
            b"*".to_vec()
        } else if label.is_ascii() {
            assert!(
                !label.is_empty()
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{at}: a label other than lower-case letters, digits and hyphens"
            );
            assert!(
                !label.starts_with("xn--"),
                "{at}: a rule written in Punycode"
            );
            label.as_bytes().to_vec()
        } else {
            format!("xn--{}", punycode(label)).into_bytes()
        };
        assert!(key.len() <= 63, "{at}: a label over 63 bytes");
        node = node.children.entry(key).or_default();
        if node.kind.is_none() {
            node.kind = Some(Kind::Path);
        }
    }
    let kind = if exception {
        Kind::Exception(section)
    } else {
        Kind::Rule(section)
    };
    assert!(
        node.kind == Some(Kind::Path),
        "{at}: the rule is listed twice"
    );
    node.kind = Some(kind);
}

/// Checks the shapes the lookup relies on (as the `psl` crate's generated code does, it stops
/// at a wildcard or an exception, so neither may have rules under it).
fn check(node: &Node, is_root: bool, name: &str) {
    for (label, child) in &node.children {
        let child_name = format!("{}.{name}", String::from_utf8_lossy(label));
        let kind = child.kind.expect("every node has a kind");
        if label == b"*" {
            assert!(!is_root, "a `*` rule for the top level");
            assert!(
                matches!(kind, Kind::Rule(_)),
                "{child_name}: a `*` label that is not a rule"
            );
        }
        if label == b"*" || matches!(kind, Kind::Exception(_)) {
            assert!(
                child.children.is_empty(),
                "{child_name}: rules under a wildcard or an exception"
            );
        }
        assert!(
            !(is_root && matches!(kind, Kind::Exception(_))),
            "{child_name}: an exception for a top-level domain"
        );
        check(child, false, &child_name);
    }
}

/// The trie breadth first: for each node that has children, in order, its children sorted by
/// label bytes, each as the label then one flag byte, and `/` to close the list.
fn serialize(root: &Node) -> Vec<u8> {
    let mut out = Vec::new();
    let mut queue = VecDeque::from([root]);
    while let Some(node) = queue.pop_front() {
        for (label, child) in &node.children {
            let kind = match child.kind.expect("every node has a kind") {
                Kind::Path => 0,
                Kind::Rule(Section::Icann) => 1,
                Kind::Rule(Section::Private) => 2,
                Kind::Exception(Section::Icann) => 3,
                Kind::Exception(Section::Private) => 4,
            };
            let has_children = u8::from(!child.children.is_empty());
            out.extend_from_slice(label);
            out.push(b'A' + kind * 2 + has_children);
            if has_children == 1 {
                queue.push_back(child);
            }
        }
        out.push(b'/');
    }
    out
}

/// RFC 3492 Punycode of a label (without the `xn--` prefix).
fn punycode(label: &str) -> String {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
        delta /= if first { DAMP } else { 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
    }
    fn digit(d: u32) -> char {
        char::from(if d < 26 {
            b'a' + d as u8
        } else {
            b'0' + (d - 26) as u8
        })
    }
    let chars: Vec<u32> = label.chars().map(u32::from).collect();
    let mut out: String = label.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias) = (0x80u32, 0u32, 72u32);
    while (handled as usize) < chars.len() {
        let m = chars
            .iter()
            .copied()
            .filter(|&c| c >= n)
            .min()
            .expect("a code point is left");
        delta += (m - n) * (handled + 1);
        n = m;
        for &c in &chars {
            if c < n {
                delta += 1;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    out
}
