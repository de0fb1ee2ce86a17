//! The metadata's regular expressions, parsed by regex-syntax (so exactly as the `regex` crate
//! reads them) into a small tree over ASCII digits.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A set of ASCII digits: bit `d` for digit `d`.
pub type Set = u16;

/// A regular expression over ASCII digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    /// Matches the empty string.
    Empty,
    /// One digit of the set (an empty set never matches).
    Set(Set),
    /// Concatenation.
    Cat(Vec<Node>),
    /// Alternation, leftmost first.
    Alt(Vec<Node>),
    /// Repetition.
    Rep {
        min: u32,
        max: Option<u32>,
        greedy: bool,
        sub: Box<Node>,
    },
    /// Capture group (1-based index).
    Cap(u32, Box<Node>),
    /// Start of text.
    Start,
    /// End of text.
    End,
}

/// Parses a metadata pattern (`^(?:...)$` already included or not).
pub fn parse(pattern: &str) -> Node {
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .unwrap_or_else(|e| panic!("{pattern}: {e}"));
    convert(&hir, pattern)
}

fn digit_set(class: &Class, pattern: &str) -> Set {
    let Class::Unicode(u) = class else {
        panic!("byte class in {pattern}")
    };
    let mut set = 0;
    let mut other = false;
    for r in u.ranges() {
        for c in r.start()..=r.end() {
            if c.is_ascii_digit() {
                set |= 1 << (c as u8 - b'0');
            } else {
                other = true;
            }
        }
    }
    // `\d` is Unicode in the regex crate; inputs are ASCII digits only, so other decimal digits
    // never meet it. Any other character would be a surprise.
    if other {
        assert_eq!(set, 0x3FF, "non-digit class in {pattern}");
    }
    set
}

fn convert(h: &Hir, pattern: &str) -> Node {
    match h.kind() {
        HirKind::Empty => Node::Empty,
        HirKind::Literal(l) => {
            let s = std::str::from_utf8(&l.0).expect("utf-8 literal");
            let mut v: Vec<Node> = s
                .chars()
                .map(|c| {
                    assert!(c.is_ascii_digit(), "literal {c:?} in {pattern}");
                    Node::Set(1 << (c as u8 - b'0'))
                })
                .collect();
            if v.len() == 1 {
                v.pop().unwrap()
            } else {
                Node::Cat(v)
            }
        }
        HirKind::Class(c) => Node::Set(digit_set(c, pattern)),
        HirKind::Look(Look::Start) => Node::Start,
        HirKind::Look(Look::End) => Node::End,
        HirKind::Look(l) => panic!("look {l:?} in {pattern}"),
        HirKind::Repetition(r) => Node::Rep {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(convert(&r.sub, pattern)),
        },
        HirKind::Capture(c) => Node::Cap(c.index, Box::new(convert(&c.sub, pattern))),
        HirKind::Concat(v) => Node::Cat(v.iter().map(|h| convert(h, pattern)).collect()),
        HirKind::Alternation(v) => Node::Alt(v.iter().map(|h| convert(h, pattern)).collect()),
    }
}
