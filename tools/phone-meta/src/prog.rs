//! The metadata patterns in the engine's text syntax (see `text`), and facts about them.

use crate::re::Node;

/// The longest string `node` can match.
pub fn max_len(node: &Node) -> u32 {
    match node {
        Node::Empty | Node::Start | Node::End => 0,
        Node::Set(_) => 1,
        Node::Cat(v) => v.iter().map(max_len).sum(),
        Node::Alt(v) => v.iter().map(max_len).max().unwrap_or(0),
        Node::Rep { max, sub, .. } => max.expect("bounded") * max_len(sub),
        Node::Cap(_, sub) => max_len(sub),
    }
}

/// Whether `node` holds `^` or `$`.
pub fn has_anchor(node: &Node) -> bool {
    match node {
        Node::Start | Node::End => true,
        Node::Empty | Node::Set(_) => false,
        Node::Cat(v) | Node::Alt(v) => v.iter().any(has_anchor),
        Node::Rep { sub, .. } | Node::Cap(_, sub) => has_anchor(sub),
    }
}

/// The pattern in the engine's text syntax: regular-expression syntax over digits where `d` is
/// any digit, `(` opens a non-capturing group and `<` a capturing one (both closed by `)`),
/// classes are `[...]` of digits and ranges, and repetitions are `?`, `{n}` and `{n,m}`.
pub fn text(node: &Node) -> String {
    let mut s = String::new();
    write(node, &mut s, false);
    s
}

fn write(node: &Node, s: &mut String, in_cat: bool) {
    match node {
        Node::Empty => {}
        Node::Set(m) => {
            let m = *m;
            if m == 0x3FF {
                s.push('d');
            } else if m.count_ones() == 1 {
                s.push((b'0' + m.trailing_zeros() as u8) as char);
            } else {
                s.push('[');
                let mut d = 0;
                while d < 10 {
                    if m & (1 << d) == 0 {
                        d += 1;
                        continue;
                    }
                    let mut e = d;
                    while e + 1 < 10 && m & (1 << (e + 1)) != 0 {
                        e += 1;
                    }
                    s.push((b'0' + d) as char);
                    if e >= d + 2 {
                        s.push('-');
                    }
                    if e > d {
                        s.push((b'0' + e) as char);
                    }
                    d = e + 1;
                }
                s.push(']');
            }
        }
        Node::Cat(v) => v.iter().for_each(|n| write(n, s, true)),
        Node::Alt(v) => {
            if in_cat {
                s.push('(');
            }
            for (i, n) in v.iter().enumerate() {
                if i > 0 {
                    s.push('|');
                }
                write(n, s, false);
            }
            if in_cat {
                s.push(')');
            }
        }
        Node::Rep {
            min,
            max,
            greedy,
            sub,
        } => {
            assert!(*greedy, "lazy repetition");
            let max = max.expect("bounded");
            let atom =
                matches!(**sub, Node::Set(_) | Node::Cap(..)) || matches!(&**sub, Node::Alt(_));
            if !atom {
                s.push('(');
            }
            write(sub, s, true);
            if !atom {
                s.push(')');
            }
            match (*min, max) {
                (0, 1) => s.push('?'),
                (a, b) if a == b => s.push_str(&format!("{{{a}}}")),
                (a, b) => s.push_str(&format!("{{{a},{b}}}")),
            }
        }
        Node::Cap(_, sub) => {
            s.push('<');
            write(sub, s, false);
            s.push(')');
        }
        Node::Start => s.push('^'),
        Node::End => s.push('$'),
    }
}

/// The capture indexes of `node` in the order their groups open.
pub fn captures(node: &Node, out: &mut Vec<u32>) {
    match node {
        Node::Cap(i, sub) => {
            out.push(*i);
            captures(sub, out);
        }
        Node::Cat(v) | Node::Alt(v) => v.iter().for_each(|n| captures(n, out)),
        Node::Rep { sub, .. } => captures(sub, out),
        _ => {}
    }
}

/// The set of lengths (bit `n` for length `n`) of the strings `node` matches (anchors match
/// nothing more than the empty string here).
pub fn length_set(node: &Node) -> u64 {
    fn sum(a: u64, b: u64) -> u64 {
        let mut r = 0;
        for i in 0..64 {
            if a & (1 << i) != 0 {
                r |= b << i;
            }
        }
        r
    }
    match node {
        Node::Empty | Node::Start | Node::End => 1,
        Node::Set(_) => 2,
        Node::Cat(v) => v.iter().fold(1, |a, n| sum(a, length_set(n))),
        Node::Alt(v) => v.iter().fold(0, |a, n| a | length_set(n)),
        Node::Rep { min, max, sub, .. } => {
            let one = length_set(sub);
            let mut cur = 1;
            for _ in 0..*min {
                cur = sum(cur, one);
            }
            let mut acc = cur;
            for _ in *min..max.expect("bounded") {
                cur = sum(cur, one);
                acc |= cur;
            }
            acc
        }
        Node::Cap(_, sub) => length_set(sub),
    }
}
