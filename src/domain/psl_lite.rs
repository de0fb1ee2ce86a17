//! A compact Public Suffix List for the WebAssembly build: the same answers as the `psl` crate
//! (which compiles the list into about 890 KB of WebAssembly) from the same list, vendored as
//! `data/public_suffix_list.dat` and packed by `build.rs` into about 85 KB (33 KB gzipped).
//!
//! # The data
//! The trie of the rules' labels, right to left, breadth first: for the root and then for each
//! node that has children, in the order they were listed, the node's children sorted by label
//! bytes, each as its label followed by one flag byte, then `/`. The flag is `b'A' + 2 * kind +
//! has_children`, where kind is 0 for a node that is only on the way to longer rules, 1 and 2
//! for an ICANN and a private rule, 3 and 4 for an ICANN and a private exception (`!`) rule.
//! A wildcard (`*`) rule is the child labelled `*`. Labels are lower-case ASCII; Unicode labels
//! of the list are stored as `xn--` Punycode.
//!
//! On first use the data is read once into an array of nodes whose children are contiguous and
//! sorted, so a lookup is a binary search per label.
//!
//! # The lookup
//! The `psl` crate's, rule for rule (its generated code is the reference, checked by the tests
//! below on every rule of the list and on random names):
//! - labels are compared byte for byte (`COM` is not `com`);
//! - the top-level label always counts as a public suffix of one label (the implicit `*` rule),
//!   of no section unless the list has it;
//! - an explicit child wins over a wildcard sibling, even when it is not a rule itself (the
//!   crate answers `at` for `ex.futurecms.at`, where `*.futurecms.at` and `*.ex.futurecms.at`
//!   are listed); a wildcard matches any label, the empty one too, and the walk stops there;
//! - an exception rule makes its parent the suffix;
//! - the crate holds each rule of the list in Unicode and in Punycode, so a name matches a rule
//!   either with all its Unicode labels in Unicode or with all of them in Punycode, never mixed
//!   (`個人.香港` and `xn--gmqw5a.xn--j6w193g` are suffixes, `個人.xn--j6w193g` is not). A
//!   Unicode label is encoded to Punycode to be looked up, and the walk remembers which form
//!   the name used.
//!
//! [`suffix_str`] and [`domain_str`] then work as `psl::suffix_str` and `psl::domain_str` do
//! (`psl_types::List::suffix` and `::domain`): a trailing dot is kept aside and counted in the
//! suffix, and the registrable domain is the suffix with the label before it.

use std::sync::OnceLock;

/// The trie, made by `build.rs` from `data/public_suffix_list.dat`.
static DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/public_suffix_trie.bin"));

/// The section of the list a rule comes from, as `psl::Type`: 0 for none (the implicit `*`
/// rule), 1 for ICANN, 2 for private.
type Section = u8;

/// The end of a list of children in [`DATA`].
const END: u8 = b'/';

/// One node of the trie.
#[derive(Clone, Copy)]
struct Node {
    /// Where the node's label starts in [`DATA`].
    label: u32,
    /// The label's length in bytes (at most 63).
    label_len: u8,
    /// The section of the node's rule, 0 if the node is not a rule.
    rule: Section,
    /// Whether the rule is an exception (`!`) rule.
    exception: bool,
    /// The section of the node's wildcard child (`*`), 0 if it has none.
    wildcard: Section,
    /// Whether the node has children in [`DATA`] (its list comes later, breadth first).
    has_children: bool,
    /// Where the node's children (without the wildcard) start in [`Trie::nodes`].
    first_child: u32,
    /// How many children the node has (without the wildcard).
    children: u32,
}

/// The trie read out of [`DATA`]; the root is `nodes[0]`.
struct Trie {
    nodes: Vec<Node>,
}

/// The trie, read out of [`DATA`] on first use.
fn trie() -> &'static Trie {
    static TRIE: OnceLock<Trie> = OnceLock::new();
    TRIE.get_or_init(|| Trie::read(DATA))
}

impl Trie {
    /// Reads the breadth-first lists of [`DATA`] (see the module's documentation). Data that
    /// does not follow the format (it always does: `build.rs` wrote it) gives a smaller trie,
    /// never a panic.
    fn read(data: &[u8]) -> Trie {
        let empty = Node {
            label: 0,
            label_len: 0,
            rule: 0,
            exception: false,
            wildcard: 0,
            has_children: true,
            first_child: 0,
            children: 0,
        };
        let mut nodes = Vec::with_capacity(data.len() / 7);
        nodes.push(empty);
        let mut parent = 0usize;
        let mut label_start = 0usize;
        let mut wildcard = 0;
        let mut first_child = nodes.len();
        for (i, &byte) in data.iter().enumerate() {
            if byte > b'J' {
                // A letter of a label (most bytes).
                continue;
            }
            if byte == END {
                let children = (nodes.len() - first_child) as u32;
                if let Some(p) = nodes.get_mut(parent) {
                    p.wildcard = wildcard;
                    p.first_child = first_child as u32;
                    p.children = children;
                }
                // The next node with children owns the next list.
                parent += 1;
                while nodes.get(parent).is_some_and(|n| !n.has_children) {
                    parent += 1;
                }
                wildcard = 0;
                first_child = nodes.len();
                label_start = i + 1;
            } else if byte >= b'A' {
                let flag = byte - b'A';
                let kind = flag / 2;
                let label = data.get(label_start..i).unwrap_or_default();
                if label == b"*" {
                    wildcard = kind;
                } else {
                    nodes.push(Node {
                        label: label_start as u32,
                        label_len: label.len() as u8,
                        rule: if kind > 2 { kind - 2 } else { kind },
                        exception: kind > 2,
                        wildcard: 0,
                        has_children: flag % 2 == 1,
                        first_child: 0,
                        children: 0,
                    });
                }
                label_start = i + 1;
            }
        }
        Trie { nodes }
    }

    fn label(&self, node: &Node) -> &'static [u8] {
        let start = node.label as usize;
        DATA.get(start..start + usize::from(node.label_len))
            .unwrap_or_default()
    }

    /// The child of `parent` labelled `label` (not the wildcard).
    fn child(&self, parent: &Node, label: &[u8]) -> Option<&Node> {
        let start = parent.first_child as usize;
        let children = self.nodes.get(start..start + parent.children as usize)?;
        let i = children
            .binary_search_by(|c| self.label(c).cmp(label))
            .ok()?;
        children.get(i)
    }
}

/// Which form of the list's Unicode labels a name uses, once it has matched one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Unknown,
    Unicode,
    Punycode,
}

/// The longest label of the list is 63 bytes, so a Unicode label of more characters than that
/// (its Punycode is longer still) cannot match one; it is not encoded (encoding is quadratic).
const MAX_LABEL: usize = 63;

/// The child of `parent` for the name's `label`, in the form the name has used so far.
fn child<'t>(trie: &'t Trie, parent: &Node, label: &str, form: &mut Form) -> Option<&'t Node> {
    if label.is_ascii() {
        let node = trie.child(parent, label.as_bytes())?;
        if label.starts_with("xn--") {
            if *form == Form::Unicode {
                return None;
            }
            *form = Form::Punycode;
        }
        Some(node)
    } else {
        if *form == Form::Punycode || label.chars().nth(MAX_LABEL).is_some() {
            return None;
        }
        let encoded = crate::host::punycode::encode_str(label)?;
        let node = trie.child(parent, format!("xn--{encoded}").as_bytes())?;
        *form = Form::Unicode;
        Some(node)
    }
}

/// What the list says of a name: the length in bytes of its public suffix (0 for none) and the
/// section of the rule that gave it. `labels` run right to left, without a trailing empty one.
fn find<'a>(mut labels: impl Iterator<Item = &'a str>) -> (usize, Section) {
    let trie = trie();
    let Some(top) = labels.next() else {
        return (0, 0);
    };
    let mut form = Form::Unknown;
    let Some(mut node) = trie
        .nodes
        .first()
        .and_then(|root| child(trie, root, top, &mut form))
    else {
        return (top.len(), 0);
    };
    let mut found = (top.len(), node.rule);
    let mut len = top.len();
    for label in labels {
        match child(trie, node, label, &mut form) {
            Some(n) if n.exception => return (len, n.rule),
            Some(n) => {
                len += 1 + label.len();
                if n.rule != 0 {
                    found = (len, n.rule);
                }
                node = n;
            }
            None if node.wildcard != 0 => return (len + 1 + label.len(), node.wildcard),
            None => return found,
        }
    }
    found
}

/// The public suffix of `name` with its section and whether `name` ends with a dot (then
/// counted in the suffix), as `psl_types::List::suffix` computes it.
fn suffix(name: &str) -> Option<(&str, Section, bool)> {
    let fqdn = name.ends_with('.');
    let mut labels = name.rsplit('.');
    if fqdn {
        labels.next();
    }
    let (mut len, section) = find(labels);
    if fqdn {
        len += 1;
    }
    if len == 0 {
        return None;
    }
    let suffix = name.get(name.len().checked_sub(len)?..)?;
    Some((suffix, section, fqdn))
}

/// The public suffix of `name` without a trailing dot, as `psl::suffix_str` gives it: `None`
/// only for the empty name.
#[cfg_attr(any(not(test), target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn suffix_str(name: &str) -> Option<&str> {
    let (suffix, _, fqdn) = suffix(name)?;
    Some(if fqdn {
        suffix.strip_suffix('.').unwrap_or(suffix)
    } else {
        suffix
    })
}

/// The registrable domain of `name` (its public suffix and one label more) without a trailing
/// dot, as `psl::domain_str` gives it: `None` when `name` is a public suffix itself.
pub(crate) fn domain_str(name: &str) -> Option<&str> {
    let (suffix, _, fqdn) = suffix(name)?;
    let name_len = name.len();
    if name_len < suffix.len() + 2 {
        return None;
    }
    let rest = name.get(..name_len - (1 + suffix.len()))?;
    let root_label = rest.rsplit('.').next()?;
    let domain = name.get(name_len - (root_label.len() + 1 + suffix.len())..)?;
    Some(if fqdn {
        domain.strip_suffix('.').unwrap_or(domain)
    } else {
        domain
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))] // compared with the native-only psl crate
mod tests;
